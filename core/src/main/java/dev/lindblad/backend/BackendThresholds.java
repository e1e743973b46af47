package dev.lindblad.backend;

import dev.lindblad.Lindblad;
import dev.lindblad.Qobj;
import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.Data;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.data.LinearMap;
import dev.lindblad.data.Matrix;
import dev.lindblad.linalg.GeneralEigen;
import dev.lindblad.linalg.HermitianEigen;
import dev.lindblad.linalg.LuDecomposition;
import dev.lindblad.linalg.SparseLu;
import dev.lindblad.parallel.Parallelism;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-kernel size thresholds of {@link Backends}: from which size {@code auto} runs a
 * kernel on a native backend instead of in Java.
 *
 * <p>They are measured on the machine, not constants: for each kernel the Java kernel and the
 * native one run on the same inputs at a few sizes (dense: n = 16, 32, 64, 128, random
 * matrices, Hermitian for the Hermitian eigen-decomposition; sparse direct solve: the driven
 * Kerr resonator's Liouvillian shifted off its null space, N = 12, 20, 32, 64 levels, so n = N²
 * unknowns (the largest so that {@code auto}'s ranking of PARDISO, UMFPACK and KLU, which
 * {@link Threshold#nativeNanosAt} takes from the largest measured size for larger problems, is
 * not decided where KLU's small overhead wins and PARDISO's supernodes have not yet paid; a
 * cached measurement without it is taken again); sparse product: the transverse-field Ising chain's Liouvillian, 4 to 7 spins, the
 * library's whole product against the Java product as the master-equation solver runs it, in
 * the storage it chooses, upper triangle of vec(rho) only, mirrored), alternating the two, the
 * best time of several runs each. The
 * threshold is the smallest measured size from which the native kernel is faster at every
 * larger measured size (the native kernel is timed with the configured threads and with one, and
 * the faster counts: on a machine whose cores are busy with other work one thread can win, and
 * the calls then use one, {@link Threshold#nativeThreads()}); when Java is faster at the largest size, the threshold is
 * {@link Long#MAX_VALUE} (Java stays the default). Sizes above the largest measured one follow
 * the largest one's verdict (dense kernels cost O(n³) on both sides: the native libraries' blocked
 * kernels only gain with size).
 *
 * <p>Measurements are kept per backend and thread count in {@link Parallelism#cacheDirectory()}
 * ({@code backend-<name>-<threads>-threads.properties}), valid for the same machine key, the
 * same libraries ({@link Backend#versionKey()}) and {@link #MAX_AGE}, as the parallel
 * threshold's are. Delete the file to measure again.
 */
public final class BackendThresholds {

    /** Version of the measurement procedure; cached files of another version are ignored. */
    static final int FORMAT = 2;
    /** Age after which a cached measurement is taken again. */
    static final Duration MAX_AGE = Duration.ofDays(7);
    private static final int[] DENSE_SIZES = {16, 32, 64, 128};
    private static final int[] KERR_LEVELS = {12, 20, 32, 64};
    private static final int[] ISING_SPINS = {4, 5, 6, 7};
    private static final long MIN_NANOS_PER_SIDE = 20_000_000L;
    private static final Map<String, Threshold> KNOWN = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> MISSING = new ConcurrentHashMap<>();

    private BackendThresholds() {
    }

    /**
     * One measured size.
     *
     * @param size              the problem size in the kernel's measure
     * @param javaNanos         best time of the Java kernel, ns
     * @param nativeNanos       best time of the native kernel with the configured threads, ns
     * @param nativeSerialNanos best time of the native kernel with one thread, ns (NaN when only
     *                          one thread is configured)
     */
    public record Point(long size, double javaNanos, double nativeNanos, double nativeSerialNanos) {

        /** @return the faster native time */
        double bestNative() {
            return nativeSerialNanos < nativeNanos ? nativeSerialNanos : nativeNanos;
        }
    }

    /**
     * A kernel's threshold on a backend and how it was found.
     *
     * @param kernel       the kernel
     * @param backend      the backend's name
     * @param threads      the thread count it was measured with
     * @param value        the size from which {@code auto} runs native ({@link Long#MAX_VALUE}: never)
     * @param points       the measurements
     * @param measuredAt   when
     * @param elapsedNanos how long the measurement took
     * @param readFrom     the cache file it was read from, or null when measured in this JVM
     */
    public record Threshold(Kernel kernel, String backend, int threads, long value, List<Point> points,
                            Instant measuredAt, long elapsedNanos, Path readFrom) {

        /**
         * @return the threads a native call of this kernel uses outside tasks: 1 when one thread
         *         was faster than {@link #threads()} at the largest size measured (a machine whose
         *         cores are busy with other work), else {@link #threads()}
         */
        public int nativeThreads() {
            Point last = points.isEmpty() ? null : points.getLast();
            return last != null && last.nativeSerialNanos() < last.nativeNanos() ? 1 : threads;
        }

        /**
         * @param size a call's size in the kernel's measure
         * @return the threads a native call of that size uses: the faster count (one or
         *         {@link #threads()}) at the largest measured size not above it, and
         *         {@link #threads()} above the largest measured size. One thread can win at the
         *         measured sizes (up to n = 128 for the dense kernels), where splitting costs more
         *         than it saves or other work holds the cores; far above them the work per call
         *         grows as n³ and every thread pays (measured on a quiet 2-core machine with the
         *         thresholds cached as "1 thread": MKL's zheevd at n = 2000 took 6.96 s for
         *         eigenstates on one thread against NumPy's 3.38 s on two).
         */
        public int nativeThreads(long size) {
            if (points.isEmpty() || size > points.getLast().size()) {
                return threads;
            }
            Point at = points.getFirst();
            for (Point p : points) {
                if (p.size() <= size) {
                    at = p;
                }
            }
            return at.nativeSerialNanos() < at.nativeNanos() ? 1 : threads;
        }

        /**
         * @param size a problem size in the kernel's measure
         * @return the faster native time (configured threads or one) at the largest measured size
         *         not above {@code size} (the smallest measured size when all are above), ns;
         *         how {@code auto} ranks backends that provide the same kernel
         */
        public double nativeNanosAt(long size) {
            Point at = points.isEmpty() ? null : points.getFirst();
            for (Point p : points) {
                if (p.size() <= size) {
                    at = p;
                }
            }
            return at == null ? Double.POSITIVE_INFINITY : at.bestNative();
        }

        /** @return one line: the rule, the measured times and where it came from */
        public String describe() {
            StringBuilder b = new StringBuilder();
            b.append(value == Long.MAX_VALUE ? "Java at every size (Java faster at the largest size measured)"
                    : "native from " + kernel.sizeMeasure() + " >= " + value + " on " + nativeThreads() + " thread"
                    + (nativeThreads() == 1 ? "" : "s") + (nativeThreads() == 1 && threads > 1 ? " up to "
                    + kernel.sizeMeasure() + " = " + points.getLast().size() + ", " + threads + " above" : ""));
            b.append(" [");
            for (int i = 0; i < points.size(); i++) {
                Point p = points.get(i);
                b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%d: Java %s, native %s", p.size(),
                        time(p.javaNanos()), time(p.nativeNanos())));
                if (!Double.isNaN(p.nativeSerialNanos())) {
                    b.append(" (1 thread ").append(time(p.nativeSerialNanos())).append(')');
                }
            }
            b.append(String.format(Locale.ROOT, "; %d threads; ", threads));
            b.append(readFrom != null ? "read from " + readFrom + ", measured " + measuredAt.truncatedTo(ChronoUnit.SECONDS)
                    : String.format(Locale.ROOT, "measured in this JVM in %.0f ms", elapsedNanos / 1e6));
            return b.append(']').toString();
        }

        private static String time(double ns) {
            return ns >= 1e6 ? String.format(Locale.ROOT, "%.2f ms", ns / 1e6) : String.format(Locale.ROOT, "%.1f us", ns / 1e3);
        }
    }

    /** @return the smallest size measured for the kernel: below it {@code auto} runs Java without measuring */
    static long smallestCandidate(Kernel k) {
        return switch (k) {
            case GEMM -> (long) DENSE_SIZES[0] * DENSE_SIZES[0] * DENSE_SIZES[0];
            case HERMITIAN_EIGEN, GENERAL_EIGEN, LU -> DENSE_SIZES[0];
            case SPARSE_SOLVE -> (long) KERR_LEVELS[0] * KERR_LEVELS[0];
            case SPARSE_PRODUCT -> 1;    // the Ising N = 4 Liouvillian's nnz, known once built
        };
    }

    /** @return the threshold when it is in memory, else null (no file is read, nothing is measured) */
    static Threshold inMemory(Backend b, Kernel k) {
        return KNOWN.get(key(b, k, Parallelism.threads()));
    }

    /** @return the threshold when it is in memory or in the cache, else null (nothing is measured) */
    static Threshold known(Backend b, Kernel k) {
        return cached(b, k);
    }

    /**
     * @return the threshold from memory, else from the cache file (then kept in memory), else
     *         null; loads no library and measures nothing
     */
    static Threshold cached(Backend b, Kernel k) {
        int threads = Parallelism.threads();
        String key = key(b, k, threads);
        Threshold t = KNOWN.get(key);
        if (t == null && !MISSING.containsKey(key)) {
            t = load(b, k, threads);
            if (t != null) {
                KNOWN.putIfAbsent(key, t);
            } else {
                MISSING.put(key, Boolean.TRUE);    // no file read per call until it is measured
            }
        }
        return t;
    }

    /** @return the threshold, from memory, the cache, or measured now (and cached) */
    static Threshold get(Backend b, Kernel k) {
        int threads = Parallelism.threads();
        String key = key(b, k, threads);
        Threshold t = KNOWN.get(key);
        if (t != null) {
            return t;
        }
        synchronized (BackendThresholds.class) {
            t = KNOWN.get(key);
            if (t == null) {
                t = load(b, k, threads);
                if (t == null) {
                    t = measure(b, k, threads);
                    save(t, b);
                }
                KNOWN.put(key, t);
            }
            return t;
        }
    }

    private static String key(Backend b, Kernel k, int threads) {
        return b.name() + "/" + k.name() + "/" + threads;
    }

    static Path file(Backend b, int threads) {
        Path dir = Parallelism.cacheDirectory();
        return dir == null ? null : dir.resolve("backend-" + b.name() + "-" + threads + "-threads.properties");
    }

    private static Threshold load(Backend b, Kernel k, int threads) {
        Path f = file(b, threads);
        if (f == null || !Files.isRegularFile(f)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(f)) {
            p.load(in);
            if (!Integer.toString(FORMAT).equals(p.getProperty("format"))
                    || !Parallelism.machineKey().equals(p.getProperty("machine"))
                    || !b.versionKey().equals(p.getProperty("libraries"))) {
                return null;
            }
            String prefix = k.name() + ".";
            String measured = p.getProperty(prefix + "measured");
            if (measured == null) {
                return null;
            }
            Instant at = Instant.parse(measured);
            Instant now = Instant.now();
            if (at.isAfter(now) || Duration.between(at, now).compareTo(MAX_AGE) > 0) {
                return null;
            }
            List<Point> points = new ArrayList<>();
            for (String s : p.getProperty(prefix + "points", "").split(",")) {
                if (!s.isBlank()) {
                    String[] f4 = s.split(":");
                    points.add(new Point(Long.parseLong(f4[0]), Double.parseDouble(f4[1]), Double.parseDouble(f4[2]),
                            Double.parseDouble(f4[3])));
                }
            }
            if (points.isEmpty()) {
                return null;
            }
            if (k == Kernel.SPARSE_SOLVE
                    && points.getLast().size() != (long) KERR_LEVELS[KERR_LEVELS.length - 1] * KERR_LEVELS[KERR_LEVELS.length - 1]
                    && points.getLast().javaNanos() != 0) {
                return null;    // measured by an earlier procedure (largest size 1024): measure again
            }
            return new Threshold(k, b.name(), threads, rule(points), List.copyOf(points), at,
                    Long.parseLong(p.getProperty(prefix + "elapsedNanos", "0")), f);
        } catch (IOException | RuntimeException e) {
            return null;    // unreadable or foreign: measure again
        }
    }

    private static void save(Threshold t, Backend b) {
        Path f = file(b, t.threads());
        if (f == null) {
            return;
        }
        Properties p = new Properties();
        try {
            if (Files.isRegularFile(f)) {
                try (InputStream in = Files.newInputStream(f)) {
                    p.load(in);
                }
                if (!b.versionKey().equals(p.getProperty("libraries"))
                        || !Parallelism.machineKey().equals(p.getProperty("machine"))) {
                    p.clear();
                }
            }
            p.setProperty("format", Integer.toString(FORMAT));
            p.setProperty("machine", Parallelism.machineKey());
            p.setProperty("libraries", b.versionKey());
            p.setProperty("threads", Integer.toString(t.threads()));
            String prefix = t.kernel().name() + ".";
            StringBuilder pts = new StringBuilder();
            for (Point q : t.points()) {
                pts.append(pts.isEmpty() ? "" : ",").append(q.size()).append(':').append(q.javaNanos()).append(':')
                        .append(q.nativeNanos()).append(':').append(q.nativeSerialNanos());
            }
            p.setProperty(prefix + "points", pts.toString());
            p.setProperty(prefix + "threshold", Long.toString(t.value()));   // for people; recomputed on reading
            p.setProperty(prefix + "measured", t.measuredAt().toString());
            p.setProperty(prefix + "elapsedNanos", Long.toString(t.elapsedNanos()));
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), "backend", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    p.store(out, "Lindblad native backend thresholds (see lindblad info); delete to measure again");
                }
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // the cache is an optimisation: the threshold stays in memory for this JVM
        }
    }

    /**
     * The rule: the smallest measured size from which native (with the configured threads or with
     * one, whichever is faster) is faster at every larger measured size; {@link Long#MAX_VALUE}
     * when Java is faster at the largest.
     */
    static long rule(List<Point> points) {
        long threshold = Long.MAX_VALUE;
        for (int i = points.size() - 1; i >= 0; i--) {
            Point p = points.get(i);
            if (p.bestNative() < p.javaNanos()) {
                threshold = p.size();
            } else {
                break;
            }
        }
        return threshold;
    }

    /** Measures the kernel on the backend now (see the class comment). */
    static Threshold measure(Backend b, Kernel k, int threads) {
        long start = System.nanoTime();
        List<Point> points = new ArrayList<>();
        try {
            switch (k) {
                case GEMM -> {
                    for (int n : DENSE_SIZES) {
                        DenseMatrix x = random(n, false, 1), y = random(n, false, 2);
                        double[] c = new double[2 * n * n];
                        points.add(race((long) n * n * n,
                                () -> Backends.with("java", () -> Data.matmul(x, y)),
                                t -> b.gemm(n, n, n, x.array(), y.array(), c, 1, 0, 0, 0, t), threads));
                    }
                }
                case HERMITIAN_EIGEN -> {
                    for (int n : DENSE_SIZES) {
                        double[] a = random(n, true, 3).array();
                        double[] v = new double[2 * n * n];
                        points.add(race(n, () -> Backends.with("java", () -> HermitianEigen.decompose(n, a, true)),
                                t -> b.hermitianEigen(n, a, v, t), threads));
                    }
                }
                case GENERAL_EIGEN -> {
                    for (int n : DENSE_SIZES) {
                        double[] a = random(n, false, 4).array();
                        double[] v = new double[2 * n * n];
                        points.add(race(n, () -> Backends.with("java", () -> GeneralEigen.decompose(n, a, true)),
                                t -> b.generalEigen(n, a, v, t), threads));
                    }
                }
                case LU -> {
                    for (int n : DENSE_SIZES) {
                        double[] a = random(n, false, 5).array();
                        double[] rhs = random(n, false, 6).array();
                        points.add(race(n, () -> Backends.with("java", () -> LuDecomposition.factor(n, a).solve(rhs)),
                                t -> {
                                    double[] lu = a.clone();
                                    int[] piv = b.luFactor(n, lu, t);
                                    b.luSolve(n, lu, piv, rhs.clone(), n, t);
                                }, threads));
                    }
                }
                case SPARSE_SOLVE -> {
                    for (int levels : KERR_LEVELS) {
                        CsrMatrix a = shiftedKerr(levels);
                        int n = a.rows();
                        double[] rhs = new double[2 * n];
                        rhs[0] = 1;
                        double[] x = new double[2 * n];
                        points.add(race(n, () -> {
                            SparseLu lu = SparseLu.factor(n, a.rowPointers(), a.columnIndices(), a.valueArray(),
                                    SparseLu.Ordering.AMD);
                            lu.solve(rhs, x);
                        }, t -> {
                            try (SparseFactorization f = b.factorSparse(n, a.rowPointers(), a.columnIndices(),
                                    a.valueArray(), t)) {
                                f.solve(rhs, x);
                            }
                        }, threads));
                    }
                }
                case SPARSE_PRODUCT -> {
                    for (int spins : ISING_SPINS) {
                        CsrMatrix a = isingLiouvillian(spins);
                        LinearMap java = Backends.with("java", () -> Data.prepareProduct(a));
                        int n = 1 << spins;
                        double[] x = new double[2 * a.cols()], y = new double[2 * a.rows()];
                        for (int i = 0; i < x.length; i++) {
                            x[i] = 1.0 / (i + 1);
                        }
                        try (SparseProduct p = b.prepareSparseProduct(a.rows(), a.cols(), a.rowPointers(),
                                a.columnIndices(), a.valueArray())) {
                            // Java as mesolve runs it: the upper triangle of vec(rho), mirrored
                            points.add(race(a.nnz(), () -> Backends.with("java", () -> {
                                if (Data.matvecUpper(java, n, x, y, 1, 0)) {
                                    Data.hermitianFromUpper(n, y);
                                }
                            }), t -> p.matvec(x, 0, y, 0, 1, 0, 0, 0, t), threads));
                        }
                    }
                }
                default -> throw new IllegalStateException("no measurement for " + k);
            }
        } catch (RuntimeException | LinkageError e) {
            Backends.failed(b, k, e);
            points.clear();
            points.add(new Point(0, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
        }
        return new Threshold(k, b.name(), threads, rule(points), List.copyOf(points), Instant.now(),
                System.nanoTime() - start, null);
    }

    /**
     * Best times of Java, native with the configured threads and native with one thread (when
     * more are configured), alternating, after one warm-up run each: at least 3 timed runs and
     * {@link #MIN_NANOS_PER_SIDE} per side (at most 200 runs).
     */
    private static Point race(long size, Runnable java, java.util.function.IntConsumer nat, int threads) {
        java.run();
        nat.accept(threads);
        if (threads > 1) {
            nat.accept(1);
        }
        double bestJava = Double.MAX_VALUE, bestNative = Double.MAX_VALUE, bestSerial = Double.MAX_VALUE;
        long spentJava = 0, spentNative = 0;
        for (int rep = 0; rep < 200 && (rep < 3 || spentJava < MIN_NANOS_PER_SIDE || spentNative < MIN_NANOS_PER_SIDE);
             rep++) {
            long t0 = System.nanoTime();
            java.run();
            long t1 = System.nanoTime();
            nat.accept(threads);
            long t2 = System.nanoTime();
            bestJava = Math.min(bestJava, t1 - t0);
            bestNative = Math.min(bestNative, t2 - t1);
            spentJava += t1 - t0;
            spentNative += t2 - t1;
            if (threads > 1) {
                long t3 = System.nanoTime();
                nat.accept(1);
                bestSerial = Math.min(bestSerial, System.nanoTime() - t3);
            }
        }
        return new Point(size, bestJava, bestNative, threads > 1 ? bestSerial : Double.NaN);
    }

    private static DenseMatrix random(int n, boolean hermitian, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[2 * n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                a[2 * (i + j * n)] = r.nextDouble() - 0.5;
                a[2 * (i + j * n) + 1] = hermitian && i == j ? 0 : r.nextDouble() - 0.5;
            }
        }
        if (hermitian) {
            for (int j = 0; j < n; j++) {
                for (int i = j + 1; i < n; i++) {
                    a[2 * (j + i * n)] = a[2 * (i + j * n)];
                    a[2 * (j + i * n) + 1] = -a[2 * (i + j * n) + 1];
                }
            }
        }
        return DenseMatrix.wrap(n, n, a);
    }

    /** The driven Kerr resonator's Liouvillian minus 1e-3 max|L| times the identity (regular). */
    private static CsrMatrix shiftedKerr(int levels) {
        Qobj a = Lindblad.destroy(levels);
        Qobj ad = a.dag();
        Qobj h = ad.times(ad).times(a).times(a).times(0.5).plus(a.plus(ad).times(0.3)).plus(ad.times(a).times(-0.2));
        Matrix l = Lindblad.liouvillian(h, a.times(Math.sqrt(0.5))).data();
        double w = Data.maxAbs(l);
        return Data.add(l.toCsr(), CsrMatrix.identity(l.rows()), -1e-3 * w, 0).toCsr();
    }

    /** The transverse-field Ising chain of n spins with decay on each: the solvers' model Liouvillian. */
    private static CsrMatrix isingLiouvillian(int n) {
        Qobj h = null;
        List<Qobj> c = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Qobj x = site(Lindblad.sigmax(), k, n).times(-0.7);
            h = h == null ? x : h.plus(x);
            if (k + 1 < n) {
                h = h.plus(site(Lindblad.sigmaz(), k, n).times(site(Lindblad.sigmaz(), k + 1, n)).times(-1.0));
            }
            c.add(site(Lindblad.sigmam(), k, n).times(Math.sqrt(0.1)));
        }
        return Lindblad.liouvillian(h, c).data().toCsr();
    }

    private static Qobj site(Qobj op, int k, int n) {
        List<Qobj> parts = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            parts.add(s == k ? op : Lindblad.qeye(2));
        }
        return Lindblad.tensor(parts);
    }
}
