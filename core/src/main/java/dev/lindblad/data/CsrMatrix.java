package dev.lindblad.data;

import dev.lindblad.Complex;
import java.util.Arrays;

/**
 * A sparse complex matrix in compressed sparse row storage: the entries of row i are at
 * positions {@code rowPtr[i] .. rowPtr[i+1]-1}, with column indices {@code colIdx[p]} sorted
 * ascending and unique within a row, and values {@code values[2p] + i values[2p+1]}.
 */
public final class CsrMatrix implements Matrix, java.io.Serializable {

    final int rows;
    final int cols;
    final int[] rowPtr;
    final int[] colIdx;
    final double[] values;
    /** Row partitions for the parallel kernels, computed on first use (see {@link RowPartition}). */
    transient volatile RowPartition workPartition, blockPartition;   // caches, computed again where used

    CsrMatrix(int rows, int cols, int[] rowPtr, int[] colIdx, double[] values) {
        this.rows = rows;
        this.cols = cols;
        this.rowPtr = rowPtr;
        this.colIdx = colIdx;
        this.values = values;
    }

    /**
     * Builds a CSR matrix from its arrays, checking them: row pointers non-decreasing from 0 to
     * nnz, column indices in range. Rows whose columns are unsorted are sorted and duplicates
     * summed, so the result is canonical. The arrays are copied.
     *
     * @param rows   number of rows
     * @param cols   number of columns
     * @param rowPtr row pointers, length rows+1
     * @param colIdx column index of each entry
     * @param values interleaved values, length 2*nnz
     * @return the matrix
     */
    public static CsrMatrix of(int rows, int cols, int[] rowPtr, int[] colIdx, double[] values) {
        Checks.shape(rows, cols);
        if (rowPtr.length != rows + 1 || rowPtr[0] != 0) {
            throw new IllegalArgumentException("rowPtr must have length rows+1 = " + (rows + 1)
                    + " and start at 0; got length " + rowPtr.length + (rowPtr.length > 0 ? ", rowPtr[0] = " + rowPtr[0] : ""));
        }
        int nnz = rowPtr[rows];
        if (colIdx.length < nnz || values.length < 2 * nnz) {
            throw new IllegalArgumentException("rowPtr[rows] = " + nnz + " entries, but colIdx has " + colIdx.length
                    + " and values has " + values.length / 2);
        }
        // all pointers first: a pointer past nnz in the middle would otherwise read beyond colIdx
        for (int i = 0; i < rows; i++) {
            if (rowPtr[i + 1] < rowPtr[i]) {
                throw new IllegalArgumentException("rowPtr decreases at row " + i + ": " + rowPtr[i] + " > " + rowPtr[i + 1]);
            }
        }
        CooBuilder b = new CooBuilder(rows, cols, nnz);
        for (int i = 0; i < rows; i++) {
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                b.add(i, colIdx[p], values[2 * p], values[2 * p + 1]);
            }
        }
        return b.build();
    }

    /** @return the n×n identity */
    public static CsrMatrix identity(int n) {
        Checks.shape(n, n);
        int[] rp = new int[n + 1];
        int[] ci = new int[n];
        double[] v = new double[2 * n];
        for (int i = 0; i < n; i++) {
            rp[i + 1] = i + 1;
            ci[i] = i;
            v[2 * i] = 1;
        }
        return new CsrMatrix(n, n, rp, ci, v);
    }

    /** @return the rows×cols zero matrix (no stored entries) */
    public static CsrMatrix zeros(int rows, int cols) {
        Checks.shape(rows, cols);
        return new CsrMatrix(rows, cols, new int[rows + 1], new int[0], new double[0]);
    }

    /**
     * A matrix with one diagonal: {@code A[i][i+offset] = diag[i]} (complex interleaved values).
     *
     * @param n      size of the square matrix
     * @param offset 0 for the main diagonal, positive above, negative below
     * @param diag   interleaved values, length {@code 2*(n - |offset|)}
     * @return the matrix
     */
    public static CsrMatrix diagonal(int n, int offset, double[] diag) {
        Checks.shape(n, n);
        int len = n - Math.abs(offset);
        if (len <= 0 || diag.length != 2 * len) {
            throw new IllegalArgumentException("diagonal " + offset + " of a " + n + "x" + n + " matrix has "
                    + Math.max(len, 0) + " entries; got " + diag.length / 2);
        }
        CooBuilder b = new CooBuilder(n, n, len);
        for (int k = 0; k < len; k++) {
            int i = offset >= 0 ? k : k - offset;
            b.add(i, i + offset, diag[2 * k], diag[2 * k + 1]);
        }
        return b.build();
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
    public long nnz() {
        return rowPtr[rows];
    }

    @Override
    public Complex get(int i, int j) {
        Checks.index(i, j, rows, cols);
        int p = Arrays.binarySearch(colIdx, rowPtr[i], rowPtr[i + 1], j);
        return p >= 0 ? new Complex(values[2 * p], values[2 * p + 1]) : Complex.ZERO;
    }

    /** @return the row pointers (backing array; must not be modified) */
    public int[] rowPointers() {
        return rowPtr;
    }

    /** @return the column indices (backing array; must not be modified) */
    public int[] columnIndices() {
        return colIdx;
    }

    /** @return the interleaved values (backing array; must not be modified) */
    public double[] valueArray() {
        return values;
    }

    @Override
    public DenseMatrix toDense() {
        return Convert.csrToDense(this);
    }

    @Override
    public CsrMatrix toCsr() {
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CsrMatrix c && c.rows == rows && c.cols == cols
                && Arrays.equals(c.rowPtr, rowPtr)
                && Arrays.equals(c.colIdx, 0, (int) nnz(), colIdx, 0, (int) nnz())
                && Arrays.equals(c.values, 0, 2 * (int) nnz(), values, 0, 2 * (int) nnz());
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(rowPtr);
    }

    @Override
    public String toString() {
        return Format.toString(this);
    }
}
