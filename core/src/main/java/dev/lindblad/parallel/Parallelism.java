package dev.lindblad.parallel;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Kernel-level parallelism: the thread count, the dedicated kernel threads the data kernels
 * split their rows over ({@link KernelTeam}: workers that spin briefly between kernels), the measured work threshold above which they do, and serial regions.
 *
 * <h2>Thread count</h2>
 * The first of these that is set wins: {@link #threads(int)}, the system property
 * {@code lindblad.threads}, the environment variable {@code LINDBLAD_THREADS}; otherwise every
 * available core ({@link Runtime#availableProcessors()}). The property and the variable are read
 * once, at the first use. A count that is not a positive integer, or is above
 * {@link #maxThreads()}, is refused with an {@link IllegalArgumentException} naming where it
 * came from and its value (never silently replaced).
 *
 * <h2>Threshold</h2>
 * Work is counted in complex multiply-adds (a CSR matrix–vector product costs nnz of them, a
 * dense one rows×cols). A kernel splits when its work is at least {@link #threshold()}. The
 * threshold is not a constant: on first use {@link #calibrate()} times a serial CSR
 * matrix–vector product on this machine (nanoseconds per multiply-add, {@code c}) and the
 * mean round trip of an empty dispatch over the kernel threads ({@code f}), back to back as a
 * solver's products come; splitting a work
 * {@code w} over {@code P} threads saves {@code c w (1 - 1/P)} and costs {@code f}, so the
 * threshold is the break-even {@code w* = f / (c (1 - 1/P))}, doubled so that splitting pays
 * clearly, and at least the work of 100 µs on one thread (on a shared machine the round trip
 * measured at start-up changes with the load). It takes well under 200 ms and is cached;
 * {@link #describe()} reports it. The threshold is clamped to [10 000, 2^24]; the lower bound is
 * the 100 µs floor at 10 ns per entry, so it binds only on a very slow machine. A kernel below
 * it runs serially without triggering the measurement, so that the first call of a small
 * problem (the cold call a script sees) does not pay the 35–40 ms the measurement takes in a
 * fresh JVM, nor the JIT work it causes.
 *
 * <h2>Two levels, never nested</h2>
 * Inside {@link #serial(Runnable)} (and so inside every task of a multi-threaded
 * {@link TaskMap}), and on the kernel threads themselves, kernels run on the calling thread:
 * N tasks never start N×N threads.
 *
 * <p>A parallel kernel gives the same bits as its serial twin: every output element is computed
 * by the same code in the same order, and reductions sum fixed blocks (independent of the
 * thread count) whose partial sums are combined in block order.
 */
public final class Parallelism {

    /** System property naming the thread count. */
    public static final String PROPERTY = "lindblad.threads";
    /** Environment variable naming the thread count. */
    public static final String ENVIRONMENT = "LINDBLAD_THREADS";

    private static final ScopedValue<Boolean> SERIAL = ScopedValue.newInstance();
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private static final LongAdder SPLITS = new LongAdder();

    private static volatile int programmaticThreads;     // 0: not set
    private static volatile int defaultThreads;          // 0: property/environment not read yet
    private static volatile long thresholdOverride;      // 0: use the calibration
    private static volatile KernelTeam team;
    private static volatile Calibration calibration;

    private Parallelism() {
    }

    /**
     * How the threshold was measured.
     *
     * @param threads            threads of the kernel pool when measured
     * @param nanosPerMultiplyAdd serial CSR matrix–vector cost per stored entry, ns
     * @param dispatchNanos      round trip of an empty dispatch over the kernel threads, ns (mean)
     * @param threshold          resulting work threshold, in complex multiply-adds
     * @param elapsedNanos       time the measurement took, ns
     * @param measuredAt         when it was measured
     * @param readFrom           the cache file it was read from, or null when measured in this JVM
     */
    public record Calibration(int threads, double nanosPerMultiplyAdd, double dispatchNanos, long threshold,
                              long elapsedNanos, java.time.Instant measuredAt, java.nio.file.Path readFrom) {
    }

    /** The floor of {@link #maxThreads()}: small thread counts stay allowed on a one- or two-core machine. */
    public static final int MAX_THREADS_FLOOR = 16;
    /** The ceiling of {@link #maxThreads()}, whatever the core count. */
    public static final int MAX_THREADS_CEILING = 1024;

    /**
     * The largest thread count accepted: {@code min(1024, max(16, 4 × availableProcessors))}.
     * The kernels and the tasks are CPU-bound and the kernel threads spin between products, so
     * threads beyond the cores only contend for them; four per core leaves room for
     * simultaneous multithreading and for oversubscription experiments, the floor of 16 lets a
     * small container (whose processor count may understate the machine) still try a few
     * threads, and the ceiling of 1024 bounds the threads' stacks and start-up (99 999 threads
     * took 75 s to create and then exhausted the machine).
     *
     * @return the bound, at least {@value #MAX_THREADS_FLOOR}
     */
    public static int maxThreads() {
        return Math.min(MAX_THREADS_CEILING, Math.max(MAX_THREADS_FLOOR, 4 * Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Checks a thread count given by the user.
     *
     * @param n      the count
     * @param source where it came from, named in the message (e.g. {@code "TaskMap.threads(n)"})
     * @return n
     * @throws IllegalArgumentException when n is below 1 or above {@link #maxThreads()}
     */
    static int checkThreadCount(long n, String source) {
        if (n < 1) {
            throw new IllegalArgumentException(source + ": the thread count must be at least 1, got " + n);
        }
        int max = maxThreads();
        if (n > max) {
            throw new IllegalArgumentException(source + ": the thread count " + n + " is above the bound " + max
                    + " (4 per available processor, " + Runtime.getRuntime().availableProcessors()
                    + " here, at least " + MAX_THREADS_FLOOR + ", at most " + MAX_THREADS_CEILING
                    + "): more threads than that only contend for the cores");
        }
        return (int) n;
    }

    /**
     * Sets the thread count for kernels and for {@link TaskMap#threads()}; takes precedence over
     * the system property and the environment variable.
     *
     * @param n threads, from 1 to {@link #maxThreads()}
     * @throws IllegalArgumentException when n is out of that range
     */
    public static void threads(int n) {
        programmaticThreads = checkThreadCount(n, "Parallelism.threads(n)");
    }

    /** Forgets {@link #threads(int)}: the property, the environment or the core count decide again. */
    public static void resetThreads() {
        programmaticThreads = 0;
    }

    /** @return the thread count in effect (see the class comment for the precedence) */
    public static int threads() {
        int n = programmaticThreads;
        if (n > 0) {
            return n;
        }
        n = defaultThreads;
        if (n == 0) {
            // read once: kernels ask on every call, and a property lookup costs more than a small matvec
            n = resolveThreads(0, System.getProperty(PROPERTY), System.getenv(ENVIRONMENT),
                    Runtime.getRuntime().availableProcessors());
            defaultThreads = n;
        }
        return n;
    }

    /**
     * The precedence rule, separated for testing: programmatic (if positive), then property,
     * then environment, then cores. A property or variable that is not a positive integer is
     * an error naming its value rather than being silently ignored.
     */
    static int resolveThreads(int programmatic, String property, String environment, int cores) {
        if (programmatic > 0) {
            return programmatic;
        }
        if (property != null && !property.isBlank()) {
            return parsePositive(property, "system property " + PROPERTY);
        }
        if (environment != null && !environment.isBlank()) {
            return parsePositive(environment, "environment variable " + ENVIRONMENT);
        }
        return Math.max(1, cores);
    }

    private static int parsePositive(String s, String source) {
        long n;
        try {
            n = Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " must be a positive integer (a thread count from 1 to "
                    + maxThreads() + "), got \"" + s + "\"");
        }
        if (n < 1) {
            throw new IllegalArgumentException(source + " must be a positive integer, got " + n);
        }
        return checkThreadCount(n, source + "=" + s.trim());
    }

    /**
     * The kernel threads ({@link KernelTeam}): {@link #threads()} - 1 daemon workers named
     * {@code lindblad-kernel-N} and the calling thread (a new team replaces the old when the
     * count changes).
     */
    static KernelTeam team() {
        int n = threads();
        KernelTeam t = team;
        if (t != null && t.threads == n) {
            return t;
        }
        synchronized (Parallelism.class) {
            t = team;
            if (t == null || t.threads != n) {
                KernelTeam old = t;
                t = new KernelTeam(n, THREAD_NUMBER);
                team = t;
                if (old != null) {
                    old.shutdown();
                }
            }
            return t;
        }
    }

    /** @return kernel workers running a chunk now (a diagnostic for tests) */
    static int activeKernelWorkers() {
        KernelTeam t = team;
        return t == null ? 0 : t.activeWorkers();
    }

    /** Runs r with kernels forced onto the calling thread. */
    public static void serial(Runnable r) {
        java.util.Objects.requireNonNull(r, "Parallelism.serial: r is null");
        ScopedValue.where(SERIAL, Boolean.TRUE).run(r);
    }

    /** @return s's value, computed with kernels forced onto the calling thread */
    public static <T> T serial(Supplier<T> s) {
        java.util.Objects.requireNonNull(s, "Parallelism.serial: s is null");
        return ScopedValue.where(SERIAL, Boolean.TRUE).call(s::get);
    }

    /**
     * @return whether kernels on this thread must stay serial: inside {@link #serial}, inside a
     *         {@link TaskMap} task, or on a kernel pool worker (no nested splitting)
     */
    public static boolean inSerialRegion() {
        return SERIAL.isBound() || Thread.currentThread() instanceof KernelTeam.Worker;
    }

    /**
     * The decision every kernel makes: split when more than one thread is configured, the
     * calling thread is not in a serial region, and the work is at least the threshold.
     *
     * @param work complex multiply-adds the kernel will do
     * @return the number of chunks to split into, or 1 to run serially
     */
    public static int chunksFor(long work) {
        int n = threads();
        if (n <= 1 || inSerialRegion()) {
            return 1;
        }
        long o = thresholdOverride;
        if (o > 0 ? work < o : work < Calibrator.MIN_THRESHOLD || work < calibration().threshold()) {
            return 1;
        }
        return n;
    }

    /**
     * Runs {@code body.accept(c)} for c = 0 .. chunks-1 on the kernel pool and waits for all;
     * an exception in a chunk is rethrown here. With one chunk it runs on the calling thread.
     */
    public static void forEachChunk(int chunks, IntConsumer body) {
        java.util.Objects.requireNonNull(body, "Parallelism.forEachChunk: body is null");
        if (chunks <= 1 || inSerialRegion()) {
            for (int c = 0; c < chunks; c++) {
                body.accept(c);
            }
            return;
        }
        SPLITS.increment();
        // the caller's own chunks run as a serial region too: no kernel inside splits again
        boolean ran = ScopedValue.where(SERIAL, Boolean.TRUE).call(() -> team().run(chunks, body));
        if (!ran) {   // another thread's kernel holds the team
            serial(() -> {
                for (int c = 0; c < chunks; c++) {
                    body.accept(c);
                }
            });
        }
    }

    /**
     * @return how many times a kernel has split over the pool since the JVM started (a
     *         diagnostic: tests use it to prove kernels stay serial inside tasks)
     */
    public static long splitCount() {
        return SPLITS.sum();
    }

    /**
     * Overrides the measured threshold (for experiments and tests); 0 returns to the
     * calibration.
     *
     * @param work complex multiply-adds, at least 0
     */
    public static void threshold(long work) {
        if (work < 0) {
            throw new IllegalArgumentException("threshold must be non-negative, got " + work);
        }
        thresholdOverride = work;
    }

    /** @return the work (complex multiply-adds) at which kernels split; measured on first use */
    public static long threshold() {
        long o = thresholdOverride;
        return o > 0 ? o : calibration().threshold();
    }

    /** @return the calibration, measuring it on first use (or when the thread count changed) */
    public static Calibration calibration() {
        Calibration c = calibration;
        int n = threads();
        if (c != null && c.threads() == n) {
            return c;
        }
        synchronized (Parallelism.class) {
            c = calibration;
            if (c == null || c.threads() != n) {
                c = Calibrator.cachedOrMeasured(n);
                calibration = c;
            }
            return c;
        }
    }

    /** @return the cached calibration, or null when none has been measured (for tests) */
    static Calibration measuredCalibration() {
        return calibration;
    }

    /** Measures the threshold now (again), keeps it (in memory and in the cache file) and returns it. */
    public static Calibration calibrate() {
        synchronized (Parallelism.class) {
            calibration = Calibrator.measureAndSave(threads());
            return calibration;
        }
    }

    /**
     * @return the directory where measurements are cached between runs (property
     *         {@code lindblad.cache}, variable {@code LINDBLAD_CACHE}, else
     *         {@code $XDG_CACHE_HOME/lindblad} or {@code ~/.cache/lindblad}), or null when
     *         caching is off; the native backends keep their thresholds and unpacked libraries here
     */
    public static java.nio.file.Path cacheDirectory() {
        return Calibrator.cacheDirectory();
    }

    /** @return what must match for a cached measurement to be reused: processor, cores, Java version */
    public static String machineKey() {
        return Calibrator.machineKey();
    }

    /** @return a human-readable account of the thread count, the threshold and how it was measured */
    public static String describe() {
        Calibration c = calibration();
        String source = programmaticThreads > 0 ? "Parallelism.threads(n)"
                : System.getProperty(PROPERTY) != null ? "-D" + PROPERTY
                : System.getenv(ENVIRONMENT) != null ? ENVIRONMENT : "available cores";
        java.nio.file.Path dir = Calibrator.cacheDirectory();
        String cache = c.readFrom() != null
                ? "read from " + c.readFrom() + " (measured " + c.measuredAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        + "; delete it or call Parallelism.calibrate() to measure again)"
                : dir == null ? "off (-D" + Calibrator.CACHE_PROPERTY + "=off or " + Calibrator.CACHE_ENVIRONMENT + "=off)"
                : "measured in this JVM, kept in " + dir.resolve(Calibrator.fileName(c.threads()));
        return String.format(Locale.ROOT,
                "threads: %d (from %s; %d cores available)%n"
                        + "kernel threshold: %d complex multiply-adds%s%n"
                        + "  measured: serial CSR matvec %.3f ns per stored entry, empty dispatch over %d threads %.1f us (mean)%n"
                        + "  rule: split when work >= max(2 * dispatch / (ns per entry * (1 - 1/threads)), "
                        + (long) (Calibrator.MIN_SPLIT_NANOS / 1e3) + " us / ns per entry), within [%d, 2^24];"
                        + " calibration took %.1f ms%n"
                        + "  calibration cache: %s",
                threads(), source, Runtime.getRuntime().availableProcessors(), threshold(),
                thresholdOverride > 0 ? " (overridden; calibrated " + c.threshold() + ")" : "",
                c.nanosPerMultiplyAdd(), c.threads(), c.dispatchNanos() / 1e3, Calibrator.MIN_THRESHOLD,
                c.elapsedNanos() / 1e6, cache);
    }
}
