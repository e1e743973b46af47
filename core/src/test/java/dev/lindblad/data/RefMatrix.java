package dev.lindblad.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.lindblad.Complex;
import java.util.Random;

/**
 * A deliberately plain dense complex matrix for tests: row-major {@code re[i][j]},
 * {@code im[i][j]}, naive loops only. It is the independent reference the data layer's kernels
 * are checked against; nothing in it calls the code under test except the two conversions
 * {@link #dense()} / {@link #csr()} (through the public factories) and {@link #of(Matrix)}
 * (through {@link Matrix#get}).
 */
final class RefMatrix {
    final int m;
    final int n;
    final double[][] re;
    final double[][] im;

    RefMatrix(int m, int n) {
        this.m = m;
        this.n = n;
        re = new double[m][n];
        im = new double[m][n];
    }

    /** Entries nonzero with probability {@code density}; each nonzero has random re and im in [-1, 1). */
    static RefMatrix random(int m, int n, double density, Random random) {
        RefMatrix r = new RefMatrix(m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (density >= 1 || random.nextDouble() < density) {
                    r.re[i][j] = 2 * random.nextDouble() - 1;
                    r.im[i][j] = 2 * random.nextDouble() - 1;
                }
            }
        }
        return r;
    }

    static RefMatrix hermitian(int n, double density, Random random) {
        RefMatrix a = random(n, n, density, random);
        return a.plus(a.adjoint(), 1, 0);
    }

    static RefMatrix identity(int n) {
        RefMatrix r = new RefMatrix(n, n);
        for (int i = 0; i < n; i++) {
            r.re[i][i] = 1;
        }
        return r;
    }

    /** Reads any matrix element by element through {@link Matrix#get}. */
    static RefMatrix of(Matrix a) {
        RefMatrix r = new RefMatrix(a.rows(), a.cols());
        for (int i = 0; i < r.m; i++) {
            for (int j = 0; j < r.n; j++) {
                Complex z = a.get(i, j);
                r.re[i][j] = z.re();
                r.im[i][j] = z.im();
            }
        }
        return r;
    }

    /** An interleaved column-major array, the layout the kernels take. */
    static RefMatrix fromColumnMajor(int m, int n, double[] a) {
        RefMatrix r = new RefMatrix(m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                r.re[i][j] = a[2 * (i + j * m)];
                r.im[i][j] = a[2 * (i + j * m) + 1];
            }
        }
        return r;
    }

    double[] columnMajor() {
        double[] a = new double[2 * m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                a[2 * (i + j * m)] = re[i][j];
                a[2 * (i + j * m) + 1] = im[i][j];
            }
        }
        return a;
    }

    DenseMatrix dense() {
        return DenseMatrix.fromRows(re, im);
    }

    /** CSR built from explicit triplets row by row, not through the dense-to-CSR conversion. */
    CsrMatrix csr() {
        int count = nonzeros();
        int[] rowPtr = new int[m + 1];
        int[] colIdx = new int[count];
        double[] values = new double[2 * count];
        int p = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (re[i][j] != 0 || im[i][j] != 0) {
                    colIdx[p] = j;
                    values[2 * p] = re[i][j];
                    values[2 * p + 1] = im[i][j];
                    p++;
                }
            }
            rowPtr[i + 1] = p;
        }
        return CsrMatrix.of(m, n, rowPtr, colIdx, values);
    }

    Matrix in(Fmt f) {
        return f == Fmt.DENSE ? dense() : csr();
    }

    int nonzeros() {
        int c = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (re[i][j] != 0 || im[i][j] != 0) {
                    c++;
                }
            }
        }
        return c;
    }

    double density() {
        return (double) nonzeros() / (m * n);
    }

    /** this + (ar + i ai) b */
    RefMatrix plus(RefMatrix b, double ar, double ai) {
        RefMatrix r = new RefMatrix(m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                r.re[i][j] = re[i][j] + ar * b.re[i][j] - ai * b.im[i][j];
                r.im[i][j] = im[i][j] + ar * b.im[i][j] + ai * b.re[i][j];
            }
        }
        return r;
    }

    RefMatrix scale(double sr, double si) {
        return new RefMatrix(m, n).plus(this, sr, si);
    }

    RefMatrix times(RefMatrix b) {
        RefMatrix r = new RefMatrix(m, b.n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < b.n; j++) {
                double sr = 0, si = 0;
                for (int k = 0; k < n; k++) {
                    sr += re[i][k] * b.re[k][j] - im[i][k] * b.im[k][j];
                    si += re[i][k] * b.im[k][j] + im[i][k] * b.re[k][j];
                }
                r.re[i][j] = sr;
                r.im[i][j] = si;
            }
        }
        return r;
    }

    RefMatrix adjoint() {
        return transpose().conj();
    }

    RefMatrix transpose() {
        RefMatrix r = new RefMatrix(n, m);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                r.re[j][i] = re[i][j];
                r.im[j][i] = im[i][j];
            }
        }
        return r;
    }

    RefMatrix conj() {
        RefMatrix r = new RefMatrix(m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                r.re[i][j] = re[i][j];
                r.im[i][j] = -im[i][j];
            }
        }
        return r;
    }

    RefMatrix kron(RefMatrix b) {
        RefMatrix r = new RefMatrix(m * b.m, n * b.n);
        for (int i1 = 0; i1 < m; i1++) {
            for (int j1 = 0; j1 < n; j1++) {
                for (int i2 = 0; i2 < b.m; i2++) {
                    for (int j2 = 0; j2 < b.n; j2++) {
                        r.re[i1 * b.m + i2][j1 * b.n + j2] = re[i1][j1] * b.re[i2][j2] - im[i1][j1] * b.im[i2][j2];
                        r.im[i1 * b.m + i2][j1 * b.n + j2] = re[i1][j1] * b.im[i2][j2] + im[i1][j1] * b.re[i2][j2];
                    }
                }
            }
        }
        return r;
    }

    Complex trace() {
        double sr = 0, si = 0;
        for (int i = 0; i < m; i++) {
            sr += re[i][i];
            si += im[i][i];
        }
        return new Complex(sr, si);
    }

    Complex get(int i, int j) {
        return new Complex(re[i][j], im[i][j]);
    }

    double maxAbs() {
        double r = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                r = Math.max(r, Math.hypot(re[i][j], im[i][j]));
            }
        }
        return r;
    }

    double frobenius() {
        double s = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                s += re[i][j] * re[i][j] + im[i][j] * im[i][j];
            }
        }
        return Math.sqrt(s);
    }

    double oneNorm() {
        double best = 0;
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += Math.hypot(re[i][j], im[i][j]);
            }
            best = Math.max(best, s);
        }
        return best;
    }

    /** Flat index of a multi-index, first subsystem slowest (QuTiP's tensor order). */
    static int flat(int[] digits, int[] dims) {
        int f = 0;
        for (int k = 0; k < dims.length; k++) {
            f = f * dims[k] + digits[k];
        }
        return f;
    }

    /** Multi-index of a flat index, first subsystem slowest. */
    static int[] digits(int flat, int[] dims) {
        int[] d = new int[dims.length];
        for (int k = dims.length - 1; k >= 0; k--) {
            d[k] = flat % dims[k];
            flat /= dims[k];
        }
        return d;
    }

    /**
     * Partial trace by brute force: every pair (i, j) of the full matrix whose traced digits agree
     * adds its entry to the reduced element whose row and column digits are the kept digits of i
     * and j, in the listed order.
     */
    RefMatrix ptrace(int[] dims, int[] keep) {
        int[] keptDims = new int[keep.length];
        for (int k = 0; k < keep.length; k++) {
            keptDims[k] = dims[keep[k]];
        }
        int nk = 1;
        for (int d : keptDims) {
            nk *= d;
        }
        boolean[] kept = new boolean[dims.length];
        for (int k : keep) {
            kept[k] = true;
        }
        RefMatrix r = new RefMatrix(nk, nk);
        for (int i = 0; i < m; i++) {
            int[] di = digits(i, dims);
            for (int j = 0; j < n; j++) {
                int[] dj = digits(j, dims);
                boolean same = true;
                for (int k = 0; k < dims.length; k++) {
                    if (!kept[k] && di[k] != dj[k]) {
                        same = false;
                    }
                }
                if (!same) {
                    continue;
                }
                int[] ai = new int[keep.length], aj = new int[keep.length];
                for (int k = 0; k < keep.length; k++) {
                    ai[k] = di[keep[k]];
                    aj[k] = dj[keep[k]];
                }
                int a = flat(ai, keptDims), b = flat(aj, keptDims);
                r.re[a][b] += re[i][j];
                r.im[a][b] += im[i][j];
            }
        }
        return r;
    }

    /** Moves entry (i, j) to the position whose new digits are the old digits read in {@code order}. */
    RefMatrix permute(int[] rowDims, int[] colDims, int[] order) {
        int[] newRow = new int[order.length], newCol = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            newRow[k] = rowDims[order[k]];
            newCol[k] = colDims[order[k]];
        }
        RefMatrix r = new RefMatrix(m, n);
        for (int i = 0; i < m; i++) {
            int[] di = digits(i, rowDims);
            int[] ni = new int[order.length];
            for (int k = 0; k < order.length; k++) {
                ni[k] = di[order[k]];
            }
            for (int j = 0; j < n; j++) {
                int[] dj = digits(j, colDims);
                int[] nj = new int[order.length];
                for (int k = 0; k < order.length; k++) {
                    nj[k] = dj[order[k]];
                }
                int a = flat(ni, newRow), b = flat(nj, newCol);
                r.re[a][b] = re[i][j];
                r.im[a][b] = im[i][j];
            }
        }
        return r;
    }

    /** Asserts every entry of {@code actual} is within {@code tol * max(1, maxAbs(this))} of this. */
    void assertClose(Matrix actual, double tol, String what) {
        assertEquals(m, actual.rows(), what + ": rows");
        assertEquals(n, actual.cols(), what + ": cols");
        assertClose(of(actual), tol, what);
    }

    void assertClose(RefMatrix actual, double tol, String what) {
        assertEquals(m, actual.m, what + ": rows");
        assertEquals(n, actual.n, what + ": cols");
        double bound = tol * Math.max(1, maxAbs());
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double d = Math.hypot(actual.re[i][j] - re[i][j], actual.im[i][j] - im[i][j]);
                if (!(d <= bound)) {
                    fail(what + ": entry (" + i + ", " + j + ") is " + actual.get(i, j) + ", expected " + get(i, j)
                            + " (difference " + d + " > " + bound + ")");
                }
            }
        }
    }

    static void assertComplex(Complex expected, Complex actual, double tol, String what) {
        double bound = tol * Math.max(1, expected.abs());
        assertTrue(expected.isClose(actual, bound), what + ": got " + actual + ", expected " + expected);
    }

    /** Test-side names of the two formats. */
    enum Fmt {
        DENSE, CSR
    }
}
