package dev.lindblad;

import static dev.lindblad.Lindblad.*;
import static dev.lindblad.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class WignerTest {

    /** Laguerre polynomial L_n(x) by its three-term recurrence. */
    private static double laguerre(int n, double x) {
        double prev = 1, cur = 1 - x;
        if (n == 0) {
            return prev;
        }
        for (int k = 1; k < n; k++) {
            double next = ((2 * k + 1 - x) * cur - k * prev) / (k + 1);
            prev = cur;
            cur = next;
        }
        return cur;
    }

    @Test
    void vacuumIsGaussianAndLayoutIsPByX() {
        double[] x = linspace(-4, 4, 17), p = linspace(-3, 2, 11);
        double[][] w = wigner(basis(10, 0), x, p);
        assertEquals(p.length, w.length, "rows are p");
        assertEquals(x.length, w[0].length, "columns are x");
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < x.length; j++) {
                assertEquals(Math.exp(-x[j] * x[j] - p[i] * p[i]) / Math.PI, w[i][j], 1e-16);
            }
        }
        // g = 2: α = x + i p, W = (g²/2) e^{-2|α|²}/π
        double[][] w2 = wigner(fockDm(3, 0), x, p, 2);
        assertEquals(2 / Math.PI * Math.exp(-2 * (x[3] * x[3] + p[5] * p[5])), w2[5][3], 1e-16);
    }

    @Test
    void fockStatesFollowLaguerreFormulaAndAreNegativeAtOrigin() {
        double[] x = linspace(-6, 6, 25), p = linspace(-6, 6, 25);
        for (int n : new int[] {1, 2, 5, 20, 45}) {
            double[][] w = wigner(fock(50, n), x, p);
            double max = 0;
            for (int i = 0; i < p.length; i++) {
                for (int j = 0; j < x.length; j++) {
                    double r2 = x[j] * x[j] + p[i] * p[i];
                    double expected = (n % 2 == 0 ? 1 : -1) / Math.PI * Math.exp(-r2) * laguerre(n, 2 * r2);
                    max = Math.max(max, Math.abs(expected - w[i][j]));
                }
            }
            assertTrue(max <= 1e-10, "Fock " + n + ": max error " + max);
            assertEquals((n % 2 == 0 ? 1 : -1) / Math.PI, w[12][12], 1e-12, "W(0,0) of Fock " + n);
        }
        assertTrue(wigner(fock(5, 1), new double[] {0}, new double[] {0})[0][0] < -0.3);
    }

    @Test
    void coherentStateIsDisplacedGaussianForLargeTruncation() {
        // analytic amplitudes in N = 50: the truncated tail is ~1e-20, so the state is exact
        Complex alpha = Complex.of(2, -1.5);
        Qobj psi = coherent(50, alpha, "analytic");
        double x0 = Math.sqrt(2) * alpha.re(), p0 = Math.sqrt(2) * alpha.im();
        double[] x = linspace(-4, 7, 23), p = linspace(-7, 4, 23);
        double[][] w = wigner(psi, x, p);
        double[][] wdm = wigner(ketToDm(psi), x, p);
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < x.length; j++) {
                double dx = x[j] - x0, dp = p[i] - p0;
                double expected = Math.exp(-dx * dx - dp * dp) / Math.PI;
                assertEquals(expected, w[i][j], 1e-10, "x = " + x[j] + ", p = " + p[i]);
                assertEquals(w[i][j], wdm[i][j], 1e-13, "ket and density matrix agree");
            }
        }
    }

    @Test
    void integratesToOne() {
        // trapezoid sums of a smooth function decaying like a Gaussian converge spectrally
        double[] x = linspace(-9, 9, 181);
        double h = x[1] - x[0];
        for (Qobj state : new Qobj[] {fock(12, 3), randomDm(8, 4), coherent(20, Complex.of(0.5, 1))}) {
            double[][] w = wigner(state, x, x);
            double s = 0;
            for (double[] row : w) {
                for (double v : row) {
                    s += v;
                }
            }
            assertEquals(1, s * h * h, 1e-10);
        }
    }

    /**
     * Independent check through the position representation:
     * {@code W(x, p) = (1/π) ∫ ψ*(x + y) ψ(x - y) e^{2 i p y} dy}, with ψ built from Hermite
     * functions, integrated by the trapezoid rule.
     */
    @Test
    void randomKetMatchesPositionRepresentationIntegral() {
        int n = 8;
        Qobj psi = randomKet(n, 77);
        double[] c = psi.toArray();
        double[] xs = {-1.3, 0.2, 1.1}, ps = {-0.7, 0.4, 1.6};
        double[][] w = wigner(psi, xs, ps);
        for (int i = 0; i < ps.length; i++) {
            for (int j = 0; j < xs.length; j++) {
                double sr = 0;
                double h = 0.01;
                for (double y = -12; y <= 12 + 1e-9; y += h) {
                    double[] u = wave(c, n, xs[j] + y), v = wave(c, n, xs[j] - y);
                    // conj(u) v e^{2ipy}, real part
                    double ar = u[0] * v[0] + u[1] * v[1], ai = u[0] * v[1] - u[1] * v[0];
                    double ph = 2 * ps[i] * y;
                    sr += ar * Math.cos(ph) - ai * Math.sin(ph);
                }
                assertEquals(sr * h / Math.PI, w[i][j], 1e-10, "x = " + xs[j] + ", p = " + ps[i]);
            }
        }
    }

    /** ψ(x) = Σ c_k φ_k(x), φ_k the normalised Hermite functions. */
    private static double[] wave(double[] c, int n, double x) {
        double prev = 0, cur = Math.pow(Math.PI, -0.25) * Math.exp(-x * x / 2);
        double re = 0, im = 0;
        for (int k = 0; k < n; k++) {
            re += c[2 * k] * cur;
            im += c[2 * k + 1] * cur;
            double next = Math.sqrt(2.0 / (k + 1)) * x * cur - Math.sqrt((double) k / (k + 1)) * prev;
            prev = cur;
            cur = next;
        }
        return new double[] {re, im};
    }

    @Test
    void badInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> wigner(basis(3, 0), new double[] {0}, new double[] {0}, -1));
        assertTrue(e.getMessage().contains("g = -1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> wigner(basis(3, 0), new double[0], new double[] {0}));
        assertTrue(e.getMessage().contains("0 and 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> wigner(spre(qeye(2)), new double[] {0}, new double[] {0}));
    }

    /**
     * Large N on a wide grid, where a recurrence across rows of w_mn loses every digit: a
     * coherent state of |α| = 6 in 100 levels is a displaced Gaussian,
     * W = e^{-(x - x0)² - (p - p0)²}/π with (x0, p0) = √2 (Re α, Im α).
     */
    @Test
    void coherentStateInHundredLevelsOnAWideGrid() {
        Complex alpha = Complex.polar(6, 0.7);
        double[] grid = Lindblad.linspace(-9, 9, 37);
        double[][] w = Wigner.wigner(States.coherent(100, alpha, "analytic"), grid, grid);
        double x0 = Math.sqrt(2) * alpha.re(), p0 = Math.sqrt(2) * alpha.im();
        for (int i = 0; i < grid.length; i++) {
            for (int j = 0; j < grid.length; j++) {
                double dx = grid[j] - x0, dp = grid[i] - p0;
                assertEquals(Math.exp(-dx * dx - dp * dp) / Math.PI, w[i][j], 1e-9, "x=" + grid[j] + " p=" + grid[i]);
            }
        }
    }
}
