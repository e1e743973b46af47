/**
 * Lindblad's native backends through the Foreign Function &amp; Memory API: Intel MKL (from the
 * {@code org.bytedeco:mkl} redistributable jar) and the system's OpenBLAS/LAPACK with
 * SuiteSparse UMFPACK and KLU. Nothing here is called directly: core finds the backends with
 * {@link java.util.ServiceLoader} and chooses per call ({@code dev.lindblad.backend.Backends}).
 */
module dev.lindblad.foreign {
    requires dev.lindblad;

    provides dev.lindblad.backend.Backend with dev.lindblad.foreign.MklBackend, dev.lindblad.foreign.OpenBlasBackend,
            dev.lindblad.foreign.KluBackend;
}
