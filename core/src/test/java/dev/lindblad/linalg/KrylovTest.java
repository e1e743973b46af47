package dev.lindblad.linalg;

import static dev.lindblad.linalg.TestMatrices.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KrylovTest {

    /** Reference exp(s M) v by dense Expm. */
    private static double[] reference(int n, double[] m, double re, double im, double[] v) {
        return multiply(n, n, 1, Expm.expm(n, scale(m, re, im)), v);
    }

    private static double[] normalizedHermitian(int n, double spectralScale, long seed) {
        double[] h = randomHermitian(n, new Random(seed));
        // Random Hermitian entries of unit variance have spectral radius ~ 2 sqrt(n).
        return scale(h, spectralScale / (2 * Math.sqrt(n)), 0);
    }

    @ParameterizedTest
    @CsvSource({
        "30, 20, 1.0, 2.0",
        "30, 40, 1.0, 7.0",
        "100, 20, 1.0, 10.0",
        "200, 20, 5.0, -3.0",
        "150, 30, 2.0, 25.0",
        "60, 6, 1.0, 4.0"})
    void lanczosMatchesDenseExponential(int n, int krylovDimension, double spectralScale, double t) {
        double[] h = normalizedHermitian(n, spectralScale, 1000 + n);
        double[] v = randomComplex(n, 1, new Random(2000 + n));
        double[] copy = v.clone();
        AtomicInteger applications = new AtomicInteger();
        LinearOperator dense = LinearOperator.dense(n, h);
        LinearOperator counted = (x, y) -> {
            applications.incrementAndGet();
            dense.apply(x, y);
        };
        double tolerance = 1e-10;
        double[] result = Krylov.expmv(counted, t, v, krylovDimension, tolerance);
        assertArrayEquals(copy, v, 0.0);
        double[] expected = reference(n, h, 0, -t, v);
        double error = distance(result, expected);
        assertTrue(error <= 10 * tolerance * frobenius(v),
                "error " + error + " with " + applications.get() + " applications");
        // Unitary evolution keeps the norm.
        assertEquals(frobenius(v), frobenius(result), 1e-9 * frobenius(v));
    }

    @Test
    void lanczosDimensionAtLeastNIsExactInOneStep() {
        int n = 12;
        double[] h = normalizedHermitian(n, 3.0, 5);
        double[] v = randomComplex(n, 1, new Random(6));
        AtomicInteger applications = new AtomicInteger();
        LinearOperator dense = LinearOperator.dense(n, h);
        double[] result = Krylov.expmv((x, y) -> {
            applications.incrementAndGet();
            dense.apply(x, y);
        }, 3.0, v, 50, 1e-12);
        assertTrue(distance(result, reference(n, h, 0, -3.0, v)) <= 1e-12 * frobenius(v));
        assertTrue(applications.get() <= n, "one basis of at most n vectors, got "
                + applications.get() + " applications");
    }

    @Test
    void scalarCase() {
        // 1x1: exp(-i t h) v exactly; the basis is invariant after one vector.
        double[] result = Krylov.expmv((x, y) -> {
            y[0] = 2.5 * x[0];
            y[1] = 2.5 * x[1];
        }, 1.3, new double[] {0.6, -0.8});
        double phase = -2.5 * 1.3;
        assertEquals(0.6 * Math.cos(phase) + 0.8 * Math.sin(phase), result[0], 1e-15);
        assertEquals(0.6 * Math.sin(phase) - 0.8 * Math.cos(phase), result[1], 1e-15);
    }

    @ParameterizedTest
    @CsvSource({
        "30, 20, 1.5",
        "80, 20, -2.0",
        "200, 25, 1.0",
        "50, 8, 3.0"})
    void arnoldiMatchesDenseExponentialForNonNormalMatrix(int n, int krylovDimension, double t) {
        Random random = new Random(3000 + n);
        // A = -i H - Γ with Γ = B B^† / n: a dissipative, non-normal generator like a Liouvillian,
        // plus a random non-Hermitian perturbation.
        double[] h = normalizedHermitian(n, 2.0, 4000 + n);
        double[] b = randomComplex(n, n, random);
        double[] gamma = scale(multiply(n, b, dagger(n, n, b)), 1.0 / (2 * n), 0);
        double[] noise = scale(randomComplex(n, n, random), 0.3 / Math.sqrt(n), 0);
        double[] a = add(subtract(scale(h, 0, -1), gamma), noise);
        double[] v = randomComplex(n, 1, random);
        double tolerance = 1e-10;
        double[] result = Krylov.expmvArnoldi(LinearOperator.dense(n, a), t, v, krylovDimension,
                tolerance);
        double[] expected = reference(n, a, t, 0, v);
        double scale = Math.max(frobenius(v), frobenius(expected));
        double error = distance(result, expected);
        assertTrue(error <= 10 * tolerance * scale, "error " + error + " of " + scale);
    }

    @Test
    void arnoldiAgreesWithLanczosOnHermitianGenerator() {
        int n = 70;
        double[] h = normalizedHermitian(n, 4.0, 77);
        double[] v = randomComplex(n, 1, new Random(78));
        double[] lanczos = Krylov.expmv(LinearOperator.dense(n, h), 5.0, v);
        double[] arnoldi = Krylov.expmvArnoldi(LinearOperator.dense(n, scale(h, 0, -1)), 5.0, v);
        assertTrue(distance(lanczos, arnoldi) <= 1e-8 * frobenius(v));
    }

    @Test
    void zeroTimeAndZeroVectorAreReturnedUnchanged() {
        double[] v = {1, 2, 3, 4};
        LinearOperator a = LinearOperator.dense(2, new double[] {0, 0, 1, 0, 1, 0, 0, 0});
        assertArrayEquals(v, Krylov.expmv(a, 0.0, v), 0.0);
        assertArrayEquals(new double[4], Krylov.expmvArnoldi(a, 2.0, new double[4]), 0.0);
    }

    @Test
    void badArgumentsAreNamed() {
        LinearOperator id = (x, y) -> System.arraycopy(x, 0, y, 0, x.length);
        double[] v = {1, 0};
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Krylov.expmv(id, 1, v, 0, 1e-8)).getMessage().contains("krylovDimension"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Krylov.expmv(id, 1, v, 5, -1)).getMessage().contains("-1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Krylov.expmv(id, Double.NaN, v)).getMessage().contains("NaN"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Krylov.expmvArnoldi(id, 1, new double[3])).getMessage().contains("3"));
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> Krylov.expmvArnoldi((x, y) -> y[0] = Double.NaN, 1, v));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }
}
