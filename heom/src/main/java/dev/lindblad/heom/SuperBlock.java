package dev.lindblad.heom;

import dev.lindblad.Qobj;
import dev.lindblad.data.CsrMatrix;

/**
 * A small sparse superoperator acting on one ADO, {@code vec(rho) -> S vec(rho)}, stored by its
 * non-empty rows, with exact zeros dropped. Its entries are classified once: all real, all
 * imaginary (as {@code -i[H, .]} for a real H) or complex, so that the kernels do two
 * multiply-adds per entry instead of four when they can.
 *
 * <p>Vectors are interleaved {@code (re, im)}, an ADO's {@code vec(rho)} starting at an offset
 * into the hierarchy's state.
 */
final class SuperBlock {

    enum Kind { REAL, IMAGINARY, COMPLEX }

    final int size;
    final int[] rows;
    final int[] pointers;
    final int[] columns;
    final double[] re;
    final double[] im;
    final Kind kind;

    private SuperBlock(int size, int[] rows, int[] pointers, int[] columns, double[] re, double[] im) {
        this.size = size;
        this.rows = rows;
        this.pointers = pointers;
        this.columns = columns;
        this.re = re;
        this.im = im;
        boolean real = true;
        boolean imaginary = true;
        for (int p = 0; p < re.length; p++) {
            real &= im[p] == 0;
            imaginary &= re[p] == 0;
        }
        kind = real ? Kind.REAL : imaginary ? Kind.IMAGINARY : Kind.COMPLEX;
    }

    /** @return the superoperator's entries, exact zeros dropped */
    static SuperBlock of(Qobj superop) {
        CsrMatrix m = superop.data().toCsr();
        int n = m.rows();
        int[] rp = m.rowPointers();
        int[] ci = m.columnIndices();
        double[] v = m.valueArray();
        int count = 0;
        int nonEmpty = 0;
        for (int i = 0; i < n; i++) {
            int before = count;
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                if (v[2 * p] != 0 || v[2 * p + 1] != 0) {
                    count++;
                }
            }
            if (count > before) {
                nonEmpty++;
            }
        }
        int[] rows = new int[nonEmpty];
        int[] pointers = new int[nonEmpty + 1];
        int[] columns = new int[count];
        double[] re = new double[count];
        double[] im = new double[count];
        int q = 0;
        int r = 0;
        for (int i = 0; i < n; i++) {
            int before = q;
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                if (v[2 * p] != 0 || v[2 * p + 1] != 0) {
                    columns[q] = ci[p];
                    re[q] = v[2 * p];
                    im[q] = v[2 * p + 1];
                    q++;
                }
            }
            if (q > before) {
                rows[r] = i;
                pointers[++r] = q;
            }
        }
        return new SuperBlock(n, rows, pointers, columns, re, im);
    }

    /** @return the number of stored entries */
    int entries() {
        return columns.length;
    }

    /**
     * {@code out[o..] += (mr + i mi) S x[xo..]} over this block's rows.
     *
     * @param x   the hierarchy state (interleaved)
     * @param xo  the offset of the source ADO in x (in doubles)
     * @param out the derivative (interleaved)
     * @param o   the offset of the target ADO in out
     */
    void accumulate(double[] x, int xo, double[] out, int o, double mr, double mi) {
        int[] rw = rows;
        int[] ptr = pointers;
        int[] col = columns;
        switch (kind) {
            case REAL -> {
                double[] s = re;
                for (int r = 0; r < rw.length; r++) {
                    double tr = 0;
                    double ti = 0;
                    for (int p = ptr[r]; p < ptr[r + 1]; p++) {
                        int c = xo + 2 * col[p];
                        double v = s[p];
                        tr += v * x[c];
                        ti += v * x[c + 1];
                    }
                    int e = o + 2 * rw[r];
                    out[e] += mr * tr - mi * ti;
                    out[e + 1] += mr * ti + mi * tr;
                }
            }
            case IMAGINARY -> {
                double[] s = im;
                for (int r = 0; r < rw.length; r++) {
                    // S x = i (sum s x): (tr, ti) = (-sum s xi, sum s xr)
                    double ar = 0;
                    double ai = 0;
                    for (int p = ptr[r]; p < ptr[r + 1]; p++) {
                        int c = xo + 2 * col[p];
                        double v = s[p];
                        ar += v * x[c];
                        ai += v * x[c + 1];
                    }
                    int e = o + 2 * rw[r];
                    out[e] += -mr * ai - mi * ar;
                    out[e + 1] += mr * ar - mi * ai;
                }
            }
            case COMPLEX -> {
                double[] sr = re;
                double[] si = im;
                for (int r = 0; r < rw.length; r++) {
                    double tr = 0;
                    double ti = 0;
                    for (int p = ptr[r]; p < ptr[r + 1]; p++) {
                        int c = xo + 2 * col[p];
                        double a = sr[p];
                        double b = si[p];
                        double xr = x[c];
                        double xi = x[c + 1];
                        tr += a * xr - b * xi;
                        ti += a * xi + b * xr;
                    }
                    int e = o + 2 * rw[r];
                    out[e] += mr * tr - mi * ti;
                    out[e + 1] += mr * ti + mi * tr;
                }
            }
        }
    }
}
