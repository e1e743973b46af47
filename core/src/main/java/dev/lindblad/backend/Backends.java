package dev.lindblad.backend;

import dev.lindblad.parallel.Parallelism;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which path runs a kernel: the pure-Java kernel or a native {@link Backend}, decided per call.
 *
 * <h2>The choice</h2>
 * The first of these that is set wins: {@link #with(String, Supplier)} (for the calling thread,
 * within a block), {@link #use(String)}, the system property {@code lindblad.backend}, the
 * environment variable {@code LINDBLAD_BACKEND}; otherwise {@code auto}. Values:
 * <ul>
 *   <li>{@code auto}: the best available backend (lowest {@link Backend#rank()}, MKL before
 *       OpenBLAS) runs a kernel when the problem's size is at least the threshold measured on
 *       this machine ({@link #threshold}); smaller problems run in Java;</li>
 *   <li>{@code java}: always the Java kernels;</li>
 *   <li>{@code native}: the best available backend whatever the size;</li>
 *   <li>a backend's name ({@code mkl}, {@code openblas}, {@code klu}): that backend whatever the
 *       size (for the sparse direct solve: {@code mkl} is PARDISO, {@code openblas} UMFPACK,
 *       {@code klu} KLU).</li>
 * </ul>
 * The sparse direct solve is the one kernel that several backends provide with very different
 * costs by structure (PARDISO, UMFPACK, KLU): for it {@code auto} runs, among the backends whose
 * threshold says native at the size, the one whose native time measured at the largest measured
 * size not above the problem's ({@link BackendThresholds.Threshold#nativeNanosAt}) is least.
 * The solvers' sparse product is decided per matrix, not by a size threshold: under {@code auto},
 * when a solver prepares a matrix of at least {@value #PRODUCT_MEASURE_NNZ} stored entries
 * ({@code Data.prepareProduct}), the Java storage and the first usable backend's product
 * ({@link #firstUsable}) are timed on it, alternately, with the threads the product will run
 * with, and the library is kept only when its median is at least {@link #PRODUCT_MARGIN} times
 * faster; smaller matrices stay in Java without loading a library.
 * Every other kernel runs on the first available backend that has it (MKL before OpenBLAS).
 * A backend that is missing, failed to load, or lacks the kernel leaves the call to Java: a
 * missing library never fails a run, and {@link #describe(boolean)} ({@code lindblad info}) says
 * why. A kernel whose native call throws anything but {@link ArithmeticException} is marked
 * broken for the rest of the run ({@link #failed}) and Java takes over.
 *
 * <h2>Threads</h2>
 * A native call uses {@link Parallelism#threads()} threads, and one inside a serial region (every
 * {@code TaskMap} task): {@link #callThreads()}. A backend that cannot limit one call's threads
 * ({@link Backend#threadLocalThreads()} false, OpenBLAS) is skipped inside serial regions when
 * more than one thread is configured, so N tasks never start N×N threads.
 */
public final class Backends {

    /** System property naming the backend choice. */
    public static final String PROPERTY = "lindblad.backend";
    /** Environment variable naming the backend choice. */
    public static final String ENVIRONMENT = "LINDBLAD_BACKEND";
    /** The choices that are not a backend's name. */
    public static final List<String> GENERAL_CHOICES = List.of("auto", "java", "native");

    /**
     * Stored entries from which {@code auto} times a solver's matrix on the Java storage and on a
     * native library's sparse product to pick the faster ({@code Data.prepareProduct}); below it
     * the Java storage runs, no library is loaded and nothing is measured.
     */
    public static final long PRODUCT_MEASURE_NNZ = 10_000;
    /**
     * Stored entries from which {@code auto} loads a native library for the measurement of
     * {@link #PRODUCT_MEASURE_NNZ} when no other kernel has loaded it yet: loading MKL takes
     * 0.2–0.3 s (measured on the development machine), more than a whole solve of a medium
     * Liouvillian, so between the two sizes the library is measured only when it is loaded
     * already (by a dense kernel, a sparse solve or an earlier large matrix).
     */
    public static final long PRODUCT_LOAD_NNZ = 200_000;
    /**
     * How many times faster than the Java storage a native sparse product's median time must be
     * for {@code auto} to pick it (10%): within the margin Java stays, so that noise does not
     * flip the default.
     */
    public static final double PRODUCT_MARGIN = 1.10;

    private static final ScopedValue<String> SCOPED = ScopedValue.newInstance();
    private static volatile String programmatic;
    private static volatile String defaultSetting;      // property/environment, read once
    private static volatile Discovery discovery;
    private static final Map<String, String> BROKEN = new ConcurrentHashMap<>();
    private static final Map<String, Boolean> WARNED = new ConcurrentHashMap<>();

    private Backends() {
    }

    /**
     * The backends found by {@link ServiceLoader}, and the providers that could not be
     * instantiated.
     */
    private record Discovery(List<Backend> backends, List<String> errors) {
    }

    private static Discovery discovery() {
        Discovery d = discovery;
        if (d == null) {
            synchronized (Backends.class) {
                d = discovery;
                if (d == null) {
                    List<Backend> found = new ArrayList<>();
                    List<String> errors = new ArrayList<>();
                    try {
                        var it = ServiceLoader.load(Backend.class, Backends.class.getClassLoader()).iterator();
                        while (true) {
                            try {
                                if (!it.hasNext()) {
                                    break;
                                }
                                found.add(it.next());
                            } catch (ServiceConfigurationError | LinkageError e) {
                                errors.add(String.valueOf(e));
                            }
                        }
                    } catch (ServiceConfigurationError e) {
                        errors.add(String.valueOf(e));
                    }
                    found.sort(Comparator.comparingInt(Backend::rank).thenComparing(Backend::name));
                    d = new Discovery(List.copyOf(found), List.copyOf(errors));
                    discovery = d;
                }
            }
        }
        return d;
    }

    /** @return every backend found on the class path or module path, best first (available or not) */
    public static List<Backend> all() {
        return discovery().backends();
    }

    /** @return the backend of that name, if one was found (available or not) */
    public static Optional<Backend> find(String name) {
        return all().stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /**
     * @return the choice in effect for the calling thread: {@code auto}, {@code java},
     *         {@code native} or a backend's name (see the class comment for the precedence)
     */
    public static String setting() {
        if (SCOPED.isBound()) {
            return SCOPED.get();
        }
        String p = programmatic;
        if (p != null) {
            return p;
        }
        String d = defaultSetting;
        if (d == null) {
            d = resolve(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT));
            defaultSetting = d;
        }
        return d;
    }

    /**
     * The precedence of the property over the environment variable, separated for testing.
     *
     * @throws IllegalArgumentException when the value is not a known choice, naming its source
     */
    static String resolve(String property, String environment) {
        if (property != null && !property.isBlank()) {
            return check(property, "system property " + PROPERTY);
        }
        if (environment != null && !environment.isBlank()) {
            return check(environment, "environment variable " + ENVIRONMENT);
        }
        return "auto";
    }

    private static String check(String value, String source) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (GENERAL_CHOICES.contains(v) || v.equals("mkl") || v.equals("openblas") || v.equals("klu")
                || find(v).isPresent()) {
            return v;
        }
        throw new IllegalArgumentException(source + " must be one of auto, java, native, mkl, openblas, klu"
                + (all().isEmpty() ? "" : " or " + all().stream().map(Backend::name).toList()) + ", got \"" + value + "\"");
    }

    /**
     * Sets the choice for every thread (taking precedence over the property and the
     * environment), or forgets it.
     *
     * @param choice {@code auto}, {@code java}, {@code native}, a backend's name, or null to forget
     */
    public static void use(String choice) {
        programmatic = choice == null ? null : check(choice, "backend choice");
    }

    /**
     * Runs {@code body} with the choice in effect on the calling thread only (for A/B
     * measurements and tests: {@code Backends.with("java", () -> H.eigenenergies())}).
     *
     * @param choice {@code auto}, {@code java}, {@code native} or a backend's name
     * @param body   what to run
     * @return what body returned
     */
    public static <T> T with(String choice, Supplier<T> body) {
        String c = check(choice, "backend choice");
        return ScopedValue.where(SCOPED, c).call(body::get);
    }

    /** As {@link #with(String, Supplier)}, for a body without a result. */
    public static void with(String choice, Runnable body) {
        String c = check(choice, "backend choice");
        ScopedValue.where(SCOPED, c).run(body);
    }

    /**
     * The decision each dispatching kernel makes.
     *
     * @param kernel the kernel
     * @param size   the problem's size in the kernel's {@linkplain Kernel#sizeMeasure() measure}
     * @return the backend to run it on, or null for the Java kernel
     */
    public static Backend select(Kernel kernel, long size) {
        String s = setting();
        if (s.equals("java")) {
            return null;
        }
        List<Backend> backends = all();
        if (backends.isEmpty()) {
            if (!s.equals("auto")) {
                warnOnce(s, "no native backend on the class path (module lindblad-native)");
            }
            return null;
        }
        boolean named = !GENERAL_CHOICES.contains(s);
        if (s.equals("auto") && kernel == Kernel.SPARSE_SOLVE) {
            return fastest(kernel, size, backends);
        }
        for (Backend b : backends) {
            if (named && !b.name().equals(s)) {
                continue;
            }
            boolean auto = s.equals("auto");
            if (auto && size < BackendThresholds.smallestCandidate(kernel)) {
                return null;    // never load or measure for a tiny problem (the cold first call of a script)
            }
            if (BROKEN.containsKey(key(b, kernel))
                    || (Parallelism.inSerialRegion() && !b.threadLocalThreads() && Parallelism.threads() > 1)) {
                continue;
            }
            BackendThresholds.Threshold cached = auto ? BackendThresholds.cached(b, kernel) : null;
            if (cached != null && size < cached.value()) {
                return null;    // decided from the cache: the library is not even loaded
            }
            if (!b.available()) {
                if (named) {
                    warnOnce(s, b.unavailableReason());
                }
                continue;
            }
            if (!b.kernels().contains(kernel)) {
                continue;
            }
            if (!auto) {
                return b;
            }
            return size >= (cached != null ? cached : threshold(b, kernel)).value() ? b : null;
        }
        if (named && find(s).isEmpty()) {
            warnOnce(s, "no backend named " + s + " was found");
        }
        return null;
    }

    /**
     * {@code auto}'s choice for a kernel several backends provide: among the usable backends whose
     * threshold says native at this size, the first in rank order (MKL's PARDISO, then UMFPACK,
     * then KLU), unless a later one was measured at least {@value #SWITCH_MARGIN} times faster at
     * the nearest measured size not above it; null (Java) when none. The margin keeps a short
     * measurement on a busy machine, where near-equal solvers swap places from run to run, from
     * choosing a solver that is slower on a quiet one (measured here: KLU ranked first under load
     * while PARDISO was 2–7× faster on a quiet machine). A backend whose cached threshold is above
     * the size is not loaded.
     */
    /** How much faster a lower-ranked backend must have measured to be chosen over a higher one. */
    static final double SWITCH_MARGIN = 2.0;

    private static Backend fastest(Kernel kernel, long size, List<Backend> backends) {
        if (size < BackendThresholds.smallestCandidate(kernel)) {
            return null;
        }
        Backend best = null;
        double bestNanos = Double.POSITIVE_INFINITY;
        for (Backend b : backends) {
            if (BROKEN.containsKey(key(b, kernel))
                    || (Parallelism.inSerialRegion() && !b.threadLocalThreads() && Parallelism.threads() > 1)) {
                continue;
            }
            BackendThresholds.Threshold t = BackendThresholds.cached(b, kernel);
            if (t != null && size < t.value()) {
                continue;
            }
            if (!b.available() || !b.kernels().contains(kernel)) {
                continue;
            }
            if (t == null) {
                t = threshold(b, kernel);
            }
            if (size < t.value()) {
                continue;
            }
            double nanos = t.nativeNanosAt(size);
            if (best == null || nanos * SWITCH_MARGIN < bestNanos) {
                bestNanos = nanos;
                best = b;
            }
        }
        return best;
    }

    /**
     * A sparse direct solve done by a backend ({@link #solveSparse}).
     *
     * @param x              the solution, interleaved complex, length 2n
     * @param factorNonzeros stored entries of L and U, -1 when the library does not say
     * @param description    what solved it, e.g. {@code "PARDISO (MKL 2025.2)"}, {@code "KLU 1.3.8, SuiteSparse 5.12.0"}
     */
    public record SparseSolution(double[] x, long factorNonzeros, String description) {
    }

    /**
     * Solves {@code A x = b} for a general complex n×n matrix A in CSR on the backend
     * {@link #select} chooses for the sparse direct solve at size n, with
     * {@link #callThreads(Kernel, Backend)} threads: the steady-state solvers' seam (Lindblad
     * equation and HEOM). When that library reports the matrix singular to working precision
     * (PARDISO perturbs pivots where its restricted pivoting finds none large enough, UMFPACK and
     * KLU refuse a tiny pivot ratio) and the choice is {@code auto} or {@code native}, the other
     * usable backends' solvers are tried in rank order (PARDISO, UMFPACK, KLU), and the solution's
     * description says which declined and why. Returns empty when the choice is Java, when every
     * tried library declines (the caller's Java path then decides and says why), or when they
     * fail otherwise (a failing kernel is marked broken for the run, {@link #failed}).
     *
     * @param n             the order of A
     * @param rowPointers   CSR row pointers, length n+1
     * @param columnIndices CSR column indices (sorted or not, no duplicates)
     * @param values        interleaved complex values
     * @param b             right-hand side, interleaved complex, length 2n; not modified
     * @return the solution and the path, or empty for the Java path
     */
    public static Optional<SparseSolution> solveSparse(int n, int[] rowPointers, int[] columnIndices, double[] values,
                                                       double[] b) {
        java.util.Objects.requireNonNull(rowPointers, "solveSparse: rowPointers is null");
        java.util.Objects.requireNonNull(columnIndices, "solveSparse: columnIndices is null");
        java.util.Objects.requireNonNull(values, "solveSparse: values is null");
        java.util.Objects.requireNonNull(b, "solveSparse: b is null");
        if (n < 1 || rowPointers.length != n + 1 || b.length != 2 * n) {
            throw new IllegalArgumentException("solveSparse: need n >= 1, rowPointers of length n+1 and b of length 2n;"
                    + " got n = " + n + ", " + rowPointers.length + " and " + b.length);
        }
        Backend first = select(Kernel.SPARSE_SOLVE, n);
        if (first == null) {
            return Optional.empty();
        }
        List<Backend> order = new ArrayList<>();
        order.add(first);
        if (GENERAL_CHOICES.contains(setting())) {    // auto or native: the others before Java
            for (Backend other : all()) {
                if (other != first && usable(other, Kernel.SPARSE_SOLVE)) {
                    order.add(other);
                }
            }
        }
        StringBuilder declined = new StringBuilder();
        for (Backend be : order) {
            try (SparseFactorization f = be.factorSparse(n, rowPointers, columnIndices, values,
                    callThreads(Kernel.SPARSE_SOLVE, be, n))) {
                double[] x = new double[2 * n];
                f.solve(b, x);
                return Optional.of(new SparseSolution(x, f.factorNonzeros(), f.description()
                        + (declined.isEmpty() ? "" : "; declined first by " + declined)));
            } catch (ArithmeticException e) {
                declined.append(declined.isEmpty() ? "" : ", ").append(be.name()).append(": ").append(e.getMessage());
            } catch (RuntimeException | LinkageError e) {
                failed(be, Kernel.SPARSE_SOLVE, e);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code auto}'s candidate for a kernel it decides per problem by timing both sides rather
     * than by a size threshold (the solvers' sparse product: {@code Data.prepareProduct} times the
     * Java storage against the library on the matrix itself): the first backend in rank order
     * that can run the kernel now (available, providing it, not {@linkplain #failed broken}, and
     * able to limit its threads in a serial region when more than one thread is configured).
     * Loads the backend's libraries; reads no threshold and measures nothing.
     *
     * @param kernel the kernel
     * @return the backend, or null when none can run it
     */
    public static Backend firstUsable(Kernel kernel) {
        return firstUsable(kernel, true);
    }

    /**
     * @param mayLoad whether a backend whose libraries are not loaded yet may be loaded now;
     *                when false such a backend is passed over ({@link Backend#loaded()})
     * @return the first backend in rank order that can run the kernel now, or null
     */
    public static Backend firstUsable(Kernel kernel, boolean mayLoad) {
        java.util.Objects.requireNonNull(kernel, "firstUsable: kernel is null");
        for (Backend b : all()) {
            if ((mayLoad || b.loaded()) && usable(b, kernel)) {
                return b;
            }
        }
        return null;
    }

    /** @return whether the backend can run the kernel now (available, has it, not broken, threads allow) */
    private static boolean usable(Backend b, Kernel kernel) {
        if (BROKEN.containsKey(key(b, kernel))
                || (Parallelism.inSerialRegion() && !b.threadLocalThreads() && Parallelism.threads() > 1)) {
            return false;
        }
        try {
            return b.available() && b.kernels().contains(kernel);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** @return threads a native call made now may use: 1 in a serial region, else {@link Parallelism#threads()} */
    public static int callThreads() {
        return Parallelism.inSerialRegion() ? 1 : Parallelism.threads();
    }

    /**
     * @return threads a native call of the kernel on the backend uses now: 1 in a serial region,
     *         else the count its measured threshold found faster ({@link BackendThresholds.Threshold#nativeThreads()},
     *         when measured in this JVM), else {@link Parallelism#threads()}
     */
    public static int callThreads(Kernel kernel, Backend backend) {
        if (Parallelism.inSerialRegion()) {
            return 1;
        }
        BackendThresholds.Threshold t = BackendThresholds.inMemory(backend, kernel);
        return t == null ? Parallelism.threads() : t.nativeThreads();
    }

    /**
     * {@link #callThreads(Kernel, Backend)} for a call of a given size: the measured verdict at
     * that size, and every thread above the largest measured size
     * ({@link BackendThresholds.Threshold#nativeThreads(long)}).
     *
     * @param size the call's size in the kernel's measure ({@link Kernel#sizeMeasure()})
     */
    public static int callThreads(Kernel kernel, Backend backend, long size) {
        if (Parallelism.inSerialRegion()) {
            return 1;
        }
        BackendThresholds.Threshold t = BackendThresholds.inMemory(backend, kernel);
        return t == null ? Parallelism.threads() : t.nativeThreads(size);
    }

    /**
     * Records that a backend's kernel failed (anything but a numerical failure): the kernel is
     * not used again in this JVM, and {@link #describe(boolean)} shows the reason.
     *
     * @param backend the backend
     * @param kernel  the kernel
     * @param failure what it threw
     */
    public static void failed(Backend backend, Kernel kernel, Throwable failure) {
        BROKEN.putIfAbsent(key(backend, kernel), String.valueOf(failure));
    }

    /** @return why the kernel of that backend was disabled in this run, if it was */
    public static Optional<String> brokenReason(Backend backend, Kernel kernel) {
        return Optional.ofNullable(BROKEN.get(key(backend, kernel)));
    }

    private static String key(Backend b, Kernel k) {
        return b.name() + "/" + k.name();
    }

    private static void warnOnce(String choice, String reason) {
        if (WARNED.putIfAbsent(choice, Boolean.TRUE) == null) {
            System.err.println("lindblad: backend '" + choice + "' requested but not usable (" + reason
                    + "); the Java kernels run instead (lindblad info says more)");
        }
    }

    /**
     * The size from which {@code auto} runs the kernel on the backend, measured on first use on
     * this machine (Java against native at a few sizes, alternating) and cached in
     * {@link Parallelism#cacheDirectory()}, as the parallel threshold is.
     *
     * @param backend an available backend providing the kernel
     * @param kernel  the kernel
     * @return the threshold and how it was found
     */
    public static BackendThresholds.Threshold threshold(Backend backend, Kernel kernel) {
        return BackendThresholds.get(backend, kernel);
    }

    /**
     * A report for {@code lindblad info}: the choice in effect, every backend found with its
     * libraries (path, version) or why it is unusable, and each kernel's threshold with how it
     * was measured.
     *
     * @param measure whether to measure thresholds not measured yet (takes up to a few seconds)
     * @return lines of text
     */
    public static String describe(boolean measure) {
        StringBuilder b = new StringBuilder();
        String setting;
        try {
            setting = setting();
        } catch (IllegalArgumentException e) {
            setting = "invalid: " + e.getMessage();
        }
        String from = SCOPED.isBound() ? "Backends.with" : programmatic != null ? "Backends.use"
                : System.getProperty(PROPERTY) != null ? "-D" + PROPERTY
                : System.getenv(ENVIRONMENT) != null ? ENVIRONMENT : "default";
        b.append("choice: ").append(setting).append(" (from ").append(from)
                .append("; -Dlindblad.backend or LINDBLAD_BACKEND = auto|java|native|mkl|openblas|klu)\n");
        Discovery d = discovery();
        if (d.backends().isEmpty()) {
            b.append("no native backend on the class path: every kernel runs in Java\n");
        }
        for (String e : d.errors()) {
            b.append("provider failed: ").append(e).append('\n');
        }
        for (Backend be : d.backends()) {
            boolean ok;
            try {
                ok = be.available();
            } catch (RuntimeException | LinkageError e) {
                ok = false;
            }
            b.append("backend ").append(be.name()).append(": ")
                    .append(ok ? "available" : "not available (" + be.unavailableReason() + "); Java runs instead")
                    .append('\n');
            for (NativeLibrary l : be.libraries()) {
                b.append(String.format(Locale.ROOT, "  %-22s %s%s%s%n", l.name(),
                        l.path() == null ? "not found" : l.path().toString(),
                        l.version() == null ? "" : " (" + l.version() + ")",
                        l.note() == null ? "" : "; " + l.note()));
            }
            if (!ok) {
                continue;
            }
            for (Kernel k : Kernel.values()) {
                if (!be.kernels().contains(k)) {
                    continue;
                }
                Optional<String> broken = brokenReason(be, k);
                if (broken.isPresent()) {
                    b.append(String.format(Locale.ROOT, "  %-32s broken in this run: %s%n", k.description(), broken.get()));
                    continue;
                }
                if (k == Kernel.SPARSE_PRODUCT) {
                    b.append(String.format(Locale.ROOT, "  %-32s per matrix: from nnz >= %d auto times the Java"
                            + " storage against this library on each solver matrix and keeps the library only when"
                            + " %.2fx faster, twice (the second time after Java warmed up); LinearMap.storage() and"
                            + " Result.stats() say which won%n",
                            k.description(), PRODUCT_MEASURE_NNZ, PRODUCT_MARGIN));
                    continue;
                }
                BackendThresholds.Threshold t = measure ? threshold(be, k) : BackendThresholds.known(be, k);
                b.append(String.format(Locale.ROOT, "  %-32s %s%n", k.description(),
                        t == null ? "threshold not measured yet (measured on first use)" : t.describe()));
            }
        }
        return b.toString();
    }
}
