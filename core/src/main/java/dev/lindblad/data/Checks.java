package dev.lindblad.data;

/** Argument checks shared by the formats and kernels; messages name the values. */
final class Checks {
    private Checks() {
    }

    static void shape(int rows, int cols) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("matrix shape must be positive, got " + rows + "x" + cols);
        }
        if ((long) rows * cols > Integer.MAX_VALUE / 2 && rows > 1 && cols > 1) {
            // dense storage would overflow a Java array; sparse formats check nnz separately
            return;
        }
    }

    static void index(int i, int j, int rows, int cols) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("index (" + i + ", " + j + ") outside a " + rows + "x" + cols + " matrix");
        }
    }

    static void sameShape(String op, Matrix a, Matrix b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException(op + ": shapes differ, " + a.rows() + "x" + a.cols() + " and "
                    + b.rows() + "x" + b.cols());
        }
    }

    static void square(String op, Matrix a) {
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException(op + " needs a square matrix, got " + a.rows() + "x" + a.cols());
        }
    }

    static long denseDoubles(int rows, int cols) {
        long n = 2L * rows * cols;
        if (n > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("a dense " + rows + "x" + cols + " complex matrix needs " + n * 8 / (1 << 20)
                    + " MiB, more than one Java array holds");
        }
        return n;
    }
}
