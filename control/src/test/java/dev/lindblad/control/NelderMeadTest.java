package dev.lindblad.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Nelder–Mead on test functions with known minima. */
class NelderMeadTest {

    static final NelderMead.Settings TIGHT = NelderMead.Settings.defaults().withXtol(1e-10).withFtol(1e-14)
            .withMaxIter(5000).withMaxEval(10000);

    @Test
    void rosenbrock() {
        ToDoubleFunction<double[]> f = LbfgsBTest.ROSENBROCK::value;
        NelderMead.Result r = NelderMead.minimize(f, new double[] {-1.2, 1}, TIGHT, null);
        assertEquals(NelderMead.Status.CONVERGED, r.status());
        assertArrayEquals(new double[] {1, 1}, r.x(), 1e-8);
    }

    @Test
    void beale() {
        NelderMead.Result r = NelderMead.minimize(LbfgsBTest.BEALE::value, new double[] {1, 1}, TIGHT, null);
        assertArrayEquals(new double[] {3, 0.5}, r.x(), 1e-8);
    }

    @Test
    void shiftedQuadraticInFiveDimensions() {
        double[] c = {1, -2, 0.5, 3, -0.25};
        ToDoubleFunction<double[]> f = x -> {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += (i + 1) * (x[i] - c[i]) * (x[i] - c[i]);
            }
            return s;
        };
        NelderMead.Result r = NelderMead.minimize(f, new double[5], TIGHT, null);
        assertArrayEquals(c, r.x(), 1e-8);
        assertTrue(r.f() < 1e-15);
    }

    @Test
    void himmelbladReachesTheMinimumNearItsStart() {
        // minima at (3, 2), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126), f = 0
        ToDoubleFunction<double[]> f = v -> {
            double a = v[0] * v[0] + v[1] - 11;
            double b = v[0] + v[1] * v[1] - 7;
            return a * a + b * b;
        };
        NelderMead.Result r = NelderMead.minimize(f, new double[] {-3, -3}, TIGHT, null);
        assertArrayEquals(new double[] {-3.779310253377747, -3.283185991286170}, r.x(), 1e-8);
    }

    @Test
    void defaultTolerancesStopEarly() {
        NelderMead.Result loose = NelderMead.minimize(LbfgsBTest.ROSENBROCK::value, new double[] {-1.2, 1},
                NelderMead.Settings.defaults(), null);
        NelderMead.Result tight = NelderMead.minimize(LbfgsBTest.ROSENBROCK::value, new double[] {-1.2, 1}, TIGHT,
                null);
        assertEquals(NelderMead.Status.CONVERGED, loose.status());
        assertTrue(loose.evaluations() < tight.evaluations());
        assertArrayEquals(new double[] {1, 1}, loose.x(), 1e-3);
    }

    @Test
    void limitsAndMonitor() {
        NelderMead.Result r = NelderMead.minimize(LbfgsBTest.ROSENBROCK::value, new double[] {-1.2, 1},
                TIGHT.withMaxIter(10), null);
        assertEquals(NelderMead.Status.MAX_ITER, r.status());
        assertEquals(10, r.iterations());
        NelderMead.Result e = NelderMead.minimize(LbfgsBTest.ROSENBROCK::value, new double[] {-1.2, 1},
                TIGHT.withMaxEval(30), null);
        assertEquals(NelderMead.Status.MAX_EVAL, e.status());
        NelderMead.Result m = NelderMead.minimize(LbfgsBTest.ROSENBROCK::value, new double[] {-1.2, 1}, TIGHT,
                new NelderMead.Monitor() {
                    @Override
                    public String afterValue(double[] x, double f) {
                        return f < 0.5 ? "good enough" : null;
                    }
                });
        assertEquals(NelderMead.Status.STOPPED, m.status());
        assertTrue(m.f() < 0.5);
        assertEquals(LbfgsBTest.ROSENBROCK.value(m.x()), m.f(), 0.0);
    }

    @Test
    void repeatsExactly() {
        NelderMead.Result a = NelderMead.minimize(LbfgsBTest.BEALE::value, new double[] {1, 1}, TIGHT, null);
        NelderMead.Result b = NelderMead.minimize(LbfgsBTest.BEALE::value, new double[] {1, 1}, TIGHT, null);
        assertArrayEquals(a.x(), b.x(), 0.0);
        assertEquals(a.evaluations(), b.evaluations());
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> NelderMead.minimize(x -> 0, new double[0], TIGHT, null));
        assertThrows(IllegalArgumentException.class, () -> NelderMead.minimize(x -> 0,
                new double[] {Double.POSITIVE_INFINITY}, TIGHT, null));
        assertThrows(IllegalArgumentException.class, () -> NelderMead.Settings.defaults().withXtol(-1));
    }
}
