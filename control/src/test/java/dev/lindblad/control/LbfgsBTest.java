package dev.lindblad.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** L-BFGS-B on standard bounded test problems with known solutions. */
class LbfgsBTest {

    /** Extended Rosenbrock, Σ 100 (x_{i+1} - x_i²)² + (1 - x_i)². */
    static final LbfgsB.Objective ROSENBROCK = new LbfgsB.Objective() {
        @Override
        public double value(double[] x) {
            double f = 0;
            for (int i = 0; i + 1 < x.length; i++) {
                double a = x[i + 1] - x[i] * x[i];
                double b = 1 - x[i];
                f += 100 * a * a + b * b;
            }
            return f;
        }

        @Override
        public void gradient(double[] x, double[] g) {
            Arrays.fill(g, 0);
            for (int i = 0; i + 1 < x.length; i++) {
                double a = x[i + 1] - x[i] * x[i];
                g[i] += -400 * x[i] * a - 2 * (1 - x[i]);
                g[i + 1] += 200 * a;
            }
        }
    };

    static final LbfgsB.Settings TIGHT = LbfgsB.Settings.defaults().withFactr(10).withPgtol(1e-10).withMaxIter(2000);

    @Test
    void rosenbrockUnboundedFromTheClassicStart() {
        double[] x0 = {-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1};
        LbfgsB.Result r = LbfgsB.minimize(ROSENBROCK, x0, null, null, TIGHT, null);
        double[] ones = new double[10];
        Arrays.fill(ones, 1);
        assertArrayEquals(ones, r.x(), 1e-7, r.message());
        assertTrue(r.f() < 1e-14, "f = " + r.f());
    }

    @Test
    void rosenbrockWithInactiveBounds() {
        double[] lo = {-5, -5};
        double[] hi = {5, 5};
        LbfgsB.Result r = LbfgsB.minimize(ROSENBROCK, new double[] {-1.2, 1}, lo, hi, TIGHT, null);
        assertArrayEquals(new double[] {1, 1}, r.x(), 1e-7, r.message());
    }

    @Test
    void rosenbrockWithAnActiveUpperBound() {
        // x1 <= 0.5: f >= (1 - x1)^2 >= 1/4, equality at (0.5, 0.25) on the bound
        double[] lo = {-1.5, -1.5};
        double[] hi = {0.5, 1.5};
        LbfgsB.Result r = LbfgsB.minimize(ROSENBROCK, new double[] {-1.2, 1}, lo, hi, TIGHT, null);
        assertEquals(0.5, r.x()[0], 0.0, "x1 sits exactly on its bound");
        assertEquals(0.25, r.x()[1], 1e-8);
        assertEquals(0.25, r.f(), 1e-12);
    }

    @Test
    void rosenbrockWithAnActiveLowerBound() {
        // x1 >= 1.5: along x2 = x1^2 f = (1 - x1)^2, smallest at the bound: (1.5, 2.25), f = 1/4
        double[] lo = {1.5, -10};
        double[] hi = {3, 10};
        LbfgsB.Result r = LbfgsB.minimize(ROSENBROCK, new double[] {2.5, 0}, lo, hi, TIGHT, null);
        assertEquals(1.5, r.x()[0], 0.0);
        assertEquals(2.25, r.x()[1], 1e-8);
    }

    @Test
    void boundedQuadraticWithKnownSolution() {
        // f = x^T A x / 2 - b^T x, A SPD; b chosen so that x* (a third of it at lower bounds, a
        // third at upper bounds) satisfies the KKT conditions with multipliers ±1
        int n = 60;
        SplittableRandom rnd = new SplittableRandom(7);
        double[][] q = new double[n][n];
        for (double[] row : q) {
            for (int j = 0; j < n; j++) {
                row[j] = rnd.nextDouble() - 0.5;
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < n; p++) {
                    s += q[p][i] * q[p][j];
                }
                a[i][j] = s + (i == j ? 0.5 : 0);
            }
        }
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] xs = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            lo[i] = -1 - rnd.nextDouble();
            hi[i] = 1 + rnd.nextDouble();
            xs[i] = i % 3 == 0 ? lo[i] : i % 3 == 1 ? hi[i] : rnd.nextDouble() - 0.5;
        }
        for (int i = 0; i < n; i++) {
            double ax = 0;
            for (int j = 0; j < n; j++) {
                ax += a[i][j] * xs[j];
            }
            double lambda = i % 3 == 0 ? 1 : i % 3 == 1 ? -1 : 0;   // g = A x - b = lambda
            b[i] = ax - lambda;
        }
        LbfgsB.Objective quad = new LbfgsB.Objective() {
            @Override
            public double value(double[] x) {
                double f = 0;
                for (int i = 0; i < n; i++) {
                    double ax = 0;
                    for (int j = 0; j < n; j++) {
                        ax += a[i][j] * x[j];
                    }
                    f += 0.5 * x[i] * ax - b[i] * x[i];
                }
                return f;
            }

            @Override
            public void gradient(double[] x, double[] g) {
                for (int i = 0; i < n; i++) {
                    double ax = 0;
                    for (int j = 0; j < n; j++) {
                        ax += a[i][j] * x[j];
                    }
                    g[i] = ax - b[i];
                }
            }
        };
        LbfgsB.Result r = LbfgsB.minimize(quad, new double[n], lo, hi, TIGHT.withFactr(0).withPgtol(1e-11), null);
        assertArrayEquals(xs, r.x(), 1e-7, r.message() + " after " + r.iterations() + " iterations");
        for (int i = 0; i < n; i += 3) {
            assertEquals(lo[i], r.x()[i], 0.0, "active lower bound " + i);
            assertEquals(hi[i + 1], r.x()[i + 1], 0.0, "active upper bound " + (i + 1));
        }
    }

    /** Beale: (1.5 - x + xy)² + (2.25 - x + xy²)² + (2.625 - x + xy³)², minimum 0 at (3, 1/2). */
    static final LbfgsB.Objective BEALE = new LbfgsB.Objective() {
        @Override
        public double value(double[] v) {
            double x = v[0];
            double y = v[1];
            double a = 1.5 - x + x * y;
            double b = 2.25 - x + x * y * y;
            double c = 2.625 - x + x * y * y * y;
            return a * a + b * b + c * c;
        }

        @Override
        public void gradient(double[] v, double[] g) {
            double x = v[0];
            double y = v[1];
            double a = 1.5 - x + x * y;
            double b = 2.25 - x + x * y * y;
            double c = 2.625 - x + x * y * y * y;
            g[0] = 2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1);
            g[1] = 2 * a * x + 2 * b * 2 * x * y + 2 * c * 3 * x * y * y;
        }
    };

    @Test
    void bealeInItsBox() {
        double[] lo = {-4.5, -4.5};
        double[] hi = {4.5, 4.5};
        LbfgsB.Result r = LbfgsB.minimize(BEALE, new double[] {1, 1}, lo, hi, TIGHT, null);
        assertArrayEquals(new double[] {3, 0.5}, r.x(), 1e-7, r.message());
    }

    @Test
    void bealeWithTheMinimumCutOff() {
        // x <= 2.5 cuts off (3, 1/2); at the bound the best y solves d/dy = 0 with x = 2.5
        double[] lo = {-4.5, -4.5};
        double[] hi = {2.5, 4.5};
        LbfgsB.Result r = LbfgsB.minimize(BEALE, new double[] {1, 1}, lo, hi, TIGHT, null);
        assertEquals(2.5, r.x()[0], 0.0);
        double[] g = new double[2];
        BEALE.value(r.x());
        BEALE.gradient(r.x(), g);
        assertEquals(0, g[1], 1e-8, "stationary along the free variable");
        assertTrue(g[0] < 0, "the bound holds x back: df/dx < 0 at the upper bound, got " + g[0]);
        // y on the bound line by a scan: no point of the line is lower
        double best = Double.POSITIVE_INFINITY;
        for (double yy = -4.5; yy <= 4.5; yy += 1e-4) {
            best = Math.min(best, BEALE.value(new double[] {2.5, yy}));
        }
        assertTrue(r.f() <= best + 1e-12, r.f() + " vs scan " + best);
    }

    @Test
    void startOutsideTheBoxIsProjected() {
        LbfgsB.Result r = LbfgsB.minimize(ROSENBROCK, new double[] {9, -9}, new double[] {-2, -2},
                new double[] {2, 2}, TIGHT, null);
        assertArrayEquals(new double[] {1, 1}, r.x(), 1e-7);
    }

    @Test
    void stopsAtTheIterationLimit() {
        LbfgsB.Result r = LbfgsB.minimize(ROSENBROCK, new double[] {-1.2, 1}, null, null,
                TIGHT.withMaxIter(5), null);
        assertEquals(LbfgsB.Status.MAX_ITER, r.status());
        assertEquals(5, r.iterations());
    }

    @Test
    void aMonitorStopsTheRunAtTheBestPoint() {
        LbfgsB.Monitor target = new LbfgsB.Monitor() {
            @Override
            public String afterValue(double[] x, double f) {
                return f < 1e-3 ? "target reached" : null;
            }
        };
        LbfgsB.Result r = LbfgsB.minimize(ROSENBROCK, new double[] {-1.2, 1}, null, null, TIGHT, target);
        assertEquals(LbfgsB.Status.STOPPED, r.status());
        assertEquals("target reached", r.message());
        assertTrue(r.f() < 1e-3);
        assertEquals(ROSENBROCK.value(r.x()), r.f(), 0.0);
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LbfgsB.minimize(ROSENBROCK, new double[] {0, 0},
                new double[] {1, 0}, new double[] {0, 1}, TIGHT, null));
        assertThrows(IllegalArgumentException.class, () -> LbfgsB.minimize(ROSENBROCK, new double[] {0, Double.NaN},
                null, null, TIGHT, null));
        assertThrows(IllegalArgumentException.class, () -> LbfgsB.minimize(ROSENBROCK, new double[] {0, 0},
                new double[] {0}, null, TIGHT, null));
    }
}
