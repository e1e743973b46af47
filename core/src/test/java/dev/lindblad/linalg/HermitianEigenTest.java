package dev.lindblad.linalg;

import static dev.lindblad.linalg.TestMatrices.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HermitianEigenTest {

    /** Asserts A V = V Λ and V^† V = I to {@code tol} relative to ||A||_F. */
    private static void assertDecomposition(int n, double[] a, HermitianEigen.Result r, double tol) {
        double[] v = r.eigenvectors();
        double[] lambda = r.eigenvalues();
        for (int k = 1; k < n; k++) {
            assertTrue(lambda[k - 1] <= lambda[k], "eigenvalues ascending at " + k);
        }
        double[] av = multiply(n, a, v);
        double[] vl = fromDiagonalRight(n, v, lambda);
        double scale = Math.max(frobenius(a), 1.0);
        assertTrue(distance(av, vl) <= tol * scale,
                "||AV - V Lambda|| = " + distance(av, vl) + " for n = " + n);
        double[] gram = multiply(n, dagger(n, n, v), v);
        assertTrue(distance(gram, identity(n)) <= tol * Math.sqrt(n),
                "||V^dag V - I|| = " + distance(gram, identity(n)) + " for n = " + n);
    }

    private static double[] fromDiagonalRight(int n, double[] v, double[] lambda) {
        double[] out = new double[v.length];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                set(out, n, i, j, re(v, n, i, j) * lambda[j], im(v, n, i, j) * lambda[j]);
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 16, 50, 200})
    void randomHermitianIsDiagonalised(int n) {
        Random random = new Random(1234 + n);
        double[] a = randomHermitian(n, random);
        double[] copy = a.clone();
        HermitianEigen.Result r = HermitianEigen.decompose(n, a, true);
        assertArrayEquals(copy, a, 0.0, "input must not be modified");
        assertDecomposition(n, a, r, 1e-13 * Math.max(1, Math.sqrt(n)));
        // Eigenvalues alone agree with the ones computed with vectors, and the trace is kept.
        double[] values = HermitianEigen.eigenvalues(n, a);
        double trace = 0;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            assertEquals(r.eigenvalues()[k], values[k], 1e-12 * Math.max(1, frobenius(a)));
            trace += re(a, n, k, k);
            sum += values[k];
        }
        assertEquals(trace, sum, 1e-11 * n);
    }

    @Test
    void pauliMatrices() {
        double[] sx = {0, 0, 1, 0, 1, 0, 0, 0};
        double[] sy = {0, 0, 0, 1, 0, -1, 0, 0};
        double[] sz = {1, 0, 0, 0, 0, 0, -1, 0};
        for (double[] s : new double[][] {sx, sy, sz}) {
            HermitianEigen.Result r = HermitianEigen.decompose(2, s, true);
            assertArrayEquals(new double[] {-1, 1}, r.eigenvalues(), 1e-15);
            assertDecomposition(2, s, r, 1e-15);
        }
        // sigma_y eigenvector for +1 is (1, i)/sqrt 2 up to a phase: |v_1|^2 = 1/2 and v_1/v_0 = i.
        double[] v = HermitianEigen.decompose(2, sy, true).eigenvector(1);
        double v0r = v[0];
        double v0i = v[1];
        double den = v0r * v0r + v0i * v0i;
        assertEquals(0.5, den, 1e-15);
        assertEquals(0.0, (v[2] * v0r + v[3] * v0i) / den, 1e-15);
        assertEquals(1.0, (v[3] * v0r - v[2] * v0i) / den, 1e-15);
    }

    @Test
    void diagonalMatrixGivesSortedDiagonal() {
        int n = 6;
        double[] diag = {3.5, -1, 0, 2, -7.25, 1e-3};
        double[] a = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            set(a, n, i, i, diag[i], 0);
        }
        HermitianEigen.Result r = HermitianEigen.decompose(n, a, true);
        double[] sorted = diag.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, r.eigenvalues(), 0.0);
        assertDecomposition(n, a, r, 1e-15);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 5, 33, 120})
    void tridiagonalToeplitzSpectrum(int n) {
        // Complex off-diagonal of modulus 1: a diagonal unitary maps it to the real Toeplitz
        // matrix with spectrum 2 cos(k pi / (n + 1)), k = 1..n.
        double[] a = new double[2 * n * n];
        for (int i = 0; i + 1 < n; i++) {
            double phase = 0.3 * i + 0.1;
            set(a, n, i + 1, i, Math.cos(phase), Math.sin(phase));
            set(a, n, i, i + 1, Math.cos(phase), -Math.sin(phase));
        }
        HermitianEigen.Result r = HermitianEigen.decompose(n, a, true);
        for (int k = 1; k <= n; k++) {
            double expected = 2 * Math.cos((n + 1 - k) * Math.PI / (n + 1));
            assertEquals(expected, r.eigenvalues()[k - 1], 1e-13, "eigenvalue " + k);
        }
        assertDecomposition(n, a, r, 1e-13);
    }

    @Test
    void identityIsFullyDegenerate() {
        int n = 40;
        double[] a = identity(n);
        for (int p = 0; p < a.length; p++) {
            a[p] *= 2.5;
        }
        HermitianEigen.Result r = HermitianEigen.decompose(n, a, true);
        for (double value : r.eigenvalues()) {
            assertEquals(2.5, value, 0.0);
        }
        assertDecomposition(n, a, r, 1e-14);
    }

    @Test
    void repeatedBlocksInRandomBasis() {
        // Spectrum {-1 (x5), 0 (x3), 2 (x7)} rotated by a random unitary.
        int n = 15;
        Random random = new Random(7);
        double[] u = randomUnitary(n, random);
        double[] spectrum = new double[n];
        for (int i = 0; i < n; i++) {
            spectrum[i] = i < 5 ? -1 : i < 8 ? 0 : 2;
        }
        double[] a = fromSpectrum(n, u, spectrum, new double[n]);
        HermitianEigen.Result r = HermitianEigen.decompose(n, a, true);
        assertArrayEquals(spectrum, r.eigenvalues(), 1e-13);
        assertDecomposition(n, a, r, 1e-13);
    }

    @Test
    void knownSpectrumLargeDynamicRange() {
        int n = 30;
        Random random = new Random(99);
        double[] u = randomUnitary(n, random);
        double[] spectrum = new double[n];
        for (int i = 0; i < n; i++) {
            spectrum[i] = Math.pow(10, -6 + 12.0 * i / (n - 1)) * (i % 2 == 0 ? 1 : -1);
        }
        double[] a = fromSpectrum(n, u, spectrum, new double[n]);
        double[] expected = spectrum.clone();
        Arrays.sort(expected);
        double[] values = HermitianEigen.eigenvalues(n, a);
        double norm = 1e6;
        for (int k = 0; k < n; k++) {
            assertEquals(expected[k], values[k], 1e-13 * norm, "eigenvalue " + k);
        }
    }

    @Test
    void zeroAndEmptyMatrices() {
        HermitianEigen.Result zero = HermitianEigen.decompose(4, new double[32], true);
        assertArrayEquals(new double[4], zero.eigenvalues(), 0.0);
        assertArrayEquals(identity(4), zero.eigenvectors(), 0.0);
        HermitianEigen.Result empty = HermitianEigen.decompose(0, new double[0], true);
        assertEquals(0, empty.dimension());
    }

    @Test
    void badInputIsRejectedWithItsValues() {
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> HermitianEigen.decompose(3, new double[17], true));
        assertTrue(length.getMessage().contains("18") && length.getMessage().contains("17"),
                length.getMessage());
        double[] a = identity(2);
        a[2 * (1 + 0 * 2) + 1] = Double.NaN;
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> HermitianEigen.decompose(2, a, false));
        assertTrue(nan.getMessage().contains("NaN") && nan.getMessage().contains("(1, 0)"),
                nan.getMessage());
        assertNull(HermitianEigen.decompose(2, identity(2), false).eigenvectors());
    }

    /**
     * The rank-1 Choi matrix {@code vec(U) vec(U)^T} of {@code U = X ⊗ 1_5} (issue #15): its
     * trailing Householder columns shrink like 1e-16, 1e-31, 1e-62, ... to subnormal numbers,
     * whose reflection took {@code 1/|alpha - beta|} of a subnormal and filled the tridiagonal
     * matrix with NaN (the QL/QR then reported non-convergence).
     */
    @Test
    void lowRankMatrixWithRoundingNoiseColumns() {
        for (int m = 2; m <= 8; m++) {
            int d = 2 * m, n = d * d;
            double[] u = new double[n];
            for (int i = 0; i < d; i++) {
                u[i + d * ((i + m) % d)] = 1;   // U[i][j] = 1 for j = i + m mod 2m: X ⊗ 1_m
            }
            double[] a = new double[2 * n * n];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    a[2 * (i + n * j)] = u[i] * u[j];
                }
            }
            HermitianEigen.Result r = HermitianEigen.decompose(n, a, true);
            assertDecomposition(n, a, r, 1e-13);
            assertEquals(d, r.eigenvalues()[n - 1], 1e-13);
            assertEquals(0, r.eigenvalues()[n - 2], 1e-13);
            double[] values = HermitianEigen.eigenvalues(n, a);
            assertEquals(d, values[n - 1], 1e-13);
        }
    }
}
