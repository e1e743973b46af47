/**
 * Lindblad on NVIDIA GPUs: the CUDA runtime, cuBLAS and cuSPARSE through the Foreign Function
 * &amp; Memory API (no JNI), found at run time. {@link dev.lindblad.gpu.Gpu} says which devices are
 * usable or exactly why none is; {@link dev.lindblad.gpu.GpuMesolve} integrates a master equation
 * with a constant Liouvillian on the device. Core finds the {@code gpu} backend with
 * {@link java.util.ServiceLoader}; without a GPU it reports itself unavailable and Java runs.
 */
module dev.lindblad.gpu {
    requires dev.lindblad;

    exports dev.lindblad.gpu;

    provides dev.lindblad.backend.Backend with dev.lindblad.gpu.GpuBackend;
}
