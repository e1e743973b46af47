package dev.lindblad;

import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.DenseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Standard operators with QuTiP 4.7's definitions and conventions: Fock-space ladder operators
 * in a space truncated to {@code n} levels {@code |0>, ..., |n-1>}, Pauli and spin matrices
 * with states ordered from the largest to the smallest magnetic quantum number, displacement
 * and squeezing computed by the matrix exponential in the truncated space.
 *
 * <p>Ladder, number, identity, Pauli and spin operators are stored sparse (CSR); displacement,
 * squeezing and phase operators are dense (they are full matrices).
 */
public final class Operators {

    private Operators() {
    }

    static void requirePositive(String function, String name, int n) {
        if (n <= 0) {
            throw new IllegalArgumentException(function + ": " + name + " must be a positive dimension, got " + name
                    + " = " + n);
        }
    }

    /**
     * Annihilation operator {@code a = Σ_{k=1}^{n-1} sqrt(k) |k-1><k|} on {@code n} Fock levels.
     *
     * @param n number of levels, at least 1
     * @return a, sparse, dims {@code [[n], [n]]}
     */
    public static Qobj destroy(int n) {
        requirePositive("destroy", "n", n);
        if (n == 1) {
            return Qobj.of(CsrMatrix.zeros(1, 1), Dims.oper(1));
        }
        double[] d = new double[2 * (n - 1)];
        for (int k = 1; k < n; k++) {
            d[2 * (k - 1)] = Math.sqrt(k);
        }
        return Qobj.of(CsrMatrix.diagonal(n, 1, d), Dims.oper(n));
    }

    /**
     * Creation operator {@code a^† = Σ_{k=1}^{n-1} sqrt(k) |k><k-1|}; in the truncated space
     * {@code [a, a^†] = 1 - n |n-1><n-1|}.
     *
     * @param n number of levels, at least 1
     * @return a^†, sparse
     */
    public static Qobj create(int n) {
        return destroy(n).dag();
    }

    /**
     * Number operator {@code a^† a = Σ_k k |k><k|}.
     *
     * @param n number of levels, at least 1
     * @return diag(0, 1, ..., n-1), sparse
     */
    public static Qobj num(int n) {
        requirePositive("num", "n", n);
        double[] d = new double[2 * n];
        for (int k = 0; k < n; k++) {
            d[2 * k] = k;
        }
        return Qobj.of(CsrMatrix.diagonal(n, 0, d), Dims.oper(n));
    }

    /**
     * Identity operator.
     *
     * @param n dimension, at least 1
     * @return the n×n identity, sparse, dims {@code [[n], [n]]}
     */
    public static Qobj qeye(int n) {
        requirePositive("qeye", "n", n);
        return Qobj.of(CsrMatrix.identity(n), Dims.oper(n));
    }

    /**
     * Identity on a composite space, as QuTiP's {@code qeye([d1, d2, ...])}.
     *
     * @param dims subsystem sizes, each at least 1
     * @return the identity with dims {@code [[d1, d2, ...], [d1, d2, ...]]}
     */
    public static Qobj qeye(int... dims) {
        Require.nonNull(dims, "qeye", "dims");
        if (dims.length == 0) {
            throw new IllegalArgumentException("qeye: no subsystem size given");
        }
        if (dims.length == 1) {
            return qeye(dims[0]);
        }
        long size = 1;
        for (int k = 0; k < dims.length; k++) {
            requirePositive("qeye", "dims[" + k + "]", dims[k]);
            size *= dims[k];
        }
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("qeye: dims " + java.util.Arrays.toString(dims) + " give dimension " + size
                    + ", too large");
        }
        return Qobj.of(CsrMatrix.identity((int) size), Dims.oper(dims));
    }

    private static Qobj pauli(double[][] re, double[][] im) {
        return Qobj.of(DenseMatrix.fromRows(re, im).toCsr(), Dims.oper(2));
    }

    /** @return Pauli {@code σx = [[0, 1], [1, 0]]} (sparse) */
    public static Qobj sigmax() {
        return pauli(new double[][] {{0, 1}, {1, 0}}, null);
    }

    /** @return Pauli {@code σy = [[0, -i], [i, 0]]} (sparse) */
    public static Qobj sigmay() {
        return pauli(new double[][] {{0, 0}, {0, 0}}, new double[][] {{0, -1}, {1, 0}});
    }

    /**
     * Pauli {@code σz = diag(1, -1)}: {@code basis(2, 0)} is its +1 eigenstate, as in QuTiP.
     *
     * @return σz (sparse)
     */
    public static Qobj sigmaz() {
        return pauli(new double[][] {{1, 0}, {0, -1}}, null);
    }

    /**
     * Raising operator {@code σ+ = [[0, 1], [0, 0]] = |0><1|} (QuTiP: {@code jmat(1/2, '+')}),
     * which raises {@code basis(2, 1)} (σz = -1) to {@code basis(2, 0)} (σz = +1).
     *
     * @return σ+ (sparse)
     */
    public static Qobj sigmap() {
        return pauli(new double[][] {{0, 1}, {0, 0}}, null);
    }

    /**
     * Lowering operator {@code σ- = [[0, 0], [1, 0]] = |1><0|}; note that this is <em>not</em>
     * {@code destroy(2) = |0><1|}.
     *
     * @return σ- (sparse)
     */
    public static Qobj sigmam() {
        return pauli(new double[][] {{0, 0}, {1, 0}}, null);
    }

    /**
     * Checks that j is a non-negative integer or half-integer and returns 2j.
     */
    private static int twiceJ(double j) {
        double t = 2 * j;
        if (!(j >= 0) || Double.isInfinite(j) || Math.rint(t) != t || t > Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("jmat: j must be a non-negative integer or half-integer, got j = " + j);
        }
        return (int) t;
    }

    /**
     * Spin-j angular momentum operator, as QuTiP's {@code jmat(j, axis)}, in the basis
     * {@code |j, m>} ordered {@code m = j, j-1, ..., -j} (row/column k has {@code m = j - k}):
     * <ul>
     *   <li>{@code "z"}: {@code J_z = diag(j, j-1, ..., -j)};</li>
     *   <li>{@code "+"}: {@code J_+ |j, m> = sqrt(j(j+1) - m(m+1)) |j, m+1>} (upper diagonal);</li>
     *   <li>{@code "-"}: {@code J_- = (J_+)^†};</li>
     *   <li>{@code "x"}: {@code (J_+ + J_-)/2}; {@code "y"}: {@code (J_+ - J_-)/(2i)}.</li>
     * </ul>
     * They satisfy {@code [J_x, J_y] = i J_z} and {@code J^2 = j(j+1)}.
     *
     * @param j    a non-negative integer or half-integer
     * @param axis one of {@code "x", "y", "z", "+", "-"}
     * @return the (2j+1)×(2j+1) operator, sparse
     */
    public static Qobj jmat(double j, String axis) {
        int tj = twiceJ(j);
        int n = tj + 1;
        String ax = Require.nonNull(axis, "jmat", "axis").toLowerCase(Locale.ROOT);
        if (!ax.equals("x") && !ax.equals("y") && !ax.equals("z") && !ax.equals("+") && !ax.equals("-")) {
            throw new IllegalArgumentException("jmat: axis must be one of \"x\", \"y\", \"z\", \"+\", \"-\"; got \""
                    + axis + "\"");
        }
        if (ax.equals("z")) {
            double[] d = new double[2 * n];
            for (int k = 0; k < n; k++) {
                d[2 * k] = (tj - 2.0 * k) / 2;
            }
            return Qobj.of(CsrMatrix.diagonal(n, 0, d), Dims.oper(n));
        }
        if (n == 1) {
            return Qobj.of(CsrMatrix.zeros(1, 1), Dims.oper(1));
        }
        // element (k, k+1) of J+ is <m_k|J+|m_{k+1}> with m_{k+1} = j - k - 1
        double[] plus = new double[n - 1];
        for (int k = 0; k < n - 1; k++) {
            double m = j - k - 1;
            plus[k] = Math.sqrt(j * (j + 1) - m * (m + 1));
        }
        double[] upper = new double[2 * (n - 1)];
        double[] lower = new double[2 * (n - 1)];
        for (int k = 0; k < n - 1; k++) {
            switch (ax) {
                case "+" -> upper[2 * k] = plus[k];
                case "-" -> lower[2 * k] = plus[k];
                case "x" -> {
                    upper[2 * k] = plus[k] / 2;
                    lower[2 * k] = plus[k] / 2;
                }
                default -> { // y: (J+ - J-)/(2i) = -i J+/2 + i J-/2
                    upper[2 * k + 1] = -plus[k] / 2;
                    lower[2 * k + 1] = plus[k] / 2;
                }
            }
        }
        Dims d = Dims.oper(n);
        return switch (ax) {
            case "+" -> Qobj.of(CsrMatrix.diagonal(n, 1, upper), d);
            case "-" -> Qobj.of(CsrMatrix.diagonal(n, -1, lower), d);
            default -> Qobj.of(CsrMatrix.diagonal(n, 1, upper), d).plus(Qobj.of(CsrMatrix.diagonal(n, -1, lower), d));
        };
    }

    /** @return {@link #jmat(double, String)} with a one-character axis */
    public static Qobj jmat(double j, char axis) {
        return jmat(j, String.valueOf(axis));
    }

    /** @return {@code {J_x, J_y, J_z}}, as QuTiP's {@code jmat(j)} */
    public static Qobj[] jmat(double j) {
        return new Qobj[] {jmat(j, "x"), jmat(j, "y"), jmat(j, "z")};
    }

    /**
     * Displacement operator {@code D(α) = exp(α a^† - α^* a)}, exponentiated in the truncated
     * space of {@code n} levels (QuTiP 4.7: not unitary-exact near the cut-off).
     *
     * @param n     number of levels
     * @param alpha displacement amplitude
     * @return D(α), dense
     */
    public static Qobj displace(int n, Complex alpha) {
        Require.finite(alpha, "displace", "alpha");
        requirePositive("displace", "n", n);
        Qobj a = destroy(n);
        return a.dag().times(alpha).minus(a.times(alpha.conj())).expm();
    }

    /** @return {@code D(α)} for real α */
    public static Qobj displace(int n, double alpha) {
        return displace(n, Complex.of(Require.finite(alpha, "displace", "alpha")));
    }

    /**
     * Single-mode squeeze operator {@code S(z) = exp((z^* a^2 - z a^†2) / 2)}, exponentiated in
     * the truncated space of {@code n} levels, as QuTiP 4.7.
     *
     * @param n number of levels
     * @param z squeezing parameter
     * @return S(z), dense
     */
    public static Qobj squeeze(int n, Complex z) {
        Require.finite(z, "squeeze", "z");
        requirePositive("squeeze", "n", n);
        Qobj a2 = destroy(n).pow(2);
        return a2.times(z.conj().times(0.5)).minus(a2.dag().times(z.times(0.5))).expm();
    }

    /** @return {@code S(z)} for real z */
    public static Qobj squeeze(int n, double z) {
        return squeeze(n, Complex.of(Require.finite(z, "squeeze", "z")));
    }

    /**
     * Pegg–Barnett phase operator as QuTiP's {@code phase(N, phi0)}:
     * {@code Σ_m φ_m |φ_m><φ_m|} with {@code φ_m = φ0 + 2π m / n} and
     * {@code |φ_m> = n^{-1/2} Σ_k e^{i k φ_m} |k>}.
     *
     * @param n    number of levels
     * @param phi0 reference phase
     * @return the phase operator, dense
     */
    public static Qobj phase(int n, double phi0) {
        Require.finite(phi0, "phase", "phi0");
        requirePositive("phase", "n", n);
        double[] a = new double[2 * n * n];
        for (int m = 0; m < n; m++) {
            double phi = phi0 + 2 * Math.PI * m / n;
            double w = phi / n;
            for (int col = 0; col < n; col++) {
                for (int row = 0; row < n; row++) {
                    // φ_m/n · e^{i (row - col) φ_m}
                    double ang = (row - col) * phi;
                    a[2 * (row + col * n)] += w * Math.cos(ang);
                    a[2 * (row + col * n) + 1] += w * Math.sin(ang);
                }
            }
        }
        return Qobj.of(DenseMatrix.wrap(n, n, a), Dims.oper(n));
    }

    /** @return {@link #phase(int, double)} with {@code φ0 = 0} */
    public static Qobj phase(int n) {
        return phase(n, 0);
    }

    /**
     * @return the commutator {@code [A, B] = A B - B A}
     */
    public static Qobj commutator(Qobj a, Qobj b) {
        Require.nonNull(a, "commutator", "a");
        Require.nonNull(b, "commutator", "b");
        return a.times(b).minus(b.times(a));
    }

    /**
     * @return the anticommutator {@code {A, B} = A B + B A}
     */
    public static Qobj anticommutator(Qobj a, Qobj b) {
        Require.nonNull(a, "anticommutator", "a");
        Require.nonNull(b, "anticommutator", "b");
        return a.times(b).plus(b.times(a));
    }

    // ---------------------------------------------------------------- the QuTiP surface (issue #15)

    /** A CSR matrix from (row, column, value) triplets; duplicates are summed. */
    static CsrMatrix fromTriplets(int rows, int cols, int count, int[] ri, int[] ci, double[] v) {
        int[] rowPtr = new int[rows + 1];
        for (int p = 0; p < count; p++) {
            rowPtr[ri[p] + 1]++;
        }
        for (int r = 0; r < rows; r++) {
            rowPtr[r + 1] += rowPtr[r];
        }
        int[] next = Arrays.copyOf(rowPtr, rows);
        int[] col = new int[count];
        double[] val = new double[2 * count];
        for (int p = 0; p < count; p++) {
            int q = next[ri[p]]++;
            col[q] = ci[p];
            val[2 * q] = v[2 * p];
            val[2 * q + 1] = v[2 * p + 1];
        }
        return CsrMatrix.of(rows, cols, rowPtr, col, val);
    }

    static int size(String function, int... dims) {
        if (dims == null || dims.length == 0) {
            throw new IllegalArgumentException(function + ": no subsystem size given");
        }
        long size = 1;
        for (int k = 0; k < dims.length; k++) {
            requirePositive(function, "dims[" + k + "]", dims[k]);
            size *= dims[k];
            if (size > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(function + ": dims " + Arrays.toString(dims) + " give a dimension above "
                        + Integer.MAX_VALUE);
            }
        }
        return (int) size;
    }

    /**
     * The zero operator on a space, as QuTiP's {@code qzero(dims)}.
     *
     * @param dims subsystem sizes
     * @return the zero operator with dims {@code [dims, dims]}, sparse (no stored entries)
     */
    public static Qobj qzero(int... dims) {
        Require.nonNull(dims, "qzero", "dims");
        int n = size("qzero", dims);
        return Qobj.of(CsrMatrix.zeros(n, n), Dims.oper(dims));
    }

    /**
     * The zero map between two spaces, as QuTiP's {@code qzero(dims_left, dims_right)}.
     *
     * @param dimsLeft  subsystem sizes of the output (row) space
     * @param dimsRight subsystem sizes of the input (column) space
     * @return the zero operator with dims {@code [dimsLeft, dimsRight]}
     */
    public static Qobj qzero(int[] dimsLeft, int[] dimsRight) {
        Require.nonNull(dimsLeft, "qzero", "dimsLeft");
        Require.nonNull(dimsRight, "qzero", "dimsRight");
        int r = size("qzero", dimsLeft), c = size("qzero", dimsRight);
        return Qobj.of(CsrMatrix.zeros(r, c), Dims.of(dimsLeft, dimsRight));
    }

    /** @return the zero object with the dims and shape of q, as QuTiP's {@code qzero_like} */
    public static Qobj qzeroLike(Qobj q) {
        Require.nonNull(q, "qzeroLike", "q");
        return Qobj.of(CsrMatrix.zeros(q.shape()[0], q.shape()[1]), q.dims());
    }

    /**
     * @return the identity with the dims of a square object q, as QuTiP's {@code qeye_like}
     * @throws IllegalArgumentException if q is not square
     */
    public static Qobj qeyeLike(Qobj q) {
        Require.nonNull(q, "qeyeLike", "q");
        if (q.shape()[0] != q.shape()[1]) {
            throw new IllegalArgumentException("qeyeLike needs a square object, got dims " + q.dims());
        }
        return Qobj.of(CsrMatrix.identity(q.shape()[0]), q.dims());
    }

    /** @return the identity on a composite space, QuTiP's {@code identity}, the same as {@link #qeye(int...)} */
    public static Qobj identity(int... dims) {
        Require.nonNull(dims, "identity", "dims");
        return qeye(dims);
    }

    /**
     * A matrix from diagonals, as QuTiP's {@code qdiags(diagonals, offsets)}:
     * {@code A[i][i + offsets[k]] = diagonals[k][i']} (i' counting along the diagonal from its
     * first entry). The matrix is square of size {@code max_k(len(diagonals[k]) + |offsets[k]|)}.
     *
     * @param diagonals the diagonals' complex entries
     * @param offsets   their offsets, 0 the main diagonal, positive above
     * @return the operator, sparse, dims {@code [[n], [n]]}
     */
    public static Qobj qdiags(Complex[][] diagonals, int[] offsets) {
        Require.elements(diagonals, "qdiags", "diagonals");
        Require.nonNull(offsets, "qdiags", "offsets");
        if (diagonals.length == 0 || diagonals.length != offsets.length) {
            throw new IllegalArgumentException("qdiags: needs as many offsets as diagonals, at least one; got "
                    + diagonals.length + " diagonals and " + offsets.length + " offsets");
        }
        int n = 0;
        int count = 0;
        for (int k = 0; k < diagonals.length; k++) {
            if (diagonals[k].length == 0) {
                throw new IllegalArgumentException("qdiags: diagonal " + k + " is empty");
            }
            n = Math.max(n, diagonals[k].length + Math.abs(offsets[k]));
            count += diagonals[k].length;
        }
        for (int k = 0; k < diagonals.length; k++) {
            if (diagonals[k].length != n - Math.abs(offsets[k])) {
                throw new IllegalArgumentException("qdiags: diagonal " + k + " at offset " + offsets[k] + " of a " + n + "x" + n
                        + " matrix has " + (n - Math.abs(offsets[k])) + " entries, got " + diagonals[k].length);
            }
            for (int j = 0; j < k; j++) {
                if (offsets[j] == offsets[k]) {
                    throw new IllegalArgumentException("qdiags: offset " + offsets[k] + " is given twice");
                }
            }
        }
        int[] ri = new int[count], ci = new int[count];
        double[] v = new double[2 * count];
        int p = 0;
        for (int k = 0; k < diagonals.length; k++) {
            int o = offsets[k];
            for (int e = 0; e < diagonals[k].length; e++) {
                Complex z = Require.finite(diagonals[k][e], "qdiags", "diagonals[" + k + "][" + e + "]");
                ri[p] = o >= 0 ? e : e - o;
                ci[p] = o >= 0 ? e + o : e;
                v[2 * p] = z.re();
                v[2 * p + 1] = z.im();
                p++;
            }
        }
        return Qobj.of(fromTriplets(n, n, count, ri, ci, v), Dims.oper(n));
    }

    /** @return {@link #qdiags(Complex[][], int[])} with real diagonals */
    public static Qobj qdiags(double[][] diagonals, int[] offsets) {
        Require.elements(diagonals, "qdiags", "diagonals");
        Require.nonNull(offsets, "qdiags", "offsets");
        Complex[][] c = new Complex[diagonals.length][];
        for (int k = 0; k < c.length; k++) {
            c[k] = new Complex[diagonals[k].length];
            for (int e = 0; e < c[k].length; e++) {
                c[k][e] = Complex.of(Require.finite(diagonals[k][e], "qdiags", "diagonals[" + k + "][" + e + "]"));
            }
        }
        return qdiags(c, offsets);
    }

    /** @return a matrix with one real diagonal at the given offset; see {@link #qdiags(Complex[][], int[])} */
    public static Qobj qdiags(double[] diagonal, int offset) {
        Require.finite(diagonal, "qdiags", "diagonal");
        return qdiags(new double[][] {diagonal}, new int[] {offset});
    }

    /**
     * Annihilation operator of a Fock space starting at {@code |offset>}, as QuTiP's
     * {@code destroy(N, offset)}: {@code Σ_{k=1}^{n-1} sqrt(k + offset) |k-1><k|} in the basis
     * {@code |offset>, ..., |offset + n - 1>}.
     *
     * @param n      number of levels
     * @param offset lowest number state kept, {@code >= 0}
     * @return a, sparse
     */
    public static Qobj destroy(int n, int offset) {
        requirePositive("destroy", "n", n);
        requireOffset("destroy", offset);
        if (n == 1) {
            return Qobj.of(CsrMatrix.zeros(1, 1), Dims.oper(1));
        }
        double[] d = new double[2 * (n - 1)];
        for (int k = 1; k < n; k++) {
            d[2 * (k - 1)] = Math.sqrt(k + (double) offset);
        }
        return Qobj.of(CsrMatrix.diagonal(n, 1, d), Dims.oper(n));
    }

    /** @return the creation operator {@code destroy(n, offset)^†}, as QuTiP's {@code create(N, offset)} */
    public static Qobj create(int n, int offset) {
        return destroy(n, offset).dag();
    }

    /** @return the number operator {@code diag(offset, ..., offset + n - 1)}, as QuTiP's {@code num(N, offset)} */
    public static Qobj num(int n, int offset) {
        requirePositive("num", "n", n);
        requireOffset("num", offset);
        double[] d = new double[2 * n];
        for (int k = 0; k < n; k++) {
            d[2 * k] = k + (double) offset;
        }
        return Qobj.of(CsrMatrix.diagonal(n, 0, d), Dims.oper(n));
    }

    private static void requireOffset(String function, int offset) {
        if (offset < 0) {
            throw new IllegalArgumentException(function + ": offset must be >= 0, got offset = " + offset);
        }
    }

    /** @return the position operator {@code x = (a + a^†)/√2}, as QuTiP's {@code position(N)} */
    public static Qobj position(int n) {
        return position(n, 0);
    }

    /** @return {@code x = (a + a^†)/√2} with {@code a = destroy(n, offset)} */
    public static Qobj position(int n, int offset) {
        Qobj a = destroy(n, offset);
        return a.plus(a.dag()).times(Math.sqrt(0.5));
    }

    /** @return the momentum operator {@code p = -i (a - a^†)/√2}, as QuTiP's {@code momentum(N)} */
    public static Qobj momentum(int n) {
        return momentum(n, 0);
    }

    /** @return {@code p = -i (a - a^†)/√2} with {@code a = destroy(n, offset)} */
    public static Qobj momentum(int n, int offset) {
        Qobj a = destroy(n, offset);
        return a.minus(a.dag()).times(Complex.of(0, -Math.sqrt(0.5)));
    }

    /** @return {@code J_x} of spin j, as QuTiP's {@code spin_Jx(j)}: {@link #jmat(double, String)} "x" */
    public static Qobj spinJx(double j) {
        Require.finite(j, "spinJx", "j");
        return jmat(j, "x");
    }

    /** @return {@code J_y} of spin j, as QuTiP's {@code spin_Jy(j)} */
    public static Qobj spinJy(double j) {
        Require.finite(j, "spinJy", "j");
        return jmat(j, "y");
    }

    /** @return {@code J_z = diag(j, ..., -j)}, as QuTiP's {@code spin_Jz(j)} */
    public static Qobj spinJz(double j) {
        Require.finite(j, "spinJz", "j");
        return jmat(j, "z");
    }

    /** @return the raising operator {@code J_+}, as QuTiP's {@code spin_Jp(j)} */
    public static Qobj spinJp(double j) {
        Require.finite(j, "spinJp", "j");
        return jmat(j, "+");
    }

    /** @return the lowering operator {@code J_-}, as QuTiP's {@code spin_Jm(j)} */
    public static Qobj spinJm(double j) {
        Require.finite(j, "spinJm", "j");
        return jmat(j, "-");
    }

    /** @return {@code {J_x, J_y, J_z}}, as QuTiP's {@code spin_J_set(j)} */
    public static Qobj[] spinJSet(double j) {
        Require.finite(j, "spinJSet", "j");
        return jmat(j);
    }

    /**
     * The Cooper-pair charge operator, as QuTiP's {@code charge(Nmax, Nmin, frac)}:
     * {@code frac · diag(Nmin, Nmin + 1, ..., Nmax)}.
     *
     * @param nmax highest charge
     * @param nmin lowest charge, {@code <= nmax}
     * @param frac scale of the charges (e.g. 1/2 for half-integer charges)
     * @return the diagonal operator of size {@code nmax - nmin + 1}, sparse
     */
    public static Qobj charge(int nmax, int nmin, double frac) {
        Require.finite(frac, "charge", "frac");
        if (nmin > nmax) {
            throw new IllegalArgumentException("charge: Nmin = " + nmin + " must not exceed Nmax = " + nmax);
        }
        int n = nmax - nmin + 1;
        double[] d = new double[2 * n];
        for (int k = 0; k < n; k++) {
            d[2 * k] = frac * (nmin + k);
        }
        return Qobj.of(CsrMatrix.diagonal(n, 0, d), Dims.oper(n));
    }

    /** @return {@code diag(-nmax, ..., nmax)}, QuTiP's {@code charge(Nmax)} */
    public static Qobj charge(int nmax) {
        if (nmax < 0) {
            throw new IllegalArgumentException("charge: Nmax must be >= 0 when Nmin is not given, got " + nmax);
        }
        return charge(nmax, -nmax, 1);
    }

    /** @return {@code diag(nmin, ..., nmax)}, QuTiP's {@code charge(Nmax, Nmin)} */
    public static Qobj charge(int nmax, int nmin) {
        return charge(nmax, nmin, 1);
    }

    /**
     * The tunnelling operator of m Cooper pairs, as QuTiP's {@code tunneling(N, m)}:
     * {@code Σ_k (|k><k+m| + |k+m><k|)}.
     *
     * @param n dimension
     * @param m number of pairs tunnelling, {@code 1 <= m < n}
     * @return the operator, sparse
     */
    public static Qobj tunneling(int n, int m) {
        requirePositive("tunneling", "N", n);
        if (m < 1 || m >= n) {
            throw new IllegalArgumentException("tunneling: m must satisfy 1 <= m < N = " + n + ", got m = " + m);
        }
        double[] ones = new double[n - m];
        Arrays.fill(ones, 1);
        return qdiags(new double[][] {ones, ones}, new int[] {m, -m});
    }

    /** @return {@link #tunneling(int, int)} with m = 1 */
    public static Qobj tunneling(int n) {
        return tunneling(n, 1);
    }

    /**
     * The generalised two-mode squeezing operator, as QuTiP's {@code squeezing(a1, a2, z)}:
     * {@code exp((z^* a1 a2 - z a1^† a2^†) / 2)}.
     *
     * @param a1 first operator (e.g. an annihilation operator)
     * @param a2 second operator, same dims
     * @param z  squeezing parameter
     * @return the operator, dense
     */
    public static Qobj squeezing(Qobj a1, Qobj a2, Complex z) {
        Require.nonNull(a1, "squeezing", "a1");
        Require.nonNull(a2, "squeezing", "a2");
        Require.finite(z, "squeezing", "z");
        Qobj p = a1.times(a2);
        return p.times(z.conj()).minus(a1.dag().times(a2.dag()).times(z)).times(0.5).expm();
    }

    /** @return {@link #squeezing(Qobj, Qobj, Complex)} for real z */
    public static Qobj squeezing(Qobj a1, Qobj a2, double z) {
        Require.nonNull(a1, "squeezing", "a1");
        Require.nonNull(a2, "squeezing", "a2");
        Require.finite(z, "squeezing", "z");
        return squeezing(a1, a2, Complex.of(z));
    }

    /**
     * The qutrit operators, as QuTiP's {@code qutrit_ops()}: the projectors
     * {@code |0><0|, |1><1|, |2><2|} and the transitions {@code |0><1|, |1><2|, |2><0|}.
     *
     * @return the six operators, sparse
     */
    public static List<Qobj> qutritOps() {
        List<Qobj> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.add(States.projection(3, i, i));
        }
        for (int i = 0; i < 3; i++) {
            out.add(States.projection(3, i, (i + 1) % 3));
        }
        return List.copyOf(out);
    }

    /**
     * Fermionic annihilation operator on a chain of sites by the Jordan–Wigner
     * transformation, as QuTiP's {@code fdestroy(n_sites, site)}:
     * {@code c_j = σz ⊗ ... ⊗ σz ⊗ a ⊗ 1 ⊗ ... ⊗ 1} (j factors σz, a = destroy(2) on site j),
     * so that {@code {c_i, c_j^†} = δ_ij} and {@code {c_i, c_j} = 0}.
     *
     * @param nSites number of sites, at least 1
     * @param site   the site, {@code 0 <= site < nSites}
     * @return {@code c_site}, sparse, dims {@code [[2, ..., 2], [2, ..., 2]]}
     */
    public static Qobj fdestroy(int nSites, int site) {
        requirePositive("fdestroy", "nSites", nSites);
        if (site < 0 || site >= nSites) {
            throw new IllegalArgumentException("fdestroy: site = " + site + " is outside 0.." + (nSites - 1));
        }
        if (nSites > 30) {
            throw new IllegalArgumentException("fdestroy: " + nSites + " sites give a 2^" + nSites + " space, too large");
        }
        Qobj[] parts = new Qobj[nSites];
        for (int k = 0; k < nSites; k++) {
            parts[k] = k < site ? sigmaz() : k == site ? destroy(2) : qeye(2);
        }
        return Qobj.tensor(parts);
    }

    /** @return the fermionic creation operator {@code c_site^†}, as QuTiP's {@code fcreate(n_sites, site)} */
    public static Qobj fcreate(int nSites, int site) {
        requirePositive("fcreate", "nSites", nSites);
        if (site < 0 || site >= nSites) {
            throw new IllegalArgumentException("fcreate: site = " + site + " is outside 0.." + (nSites - 1));
        }
        return fdestroy(nSites, site).dag();
    }

    /**
     * The commutator of the given kind, as QuTiP's {@code commutator(A, B, kind)}:
     * {@code "normal"} gives {@code AB - BA}, {@code "anti"} gives {@code AB + BA}.
     *
     * @param a    first operator
     * @param b    second operator
     * @param kind "normal" or "anti"
     * @return the (anti)commutator
     */
    public static Qobj commutator(Qobj a, Qobj b, String kind) {
        Require.nonNull(a, "commutator", "a");
        Require.nonNull(b, "commutator", "b");
        Require.nonNull(kind, "commutator", "kind");
        return switch (kind == null ? "null" : kind) {
            case "normal" -> commutator(a, b);
            case "anti" -> anticommutator(a, b);
            default -> throw new IllegalArgumentException("commutator: kind must be \"normal\" or \"anti\", got \"" + kind
                    + "\"");
        };
    }

    // ---------------------------------------------------------------- excitation-number-restricted spaces

    /**
     * The basis of the excitation-number-restricted (ENR) space, in QuTiP's order
     * ({@code state_number_enumerate(dims, excitations)}): every occupation tuple
     * {@code (n_0, ..., n_{m-1})} with {@code n_k < dims[k]} and {@code Σ n_k <= excitations},
     * lexicographic, the last mode fastest.
     *
     * @param dims        levels of each mode
     * @param excitations the largest total number of excitations, {@code >= 0}
     * @return the occupation tuples, index = position in the ENR basis
     */
    public static List<int[]> enrStates(int[] dims, int excitations) {
        Require.nonNull(dims, "enrStates", "dims");
        if (dims.length == 0) {
            throw new IllegalArgumentException("ENR space: dims list no mode");
        }
        for (int k = 0; k < dims.length; k++) {
            requirePositive("enrStates", "dims[" + k + "]", dims[k]);
        }
        if (excitations < 0) {
            throw new IllegalArgumentException("ENR space: excitations must be >= 0, got " + excitations);
        }
        List<int[]> out = new ArrayList<>();
        int m = dims.length;
        int[] state = new int[m];
        int total = 0;
        while (true) {
            out.add(state.clone());
            int idx = m - 1;
            state[idx]++;
            total++;
            while (total > excitations || state[idx] >= dims[idx]) {
                total -= state[idx];
                state[idx] = 0;
                idx--;
                if (idx < 0) {
                    return out;
                }
                state[idx]++;
                total++;
            }
            if (out.size() > 50_000_000) {
                throw new IllegalArgumentException("ENR space of dims " + Arrays.toString(dims) + " with " + excitations
                        + " excitations has more than 50 000 000 states");
            }
        }
    }

    /**
     * The number of states of the ENR space, as QuTiP's {@code enr_nstates}, by the
     * inclusion–exclusion count {@code Σ_{S ⊆ modes} (-1)^{|S|} C(E - Σ_{k∈S} d_k + m, m)}
     * (terms with a negative top omitted).
     *
     * @param dims        levels of each mode
     * @param excitations the largest total number of excitations
     * @return the dimension of the restricted space
     */
    public static long enrNstates(int[] dims, int excitations) {
        Require.nonNull(dims, "enrNstates", "dims");
        for (int k = 0; k < dims.length; k++) {
            requirePositive("enrNstates", "dims[" + k + "]", dims[k]);
        }
        if (excitations < 0) {
            throw new IllegalArgumentException("enrNstates: excitations must be >= 0, got " + excitations);
        }
        int m = dims.length;
        if (m > 20) {
            throw new IllegalArgumentException("enrNstates: at most 20 modes, got " + m);
        }
        long total = 0;
        for (int mask = 0; mask < (1 << m); mask++) {
            long sum = 0;
            for (int k = 0; k < m; k++) {
                if ((mask & (1 << k)) != 0) {
                    sum += dims[k];
                }
            }
            long top = excitations - sum + m;
            if (top < m) {
                continue;
            }
            long c = binomial(top, m);
            total += Integer.bitCount(mask) % 2 == 0 ? c : -c;
        }
        return total;
    }

    private static long binomial(long n, int k) {
        long r = 1;
        for (int i = 1; i <= k; i++) {
            r = Math.multiplyExact(r, n - k + i) / i;
        }
        return r;
    }

    private static Map<List<Integer>, Integer> enrIndex(List<int[]> states) {
        Map<List<Integer>, Integer> index = new HashMap<>();
        for (int k = 0; k < states.size(); k++) {
            index.put(key(states.get(k)), k);
        }
        return index;
    }

    static List<Integer> key(int[] s) {
        List<Integer> l = new ArrayList<>(s.length);
        for (int x : s) {
            l.add(x);
        }
        return l;
    }

    /**
     * Annihilation operators of the modes in the ENR space, as QuTiP's
     * {@code enr_destroy(dims, excitations)}:
     * {@code a_k |.., n_k, ..> = sqrt(n_k) |.., n_k - 1, ..>} within the restricted basis
     * ({@link #enrStates}). The operators have flat dims {@code [[N], [N]]} with N the number
     * of ENR states (QuTiP keeps the mode sizes in an {@code EnrSpace}).
     *
     * @param dims        levels of each mode
     * @param excitations the largest total number of excitations
     * @return one operator per mode, sparse
     */
    public static List<Qobj> enrDestroy(int[] dims, int excitations) {
        Require.nonNull(dims, "enrDestroy", "dims");
        List<int[]> states = enrStates(dims, excitations);
        Map<List<Integer>, Integer> index = enrIndex(states);
        int n = states.size();
        List<Qobj> out = new ArrayList<>();
        for (int mode = 0; mode < dims.length; mode++) {
            int[] ri = new int[n], ci = new int[n];
            double[] v = new double[2 * n];
            int count = 0;
            for (int col = 0; col < n; col++) {
                int[] s = states.get(col);
                if (s[mode] > 0) {
                    int[] lower = s.clone();
                    lower[mode]--;
                    ri[count] = index.get(key(lower));
                    ci[count] = col;
                    v[2 * count] = Math.sqrt(s[mode]);
                    count++;
                }
            }
            out.add(Qobj.of(fromTriplets(n, n, count, ri, ci, v), Dims.oper(n)));
        }
        return List.copyOf(out);
    }

    /**
     * @param dims        levels of each mode
     * @param excitations the largest total number of excitations
     * @return the identity of the ENR space, as QuTiP's {@code enr_identity}, dims {@code [[N], [N]]}
     */
    public static Qobj enrIdentity(int[] dims, int excitations) {
        Require.nonNull(dims, "enrIdentity", "dims");
        return qeye(enrStates(dims, excitations).size());
    }
}
