package dev.lindblad.data;

import dev.lindblad.backend.Backend;
import dev.lindblad.backend.Backends;
import dev.lindblad.backend.Kernel;
import dev.lindblad.backend.SparseProduct;
import dev.lindblad.parallel.Parallelism;

/**
 * A solver's fixed matrix prepared by a native library for its products (MKL's
 * inspector–executor, {@link Backend#prepareSparseProduct}), chosen by {@link Data#prepareProduct}
 * when {@link Backends#select} picks a backend for its size. The Java storage is kept beside it:
 * it runs the products the library cannot run here (inside a task when the library cannot limit
 * one call to one thread) and every product after the library failed once (the failure is
 * recorded by {@link Backends#failed}).
 */
final class NativeProductMap implements LinearMap {

    private final LinearMap java;
    private final SparseProduct product;
    private final Backend backend;
    private final long nnz;
    private volatile boolean broken;

    NativeProductMap(LinearMap java, SparseProduct product, Backend backend, long nnz) {
        this.java = java;
        this.product = product;
        this.backend = backend;
        this.nnz = nnz;
    }

    /** @return the Java storage kept beside the native one */
    LinearMap java() {
        return java;
    }

    /** {@code y = alpha A x + beta y} on the library, or on the Java storage (see the class comment). */
    void apply(double[] x, int xOff, double[] y, int yOff, double ar, double ai, double br, double bi) {
        if (broken || (!backend.threadLocalThreads() && Parallelism.inSerialRegion() && Parallelism.threads() > 1)) {
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
        return 4 * nnz;
    }

    @Override
    public Matrix matrix() {
        return java.matrix();
    }

    @Override
    public String storage() {
        return product.storage();
    }

    @Override
    public long storedBytes() {
        return 20 * nnz + 4L * (rows() + 1);
    }
}
