package dev.lindblad.linalg;

import static dev.lindblad.linalg.TestMatrices.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Complex;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LuDecompositionTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 17, 100})
    void solvesRandomSystemsWithSmallResidual(int n) {
        Random random = new Random(31 + n);
        double[] a = randomComplex(n, n, random);
        double[] copy = a.clone();
        LuDecomposition lu = LuDecomposition.factor(n, a);
        assertArrayEquals(copy, a, 0.0);
        assertFalse(lu.isSingular());

        double[] b = randomComplex(n, 1, random);
        double[] x = lu.solve(b);
        double residual = distance(multiply(n, n, 1, a, x), b);
        assertTrue(residual <= 1e-13 * n * frobenius(a) * frobenius(x), "residual " + residual);

        int m = 3;
        double[] bs = randomComplex(n, m, random);
        double[] xs = lu.solve(bs);
        assertTrue(distance(multiply(n, n, m, a, xs), bs) <= 1e-13 * n * frobenius(a) * frobenius(xs));
        // Each column of the block solve equals the single-vector solve.
        for (int c = 0; c < m; c++) {
            double[] column = java.util.Arrays.copyOfRange(bs, 2 * c * n, 2 * (c + 1) * n);
            assertArrayEquals(lu.solve(column),
                    java.util.Arrays.copyOfRange(xs, 2 * c * n, 2 * (c + 1) * n), 0.0);
        }

        double[] inverse = lu.inverse();
        assertTrue(distance(multiply(n, a, inverse), identity(n)) <= 1e-12 * n);
    }

    @Test
    void knownSolveAndDeterminant() {
        // A = [[1, 2i], [3, 4]]: det = 4 - 6i; A (1, 1)^T = (1 + 2i, 7).
        double[] a = {1, 0, 3, 0, 0, 2, 4, 0};
        LuDecomposition lu = LuDecomposition.factor(2, a);
        Complex det = lu.determinant();
        assertEquals(4, det.re(), 1e-15);
        assertEquals(-6, det.im(), 1e-15);
        assertArrayEquals(new double[] {1, 0, 1, 0}, lu.solve(new double[] {1, 2, 7, 0}), 1e-15);
    }

    @Test
    void determinantOfProductAndPermutation() {
        int n = 6;
        Random random = new Random(5);
        // Triangular with known diagonal, then rows permuted by a cycle of length 6 (odd: sign -1).
        double[] t = new double[2 * n * n];
        double detRe = 1;
        double detIm = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                set(t, n, i, j, random.nextGaussian(), random.nextGaussian());
            }
            double dr = re(t, n, j, j);
            double di = im(t, n, j, j);
            double nr = detRe * dr - detIm * di;
            detIm = detRe * di + detIm * dr;
            detRe = nr;
        }
        double[] permuted = new double[t.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                set(permuted, n, (i + 1) % n, j, re(t, n, i, j), im(t, n, i, j));
            }
        }
        Complex det = LuDecomposition.factor(n, permuted).determinant();
        double scale = Math.hypot(detRe, detIm);
        assertEquals(-detRe, det.re(), 1e-13 * scale);
        assertEquals(-detIm, det.im(), 1e-13 * scale);
    }

    @Test
    void singularMatrixNamesPivotColumn() {
        // Column 2 = column 0 + i column 1: rank 2.
        int n = 3;
        double[] a = new double[2 * n * n];
        Random random = new Random(11);
        for (int i = 0; i < n; i++) {
            double r0 = random.nextGaussian();
            double i0 = random.nextGaussian();
            double r1 = random.nextGaussian();
            double i1 = random.nextGaussian();
            set(a, n, i, 0, r0, i0);
            set(a, n, i, 1, r1, i1);
            set(a, n, i, 2, r0 - i1, i0 + r1);
        }
        LuDecomposition lu = LuDecomposition.factor(n, a);
        assertTrue(lu.isSingular());
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> lu.solve(new double[2 * n]));
        assertTrue(e.getMessage().contains("column 2"), e.getMessage());
        assertThrows(ArithmeticException.class, lu::inverse);
        assertEquals(0.0, lu.determinant().re(), 1e-14);

        LuDecomposition zero = LuDecomposition.factor(2, new double[8]);
        ArithmeticException z = assertThrows(ArithmeticException.class, zero::inverse);
        assertTrue(z.getMessage().contains("column 0") && z.getMessage().contains("magnitude 0.0"),
                z.getMessage());
        assertEquals(0.0, zero.determinant().re(), 0.0);
    }

    @Test
    void badRightHandSideLength() {
        LuDecomposition lu = LuDecomposition.factor(2, identity(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> lu.solve(new double[6]));
        assertTrue(e.getMessage().contains("6") && e.getMessage().contains("4"), e.getMessage());
    }
}
