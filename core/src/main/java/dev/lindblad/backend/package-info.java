/**
 * Native backends: the service interface a native library's provider implements
 * ({@link dev.lindblad.backend.Backend}, found by {@link java.util.ServiceLoader}; the module
 * {@code lindblad-native} provides Intel MKL and OpenBLAS/LAPACK with SuiteSparse), and the
 * per-call choice between it and the pure-Java kernels ({@link dev.lindblad.backend.Backends}),
 * by size from thresholds measured on the machine ({@link dev.lindblad.backend.BackendThresholds}).
 * Without a backend on the class path every kernel runs in Java, as before.
 */
package dev.lindblad.backend;
