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
    /** Entries one by one (twice the row, twice the column), used when rows hold about one entry each. */
    final int[] entryRows;
    final int[] entryColumns;
    final boolean flat;

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
        entryRows = new int[columns.length];
        entryColumns = new int[columns.length];
        for (int r = 0; r < rows.length; r++) {
            for (int p = pointers[r]; p < pointers[r + 1]; p++) {
                entryRows[p] = 2 * rows[r];
                entryColumns[p] = 2 * columns[p];
            }
        }
        // a loop per row costs more than its one or two entries (projector commutators have one)
        flat = columns.length <= 2 * rows.length;
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
        if (flat) {
            accumulateFlat(x, xo, out, o, mr, mi);
            return;
        }
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

    /** As {@link #accumulate}, entry by entry: {@code out[row] += (m s) x[col]}. */
    private void accumulateFlat(double[] x, int xo, double[] out, int o, double mr, double mi) {
        int[] er = entryRows;
        int[] ec = entryColumns;
        switch (kind) {
            case REAL -> {
                double[] s = re;
                if (mi == 0) {
                    // a real scalar (bosonic I and RI couplings): two multiply-adds per entry
                    for (int p = 0; p < er.length; p++) {
                        double v = mr * s[p];
                        int c = xo + ec[p];
                        int e = o + er[p];
                        out[e] += v * x[c];
                        out[e + 1] += v * x[c + 1];
                    }
                } else if (mr == 0) {
                    // an imaginary scalar (-i [Q, .] and the R couplings of real ck)
                    for (int p = 0; p < er.length; p++) {
                        double v = mi * s[p];
                        int c = xo + ec[p];
                        int e = o + er[p];
                        out[e] -= v * x[c + 1];
                        out[e + 1] += v * x[c];
                    }
                } else {
                    for (int p = 0; p < er.length; p++) {
                        double vr = mr * s[p];
                        double vi = mi * s[p];
                        int c = xo + ec[p];
                        int e = o + er[p];
                        double xr = x[c];
                        double xi = x[c + 1];
                        out[e] += vr * xr - vi * xi;
                        out[e + 1] += vr * xi + vi * xr;
                    }
                }
            }
            case IMAGINARY -> {
                double[] s = im;
                for (int p = 0; p < er.length; p++) {
                    // m (i s) = (-mi s) + i (mr s)
                    double vr = -mi * s[p];
                    double vi = mr * s[p];
                    int c = xo + ec[p];
                    int e = o + er[p];
                    double xr = x[c];
                    double xi = x[c + 1];
                    out[e] += vr * xr - vi * xi;
                    out[e + 1] += vr * xi + vi * xr;
                }
            }
            case COMPLEX -> {
                double[] sr = re;
                double[] si = im;
                for (int p = 0; p < er.length; p++) {
                    double vr = mr * sr[p] - mi * si[p];
                    double vi = mr * si[p] + mi * sr[p];
                    int c = xo + ec[p];
                    int e = o + er[p];
                    double xr = x[c];
                    double xi = x[c + 1];
                    out[e] += vr * xr - vi * xi;
                    out[e + 1] += vr * xi + vi * xr;
                }
            }
        }
    }

    /**
     * {@link #accumulate} for four ADOs at once, {@code out[o + q stride ..] += m S x[o + q stride ..]}
     * for q = 0..3 (the same ADO as source and target, as the system part): each entry's
     * column and value are loaded once for the four. Every ADO sees exactly the operations of
     * {@link #accumulate}, in the same order, so the bits do not depend on the grouping.
     */
    void accumulate4(double[] x, double[] out, int o, int stride, double mr, double mi) {
        if (flat) {
            for (int q = 0; q < 4; q++) {
                accumulateFlat(x, o + q * stride, out, o + q * stride, mr, mi);
            }
            return;
        }
        int[] rw = rows;
        int[] ptr = pointers;
        int[] col = columns;
        int o1 = o + stride;
        int o2 = o1 + stride;
        int o3 = o2 + stride;
        switch (kind) {
            case IMAGINARY -> {
                double[] s = im;
                for (int r = 0; r < rw.length; r++) {
                    double ar0 = 0, ai0 = 0, ar1 = 0, ai1 = 0, ar2 = 0, ai2 = 0, ar3 = 0, ai3 = 0;
                    for (int p = ptr[r]; p < ptr[r + 1]; p++) {
                        int c = 2 * col[p];
                        double v = s[p];
                        ar0 += v * x[o + c];
                        ai0 += v * x[o + c + 1];
                        ar1 += v * x[o1 + c];
                        ai1 += v * x[o1 + c + 1];
                        ar2 += v * x[o2 + c];
                        ai2 += v * x[o2 + c + 1];
                        ar3 += v * x[o3 + c];
                        ai3 += v * x[o3 + c + 1];
                    }
                    int e = 2 * rw[r];
                    out[o + e] += -mr * ai0 - mi * ar0;
                    out[o + e + 1] += mr * ar0 - mi * ai0;
                    out[o1 + e] += -mr * ai1 - mi * ar1;
                    out[o1 + e + 1] += mr * ar1 - mi * ai1;
                    out[o2 + e] += -mr * ai2 - mi * ar2;
                    out[o2 + e + 1] += mr * ar2 - mi * ai2;
                    out[o3 + e] += -mr * ai3 - mi * ar3;
                    out[o3 + e + 1] += mr * ar3 - mi * ai3;
                }
            }
            case REAL -> {
                double[] s = re;
                for (int r = 0; r < rw.length; r++) {
                    double tr0 = 0, ti0 = 0, tr1 = 0, ti1 = 0, tr2 = 0, ti2 = 0, tr3 = 0, ti3 = 0;
                    for (int p = ptr[r]; p < ptr[r + 1]; p++) {
                        int c = 2 * col[p];
                        double v = s[p];
                        tr0 += v * x[o + c];
                        ti0 += v * x[o + c + 1];
                        tr1 += v * x[o1 + c];
                        ti1 += v * x[o1 + c + 1];
                        tr2 += v * x[o2 + c];
                        ti2 += v * x[o2 + c + 1];
                        tr3 += v * x[o3 + c];
                        ti3 += v * x[o3 + c + 1];
                    }
                    int e = 2 * rw[r];
                    out[o + e] += mr * tr0 - mi * ti0;
                    out[o + e + 1] += mr * ti0 + mi * tr0;
                    out[o1 + e] += mr * tr1 - mi * ti1;
                    out[o1 + e + 1] += mr * ti1 + mi * tr1;
                    out[o2 + e] += mr * tr2 - mi * ti2;
                    out[o2 + e + 1] += mr * ti2 + mi * tr2;
                    out[o3 + e] += mr * tr3 - mi * ti3;
                    out[o3 + e + 1] += mr * ti3 + mi * tr3;
                }
            }
            case COMPLEX -> {
                for (int q = 0; q < 4; q++) {
                    accumulate(x, o + q * stride, out, o + q * stride, mr, mi);
                }
            }
        }
    }
}
