package dev.lindblad;

import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.DenseMatrix;
import java.util.Arrays;
import java.util.Locale;

/**
 * Standard states with QuTiP 4.7's definitions and defaults. Kets and density matrices are
 * stored dense. Fock states are numbered from 0; {@code basis(2, 0)} is the +1 eigenstate of
 * {@code σz} (spin up).
 */
public final class States {

    private States() {
    }

    /**
     * Fock/basis ket {@code |k>} of an n-dimensional space.
     *
     * @param n dimension, at least 1
     * @param k index, {@code 0 <= k < n}
     * @return the ket, dims {@code [[n], [1]]}
     */
    public static Qobj basis(int n, int k) {
        Operators.requirePositive("basis", "n", n);
        if (k < 0 || k >= n) {
            throw new IllegalArgumentException("basis: index k = " + k + " is outside 0.." + (n - 1) + " for dimension n = "
                    + n);
        }
        double[] d = new double[2 * n];
        d[2 * k] = 1;
        return Qobj.of(DenseMatrix.wrap(n, 1, d), Dims.ket(n));
    }

    /**
     * Basis ket of a composite space, {@code |k0> ⊗ |k1> ⊗ ...}, as QuTiP's
     * {@code basis([d0, d1, ...], [k0, k1, ...])}.
     *
     * @param dims subsystem sizes
     * @param k    one index per subsystem
     * @return the ket with dims {@code [[d0, d1, ...], [1, 1, ...]]}
     */
    public static Qobj basis(int[] dims, int[] k) {
        Require.nonNull(dims, "basis", "dims");
        Require.nonNull(k, "basis", "k");
        if (dims.length == 0 || dims.length != k.length) {
            throw new IllegalArgumentException("basis: dims " + Arrays.toString(dims) + " and indices " + Arrays.toString(k)
                    + " must be non-empty and of equal length");
        }
        Qobj[] parts = new Qobj[dims.length];
        for (int s = 0; s < dims.length; s++) {
            try {
                parts[s] = basis(dims[s], k[s]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("basis: subsystem " + s + " of dims " + Arrays.toString(dims)
                        + " with indices " + Arrays.toString(k) + ": " + e.getMessage(), e);
            }
        }
        return dims.length == 1 ? parts[0] : Qobj.tensor(parts).toDense();
    }

    /** @return the Fock state {@code |k>}, the same as {@link #basis(int, int)} */
    public static Qobj fock(int n, int k) {
        return basis(n, k);
    }

    /** @return the Fock density matrix {@code |k><k|}, dense */
    public static Qobj fockDm(int n, int k) {
        return ketToDm(basis(n, k));
    }

    /**
     * Coherent state by QuTiP 4.7's default method {@code "operator"}:
     * {@code D(α)|0>} with the displacement exponentiated in the truncated space, so the state
     * is normalised but its amplitudes near the cut-off differ from the analytic ones.
     *
     * @param n     number of levels
     * @param alpha amplitude α
     * @return the coherent ket
     */
    public static Qobj coherent(int n, Complex alpha) {
        Require.finite(alpha, "coherent", "alpha");
        return coherent(n, alpha, "operator");
    }

    /** @return {@link #coherent(int, Complex)} for real α */
    public static Qobj coherent(int n, double alpha) {
        return coherent(n, Complex.of(Require.finite(alpha, "coherent", "alpha")));
    }

    /**
     * Coherent state by the chosen method:
     * <ul>
     *   <li>{@code "operator"}: {@code D(α)|0>} in the truncated space (QuTiP's default);</li>
     *   <li>{@code "analytic"}: {@code e^{-|α|²/2} Σ_{k<n} α^k / sqrt(k!) |k>}, the exact
     *       amplitudes, not renormalised after truncation (as QuTiP).</li>
     * </ul>
     *
     * @param n      number of levels
     * @param alpha  amplitude α
     * @param method {@code "operator"} or {@code "analytic"}
     * @return the coherent ket
     */
    public static Qobj coherent(int n, Complex alpha, String method) {
        return coherentOf("coherent", n, alpha, method);
    }

    private static Qobj coherentOf(String op, int n, Complex alpha, String method) {
        Require.finite(alpha, op, "alpha");
        String m = Require.nonNull(method, op, "method").toLowerCase(Locale.ROOT);
        Operators.requirePositive(op, "n", n);
        switch (m) {
            case "operator" -> {
                return Operators.displace(n, alpha).times(basis(n, 0));
            }
            case "analytic" -> {
                double[] d = new double[2 * n];
                double re = Math.exp(-alpha.abs2() / 2), im = 0;
                for (int k = 0; k < n; k++) {
                    if (k > 0) {
                        double s = 1 / Math.sqrt(k);
                        double nr = (re * alpha.re() - im * alpha.im()) * s;
                        im = (re * alpha.im() + im * alpha.re()) * s;
                        re = nr;
                    }
                    d[2 * k] = re;
                    d[2 * k + 1] = im;
                }
                return Qobj.of(DenseMatrix.wrap(n, 1, d), Dims.ket(n));
            }
            default -> throw new IllegalArgumentException(op + ": method must be \"operator\" or \"analytic\", got \""
                    + method + "\"");
        }
    }

    /** @return the coherent density matrix {@code |α><α|} (method "operator") */
    public static Qobj coherentDm(int n, Complex alpha) {
        return ketToDm(coherentOf("coherentDm", n, alpha, "operator"));
    }

    /** @return the coherent density matrix for real α */
    public static Qobj coherentDm(int n, double alpha) {
        return ketToDm(coherentOf("coherentDm", n, Complex.of(Require.finite(alpha, "coherentDm", "alpha")), "operator"));
    }

    /** @return the coherent density matrix {@code |α><α|} by the given method */
    public static Qobj coherentDm(int n, Complex alpha, String method) {
        return ketToDm(coherentOf("coherentDm", n, alpha, method));
    }

    /**
     * Thermal state of a harmonic oscillator with mean occupation {@code nMean} by QuTiP 4.7's
     * default method {@code "operator"}: {@code rho = Σ_k p_k |k><k|} with
     * {@code p_k ∝ (nMean / (1 + nMean))^k = e^{-β k}}, {@code β = ln(1 + 1/nMean)}, normalised
     * over the n levels kept. {@code nMean = 0} gives the vacuum.
     *
     * @param n     number of levels
     * @param nMean mean occupation of the untruncated state, {@code >= 0}
     * @return the diagonal density matrix, dense
     */
    public static Qobj thermalDm(int n, double nMean) {
        return thermalDm(n, nMean, "operator");
    }

    /**
     * Thermal state by the chosen method: {@code "operator"} (see {@link #thermalDm(int, double)})
     * or {@code "analytic"}: {@code p_k = (nMean/(1+nMean))^k / (1+nMean)}, the untruncated
     * weights, not renormalised (as QuTiP).
     *
     * @param n      number of levels
     * @param nMean  mean occupation, {@code >= 0}
     * @param method {@code "operator"} or {@code "analytic"}
     * @return the diagonal density matrix, dense
     */
    public static Qobj thermalDm(int n, double nMean, String method) {
        Operators.requirePositive("thermalDm", "n", n);
        if (!(nMean >= 0) || Double.isInfinite(nMean)) {
            throw new IllegalArgumentException("thermalDm: mean occupation must be finite and >= 0, got nMean = " + nMean);
        }
        String m = Require.nonNull(method, "thermalDm", "method").toLowerCase(Locale.ROOT);
        if (!m.equals("operator") && !m.equals("analytic")) {
            throw new IllegalArgumentException("thermalDm: method must be \"operator\" or \"analytic\", got \"" + method
                    + "\"");
        }
        if (nMean == 0) {
            return fockDm(n, 0);
        }
        double[] p = new double[n];
        if (m.equals("operator")) {
            double beta = Math.log(1 / nMean + 1);
            double sum = 0;
            for (int k = 0; k < n; k++) {
                p[k] = Math.exp(-beta * k);
                sum += p[k];
            }
            for (int k = 0; k < n; k++) {
                p[k] /= sum;
            }
        } else {
            double r = nMean / (1 + nMean);
            for (int k = 0; k < n; k++) {
                p[k] = Math.pow(r, k) / (1 + nMean);
            }
        }
        double[] d = new double[2 * n * n];
        for (int k = 0; k < n; k++) {
            d[2 * (k + k * n)] = p[k];
        }
        return Qobj.of(DenseMatrix.wrap(n, n, d), Dims.oper(n));
    }

    /**
     * Density matrix of a pure state: {@code |psi><psi|} for a ket, {@code |psi><psi|} from its
     * bra {@code <psi|} for a bra (as QuTiP's {@code ket2dm}).
     *
     * @param psi a ket or bra
     * @return the density matrix, dense, with the ket's tensor structure on both sides
     */
    public static Qobj ketToDm(Qobj psi) {
        Require.nonNull(psi, "ketToDm", "psi");
        Qobj ket = switch (psi.type()) {
            case KET -> psi;
            case BRA -> psi.dag();
            default -> throw new IllegalArgumentException("ketToDm needs a ket or bra, got a " + psi.type()
                    + " with dims " + psi.dims());
        };
        ket = ket.toDense();
        return ket.times(ket.dag());
    }

    /**
     * Two-qubit Bell states, as QuTiP's {@code bell_state}:
     * <ul>
     *   <li>{@code "00"}: {@code (|00> + |11>)/√2};</li>
     *   <li>{@code "01"}: {@code (|00> - |11>)/√2};</li>
     *   <li>{@code "10"}: {@code (|01> + |10>)/√2};</li>
     *   <li>{@code "11"}: {@code (|01> - |10>)/√2}.</li>
     * </ul>
     *
     * @param state one of "00", "01", "10", "11"
     * @return the ket, dims {@code [[2, 2], [1, 1]]}
     */
    public static Qobj bellState(String state) {
        double h = 1 / Math.sqrt(2);
        double[] amp = switch (Require.nonNull(state, "bellState", "state")) {
            case "00" -> new double[] {h, 0, 0, h};
            case "01" -> new double[] {h, 0, 0, -h};
            case "10" -> new double[] {0, h, h, 0};
            case "11" -> new double[] {0, h, -h, 0};
            default -> throw new IllegalArgumentException("bellState: state must be \"00\", \"01\", \"10\" or \"11\", got \""
                    + state + "\"");
        };
        double[] d = new double[8];
        for (int k = 0; k < 4; k++) {
            d[2 * k] = amp[k];
        }
        return Qobj.of(DenseMatrix.wrap(4, 1, d), Dims.ket(2, 2));
    }

    /** @return the Bell state {@code (|00> + |11>)/√2} */
    public static Qobj bellState() {
        return bellState("00");
    }

    /**
     * Greenberger–Horne–Zeilinger state of {@code n} qubits, {@code (|0...0> + |1...1>)/√2}.
     *
     * @param n number of qubits, at least 1
     * @return the ket, dims {@code [[2, ..., 2], [1, ..., 1]]}
     */
    public static Qobj ghzState(int n) {
        Operators.requirePositive("ghzState", "n", n);
        if (n > 30) {
            throw new IllegalArgumentException("ghzState: n = " + n + " qubits give a 2^" + n + " vector, too large");
        }
        int size = 1 << n;
        double[] d = new double[2 * size];
        d[0] = 1 / Math.sqrt(2);
        d[2 * (size - 1)] = 1 / Math.sqrt(2);
        int[] dims = new int[n];
        Arrays.fill(dims, 2);
        return Qobj.of(DenseMatrix.wrap(size, 1, d), Dims.ket(dims));
    }

    /** @return the GHZ state of three qubits, QuTiP's default */
    public static Qobj ghzState() {
        return ghzState(3);
    }

    /**
     * @param n dimension
     * @return the maximally mixed state {@code 1/n}, dense
     */
    public static Qobj maximallyMixedDm(int n) {
        Operators.requirePositive("maximallyMixedDm", "n", n);
        double[] d = new double[2 * n * n];
        for (int k = 0; k < n; k++) {
            d[2 * (k + k * n)] = 1.0 / n;
        }
        return Qobj.of(DenseMatrix.wrap(n, n, d), Dims.oper(n));
    }

    /**
     * The projector or transition operator {@code |i><j|}, as QuTiP's {@code projection(N, n, m)}.
     *
     * @param n dimension
     * @param i row index
     * @param j column index
     * @return {@code |i><j|}, sparse
     */
    public static Qobj projection(int n, int i, int j) {
        Operators.requirePositive("projection", "n", n);
        if (i < 0 || i >= n || j < 0 || j >= n) {
            throw new IllegalArgumentException("projection: indices i = " + i + ", j = " + j + " must lie in 0.." + (n - 1)
                    + " for dimension n = " + n);
        }
        int[] rowPtr = new int[n + 1];
        for (int r = i + 1; r <= n; r++) {
            rowPtr[r] = 1;
        }
        return Qobj.of(CsrMatrix.of(n, n, rowPtr, new int[] {j}, new double[] {1, 0}), Dims.oper(n));
    }
}
