package dev.lindblad.heom;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;
import java.util.Objects;

/**
 * One exponential term of a bath correlation function, an "excitation mode" of the hierarchy,
 * as QuTiP's {@code BathExponent}.
 *
 * <p>Bosonic terms split {@code C(t) = C_R(t) + i C_I(t)} (t ≥ 0):
 * <ul>
 *   <li>{@link Type#R}: a term {@code ck e^{-vk t}} of {@code C_R};</li>
 *   <li>{@link Type#I}: a term {@code ck e^{-vk t}} of {@code C_I};</li>
 *   <li>{@link Type#RI}: one frequency in both, {@code ck e^{-vk t}} in {@code C_R} and
 *       {@code ck2 e^{-vk t}} in {@code C_I}.</li>
 * </ul>
 * Fermionic terms belong to {@code C^+(t) = sum ck e^{-vk t}} ({@link Type#PLUS}) or
 * {@code C^-(t)} ({@link Type#MINUS}); {@code sigmaBarKOffset} is the offset, within the bath's
 * list of exponents, of the partner term of the opposite sign.
 *
 * @param type            the kind of term
 * @param dim             the most excitations of this term plus one (2 for fermions), or 0 for no
 *                        limit other than the hierarchy depth (bosons)
 * @param Q               the system coupling operator of the bath
 * @param ck              the coefficient (of {@code C_R} for {@link Type#RI})
 * @param vk              the frequency: the term decays as {@code e^{-vk t}}
 * @param ck2             the coefficient in {@code C_I} for {@link Type#RI}, else null
 * @param sigmaBarKOffset the offset of the opposite-sign partner for fermionic terms, else 0
 * @param tag             a label (often the bath's name), or null; serialisable (a {@code String},
 *                        a number) when the exponent is to travel to a cluster
 */
public record BathExponent(Type type, int dim, Qobj Q, Complex ck, Complex vk, Complex ck2, int sigmaBarKOffset,
                           Object tag) implements java.io.Serializable {

    /** The kinds of exponent, QuTiP's {@code "R"}, {@code "I"}, {@code "RI"}, {@code "+"}, {@code "-"}. */
    public enum Type {
        /** bosonic, real part of the correlation function */
        R,
        /** bosonic, imaginary part */
        I,
        /** bosonic, both parts with one frequency */
        RI,
        /** fermionic, {@code C^+} */
        PLUS,
        /** fermionic, {@code C^-} */
        MINUS;

        /** @return whether the type is {@link #PLUS} or {@link #MINUS} */
        public boolean isFermionic() {
            return this == PLUS || this == MINUS;
        }
    }

    /** Checks the fields: ck2 only for RI, an offset only for fermions, finite numbers. */
    public BathExponent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(Q, "Q");
        Objects.requireNonNull(ck, "ck");
        Objects.requireNonNull(vk, "vk");
        if (dim < 0 || dim == 1) {
            throw new IllegalArgumentException("dim must be 0 (unlimited) or >= 2, got " + dim);
        }
        if (!Q.isOper() || Q.shape()[0] != Q.shape()[1]) {
            throw new IllegalArgumentException("the coupling operator Q must be a square operator, got dims " + Q.dims());
        }
        if ((type == Type.RI) != (ck2 != null)) {
            throw new IllegalArgumentException(type == Type.RI ? "RI bath exponents require ck2"
                    : "ck2 may be given only for RI bath exponents, got type " + type);
        }
        if (!type.isFermionic() && sigmaBarKOffset != 0) {
            throw new IllegalArgumentException("sigmaBarKOffset is only for + and - exponents, got " + sigmaBarKOffset
                    + " for type " + type);
        }
        if (type.isFermionic() && sigmaBarKOffset == 0) {
            throw new IllegalArgumentException("+ and - bath exponents require a non-zero sigmaBarKOffset");
        }
        checkFinite("ck", ck);
        checkFinite("vk", vk);
        if (ck2 != null) {
            checkFinite("ck2", ck2);
        }
    }

    private static void checkFinite(String name, Complex z) {
        if (!Double.isFinite(z.re()) || !Double.isFinite(z.im())) {
            throw new IllegalArgumentException(name + " must be finite, got " + z);
        }
    }

    /** @return a bosonic exponent of type R or I (no ck2, no offset, unlimited dimension) */
    static BathExponent bosonic(Type type, Qobj Q, Complex ck, Complex vk, Object tag) {
        return new BathExponent(type, 0, Q, ck, vk, null, 0, tag);
    }

    /** @return whether this is a fermionic ({@code +} or {@code -}) exponent */
    public boolean isFermionic() {
        return type.isFermionic();
    }

    /**
     * The coefficient this term adds to the complex correlation function of a bosonic bath,
     * {@code C(t) = sum_k c_k e^{-vk t}}: {@code ck} for R, {@code i ck} for I,
     * {@code ck + i ck2} for RI; {@code ck} for fermions (of {@code C^+} or {@code C^-}).
     *
     * @return {@code c_k}
     */
    public Complex coefficient() {
        return switch (type) {
            case R, PLUS, MINUS -> ck;
            case I -> Complex.I.times(ck);
            case RI -> ck.plus(Complex.I.times(ck2));
        };
    }
}
