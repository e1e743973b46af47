package dev.lindblad.ode;

/**
 * Thrown when an integrator cannot continue. It carries the time up to which the solution was
 * computed (the start of the step that failed) and the reason, so that a solver can wrap it
 * into its own exception together with the partial result.
 */
public final class IntegrationFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why an integration stopped. */
    public enum Reason {
        /**
         * The step size required by the error control fell below {@link IntegratorOptions#minStep()}
         * or below the resolution of the time variable ({@code |h| <= 10 ulp(t)}).
         */
        STEP_SIZE_UNDERFLOW,
        /** A NaN or infinite value appeared in the state, a derivative or the error estimate. */
        NON_FINITE,
        /** More than {@link IntegratorOptions#nsteps()} steps were needed within one call. */
        TOO_MANY_STEPS,
        /**
         * The thread was interrupted: checked before every step, so an interrupt stops an
         * integration within one step; the thread's interrupt status is left set.
         */
        INTERRUPTED
    }

    private final double time;
    private final Reason reason;

    /**
     * Creates a failure.
     *
     * @param reason  why the integration stopped
     * @param time    the last time up to which the solution is valid
     * @param message a description naming the values involved
     */
    public IntegrationFailure(Reason reason, double time, String message) {
        super(reason + " at t = " + time + ": " + message);
        this.reason = reason;
        this.time = time;
    }

    /** @return the last time up to which the solution is valid (start of the failed step) */
    public double time() {
        return time;
    }

    /** @return why the integration stopped */
    public Reason reason() {
        return reason;
    }
}
