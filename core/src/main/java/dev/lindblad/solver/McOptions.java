package dev.lindblad.solver;

import dev.lindblad.parallel.TaskMap;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of the Monte Carlo wave-function solver ({@link McSolver}), with QuTiP's defaults.
 * Immutable; change a field with its wither:
 * <pre>{@code
 * McOptions.defaults().withNtraj(1000).withSeed(42).withMap(TaskMap.threads(4)).withAtol(1e-10)
 * }</pre>
 *
 * @param solver           the integration and output options shared with the other solvers
 *                         ({@link SolverOptions}); {@code storeStates} means averaged density
 *                         matrices (and, with {@code keepRuns}, each trajectory's kets)
 * @param ntraj            number of trajectories (500, as QuTiP)
 * @param seed             master seed from which every trajectory's seed is derived; null draws
 *                         one at random (it is recorded in {@link McResult#masterSeed()})
 * @param map              how trajectories are distributed; null means
 *                         {@link TaskMap#defaultMap()} at run time ({@link TaskMap#threads()},
 *                         every core, unless {@code lindblad.map} / {@code LINDBLAD_MAP} names
 *                         another map, such as a Spark cluster)
 * @param targetTol        stop early, before {@code ntraj}, once the standard error of every
 *                         e-op at every output time is below this; 0 for never
 * @param timeout          start no new trajectory after this much wall time; null for none
 * @param improvedSampling run the no-jump trajectory once and draw the first jump of every
 *                         other trajectory conditioned on a jump happening, as QuTiP's
 *                         {@code improved_sampling} (false)
 * @param keepRuns         keep every trajectory's own {@link Result} (false)
 * @param skipFailures     a trajectory that throws is counted and skipped instead of stopping
 *                         the run (false)
 * @param normTol          relative tolerance on the norm at a jump, QuTiP's {@code norm_tol} (1e-4)
 * @param normTimeTol      absolute tolerance on the jump time, QuTiP's {@code norm_t_tol} (1e-6)
 */
public record McOptions(SolverOptions solver, int ntraj, Long seed, TaskMap map, double targetTol, Duration timeout,
                        boolean improvedSampling, boolean keepRuns, boolean skipFailures, double normTol,
                        double normTimeTol) implements java.io.Serializable {

    /**
     * Checks every field, so a wither refuses a bad value at once (NaN and infinity included).
     *
     * @throws IllegalArgumentException naming the field and the value
     * @throws NullPointerException     when {@code solver} is null
     */
    public McOptions {
        Objects.requireNonNull(solver, "solver options (solver) is null");
        if (ntraj <= 0) {
            throw new IllegalArgumentException("ntraj must be >= 1, got " + ntraj);
        }
        if (!(targetTol >= 0) || Double.isInfinite(targetTol)) {
            throw new IllegalArgumentException("targetTol must be finite and >= 0 (0: none), got " + targetTol);
        }
        if (timeout != null && timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, got " + timeout);
        }
        if (!(normTol > 0) || !(normTol < 1)) {
            throw new IllegalArgumentException("normTol must lie in (0, 1), got " + normTol);
        }
        if (!(normTimeTol > 0) || !Double.isFinite(normTimeTol)) {
            throw new IllegalArgumentException("normTimeTol must be finite and > 0, got " + normTimeTol);
        }
    }

    /** The integration method of {@link #defaults()}. */
    public static final String DEFAULT_METHOD = "dopri5";

    /**
     * QuTiP's defaults (500 trajectories, a random seed, every core, QuTiP's tolerances), except
     * the method: {@value #DEFAULT_METHOD} instead of {@code "adams"}. Every jump restarts the
     * integrator, and a multistep method restarts at order one with small steps, so a one-step
     * Runge–Kutta method needs fewer steps per trajectory (measured in docs/benchmarks.md,
     * section "mcsolve": about 2.6 times faster on the Kerr resonator with 100 jumps per
     * trajectory). {@code withMethod("adams")} restores QuTiP's choice.
     *
     * @return the defaults
     */
    public static McOptions defaults() {
        return new McOptions(SolverOptions.defaults().withMethod(DEFAULT_METHOD), 500, null, null, 0, null, false,
                false, false, 1e-4, 1e-6);
    }

    /** @return a copy with the shared solver options replaced */
    public McOptions withSolverOptions(SolverOptions v) {
        return new McOptions(v, ntraj, seed, map, targetTol, timeout, improvedSampling, keepRuns, skipFailures,
                normTol, normTimeTol);
    }

    /** @return a copy with {@code ntraj} */
    public McOptions withNtraj(int v) {
        return new McOptions(solver, v, seed, map, targetTol, timeout, improvedSampling, keepRuns, skipFailures,
                normTol, normTimeTol);
    }

    /** @return a copy with a fixed master seed, so that the run is reproducible */
    public McOptions withSeed(long v) {
        return new McOptions(solver, ntraj, v, map, targetTol, timeout, improvedSampling, keepRuns, skipFailures,
                normTol, normTimeTol);
    }

    /** @return a copy with the task map ({@link TaskMap#serial()}, {@link TaskMap#threads(int)}, ...) */
    public McOptions withMap(TaskMap v) {
        return new McOptions(solver, ntraj, seed, Objects.requireNonNull(v, "withMap: map is null"), targetTol, timeout,
                improvedSampling, keepRuns, skipFailures, normTol, normTimeTol);
    }

    /** @return a copy with the early-stop tolerance on the standard error of the e-ops (0: none) */
    public McOptions withTargetTol(double v) {
        return new McOptions(solver, ntraj, seed, map, v, timeout, improvedSampling, keepRuns, skipFailures,
                normTol, normTimeTol);
    }

    /** @return a copy with a wall-time limit after which no trajectory is started */
    public McOptions withTimeout(Duration v) {
        return new McOptions(solver, ntraj, seed, map, targetTol, Objects.requireNonNull(v, "withTimeout: timeout is null"),
                improvedSampling, keepRuns, skipFailures, normTol, normTimeTol);
    }

    /** @return a copy with QuTiP's {@code improved_sampling} on or off */
    public McOptions withImprovedSampling(boolean v) {
        return new McOptions(solver, ntraj, seed, map, targetTol, timeout, v, keepRuns, skipFailures, normTol,
                normTimeTol);
    }

    /** @return a copy that keeps (or not) every trajectory's own result */
    public McOptions withKeepRuns(boolean v) {
        return new McOptions(solver, ntraj, seed, map, targetTol, timeout, improvedSampling, v, skipFailures,
                normTol, normTimeTol);
    }

    /** @return a copy that skips and counts (true) or stops on (false) a failing trajectory */
    public McOptions withSkipFailures(boolean v) {
        return new McOptions(solver, ntraj, seed, map, targetTol, timeout, improvedSampling, keepRuns, v, normTol,
                normTimeTol);
    }

    /** @return a copy with QuTiP's {@code norm_tol} */
    public McOptions withNormTol(double v) {
        return new McOptions(solver, ntraj, seed, map, targetTol, timeout, improvedSampling, keepRuns, skipFailures,
                v, normTimeTol);
    }

    /** @return a copy with QuTiP's {@code norm_t_tol} */
    public McOptions withNormTimeTol(double v) {
        return new McOptions(solver, ntraj, seed, map, targetTol, timeout, improvedSampling, keepRuns, skipFailures,
                normTol, v);
    }

    // ---------------------------------------------------------------- the SolverOptions fields

    /** @return a copy with the integrator's absolute tolerance ({@link SolverOptions#atol()}) */
    public McOptions withAtol(double v) {
        return withSolverOptions(solver.withAtol(v));
    }

    /** @return a copy with the integrator's relative tolerance ({@link SolverOptions#rtol()}) */
    public McOptions withRtol(double v) {
        return withSolverOptions(solver.withRtol(v));
    }

    /** @return a copy with the most steps between two output times ({@link SolverOptions#nsteps()}) */
    public McOptions withNsteps(int v) {
        return withSolverOptions(solver.withNsteps(v));
    }

    /** @return a copy with the integration method ({@link SolverOptions#method()}, an ODE method) */
    public McOptions withMethod(String v) {
        return withSolverOptions(solver.withMethod(v));
    }

    /** @return a copy storing (or not) the averaged density matrix at every output time */
    public McOptions withStoreStates(boolean v) {
        return withSolverOptions(solver.withStoreStates(v));
    }

    /** @return a copy keeping (or not) the averaged final density matrix */
    public McOptions withStoreFinalState(boolean v) {
        return withSolverOptions(solver.withStoreFinalState(v));
    }

    /** @return a copy with {@link SolverOptions#normalizeOutput()} (kets are always normalised for e-ops) */
    public McOptions withNormalizeOutput(boolean v) {
        return withSolverOptions(solver.withNormalizeOutput(v));
    }

    /** @return a copy showing (or not) a progress bar with ETA over trajectories */
    public McOptions withProgress(boolean v) {
        return withSolverOptions(solver.withProgress(v));
    }

    /** @return a copy with the first trial step ({@link SolverOptions#firstStep()}) */
    public McOptions withFirstStep(double v) {
        return withSolverOptions(solver.withFirstStep(v));
    }

    /** @return a copy with the smallest step ({@link SolverOptions#minStep()}) */
    public McOptions withMinStep(double v) {
        return withSolverOptions(solver.withMinStep(v));
    }

    /** @return a copy with the largest step ({@link SolverOptions#maxStep()}) */
    public McOptions withMaxStep(double v) {
        return withSolverOptions(solver.withMaxStep(v));
    }
}
