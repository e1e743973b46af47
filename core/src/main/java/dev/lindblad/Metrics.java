package dev.lindblad;

import dev.lindblad.data.Data;
import dev.lindblad.data.Matrix;
import java.util.Arrays;
import java.util.List;

/**
 * Distances and information measures of quantum states, with QuTiP 4.7's definitions: the
 * fidelity is <em>not</em> squared, logarithms are natural unless a base is given, kets are
 * accepted wherever a density matrix is and stand for {@code |psi><psi|}.
 *
 * <p>Several measures take square roots of eigenvalues that are exactly zero for pure and
 * rank-deficient states; rounding makes them ~1e-17, whose square roots are ~3e-9. So that
 * such states get their values to rounding (1e-15, not 1e-8), the square roots are never taken
 * of rounding: a density matrix enters through its factor {@code rho = W W^†} over the
 * eigenvalues above {@link dev.lindblad.linalg.Sqrtm#roundingThreshold} (those at or below it,
 * and negative ones, are zero), and singular values are computed as eigenvalues of a Hermitian
 * matrix of the same size, never as square roots of the eigenvalues of {@code M^† M}. Closed
 * forms are used for kets (two kets, a ket and a matrix, the concurrence of a ket).
 */
public final class Metrics {

    private Metrics() {
    }

    private static Qobj asKet(Qobj s) {
        return s.isBra() ? s.dag() : s;
    }

    private static Qobj asDm(String function, Qobj s) {
        return switch (s.type()) {
            case KET, BRA -> States.ketToDm(s);
            case OPER -> s;
            default -> throw new IllegalArgumentException(function + " needs kets, bras or density matrices, got a "
                    + s.type() + " with dims " + s.dims());
        };
    }

    /**
     * Fidelity as QuTiP 4.7's {@code fidelity}: {@code F(A, B) = tr sqrt(sqrt(A) B sqrt(A))}
     * (not squared). For two pure states it is {@code |<a|b>|}, for a pure state {@code a} and a
     * density matrix {@code B} it is {@code sqrt(<a|B|a>)}. For two density matrices it is
     * computed as the sum of the singular values of {@code W_A^† W_B}, where
     * {@code A = W_A W_A^†} and {@code B = W_B W_B^†} are the factors described in the class
     * comment: {@code sqrt(A) B sqrt(A) = (sqrt(A) W_B)(sqrt(A) W_B)^†}, whose square root has
     * the trace {@code ||sqrt(A) W_B||_* = ||W_A^† W_B||_*}. Negative eigenvalues of A and B (a
     * slightly unphysical input) are dropped, as QuTiP drops those of {@code sqrt(A) B sqrt(A)}.
     *
     * @param a a ket, bra or density matrix
     * @param b a ket, bra or density matrix with the same Hilbert-space dims
     * @return F in [0, 1] for normalised states
     */
    public static double fidelity(Qobj a, Qobj b) {
        Require.nonNull(a, "fidelity", "a");
        Require.nonNull(b, "fidelity", "b");
        boolean aPure = a.isKet() || a.isBra(), bPure = b.isKet() || b.isBra();
        if (aPure && bPure) {
            Qobj ka = asKet(a), kb = asKet(b);
            if (!ka.dims().equals(kb.dims())) {
                throw new DimensionMismatchException("fidelity", a.dims(), b.dims());
            }
            return ka.overlap(kb).abs();
        }
        if (!aPure && bPure) {
            return fidelity(b, a);
        }
        if (!b.isOper() || (!aPure && !a.isOper())) {
            throw new IllegalArgumentException("fidelity needs kets, bras or density matrices, got a " + a.type() + " and a "
                    + b.type());
        }
        if (aPure) {
            Qobj ka = asKet(a);
            if (!b.dims().equals(Dims.oper(ka.dims().out()))) {
                throw new DimensionMismatchException("fidelity", a.dims(), b.dims());
            }
            double e = Qobj.expectComplex(b, ka).re();
            return e > 0 ? Math.sqrt(e) : 0;
        }
        if (!a.dims().equals(b.dims())) {
            throw new DimensionMismatchException("fidelity", a.dims(), b.dims());
        }
        return Linalg.nuclearNormOfProduct(Linalg.psdFactor(hermitianPart(a.data())),
                Linalg.psdFactor(hermitianPart(b.data())));
    }

    /**
     * {@code sqrt(A) = Σ_k sqrt(λ_k) v_k v_k^†} from the eigen-decomposition of the Hermitian
     * part of A, over the eigenvalues above {@link dev.lindblad.linalg.Sqrtm#roundingThreshold}
     * (those at or below it, negative ones included, are zero): the root of a rank-deficient
     * matrix without the ~3e-9 components its rounding-level eigenvalues would add. Unlike
     * {@code Qobj.sqrtm()} it does not refuse a clearly negative eigenvalue.
     *
     * @return sqrt(A), interleaved column-major
     */
    static double[] psdSqrt(Matrix a) {
        int n = a.rows();
        double[] s = new double[2 * n * n];
        if (n == 0) {
            return s;
        }
        Linalg.Eigensystem es = Linalg.eigh(hermitianPart(a));
        double[] v = es.vectors(), lam = es.values();
        double zero = dev.lindblad.linalg.Sqrtm.roundingThreshold(n, lam[n - 1]);
        for (int k = 0; k < n; k++) {
            if (!(lam[k] > zero)) {
                continue;
            }
            double w = Math.sqrt(lam[k]);
            for (int j = 0; j < n; j++) {
                // w * conj(V[j, k])
                double cr = w * v[2 * (j + k * n)], ci = -w * v[2 * (j + k * n) + 1];
                for (int i = 0; i < n; i++) {
                    double vr = v[2 * (i + k * n)], vi = v[2 * (i + k * n) + 1];
                    s[2 * (i + j * n)] += vr * cr - vi * ci;
                    s[2 * (i + j * n) + 1] += vr * ci + vi * cr;
                }
            }
        }
        return s;
    }

    /** {@code (M + M^†)/2}: removes rounding asymmetry before a Hermitian eigensolver. */
    static Matrix hermitianPart(Matrix m) {
        return Data.scale(Data.add(m, Data.adjoint(m)), 0.5, 0);
    }

    /**
     * Trace distance {@code T(A, B) = ½ ||A - B||_tr = ½ Σ |λ_k(A - B)|}, kets standing for
     * their density matrices (QuTiP's {@code tracedist}).
     *
     * @param a a ket, bra or density matrix
     * @param b another, with the same dims
     * @return T in [0, 1] for normalised states
     */
    public static double tracedist(Qobj a, Qobj b) {
        Require.nonNull(a, "tracedist", "a");
        Require.nonNull(b, "tracedist", "b");
        Qobj da = asDm("tracedist", a), db = asDm("tracedist", b);
        if (!da.dims().equals(db.dims())) {
            throw new DimensionMismatchException("tracedist", a.dims(), b.dims());
        }
        return 0.5 * da.minus(db).traceNorm();
    }

    /**
     * Hilbert–Schmidt distance {@code tr((A - B)^† (A - B))}, QuTiP's {@code hilbert_dist}
     * (which writes {@code tr((A - B)^2)}, the same for Hermitian A and B).
     *
     * @param a a ket, bra or operator
     * @param b another, with the same dims
     * @return the squared Frobenius norm of the difference
     */
    public static double hilbertDist(Qobj a, Qobj b) {
        Require.nonNull(a, "hilbertDist", "a");
        Require.nonNull(b, "hilbertDist", "b");
        Qobj da = asDm("hilbertDist", a), db = asDm("hilbertDist", b);
        if (!da.dims().equals(db.dims())) {
            throw new DimensionMismatchException("hilbertDist", a.dims(), b.dims());
        }
        double f = da.minus(db).frobeniusNorm();
        return f * f;
    }

    /**
     * Von Neumann entropy {@code S = -Σ_k λ_k ln λ_k} over the eigenvalues {@code λ_k > 0} of
     * rho (eigenvalues {@code <= 0}, which are rounding noise for a density matrix, are skipped).
     *
     * @param rho a density matrix, or a ket (entropy 0)
     * @return S in nats
     */
    public static double entropyVn(Qobj rho) {
        Require.nonNull(rho, "entropyVn", "rho");
        return entropyVn(rho, Math.E);
    }

    /**
     * Von Neumann entropy in the given logarithm base: {@code -Σ λ_k log_base λ_k}.
     *
     * @param rho  a density matrix or ket
     * @param base logarithm base, e.g. 2 for bits or {@link Math#E} for nats
     * @return S
     */
    public static double entropyVn(Qobj rho, double base) {
        Require.nonNull(rho, "entropyVn", "rho");
        if (!(base > 0) || base == 1 || Double.isInfinite(base)) {
            throw new IllegalArgumentException("entropyVn: base must be positive and not 1, got base = " + base);
        }
        Qobj d = asDm("entropyVn", rho);
        double s = 0;
        for (double l : d.eigenenergies()) {
            if (l > 0) {
                s -= l * Math.log(l);
            }
        }
        return base == Math.E ? s : s / Math.log(base);
    }

    /**
     * Linear entropy {@code 1 - tr(rho^2)}.
     *
     * @param rho a density matrix or ket
     * @return the linear entropy
     */
    public static double entropyLinear(Qobj rho) {
        Require.nonNull(rho, "entropyLinear", "rho");
        return 1 - purity(rho);
    }

    /**
     * Purity {@code tr(rho^2)}.
     *
     * @param rho a density matrix or ket
     * @return the purity, 1 for pure states
     */
    public static double purity(Qobj rho) {
        Require.nonNull(rho, "purity", "rho");
        Qobj d = asDm("purity", rho);
        return Data.expectRho(d.data(), d.data()).re();
    }

    /**
     * Wootters' concurrence of a two-qubit state,
     * {@code C = max(0, λ1 - λ2 - λ3 - λ4)} with {@code λ_k} the square roots, in decreasing
     * order, of the eigenvalues of {@code rho (σy⊗σy) rho^* (σy⊗σy)}. Computed from the factor
     * {@code rho = W W^†} (4×r, see the class comment) as the singular values of the r×r
     * complex symmetric {@code τ = W^T (σy⊗σy) W}: the nonzero eigenvalues of
     * {@code rho rho~ = W (W^† (σy⊗σy) W^* W^T (σy⊗σy))} are those of {@code τ^† τ}. So a pure
     * or rank-deficient state gets its value to rounding. For a ket
     * {@code a|00> + b|01> + c|10> + d|11>} it is {@code 2|ad - bc|} exactly.
     *
     * @param rho a ket, bra or density matrix with dims {@code [[2, 2], [1, 1]]} /
     *            {@code [[2, 2], [2, 2]]}
     * @return C in [0, 1]
     */
    public static double concurrence(Qobj rho) {
        Require.nonNull(rho, "concurrence", "rho");
        Dims ketDims = Dims.ket(2, 2);
        boolean ok = switch (rho.type()) {
            case KET -> rho.dims().equals(ketDims);
            case BRA -> rho.dims().equals(ketDims.dag());
            case OPER -> rho.dims().equals(Dims.oper(2, 2));
            default -> false;
        };
        if (!ok) {
            throw new IllegalArgumentException("concurrence needs a two-qubit state with dims [[2, 2], [1, 1]] (ket) or "
                    + "[[2, 2], [2, 2]] (density matrix), got a " + rho.type() + " with dims " + rho.dims());
        }
        if (!rho.isOper()) {
            Qobj k = asKet(rho);
            Complex a = k.get(0, 0), b = k.get(1, 0), c = k.get(2, 0), d = k.get(3, 0);
            return 2 * a.times(d).minus(b.times(c)).abs();
        }
        Linalg.PsdFactor f = Linalg.psdFactor(hermitianPart(rho.data()));
        int r = f.rank();
        double[] w = f.w();
        // (σy⊗σy) W: rows (0, 1, 2, 3) become (-W_3, W_2, W_1, -W_0).
        int[] from = {3, 2, 1, 0};
        double[] sign = {-1, 1, 1, -1};
        double[] tau = new double[2 * r * r];
        for (int q = 0; q < r; q++) {
            for (int p = 0; p < r; p++) {
                double re = 0, im = 0;
                for (int i = 0; i < 4; i++) {
                    double ar = w[2 * (i + 4 * p)], ai = w[2 * (i + 4 * p) + 1];
                    double br = sign[i] * w[2 * (from[i] + 4 * q)], bi = sign[i] * w[2 * (from[i] + 4 * q) + 1];
                    re += ar * br - ai * bi;
                    im += ar * bi + ai * br;
                }
                tau[2 * (p + q * r)] = re;
                tau[2 * (p + q * r) + 1] = im;
            }
        }
        double[] l = r == 1 ? new double[] {Math.hypot(tau[0], tau[1])} : Linalg.singularValues(r, r, tau);
        double c = l.length == 0 ? 0 : l[0];
        for (int k = 1; k < l.length; k++) {
            c -= l[k];
        }
        return Math.max(0, c);
    }

    // ---- distances, channel metrics and entropies (issue #15) ----

    /**
     * Bures distance {@code D_B = sqrt(2 (1 - F(A, B)))} with F the fidelity of
     * {@link #fidelity} (QuTiP's {@code bures_dist}); 0 for equal states, {@code sqrt 2} for
     * orthogonal ones. A fidelity above 1 by rounding counts as 1.
     *
     * @param a a ket, bra or density matrix
     * @param b another, with the same Hilbert-space dims
     * @return the Bures distance
     */
    public static double buresDist(Qobj a, Qobj b) {
        Require.nonNull(a, "buresDist", "a");
        Require.nonNull(b, "buresDist", "b");
        double f = fidelityChecked("buresDist", a, b);
        return Math.sqrt(2 * Math.max(0, 1 - f));
    }

    /**
     * Bures angle {@code arccos F(A, B)} (QuTiP's {@code bures_angle}), in {@code [0, π/2]}; a
     * fidelity above 1 by rounding counts as 1.
     *
     * @param a a ket, bra or density matrix
     * @param b another, with the same Hilbert-space dims
     * @return the Bures angle in radians
     */
    public static double buresAngle(Qobj a, Qobj b) {
        Require.nonNull(a, "buresAngle", "a");
        Require.nonNull(b, "buresAngle", "b");
        return Math.acos(Math.min(1, fidelityChecked("buresAngle", a, b)));
    }

    private static double fidelityChecked(String function, Qobj a, Qobj b) {
        Qobj da = asDm(function, a), db = asDm(function, b);
        if (!da.dims().equals(db.dims())) {
            throw new DimensionMismatchException(function, a.dims(), b.dims());
        }
        return fidelity(a, b);
    }

    /**
     * Quantum Hellinger distance (QuTiP's {@code hellinger_dist}):
     * {@code D_H = sqrt(2 (1 - tr(sqrt(A) sqrt(B))))}, a ket standing for its projector (which is
     * its own square root); 0 for equal states, {@code sqrt 2} for orthogonal ones. The square
     * roots are those of {@link #fidelity}'s class comment (rounding-level eigenvalues are zero),
     * and {@code 1 - tr(...)} below 0 by rounding counts as 0.
     *
     * @param a a ket, bra or density matrix
     * @param b another, with the same Hilbert-space dims
     * @return the Hellinger distance
     */
    public static double hellingerDist(Qobj a, Qobj b) {
        Require.nonNull(a, "hellingerDist", "a");
        Require.nonNull(b, "hellingerDist", "b");
        Qobj da = asDm("hellingerDist", a), db = asDm("hellingerDist", b);
        if (!da.dims().equals(db.dims())) {
            throw new DimensionMismatchException("hellingerDist", a.dims(), b.dims());
        }
        int n = da.shape()[0];
        double[] sa = a.isOper() ? psdSqrt(da.data()) : da.data().toDense().array();
        double[] sb = b.isOper() ? psdSqrt(db.data()) : db.data().toDense().array();
        // tr(X Y) = Σ_ij X_ij Y_ji
        double tr = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                tr += sa[2 * (i + n * j)] * sb[2 * (j + n * i)] - sa[2 * (i + n * j) + 1] * sb[2 * (j + n * i) + 1];
            }
        }
        return Math.sqrt(2 * Math.max(0, 1 - tr));
    }

    /** [output subsystems, input subsystems] of a map given as an operator or superoperator. */
    private static int[][] channelDims(String function, Qobj q) {
        if (q.isOper()) {
            return new int[][] {q.dims().out(), q.dims().in()};
        }
        if (!q.isSuper()) {
            throw new IllegalArgumentException(function + " needs a quantum channel (an operator, a superoperator or "
                    + "Kraus operators), got a " + q.type() + " with dims " + q.dims());
        }
        return switch (q.dims().superrep()) {
            case "super" -> new int[][] {q.dims().outSpace().out(), q.dims().inSpace().out()};
            case "choi", "chi" -> new int[][] {q.dims().outSpace().out(), q.dims().outSpace().in()};
            default -> throw new IllegalArgumentException(function + ": the superoperator is a product of different "
                    + "representations (superrep \"mixed\"); convert the factors with toSuper first");
        };
    }

    private static int[][] channelDims(String function, List<Qobj> kraus) {
        if (kraus.isEmpty()) {
            throw new IllegalArgumentException(function + ": kraus lists no operator");
        }
        for (int k = 0; k < kraus.size(); k++) {
            if (!kraus.get(k).isOper()) {
                throw new IllegalArgumentException(function + ": Kraus operator " + k + " must be an operator, got a "
                        + kraus.get(k).type() + " with dims " + kraus.get(k).dims());
            }
        }
        return channelDims(function, kraus.get(0));
    }

    private static int squareChannel(String function, int[][] d) {
        if (!Arrays.equals(d[0], d[1])) {
            throw new IllegalArgumentException(function + " is only defined for dimension-preserving channels (as "
                    + "QuTiP), got output dims " + Arrays.toString(d[0]) + " and input dims " + Arrays.toString(d[1]));
        }
        int p = 1;
        for (int x : d[1]) {
            p *= x;
        }
        return p;
    }

    private static Qobj choiOf(Qobj q, List<Qobj> kraus) {
        return q != null ? Superops.toChoi(q) : Superops.krausToChoi(kraus);
    }

    private static double processFidelityCore(String function, Qobj oper, List<Qobj> operKraus, Qobj target) {
        int[][] dOper = oper != null ? channelDims(function, oper) : channelDims(function, operKraus);
        int d = squareChannel(function, dOper);
        Qobj j = choiOf(oper, operKraus);
        if (target == null) {
            return Math.max(0, Superops.toSuper(j).tr().re() / ((double) d * d));
        }
        int[][] dTarget = channelDims(function, target);
        if (!Arrays.equals(dOper[0], dTarget[0]) || !Arrays.equals(dOper[1], dTarget[1])) {
            throw new DimensionMismatchException(function + ": the channel maps " + Arrays.toString(dOper[1]) + " to "
                    + Arrays.toString(dOper[0]) + ", the target " + Arrays.toString(dTarget[1]) + " to "
                    + Arrays.toString(dTarget[0]));
        }
        if (target.isOper()) {
            // the pure Choi state vec(U)/sqrt(d) of a unitary target: <u|J|u> / d²
            Complex e = Qobj.expectComplex(Qobj.of(j.data(), Dims.oper(j.shape()[0])),
                    Qobj.of(Data.vec(target.data()), Dims.ket(j.shape()[0])));
            return Math.max(0, e.re() / ((double) d * d));
        }
        if (oper != null && oper.isOper()) {
            return processFidelityCore(function, target, null, oper);
        }
        Qobj t = Superops.toChoi(target);
        double f = Linalg.nuclearNormOfProduct(Linalg.psdFactor(hermitianPart(j.data())),
                Linalg.psdFactor(hermitianPart(t.data()))) / d;
        return f * f;
    }

    /**
     * Process fidelity to the identity channel (QuTiP 5's {@code process_fidelity(oper)}):
     * {@code F_pro = tr(S) / d²} for the supermatrix S, which is {@code Σ_k |tr K_k|² / d²} for
     * Kraus operators and {@code |tr U|² / d²} for a unitary U.
     *
     * @param oper a dimension-preserving channel: an operator U (for {@code X -> U X U^†}) or a
     *             superoperator (any superrep)
     * @return the process fidelity, 1 for the identity channel
     */
    public static double processFidelity(Qobj oper) {
        Require.nonNull(oper, "processFidelity", "oper");
        return processFidelityCore("processFidelity", oper, null, null);
    }

    /**
     * Process fidelity between two channels, as QuTiP 5's {@code process_fidelity(oper, target)}
     * (Gilchrist, Langford and Nielsen, PRA 71, 062310 (2005)): the Jozsa (squared) fidelity of
     * the normalised Choi matrices, {@code F_pro = (tr sqrt(sqrt(J_E) J_T sqrt(J_E)) / d)²}. For a
     * unitary target U it is {@code <<U|J_E|U>> / d²} with {@code |U>> = vec(U)}, e.g.
     * {@code |tr(V^† U)|² / d²} for two unitaries.
     *
     * @param oper   a dimension-preserving channel: an operator or a superoperator (any superrep)
     * @param target another, with the same dims; an operator stands for a unitary channel
     * @return the process fidelity in [0, 1]
     */
    public static double processFidelity(Qobj oper, Qobj target) {
        Require.nonNull(oper, "processFidelity", "oper");
        Require.nonNull(target, "processFidelity", "target");
        return processFidelityCore("processFidelity", oper, null, target);
    }

    /**
     * {@link #processFidelity(Qobj)} of the channel {@code X -> Σ K X K^†}: {@code Σ |tr K|² / d²}.
     *
     * @param kraus the Kraus operators, at least one, square, all with the same dims
     * @return the process fidelity to the identity
     */
    public static double processFidelity(List<Qobj> kraus) {
        List<Qobj> ks = Require.elements(kraus, "processFidelity", "kraus");
        return processFidelityCore("processFidelity", null, ks, null);
    }

    /**
     * {@link #processFidelity(Qobj, Qobj)} of the channel {@code X -> Σ K X K^†} to a target.
     *
     * @param kraus  the Kraus operators, at least one, square, all with the same dims
     * @param target an operator (unitary channel) or a superoperator with the same dims
     * @return the process fidelity
     */
    public static double processFidelity(List<Qobj> kraus, Qobj target) {
        List<Qobj> ks = Require.elements(kraus, "processFidelity", "kraus");
        Require.nonNull(target, "processFidelity", "target");
        return processFidelityCore("processFidelity", null, ks, target);
    }

    private static double agf(String function, Qobj oper, List<Qobj> kraus, Qobj target) {
        if (target != null && !target.isOper()) {
            throw new IllegalArgumentException(function + ": the target must be an operator, a unitary channel (as "
                    + "QuTiP), got a " + target.type() + " with dims " + target.dims());
        }
        int[][] dd = oper != null ? channelDims(function, oper) : channelDims(function, kraus);
        int d = squareChannel(function, dd);
        return (d * processFidelityCore(function, oper, kraus, target) + 1) / (d + 1);
    }

    /**
     * Average gate fidelity to the identity channel, QuTiP 5's {@code average_gate_fidelity}:
     * {@code F_avg = (d F_pro + 1) / (d + 1)} with {@link #processFidelity(Qobj)} (the mean of
     * {@code <psi|E(|psi><psi|)|psi>} over Haar-random pure states).
     *
     * @param oper a dimension-preserving channel: an operator or a superoperator
     * @return the average gate fidelity, 1 for the identity
     */
    public static double averageGateFidelity(Qobj oper) {
        Require.nonNull(oper, "averageGateFidelity", "oper");
        return agf("averageGateFidelity", oper, null, null);
    }

    /**
     * Average gate fidelity to a unitary target U: {@code (d F_pro(E, U) + 1) / (d + 1)}.
     *
     * @param oper   a dimension-preserving channel: an operator or a superoperator
     * @param target the unitary target, an operator with the same dims
     * @return the average gate fidelity
     */
    public static double averageGateFidelity(Qobj oper, Qobj target) {
        Require.nonNull(oper, "averageGateFidelity", "oper");
        Require.nonNull(target, "averageGateFidelity", "target");
        return agf("averageGateFidelity", oper, null, target);
    }

    /**
     * {@link #averageGateFidelity(Qobj)} of the channel {@code X -> Σ K X K^†}.
     *
     * @param kraus the Kraus operators, at least one, square, all with the same dims
     * @return the average gate fidelity to the identity
     */
    public static double averageGateFidelity(List<Qobj> kraus) {
        List<Qobj> ks = Require.elements(kraus, "averageGateFidelity", "kraus");
        return agf("averageGateFidelity", null, ks, null);
    }

    /**
     * {@link #averageGateFidelity(Qobj, Qobj)} of the channel {@code X -> Σ K X K^†}.
     *
     * @param kraus  the Kraus operators, at least one, square, all with the same dims
     * @param target the unitary target
     * @return the average gate fidelity
     */
    public static double averageGateFidelity(List<Qobj> kraus, Qobj target) {
        List<Qobj> ks = Require.elements(kraus, "averageGateFidelity", "kraus");
        Require.nonNull(target, "averageGateFidelity", "target");
        return agf("averageGateFidelity", null, ks, target);
    }

    /**
     * Unitarity of a channel (Wallman, Granade, Harper and Flammia, NJP 17, 113020 (2015)), as
     * QuTiP's {@code unitarity}: {@code u = ||E_u||_F² / (d² - 1)}, with {@code E_u} the unital
     * block of the channel's matrix in an orthonormal operator basis whose first element is
     * {@code 1/sqrt(d)} (QuTiP uses the normalised Paulis and so only qubits). The block is
     * computed basis-free from the supermatrix S, so any dimension is accepted:
     * {@code ||E_u||² = ||S||_F² - ||S vec(1)||²/d - ||S^† vec(1)||²/d + |<<1|S|1>>|²/d²}.
     * 1 for a unitary channel, 0 for the completely depolarising one.
     *
     * @param oper a dimension-preserving channel: an operator or a superoperator (any superrep),
     *             on a space of dimension d >= 2
     * @return the unitarity
     */
    public static double unitarity(Qobj oper) {
        Require.nonNull(oper, "unitarity", "oper");
        int d = squareChannel("unitarity", channelDims("unitarity", oper));
        if (d < 2) {
            throw new IllegalArgumentException("unitarity needs a space of dimension >= 2, got dims " + oper.dims());
        }
        Qobj s = Superops.toSuper(oper);
        Matrix m = s.data();
        double fro = Data.frobeniusNorm(m);
        Matrix one = Data.vec(dev.lindblad.data.CsrMatrix.identity(d));
        Matrix sOne = Data.matmul(m, one), sdOne = Data.matmul(Data.adjoint(m), one);
        double a = Data.frobeniusNorm(sOne), b = Data.frobeniusNorm(sdOne);
        Complex c = Data.matmul(Data.adjoint(one), sOne).get(0, 0);
        double u = fro * fro - a * a / d - b * b / d + (c.re() * c.re() + c.im() * c.im()) / ((double) d * d);
        return Math.max(0, u) / ((double) d * d - 1);
    }

    /**
     * Distance from the origin to the convex hull of points on the unit circle: 0 when the
     * largest gap between consecutive phases is at most π (the hull holds the origin), else
     * {@code cos((2π - gap)/2)}, the distance to the chord across the arc the points span.
     */
    static double hullDistance(double[] phases) {
        double[] p = phases.clone();
        Arrays.sort(p);
        double gap = 2 * Math.PI - (p[p.length - 1] - p[0]);
        for (int k = 1; k < p.length; k++) {
            gap = Math.max(gap, p[k] - p[k - 1]);
        }
        return gap > Math.PI ? Math.cos((2 * Math.PI - gap) / 2) : 0;
    }

    /**
     * Diamond norm of a map, QuTiP 5's {@code dnorm(A)}, where it has a closed form:
     * 1 for a completely positive trace-preserving map, and {@code ||Φ^*(1)||_∞ =
     * λ_max(Tr_out J)} for a completely positive one (Watrous, <em>The Theory of Quantum
     * Information</em>, 2018). Other maps need a semidefinite program (QuTiP solves it with
     * CVXPY), which Lindblad does not have: they are refused.
     *
     * @param a an operator U (for {@code X -> U X U^†}) or a superoperator (any superrep)
     * @return the diamond norm
     * @throws UnsupportedOperationException for a map that is not completely positive
     */
    public static double dnorm(Qobj a) {
        Require.nonNull(a, "dnorm", "a");
        channelDims("dnorm", a);
        return dnormOfChoi(Superops.toChoi(a), "dnorm(A)");
    }

    /**
     * Diamond norm of the difference of two maps, {@code ||A - B||_◇}, QuTiP 5's
     * {@code dnorm(A, B)}, where it has a closed form. For two unitary channels U and V
     * (Aharonov, Kitaev and Nisan 1998): {@code 2 sqrt(1 - δ²)}, with δ the distance from the
     * origin to the convex hull of the eigenvalues of {@code U V^†} (the numerical-range
     * formula). A unitary channel is a unitary operator, or a superoperator in any
     * representation that is CPTP with one Kraus operator, which is unitary (QuTiP applies the
     * formula to operators only and solves the SDP for superoperators; the values agree). Otherwise the difference of the Choi matrices is used as in {@link #dnorm(Qobj)}
     * (closed forms for completely positive differences only).
     *
     * @param a an operator or a superoperator
     * @param b another, with the same dims
     * @return the diamond norm of the difference
     * @throws UnsupportedOperationException when the difference is neither of two unitary
     *                                       channels nor completely positive: that needs a
     *                                       semidefinite program, which Lindblad does not have
     */
    public static double dnorm(Qobj a, Qobj b) {
        Require.nonNull(a, "dnorm", "a");
        Require.nonNull(b, "dnorm", "b");
        int[][] da = channelDims("dnorm", a), db = channelDims("dnorm", b);
        // the maps may be in different representations; they must act between the same spaces
        if (!Arrays.equals(da[0], db[0]) || !Arrays.equals(da[1], db[1])) {
            throw new DimensionMismatchException("dnorm", a.dims(), b.dims());
        }
        Qobj ua = unitaryOf(a), ub = unitaryOf(b);
        if (ua != null && ub != null) {
            Qobj u = ua.times(ub.dag());
            int n = u.shape()[0];
            double[] ev = dev.lindblad.linalg.GeneralEigen.decompose(n, u.data().toDense().array(), false).eigenvalues();
            double[] phases = new double[n];
            for (int k = 0; k < n; k++) {
                phases[k] = Math.atan2(ev[2 * k + 1], ev[2 * k]);
            }
            double delta = hullDistance(phases);
            return 2 * Math.sqrt(Math.max(0, 1 - delta * delta));
        }
        return dnormOfChoi(Superops.toChoi(a).minus(Superops.toChoi(b)), "dnorm(A, B)");
    }

    /**
     * The unitary U of a unitary channel: U itself for a unitary operator; for a superoperator
     * that is CPTP with a single Kraus operator, that operator when it is unitary; else null.
     */
    private static Qobj unitaryOf(Qobj q) {
        if (q.isOper()) {
            return q.isUnitary() ? q : null;
        }
        if (!Superops.isCptp(q)) {
            return null;
        }
        List<Qobj> ks = Superops.toKraus(q);
        if (ks.size() != 1) {
            return null;
        }
        Qobj k = ks.get(0);
        // CPTP with one Kraus operator: K^† K = 1; unitary when K is also square
        return k.shape()[0] == k.shape()[1] ? k : null;
    }

    private static double dnormOfChoi(Qobj j, String what) {
        if (Superops.isCptp(j)) {
            return 1;
        }
        if (Superops.isCp(j)) {
            double[] t = Channels.traceOverOutput(j, "dnorm");
            int n = j.dims().outSpace().cols();
            double[] lam = Linalg.eigenvalues(hermitianPart(dev.lindblad.data.DenseMatrix.wrap(n, n, t)));
            return lam[n - 1];
        }
        throw new UnsupportedOperationException("dnorm: " + what + " is not completely positive nor a difference of two "
                + "unitary channels; its diamond norm needs a semidefinite program (QuTiP solves it with CVXPY), and "
                + "Lindblad has no SDP solver (none is added as a dependency)");
    }

    private static double logBase(String function, double base) {
        if (!(base > 0) || base == 1 || Double.isInfinite(base)) {
            throw new IllegalArgumentException(function + ": base must be positive and not 1, got base = " + base);
        }
        return Math.log(base);
    }

    private static Qobj stateForEntropy(String function, Qobj rho) {
        Qobj d = asDm(function, rho);
        if (!Arrays.equals(d.dims().out(), d.dims().in())) {
            throw new IllegalArgumentException(function + " needs a density matrix with equal out and in dims, got "
                    + rho.dims());
        }
        return d;
    }

    /**
     * Mutual information {@code I(A:B) = S(rho_A) + S(rho_B) - S(rho)}, QuTiP's
     * {@code entropy_mutual}, with von Neumann entropies ({@link #entropyVn(Qobj, double)}) and
     * {@code rho_A}, {@code rho_B} the reductions to the selected subsystems, which together
     * must list every subsystem once.
     *
     * @param rho  a density matrix (or ket) of a composite system
     * @param selA subsystems of part A
     * @param selB subsystems of part B
     * @param base logarithm base
     * @return the mutual information
     */
    public static double entropyMutual(Qobj rho, int[] selA, int[] selB, double base) {
        Require.nonNull(rho, "entropyMutual", "rho");
        Require.nonNull(selA, "entropyMutual", "selA");
        Require.nonNull(selB, "entropyMutual", "selB");
        Require.finite(base, "entropyMutual", "base");
        logBase("entropyMutual", base);
        Qobj d = stateForEntropy("entropyMutual", rho);
        int n = d.dims().out().length;
        boolean[] seen = new boolean[n];
        for (int[] sel : new int[][] {selA, selB}) {
            for (int k : sel) {
                if (k < 0 || k >= n || seen[k]) {
                    throw new IllegalArgumentException("entropyMutual: selA = " + Arrays.toString(selA) + " and selB = "
                            + Arrays.toString(selB) + " must together list each of the " + n + " subsystems once");
                }
                seen[k] = true;
            }
        }
        if (selA.length + selB.length != n) {
            throw new IllegalArgumentException("entropyMutual: selA = " + Arrays.toString(selA) + " and selB = "
                    + Arrays.toString(selB) + " must together list each of the " + n + " subsystems once");
        }
        return entropyVn(d.ptrace(selA), base) + entropyVn(d.ptrace(selB), base) - entropyVn(d, base);
    }

    /**
     * {@link #entropyMutual(Qobj, int[], int[], double)} in nats.
     *
     * @param rho  a density matrix (or ket)
     * @param selA subsystems of part A
     * @param selB subsystems of part B
     * @return the mutual information in nats
     */
    public static double entropyMutual(Qobj rho, int[] selA, int[] selB) {
        Require.nonNull(rho, "entropyMutual", "rho");
        Require.nonNull(selA, "entropyMutual", "selA");
        Require.nonNull(selB, "entropyMutual", "selB");
        return entropyMutual(rho, selA, selB, Math.E);
    }

    /**
     * Conditional entropy {@code S(A|B) = S(rho) - S(rho_B)}, QuTiP's {@code entropy_conditional},
     * with {@code rho_B} the reduction to the subsystems selB.
     *
     * @param rho  a density matrix (or ket) of a composite system
     * @param selB the subsystems of B
     * @param base logarithm base
     * @return the conditional entropy (negative for entangled pure states)
     */
    public static double entropyConditional(Qobj rho, int[] selB, double base) {
        Require.nonNull(rho, "entropyConditional", "rho");
        Require.nonNull(selB, "entropyConditional", "selB");
        Require.finite(base, "entropyConditional", "base");
        logBase("entropyConditional", base);
        Qobj d = stateForEntropy("entropyConditional", rho);
        int n = d.dims().out().length;
        boolean[] seen = new boolean[n];
        for (int k : selB) {
            if (k < 0 || k >= n || seen[k]) {
                throw new IllegalArgumentException("entropyConditional: selB = " + Arrays.toString(selB)
                        + " must list distinct subsystems among the " + n + " of dims " + rho.dims());
            }
            seen[k] = true;
        }
        if (selB.length == 0) {
            throw new IllegalArgumentException("entropyConditional: selB lists no subsystem");
        }
        return entropyVn(d, base) - entropyVn(d.ptrace(selB), base);
    }

    /**
     * {@link #entropyConditional(Qobj, int[], double)} in nats.
     *
     * @param rho  a density matrix (or ket)
     * @param selB the subsystems of B
     * @return the conditional entropy in nats
     */
    public static double entropyConditional(Qobj rho, int[] selB) {
        Require.nonNull(rho, "entropyConditional", "rho");
        Require.nonNull(selB, "entropyConditional", "selB");
        return entropyConditional(rho, selB, Math.E);
    }

    /**
     * Quantum relative entropy {@code S(rho||sigma) = tr(rho log rho) - tr(rho log sigma)}, QuTiP
     * 5's {@code entropy_relative}: from the eigen-decompositions {@code rho = Σ p_i |r_i><r_i|},
     * {@code sigma = Σ q_j |s_j><s_j|},
     * {@code S = Σ_i p_i log p_i - Σ_ij p_i |<r_i|s_j>|² log q_j}, eigenvalues below
     * {@code 1e-12} counting as zero (QuTiP's tol). It is {@code +∞} when the support of rho
     * meets the kernel of sigma (some {@code p_i >= tol}, {@code |<r_i|s_j>|² >= tol},
     * {@code q_j < tol}), and never below 0 (rounding is clamped). QuTiP accepts only the bases 2
     * and e; any base {@code > 0}, {@code != 1} is accepted here.
     *
     * @param rho   a density matrix or ket
     * @param sigma another, with the same dims
     * @param base  logarithm base
     * @return the relative entropy, possibly {@code Double.POSITIVE_INFINITY}
     */
    public static double entropyRelative(Qobj rho, Qobj sigma, double base) {
        Require.nonNull(rho, "entropyRelative", "rho");
        Require.nonNull(sigma, "entropyRelative", "sigma");
        Require.finite(base, "entropyRelative", "base");
        double lb = logBase("entropyRelative", base);
        Qobj r = asDm("entropyRelative", rho), s = asDm("entropyRelative", sigma);
        if (!r.dims().equals(s.dims())) {
            throw new DimensionMismatchException("entropyRelative", rho.dims(), sigma.dims());
        }
        if (!r.isHerm() || !s.isHerm()) {
            throw new IllegalArgumentException("entropyRelative needs Hermitian density matrices (real eigenvalues), got "
                    + (r.isHerm() ? "a non-Hermitian sigma" : "a non-Hermitian rho"));
        }
        final double tol = 1e-12;
        int n = r.shape()[0];
        Linalg.Eigensystem er = Linalg.eigh(hermitianPart(r.data())), es = Linalg.eigh(hermitianPart(s.data()));
        double[] p = er.values(), q = es.values(), vr = er.vectors(), vs = es.vectors();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (p[i] >= tol) {
                sum += p[i] * Math.log(p[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double re = 0, im = 0;
                for (int k = 0; k < n; k++) {
                    double ar = vr[2 * (k + n * i)], ai = -vr[2 * (k + n * i) + 1];
                    double br = vs[2 * (k + n * j)], bi = vs[2 * (k + n * j) + 1];
                    re += ar * br - ai * bi;
                    im += ar * bi + ai * br;
                }
                double pij = re * re + im * im;
                if (q[j] < tol) {
                    if (p[i] >= tol && pij >= tol) {
                        return Double.POSITIVE_INFINITY;
                    }
                    continue;
                }
                sum -= p[i] * pij * Math.log(q[j]);
            }
        }
        return Math.max(0, sum / lb);
    }

    /**
     * {@link #entropyRelative(Qobj, Qobj, double)} in nats.
     *
     * @param rho   a density matrix or ket
     * @param sigma another, with the same dims
     * @return the relative entropy in nats, possibly {@code Double.POSITIVE_INFINITY}
     */
    public static double entropyRelative(Qobj rho, Qobj sigma) {
        Require.nonNull(rho, "entropyRelative", "rho");
        Require.nonNull(sigma, "entropyRelative", "sigma");
        return entropyRelative(rho, sigma, Math.E);
    }
}
