package dev.lindblad.data;

/** Text rendering of matrices, shortened for large ones. */
final class Format {
    private Format() {
    }

    static String toString(Matrix a) {
        StringBuilder sb = new StringBuilder();
        String kind = a instanceof DenseMatrix ? "Dense" : a instanceof DiaMatrix g ? "DIA(" + g.diagonals() + " diagonals)" : "CSR";
        sb.append(kind).append(' ').append(a.rows()).append('x').append(a.cols());
        if (!(a instanceof DenseMatrix)) {
            sb.append(", nnz=").append(a.nnz());
        }
        sb.append('\n');
        int mr = Math.min(a.rows(), 8), mc = Math.min(a.cols(), 8);
        for (int i = 0; i < mr; i++) {
            sb.append('[');
            for (int j = 0; j < mc; j++) {
                var z = a.get(i, j);
                sb.append(String.format(java.util.Locale.ROOT, "%s%.4g%+.4gj", j == 0 ? "" : "  ", z.re(), z.im()));
            }
            sb.append(a.cols() > mc ? "  ...]" : "]").append('\n');
        }
        if (a.rows() > mr) {
            sb.append("...\n");
        }
        return sb.toString();
    }
}
