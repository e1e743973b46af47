package dev.lindblad.data;

import dev.lindblad.Complex;

/**
 * A complex matrix in one of Lindblad's storage formats. Instances are immutable: kernels
 * never write into an operand, and the backing arrays a format exposes must not be modified.
 *
 * <p>Operations on matrices live in {@link Data}, which dispatches over this sealed hierarchy.
 */
public sealed interface Matrix permits DenseMatrix, CsrMatrix, DiaMatrix {

    /** @return the number of rows */
    int rows();

    /** @return the number of columns */
    int cols();

    /** @return the number of stored entries (rows*cols for a dense matrix) */
    long nnz();

    /** @return the element (i, j) */
    Complex get(int i, int j);

    /** @return this matrix in dense storage (itself when already dense) */
    DenseMatrix toDense();

    /** @return this matrix in CSR storage (itself when already CSR); exact zeros are dropped */
    CsrMatrix toCsr();

    /** @return the fraction of stored entries, {@code nnz / (rows*cols)} */
    default double density() {
        long size = (long) rows() * cols();
        return size == 0 ? 0 : (double) nnz() / size;
    }

    /** @return whether the matrix is square */
    default boolean isSquare() {
        return rows() == cols();
    }
}
