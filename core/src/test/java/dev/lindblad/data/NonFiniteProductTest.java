package dev.lindblad.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.parallel.Parallelism;
import org.junit.jupiter.api.Test;

/**
 * The dense kernels keep IEEE semantics: a zero weight times a column that holds NaN or
 * infinity gives NaN, as the same product in CSR does, instead of being skipped (issue #14,
 * item 6). Each product is checked serially and with the parallel split forced.
 */
class NonFiniteProductTest {

    /** 2x2 dense A with a NaN in column 1 (entry (0, 1)), x = (1, 0). */
    private static DenseMatrix nanInColumnOne() {
        return DenseMatrix.wrap(2, 2, new double[] {1, 0, 2, 0, Double.NaN, 0, 3, 0});
    }

    private static void bothModes(Runnable check) {
        check.run();
        Parallelism.threads(3);
        Parallelism.threshold(1);
        try {
            check.run();
        } finally {
            Parallelism.resetThreads();
            Parallelism.threshold(0);
        }
    }

    @Test
    void denseMatrixVectorProductKeepsNanTimesZero() {
        bothModes(() -> {
            DenseMatrix a = nanInColumnOne();
            double[] x = {1, 0, 0, 0};
            double[] y = new double[4];
            Data.matvec(a, x, 0, y, 0, 1, 0, 0, 0);
            assertTrue(Double.isNaN(y[0]), "0 · NaN must give NaN in row 0, got " + y[0]);
            assertEquals(2.0, y[2], 0, "row 1 has no NaN: 2·1 + 3·0");
            // the same matrix in CSR propagates it: both formats agree
            double[] ys = new double[4];
            Data.matvec(a.toCsr(), x, 0, ys, 0, 1, 0, 0, 0);
            assertTrue(Double.isNaN(ys[0]), "CSR reference");
        });
    }

    @Test
    void denseMatrixProductKeepsInfinityTimesZero() {
        bothModes(() -> {
            DenseMatrix a = DenseMatrix.wrap(2, 2, new double[] {1, 0, 2, 0, Double.POSITIVE_INFINITY, 0, 3, 0});
            // b = [[1, 5], [0, 0]]: column 1 of a meets the zeros of row 1 of b
            DenseMatrix b = DenseMatrix.wrap(2, 2, new double[] {1, 0, 0, 0, 5, 0, 0, 0});
            DenseMatrix c = (DenseMatrix) Data.matmul(a, b);
            for (int k = 0; k < 2; k++) {
                assertTrue(Double.isNaN(c.get(0, k).re()), "(0, " + k + "): 1·b + inf·0 = NaN, got " + c.get(0, k));
            }
            assertEquals(2.0, c.get(1, 0).re(), 0);
            assertEquals(10.0, c.get(1, 1).re(), 0);
        });
    }

    @Test
    void finiteZeroWeightsAreStillSkippedWithTheSameResult() {
        // the skip stays where it cannot change a value: every column finite
        DenseMatrix a = DenseMatrix.wrap(2, 2, new double[] {1, 0, 2, 0, 4, 0, 3, 0});
        double[] y = new double[4];
        Data.matvec(a, new double[] {1, 0, 0, 0}, 0, y, 0, 1, 0, 0, 0);
        assertEquals(1.0, y[0], 0);
        assertEquals(2.0, y[2], 0);
    }

    @Test
    void kroneckerProductKeepsNanTimesZero() {
        bothModes(() -> {
            DenseMatrix a = DenseMatrix.wrap(2, 1, new double[] {0, 0, 1, 0});
            DenseMatrix b = DenseMatrix.wrap(2, 1, new double[] {Double.NaN, 0, 1, 0});
            DenseMatrix k = (DenseMatrix) Data.kron(a, b);
            assertTrue(Double.isNaN(k.get(0, 0).re()), "0 ⊗ NaN = NaN, got " + k.get(0, 0));
            assertEquals(0.0, k.get(1, 0).re(), 0, "0 · 1");
            assertTrue(Double.isNaN(k.get(2, 0).re()));
            assertEquals(1.0, k.get(3, 0).re(), 0);
        });
    }

    @Test
    void sparseScalingByZeroKeepsInfinity() {
        CsrMatrix a = DenseMatrix.wrap(2, 2, new double[] {1, 0, 0, 0, 0, 0, Double.POSITIVE_INFINITY, 0}).toCsr();
        Matrix z = Data.scale(a, 0, 0);
        assertTrue(Double.isNaN(z.get(1, 1).re()), "0 · inf = NaN, got " + z.get(1, 1));
        assertEquals(0.0, Data.scale(DenseMatrix.wrap(1, 1, new double[] {3, 0}).toCsr(), 0, 0).get(0, 0).re(), 0);
    }

    @Test
    void maxComponentAndFirstNonFiniteFindNanAndInfinityInEveryFormat() {
        DenseMatrix d = DenseMatrix.wrap(3, 2, new double[] {1, -7, 0, 0, 2, 0, 0, 0, 0, Double.NaN, 4, 0});
        for (Matrix m : new Matrix[] {d, d.toCsr(), DiaMatrix.fromCsr(d.toCsr())}) {
            assertTrue(Double.isNaN(Data.maxComponent(m)), m.getClass().getSimpleName());
            int[] at = Data.firstNonFinite(m);
            assertEquals(1, at[0], "row");
            assertEquals(1, at[1], "column");
        }
        DenseMatrix f = DenseMatrix.wrap(2, 1, new double[] {1, -7, Double.NEGATIVE_INFINITY, 0});
        assertEquals(Double.POSITIVE_INFINITY, Data.maxComponent(f));
        assertEquals(1, Data.firstNonFinite(f.toCsr())[0]);
        DenseMatrix ok = DenseMatrix.wrap(2, 1, new double[] {1, -7, 3, 0});
        assertEquals(7.0, Data.maxComponent(ok), 0);
        assertNull(Data.firstNonFinite(ok));
        assertFalse(DenseKernels.allFinite(f.array(), 0, 4));
        assertTrue(DenseKernels.allFinite(f.array(), 0, 2));
    }
}
