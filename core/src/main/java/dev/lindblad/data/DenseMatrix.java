package dev.lindblad.data;

import dev.lindblad.Complex;
import java.util.Arrays;

/**
 * A dense complex matrix, column-major, with interleaved {@code (re, im)} storage: element
 * (i, j) is {@code data[2*(i + j*rows)] + i data[2*(i + j*rows) + 1]}.
 */
public final class DenseMatrix implements Matrix, java.io.Serializable {

    final int rows;
    final int cols;
    final double[] data;

    DenseMatrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /**
     * Wraps an interleaved column-major array without copying. The caller hands the array over
     * and must not modify it afterwards.
     *
     * @param rows number of rows, at least 1
     * @param cols number of columns, at least 1
     * @param data interleaved column-major values, length {@code 2*rows*cols}
     * @return the matrix
     */
    public static DenseMatrix wrap(int rows, int cols, double[] data) {
        Checks.shape(rows, cols);
        if (data.length != 2L * rows * cols) {
            throw new IllegalArgumentException("data length " + data.length + " does not fit a " + rows + "x" + cols
                    + " complex matrix (expected " + 2L * rows * cols + " doubles)");
        }
        return new DenseMatrix(rows, cols, data);
    }

    /** @return a copy of the interleaved column-major array, wrapped */
    public static DenseMatrix of(int rows, int cols, double[] data) {
        return wrap(rows, cols, data.clone());
    }

    /** @return the rows×cols zero matrix */
    public static DenseMatrix zeros(int rows, int cols) {
        Checks.shape(rows, cols);
        return new DenseMatrix(rows, cols, new double[(int) Checks.denseDoubles(rows, cols)]);
    }

    /**
     * Builds a matrix from row-major real and imaginary parts, as a person writes it.
     *
     * @param re real parts, {@code re[i][j]}
     * @param im imaginary parts of the same shape, or null for a real matrix
     * @return the matrix
     */
    public static DenseMatrix fromRows(double[][] re, double[][] im) {
        int m = re.length;
        if (m == 0) {
            throw new IllegalArgumentException("matrix has no rows");
        }
        int n = re[0].length;
        Checks.shape(m, n);
        if (im != null && im.length != m) {
            throw new IllegalArgumentException("imaginary part has " + im.length + " rows, real part " + m);
        }
        double[] d = new double[2 * m * n];
        for (int i = 0; i < m; i++) {
            if (re[i].length != n) {
                throw new IllegalArgumentException("ragged input: row " + i + " has " + re[i].length
                        + " entries, expected " + n);
            }
            if (im != null && im[i].length != n) {
                throw new IllegalArgumentException("imaginary part: row " + i + " has " + im[i].length
                        + " entries, expected " + n);
            }
            for (int j = 0; j < n; j++) {
                d[2 * (i + j * m)] = re[i][j];
                d[2 * (i + j * m) + 1] = im == null ? 0 : im[i][j];
            }
        }
        return new DenseMatrix(m, n, d);
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
        return (long) rows * cols;
    }

    @Override
    public Complex get(int i, int j) {
        Checks.index(i, j, rows, cols);
        int k = 2 * (i + j * rows);
        return new Complex(data[k], data[k + 1]);
    }

    /**
     * The backing array (interleaved, column-major), for kernels and native backends that take
     * it without copying. It must not be modified.
     *
     * @return the backing array
     */
    public double[] array() {
        return data;
    }

    @Override
    public DenseMatrix toDense() {
        return this;
    }

    @Override
    public CsrMatrix toCsr() {
        return Convert.denseToCsr(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DenseMatrix d && d.rows == rows && d.cols == cols && Arrays.equals(d.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return Format.toString(this);
    }
}
