/**
 * Lindblad's own in-place adaptive integrators for {@code y' = f(t, y)} over a real
 * {@code double[]} state, with dense output and event location.
 *
 * <p>As in Hipparchus, the parts are separate: the system ({@link dev.lindblad.ode.OdeSystem}),
 * the integrator ({@link dev.lindblad.ode.Integrator}, made by
 * {@link dev.lindblad.ode.Integrators#create}), the options
 * ({@link dev.lindblad.ode.IntegratorOptions}, QuTiP's defaults) and event switching functions
 * ({@link dev.lindblad.ode.EventFunction}). A complex state is stored interleaved
 * {@code (re, im)} and integrated as twice as many reals.
 *
 * <p>Conventions shared by every method:
 * <ul>
 *   <li>Error control in Hairer's weighted RMS norm,
 *       {@code sqrt(1/n sum (e_i / (atol + rtol max(|y_i|, |y1_i|)))^2) <= 1}.</li>
 *   <li>Steps are chosen by error control only; output times inside a step are evaluated with
 *       the method's continuous extension, never by shortening a step.</li>
 *   <li>Work arrays are allocated when an integrator is created; stepping, interpolation and
 *       event location allocate nothing.</li>
 *   <li>Failures throw {@link dev.lindblad.ode.IntegrationFailure} with the time reached and a
 *       reason (step-size underflow, non-finite values, too many steps per output interval, an
 *       interrupt of the thread, checked before every step).</li>
 * </ul>
 */
package dev.lindblad.ode;
