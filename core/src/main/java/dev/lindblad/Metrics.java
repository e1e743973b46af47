package dev.lindblad;

import dev.lindblad.data.Data;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.data.Matrix;
import java.util.Arrays;

/**
 * Distances and information measures of quantum states, with QuTiP 4.7's definitions: the
 * fidelity is <em>not</em> squared, logarithms are natural unless a base is given, kets are
 * accepted wherever a density matrix is and stand for {@code |psi><psi|}.
 *
 * <p>Several measures sum square roots of eigenvalues that are exactly zero for rank-deficient
 * states; rounding makes them ~1e-17, whose square roots are ~1e-8. Where a closed form avoids
 * this (two kets, a ket and a matrix, the concurrence of a ket) it is used.
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
     * density matrix {@code B} it is {@code sqrt(<a|B|a>)}. Negative eigenvalues of
     * {@code sqrt(A) B sqrt(A)} (rounding) are dropped, as QuTiP does.
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
        int n = a.shape()[0];
        DenseMatrix sa = DenseMatrix.wrap(n, n, psdSqrt(a.data()));
        Matrix m = Data.matmul(Data.matmul(sa, b.data()), sa);
        double f = 0;
        for (double e : Linalg.eigenvalues(hermitianPart(m))) {
            if (e > 0) {
                f += Math.sqrt(e);
            }
        }
        return f;
    }

    /**
     * {@code sqrt(A) = V diag(sqrt(max(λ, 0))) V^†} from the eigen-decomposition of a Hermitian
     * matrix; rounding-level negative eigenvalues become 0.
     */
    static double[] psdSqrt(Matrix a) {
        int n = a.rows();
        Linalg.Eigensystem es = Linalg.eigh(hermitianPart(a));
        double[] v = es.vectors(), lam = es.values();
        double[] s = new double[2 * n * n];
        for (int k = 0; k < n; k++) {
            double w = Math.sqrt(Math.max(lam[k], 0));
            if (w == 0) {
                continue;
            }
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
     * order, of the eigenvalues of {@code rho (σy⊗σy) rho^* (σy⊗σy)}; computed as the square
     * roots of the eigenvalues of the Hermitian {@code sqrt(rho) rho~ sqrt(rho)}, which has the
     * same spectrum. For a ket {@code a|00> + b|01> + c|10> + d|11>} it is {@code 2|ad - bc|}
     * exactly.
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
        Qobj yy = Qobj.tensor(Operators.sigmay(), Operators.sigmay());
        Qobj tilde = yy.times(rho.conj()).times(yy);
        DenseMatrix sr = DenseMatrix.wrap(4, 4, psdSqrt(rho.data()));
        double[] ev = Linalg.eigenvalues(hermitianPart(Data.matmul(Data.matmul(sr, tilde.data()), sr)));
        double[] l = new double[4];
        for (int k = 0; k < 4; k++) {
            l[k] = Math.sqrt(Math.abs(ev[k]));
        }
        Arrays.sort(l);
        return Math.max(0, l[3] - l[2] - l[1] - l[0]);
    }
}
