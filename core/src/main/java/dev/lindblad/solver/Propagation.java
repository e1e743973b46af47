package dev.lindblad.solver;

import dev.lindblad.ode.Integrator;
import dev.lindblad.ode.IntegratorOptions;
import dev.lindblad.ode.Integrators;
import dev.lindblad.ode.OdeSystem;

/**
 * How a solver moves its state from one output time to the next: an adaptive integrator with
 * dense output, or an exact propagator for time-independent systems ("diag", "krylov").
 */
interface Propagation {

    void reset(double t0, double[] y0);

    /** Writes y(t) into out; t is not before the last output time. */
    void advance(double t, double[] out);

    long steps();

    long rhsCalls();

    long rejectedSteps();

    String method();

    /** An adaptive integrator from {@code dev.lindblad.ode}. */
    static Propagation ode(String method, int dim, OdeSystem f, IntegratorOptions options) {
        Integrator integrator = Integrators.create(method, dim, f, options);
        return new Propagation() {
            @Override
            public void reset(double t0, double[] y0) {
                integrator.reset(t0, y0);
            }

            @Override
            public void advance(double t, double[] out) {
                integrator.integrate(t, out);
            }

            @Override
            public long steps() {
                return integrator.steps();
            }

            @Override
            public long rhsCalls() {
                return integrator.rhsCalls();
            }

            @Override
            public long rejectedSteps() {
                return integrator.rejectedSteps();
            }

            @Override
            public String method() {
                return method;
            }
        };
    }
}
