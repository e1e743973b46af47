package dev.lindblad.data;

import dev.lindblad.backend.Backend;
import dev.lindblad.backend.Backends;
import dev.lindblad.backend.Kernel;
import dev.lindblad.backend.SparseProduct;
import dev.lindblad.parallel.Parallelism;

/**
 * A solver's fixed matrix whose products a native library was considered for
 * ({@link Data#prepareProduct}, {@link NativeProducts#prepare}): either prepared by the library
 * for its products (MKL's inspector–executor, {@link Backend#prepareSparseProduct}), because the
 * backend was forced or because it measured faster on this matrix, or kept in its Java storage
 * because Java measured faster (then {@link #product()} is null and the library's copy is freed).
 * The Java storage is always kept beside it: it runs every product when Java was picked, the
 * products the library cannot run here (inside a task when the library cannot limit one call to
 * one thread) and every product after the library failed once (the failure is recorded by
 * {@link Backends#failed}). {@link #storage()} names the storage that runs and, when it was
 * picked by measurement, says so with the measured ratio.
 */
final class NativeProductMap implements LinearMap {

    private final LinearMap java;
    private final SparseProduct product;
    private final Backend backend;
    private final long nnz;
    private final String measured;
    private volatile boolean broken;

    /**
     * @param java     the Java storage of the same matrix
     * @param product  the library's prepared product, or null when Java was picked by measurement
     * @param backend  the backend considered
     * @param nnz      stored entries of the matrix
     * @param measured the report of the measurement that picked the storage, or null when the
     *                 backend was forced
     */
    NativeProductMap(LinearMap java, SparseProduct product, Backend backend, long nnz, String measured) {
        if (product == null && measured == null) {
            throw new IllegalArgumentException("NativeProductMap: a Java pick needs the measurement that made it");
        }
        this.java = java;
        this.product = product;
        this.backend = backend;
        this.nnz = nnz;
        this.measured = measured;
    }

    /** @return the library's prepared product, or null when the Java storage runs every product */
    SparseProduct product() {
        return product;
    }

    /** @return whether the products run on the Java storage (picked by measurement, or the library failed) */
    boolean runsJava() {
        return product == null || broken;
    }

    /** @return the Java storage kept beside the native one */
    LinearMap java() {
        return java;
    }

    /** {@code y = alpha A x + beta y} on the library, or on the Java storage (see the class comment). */
    void apply(double[] x, int xOff, double[] y, int yOff, double ar, double ai, double br, double bi) {
        if (product == null || broken || (!backend.threadLocalThreads() && Parallelism.inSerialRegion() && Parallelism.threads() > 1)) {
            Data.matvec(java, x, xOff, y, yOff, ar, ai, br, bi);
            return;
        }
        double[] original = br == 0 && bi == 0 ? null : y.clone();
        try {
            product.matvec(x, xOff, y, yOff, ar, ai, br, bi, Backends.callThreads(Kernel.SPARSE_PRODUCT, backend));
        } catch (RuntimeException | LinkageError e) {
            broken = true;
            Backends.failed(backend, Kernel.SPARSE_PRODUCT, e);
            if (original != null) {
                System.arraycopy(original, 0, y, 0, y.length);
            }
            Data.matvec(java, x, xOff, y, yOff, ar, ai, br, bi);
        }
    }

    @Override
    public int rows() {
        return java.rows();
    }

    @Override
    public int cols() {
        return java.cols();
    }

    @Override
    public long work() {
        return product == null ? java.work() : 4 * nnz;
    }

    @Override
    public Matrix matrix() {
        return java.matrix();
    }

    @Override
    public String storage() {
        return measured != null ? measured : product.storage();
    }

    @Override
    public long storedBytes() {
        return product == null ? java.storedBytes() : 20 * nnz + 4L * (rows() + 1);
    }
}
