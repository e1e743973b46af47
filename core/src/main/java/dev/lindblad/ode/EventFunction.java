package dev.lindblad.ode;

/**
 * A switching function whose sign change marks an event, as in Hipparchus' event detectors:
 * the integrator reports the first time {@code t*} after the current time where
 * {@code g(t, y(t))} changes sign, located on the dense-output interpolant of the step that
 * contains it (see {@link Integrator#integrateUntilEvent}).
 *
 * <p>{@code g} must be continuous in {@code t} along the solution; it is called many times
 * per step during root finding, so it should be cheap and must not modify {@code y}.
 */
@FunctionalInterface
public interface EventFunction {
    /**
     * Evaluates the switching function.
     *
     * @param t the time
     * @param y the (interpolated) state at {@code t}, read only
     * @return the value whose sign change defines the event
     */
    double g(double t, double[] y);
}
