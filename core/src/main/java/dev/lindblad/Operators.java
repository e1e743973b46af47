package dev.lindblad;

import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.DenseMatrix;
import java.util.Locale;

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
}
