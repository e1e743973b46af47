package dev.lindblad.gpu;

/**
 * The few vector operations the integrator of {@link GpuMesolve} needs, on complex vectors of
 * one fixed length held wherever the implementation keeps them: on the device
 * ({@link CudaVectors}: cuBLAS and cuSPARSE calls, nothing copied back but scalars) or in Java
 * arrays ({@link HostVectors}, the twin that runs the same integrator on the CPU and in tests).
 * Each operation is one library call, so that the device side stays thin.
 *
 * @param <V> the vector handle
 */
interface VectorOps<V> extends AutoCloseable {

    /** @return the complex length of every vector */
    int length();

    /** @return a new vector, zero */
    V allocate();

    /** Copies interleaved host values (length 2 {@link #length()}) into {@code v}. */
    void upload(double[] values, V v);

    /** @return the vector's values, interleaved */
    double[] download(V v);

    /** {@code to = from}. */
    void copy(V from, V to);

    /** {@code y += (re + i im) x} (BLAS zaxpy). */
    void axpy(double re, double im, V x, V y);

    /** {@code x *= s} for real s (BLAS zdscal). */
    void scale(double s, V x);

    /** @return the 2-norm {@code sqrt(Σ|x_i|²)} (BLAS dznrm2) */
    double norm(V x);

    /** {@code y = L x} with the generator (sparse matrix–vector product). */
    void apply(V x, V y);

    /** @return {@code Σ w_i x_i}, not conjugated (BLAS zdotu), as {re, im} */
    double[] dotu(V w, V x);

    /** Releases every vector and the generator. */
    @Override
    void close();
}
