package dev.lindblad.backend;

/**
 * A sparse matrix prepared by a native library for many products
 * {@code y = alpha A x + beta y} ({@link Backend#prepareSparseProduct}). Its native memory is
 * freed when it becomes unreachable (a cleaner), or by {@link #close()}.
 */
public interface SparseProduct extends AutoCloseable {

    /**
     * {@code y = alpha A x + beta y}, with x and y interleaved complex from the given offsets
     * (offsets count doubles). With beta = 0 the old contents of y are ignored.
     *
     * @param threads threads the library may use for this product (1 inside a task)
     */
    void matvec(double[] x, int xOff, double[] y, int yOff, double alphaRe, double alphaIm,
                double betaRe, double betaIm, int threads);

    /** @return the storage, for reports, e.g. {@code "mkl-csr"} */
    String storage();

    /** Frees the native memory now; later products throw. Idempotent. */
    @Override
    void close();
}
