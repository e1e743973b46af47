package dev.lindblad.ode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.parallel.Parallelism;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The Adams integrator's fused passes for a {@link PartitionedOdeSystem} (the corrector formed
 * part by part right after the part's derivative, and the next step's predictors right after
 * the accepted point's): the exact solution, dense output included; agreement with the same
 * system run unfused; the serial bits on two threads; an honest evaluation count.
 *
 * <p>The system: {@code n} complex amplitudes coupled in mirror pairs,
 * {@code z_j' = -i g_j z_{n-1-j}} with {@code g_j = g_{n-1-j}}, so every part reads
 * components of another part. Exactly,
 * {@code z_j(t) = cos(g_j t) z_j(0) - i sin(g_j t) z_{n-1-j}(0)}.
 */
class AdamsFusedPassesTest {

    private static final int N = 3000;
    private static final int PARTS = 7;

    private static double coupling(int j) {
        return 0.5 + 2.0 * Math.abs(j - (N - 1) / 2.0) / N;
    }

    /** The mirror pairs, by parts; counts whole evaluations (apply, or every part once). */
    static final class Mirror implements PartitionedOdeSystem {
        final AtomicLong applies = new AtomicLong();
        final AtomicLong partCalls = new AtomicLong();
        final int parts;
        final int dimensionCovered;

        Mirror(int parts, int dimensionCovered) {
            this.parts = parts;
            this.dimensionCovered = dimensionCovered;
        }

        @Override
        public void apply(double t, double[] y, double[] out) {
            applies.incrementAndGet();
            for (int p = 0; p < parts; p++) {
                range(y, out, partStart(p) / 2, partStart(p + 1) / 2);
            }
        }

        private static void range(double[] y, double[] out, int from, int to) {
            for (int j = from; j < to; j++) {
                int m = N - 1 - j;
                double g = coupling(j);
                out[2 * j] = g * y[2 * m + 1];
                out[2 * j + 1] = -g * y[2 * m];
            }
        }

        @Override
        public int parts() {
            return parts;
        }

        @Override
        public int partStart(int p) {
            return p == parts ? dimensionCovered : 2 * (int) ((long) p * N / parts);
        }

        @Override
        public Object prepare(double t) {
            return null;
        }

        @Override
        public void applyPart(Object prepared, double[] y, double[] out, int p) {
            partCalls.incrementAndGet();
            range(y, out, partStart(p) / 2, partStart(p + 1) / 2);
        }

        @Override
        public long work() {
            return N;
        }
    }

    private static double[] initial() {
        double[] y0 = new double[2 * N];
        for (int j = 0; j < N; j++) {
            y0[2 * j] = Math.cos(j);
            y0[2 * j + 1] = Math.sin(0.3 * j);
        }
        return y0;
    }

    private static void exact(double[] y0, double t, double[] out) {
        for (int j = 0; j < N; j++) {
            int m = N - 1 - j;
            double c = Math.cos(coupling(j) * t);
            double s = Math.sin(coupling(j) * t);
            // cos z_j - i sin z_m
            out[2 * j] = c * y0[2 * j] + s * y0[2 * m + 1];
            out[2 * j + 1] = c * y0[2 * j + 1] - s * y0[2 * m];
        }
    }

    /** The states at t = 0.25, 0.5, ..., 3 (each by dense output) of one run, flattened. */
    private static double[] solve(OdeSystem system, int threads, AdamsIntegrator[] used) {
        Parallelism.threads(threads);
        try {
            AdamsIntegrator integrator = (AdamsIntegrator) Integrators.create("adams", 2 * N, system,
                    IntegratorOptions.defaults().withAtol(1e-10).withRtol(1e-10));
            integrator.reset(0, initial());
            double[] all = new double[12 * 2 * N];
            double[] y = new double[2 * N];
            for (int i = 1; i <= 12; i++) {
                integrator.integrate(0.25 * i, y);
                System.arraycopy(y, 0, all, (i - 1) * 2 * N, 2 * N);
            }
            if (used != null) {
                used[0] = integrator;
            }
            return all;
        } finally {
            Parallelism.resetThreads();
        }
    }

    @Test
    void fusedRunFollowsTheExactSolutionAndTheUnfusedRun() {
        Mirror mirror = new Mirror(PARTS, 2 * N);
        AdamsIntegrator[] used = new AdamsIntegrator[1];
        double[] fused = solve(mirror, 1, used);
        // whole evaluations only at the start (f(t0, y0) and the starting step's trial), the
        // steps' by parts, each part once per evaluation
        assertEquals(2, mirror.applies.get(), "whole evaluations");
        assertEquals(0, mirror.partCalls.get() % PARTS);
        assertEquals(used[0].rhsCalls(), mirror.applies.get() + mirror.partCalls.get() / PARTS, "evaluations counted");
        assertTrue(used[0].steps() > 20);

        OdeSystem plain = mirror::apply;   // the same derivative without the parts
        double[] unfused = solve(plain, 1, null);
        double[] expected = new double[2 * N];
        for (int i = 1; i <= 12; i++) {
            exact(initial(), 0.25 * i, expected);
            for (int c = 0; c < 2 * N; c++) {
                int at = (i - 1) * 2 * N + c;
                assertEquals(expected[c], fused[at], 2e-7, "t = " + 0.25 * i + ", component " + c);
                // the error sums are added in another order, so the step sizes differ in their last bits
                assertEquals(unfused[at], fused[at], 1e-8, "fused against unfused, t = " + 0.25 * i);
            }
        }
    }

    @Test
    void fusedPassesOverKernelThreadsGiveTheSerialBits() {
        double[] serial = solve(new Mirror(PARTS, 2 * N), 1, null);
        long splitsBefore = Parallelism.splitCount();
        double[] parallel;
        double[] three;
        try {
            Parallelism.threshold(1);
            parallel = solve(new Mirror(PARTS, 2 * N), 2, null);
            three = solve(new Mirror(PARTS, 2 * N), 3, null);
        } finally {
            Parallelism.threshold(0);
        }
        assertTrue(Parallelism.splitCount() > splitsBefore, "the fused passes never split");
        assertArrayEquals(serial, parallel, "2 threads");
        assertArrayEquals(serial, three, "3 threads");
    }

    @Test
    void partsThatDoNotCoverTheStateAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Integrators.create("adams", 2 * N, new Mirror(PARTS, 2 * N - 2), IntegratorOptions.defaults()));
        assertTrue(e.getMessage().contains("[0, " + 2 * N + ")"), e.getMessage());
    }

    @Test
    void fusedPropertyIsCheckedAndCanTurnFusingOff() {
        String before = System.getProperty(AdamsIntegrator.FUSED_PROPERTY);
        try {
            System.setProperty(AdamsIntegrator.FUSED_PROPERTY, "sometimes");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Integrators.create("adams", 2 * N, new Mirror(PARTS, 2 * N), IntegratorOptions.defaults()));
            assertTrue(e.getMessage().contains("sometimes"), e.getMessage());
            System.setProperty(AdamsIntegrator.FUSED_PROPERTY, "false");
            Mirror mirror = new Mirror(PARTS, 2 * N);
            solve(mirror, 1, null);
            assertEquals(0, mirror.partCalls.get(), "fusing off: whole evaluations only");
            assertTrue(mirror.applies.get() > 0);
        } finally {
            if (before == null) {
                System.clearProperty(AdamsIntegrator.FUSED_PROPERTY);
            } else {
                System.setProperty(AdamsIntegrator.FUSED_PROPERTY, before);
            }
        }
    }
}
