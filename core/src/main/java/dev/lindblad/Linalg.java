package dev.lindblad;

import dev.lindblad.data.DenseMatrix;
import dev.lindblad.data.Matrix;
import dev.lindblad.linalg.Expm;
import dev.lindblad.linalg.HermitianEigen;
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
}
