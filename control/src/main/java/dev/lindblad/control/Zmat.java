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

    /** @return the largest absolute value of a real or imaginary part (a cheap size for scaling) */
    static double maxAbs(double[] a, int len) {
        double m = 0;
        for (int p = 0; p < len; p++) {
            m = Math.max(m, Math.abs(a[p]));
        }
        return m;
    }
}
