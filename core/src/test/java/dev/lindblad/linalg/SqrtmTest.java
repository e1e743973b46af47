package dev.lindblad.linalg;

import static dev.lindblad.linalg.TestMatrices.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqrtmTest {

    private static void assertIsSquareRoot(int n, double[] a, double[] s, double tol) {
        assertTrue(distance(multiply(n, s, s), a) <= tol * Math.max(1, frobenius(a)),
                "||S S - A|| = " + distance(multiply(n, s, s), a));
        assertTrue(distance(s, dagger(n, n, s)) <= tol * Math.max(1, frobenius(s)), "S Hermitian");
        double[] values = HermitianEigen.eigenvalues(n, s);
        assertTrue(values[0] >= -tol * Math.max(1, frobenius(s)), "S PSD, min eigenvalue " + values[0]);
    }

    @Test
    void knownTwoByTwo() {
        // [[2, 1], [1, 2]] has eigenvalues 3, 1: sqrt = [[(√3+1)/2, (√3-1)/2], [(√3-1)/2, (√3+1)/2]].
        double[] s = Sqrtm.sqrtm(2, new double[] {2, 0, 1, 0, 1, 0, 2, 0});
        double p = (Math.sqrt(3) + 1) / 2;
        double q = (Math.sqrt(3) - 1) / 2;
        assertArrayEquals(new double[] {p, 0, q, 0, q, 0, p, 0}, s, 1e-15);
        double[] id = Sqrtm.sqrtm(3, scale(identity(3), 4, 0));
        assertArrayEquals(scale(identity(3), 2, 0), id, 1e-15);
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "8, 8", "30, 30", "30, 7", "25, 1"})
    void gramMatricesOfFullAndDeficientRank(int n, int rank) {
        // A = B B^† with B n x rank: PSD with n - rank zero eigenvalues (negative by rounding).
        double[] b = randomComplex(n, rank, new Random(41 + n + rank));
        double[] a = multiply(n, rank, n, b, dagger(n, rank, b));
        double[] copy = a.clone();
        double[] s = Sqrtm.sqrtm(n, a);
        assertArrayEquals(copy, a, 0.0);
        // Zero eigenvalues perturbed by δ give errors of order sqrt(δ) in S, but S S stays close.
        assertIsSquareRoot(n, a, s, rank == n ? 1e-12 : 1e-10);
    }

    @ParameterizedTest
    @CsvSource({"2, 1", "10, 1", "10, 3", "60, 5"})
    void rankDeficientRootIsExactToRounding(int n, int rank) {
        // A = U diag(λ) U^† with n - rank exact zeros: S = U diag(sqrt λ) U^† to rounding, not
        // to the sqrt(1e-17) ~ 3e-9 that the rounding of the zero eigenvalues would give.
        double[] u = randomUnitary(n, new Random(7 * n + rank));
        double[] lambda = new double[n];
        double[] root = new double[n];
        for (int k = 0; k < rank; k++) {
            lambda[k] = 1.0 / (k + 1);
            root[k] = Math.sqrt(lambda[k]);
        }
        double[] a = fromSpectrum(n, u, lambda, new double[n]);
        double[] exact = fromSpectrum(n, u, root, new double[n]);
        double[] s = Sqrtm.sqrtm(n, a);
        assertTrue(distance(s, exact) <= 1e-13, "||S - U sqrt(Λ) U^†|| = " + distance(s, exact));
    }

    @Test
    void roundingThresholdIsFourNEpsilonOfTheLargestEigenvalue() {
        assertEquals(4 * 10 * Math.ulp(1.0) * 2.0, Sqrtm.roundingThreshold(10, 2.0), 0.0);
        assertEquals(0.0, Sqrtm.roundingThreshold(10, -1.0), 0.0);
    }

    @Test
    void clearlyNegativeEigenvalueIsRejected() {
        int n = 4;
        double[] u = randomUnitary(n, new Random(43));
        double[] a = fromSpectrum(n, u, new double[] {2, 1, -0.25, 0}, new double[n]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sqrtm.sqrtm(n, a));
        assertTrue(e.getMessage().contains("-0.2499") || e.getMessage().contains("-0.25"),
                e.getMessage());
    }

    @Test
    void nonHermitianIsRejected() {
        double[] a = {1, 0, 0.5, 0, 0.5, 1e-3, 1, 0};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sqrtm.sqrtm(2, a));
        assertTrue(e.getMessage().contains("not Hermitian") && e.getMessage().contains("(1, 0)")
                && e.getMessage().contains("0.001"), e.getMessage());
        // Rounding-level asymmetry is accepted.
        double[] nearly = {1, 0, 0.5, 0, 0.5 + 1e-15, 0, 1, 0};
        assertEquals(2, Sqrtm.sqrtm(2, nearly).length / 4);
    }
}
