package dev.lindblad.linalg;

/**
 * A complex linear operator given by its action, {@code y = A x}, on interleaved
 * {@code (re, im)} vectors of length {@code 2n}. The iterative solvers need nothing else, so a
 * Liouvillian can be applied without ever forming its matrix.
 *
 * <p>Implementations write every element of {@code y} and must not keep either array;
 * {@code x} and {@code y} are never the same array when a solver calls {@code apply}.
 */
@FunctionalInterface
public interface ComplexLinearMap {

    /**
     * Computes {@code y = A x}.
     *
     * @param x input vector, interleaved, length {@code 2n}; not modified
     * @param y output vector, interleaved, length {@code 2n}; overwritten
     */
    void apply(double[] x, double[] y);

    /**
     * The map {@code x -> A x} of a compressed-sparse-row matrix with interleaved values:
     * {@code y_i = sum_{p in rowPtr[i]..rowPtr[i+1]-1} values_p x_{colIdx[p]}}. The arrays are
     * validated (indices in range, lengths consistent) and copied, so later changes to them do
     * not affect the map.
     */
    static ComplexLinearMap csr(int n, int[] rowPtr, int[] colIdx, double[] values) {
        CompressedColumns rows = CompressedColumns.fromCsr(n, rowPtr, colIdx, values).transposeArrays();
        int[] pointers = rows.columnPointers();
        int[] indices = rows.rowIndices();
        double[] entries = rows.values();
        return (x, y) -> {
            for (int i = 0; i < n; i++) {
                double re = 0;
                double im = 0;
                for (int p = pointers[i]; p < pointers[i + 1]; p++) {
                    int j = indices[p];
                    double ar = entries[2 * p];
                    double ai = entries[2 * p + 1];
                    double xr = x[2 * j];
                    double xi = x[2 * j + 1];
                    re += ar * xr - ai * xi;
                    im += ar * xi + ai * xr;
                }
                y[2 * i] = re;
                y[2 * i + 1] = im;
            }
        };
    }
}
