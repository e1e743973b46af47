package dev.lindblad.control;

/**
 * The exponential of the augmented block matrix {@code X = [[A, E], [0, A]]},
 * {@code exp(X) = [[exp(A), L(A, E)], [0, exp(A)]]}, which holds the Fréchet derivative
 * {@code L(A, E)} of the exponential at A along E, computed on the blocks; or {@code exp(A)}
 * alone.
 *
 * <p>The method is scaling and squaring with the diagonal Padé approximant {@code r_m} (N. J.
 * Higham, SIAM J. Matrix Anal. Appl. 26 (2005) 1179, algorithm 2.3), applied to X itself: the
 * degree {@code m ∈ {3, 5, 7, 9, 13}} and the number of squarings s come from {@code ||X||_1}
 * and Higham's thresholds θ_m exactly as for a full 2n×2n matrix, so the result is that of the
 * augmented exponential. Every matrix met on the way (powers of X, the Padé numerator and
 * denominator, the squarings) is block upper triangular with equal diagonal blocks, a pair
 * {@code (D, F)} for {@code [[D, F], [0, D]]}, and such pairs multiply as
 * {@code (D1, F1)(D2, F2) = (D1 D2, D1 F2 + F1 D2)}: three n×n products instead of the eight of
 * a 2n×2n product. The denominator is solved from one LU factorisation (partial pivoting) of
 * its diagonal block: {@code Q_D R_D = P_D}, {@code Q_D R_F = P_F - Q_F R_D}. Without E only the
 * diagonal blocks are formed: the plain scaling-and-squaring exponential of A.
 *
 * <p>An instance owns its work arrays (no allocation per call) and is used by one thread.
 */
final class FrechetExpm {

    /** θ_3, θ_5, θ_7, θ_9, θ_13 of Higham (2005), table 2.3. */
    private static final double[] THETA = {
        1.495585217958292e-2, 2.539398330063230e-1, 9.504178996162932e-1, 2.097847961257068e0,
        5.371920351148152e0};
    private static final int[] DEGREES = {3, 5, 7, 9, 13};
    private static final double[][] COEFFS = {coefficients(3), coefficients(5), coefficients(7), coefficients(9),
        coefficients(13)};

    private final int n;
    private final int len;
    private boolean withE;
    private final double[][] x;
    private final double[][] x2;
    private final double[][] x4;
    private final double[][] x6;
    private final double[][] x8;
    private final double[][] inner;
    private final double[][] u;
    private final double[][] v;
    private final double[][] xu;
    private final double[][] r;
    private final double[][] t;
    private final int[] pivots;

    /** @param n the dimension of A */
    FrechetExpm(int n) {
        this.n = n;
        this.len = 2 * n * n;
        x = pair();
        x2 = pair();
        x4 = pair();
        x6 = pair();
        x8 = pair();
        inner = pair();
        u = pair();
        v = pair();
        xu = pair();
        r = pair();
        t = pair();
        pivots = new int[n];
    }

    private double[][] pair() {
        return new double[][] {new double[len], new double[len]};
    }

    /**
     * Computes {@code exp(A)} and, when e is not null, {@code L(A, E)}.
     *
     * @param a    A, interleaved column-major n×n; not modified
     * @param e    E, the direction, or null for {@code exp(A)} alone; not modified
     * @param expA receives {@code exp(A)}
     * @param l    receives {@code L(A, E)} (ignored without e)
     */
    void compute(double[] a, double[] e, double[] expA, double[] l) {
        withE = e != null;
        double norm = 0;
        for (int j = 0; j < n; j++) {
            double col = 0;
            for (int i = 0; i < n; i++) {
                int p = 2 * (i + j * n);
                col += Math.hypot(a[p], a[p + 1]);
                if (withE) {
                    col += Math.hypot(e[p], e[p + 1]);
                }
            }
            norm = Math.max(norm, col);
        }
        System.arraycopy(a, 0, x[0], 0, len);
        if (withE) {
            System.arraycopy(e, 0, x[1], 0, len);
        }
        int d = 4;
        for (int k = 0; k < 4; k++) {
            if (norm <= THETA[k]) {
                d = k;
                break;
            }
        }
        int squarings = 0;
        if (d == 4 && norm > THETA[4]) {
            squarings = Math.max(0, (int) Math.ceil(Math.log(norm / THETA[4]) / Math.log(2.0)));
            while (Math.scalb(norm, -squarings) > THETA[4]) {
                squarings++;
            }
            for (int k = 0; k < (withE ? 2 : 1); k++) {
                for (int p = 0; p < len; p++) {
                    x[k][p] = Math.scalb(x[k][p], -squarings);
                }
            }
        }
        if (d == 4) {
            pade13();
        } else {
            padeLow(DEGREES[d], COEFFS[d]);
        }
        double[][] cur = r;
        double[][] spare = t;
        for (int k = 0; k < squarings; k++) {
            mul(cur, cur, spare);
            double[][] sw = cur;
            cur = spare;
            spare = sw;
        }
        System.arraycopy(cur[0], 0, expA, 0, len);
        if (withE) {
            System.arraycopy(cur[1], 0, l, 0, len);
        }
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

    /** r_m(X) for m ≤ 9 into r: U = X Σ_{odd j} b_j X^{j-1}, V = Σ_{even j} b_j X^j. */
    private void padeLow(int m, double[] b) {
        clear(u);
        clear(v);
        addIdentity(v[0], b[0]);
        addIdentity(u[0], b[1]);
        mul(x, x, x2);
        double[][][] powers = {x2, x4, x6, x8};
        for (int j = 2, q = 0; j <= m; j += 2, q++) {
            if (q > 0) {
                mul(powers[q - 1], x2, powers[q]);
            }
            axpy(b[j], powers[q], v);
            axpy(b[j + 1], powers[q], u);
        }
        mul(x, u, xu);
        solve();
    }

    /** r_13(X) into r, with Higham's six-product evaluation. */
    private void pade13() {
        double[] b = COEFFS[4];
        mul(x, x, x2);
        mul(x2, x2, x4);
        mul(x4, x2, x6);
        clear(inner);
        axpy(b[13], x6, inner);
        axpy(b[11], x4, inner);
        axpy(b[9], x2, inner);
        mul(x6, inner, u);
        axpy(b[7], x6, u);
        axpy(b[5], x4, u);
        axpy(b[3], x2, u);
        addIdentity(u[0], b[1]);
        mul(x, u, xu);
        clear(inner);
        axpy(b[12], x6, inner);
        axpy(b[10], x4, inner);
        axpy(b[8], x2, inner);
        mul(x6, inner, v);
        axpy(b[6], x6, v);
        axpy(b[4], x4, v);
        axpy(b[2], x2, v);
        addIdentity(v[0], b[0]);
        solve();
    }

    /** r = (V - U)^{-1} (V + U) on pairs, U in xu; v becomes the numerator, u the denominator. */
    private void solve() {
        for (int k = 0; k < (withE ? 2 : 1); k++) {
            double[] p = v[k];
            double[] q = u[k];
            double[] uu = xu[k];
            for (int i = 0; i < len; i++) {
                double vi = p[i];
                p[i] = vi + uu[i];
                q[i] = vi - uu[i];
            }
        }
        Zmat.luFactor(n, u[0], pivots);
        System.arraycopy(v[0], 0, r[0], 0, len);
        Zmat.luSolve(n, u[0], pivots, r[0], n);
        if (withE) {
            Zmat.mul(n, n, n, u[1], r[0], r[1]);
            for (int i = 0; i < len; i++) {
                r[1][i] = v[1][i] - r[1][i];
            }
            Zmat.luSolve(n, u[0], pivots, r[1], n);
        }
    }

    /** {@code out = y z} for pairs: {@code (Y_D Z_D, Y_D Z_F + Y_F Z_D)}; out must not alias. */
    private void mul(double[][] y, double[][] z, double[][] out) {
        Zmat.mul(n, n, n, y[0], z[0], out[0]);
        if (withE) {
            Zmat.mul(n, n, n, y[0], z[1], out[1]);
            Zmat.mulAdd(n, y[1], z[0], out[1]);
        }
    }

    private void axpy(double s, double[][] from, double[][] to) {
        for (int k = 0; k < (withE ? 2 : 1); k++) {
            double[] f = from[k];
            double[] g = to[k];
            for (int i = 0; i < len; i++) {
                g[i] += s * f[i];
            }
        }
    }

    private void clear(double[][] p) {
        java.util.Arrays.fill(p[0], 0.0);
        java.util.Arrays.fill(p[1], 0.0);
    }

    private void addIdentity(double[] a, double s) {
        for (int i = 0; i < n; i++) {
            a[2 * (i + i * n)] += s;
        }
    }
}
