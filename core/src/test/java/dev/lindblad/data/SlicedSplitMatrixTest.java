package dev.lindblad.data;

import static dev.lindblad.data.SplitCsrMatrixTest.assertClose;
import static dev.lindblad.data.SplitCsrMatrixTest.reference;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.parallel.Parallelism;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The split storage in slices of eight rows ({@link SlicedSplitMatrix}): the storage rule of
 * {@link Data#prepareProduct}, products against the dense definition, the same sums as the CSR
 * split (bit for bit, for finite x), row ranges that cut slices, the parallel product against
 * its serial twin bit for bit, and where padding reads x.
 */
class SlicedSplitMatrixTest {

    private final Random rng = new Random(11);

    @AfterEach
    void reset() {
        Parallelism.resetThreads();
        Parallelism.threshold(0);
    }

    /**
     * Rows of about equal length, as in a Liouvillian: perRow or perRow + 1 entries at distinct
     * columns, the first purely real, the second complex, the rest purely imaginary; row 5 empty.
     */
    CsrMatrix liouvillianLike(int rows, int cols, int perRow) {
        CooBuilder b = new CooBuilder(rows, cols, rows * (perRow + 1));
        for (int i = 0; i < rows; i++) {
            int len = i == 5 ? 0 : perRow + rng.nextInt(2);
            int step = 1 + cols / (perRow + 2);
            for (int k = 0; k < len; k++) {
                double re = rng.nextGaussian(), im = rng.nextGaussian();
                b.add(i, (i + k * step + (k > 0 ? rng.nextInt(step - 1) : 0)) % cols, k == 0 || k == 1 ? re : 0, k == 0 ? 0 : im);
            }
        }
        return b.build();
    }

    double[] vector(int n) {
        return SplitCsrMatrixTest.randomVector(rng, n);
    }

    @Test
    void evenRowsAreSlicedAndMatchTheDefinition() {
        CsrMatrix a = liouvillianLike(301, 290, 12);   // 301 rows: the last slice has five
        LinearMap map = Data.prepareProduct(a);
        SlicedSplitMatrix s = assertInstanceOf(SlicedSplitMatrix.class, map);
        assertEquals(SplitCsrMatrix.splitEntries(a), s.parts());
        assertEquals(SlicedSplitMatrix.positions(a), s.values.length);
        assertTrue(s.values.length >= s.parts() && s.values.length <= SlicedSplitMatrix.PADDING_LIMIT * s.parts(),
                s.values.length + " positions for " + s.parts() + " parts");
        assertEquals(2L * s.values.length, map.work());
        assertEquals("sliced-split", map.storage());
        assertEquals(12L * s.values.length + 8L * ((301 + 7) / 8) + 4, map.storedBytes());
        assertSame(a, map.matrix());
        double[] x = vector(290);
        double[][] alphaBeta = {{1, 0, 0, 0}, {0.5, -1.25, 0.75, 0.5}, {0, 2, 1, 0}, {-1, 0, 0, -3}};
        for (double[] ab : alphaBeta) {
            double[] y0 = vector(301);
            double[] y = Parallelism.serial(() -> {
                double[] out = y0.clone();
                Data.matvec(map, x, 0, out, 0, ab[0], ab[1], ab[2], ab[3]);
                return out;
            });
            assertClose(reference(a, x, 0, y0, 0, ab[0], ab[1], ab[2], ab[3]), y, 1e-12);
        }
    }

    @Test
    void sumsAreThoseOfTheCsrSplitBitForBit() {
        CsrMatrix a = liouvillianLike(203, 203, 9);
        SlicedSplitMatrix sliced = SlicedSplitMatrix.of(a);
        SplitCsrMatrix split = SplitCsrMatrix.of(a);
        double[] x = vector(203), y0 = vector(203);
        for (double[] ab : new double[][] {{1, 0, 0, 0}, {0.3, 0.7, -1, 0.5}}) {
            double[] ys = y0.clone(), yc = y0.clone();
            Parallelism.serial(() -> {
                Data.matvec(sliced, x, 0, ys, 0, ab[0], ab[1], ab[2], ab[3]);
                Data.matvec(split, x, 0, yc, 0, ab[0], ab[1], ab[2], ab[3]);
                return null;
            });
            assertArrayEquals(yc, ys);
        }
    }

    @Test
    void rowRangesThatCutSlicesGiveTheSameBits() {
        CsrMatrix a = liouvillianLike(157, 157, 10);
        SlicedSplitMatrix s = SlicedSplitMatrix.of(a);
        double[] x = vector(157), y0 = vector(157);
        double[] whole = y0.clone();
        SlicedSplitMatrix.gemvRows(s, x, 0, whole, 0, 0.5, -0.25, 1, 0.5, 0, 157);
        for (int trial = 0; trial < 20; trial++) {
            double[] y = y0.clone();
            int r = 0;
            while (r < 157) {
                int next = Math.min(157, r + 1 + rng.nextInt(23));
                SlicedSplitMatrix.gemvRows(s, x, 0, y, 0, 0.5, -0.25, 1, 0.5, r, next);
                r = next;
            }
            assertArrayEquals(whole, y, "trial " + trial);
        }
        // an offset x takes the row loop: the same bits as well
        double[] shifted = new double[2 * 160];
        System.arraycopy(x, 0, shifted, 6, x.length);
        double[] y = y0.clone();
        SlicedSplitMatrix.gemvRows(s, shifted, 6, y, 0, 0.5, -0.25, 1, 0.5, 0, 157);
        assertArrayEquals(whole, y);
    }

    @Test
    void offsetsAndBetaZeroIgnoresOldContents() {
        CsrMatrix a = liouvillianLike(150, 170, 8);
        LinearMap map = Data.prepareProduct(a);
        assertInstanceOf(SlicedSplitMatrix.class, map);
        double[] x = vector(200);
        double[] y = new double[2 * 180];
        Arrays.fill(y, Double.NaN);
        Data.matvec(map, x, 2 * 20, y, 2 * 10, 1, 0, 0, 0);
        for (int k = 0; k < 20; k++) {
            assertTrue(Double.isNaN(y[k]), "slot " + k + " before the output was written");
        }
        for (int k = 2 * 160; k < y.length; k++) {
            assertTrue(Double.isNaN(y[k]), "slot " + k + " past the output was written");
        }
        double[] out = Arrays.copyOfRange(y, 20, 20 + 300);
        double[] shiftedX = Arrays.copyOfRange(x, 40, 40 + 340);
        assertClose(reference(a, shiftedX, 0, new double[300], 0, 1, 0, 0, 0), out, 1e-12);
        // with y at an offset but x at 0: the sliced loop
        Arrays.fill(y, Double.NaN);
        Data.matvec(map, shiftedX, 0, y, 2 * 10, 1, 0, 0, 0);
        assertArrayEquals(out, Arrays.copyOfRange(y, 20, 20 + 300));
        assertTrue(Double.isNaN(y[19]) && Double.isNaN(y[320]));
    }

    @Test
    void parallelProductHasTheSerialBits() {
        Parallelism.threads(3);
        Parallelism.threshold(1);
        CsrMatrix a = liouvillianLike(2503, 2503, 14);
        LinearMap map = Data.prepareProduct(a);
        assertInstanceOf(SlicedSplitMatrix.class, map);
        double[] x = vector(2503), y0 = vector(2503);
        for (double[] ab : new double[][] {{1, 0, 0, 0}, {0.25, 1.5, -0.5, 0.25}}) {
            Supplier<double[]> f = () -> {
                double[] out = y0.clone();
                Data.matvec(map, x, 0, out, 0, ab[0], ab[1], ab[2], ab[3]);
                return out;
            };
            double[] serial = Parallelism.serial(f);
            long before = Parallelism.splitCount();
            double[] parallel = f.get();
            assertTrue(Parallelism.splitCount() > before, "the parallel run did not split");
            assertArrayEquals(serial, parallel);
            assertClose(reference(a, x, 0, y0, 0, ab[0], ab[1], ab[2], ab[3]), parallel, 1e-12);
        }
        int[] b = ((SlicedSplitMatrix) map).workBounds(3);
        assertEquals(0, b[0]);
        assertEquals(2503, b[3]);
        for (int c = 1; c < 3; c++) {
            assertEquals(0, b[c] % SlicedSplitMatrix.LANES, "chunks start at whole slices");
            assertTrue(b[c] > b[c - 1]);
        }
    }

    @Test
    void paddingReadsOnlyColumnsTheRowReads() {
        // x is infinite at a column no row touches, and each row is short of the longest
        CsrMatrix square = liouvillianLike(64, 64, 6);
        CsrMatrix a = CsrMatrix.of(64, 65, square.rowPointers(), square.columnIndices(), square.valueArray());
        SlicedSplitMatrix s = SlicedSplitMatrix.of(a);
        assertTrue(s.values.length > s.parts(), "the test needs padding");
        int unused = 64;
        for (int k : s.xIndex) {
            assertTrue(k != 2 * unused, "padding reads column " + unused);
        }
        double[] x = vector(65);
        x[2 * unused] = Double.POSITIVE_INFINITY;
        x[2 * unused + 1] = Double.NaN;
        double[] y = new double[128];
        Data.matvec(s, x, 0, y, 0, 1, 0, 0, 0);
        for (double v : y) {
            assertFalse(Double.isNaN(v) || Double.isInfinite(v));
        }
        assertEquals(0.0, y[10], 0.0, "the empty row 5");
        assertEquals(0.0, y[11], 0.0, "the empty row 5");
    }

    @Test
    void thePropertyTurnsTheSlicesOff() {
        CsrMatrix a = liouvillianLike(64, 64, 6);
        System.setProperty("lindblad.sliced", "false");
        try {
            assertEquals("split-csr", Data.prepareProduct(a).storage());
        } finally {
            System.clearProperty("lindblad.sliced");
        }
        assertEquals("sliced-split", Data.prepareProduct(a).storage());
        assertEquals("csr", new MatrixMap(a).storage());
        assertEquals(20 * a.nnz() + 4L * 65, new MatrixMap(a).storedBytes());
    }

    @Test
    void unevenRowsStayInCsrRows() {
        // one long row in every slice: padding would add far more than a quarter
        CooBuilder b = new CooBuilder(80, 80, 80 * 10);
        for (int i = 0; i < 80; i++) {
            int len = i % 8 == 0 ? 40 : 3;
            for (int k = 0; k < len; k++) {
                b.add(i, (i + 2 * k) % 80, 0, 1 + k);
            }
        }
        CsrMatrix a = b.build();
        assertTrue(SlicedSplitMatrix.positions(a) > SlicedSplitMatrix.PADDING_LIMIT * SplitCsrMatrix.splitEntries(a));
        assertInstanceOf(SplitCsrMatrix.class, Data.prepareProduct(a));
    }
}
