package dev.lindblad.ode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.parallel.Parallelism;
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

    /**
     * The history and corrector passes split over kernel threads for a large state: the result
     * has the same bits as the serial run (error sums are added per block in block order), the
     * split really happened, and the answer is the exact one.
     */
    @Test
    void passesOverKernelThreadsGiveTheSerialBits() {
        int n = 3000;   // independent rotations y_j' = -i w_j y_j: 6000 doubles, 12 blocks
        double[] w = new double[n];
        double[] y0 = new double[2 * n];
        for (int j = 0; j < n; j++) {
            w[j] = 0.5 + 1.5 * j / n;
            y0[2 * j] = Math.cos(j);
            y0[2 * j + 1] = Math.sin(0.3 * j);
        }
        OdeSystem rotations = (t, y, out) -> {
            for (int j = 0; j < n; j++) {
                out[2 * j] = w[j] * y[2 * j + 1];
                out[2 * j + 1] = -w[j] * y[2 * j];
            }
        };
        double[] serial = solveRotations(rotations, y0, 1);
        long splitsBefore = Parallelism.splitCount();
        double[] parallel;
        try {
            Parallelism.threshold(1);
            parallel = solveRotations(rotations, y0, 2);
        } finally {
            Parallelism.threshold(0);
        }
        assertTrue(Parallelism.splitCount() > splitsBefore, "the passes never split");
        assertArrayEquals(serial, parallel);
        double t = 3;
        for (int j = 0; j < n; j++) {
            double c = Math.cos(w[j] * t), s = Math.sin(w[j] * t);
            assertEquals(c * y0[2 * j] + s * y0[2 * j + 1], serial[2 * j], 1e-6);
            assertEquals(c * y0[2 * j + 1] - s * y0[2 * j], serial[2 * j + 1], 1e-6);
        }
    }

    private static double[] solveRotations(OdeSystem system, double[] y0, int threads) {
        Parallelism.threads(threads);
        try {
            AdamsIntegrator integrator = (AdamsIntegrator) Integrators.create("adams", y0.length, system,
                    IntegratorOptions.defaults().withAtol(1e-10).withRtol(1e-10));
            integrator.reset(0, y0);
            double[] y = new double[y0.length];
            integrator.integrate(3, y);
            return y;
        } finally {
            Parallelism.resetThreads();
        }
    }

    /**
     * The dense output (here at ten output times between the steps' points) splits over the
     * kernel threads too: the serial bits at every output time, the exact solution, and the
     * split really happened.
     */
    @Test
    void denseOutputOverKernelThreadsGivesTheSerialBits() {
        int n = 3000;   // independent rotations, as above
        double[] w = new double[n];
        double[] y0 = new double[2 * n];
        for (int j = 0; j < n; j++) {
            w[j] = 0.5 + 1.5 * j / n;
            y0[2 * j] = Math.cos(j);
            y0[2 * j + 1] = Math.sin(0.3 * j);
        }
        OdeSystem rotations = (t, y, out) -> {
            for (int j = 0; j < n; j++) {
                out[2 * j] = w[j] * y[2 * j + 1];
                out[2 * j + 1] = -w[j] * y[2 * j];
            }
        };
        double[] serial = denseOutputs(rotations, y0, 1);
        long splitsBefore = Parallelism.splitCount();
        double[] parallel;
        try {
            Parallelism.threshold(1);
            parallel = denseOutputs(rotations, y0, 2);
        } finally {
            Parallelism.threshold(0);
        }
        assertTrue(Parallelism.splitCount() > splitsBefore, "nothing split");
        assertArrayEquals(serial, parallel);
        for (int i = 1; i <= 10; i++) {
            double t = 0.3 * i;
            for (int j = 0; j < n; j++) {
                double c = Math.cos(w[j] * t), s = Math.sin(w[j] * t);
                int o = (i - 1) * 2 * n;
                assertEquals(c * y0[2 * j] + s * y0[2 * j + 1], serial[o + 2 * j], 1e-6, "t = " + t);
                assertEquals(c * y0[2 * j + 1] - s * y0[2 * j], serial[o + 2 * j + 1], 1e-6, "t = " + t);
            }
        }
    }

    /** The states at t = 0.3, 0.6, ..., 3, one after the other. */
    private static double[] denseOutputs(OdeSystem system, double[] y0, int threads) {
        Parallelism.threads(threads);
        try {
            AdamsIntegrator integrator = (AdamsIntegrator) Integrators.create("adams", y0.length, system,
                    IntegratorOptions.defaults().withAtol(1e-10).withRtol(1e-10));
            integrator.reset(0, y0);
            double[] all = new double[10 * y0.length];
            double[] y = new double[y0.length];
            for (int i = 1; i <= 10; i++) {
                integrator.integrate(0.3 * i, y);
                System.arraycopy(y, 0, all, (i - 1) * y0.length, y0.length);
            }
            return all;
        } finally {
            Parallelism.resetThreads();
        }
    }
}
