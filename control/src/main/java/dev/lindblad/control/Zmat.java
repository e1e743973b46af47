package dev.lindblad.control;

/**
 * Small dense complex matrix kernels on interleaved {@code (re, im)} column-major arrays, the
 * layout of core's dense matrices: element (i, j) of an r×c matrix is at {@code 2 (i + j r)}.
 * The optimiser's matrices are small (a gate's 4×4 to a two-qubit superoperator's 16×16) and
 * many, so these work on caller-owned arrays without checks or allocation; every output is
 * written in full (no accumulation into old contents) and never aliases an input.
 */
final class Zmat {

    private Zmat() {
    }

    /** {@code out = a b}, a r×k, b k×c, out r×c. */
    static void mul(int r, int k, int c, double[] a, double[] b, double[] out) {
        java.util.Arrays.fill(out, 0, 2 * r * c, 0.0);
        for (int j = 0; j < c; j++) {
            int oj = 2 * j * r;
            for (int p = 0; p < k; p++) {
                double br = b[2 * (p + j * k)];
                double bi = b[2 * (p + j * k) + 1];
                if (br == 0.0 && bi == 0.0) {
                    continue;
                }
                int ap = 2 * p * r;
                for (int i = 0; i < r; i++) {
                    double ar = a[ap + 2 * i];
                    double ai = a[ap + 2 * i + 1];
                    out[oj + 2 * i] += ar * br - ai * bi;
                    out[oj + 2 * i + 1] += ar * bi + ai * br;
                }
            }
        }
    }

    /** {@code out += a b}, all n×n. */
    static void mulAdd(int n, double[] a, double[] b, double[] out) {
        for (int j = 0; j < n; j++) {
            int oj = 2 * j * n;
            for (int p = 0; p < n; p++) {
                double br = b[2 * (p + j * n)];
                double bi = b[2 * (p + j * n) + 1];
                if (br == 0.0 && bi == 0.0) {
                    continue;
                }
                int ap = 2 * p * n;
                for (int i = 0; i < n; i++) {
                    double ar = a[ap + 2 * i];
                    double ai = a[ap + 2 * i + 1];
                    out[oj + 2 * i] += ar * br - ai * bi;
                    out[oj + 2 * i + 1] += ar * bi + ai * br;
                }
            }
        }
    }

    /** {@code out = a^† b}, a k×r, b k×c, out r×c (column dot products). */
    static void mulAdjA(int r, int k, int c, double[] a, double[] b, double[] out) {
        for (int j = 0; j < c; j++) {
            int bj = 2 * j * k;
            for (int i = 0; i < r; i++) {
                int ai = 2 * i * k;
                double sr = 0;
                double si = 0;
                for (int p = 0; p < k; p++) {
                    double xr = a[ai + 2 * p];
                    double xi = a[ai + 2 * p + 1];
                    double yr = b[bj + 2 * p];
                    double yi = b[bj + 2 * p + 1];
                    sr += xr * yr + xi * yi;
                    si += xr * yi - xi * yr;
                }
                out[2 * (i + j * r)] = sr;
                out[2 * (i + j * r) + 1] = si;
            }
        }
    }

    /** {@code out = a b^†}, a r×k, b c×k, out r×c. */
    static void mulAdjB(int r, int k, int c, double[] a, double[] b, double[] out) {
        java.util.Arrays.fill(out, 0, 2 * r * c, 0.0);
        for (int p = 0; p < k; p++) {
            int ap = 2 * p * r;
            for (int j = 0; j < c; j++) {
                double br = b[2 * (j + p * c)];
                double bi = -b[2 * (j + p * c) + 1];
                if (br == 0.0 && bi == 0.0) {
                    continue;
                }
                int oj = 2 * j * r;
                for (int i = 0; i < r; i++) {
                    double ar = a[ap + 2 * i];
                    double ai = a[ap + 2 * i + 1];
                    out[oj + 2 * i] += ar * br - ai * bi;
                    out[oj + 2 * i + 1] += ar * bi + ai * br;
                }
            }
        }
    }

    /** @return {@code tr(a b)} as {re, im}, a r×c, b c×r */
    static void traceOfProduct(int r, int c, double[] a, double[] b, double[] out2) {
        double sr = 0;
        double si = 0;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                double xr = a[2 * (i + j * r)];
                double xi = a[2 * (i + j * r) + 1];
                double yr = b[2 * (j + i * c)];
                double yi = b[2 * (j + i * c) + 1];
                sr += xr * yr - xi * yi;
                si += xr * yi + xi * yr;
            }
        }
        out2[0] = sr;
        out2[1] = si;
    }

    /** {@code out = a^†}, a r×c, out c×r. */
    static void adjoint(int r, int c, double[] a, double[] out) {
        for (int j = 0; j < c; j++) {
            for (int i = 0; i < r; i++) {
                out[2 * (j + i * c)] = a[2 * (i + j * r)];
                out[2 * (j + i * c) + 1] = -a[2 * (i + j * r) + 1];
            }
        }
    }

    /** @return the n×n identity, interleaved */
    static double[] identity(int n) {
        double[] e = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            e[2 * (i + i * n)] = 1.0;
        }
        return e;
    }

    /** @return the 1-norm {@code max_j Σ_i |a_ij|} of an n×n matrix */
    static double norm1(int n, double[] a) {
        double best = 0;
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += Math.hypot(a[2 * (i + j * n)], a[2 * (i + j * n) + 1]);
            }
            best = Math.max(best, s);
        }
        return best;
    }

    /**
     * In-place LU factorisation {@code P A = L U} of an n×n matrix with partial pivoting (the
     * largest modulus in the column); L unit lower, below the diagonal; U on and above it;
     * {@code piv[k]} the row swapped with row k at step k. A zero pivot leaves infinities or
     * NaN, which the caller's fidelity turns into +∞.
     */
    static void luFactor(int n, double[] a, int[] piv) {
        for (int k = 0; k < n; k++) {
            int p = k;
            double best = -1;
            for (int i = k; i < n; i++) {
                double m = Math.abs(a[2 * (i + k * n)]) + Math.abs(a[2 * (i + k * n) + 1]);
                if (m > best) {
                    best = m;
                    p = i;
                }
            }
            piv[k] = p;
            if (p != k) {
                for (int j = 0; j < n; j++) {
                    int x = 2 * (k + j * n);
                    int y = 2 * (p + j * n);
                    double tr = a[x];
                    double ti = a[x + 1];
                    a[x] = a[y];
                    a[x + 1] = a[y + 1];
                    a[y] = tr;
                    a[y + 1] = ti;
                }
            }
            double dr = a[2 * (k + k * n)];
            double di = a[2 * (k + k * n) + 1];
            double den = dr * dr + di * di;
            double ir = dr / den;
            double ii = -di / den;
            for (int i = k + 1; i < n; i++) {
                int x = 2 * (i + k * n);
                double xr = a[x];
                double xi = a[x + 1];
                a[x] = xr * ir - xi * ii;
                a[x + 1] = xr * ii + xi * ir;
            }
            for (int j = k + 1; j < n; j++) {
                double ur = a[2 * (k + j * n)];
                double ui = a[2 * (k + j * n) + 1];
                if (ur == 0.0 && ui == 0.0) {
                    continue;
                }
                for (int i = k + 1; i < n; i++) {
                    double lr = a[2 * (i + k * n)];
                    double li = a[2 * (i + k * n) + 1];
                    a[2 * (i + j * n)] -= lr * ur - li * ui;
                    a[2 * (i + j * n) + 1] -= lr * ui + li * ur;
                }
            }
        }
    }

    /** Solves {@code A X = B} in place in b (n×cols) from {@link #luFactor}'s lu and piv. */
    static void luSolve(int n, double[] lu, int[] piv, double[] b, int cols) {
        for (int c = 0; c < cols; c++) {
            int o = 2 * c * n;
            for (int k = 0; k < n; k++) {
                int p = piv[k];
                if (p != k) {
                    double tr = b[o + 2 * k];
                    double ti = b[o + 2 * k + 1];
                    b[o + 2 * k] = b[o + 2 * p];
                    b[o + 2 * k + 1] = b[o + 2 * p + 1];
                    b[o + 2 * p] = tr;
                    b[o + 2 * p + 1] = ti;
                }
            }
            for (int k = 0; k < n; k++) {
                double xr = b[o + 2 * k];
                double xi = b[o + 2 * k + 1];
                if (xr == 0.0 && xi == 0.0) {
                    continue;
                }
                for (int i = k + 1; i < n; i++) {
                    double lr = lu[2 * (i + k * n)];
                    double li = lu[2 * (i + k * n) + 1];
                    b[o + 2 * i] -= lr * xr - li * xi;
                    b[o + 2 * i + 1] -= lr * xi + li * xr;
                }
            }
            for (int k = n - 1; k >= 0; k--) {
                double dr = lu[2 * (k + k * n)];
                double di = lu[2 * (k + k * n) + 1];
                double den = dr * dr + di * di;
                double yr = b[o + 2 * k];
                double yi = b[o + 2 * k + 1];
                double xr = (yr * dr + yi * di) / den;
                double xi = (yi * dr - yr * di) / den;
                b[o + 2 * k] = xr;
                b[o + 2 * k + 1] = xi;
                if (xr == 0.0 && xi == 0.0) {
                    continue;
                }
                for (int i = 0; i < k; i++) {
                    double ur = lu[2 * (i + k * n)];
                    double ui = lu[2 * (i + k * n) + 1];
                    b[o + 2 * i] -= ur * xr - ui * xi;
                    b[o + 2 * i + 1] -= ur * xi + ui * xr;
                }
            }
        }
    }
}
