package dev.lindblad.data;

/**
 * A matrix stored by diagonals, as {@link DiaMatrix}, with the real and imaginary parts of each
 * diagonal kept apart: {@code A[i][i + offsets[d]] = re[d][i] + i im[d][i]}, where a diagonal
 * whose entries are all real has no {@code im[d]} and one whose entries are all imaginary no
 * {@code re[d]} (a Liouvillian of real operators has mostly such diagonals: the commutator
 * with H imaginary, the jump terms real). Positions outside the matrix are zero padding.
 *
 * <p>The product de-interleaves the needed part of x into real and imaginary arrays (per
 * thread scratch) and accumulates into such arrays, so every diagonal is a few contiguous
 * multiply-add loops the JIT vectorises; a real or imaginary diagonal costs 8 bytes and 2
 * real multiply-adds per position, against 16 and 4 for complex DIA.
 */
final class SplitDiaMatrix implements LinearMap {

    /** Rows per tile: the tile's sums (two arrays) stay in L1 while the diagonals stream by. */
    static final int TILE = 512;

    final int rows;
    final int cols;
    final int[] offsets;
    final double[][] re;
    final double[][] im;
    private final DiaMatrix matrix;

    /**
     * Per-thread scratch, indexed like x and the rows: de-interleaved x (real, imaginary), the
     * sums (real, imaginary) and x shifted onto a diagonal (real, imaginary); a tile uses its
     * own rows of the last four.
     */
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[6][0]);

    private SplitDiaMatrix(DiaMatrix matrix, double[][] re, double[][] im) {
        this.matrix = matrix;
        this.rows = matrix.rows;
        this.cols = matrix.cols;
        this.offsets = matrix.offsets;
        this.re = re;
        this.im = im;
    }

    static SplitDiaMatrix of(DiaMatrix a) {
        int n = a.offsets.length;
        double[][] re = new double[n][], im = new double[n][];
        for (int d = 0; d < n; d++) {
            boolean anyRe = false, anyIm = false;
            int base = 2 * d * a.rows;
            for (int i = 0; i < a.rows; i++) {
                anyRe |= a.data[base + 2 * i] != 0;
                anyIm |= a.data[base + 2 * i + 1] != 0;
            }
            if (anyRe || !anyIm) {
                re[d] = new double[a.rows];
                for (int i = 0; i < a.rows; i++) {
                    re[d][i] = a.data[base + 2 * i];
                }
            }
            if (anyIm) {
                im[d] = new double[a.rows];
                for (int i = 0; i < a.rows; i++) {
                    im[d][i] = a.data[base + 2 * i + 1];
                }
            }
        }
        return new SplitDiaMatrix(a, re, im);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public long work() {
        long w = 0;
        for (int d = 0; d < offsets.length; d++) {
            w += (re[d] != null ? 2L : 0) * rows + (im[d] != null ? 2L : 0) * rows;
        }
        return w;
    }

    @Override
    public String storage() {
        return "split-dia";
    }

    /** @return 8 bytes per position of each stored real or imaginary diagonal, 4 per offset */
    @Override
    public long storedBytes() {
        return 4 * work() + 4L * offsets.length;
    }

    @Override
    public Matrix matrix() {
        return matrix;
    }

    private static double[][] scratch(int rows, int cols) {
        double[][] s = SCRATCH.get();
        if (s[0].length < cols) {
            s[0] = new double[cols];
            s[1] = new double[cols];
        }
        if (s[2].length < rows) {
            s[2] = new double[rows];
            s[3] = new double[rows];
            s[4] = new double[rows];
            s[5] = new double[rows];
        }
        return s;
    }

    /** y[yOff..] = alpha a x[xOff..] + beta y[yOff..] over rows [r0, r1). */
    static void gemvRows(SplitDiaMatrix a, double[] x, int xOff, double[] y, int yOff,
                         double ar, double ai, double br, double bi, int r0, int r1) {
        if (r0 >= r1) {
            return;
        }
        double[][] s = scratch(a.rows, a.cols);
        split(a, x, xOff, s, r0, r1);
        rowsFromSplit(a, s, y, yOff, ar, ai, br, bi, r0, r1);
    }

    /**
     * The rows {@code i + n j, i <= j} of {@code y = alpha a x + beta y} for the columns
     * {@code j0 <= j < j1} of an n×n operator stored column by column: the upper triangle of
     * {@code vec(drho)}. x is de-interleaved once for all of them.
     */
    static void gemvUpper(SplitDiaMatrix a, int n, double[] x, double[] y, double ar, double br, int j0, int j1) {
        if (j0 >= j1) {
            return;
        }
        double[][] s = scratch(a.rows, a.cols);
        split(a, x, 0, s, n * j0, n * (j1 - 1) + j1);
        for (int j = j0; j < j1; j++) {
            rowsFromSplit(a, s, y, 0, ar, 0, br, 0, n * j, n * j + j + 1);
        }
    }

    /**
     * {@code y = a x} for a square matrix and vectors in split layout: the real parts at
     * {@code [0, rows)}, the imaginary parts at {@code [rows, 2 rows)}; x and y must differ.
     * The same sums in the same order as {@link #gemvRows} (so the same bits), without the
     * de-interleaving of x and with contiguous stores.
     */
    static void gemvSplitLayout(SplitDiaMatrix a, double[] x, double[] y) {
        int n = a.rows;
        double[][] s = scratch(a.rows, a.cols);
        for (int t0 = 0; t0 < n; t0 += TILE) {
            int t1 = Math.min(n, t0 + TILE);
            sumTile(a, x, 0, x, n, s, t0, t1);
            System.arraycopy(s[2], t0, y, t0, t1 - t0);
            System.arraycopy(s[3], t0, y, n + t0, t1 - t0);
        }
    }

    /**
     * The sums of rows [t0, t1) into s[2] (real) and s[3] (imaginary), from x's real parts at
     * {@code xr[xrOff + j]} and imaginary parts at {@code xi[xiOff + j]}, diagonal by diagonal.
     * x is shifted onto each diagonal first (into s[4], s[5]), so that every array of the
     * multiply-add loops is read at the same index i: C2 (JDK 25) vectorises such loops but not
     * ones reading x at i + off while storing the sums at i (it cannot rule out that they overlap).
     */
    private static void sumTile(SplitDiaMatrix a, double[] xr, int xrOff, double[] xi, int xiOff, double[][] s,
                                int t0, int t1) {
        double[] sr = s[2], si = s[3], tr = s[4], ti = s[5];
        int[] offsets = a.offsets;
        java.util.Arrays.fill(sr, t0, t1, 0.0);
        java.util.Arrays.fill(si, t0, t1, 0.0);
        for (int d = 0; d < offsets.length; d++) {
            int off = offsets[d];
            int lo = Math.max(t0, -off), hi = Math.min(t1, a.cols - off);
            if (lo >= hi) {
                continue;
            }
            System.arraycopy(xr, xrOff + lo + off, tr, lo, hi - lo);
            System.arraycopy(xi, xiOff + lo + off, ti, lo, hi - lo);
            accumulate(a.re[d], a.im[d], tr, ti, sr, si, lo, hi);
        }
    }

    /** {@code s += w .* t} over [lo, hi) for one diagonal w = wr + i wi (either part may be absent). */
    private static void accumulate(double[] wr, double[] wi, double[] tr, double[] ti, double[] sr, double[] si,
                                   int lo, int hi) {
        if (wi == null) {
            for (int i = lo; i < hi; i++) {
                double w = wr[i];
                sr[i] += w * tr[i];
                si[i] += w * ti[i];
            }
        } else if (wr == null) {
            for (int i = lo; i < hi; i++) {
                double w = wi[i];
                sr[i] -= w * ti[i];
                si[i] += w * tr[i];
            }
        } else {
            for (int i = lo; i < hi; i++) {
                double u = wr[i], w = wi[i], p = tr[i], q = ti[i];
                sr[i] += u * p - w * q;
                si[i] += u * q + w * p;
            }
        }
    }

    /** De-interleaves the part of x that rows [r0, r1) reach into s[0] (real) and s[1] (imaginary). */
    private static void split(SplitDiaMatrix a, double[] x, int xOff, double[][] s, int r0, int r1) {
        double[] xr = s[0], xi = s[1];
        int[] offsets = a.offsets;
        int c0 = Math.max(0, r0 + offsets[0]), c1 = Math.min(a.cols, r1 + offsets[offsets.length - 1]);
        for (int j = c0; j < c1; j++) {
            xr[j] = x[xOff + 2 * j];
            xi[j] = x[xOff + 2 * j + 1];
        }
    }

    /** Rows [r0, r1) of the product from the de-interleaved x in s, tile by tile. */
    private static void rowsFromSplit(SplitDiaMatrix a, double[][] s, double[] y, int yOff,
                                      double ar, double ai, double br, double bi, int r0, int r1) {
        double[] sr = s[2], si = s[3];
        boolean beta0 = br == 0 && bi == 0, alpha1 = ar == 1 && ai == 0;
        for (int t0 = r0; t0 < r1; t0 += TILE) {
            int t1 = Math.min(r1, t0 + TILE);
            sumTile(a, s[0], 0, s[1], 0, s, t0, t1);
            for (int i = t0; i < t1; i++) {
                double pr = sr[i], pi = si[i];
                if (!alpha1) {
                    double t = ar * pr - ai * pi;
                    pi = ar * pi + ai * pr;
                    pr = t;
                }
                int k = yOff + 2 * i;
                if (beta0) {
                    y[k] = pr;
                    y[k + 1] = pi;
                } else {
                    double yr = y[k], yi = y[k + 1];
                    y[k] = br * yr - bi * yi + pr;
                    y[k + 1] = br * yi + bi * yr + pi;
                }
            }
        }
    }
}
