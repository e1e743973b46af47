package dev.lindblad;

import dev.lindblad.data.Data;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.data.Matrix;
import dev.lindblad.linalg.Expm;
import dev.lindblad.linalg.HermitianEigen;
import dev.lindblad.linalg.LuDecomposition;
import dev.lindblad.linalg.MatrixFunctions;
import dev.lindblad.linalg.Sqrtm;

/** The bridge from quantum objects to the dense linear algebra of {@code dev.lindblad.linalg}. */
final class Linalg {
    private Linalg() {
    }

    /** Eigenvalues ascending and eigenvectors as columns (interleaved column-major). */
    record Eigensystem(double[] values, double[] vectors) {
    }

    static double[] eigenvalues(Matrix a) {
        return HermitianEigen.eigenvalues(a.rows(), a.toDense().array());
    }

    static Eigensystem eigh(Matrix a) {
        HermitianEigen.Result r = HermitianEigen.decompose(a.rows(), a.toDense().array(), true);
        return new Eigensystem(r.eigenvalues(), r.eigenvectors());
    }

    /** {@code e^A} by scaling and squaring with Padé approximants, see {@link Expm}. */
    static DenseMatrix expm(Matrix a) {
        return DenseMatrix.wrap(a.rows(), a.cols(), Expm.expm(a.rows(), a.toDense().array()));
    }

    /** The positive semidefinite square root of a Hermitian PSD matrix, see {@link Sqrtm}. */
    static DenseMatrix sqrtm(Matrix a) {
        return DenseMatrix.wrap(a.rows(), a.cols(), Sqrtm.sqrtm(a.rows(), a.toDense().array()));
    }

    /**
     * The principal square root of any square matrix: the PSD root ({@link Sqrtm}) of a
     * Hermitian matrix without eigenvalues clearly below zero, {@code V sqrt(Λ) V^†} with
     * {@code sqrt(-x) = i sqrt(x)} of other Hermitian matrices, the Schur-form root
     * ({@link MatrixFunctions#sqrtm}) otherwise.
     */
    static DenseMatrix sqrtmGeneral(Matrix a, boolean hermitian) {
        int n = a.rows();
        double[] d = a.toDense().array();
        if (hermitian) {
            double[] ev = HermitianEigen.eigenvalues(n, d);
            double spectral = n == 0 ? 0 : Math.max(Math.abs(ev[0]), Math.abs(ev[n - 1]));
            if (n == 0 || ev[0] >= -Math.max(1e-12, 10.0 * n * Math.ulp(1.0)) * spectral) {
                return DenseMatrix.wrap(n, n, Sqrtm.sqrtm(n, d));
            }
            return DenseMatrix.wrap(n, n, MatrixFunctions.hermitian(n, d,
                    x -> x >= 0 ? Complex.of(Math.sqrt(x)) : Complex.of(0, Math.sqrt(-x))));
        }
        return DenseMatrix.wrap(n, n, MatrixFunctions.sqrtm(n, d));
    }

    /** The principal logarithm; Hermitian matrices through their eigen-decomposition. */
    static DenseMatrix logm(Matrix a, boolean hermitian) {
        int n = a.rows();
        double[] d = a.toDense().array();
        if (hermitian) {
            double scale = n == 0 ? 0 : dev.lindblad.data.Data.maxAbs(a);
            return DenseMatrix.wrap(n, n, MatrixFunctions.hermitian(n, d, x -> {
                if (Math.abs(x) <= Math.max(n, 1) * Math.ulp(1.0) * scale) {
                    throw new ArithmeticException("logm: the operator is singular (eigenvalue " + x
                            + "); its logarithm does not exist");
                }
                return x > 0 ? Complex.of(Math.log(x)) : Complex.of(Math.log(-x), Math.PI);
            }));
        }
        return DenseMatrix.wrap(n, n, MatrixFunctions.logm(n, d));
    }

    /** {@code A^{-1}} by LU with partial pivoting; throws {@link ArithmeticException} when singular. */
    static DenseMatrix inverse(Matrix a) {
        int n = a.rows();
        LuDecomposition lu = LuDecomposition.factor(n, a.toDense().array());
        return DenseMatrix.wrap(n, n, lu.inverse());
    }

    /**
     * A factor of a Hermitian positive semidefinite matrix, {@code A = W W^†} with
     * {@code W = V_r Λ_r^{1/2}} (n×r, interleaved column-major) over the eigenvalues above
     * {@link Sqrtm#roundingThreshold}: the ones at or below it (rounding of exact zeros, and
     * negative ones) are dropped, so a rank-deficient A gets an exactly rank-deficient factor.
     */
    record PsdFactor(int rows, int rank, double[] w) {
        Matrix matrix() {
            return DenseMatrix.wrap(rows, rank, w);
        }
    }

    static PsdFactor psdFactor(Matrix hermitian) {
        int n = hermitian.rows();
        if (n == 0) {
            return new PsdFactor(0, 0, new double[0]);
        }
        Eigensystem es = eigh(hermitian);
        double[] lam = es.values();
        double[] v = es.vectors();
        double zero = Sqrtm.roundingThreshold(n, lam[n - 1]);
        int first = n;
        while (first > 0 && lam[first - 1] > zero) {
            first--;
        }
        int rank = n - first;
        double[] w = new double[2 * n * rank];
        for (int c = 0; c < rank; c++) {
            double s = Math.sqrt(lam[first + c]);
            int from = 2 * (first + c) * n;
            for (int p = 0; p < 2 * n; p++) {
                w[2 * c * n + p] = s * v[from + p];
            }
        }
        return new PsdFactor(n, rank, w);
    }

    /**
     * The singular values, descending, of the rows×cols matrix m (interleaved column-major):
     * the {@code min(rows, cols)} largest eigenvalues of the Hermitian Jordan–Wielandt matrix
     * {@code [[0, M], [M^†, 0]]}, whose spectrum is {@code ±σ_i} and {@code |rows - cols|}
     * zeros. Each comes with an absolute error of order {@code ε ||M||}, small ones included,
     * where the eigenvalues of {@code M^† M} would give {@code sqrt(ε) ||M||}.
     */
    static double[] singularValues(int rows, int cols, double[] m) {
        int s = rows + cols;
        double[] h = new double[2 * s * s];
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                double re = m[2 * (i + j * rows)];
                double im = m[2 * (i + j * rows) + 1];
                // H(i, rows + j) = M(i, j); H(rows + j, i) = conj(M(i, j))
                h[2 * (i + (rows + j) * s)] = re;
                h[2 * (i + (rows + j) * s) + 1] = im;
                h[2 * ((rows + j) + i * s)] = re;
                h[2 * ((rows + j) + i * s) + 1] = -im;
            }
        }
        double[] lam = HermitianEigen.eigenvalues(s, h);
        int k = Math.min(rows, cols);
        double[] sigma = new double[k];
        for (int t = 0; t < k; t++) {
            sigma[t] = Math.max(lam[s - 1 - t], 0.0);
        }
        return sigma;
    }

    /**
     * The nuclear norm (sum of singular values) {@code ||W_a^† W_b||_*} of the product of two
     * factors, which is {@code tr sqrt(sqrt(A) B sqrt(A))}. A rank-one side makes it a vector
     * norm; when the ranks leave the Jordan–Wielandt matrix no larger than the dimension, the
     * singular values come from it (exact to rounding, small ones included); otherwise (both
     * factors of nearly full rank) from the eigenvalues of the smaller Gram matrix, with those
     * at rounding level taken as zero.
     */
    static double nuclearNormOfProduct(PsdFactor a, PsdFactor b) {
        int ra = a.rank();
        int rb = b.rank();
        if (ra == 0 || rb == 0) {
            return 0.0;
        }
        Matrix product = Data.matmul(Data.adjoint(a.matrix()), b.matrix());
        if (Math.min(ra, rb) == 1) {
            return Data.frobeniusNorm(product);
        }
        if (ra + rb <= a.rows()) {
            double sum = 0.0;
            for (double sigma : singularValues(ra, rb, product.toDense().array())) {
                sum += sigma;
            }
            return sum;
        }
        Matrix gram = rb <= ra ? Data.matmul(Data.adjoint(product), product)
                : Data.matmul(product, Data.adjoint(product));
        double[] lam = eigenvalues(gram);
        double zero = Sqrtm.roundingThreshold(lam.length, lam[lam.length - 1]);
        double sum = 0.0;
        for (double l : lam) {
            if (l > zero) {
                sum += Math.sqrt(l);
            }
        }
        return sum;
    }
}
