package dev.lindblad.solver;

/**
 * A steady state that could not be found: the Liouvillian with the trace condition is singular
 * (more than one steady state), an iterative method did not converge, or the residual
 * {@code ||L rho||} stayed above the accepted limit. The message names the method and the
 * residual reached.
 */
public class SteadyStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final double residual;

    /**
     * @param message  what went wrong
     * @param method   the method that failed
     * @param residual the residual reached, NaN when none
     * @param cause    the underlying failure, or null
     */
    public SteadyStateException(String message, String method, double residual, Throwable cause) {
        super(message, cause);
        this.method = method;
        this.residual = residual;
    }

    /** @return the method that failed */
    public String method() {
        return method;
    }

    /** @return the residual reached, NaN when none */
    public double residual() {
        return residual;
    }
}
