/**
 * Dense complex linear algebra without external dependencies: Hermitian and general
 * (non-Hermitian) eigen-decomposition, LU with partial pivoting, the matrix exponential, the
 * square root of a positive semidefinite matrix and Krylov-subspace approximations of
 * {@code exp(t A) v}.
 *
 * <p>Conventions, shared by every class of the package:
 * <ul>
 *   <li>Complex numbers are stored interleaved, {@code (re, im)}, in a {@code double[]}.</li>
 *   <li>A dense n×n matrix is column-major, as in BLAS and LAPACK: element {@code (i, j)} has
 *       its real part at {@code 2*(i + j*n)} and its imaginary part at
 *       {@code 2*(i + j*n) + 1}. A vector of dimension n is a {@code double[]} of length
 *       {@code 2n}; a block of m column vectors is an n×m column-major matrix.</li>
 *   <li>Inputs are never modified; results are freshly allocated arrays.</li>
 *   <li>Bad input throws {@link java.lang.IllegalArgumentException} whose message names the
 *       offending values; a numerically singular system throws
 *       {@link java.lang.ArithmeticException}.</li>
 * </ul>
 */
package dev.lindblad.linalg;
