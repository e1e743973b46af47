package dev.lindblad.ode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.parallel.Parallelism;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Runge–Kutta integrators' vector passes (stage combinations and the error norm, block by
 * block) split over the kernel threads for a large state with the same bits as on one thread,
 * dense output included, and still give the exact answer.
 */
class RungeKuttaParallelTest {

    @ParameterizedTest
    @ValueSource(strings = {"dopri5", "tsit5", "dop853", "vern7", "vern9"})
    void passesOverKernelThreadsGiveTheSerialBits(String method) {
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
        double[][] serial = solve(method, rotations, y0, 1);
        long splitsBefore = Parallelism.splitCount();
        double[][] parallel;
        try {
            Parallelism.threshold(1);
            parallel = solve(method, rotations, y0, 2);
        } finally {
            Parallelism.threshold(0);
        }
        assertTrue(Parallelism.splitCount() > splitsBefore, "the passes never split");
        for (int i = 0; i < serial.length; i++) {
            assertArrayEquals(serial[i], parallel[i], method + ": output " + i);
        }
        double t = 3;
        double[] end = serial[serial.length - 1];
        for (int j = 0; j < n; j++) {
            double c = Math.cos(w[j] * t), s = Math.sin(w[j] * t);
            assertEquals(c * y0[2 * j] + s * y0[2 * j + 1], end[2 * j], 1e-6);
            assertEquals(c * y0[2 * j + 1] - s * y0[2 * j], end[2 * j + 1], 1e-6);
        }
    }

    /** The state at t = 0.37, 1.1 (dense output, inside steps) and 3. */
    private static double[][] solve(String method, OdeSystem system, double[] y0, int threads) {
        Parallelism.threads(threads);
        try {
            Integrator integrator = Integrators.create(method, y0.length, system,
                    IntegratorOptions.defaults().withAtol(1e-10).withRtol(1e-10));
            integrator.reset(0, y0);
            double[][] out = new double[3][y0.length];
            integrator.integrate(0.37, out[0]);
            integrator.integrate(1.1, out[1]);
            integrator.integrate(3, out[2]);
            return out;
        } finally {
            Parallelism.resetThreads();
        }
    }
}
