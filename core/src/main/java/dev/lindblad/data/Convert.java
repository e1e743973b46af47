package dev.lindblad.data;

import java.util.Arrays;

/** Conversions between formats. Called explicitly, never inside a hot loop. */
final class Convert {
    private Convert() {
    }

    static DenseMatrix csrToDense(CsrMatrix a) {
        int m = a.rows;
        double[] d = new double[(int) Checks.denseDoubles(a.rows, a.cols)];
        for (int i = 0; i < m; i++) {
            for (int p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
                int k = 2 * (i + a.colIdx[p] * m);
                d[k] = a.values[2 * p];
                d[k + 1] = a.values[2 * p + 1];
            }
        }
        return new DenseMatrix(a.rows, a.cols, d);
    }

    static CsrMatrix denseToCsr(DenseMatrix a) {
        int m = a.rows, n = a.cols;
        double[] d = a.data;
        int[] rp = new int[m + 1];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                int k = 2 * (i + j * m);
                if (d[k] != 0 || d[k + 1] != 0) {
                    rp[i + 1]++;
                }
            }
        }
        for (int i = 0; i < m; i++) {
            rp[i + 1] += rp[i];
        }
        int nnz = rp[m];
        int[] ci = new int[nnz];
        double[] v = new double[2 * nnz];
        int[] next = Arrays.copyOf(rp, m);
        for (int j = 0; j < n; j++) {   // column order, so each row's columns arrive sorted
            for (int i = 0; i < m; i++) {
                int k = 2 * (i + j * m);
                if (d[k] != 0 || d[k + 1] != 0) {
                    int p = next[i]++;
                    ci[p] = j;
                    v[2 * p] = d[k];
                    v[2 * p + 1] = d[k + 1];
                }
            }
        }
        return new CsrMatrix(m, n, rp, ci, v);
    }
}
