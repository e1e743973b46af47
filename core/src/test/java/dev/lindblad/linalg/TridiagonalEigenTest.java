package dev.lindblad.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The two real symmetric tridiagonal solvers, implicit QL/QR ({@link SymmetricTridiagonal})
 * and divide and conquer ({@link TridiagonalDivideConquer}), on the classic hard tridiagonal
 * matrices, up to n = 2000 (where a tridiagonal problem is cheap to set up and check):
 * {@code ||T Q - Q Λ||_F <= C n ε ||T||_F} (exact: T Q costs O(n^2)),
 * {@code ||Q^T Q - I||_F <= C n ε} (exactly up to n = 500, by random probes above), eigenvalues
 * ascending and equal to the closed form where there is one.
 */
class TridiagonalEigenTest {

    private static final double EPS = Math.ulp(1.0);

    private static final double C = 8.0;

    enum Solver {
        QL, DIVIDE_AND_CONQUER;

        /** @return eigenvalues (into a copy of d) and eigenvectors, n×n column-major */
        double[][] solve(double[] d, double[] e) {
            int n = d.length;
            double[] values = d.clone();
            double[] off = Arrays.copyOf(e, Math.max(n, 1));
            double[] q = new double[n * n];
            if (this == QL) {
                for (int i = 0; i < n; i++) {
                    q[i + i * n] = 1.0;
                }
                SymmetricTridiagonal.diagonalize(n, values, off, q, n);
            } else {
                TridiagonalDivideConquer.solve(n, values, off, q);
            }
            return new double[][] {values, q};
        }
    }

    /** {@code T = tridiag(-1, 2, -1)}: eigenvalues {@code 2 - 2 cos(k π / (n + 1))}, k = 1..n. */
    @ParameterizedTest
    @EnumSource(Solver.class)
    void secondDifferenceMatrixHasItsClosedFormSpectrum(Solver solver) {
        for (int n : new int[] {1, 2, 3, 10, 100, 500}) {
            double[] d = new double[n];
            double[] e = new double[Math.max(n - 1, 0)];
            Arrays.fill(d, 2.0);
            Arrays.fill(e, -1.0);
            double[] exact = new double[n];
            for (int k = 1; k <= n; k++) {
                exact[k - 1] = 2 - 2 * Math.cos(k * Math.PI / (n + 1));
            }
            double[][] r = check(solver, d, e, "n = " + n);
            assertArrayEquals(exact, r[0], C * n * EPS * 4, "n = " + n);
            // Scaled to the ends of the double range: the same spectrum, scaled, and vectors.
            for (double factor : new double[] {0x1p1000, 0x1p-1000}) {
                double[] ds = d.clone();
                double[] es = e.clone();
                for (int i = 0; i < n; i++) {
                    ds[i] *= factor;
                }
                for (int i = 0; i < n - 1; i++) {
                    es[i] *= factor;
                }
                double[][] rs = solver.solve(ds, es);
                for (int k = 0; k < n; k++) {
                    assertEquals(exact[k], rs[0][k] / factor, C * n * EPS * 4, "scaled by " + factor);
                }
                assertArrayEquals(r[1], rs[1], 0.0, "scaling by a power of two changes nothing");
            }
        }
    }

    /**
     * Wilkinson's {@code W+}: {@code d_i = |i - m|}, {@code e_i = 1}, whose largest eigenvalues
     * come in pairs that agree to many digits; and twenty copies of {@code W+_21} glued by
     * {@code 1e-10}, whose eigenvalues form twenty-fold clusters, the hard case for
     * orthogonality.
     */
    @ParameterizedTest
    @EnumSource(Solver.class)
    void wilkinsonAndGluedWilkinsonMatrices(Solver solver) {
        for (int n : new int[] {21, 201}) {
            double[] d = new double[n];
            double[] e = new double[n - 1];
            for (int i = 0; i < n; i++) {
                d[i] = Math.abs(i - (n - 1) / 2);
            }
            Arrays.fill(e, 1.0);
            check(solver, d, e, "W+ " + n);
        }
        int copies = 20;
        int m = 21;
        double[] d = new double[copies * m];
        double[] e = new double[copies * m - 1];
        for (int c = 0; c < copies; c++) {
            for (int i = 0; i < m; i++) {
                d[c * m + i] = Math.abs(i - 10);
                if (i < m - 1) {
                    e[c * m + i] = 1.0;
                }
            }
            if (c < copies - 1) {
                e[c * m + m - 1] = 1e-10;
            }
        }
        check(solver, d, e, "glued W+");
    }

    /**
     * What the Householder reduction makes of a low-rank matrix: a few entries of order one and
     * a long tail of rounding noise; and a strongly graded matrix.
     */
    @ParameterizedTest
    @EnumSource(Solver.class)
    void noiseTailsAndGradedMatrices(Solver solver) {
        for (int seed = 0; seed < 10; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            int n = 100;
            double[] d = new double[n];
            double[] e = new double[n - 1];
            for (int i = 0; i < n; i++) {
                d[i] = 1e-17 * r.nextGaussian();
                if (i < n - 1) {
                    e[i] = 1.5e-17 * r.nextGaussian();
                }
            }
            d[0] = r.nextDouble(-0.1, 0.1);
            d[1] = r.nextDouble(0.5, 1);
            d[2] = -r.nextDouble(0.5, 1);
            e[0] = r.nextDouble(-0.3, 0.3);
            e[1] = r.nextDouble(0.1, 0.5);
            e[2] = 1e-15 * r.nextGaussian();
            check(solver, d, e, "noise tail, seed " + seed);
            double[] dg = new double[n];
            double[] eg = new double[n - 1];
            for (int i = 0; i < n; i++) {
                dg[i] = Math.pow(10, -0.3 * i) * r.nextDouble(0.5, 1);
                if (i < n - 1) {
                    eg[i] = Math.pow(10, -0.3 * i - 0.15) * r.nextDouble(-1, 1);
                }
            }
            check(solver, dg, eg, "graded, seed " + seed);
            // the same, graded the other way
            reverse(dg);
            reverse(eg);
            check(solver, dg, eg, "graded upwards, seed " + seed);
        }
    }

    @ParameterizedTest
    @EnumSource(Solver.class)
    void zeroIdentityAndSplitMatrices(Solver solver) {
        for (int n : new int[] {1, 2, 3, 40, 100}) {
            double[][] zero = check(solver, new double[n], new double[Math.max(n - 1, 0)], "zero " + n);
            assertArrayEquals(new double[n], zero[0], 0.0);
            double[] ones = new double[n];
            Arrays.fill(ones, 1.0);
            double[][] id = check(solver, ones, new double[Math.max(n - 1, 0)], "identity " + n);
            assertArrayEquals(ones, id[0], 0.0);
        }
        // Two blocks with the same spectrum, split by an exact zero: doubly degenerate.
        double[] d = new double[80];
        double[] e = new double[79];
        for (int i = 0; i < 40; i++) {
            d[i] = d[i + 40] = Math.cos(i);
            if (i < 39) {
                e[i] = e[i + 40] = 0.5;
            }
        }
        double[][] r = check(solver, d, e, "two equal blocks");
        for (int k = 0; k < 80; k += 2) {
            assertEquals(r[0][k], r[0][k + 1], C * 80 * EPS * 2, "pair " + k);
        }
    }

    /**
     * The largest case, n = 2000: divide and conquer on a random tridiagonal matrix, QL's
     * eigenvalues (O(n^2) without vectors) against it and against the closed form of the
     * second-difference matrix.
     */
    @Test
    void twoThousand() {
        int n = 2000;
        SplittableRandom r = new SplittableRandom(2000);
        double[] d = new double[n];
        double[] e = new double[n - 1];
        for (int i = 0; i < n; i++) {
            d[i] = r.nextGaussian();
            if (i < n - 1) {
                e[i] = r.nextGaussian();
            }
        }
        double[][] dc = check(Solver.DIVIDE_AND_CONQUER, d, e, "random, n = 2000");
        double[] values = d.clone();
        SymmetricTridiagonal.diagonalize(n, values, Arrays.copyOf(e, n), null, n);
        double norm = Math.max(Math.abs(dc[0][0]), Math.abs(dc[0][n - 1]));
        assertArrayEquals(dc[0], values, C * n * EPS * norm);
        double[] two = new double[n];
        double[] minusOne = new double[n];
        Arrays.fill(two, 2.0);
        Arrays.fill(minusOne, -1.0);
        SymmetricTridiagonal.diagonalize(n, two, minusOne, null, n);
        for (int k = 1; k <= n; k++) {
            assertEquals(2 - 2 * Math.cos(k * Math.PI / (n + 1)), two[k - 1], C * n * EPS * 4, "eigenvalue " + k);
        }
    }

    @ParameterizedTest
    @EnumSource(Solver.class)
    void emptyMatrixIsFine(Solver solver) {
        double[][] r = solver.solve(new double[0], new double[0]);
        assertEquals(0, r[0].length);
    }

    // ------------------------------------------------------------------ checks

    private static double[][] check(Solver solver, double[] d, double[] e, String what) {
        int n = d.length;
        double[][] r = solver.solve(d, e);
        double[] lambda = r[0];
        double[] q = r[1];
        for (int k = 1; k < n; k++) {
            assertTrue(lambda[k - 1] <= lambda[k], what + ": not ascending at " + k);
        }
        double normT = 0;
        for (int i = 0; i < n; i++) {
            normT += d[i] * d[i] + (i < n - 1 ? 2 * e[i] * e[i] : 0);
        }
        normT = Math.sqrt(normT);
        double residual = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double tq = d[i] * q[i + j * n];
                if (i > 0) {
                    tq += e[i - 1] * q[i - 1 + j * n];
                }
                if (i < n - 1) {
                    tq += e[i] * q[i + 1 + j * n];
                }
                double diff = tq - lambda[j] * q[i + j * n];
                residual += diff * diff;
            }
        }
        residual = Math.sqrt(residual);
        assertTrue(residual <= C * Math.max(n, 1) * EPS * normT,
                what + " (" + solver + "): ||TQ - Q Lambda|| = " + residual + " > " + C * n * EPS * normT);
        double orthogonality = 0;
        if (n <= 500) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k <= j; k++) {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += q[i + j * n] * q[i + k * n];
                    }
                    if (j == k) {
                        s -= 1;
                    }
                    orthogonality += (j == k ? 1 : 2) * s * s;
                }
            }
            orthogonality = Math.sqrt(orthogonality);
        } else {
            SplittableRandom probe = new SplittableRandom(n);
            for (int t = 0; t < 3; t++) {
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = probe.nextGaussian();
                }
                double[] qx = new double[n];
                for (int j = 0; j < n; j++) {
                    for (int i = 0; i < n; i++) {
                        qx[i] += q[i + j * n] * x[j];
                    }
                }
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += q[i + j * n] * qx[i];
                    }
                    sum += (s - x[j]) * (s - x[j]);
                }
                orthogonality = Math.max(orthogonality, Math.sqrt(sum / 3));
            }
        }
        assertTrue(orthogonality <= C * Math.max(n, 1) * EPS,
                what + " (" + solver + "): ||Q^T Q - I|| = " + orthogonality);
        return r;
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
