package dev.lindblad.data;

/**
 * A complex sparse matrix {@code A = A_re + i A_im} stored as its real and imaginary parts, as
 * {@link SplitCsrMatrix}, but in slices of {@link #LANES} consecutive rows laid out column by
 * column (the sliced ELLPACK layout, "SELL-8" in the literature): step k of slice s holds the
 * k-th stored part of each of its eight rows side by side, so one pass over a slice carries
 * eight independent sums, one per row. A row of an Ising Liouvillian has about twenty parts;
 * in CSR each row is its own short loop whose exit the branch predictor misses and whose two
 * sums form one long chain of dependent additions. Here the loop has no per-row exit and eight
 * chains in flight: the product is 1.2–1.4× faster than the CSR split on those matrices
 * (measured on the Ising Liouvillians, N = 4..9; {@code lindblad bench spmv} prints both).
 *
 * <p>Slice s occupies positions {@code start[s] .. start[s+1]-1}: first {@code realSteps[s]}
 * steps of real parts, then the imaginary parts, each step {@code LANES} positions, position
 * {@code start[s] + LANES k + l} holding part k of row {@code LANES s + l}. Within a part the
 * columns keep their CSR order, so each row's sums are formed in the same order as in
 * {@link SplitCsrMatrix}. A row with fewer parts than the longest row of its slice is padded
 * with zeros, which read x at the column of the row's first stored entry (column 0 for an
 * empty row); {@link Data#prepareProduct} picks this storage only when
 * the padding adds at most {@link #PADDING_LIMIT} - 1 of the parts. A padded position adds
 * {@code 0 * x_j}: the sums are those of the CSR split except that a non-finite x_j there makes
 * the row NaN (the solvers stop on NaN anyway).
 *
 * <p>Every kernel computes a row's sums in the same order, whether the row runs inside a whole
 * slice or on its own at the edge of a row range, so the product has the same bits however its
 * rows are split into chunks.
 */
final class SlicedSplitMatrix implements LinearMap {

    /** Rows per slice. */
    static final int LANES = 8;

    /**
     * Stored positions (padding included) per real or imaginary part up to which
     * {@link Data#prepareProduct} takes this storage over the CSR split: at 1.3× the speed per
     * position, a quarter more positions still wins.
     */
    static final double PADDING_LIMIT = 1.25;

    final int rows;
    final int cols;
    final int slices;
    final int[] start;
    final int[] realSteps;
    final int[] xIndex;
    final double[] values;
    private final long parts;
    private final CsrMatrix matrix;
    /** Slice partition by positions for the parallel product, computed on first use. */
    private volatile int[] workBounds;
    /** The slices that hold upper-triangle rows, for {@link #upperSlices}. */
    private volatile UpperSlices upperSlices;

    /**
     * The slices holding the rows {@code i + n j} with {@code i <= j} of a superoperator on n×n
     * operators, in ascending order, how many of each slice's rows are such rows, and a cost
     * before each slice in this list (for splitting it into chunks).
     */
    record UpperSlices(int n, int[] slice, int[] upperRows, long[] costBefore) {

        /** Bounds into {@link #slice} of {@code chunks} runs with about equal cost each. */
        int[] chunkBounds(int chunks) {
            int[] b = new int[chunks + 1];
            long total = costBefore[slice.length];
            b[chunks] = slice.length;
            for (int c = 1; c < chunks; c++) {
                int k = java.util.Arrays.binarySearch(costBefore, 0, slice.length, total * c / chunks);
                b[c] = Math.max(b[c - 1], k >= 0 ? k : -k - 1);
            }
            return b;
        }
    }

    private SlicedSplitMatrix(CsrMatrix matrix, int[] start, int[] realSteps, int[] xIndex, double[] values, long parts) {
        this.matrix = matrix;
        this.rows = matrix.rows;
        this.cols = matrix.cols;
        this.slices = realSteps.length;
        this.start = start;
        this.realSteps = realSteps;
        this.xIndex = xIndex;
        this.values = values;
        this.parts = parts;
    }

    /** @return the positions the sliced storage of a needs, padding included */
    static long positions(CsrMatrix a) {
        long total = 0;
        int[] steps = new int[2];
        for (int s = 0; s * LANES < a.rows; s++) {
            partSteps(a, s, steps);
            total += (long) LANES * (steps[0] + steps[1]);
        }
        return total;
    }

    /** The longest real and imaginary part among the rows of slice s, into steps[0], steps[1]. */
    private static void partSteps(CsrMatrix a, int s, int[] steps) {
        steps[0] = 0;
        steps[1] = 0;
        for (int r = s * LANES; r < Math.min(a.rows, (s + 1) * LANES); r++) {
            int re = 0, im = 0;
            for (int p = a.rowPtr[r]; p < a.rowPtr[r + 1]; p++) {
                re += a.values[2 * p] != 0 ? 1 : 0;
                im += a.values[2 * p + 1] != 0 ? 1 : 0;
            }
            steps[0] = Math.max(steps[0], re);
            steps[1] = Math.max(steps[1], im);
        }
    }

    static SlicedSplitMatrix of(CsrMatrix a) {
        int slices = (a.rows + LANES - 1) / LANES;
        int[] start = new int[slices + 1], realSteps = new int[slices];
        int[] steps = new int[2];
        for (int s = 0; s < slices; s++) {
            partSteps(a, s, steps);
            realSteps[s] = steps[0];
            start[s + 1] = Math.addExact(start[s], LANES * (steps[0] + steps[1]));
        }
        int[] xi = new int[start[slices]];
        double[] v = new double[start[slices]];
        long parts = 0;
        for (int s = 0; s < slices; s++) {
            int imagSteps = (start[s + 1] - start[s]) / LANES - realSteps[s];
            for (int l = 0; l < LANES; l++) {
                int r = s * LANES + l;
                int p0 = r < a.rows ? a.rowPtr[r] : 0, p1 = r < a.rows ? a.rowPtr[r + 1] : 0;
                int pad = p1 > p0 ? 2 * a.colIdx[p0] : 0;
                for (int part = 0; part < 2; part++) {
                    int o = start[s] + (part == 0 ? 0 : LANES * realSteps[s]) + l;
                    int end = o + LANES * (part == 0 ? realSteps[s] : imagSteps);
                    for (int p = p0; p < p1; p++) {
                        double w = a.values[2 * p + part];
                        if (w != 0) {
                            xi[o] = 2 * a.colIdx[p];
                            v[o] = w;
                            o += LANES;
                            parts++;
                        }
                    }
                    for (; o < end; o += LANES) {
                        xi[o] = pad;
                    }
                }
            }
        }
        return new SlicedSplitMatrix(a, start, realSteps, xi, v, parts);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    /** @return 2 real multiply-adds per stored position, padding included (it is computed) */
    @Override
    public long work() {
        return 2L * values.length;
    }

    @Override
    public Matrix matrix() {
        return matrix;
    }

    @Override
    public String storage() {
        return "sliced-split";
    }

    /** @return 12 bytes per position (value, doubled column), 8 per slice (start, real steps) and 4 */
    @Override
    public long storedBytes() {
        return 12L * values.length + 8L * slices + 4;
    }

    /** @return the stored real and imaginary parts, padding excluded */
    long parts() {
        return parts;
    }

    /** Row bounds of {@code chunks} ranges of whole slices with about equal positions each. */
    int[] workBounds(int chunks) {
        int[] b = workBounds;
        if (b == null || b.length != chunks + 1) {
            b = RowPartition.byEntries(start, slices, chunks).bounds.clone();
            for (int c = 0; c <= chunks; c++) {
                b[c] = Math.min(rows, b[c] * LANES);
            }
            workBounds = b;
        }
        return b;
    }

    /**
     * A slice with at most this many upper-triangle rows has them computed one by one rather
     * than the whole slice: a row on its own costs about 1.7 of a row inside a slice (the CSR
     * split against the sliced loop on the Ising Liouvillians).
     */
    static final int UPPER_ROWS_ALONE = 4;

    /**
     * The slices holding the upper-triangle rows {@code i + n j}, {@code i <= j}, of a
     * superoperator on n×n operators (cached for the last n).
     */
    UpperSlices upperSlices(int n) {
        UpperSlices u = upperSlices;
        if (u != null && u.n() == n) {
            return u;
        }
        int[] count = new int[slices];
        int used = 0;
        for (int j = 0; j < n; j++) {
            for (int r = n * j; r <= n * j + j; r++) {
                used += count[r / LANES]++ == 0 ? 1 : 0;
            }
        }
        int[] list = new int[used], rowsIn = new int[used];
        long[] before = new long[used + 1];
        for (int s = 0, k = 0; s < slices; s++) {
            if (count[s] > 0) {
                list[k] = s;
                rowsIn[k] = count[s];
                long positions = start[s + 1] - start[s];
                // cost in slice-loop positions: a row alone costs about 1.7 of its share of the slice
                before[k + 1] = before[k] + (count[s] <= UPPER_ROWS_ALONE ? positions * count[s] * 17 / (10 * LANES) : positions);
                k++;
            }
        }
        u = new UpperSlices(n, list, rowsIn, before);
        upperSlices = u;
        return u;
    }

    /**
     * The upper-triangle product over the listed slices {@code u.slice()[k0 .. k1-1]}: a slice
     * with few upper rows computes those rows one by one; the others are computed whole (their
     * lower-triangle rows too, with their true values), consecutive ones together.
     */
    static void upperSlices(SlicedSplitMatrix a, UpperSlices u, double[] x, double[] y, double ar, double br,
                            int k0, int k1) {
        int[] list = u.slice(), rowsIn = u.upperRows();
        int n = u.n();
        for (int k = k0; k < k1; ) {
            int s = list[k];
            if (rowsIn[k] <= UPPER_ROWS_ALONE) {
                for (int r = s * LANES; r < Math.min(a.rows, s * LANES + LANES); r++) {
                    if (r % n <= r / n) {
                        row(a, x, 0, y, 0, ar, 0, br, 0, r);
                    }
                }
                k++;
                continue;
            }
            int k2 = k + 1;
            while (k2 < k1 && list[k2] == list[k2 - 1] + 1 && rowsIn[k2] > UPPER_ROWS_ALONE) {
                k2++;
            }
            gemvRows(a, x, 0, y, 0, ar, 0, br, 0, s * LANES, Math.min(a.rows, (list[k2 - 1] + 1) * LANES));
            k = k2;
        }
    }

    /**
     * {@code y[yOff..] = alpha a x[xOff..] + beta y[yOff..]} over rows [r0, r1): the whole
     * slices inside the range by the sliced loop, the rows at its edges one by one in the same
     * order of operations.
     */
    static void gemvRows(SlicedSplitMatrix a, double[] x, int xOff, double[] y, int yOff,
                         double ar, double ai, double br, double bi, int r0, int r1) {
        int s0 = (r0 + LANES - 1) / LANES, s1 = r1 / LANES;
        if (s0 >= s1 || xOff != 0) {   // an offset x (no solver uses one) takes the row loop
            for (int r = r0; r < r1; r++) {
                row(a, x, xOff, y, yOff, ar, ai, br, bi, r);
            }
            return;
        }
        for (int r = r0; r < s0 * LANES; r++) {
            row(a, x, xOff, y, yOff, ar, ai, br, bi, r);
        }
        slices(a, x, y, yOff, ar, ai, br, bi, s0, s1);
        for (int r = s1 * LANES; r < r1; r++) {
            row(a, x, xOff, y, yOff, ar, ai, br, bi, r);
        }
    }

    /** One row r, walking its lane of the slice: the same sums, in the same order, as {@link #slices}. */
    private static void row(SlicedSplitMatrix a, double[] x, int xOff, double[] y, int yOff,
                            double ar, double ai, double br, double bi, int r) {
        int s = r / LANES;
        int[] xi = a.xIndex;
        double[] v = a.values;
        int o = a.start[s] + r % LANES, mid = o + LANES * a.realSteps[s], end = a.start[s + 1];
        double sr = 0, si = 0;
        for (; o < mid; o += LANES) {
            int c = xOff + xi[o];
            sr += v[o] * x[c];
            si += v[o] * x[c + 1];
        }
        for (; o < end; o += LANES) {
            int c = xOff + xi[o];
            sr -= v[o] * x[c + 1];
            si += v[o] * x[c];
        }
        store(y, yOff + 2 * r, sr, si, ar, ai, br, bi);
    }

    /** {@code y[o], y[o+1] = alpha (sr + i si) + beta (y[o] + i y[o+1])}; beta = 0 ignores the old value. */
    private static void store(double[] y, int o, double sr, double si, double ar, double ai, double br, double bi) {
        if (ar != 1 || ai != 0) {
            double t = ar * sr - ai * si;
            si = ar * si + ai * sr;
            sr = t;
        }
        if (br == 0 && bi == 0) {
            y[o] = sr;
            y[o + 1] = si;
        } else {
            double yr = y[o], yi = y[o + 1];
            y[o] = br * yr - bi * yi + sr;
            y[o + 1] = br * yi + bi * yr + si;
        }
    }

    /**
     * Whole slices [s0, s1) of {@code y[yOff..] = alpha a x + beta y[yOff..]}, x from index 0:
     * eight rows at a time, each with its own pair of sums. The sums are sixteen locals rather
     * than an array so that they stay in registers; x has no offset because adding one to every
     * index cost about 8% (measured on the Ising Liouvillians).
     */
    static void slices(SlicedSplitMatrix a, double[] x, double[] y, int yOff,
                       double ar, double ai, double br, double bi, int s0, int s1) {
        int[] xi = a.xIndex, st = a.start, rs = a.realSteps;
        double[] v = a.values;
        boolean plain = ar == 1 && ai == 0 && br == 0 && bi == 0;
        for (int s = s0; s < s1; s++) {
            double r0 = 0, r1 = 0, r2 = 0, r3 = 0, r4 = 0, r5 = 0, r6 = 0, r7 = 0;
            double i0 = 0, i1 = 0, i2 = 0, i3 = 0, i4 = 0, i5 = 0, i6 = 0, i7 = 0;
            int o = st[s], mid = o + LANES * rs[s], end = st[s + 1];
            for (; o < mid; o += LANES) {
                int c;
                double w;
                c = xi[o];     w = v[o];     r0 += w * x[c]; i0 += w * x[c + 1];
                c = xi[o + 1]; w = v[o + 1]; r1 += w * x[c]; i1 += w * x[c + 1];
                c = xi[o + 2]; w = v[o + 2]; r2 += w * x[c]; i2 += w * x[c + 1];
                c = xi[o + 3]; w = v[o + 3]; r3 += w * x[c]; i3 += w * x[c + 1];
                c = xi[o + 4]; w = v[o + 4]; r4 += w * x[c]; i4 += w * x[c + 1];
                c = xi[o + 5]; w = v[o + 5]; r5 += w * x[c]; i5 += w * x[c + 1];
                c = xi[o + 6]; w = v[o + 6]; r6 += w * x[c]; i6 += w * x[c + 1];
                c = xi[o + 7]; w = v[o + 7]; r7 += w * x[c]; i7 += w * x[c + 1];
            }
            for (; o < end; o += LANES) {
                int c;
                double w;
                c = xi[o];     w = v[o];     r0 -= w * x[c + 1]; i0 += w * x[c];
                c = xi[o + 1]; w = v[o + 1]; r1 -= w * x[c + 1]; i1 += w * x[c];
                c = xi[o + 2]; w = v[o + 2]; r2 -= w * x[c + 1]; i2 += w * x[c];
                c = xi[o + 3]; w = v[o + 3]; r3 -= w * x[c + 1]; i3 += w * x[c];
                c = xi[o + 4]; w = v[o + 4]; r4 -= w * x[c + 1]; i4 += w * x[c];
                c = xi[o + 5]; w = v[o + 5]; r5 -= w * x[c + 1]; i5 += w * x[c];
                c = xi[o + 6]; w = v[o + 6]; r6 -= w * x[c + 1]; i6 += w * x[c];
                c = xi[o + 7]; w = v[o + 7]; r7 -= w * x[c + 1]; i7 += w * x[c];
            }
            int b = yOff + 2 * LANES * s;
            if (plain) {
                y[b] = r0;      y[b + 1] = i0;   y[b + 2] = r1;   y[b + 3] = i1;
                y[b + 4] = r2;  y[b + 5] = i2;   y[b + 6] = r3;   y[b + 7] = i3;
                y[b + 8] = r4;  y[b + 9] = i4;   y[b + 10] = r5;  y[b + 11] = i5;
                y[b + 12] = r6; y[b + 13] = i6;  y[b + 14] = r7;  y[b + 15] = i7;
            } else {
                store(y, b, r0, i0, ar, ai, br, bi);
                store(y, b + 2, r1, i1, ar, ai, br, bi);
                store(y, b + 4, r2, i2, ar, ai, br, bi);
                store(y, b + 6, r3, i3, ar, ai, br, bi);
                store(y, b + 8, r4, i4, ar, ai, br, bi);
                store(y, b + 10, r5, i5, ar, ai, br, bi);
                store(y, b + 12, r6, i6, ar, ai, br, bi);
                store(y, b + 14, r7, i7, ar, ai, br, bi);
            }
        }
    }
}
