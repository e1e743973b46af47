package dev.lindblad.linalg;

import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Complex;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * General matrix functions: the principal square root and logarithm from the Schur form, and
 * Hermitian functions from the eigen-decomposition, checked by their defining identities
 * ({@code S S = A}, {@code e^{log A} = A}), by the principal branch (eigenvalues of the result),
 * and on non-diagonalisable input.
 */
class MatrixFunctionsTest {

    private static double[] random(int n, Random r) {
        double[] a = new double[2 * n * n];
        for (int p = 0; p < a.length; p++) {
            a[p] = r.nextGaussian();
        }
        return a;
    }

    private static double[] multiply(int n, double[] a, double[] b) {
        double[] c = new double[2 * n * n];
        Kernels.multiply(n, a, b, c);
        return c;
    }

    private static double maxDiff(double[] a, double[] b) {
        double d = 0;
        for (int p = 0; p < a.length; p += 2) {
            d = Math.max(d, Math.hypot(a[p] - b[p], a[p + 1] - b[p + 1]));
        }
        return d;
    }

    @Test
    void schurFormReproducesTheMatrix() {
        Random r = new Random(1);
        for (int n : new int[] {1, 2, 5, 12}) {
            double[] a = random(n, r);
            GeneralEigen.Schur s = GeneralEigen.schur(n, a);
            double[] t = s.t(), q = s.q();
            for (int j = 0; j < n; j++) {
                for (int i = j + 1; i < n; i++) {
                    assertEquals(0, t[2 * (i + j * n)], 0);
                    assertEquals(0, t[2 * (i + j * n) + 1], 0);
                }
            }
            double[] qh = new double[q.length];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    qh[2 * (i + j * n)] = q[2 * (j + i * n)];
                    qh[2 * (i + j * n) + 1] = -q[2 * (j + i * n) + 1];
                }
            }
            assertTrue(maxDiff(a, multiply(n, multiply(n, q, t), qh)) < 1e-12 * n, "Q T Q^† = A, n = " + n);
            assertTrue(maxDiff(Kernels.identity(n), multiply(n, qh, q)) < 1e-13 * n, "Q unitary, n = " + n);
        }
    }

    @Test
    void principalSquareRootAndLogarithmOfRandomMatrices() {
        Random r = new Random(2);
        for (int n : new int[] {1, 3, 8, 20}) {
            for (int rep = 0; rep < 3; rep++) {
                double[] a = random(n, r);
                double[] s = MatrixFunctions.sqrtm(n, a);
                assertTrue(maxDiff(a, multiply(n, s, s)) < 1e-11 * n, "S S = A, n = " + n);
                double[] roots = GeneralEigen.eigenvalues(n, s);
                for (int k = 0; k < n; k++) {
                    assertTrue(roots[2 * k] > 0, "principal root: eigenvalues in the right half plane, n = " + n);
                }
                double[] l = MatrixFunctions.logm(n, a);
                assertTrue(maxDiff(a, Expm.expm(n, l)) < 1e-10 * n, "e^{log A} = A, n = " + n);
                double[] ev = GeneralEigen.eigenvalues(n, l);
                for (int k = 0; k < n; k++) {
                    assertTrue(Math.abs(ev[2 * k + 1]) <= Math.PI + 1e-9, "principal log: |Im| <= pi, n = " + n);
                }
            }
        }
    }

    @Test
    void triangularAndDefectiveInput() {
        // upper triangular with distinct eigenvalues 1, 4, 9: sqrt has 1, 2, 3 on its diagonal
        int n = 3;
        double[] a = new double[2 * n * n];
        double[][] re = {{1, 2, 3}, {0, 4, 5}, {0, 0, 9}};
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[2 * (i + j * n)] = re[i][j];
            }
        }
        double[] s = MatrixFunctions.sqrtm(n, a);
        assertTrue(maxDiff(a, multiply(n, s, s)) < 1e-13);
        // Jordan block J = λ1 + N (N^2 = 0): log J = log λ 1 + N / λ, exactly
        double[] j = {3, 0, 0, 0, 1, 0, 3, 0};
        double[] l = MatrixFunctions.logm(2, j);
        assertArrayEquals(new double[] {Math.log(3), 0, 0, 0, 1.0 / 3, 0, Math.log(3), 0}, l, 1e-14);
        // a 3x3 Jordan block with eigenvalue -1 (on the branch cut): log = iπ 1 - N - N²/2
        double[] m = new double[18];
        for (int k = 0; k < 3; k++) {
            m[2 * (k + k * 3)] = -1;
        }
        m[2 * (0 + 1 * 3)] = 1;
        m[2 * (1 + 2 * 3)] = 1;
        double[] lm = MatrixFunctions.logm(3, m);
        assertTrue(maxDiff(m, Expm.expm(3, lm)) < 1e-13);
        assertEquals(Math.PI, lm[1], 1e-14);
        // singular: no logarithm; defective zero eigenvalue: no square root
        assertThrows(ArithmeticException.class, () -> MatrixFunctions.logm(2, new double[] {1, 0, 1, 0, 1, 0, 1, 0}));
        assertThrows(ArithmeticException.class, () -> MatrixFunctions.sqrtm(2, new double[] {0, 0, 0, 0, 1, 0, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> MatrixFunctions.sqrtm(2, new double[] {1, 0, Double.NaN, 0, 0, 0,
            1, 0}));
        assertThrows(IllegalArgumentException.class, () -> MatrixFunctions.logm(2, new double[6]));
    }

    @Test
    void hermitianFunctions() {
        Random r = new Random(3);
        int n = 6;
        double[] g = random(n, r);
        double[] h = new double[g.length];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                h[2 * (i + j * n)] = 0.5 * (g[2 * (i + j * n)] + g[2 * (j + i * n)]);
                h[2 * (i + j * n) + 1] = 0.5 * (g[2 * (i + j * n) + 1] - g[2 * (j + i * n) + 1]);
            }
        }
        double[] s = MatrixFunctions.hermitian(n, h, x -> x >= 0 ? Complex.of(Math.sqrt(x)) : Complex.of(0, Math.sqrt(-x)));
        assertTrue(maxDiff(h, multiply(n, s, s)) < 1e-12);
        double[] e = MatrixFunctions.hermitian(n, h, x -> Complex.of(Math.cos(x), Math.sin(x)));
        double[] ih = new double[h.length];
        for (int p = 0; p < h.length; p += 2) {
            ih[p] = -h[p + 1];
            ih[p + 1] = h[p];
        }
        assertTrue(maxDiff(Expm.expm(n, ih), e) < 1e-12, "e^{iH}");
    }
}
