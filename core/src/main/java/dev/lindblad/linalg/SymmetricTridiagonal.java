package dev.lindblad.linalg;

/**
 * Eigenvalues and eigenvectors of a real symmetric tridiagonal matrix T by the implicit QL
 * and QR algorithms with Wilkinson shifts (Bowdler, Martin, Reinsch and Wilkinson, "The QR and
 * QL algorithms for symmetric matrices", Numer. Math. 11 (1968) 293; Golub and Van Loan,
 * <i>Matrix Computations</i>, 4th ed., section 8.3), organised as LAPACK's {@code dsteqr}
 * documents it, so that it converges on every input:
 *
 * <ul>
 *   <li>An off-diagonal entry is negligible, and splits T, when
 *       {@code |e_i| <= ε sqrt(|d_i|) sqrt(|d_{i+1}|)}: relative to its two neighbouring
 *       diagonal entries, not to their sum. Dropping it changes each eigenvalue by at most
 *       about {@code ε} relative to the diagonal entries it couples, so a graded matrix keeps
 *       its small eigenvalues, and a low-rank one (most of T rounding noise) splits into
 *       blocks that converge independently.</li>
 *   <li>Each unreduced block is scaled by a power of two (exact) to a largest entry in
 *       [1, 2), so that neither the squares in the shift and the deflation test nor the
 *       rotations overflow or underflow, whatever the range of the input.</li>
 *   <li>QL (deflating at the top) is used when the top diagonal entry of the block is the
 *       smaller in modulus, QR (deflating at the bottom) otherwise: the sweep then ends where
 *       the entries are small, and their rounding stays relative to their own size.</li>
 *   <li>A 2×2 block is diagonalised directly by one Jacobi rotation.</li>
 *   <li>The iteration budget, {@code 30 n} sweeps for the whole matrix, is shared between
 *       eigenvalues rather than fixed per eigenvalue.</li>
 * </ul>
 *
 * <p>About 2 sweeps per eigenvalue; {@code O(n^2)} without vectors, about {@code 3 rows n^2}
 * real flops when accumulating into a {@code rows}×n matrix. For many eigenvectors
 * {@link TridiagonalDivideConquer} is faster.
 */
final class SymmetricTridiagonal {

    /** The unit roundoff {@code 2^-53}. */
    static final double EPS = 0x1p-53;

    private static final double EPS2 = EPS * EPS;

    private static final double SAFE_MIN = Double.MIN_NORMAL;

    /** Sweeps allowed per eigenvalue on average; QL/QR needs fewer than 2. */
    private static final int SWEEPS_PER_EIGENVALUE = 30;

    private SymmetricTridiagonal() {
    }

    /**
     * Diagonalises the symmetric tridiagonal matrix T with diagonal {@code d[0..n-1]} and
     * off-diagonal {@code e[i] = T(i, i+1)} for {@code i < n-1} ({@code e} has length at least
     * n; {@code e[n-1]} is scratch; {@code e} is destroyed). On return {@code d} holds the
     * eigenvalues in ascending order and, when {@code z} is not null, the columns of {@code z}
     * have been multiplied on the right by the orthogonal eigenvector matrix of T, reordered
     * alike: pass the identity to get the eigenvectors of T, or a matrix Q to get Q times
     * them. {@code z} is a real column-major matrix with {@code rows} rows and n columns.
     *
     * @throws ArithmeticException if {@code 30 n} sweeps do not suffice (never observed)
     */
    static void diagonalize(int n, double[] d, double[] e, double[] z, int rows) {
        if (n == 0) {
            return;
        }
        e[n - 1] = 0.0;
        int budget = SWEEPS_PER_EIGENVALUE * n;
        int start = 0;
        while (start < n) {
            // The next unreduced block [l, lend]: every off-diagonal inside is not negligible.
            int end = start;
            while (end < n - 1) {
                double off = Math.abs(e[end]);
                if (off == 0.0) {
                    break;
                }
                if (off <= Math.sqrt(Math.abs(d[end])) * Math.sqrt(Math.abs(d[end + 1])) * EPS) {
                    e[end] = 0.0;
                    break;
                }
                end++;
            }
            int l = start;
            start = end + 1;
            if (end == l) {
                continue;
            }
            int scale = blockScale(d, e, l, end);
            if (scale == Integer.MIN_VALUE) {
                continue;
            }
            rescale(d, e, l, end, scale);
            if (Math.abs(d[end]) < Math.abs(d[l])) {
                budget = qr(d, e, z, rows, l, end, budget);
            } else {
                budget = ql(d, e, z, rows, l, end, budget);
            }
            rescale(d, e, l, end, -scale);
            if (budget < 0) {
                throw new ArithmeticException("symmetric tridiagonal QL/QR did not converge in "
                        + SWEEPS_PER_EIGENVALUE * n + " sweeps for n = " + n);
            }
        }
        sortAscending(n, d, z, rows);
    }

    /**
     * The power of two that brings the largest entry of block [l, end] into [1, 2), or
     * {@code Integer.MIN_VALUE} when the block is zero. Always scaling (rather than only out of
     * range) makes the result exactly scale-invariant: T and {@code 2^k T} give the same
     * eigenvectors and eigenvalues {@code 2^k} apart, bit for bit.
     */
    private static int blockScale(double[] d, double[] e, int l, int end) {
        double norm = 0.0;
        for (int i = l; i <= end; i++) {
            norm = Math.max(norm, Math.abs(d[i]));
        }
        for (int i = l; i < end; i++) {
            norm = Math.max(norm, Math.abs(e[i]));
        }
        if (norm == 0.0) {
            return Integer.MIN_VALUE;
        }
        return -Math.getExponent(norm);
    }

    /** Multiplies block [l, end] of T by {@code 2^scale}; exact unless it underflows. */
    private static void rescale(double[] d, double[] e, int l, int end, int scale) {
        if (scale == 0) {
            return;
        }
        for (int i = l; i <= end; i++) {
            d[i] = Math.scalb(d[i], scale);
        }
        for (int i = l; i < end; i++) {
            e[i] = Math.scalb(e[i], scale);
        }
    }

    /**
     * Implicit QL on the unreduced block [l, end]: eigenvalues converge at the top, at l, and
     * the bulge is chased upwards from the bottom of the active part.
     *
     * @return the sweeps left, negative if the budget ran out
     */
    private static int ql(double[] d, double[] e, double[] z, int rows, int l, int end,
            int budget) {
        while (l <= end) {
            int m = l;
            while (m < end) {
                double t = e[m] * e[m];
                if (t <= EPS2 * Math.abs(d[m]) * Math.abs(d[m + 1]) + SAFE_MIN) {
                    break;
                }
                m++;
            }
            if (m < end) {
                e[m] = 0.0;
            }
            if (m == l) {
                l++;
                continue;
            }
            if (m == l + 1) {
                jacobi2x2(d, e, z, rows, l);
                l += 2;
                continue;
            }
            if (budget-- == 0) {
                return -1;
            }
            // Wilkinson shift: the eigenvalue of the top 2x2 block closer to d[l].
            double p = d[l];
            double g = (d[l + 1] - p) / (2.0 * e[l]);
            double r = safeHypot(g, 1.0);
            g = d[m] - p + e[l] / (g + Math.copySign(r, g));
            double s = 1.0;
            double c = 1.0;
            p = 0.0;
            for (int i = m - 1; i >= l; i--) {
                double f = s * e[i];
                double b = c * e[i];
                r = safeHypot(f, g);
                if (r == 0.0) {
                    c = 1.0;
                    s = 0.0;
                } else {
                    c = g / r;
                    s = f / r;
                }
                if (i != m - 1) {
                    e[i + 1] = r;
                }
                g = d[i + 1] - p;
                r = (d[i] - g) * s + 2.0 * c * b;
                p = s * r;
                d[i + 1] = g + p;
                g = c * r - b;
                if (z != null) {
                    // Columns (i, i+1) become (c z_i - s z_{i+1}, s z_i + c z_{i+1}).
                    rotate(z, rows, i, c, s);
                }
            }
            d[l] -= p;
            e[l] = g;
        }
        return budget;
    }

    /**
     * Implicit QR on the unreduced block [start, l]: the mirror image of
     * {@link #ql}, eigenvalues converging at the bottom, at l.
     */
    private static int qr(double[] d, double[] e, double[] z, int rows, int start, int l,
            int budget) {
        while (l >= start) {
            int m = l;
            while (m > start) {
                double t = e[m - 1] * e[m - 1];
                if (t <= EPS2 * Math.abs(d[m]) * Math.abs(d[m - 1]) + SAFE_MIN) {
                    break;
                }
                m--;
            }
            if (m > start) {
                e[m - 1] = 0.0;
            }
            if (m == l) {
                l--;
                continue;
            }
            if (m == l - 1) {
                jacobi2x2(d, e, z, rows, l - 1);
                l -= 2;
                continue;
            }
            if (budget-- == 0) {
                return -1;
            }
            double p = d[l];
            double g = (d[l - 1] - p) / (2.0 * e[l - 1]);
            double r = safeHypot(g, 1.0);
            g = d[m] - p + e[l - 1] / (g + Math.copySign(r, g));
            double s = 1.0;
            double c = 1.0;
            p = 0.0;
            for (int i = m; i <= l - 1; i++) {
                double f = s * e[i];
                double b = c * e[i];
                r = safeHypot(f, g);
                if (r == 0.0) {
                    c = 1.0;
                    s = 0.0;
                } else {
                    c = g / r;
                    s = f / r;
                }
                if (i != m) {
                    e[i - 1] = r;
                }
                g = d[i] - p;
                r = (d[i + 1] - g) * s + 2.0 * c * b;
                p = s * r;
                d[i] = g + p;
                g = c * r - b;
                if (z != null) {
                    // The mirror of QL's rotation: (c z_i + s z_{i+1}, c z_{i+1} - s z_i).
                    rotate(z, rows, i, c, -s);
                }
            }
            d[l] -= p;
            e[l - 1] = g;
        }
        return budget;
    }

    /**
     * Diagonalises the 2×2 block at rows (i, i+1) by the Jacobi rotation
     * {@code J = [[c, s], [-s, c]]} with {@code t = s/c} the smaller root of
     * {@code t^2 + 2 τ t - 1 = 0}, {@code τ = (d_{i+1} - d_i) / (2 e_i)} (Golub and Van Loan,
     * algorithm 8.5.1): the new diagonal is {@code d_i - t e_i}, {@code d_{i+1} + t e_i}.
     */
    private static void jacobi2x2(double[] d, double[] e, double[] z, int rows, int i) {
        double b = e[i];
        e[i] = 0.0;
        if (b == 0.0) {
            return;
        }
        double tau = (d[i + 1] - d[i]) / (2.0 * b);
        double t;
        if (Math.abs(tau) > 1e150) {
            t = 0.5 / tau;
        } else {
            t = Math.copySign(1.0, tau) / (Math.abs(tau) + Math.sqrt(1.0 + tau * tau));
        }
        double c = 1.0 / Math.sqrt(1.0 + t * t);
        double s = t * c;
        d[i] -= t * b;
        d[i + 1] += t * b;
        if (z != null) {
            // Z J: columns (c z_i - s z_{i+1}, s z_i + c z_{i+1}).
            rotate(z, rows, i, c, s);
        }
    }

    /** Columns (i, i+1) of z become (c z_i - s z_{i+1}, s z_i + c z_{i+1}). */
    private static void rotate(double[] z, int rows, int i, double c, double s) {
        int ci = i * rows;
        int cn = ci + rows;
        for (int k = 0; k < rows; k++) {
            double zi = z[ci + k];
            double zn = z[cn + k];
            z[ci + k] = c * zi - s * zn;
            z[cn + k] = s * zi + c * zn;
        }
    }

    /** {@code sqrt(x^2 + y^2)} without overflow, at the cost of {@code Math.hypot} only when
     * the squares could leave the normal range. */
    static double safeHypot(double x, double y) {
        double ax = Math.abs(x);
        double ay = Math.abs(y);
        double big = Math.max(ax, ay);
        if (big < 1e150 && big > 1e-150) {
            return Math.sqrt(x * x + y * y);
        }
        return Math.hypot(x, y);
    }

    /** Selection sort: O(n^2) comparisons but only n column swaps. */
    private static void sortAscending(int n, double[] d, double[] z, int rows) {
        for (int i = 0; i < n - 1; i++) {
            int best = i;
            for (int j = i + 1; j < n; j++) {
                if (d[j] < d[best]) {
                    best = j;
                }
            }
            if (best != i) {
                double t = d[i];
                d[i] = d[best];
                d[best] = t;
                if (z != null) {
                    int ci = (i) * rows;
                    int cb = best * rows;
                    for (int k = 0; k < rows; k++) {
                        double tz = z[ci + k];
                        z[ci + k] = z[cb + k];
                        z[cb + k] = tz;
                    }
                }
            }
        }
    }
}
