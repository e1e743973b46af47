package dev.lindblad.linalg;

/**
 * Small package-private dense kernels on interleaved column-major complex matrices, and the
 * argument checks shared by the public entry points. Kept here (not in the data layer) so that
 * the linear algebra has no dependency on it.
 */
final class Kernels {

    private Kernels() {
    }

    /** Throws unless {@code a} can hold an n×n interleaved complex matrix. */
    static void checkSquare(String name, int n, double[] a) {
        if (n < 0) {
            throw new IllegalArgumentException("dimension n must be >= 0, got " + n);
        }
        if (a == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        long expected = 2L * n * n;
        if (a.length != expected) {
            throw new IllegalArgumentException(name + " must have length 2*n*n = " + expected
                    + " for n = " + n + ", got " + a.length);
        }
    }

    /** Throws if any entry of {@code a} is NaN or infinite, naming the first such element. */
    static void checkFinite(String name, int n, double[] a) {
        for (int p = 0; p < a.length; p++) {
            if (!Double.isFinite(a[p])) {
                int element = p / 2;
                throw new IllegalArgumentException(name + " has a non-finite entry " + a[p]
                        + " at (" + (element % n) + ", " + (element / n) + ")"
                        + ((p & 1) == 0 ? " (real part)" : " (imaginary part)"));
            }
        }
    }

    /** The n×n identity, interleaved column-major. */
    static double[] identity(int n) {
        double[] id = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            id[2 * (i + i * n)] = 1.0;
        }
        return id;
    }

    /**
     * {@code c = a b} for n×n matrices; {@code c} must not alias {@code a} or {@code b}. The
     * j-k-i loop order streams contiguous columns of {@code a} and {@code c}.
     */
    static void multiply(int n, double[] a, double[] b, double[] c) {
        if (NativeDispatch.multiply(n, a, b, c)) {   // zgemm, when chosen
            return;
        }
        java.util.Arrays.fill(c, 0.0);
        for (int j = 0; j < n; j++) {
            int cj = 2 * j * n;
            for (int k = 0; k < n; k++) {
                double br = b[2 * (k + j * n)];
                double bi = b[2 * (k + j * n) + 1];
                if (br == 0.0 && bi == 0.0) {
                    continue;
                }
                int ak = 2 * k * n;
                for (int i = 0; i < 2 * n; i += 2) {
                    double ar = a[ak + i];
                    double ai = a[ak + i + 1];
                    c[cj + i] += ar * br - ai * bi;
                    c[cj + i + 1] += ar * bi + ai * br;
                }
            }
        }
    }

    /** Induced 1-norm: the largest column sum of moduli. */
    static double norm1(int n, double[] a) {
        double best = 0.0;
        for (int j = 0; j < n; j++) {
            double sum = 0.0;
            for (int i = 0; i < n; i++) {
                int p = 2 * (i + j * n);
                sum += Math.hypot(a[p], a[p + 1]);
            }
            best = Math.max(best, sum);
        }
        return best;
    }

    /** Largest modulus of an entry. */
    static double maxAbs(double[] a) {
        double best = 0.0;
        for (int p = 0; p < a.length; p += 2) {
            best = Math.max(best, Math.hypot(a[p], a[p + 1]));
        }
        return best;
    }

    /** Euclidean norm of the interleaved complex vector in {@code x[0..length)}. */
    static double norm2(double[] x, int length) {
        return norm2(x, 0, length);
    }

    /** Euclidean norm of the interleaved complex vector in {@code x[from..to)}, scaled so
     * that neither overflow nor underflow can occur. */
    static double norm2(double[] x, int from, int to) {
        double scale = 0.0;
        for (int p = from; p < to; p++) {
            scale = Math.max(scale, Math.abs(x[p]));
        }
        if (scale == 0.0) {
            return 0.0;
        }
        double sum = 0.0;
        double inv = 1.0 / scale;
        for (int p = from; p < to; p++) {
            double v = x[p] * inv;
            sum += v * v;
        }
        return scale * Math.sqrt(sum);
    }
}
