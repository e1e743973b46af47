package dev.lindblad.data;

/** A {@link LinearMap} that is a {@link Matrix} in one of the ordinary formats. */
record MatrixMap(Matrix matrix) implements LinearMap {

    @Override
    public int rows() {
        return matrix.rows();
    }

    @Override
    public int cols() {
        return matrix.cols();
    }

    @Override
    public long work() {
        return matrix instanceof DiaMatrix g ? 4L * g.diagonals() * g.rows : 4 * matrix.nnz();
    }

    @Override
    public String storage() {
        return switch (matrix) {
            case CsrMatrix s -> "csr";
            case DenseMatrix d -> "dense";
            case DiaMatrix g -> "dia";
        };
    }

    @Override
    public long storedBytes() {
        return switch (matrix) {
            case CsrMatrix s -> 20 * s.nnz() + 4L * (s.rows + 1);
            case DenseMatrix d -> 16L * d.rows() * d.cols();
            case DiaMatrix g -> 16L * g.diagonals() * g.rows + 4L * g.diagonals();
        };
    }
}
