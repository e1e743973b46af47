package dev.lindblad;

import dev.lindblad.data.DenseMatrix;
import dev.lindblad.data.Matrix;
import dev.lindblad.linalg.HermitianEigen;

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

    static DenseMatrix expm(Matrix a) {
        throw new IllegalStateException("expm arrives with the linalg branch");
    }

    static DenseMatrix sqrtm(Matrix a) {
        throw new IllegalStateException("sqrtm arrives with the linalg branch");
    }
}
