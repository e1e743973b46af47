package dev.lindblad.ode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdamsIntegratorTest {

    /**
     * On a smooth problem at tight tolerances the order climbs well above the start-up order 1
     * (the variable-order machinery works) and the answer stays accurate; at loose tolerances a
     * lower order is used.
     */
    @Test
    void orderAdaptsToTolerance() {
        TestProblems.Problem problem = TestProblems.complexRotation();
        double[] y = new double[4];
        double[] exact = new double[4];
        AdamsIntegrator tight = (AdamsIntegrator) Integrators.create("adams", 4, problem.system(),
                IntegratorOptions.defaults().withAtol(1e-12).withRtol(1e-12).withNsteps(100000));
        tight.reset(0, problem.y0());
        int maximumOrder = 0;
        for (int i = 1; i <= 200; i++) {
            tight.integrate(0.1 * i, y);
            maximumOrder = Math.max(maximumOrder, tight.order());
        }
        problem.exact(20, exact);
        for (int k = 0; k < 4; k++) {
            assertEquals(exact[k], y[k], 1e-9);
        }
        assertTrue(maximumOrder >= 8, "maximum order at tol 1e-12 was " + maximumOrder);

        AdamsIntegrator loose = (AdamsIntegrator) Integrators.create("adams", 4, problem.system(),
                IntegratorOptions.defaults().withAtol(1e-4).withRtol(1e-4));
        loose.reset(0, problem.y0());
        loose.integrate(20, y);
        assertTrue(loose.order() < maximumOrder, "order at tol 1e-4: " + loose.order());
        assertTrue(loose.steps() < tight.steps() / 3);
    }

    /** A restart after a jump begins again at order 1. */
    @Test
    void restartDropsToOrderOne() {
        TestProblems.Problem problem = TestProblems.harmonicOscillator();
        AdamsIntegrator integrator = (AdamsIntegrator) Integrators.create("adams", 2, problem.system(),
                IntegratorOptions.defaults());
        integrator.reset(0, problem.y0());
        double[] y = new double[2];
        integrator.integrate(5, y);
        assertTrue(integrator.order() > 1);
        integrator.restart(5, new double[] {1, 0});
        assertEquals(1, integrator.order());
        integrator.integrate(5 + Math.PI, y);
        assertEquals(-1, y[0], 1e-5);
        assertEquals(0, y[1], 1e-5);
    }
}
