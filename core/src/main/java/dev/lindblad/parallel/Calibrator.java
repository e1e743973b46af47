package dev.lindblad.parallel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Properties;

/**
 * The start-up measurement behind {@link Parallelism#threshold()}: a serial CSR matrix–vector
 * product of the same shape as the library's kernel (8 entries per row, spread columns) gives
 * the cost per multiply-add, and an empty dispatch over the kernel threads, back to back, gives
 * the overhead a split must recover. Budget: well under 200 ms, including JIT warm-up.
 *
 * <p>The measurement is kept in a small file per thread count ({@link #cacheDirectory}), so
 * that a fresh JVM on the same machine reads it instead of measuring again: in a fresh JVM
 * the measurement takes 35–40 ms and competes with the JIT for the first call of a script. A
 * file is used only when it was written by the same measurement procedure ({@link #FORMAT}),
 * on a processor of the same name, with the same number of available cores, the same thread
 * count and the same Java version, less than {@link #MAX_AGE} ago. Anything else (a missing,
 * unreadable, stale or foreign file, a directory that cannot be written) means measuring.
 */
final class Calibrator {
    private Calibrator() {
    }

    private static final int ROWS = 4096, PER_ROW = 8;
    /**
     * Bounds of the threshold. The lower one is the work of the {@link #MIN_SPLIT_NANOS} floor at
     * 10 ns per entry (about ten times the serial product's cost on current x86 cores), so it
     * binds only on a very slow machine; kernels below it run serially without triggering the
     * measurement (see {@link Parallelism#chunksFor}).
     */
    static final long MIN_THRESHOLD = 10_000, MAX_THRESHOLD = 1L << 24;
    private static final int WARM_UP_REPS = 200, TIMED_REPS = 40;
    /**
     * Serial duration below which a kernel never splits, ns. Alone, the Ising N = 6
     * Liouvillian's half product (26 µs serially) runs in 14 µs on two threads; inside mesolve
     * on this shared 2-core machine splitting it gained nothing on median and once doubled a
     * run's time (a descheduled worker), so short products stay serial.
     */
    static final double MIN_SPLIT_NANOS = 100_000;
    private static final long WARM_UP_NANOS = 25_000_000L;

    /** Version of the measurement procedure; files of another version are ignored. */
    static final int FORMAT = 1;
    /** Age after which a cached measurement is taken again. */
    static final Duration MAX_AGE = Duration.ofDays(7);
    /** System property naming the cache directory, or {@code off}. */
    static final String CACHE_PROPERTY = "lindblad.cache";
    /** Environment variable naming the cache directory, or {@code off}. */
    static final String CACHE_ENVIRONMENT = "LINDBLAD_CACHE";

    /**
     * The calibration for {@code threads}: read from the cache file when a valid one exists,
     * else measured now and written there.
     */
    static Parallelism.Calibration cachedOrMeasured(int threads) {
        Path dir = cacheDirectory();
        if (dir != null) {
            Path file = dir.resolve(fileName(threads));
            Parallelism.Calibration c = load(file, threads, machineKey(), Instant.now());
            if (c != null) {
                return c;
            }
        }
        return measureAndSave(threads);
    }

    /** Measures now and writes the result to the cache (when there is one). */
    static Parallelism.Calibration measureAndSave(int threads) {
        Parallelism.Calibration c = measure(threads);
        Path dir = cacheDirectory();
        if (dir != null) {
            save(dir.resolve(fileName(threads)), c, machineKey());
        }
        return c;
    }

    static String fileName(int threads) {
        return "calibration-" + threads + "-threads.properties";
    }

    /** @return the cache directory in effect, or null when caching is off */
    static Path cacheDirectory() {
        return cacheDirectory(System.getProperty(CACHE_PROPERTY), System.getenv(CACHE_ENVIRONMENT),
                System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"));
    }

    /**
     * The first of: the property, the environment variable (either may say {@code off}),
     * {@code $XDG_CACHE_HOME/lindblad}, {@code ~/.cache/lindblad}; null when none applies.
     */
    static Path cacheDirectory(String property, String environment, String xdgCacheHome, String userHome) {
        for (String s : new String[] {property, environment}) {
            if (s != null && !s.isBlank()) {
                return s.strip().equalsIgnoreCase("off") ? null : Path.of(s.strip());
            }
        }
        if (xdgCacheHome != null && !xdgCacheHome.isBlank()) {
            return Path.of(xdgCacheHome, "lindblad");
        }
        if (userHome != null && !userHome.isBlank() && !userHome.equals("?")) {
            return Path.of(userHome, ".cache", "lindblad");
        }
        return null;
    }

    /** What must match for a cached measurement to be used: processor, cores and Java version. */
    static String machineKey() {
        String cpu = System.getProperty("os.arch", "?");
        try {
            // the first processor's name, family, model and stepping ("AMD EPYC" alone names many)
            StringBuilder b = new StringBuilder();
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.isBlank()) {
                    break;
                }
                String key = line.substring(0, Math.max(0, line.indexOf(':'))).strip();
                if (key.equals("model name") || key.equals("cpu family") || key.equals("model") || key.equals("stepping")) {
                    b.append(b.isEmpty() ? "" : ", ").append(line.substring(line.indexOf(':') + 1).strip());
                }
            }
            if (!b.isEmpty()) {
                cpu = b.toString();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the architecture stands for the processor
        }
        return cpu + "; " + Runtime.getRuntime().availableProcessors() + " cores; Java " + Runtime.version();
    }

    /**
     * @return the calibration in {@code file} when it is valid for these threads, this machine
     *         key and this time (see the class comment), else null
     */
    static Parallelism.Calibration load(Path file, int threads, String machineKey, Instant now) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            if (!Integer.toString(FORMAT).equals(p.getProperty("format"))
                    || !machineKey.equals(p.getProperty("machine"))
                    || !Integer.toString(threads).equals(p.getProperty("threads"))) {
                return null;
            }
            Instant measured = Instant.parse(p.getProperty("measured"));
            if (measured.isAfter(now) || Duration.between(measured, now).compareTo(MAX_AGE) > 0) {
                return null;
            }
            double perEntry = Double.parseDouble(p.getProperty("nanosPerMultiplyAdd"));
            double dispatch = Double.parseDouble(p.getProperty("dispatchNanos"));
            long elapsed = Long.parseLong(p.getProperty("elapsedNanos"));
            if (!(perEntry > 0) || !(dispatch >= 0) || elapsed < 0 || (threads > 1 && dispatch == 0)) {
                return null;
            }
            return new Parallelism.Calibration(threads, perEntry, dispatch, threshold(threads, perEntry, dispatch),
                    elapsed, measured, file);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes {@code c} to {@code file} (through a temporary file and a rename); failures are ignored. */
    static void save(Path file, Parallelism.Calibration c, String machineKey) {
        Properties p = new Properties();
        p.setProperty("format", Integer.toString(FORMAT));
        p.setProperty("machine", machineKey);
        p.setProperty("threads", Integer.toString(c.threads()));
        p.setProperty("measured", c.measuredAt().toString());
        p.setProperty("nanosPerMultiplyAdd", Double.toString(c.nanosPerMultiplyAdd()));
        p.setProperty("dispatchNanos", Double.toString(c.dispatchNanos()));
        p.setProperty("elapsedNanos", Long.toString(c.elapsedNanos()));
        p.setProperty("threshold", Long.toString(c.threshold()));   // for people; recomputed on reading
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), "calibration", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "Lindblad kernel calibration (see Parallelism.describe()); delete to measure again");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the cache is an optimisation
                }
            }
        }
    }

    /** The threshold rule (see {@link Parallelism}) for a measured cost per entry and dispatch round trip. */
    static long threshold(int threads, double perEntry, double dispatchNanos) {
        if (threads <= 1) {
            return Long.MAX_VALUE;
        }
        double breakEven = dispatchNanos / (perEntry * (1 - 1.0 / threads));
        // floor: a product shorter than MIN_SPLIT_NANOS serially never splits, whatever the
        // round trip measured at start-up (on a shared machine it changes with the load: a
        // 55 us product split at load 1 ran 70 us slower per call)
        double floor = MIN_SPLIT_NANOS / perEntry;
        return Math.max(MIN_THRESHOLD, Math.min(MAX_THRESHOLD, Math.round(Math.max(2 * breakEven, floor))));
    }

    static Parallelism.Calibration measure(int threads) {
        long start = System.nanoTime();
        int n = ROWS, nnz = ROWS * PER_ROW;
        int[] rp = new int[n + 1], cj = new int[nnz];
        double[] v = new double[2 * nnz], x = new double[2 * n], y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            rp[i + 1] = rp[i] + PER_ROW;
            for (int k = 0; k < PER_ROW; k++) {
                cj[rp[i] + k] = (i + k * 97) % n;
                v[2 * (rp[i] + k)] = 1.0 / (k + 1);
                v[2 * (rp[i] + k) + 1] = 0.5 / (k + 2);
            }
            x[2 * i] = Math.sin(i);
            x[2 * i + 1] = Math.cos(i);
        }
        // Warm up until the JIT's optimised code is what is timed: at least WARM_UP_NANOS and
        // WARM_UP_REPS products (a fixed 30 left the measurement on interpreted or C1 code, about
        // 2.4x slow, and the threshold as much too low), then the best of the next TIMED_REPS.
        long warmStart = System.nanoTime();
        for (int rep = 0; rep < WARM_UP_REPS || System.nanoTime() - warmStart < WARM_UP_NANOS; rep++) {
            matvec(rp, cj, v, x, y, 0, n);
        }
        double best = Double.MAX_VALUE;
        for (int rep = 0; rep < TIMED_REPS; rep++) {
            long t0 = System.nanoTime();
            matvec(rp, cj, v, x, y, 0, n);
            best = Math.min(best, System.nanoTime() - t0);
        }
        double perEntry = Math.max(best / nnz, 0.05);
        double fj = 0;
        long threshold = Long.MAX_VALUE;
        if (threads > 1) {
            KernelTeam team = Parallelism.team();
            long[] t = new long[120];
            for (int rep = 0; rep < 40 + t.length; rep++) {
                long t0 = System.nanoTime();
                team.run(threads, c -> { });
                long dt = System.nanoTime() - t0;
                if (rep >= 40) {
                    t[rep - 40] = dt;
                }
            }
            Arrays.sort(t);
            // the mean, not the median: a split waits for its slowest chunk, and on a shared
            // machine a descheduled worker costs far more than the typical round trip (measured
            // on a loaded 2-core machine: median 22 us, mean 30-50 us); the median let a product
            // of 73 us split and run 25% slower
            double sum = 0;
            for (long dt : t) {
                sum += dt;
            }
            fj = sum / t.length;
            threshold = threshold(threads, perEntry, fj);
        }
        if (y[0] == 12345.678) {   // keeps the timed loop from being removed as dead code
            threshold++;
        }
        return new Parallelism.Calibration(threads, perEntry, fj, threshold, System.nanoTime() - start, Instant.now(),
                null);
    }

    private static void matvec(int[] rp, int[] cj, double[] v, double[] x, double[] y, int r0, int r1) {
        for (int i = r0; i < r1; i++) {
            double sr = 0, si = 0;
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                int c = 2 * cj[p];
                double vr = v[2 * p], vi = v[2 * p + 1], xr = x[c], xi = x[c + 1];
                sr += vr * xr - vi * xi;
                si += vr * xi + vi * xr;
            }
            y[2 * i] = sr;
            y[2 * i + 1] = si;
        }
    }
}
