package dev.lindblad.data;

import dev.lindblad.backend.Backend;
import dev.lindblad.backend.Backends;
import dev.lindblad.backend.Kernel;
import dev.lindblad.backend.SparseProduct;

/**
 * Where the data layer hands a product to a native {@link Backend} ({@link Backends#select}):
 * returns false when the Java kernel must run (no backend chosen for that size, or the native
 * call failed; a failure other than {@link ArithmeticException} also marks the kernel broken for
 * the run, see {@link Backends#failed}).
 */
final class NativeProducts {

    private NativeProducts() {
    }

    /** {@code c = alpha a b + beta c}, a m×k, b k×n (dense, column-major), on a backend, or false. */
    static boolean gemm(int m, int k, int n, double[] a, double[] b, double[] c,
                        double ar, double ai, double br, double bi) {
        Backend be = Backends.select(Kernel.GEMM, (long) m * k * n);
        if (be == null) {
            return false;
        }
        double[] original = br == 0 && bi == 0 ? null : c.clone();   // a failed call may have written part of c
        try {
            be.gemm(m, k, n, a, b, c, ar, ai, br, bi, Backends.callThreads(Kernel.GEMM, be));
            return true;
        } catch (RuntimeException | LinkageError e) {
            if (!(e instanceof ArithmeticException)) {
                Backends.failed(be, Kernel.GEMM, e);
            }
            if (original != null) {
                System.arraycopy(original, 0, c, 0, c.length);
            }
            return false;
        }
    }

    /**
     * A solver's matrix prepared on a backend when {@link Backends#select} picks one for its
     * stored entries ({@link Kernel#SPARSE_PRODUCT}); null when the Java storage must be used
     * (no backend chosen, a dense matrix, or the library failed).
     */
    static LinearMap prepare(Matrix a) {
        if (a instanceof DenseMatrix || a.nnz() == 0) {
            return null;
        }
        Backend be = Backends.select(Kernel.SPARSE_PRODUCT, a.nnz());
        if (be == null) {
            return null;
        }
        LinearMap java = Backends.with("java", () -> Data.prepareProduct(a));
        if (java.matrix() instanceof DenseMatrix) {
            return null;    // dense enough to stay dense
        }
        CsrMatrix s = a.toCsr();
        try {
            SparseProduct p = be.prepareSparseProduct(s.rows, s.cols, s.rowPointers(), s.columnIndices(), s.valueArray());
            return new NativeProductMap(java, p, be, s.nnz());
        } catch (RuntimeException | LinkageError e) {
            Backends.failed(be, Kernel.SPARSE_PRODUCT, e);
            return null;
        }
    }
}
