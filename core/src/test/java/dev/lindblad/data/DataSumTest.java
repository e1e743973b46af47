package dev.lindblad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Data#sum}: the same matrix, entry for entry and bit for bit, as adding the parts one by one. */
class DataSumTest {

    /** A random sparse m×n matrix; entries on a small grid of values so that sums cancel exactly at times. */
    private static CsrMatrix random(SplittableRandom rng, int m, int n, double density, boolean dia) {
        double[][] re = new double[m][n], im = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                boolean onBand = !dia || Math.abs(i - j) <= 2;
                if (onBand && rng.nextDouble() < density) {
                    re[i][j] = rng.nextInt(-3, 4) * 0.5;
                    im[i][j] = rng.nextInt(3) == 0 ? 0 : rng.nextInt(-3, 4) * 0.25;
                }
            }
        }
        CooBuilder b = new CooBuilder(m, n, 16);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (re[i][j] != 0 || im[i][j] != 0) {
                    b.add(i, j, re[i][j], im[i][j]);
                }
            }
        }
        return b.build();
    }

    private static Matrix pairwise(List<Matrix> parts) {
        Matrix s = parts.getFirst();
        for (int k = 1; k < parts.size(); k++) {
            s = Data.add(s, parts.get(k));
        }
        return s;
    }

    @Test
    void manySparsePartsGiveTheSameBitsAsAddingThemOneByOne() {
        SplittableRandom rng = new SplittableRandom(20261203);
        for (int trial = 0; trial < 40; trial++) {
            int m = 1 + rng.nextInt(30), n = 1 + rng.nextInt(30), count = 3 + rng.nextInt(8);
            List<Matrix> parts = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                CsrMatrix c = random(rng, m, n, rng.nextDouble() * 0.2, k % 2 == 1);
                parts.add(k % 3 == 2 && m == n ? DiaMatrix.fromCsr(c) : c);
            }
            CsrMatrix expected = pairwise(parts).toCsr();
            CsrMatrix actual = Data.sum(parts).toCsr();
            assertArrayEquals(expected.rowPointers(), actual.rowPointers(), "trial " + trial);
            assertArrayEquals(expected.columnIndices(), actual.columnIndices(), "trial " + trial);
            double[] ev = expected.valueArray(), av = actual.valueArray();
            assertEquals(ev.length, av.length);
            for (int p = 0; p < ev.length; p++) {
                assertEquals(Double.doubleToRawLongBits(ev[p]), Double.doubleToRawLongBits(av[p]),
                        "trial " + trial + ", value " + p + ": " + ev[p] + " vs " + av[p]);
            }
        }
    }

    @Test
    void cancellingPartsLeaveNoStoredZeros() {
        CsrMatrix a = CsrMatrix.identity(5);
        Matrix minusA = Data.scale(a, -1, 0);
        Matrix s = Data.sum(List.of(a, minusA, a, minusA));
        assertEquals(0, s.nnz());
    }

    @Test
    void denseOrFewPartsAndBadInput() {
        CsrMatrix a = CsrMatrix.identity(3);
        Matrix d = a.toDense();
        assertInstanceOf(DenseMatrix.class, Data.sum(List.of(a, d, a)));
        assertTrue(Data.sum(List.of(a)) == a, "one part is returned as it is");
        assertThrows(IllegalArgumentException.class, () -> Data.sum(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Data.sum(List.of(a, CsrMatrix.identity(4), a)));
    }
}
