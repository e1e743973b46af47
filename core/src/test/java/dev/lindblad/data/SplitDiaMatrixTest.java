package dev.lindblad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.parallel.Parallelism;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The split diagonal storage of {@link Data#prepareProduct} for banded matrices: products
 * against the definition on the dense form (SplitCsrMatrixTest's reference), the parallel
 * product against its serial twin bit for bit, and which diagonals keep which part.
 */
class SplitDiaMatrixTest {

    private final Random rng = new Random(11);

    /**
     * Banded matrix with offsets -7 (real), -1 (imaginary), 0 (complex), 2 (imaginary, every
     * third position zero), 9 (real); square, as DIA storage is chosen only for square matrices.
     */
    CsrMatrix banded(int rows, int cols) {
        int[] offsets = {-7, -1, 0, 2, 9};
        int[] kinds = {0, 1, 2, 1, 0};
        CooBuilder b = new CooBuilder(rows, cols, rows * offsets.length);
        for (int i = 0; i < rows; i++) {
            for (int d = 0; d < offsets.length; d++) {
                int j = i + offsets[d];
                if (j < 0 || j >= cols || (d == 3 && i % 3 == 0)) {
                    continue;
                }
                double re = kinds[d] == 1 ? 0 : rng.nextGaussian(), im = kinds[d] == 0 ? 0 : rng.nextGaussian();
                b.add(i, j, re, im);
            }
        }
        return b.build();
    }

    double[] vector(int n) {
        double[] x = new double[2 * n];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextGaussian();
        }
        return x;
    }

    @Test
    void bandedMatrixIsSplitByDiagonalAndMatchesTheDefinition() {
        for (int[] shape : new int[][]{{1300, 1300}, {700, 700}, {70, 70}}) {
            CsrMatrix a = banded(shape[0], shape[1]);
            assertInstanceOf(DiaMatrix.class, Data.toBestFormat(a), "test matrix should be DIA-friendly");
            LinearMap map = Data.prepareProduct(a);
            SplitDiaMatrix s = assertInstanceOf(SplitDiaMatrix.class, map);
            assertArrayEquals(new int[]{-7, -1, 0, 2, 9}, s.offsets);
            assertNull(s.im[0]);
            assertNull(s.re[1]);
            assertNotNull(s.re[2]);
            assertNotNull(s.im[2]);
            assertNull(s.re[3]);
            assertNull(s.im[4]);
            assertEquals(2L * 6 * shape[0], map.work());
            assertSame(Data.toBestFormat(a).getClass(), map.matrix().getClass());
            double[] x = vector(shape[1] + 3);
            for (double[] ab : new double[][]{{1, 0, 0, 0}, {0.5, -1.25, 0.75, 0.5}, {0, 1, -1, 0}}) {
                double[] y0 = vector(shape[0] + 2);
                double[] y = y0.clone();
                Parallelism.serial(() -> {
                    Data.matvec(map, x, 6, y, 4, ab[0], ab[1], ab[2], ab[3]);
                    return null;
                });
                SplitCsrMatrixTest.assertClose(SplitCsrMatrixTest.reference(a, x, 6, y0, 4, ab[0], ab[1], ab[2], ab[3]), y, 1e-12);
            }
        }
    }

    @Test
    void parallelProductHasTheSerialBits() {
        Parallelism.threads(3);
        Parallelism.threshold(1);
        try {
            CsrMatrix a = banded(2900, 2900);
            LinearMap map = Data.prepareProduct(a);
            assertInstanceOf(SplitDiaMatrix.class, map);
            double[] x = vector(2900), y0 = vector(2900);
            Supplier<double[]> f = () -> {
                double[] out = y0.clone();
                Data.matvec(map, x, 0, out, 0, 0.25, 1.5, -0.5, 0.25);
                return out;
            };
            double[] serial = Parallelism.serial(f);
            long before = Parallelism.splitCount();
            double[] parallel = f.get();
            assertTrue(Parallelism.splitCount() > before, "the parallel run did not split");
            assertArrayEquals(serial, parallel);
            SplitCsrMatrixTest.assertClose(SplitCsrMatrixTest.reference(a, x, 0, y0, 0, 0.25, 1.5, -0.5, 0.25), parallel, 1e-12);
        } finally {
            Parallelism.resetThreads();
            Parallelism.threshold(0);
        }
    }
}
