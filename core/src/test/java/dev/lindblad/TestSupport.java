package dev.lindblad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.data.DenseMatrix;
import java.util.Random;

/**
 * Plain dense reference arithmetic for the tests (interleaved column-major, written out with
 * loops, independent of the data layer) and random inputs.
 */
final class TestSupport {
    private TestSupport() {
    }

    /** C = A B for n×k times k×m, all interleaved column-major. */
    static double[] mul(double[] a, double[] b, int n, int k, int m) {
        double[] c = new double[2 * n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double sr = 0, si = 0;
                for (int l = 0; l < k; l++) {
                    double ar = a[2 * (i + l * n)], ai = a[2 * (i + l * n) + 1];
                    double br = b[2 * (l + j * k)], bi = b[2 * (l + j * k) + 1];
                    sr += ar * br - ai * bi;
                    si += ar * bi + ai * br;
                }
                c[2 * (i + j * n)] = sr;
                c[2 * (i + j * n) + 1] = si;
            }
        }
        return c;
    }

    /** Square matrix product. */
    static double[] mul(double[] a, double[] b, int n) {
        return mul(a, b, n, n, n);
    }

    /** Conjugate transpose of an n×m matrix. */
    static double[] dag(double[] a, int n, int m) {
        double[] c = new double[a.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                c[2 * (j + i * m)] = a[2 * (i + j * n)];
                c[2 * (j + i * m) + 1] = -a[2 * (i + j * n) + 1];
            }
        }
        return c;
    }

    /** x a + y b. */
    static double[] lin(double x, double[] a, double y, double[] b) {
        double[] c = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            c[k] = x * a[k] + y * b[k];
        }
        return c;
    }

    /** (zr + i zi) a. */
    static double[] scale(double zr, double zi, double[] a) {
        double[] c = new double[a.length];
        for (int k = 0; k < a.length; k += 2) {
            c[k] = zr * a[k] - zi * a[k + 1];
            c[k + 1] = zr * a[k + 1] + zi * a[k];
        }
        return c;
    }

    static double maxDiff(double[] a, double[] b) {
        assertEquals(a.length, b.length, "array lengths");
        double m = 0;
        for (int k = 0; k < a.length; k++) {
            m = Math.max(m, Math.abs(a[k] - b[k]));
        }
        return m;
    }

    static void assertArrayClose(double[] expected, double[] actual, double tol, String what) {
        double d = maxDiff(expected, actual);
        assertTrue(d <= tol, what + ": max |difference| = " + d + " > " + tol);
    }

    static void assertQobjClose(Qobj expected, Qobj actual, double tol) {
        assertEquals(expected.dims(), actual.dims(), "dims");
        assertArrayClose(expected.toArray(), actual.toArray(), tol, "entries");
    }

    static Qobj dense(int rows, int cols, double[] data) {
        return Qobj.of(DenseMatrix.of(rows, cols, data));
    }

    static double[] randomComplex(int len, Random r) {
        double[] a = new double[2 * len];
        for (int k = 0; k < a.length; k++) {
            a[k] = r.nextGaussian();
        }
        return a;
    }

    /** A random full-rank density matrix G G^† / tr. */
    static Qobj randomDm(int n, long seed) {
        double[] g = randomComplex(n * n, new Random(seed));
        double[] rho = mul(g, dag(g, n, n), n);
        double t = 0;
        for (int k = 0; k < n; k++) {
            t += rho[2 * (k + k * n)];
        }
        return Qobj.of(DenseMatrix.of(n, n, lin(1 / t, rho, 0, rho)), Dims.oper(n));
    }

    /** A random normalised ket. */
    static Qobj randomKet(int n, long seed) {
        double[] v = randomComplex(n, new Random(seed));
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Qobj.of(DenseMatrix.of(n, 1, lin(1 / Math.sqrt(s), v, 0, v)), Dims.ket(n));
    }

    /** A random complex n×n operator. */
    static Qobj randomOper(int n, long seed) {
        return Qobj.of(DenseMatrix.of(n, n, randomComplex(n * n, new Random(seed))), Dims.oper(n));
    }
}
