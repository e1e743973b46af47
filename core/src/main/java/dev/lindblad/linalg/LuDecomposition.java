package dev.lindblad.linalg;

import dev.lindblad.Complex;

/**
 * LU factorisation with partial (row) pivoting of a dense complex n×n matrix,
 * {@code P A = L U}, with L unit lower triangular and U upper triangular (Golub and Van Loan,
 * <i>Matrix Computations</i>, algorithm 3.4.1), and the solves, determinant and inverse that
 * follow from it.
 *
 * <p>The factorisation always completes. The matrix is declared numerically singular when a
 * pivot satisfies {@code |u_kk| <= n ε max|a_ij|} (ε the double-precision machine epsilon): a
 * relative perturbation of that size could make it exactly singular. Solving with, or
 * inverting, a numerically singular matrix throws {@link ArithmeticException} naming the
 * first such pivot column and its magnitude; {@link #determinant()} still returns the
 * product of the pivots.
 *
 * <p>Storage is interleaved column-major, see the {@linkplain dev.lindblad.linalg package};
 * inputs are never modified. Instances are immutable and safe to share between threads.
 */
public final class LuDecomposition {

    private final int n;
    /** L (strictly below the diagonal, unit diagonal implied) and U, packed. */
    private final double[] lu;
    /** Row k of U came from row {@code pivots[k]} of the matrix at elimination step k. */
    private final int[] pivots;
    private final boolean oddPermutation;
    /** First pivot column judged numerically singular, or -1. */
    private final int singularColumn;
    private final double singularMagnitude;
    private final double threshold;

    private LuDecomposition(int n, double[] lu, int[] pivots, boolean oddPermutation,
            int singularColumn, double singularMagnitude, double threshold) {
        this.n = n;
        this.lu = lu;
        this.pivots = pivots;
        this.oddPermutation = oddPermutation;
        this.singularColumn = singularColumn;
        this.singularMagnitude = singularMagnitude;
        this.threshold = threshold;
    }

    /**
     * Factors {@code P A = L U}.
     *
     * @param n dimension, {@code n >= 0}
     * @param a the matrix, interleaved column-major, length {@code 2 n n}; not modified
     * @return the factorisation
     * @throws IllegalArgumentException if the length of {@code a} is wrong or an entry is not
     *                                  finite
     */
    public static LuDecomposition factor(int n, double[] a) {
        Kernels.checkSquare("matrix a", n, a);
        Kernels.checkFinite("matrix a", n, a);
        LuDecomposition viaBackend = NativeDispatch.lu(n, a);   // zgetrf, when chosen
        if (viaBackend != null) {
            return viaBackend;
        }
        double[] lu = a.clone();
        int[] pivots = new int[n];
        boolean odd = false;
        double threshold = n * Math.ulp(1.0) * Kernels.maxAbs(a);
        int singularColumn = -1;
        double singularMagnitude = 0.0;
        for (int k = 0; k < n; k++) {
            int ck = 2 * k * n;
            // Largest |re| + |im| is a cheap, scale-safe stand-in for the modulus.
            int p = k;
            double best = -1.0;
            for (int i = k; i < n; i++) {
                double size = Math.abs(lu[ck + 2 * i]) + Math.abs(lu[ck + 2 * i + 1]);
                if (size > best) {
                    best = size;
                    p = i;
                }
            }
            pivots[k] = p;
            if (p != k) {
                odd = !odd;
                for (int j = 0; j < n; j++) {
                    int cj = 2 * j * n;
                    double tr = lu[cj + 2 * k];
                    double ti = lu[cj + 2 * k + 1];
                    lu[cj + 2 * k] = lu[cj + 2 * p];
                    lu[cj + 2 * k + 1] = lu[cj + 2 * p + 1];
                    lu[cj + 2 * p] = tr;
                    lu[cj + 2 * p + 1] = ti;
                }
            }
            double pr = lu[ck + 2 * k];
            double pi = lu[ck + 2 * k + 1];
            double magnitude = Math.hypot(pr, pi);
            if (magnitude <= threshold && singularColumn < 0) {
                singularColumn = k;
                singularMagnitude = magnitude;
            }
            if (magnitude == 0.0) {
                // Nothing to eliminate below a zero column; U keeps its zero pivot.
                continue;
            }
            // Multipliers l_ik = a_ik / u_kk, via the reciprocal pivot.
            double den = pr * pr + pi * pi;
            double rr = pr / den;
            double ri = -pi / den;
            for (int i = k + 1; i < n; i++) {
                double xr = lu[ck + 2 * i];
                double xi = lu[ck + 2 * i + 1];
                lu[ck + 2 * i] = xr * rr - xi * ri;
                lu[ck + 2 * i + 1] = xr * ri + xi * rr;
            }
            // Rank-1 update of the trailing block, one contiguous column at a time.
            for (int j = k + 1; j < n; j++) {
                int cj = 2 * j * n;
                double ur = lu[cj + 2 * k];
                double ui = lu[cj + 2 * k + 1];
                if (ur == 0.0 && ui == 0.0) {
                    continue;
                }
                for (int i = k + 1; i < n; i++) {
                    double lr = lu[ck + 2 * i];
                    double li = lu[ck + 2 * i + 1];
                    lu[cj + 2 * i] -= lr * ur - li * ui;
                    lu[cj + 2 * i + 1] -= lr * ui + li * ur;
                }
            }
        }
        return new LuDecomposition(n, lu, pivots, odd, singularColumn, singularMagnitude, threshold);
    }

    /**
     * The factorisation from packed factors computed elsewhere (LAPACK's {@code zgetrf} layout,
     * which is this class's), with the same singularity rule as {@link #factor}.
     *
     * @param threshold the pivot magnitude at or below which the matrix is numerically singular
     */
    static LuDecomposition fromFactors(int n, double[] lu, int[] pivots, double threshold) {
        boolean odd = false;
        int singularColumn = -1;
        double singularMagnitude = 0.0;
        for (int k = 0; k < n; k++) {
            odd ^= pivots[k] != k;
            double magnitude = Math.hypot(lu[2 * (k + k * n)], lu[2 * (k + k * n) + 1]);
            if (magnitude <= threshold && singularColumn < 0) {
                singularColumn = k;
                singularMagnitude = magnitude;
            }
        }
        return new LuDecomposition(n, lu, pivots, odd, singularColumn, singularMagnitude, threshold);
    }

    /** @return the dimension n */
    public int dimension() {
        return n;
    }

    /**
     * @return whether some pivot has {@code |u_kk| <= n ε max|a_ij|}, in which case
     *         {@link #solve(double[])} and {@link #inverse()} throw
     */
    public boolean isSingular() {
        return singularColumn >= 0;
    }

    /**
     * Solves {@code A X = B} for one or several right-hand sides.
     *
     * @param b a vector (length 2n) or an n×m matrix of m right-hand-side columns,
     *          interleaved column-major (length {@code 2 n m}); not modified
     * @return X with the shape of {@code b}
     * @throws IllegalArgumentException if the length of {@code b} is not a multiple of 2n
     * @throws ArithmeticException      if the matrix is numerically singular
     */
    public double[] solve(double[] b) {
        if (b == null) {
            throw new IllegalArgumentException("right-hand side b must not be null");
        }
        if (n == 0 ? b.length != 0 : b.length % (2 * n) != 0) {
            throw new IllegalArgumentException("right-hand side b must have length 2*n*m = a"
                    + " multiple of " + (2 * n) + " for n = " + n + ", got " + b.length);
        }
        double[] x = b.clone();
        solveInPlace(x, n == 0 ? 0 : b.length / (2 * n));
        return x;
    }

    /** Overwrites the n×columns block {@code x} with {@code A^{-1} x}. */
    void solveInPlace(double[] x, int columns) {
        checkNonsingular();
        if (NativeDispatch.luSolve(n, lu, pivots, x, columns)) {   // zgetrs for many columns, when chosen
            return;
        }
        for (int c = 0; c < columns; c++) {
            int base = 2 * c * n;
            for (int k = 0; k < n; k++) {
                int p = pivots[k];
                if (p != k) {
                    double tr = x[base + 2 * k];
                    double ti = x[base + 2 * k + 1];
                    x[base + 2 * k] = x[base + 2 * p];
                    x[base + 2 * k + 1] = x[base + 2 * p + 1];
                    x[base + 2 * p] = tr;
                    x[base + 2 * p + 1] = ti;
                }
            }
            // L y = P b, column-oriented so the inner loop runs down a column of L.
            for (int k = 0; k < n; k++) {
                double yr = x[base + 2 * k];
                double yi = x[base + 2 * k + 1];
                if (yr == 0.0 && yi == 0.0) {
                    continue;
                }
                int ck = 2 * k * n;
                for (int i = k + 1; i < n; i++) {
                    double lr = lu[ck + 2 * i];
                    double li = lu[ck + 2 * i + 1];
                    x[base + 2 * i] -= lr * yr - li * yi;
                    x[base + 2 * i + 1] -= lr * yi + li * yr;
                }
            }
            // U x = y, again by columns of U.
            for (int k = n - 1; k >= 0; k--) {
                int ck = 2 * k * n;
                double ur = lu[ck + 2 * k];
                double ui = lu[ck + 2 * k + 1];
                double den = ur * ur + ui * ui;
                double yr = x[base + 2 * k];
                double yi = x[base + 2 * k + 1];
                double xr = (yr * ur + yi * ui) / den;
                double xi = (yi * ur - yr * ui) / den;
                x[base + 2 * k] = xr;
                x[base + 2 * k + 1] = xi;
                for (int i = 0; i < k; i++) {
                    double vr = lu[ck + 2 * i];
                    double vi = lu[ck + 2 * i + 1];
                    x[base + 2 * i] -= vr * xr - vi * xi;
                    x[base + 2 * i + 1] -= vr * xi + vi * xr;
                }
            }
        }
    }

    /**
     * @return {@code det A = (-1)^{swaps} Π u_kk}; may overflow to infinity or underflow to
     *         zero for large n, and is exactly zero when a pivot column was entirely zero
     */
    public Complex determinant() {
        double re = oddPermutation ? -1.0 : 1.0;
        double im = 0.0;
        for (int k = 0; k < n; k++) {
            double ur = lu[2 * (k + k * n)];
            double ui = lu[2 * (k + k * n) + 1];
            double t = re * ur - im * ui;
            im = re * ui + im * ur;
            re = t;
        }
        return new Complex(re, im);
    }

    /**
     * @return {@code A^{-1}}, interleaved column-major
     * @throws ArithmeticException if the matrix is numerically singular
     */
    public double[] inverse() {
        double[] x = Kernels.identity(n);
        solveInPlace(x, n);
        return x;
    }

    private void checkNonsingular() {
        if (singularColumn >= 0) {
            throw new ArithmeticException("matrix is numerically singular: pivot in column "
                    + singularColumn + " has magnitude " + singularMagnitude
                    + " <= n*eps*max|a_ij| = " + threshold);
        }
    }
}
