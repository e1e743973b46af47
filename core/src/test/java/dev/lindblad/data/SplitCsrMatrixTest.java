package dev.lindblad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.parallel.Parallelism;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The real/imaginary split storage of {@link Data#prepareProduct}: its products against a plain
 * dense reference written here, its parallel product against its serial twin bit for bit, and
 * the storage rule.
 */
class SplitCsrMatrixTest {

    private final Random rng = new Random(7);

    /**
     * Random matrix whose entries are purely imaginary (kinds 0), purely real (1) or complex (2)
     * in the given proportions, some rows empty.
     */
    CsrMatrix mixed(int rows, int cols, int perRow, double imag, double real) {
        CooBuilder b = new CooBuilder(rows, cols, rows * perRow);
        for (int i = 0; i < rows; i++) {
            int len = i % 13 == 0 ? 0 : rng.nextInt(2 * perRow + 1);
            for (int k = 0; k < len; k++) {
                double u = rng.nextDouble(), re = rng.nextGaussian(), im = rng.nextGaussian();
                b.add(i, rng.nextInt(cols), u < imag ? 0 : re, u >= imag && u < imag + real ? 0 : im);
            }
        }
        return b.build();
    }

    double[] vector(int n) {
        return randomVector(rng, n);
    }

    /** n complex entries, interleaved, with Gaussian real and imaginary parts. */
    static double[] randomVector(Random rng, int n) {
        double[] x = new double[2 * n];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextGaussian();
        }
        return x;
    }

    /** y = alpha a x + beta y0 by the definition, on the dense form of a. */
    static double[] reference(Matrix a, double[] x, int xOff, double[] y0, int yOff, double ar, double ai, double br, double bi) {
        DenseMatrix d = a.toDense();
        int m = a.rows();
        double[] y = y0.clone();
        for (int i = 0; i < m; i++) {
            double sr = 0, si = 0;
            for (int j = 0; j < a.cols(); j++) {
                double vr = d.data[2 * (i + j * m)], vi = d.data[2 * (i + j * m) + 1];
                double xr = x[xOff + 2 * j], xi = x[xOff + 2 * j + 1];
                sr += vr * xr - vi * xi;
                si += vr * xi + vi * xr;
            }
            int o = yOff + 2 * i;
            double yr = y0[o], yi = y0[o + 1];
            boolean beta0 = br == 0 && bi == 0;
            y[o] = ar * sr - ai * si + (beta0 ? 0 : br * yr - bi * yi);
            y[o + 1] = ar * si + ai * sr + (beta0 ? 0 : br * yi + bi * yr);
        }
        return y;
    }

    static void assertClose(double[] expected, double[] actual, double tol) {
        assertEquals(expected.length, actual.length);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], tol * (1 + Math.abs(expected[k])), "component " + k);
        }
    }

    @Test
    void mostlyImaginaryMatrixIsSplitAndMatchesTheDefinition() {
        CsrMatrix a = mixed(300, 280, 9, 0.75, 0.15);
        LinearMap map = Data.prepareProduct(a);
        SplitCsrMatrix s = assertInstanceOf(SplitCsrMatrix.class, map);
        assertEquals(SplitCsrMatrix.splitEntries(a), s.values.length);
        assertTrue(s.values.length > a.nnz() && s.values.length < 1.2 * a.nnz(), "parts " + s.values.length);
        assertSame(a, map.matrix());
        assertEquals(2L * s.values.length, map.work());
        double[] x = vector(280);
        double[][] alphaBeta = {{1, 0, 0, 0}, {0.5, -1.25, 0.75, 0.5}, {0, 2, 1, 0}, {-1, 0, 0, -3}};
        for (double[] ab : alphaBeta) {
            double[] y0 = vector(300);
            double[] y = y0.clone();
            Parallelism.serial(() -> {
                Data.matvec(map, x, 0, y, 0, ab[0], ab[1], ab[2], ab[3]);
                return null;
            });
            assertClose(reference(a, x, 0, y0, 0, ab[0], ab[1], ab[2], ab[3]), y, 1e-12);
        }
    }

    @Test
    void offsetsAndBetaZeroIgnoresOldContents() {
        CsrMatrix a = mixed(150, 170, 6, 0.5, 0.4);
        LinearMap map = Data.prepareProduct(a);
        assertInstanceOf(SplitCsrMatrix.class, map);
        double[] x = vector(200);
        double[] y = new double[2 * 180];
        Arrays.fill(y, Double.NaN);
        Data.matvec(map, x, 2 * 20, y, 2 * 10, 1, 0, 0, 0);
        double[] filled = y.clone();
        for (int k = 0; k < 20; k++) {
            filled[k] = 0;    // the reference sets untouched NaN slots through beta = 0
        }
        for (int k = 2 * 160; k < y.length; k++) {
            assertTrue(Double.isNaN(y[k]), "slot " + k + " past the output was written");
            filled[k] = 0;
        }
        double[] zero = new double[y.length];
        double[] expected = reference(a, x, 40, zero, 20, 1, 0, 0, 0);
        assertClose(expected, filled, 1e-12);
    }

    @Test
    void parallelProductHasTheSerialBits() {
        Parallelism.threads(3);
        Parallelism.threshold(1);
        try {
            CsrMatrix a = mixed(2500, 2500, 10, 0.7, 0.2);
            LinearMap map = Data.prepareProduct(a);
            assertInstanceOf(SplitCsrMatrix.class, map);
            double[] x = vector(2500), y0 = vector(2500);
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
            assertClose(reference(a, x, 0, y0, 0, 0.25, 1.5, -0.5, 0.25), parallel, 1e-12);
            // the plain product y = A x, which has its own loop
            Supplier<double[]> plain = () -> {
                double[] out = new double[y0.length];
                Data.matvec(map, x, 0, out, 0, 1, 0, 0, 0);
                return out;
            };
            double[] plainSerial = Parallelism.serial(plain);
            before = Parallelism.splitCount();
            double[] plainParallel = plain.get();
            assertTrue(Parallelism.splitCount() > before, "the plain parallel run did not split");
            assertArrayEquals(plainSerial, plainParallel);
            assertClose(reference(a, x, 0, new double[y0.length], 0, 1, 0, 0, 0), plainParallel, 1e-12);
        } finally {
            Parallelism.resetThreads();
            Parallelism.threshold(0);
        }
    }

    @Test
    void mostlyComplexMatrixStaysCsrAndDenseStaysDense() {
        CsrMatrix a = mixed(200, 200, 8, 0.05, 0.05);
        LinearMap map = Data.prepareProduct(a);
        assertInstanceOf(MatrixMap.class, map);
        assertSame(a, map.matrix());
        double[] x = vector(200), y = new double[400];
        Data.matvec(map, x, 0, y, 0, 1, 0, 0, 0);
        assertClose(reference(a, x, 0, new double[400], 0, 1, 0, 0, 0), y, 1e-12);
        DenseMatrix d = new DenseMatrix(3, 3, vector(9));
        assertSame(d, Data.prepareProduct(d).matrix());
    }

    @Test
    void tooShortVectorsAreRejected() {
        LinearMap map = Data.prepareProduct(mixed(50, 40, 4, 0.8, 0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Data.matvec(map, new double[2 * 39], 0, new double[100], 0, 1, 0, 0, 0));
        assertTrue(e.getMessage().contains("50x40"), e.getMessage());
    }
}
