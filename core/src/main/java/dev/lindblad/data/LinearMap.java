package dev.lindblad.data;

/**
 * A fixed matrix prepared for many products {@code y = alpha A x + beta y}: the storage
 * {@link Data#prepareProduct} chose for it, which need not be one of the {@link Matrix} formats
 * (it may, for example, keep the real and imaginary parts of the entries apart). Apply it with
 * {@link Data#matvec(LinearMap, double[], int, double[], int, double, double, double, double)}.
 * Instances are immutable.
 */
public sealed interface LinearMap permits MatrixMap, SplitCsrMatrix, SlicedSplitMatrix, SplitDiaMatrix,
        NativeProductMap {

    /** @return the number of rows of A */
    int rows();

    /** @return the number of columns of A */
    int cols();

    /**
     * @return the real multiply-adds of one product, the cost model of an evaluation (4 per
     *         complex entry, 2 per real or imaginary one)
     */
    long work();

    /** @return the matrix A itself, in a {@link Matrix} format */
    Matrix matrix();

    /**
     * @return the storage {@link Data#prepareProduct} chose, for people and reports:
     *         {@code "csr"}, {@code "dense"}, {@code "dia"}, {@code "split-csr"},
     *         {@code "sliced-split"}, {@code "split-dia"}, or a native library's (e.g. {@code "mkl-csr"});
     *         when {@code auto} picked between the Java storage and a library by timing both on
     *         the matrix, the one that runs followed by the measurement, e.g.
     *         {@code "mkl-csr (measured 1.31x faster than split-dia)"} or
     *         {@code "sliced-split (measured 1.52x faster than mkl-csr)"}
     */
    String storage();

    /**
     * @return the bytes of the stored matrix that one product must read (values, indices and
     *         pointers, padding included; not x or y): the numerator of a bandwidth figure
     */
    long storedBytes();
}
