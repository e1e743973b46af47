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

    /** 3000 independent rotations {@code y_j' = -i w_j y_j}: 6000 doubles, 12 blocks. */
    private static final int ROTATIONS = 3000;
    private static final double[] W = new double[ROTATIONS];
    private static final double[] Y0 = new double[2 * ROTATIONS];

    static {
        for (int j = 0; j < ROTATIONS; j++) {
            W[j] = 0.5 + 1.5 * j / ROTATIONS;
            Y0[2 * j] = Math.cos(j);
            Y0[2 * j + 1] = Math.sin(0.3 * j);
        }
    }

    private static final OdeSystem ROTATION_SYSTEM = (t, y, out) -> {
        for (int j = 0; j < ROTATIONS; j++) {
            out[2 * j] = W[j] * y[2 * j + 1];
            out[2 * j + 1] = -W[j] * y[2 * j];
        }
    };

    /**
     * Adams on the rotations with tight tolerances and the given kernel threads, the states at
     * {@code times} one after the other.
     */
    private static double[] rotationsAt(double[] times, int threads) {
        Parallelism.threads(threads);
        try {
            AdamsIntegrator integrator = (AdamsIntegrator) Integrators.create("adams", Y0.length, ROTATION_SYSTEM,
                    IntegratorOptions.defaults().withAtol(1e-10).withRtol(1e-10));
            integrator.reset(0, Y0);
            double[] all = new double[times.length * Y0.length];
            double[] y = new double[Y0.length];
            for (int i = 0; i < times.length; i++) {
                integrator.integrate(times[i], y);
                System.arraycopy(y, 0, all, i * Y0.length, Y0.length);
            }
            return all;
        } finally {
            Parallelism.resetThreads();
        }
    }

    /**
     * The run on one thread and on two with every pass allowed to split: the same bits, the split
     * really happened, and each state is the exact rotation.
     */
    private static void assertSerialBitsAndExact(double[] times) {
        double[] serial = rotationsAt(times, 1);
        long splitsBefore = Parallelism.splitCount();
        double[] parallel;
        try {
            Parallelism.threshold(1);
            parallel = rotationsAt(times, 2);
        } finally {
            Parallelism.threshold(0);
        }
        assertTrue(Parallelism.splitCount() > splitsBefore, "nothing split");
        assertArrayEquals(serial, parallel);
        for (int i = 0; i < times.length; i++) {
            double t = times[i];
            int o = i * Y0.length;
            for (int j = 0; j < ROTATIONS; j++) {
                double c = Math.cos(W[j] * t), s = Math.sin(W[j] * t);
                assertEquals(c * Y0[2 * j] + s * Y0[2 * j + 1], serial[o + 2 * j], 1e-6, "t = " + t);
                assertEquals(c * Y0[2 * j + 1] - s * Y0[2 * j], serial[o + 2 * j + 1], 1e-6, "t = " + t);
            }
        }
    }

    /**
     * The history and corrector passes split over kernel threads for a large state: the result
     * has the same bits as the serial run (error sums are added per block in block order), the
     * split really happened, and the answer is the exact one.
     */
    @Test
    void passesOverKernelThreadsGiveTheSerialBits() {
        assertSerialBitsAndExact(new double[] {3});
    }

    /**
     * The dense output (here at ten output times between the steps' points) splits over the
     * kernel threads too: the serial bits at every output time, the exact solution, and the
     * split really happened.
     */
    @Test
    void denseOutputOverKernelThreadsGivesTheSerialBits() {
        double[] times = new double[10];
        for (int i = 0; i < times.length; i++) {
            times[i] = 0.3 * (i + 1);
        }
        assertSerialBitsAndExact(times);
    }

    /**
     * Large state vectors are allocated by the kernel threads together (the JVM zeroes an array
     * in the allocating thread, a serial part of a large run otherwise): distinct, zeroed, of the
     * state's length, on one thread and on two; small ones stay on the calling thread.
     */
    @Test
    void largeVectorsAreAllocatedByTheKernelThreads() {
        int previous = Parallelism.threads();
        try {
            int dimension = 1 << 20;   // 9 vectors of 8 MB: above the 64 MB threshold
            for (int threads : new int[] {1, 2}) {
                Parallelism.threads(threads);
                long splits = Parallelism.splitCount();
                double[][] v = AbstractIntegrator.vectors(9, dimension);
                if (threads > 1) {
                    assertTrue(Parallelism.splitCount() > splits, "split over the two threads");
                } else {
                    assertEquals(splits, Parallelism.splitCount(), "one thread: no split");
                }
                java.util.Set<double[]> distinct = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                for (double[] x : v) {
                    assertEquals(dimension, x.length);
                    assertEquals(0.0, x[0]);
                    assertEquals(0.0, x[dimension - 1]);
                    distinct.add(x);
                }
                assertEquals(9, distinct.size());
            }
            long splits = Parallelism.splitCount();
            assertEquals(3, AbstractIntegrator.vectors(3, 1000).length);
            assertEquals(splits, Parallelism.splitCount(), "small vectors: no split");
        } finally {
            Parallelism.threads(previous);
        }
    }
}
