package dev.lindblad.solver;

import dev.lindblad.parallel.TaskMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Options of the stochastic solvers ({@link SseSolver}, {@link SmeSolver}), with QuTiP 5's
 * defaults. Immutable; the shared fields come through {@link SolverOptionsWithers}:
 * <pre>{@code
 * StochasticOptions.defaults().withNtraj(100).withSeed(7).withDt(1e-3).withMethod("platen")
 *         .withStoreMeasurement(true).withMap(TaskMap.threads(2))
 * }</pre>
 *
 * @param solver           the output options shared with the other solvers: {@code storeStates}
 *                         (averaged density matrices; default when no e-op is given),
 *                         {@code storeFinalState}, {@code normalizeOutput} (false, as QuTiP 5's
 *                         stochastic solvers: e-ops and measured currents on the state as
 *                         integrated, whose norm or trace drifts by O(dt)), {@code progress};
 *                         the ODE fields (tolerances, ODE method) are not used
 * @param ntraj            number of trajectories (500, as QuTiP)
 * @param seed             master seed from which every trajectory's seed is derived
 *                         ({@link McSolver#trajectorySeed(long, int)}); null draws one at random
 * @param map              how trajectories are distributed; null means {@link TaskMap#defaultMap()} (every core, unless {@code LINDBLAD_MAP} or {@code -Dlindblad.map} names another)
 * @param method           the stochastic integration method, one of {@link #METHODS}
 *                         ({@value #DEFAULT_METHOD})
 * @param dt               the fixed step (1e-3, as QuTiP); each output interval
 *                         {@code Δ = t_{k+1} - t_k} is cut into {@code N = round(Δ/dt)} steps (at
 *                         least one; a remainder of more than half a step rounds up, as QuTiP)
 *                         of length {@code Δ/N}, so the output times are met exactly
 * @param heterodyne       heterodyne detection: each monitored operator c is measured in two
 *                         quadratures, with the two monitored operators {@code c/√2} and
 *                         {@code -i c/√2} (false: homodyne)
 * @param storeMeasurement keep each trajectory's measured currents and Wiener increments
 *                         ({@link StochasticResult#measurement(int)},
 *                         {@link StochasticResult#wiener(int)}) (false)
 * @param measurementAt    where in each output interval a record's expectation of the measured
 *                         operators is taken, one of {@link #MEASUREMENT_TIMES}: {@code "end"}
 *                         (default, QuTiP 5's {@code store_measurement=True}), {@code "start"},
 *                         or {@code "middle"} (the mean of the two ends); the record is that
 *                         expectation plus the interval's Wiener increment over its length
 * @param targetTol        stop early, before {@code ntraj}, once the standard error of every
 *                         e-op at every output time is below this; 0 for never
 * @param timeout          start no new trajectory after this much wall time; null for none
 * @param skipFailures     a trajectory that throws is counted and skipped instead of stopping
 *                         the run (false)
 * @param solveMethod      how the implicit methods ({@code "milstein_imp"}, {@code "taylor1.5_imp"})
 *                         solve their linear system {@code (I - (dt/2) L(t + dt)) ρ' = r} each step,
 *                         QuTiP's {@code solve_method}: {@code "spsolve"} (default, QuTiP's
 *                         {@code None} for a sparse Liouvillian) and {@code "splu"}, a sparse LU;
 *                         {@code "solve"}, a dense LU; {@code "inv"}, for a constant Liouvillian
 *                         only (refused otherwise, as QuTiP): the matrix is factorised once and the
 *                         factors reused (QuTiP forms the inverse; the same solution to rounding);
 *                         {@code "gmres"} and {@code "bicgstab"}, iterative from a zero guess, no
 *                         preconditioner. With a constant Liouvillian every direct method
 *                         factorises once per step length and reuses the factors. One of
 *                         {@link #SOLVE_METHODS}
 * @param solveOptions     QuTiP's {@code solve_options}, for the iterative solve methods only:
 *                         {@code "rtol"} (or scipy's older {@code "tol"}; relative residual,
 *                         default 1e-5 as scipy), {@code "maxiter"} (bound on the iterations,
 *                         default 10 × the dimension), {@code "restart"} ({@code "gmres"} only,
 *                         default 20 as scipy); an iteration that misses the tolerance fails the
 *                         trajectory, as scipy's flag makes QuTiP raise. Empty by default
 */
public record StochasticOptions(SolverOptions solver, int ntraj, Long seed, TaskMap map, String method, double dt,
                                boolean heterodyne, boolean storeMeasurement, String measurementAt, double targetTol,
                                Duration timeout,
                                boolean skipFailures, String solveMethod, Map<String, Double> solveOptions)
        implements SolverOptionsWithers<StochasticOptions>, java.io.Serializable {

    /**
     * Where in an output interval the measured operators' expectations of a measurement record
     * are taken ({@link #measurementAt()}), QuTiP 5's names.
     */
    public static final List<String> MEASUREMENT_TIMES = List.of("start", "middle", "end");

    /** The default method, as QuTiP 5. */
    public static final String DEFAULT_METHOD = "platen";

    /**
     * The methods: {@code "euler"} (Euler–Maruyama, strong order 0.5, weak 1), {@code "milstein"}
     * (strong 1), {@code "platen"} (derivative-free, strong 1, weak 2), {@code "pred_corr"}
     * (predictor–corrector, strong 0.5, weak 1), {@code "explicit1.5"} (derivative-free, strong
     * 1.5), {@code "taylor1.5"} (Itô–Taylor, strong 1.5; {@code smesolve} only), {@code "rouchon"}
     * (positivity-preserving, strong 1), and the drift-implicit {@code "milstein_imp"} (strong 1) and
     * {@code "taylor1.5_imp"} (strong 1.5), for stiff problems ({@code smesolve} only, as QuTiP 5:
     * the drift of the master equation is linear, {@code L(t)ρ}, and is taken as the trapezoid
     * {@code ½(L(t)ρ + L(t + dt)ρ') dt}, one linear solve per step, see {@link #solveMethod()}).
     */
    public static final List<String> METHODS = List.of("euler", "milstein", "platen", "pred_corr", "explicit1.5",
            "taylor1.5", "rouchon", "milstein_imp", "taylor1.5_imp");

    /** The default solve method of the implicit methods, QuTiP's default for a sparse Liouvillian. */
    public static final String DEFAULT_SOLVE_METHOD = "spsolve";

    /** The solve methods of the implicit methods ({@link #solveMethod()}). */
    public static final List<String> SOLVE_METHODS = List.of("spsolve", "splu", "solve", "inv", "gmres", "bicgstab");

    /** The keys of {@link #solveOptions()} the iterative solve methods accept. */
    public static final List<String> SOLVE_OPTIONS = List.of("rtol", "tol", "maxiter", "restart");

    /**
     * Checks every field, so a wither refuses a bad value at once (NaN and infinity included).
     *
     * @throws IllegalArgumentException naming the field and the value
     * @throws NullPointerException     when {@code solver}, {@code method}, {@code solveMethod} or
     *                                  {@code solveOptions} (or one of its keys or values) is null
     */
    public StochasticOptions {
        Objects.requireNonNull(solver, "StochasticOptions: solver options (solver) is null");
        Objects.requireNonNull(method, "StochasticOptions: method is null; expected one of " + METHODS);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("StochasticOptions: unknown method '" + method + "'; expected one of "
                    + METHODS);
        }
        Objects.requireNonNull(measurementAt, "StochasticOptions: measurementAt is null; expected one of "
                + MEASUREMENT_TIMES);
        if (!MEASUREMENT_TIMES.contains(measurementAt)) {
            throw new IllegalArgumentException("StochasticOptions: store_measurement / measurementAt must be one of "
                    + MEASUREMENT_TIMES + " (or \"\" to keep no record), got '" + measurementAt + "'");
        }
        if (ntraj <= 0) {
            throw new IllegalArgumentException("ntraj must be >= 1, got " + ntraj);
        }
        if (!(dt > 0) || !Double.isFinite(dt)) {
            throw new IllegalArgumentException("dt must be finite and > 0, got " + dt);
        }
        if (!(targetTol >= 0) || Double.isInfinite(targetTol)) {
            throw new IllegalArgumentException("targetTol must be finite and >= 0 (0: none), got "
                    + targetTol);
        }
        if (timeout != null && timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
        }
        Objects.requireNonNull(solveMethod, "StochasticOptions: solveMethod is null; expected one of " + SOLVE_METHODS);
        if (!SOLVE_METHODS.contains(solveMethod)) {
            throw new IllegalArgumentException("StochasticOptions: unknown solveMethod '" + solveMethod
                    + "'; expected one of " + SOLVE_METHODS);
        }
        Objects.requireNonNull(solveOptions, "StochasticOptions: solveOptions is null (use Map.of() for none)");
        solveOptions = Map.copyOf(new java.util.TreeMap<>(solveOptions));
        boolean iterative = solveMethod.equals("gmres") || solveMethod.equals("bicgstab");
        for (Map.Entry<String, Double> e : solveOptions.entrySet()) {
            String key = e.getKey();
            double v = e.getValue();
            if (!iterative) {
                throw new IllegalArgumentException("StochasticOptions: solveOptions '" + key + "' = " + v
                        + " given to the direct solveMethod '" + solveMethod + "', which takes none; the options "
                        + SOLVE_OPTIONS + " are for 'gmres' and 'bicgstab'");
            }
            switch (key) {
                case "rtol", "tol" -> {
                    if (!(v > 0) || !Double.isFinite(v)) {
                        throw new IllegalArgumentException("StochasticOptions: solveOptions " + key
                                + " must be finite and > 0, got " + v);
                    }
                }
                case "maxiter", "restart" -> {
                    if (!(v >= 1) || v != Math.rint(v) || v > Integer.MAX_VALUE) {
                        throw new IllegalArgumentException("StochasticOptions: solveOptions " + key
                                + " must be a whole number >= 1, got " + v);
                    }
                    if (key.equals("restart") && !solveMethod.equals("gmres")) {
                        throw new IllegalArgumentException("StochasticOptions: solveOptions restart = " + v
                                + " is for 'gmres' only, not '" + solveMethod + "'");
                    }
                }
                default -> throw new IllegalArgumentException("StochasticOptions: unknown solveOptions key '" + key
                        + "'; expected some of " + SOLVE_OPTIONS);
            }
        }
        if (solveOptions.containsKey("rtol") && solveOptions.containsKey("tol")) {
            throw new IllegalArgumentException("StochasticOptions: solveOptions give both rtol and tol, "
                    + solveOptions + "; give one");
        }
    }

    /**
     * QuTiP 5's defaults: 500 trajectories, a random seed, every core, {@value #DEFAULT_METHOD},
     * dt = 1e-3, homodyne, no stored measurement, no normalisation of the output.
     *
     * @return the defaults
     */
    public static StochasticOptions defaults() {
        return new StochasticOptions(SolverOptions.defaults().withNormalizeOutput(false), 500, null, null, DEFAULT_METHOD, 1e-3, false, false, "end", 0,
                null, false, DEFAULT_SOLVE_METHOD, Map.of());
    }

    @Override
    public StochasticOptions withSolverOptions(SolverOptions v) {
        return new StochasticOptions(Objects.requireNonNull(v, "withSolverOptions: v is null"), ntraj, seed, map,
                method, dt, heterodyne, storeMeasurement, measurementAt, targetTol, timeout, skipFailures, solveMethod, solveOptions);
    }

    /** @return a copy with {@code ntraj} */
    public StochasticOptions withNtraj(int v) {
        return new StochasticOptions(solver, v, seed, map, method, dt, heterodyne, storeMeasurement, measurementAt, targetTol, timeout,
                skipFailures, solveMethod, solveOptions);
    }

    /** @return a copy with a fixed master seed, so that the run is reproducible */
    public StochasticOptions withSeed(long v) {
        return new StochasticOptions(solver, ntraj, v, map, method, dt, heterodyne, storeMeasurement, measurementAt, targetTol, timeout,
                skipFailures, solveMethod, solveOptions);
    }

    /** @return a copy with the task map ({@link TaskMap#serial()}, {@link TaskMap#threads(int)}, ...) */
    public StochasticOptions withMap(TaskMap v) {
        return new StochasticOptions(solver, ntraj, seed, Objects.requireNonNull(v, "withMap: v (the map) is null"),
                method, dt, heterodyne, storeMeasurement, measurementAt, targetTol, timeout, skipFailures, solveMethod, solveOptions);
    }

    /**
     * @param v a stochastic method, one of {@link #METHODS} (not an ODE method)
     * @return a copy with the stochastic integration method
     */
    @Override
    public StochasticOptions withMethod(String v) {
        return new StochasticOptions(solver, ntraj, seed, map, Objects.requireNonNull(v, "withMethod: v (the method) is null"),
                dt, heterodyne, storeMeasurement, measurementAt, targetTol, timeout, skipFailures, solveMethod, solveOptions);
    }

    /** @return a copy with the fixed step {@code dt} (fitted to each output interval) */
    public StochasticOptions withDt(double v) {
        return new StochasticOptions(solver, ntraj, seed, map, method, v, heterodyne, storeMeasurement, measurementAt, targetTol,
                timeout, skipFailures, solveMethod, solveOptions);
    }

    /** @return a copy with heterodyne (true) or homodyne (false) detection */
    public StochasticOptions withHeterodyne(boolean v) {
        return new StochasticOptions(solver, ntraj, seed, map, method, dt, v, storeMeasurement, measurementAt, targetTol, timeout,
                skipFailures, solveMethod, solveOptions);
    }

    /**
     * @param v whether to keep every trajectory's measured currents and Wiener increments; true
     *          takes the measured operators at the end of each interval, as QuTiP 5's
     *          {@code store_measurement=True}
     * @return a copy keeping (or not) the measurement records
     */
    public StochasticOptions withStoreMeasurement(boolean v) {
        return new StochasticOptions(solver, ntraj, seed, map, method, dt, heterodyne, v, "end", targetTol, timeout,
                skipFailures, solveMethod, solveOptions);
    }

    /**
     * QuTiP 5's {@code store_measurement} as a string: {@code "start"}, {@code "middle"} or
     * {@code "end"} keep the measurement records with the measured operators' expectations taken
     * at the start of each output interval, the mean of its two ends, or its end; {@code ""}
     * keeps none.
     *
     * @param v one of {@code "start"}, {@code "middle"}, {@code "end"}, {@code ""}
     * @return a copy
     * @throws IllegalArgumentException for any other value
     */
    public StochasticOptions withStoreMeasurement(String v) {
        Objects.requireNonNull(v, "withStoreMeasurement: v is null; expected one of " + MEASUREMENT_TIMES + " or \"\"");
        boolean store = !v.isEmpty();
        return new StochasticOptions(solver, ntraj, seed, map, method, dt, heterodyne, store, store ? v : "end",
                targetTol, timeout, skipFailures, solveMethod, solveOptions);
    }

    /** @return a copy with the early-stop tolerance on the standard error of the e-ops (0: none) */
    public StochasticOptions withTargetTol(double v) {
        return new StochasticOptions(solver, ntraj, seed, map, method, dt, heterodyne, storeMeasurement, measurementAt, v, timeout,
                skipFailures, solveMethod, solveOptions);
    }

    /** @return a copy with a wall-time limit after which no trajectory is started */
    public StochasticOptions withTimeout(Duration v) {
        return new StochasticOptions(solver, ntraj, seed, map, method, dt, heterodyne, storeMeasurement, measurementAt, targetTol,
                Objects.requireNonNull(v, "withTimeout: v (the timeout) is null"), skipFailures, solveMethod, solveOptions);
    }

    /** @return a copy that skips and counts (true) or stops on (false) a failing trajectory */
    public StochasticOptions withSkipFailures(boolean v) {
        return new StochasticOptions(solver, ntraj, seed, map, method, dt, heterodyne, storeMeasurement, measurementAt, targetTol,
                timeout, v, solveMethod, solveOptions);
    }

    /**
     * @param v one of {@link #SOLVE_METHODS}
     * @return a copy with the solve method of the implicit methods (QuTiP's {@code solve_method})
     */
    public StochasticOptions withSolveMethod(String v) {
        return new StochasticOptions(solver, ntraj, seed, map, method, dt, heterodyne, storeMeasurement, measurementAt, targetTol,
                timeout, skipFailures, v, solveOptions);
    }

    /**
     * @param v keys of {@link #SOLVE_OPTIONS} with their values, for {@code "gmres"} and
     *          {@code "bicgstab"} (set the solve method first: the direct methods take none)
     * @return a copy with the options of the implicit methods' solve (QuTiP's {@code solve_options})
     */
    public StochasticOptions withSolveOptions(Map<String, Double> v) {
        return new StochasticOptions(solver, ntraj, seed, map, method, dt, heterodyne, storeMeasurement, measurementAt, targetTol,
                timeout, skipFailures, solveMethod, v);
    }

    /** These options with no map (what travels to a cluster's executors, which run serially). */
    StochasticOptions withoutMap() {
        return new StochasticOptions(solver, ntraj, seed, null, method, dt, heterodyne, storeMeasurement, measurementAt, targetTol,
                timeout, skipFailures, solveMethod, solveOptions);
    }
}
