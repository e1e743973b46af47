package dev.lindblad.data;

import dev.lindblad.backend.Backend;
import dev.lindblad.backend.Kernel;
import dev.lindblad.backend.NativeLibrary;
import dev.lindblad.backend.SparseProduct;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A test backend whose sparse product is the Java CSR product (so it agrees with the solvers'
 * storage to rounding), available only while {@link NativeProductsTest} turns it on, so that no
 * other test sees it. It can be made to fail, or to compute a wrong product, and it records the
 * thread counts it was called with. Its name changes with {@link #generation}, so that a test
 * that gets it marked broken ({@code Backends.failed}, which lasts for the JVM) can start the
 * next test with a fresh one.
 */
public final class FakeProductBackend implements Backend {

    static volatile boolean enabled;
    static volatile int generation;
    static volatile boolean fail;
    /** What {@link #loaded()} answers (a library not loaded yet when false). */
    static volatile boolean loaded = true;
    static volatile double scale = 1;
    static volatile int prepared, closed, products;
    static final java.util.Set<Integer> THREADS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static void reset() {
        enabled = false;
        fail = false;
        loaded = true;
        scale = 1;
        prepared = 0;
        closed = 0;
        products = 0;
        THREADS.clear();
    }

    @Override
    public String name() {
        return "fakeproduct" + (generation == 0 ? "" : Integer.toString(generation));
    }

    @Override
    public int rank() {
        return 101;
    }

    @Override
    public boolean available() {
        return enabled;
    }

    @Override
    public boolean loaded() {
        return loaded;
    }

    @Override
    public String unavailableReason() {
        return enabled ? null : "only for NativeProductsTest";
    }

    @Override
    public List<NativeLibrary> libraries() {
        return List.of(new NativeLibrary("libfakeproduct", null, null, "a test double"));
    }

    @Override
    public Set<Kernel> kernels() {
        return enabled ? EnumSet.of(Kernel.SPARSE_PRODUCT) : EnumSet.noneOf(Kernel.class);
    }

    @Override
    public String versionKey() {
        return "fakeproduct";
    }

    @Override
    public boolean threadLocalThreads() {
        return true;
    }

    @Override
    public SparseProduct prepareSparseProduct(int rows, int cols, int[] rowPointers, int[] columnIndices,
                                              double[] values) {
        prepared++;
        CsrMatrix a = CsrMatrix.of(rows, cols, rowPointers.clone(), columnIndices.clone(), values.clone());
        return new SparseProduct() {
            private boolean isClosed;

            @Override
            public void matvec(double[] x, int xOff, double[] y, int yOff, double ar, double ai, double br, double bi,
                               int threads) {
                if (isClosed) {
                    throw new IllegalStateException("closed");
                }
                products++;
                THREADS.add(threads);
                if (fail) {
                    throw new IllegalStateException("fake sparse product crashed");
                }
                Data.matvec(a, x, xOff, y, yOff, ar * scale, ai * scale, br, bi);
            }

            @Override
            public String storage() {
                return "fake-csr";
            }

            @Override
            public void close() {
                if (!isClosed) {
                    isClosed = true;
                    closed++;
                }
            }
        };
    }
}
