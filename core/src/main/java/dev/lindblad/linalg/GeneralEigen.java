package dev.lindblad.linalg;

import dev.lindblad.Complex;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Eigen-decomposition {@code A V = V Λ} of a general (non-Hermitian, possibly non-normal)
 * complex n×n matrix: complex eigenvalues Λ and right eigenvectors V, column k of V being a
 * unit-2-norm vector with {@code A v_k = λ_k v_k}.
 *
 * <p>Method, as in LAPACK's {@code zgeev} without balancing:
 * <ol>
 *   <li>Householder reduction {@code Q_1^† A Q_1 = H} to upper Hessenberg form (each
 *       reflector {@code I - τ v v^†} chosen as in {@code zlarfg}; Golub and Van Loan,
 *       <i>Matrix Computations</i>, 4th ed., algorithm 7.4.2).</li>
 *   <li>The complex single-shift implicit QR algorithm on H (Golub and Van Loan, section
 *       7.5; the shift and deflation strategy of {@code zlahqr}): Wilkinson shifts (the
 *       eigenvalue of the trailing 2×2 block closest to its last diagonal entry), a bulge
 *       chased down by Givens rotations, deflation when a sub-diagonal entry is negligible by
 *       the criterion of Ahues and Tisseur (LAPACK Working Note 122), and an exceptional
 *       shift every 10 iterations without deflation. The result is the complex Schur form
 *       {@code T = Q^† A Q}, upper triangular with Q unitary; the eigenvalues are
 *       {@code diag(T)}.</li>
 *   <li>With vectors: the eigenvectors x_k of T by back-substitution of
 *       {@code (T_{0:k,0:k} - t_kk I) x = -T_{0:k,k}}, {@code x_k = 1} (as {@code ztrevc}:
 *       a diagonal difference below {@code max(ε |t_kk|, tiny)} is replaced by that value,
 *       and the vector is rescaled as it grows so nothing overflows), then
 *       {@code v_k = Q x_k}.</li>
 * </ol>
 * Cost {@code O(n^3)}; the vectors (accumulating Q, the full Schur form and the
 * back-substitution) make it two to three times that of the eigenvalues alone.
 * Backward stable: the Schur form is exact for a matrix within a small multiple of
 * {@code ε ||A||} of A, so the residual {@code ||A v_k - λ_k v_k||} is of order
 * {@code ε ||A||}. The eigenvalues themselves are only as accurate as their condition numbers
 * allow: a non-normal matrix may have eigenvalues much more sensitive than {@code ε ||A||}
 * (a defective eigenvalue of multiplicity m is perturbed by about {@code ε^{1/m}}).
 *
 * <p>Storage is interleaved column-major, see the {@linkplain dev.lindblad.linalg package};
 * eigenvalues are returned interleaved, {@code (re_0, im_0, re_1, im_1, ...)}.
 */
public final class GeneralEigen {

    /**
     * Real part descending, ties broken by imaginary part descending: the order of a
     * steady-state search, slowest-decaying Liouvillian mode first. The comparison is exact,
     * so rounding decides the order of eigenvalues whose real parts agree only to rounding.
     */
    public static final Comparator<Complex> REAL_PART_DESCENDING = Comparator
            .comparingDouble(Complex::re).reversed()
            .thenComparing(Comparator.comparingDouble(Complex::im).reversed());

    /** Modulus ascending, ties broken by real part ascending then imaginary part ascending. */
    public static final Comparator<Complex> MODULUS_ASCENDING = Comparator
            .comparingDouble(Complex::abs)
            .thenComparingDouble(Complex::re)
            .thenComparingDouble(Complex::im);

    private static final double EPS = Math.ulp(1.0);
    /** Smallest normal number scaled as LAPACK's {@code dlamch('S')}, guard against underflow. */
    private static final double SAFE_MIN = Double.MIN_NORMAL;
    /** Eigenvector entries are kept below this during back-substitution. */
    private static final double GROWTH_LIMIT = 1e100;

    private GeneralEigen() {
    }

    /**
     * Eigenvalues and (optionally) right eigenvectors of a general complex matrix.
     *
     * @param eigenvalues  the n eigenvalues, interleaved (length 2n), in the order given by
     *                     the construction (for {@link #decompose}: the diagonal of the Schur
     *                     form; for {@link #sortedBy}: the requested order)
     * @param eigenvectors n×n V, interleaved column-major, column k the eigenvector of
     *                     eigenvalue k ({@code A v_k = λ_k v_k}), with unit 2-norm and its
     *                     largest-modulus entry real and positive (the first such entry on a
     *                     tie); {@code null} when not requested. V need not be unitary, and
     *                     for a defective matrix it is numerically singular.
     */
    public record Result(double[] eigenvalues, double[] eigenvectors) {

        /**
         * @throws IllegalArgumentException if {@code eigenvalues} is null or of odd length,
         *                                  or {@code eigenvectors} is neither null nor of
         *                                  length {@code 2 n n}
         */
        public Result {
            if (eigenvalues == null || eigenvalues.length % 2 != 0) {
                throw new IllegalArgumentException("eigenvalues must be an interleaved array of"
                        + " even length, got " + (eigenvalues == null ? "null" : "length " + eigenvalues.length));
            }
            long n = eigenvalues.length / 2;
            if (eigenvectors != null && eigenvectors.length != 2 * n * n) {
                throw new IllegalArgumentException("eigenvectors must have length 2*n*n = "
                        + (2 * n * n) + " for n = " + n + ", got " + eigenvectors.length);
            }
        }

        /** @return the dimension n */
        public int dimension() {
            return eigenvalues.length / 2;
        }

        /**
         * @param k index, {@code 0 <= k < n}
         * @return eigenvalue k as a complex number
         */
        public Complex eigenvalue(int k) {
            checkIndex(k);
            return new Complex(eigenvalues[2 * k], eigenvalues[2 * k + 1]);
        }

        /**
         * @param k index of the eigenvalue, {@code 0 <= k < n}
         * @return a copy of eigenvector k as an interleaved vector of length 2n
         * @throws IllegalStateException when the vectors were not computed
         */
        public double[] eigenvector(int k) {
            requireVectors();
            checkIndex(k);
            int n = dimension();
            return Arrays.copyOfRange(eigenvectors, 2 * k * n, 2 * (k + 1) * n);
        }

        /**
         * The same decomposition with eigenvalues (and their eigenvectors) reordered. The
         * sort is stable, so equal eigenvalues keep their Schur order.
         *
         * @param order the order of the eigenvalues, for example
         *              {@link GeneralEigen#REAL_PART_DESCENDING} (slowest-decaying mode of a
         *              Liouvillian first: the steady state)
         * @return a new result; this one is unchanged
         */
        public Result sortedBy(Comparator<Complex> order) {
            if (order == null) {
                throw new IllegalArgumentException("order must not be null");
            }
            int n = dimension();
            Integer[] permutation = new Integer[n];
            Complex[] values = new Complex[n];
            for (int k = 0; k < n; k++) {
                permutation[k] = k;
                values[k] = new Complex(eigenvalues[2 * k], eigenvalues[2 * k + 1]);
            }
            Arrays.sort(permutation, (p, q) -> order.compare(values[p], values[q]));
            double[] sortedValues = new double[2 * n];
            double[] sortedVectors = eigenvectors == null ? null : new double[2 * n * n];
            for (int k = 0; k < n; k++) {
                int from = permutation[k];
                sortedValues[2 * k] = eigenvalues[2 * from];
                sortedValues[2 * k + 1] = eigenvalues[2 * from + 1];
                if (sortedVectors != null) {
                    System.arraycopy(eigenvectors, 2 * from * n, sortedVectors, 2 * k * n, 2 * n);
                }
            }
            return new Result(sortedValues, sortedVectors);
        }

        /**
         * The inverse {@code V^{-1}} of the eigenvector matrix, so that
         * {@code A = V Λ V^{-1}} and {@code f(A) = V f(Λ) V^{-1}} (for example
         * {@code e^{A t} y_0 = V e^{Λ t} V^{-1} y_0}). Row k of {@code V^{-1}} is the left
         * eigenvector of λ_k, scaled so that {@code w_k^† v_k = 1}.
         *
         * <p>V is declared numerically singular, and the matrix defective (or so close to
         * defective that no diagonalisation carries information), when the LU factorisation
         * of V has a pivot below {@code n ε max|v_ij|} or when the reciprocal condition number
         * {@code 1 / (||V||_1 ||V^{-1}||_1)} is below {@code n ε}.
         *
         * @return {@code V^{-1}}, interleaved column-major
         * @throws IllegalStateException when the vectors were not computed
         * @throws ArithmeticException   when V is numerically singular; the message gives the
         *                               reciprocal condition number
         */
        public double[] inverseEigenvectors() {
            requireVectors();
            int n = dimension();
            LuDecomposition lu = LuDecomposition.factor(n, eigenvectors);
            if (lu.isSingular()) {
                throw new ArithmeticException("eigenvector matrix V is numerically singular"
                        + " (LU pivot below n*eps*max|v_ij|): the matrix is defective, it has"
                        + " no basis of eigenvectors");
            }
            double[] inverse = lu.inverse();
            double reciprocalCondition = 1.0 / (Kernels.norm1(n, eigenvectors) * Kernels.norm1(n, inverse));
            if (!(reciprocalCondition >= n * EPS)) {
                throw new ArithmeticException("eigenvector matrix V is numerically singular:"
                        + " 1/(||V||_1 ||V^-1||_1) = " + reciprocalCondition + " < n*eps = "
                        + (n * EPS) + "; the matrix is defective or nearly so");
            }
            return inverse;
        }

        private void requireVectors() {
            if (eigenvectors == null) {
                throw new IllegalStateException("eigenvectors were not requested");
            }
        }

        private void checkIndex(int k) {
            int n = dimension();
            if (k < 0 || k >= n) {
                throw new IllegalArgumentException("eigenvalue index k must be in [0, " + n
                        + "), got " + k);
            }
        }
    }

    /**
     * Decomposes a general complex matrix, {@code A V = V diag(λ)}.
     *
     * @param n           dimension, {@code n >= 0}
     * @param a           the matrix, interleaved column-major, length {@code 2 n n}; not
     *                    modified
     * @param wantVectors whether to compute the right eigenvectors (about 2.5x the cost)
     * @return the eigenvalues in Schur-diagonal order and, if requested, the eigenvectors
     * @throws IllegalArgumentException if the length of {@code a} is not {@code 2 n n} or an
     *                                  entry is NaN or infinite
     * @throws ArithmeticException      if the QR iteration fails to converge (not observed in
     *                                  practice; the limit is 30 max(10, n) iterations per
     *                                  eigenvalue)
     */
    public static Result decompose(int n, double[] a, boolean wantVectors) {
        Kernels.checkSquare("matrix a", n, a);
        Kernels.checkFinite("matrix a", n, a);
        Result viaBackend = NativeDispatch.general(n, a, wantVectors);   // LAPACK zgeev, when chosen
        if (viaBackend != null) {
            return viaBackend;
        }
        double[] h = a.clone();
        double[] tau = new double[2 * Math.max(n, 1)];
        reduceToHessenberg(n, h, tau);
        double[] q = wantVectors ? formQ(n, h, tau) : null;
        clearBelowSubdiagonal(n, h);
        schur(n, h, q, wantVectors);
        double[] values = new double[2 * n];
        for (int k = 0; k < n; k++) {
            values[2 * k] = h[2 * (k + k * n)];
            values[2 * k + 1] = h[2 * (k + k * n) + 1];
        }
        if (!wantVectors) {
            return new Result(values, null);
        }
        return new Result(values, eigenvectors(n, h, q));
    }

    /**
     * The complex Schur form {@code A = Q T Q^†} of a general complex matrix.
     *
     * @param t upper triangular T (the eigenvalues on its diagonal), interleaved column-major
     * @param q unitary Q, interleaved column-major
     */
    public record Schur(double[] t, double[] q) {
    }

    /**
     * Computes the complex Schur form {@code A = Q T Q^†} (T upper triangular, Q unitary) by the
     * Hessenberg reduction and shifted QR iteration described in the class documentation; the
     * basis of matrix functions that need no eigenvector basis ({@link MatrixFunctions}).
     *
     * @param n dimension, {@code n >= 0}
     * @param a the matrix, interleaved column-major, length {@code 2 n n}; not modified
     * @return T and Q
     * @throws IllegalArgumentException if the length of {@code a} is not {@code 2 n n} or an
     *                                  entry is NaN or infinite
     */
    public static Schur schur(int n, double[] a) {
        Kernels.checkSquare("matrix a", n, a);
        Kernels.checkFinite("matrix a", n, a);
        double[] h = a.clone();
        double[] tau = new double[2 * Math.max(n, 1)];
        reduceToHessenberg(n, h, tau);
        double[] q = formQ(n, h, tau);
        clearBelowSubdiagonal(n, h);
        schur(n, h, q, true);
        // the QR sweeps leave rounding-sized entries only on the sub-diagonal, and deflation
        // zeroes them; clear any left so that T is exactly triangular
        for (int j = 0; j < n; j++) {
            for (int i = j + 1; i < n; i++) {
                h[2 * (i + j * n)] = 0.0;
                h[2 * (i + j * n) + 1] = 0.0;
            }
        }
        return new Schur(h, q);
    }

    /**
     * The eigenvalues of a general complex matrix, in Schur-diagonal order; same as
     * {@code decompose(n, a, false).eigenvalues()}.
     *
     * @param n dimension
     * @param a the matrix, interleaved column-major
     * @return the n eigenvalues, interleaved (length 2n)
     */
    public static double[] eigenvalues(int n, double[] a) {
        return decompose(n, a, false).eigenvalues();
    }

    // ---------------------------------------------------------------- Hessenberg reduction

    /**
     * In place: {@code H = H_{n-3}^† ... H_0^† A H_0 ... H_{n-3}} with
     * {@code H_k = I - τ_k v_k v_k^†}, {@code v_k = (0,...,0, 1, v_{k+2..n-1})} the 1 in row
     * k+1. The tail of v_k is stored in column k below the sub-diagonal.
     */
    private static void reduceToHessenberg(int n, double[] h, double[] tau) {
        double[] v = new double[2 * n];
        double[] y = new double[2 * n];
        for (int k = 0; k < n - 2; k++) {
            int s = k + 1;
            int col = 2 * k * n;
            double alphaRe = h[col + 2 * s];
            double alphaIm = h[col + 2 * s + 1];
            double tailNorm = Kernels.norm2(h, col + 2 * (s + 1), col + 2 * n);
            if (tailNorm == 0.0) {
                // Nothing to annihilate; a complex sub-diagonal is fine for the QR step.
                tau[2 * k] = 0.0;
                tau[2 * k + 1] = 0.0;
                continue;
            }
            // zlarfg convention: H^† (alpha, x)^T = (beta, 0)^T with beta real.
            double beta = -Math.copySign(Math.hypot(Math.hypot(alphaRe, alphaIm), tailNorm), alphaRe);
            double tauRe = (beta - alphaRe) / beta;
            double tauIm = -alphaIm / beta;
            // v = x / (alpha - beta); |alpha - beta| >= |beta| since they have opposite signs.
            double denRe = alphaRe - beta;
            double denIm = alphaIm;
            double den = denRe * denRe + denIm * denIm;
            double scaleRe = denRe / den;
            double scaleIm = -denIm / den;
            v[2 * s] = 1.0;
            v[2 * s + 1] = 0.0;
            for (int i = s + 1; i < n; i++) {
                int p = col + 2 * i;
                double xr = h[p];
                double xi = h[p + 1];
                double vr = xr * scaleRe - xi * scaleIm;
                double vi = xr * scaleIm + xi * scaleRe;
                h[p] = vr;
                h[p + 1] = vi;
                v[2 * i] = vr;
                v[2 * i + 1] = vi;
            }
            h[col + 2 * s] = beta;
            h[col + 2 * s + 1] = 0.0;
            tau[2 * k] = tauRe;
            tau[2 * k + 1] = tauIm;

            // Left: A[s.., k+1..] -= conj(tau) v (v^† A[s.., k+1..]); column k is done above.
            for (int j = k + 1; j < n; j++) {
                int cj = 2 * j * n;
                double dotRe = 0.0;
                double dotIm = 0.0;
                for (int i = s; i < n; i++) {
                    double vr = v[2 * i];
                    double vi = v[2 * i + 1];
                    double xr = h[cj + 2 * i];
                    double xi = h[cj + 2 * i + 1];
                    dotRe += vr * xr + vi * xi;
                    dotIm += vr * xi - vi * xr;
                }
                double fr = tauRe * dotRe + tauIm * dotIm;
                double fi = tauRe * dotIm - tauIm * dotRe;
                for (int i = s; i < n; i++) {
                    double vr = v[2 * i];
                    double vi = v[2 * i + 1];
                    h[cj + 2 * i] -= vr * fr - vi * fi;
                    h[cj + 2 * i + 1] -= vr * fi + vi * fr;
                }
            }
            // Right: A[.., s..] -= tau (A[.., s..] v) v^†, y accumulated column by column.
            Arrays.fill(y, 0.0);
            for (int j = s; j < n; j++) {
                int cj = 2 * j * n;
                double vr = v[2 * j];
                double vi = v[2 * j + 1];
                for (int i = 0; i < n; i++) {
                    double xr = h[cj + 2 * i];
                    double xi = h[cj + 2 * i + 1];
                    y[2 * i] += xr * vr - xi * vi;
                    y[2 * i + 1] += xr * vi + xi * vr;
                }
            }
            for (int i = 0; i < n; i++) {
                double yr = y[2 * i];
                double yi = y[2 * i + 1];
                y[2 * i] = tauRe * yr - tauIm * yi;
                y[2 * i + 1] = tauRe * yi + tauIm * yr;
            }
            for (int j = s; j < n; j++) {
                int cj = 2 * j * n;
                // conj(v_j)
                double vr = v[2 * j];
                double vi = -v[2 * j + 1];
                for (int i = 0; i < n; i++) {
                    double yr = y[2 * i];
                    double yi = y[2 * i + 1];
                    h[cj + 2 * i] -= yr * vr - yi * vi;
                    h[cj + 2 * i + 1] -= yr * vi + yi * vr;
                }
            }
        }
    }

    /**
     * {@code Q = H_0 H_1 ... H_{n-3}} from the reflectors stored below the sub-diagonal of
     * {@code h}, applied from the last one so that each touches only rows and columns
     * {@code k+1..n-1}.
     */
    private static double[] formQ(int n, double[] h, double[] tau) {
        double[] q = Kernels.identity(n);
        for (int k = n - 3; k >= 0; k--) {
            double tauRe = tau[2 * k];
            double tauIm = tau[2 * k + 1];
            if (tauRe == 0.0 && tauIm == 0.0) {
                continue;
            }
            int s = k + 1;
            int col = 2 * k * n;
            for (int j = s; j < n; j++) {
                int cj = 2 * j * n;
                // v_s = 1 is implicit (h holds beta there).
                double dotRe = q[cj + 2 * s];
                double dotIm = q[cj + 2 * s + 1];
                for (int i = s + 1; i < n; i++) {
                    double vr = h[col + 2 * i];
                    double vi = h[col + 2 * i + 1];
                    double xr = q[cj + 2 * i];
                    double xi = q[cj + 2 * i + 1];
                    dotRe += vr * xr + vi * xi;
                    dotIm += vr * xi - vi * xr;
                }
                double fr = tauRe * dotRe - tauIm * dotIm;
                double fi = tauRe * dotIm + tauIm * dotRe;
                q[cj + 2 * s] -= fr;
                q[cj + 2 * s + 1] -= fi;
                for (int i = s + 1; i < n; i++) {
                    double vr = h[col + 2 * i];
                    double vi = h[col + 2 * i + 1];
                    q[cj + 2 * i] -= vr * fr - vi * fi;
                    q[cj + 2 * i + 1] -= vr * fi + vi * fr;
                }
            }
        }
        return q;
    }

    private static void clearBelowSubdiagonal(int n, double[] h) {
        for (int j = 0; j < n; j++) {
            int from = 2 * (j + 2 + j * n);
            int to = 2 * (j + 1) * n;
            if (from < to) {
                Arrays.fill(h, from, to, 0.0);
            }
        }
    }

    // ---------------------------------------------------------------- QR iteration

    private static double cabs1(double re, double im) {
        return Math.abs(re) + Math.abs(im);
    }

    /**
     * Complex Schur form in place: on return {@code h} is upper triangular (when
     * {@code fullSchur}; otherwise only its diagonal is meaningful) and, when {@code q} is not
     * null, {@code q} has been multiplied on the right by the accumulated rotations.
     */
    private static void schur(int n, double[] h, double[] q, boolean fullSchur) {
        if (n == 0) {
            return;
        }
        int iterationLimit = 30 * Math.max(10, n);
        double[] rotation = new double[3];
        int i = n - 1;
        while (i >= 0) {
            int l = 0;
            boolean converged = false;
            for (int iteration = 0; iteration <= iterationLimit; iteration++) {
                l = deflationPoint(n, h, l, i);
                if (l > 0) {
                    h[2 * (l + (l - 1) * n)] = 0.0;
                    h[2 * (l + (l - 1) * n) + 1] = 0.0;
                }
                if (l >= i) {
                    converged = true;
                    break;
                }
                int rowFrom = fullSchur ? 0 : l;
                int columnTo = fullSchur ? n - 1 : i;
                double shiftRe;
                double shiftIm;
                if (iteration > 0 && iteration % 20 == 10) {
                    // Exceptional shift near the top of the window, to break a stagnating cycle.
                    int p = 2 * ((l + 1) + l * n);
                    double bump = 0.75 * cabs1(h[p], h[p + 1]);
                    shiftRe = h[2 * (l + l * n)] + bump;
                    shiftIm = h[2 * (l + l * n) + 1];
                } else if (iteration > 0 && iteration % 20 == 0) {
                    int p = 2 * (i + (i - 1) * n);
                    double bump = 0.75 * cabs1(h[p], h[p + 1]);
                    shiftRe = h[2 * (i + i * n)] + bump;
                    shiftIm = h[2 * (i + i * n) + 1];
                } else {
                    double[] shift = wilkinsonShift(n, h, i);
                    shiftRe = shift[0];
                    shiftIm = shift[1];
                }
                qrSweep(n, h, q, l, i, shiftRe, shiftIm, rowFrom, columnTo, rotation);
            }
            if (!converged) {
                throw new ArithmeticException("QR iteration did not converge for eigenvalue " + i
                        + " after " + iterationLimit + " iterations");
            }
            i = l - 1;
        }
    }

    /**
     * The largest {@code l} in {@code (low, i]} whose sub-diagonal {@code h[l, l-1]} is
     * negligible, or {@code low} if none: the Ahues–Tisseur test, which compares the
     * sub-diagonal with the local 2×2 block rather than with the whole matrix so that small
     * eigenvalues keep their relative accuracy.
     */
    private static int deflationPoint(int n, double[] h, int low, int i) {
        double ulp = EPS;
        double smallNumber = SAFE_MIN * (n / ulp);
        int k = i;
        for (; k > low; k--) {
            int sub = 2 * (k + (k - 1) * n);
            double subRe = h[sub];
            double subIm = h[sub + 1];
            double subSize = cabs1(subRe, subIm);
            if (subSize <= smallNumber) {
                break;
            }
            int dk = 2 * (k + k * n);
            int dk1 = 2 * ((k - 1) + (k - 1) * n);
            double test = cabs1(h[dk1], h[dk1 + 1]) + cabs1(h[dk], h[dk + 1]);
            if (test == 0.0) {
                if (k - 2 >= low) {
                    int p = 2 * ((k - 1) + (k - 2) * n);
                    test += cabs1(h[p], h[p + 1]);
                }
                if (k + 1 <= i) {
                    int p = 2 * ((k + 1) + k * n);
                    test += cabs1(h[p], h[p + 1]);
                }
            }
            if (subSize <= ulp * test) {
                int sup = 2 * ((k - 1) + k * n);
                double superSize = cabs1(h[sup], h[sup + 1]);
                double ab = Math.max(subSize, superSize);
                double ba = Math.min(subSize, superSize);
                double diffSize = cabs1(h[dk1] - h[dk], h[dk1 + 1] - h[dk + 1]);
                double diagSize = cabs1(h[dk], h[dk + 1]);
                double aa = Math.max(diagSize, diffSize);
                double bb = Math.min(diagSize, diffSize);
                double s = aa + ab;
                if (ba * (ab / s) <= Math.max(smallNumber, ulp * (bb * (aa / s)))) {
                    break;
                }
            }
        }
        return k;
    }

    /**
     * The eigenvalue of the trailing 2×2 block {@code [[a, b], [c, d]]} (rows i-1, i) closest
     * to d: {@code d - bc / (t + r)} with {@code t = (a - d)/2}, {@code r = sqrt(t^2 + bc)}
     * signed so that {@code |t + r|} is the larger root, avoiding cancellation. Entries are
     * scaled by their size first so no square overflows.
     */
    private static double[] wilkinsonShift(int n, double[] h, int i) {
        int pa = 2 * ((i - 1) + (i - 1) * n);
        int pb = 2 * ((i - 1) + i * n);
        int pc = 2 * (i + (i - 1) * n);
        int pd = 2 * (i + i * n);
        double dRe = h[pd];
        double dIm = h[pd + 1];
        double scale = cabs1(h[pa], h[pa + 1]) + cabs1(h[pb], h[pb + 1])
                + cabs1(h[pc], h[pc + 1]) + cabs1(dRe, dIm);
        if (scale == 0.0) {
            return new double[] {dRe, dIm};
        }
        double inv = 1.0 / scale;
        double bRe = h[pb] * inv;
        double bIm = h[pb + 1] * inv;
        double cRe = h[pc] * inv;
        double cIm = h[pc + 1] * inv;
        double bcRe = bRe * cRe - bIm * cIm;
        double bcIm = bRe * cIm + bIm * cRe;
        if (bcRe == 0.0 && bcIm == 0.0) {
            return new double[] {dRe, dIm};
        }
        double tRe = 0.5 * (h[pa] - dRe) * inv;
        double tIm = 0.5 * (h[pa + 1] - dIm) * inv;
        // r = sqrt(t^2 + bc), principal branch.
        double wRe = tRe * tRe - tIm * tIm + bcRe;
        double wIm = 2.0 * tRe * tIm + bcIm;
        double modulus = Math.hypot(wRe, wIm);
        double rRe = Math.sqrt(0.5 * (modulus + Math.abs(wRe)));
        double rIm = 0.0;
        if (rRe != 0.0) {
            rIm = wIm / (2.0 * rRe);
            if (wRe < 0.0) {
                double swap = rRe;
                rRe = Math.abs(rIm);
                rIm = Math.copySign(swap, wIm);
            }
        }
        if (tRe * rRe + tIm * rIm < 0.0) {
            rRe = -rRe;
            rIm = -rIm;
        }
        double denRe = tRe + rRe;
        double denIm = tIm + rIm;
        double den = denRe * denRe + denIm * denIm;
        if (den == 0.0) {
            return new double[] {dRe, dIm};
        }
        // bc / (t + r), in scaled units, then back to the matrix scale.
        double qRe = (bcRe * denRe + bcIm * denIm) / den;
        double qIm = (bcIm * denRe - bcRe * denIm) / den;
        return new double[] {dRe - qRe * scale, dIm - qIm * scale};
    }

    /**
     * One implicit single-shift QR step on the active window {@code [l, i]}: a rotation
     * acting on rows/columns l, l+1 introduced by the first column of {@code H - σ I}, then
     * the bulge it creates at {@code (k+1, k-1)} chased to the bottom by rotations on
     * rows/columns k, k+1. Row rotations reach column {@code columnTo}, column rotations start
     * at row {@code rowFrom} (the whole matrix for a Schur form, the window for eigenvalues
     * only).
     */
    private static void qrSweep(int n, double[] h, double[] q, int l, int i, double shiftRe,
            double shiftIm, int rowFrom, int columnTo, double[] rotation) {
        for (int k = l; k < i; k++) {
            double fRe;
            double fIm;
            double gRe;
            double gIm;
            if (k == l) {
                int p = 2 * (l + l * n);
                fRe = h[p] - shiftRe;
                fIm = h[p + 1] - shiftIm;
                gRe = h[p + 2];
                gIm = h[p + 3];
            } else {
                int p = 2 * (k + (k - 1) * n);
                fRe = h[p];
                fIm = h[p + 1];
                gRe = h[p + 2];
                gIm = h[p + 3];
            }
            givens(fRe, fIm, gRe, gIm, rotation);
            double c = rotation[0];
            double sRe = rotation[1];
            double sIm = rotation[2];
            if (k > l) {
                // The rotation maps (f, g) to (r, 0); compute r directly from it.
                int p = 2 * (k + (k - 1) * n);
                h[p] = c * fRe + (sRe * gRe - sIm * gIm);
                h[p + 1] = c * fIm + (sRe * gIm + sIm * gRe);
                h[p + 2] = 0.0;
                h[p + 3] = 0.0;
            }
            // Rows k, k+1 from the left by G = [[c, s], [-conj(s), c]].
            for (int j = k; j <= columnTo; j++) {
                int p = 2 * (k + j * n);
                double xr = h[p];
                double xi = h[p + 1];
                double yr = h[p + 2];
                double yi = h[p + 3];
                h[p] = c * xr + (sRe * yr - sIm * yi);
                h[p + 1] = c * xi + (sRe * yi + sIm * yr);
                h[p + 2] = c * yr - (sRe * xr + sIm * xi);
                h[p + 3] = c * yi - (sRe * xi - sIm * xr);
            }
            // Columns k, k+1 from the right by G^† = [[c, -s], [conj(s), c]].
            int rowTo = Math.min(k + 2, i);
            applyColumnRotation(n, h, k, rowFrom, rowTo, c, sRe, sIm);
            if (q != null) {
                applyColumnRotation(n, q, k, 0, n - 1, c, sRe, sIm);
            }
        }
    }

    /** Columns k, k+1, rows {@code from..to}, multiplied on the right by {@code G^†}. */
    private static void applyColumnRotation(int n, double[] m, int k, int from, int to, double c,
            double sRe, double sIm) {
        int ck = 2 * k * n;
        int ck1 = ck + 2 * n;
        for (int r = from; r <= to; r++) {
            double xr = m[ck + 2 * r];
            double xi = m[ck + 2 * r + 1];
            double yr = m[ck1 + 2 * r];
            double yi = m[ck1 + 2 * r + 1];
            // x c + y conj(s)
            m[ck + 2 * r] = c * xr + (yr * sRe + yi * sIm);
            m[ck + 2 * r + 1] = c * xi + (yi * sRe - yr * sIm);
            // -x s + y c
            m[ck1 + 2 * r] = c * yr - (xr * sRe - xi * sIm);
            m[ck1 + 2 * r + 1] = c * yi - (xr * sIm + xi * sRe);
        }
    }

    /**
     * Complex Givens rotation: real c and complex s with {@code c^2 + |s|^2 = 1} such that
     * {@code c f + s g = r} and {@code -conj(s) f + c g = 0}. Written into
     * {@code out = (c, Re s, Im s)}.
     */
    private static void givens(double fRe, double fIm, double gRe, double gIm, double[] out) {
        if (gRe == 0.0 && gIm == 0.0) {
            out[0] = 1.0;
            out[1] = 0.0;
            out[2] = 0.0;
            return;
        }
        double fAbs = Math.hypot(fRe, fIm);
        double gAbs = Math.hypot(gRe, gIm);
        if (fAbs == 0.0) {
            out[0] = 0.0;
            out[1] = gRe / gAbs;
            out[2] = -gIm / gAbs;
            return;
        }
        double norm = Math.hypot(fAbs, gAbs);
        // s = (f/|f|) conj(g) / norm
        double uRe = fRe / fAbs;
        double uIm = fIm / fAbs;
        double gcRe = gRe / norm;
        double gcIm = -gIm / norm;
        out[0] = fAbs / norm;
        out[1] = uRe * gcRe - uIm * gcIm;
        out[2] = uRe * gcIm + uIm * gcRe;
    }

    // ---------------------------------------------------------------- eigenvectors

    /**
     * Right eigenvectors {@code v_k = Q x_k} from the upper triangular T in {@code t}, each
     * scaled to unit 2-norm with its largest entry real and positive.
     */
    private static double[] eigenvectors(int n, double[] t, double[] q) {
        double[] vectors = new double[2 * n * n];
        double[] x = new double[2 * n];
        for (int k = 0; k < n; k++) {
            int dk = 2 * (k + k * n);
            double lambdaRe = t[dk];
            double lambdaIm = t[dk + 1];
            double smallest = Math.max(EPS * cabs1(lambdaRe, lambdaIm), SAFE_MIN);
            int ck = 2 * k * n;
            // Right-hand side -T[0..k-1, k], x_k = 1.
            for (int r = 0; r < k; r++) {
                x[2 * r] = -t[ck + 2 * r];
                x[2 * r + 1] = -t[ck + 2 * r + 1];
            }
            x[2 * k] = 1.0;
            x[2 * k + 1] = 0.0;
            for (int j = k - 1; j >= 0; j--) {
                int cj = 2 * j * n;
                double dRe = t[cj + 2 * j] - lambdaRe;
                double dIm = t[cj + 2 * j + 1] - lambdaIm;
                if (cabs1(dRe, dIm) < smallest) {
                    // Equal eigenvalues: perturb, as ztrevc, which keeps the vector finite.
                    dRe = smallest;
                    dIm = 0.0;
                }
                double numerator = cabs1(x[2 * j], x[2 * j + 1]);
                double denominator = cabs1(dRe, dIm);
                if (denominator < 1.0 && numerator > denominator * GROWTH_LIMIT) {
                    scale(x, k, denominator * GROWTH_LIMIT / numerator);
                }
                // Divide with both operands scaled by 1/|d|_1: d*d may underflow near SAFE_MIN.
                double inverseSize = 1.0 / denominator;
                dRe *= inverseSize;
                dIm *= inverseSize;
                double den = dRe * dRe + dIm * dIm;
                double yRe = x[2 * j] * inverseSize;
                double yIm = x[2 * j + 1] * inverseSize;
                double xRe = (yRe * dRe + yIm * dIm) / den;
                double xIm = (yIm * dRe - yRe * dIm) / den;
                double columnMax = 0.0;
                for (int r = 0; r < j; r++) {
                    columnMax = Math.max(columnMax, cabs1(t[cj + 2 * r], t[cj + 2 * r + 1]));
                }
                double size = cabs1(xRe, xIm);
                double bound = GROWTH_LIMIT / Math.max(1.0, columnMax);
                if (size > bound) {
                    double factor = bound / size;
                    scale(x, k, factor);
                    xRe *= factor;
                    xIm *= factor;
                }
                x[2 * j] = xRe;
                x[2 * j + 1] = xIm;
                for (int r = 0; r < j; r++) {
                    double tr = t[cj + 2 * r];
                    double ti = t[cj + 2 * r + 1];
                    x[2 * r] -= tr * xRe - ti * xIm;
                    x[2 * r + 1] -= tr * xIm + ti * xRe;
                }
            }
            // v_k = Q[:, 0..k] x[0..k], column by column of Q.
            for (int j = 0; j <= k; j++) {
                double xr = x[2 * j];
                double xi = x[2 * j + 1];
                if (xr == 0.0 && xi == 0.0) {
                    continue;
                }
                int cj = 2 * j * n;
                for (int r = 0; r < 2 * n; r += 2) {
                    double qr = q[cj + r];
                    double qi = q[cj + r + 1];
                    vectors[ck + r] += qr * xr - qi * xi;
                    vectors[ck + r + 1] += qr * xi + qi * xr;
                }
            }
            normalise(vectors, ck, n);
        }
        return vectors;
    }

    /** {@code x[0..k] *= factor}. */
    private static void scale(double[] x, int k, double factor) {
        for (int p = 0; p < 2 * (k + 1); p++) {
            x[p] *= factor;
        }
    }

    /** Unit 2-norm, then the phase that makes the largest-modulus entry real and positive. */
    private static void normalise(double[] v, int offset, int n) {
        double inverseNorm = 1.0 / Kernels.norm2(v, offset, offset + 2 * n);
        int largest = 0;
        double largestSize = -1.0;
        for (int r = 0; r < n; r++) {
            int p = offset + 2 * r;
            v[p] *= inverseNorm;
            v[p + 1] *= inverseNorm;
            double size = Math.hypot(v[p], v[p + 1]);
            if (size > largestSize) {
                largestSize = size;
                largest = r;
            }
        }
        // Multiply by conj(v_largest) / |v_largest|, a pure phase.
        double pr = v[offset + 2 * largest] / largestSize;
        double pi = -v[offset + 2 * largest + 1] / largestSize;
        for (int r = 0; r < n; r++) {
            int p = offset + 2 * r;
            double vr = v[p];
            double vi = v[p + 1];
            v[p] = vr * pr - vi * pi;
            v[p + 1] = vr * pi + vi * pr;
        }
        v[offset + 2 * largest + 1] = 0.0;
    }
}
