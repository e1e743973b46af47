package dev.lindblad.linalg;

import static dev.lindblad.linalg.TestMatrices.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpmTest {

    /** exp(-i H) from the eigen-decomposition H = V Λ V^†: V diag(e^{-i λ}) V^†. */
    static double[] unitaryFromEigen(int n, double[] h, double time) {
        HermitianEigen.Result r = HermitianEigen.decompose(n, h, true);
        double[] cos = new double[n];
        double[] sin = new double[n];
        for (int k = 0; k < n; k++) {
            cos[k] = Math.cos(time * r.eigenvalues()[k]);
            sin[k] = -Math.sin(time * r.eigenvalues()[k]);
        }
        return fromSpectrum(n, r.eigenvectors(), cos, sin);
    }

    @Test
    void padeCoefficientsMatchHigham2005() {
        assertArrayEquals(new double[] {120, 60, 12, 1}, Expm.padeCoefficients(3), 0.0);
        double[] b13 = {64764752532480000.0, 32382376266240000.0, 7771770303897600.0,
            1187353796428800.0, 129060195264000.0, 10559470521600.0, 670442572800.0,
            33522128640.0, 1323241920.0, 40840800.0, 960960.0, 16380.0, 182.0, 1.0};
        double[] computed = Expm.padeCoefficients(13);
        for (int j = 0; j <= 13; j++) {
            assertEquals(b13[j], computed[j], 1e-15 * b13[j], "b_" + j);
        }
    }

    @Test
    void diagonalMatrix() {
        int n = 5;
        double[][] z = {{0, 0}, {1, 0}, {-3, 2}, {0.5, -7}, {12, 1}};
        double[] a = new double[2 * n * n];
        for (int k = 0; k < n; k++) {
            set(a, n, k, k, z[k][0], z[k][1]);
        }
        double[] e = Expm.expm(n, a);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double er = i == j ? Math.exp(z[i][0]) * Math.cos(z[i][1]) : 0;
                double ei = i == j ? Math.exp(z[i][0]) * Math.sin(z[i][1]) : 0;
                double scale = Math.max(1, Math.hypot(er, ei));
                assertEquals(er, re(e, n, i, j), 1e-13 * scale, "re (" + i + "," + j + ")");
                assertEquals(ei, im(e, n, i, j), 1e-13 * scale, "im (" + i + "," + j + ")");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 1.0, 30.0})
    void nilpotentMatrixGivesFiniteSeries(double size) {
        int n = 5;
        Random random = new Random(3);
        double[] nil = new double[2 * n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < j; i++) {
                set(nil, n, i, j, size * random.nextGaussian(), size * random.nextGaussian());
            }
        }
        // exp(N) = I + N + N^2/2 + N^3/6 + N^4/24 since N^5 = 0.
        double[] expected = identity(n);
        double[] term = identity(n);
        for (int k = 1; k < n; k++) {
            term = scale(multiply(n, term, nil), 1.0 / k, 0);
            expected = add(expected, term);
        }
        double[] e = Expm.expm(n, nil);
        assertTrue(distance(expected, e) <= 1e-13 * frobenius(expected),
                "error " + distance(expected, e) + " of " + frobenius(expected));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-3, 0.1, 0.4, 1.5, 2.5, 40.0, -123.4})
    void pauliRotation(double theta) {
        // exp(-i theta sigma_x) = cos(theta) I - i sin(theta) sigma_x.
        double[] a = {0, 0, 0, -theta, 0, -theta, 0, 0};
        double[] e = Expm.expm(2, a);
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        double tol = 1e-15 * Math.max(1, Math.abs(theta));
        assertArrayEquals(new double[] {c, 0, 0, -s, 0, -s, c, 0}, e, tol);
    }

    @Test
    void upperTriangularTwoByTwo() {
        // exp([[x, y], [0, z]]) = [[e^x, y (e^x - e^z)/(x - z)], [0, e^z]] for real x != z.
        double x = 1.3;
        double y = 4.0;
        double z = -0.7;
        double[] e = Expm.expm(2, new double[] {x, 0, 0, 0, y, 0, z, 0});
        assertEquals(Math.exp(x), e[0], 1e-14 * Math.exp(x));
        assertEquals(0, e[2], 0);
        assertEquals(y * (Math.exp(x) - Math.exp(z)) / (x - z), e[4], 1e-14 * 10);
        assertEquals(Math.exp(z), e[6], 1e-15);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.005, 0.2, 0.8, 1.8, 4.0, 100.0})
    void hermitianMatchesEigenDecompositionForEveryPadeDegree(double norm1) {
        // Norms chosen to land in each θ_m bracket (3, 5, 7, 9, 13) and well beyond (s > 0).
        int n = 12;
        double[] h = randomHermitian(n, new Random(17));
        h = scale(h, norm1 / Kernels.norm1(n, h), 0);
        double[] minusIH = scale(h, 0, -1);
        double[] e = Expm.expm(n, minusIH);
        double[] reference = unitaryFromEigen(n, h, 1.0);
        assertTrue(distance(e, reference) <= 1e-13 * Math.max(1, norm1),
                "||expm - eigen|| = " + distance(e, reference) + " at norm " + norm1);
    }

    @Test
    void largeNormRandomHermitian() {
        int n = 60;
        double[] h = randomHermitian(n, new Random(23));
        h = scale(h, 100.0 / Kernels.norm1(n, h), 0);
        double[] e = Expm.pade(n, scale(h, 0, -1));   // n = 60 would take the spectral road
        double[] reference = unitaryFromEigen(n, h, 1.0);
        assertTrue(distance(e, reference) <= 1e-11, "error " + distance(e, reference));
    }

    /** Which road a matrix takes: only exact (skew-)Hermitian symmetry counts. */
    @Test
    void symmetryIsExactToTheBit() {
        int n = 33;
        double[] h = randomHermitian(n, new Random(41));
        assertEquals(1, Expm.symmetry(n, h));
        assertEquals(-1, Expm.symmetry(n, scale(h, 0, -1)));
        assertEquals(0, Expm.symmetry(n, randomComplex(n, n, new Random(43))));
        double[] almost = h.clone();
        almost[2 * (3 + 5 * n)] = Math.nextUp(almost[2 * (3 + 5 * n)]);   // one entry one ulp off
        assertEquals(0, Expm.symmetry(n, almost));
        double[] complexDiagonal = h.clone();
        complexDiagonal[2 * (4 + 4 * n) + 1] = 0.25;   // a Hermitian matrix has a real diagonal
        assertEquals(0, Expm.symmetry(n, complexDiagonal));
    }

    /**
     * The spectral road (exp(-iHt) from H's eigen-decomposition, and exp(H) of a Hermitian H)
     * against the Padé road on the same matrices, at norms where scaling and squaring needs
     * many squarings.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.3, 8.0, 250.0})
    void spectralRoadAgreesWithPade(double norm1) {
        int n = Expm.SPECTRAL_MIN_DIMENSION + 7;
        double[] h = randomHermitian(n, new Random(47));
        h = scale(h, norm1 / Kernels.norm1(n, h), 0);
        double[] minusIH = scale(h, 0, -1);
        double[] spectral = Expm.expm(n, minusIH);
        double[] pade = Expm.pade(n, minusIH);
        assertTrue(distance(spectral, pade) <= 2e-13 * Math.max(1, norm1),
                "||spectral - pade|| = " + distance(spectral, pade) + " at norm " + norm1);
        assertTrue(distance(multiply(n, dagger(n, n, spectral), spectral), identity(n)) <= 1e-12,
                "exp(-iH) is unitary");
        // A Hermitian exponent: exp(H) is positive definite with eigenvalues up to e^norm.
        double bounded = Math.min(norm1, 20.0);
        double[] hh = scale(h, bounded / norm1, 0);
        double[] expH = Expm.expm(n, hh);
        double[] padeH = Expm.pade(n, hh);
        assertTrue(distance(expH, padeH) <= 1e-12 * frobenius(padeH),
                "||exp(H) spectral - pade|| = " + distance(expH, padeH) + " of " + frobenius(padeH));
        assertEquals(1, Expm.symmetry(n, expH), "exp of a Hermitian matrix is Hermitian to the bit");
    }

    /** Below the dimension, and for a general matrix, nothing changes: the Padé road, bit for bit. */
    @Test
    void smallAndGeneralMatricesKeepThePadeRoad() {
        int small = Expm.SPECTRAL_MIN_DIMENSION - 1;
        double[] h = scale(randomHermitian(small, new Random(53)), 0, -1);
        assertArrayEquals(Expm.pade(small, h), Expm.expm(small, h), 0.0);
        int n = Expm.SPECTRAL_MIN_DIMENSION + 3;
        double[] g = scale(randomComplex(n, n, new Random(59)), 0.2, 0);
        assertArrayEquals(Expm.pade(n, g), Expm.expm(n, g), 0.0);
    }

    @Test
    void antiHermitianGivesUnitary() {
        int n = 40;
        double[] h = randomHermitian(n, new Random(29));
        double[] u = Expm.expm(n, scale(h, 0, 1));
        assertTrue(distance(multiply(n, dagger(n, n, u), u), identity(n)) <= 1e-12);
    }

    @Test
    void inverseIsExponentialOfMinusA() {
        int n = 20;
        double[] a = scale(randomComplex(n, n, new Random(37)), 0.5, 0);
        double[] plus = Expm.expm(n, a);
        double[] minus = Expm.expm(n, scale(a, -1, 0));
        double[] product = multiply(n, plus, minus);
        double cond = frobenius(plus) * frobenius(minus);
        assertTrue(distance(product, identity(n)) <= 1e-14 * cond,
                "||e^A e^-A - I|| = " + distance(product, identity(n)) + ", cond " + cond);
    }

    @Test
    void nonFiniteInputIsRejected() {
        double[] a = new double[8];
        a[6] = Double.POSITIVE_INFINITY;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Expm.expm(2, a));
        assertTrue(e.getMessage().contains("Infinity") && e.getMessage().contains("(1, 1)"),
                e.getMessage());
    }
}
