package dev.lindblad.solver;

/**
 * The thread running a solver was interrupted ({@link Thread#interrupt()}): the solver stopped
 * within one integrator step (or one iteration of a steady-state method, or one trajectory),
 * stopped the worker threads it had started, and throws this exception with what it finished.
 * The thread's interrupt status is left set, so code above sees the interrupt too.
 *
 * <ul>
 *   <li>{@code sesolve}, {@code mesolve}: {@link #partialResult()} holds every output time
 *       reached before the interrupt; {@link #timeReached()} is the integrator's time.</li>
 *   <li>{@code mcsolve}: {@link #partialMcResult()} averages the trajectories that finished
 *       (stop reason {@link McResult.StopReason#INTERRUPTED}); trajectories cut short are left
 *       out, so the average is that of whole trajectories, the same bits as those trajectories
 *       give in a run that was not interrupted.</li>
 *   <li>{@code propagator}: the propagators that finished are kept in the {@link Propagator}'s
 *       cache; {@link #partialResult()} is, for {@link Propagator#at(double)}, the interval being
 *       integrated up to its start, and null for the parallel {@link Propagator#at(double[],
 *       dev.lindblad.parallel.TaskMap)}.</li>
 *   <li>{@code ssesolve}, {@code smesolve}: {@link #partialStochasticResult()}, as for mcsolve.</li>
 *   <li>{@code steadystate}: nothing is partial; both results are null.</li>
 * </ul>
 */
public class SolverInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final transient Result partial;
    private final transient McResult partialMc;
    private final transient StochasticResult partialStochastic;
    private final double timeReached;

    /**
     * @param operation   the operation that was interrupted, e.g. {@code "mesolve"}
     * @param message     what was finished
     * @param partial     the output times reached (null when the operation has none)
     * @param timeReached the time the integration reached (NaN when there is no time axis)
     */
    public SolverInterruptedException(String operation, String message, Result partial, double timeReached) {
        super(operation + " interrupted: " + message);
        this.operation = operation;
        this.partial = partial;
        this.partialMc = null;
        this.partialStochastic = null;
        this.timeReached = timeReached;
    }

    /**
     * @param message   what was finished
     * @param partialMc the average over the trajectories that finished
     */
    public SolverInterruptedException(String message, McResult partialMc) {
        super("mcsolve interrupted: " + message);
        this.operation = "mcsolve";
        this.partial = null;
        this.partialMc = partialMc;
        this.partialStochastic = null;
        this.timeReached = Double.NaN;
    }

    /**
     * For the stochastic solvers (issue #22).
     *
     * @param operation the operation, {@code "ssesolve"} or {@code "smesolve"}
     * @param message   what was finished
     * @param partial   the average over the trajectories that finished
     */
    public SolverInterruptedException(String operation, String message, StochasticResult partial) {
        super(operation + " interrupted: " + message);
        this.operation = operation;
        this.partial = null;
        this.partialMc = null;
        this.partialStochastic = partial;
        this.timeReached = Double.NaN;
    }

    /** @return for ssesolve and smesolve, the result over the trajectories that finished; else null */
    public StochasticResult partialStochasticResult() {
        return partialStochastic;
    }

    /** @return the operation that was interrupted: sesolve, mesolve, mcsolve, propagator, steadystate */
    public String operation() {
        return operation;
    }

    /** @return for sesolve and mesolve, the result up to the last output time reached; else null */
    public Result partialResult() {
        return partial;
    }

    /** @return for mcsolve, the result over the trajectories that finished; else null */
    public McResult partialMcResult() {
        return partialMc;
    }

    /** @return the time the integrator reached, NaN for operations without a time axis */
    public double timeReached() {
        return timeReached;
    }
}
