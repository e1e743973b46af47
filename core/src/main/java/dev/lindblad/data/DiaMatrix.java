package dev.lindblad.data;

import dev.lindblad.Complex;
import java.util.Arrays;

/**
 * A sparse complex matrix stored by diagonals: diagonal d has offset {@code offsets[d]} (0 the
 * main diagonal, positive above, negative below; sorted ascending, unique) and its values are
 * indexed by row, {@code A[i][i + offsets[d]] = data[2*(d*rows + i)] + i data[2*(d*rows + i) + 1]}.
 * Positions whose column falls outside the matrix are padding and hold zero.
 *
 * <p>Hamiltonians and Liouvillians of spin chains and oscillators are a few diagonals, often
 * nearly full; then this format stores no indices and its matrix–vector product streams both
 * the values and x contiguously (QuTiP 5 added it for this). {@link Data#toBestFormat} states
 * when Lindblad picks it.
 */
public final class DiaMatrix implements Matrix, java.io.Serializable {

    final int rows;
    final int cols;
    final int[] offsets;
    final double[] data;

    DiaMatrix(int rows, int cols, int[] offsets, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.offsets = offsets;
        this.data = data;
    }

    /**
     * Builds a diagonal-storage matrix from its arrays (copied). Offsets are sorted here if they
     * are not; repeated offsets or offsets with no position inside the matrix are errors.
     *
     * @param rows    number of rows
     * @param cols    number of columns
     * @param offsets diagonal offsets (column minus row)
     * @param data    interleaved values indexed by row, length {@code 2*offsets.length*rows}
     * @return the matrix
     */
    public static DiaMatrix of(int rows, int cols, int[] offsets, double[] data) {
        Checks.shape(rows, cols);
        if (data.length != 2L * offsets.length * rows) {
            throw new IllegalArgumentException("DIA data of " + offsets.length + " diagonals and " + rows
                    + " rows needs " + 2L * offsets.length * rows + " doubles, got " + data.length);
        }
        Integer[] order = new Integer[offsets.length];
        for (int d = 0; d < order.length; d++) {
            order[d] = d;
            if (offsets[d] <= -rows || offsets[d] >= cols) {
                throw new IllegalArgumentException("diagonal offset " + offsets[d] + " lies outside a " + rows + "x" + cols
                        + " matrix");
            }
        }
        Arrays.sort(order, (p, q) -> Integer.compare(offsets[p], offsets[q]));
        int[] off = new int[offsets.length];
        double[] v = new double[data.length];
        for (int d = 0; d < off.length; d++) {
            off[d] = offsets[order[d]];
            if (d > 0 && off[d] == off[d - 1]) {
                throw new IllegalArgumentException("diagonal offset " + off[d] + " appears twice in " + Arrays.toString(offsets));
            }
            System.arraycopy(data, 2 * order[d] * rows, v, 2 * d * rows, 2 * rows);
            int lo = Math.max(0, -off[d]), hi = Math.min(rows, cols - off[d]);
            Arrays.fill(v, 2 * d * rows, 2 * (d * rows + lo), 0.0);   // padding is zero, whatever was given
            Arrays.fill(v, 2 * (d * rows + hi), 2 * (d + 1) * rows, 0.0);
        }
        return new DiaMatrix(rows, cols, off, v);
    }

    /** @return a's stored entries on the diagonals they occupy (exact zeros kept as stored) */
    public static DiaMatrix fromCsr(CsrMatrix a) {
        int n = a.rows;
        boolean[] seen = new boolean[a.rows + a.cols - 1];
        for (int i = 0; i < n; i++) {
            for (int p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
                seen[a.colIdx[p] - i + n - 1] = true;
            }
        }
        int count = 0;
        int[] slot = new int[seen.length];
        for (int k = 0; k < seen.length; k++) {
            slot[k] = seen[k] ? count++ : -1;
        }
        int[] off = new int[count];
        for (int k = 0; k < seen.length; k++) {
            if (seen[k]) {
                off[slot[k]] = k - (n - 1);
            }
        }
        long size = 2L * count * n;
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(count + " diagonals of " + n + " rows need " + size
                    + " doubles, more than one Java array holds");
        }
        double[] v = new double[(int) size];
        for (int i = 0; i < n; i++) {
            for (int p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
                int d = slot[a.colIdx[p] - i + n - 1];
                v[2 * (d * n + i)] = a.values[2 * p];
                v[2 * (d * n + i) + 1] = a.values[2 * p + 1];
            }
        }
        return new DiaMatrix(a.rows, a.cols, off, v);
    }

    /** @return the number of stored diagonals */
    public int diagonals() {
        return offsets.length;
    }

    /** @return the diagonal offsets, ascending (a copy) */
    public int[] offsets() {
        return offsets.clone();
    }

    /** @return the interleaved values indexed by diagonal and row (backing array; must not be modified) */
    public double[] valueArray() {
        return data;
    }

    /** @return the number of positions of diagonal d that lie inside the matrix */
    int length(int d) {
        return Math.max(0, Math.min(rows, cols - offsets[d]) - Math.max(0, -offsets[d]));
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    /** @return the positions inside the matrix on the stored diagonals (padding not counted) */
    @Override
    public long nnz() {
        long s = 0;
        for (int d = 0; d < offsets.length; d++) {
            s += length(d);
        }
        return s;
    }

    @Override
    public Complex get(int i, int j) {
        Checks.index(i, j, rows, cols);
        int d = Arrays.binarySearch(offsets, j - i);
        return d >= 0 ? new Complex(data[2 * (d * rows + i)], data[2 * (d * rows + i) + 1]) : Complex.ZERO;
    }

    @Override
    public DenseMatrix toDense() {
        double[] c = new double[(int) Checks.denseDoubles(rows, cols)];
        for (int d = 0; d < offsets.length; d++) {
            int off = offsets[d];
            for (int i = Math.max(0, -off); i < Math.min(rows, cols - off); i++) {
                int k = 2 * (i + (i + off) * rows);
                c[k] = data[2 * (d * rows + i)];
                c[k + 1] = data[2 * (d * rows + i) + 1];
            }
        }
        return new DenseMatrix(rows, cols, c);
    }

    @Override
    public CsrMatrix toCsr() {
        CooBuilder b = new CooBuilder(rows, cols, (int) Math.min(Integer.MAX_VALUE - 16, nnz()));
        for (int i = 0; i < rows; i++) {
            for (int d = 0; d < offsets.length; d++) {
                int j = i + offsets[d];
                if (j >= 0 && j < cols) {
                    double re = data[2 * (d * rows + i)], im = data[2 * (d * rows + i) + 1];
                    if (re != 0 || im != 0) {
                        b.add(i, j, re, im);
                    }
                }
            }
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiaMatrix g && g.rows == rows && g.cols == cols && Arrays.equals(g.offsets, offsets)
                && Arrays.equals(g.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(offsets);
    }

    @Override
    public String toString() {
        return Format.toString(this);
    }
}
