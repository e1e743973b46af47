package dev.lindblad.solver;

/**
 * Discrete Fourier transform of a complex sequence of any length (interleaved {@code (re, im)}):
 * {@code F_j = sum_k y_k exp(s 2 pi i j k / N)} with {@code s = -1} (forward, as numpy's
 * {@code fft}) or {@code s = +1} (the unnormalised inverse, {@code N ifft}). A power of two runs
 * the iterative radix-2 algorithm; another length runs Bluestein's chirp-z algorithm on top of it,
 * so every length costs O(N log N).
 */
final class Fft {
    private Fft() {
    }

    /** @return the transform of {@code y} (not modified), interleaved, same length */
    static double[] transform(double[] y, boolean inverse) {
        int n = y.length / 2;
        double sign = inverse ? 1 : -1;
        if (n <= 1) {
            return y.clone();
        }
        if (Integer.bitCount(n) == 1) {
            double[] out = y.clone();
            radix2(out, n, sign);
            return out;
        }
        return bluestein(y, n, sign);
    }

    /** In-place radix-2 transform of length n (a power of two). */
    private static void radix2(double[] a, int n, double sign) {
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double re = a[2 * i], im = a[2 * i + 1];
                a[2 * i] = a[2 * j];
                a[2 * i + 1] = a[2 * j + 1];
                a[2 * j] = re;
                a[2 * j + 1] = im;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            int half = len / 2;
            // twiddles from cos/sin of each index (not a running product), so rounding does not grow with n
            double[] w = new double[2 * half];
            for (int k = 0; k < half; k++) {
                double ang = sign * 2 * Math.PI * k / len;
                w[2 * k] = Math.cos(ang);
                w[2 * k + 1] = Math.sin(ang);
            }
            for (int start = 0; start < n; start += len) {
                for (int k = 0; k < half; k++) {
                    int p = 2 * (start + k), q = 2 * (start + k + half);
                    double wr = w[2 * k], wi = w[2 * k + 1];
                    double xr = a[q] * wr - a[q + 1] * wi, xi = a[q] * wi + a[q + 1] * wr;
                    a[q] = a[p] - xr;
                    a[q + 1] = a[p + 1] - xi;
                    a[p] += xr;
                    a[p + 1] += xi;
                }
            }
        }
    }

    /** Bluestein: {@code jk = (j² + k² - (j-k)²)/2} turns the transform into a convolution. */
    private static double[] bluestein(double[] y, int n, double sign) {
        int m = Integer.highestOneBit(2 * n - 1);
        if (m < 2 * n - 1) {
            m <<= 1;
        }
        double[] chirp = new double[2 * n];
        for (int k = 0; k < n; k++) {
            // k² mod 2n keeps the angle small and exact for large k
            long k2 = ((long) k * k) % (2L * n);
            double ang = sign * Math.PI * k2 / n;
            chirp[2 * k] = Math.cos(ang);
            chirp[2 * k + 1] = Math.sin(ang);
        }
        double[] a = new double[2 * m];
        double[] b = new double[2 * m];
        for (int k = 0; k < n; k++) {
            double yr = y[2 * k], yi = y[2 * k + 1], cr = chirp[2 * k], ci = chirp[2 * k + 1];
            a[2 * k] = yr * cr - yi * ci;
            a[2 * k + 1] = yr * ci + yi * cr;
        }
        b[0] = chirp[0];
        b[1] = -chirp[1];
        for (int k = 1; k < n; k++) {
            b[2 * k] = chirp[2 * k];
            b[2 * k + 1] = -chirp[2 * k + 1];
            b[2 * (m - k)] = chirp[2 * k];
            b[2 * (m - k) + 1] = -chirp[2 * k + 1];
        }
        radix2(a, m, -1);
        radix2(b, m, -1);
        for (int k = 0; k < m; k++) {
            double ar = a[2 * k], ai = a[2 * k + 1], br = b[2 * k], bi = b[2 * k + 1];
            a[2 * k] = ar * br - ai * bi;
            a[2 * k + 1] = ar * bi + ai * br;
        }
        radix2(a, m, 1);
        double[] out = new double[2 * n];
        for (int j = 0; j < n; j++) {
            double cr = a[2 * j] / m, ci = a[2 * j + 1] / m, wr = chirp[2 * j], wi = chirp[2 * j + 1];
            out[2 * j] = cr * wr - ci * wi;
            out[2 * j + 1] = cr * wi + ci * wr;
        }
        return out;
    }
}
