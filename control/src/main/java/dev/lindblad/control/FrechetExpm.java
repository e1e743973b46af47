package dev.lindblad.control;

import dev.lindblad.linalg.LuDecomposition;

/**
 * The exponential of the augmented block matrix {@code X = [[A, E], [0, A]]},
 * {@code exp(X) = [[exp(A), L(A, E)], [0, exp(A)]]}, which holds the Fréchet derivative
 * {@code L(A, E)} of the exponential at A along E, computed on the blocks.
 *
 * <p>The method is scaling and squaring with the diagonal Padé approximant {@code r_m} (N. J.
 * Higham, SIAM J. Matrix Anal. Appl. 26 (2005) 1179, algorithm 2.3), applied to X itself: the
 * degree {@code m ∈ {3, 5, 7, 9, 13}} and the number of squarings s come from {@code ||X||_1}
 * and Higham's thresholds θ_m exactly as for a full 2n×2n matrix, so the result is that of the
 * augmented exponential. Every matrix met on the way (powers of X, the Padé numerator and
 * denominator, the squarings) is block upper triangular with equal diagonal blocks, a pair
 * {@code (D, F)} for {@code [[D, F], [0, D]]}, and such pairs multiply as
 * {@code (D1, F1)(D2, F2) = (D1 D2, D1 F2 + F1 D2)}: three n×n products instead of the eight of
 * a 2n×2n product. The denominator is solved from one LU factorisation of its diagonal block:
 * {@code Q_D R_D = P_D}, {@code Q_D R_F = P_F - Q_F R_D}.
 */
final class FrechetExpm {

    /** θ_3, θ_5, θ_7, θ_9, θ_13 of Higham (2005), table 2.3. */
    private static final double[] THETA = {
        1.495585217958292e-2, 2.539398330063230e-1, 9.504178996162932e-1, 2.097847961257068e0,
        5.371920351148152e0};
    private static final int[] DEGREES = {3, 5, 7, 9, 13};

    private FrechetExpm() {
    }

    /**
     * Computes {@code exp(A)} and {@code L(A, E)}.
     *
     * @param n    dimension
     * @param a    A, interleaved column-major n×n; not modified
     * @param e    E, the direction; not modified
     * @param expA receives {@code exp(A)}
     * @param l    receives {@code L(A, E)}
     */
    static void compute(int n, double[] a, double[] e, double[] expA, double[] l) {
        double norm = 0;
        for (int j = 0; j < n; j++) {
            double colA = 0;
            double colE = 0;
            for (int i = 0; i < n; i++) {
                int p = 2 * (i + j * n);
                colA += Math.hypot(a[p], a[p + 1]);
                colE += Math.hypot(e[p], e[p + 1]);
            }
            norm = Math.max(norm, colA + colE);
        }
        int len = 2 * n * n;
        double[][] x = {a.clone(), e.clone()};
        int degree = 13;
        int squarings = 0;
        for (int d = 0; d < 4; d++) {
            if (norm <= THETA[d]) {
                degree = DEGREES[d];
                break;
            }
        }
        if (degree == 13 && norm > THETA[4]) {
            squarings = Math.max(0, (int) Math.ceil(Math.log(norm / THETA[4]) / Math.log(2.0)));
            while (Math.scalb(norm, -squarings) > THETA[4]) {
                squarings++;
            }
            for (double[] blk : x) {
                for (int p = 0; p < len; p++) {
                    blk[p] = Math.scalb(blk[p], -squarings);
                }
            }
        }
        double[][] r = degree == 13 ? pade13(n, x) : padeLow(n, x, degree);
        double[][] t = {new double[len], new double[len]};
        for (int k = 0; k < squarings; k++) {
            mul(n, r, r, t);
            double[][] sw = r;
            r = t;
            t = sw;
        }
        System.arraycopy(r[0], 0, expA, 0, len);
        System.arraycopy(r[1], 0, l, 0, len);
    }

    /** Padé numerator coefficients b_0..b_m with b_m = 1 (Higham 2005): {@code b_j = b_{j+1} (2m-j)(j+1)/(m-j)}. */
    static double[] coefficients(int m) {
        double[] b = new double[m + 1];
        b[m] = 1.0;
        for (int j = m - 1; j >= 0; j--) {
            b[j] = b[j + 1] * (2.0 * m - j) * (j + 1) / (m - j);
        }
        return b;
    }

    /** r_m(X) for m ≤ 9: U = X Σ_{odd j} b_j X^{j-1}, V = Σ_{even j} b_j X^j. */
    private static double[][] padeLow(int n, double[][] x, int m) {
        double[] b = coefficients(m);
        int len = 2 * n * n;
        double[][] u = pair(len);
        double[][] v = pair(len);
        addIdentity(n, v[0], b[0]);
        addIdentity(n, u[0], b[1]);
        double[][] x2 = pair(len);
        mul(n, x, x, x2);
        double[][] power = x2;
        for (int j = 2; j <= m; j += 2) {
            if (j > 2) {
                double[][] next = pair(len);
                mul(n, power, x2, next);
                power = next;
            }
            axpy(b[j], power, v);
            axpy(b[j + 1], power, u);
        }
        double[][] xu = pair(len);
        mul(n, x, u, xu);
        return solve(n, xu, v);
    }

    /** r_13(X) with Higham's six-product evaluation. */
    private static double[][] pade13(int n, double[][] x) {
        double[] b = coefficients(13);
        int len = 2 * n * n;
        double[][] x2 = pair(len);
        double[][] x4 = pair(len);
        double[][] x6 = pair(len);
        mul(n, x, x, x2);
        mul(n, x2, x2, x4);
        mul(n, x4, x2, x6);
        double[][] inner = pair(len);
        axpy(b[13], x6, inner);
        axpy(b[11], x4, inner);
        axpy(b[9], x2, inner);
        double[][] u = pair(len);
        mul(n, x6, inner, u);
        axpy(b[7], x6, u);
        axpy(b[5], x4, u);
        axpy(b[3], x2, u);
        addIdentity(n, u[0], b[1]);
        double[][] xu = pair(len);
        mul(n, x, u, xu);
        inner = pair(len);
        axpy(b[12], x6, inner);
        axpy(b[10], x4, inner);
        axpy(b[8], x2, inner);
        double[][] v = pair(len);
        mul(n, x6, inner, v);
        axpy(b[6], x6, v);
        axpy(b[4], x4, v);
        axpy(b[2], x2, v);
        addIdentity(n, v[0], b[0]);
        return solve(n, xu, v);
    }

    /** {@code (V - U)^{-1} (V + U)} on pairs. */
    private static double[][] solve(int n, double[][] u, double[][] v) {
        int len = 2 * n * n;
        double[][] p = pair(len);
        double[][] q = pair(len);
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < len; i++) {
                p[k][i] = v[k][i] + u[k][i];
                q[k][i] = v[k][i] - u[k][i];
            }
        }
        LuDecomposition lu = LuDecomposition.factor(n, q[0]);
        double[] rd = lu.solve(p[0]);
        double[] rhs = new double[len];
        Zmat.mul(n, n, n, q[1], rd, rhs);
        for (int i = 0; i < len; i++) {
            rhs[i] = p[1][i] - rhs[i];
        }
        return new double[][] {rd, lu.solve(rhs)};
    }

    private static double[][] pair(int len) {
        return new double[][] {new double[len], new double[len]};
    }

    /** {@code out = x y} for pairs: {@code (X_D Y_D, X_D Y_F + X_F Y_D)}; out must not alias. */
    private static void mul(int n, double[][] x, double[][] y, double[][] out) {
        Zmat.mul(n, n, n, x[0], y[0], out[0]);
        Zmat.mul(n, n, n, x[0], y[1], out[1]);
        Zmat.mulAdd(n, x[1], y[0], out[1]);
    }

    private static void axpy(double s, double[][] x, double[][] y) {
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < x[k].length; i++) {
                y[k][i] += s * x[k][i];
            }
        }
    }

    private static void addIdentity(int n, double[] a, double s) {
        for (int i = 0; i < n; i++) {
            a[2 * (i + i * n)] += s;
        }
    }
}
