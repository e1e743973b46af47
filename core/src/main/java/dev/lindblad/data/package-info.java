/**
 * Complex matrix formats and their kernels.
 *
 * <p>Complex numbers are stored interleaved {@code (re, im)} in {@code double[]}. Dense matrices
 * are column-major (element (i, j) of an m-row matrix at {@code 2*(i + j*m)}), as BLAS, LAPACK
 * and cuBLAS expect and as {@code vec(rho)} stacks columns: the array of a dense n×n density
 * matrix <em>is</em> its column-stacked vector. Sparse matrices are compressed sparse row
 * ({@link dev.lindblad.data.CsrMatrix}) with sorted, unique column indices in every row.
 *
 * <p>The formats form the sealed hierarchy {@link dev.lindblad.data.Matrix}; every operation
 * in {@link dev.lindblad.data.Data} dispatches with one {@code switch} over it, in one place,
 * and states the format of its output.
 */
package dev.lindblad.data;
