package dev.lindblad.linalg;

/**
 * Krylov-subspace approximations of the action of a matrix exponential on a vector,
 * {@code exp(-i t H) v} for Hermitian H (Lanczos) and {@code exp(t A) v} for general A
 * (Arnoldi), without forming either exponential.
 *
 * <p>Each sub-step of length τ builds an orthonormal basis {@code Q_m} of the Krylov space
 * {@code span{w, A w, ..., A^{m-1} w}} with {@code A Q_m = Q_m H_m + h_{m+1,m} q_{m+1} e_m^T}
 * (H_m tridiagonal and real for Lanczos, upper Hessenberg for Arnoldi; both with full
 * re-orthogonalisation) and uses {@code exp(τ A) w ≈ β Q_m exp(τ H_m) e_1},
 * {@code β = ||w||} (Y. Saad, "Analysis of some Krylov subspace approximations to the matrix
 * exponential operator", SIAM J. Numer. Anal. 29 (1992) 209). The local error is estimated by
 * Saad's a-posteriori formula {@code β |τ h_{m+1,m} e_m^T φ_1(τ H_m) e_1|},
 * {@code φ_1(z) = (e^z - 1)/z}, computed for Arnoldi from the exponential of the augmented
 * (m+1)×(m+1) matrix as in R. B. Sidje, "Expokit", ACM TOMS 24 (1998) 130. The step τ
 * shrinks until the estimate is at most {@code tolerance · ||w|| · τ / |t|}, so the estimates
 * over the whole interval add up to at most {@code tolerance} times the vector norm. Steps are
 * also capped at {@code τ ρ <= m}, ρ the spectral half-width of {@code H_m}, beyond which the
 * approximation cannot have converged (Hochbruck and Lubich, SIAM J. Numer. Anal. 34 (1997)
 * 1911). A basis that becomes invariant ({@code h_{m+1,m} ≈ 0}, "happy breakdown") is exact
 * and finishes the interval in one step.
 *
 * <p>Cost per sub-step: m operator applications plus {@code O(n m^2)} for orthogonalisation.
 * Vectors are interleaved complex arrays of length 2n; inputs are not modified.
 */
public final class Krylov {

    /** Krylov dimension m used by the short overloads. */
    public static final int DEFAULT_KRYLOV_DIMENSION = 20;
    /** Error tolerance, relative to the vector norm, used by the short overloads. */
    public static final double DEFAULT_TOLERANCE = 1e-10;

    /** A residual below this multiple of the running norm estimate of H_m is a breakdown. */
    private static final double BREAKDOWN = 1e-13;
    private static final int MAX_REJECTIONS_PER_STEP = 200;

    private Krylov() {
    }

    /**
     * {@code exp(-i t H) v} for Hermitian H with the default dimension and tolerance.
     *
     * @see #expmv(LinearOperator, double, double[], int, double)
     */
    public static double[] expmv(LinearOperator hamiltonian, double t, double[] v) {
        return expmv(hamiltonian, t, v, DEFAULT_KRYLOV_DIMENSION, DEFAULT_TOLERANCE);
    }

    /**
     * {@code exp(-i t H) v} for a Hermitian operator H, by Lanczos with automatic
     * sub-stepping of t.
     *
     * @param hamiltonian     the Hermitian operator H (Hermiticity is assumed, not checked)
     * @param t               time, any sign
     * @param v               the vector, length 2n, not modified
     * @param krylovDimension the Krylov dimension m per sub-step (capped at n), {@code >= 1}
     * @param tolerance       bound on the summed error estimates relative to {@code ||v||},
     *                        {@code > 0}
     * @return {@code exp(-i t H) v}, length 2n
     * @throws IllegalArgumentException on bad arguments (named in the message)
     * @throws ArithmeticException      if the operator returns non-finite values or no
     *                                  acceptable sub-step is found
     */
    public static double[] expmv(LinearOperator hamiltonian, double t, double[] v,
            int krylovDimension, double tolerance) {
        checkArguments(hamiltonian, t, v, krylovDimension, tolerance);
        int n = v.length / 2;
        double[] w = v.clone();
        if (n == 0 || t == 0.0) {
            return w;
        }
        int m = Math.min(krylovDimension, n);
        double[][] basis = new double[m + 1][2 * n];
        double[] r = new double[2 * n];
        double[] alpha = new double[m];
        double[] beta = new double[m];
        double[] d = new double[m];
        double[] e = new double[m];
        double[] z = new double[m * m];
        double[] coefficients = new double[2 * m];
        double total = Math.abs(t);
        double sign = Math.signum(t);
        double done = 0.0;
        while (done < total) {
            double norm = Kernels.norm2(w, 2 * n);
            if (norm == 0.0) {
                return w;
            }
            for (int p = 0; p < 2 * n; p++) {
                basis[0][p] = w[p] / norm;
            }
            int k = 0;
            boolean invariant = false;
            double scaleEstimate = 0.0;
            for (int j = 0; j < m; j++) {
                applyChecked(hamiltonian, basis[j], r);
                double a = dotRe(basis[j], r, n);
                alpha[j] = a;
                axpyReal(-a, basis[j], r, n);
                if (j > 0) {
                    axpyReal(-beta[j - 1], basis[j - 1], r, n);
                }
                // Lanczos loses orthogonality as Ritz values converge; one full pass restores it.
                for (int i = 0; i <= j; i++) {
                    projectOut(basis[i], r, n, null, 0);
                }
                double b = Kernels.norm2(r, 2 * n);
                k = j + 1;
                scaleEstimate = Math.max(scaleEstimate, Math.abs(a) + b + (j > 0 ? beta[j - 1] : 0.0));
                beta[j] = b;
                if (b <= BREAKDOWN * scaleEstimate) {
                    invariant = true;
                    break;
                }
                for (int p = 0; p < 2 * n; p++) {
                    basis[j + 1][p] = r[p] / b;
                }
            }
            double next = invariant ? 0.0 : beta[k - 1];
            System.arraycopy(alpha, 0, d, 0, k);
            System.arraycopy(beta, 0, e, 0, k);
            java.util.Arrays.fill(z, 0.0);
            for (int i = 0; i < k; i++) {
                z[i + i * k] = 1.0;
            }
            SymmetricTridiagonal.diagonalize(k, d, e, z, k);
            double remaining = total - done;
            double tau = remaining;
            double halfWidth = 0.5 * (d[k - 1] - d[0]);
            if (!invariant && halfWidth * tau > k) {
                tau = k / halfWidth;
            }
            int rejections = 0;
            while (true) {
                double error = 0.0;
                if (!invariant) {
                    // β τ h |Σ_c z(k-1, c) z(0, c) φ1(-i s τ λ_c)|
                    double sumRe = 0.0;
                    double sumIm = 0.0;
                    for (int c = 0; c < k; c++) {
                        double weight = z[(k - 1) + c * k] * z[c * k];
                        double x = -sign * tau * d[c];
                        sumRe += weight * phi1ImaginaryRe(x);
                        sumIm += weight * phi1ImaginaryIm(x);
                    }
                    error = norm * tau * next * Math.hypot(sumRe, sumIm);
                }
                double allowed = tolerance * norm * tau / total;
                if (error <= allowed) {
                    break;
                }
                tau *= shrinkFactor(allowed, error, k);
                if (++rejections > MAX_REJECTIONS_PER_STEP || tau <= Math.ulp(total)) {
                    throw new ArithmeticException("Lanczos expmv found no acceptable step at time "
                            + sign * done + " of " + t + ": error estimate " + error
                            + " > allowed " + allowed + " for step " + tau);
                }
            }
            // y = Z exp(-i s τ Λ) Z^T e_1, then w = β Q y.
            double step = sign * tau;
            for (int i = 0; i < k; i++) {
                double yr = 0.0;
                double yi = 0.0;
                for (int c = 0; c < k; c++) {
                    double weight = z[i + c * k] * z[c * k];
                    double phase = -step * d[c];
                    yr += weight * Math.cos(phase);
                    yi += weight * Math.sin(phase);
                }
                coefficients[2 * i] = norm * yr;
                coefficients[2 * i + 1] = norm * yi;
            }
            combine(basis, coefficients, k, w, n);
            done = tau >= remaining ? total : done + tau;
        }
        return w;
    }

    /**
     * {@code exp(t A) v} for a general A with the default dimension and tolerance.
     *
     * @see #expmvArnoldi(LinearOperator, double, double[], int, double)
     */
    public static double[] expmvArnoldi(LinearOperator operator, double t, double[] v) {
        return expmvArnoldi(operator, t, v, DEFAULT_KRYLOV_DIMENSION, DEFAULT_TOLERANCE);
    }

    /**
     * {@code exp(t A) v} for a general complex operator A (note: no factor {@code -i}), by
     * Arnoldi with automatic sub-stepping of t. Use it for non-Hermitian generators such as
     * Liouvillians; for {@code exp(-i t H) v} with Hermitian H the Lanczos
     * {@link #expmv(LinearOperator, double, double[], int, double)} is cheaper.
     *
     * @param operator        the operator A
     * @param t               time, any sign
     * @param v               the vector, length 2n, not modified
     * @param krylovDimension the Krylov dimension m per sub-step (capped at n), {@code >= 1}
     * @param tolerance       bound on the summed error estimates relative to the vector norm,
     *                        {@code > 0}
     * @return {@code exp(t A) v}, length 2n
     * @throws IllegalArgumentException on bad arguments (named in the message)
     * @throws ArithmeticException      if the operator returns non-finite values or no
     *                                  acceptable sub-step is found
     */
    public static double[] expmvArnoldi(LinearOperator operator, double t, double[] v,
            int krylovDimension, double tolerance) {
        checkArguments(operator, t, v, krylovDimension, tolerance);
        int n = v.length / 2;
        double[] w = v.clone();
        if (n == 0 || t == 0.0) {
            return w;
        }
        int m = Math.min(krylovDimension, n);
        int lead = m + 1;
        double[][] basis = new double[m + 1][2 * n];
        double[] r = new double[2 * n];
        // Hessenberg H, (m+1) x m, interleaved column-major with leading dimension m+1.
        double[] hessenberg = new double[2 * lead * m];
        double[] coefficients = new double[2 * m];
        double total = Math.abs(t);
        double sign = Math.signum(t);
        double done = 0.0;
        while (done < total) {
            double norm = Kernels.norm2(w, 2 * n);
            if (norm == 0.0) {
                return w;
            }
            for (int p = 0; p < 2 * n; p++) {
                basis[0][p] = w[p] / norm;
            }
            java.util.Arrays.fill(hessenberg, 0.0);
            int k = 0;
            boolean invariant = false;
            double scaleEstimate = 0.0;
            for (int j = 0; j < m; j++) {
                applyChecked(operator, basis[j], r);
                // Modified Gram-Schmidt, then a second pass: "twice is enough".
                for (int pass = 0; pass < 2; pass++) {
                    for (int i = 0; i <= j; i++) {
                        projectOut(basis[i], r, n, hessenberg, 2 * (i + j * lead));
                    }
                }
                double b = Kernels.norm2(r, 2 * n);
                hessenberg[2 * ((j + 1) + j * lead)] = b;
                k = j + 1;
                scaleEstimate = Math.max(scaleEstimate,
                        Kernels.norm2(hessenberg, 2 * j * lead, 2 * (j + 1) * lead));
                if (b <= BREAKDOWN * scaleEstimate) {
                    invariant = true;
                    break;
                }
                for (int p = 0; p < 2 * n; p++) {
                    basis[j + 1][p] = r[p] / b;
                }
            }
            double next = invariant ? 0.0 : hessenberg[2 * (k + (k - 1) * lead)];
            double remaining = total - done;
            double tau = remaining;
            double spread = centredNorm1(hessenberg, k, lead);
            if (!invariant && spread * tau > k) {
                tau = k / spread;
            }
            int size = invariant ? k : k + 1;
            double[] small = new double[2 * size * size];
            double[] exponential;
            int rejections = 0;
            while (true) {
                double step = sign * tau;
                java.util.Arrays.fill(small, 0.0);
                for (int j = 0; j < k; j++) {
                    for (int i = 0; i <= Math.min(j + 1, k - 1); i++) {
                        small[2 * (i + j * size)] = step * hessenberg[2 * (i + j * lead)];
                        small[2 * (i + j * size) + 1] = step * hessenberg[2 * (i + j * lead) + 1];
                    }
                }
                if (!invariant) {
                    small[2 * (k + (k - 1) * size)] = step * next;
                }
                exponential = Expm.expm(size, small);
                // Entry k of the first column is τ h e_m^T φ1(τ H_m) e_1.
                double error = invariant ? 0.0
                        : norm * Math.hypot(exponential[2 * k], exponential[2 * k + 1]);
                double allowed = tolerance * norm * tau / total;
                if (error <= allowed) {
                    break;
                }
                tau *= shrinkFactor(allowed, error, k);
                if (++rejections > MAX_REJECTIONS_PER_STEP || tau <= Math.ulp(total)) {
                    throw new ArithmeticException("Arnoldi expmv found no acceptable step at time "
                            + sign * done + " of " + t + ": error estimate " + error
                            + " > allowed " + allowed + " for step " + tau);
                }
            }
            for (int i = 0; i < k; i++) {
                coefficients[2 * i] = norm * exponential[2 * i];
                coefficients[2 * i + 1] = norm * exponential[2 * i + 1];
            }
            combine(basis, coefficients, k, w, n);
            done = tau >= remaining ? total : done + tau;
        }
        return w;
    }

    private static void checkArguments(LinearOperator operator, double t, double[] v,
            int krylovDimension, double tolerance) {
        if (operator == null) {
            throw new IllegalArgumentException("operator must not be null");
        }
        if (v == null || v.length % 2 != 0) {
            throw new IllegalArgumentException("vector v must be an interleaved complex array of"
                    + " even length, got " + (v == null ? "null" : "length " + v.length));
        }
        if (!Double.isFinite(t)) {
            throw new IllegalArgumentException("time t must be finite, got " + t);
        }
        if (krylovDimension < 1) {
            throw new IllegalArgumentException("krylovDimension must be >= 1, got "
                    + krylovDimension);
        }
        if (!(tolerance > 0.0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be positive and finite, got "
                    + tolerance);
        }
        for (int p = 0; p < v.length; p++) {
            if (!Double.isFinite(v[p])) {
                throw new IllegalArgumentException("vector v has a non-finite entry " + v[p]
                        + " at index " + p / 2);
            }
        }
    }

    private static void applyChecked(LinearOperator operator, double[] x, double[] y) {
        operator.apply(x, y);
        for (int p = 0; p < y.length; p++) {
            if (!Double.isFinite(y[p])) {
                throw new ArithmeticException("operator returned a non-finite entry " + y[p]
                        + " at index " + p / 2);
            }
        }
    }

    /** Step reduction from the error ratio; the estimate over τ scales like τ^k. */
    private static double shrinkFactor(double allowed, double error, int k) {
        double factor = 0.9 * Math.pow(allowed / error, 1.0 / k);
        return Math.min(0.9, Math.max(0.1, factor));
    }

    /** Re(x^† y). */
    private static double dotRe(double[] x, double[] y, int n) {
        double s = 0.0;
        for (int p = 0; p < 2 * n; p++) {
            s += x[p] * y[p];
        }
        return s;
    }

    private static void axpyReal(double a, double[] x, double[] y, int n) {
        for (int p = 0; p < 2 * n; p++) {
            y[p] += a * x[p];
        }
    }

    /** r -= (q^† r) q for a unit q; adds the coefficient to {@code into[at]} when given. */
    private static void projectOut(double[] q, double[] r, int n, double[] into, int at) {
        double cr = 0.0;
        double ci = 0.0;
        for (int p = 0; p < 2 * n; p += 2) {
            double qr = q[p];
            double qi = q[p + 1];
            cr += qr * r[p] + qi * r[p + 1];
            ci += qr * r[p + 1] - qi * r[p];
        }
        for (int p = 0; p < 2 * n; p += 2) {
            double qr = q[p];
            double qi = q[p + 1];
            r[p] -= qr * cr - qi * ci;
            r[p + 1] -= qr * ci + qi * cr;
        }
        if (into != null) {
            into[at] += cr;
            into[at + 1] += ci;
        }
    }

    /** w = Σ_i c_i q_i over the first k basis vectors. */
    private static void combine(double[][] basis, double[] c, int k, double[] w, int n) {
        java.util.Arrays.fill(w, 0.0);
        for (int i = 0; i < k; i++) {
            double cr = c[2 * i];
            double ci = c[2 * i + 1];
            double[] q = basis[i];
            for (int p = 0; p < 2 * n; p += 2) {
                w[p] += q[p] * cr - q[p + 1] * ci;
                w[p + 1] += q[p] * ci + q[p + 1] * cr;
            }
        }
    }

    /** ||H_k - μ I||_1 with μ the mean diagonal, a cheap spread estimate of the spectrum. */
    private static double centredNorm1(double[] h, int k, int lead) {
        double muRe = 0.0;
        double muIm = 0.0;
        for (int i = 0; i < k; i++) {
            muRe += h[2 * (i + i * lead)];
            muIm += h[2 * (i + i * lead) + 1];
        }
        muRe /= k;
        muIm /= k;
        double best = 0.0;
        for (int j = 0; j < k; j++) {
            double sum = 0.0;
            for (int i = 0; i <= Math.min(j + 1, k - 1); i++) {
                double re = h[2 * (i + j * lead)] - (i == j ? muRe : 0.0);
                double im = h[2 * (i + j * lead) + 1] - (i == j ? muIm : 0.0);
                sum += Math.hypot(re, im);
            }
            best = Math.max(best, sum);
        }
        return best;
    }

    /** Re φ1(i x), φ1(z) = (e^z - 1)/z: φ1(ix) = sin(x)/x + i (1 - cos x)/x. */
    private static double phi1ImaginaryRe(double x) {
        if (Math.abs(x) < 1e-4) {
            return 1.0 - x * x / 6.0;
        }
        return Math.sin(x) / x;
    }

    /** Im φ1(i x). */
    private static double phi1ImaginaryIm(double x) {
        if (Math.abs(x) < 1e-4) {
            return x / 2.0 - x * x * x / 24.0;
        }
        return (1.0 - Math.cos(x)) / x;
    }
}
