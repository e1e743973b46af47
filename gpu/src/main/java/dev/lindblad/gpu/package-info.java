/**
 * NVIDIA GPUs through FFM bindings to the CUDA runtime ({@code libcudart}), cuBLAS and cuSPARSE.
 *
 * <p>Libraries are found by file name in {@link dev.lindblad.gpu.Gpu#searchPath()}: the directories
 * of {@code -Dlindblad.cuda.path} (when set, only those), {@code LINDBLAD_CUDA_PATH},
 * {@code java.library.path}, {@code LD_LIBRARY_PATH}, the standard library directories and every
 * {@code /usr/local/cuda*}{@code /lib64}. Complex vectors are interleaved {@code (re, im)} pairs,
 * as {@code cuDoubleComplex}; density matrices are vectorised by stacking columns, as
 * {@link dev.lindblad.Superops#operatorToVector}.
 */
package dev.lindblad.gpu;
