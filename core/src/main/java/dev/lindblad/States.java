package dev.lindblad;

import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.DenseMatrix;
import java.util.Arrays;
import java.util.List;
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

    // ---------------------------------------------------------------- the QuTiP surface (issue #15)

    /**
     * Basis ket of a space whose number states start at {@code offset}, as QuTiP's
     * {@code basis(N, n, offset)}: the kept states are {@code |offset>, ..., |offset + N - 1>}
     * and {@code |k>} is the vector with a 1 at index {@code k - offset}.
     *
     * @param n      dimension
     * @param k      number state, {@code offset <= k < offset + n}
     * @param offset lowest number state kept
     * @return the ket, dims {@code [[n], [1]]}
     */
    public static Qobj basis(int n, int k, int offset) {
        Operators.requirePositive("basis", "n", n);
        if (k - (long) offset < 0 || k - (long) offset >= n) {
            throw new IllegalArgumentException("basis: number state k = " + k + " is outside offset.." + "(offset + n - 1) = "
                    + offset + ".." + (offset + (long) n - 1));
        }
        return basis(n, k - offset);
    }

    /**
     * Basis ket of a composite space with offsets, as QuTiP's {@code basis(dims, n, offset)}.
     *
     * @param dims   subsystem sizes
     * @param k      one number state per subsystem
     * @param offset the lowest number state of each subsystem
     * @return {@code |k0> ⊗ |k1> ⊗ ...}, dims {@code [dims, [1, ...]]}
     */
    public static Qobj basis(int[] dims, int[] k, int[] offset) {
        Require.nonNull(dims, "basis", "dims");
        Require.nonNull(k, "basis", "k");
        Require.nonNull(offset, "basis", "offset");
        if (offset.length != dims.length || k.length != dims.length) {
            throw new IllegalArgumentException("basis: dims " + Arrays.toString(dims) + ", indices " + Arrays.toString(k)
                    + " and offsets " + Arrays.toString(offset) + " must have equal lengths");
        }
        int[] shifted = new int[k.length];
        for (int s = 0; s < k.length; s++) {
            shifted[s] = k[s] - offset[s];
        }
        return basis(dims, shifted);
    }

    /** @return the composite Fock ket, the same as {@link #basis(int[], int[])} */
    public static Qobj fock(int[] dims, int[] k) {
        Require.nonNull(dims, "fock", "dims");
        Require.nonNull(k, "fock", "k");
        return basis(dims, k);
    }

    /** @return the composite Fock ket with offsets, the same as {@link #basis(int[], int[], int[])} */
    public static Qobj fock(int[] dims, int[] k, int[] offset) {
        Require.nonNull(dims, "fock", "dims");
        Require.nonNull(k, "fock", "k");
        Require.nonNull(offset, "fock", "offset");
        return basis(dims, k, offset);
    }

    /** @return the Fock ket with an offset, the same as {@link #basis(int, int, int)} */
    public static Qobj fock(int n, int k, int offset) {
        return basis(n, k, offset);
    }

    /** @return the composite Fock density matrix {@code |k><k|}, k one index per subsystem */
    public static Qobj fockDm(int[] dims, int[] k) {
        Require.nonNull(dims, "fockDm", "dims");
        Require.nonNull(k, "fockDm", "k");
        return ketToDm(basis(dims, k));
    }

    /** @return the Fock density matrix {@code |k><k|} of a space starting at {@code |offset>} */
    public static Qobj fockDm(int n, int k, int offset) {
        return ketToDm(basis(n, k, offset));
    }

    /** @return the composite Fock density matrix with offsets */
    public static Qobj fockDm(int[] dims, int[] k, int[] offset) {
        Require.nonNull(dims, "fockDm", "dims");
        Require.nonNull(k, "fockDm", "k");
        Require.nonNull(offset, "fockDm", "offset");
        return ketToDm(basis(dims, k, offset));
    }

    /**
     * {@code |i><j|} of a composite space, as QuTiP's {@code projection(dims, n, m)}.
     *
     * @param dims subsystem sizes
     * @param i    row basis state, one index per subsystem
     * @param j    column basis state, one index per subsystem
     * @return the operator with dims {@code [dims, dims]}
     */
    public static Qobj projection(int[] dims, int[] i, int[] j) {
        Require.nonNull(dims, "projection", "dims");
        Require.nonNull(i, "projection", "i");
        Require.nonNull(j, "projection", "j");
        return basis(dims, i).times(basis(dims, j).dag());
    }

    /** @return {@code |i><j|} of a composite space with offsets, as QuTiP's {@code projection(dims, n, m, offset)} */
    public static Qobj projection(int[] dims, int[] i, int[] j, int[] offset) {
        Require.nonNull(dims, "projection", "dims");
        Require.nonNull(i, "projection", "i");
        Require.nonNull(j, "projection", "j");
        Require.nonNull(offset, "projection", "offset");
        return basis(dims, i, offset).times(basis(dims, j, offset).dag());
    }

    /** @return {@code |i><j|} of a space starting at {@code |offset>}, as QuTiP's {@code projection(N, n, m, offset)} */
    public static Qobj projection(int n, int i, int j, int offset) {
        return basis(n, i, offset).times(basis(n, j, offset).dag());
    }

    /**
     * The zero ket, as QuTiP's {@code zero_ket(dims)}.
     *
     * @param dims subsystem sizes
     * @return the ket of zeros with dims {@code [dims, [1, ...]]}, dense
     */
    public static Qobj zeroKet(int... dims) {
        Require.nonNull(dims, "zeroKet", "dims");
        int n = Operators.size("zeroKet", dims);
        return Qobj.of(DenseMatrix.zeros(n, 1), Dims.ket(dims));
    }

    /**
     * The W state of n qubits, as QuTiP's {@code w_state(N)}:
     * {@code (|10...0> + |010...0> + ... + |0...01>)/√n}.
     *
     * @param n number of qubits, at least 1
     * @return the ket, dims {@code [[2, ..., 2], [1, ..., 1]]}
     */
    public static Qobj wState(int n) {
        Operators.requirePositive("wState", "n", n);
        if (n > 30) {
            throw new IllegalArgumentException("wState: n = " + n + " qubits give a 2^" + n + " vector, too large");
        }
        int size = 1 << n;
        double[] d = new double[2 * size];
        for (int q = 0; q < n; q++) {
            d[2 * (1 << (n - 1 - q))] = 1 / Math.sqrt(n);
        }
        int[] dims = new int[n];
        Arrays.fill(dims, 2);
        return Qobj.of(DenseMatrix.wrap(size, 1, d), Dims.ket(dims));
    }

    /**
     * The spin state {@code |j, m>}, as QuTiP's {@code spin_state(j, m)}: {@code basis(2j + 1, j - m)}
     * in the basis ordered {@code m = j, j - 1, ..., -j}.
     *
     * @param j a non-negative integer or half-integer
     * @param m magnetic number, {@code -j <= m <= j}, {@code j - m} an integer
     * @return the ket
     */
    public static Qobj spinState(double j, double m) {
        int n = spinDimension("spinState", j);
        double k = j - m;
        if (!(k >= 0) || k > 2 * j || Math.rint(k) != k) {
            throw new IllegalArgumentException("spinState: m = " + m + " must be one of j, j-1, ..., -j for j = " + j);
        }
        return basis(n, (int) k);
    }

    /**
     * @param j    spin
     * @param m    magnetic number
     * @param type "ket", "bra" or "dm"
     * @return {@code |j, m>} as a ket, bra or density matrix, as QuTiP's {@code spin_state(j, m, type)}
     */
    public static Qobj spinState(double j, double m, String type) {
        Require.finite(j, "spinState", "j");
        Require.finite(m, "spinState", "m");
        Require.nonNull(type, "spinState", "type");
        return asType("spinState", spinState(j, m), type);
    }

    private static Qobj asType(String function, Qobj ket, String type) {
        return switch (type == null ? "null" : type) {
            case "ket" -> ket;
            case "bra" -> ket.dag();
            case "dm" -> ketToDm(ket);
            default -> throw new IllegalArgumentException(function + ": type must be \"ket\", \"bra\" or \"dm\", got \"" + type
                    + "\"");
        };
    }

    private static int spinDimension(String function, double j) {
        double t = 2 * j;
        if (!(j >= 0) || Double.isInfinite(j) || Math.rint(t) != t || t > 1e6) {
            throw new IllegalArgumentException(function + ": j must be a non-negative integer or half-integer, got j = " + j);
        }
        return (int) t + 1;
    }

    /**
     * The spin coherent state, as QuTiP's {@code spin_coherent(j, theta, phi)}:
     * {@code exp(θ/2 (e^{iφ} J_- - e^{-iφ} J_+)) |j, j>}, the state of a spin j pointing along
     * {@code (sin θ cos φ, sin θ sin φ, cos θ)}.
     *
     * @param j     spin
     * @param theta polar angle
     * @param phi   azimuthal angle
     * @return the ket, dense
     */
    public static Qobj spinCoherent(double j, double theta, double phi) {
        spinDimension("spinCoherent", j);
        if (!Double.isFinite(theta) || !Double.isFinite(phi)) {
            throw new IllegalArgumentException("spinCoherent: angles must be finite, got theta = " + theta + ", phi = " + phi);
        }
        Qobj sp = Operators.jmat(j, "+"), sm = Operators.jmat(j, "-");
        Qobj gen = sm.times(Complex.polar(0.5 * theta, phi)).minus(sp.times(Complex.polar(0.5 * theta, -phi)));
        return gen.expm().times(spinState(j, j)).toDense();
    }

    /** @return the spin coherent state as a ket, bra or density matrix ({@code type} "ket", "bra", "dm") */
    public static Qobj spinCoherent(double j, double theta, double phi, String type) {
        Require.finite(j, "spinCoherent", "j");
        Require.finite(theta, "spinCoherent", "theta");
        Require.finite(phi, "spinCoherent", "phi");
        Require.nonNull(type, "spinCoherent", "type");
        return asType("spinCoherent", spinCoherent(j, theta, phi), type);
    }

    /**
     * A Pegg–Barnett phase basis ket, as QuTiP's {@code phase_basis(N, m, phi0)}:
     * {@code |φ_m> = n^{-1/2} Σ_k e^{i k φ_m} |k>} with {@code φ_m = φ0 + 2π m / n}.
     *
     * @param n    number of levels
     * @param m    the phase index
     * @param phi0 reference phase
     * @return the ket, dense
     */
    public static Qobj phaseBasis(int n, int m, double phi0) {
        Require.finite(phi0, "phaseBasis", "phi0");
        Operators.requirePositive("phaseBasis", "N", n);
        double phim = phi0 + 2.0 * Math.PI * m / n;
        double[] d = new double[2 * n];
        for (int k = 0; k < n; k++) {
            d[2 * k] = Math.cos(k * phim) / Math.sqrt(n);
            d[2 * k + 1] = Math.sin(k * phim) / Math.sqrt(n);
        }
        return Qobj.of(DenseMatrix.wrap(n, 1, d), Dims.ket(n));
    }

    /** @return {@link #phaseBasis(int, int, double)} with {@code φ0 = 0} */
    public static Qobj phaseBasis(int n, int m) {
        return phaseBasis(n, m, 0);
    }

    /** @return the two-qubit singlet {@code (|01> - |10>)/√2}, as QuTiP's {@code singlet_state()} */
    public static Qobj singletState() {
        return bellState("11");
    }

    /**
     * The two-qubit triplet states, as QuTiP's {@code triplet_states()}: {@code |11>},
     * {@code (|01> + |10>)/√2}, {@code |00>}.
     *
     * @return the three kets
     */
    public static List<Qobj> tripletStates() {
        int[] d = {2, 2};
        Qobj mid = basis(d, new int[] {0, 1}).plus(basis(d, new int[] {1, 0})).times(Math.sqrt(0.5));
        return List.of(basis(d, new int[] {1, 1}), mid, basis(d, new int[] {0, 0}));
    }

    /** @return the qutrit basis {@code |0>, |1>, |2>}, as QuTiP's {@code qutrit_basis()} */
    public static List<Qobj> qutritBasis() {
        return List.of(basis(3, 0), basis(3, 1), basis(3, 2));
    }

    /**
     * A Fock state of the excitation-number-restricted space, as QuTiP's
     * {@code enr_fock(dims, excitations, state)}; the basis is ordered as
     * {@link Operators#enrStates}.
     *
     * @param dims        levels of each mode
     * @param excitations the largest total number of excitations
     * @param state       the occupation of each mode
     * @return the ket, dims {@code [[N], [1]]} with N the number of ENR states
     * @throws IllegalArgumentException if the state is not in the restricted space
     */
    public static Qobj enrFock(int[] dims, int excitations, int[] state) {
        Require.nonNull(dims, "enrFock", "dims");
        Require.nonNull(state, "enrFock", "state");
        List<int[]> states = Operators.enrStates(dims, excitations);
        for (int k = 0; k < states.size(); k++) {
            if (Arrays.equals(states.get(k), state)) {
                return basis(states.size(), k);
            }
        }
        throw new IllegalArgumentException("enrFock: state " + Arrays.toString(state) + " is not in the restricted space of dims "
                + Arrays.toString(dims) + " with at most " + excitations + " excitations");
    }

    /**
     * The thermal state of the ENR space, as QuTiP's {@code enr_thermal_dm(dims, excitations, n)}:
     * diagonal, {@code p(n_0, ..., n_{m-1}) ∝ Π_k (nbar_k / (1 + nbar_k))^{n_k}}, normalised
     * over the restricted basis.
     *
     * @param dims        levels of each mode
     * @param excitations the largest total number of excitations
     * @param nMean       mean occupation of each mode, {@code >= 0}
     * @return the density matrix, sparse, dims {@code [[N], [N]]}
     */
    public static Qobj enrThermalDm(int[] dims, int excitations, double[] nMean) {
        Require.nonNull(dims, "enrThermalDm", "dims");
        Require.finite(nMean, "enrThermalDm", "nMean");
        List<int[]> states = Operators.enrStates(dims, excitations);
        if (nMean.length != dims.length) {
            throw new IllegalArgumentException("enrThermalDm: " + nMean.length + " mean occupations for " + dims.length
                    + " modes");
        }
        for (double x : nMean) {
            if (!(x >= 0) || Double.isInfinite(x)) {
                throw new IllegalArgumentException("enrThermalDm: mean occupations must be finite and >= 0, got "
                        + Arrays.toString(nMean));
            }
        }
        int n = states.size();
        double[] p = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double w = 1;
            int[] s = states.get(k);
            for (int mode = 0; mode < s.length; mode++) {
                w *= Math.pow(nMean[mode] / (nMean[mode] + 1), s[mode]);
            }
            p[k] = w;
            sum += w;
        }
        double[] d = new double[2 * n];
        for (int k = 0; k < n; k++) {
            d[2 * k] = p[k] / sum;
        }
        return Qobj.of(CsrMatrix.diagonal(n, 0, d), Dims.oper(n));
    }

    /** @return {@link #enrThermalDm(int[], int, double[])} with the same mean occupation for every mode */
    public static Qobj enrThermalDm(int[] dims, int excitations, double nMean) {
        Require.nonNull(dims, "enrThermalDm", "dims");
        Require.finite(nMean, "enrThermalDm", "nMean");
        double[] n = new double[dims.length];
        Arrays.fill(n, nMean);
        return enrThermalDm(dims, excitations, n);
    }
}
