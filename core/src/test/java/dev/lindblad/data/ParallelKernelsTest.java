package dev.lindblad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.Complex;
import dev.lindblad.parallel.Parallelism;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every parallel kernel against its serial twin: the same bits (JUnit compares doubles by their
 * bit patterns), with the split forced by a threshold of one multiply-add and three threads
 * (an odd count, so chunks are uneven). Each case is also checked against a plain dense
 * reference written here, so a kernel that is wrong in both modes fails too.
 */
class ParallelKernelsTest {

    private final Random rng = new Random(20240611);

    @BeforeEach
    void forceSplitting() {
        Parallelism.threads(3);
        Parallelism.threshold(1);
    }

    @AfterEach
    void reset() {
        Parallelism.resetThreads();
        Parallelism.threshold(0);
    }

    /** Random CSR with row lengths 0..2*mean (some rows empty), so the work partition is uneven. */
    CsrMatrix randomCsr(int rows, int cols, int mean) {
        CooBuilder b = new CooBuilder(rows, cols, rows * mean);
        for (int i = 0; i < rows; i++) {
            int len = (i % 17 == 0) ? 0 : rng.nextInt(2 * mean + 1);
            for (int k = 0; k < len; k++) {
                b.add(i, rng.nextInt(cols), rng.nextGaussian(), rng.nextGaussian());
            }
        }
        return b.build();
    }

    double[] randomVector(int n) {
        double[] x = new double[2 * n];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextGaussian();
        }
        return x;
    }

    DenseMatrix randomDense(int m, int n) {
        return new DenseMatrix(m, n, randomVector(m * n));
    }

    /** Runs f serially and in parallel; asserts the parallel run split and gave the same bits. */
    double[] sameBits(Supplier<double[]> f) {
        double[] serial = Parallelism.serial(f);
        long before = Parallelism.splitCount();
        double[] parallel = f.get();
        assertTrue(Parallelism.splitCount() > before, "the parallel run did not split");
        assertArrayEquals(serial, parallel);
        return parallel;
    }

    static double[] referenceMatvec(Matrix a, double[] x) {
        DenseMatrix d = a.toDense();
        double[] y = new double[2 * a.rows()];
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                double ar = d.data[2 * (i + j * a.rows())], ai = d.data[2 * (i + j * a.rows()) + 1];
                y[2 * i] += ar * x[2 * j] - ai * x[2 * j + 1];
                y[2 * i + 1] += ar * x[2 * j + 1] + ai * x[2 * j];
            }
        }
        return y;
    }

    static void assertClose(double[] expected, double[] actual, double tol) {
        assertEquals(expected.length, actual.length);
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], tol * Math.max(1, scale), "entry " + k);
        }
    }

    @Test
    void csrMatvecSameBitsWithAlphaBeta() {
        CsrMatrix a = randomCsr(2000, 1800, 12);
        double[] x = randomVector(1800), y0 = randomVector(2000);
        double[] y = sameBits(() -> {
            double[] out = y0.clone();
            Data.matvec(a, x, 0, out, 0, 0.5, -1.25, 0.75, 0.5);
            return out;
        });
        double[] ax = referenceMatvec(a, x);
        double[] expected = new double[y.length];
        for (int i = 0; i < 2000; i++) {
            double sr = ax[2 * i], si = ax[2 * i + 1], yr = y0[2 * i], yi = y0[2 * i + 1];
            expected[2 * i] = 0.5 * sr + 1.25 * si + 0.75 * yr - 0.5 * yi;
            expected[2 * i + 1] = 0.5 * si - 1.25 * sr + 0.75 * yi + 0.5 * yr;
        }
        assertClose(expected, y, 1e-12);
    }

    @Test
    void csrMatvecWithOffsetsAndUnchangedSerialTwin() {
        CsrMatrix a = randomCsr(1500, 1500, 8);
        double[] x = randomVector(1600);
        double[] y = sameBits(() -> {
            double[] out = new double[2 * 1700];
            java.util.Arrays.fill(out, Double.NaN);   // beta = 0 ignores old contents
            Data.matvec(a, x, 2 * 100, out, 2 * 200, 1, 0, 0, 0);
            return out;
        });
        double[] twin = new double[2 * 1700];
        java.util.Arrays.fill(twin, Double.NaN);
        CsrKernels.gemvRows(a, x, 200, twin, 400, 1, 0, 0, 0, 0, a.rows);
        assertArrayEquals(twin, y);
    }

    @Test
    void csrTimesDenseAndDenseTimesCsr() {
        CsrMatrix a = randomCsr(400, 300, 6);
        double[] b = randomVector(300 * 5), c0 = randomVector(400 * 5);
        double[] c = sameBits(() -> {
            double[] out = c0.clone();
            Data.matmulInto(a, b, 5, out, 1, 0.5, -0.5, 0);
            return out;
        });
        DenseMatrix ref = (DenseMatrix) Data.add(Data.scale(Data.matmul(a.toDense(), new DenseMatrix(300, 5, b)), 1, 0.5),
                new DenseMatrix(400, 5, c0), -0.5, 0);
        assertClose(ref.data, c, 1e-12);

        double[] left = randomVector(7 * 400), d0 = randomVector(7 * 300);
        double[] d = sameBits(() -> {
            double[] out = d0.clone();
            Data.matmulRightInto(left, 7, a, out, 2, 0, 1, 1);
            return out;
        });
        DenseMatrix ref2 = (DenseMatrix) Data.add(Data.scale(Data.matmul(new DenseMatrix(7, 400, left), a.toDense()), 2, 0),
                new DenseMatrix(7, 300, d0), 1, 1);
        assertClose(ref2.data, d, 1e-12);
    }

    @Test
    void denseGemvAndGemmBothSplits() {
        DenseMatrix a = randomDense(301, 257);
        double[] x = randomVector(257), y0 = randomVector(301);
        double[] y = sameBits(() -> {
            double[] out = y0.clone();
            Data.matvec(a, x, 0, out, 0, 1, -1, 0.5, 0);
            return out;
        });
        double[] ax = referenceMatvec(a, x);
        double[] expected = new double[y.length];
        for (int i = 0; i < 301; i++) {
            expected[2 * i] = ax[2 * i] + ax[2 * i + 1] + 0.5 * y0[2 * i];
            expected[2 * i + 1] = ax[2 * i + 1] - ax[2 * i] + 0.5 * y0[2 * i + 1];
        }
        assertClose(expected, y, 1e-12);

        for (int n : new int[] {2, 40}) {   // few columns: rows split; many: columns split
            DenseMatrix b = randomDense(257, n);
            double[] c = sameBits(() -> ((DenseMatrix) Data.matmul(a, b)).data);
            double[] ref = new double[2 * 301 * n];
            for (int j = 0; j < n; j++) {
                double[] col = referenceMatvec(a, java.util.Arrays.copyOfRange(b.data, 2 * 257 * j, 2 * 257 * (j + 1)));
                System.arraycopy(col, 0, ref, 2 * 301 * j, col.length);
            }
            assertClose(ref, c, 1e-12);
        }
    }

    @Test
    void expectationValuesSameBitsOverSeveralBlocks() {
        CsrMatrix a = randomCsr(3000, 3000, 20);   // about 60000 entries: four reduction blocks
        assertTrue(RowPartition.blocks(a).chunks() > 2);
        double[] x = randomVector(3000);
        double[] ket = sameBits(() -> {
            Complex z = Data.expectKet(a, x);
            return new double[] {z.re(), z.im()};
        });
        double[] ax = referenceMatvec(a, x);
        Complex ref = Data.inner(x, ax);
        assertClose(new double[] {ref.re(), ref.im()}, ket, 1e-10);

        DenseMatrix d = randomDense(300, 300);
        double[] xd = randomVector(300);
        double[] ketDense = sameBits(() -> {
            Complex z = Data.expectKet(d, xd);
            return new double[] {z.re(), z.im()};
        });
        Complex refD = Data.inner(xd, referenceMatvec(d, xd));
        assertClose(new double[] {refD.re(), refD.im()}, ketDense, 1e-10);

        CsrMatrix s = randomCsr(500, 500, 100);
        assertTrue(RowPartition.blocks(s).chunks() > 1);
        DenseMatrix rho = randomDense(500, 500);
        for (Matrix op : new Matrix[] {s, s.toDense()}) {
            double[] e = sameBits(() -> {
                Complex z = Data.expectRho(op, rho.data);
                return new double[] {z.re(), z.im()};
            });
            Complex refR = Data.trace(Data.matmul(op.toDense(), rho));
            assertClose(new double[] {refR.re(), refR.im()}, e, 1e-10);
        }
    }

    @Test
    void kronSameBits() {
        CsrMatrix a = randomCsr(40, 30, 5), b = randomCsr(50, 20, 4);
        CsrMatrix k = (CsrMatrix) Parallelism.serial(() -> Data.kron(a, b));
        long before = Parallelism.splitCount();
        CsrMatrix kp = (CsrMatrix) Data.kron(a, b);
        assertTrue(Parallelism.splitCount() > before);
        assertEquals(k, kp);
        assertClose(((DenseMatrix) Data.kron(a.toDense(), b.toDense())).data, kp.toDense().data, 0);

        DenseMatrix da = randomDense(12, 9), db = randomDense(7, 11);
        double[] kd = sameBits(() -> ((DenseMatrix) Data.kron(da, db)).data);
        for (int i1 = 0; i1 < 12; i1++) {
            for (int j1 = 0; j1 < 9; j1++) {
                for (int i2 = 0; i2 < 7; i2++) {
                    for (int j2 = 0; j2 < 11; j2++) {
                        Complex expected = da.get(i1, j1).times(db.get(i2, j2));
                        int idx = 2 * ((i1 * 7 + i2) + (j1 * 11 + j2) * 84);
                        assertEquals(expected.re(), kd[idx], 1e-14);
                        assertEquals(expected.im(), kd[idx + 1], 1e-14);
                    }
                }
            }
        }
    }

    @Test
    void ptraceSameBits() {
        int[] dims = {3, 4, 5};
        int[] keep = {2, 0};
        CsrMatrix s = randomCsr(60, 60, 10);
        double[] ps = sameBits(() -> Data.ptrace(s, dims, keep).data);
        double[] pd = sameBits(() -> Data.ptrace(s.toDense(), dims, keep).data);
        assertClose(pd, ps, 1e-13);
        // reference: out[(c, a)][(c', a')] = sum_b rho[(a,b,c)][(a',b,c')]
        DenseMatrix d = s.toDense();
        for (int c = 0; c < 5; c++) {
            for (int a = 0; a < 3; a++) {
                for (int c2 = 0; c2 < 5; c2++) {
                    for (int a2 = 0; a2 < 3; a2++) {
                        double re = 0, im = 0;
                        for (int b = 0; b < 4; b++) {
                            Complex z = d.get(a * 20 + b * 5 + c, a2 * 20 + b * 5 + c2);
                            re += z.re();
                            im += z.im();
                        }
                        int o = 2 * ((c * 3 + a) + (c2 * 3 + a2) * 15);
                        assertEquals(re, pd[o], 1e-12);
                        assertEquals(im, pd[o + 1], 1e-12);
                    }
                }
            }
        }
        double[] psi = randomVector(60);
        double[] pk = sameBits(() -> Data.ptraceKet(psi, dims, keep).data);
        CsrMatrix dm = (CsrMatrix) DenseMatrix.wrap(60, 60, outer(psi)).toCsr();
        assertClose(Data.ptrace(dm, dims, keep).data, pk, 1e-12);
    }

    static double[] outer(double[] psi) {
        int n = psi.length / 2;
        double[] r = new double[2 * n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                r[2 * (i + j * n)] = psi[2 * i] * psi[2 * j] + psi[2 * i + 1] * psi[2 * j + 1];
                r[2 * (i + j * n) + 1] = psi[2 * i + 1] * psi[2 * j] - psi[2 * i] * psi[2 * j + 1];
            }
        }
        return r;
    }

    @Test
    void workPartitionIsBalancedByEntriesAndCached() {
        CsrMatrix a = randomCsr(1000, 1000, 10);
        RowPartition p = RowPartition.work(a, 4);
        assertTrue(p == RowPartition.work(a, 4), "partition not cached");
        long nnz = a.nnz();
        int maxRow = 0;
        for (int i = 0; i < a.rows; i++) {
            maxRow = Math.max(maxRow, a.rowPtr[i + 1] - a.rowPtr[i]);
        }
        assertEquals(0, p.bounds[0]);
        assertEquals(a.rows, p.bounds[4]);
        for (int c = 0; c < 4; c++) {
            long chunk = a.rowPtr[p.bounds[c + 1]] - a.rowPtr[p.bounds[c]];
            assertTrue(Math.abs(chunk - nnz / 4.0) <= maxRow + 1, "chunk " + c + " has " + chunk + " of " + nnz);
        }
    }
}
