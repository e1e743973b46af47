package dev.lindblad;

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
}
