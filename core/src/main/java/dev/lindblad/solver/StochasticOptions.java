package dev.lindblad.solver;

import dev.lindblad.parallel.TaskMap;
import java.time.Duration;
import java.util.List;
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
 * @param targetTol        stop early, before {@code ntraj}, once the standard error of every
 *                         e-op at every output time is below this; 0 for never
 * @param timeout          start no new trajectory after this much wall time; null for none
 * @param skipFailures     a trajectory that throws is counted and skipped instead of stopping
 *                         the run (false)
 */
public record StochasticOptions(SolverOptions solver, int ntraj, Long seed, TaskMap map, String method, double dt,
                                boolean heterodyne, boolean storeMeasurement, double targetTol, Duration timeout,
                                boolean skipFailures) implements SolverOptionsWithers<StochasticOptions>, java.io.Serializable {

    /** The default method, as QuTiP 5. */
    public static final String DEFAULT_METHOD = "platen";

    /**
     * The methods: {@code "euler"} (Euler–Maruyama, strong order 0.5, weak 1), {@code "milstein"}
     * (strong 1), {@code "platen"} (derivative-free, strong 1, weak 2), {@code "pred_corr"}
     * (predictor–corrector, strong 0.5, weak 1), {@code "explicit1.5"} (derivative-free, strong
     * 1.5), {@code "taylor1.5"} (Itô–Taylor, strong 1.5; {@code smesolve} only), {@code "rouchon"}
     * (positivity-preserving, strong 1). {@code "milstein_imp"} and {@code "taylor1.5_imp"} are
     * named by QuTiP but not implemented here; asking for them is refused with a message.
     */
    public static final List<String> METHODS = List.of("euler", "milstein", "platen", "pred_corr", "explicit1.5",
            "taylor1.5", "rouchon", "milstein_imp", "taylor1.5_imp");

    /**
     * Checks every field, so a wither refuses a bad value at once (NaN and infinity included).
     *
     * @throws IllegalArgumentException naming the field and the value
     * @throws NullPointerException     when {@code solver} or {@code method} is null
     */
    public StochasticOptions {
        Objects.requireNonNull(solver, "StochasticOptions: solver options (solver) is null");
        Objects.requireNonNull(method, "StochasticOptions: method is null; expected one of " + METHODS);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("StochasticOptions: unknown method '" + method + "'; expected one of "
                    + METHODS);
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
    }

    /**
     * QuTiP 5's defaults: 500 trajectories, a random seed, every core, {@value #DEFAULT_METHOD},
     * dt = 1e-3, homodyne, no stored measurement, no normalisation of the output.
     *
     * @return the defaults
     */
    public static StochasticOptions defaults() {
        return new StochasticOptions(SolverOptions.defaults().withNormalizeOutput(false), 500, null, null, DEFAULT_METHOD, 1e-3, false, false, 0,
                null, false);
    }

    @Override
    public StochasticOptions withSolverOptions(SolverOptions v) {
        return new StochasticOptions(Objects.requireNonNull(v, "withSolverOptions: v is null"), ntraj, seed, map,
                method, dt, heterodyne, storeMeasurement, targetTol, timeout, skipFailures);
    }

    /** @return a copy with {@code ntraj} */
    public StochasticOptions withNtraj(int v) {
        return new StochasticOptions(solver, v, seed, map, method, dt, heterodyne, storeMeasurement, targetTol, timeout,
                skipFailures);
    }

    /** @return a copy with a fixed master seed, so that the run is reproducible */
    public StochasticOptions withSeed(long v) {
        return new StochasticOptions(solver, ntraj, v, map, method, dt, heterodyne, storeMeasurement, targetTol, timeout,
                skipFailures);
    }

    /** @return a copy with the task map ({@link TaskMap#serial()}, {@link TaskMap#threads(int)}, ...) */
    public StochasticOptions withMap(TaskMap v) {
        return new StochasticOptions(solver, ntraj, seed, Objects.requireNonNull(v, "withMap: v (the map) is null"),
                method, dt, heterodyne, storeMeasurement, targetTol, timeout, skipFailures);
    }

    /**
     * @param v a stochastic method, one of {@link #METHODS} (not an ODE method)
     * @return a copy with the stochastic integration method
     */
    @Override
    public StochasticOptions withMethod(String v) {
        return new StochasticOptions(solver, ntraj, seed, map, Objects.requireNonNull(v, "withMethod: v (the method) is null"),
                dt, heterodyne, storeMeasurement, targetTol, timeout, skipFailures);
    }

    /** @return a copy with the fixed step {@code dt} (fitted to each output interval) */
    public StochasticOptions withDt(double v) {
        return new StochasticOptions(solver, ntraj, seed, map, method, v, heterodyne, storeMeasurement, targetTol,
                timeout, skipFailures);
    }

    /** @return a copy with heterodyne (true) or homodyne (false) detection */
    public StochasticOptions withHeterodyne(boolean v) {
        return new StochasticOptions(solver, ntraj, seed, map, method, dt, v, storeMeasurement, targetTol, timeout,
                skipFailures);
    }

    /** @return a copy keeping (or not) every trajectory's measured currents and Wiener increments */
    public StochasticOptions withStoreMeasurement(boolean v) {
        return new StochasticOptions(solver, ntraj, seed, map, method, dt, heterodyne, v, targetTol, timeout,
                skipFailures);
    }

    /** @return a copy with the early-stop tolerance on the standard error of the e-ops (0: none) */
    public StochasticOptions withTargetTol(double v) {
        return new StochasticOptions(solver, ntraj, seed, map, method, dt, heterodyne, storeMeasurement, v, timeout,
                skipFailures);
    }

    /** @return a copy with a wall-time limit after which no trajectory is started */
    public StochasticOptions withTimeout(Duration v) {
        return new StochasticOptions(solver, ntraj, seed, map, method, dt, heterodyne, storeMeasurement, targetTol,
                Objects.requireNonNull(v, "withTimeout: v (the timeout) is null"), skipFailures);
    }

    /** @return a copy that skips and counts (true) or stops on (false) a failing trajectory */
    public StochasticOptions withSkipFailures(boolean v) {
        return new StochasticOptions(solver, ntraj, seed, map, method, dt, heterodyne, storeMeasurement, targetTol,
                timeout, v);
    }

    /** These options with no map (what travels to a cluster's executors, which run serially). */
    StochasticOptions withoutMap() {
        return new StochasticOptions(solver, ntraj, seed, null, method, dt, heterodyne, storeMeasurement, targetTol,
                timeout, skipFailures);
    }
}
