package dev.lindblad.linalg;

/** Level-1 kernels on interleaved complex vectors for the iterative solvers. */
final class ComplexVectors {

    private ComplexVectors() {
    }

    static double norm(double[] x) {
        // Scaled sum of squares would guard against overflow; residuals here are far from it.
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    /** Real part of {@code <x, y> = sum conj(x_i) y_i}. */
    static double dotRe(double[] x, double[] y) {
        double re = 0;
        for (int p = 0; p < x.length; p += 2) {
            re += x[p] * y[p] + x[p + 1] * y[p + 1];
        }
        return re;
    }

    /** Imaginary part of {@code <x, y> = sum conj(x_i) y_i}. */
    static double dotIm(double[] x, double[] y) {
        double im = 0;
        for (int p = 0; p < x.length; p += 2) {
            im += x[p] * y[p + 1] - x[p + 1] * y[p];
        }
        return im;
    }

    /** {@code y += (ar + i ai) x}. */
    static void axpy(double ar, double ai, double[] x, double[] y) {
        for (int p = 0; p < x.length; p += 2) {
            double xr = x[p];
            double xi = x[p + 1];
            y[p] += ar * xr - ai * xi;
            y[p + 1] += ar * xi + ai * xr;
        }
    }

    /** {@code r = b - A x}, using {@code r} as the product buffer. */
    static void residual(ComplexLinearMap a, double[] b, double[] x, double[] r) {
        a.apply(x, r);
        for (int p = 0; p < r.length; p++) {
            r[p] = b[p] - r[p];
        }
    }

    static void checkSystem(ComplexLinearMap a, double[] b, double[] initialGuess, double tolerance,
            int maxIterations) {
        if (a == null) {
            throw new IllegalArgumentException("operator must not be null");
        }
        if (b == null || b.length % 2 != 0) {
            throw new IllegalArgumentException("b must be an interleaved complex vector of even length, got "
                    + (b == null ? "null" : "length " + b.length));
        }
        if (initialGuess != null && initialGuess.length != b.length) {
            throw new IllegalArgumentException("initialGuess has length " + initialGuess.length
                    + " but b has length " + b.length);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("maxIterations must be >= 0, got " + maxIterations);
        }
    }

    static IterativeResult result(ComplexLinearMap a, double[] b, double[] x, int iterations,
            double bNorm, double tolerance) {
        double[] r = new double[b.length];
        residual(a, b, x, r);
        double residualNorm = norm(r);
        double relative = bNorm == 0 ? residualNorm : residualNorm / bNorm;
        return new IterativeResult(x, iterations, residualNorm, relative, relative <= tolerance);
    }
}
