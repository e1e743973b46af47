package dev.lindblad.linalg;

/**
 * A square complex sparse matrix in compressed sparse column form, with the row indices of each
 * column sorted ascending and free of duplicates. Values are interleaved {@code (re, im)}: the
 * entry at position {@code p} has real part {@code values[2p]} and imaginary part
 * {@code values[2p+1]}.
 *
 * <p>The same arrays read as compressed sparse rows describe the transpose, which is how the
 * solvers obtain sorted rows: {@code fromCsr(A).transposeArrays()} holds sorted CSR of A.
 */
record CompressedColumns(int n, int[] columnPointers, int[] rowIndices, double[] values) {

    int nonZeros() {
        return columnPointers[n];
    }

    /**
     * Validates compressed-sparse-row input and returns the same matrix by columns, with
     * sorted row indices. Duplicate {@code (i, j)} entries are summed, as SciPy does when it
     * canonicalises a matrix.
     */
    static CompressedColumns fromCsr(int n, int[] rowPointers, int[] columnIndices, double[] values) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        if (rowPointers == null || columnIndices == null || values == null) {
            throw new IllegalArgumentException("rowPtr, colIdx and values must not be null");
        }
        if (rowPointers.length != n + 1) {
            throw new IllegalArgumentException(
                    "rowPtr must have length n + 1 = " + (n + 1) + ", got " + rowPointers.length);
        }
        if (rowPointers[0] != 0) {
            throw new IllegalArgumentException("rowPtr[0] must be 0, got " + rowPointers[0]);
        }
        for (int i = 0; i < n; i++) {
            if (rowPointers[i + 1] < rowPointers[i]) {
                throw new IllegalArgumentException("rowPtr must be non-decreasing: rowPtr[" + i + "] = "
                        + rowPointers[i] + " > rowPtr[" + (i + 1) + "] = " + rowPointers[i + 1]);
            }
        }
        int nnz = rowPointers[n];
        if (columnIndices.length < nnz) {
            throw new IllegalArgumentException(
                    "colIdx has length " + columnIndices.length + " but rowPtr[n] = " + nnz);
        }
        if (values.length < 2 * nnz) {
            throw new IllegalArgumentException("values must hold 2 * nnz = " + (2L * nnz)
                    + " interleaved doubles, got " + values.length);
        }
        int[] count = new int[n + 1];
        for (int i = 0; i < n; i++) {
            for (int p = rowPointers[i]; p < rowPointers[i + 1]; p++) {
                int j = columnIndices[p];
                if (j < 0 || j >= n) {
                    throw new IllegalArgumentException("colIdx[" + p + "] = " + j + " in row " + i
                            + " is outside [0, " + n + ")");
                }
                double re = values[2 * p];
                double im = values[2 * p + 1];
                if (!Double.isFinite(re) || !Double.isFinite(im)) {
                    throw new IllegalArgumentException("entry (" + i + ", " + j + ") is not finite: "
                            + re + " + " + im + "i");
                }
                count[j + 1]++;
            }
        }
        // A counting-sort transpose visits rows in order, so each column comes out sorted.
        return transpose(n, rowPointers, columnIndices, values, count).withDuplicatesSummed();
    }

    /** The transpose, by columns: equivalently these arrays read as sorted CSR. */
    CompressedColumns transposeArrays() {
        int[] count = new int[n + 1];
        int nnz = nonZeros();
        for (int p = 0; p < nnz; p++) {
            count[rowIndices[p] + 1]++;
        }
        return transpose(n, columnPointers, rowIndices, values, count);
    }

    private static CompressedColumns transpose(int n, int[] majorPointers, int[] minorIndices,
            double[] values, int[] count) {
        for (int j = 0; j < n; j++) {
            count[j + 1] += count[j];
        }
        int nnz = majorPointers[n];
        int[] pointers = count.clone();
        int[] next = count; // reused as the insertion cursor of each output column
        int[] indices = new int[nnz];
        double[] outValues = new double[2 * nnz];
        for (int i = 0; i < n; i++) {
            for (int p = majorPointers[i]; p < majorPointers[i + 1]; p++) {
                int q = next[minorIndices[p]]++;
                indices[q] = i;
                outValues[2 * q] = values[2 * p];
                outValues[2 * q + 1] = values[2 * p + 1];
            }
        }
        return new CompressedColumns(n, pointers, indices, outValues);
    }

    private CompressedColumns withDuplicatesSummed() {
        int nnz = nonZeros();
        boolean duplicates = false;
        for (int j = 0; j < n && !duplicates; j++) {
            for (int p = columnPointers[j] + 1; p < columnPointers[j + 1]; p++) {
                if (rowIndices[p] == rowIndices[p - 1]) {
                    duplicates = true;
                    break;
                }
            }
        }
        if (!duplicates) {
            return this;
        }
        int[] pointers = new int[n + 1];
        int[] indices = new int[nnz];
        double[] outValues = new double[2 * nnz];
        int q = 0;
        for (int j = 0; j < n; j++) {
            pointers[j] = q;
            for (int p = columnPointers[j]; p < columnPointers[j + 1]; p++) {
                if (q > pointers[j] && indices[q - 1] == rowIndices[p]) {
                    outValues[2 * (q - 1)] += values[2 * p];
                    outValues[2 * (q - 1) + 1] += values[2 * p + 1];
                } else {
                    indices[q] = rowIndices[p];
                    outValues[2 * q] = values[2 * p];
                    outValues[2 * q + 1] = values[2 * p + 1];
                    q++;
                }
            }
        }
        pointers[n] = q;
        return new CompressedColumns(n, pointers, indices, outValues);
    }

    /** The largest modulus of any entry, 0 for an empty matrix. */
    double maxAbs() {
        double max = 0;
        for (int p = 0; p < nonZeros(); p++) {
            max = Math.max(max, Math.hypot(values[2 * p], values[2 * p + 1]));
        }
        return max;
    }

    /** {@code B = A(perm, perm)}: {@code B[i][j] = A[perm[i]][perm[j]]}, columns sorted. */
    CompressedColumns symmetricPermutation(int[] perm, int[] inversePerm) {
        // Permute columns directly, then two transposes would sort rows; one transpose of the
        // row-relabelled matrix suffices because transposition sorts by the new labels.
        int nnz = nonZeros();
        int[] count = new int[n + 1];
        int[] pointers = new int[n + 1];
        int[] indices = new int[nnz];
        double[] outValues = new double[2 * nnz];
        int q = 0;
        for (int j = 0; j < n; j++) {
            pointers[j] = q;
            int oldColumn = perm[j];
            for (int p = columnPointers[oldColumn]; p < columnPointers[oldColumn + 1]; p++) {
                int newRow = inversePerm[rowIndices[p]];
                indices[q] = newRow;
                outValues[2 * q] = values[2 * p];
                outValues[2 * q + 1] = values[2 * p + 1];
                count[newRow + 1]++;
                q++;
            }
        }
        pointers[n] = q;
        // Transposing twice yields sorted row indices within each column.
        CompressedColumns transposed = transpose(n, pointers, indices, outValues, count);
        return transposed.transposeArrays();
    }
}
