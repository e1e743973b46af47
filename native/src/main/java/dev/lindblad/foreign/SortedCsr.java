package dev.lindblad.foreign;

import java.util.Arrays;

/**
 * A CSR matrix's column indices and values with each row's entries in ascending column order,
 * as PARDISO and UMFPACK require (Lindblad's CSR matrices are sorted already; rows that are not
 * are sorted in a copy, the caller's arrays are never changed).
 *
 * @param columnIndices the column indices, each row ascending
 * @param values        the interleaved values in the same order
 */
record SortedCsr(int[] columnIndices, double[] values) {

    static SortedCsr of(int rows, int[] rowPointers, int[] columnIndices, double[] values) {
        int nnz = rowPointers[rows];
        int[] ci = null;
        double[] v = null;
        for (int i = 0; i < rows; i++) {
            int lo = rowPointers[i], hi = rowPointers[i + 1];
            boolean sorted = true;
            for (int p = lo + 1; p < hi && sorted; p++) {
                sorted = columnIndices[p - 1] < columnIndices[p];
            }
            if (sorted) {
                continue;
            }
            if (ci == null) {
                ci = Arrays.copyOf(columnIndices, nnz);
                v = Arrays.copyOf(values, 2 * nnz);
            }
            Integer[] order = new Integer[hi - lo];
            for (int p = lo; p < hi; p++) {
                order[p - lo] = p;
            }
            Arrays.sort(order, java.util.Comparator.comparingInt(p -> columnIndices[p]));
            for (int q = 0; q < order.length; q++) {
                ci[lo + q] = columnIndices[order[q]];
                v[2 * (lo + q)] = values[2 * order[q]];
                v[2 * (lo + q) + 1] = values[2 * order[q] + 1];
            }
        }
        return ci == null ? new SortedCsr(columnIndices, values) : new SortedCsr(ci, v);
    }
}
