package dev.lindblad.solver;

import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * One system–bath coupling of the Bloch–Redfield master equation, as an entry
 * {@code (a_op, spectrum)} of QuTiP's {@code a_ops}: the Hermitian system operator {@code A}
 * through which the system couples to a bath, and the bath's noise power spectrum
 * {@code S(ω)}, the Fourier transform of the bath correlation function.
 *
 * <p>Convention (QuTiP's): {@code S} is evaluated at {@code ω = E_a - E_b}, the difference of
 * two eigenenergies of H; {@code S(ω > 0)} drives transitions that lower the system's energy
 * by ω (emission into the bath), {@code S(ω < 0)} those that raise it (absorption). A bath at
 * zero temperature has {@code S(ω) = 0} for {@code ω < 0}; a thermal bath obeys detailed
 * balance {@code S(-ω) = e^{-ω/T} S(ω)}. Only the real part of the spectrum enters (QuTiP
 * also drops the imaginary part, the Lamb shift).
 *
 * <p>Build one with {@link #of(Qobj, DoubleUnaryOperator)}.
 *
 * <p><b>Time-dependent couplings</b> (QuTiP 5's {@code a_ops=[(QobjEvo, spectrum)]}):
 * {@link #of(QobjEvo, DoubleUnaryOperator)} takes a coupling operator {@code A(t)} and
 * {@link #of(QobjEvo, DoubleBinaryOperator)} a spectrum {@code S(t, ω)} as well (QuTiP, too,
 * lets the spectrum depend on t only when the operator is a {@code QobjEvo}). At every time t
 * the tensor is the one of the frozen coupling {@code (A(t), S(t, ·))} ({@link #at(double)}):
 * since every term of R holds A twice and S once, a coupling {@code f(t) A} with a spectrum of
 * ω alone gives {@code f(t)² R_A} (QuTiP multiplies {@code A_ac A_db} without conjugation, so
 * for a complex f it is {@code f²}, not {@code |f|²}; a Hermitian {@code f(t) A} needs a real f).
 * With a time-dependent Hamiltonian ({@link BrSolver#BrSolver(dev.lindblad.QobjEvo, List, List, double,
 * SolverOptions)}) the frozen coupling is taken in the eigenbasis of {@code H(t)}.
 */
public final class BrOperator {

    private final Qobj op;
    private final DoubleUnaryOperator spectrum;
    private final QobjEvo evo;                 // null: constant coupling
    private final DoubleBinaryOperator spectrumT; // (t, w) -> S; null: S depends on w only

    private BrOperator(Qobj op, DoubleUnaryOperator spectrum) {
        if (!op.isOper() || op.data().rows() != op.data().cols()) {
            throw new IllegalArgumentException("of: op must be a square operator, got a " + op.type()
                    + " with dims " + op.dims());
        }
        if (!op.isHerm()) {
            throw new IllegalArgumentException("of: op must be Hermitian (QuTiP's a_ops are); split a "
                    + "non-Hermitian coupling into Hermitian parts, e.g. a + a† and i(a† - a)");
        }
        this.op = op;
        this.spectrum = spectrum;
        this.evo = null;
        this.spectrumT = null;
    }

    private BrOperator(QobjEvo evo, DoubleUnaryOperator spectrum, DoubleBinaryOperator spectrumT, String operation) {
        if (!evo.isOper() || evo.dims().rows() != evo.dims().cols()) {
            throw new IllegalArgumentException(operation + ": op must be a square operator, got dims " + evo.dims());
        }
        Qobj a0 = evo.at(0);
        if (!a0.isHerm()) {
            throw new IllegalArgumentException(operation + ": op(0) must be Hermitian (QuTiP's a_ops are); use real "
                    + "coefficients of Hermitian operators");
        }
        this.op = a0;
        this.evo = evo;
        this.spectrum = spectrum;
        this.spectrumT = spectrumT;
    }

    /**
     * @return the coupling operator A; for a time-dependent coupling, {@code A(0)}
     *         ({@link #evo()} holds {@code A(t)})
     */
    public Qobj op() {
        return op;
    }

    /** @return the coupling operator as {@code A(t)} (a constant one for a constant coupling) */
    public QobjEvo evo() {
        return evo == null ? QobjEvo.of(op) : evo;
    }

    /**
     * @return whether the coupling operator or the spectrum depends on time (built by
     *         {@link #of(QobjEvo, DoubleUnaryOperator)} or {@link #of(QobjEvo, DoubleBinaryOperator)}
     *         from a non-constant {@code A(t)} or with a spectrum {@code S(t, ω)})
     */
    public boolean isTimeDependent() {
        return evo != null && (spectrumT != null || !evo.isConstant());
    }

    /**
     * The coupling frozen at time t: {@code (A(t), ω -> S(t, ω))}, whose tensor is the
     * Bloch–Redfield tensor at t.
     *
     * @param t the time
     * @return a constant coupling (this one when it is constant)
     * @throws IllegalArgumentException when t is not finite or {@code A(t)} is not Hermitian
     */
    public BrOperator at(double t) {
        if (!Double.isFinite(t)) {
            throw new IllegalArgumentException("at: t = " + t + "; expected a finite time");
        }
        if (!isTimeDependent()) {
            return evo == null ? this : new BrOperator(op, spectrum);
        }
        Qobj a = evo.at(t);
        if (!a.isHerm()) {
            throw new IllegalArgumentException("at: the coupling operator A(t) is not Hermitian at t = " + t);
        }
        DoubleUnaryOperator s = spectrumT == null ? spectrum : w -> spectrumT.applyAsDouble(t, w);
        return new BrOperator(a, s);
    }

    /**
     * When the coupling is {@code f(t) A} (one term of a {@link QobjEvo}, no constant part) with a
     * spectrum of ω alone, its tensor at t is {@code f(t)² R_A}: this returns f, else null.
     */
    dev.lindblad.Coefficient scalarCoefficient() {
        if (evo == null || spectrumT != null || evo.hasFunctionParts()) {
            return null;
        }
        List<QobjEvo.Term> terms = evo.operatorTerms();
        if (terms.size() != 1 || terms.get(0).isConstant()) {
            return null;
        }
        return terms.get(0).coefficient();
    }

    /** @return the operator A of {@link #scalarCoefficient()}'s {@code f(t) A} */
    Qobj scalarOperator() {
        return evo.operatorTerms().get(0).operator();
    }

    /**
     * A coupling with a time-dependent operator, QuTiP 5's
     * {@code a_ops=[(QobjEvo(A_t), spectrum)]}: e.g. {@code QobjEvo.of(sx, t -> tanh(t))} switches
     * a coupling on smoothly, and the rates it drives grow as {@code tanh²(t)} times the
     * golden-rule rates of {@code sx}.
     *
     * @param op       the coupling operator {@code A(t)}, Hermitian at every time (checked at
     *                 t = 0 here and at each time the tensor is built)
     * @param spectrum the noise power spectrum {@code S(ω)}
     * @return the coupling
     */
    public static BrOperator of(QobjEvo op, DoubleUnaryOperator spectrum) {
        Objects.requireNonNull(op, "of: op is null");
        Objects.requireNonNull(spectrum, "of: spectrum is null");
        return new BrOperator(op, spectrum, null, "of");
    }

    /**
     * A coupling whose spectrum depends on time as well, QuTiP 5's
     * {@code a_ops=[(QobjEvo(A_t), lambda t, w: ...)]} (e.g. a bath whose temperature changes).
     *
     * @param op       the coupling operator {@code A(t)} (may be constant: {@code QobjEvo.of(A)})
     * @param spectrum {@code (t, ω) -> S(t, ω)}
     * @return the coupling
     */
    public static BrOperator of(QobjEvo op, DoubleBinaryOperator spectrum) {
        Objects.requireNonNull(op, "of: op is null");
        Objects.requireNonNull(spectrum, "of: spectrum is null");
        return new BrOperator(op, null, spectrum, "of");
    }

    /** @return the noise power spectrum S(ω) */
    public DoubleUnaryOperator spectrum() {
        return spectrum;
    }

    /**
     * The coupling {@code (op, spectrum)}, as QuTiP's {@code a_ops=[(op, spectrum)]}.
     *
     * @param op       the Hermitian coupling operator
     * @param spectrum the noise power spectrum {@code S(ω)}
     * @return the coupling
     */
    public static BrOperator of(Qobj op, DoubleUnaryOperator spectrum) {
        Objects.requireNonNull(op, "of: op is null");
        Objects.requireNonNull(spectrum, "of: spectrum is null");
        return new BrOperator(op, spectrum);
    }

    /**
     * @param w the frequency ω
     * @return {@code S(ω)}
     * @throws IllegalArgumentException when the spectrum is not finite at ω
     */
    double spectrumAt(double w) {
        double s = spectrum.applyAsDouble(w);
        if (!Double.isFinite(s)) {
            throw new IllegalArgumentException("the spectrum of a Bloch-Redfield coupling returned " + s + " at w = " + w);
        }
        return s;
    }
}
