package dev.lindblad.data;

import java.util.Arrays;

/** Serial kernels with at least one CSR operand. */
final class CsrKernels {
    private CsrKernels() {
    }

    /** c = a + alpha b, merging sorted rows. */
    static CsrMatrix add(CsrMatrix a, CsrMatrix b, double ar, double ai) {
        int m = a.rows;
        int cap = (int) Math.min((long) a.nnz() + b.nnz(), (long) m * a.cols);
        int[] rp = new int[m + 1];
        int[] ci = new int[cap];
        double[] v = new double[2 * cap];
        int k = 0;
        for (int i = 0; i < m; i++) {
            int p = a.rowPtr[i], pe = a.rowPtr[i + 1], q = b.rowPtr[i], qe = b.rowPtr[i + 1];
            while (p < pe || q < qe) {
                int ja = p < pe ? a.colIdx[p] : Integer.MAX_VALUE;
                int jb = q < qe ? b.colIdx[q] : Integer.MAX_VALUE;
                double re = 0, im = 0;
                int j;
                if (ja <= jb) {
                    j = ja;
                    re = a.values[2 * p];
                    im = a.values[2 * p + 1];
                    p++;
                } else {
                    j = jb;
                }
                if (jb == j) {
                    double br = b.values[2 * q], bi = b.values[2 * q + 1];
                    re += ar * br - ai * bi;
                    im += ar * bi + ai * br;
                    q++;
                }
                if (re != 0 || im != 0) {
                    ci[k] = j;
                    v[2 * k] = re;
                    v[2 * k + 1] = im;
                    k++;
                }
            }
            rp[i + 1] = k;
        }
        return new CsrMatrix(m, a.cols, rp, Arrays.copyOf(ci, k), Arrays.copyOf(v, 2 * k));
    }

    /**
     * {@code parts[0] + parts[1] + ...} row by row through a dense accumulator: each entry is
     * formed as {@link #add(CsrMatrix, CsrMatrix, double, double)} applied part after part forms
     * it (the first part's value, then {@code + (1 re - 0 im)} per later part), and entries
     * that end exactly zero are dropped.
     */
    static CsrMatrix sum(CsrMatrix[] parts) {
        int m = parts[0].rows, n = parts[0].cols;
        long total = 0;
        for (CsrMatrix p : parts) {
            total += p.nnz();
        }
        int cap = (int) Math.min(total, Math.min((long) m * n, Integer.MAX_VALUE - 8));
        int[] rp = new int[m + 1];
        int[] ci = new int[cap];
        double[] v = new double[2 * cap];
        double[] accRe = new double[n], accIm = new double[n];
        int[] mark = new int[n];
        Arrays.fill(mark, -1);
        int[] touched = new int[n];
        int k = 0;
        for (int i = 0; i < m; i++) {
            int count = 0;
            for (int q = 0; q < parts.length; q++) {
                CsrMatrix a = parts[q];
                for (int p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
                    int j = a.colIdx[p];
                    double re = a.values[2 * p], im = a.values[2 * p + 1];
                    if (mark[j] != i) {
                        mark[j] = i;
                        touched[count++] = j;
                        if (q == 0) {
                            accRe[j] = re;
                            accIm[j] = im;
                        } else {
                            accRe[j] = 0.0 + (1.0 * re - 0.0 * im);
                            accIm[j] = 0.0 + (1.0 * im + 0.0 * re);
                        }
                    } else {
                        accRe[j] += 1.0 * re - 0.0 * im;
                        accIm[j] += 1.0 * im + 0.0 * re;
                    }
                }
            }
            Arrays.sort(touched, 0, count);
            for (int t = 0; t < count; t++) {
                int j = touched[t];
                double re = accRe[j], im = accIm[j];
                if (re != 0 || im != 0) {
                    ci[k] = j;
                    v[2 * k] = re;
                    v[2 * k + 1] = im;
                    k++;
                }
            }
            rp[i + 1] = k;
        }
        return new CsrMatrix(m, n, rp, Arrays.copyOf(ci, k), Arrays.copyOf(v, 2 * k));
    }

    static CsrMatrix scale(CsrMatrix a, double sr, double si) {
        if (sr == 0 && si == 0 && DenseKernels.allFinite(a.values, 0, 2 * (int) a.nnz())) {
            return CsrMatrix.zeros(a.rows, a.cols);   // 0 · finite = 0; a non-finite entry gives NaN below
        }
        int nnz = (int) a.nnz();
        double[] v = new double[2 * nnz];
        for (int k = 0; k < 2 * nnz; k += 2) {
            double x = a.values[k], y = a.values[k + 1];
            v[k] = sr * x - si * y;
            v[k + 1] = sr * y + si * x;
        }
        return new CsrMatrix(a.rows, a.cols, a.rowPtr, a.colIdx, v);
    }

    /** Sparse × sparse by Gustavson's row-by-row algorithm with a dense accumulator. */
    static CsrMatrix matmul(CsrMatrix a, CsrMatrix b) {
        int m = a.rows, n = b.cols;
        int[] marker = new int[n];
        Arrays.fill(marker, -1);
        double[] acc = new double[2 * n];
        int[] rp = new int[m + 1];
        int cap = (int) Math.max(16, Math.min((long) m * n, a.nnz() + b.nnz()));
        int[] ci = new int[cap];
        double[] v = new double[2 * cap];
        int k = 0;
        int[] cols = new int[n];
        for (int i = 0; i < m; i++) {
            int count = 0;
            for (int p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
                int l = a.colIdx[p];
                double xr = a.values[2 * p], xi = a.values[2 * p + 1];
                for (int q = b.rowPtr[l]; q < b.rowPtr[l + 1]; q++) {
                    int j = b.colIdx[q];
                    if (marker[j] != i) {
                        marker[j] = i;
                        cols[count++] = j;
                        acc[2 * j] = 0;
                        acc[2 * j + 1] = 0;
                    }
                    double yr = b.values[2 * q], yi = b.values[2 * q + 1];
                    acc[2 * j] += xr * yr - xi * yi;
                    acc[2 * j + 1] += xr * yi + xi * yr;
                }
            }
            Arrays.sort(cols, 0, count);
            if (k + count > ci.length) {
                int c = Math.max(k + count, ci.length * 2);
                ci = Arrays.copyOf(ci, c);
                v = Arrays.copyOf(v, 2 * c);
            }
            for (int t = 0; t < count; t++) {
                int j = cols[t];
                if (acc[2 * j] != 0 || acc[2 * j + 1] != 0) {
                    ci[k] = j;
                    v[2 * k] = acc[2 * j];
                    v[2 * k + 1] = acc[2 * j + 1];
                    k++;
                }
            }
            rp[i + 1] = k;
        }
        return new CsrMatrix(m, n, rp, Arrays.copyOf(ci, k), Arrays.copyOf(v, 2 * k));
    }

    /** y[yOff..] = alpha a x[xOff..] + beta y[yOff..] over rows [r0, r1). */
    static void gemvRows(CsrMatrix a, double[] x, int xOff, double[] y, int yOff,
                         double ar, double ai, double br, double bi, int r0, int r1) {
        int[] rp = a.rowPtr, cj = a.colIdx;
        double[] v = a.values;
        boolean beta0 = br == 0 && bi == 0, alpha1 = ar == 1 && ai == 0;
        for (int i = r0; i < r1; i++) {
            double sr = 0, si = 0;
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                int c = xOff + 2 * cj[p];
                double vr = v[2 * p], vi = v[2 * p + 1], xr = x[c], xi = x[c + 1];
                sr += vr * xr - vi * xi;
                si += vr * xi + vi * xr;
            }
            if (!alpha1) {
                double t = ar * sr - ai * si;
                si = ar * si + ai * sr;
                sr = t;
            }
            int o = yOff + 2 * i;
            if (beta0) {
                y[o] = sr;
                y[o + 1] = si;
            } else {
                double yr = y[o], yi = y[o + 1];
                y[o] = br * yr - bi * yi + sr;
                y[o + 1] = br * yi + bi * yr + si;
            }
        }
    }

    /** c = alpha a b + beta c, a sparse (m×k), b dense (k×n), c dense (m×n). */
    static void spmm(CsrMatrix a, double[] b, int n, double[] c, double ar, double ai, double br, double bi) {
        int k = a.cols, m = a.rows;
        for (int j = 0; j < n; j++) {
            gemvRows(a, b, 2 * j * k, c, 2 * j * m, ar, ai, br, bi, 0, m);
        }
    }

    /** c = alpha b a + beta c, b dense (m×k), a sparse (k×n), c dense (m×n). */
    static void dense_times_sparse(double[] b, int m, CsrMatrix a, double[] c, double ar, double ai, double br, double bi) {
        DenseKernels.scaleRange(c, 0, m * a.cols, br, bi);
        for (int l = 0; l < a.rows; l++) {           // row l of a scatters column l of b
            int bl = 2 * l * m;
            for (int p = a.rowPtr[l]; p < a.rowPtr[l + 1]; p++) {
                int j = a.colIdx[p];
                double vr = a.values[2 * p], vi = a.values[2 * p + 1];
                double xr = ar * vr - ai * vi, xi = ar * vi + ai * vr;
                int cj = 2 * j * m;
                for (int i = 0; i < 2 * m; i += 2) {
                    double yr = b[bl + i], yi = b[bl + i + 1];
                    c[cj + i] += yr * xr - yi * xi;
                    c[cj + i + 1] += yr * xi + yi * xr;
                }
            }
        }
    }

    /** Transpose, optionally conjugated, by a counting sort over columns (rows come out sorted). */
    static CsrMatrix transpose(CsrMatrix a, boolean conj) {
        int m = a.rows, n = a.cols, nnz = (int) a.nnz();
        int[] rp = new int[n + 1];
        for (int p = 0; p < nnz; p++) {
            rp[a.colIdx[p] + 1]++;
        }
        for (int j = 0; j < n; j++) {
            rp[j + 1] += rp[j];
        }
        int[] next = Arrays.copyOf(rp, n);
        int[] ci = new int[nnz];
        double[] v = new double[2 * nnz];
        double s = conj ? -1 : 1;
        for (int i = 0; i < m; i++) {
            for (int p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
                int q = next[a.colIdx[p]]++;
                ci[q] = i;
                v[2 * q] = a.values[2 * p];
                v[2 * q + 1] = s * a.values[2 * p + 1];
            }
        }
        return new CsrMatrix(n, m, rp, ci, v);
    }

    static CsrMatrix conj(CsrMatrix a) {
        double[] v = a.values.clone();
        for (int k = 1; k < v.length; k += 2) {
            v[k] = -v[k];
        }
        return new CsrMatrix(a.rows, a.cols, a.rowPtr, a.colIdx, v);
    }

    static CsrMatrix kron(CsrMatrix a, CsrMatrix b) {
        int m2 = b.rows, n2 = b.cols;
        long nnzL = a.nnz() * b.nnz();
        if (nnzL > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("kron would store " + nnzL + " entries, more than one Java array holds");
        }
        int m = a.rows * m2;
        int[] rp = new int[m + 1];
        int[] ci = new int[(int) nnzL];
        double[] v = new double[(int) (2 * nnzL)];
        int k = 0;
        for (int i1 = 0; i1 < a.rows; i1++) {
            for (int i2 = 0; i2 < m2; i2++) {
                for (int p = a.rowPtr[i1]; p < a.rowPtr[i1 + 1]; p++) {
                    double ar = a.values[2 * p], ai = a.values[2 * p + 1];
                    int base = a.colIdx[p] * n2;
                    for (int q = b.rowPtr[i2]; q < b.rowPtr[i2 + 1]; q++) {
                        double br = b.values[2 * q], bi = b.values[2 * q + 1];
                        ci[k] = base + b.colIdx[q];
                        v[2 * k] = ar * br - ai * bi;
                        v[2 * k + 1] = ar * bi + ai * br;
                        k++;
                    }
                }
                rp[i1 * m2 + i2 + 1] = k;
            }
        }
        return new CsrMatrix(m, a.cols * n2, rp, ci, v);
    }

    static void trace(CsrMatrix a, double[] out) {
        double r = 0, im = 0;
        for (int i = 0; i < a.rows; i++) {
            int p = Arrays.binarySearch(a.colIdx, a.rowPtr[i], a.rowPtr[i + 1], i);
            if (p >= 0) {
                r += a.values[2 * p];
                im += a.values[2 * p + 1];
            }
        }
        out[0] = r;
        out[1] = im;
    }

    /** x^† a x = sum_i conj(x_i) (a x)_i without storing a x; rows [r0, r1). */
    static void expectKetRows(CsrMatrix a, double[] x, int r0, int r1, double[] out) {
        double sr = 0, si = 0;
        for (int i = r0; i < r1; i++) {
            double tr = 0, ti = 0;
            for (int p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
                int c = 2 * a.colIdx[p];
                double vr = a.values[2 * p], vi = a.values[2 * p + 1];
                tr += vr * x[c] - vi * x[c + 1];
                ti += vr * x[c + 1] + vi * x[c];
            }
            double xr = x[2 * i], xi = -x[2 * i + 1];
            sr += xr * tr - xi * ti;
            si += xr * ti + xi * tr;
        }
        out[0] = sr;
        out[1] = si;
    }

    /** tr(a rho) = sum over stored a_ij of a_ij rho_ji, rho dense column-major; rows [r0, r1). */
    static void expectRhoRows(CsrMatrix a, double[] rho, int r0, int r1, double[] out) {
        int n = a.rows;
        double sr = 0, si = 0;
        for (int i = r0; i < r1; i++) {
            for (int p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
                int r = 2 * (a.colIdx[p] + i * n);
                double vr = a.values[2 * p], vi = a.values[2 * p + 1];
                sr += vr * rho[r] - vi * rho[r + 1];
                si += vr * rho[r + 1] + vi * rho[r];
            }
        }
        out[0] = sr;
        out[1] = si;
    }

    /** tr(a b) for two sparse matrices: sum over stored a_ij of a_ij b_ji. */
    static void traceProduct(CsrMatrix a, CsrMatrix b, double[] out) {
        double sr = 0, si = 0;
        for (int i = 0; i < a.rows; i++) {
            for (int p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
                int j = a.colIdx[p];
                int q = Arrays.binarySearch(b.colIdx, b.rowPtr[j], b.rowPtr[j + 1], i);
                if (q >= 0) {
                    double vr = a.values[2 * p], vi = a.values[2 * p + 1];
                    sr += vr * b.values[2 * q] - vi * b.values[2 * q + 1];
                    si += vr * b.values[2 * q + 1] + vi * b.values[2 * q];
                }
            }
        }
        out[0] = sr;
        out[1] = si;
    }
}
