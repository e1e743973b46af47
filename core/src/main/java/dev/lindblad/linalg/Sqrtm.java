package dev.lindblad.linalg;

/**
 * The principal square root {@code S = A^{1/2}} of a Hermitian positive semidefinite matrix:
 * the unique Hermitian positive semidefinite S with {@code S S = A}, computed from the
 * eigen-decomposition {@code A = V Λ V^†} as {@code S = V Λ^{1/2} V^†}
 * (Higham, <i>Functions of Matrices</i>, SIAM 2008, section 6.1).
 *
 * <p>Two tolerances separate rounding from genuinely bad input:
 * <ul>
 *   <li>Hermiticity: the asymmetry {@code max_ij |a_ij - conj(a_ji)|} must not exceed
 *       {@link #HERMITICITY_TOLERANCE} times {@code max_ij |a_ij|}. Within it, the lower
 *       triangle is used.</li>
 *   <li>Semidefiniteness: an eigenvalue below {@code -δ} with
 *       {@code δ = max(1e-12, 10 n ε) · max_k |λ_k|} is rejected.</li>
 *   <li>Rank: every eigenvalue at or below {@link #roundingThreshold(int, double)}
 *       {@code = 4 n ε λ_max} (negative ones within δ included) is the rounding of an exact
 *       zero and is set to 0 <em>before</em> the square root. Without this a rank-deficient
 *       matrix, whose zero eigenvalues come out as {@code ±1e-17}, would get spurious
 *       components of size {@code sqrt(1e-17) ≈ 3e-9} in its root; with it, the root of a
 *       pure state {@code |ψ><ψ|} is {@code |ψ><ψ|} to rounding.</li>
 * </ul>
 *
 * <p>Storage is interleaved column-major, see the {@linkplain dev.lindblad.linalg package}.
 */
public final class Sqrtm {

    /** Largest accepted {@code max|a_ij - conj(a_ji)| / max|a_ij|}. */
    public static final double HERMITICITY_TOLERANCE = 1e-10;

    /** Eigenvalues at most this many {@code n ε λ_max} are taken as rounding of zero. */
    public static final double ROUNDING_FACTOR = 4.0;

    private Sqrtm() {
    }

    /**
     * The level at or below which an eigenvalue of an n×n Hermitian positive semidefinite
     * matrix is rounding of an exact zero: {@code 4 n ε λ_max}, with {@code ε = 2^-52}. A
     * backward-stable eigensolver returns the zero eigenvalues of a rank-deficient matrix as
     * values of order {@code ε λ_max} (measured: below {@code 0.5 n ε λ_max} for random
     * density matrices of dimension 2 to 200).
     *
     * @param n                 the dimension
     * @param largestEigenvalue {@code λ_max}, the largest eigenvalue (not negative)
     * @return the threshold, {@code 4 n ε λ_max}
     */
    public static double roundingThreshold(int n, double largestEigenvalue) {
        return ROUNDING_FACTOR * Math.max(n, 1) * Math.ulp(1.0) * Math.max(largestEigenvalue, 0.0);
    }

    /**
     * Computes the positive semidefinite square root of a Hermitian positive semidefinite
     * matrix.
     *
     * @param n dimension, {@code n >= 0}
     * @param a the matrix, interleaved column-major, length {@code 2 n n}; not modified
     * @return {@code A^{1/2}}, Hermitian positive semidefinite, interleaved column-major
     * @throws IllegalArgumentException if {@code a} has the wrong length or a non-finite
     *                                  entry, is not Hermitian within the tolerance (the
     *                                  message gives the asymmetry and where it is largest), or
     *                                  has an eigenvalue clearly below zero (the message gives
     *                                  the most negative eigenvalue and the tolerance)
     */
    public static double[] sqrtm(int n, double[] a) {
        Kernels.checkSquare("matrix a", n, a);
        Kernels.checkFinite("matrix a", n, a);
        checkHermitian(n, a);
        HermitianEigen.Result eigen = HermitianEigen.decompose(n, a, true);
        double[] lambda = eigen.eigenvalues();
        if (n == 0) {
            return new double[0];
        }
        double spectralNorm = Math.max(Math.abs(lambda[0]), Math.abs(lambda[n - 1]));
        double tolerance = Math.max(1e-12, 10.0 * n * Math.ulp(1.0)) * spectralNorm;
        if (lambda[0] < -tolerance) {
            throw new IllegalArgumentException("matrix a is not positive semidefinite: its most"
                    + " negative eigenvalue is " + lambda[0] + " < -" + tolerance
                    + " (tolerance relative to the spectral norm " + spectralNorm + ")");
        }
        double zero = roundingThreshold(n, lambda[n - 1]);
        // S = W W^† with W = V Λ^{1/4}: a Gram product, Hermitian and PSD by construction.
        double[] v = eigen.eigenvectors();
        double[] w = new double[v.length];
        for (int k = 0; k < n; k++) {
            double weight = lambda[k] > zero ? Math.sqrt(Math.sqrt(lambda[k])) : 0.0;
            for (int p = 2 * k * n; p < 2 * (k + 1) * n; p++) {
                w[p] = weight * v[p];
            }
        }
        double[] s = new double[v.length];
        for (int j = 0; j < n; j++) {
            int cj = 2 * j * n;
            for (int k = 0; k < n; k++) {
                // conj(W[j, k])
                double cr = w[2 * (j + k * n)];
                double ci = -w[2 * (j + k * n) + 1];
                if (cr == 0.0 && ci == 0.0) {
                    continue;
                }
                int ck = 2 * k * n;
                for (int i = 0; i < 2 * n; i += 2) {
                    double wr = w[ck + i];
                    double wi = w[ck + i + 1];
                    s[cj + i] += wr * cr - wi * ci;
                    s[cj + i + 1] += wr * ci + wi * cr;
                }
            }
            s[cj + 2 * j + 1] = 0.0;
        }
        return s;
    }

    private static void checkHermitian(int n, double[] a) {
        double worst = 0.0;
        int worstI = 0;
        int worstJ = 0;
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                int lower = 2 * (i + j * n);
                int upper = 2 * (j + i * n);
                double gap = Math.hypot(a[lower] - a[upper], a[lower + 1] + a[upper + 1]);
                if (gap > worst) {
                    worst = gap;
                    worstI = i;
                    worstJ = j;
                }
            }
        }
        double size = Kernels.maxAbs(a);
        if (worst > HERMITICITY_TOLERANCE * size) {
            throw new IllegalArgumentException("matrix a is not Hermitian: |a(" + worstI + ", "
                    + worstJ + ") - conj(a(" + worstJ + ", " + worstI + "))| = " + worst
                    + " exceeds " + HERMITICITY_TOLERANCE + " * max|a_ij| = "
                    + HERMITICITY_TOLERANCE * size);
        }
    }
}
