package dev.lindblad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.Complex;
import dev.lindblad.parallel.Parallelism;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DIA storage and its kernels against CSR and dense references; the format choice rule. */
class DiaMatrixTest {

    private final Random rng = new Random(77);

    @AfterEach
    void reset() {
        Parallelism.resetThreads();
        Parallelism.threshold(0);
    }

    /** Random entries on the given diagonals, each position filled with probability fill. */
    CsrMatrix banded(int rows, int cols, int[] offsets, double fill) {
        CooBuilder b = new CooBuilder(rows, cols, rows * offsets.length);
        for (int off : offsets) {
            for (int i = Math.max(0, -off); i < Math.min(rows, cols - off); i++) {
                if (rng.nextDouble() < fill) {
                    b.add(i, i + off, rng.nextGaussian(), rng.nextGaussian());
                }
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

    static void assertClose(double[] expected, double[] actual, double tol) {
        assertEquals(expected.length, actual.length);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], tol * Math.max(1, Math.abs(expected[k])), "entry " + k);
        }
    }

    @Test
    void conversionsAndElementAccess() {
        CsrMatrix s = banded(50, 40, new int[] {-7, -1, 0, 3, 39}, 0.8);
        DiaMatrix g = DiaMatrix.fromCsr(s);
        assertEquals(s, g.toCsr());
        assertEquals(s.toDense(), g.toDense());
        for (int i = 0; i < 50; i += 3) {
            for (int j = 0; j < 40; j += 2) {
                assertEquals(s.get(i, j), g.get(i, j));
            }
        }
        assertTrue(g.diagonals() <= 5);
        var e = assertThrows(IllegalArgumentException.class, () -> DiaMatrix.of(4, 4, new int[] {0, 0}, new double[16]));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DiaMatrix.of(4, 4, new int[] {4}, new double[8]));
        assertTrue(e.getMessage().contains("offset 4"), e.getMessage());
        // of() sorts offsets and zeroes the padding
        double[] data = new double[2 * 2 * 3];
        java.util.Arrays.fill(data, 1);
        DiaMatrix h = DiaMatrix.of(3, 3, new int[] {1, -1}, data);
        assertArrayEquals(new int[] {-1, 1}, h.offsets());
        assertEquals(4, h.nnz());
        assertEquals(Complex.ZERO, h.get(0, 0));
        assertEquals(new Complex(1, 1), h.get(2, 1));
    }

    @Test
    void productsMatchCsr() {
        for (int[] shape : new int[][] {{300, 300}, {200, 260}, {260, 200}}) {
            int m = shape[0], n = shape[1];
            CsrMatrix s = banded(m, n, new int[] {-150, -3, -1, 0, 1, 2, 64}, 0.9);
            DiaMatrix g = DiaMatrix.fromCsr(s);
            double[] x = vector(n), y0 = vector(m);
            double[] ys = y0.clone(), yg = y0.clone();
            Data.matvec(s, x, 0, ys, 0, 0.3, -0.7, 1.5, 0.25);
            Data.matvec(g, x, 0, yg, 0, 0.3, -0.7, 1.5, 0.25);
            assertClose(ys, yg, 1e-12);

            double[] b = vector(n * 3), cs = vector(m * 3), cg = cs.clone();
            Data.matmulInto(s, b, 3, cs, 1, 0, 0, 0);
            Data.matmulInto(g, b, 3, cg, 1, 0, 0, 0);
            assertClose(cs, cg, 1e-12);

            double[] left = vector(4 * m), ds = vector(4 * n), dg = ds.clone();
            Data.matmulRightInto(left, 4, s, ds, 0.5, 0.5, -1, 0);
            Data.matmulRightInto(left, 4, g, dg, 0.5, 0.5, -1, 0);
            assertClose(ds, dg, 1e-12);

            assertClose(((DenseMatrix) Data.matmul(s, new DenseMatrix(n, 3, b))).data,
                    ((DenseMatrix) Data.matmul(g, new DenseMatrix(n, 3, b))).data, 1e-12);
            assertClose(((DenseMatrix) Data.matmul(new DenseMatrix(4, m, left), s)).data,
                    ((DenseMatrix) Data.matmul(new DenseMatrix(4, m, left), g)).data, 1e-12);
            // compared with tolerance 0: conjugating a stored zero gives -0.0, which equals 0.0 numerically
            assertClose(Data.adjoint(s).toDense().data, Data.adjoint(g).toDense().data, 0);
            assertClose(Data.transpose(s).toDense().data, Data.transpose(g).toDense().data, 0);
            assertClose(Data.conj(s).toDense().data, Data.conj(g).toDense().data, 0);
            assertClose(Data.scale(s, 2, -1).toDense().data, Data.scale(g, 2, -1).toDense().data, 0);
            assertInstanceOf(DiaMatrix.class, Data.adjoint(g), "unary operations keep the format");
        }
    }

    @Test
    void expectationValuesAndTraceMatchCsr() {
        CsrMatrix s = banded(400, 400, new int[] {-20, -1, 0, 1, 20}, 0.95);
        DiaMatrix g = DiaMatrix.fromCsr(s);
        double[] x = vector(400);
        Complex ks = Data.expectKet(s, x), kg = Data.expectKet(g, x);
        assertEquals(ks.re(), kg.re(), 1e-10 * Math.max(1, Math.abs(ks.re())));
        assertEquals(ks.im(), kg.im(), 1e-10 * Math.max(1, Math.abs(ks.im())));
        double[] rho = vector(400 * 400);
        Complex rs = Data.expectRho(s, rho), rg = Data.expectRho(g, rho);
        assertEquals(rs.re(), rg.re(), 1e-10 * Math.max(1, Math.abs(rs.re())));
        assertEquals(rs.im(), rg.im(), 1e-10 * Math.max(1, Math.abs(rs.im())));
        assertEquals(Data.trace(s).re(), Data.trace(g).re(), 1e-12);
        assertEquals(Data.frobeniusNorm(s), Data.frobeniusNorm(g), 1e-12);
        assertEquals(Data.oneNorm(s), Data.oneNorm(g), 1e-12);
        assertClose(Data.add(s, s).toDense().data, Data.add(g, s).toDense().data, 0);
    }

    @Test
    void parallelDiaKernelsHaveTheSerialBits() {
        Parallelism.threads(3);
        Parallelism.threshold(1);
        CsrMatrix s = banded(5000, 5000, new int[] {-1000, -1, 0, 1, 7, 1000}, 1.0);
        DiaMatrix g = DiaMatrix.fromCsr(s);
        double[] x = vector(5000), y0 = vector(5000);
        double[][] out = new double[2][];
        for (int k = 0; k < 2; k++) {
            final int kk = k;
            Runnable r = () -> {
                double[] y = y0.clone();
                Data.matvec(g, x, 0, y, 0, 0.5, 1, 0.5, -1);
                double[] c = new double[2 * 5000 * 2];
                Data.matmulInto(g, concat(x, y0), 2, c, 1, 0, 0, 0);
                double[] left = vector(0);
                double[] rr = new double[2 * 3 * 5000];
                Data.matmulRightInto(java.util.Arrays.copyOf(concat(x, y0), 2 * 3 * 5000), 3, g, rr, 1, 0, 0, 0);
                Complex e = Data.expectKet(g, x);
                out[kk] = concat(concat(y, c), concat(rr, new double[] {e.re(), e.im()}));
                assert left.length == 0;
            };
            if (k == 0) {
                Parallelism.serial(r);
            } else {
                long before = Parallelism.splitCount();
                r.run();
                assertTrue(Parallelism.splitCount() > before);
            }
        }
        assertArrayEquals(out[0], out[1]);
        double[] rho = vector(600 * 600);
        DiaMatrix small = DiaMatrix.fromCsr(banded(600, 600, new int[] {-5, 0, 5}, 1.0));
        Complex serial = Parallelism.serial(() -> Data.expectRho(small, rho));
        assertEquals(serial, Data.expectRho(small, rho));
    }

    static double[] concat(double[] a, double[] b) {
        double[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void formatChoiceRule() {
        // full tridiagonal: 3 diagonals x 100 rows = 300 positions for 298 entries: DIA
        CsrMatrix tri = banded(100, 100, new int[] {-1, 0, 1}, 1.0);
        assertInstanceOf(DiaMatrix.class, Data.toBestFormat(tri));
        // half-filled diagonals (spin flips): about 2 positions per entry: CSR
        CsrMatrix half = banded(256, 256, new int[] {-64, -1, 0, 1, 64}, 0.5);
        assertSame(half, Data.toBestFormat(half));
        // below the minimum size everything fits in L1: CSR
        CsrMatrix small = banded(DIA_MIN() - 1, DIA_MIN() - 1, new int[] {0}, 1.0);
        assertSame(small, Data.toBestFormat(small));
        // dense stays dense; a DIA matrix that qualifies is returned as is; one that does not becomes CSR
        DenseMatrix d = tri.toDense();
        assertSame(d, Data.toBestFormat(d));
        DiaMatrix g = DiaMatrix.fromCsr(tri);
        assertSame(g, Data.toBestFormat(g));
        assertInstanceOf(CsrMatrix.class, Data.toBestFormat(DiaMatrix.fromCsr(half)));
        // the boundary: 2 diagonals x 100 rows = 200 positions; 160 entries is exactly 1.25 per entry
        CooBuilder b = new CooBuilder(100, 100, 200);
        for (int i = 0; i < 100; i++) {
            b.add(i, i, 1, 0);
        }
        for (int i = 0; i < 60; i++) {
            b.add(i, i + 1, 1, 0);
        }
        CsrMatrix edge = b.build();
        assertEquals(160, edge.nnz());
        assertInstanceOf(DiaMatrix.class, Data.toBestFormat(edge));
        b = new CooBuilder(100, 100, 200);
        for (int i = 0; i < 100; i++) {
            b.add(i, i, 1, 0);
        }
        for (int i = 0; i < 59; i++) {
            b.add(i, i + 1, 1, 0);
        }
        assertInstanceOf(CsrMatrix.class, Data.toBestFormat(b.build()));
    }

    static int DIA_MIN() {
        return Data.DIA_MIN_ROWS;
    }
}
