package dev.lindblad;

import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.data.DiaMatrix;
import dev.lindblad.data.Matrix;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * {@link Qobj#toString()}: QuTiP 5's display. A header
 * {@code Quantum object: dims=[[2], [2]], shape=(2, 2), type='oper', dtype=Dense, isherm=True},
 * then the entries as numpy prints an array: real numbers when every imaginary part is zero,
 * one common layout for all entries (fixed point with at most 8 decimals, aligned on the point,
 * or scientific notation when the magnitudes span more than 10^3, exceed 10^8 or fall below
 * 10^-4), and a matrix larger than {@value #FULL}×{@value #FULL} shortened to its first and last
 * {@value #EDGE} rows and columns, with "..." where entries are left out and a note saying so.
 */
final class QobjFormat {

    /** Rows (columns) shown in full up to this many; more are shortened to the edges. */
    static final int FULL = 12;
    /** Rows (columns) kept at each edge of a shortened matrix, as numpy's edgeitems. */
    static final int EDGE = 3;
    private static final int PRECISION = 8;

    private QobjFormat() {
    }

    static String header(Qobj q) {
        Matrix m = q.data();
        StringBuilder sb = new StringBuilder("Quantum object: dims=").append(q.dims())
                .append(", shape=(").append(m.rows()).append(", ").append(m.cols()).append(')')
                .append(", type='").append(q.type().name().toLowerCase(Locale.ROOT).replace('_', '-')).append('\'')
                .append(", dtype=").append(switch (m) {
                    case DenseMatrix d -> "Dense";
                    case CsrMatrix c -> "CSR";
                    case DiaMatrix d -> "Dia";
                });
        if (q.isOper() || q.isSuper()) {
            sb.append(", isherm=").append(q.isHerm() ? "True" : "False");
        }
        return sb.toString();
    }

    /** The indices shown along a side of length n; -1 marks the "..." gap. */
    private static int[] shown(int n) {
        if (n <= FULL) {
            int[] a = new int[n];
            for (int i = 0; i < n; i++) {
                a[i] = i;
            }
            return a;
        }
        int[] a = new int[2 * EDGE + 1];
        for (int i = 0; i < EDGE; i++) {
            a[i] = i;
            a[EDGE + 1 + i] = n - EDGE + i;
        }
        a[EDGE] = -1;
        return a;
    }

    static String format(Qobj q) {
        Matrix m = q.data();
        int[] rows = shown(m.rows()), cols = shown(m.cols());
        double[][] re = new double[rows.length][cols.length];
        double[][] im = new double[rows.length][cols.length];
        boolean complex = false;
        for (int a = 0; a < rows.length; a++) {
            for (int b = 0; b < cols.length; b++) {
                if (rows[a] >= 0 && cols[b] >= 0) {
                    Complex z = m.get(rows[a], cols[b]);
                    re[a][b] = z.re();
                    im[a][b] = z.im();
                    complex |= z.im() != 0;
                }
            }
        }
        if (!complex && (rows.length < m.rows() || cols.length < m.cols())) {
            complex = hasImaginary(m);   // numpy decides real or complex on the whole array
        }
        Column reCol = new Column(re, rows, cols, false);
        Column imCol = complex ? new Column(im, rows, cols, true) : null;
        StringBuilder sb = new StringBuilder(header(q)).append("\nQobj data =\n");
        for (int a = 0; a < rows.length; a++) {
            sb.append(a == 0 ? "[[" : " [");
            if (rows[a] < 0) {
                sb.setLength(sb.length() - 1);
                sb.append("...\n");
                continue;
            }
            for (int b = 0; b < cols.length; b++) {
                if (b > 0) {
                    sb.append(' ');
                }
                if (cols[b] < 0) {
                    sb.append("...");
                    continue;
                }
                sb.append(reCol.text(re[a][b]));
                if (imCol != null) {
                    sb.append(imCol.text(im[a][b])).append('j');
                    sb.append(" ".repeat(imCol.width - imCol.text(im[a][b]).length()));
                }
            }
            sb.append(a == rows.length - 1 ? "]]" : "]").append('\n');
        }
        if (rows.length < m.rows() || cols.length < m.cols()) {
            sb.append("(shortened: ").append(rows.length < m.rows() ? EDGE + "+" + EDGE + " of " + m.rows() + " rows" : "all rows")
                    .append(", ").append(cols.length < m.cols() ? EDGE + "+" + EDGE + " of " + m.cols() + " columns" : "all columns")
                    .append(" shown; get(i, j) or data() give every entry)\n");
        }
        return sb.toString();
    }

    private static boolean hasImaginary(Matrix m) {
        double[] v = switch (m) {
            case DenseMatrix d -> d.array();
            case CsrMatrix c -> c.valueArray();
            case DiaMatrix d -> d.valueArray();
        };
        for (int i = 1; i < v.length; i += 2) {
            if (v[i] != 0) {
                return true;
            }
        }
        return false;
    }

    /** One layout for a set of numbers (all real parts, or all imaginary parts), as numpy chooses it. */
    private static final class Column {
        final boolean sign;        // imaginary parts always carry their sign
        final boolean scientific;
        final int digits;          // decimals (fixed) or mantissa decimals (scientific)
        final int intWidth;        // width of the part before the point, fixed layout
        final int width;           // width of every number, padded on the right
        final boolean anyNegative; // a sign column for the real parts

        Column(double[][] v, int[] rows, int[] cols, boolean sign) {
            this.sign = sign;
            double max = 0, minNonZero = Double.POSITIVE_INFINITY;
            boolean negative = false;
            for (int a = 0; a < rows.length; a++) {
                for (int b = 0; b < cols.length; b++) {
                    if (rows[a] < 0 || cols[b] < 0) {
                        continue;
                    }
                    double x = Math.abs(v[a][b]);
                    max = Math.max(max, x);
                    if (x > 0) {
                        minNonZero = Math.min(minNonZero, x);
                    }
                    negative |= v[a][b] < 0 || (v[a][b] == 0 && 1 / v[a][b] < 0);
                }
            }
            scientific = max >= 1e8 || (minNonZero < 1e-4) || (max > 0 && max / minNonZero > 1e3);
            int d = 0, iw = 1;
            for (int a = 0; a < rows.length; a++) {
                for (int b = 0; b < cols.length; b++) {
                    if (rows[a] < 0 || cols[b] < 0) {
                        continue;
                    }
                    double x = v[a][b];
                    if (scientific) {
                        d = Math.max(d, decimals(String.format(Locale.ROOT, "%." + PRECISION + "e", Math.abs(x))
                                .replaceFirst("e.*", "")));
                    } else {
                        String f = fixed(Math.abs(x));
                        d = Math.max(d, decimals(f));
                        iw = Math.max(iw, f.indexOf('.'));
                    }
                }
            }
            this.anyNegative = negative;
            this.digits = d;
            this.intWidth = iw + (negative && !sign ? 1 : 0);
            int widest = 0;
            for (int a = 0; a < rows.length; a++) {
                for (int b = 0; b < cols.length; b++) {
                    if (rows[a] >= 0 && cols[b] >= 0) {
                        widest = Math.max(widest, raw(v[a][b]).length());
                    }
                }
            }
            this.width = widest;
        }

        /** {@code |x|} at {@value #PRECISION} decimals, as the shortest decimal that rounds there. */
        private static String fixed(double x) {
            return new BigDecimal(x).setScale(PRECISION, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                    .toPlainString();
        }

        /** Decimals after the point once trailing zeros are dropped. */
        private static int decimals(String s) {
            int p = s.indexOf('.');
            if (p < 0) {
                return 0;
            }
            int e = s.length();
            while (e > p + 1 && s.charAt(e - 1) == '0') {
                e--;
            }
            return e - p - 1;
        }

        /** The number in this layout, before right padding. */
        private String raw(double x) {
            boolean neg = x < 0 || (x == 0 && 1 / x < 0);
            String s;
            if (scientific) {
                s = String.format(Locale.ROOT, "%." + digits + "e", Math.abs(x));
                if (digits == 0) {
                    s = s.replace("e", ".e");
                }
            } else {
                String f = fixed(Math.abs(x));
                int p = f.indexOf('.');
                String ip = p < 0 ? f : f.substring(0, p);
                String fp = p < 0 ? "" : f.substring(p + 1);
                // real parts are padded to the common decimals here; imaginary ones after their "j"
                s = ip + "." + fp + (sign ? "" : " ".repeat(Math.max(0, digits - fp.length())));
            }
            String signed = neg ? "-" + s : (sign ? "+" + s : s);
            if (!scientific && !sign) {
                int point = signed.indexOf('.');
                signed = " ".repeat(Math.max(0, intWidth - point)) + signed;
            } else if (scientific && !sign && anyNegative && !neg) {
                signed = " " + signed;   // numpy keeps a sign column
            }
            return signed;
        }

        String text(double x) {
            String s = raw(x);
            return sign ? s : s + " ".repeat(Math.max(0, width - s.length()));
        }
    }
}
