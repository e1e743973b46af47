package dev.lindblad.ode;

/**
 * An in-place adaptive integrator of {@code y' = f(t, y)} with dense output and event
 * location, integrating forward in time.
 *
 * <p>The integrator advances with its own step sizes, chosen by error control, and never
 * shortens a step to land on an output time: a requested time inside the last step is
 * evaluated with the method's continuous extension (dense output). Work arrays are allocated
 * once, when the integrator is created; stepping, interpolation and event location allocate
 * nothing. An instance is not thread safe; create one per thread (or per trajectory).
 *
 * <p>Typical use:
 * <pre>{@code
 * Integrator integrator = Integrators.create("dopri5", n, f, IntegratorOptions.defaults());
 * integrator.reset(0.0, y0);
 * for (double t : times) {
 *     integrator.integrate(t, y);   // y = y(t)
 * }
 * }</pre>
 */
public interface Integrator {

    /** @return the method name, as accepted by {@link Integrators#create} */
    String method();

    /** @return the dimension of the state (number of real unknowns) */
    int dimension();

    /** @return the options this integrator was created with */
    IntegratorOptions options();

    /**
     * Starts a new integration from {@code y(t0) = y0}, forgetting all history (step size,
     * counters are kept cumulative only by {@link #restart}).
     *
     * @param t0 the initial time, finite
     * @param y0 the initial state, of length {@link #dimension()}; copied
     * @throws IllegalArgumentException if {@code y0} has the wrong length or {@code t0} is not finite
     * @throws IntegrationFailure       with {@code NON_FINITE} if {@code y0} or {@code f(t0, y0)}
     *                                  is not finite
     */
    void reset(double t0, double[] y0);

    /**
     * Continues from a new state after a discontinuity (for example a quantum jump at an
     * event): like {@link #reset}, but keeps the step, call and rejection counters and uses the
     * last accepted step size as the first trial step when {@link IntegratorOptions#firstStep()}
     * is automatic.
     *
     * @param t the time of the new state
     * @param y the new state; copied
     */
    void restart(double t, double[] y);

    /**
     * Advances the solution to {@code tTarget} and writes {@code y(tTarget)} into {@code yOut}.
     * The integrator may step past {@code tTarget}; a later call with a time inside that step
     * only interpolates.
     *
     * @param tTarget the output time, {@code >=} the start of the current step (in particular
     *                any time {@code >= time()})
     * @param yOut    receives {@code y(tTarget)}, of length {@link #dimension()}
     * @return {@code tTarget}
     * @throws IntegrationFailure       when the step size underflows, a non-finite value appears,
     *                                  or more than {@code nsteps} steps are needed
     * @throws IllegalArgumentException if {@code tTarget} lies before the current step
     */
    double integrate(double tTarget, double[] yOut);

    /**
     * Advances the solution towards {@code tTarget} and stops at the first time after
     * {@link #time()} where {@code g(t, y(t))} changes sign. The sign of {@code g} is checked at
     * the end of every step; within the step where it changes, the crossing is bracketed on the
     * dense-output interpolant by the Illinois variant of regula falsi until the bracket is at
     * most {@code tol} wide, and the right end of the bracket is returned (so {@code g} there
     * already has the new sign or is zero). Two sign changes within one step are not seen.
     *
     * <p>After an event the caller may change the state and call {@link #restart}; otherwise a
     * later call continues from the event time.
     *
     * @param tTarget the time at which to stop if no event occurs
     * @param g       the switching function
     * @param tol     the absolute tolerance on the event time, {@code > 0}
     * @param yOut    receives the state at the returned time
     * @return the event time, or {@code tTarget} if {@code g} does not change sign before it
     */
    double integrateUntilEvent(double tTarget, EventFunction g, double tol, double[] yOut);

    /**
     * @return the time of the last state handed out ({@code t0} after a reset, then the last
     *         {@code tTarget} or event time); the internal step may already lie beyond it
     */
    double time();

    /** @return the number of accepted steps since the last {@link #reset} */
    int steps();

    /** @return the number of rejected step attempts since the last {@link #reset} */
    int rejectedSteps();

    /** @return the number of right-hand-side evaluations since the last {@link #reset} */
    int rhsCalls();
}
