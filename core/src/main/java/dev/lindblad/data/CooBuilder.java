package dev.lindblad.data;

import java.util.Arrays;

/**
 * Collects (row, column, value) triplets and builds a canonical CSR matrix: rows sorted by
 * column, duplicates summed, exact zeros kept out. Used by every kernel whose output pattern
 * is not known in advance.
 */
final class CooBuilder {
    private final int rows;
    private final int cols;
    private int[] ri;
    private int[] ci;
    private double[] v;
    private int n;

    CooBuilder(int rows, int cols, int capacity) {
        this.rows = rows;
        this.cols = cols;
        int c = Math.max(capacity, 4);
        ri = new int[c];
        ci = new int[c];
        v = new double[2 * c];
    }

    void add(int i, int j, double re, double im) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("entry (" + i + ", " + j + ") outside a " + rows + "x" + cols + " matrix");
        }
        if (n == ri.length) {
            int c = ri.length * 2;
            ri = Arrays.copyOf(ri, c);
            ci = Arrays.copyOf(ci, c);
            v = Arrays.copyOf(v, 2 * c);
        }
        ri[n] = i;
        ci[n] = j;
        v[2 * n] = re;
        v[2 * n + 1] = im;
        n++;
    }

    CsrMatrix build() {
        int[] count = new int[rows + 1];
        for (int k = 0; k < n; k++) {
            count[ri[k] + 1]++;
        }
        for (int i = 0; i < rows; i++) {
            count[i + 1] += count[i];
        }
        int[] next = Arrays.copyOf(count, rows);
        int[] cj = new int[n];
        double[] cv = new double[2 * n];
        for (int k = 0; k < n; k++) {
            int p = next[ri[k]]++;
            cj[p] = ci[k];
            cv[2 * p] = v[2 * k];
            cv[2 * p + 1] = v[2 * k + 1];
        }
        // sort each row by column (insertion sort: rows are short and usually nearly sorted),
        // then merge duplicates and drop exact zeros
        int[] rp = new int[rows + 1];
        int out = 0;
        for (int i = 0; i < rows; i++) {
            int s = count[i], e = count[i + 1];
            for (int p = s + 1; p < e; p++) {
                int j = cj[p];
                double re = cv[2 * p], im = cv[2 * p + 1];
                int q = p - 1;
                while (q >= s && cj[q] > j) {
                    cj[q + 1] = cj[q];
                    cv[2 * q + 2] = cv[2 * q];
                    cv[2 * q + 3] = cv[2 * q + 1];
                    q--;
                }
                cj[q + 1] = j;
                cv[2 * q + 2] = re;
                cv[2 * q + 3] = im;
            }
            int p = s;
            while (p < e) {
                int j = cj[p];
                double re = 0, im = 0;
                while (p < e && cj[p] == j) {
                    re += cv[2 * p];
                    im += cv[2 * p + 1];
                    p++;
                }
                if (re != 0 || im != 0) {
                    cj[out] = j;
                    cv[2 * out] = re;
                    cv[2 * out + 1] = im;
                    out++;
                }
            }
            rp[i + 1] = out;
        }
        return new CsrMatrix(rows, cols, rp, Arrays.copyOf(cj, out), Arrays.copyOf(cv, 2 * out));
    }
}
