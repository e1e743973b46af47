package dev.lindblad.solver;

import dev.lindblad.ode.IntegratorOptions;
import dev.lindblad.ode.Integrators;
import java.util.List;

/**
 * Options of the time-evolution solvers, with QuTiP's defaults. Immutable; change a field with
 * its wither:
 * <pre>{@code
 * SolverOptions.defaults().withAtol(1e-10).withMethod("vern7").withProgress(true)
 * }</pre>
 *
 * @param atol            absolute tolerance of the adaptive integrator (1e-8)
 * @param rtol            relative tolerance (1e-6)
 * @param nsteps          most integrator steps between two output times (2500)
 * @param method          {@code "adams"} (default, as QuTiP), {@code "dopri5"}, {@code "dop853"},
 *                        {@code "tsit5"}, {@code "vern7"}, {@code "vern9"}, {@code "diag"} (exact,
 *                        by eigen-decomposition, time-independent systems) or {@code "krylov"}
 *                        (Lanczos/Arnoldi exponential, time-independent systems)
 * @param storeStates     keep the state at every output time (default: only when no e-op is given)
 * @param storeFinalState keep the final state (true)
 * @param normalizeOutput normalise output states (norm of kets, trace of density matrices) to hide
 *                        integration error, as QuTiP (true); only when the initial state is
 *                        normalised, as in QuTiP 5, so operators of trace zero evolve as they are
 * @param progress        show a progress bar with ETA on standard error for runs longer than a
 *                        second (false)
 * @param firstStep       first trial step, 0 for automatic
 * @param minStep         smallest step before failing, 0 for none
 * @param maxStep         largest step, 0 for unbounded
 * @param rhs             master-equation right-hand side: {@code "auto"} (chosen by measured cost),
 *                        {@code "liouvillian"} (sparse superoperator on vec(rho)) or {@code "products"}
 *                        (operator products on rho, no N²×N² matrix)
 * @param krylovDim       Krylov subspace dimension of the {@code "krylov"} method (20)
 */
public record SolverOptions(double atol, double rtol, int nsteps, String method, Boolean storeStates,
                            boolean storeFinalState, boolean normalizeOutput, boolean progress,
                            double firstStep, double minStep, double maxStep, String rhs, int krylovDim) implements java.io.Serializable {

    /** The methods understood by {@link #method()}. */
    public static final List<String> METHODS = List.of("adams", "dopri5", "dop853", "tsit5", "vern7", "vern9", "diag",
            "krylov");

    /** The right-hand sides understood by {@link #rhs()}. */
    public static final List<String> RHS = List.of("auto", "liouvillian", "products");

    /**
     * Checks every field, so a wither refuses a bad value at once (not later inside the
     * integrator): tolerances and step sizes must be finite (NaN and infinity are refused),
     * names must be known.
     *
     * @throws IllegalArgumentException naming the field and the value
     * @throws NullPointerException     when {@code method} or {@code rhs} is null
     */
    public SolverOptions {
        if (!(atol > 0) || !Double.isFinite(atol)) {
            throw new IllegalArgumentException("atol must be finite and > 0, got " + atol);
        }
        if (!(rtol >= 0) || !Double.isFinite(rtol)) {
            throw new IllegalArgumentException("rtol must be finite and >= 0, got " + rtol);
        }
        if (nsteps < 1) {
            throw new IllegalArgumentException("nsteps must be >= 1, got " + nsteps);
        }
        java.util.Objects.requireNonNull(method, "method is null; expected one of " + METHODS);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unknown method '" + method + "'; expected one of " + METHODS);
        }
        java.util.Objects.requireNonNull(rhs, "rhs is null; expected one of " + RHS);
        if (!RHS.contains(rhs)) {
            throw new IllegalArgumentException("unknown rhs '" + rhs + "'; expected one of " + RHS);
        }
        if (!(firstStep >= 0) || !Double.isFinite(firstStep)) {
            throw new IllegalArgumentException("firstStep must be finite and >= 0 (0: automatic), got " + firstStep);
        }
        if (!(minStep >= 0) || !Double.isFinite(minStep)) {
            throw new IllegalArgumentException("minStep must be finite and >= 0 (0: none), got " + minStep);
        }
        if (!(maxStep >= 0) || !Double.isFinite(maxStep)) {
            throw new IllegalArgumentException("maxStep must be finite and >= 0 (0: unbounded), got " + maxStep);
        }
        if (maxStep > 0 && minStep > maxStep) {
            throw new IllegalArgumentException("minStep " + minStep + " exceeds maxStep " + maxStep);
        }
        if (krylovDim < 2) {
            throw new IllegalArgumentException("krylovDim must be >= 2, got " + krylovDim);
        }
    }

    /** @return QuTiP's defaults */
    public static SolverOptions defaults() {
        return new SolverOptions(1e-8, 1e-6, 2500, "adams", null, true, true, false, 0, 0, 0, "auto", 20);
    }

    /** @return a copy with {@code atol} */
    public SolverOptions withAtol(double v) {
        return new SolverOptions(v, rtol, nsteps, method, storeStates, storeFinalState, normalizeOutput, progress,
                firstStep, minStep, maxStep, rhs, krylovDim);
    }

    /** @return a copy with {@code rtol} */
    public SolverOptions withRtol(double v) {
        return new SolverOptions(atol, v, nsteps, method, storeStates, storeFinalState, normalizeOutput, progress,
                firstStep, minStep, maxStep, rhs, krylovDim);
    }

    /** @return a copy with {@code nsteps} */
    public SolverOptions withNsteps(int v) {
        return new SolverOptions(atol, rtol, v, method, storeStates, storeFinalState, normalizeOutput, progress,
                firstStep, minStep, maxStep, rhs, krylovDim);
    }

    /** @return a copy with {@code method} */
    public SolverOptions withMethod(String v) {
        return new SolverOptions(atol, rtol, nsteps, v, storeStates, storeFinalState, normalizeOutput, progress,
                firstStep, minStep, maxStep, rhs, krylovDim);
    }

    /** @return a copy with {@code storeStates} */
    public SolverOptions withStoreStates(boolean v) {
        return new SolverOptions(atol, rtol, nsteps, method, v, storeFinalState, normalizeOutput, progress,
                firstStep, minStep, maxStep, rhs, krylovDim);
    }

    /** @return a copy with {@code storeFinalState} */
    public SolverOptions withStoreFinalState(boolean v) {
        return new SolverOptions(atol, rtol, nsteps, method, storeStates, v, normalizeOutput, progress,
                firstStep, minStep, maxStep, rhs, krylovDim);
    }

    /** @return a copy with {@code normalizeOutput} */
    public SolverOptions withNormalizeOutput(boolean v) {
        return new SolverOptions(atol, rtol, nsteps, method, storeStates, storeFinalState, v, progress,
                firstStep, minStep, maxStep, rhs, krylovDim);
    }

    /** @return a copy with {@code progress} */
    public SolverOptions withProgress(boolean v) {
        return new SolverOptions(atol, rtol, nsteps, method, storeStates, storeFinalState, normalizeOutput, v,
                firstStep, minStep, maxStep, rhs, krylovDim);
    }

    /** @return a copy with {@code firstStep} */
    public SolverOptions withFirstStep(double v) {
        return new SolverOptions(atol, rtol, nsteps, method, storeStates, storeFinalState, normalizeOutput, progress,
                v, minStep, maxStep, rhs, krylovDim);
    }

    /** @return a copy with {@code minStep} */
    public SolverOptions withMinStep(double v) {
        return new SolverOptions(atol, rtol, nsteps, method, storeStates, storeFinalState, normalizeOutput, progress,
                firstStep, v, maxStep, rhs, krylovDim);
    }

    /** @return a copy with {@code maxStep} */
    public SolverOptions withMaxStep(double v) {
        return new SolverOptions(atol, rtol, nsteps, method, storeStates, storeFinalState, normalizeOutput, progress,
                firstStep, minStep, v, rhs, krylovDim);
    }

    /** @return a copy with the master-equation right-hand side forced */
    public SolverOptions withRhs(String v) {
        return new SolverOptions(atol, rtol, nsteps, method, storeStates, storeFinalState, normalizeOutput, progress,
                firstStep, minStep, maxStep, v, krylovDim);
    }

    /** @return a copy with {@code krylovDim} */
    public SolverOptions withKrylovDim(int v) {
        return new SolverOptions(atol, rtol, nsteps, method, storeStates, storeFinalState, normalizeOutput, progress,
                firstStep, minStep, maxStep, rhs, v);
    }

    /** @return whether {@link #method()} is an adaptive ODE integrator (not diag or krylov) */
    public boolean isOdeMethod() {
        return Integrators.METHODS.contains(method);
    }

    /** @return the integrator options these solver options imply */
    public IntegratorOptions integratorOptions() {
        return new IntegratorOptions(atol, rtol, nsteps, firstStep, minStep, maxStep);
    }
}
