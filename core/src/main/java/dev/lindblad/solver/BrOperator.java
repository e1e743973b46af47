package dev.lindblad.solver;

import dev.lindblad.Qobj;
import java.util.Objects;
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
 */
public final class BrOperator {

    private final Qobj op;
    private final DoubleUnaryOperator spectrum;

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
    }

    /** @return the coupling operator A */
    public Qobj op() {
        return op;
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
    double at(double w) {
        double s = spectrum.applyAsDouble(w);
        if (!Double.isFinite(s)) {
            throw new IllegalArgumentException("the spectrum of a Bloch-Redfield coupling returned " + s + " at w = " + w);
        }
        return s;
    }
}
