package dev.lindblad.linalg;

import dev.lindblad.parallel.Parallelism;
import java.util.Arrays;

/**
 * Eigen-decomposition {@code A = V Λ V^†} of a complex Hermitian n×n matrix, with real
 * eigenvalues Λ in ascending order and orthonormal eigenvectors as the columns of the unitary
 * V.
 *
 * <p>Method: the input is scaled by a power of two (exact) to a largest entry in [1, 2), so
 * that any finite input, 1e-300 or 1e300, is safe; a unitary Householder reduction
 * {@code Q^† A Q = T} to a real symmetric tridiagonal T (each reflector
 * {@code H = I - τ v v^†} is chosen, as in LAPACK's {@code zhetrd}, so that the sub-diagonal
 * it produces is already real: no extra diagonal phase is needed); then the eigenvalues of T
 * by implicit QL/QR ({@code SymmetricTridiagonal}: splitting relative to neighbouring diagonal
 * entries, per-block scaling, QL or QR by the grading, which converges on every input, low
 * rank, degenerate and graded included) and, when vectors are wanted, its eigenvectors Z by
 * divide and conquer ({@code TridiagonalDivideConquer}; QL/QR up to n = 32); finally the
 * back-transformation {@code V = Q Z}. Cost about {@code (16/3) n^3} real flops for the
 * reduction, {@code O(n^2)} for the eigenvalues, at most about {@code (4/3) n^3} for the
 * tridiagonal eigenvectors (less with deflation) and {@code 8 n^3} for the
 * back-transformation. Backward stable: the computed pair is exact for a matrix within a few
 * {@code n ε ||A||} of A, so eigenvalue errors are of order {@code ε ||A||} and the residual
 * {@code ||A V - V Λ||} is of order {@code ε ||A||} (tested: at most {@code 8 n ε ||A||_F},
 * with {@code ||V^† V - I||_F <= 8 n ε}). The merge products and the back-transformation
 * split over the kernel threads of {@link dev.lindblad.parallel.Parallelism} with the bits of
 * the serial run.
 *
 * <p>Only the lower triangle (including the real part of the diagonal) of the input is read;
 * the strictly upper triangle is assumed to be its conjugate transpose and is not checked.
 * Storage is interleaved column-major, see the {@linkplain dev.lindblad.linalg package}.
 */
public final class HermitianEigen {

    private HermitianEigen() {
    }

    /**
     * Eigenvalues and (optionally) eigenvectors of a Hermitian matrix.
     *
     * @param eigenvalues the n real eigenvalues {@code λ_0 <= λ_1 <= ... <= λ_{n-1}}
     * @param eigenvectors n×n unitary V, interleaved column-major, whose column k is the
     *                     normalised eigenvector of {@code λ_k} ({@code A v_k = λ_k v_k});
     *                     {@code null} when vectors were not requested. Within a degenerate
     *                     eigenspace any orthonormal basis may be returned; each vector's
     *                     overall phase is arbitrary.
     */
    public record Result(double[] eigenvalues, double[] eigenvectors) {

        /** @return the dimension n */
        public int dimension() {
            return eigenvalues.length;
        }

        /**
         * @param k index of the eigenvalue, {@code 0 <= k < n}
         * @return a copy of eigenvector k as an interleaved vector of length 2n
         * @throws IllegalStateException when the vectors were not computed
         */
        public double[] eigenvector(int k) {
            int n = eigenvalues.length;
            if (eigenvectors == null) {
                throw new IllegalStateException("eigenvectors were not requested");
            }
            if (k < 0 || k >= n) {
                throw new IllegalArgumentException("eigenvector index k must be in [0, " + n
                        + "), got " + k);
            }
            return Arrays.copyOfRange(eigenvectors, 2 * k * n, 2 * (k + 1) * n);
        }
    }

    /**
     * Decomposes a Hermitian matrix {@code A = V diag(λ) V^†}.
     *
     * @param n           dimension, {@code n >= 0}
     * @param a           the Hermitian matrix, interleaved column-major, length {@code 2 n n};
     *                    not modified; only its lower triangle is read
     * @param wantVectors whether to compute the eigenvectors (about 3x the cost)
     * @return eigenvalues ascending and, if requested, the eigenvectors
     * @throws IllegalArgumentException if the length of {@code a} is not {@code 2 n n} or an
     *                                  entry is NaN or infinite
     * @throws ArithmeticException      if an eigenvalue exceeds the largest double (possible
     *                                  only for entries near {@code Double.MAX_VALUE}), or
     *                                  if QL/QR exhausts its budget of 30n sweeps (never
     *                                  observed)
     */
    public static Result decompose(int n, double[] a, boolean wantVectors) {
        Kernels.checkSquare("matrix a", n, a);
        Kernels.checkFinite("matrix a", n, a);
        Result viaBackend = NativeDispatch.hermitian(n, a, wantVectors);   // LAPACK zheevd(_2stage), when chosen
        if (viaBackend != null) {
            return viaBackend;
        }
        double[] work = a.clone();
        // Scale by a power of two (exact) to a largest entry in [1, 2): no square formed on
        // the way can overflow or underflow, whatever the range of the input.
        double largest = 0.0;
        for (double x : work) {
            largest = Math.max(largest, Math.abs(x));
        }
        int scale = largest == 0.0 ? 0 : -Math.getExponent(largest);
        if (scale != 0) {
            for (int p = 0; p < work.length; p++) {
                work[p] = Math.scalb(work[p], scale);
            }
        }
        double[] d = new double[n];
        double[] e = new double[Math.max(n, 1)];
        double[] tau = new double[2 * Math.max(n - 1, 0)];
        tridiagonalize(n, work, d, e, tau);
        double[] vectors = null;
        if (!wantVectors) {
            SymmetricTridiagonal.diagonalize(n, d, e, null, n);
        } else {
            double[] z = new double[n * n];
            if (n > TridiagonalDivideConquer.LEAF) {
                TridiagonalDivideConquer.solve(n, d, e, z);
            } else {
                for (int i = 0; i < n; i++) {
                    z[i + i * n] = 1.0;
                }
                SymmetricTridiagonal.diagonalize(n, d, e, z, n);
            }
            vectors = backTransform(n, work, tau, z);
        }
        for (int k = 0; k < n; k++) {
            d[k] = Math.scalb(d[k], -scale);
            if (Double.isInfinite(d[k])) {
                throw new ArithmeticException("an eigenvalue of matrix a exceeds the largest double"
                        + " (" + Double.MAX_VALUE + "): the matrix is too large to diagonalise"
                        + " (largest entry " + largest + ")");
            }
        }
        return new Result(d, vectors);
    }

    /**
     * The eigenvalues of a Hermitian matrix in ascending order; same as
     * {@code decompose(n, a, false).eigenvalues()}.
     *
     * @param n dimension
     * @param a the Hermitian matrix, interleaved column-major, lower triangle read
     * @return the n eigenvalues ascending
     */
    public static double[] eigenvalues(int n, double[] a) {
        return decompose(n, a, false).eigenvalues();
    }

    /**
     * Householder reduction {@code Q^† A Q = T} in place on the lower triangle of {@code w}.
     * On return {@code d} and {@code e[0..n-2]} hold T, column k of {@code w} below the
     * diagonal holds the reflector vector v_k (with {@code v_k[k+1] = 1}) and
     * {@code tau[2k], tau[2k+1]} its complex τ_k, so that {@code Q = H_0 H_1 ... H_{n-2}}.
     */
    /** Columns below this (after scaling the matrix to a largest entry in [1, 2)) are not reflected. */
    private static final double NEGLIGIBLE = 0x1p-960;

    private static void tridiagonalize(int n, double[] w, double[] d, double[] e, double[] tau) {
        double[] v = new double[2 * n];
        double[] x = new double[2 * n];
        for (int k = 0; k < n - 1; k++) {
            int s = k + 1;
            int col = 2 * k * n;
            double alphaRe = w[col + 2 * s];
            double alphaIm = w[col + 2 * s + 1];
            double tailNorm = Kernels.norm2(w, col + 2 * (s + 1), col + 2 * n);
            d[k] = w[col + 2 * k];
            if (tailNorm <= NEGLIGIBLE && Math.abs(alphaIm) <= NEGLIGIBLE) {
                // Already real and reduced (to below 2^-960 of the largest entry, which the
                // scaling made 1..2): H = I. A column of that size is rounding noise (the
                // trailing columns of a low-rank matrix shrink like 1e-16, 1e-31, 1e-62, ...),
                // and reflecting it would take 1/|alpha - beta| of a subnormal number: infinity.
                e[k] = alphaRe;
                tau[2 * k] = 0.0;
                tau[2 * k + 1] = 0.0;
                continue;
            }
            // LAPACK zlarfg convention: H^† (alpha, x)^T = (beta, 0)^T with beta real.
            double beta = -Math.copySign(Math.hypot(Math.hypot(alphaRe, alphaIm), tailNorm), alphaRe);
            double tauRe = (beta - alphaRe) / beta;
            double tauIm = -alphaIm / beta;
            // v = x / (alpha - beta); |alpha - beta| >= |beta| since they have opposite signs.
            // 1 / (alpha - beta) by Smith's method: |alpha - beta|^2 would underflow to zero
            // (and the scale to infinity, NaN after) when the column is rounding noise of
            // size ~1e-160, as in the trailing columns of a low-rank matrix.
            double denRe = alphaRe - beta;
            double denIm = alphaIm;
            double scaleRe;
            double scaleIm;
            if (Math.abs(denRe) >= Math.abs(denIm)) {
                double r = denIm / denRe;
                double t = 1.0 / (denRe + denIm * r);
                scaleRe = t;
                scaleIm = -r * t;
            } else {
                double r = denRe / denIm;
                double t = 1.0 / (denRe * r + denIm);
                scaleRe = r * t;
                scaleIm = -t;
            }
            for (int i = s + 1; i < n; i++) {
                int p = col + 2 * i;
                double xr = w[p];
                double xi = w[p + 1];
                w[p] = xr * scaleRe - xi * scaleIm;
                w[p + 1] = xr * scaleIm + xi * scaleRe;
            }
            w[col + 2 * s] = 1.0;
            w[col + 2 * s + 1] = 0.0;
            e[k] = beta;
            tau[2 * k] = tauRe;
            tau[2 * k + 1] = tauIm;
            System.arraycopy(w, col + 2 * s, v, 2 * s, 2 * (n - s));

            hermitianLowerTimes(n, s, w, v, x);
            // x := tau * (A2 v)
            for (int i = s; i < n; i++) {
                double pr = x[2 * i];
                double pi = x[2 * i + 1];
                x[2 * i] = tauRe * pr - tauIm * pi;
                x[2 * i + 1] = tauRe * pi + tauIm * pr;
            }
            // alpha = -1/2 tau (x^† v); then x := x + alpha v, so that
            // H^† A2 H = A2 - v x^† - x v^†.
            double dotRe = 0.0;
            double dotIm = 0.0;
            for (int i = s; i < n; i++) {
                double xr = x[2 * i];
                double xi = x[2 * i + 1];
                double vr = v[2 * i];
                double vi = v[2 * i + 1];
                dotRe += xr * vr + xi * vi;
                dotIm += xr * vi - xi * vr;
            }
            double corrRe = -0.5 * (tauRe * dotRe - tauIm * dotIm);
            double corrIm = -0.5 * (tauRe * dotIm + tauIm * dotRe);
            for (int i = s; i < n; i++) {
                double vr = v[2 * i];
                double vi = v[2 * i + 1];
                x[2 * i] += corrRe * vr - corrIm * vi;
                x[2 * i + 1] += corrRe * vi + corrIm * vr;
            }
            hermitianLowerRank2Update(n, s, w, v, x);
        }
        if (n > 0) {
            d[n - 1] = w[2 * ((n - 1) + (n - 1) * n)];
        }
    }

    /**
     * {@code y[s..n-1] = A2 v} for the Hermitian trailing block A2 = A[s.., s..] stored in the
     * lower triangle: one pass per column serves both the column and, by conjugation, the row.
     */
    private static void hermitianLowerTimes(int n, int s, double[] w, double[] v, double[] y) {
        Arrays.fill(y, 2 * s, 2 * n, 0.0);
        for (int j = s; j < n; j++) {
            int cj = 2 * j * n;
            double vjr = v[2 * j];
            double vji = v[2 * j + 1];
            double diag = w[cj + 2 * j];
            double sumRe = diag * vjr;
            double sumIm = diag * vji;
            for (int i = j + 1; i < n; i++) {
                double ar = w[cj + 2 * i];
                double ai = w[cj + 2 * i + 1];
                double vir = v[2 * i];
                double vii = v[2 * i + 1];
                y[2 * i] += ar * vjr - ai * vji;
                y[2 * i + 1] += ar * vji + ai * vjr;
                sumRe += ar * vir + ai * vii;
                sumIm += ar * vii - ai * vir;
            }
            y[2 * j] += sumRe;
            y[2 * j + 1] += sumIm;
        }
    }

    /** Lower triangle of A2 -= v x^† + x v^†; the diagonal stays exactly real. */
    private static void hermitianLowerRank2Update(int n, int s, double[] w, double[] v, double[] x) {
        for (int j = s; j < n; j++) {
            int cj = 2 * j * n;
            double vjr = v[2 * j];
            double vji = -v[2 * j + 1];
            double xjr = x[2 * j];
            double xji = -x[2 * j + 1];
            for (int i = j; i < n; i++) {
                double vir = v[2 * i];
                double vii = v[2 * i + 1];
                double xir = x[2 * i];
                double xii = x[2 * i + 1];
                w[cj + 2 * i] -= vir * xjr - vii * xji + xir * vjr - xii * vji;
                w[cj + 2 * i + 1] -= vir * xji + vii * xjr + xir * vji + xii * vjr;
            }
            w[cj + 2 * j + 1] = 0.0;
        }
    }

    /** Columns of V transformed together: the block stays in cache while a reflector streams. */
    private static final int BACK_TRANSFORM_BLOCK = 8;

    /**
     * {@code V = H_0 H_1 ... H_{n-2} Z}, applying the reflectors from the last one to blocks of
     * columns. Each column gets the same arithmetic in the same order whatever its block or
     * thread, so a split run has the serial bits.
     */
    private static double[] backTransform(int n, double[] w, double[] tau, double[] z) {
        double[] vectors = new double[2 * n * n];
        for (int p = 0; p < n * n; p++) {
            vectors[2 * p] = z[p];
        }
        int blocks = (n + BACK_TRANSFORM_BLOCK - 1) / BACK_TRANSFORM_BLOCK;
        // About n^3 / 2 complex multiply-adds, the unit of the threshold.
        int chunks = Math.min(blocks, Parallelism.chunksFor((long) n * n * n / 2));
        Parallelism.forEachChunk(chunks, chunk -> {
            int from = (int) ((long) blocks * chunk / chunks);
            int to = (int) ((long) blocks * (chunk + 1) / chunks);
            for (int b = from; b < to; b++) {
                int first = b * BACK_TRANSFORM_BLOCK;
                applyReflectors(n, w, tau, vectors, first, Math.min(n, first + BACK_TRANSFORM_BLOCK));
            }
        });
        return vectors;
    }

    /**
     * Columns {@code [from, to)} of {@code vectors} := {@code H_0 ... H_{n-2}} times them, each
     * reflector {@code H = I - τ v v^†} applied as {@code x -= v (τ (v^† x))}. Two columns at a
     * time share the loads of v and run two independent sums (the sums of one column are
     * those of the one-column loop, term for term).
     */
    private static void applyReflectors(int n, double[] w, double[] tau, double[] vectors, int from,
            int to) {
        for (int k = n - 2; k >= 0; k--) {
            double tauRe = tau[2 * k];
            double tauIm = tau[2 * k + 1];
            if (tauRe == 0.0 && tauIm == 0.0) {
                continue;
            }
            int s = k + 1;
            int col = 2 * k * n;
            int j = from;
            for (; j + 1 < to; j += 2) {
                int c0 = 2 * j * n;
                int c1 = c0 + 2 * n;
                double d0r = 0.0;
                double d0i = 0.0;
                double d1r = 0.0;
                double d1i = 0.0;
                for (int i = s; i < n; i++) {
                    double vr = w[col + 2 * i];
                    double vi = w[col + 2 * i + 1];
                    double x0r = vectors[c0 + 2 * i];
                    double x0i = vectors[c0 + 2 * i + 1];
                    double x1r = vectors[c1 + 2 * i];
                    double x1i = vectors[c1 + 2 * i + 1];
                    d0r += vr * x0r + vi * x0i;
                    d0i += vr * x0i - vi * x0r;
                    d1r += vr * x1r + vi * x1i;
                    d1i += vr * x1i - vi * x1r;
                }
                double f0r = tauRe * d0r - tauIm * d0i;
                double f0i = tauRe * d0i + tauIm * d0r;
                double f1r = tauRe * d1r - tauIm * d1i;
                double f1i = tauRe * d1i + tauIm * d1r;
                for (int i = s; i < n; i++) {
                    double vr = w[col + 2 * i];
                    double vi = w[col + 2 * i + 1];
                    vectors[c0 + 2 * i] -= vr * f0r - vi * f0i;
                    vectors[c0 + 2 * i + 1] -= vr * f0i + vi * f0r;
                    vectors[c1 + 2 * i] -= vr * f1r - vi * f1i;
                    vectors[c1 + 2 * i + 1] -= vr * f1i + vi * f1r;
                }
            }
            if (j < to) {
                int c0 = 2 * j * n;
                double d0r = 0.0;
                double d0i = 0.0;
                for (int i = s; i < n; i++) {
                    double vr = w[col + 2 * i];
                    double vi = w[col + 2 * i + 1];
                    double x0r = vectors[c0 + 2 * i];
                    double x0i = vectors[c0 + 2 * i + 1];
                    d0r += vr * x0r + vi * x0i;
                    d0i += vr * x0i - vi * x0r;
                }
                double f0r = tauRe * d0r - tauIm * d0i;
                double f0i = tauRe * d0i + tauIm * d0r;
                for (int i = s; i < n; i++) {
                    double vr = w[col + 2 * i];
                    double vi = w[col + 2 * i + 1];
                    vectors[c0 + 2 * i] -= vr * f0r - vi * f0i;
                    vectors[c0 + 2 * i + 1] -= vr * f0i + vi * f0r;
                }
            }
        }
    }
}
