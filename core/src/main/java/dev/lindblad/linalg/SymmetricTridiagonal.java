package dev.lindblad.linalg;

/**
 * Eigenvalues and eigenvectors of a real symmetric tridiagonal matrix by the implicit QL
 * algorithm with Wilkinson shifts (Bowdler, Martin, Reinsch and Wilkinson, "The QR and QL
 * algorithms for symmetric matrices", Numer. Math. 11 (1968) 293; Golub and Van Loan,
 * <i>Matrix Computations</i>, section 8.3).
 */
final class SymmetricTridiagonal {

    /** Sweeps allowed per eigenvalue before giving up; QL converges in 1-3 on average. */
    private static final int MAX_SWEEPS_PER_EIGENVALUE = 60;

    private SymmetricTridiagonal() {
    }

    /**
     * Diagonalises the symmetric tridiagonal matrix T with diagonal {@code d[0..n-1]} and
     * off-diagonal {@code e[i] = T(i, i+1)} for {@code i < n-1} ({@code e} has length at least
     * n; {@code e[n-1]} is scratch). On return {@code d} holds the eigenvalues in ascending
     * order and, when {@code z} is not null, the columns of {@code z} have been multiplied on
     * the right by the orthogonal eigenvector matrix of T, reordered alike: pass the identity
     * to get the eigenvectors of T, or a matrix Q to get Q times them. {@code z} is a real
     * column-major matrix with {@code rows} rows and n columns.
     */
    static void diagonalize(int n, double[] d, double[] e, double[] z, int rows) {
        if (n == 0) {
            return;
        }
        e[n - 1] = 0.0;
        final double eps = Math.ulp(1.0);
        for (int l = 0; l < n; l++) {
            int sweeps = 0;
            while (true) {
                int m = l;
                // A negligible off-diagonal splits the matrix; the block l..m is diagonalised.
                while (m < n - 1) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    if (Math.abs(e[m]) <= eps * dd || Math.abs(e[m]) < Double.MIN_NORMAL) {
                        break;
                    }
                    m++;
                }
                if (m == l) {
                    break;
                }
                if (++sweeps > MAX_SWEEPS_PER_EIGENVALUE) {
                    throw new ArithmeticException("symmetric tridiagonal QL did not converge for"
                            + " eigenvalue " + l + " of " + n + " after " + MAX_SWEEPS_PER_EIGENVALUE
                            + " sweeps");
                }
                // Wilkinson shift: the eigenvalue of the leading 2x2 block closer to d[l].
                double g = (d[l + 1] - d[l]) / (2.0 * e[l]);
                double r = Math.hypot(g, 1.0);
                g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
                double s = 1.0;
                double c = 1.0;
                double p = 0.0;
                int i;
                boolean underflow = false;
                for (i = m - 1; i >= l; i--) {
                    double f = s * e[i];
                    double b = c * e[i];
                    r = Math.hypot(f, g);
                    e[i + 1] = r;
                    if (r == 0.0) {
                        // The bulge vanished: deflate and restart this eigenvalue.
                        d[i + 1] -= p;
                        e[m] = 0.0;
                        underflow = true;
                        break;
                    }
                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - p;
                    r = (d[i] - g) * s + 2.0 * c * b;
                    p = s * r;
                    d[i + 1] = g + p;
                    g = c * r - b;
                    if (z != null) {
                        rotateColumns(z, rows, i, s, c);
                    }
                }
                if (underflow) {
                    continue;
                }
                d[l] -= p;
                e[l] = g;
                e[m] = 0.0;
            }
        }
        sortAscending(n, d, z, rows);
    }

    /** Columns (i, i+1) of z become (c z_i - s z_{i+1}, s z_i + c z_{i+1}). */
    private static void rotateColumns(double[] z, int rows, int i, double s, double c) {
        int ci = i * rows;
        int cn = ci + rows;
        for (int k = 0; k < rows; k++) {
            double zi = z[ci + k];
            double zn = z[cn + k];
            z[cn + k] = s * zi + c * zn;
            z[ci + k] = c * zi - s * zn;
        }
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
                    int ci = i * rows;
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
