package dev.lindblad.linalg;

/**
 * A linear map {@code y = A x} on complex vectors of dimension n, given by its action only,
 * so that sparse, matrix-free or distributed operators can feed the Krylov methods.
 *
 * <p>Vectors are interleaved {@code (re, im)} arrays of length {@code 2n}. An implementation
 * overwrites every entry of {@code y}, must not modify {@code x}, and may assume that
 * {@code x} and {@code y} are distinct arrays.
 */
@FunctionalInterface
public interface LinearOperator {

    /**
     * Sets {@code y = A x}.
     *
     * @param x input vector, length 2n, not modified
     * @param y output vector, length 2n, overwritten
     */
    void apply(double[] x, double[] y);

    /**
     * The operator of a dense n×n matrix.
     *
     * @param n dimension
     * @param a the matrix, interleaved column-major, length {@code 2 n n}; captured, not
     *          copied, so later changes to it show through
     * @return {@code x -> A x}
     * @throws IllegalArgumentException if the length of {@code a} is not {@code 2 n n}
     */
    static LinearOperator dense(int n, double[] a) {
        Kernels.checkSquare("matrix a", n, a);
        return (x, y) -> {
            java.util.Arrays.fill(y, 0, 2 * n, 0.0);
            for (int j = 0; j < n; j++) {
                double xr = x[2 * j];
                double xi = x[2 * j + 1];
                if (xr == 0.0 && xi == 0.0) {
                    continue;
                }
                int cj = 2 * j * n;
                for (int i = 0; i < 2 * n; i += 2) {
                    double ar = a[cj + i];
                    double ai = a[cj + i + 1];
                    y[i] += ar * xr - ai * xi;
                    y[i + 1] += ar * xi + ai * xr;
                }
            }
        };
    }
}
