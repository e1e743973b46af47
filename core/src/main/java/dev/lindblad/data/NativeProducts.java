package dev.lindblad.data;

import dev.lindblad.backend.Backend;
import dev.lindblad.backend.Backends;
import dev.lindblad.backend.Kernel;
import dev.lindblad.backend.SparseProduct;
import java.util.Locale;

/**
 * Where the data layer hands a product to a native {@link Backend} ({@link Backends#select}):
 * returns false when the Java kernel must run (no backend chosen for that size, or the native
 * call failed; a failure other than {@link ArithmeticException} also marks the kernel broken for
 * the run, see {@link Backends#failed}); and where a solver's matrix is prepared on a backend's
 * sparse product, forced, or under {@code auto} picked per matrix by timing it against the Java
 * storage ({@link #prepare}).
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
            be.gemm(m, k, n, a, b, c, ar, ai, br, bi, Backends.callThreads(Kernel.GEMM, be, (long) m * k * n));
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

    /** Timed rounds (one product of each candidate per round) at least, whatever the budget. */
    static final int MIN_ROUNDS = 3;
    /** Timed rounds at most. */
    static final int MAX_ROUNDS = 11;
    /** Total timed time after which no further round starts once {@link #MIN_ROUNDS} are done. */
    static final long BUDGET_NANOS = 5_000_000L;
    /**
     * Java runs, at most, between a race the library won and the race that must confirm it: a
     * fresh JVM's Java kernels are still interpreted or compiled without their final
     * optimisations during the first race, and would lose it for that reason alone.
     */
    static final int WARM_PRODUCTS = 200;
    /** Time after which the Java warm-up between the two races stops. */
    static final long WARM_NANOS = 20_000_000L;
    /** Relative difference of the two products above which the library is taken to be broken. */
    static final double AGREEMENT = 1e-10;

    /** Times one run of a candidate product: package-private so that tests can replace the clock. */
    interface Timer {
        /**
         * @param candidate {@code "java"} or {@code "native"} (timed in a race), or {@code "warm-up"}
         *                  (a Java run between two races, counted towards {@link #WARM_NANOS})
         * @param product   one product; must be run (its failures propagate)
         * @return the nanoseconds to count for it
         */
        long nanos(String candidate, Runnable product);
    }

    /** The wall clock. */
    static final Timer WALL_CLOCK = (candidate, product) -> {
        long t0 = System.nanoTime();
        product.run();
        return System.nanoTime() - t0;
    };

    /** The timer the measurement uses (tests swap it and put it back). */
    static volatile Timer timer = WALL_CLOCK;

    /**
     * The medians of the two candidates' timed runs.
     *
     * @param javaNanos   median time of the Java product, ns
     * @param nativeNanos median time of the native product, ns
     * @param rounds      timed rounds
     */
    record Measurement(double javaNanos, double nativeNanos, int rounds) {

        /** @return whether the native product is picked: faster than Java by {@link Backends#PRODUCT_MARGIN} */
        boolean nativeWins() {
            return nativeNanos * Backends.PRODUCT_MARGIN < javaNanos;
        }
    }

    /**
     * Times the two products alternately (which one goes first alternates from round to round)
     * after one untimed warm-up run each: at least {@link #MIN_ROUNDS} rounds, at most
     * {@link #MAX_ROUNDS}, and no round starts once {@link #BUDGET_NANOS} of timed runs are
     * spent after the minimum. A failure of either product propagates.
     */
    static Measurement race(Runnable java, Runnable nat, Timer clock) {
        return race(java, nat, clock, true);
    }

    /**
     * The race of {@link #race(Runnable, Runnable, Timer)}, and when the library wins it, the Java
     * product run again (untimed for the decision) up to {@link #WARM_PRODUCTS} times or
     * {@link #WARM_NANOS}, whichever comes first, so that the JIT compiler has finished with it,
     * and a second race: the library is picked only when it wins that one too, and the second
     * race's medians are returned.
     */
    static Measurement confirmedRace(Runnable java, Runnable nat, Timer clock) {
        Measurement first = race(java, nat, clock, true);
        if (!first.nativeWins()) {
            return first;
        }
        long spent = 0;
        for (int k = 0; k < WARM_PRODUCTS && spent < WARM_NANOS; k++) {
            spent += clock.nanos("warm-up", java);
        }
        return race(java, nat, clock, false);
    }

    private static Measurement race(Runnable java, Runnable nat, Timer clock, boolean warmUp) {
        if (!warmUp) {
            return timedRounds(java, nat, clock);
        }
        java.run();
        nat.run();
        return timedRounds(java, nat, clock);
    }

    private static Measurement timedRounds(Runnable java, Runnable nat, Timer clock) {
        long[] j = new long[MAX_ROUNDS], n = new long[MAX_ROUNDS];
        long spent = 0;
        int r = 0;
        while (r < MAX_ROUNDS && (r < MIN_ROUNDS || spent < BUDGET_NANOS)) {
            if (r % 2 == 0) {
                j[r] = clock.nanos("java", java);
                n[r] = clock.nanos("native", nat);
            } else {
                n[r] = clock.nanos("native", nat);
                j[r] = clock.nanos("java", java);
            }
            spent += j[r] + n[r];
            r++;
        }
        return new Measurement(median(j, r), median(n, r), r);
    }

    static double median(long[] v, int count) {
        long[] s = java.util.Arrays.copyOf(v, count);
        java.util.Arrays.sort(s);
        return count % 2 == 1 ? s[count / 2] : 0.5 * (s[count / 2 - 1] + s[count / 2]);
    }

    /**
     * A solver's matrix prepared on a native backend's sparse product, or null when the Java
     * storage is to be used as it is. With a forced backend ({@code LINDBLAD_BACKEND} or
     * {@code lindblad.backend} = {@code native} or a backend's name) the backend
     * {@link Backends#select} names runs the products, unmeasured. Under {@code auto}, a matrix
     * of at least {@link Backends#PRODUCT_MEASURE_NNZ} stored entries (and, unless the library is
     * loaded already, at least {@link Backends#PRODUCT_LOAD_NNZ}) is prepared both ways and
     * the two products are timed on it ({@link #confirmedRace}) with the threads each will run with
     * (Java: {@code Parallelism.threads()}, one in a serial region; the library:
     * {@link Backends#callThreads(Kernel, Backend)}); the Java product is timed as the
     * master-equation solver runs it ({@link #timedAsSolverRuns}). The library is kept when its
     * median is {@link Backends#PRODUCT_MARGIN} times faster; otherwise its copy is freed and the
     * Java storage runs. Either way the map's {@link LinearMap#storage()} says it was measured.
     * A library that fails, or whose product differs from Java's by more than rounding, is
     * marked broken for the run ({@link Backends#failed}) and Java runs.
     */
    static LinearMap prepare(Matrix a) {
        if (a instanceof DenseMatrix || a.nnz() == 0) {
            return null;
        }
        boolean measure = Backends.setting().equals("auto");
        Backend be;
        if (measure) {
            if (a.nnz() < Backends.PRODUCT_MEASURE_NNZ) {
                return null;    // small: Java, no library loaded, nothing measured
            }
            // a medium matrix does not pay for loading a library alone (PRODUCT_LOAD_NNZ)
            be = Backends.firstUsable(Kernel.SPARSE_PRODUCT, a.nnz() >= Backends.PRODUCT_LOAD_NNZ);
        } else {
            be = Backends.select(Kernel.SPARSE_PRODUCT, a.nnz());
        }
        if (be == null) {
            return null;
        }
        LinearMap java = Backends.with("java", () -> Data.prepareProduct(a));
        if (java.matrix() instanceof DenseMatrix) {
            return null;    // dense enough to stay dense
        }
        CsrMatrix s = a.toCsr();
        SparseProduct p;
        try {
            p = be.prepareSparseProduct(s.rows, s.cols, s.rowPointers(), s.columnIndices(), s.valueArray());
        } catch (RuntimeException | LinkageError e) {
            Backends.failed(be, Kernel.SPARSE_PRODUCT, e);
            return measure ? java : null;
        }
        if (!measure) {
            return new NativeProductMap(java, p, be, s.nnz(), null);
        }
        Measurement m;
        try {
            m = measure(s, java, p, be, timer);
        } catch (RuntimeException | LinkageError e) {
            closeQuietly(p);
            Backends.failed(be, Kernel.SPARSE_PRODUCT, e);
            return java;
        }
        String javaName = java.storage(), nativeName = p.storage();
        if (m.nativeWins()) {
            return new NativeProductMap(java, p, be, s.nnz(), String.format(Locale.ROOT,
                    "%s (measured %.2fx faster than %s)", nativeName, m.javaNanos() / m.nativeNanos(), javaName));
        }
        closeQuietly(p);
        double ratio = m.nativeNanos() / m.javaNanos();
        return new NativeProductMap(java, null, be, s.nnz(), ratio >= 1
                ? String.format(Locale.ROOT, "%s (measured %.2fx faster than %s)", javaName, ratio, nativeName)
                : String.format(Locale.ROOT, "%s (measured; %s %.2fx faster, within the %.2fx margin)", javaName,
                nativeName, 1 / ratio, Backends.PRODUCT_MARGIN));
    }

    /**
     * Times the Java storage of {@code a} against the native product on one vector ({@link #confirmedRace}) and checks
     * that they agree to {@link #AGREEMENT} relative to the largest entry.
     *
     * @throws IllegalStateException when the products differ (a broken library)
     */
    static Measurement measure(CsrMatrix a, LinearMap java, SparseProduct p, Backend be, Timer clock) {
        int rows = java.rows(), cols = java.cols();
        int n = hermitianDimension(a);    // on the CSR form: a DIA storage's matrix would be converted again
        double[] x = new double[2 * cols], yJava = new double[2 * rows], yNative = new double[2 * rows];
        if (n > 0) {
            for (int j = 0; j < n; j++) {     // vec of a real symmetric (so Hermitian) operator
                for (int i = 0; i < n; i++) {
                    x[2 * (i + n * j)] = 1.0 / (1 + i + j);
                }
            }
        } else {
            for (int k = 0; k < cols; k++) {
                x[2 * k] = 1.0 / (k + 1);
                x[2 * k + 1] = 0.5 / (k + 2);
            }
        }
        Runnable javaProduct = timedAsSolverRuns(java, n, x, yJava);
        Runnable nativeProduct = () -> p.matvec(x, 0, yNative, 0, 1, 0, 0, 0,
                Backends.callThreads(Kernel.SPARSE_PRODUCT, be));
        Measurement m = confirmedRace(javaProduct, nativeProduct, clock);
        double scale = 0, diff = 0;
        for (int k = 0; k < yJava.length; k++) {
            scale = Math.max(scale, Math.abs(yJava[k]));
            diff = Math.max(diff, Math.abs(yJava[k] - yNative[k]));
        }
        if (!(diff <= AGREEMENT * scale)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "the native sparse product %s differs from the"
                    + " Java product %s by %.3g (largest entry %.3g)", p.storage(), java.storage(), diff, scale));
        }
        return m;
    }

    /**
     * The Java product as the solvers run it: for a superoperator on n×n operators that maps
     * Hermitian operators to Hermitian ones (every Lindblad generator), the master-equation
     * solver computes the upper triangle of {@code vec(rho)} and mirrors it ({@link Data#matvecUpper},
     * about half the work, which a library computing every row cannot do), so that is what is
     * timed; any other matrix, the whole product.
     */
    static Runnable timedAsSolverRuns(LinearMap java, int n, double[] x, double[] y) {
        if (n > 0) {
            return () -> {
                if (Data.matvecUpper(java, n, x, y, 1, 0)) {
                    Data.hermitianFromUpper(n, y);
                }
            };
        }
        return () -> Data.matvec(java, x, 0, y, 0, 1, 0, 0, 0);
    }

    /**
     * @return n when a is an n²×n² superoperator (n at least 2) that maps Hermitian operators to
     *         Hermitian ones to 1e-14 relative, the master-equation solver's half-product case; else 0
     */
    static int hermitianDimension(Matrix a) {
        if (a.rows() != a.cols()) {
            return 0;
        }
        int n = (int) Math.round(Math.sqrt(a.rows()));
        return n >= 2 && (long) n * n == a.rows() && Data.preservesHermiticity(a, n, 1e-14) ? n : 0;
    }

    private static void closeQuietly(SparseProduct p) {
        try {
            p.close();
        } catch (RuntimeException | LinkageError e) {
            // freeing failed: the cleaner tries again when p becomes unreachable
        }
    }
}
