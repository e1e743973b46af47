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
}
