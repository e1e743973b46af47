package dev.lindblad.heom;

import dev.lindblad.solver.SolverOptions;
import java.util.List;
import java.util.Objects;

/**
 * Options of the {@link HeomSolver}: the integration and output options shared with the other
 * solvers, and what the HEOM adds. Immutable; change a field with its wither:
 * <pre>{@code
 * HeomOptions.defaults().withAtol(1e-10).withAdoReturn(true)
 * }</pre>
 *
 * @param solver            the integrator and output options ({@link SolverOptions}); of its
 *                          fields the HEOM uses {@code atol}, {@code rtol}, {@code nsteps},
 *                          {@code method} (an ODE method: {@code diag} and {@code krylov} are
 *                          refused), {@code storeStates} (system states; default: only when no
 *                          e-op is given), {@code storeFinalState}, {@code progress} and the step
 *                          sizes. The output is never normalised (an ADO state has no norm), as in
 *                          QuTiP.
 * @param adoReturn         also keep the state of every ADO at every output time (QuTiP's
 *                          {@code ado_return}; false)
 * @param steadyStateMethod {@code "auto"} (the sparse LU up to {@link #DIRECT_LIMIT} unknowns,
 *                          ILU-preconditioned GMRES above), {@code "direct"} or
 *                          {@code "iterative-gmres"}
 * @param steadyStateTol    relative residual target of GMRES (1e-12)
 * @param memoryLimitBytes  refuse to build a hierarchy whose estimated memory exceeds this; 0
 *                          means the heap's free space at construction
 */
public record HeomOptions(SolverOptions solver, boolean adoReturn, String steadyStateMethod, double steadyStateTol,
                          long memoryLimitBytes) implements java.io.Serializable {

    /** The steady-state methods. */
    public static final List<String> STEADY_STATE_METHODS = List.of("auto", "direct", "iterative-gmres");

    /** Unknowns (complex) up to which {@code "auto"} factorises the hierarchy directly. */
    public static final int DIRECT_LIMIT = 200_000;

    /** Checks every field. */
    public HeomOptions {
        Objects.requireNonNull(solver, "solver options");
        if (!solver.isOdeMethod()) {
            throw new IllegalArgumentException("the HEOM integrates with an ODE method (" + dev.lindblad.ode.Integrators.METHODS
                    + "), got '" + solver.method() + "'");
        }
        Objects.requireNonNull(steadyStateMethod, "steadyStateMethod");
        if (!STEADY_STATE_METHODS.contains(steadyStateMethod)) {
            throw new IllegalArgumentException("unknown steadyStateMethod '" + steadyStateMethod + "'; expected one of "
                    + STEADY_STATE_METHODS);
        }
        if (!(steadyStateTol > 0) || !(steadyStateTol < 1)) {
            throw new IllegalArgumentException("steadyStateTol must lie in (0, 1), got " + steadyStateTol);
        }
        if (memoryLimitBytes < 0) {
            throw new IllegalArgumentException("memoryLimitBytes must be >= 0 (0: the free heap), got " + memoryLimitBytes);
        }
    }

    /** @return QuTiP's defaults (adams, atol 1e-8, rtol 1e-6, nsteps 2500), no ADO states kept */
    public static HeomOptions defaults() {
        return new HeomOptions(SolverOptions.defaults(), false, "auto", 1e-12, 0);
    }

    /** @return options with these solver options and the HEOM's defaults otherwise */
    public static HeomOptions of(SolverOptions solver) {
        return defaults().withSolverOptions(solver);
    }

    /** @return a copy with the shared solver options replaced */
    public HeomOptions withSolverOptions(SolverOptions v) {
        return new HeomOptions(v, adoReturn, steadyStateMethod, steadyStateTol, memoryLimitBytes);
    }

    /** @return a copy with {@code adoReturn} */
    public HeomOptions withAdoReturn(boolean v) {
        return new HeomOptions(solver, v, steadyStateMethod, steadyStateTol, memoryLimitBytes);
    }

    /** @return a copy with {@code steadyStateMethod} */
    public HeomOptions withSteadyStateMethod(String v) {
        return new HeomOptions(solver, adoReturn, v, steadyStateTol, memoryLimitBytes);
    }

    /** @return a copy with {@code steadyStateTol} */
    public HeomOptions withSteadyStateTol(double v) {
        return new HeomOptions(solver, adoReturn, steadyStateMethod, v, memoryLimitBytes);
    }

    /** @return a copy with {@code memoryLimitBytes} */
    public HeomOptions withMemoryLimitBytes(long v) {
        return new HeomOptions(solver, adoReturn, steadyStateMethod, steadyStateTol, v);
    }

    /** @return a copy with the integrator's absolute tolerance */
    public HeomOptions withAtol(double v) {
        return withSolverOptions(solver.withAtol(v));
    }

    /** @return a copy with the integrator's relative tolerance */
    public HeomOptions withRtol(double v) {
        return withSolverOptions(solver.withRtol(v));
    }

    /** @return a copy with the integration method */
    public HeomOptions withMethod(String v) {
        return withSolverOptions(solver.withMethod(v));
    }

    /** @return a copy with the step limit between output times */
    public HeomOptions withNsteps(int v) {
        return withSolverOptions(solver.withNsteps(v));
    }

    /** @return a copy that keeps (or not) the system state at every output time */
    public HeomOptions withStoreStates(boolean v) {
        return withSolverOptions(solver.withStoreStates(v));
    }

    /** @return a copy with a progress bar on standard error for long builds and runs */
    public HeomOptions withProgress(boolean v) {
        return withSolverOptions(solver.withProgress(v));
    }
}
