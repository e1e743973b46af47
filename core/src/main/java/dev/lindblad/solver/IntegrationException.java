package dev.lindblad.solver;

/**
 * An integration that failed: the step size underflowed, a NaN or infinity appeared (in the
 * state, or from a coefficient function at run time), more than {@code nsteps} steps were
 * needed between two output times, a coefficient function threw, or an e-op callback threw or
 * returned NaN or infinity. It carries the partial {@link Result} holding every output time
 * reached before the failure (empty when the failure came at the initial time), the time
 * reached, and the cause; its message starts with the operation called ({@code sesolve},
 * {@code mesolve}, {@code propagator}).
 */
public class IntegrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Result partial;
    private final double timeReached;

    /**
     * @param message     what failed, with the values involved
     * @param partial     the result up to the last output time reached
     * @param timeReached the time the integrator reached
     * @param cause       the integrator's failure
     */
    public IntegrationException(String message, Result partial, double timeReached, Throwable cause) {
        super(message, cause);
        this.partial = partial;
        this.timeReached = timeReached;
    }

    /** @return the result computed before the failure (its times are those reached) */
    public Result partialResult() {
        return partial;
    }

    /** @return the time the integrator reached */
    public double timeReached() {
        return timeReached;
    }
}
