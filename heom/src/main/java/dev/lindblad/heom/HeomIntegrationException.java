package dev.lindblad.heom;

import dev.lindblad.solver.IntegrationException;

/**
 * A HEOM integration that failed (step size underflow, a non-finite value, more than
 * {@code nsteps} steps between two output times). {@link #partialHeomResult()} holds every
 * output time reached before the failure; {@link #partialResult()} of the core exception is
 * null, since a HEOM run's result is a {@link HeomResult}.
 */
public final class HeomIntegrationException extends IntegrationException {
    private static final long serialVersionUID = 1L;

    private final transient HeomResult partial;

    HeomIntegrationException(String message, HeomResult partial, double timeReached, Throwable cause) {
        super(message, null, timeReached, cause);
        this.partial = partial;
    }

    /** @return the result up to the last output time reached */
    public HeomResult partialHeomResult() {
        return partial;
    }
}
