package dev.lindblad.linalg;

/**
 * The matrix exponential {@code exp(A) = Σ_k A^k / k!} of a general complex n×n matrix by
 * scaling and squaring with diagonal Padé approximants: N. J. Higham, "The scaling and
 * squaring method for the matrix exponential revisited", SIAM J. Matrix Anal. Appl. 26 (2005)
 * 1179, algorithm 2.3.
 *
 * <p>The Padé degree {@code m ∈ {3, 5, 7, 9, 13}} is the smallest whose threshold
 * {@code θ_m} (Higham's table 2.3) bounds the 1-norm of A; otherwise A is scaled by
 * {@code 2^{-s}} so that {@code ||A 2^{-s}||_1 <= θ_13}, the [13/13] approximant
 * {@code r_13 = q_13^{-1} p_13} is formed (with the {@code p_m(x) = Σ_j b_j x^j},
 * {@code q_m(x) = p_m(-x)} coefficients of the paper) by solving with
 * {@link LuDecomposition}, and squared s times. The thresholds make the backward error at
 * most the unit round-off in exact arithmetic. Cost: at most 6 + s matrix products and one
 * LU solve with n right-hand sides.
 *
 * <p>A Hermitian {@code A} or a skew-Hermitian one ({@code A = -iH}, every propagator
 * {@code exp(-iHt)}), exactly so to the bit, of dimension at least {@value #SPECTRAL_MIN_DIMENSION}
 * takes another road: {@code exp(A) = V exp(Λ) V^†} from the eigen-decomposition of the
 * Hermitian {@code A} or {@code H} ({@link HermitianEigen}, native where chosen). The eigenvectors
 * are orthonormal to rounding, so this is backward stable for such normal matrices, the result
 * of a skew-Hermitian A is unitary to rounding, and its cost does not grow with {@code ||A||}:
 * one eigen-decomposition and one product, where scaling and squaring needs {@code 6 + s}
 * products with {@code s ≈ log2(||A||_1 / 5.4)} (about 16 at n = 500 for a random
 * Hamiltonian). Smaller matrices, and every other matrix, take the Padé road.
 *
 * <p>Storage is interleaved column-major, see the {@linkplain dev.lindblad.linalg package}.
 */
public final class Expm {

    /** The dimension from which an exactly (skew-)Hermitian matrix goes by its eigen-decomposition. */
    static final int SPECTRAL_MIN_DIMENSION = 32;

    /** θ_3, θ_5, θ_7, θ_9, θ_13 from Higham (2005), table 2.3 (double precision). */
    private static final double[] THETA = {
        1.495585217958292e-2, 2.539398330063230e-1, 9.504178996162932e-1, 2.097847961257068e0,
        5.371920351148152e0};
    private static final int[] DEGREES = {3, 5, 7, 9, 13};

    private Expm() {
    }

    /**
     * Computes {@code exp(A)}.
     *
     * @param n dimension, {@code n >= 0}
     * @param a the matrix, interleaved column-major, length {@code 2 n n}; not modified
     * @return {@code exp(A)}, interleaved column-major
     * @throws IllegalArgumentException if the length of {@code a} is wrong or an entry is not
     *                                  finite
     */
    public static double[] expm(int n, double[] a) {
        Kernels.checkSquare("matrix a", n, a);
        Kernels.checkFinite("matrix a", n, a);
        if (n == 0) {
            return new double[0];
        }
        if (n >= SPECTRAL_MIN_DIMENSION) {
            int symmetry = symmetry(n, a);
            if (symmetry != 0) {
                return spectral(n, a, symmetry < 0);
            }
        }
        return pade(n, a);
    }

    /**
     * Scaling and squaring with Padé approximants whatever the matrix (the general road of
     * {@link #expm}); package-private so that the tests can compare the two roads.
     */
    static double[] pade(int n, double[] a) {
        if (n == 0) {
            return new double[0];
        }
        double norm = Kernels.norm1(n, a);
        for (int d = 0; d < 4; d++) {
            if (norm <= THETA[d]) {
                return padeLowDegree(n, a, DEGREES[d]);
            }
        }
        int squarings = Math.max(0, (int) Math.ceil(Math.log(norm / THETA[4]) / Math.log(2.0)));
        // Guard the rounding of the logarithm: the scaled norm must not exceed θ_13.
        while (Math.scalb(norm, -squarings) > THETA[4]) {
            squarings++;
        }
        double[] scaled = new double[a.length];
        for (int p = 0; p < a.length; p++) {
            scaled[p] = Math.scalb(a[p], -squarings);
        }
        double[] r = pade13(n, scaled);
        double[] spare = new double[r.length];
        for (int k = 0; k < squarings; k++) {
            Kernels.multiply(n, r, r, spare);
            double[] t = r;
            r = spare;
            spare = t;
        }
        return r;
    }

    /**
     * 1 when {@code a} is Hermitian to the bit ({@code a_ij = conj(a_ji)}), -1 when it is
     * skew-Hermitian to the bit ({@code a_ij = -conj(a_ji)}), 0 otherwise (the zero
     * matrix, which is both, counts as Hermitian).
     */
    static int symmetry(int n, double[] a) {
        boolean hermitian = true;
        boolean skew = true;
        for (int j = 0; j < n && (hermitian || skew); j++) {
            for (int i = j; i < n; i++) {
                double re = a[2 * (i + j * n)], im = a[2 * (i + j * n) + 1];
                double tr = a[2 * (j + i * n)], ti = a[2 * (j + i * n) + 1];
                hermitian &= re == tr && im == -ti;
                skew &= re == -tr && im == ti;
            }
        }
        return hermitian ? 1 : skew ? -1 : 0;
    }

    /**
     * {@code V exp(Λ) V^†}: for a Hermitian {@code a} from its own eigen-decomposition, for a
     * skew-Hermitian one ({@code a = -iH}) from that of {@code H = i a}, with
     * {@code exp(-iλ) = cos λ - i sin λ}.
     */
    private static double[] spectral(int n, double[] a, boolean skew) {
        double[] h = a;
        if (skew) {
            h = new double[a.length];
            for (int p = 0; p < a.length; p += 2) {   // i (x + iy) = -y + ix
                h[p] = -a[p + 1];
                h[p + 1] = a[p];
            }
        }
        HermitianEigen.Result e = HermitianEigen.decompose(n, h, true);   // native where chosen
        double[] lambda = e.eigenvalues();
        double[] v = e.eigenvectors();
        double[] scaled = new double[v.length];   // V diag(f(λ))
        double[] adjoint = new double[v.length];  // V^†
        for (int k = 0; k < n; k++) {
            double fr, fi;
            if (skew) {
                fr = Math.cos(lambda[k]);
                fi = -Math.sin(lambda[k]);
            } else {
                fr = Math.exp(lambda[k]);
                fi = 0;
            }
            int ck = 2 * k * n;
            for (int i = 0; i < n; i++) {
                double vr = v[ck + 2 * i], vi = v[ck + 2 * i + 1];
                scaled[ck + 2 * i] = vr * fr - vi * fi;
                scaled[ck + 2 * i + 1] = vr * fi + vi * fr;
                adjoint[2 * (k + i * n)] = vr;
                adjoint[2 * (k + i * n) + 1] = -vi;
            }
        }
        double[] out = new double[v.length];
        Kernels.multiply(n, scaled, adjoint, out);
        if (!skew) {   // exp of a Hermitian matrix is Hermitian: make it so to the bit
            for (int j = 0; j < n; j++) {
                out[2 * (j + j * n) + 1] = 0;
                for (int i = j + 1; i < n; i++) {
                    int lower = 2 * (i + j * n), upper = 2 * (j + i * n);
                    double re = 0.5 * (out[lower] + out[upper]);
                    double im = 0.5 * (out[lower + 1] - out[upper + 1]);
                    out[lower] = re;
                    out[lower + 1] = im;
                    out[upper] = re;
                    out[upper + 1] = -im;
                }
            }
        }
        return out;
    }

    /**
     * Coefficients {@code b_0..b_m} of the [m/m] Padé numerator, normalised to
     * {@code b_m = 1} as in Higham (2005): {@code b_j ∝ (2m-j)! m! / ((2m)! j! (m-j)!)}, so
     * {@code b_j = b_{j+1} (2m-j)(j+1)/(m-j)}; all are integers.
     */
    static double[] padeCoefficients(int m) {
        double[] b = new double[m + 1];
        b[m] = 1.0;
        for (int j = m - 1; j >= 0; j--) {
            b[j] = b[j + 1] * (2.0 * m - j) * (j + 1) / (m - j);
        }
        return b;
    }

    /** r_m(A) for m ≤ 9: U = A Σ_{odd j} b_j A^{j-1}, V = Σ_{even j} b_j A^j. */
    private static double[] padeLowDegree(int n, double[] a, int m) {
        double[] b = padeCoefficients(m);
        int len = a.length;
        double[] u = new double[len];
        double[] v = new double[len];
        addIdentity(n, v, b[0]);
        addIdentity(n, u, b[1]);
        double[] a2 = new double[len];
        Kernels.multiply(n, a, a, a2);
        double[] power = a2;
        for (int j = 2; j <= m; j += 2) {
            if (j > 2) {
                double[] next = new double[len];
                Kernels.multiply(n, power, a2, next);
                power = next;
            }
            axpy(b[j], power, v);
            axpy(b[j + 1], power, u);
        }
        double[] au = new double[len];
        Kernels.multiply(n, a, u, au);
        return solvePade(n, au, v);
    }

    /** r_13(A) with the six-product evaluation of Higham (2005), equations (2.11)-(2.12). */
    private static double[] pade13(int n, double[] a) {
        double[] b = padeCoefficients(13);
        int len = a.length;
        double[] a2 = new double[len];
        double[] a4 = new double[len];
        double[] a6 = new double[len];
        Kernels.multiply(n, a, a, a2);
        Kernels.multiply(n, a2, a2, a4);
        Kernels.multiply(n, a4, a2, a6);

        double[] inner = new double[len];
        axpy(b[13], a6, inner);
        axpy(b[11], a4, inner);
        axpy(b[9], a2, inner);
        double[] u = new double[len];
        Kernels.multiply(n, a6, inner, u);
        axpy(b[7], a6, u);
        axpy(b[5], a4, u);
        axpy(b[3], a2, u);
        addIdentity(n, u, b[1]);
        double[] au = new double[len];
        Kernels.multiply(n, a, u, au);

        java.util.Arrays.fill(inner, 0.0);
        axpy(b[12], a6, inner);
        axpy(b[10], a4, inner);
        axpy(b[8], a2, inner);
        double[] v = u; // reuse: u is no longer needed once A U is formed
        Kernels.multiply(n, a6, inner, v);
        axpy(b[6], a6, v);
        axpy(b[4], a4, v);
        axpy(b[2], a2, v);
        addIdentity(n, v, b[0]);
        return solvePade(n, au, v);
    }

    /** Solves {@code (V - U) R = V + U}; the θ_m bounds keep V - U well conditioned. */
    private static double[] solvePade(int n, double[] u, double[] v) {
        double[] q = new double[u.length];
        double[] p = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            q[i] = v[i] - u[i];
            p[i] = v[i] + u[i];
        }
        LuDecomposition.factor(n, q).solveInPlace(p, n);
        return p;
    }

    private static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    private static void addIdentity(int n, double[] y, double alpha) {
        for (int i = 0; i < n; i++) {
            y[2 * (i + i * n)] += alpha;
        }
    }
}
