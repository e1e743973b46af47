package dev.lindblad.linalg;

import static dev.lindblad.linalg.TestMatrices.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Complex;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeneralEigenTest {

    /** max_k ||A v_k - λ_k v_k|| / ||A||_F, each v_k checked to have unit 2-norm. */
    private static double relativeResidual(int n, double[] a, GeneralEigen.Result r) {
        double[] values = r.eigenvalues();
        double[] av = multiply(n, a, r.eigenvectors());
        double worst = 0;
        for (int k = 0; k < n; k++) {
            double[] v = r.eigenvector(k);
            assertEquals(1.0, frobenius(v), 1e-14, "||v_" + k + "||");
            double lr = values[2 * k];
            double li = values[2 * k + 1];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                double dr = av[2 * (i + k * n)] - (lr * v[2 * i] - li * v[2 * i + 1]);
                double di = av[2 * (i + k * n) + 1] - (lr * v[2 * i + 1] + li * v[2 * i]);
                sum += dr * dr + di * di;
            }
            worst = Math.max(worst, Math.sqrt(sum));
        }
        return worst / Math.max(frobenius(a), Double.MIN_NORMAL);
    }

    /**
     * Asserts the computed eigenvalues equal the expected multiset within {@code tol}: each
     * expected value is matched to the nearest computed one not yet used.
     */
    private static void assertSpectrum(double[] expected, double[] actual, double tol) {
        assertEquals(expected.length, actual.length);
        int n = expected.length / 2;
        boolean[] used = new boolean[n];
        for (int e = 0; e < n; e++) {
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                double d = Math.hypot(expected[2 * e] - actual[2 * k], expected[2 * e + 1] - actual[2 * k + 1]);
                if (!used[k] && d < bestDistance) {
                    bestDistance = d;
                    best = k;
                }
            }
            used[best] = true;
            assertTrue(bestDistance <= tol, "eigenvalue " + expected[2 * e] + " + " + expected[2 * e + 1]
                    + "i missed by " + bestDistance + "; computed " + Arrays.toString(actual));
        }
    }

    private static Complex trace(int n, double[] a) {
        double tr = 0;
        double ti = 0;
        for (int k = 0; k < n; k++) {
            tr += re(a, n, k, k);
            ti += im(a, n, k, k);
        }
        return new Complex(tr, ti);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 10, 40, 120})
    void randomMatricesHaveSmallResiduals(int n) {
        Random random = new Random(2024 + n);
        double[] a = randomComplex(n, n, random);
        double[] copy = a.clone();
        GeneralEigen.Result r = GeneralEigen.decompose(n, a, true);
        assertArrayEquals(copy, a, 0.0, "input must not be modified");
        assertEquals(n, r.dimension());
        double residual = relativeResidual(n, a, r);
        assertTrue(residual <= 1e-11, "relative residual " + residual + " for n = " + n);

        // Sum of eigenvalues = trace; eigenvalues alone agree with those computed with vectors.
        double[] values = r.eigenvalues();
        Complex sum = Complex.ZERO;
        for (int k = 0; k < n; k++) {
            sum = sum.plus(r.eigenvalue(k));
        }
        Complex trace = trace(n, a);
        assertTrue(sum.isClose(trace, 1e-12 * n * Math.max(1, frobenius(a))), sum + " vs trace " + trace);
        assertSpectrum(values, GeneralEigen.eigenvalues(n, a), 1e-12 * frobenius(a));

        // V V^{-1} = I and V Λ V^{-1} = A (random matrices are diagonalisable, well conditioned).
        double[] inverse = r.inverseEigenvectors();
        double[] v = r.eigenvectors();
        assertTrue(distance(multiply(n, v, inverse), identity(n)) <= 1e-10 * n);
        double[] reconstructed = multiply(n, scaleColumns(n, v, values), inverse);
        assertTrue(distance(reconstructed, a) <= 1e-10 * frobenius(a),
                "||V Λ V^-1 - A|| = " + distance(reconstructed, a));

        if (n <= 10) {
            Complex product = Complex.ONE;
            for (int k = 0; k < n; k++) {
                product = product.times(r.eigenvalue(k));
            }
            Complex det = LuDecomposition.factor(n, a).determinant();
            assertTrue(product.isClose(det, 1e-11 * det.abs()), product + " vs det " + det);
        }
    }

    /** V diag(λ): column k scaled by the complex λ_k. */
    private static double[] scaleColumns(int n, double[] v, double[] lambda) {
        double[] out = new double[v.length];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double vr = re(v, n, i, j);
                double vi = im(v, n, i, j);
                set(out, n, i, j, vr * lambda[2 * j] - vi * lambda[2 * j + 1],
                        vr * lambda[2 * j + 1] + vi * lambda[2 * j]);
            }
        }
        return out;
    }

    @Test
    void emptyMatrix() {
        GeneralEigen.Result r = GeneralEigen.decompose(0, new double[0], true);
        assertEquals(0, r.eigenvalues().length);
        assertEquals(0, r.eigenvectors().length);
        assertEquals(0, r.inverseEigenvectors().length);
    }

    @Test
    void triangularMatricesHaveTheirDiagonalAsSpectrum() {
        int n = 8;
        Random random = new Random(7);
        double[] upper = new double[2 * n * n];
        double[] diagonal = new double[2 * n];
        for (int j = 0; j < n; j++) {
            diagonal[2 * j] = j - 3.5;
            diagonal[2 * j + 1] = 0.25 * j * (j % 2 == 0 ? 1 : -1);
            for (int i = 0; i < j; i++) {
                set(upper, n, i, j, random.nextGaussian(), random.nextGaussian());
            }
            set(upper, n, j, j, diagonal[2 * j], diagonal[2 * j + 1]);
        }
        double[] lower = dagger(n, n, upper);
        double[] lowerDiagonal = diagonal.clone();
        for (int k = 0; k < n; k++) {
            lowerDiagonal[2 * k + 1] = -diagonal[2 * k + 1];
        }
        GeneralEigen.Result ru = GeneralEigen.decompose(n, upper, true);
        // An upper triangular matrix is its own Schur form: the eigenvalues come out exactly.
        assertArrayEquals(diagonal, ru.eigenvalues(), 0.0);
        assertTrue(relativeResidual(n, upper, ru) <= 1e-14);
        GeneralEigen.Result rl = GeneralEigen.decompose(n, lower, true);
        assertSpectrum(lowerDiagonal, rl.eigenvalues(), 1e-12);
        assertTrue(relativeResidual(n, lower, rl) <= 1e-14);
    }

    @Test
    void rotationGeneratorHasEigenvaluesPlusMinusI() {
        // [[0, -1], [1, 0]]: eigenvalues ±i, eigenvectors (1, ∓i)/√2.
        double[] a = {0, 0, 1, 0, -1, 0, 0, 0};
        GeneralEigen.Result r = GeneralEigen.decompose(2, a, true);
        assertSpectrum(new double[] {0, 1, 0, -1}, r.eigenvalues(), 1e-15);
        assertTrue(relativeResidual(2, a, r) <= 1e-15);
        for (int k = 0; k < 2; k++) {
            double[] v = r.eigenvector(k);
            double sign = r.eigenvalue(k).im();
            // The largest entry (a tie, so the first) is made real positive: v = (1, -sign i)/√2.
            assertArrayEquals(new double[] {Math.sqrt(0.5), 0, 0, -sign * Math.sqrt(0.5)}, v, 1e-15);
        }
    }

    @Test
    void companionMatrixHasThePolynomialRoots() {
        double[] roots = {1, 0, 2, 0, 3, 0, -1, 2, 0, 0.5, -2.5, -1};
        int n = roots.length / 2;
        // Coefficients of Π (z - r_k) = z^n + c_{n-1} z^{n-1} + ... + c_0, by repeated products.
        double[] c = new double[2 * (n + 1)];
        c[0] = 1;
        for (int k = 0; k < n; k++) {
            double[] next = new double[2 * (n + 1)];
            for (int d = 0; d <= k; d++) {
                // next += c_d z^{d+1} - r_k c_d z^d
                next[2 * (d + 1)] += c[2 * d];
                next[2 * (d + 1) + 1] += c[2 * d + 1];
                next[2 * d] -= roots[2 * k] * c[2 * d] - roots[2 * k + 1] * c[2 * d + 1];
                next[2 * d + 1] -= roots[2 * k] * c[2 * d + 1] + roots[2 * k + 1] * c[2 * d];
            }
            c = next;
        }
        // Companion: ones on the sub-diagonal, last column -c_0 .. -c_{n-1}.
        double[] a = new double[2 * n * n];
        for (int i = 1; i < n; i++) {
            set(a, n, i, i - 1, 1, 0);
        }
        for (int i = 0; i < n; i++) {
            set(a, n, i, n - 1, -c[2 * i], -c[2 * i + 1]);
        }
        GeneralEigen.Result r = GeneralEigen.decompose(n, a, true);
        assertSpectrum(roots, r.eigenvalues(), 1e-10);
        assertTrue(relativeResidual(n, a, r) <= 1e-13);
    }

    /** kron(x, y) for n×n x and m×m y: (x ⊗ y)[(i m + k), (j m + l)] = x_ij y_kl. */
    private static double[] kron(int n, double[] x, int m, double[] y) {
        int size = n * m;
        double[] out = new double[2 * size * size];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < m; k++) {
                    for (int l = 0; l < m; l++) {
                        double xr = re(x, n, i, j);
                        double xi = im(x, n, i, j);
                        double yr = re(y, m, k, l);
                        double yi = im(y, m, k, l);
                        set(out, size, i * m + k, j * m + l, xr * yr - xi * yi, xr * yi + xi * yr);
                    }
                }
            }
        }
        return out;
    }

    private static double[] conjugate(double[] a) {
        double[] c = a.clone();
        for (int p = 1; p < c.length; p += 2) {
            c[p] = -c[p];
        }
        return c;
    }

    @Test
    void decayingQubitLiouvillian() {
        double gamma = 0.7;
        // c = sqrt(γ) σ-, σ- = |1><0| as QuTiP's sigmam(); D[c] ρ = c ρ c† - {c†c, ρ}/2.
        // Column stacking: vec(X ρ Y) = (Y^T ⊗ X) vec ρ, so
        // L = conj(c) ⊗ c - (I ⊗ c†c)/2 - ((c†c)^T ⊗ I)/2.
        double g = Math.sqrt(gamma);
        double[] c = new double[8];
        set(c, 2, 1, 0, g, 0);
        double[] cdc = multiply(2, dagger(2, 2, c), c);
        double[] id = identity(2);
        double[] l = subtract(kron(2, conjugate(c), 2, c),
                scale(add(kron(2, id, 2, cdc), kron(2, transpose(2, cdc), 2, id)), 0.5, 0));
        GeneralEigen.Result r = GeneralEigen.decompose(4, l, true).sortedBy(GeneralEigen.REAL_PART_DESCENDING);
        assertArrayEquals(new double[] {0, 0, -gamma / 2, 0, -gamma / 2, 0, -gamma, 0}, r.eigenvalues(), 1e-15);
        assertTrue(relativeResidual(4, l, r) <= 1e-15);
        // The steady state is the ground state |1><1|: vec index 1 + 2*1 = 3.
        assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0, 1, 0}, r.eigenvector(0), 1e-15);

        // Diagonal propagation vec ρ(t) = V e^{Λ t} V^{-1} vec ρ(0) against the analytic decay:
        // ρ00 e^{-γt}, ρ01 e^{-γt/2}, ρ11 = 1 - ρ00.
        double[] inverse = r.inverseEigenvectors();
        double[] rho0 = {0.6, 0, 0.2, -0.3, 0.2, 0.3, 0.4, 0}; // vec of [[0.6, 0.2+0.3i], [0.2-0.3i, 0.4]]
        double t = 1.3;
        double[] expLambda = new double[4];
        for (int k = 0; k < 4; k++) {
            expLambda[k] = Math.exp(r.eigenvalue(k).re() * t);
        }
        double[] y = multiply(4, 4, 1, inverse, rho0);
        for (int k = 0; k < 4; k++) {
            y[2 * k] *= expLambda[k];
            y[2 * k + 1] *= expLambda[k];
        }
        double[] rhoT = multiply(4, 4, 1, r.eigenvectors(), y);
        double decay = Math.exp(-gamma * t);
        double coherence = Math.exp(-gamma * t / 2);
        assertArrayEquals(new double[] {0.6 * decay, 0, 0.2 * coherence, -0.3 * coherence,
                0.2 * coherence, 0.3 * coherence, 1 - 0.6 * decay, 0}, rhoT, 1e-14);
    }

    private static double[] transpose(int n, double[] a) {
        return conjugate(dagger(n, n, a));
    }

    @Test
    void hermitianMatrixAgreesWithHermitianEigen() {
        int n = 30;
        double[] a = randomHermitian(n, new Random(99));
        GeneralEigen.Result r = GeneralEigen.decompose(n, a, true);
        double[] reference = HermitianEigen.eigenvalues(n, a);
        double[] expected = new double[2 * n];
        for (int k = 0; k < n; k++) {
            expected[2 * k] = reference[k];
        }
        assertSpectrum(expected, r.eigenvalues(), 1e-12 * frobenius(a));
        assertTrue(relativeResidual(n, a, r) <= 1e-13);
        // Distinct eigenvalues of a normal matrix: the eigenvectors are orthonormal.
        assertTrue(distance(multiply(n, dagger(n, n, r.eigenvectors()), r.eigenvectors()), identity(n)) <= 1e-11);
    }

    @Test
    void repeatedButDiagonalisableEigenvalue() {
        int n = 3;
        Random random = new Random(3);
        double[] s = randomComplex(n, n, random);
        double[] d = new double[2 * n * n];
        set(d, n, 0, 0, 1, 0);
        set(d, n, 1, 1, 1, 0);
        set(d, n, 2, 2, 2, 0);
        double[] a = multiply(n, multiply(n, s, d), LuDecomposition.factor(n, s).inverse());
        GeneralEigen.Result r = GeneralEigen.decompose(n, a, true);
        assertSpectrum(new double[] {1, 0, 1, 0, 2, 0}, r.eigenvalues(), 1e-12);
        assertTrue(relativeResidual(n, a, r) <= 1e-13);
        double[] inverse = r.inverseEigenvectors();
        double[] reconstructed = multiply(n, scaleColumns(n, r.eigenvectors(), r.eigenvalues()), inverse);
        assertTrue(distance(reconstructed, a) <= 1e-11 * frobenius(a), "||V Λ V^-1 - A|| = " + distance(reconstructed, a));
    }

    @Test
    void defectiveJordanBlock() {
        // J_3(2): one eigenvector only.
        int n = 3;
        double[] j = new double[2 * n * n];
        for (int k = 0; k < n; k++) {
            set(j, n, k, k, 2, 0);
            if (k > 0) {
                set(j, n, k - 1, k, 1, 0);
            }
        }
        GeneralEigen.Result r = GeneralEigen.decompose(n, j, true);
        assertArrayEquals(new double[] {2, 0, 2, 0, 2, 0}, r.eigenvalues(), 0.0);
        assertTrue(relativeResidual(n, j, r) <= 1e-15);
        ArithmeticException e = assertThrows(ArithmeticException.class, r::inverseEigenvectors);
        assertTrue(e.getMessage().contains("singular"), e.getMessage());

        // Under a unitary similarity the triple eigenvalue splits by about ε^{1/3}, as it must.
        double[] u = randomUnitary(n, new Random(4));
        double[] a = multiply(n, multiply(n, u, j), dagger(n, n, u));
        double[] values = GeneralEigen.eigenvalues(n, a);
        assertSpectrum(new double[] {2, 0, 2, 0, 2, 0}, values, 1e-4);
        Complex sum = Complex.ZERO;
        for (int k = 0; k < n; k++) {
            sum = sum.plus(new Complex(values[2 * k], values[2 * k + 1]));
        }
        assertTrue(sum.isClose(new Complex(6, 0), 1e-13));
        // A nilpotent block (eigenvalue 0) must not overflow in the back-substitution.
        double[] nilpotent = subtract(j, scale(identity(n), 2, 0));
        GeneralEigen.Result rn = GeneralEigen.decompose(n, nilpotent, true);
        for (double x : rn.eigenvectors()) {
            assertTrue(Double.isFinite(x));
        }
        assertTrue(relativeResidual(n, nilpotent, rn) <= 1e-15);
        assertThrows(ArithmeticException.class, rn::inverseEigenvectors);
    }

    @Test
    void extremeScalesNeitherOverflowNorUnderflow() {
        int n = 12;
        double[] base = randomComplex(n, n, new Random(12));
        double[] reference = GeneralEigen.eigenvalues(n, base);
        for (double factor : new double[] {1e-150, 1e150}) {
            double[] a = scale(base, factor, 0);
            GeneralEigen.Result r = GeneralEigen.decompose(n, a, true);
            // Squares of entries near 1e-150 underflow, so check the vectors on the unscaled matrix.
            GeneralEigen.Result unscaled = new GeneralEigen.Result(scale(r.eigenvalues(), 1 / factor, 0), r.eigenvectors());
            assertTrue(relativeResidual(n, base, unscaled) <= 1e-13, "factor " + factor);
            assertSpectrum(scale(reference, factor, 0), r.eigenvalues(), 1e-11 * factor * frobenius(base));
        }
    }

    @Test
    void sortedByReordersValuesAndVectors() {
        int n = 10;
        double[] a = randomComplex(n, n, new Random(10));
        GeneralEigen.Result r = GeneralEigen.decompose(n, a, true);
        GeneralEigen.Result sorted = r.sortedBy(GeneralEigen.REAL_PART_DESCENDING);
        for (int k = 1; k < n; k++) {
            assertTrue(sorted.eigenvalue(k - 1).re() >= sorted.eigenvalue(k).re());
        }
        assertTrue(relativeResidual(n, a, sorted) <= 1e-11);
        GeneralEigen.Result byModulus = r.sortedBy(GeneralEigen.MODULUS_ASCENDING);
        for (int k = 1; k < n; k++) {
            assertTrue(byModulus.eigenvalue(k - 1).abs() <= byModulus.eigenvalue(k).abs());
        }
        assertSpectrum(r.eigenvalues(), sorted.eigenvalues(), 0.0);
        GeneralEigen.Result valuesOnly = new GeneralEigen.Result(r.eigenvalues(), null)
                .sortedBy(GeneralEigen.REAL_PART_DESCENDING);
        assertArrayEquals(sorted.eigenvalues(), valuesOnly.eigenvalues(), 0.0);
        assertNull(valuesOnly.eigenvectors());
    }

    @Test
    void badInputIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GeneralEigen.decompose(2, new double[6], true));
        assertTrue(e.getMessage().contains("8") && e.getMessage().contains("6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GeneralEigen.decompose(-1, new double[0], true));
        assertThrows(IllegalArgumentException.class, () -> GeneralEigen.eigenvalues(1, null));
        double[] nan = new double[8];
        nan[5] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> GeneralEigen.decompose(2, nan, false));
        assertTrue(e.getMessage().contains("(0, 1)"), e.getMessage());
        double[] inf = new double[8];
        inf[0] = Double.POSITIVE_INFINITY;
        assertThrows(IllegalArgumentException.class, () -> GeneralEigen.eigenvalues(2, inf));

        GeneralEigen.Result valuesOnly = GeneralEigen.decompose(2, new double[8], false);
        assertNull(valuesOnly.eigenvectors());
        assertThrows(IllegalStateException.class, () -> valuesOnly.eigenvector(0));
        assertThrows(IllegalStateException.class, valuesOnly::inverseEigenvectors);
        GeneralEigen.Result r = GeneralEigen.decompose(2, new double[8], true);
        assertThrows(IllegalArgumentException.class, () -> r.eigenvector(2));
        assertThrows(IllegalArgumentException.class, () -> r.eigenvalue(-1));
        assertThrows(IllegalArgumentException.class, () -> r.sortedBy(null));
        assertThrows(IllegalArgumentException.class, () -> new GeneralEigen.Result(new double[3], null));
        assertThrows(IllegalArgumentException.class, () -> new GeneralEigen.Result(new double[4], new double[4]));
    }
}
