package dev.lindblad.data;

/**
 * Serial kernels on dense column-major interleaved matrices. Loops run down columns, the
 * contiguous direction, so the inner loop streams memory.
 */
final class DenseKernels {
    private DenseKernels() {
    }

    /** c = a + alpha b (same shape). */
    static DenseMatrix add(DenseMatrix a, DenseMatrix b, double ar, double ai) {
        double[] x = a.data, y = b.data, c = new double[x.length];
        for (int k = 0; k < c.length; k += 2) {
            c[k] = x[k] + ar * y[k] - ai * y[k + 1];
            c[k + 1] = x[k + 1] + ar * y[k + 1] + ai * y[k];
        }
        return new DenseMatrix(a.rows, a.cols, c);
    }

    /** c = a + alpha b where b is sparse. */
    static DenseMatrix addSparse(DenseMatrix a, CsrMatrix b, double ar, double ai) {
        double[] c = a.data.clone();
        int m = a.rows;
        for (int i = 0; i < b.rows; i++) {
            for (int p = b.rowPtr[i]; p < b.rowPtr[i + 1]; p++) {
                int k = 2 * (i + b.colIdx[p] * m);
                double vr = b.values[2 * p], vi = b.values[2 * p + 1];
                c[k] += ar * vr - ai * vi;
                c[k + 1] += ar * vi + ai * vr;
            }
        }
        return new DenseMatrix(a.rows, a.cols, c);
    }

    static DenseMatrix scale(DenseMatrix a, double sr, double si) {
        double[] x = a.data, c = new double[x.length];
        for (int k = 0; k < c.length; k += 2) {
            c[k] = sr * x[k] - si * x[k + 1];
            c[k + 1] = sr * x[k + 1] + si * x[k];
        }
        return new DenseMatrix(a.rows, a.cols, c);
    }

    /**
     * c = alpha a b + beta c for a (m×k) and b (k×n) dense arrays, c (m×n) in place. Column
     * j of c gathers columns of a weighted by column j of b (the "axpy" form of GEMM).
     */
    static void gemm(int m, int k, int n, double[] a, double[] b, double[] c,
                     double ar, double ai, double br, double bi) {
        byte[] finiteColumn = null;
        for (int j = 0; j < n; j++) {
            int cj = 2 * j * m;
            scaleRange(c, cj, m, br, bi);
            for (int l = 0; l < k; l++) {
                int bk = 2 * (l + j * k);
                double xr = ar * b[bk] - ai * b[bk + 1];
                double xi = ar * b[bk + 1] + ai * b[bk];
                int al = 2 * l * m;
                if (xr == 0 && xi == 0) {
                    if (finiteColumn == null) {
                        finiteColumn = new byte[k];
                    }
                    if (skipsZeroWeight(finiteColumn, l, a, al, al + 2 * m)) {
                        continue;
                    }
                }
                for (int i = 0; i < 2 * m; i += 2) {
                    double vr = a[al + i], vi = a[al + i + 1];
                    c[cj + i] += vr * xr - vi * xi;
                    c[cj + i + 1] += vr * xi + vi * xr;
                }
            }
        }
    }

    /**
     * Whether {@code a[from, to)} is all finite. A product may skip a zero weight only then:
     * {@code 0 · inf} and {@code 0 · NaN} are NaN, and skipping them would hide a non-finite
     * entry that the same product in another format (or without the zero) reports.
     */
    static boolean allFinite(double[] a, int from, int to) {
        double s = 0;
        for (int k = from; k < to; k++) {
            s += a[k] * 0.0;   // 0 for every finite entry, NaN as soon as one is not
        }
        return s == 0;
    }

    /**
     * {@link #allFinite} of column l of a product's left factor, computed at most once per call
     * ({@code state[l]}: 0 unknown, 1 finite, 2 not).
     */
    static boolean skipsZeroWeight(byte[] state, int l, double[] a, int from, int to) {
        if (state[l] == 0) {
            state[l] = allFinite(a, from, to) ? (byte) 1 : (byte) 2;
        }
        return state[l] == 1;
    }

    static void scaleRange(double[] c, int off, int len, double br, double bi) {
        if (br == 1 && bi == 0) {
            return;
        }
        if (br == 0 && bi == 0) {
            java.util.Arrays.fill(c, off, off + 2 * len, 0.0);
            return;
        }
        for (int i = off; i < off + 2 * len; i += 2) {
            double r = c[i], im = c[i + 1];
            c[i] = br * r - bi * im;
            c[i + 1] = br * im + bi * r;
        }
    }

    /** y[yOff..] = alpha a x[xOff..] + beta y[yOff..]. */
    static void gemv(DenseMatrix a, double[] x, int xOff, double[] y, int yOff,
                     double ar, double ai, double br, double bi) {
        int m = a.rows, n = a.cols;
        double[] d = a.data;
        scaleRange(y, yOff, m, br, bi);
        for (int j = 0; j < n; j++) {
            double xr = x[xOff + 2 * j], xi = x[xOff + 2 * j + 1];
            double tr = ar * xr - ai * xi, ti = ar * xi + ai * xr;
            int aj = 2 * j * m;
            if (tr == 0 && ti == 0 && allFinite(d, aj, aj + 2 * m)) {
                continue;
            }
            for (int i = 0; i < 2 * m; i += 2) {
                double vr = d[aj + i], vi = d[aj + i + 1];
                y[yOff + i] += vr * tr - vi * ti;
                y[yOff + i + 1] += vr * ti + vi * tr;
            }
        }
    }

    /** Conjugate transpose (conj=true), transpose, or conjugate (transpose=false). */
    static DenseMatrix transform(DenseMatrix a, boolean transpose, boolean conj) {
        int m = a.rows, n = a.cols;
        double[] x = a.data, c = new double[x.length];
        double s = conj ? -1 : 1;
        if (!transpose) {
            for (int k = 0; k < c.length; k += 2) {
                c[k] = x[k];
                c[k + 1] = s * x[k + 1];
            }
            return new DenseMatrix(m, n, c);
        }
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                int src = 2 * (i + j * m), dst = 2 * (j + i * n);
                c[dst] = x[src];
                c[dst + 1] = s * x[src + 1];
            }
        }
        return new DenseMatrix(n, m, c);
    }

    static DenseMatrix kron(DenseMatrix a, DenseMatrix b) {
        double[] c = new double[(int) Checks.denseDoubles(a.rows * b.rows, a.cols * b.cols)];
        kronColumns(a, b, c, 0, a.cols);
        return new DenseMatrix(a.rows * b.rows, a.cols * b.cols, c);
    }

    /**
     * Writes the block columns {@code j1 in [j1From, j1To)} of {@code a ⊗ b} into c (each output
     * element written once, so column ranges can be filled concurrently).
     */
    static void kronColumns(DenseMatrix a, DenseMatrix b, double[] c, int j1From, int j1To) {
        int m1 = a.rows, m2 = b.rows, n2 = b.cols;
        int m = m1 * m2;
        int bFinite = 0;   // 0 unknown, 1 every entry of b finite, 2 not: a zero of a skips its block only if 1
        for (int j1 = j1From; j1 < j1To; j1++) {
            for (int i1 = 0; i1 < m1; i1++) {
                double ar = a.data[2 * (i1 + j1 * m1)], ai = a.data[2 * (i1 + j1 * m1) + 1];
                if (ar == 0 && ai == 0) {
                    if (bFinite == 0) {
                        bFinite = allFinite(b.data, 0, b.data.length) ? 1 : 2;
                    }
                    if (bFinite == 1) {
                        continue;   // c is zero-filled, and 0 · finite = 0
                    }
                }
                for (int j2 = 0; j2 < n2; j2++) {
                    int dst = 2 * (i1 * m2 + (j1 * n2 + j2) * m);
                    int src = 2 * j2 * m2;
                    for (int i2 = 0; i2 < 2 * m2; i2 += 2) {
                        double br = b.data[src + i2], bi = b.data[src + i2 + 1];
                        c[dst + i2] = ar * br - ai * bi;
                        c[dst + i2 + 1] = ar * bi + ai * br;
                    }
                }
            }
        }
    }

    static void trace(DenseMatrix a, double[] out) {
        double r = 0, i = 0;
        for (int k = 0; k < a.rows; k++) {
            r += a.data[2 * (k + k * a.rows)];
            i += a.data[2 * (k + k * a.rows) + 1];
        }
        out[0] = r;
        out[1] = i;
    }

    /** x^† a x without forming a x: {@code sum_j (x^† a)_j x_j}, column by column. */
    static void expectKet(DenseMatrix a, double[] x, double[] out) {
        expectKetColumns(a, x, 0, a.cols, out, 0);
    }

    /** {@link #expectKet} over columns [j0, j1), into out[o], out[o+1]; the parallel kernel sums blocks of it. */
    static void expectKetColumns(DenseMatrix a, double[] x, int j0, int j1, double[] out, int o) {
        int m = a.rows;
        double sr = 0, si = 0;
        for (int j = j0; j < j1; j++) {
            // (x^† a)_j = sum_i conj(x_i) a_ij
            double tr = 0, ti = 0;
            int aj = 2 * j * m;
            for (int i = 0; i < 2 * m; i += 2) {
                double vr = a.data[aj + i], vi = a.data[aj + i + 1];
                double xr = x[i], xi = -x[i + 1];
                tr += xr * vr - xi * vi;
                ti += xr * vi + xi * vr;
            }
            double yr = x[2 * j], yi = x[2 * j + 1];
            sr += tr * yr - ti * yi;
            si += tr * yi + ti * yr;
        }
        out[o] = sr;
        out[o + 1] = si;
    }

    /** tr(a rho) = sum_ij a_ij rho_ji for dense rho (column-major), without forming a rho. */
    static void expectRho(DenseMatrix a, double[] rho, double[] out) {
        int n = a.rows;
        double sr = 0, si = 0;
        // walk a by columns: a_ij with j fixed pairs with rho_ji, i.e. row j of rho (stride n)
        for (int j = 0; j < n; j++) {
            int aj = 2 * j * n;
            for (int i = 0; i < n; i++) {
                double ar = a.data[aj + 2 * i], ai = a.data[aj + 2 * i + 1];
                int r = 2 * (j + i * n);
                double rr = rho[r], ri = rho[r + 1];
                sr += ar * rr - ai * ri;
                si += ar * ri + ai * rr;
            }
        }
        out[0] = sr;
        out[1] = si;
    }
}
