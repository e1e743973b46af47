package dev.lindblad.linalg;

import dev.lindblad.Complex;
import java.util.function.DoubleFunction;

/**
 * Primary matrix functions {@code f(A)} of a general square complex matrix, for the functions
 * QuTiP's {@code Qobj.sqrtm} and {@code Qobj.logm} compute with SciPy:
 * <ul>
 *   <li>{@link #sqrtm}: the principal square root (every eigenvalue's root in the closed right
 *       half plane, {@code sqrt(-x) = i sqrt(x)} on the negative axis), from the complex Schur
 *       form {@code A = Q T Q^†} and the Björck–Hammarling recurrence for the triangular root
 *       U of T, {@code u_ii = sqrt(t_ii)},
 *       {@code u_ij = (t_ij - Σ_{i<k<j} u_ik u_kj) / (u_ii + u_jj)} (Higham, <i>Functions of
 *       Matrices</i>, SIAM 2008, algorithm 6.3). It needs no basis of eigenvectors, so it also
 *       serves defective matrices; it fails only when a zero eigenvalue sits in a Jordan
 *       block larger than 1×1 (then no square root exists).</li>
 *   <li>{@link #logm}: the principal logarithm ({@code Im log λ ∈ (-π, π]}) by inverse scaling
 *       and squaring on the Schur form: k square roots bring {@code T^{1/2^k}} within 0.1 of
 *       the identity (1-norm), the Taylor series {@code log(I + X) = Σ_m (-1)^{m+1} X^m / m}
 *       is summed to rounding, and {@code log A = 2^k Q log(T^{1/2^k}) Q^†} (Higham, section
 *       11.5). A singular matrix has no logarithm and is refused.</li>
 *   <li>{@link #hermitian}: {@code f(A) = V f(Λ) V^†} for a Hermitian A from
 *       {@link HermitianEigen}, with a complex-valued f (so that {@code log} and
 *       {@code sqrt} of a Hermitian matrix with negative eigenvalues are defined).</li>
 * </ul>
 * Storage is interleaved column-major, see the {@linkplain dev.lindblad.linalg package}.
 */
public final class MatrixFunctions {

    private static final double EPS = Math.ulp(1.0);

    private MatrixFunctions() {
    }

    /**
     * The principal square root of a general complex matrix, {@code S S = A}.
     *
     * @param n dimension, {@code n >= 0}
     * @param a the matrix, interleaved column-major, length {@code 2 n n}; not modified
     * @return {@code A^{1/2}}, interleaved column-major
     * @throws IllegalArgumentException if {@code a} has the wrong length or a non-finite entry
     * @throws ArithmeticException      if A has no square root (a repeated zero eigenvalue in a
     *                                  Jordan block)
     */
    public static double[] sqrtm(int n, double[] a) {
        GeneralEigen.Schur s = GeneralEigen.schur(n, a);
        double[] u = triangularSqrt(n, s.t(), Kernels.maxAbs(a));
        return similarity(n, s.q(), u);
    }

    /**
     * The principal logarithm of a general complex matrix, {@code e^{log A} = A}.
     *
     * @param n dimension, {@code n >= 0}
     * @param a the matrix, interleaved column-major, length {@code 2 n n}; not modified
     * @return {@code log A}, interleaved column-major
     * @throws IllegalArgumentException if {@code a} has the wrong length or a non-finite entry
     * @throws ArithmeticException      if A is singular (an eigenvalue of modulus below
     *                                  {@code n ε max|a_ij|}): the logarithm does not exist
     */
    public static double[] logm(int n, double[] a) {
        GeneralEigen.Schur s = GeneralEigen.schur(n, a);
        double[] t = s.t();
        double scale = Kernels.maxAbs(a);
        for (int k = 0; k < n; k++) {
            double m = Math.hypot(t[2 * (k + k * n)], t[2 * (k + k * n) + 1]);
            if (m <= Math.max(n, 1) * EPS * scale) {
                throw new ArithmeticException("logm: the matrix is singular (eigenvalue " + k + " has modulus " + m
                        + " <= n*eps*max|a_ij| = " + Math.max(n, 1) * EPS * scale + "); its logarithm does not exist");
            }
        }
        int squarings = 0;
        double[] x = minusIdentity(n, t);
        while (Kernels.norm1(n, x) > 0.1) {
            if (squarings == 64) {
                throw new ArithmeticException("logm: 64 square roots did not bring the matrix near the identity");
            }
            t = triangularSqrt(n, t, 1);
            squarings++;
            x = minusIdentity(n, t);
        }
        // log(I + X) = X - X^2/2 + X^3/3 - ..., X upper triangular with ||X||_1 <= 0.1
        double[] log = x.clone();
        double[] power = x.clone();
        double[] next = new double[x.length];
        for (int m = 2; m <= 80; m++) {
            Kernels.multiply(n, power, x, next);
            double[] swap = power;
            power = next;
            next = swap;
            double sign = (m % 2 == 0 ? -1.0 : 1.0) / m;
            for (int p = 0; p < log.length; p++) {
                log[p] += sign * power[p];
            }
            if (Kernels.norm1(n, power) / m <= EPS * Math.max(Kernels.norm1(n, log), EPS)) {
                break;
            }
        }
        double factor = Math.scalb(1.0, squarings);
        for (int p = 0; p < log.length; p++) {
            log[p] *= factor;
        }
        return similarity(n, s.q(), log);
    }

    /**
     * {@code f(A) = V f(Λ) V^†} for a Hermitian matrix {@code A = V Λ V^†}.
     *
     * @param n dimension
     * @param a a Hermitian matrix, interleaved column-major (its lower triangle is read)
     * @param f the function of a real eigenvalue, complex-valued
     * @return {@code f(A)}, interleaved column-major
     */
    public static double[] hermitian(int n, double[] a, DoubleFunction<Complex> f) {
        Kernels.checkSquare("matrix a", n, a);
        Kernels.checkFinite("matrix a", n, a);
        HermitianEigen.Result e = HermitianEigen.decompose(n, a, true);
        double[] v = e.eigenvectors();
        double[] lambda = e.eigenvalues();
        double[] out = new double[2 * n * n];
        for (int k = 0; k < n; k++) {
            Complex fk = f.apply(lambda[k]);
            if (fk.re() == 0 && fk.im() == 0) {
                continue;
            }
            int ck = 2 * k * n;
            for (int j = 0; j < n; j++) {
                // f_k conj(v_jk)
                double cr = fk.re() * v[ck + 2 * j] + fk.im() * v[ck + 2 * j + 1];
                double ci = fk.im() * v[ck + 2 * j] - fk.re() * v[ck + 2 * j + 1];
                int cj = 2 * j * n;
                for (int i = 0; i < n; i++) {
                    double vr = v[ck + 2 * i], vi = v[ck + 2 * i + 1];
                    out[cj + 2 * i] += vr * cr - vi * ci;
                    out[cj + 2 * i + 1] += vr * ci + vi * cr;
                }
            }
        }
        return out;
    }

    /** The triangular square root by the Björck–Hammarling recurrence, column by column. */
    private static double[] triangularSqrt(int n, double[] t, double scale) {
        double[] u = new double[t.length];
        for (int j = 0; j < n; j++) {
            int jj = 2 * (j + j * n);
            Complex root = new Complex(t[jj], t[jj + 1]).sqrt();
            u[jj] = root.re();
            u[jj + 1] = root.im();
            for (int i = j - 1; i >= 0; i--) {
                double sr = t[2 * (i + j * n)], si = t[2 * (i + j * n) + 1];
                for (int k = i + 1; k < j; k++) {
                    double ar = u[2 * (i + k * n)], ai = u[2 * (i + k * n) + 1];
                    double br = u[2 * (k + j * n)], bi = u[2 * (k + j * n) + 1];
                    sr -= ar * br - ai * bi;
                    si -= ar * bi + ai * br;
                }
                double dr = u[2 * (i + i * n)] + u[jj], di = u[2 * (i + i * n) + 1] + u[jj + 1];
                double d2 = dr * dr + di * di;
                if (d2 == 0) {
                    if (Math.hypot(sr, si) <= Math.max(n, 1) * EPS * Math.max(scale, EPS)) {
                        continue;
                    }
                    throw new ArithmeticException("sqrtm: the matrix has no square root: the zero eigenvalue is"
                            + " defective (rows " + i + " and " + j + " of the Schur form)");
                }
                u[2 * (i + j * n)] = (sr * dr + si * di) / d2;
                u[2 * (i + j * n) + 1] = (si * dr - sr * di) / d2;
            }
        }
        return u;
    }

    private static double[] minusIdentity(int n, double[] t) {
        double[] x = t.clone();
        for (int k = 0; k < n; k++) {
            x[2 * (k + k * n)] -= 1;
        }
        return x;
    }

    /** {@code Q M Q^†}. */
    private static double[] similarity(int n, double[] q, double[] m) {
        double[] qm = new double[2 * n * n];
        Kernels.multiply(n, q, m, qm);
        double[] qh = new double[2 * n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                qh[2 * (i + j * n)] = q[2 * (j + i * n)];
                qh[2 * (i + j * n) + 1] = -q[2 * (j + i * n) + 1];
            }
        }
        double[] out = new double[2 * n * n];
        Kernels.multiply(n, qm, qh, out);
        return out;
    }
}
