package dev.lindblad;

import dev.lindblad.data.Data;
import dev.lindblad.data.Matrix;

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
}
