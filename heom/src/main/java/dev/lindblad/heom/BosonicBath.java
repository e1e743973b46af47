package dev.lindblad.heom;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A bosonic bath given by the exponential expansion of its correlation function, as QuTiP's
 * {@code BosonicBath}. With {@code C(t) = C_R(t) + i C_I(t)} for {@code t >= 0},
 * <pre>
 *   C_R(t) = sum_k ckReal[k] e^{-vkReal[k] t},   C_I(t) = sum_k ckImag[k] e^{-vkImag[k] t},
 * </pre>
 * and {@code C(-t) = C(t)*}. The coefficients and frequencies may be complex (in pairs whose
 * sum is real). The bath couples to the system through {@code H_int = Q ⊗ X} with
 * {@code C(t) = <X(t) X(0)>}.
 *
 * <p>With {@code combine} (the default), terms with the same frequency (numpy's
 * {@code isclose}, rtol 1e-5, atol 1e-7) are merged: R with R, I with I, and an R and an I
 * term into one {@link BathExponent.Type#RI} term, which halves the hierarchy's exponents for
 * a Drude–Lorentz bath. The merged term takes the position of the first of its group.
 *
 * <p>The functions {@link #correlationFunction}, {@link #powerSpectrum} and
 * {@link #spectralDensity} are those of the expansion, i.e. what the hierarchy sees (QuTiP 5's
 * {@code ExponentialBosonicEnvironment}); the named baths add the closed forms of their model
 * ({@code exact...} methods).
 */
public class BosonicBath extends Bath {

    /** numpy's isclose tolerances used by QuTiP to merge exponents. */
    static final double COMBINE_RTOL = 1e-5;
    static final double COMBINE_ATOL = 1e-7;

    private final Qobj Q;
    private final double temperature;

    /**
     * A bath with real coefficients and frequencies, exponents combined, no tag.
     *
     * @param Q      the coupling operator (square)
     * @param ckReal coefficients of {@code C_R}
     * @param vkReal frequencies of {@code C_R}
     * @param ckImag coefficients of {@code C_I}
     * @param vkImag frequencies of {@code C_I}
     */
    public BosonicBath(Qobj Q, double[] ckReal, double[] vkReal, double[] ckImag, double[] vkImag) {
        this(Q, complex(ckReal, "ckReal"), complex(vkReal, "vkReal"), complex(ckImag, "ckImag"),
                complex(vkImag, "vkImag"), true, null, Double.NaN);
    }

    /**
     * The general form: complex coefficients and frequencies.
     *
     * @param Q       the coupling operator
     * @param ckReal  coefficients of {@code C_R}
     * @param vkReal  frequencies of {@code C_R}
     * @param ckImag  coefficients of {@code C_I}
     * @param vkImag  frequencies of {@code C_I}
     * @param combine whether to merge exponents of equal frequency
     * @param tag     a label for the exponents, or null
     */
    public BosonicBath(Qobj Q, Complex[] ckReal, Complex[] vkReal, Complex[] ckImag, Complex[] vkImag,
            boolean combine, Object tag) {
        this(Q, ckReal, vkReal, ckImag, vkImag, combine, tag, Double.NaN);
    }

    /**
     * The general form with the bath's temperature, which {@link #spectralDensity} needs.
     *
     * @param temperature the temperature ({@code k_B T} in the units of the Hamiltonian), or NaN
     *                    when unknown
     */
    public BosonicBath(Qobj Q, Complex[] ckReal, Complex[] vkReal, Complex[] ckImag, Complex[] vkImag,
            boolean combine, Object tag, double temperature) {
        super(exponents(Q, ckReal, vkReal, ckImag, vkImag, combine, tag));
        this.Q = Q;
        if (!Double.isNaN(temperature)) {
            BathFunctions.checkPositive("T", temperature);
        }
        this.temperature = temperature;
    }

    static Complex[] complex(double[] values, String name) {
        Objects.requireNonNull(values, name);
        Complex[] c = new Complex[values.length];
        for (int i = 0; i < values.length; i++) {
            c[i] = Complex.of(values[i]);
        }
        return c;
    }

    private static List<BathExponent> exponents(Qobj Q, Complex[] ckReal, Complex[] vkReal, Complex[] ckImag,
            Complex[] vkImag, boolean combine, Object tag) {
        Objects.requireNonNull(Q, "Q");
        Objects.requireNonNull(ckReal, "ckReal");
        Objects.requireNonNull(vkReal, "vkReal");
        Objects.requireNonNull(ckImag, "ckImag");
        Objects.requireNonNull(vkImag, "vkImag");
        if (ckReal.length != vkReal.length || ckImag.length != vkImag.length) {
            throw new IllegalArgumentException("ckReal and vkReal, and ckImag and vkImag, must have the same lengths;"
                    + " got " + ckReal.length + ", " + vkReal.length + ", " + ckImag.length + ", " + vkImag.length);
        }
        List<BathExponent> list = new ArrayList<>();
        for (int k = 0; k < ckReal.length; k++) {
            list.add(BathExponent.bosonic(BathExponent.Type.R, Q, ckReal[k], vkReal[k], tag));
        }
        for (int k = 0; k < ckImag.length; k++) {
            list.add(BathExponent.bosonic(BathExponent.Type.I, Q, ckImag[k], vkImag[k], tag));
        }
        return combine ? combine(list) : list;
    }

    /**
     * Merges bosonic exponents of equal frequency and equal coupling operator, as QuTiP's
     * {@code BosonicBath.combine}: each group (in order of its first member) becomes one exponent
     * of the group's type if all members share it (coefficients added), otherwise one RI
     * exponent with {@code ck = sum of R and RI ck}, {@code ck2 = sum of I ck and RI ck2}. The
     * merged exponent keeps the first member's frequency and tag.
     *
     * @param exponents bosonic exponents
     * @return the merged list
     */
    public static List<BathExponent> combine(List<BathExponent> exponents) {
        List<BathExponent> remaining = new ArrayList<>(exponents);
        List<BathExponent> merged = new ArrayList<>();
        while (!remaining.isEmpty()) {
            BathExponent first = remaining.remove(0);
            if (first.isFermionic()) {
                throw new IllegalArgumentException("combine takes bosonic exponents, got " + first.type());
            }
            List<BathExponent> group = new ArrayList<>(List.of(first));
            for (int i = 0; i < remaining.size(); ) {
                BathExponent e = remaining.get(i);
                if (BathFunctions.isClose(first.vk(), e.vk(), COMBINE_RTOL, COMBINE_ATOL)
                        && BathFunctions.allClose(first.Q(), e.Q(), COMBINE_RTOL, COMBINE_ATOL)) {
                    group.add(remaining.remove(i));
                } else {
                    i++;
                }
            }
            boolean sameType = first.type() != BathExponent.Type.RI
                    && group.stream().allMatch(e -> e.type() == first.type());
            if (sameType) {
                Complex ck = Complex.ZERO;
                for (BathExponent e : group) {
                    ck = ck.plus(e.ck());
                }
                merged.add(new BathExponent(first.type(), 0, first.Q(), ck, first.vk(), null, 0, first.tag()));
            } else {
                Complex ckR = Complex.ZERO;
                Complex ckI = Complex.ZERO;
                for (BathExponent e : group) {
                    switch (e.type()) {
                        case R -> ckR = ckR.plus(e.ck());
                        case I -> ckI = ckI.plus(e.ck());
                        case RI -> {
                            ckR = ckR.plus(e.ck());
                            ckI = ckI.plus(e.ck2());
                        }
                        default -> throw new IllegalStateException("fermionic exponent in a bosonic group");
                    }
                }
                merged.add(new BathExponent(BathExponent.Type.RI, 0, first.Q(), ckR, first.vk(), ckI, 0, first.tag()));
            }
        }
        return merged;
    }

    /** @return the coupling operator */
    public Qobj Q() {
        return Q;
    }

    /** @return the temperature, or NaN when the bath was built without one */
    public double temperature() {
        return temperature;
    }

    /**
     * The correlation function of the expansion, {@code C(t) = sum_k c_k e^{-vk |t|}} with
     * {@code c_k} = {@link BathExponent#coefficient()}, conjugated for {@code t < 0}.
     *
     * @param t the time
     * @return {@code C(t)}
     */
    public Complex correlationFunction(double t) {
        BathFunctions.checkFinite("t", t);
        double s = Math.abs(t);
        Complex c = Complex.ZERO;
        for (BathExponent e : exponents()) {
            c = c.plus(e.coefficient().times(e.vk().times(-s).exp()));
        }
        return t < 0 ? c.conj() : c;
    }

    /**
     * The power spectrum of the expansion,
     * {@code S(w) = int C(t) e^{i w t} dt = 2 Re sum_k c_k / (vk - i w)}.
     *
     * @param w the frequency
     * @return {@code S(w)}
     */
    public double powerSpectrum(double w) {
        BathFunctions.checkFinite("w", w);
        double s = 0;
        for (BathExponent e : exponents()) {
            s += 2 * e.coefficient().div(e.vk().minus(Complex.of(0, w))).re();
        }
        return s;
    }

    /**
     * The spectral density of the expansion, {@code J(w) = S(w) / (2 (n(w) + 1))} for
     * {@code w > 0} with the Bose–Einstein occupation {@code n(w) = 1/(e^{w/T} - 1)}, and 0 for
     * {@code w <= 0} (QuTiP 5's convention).
     *
     * @param w the frequency
     * @return {@code J(w)}
     * @throws IllegalStateException when the bath has no temperature
     */
    public double spectralDensity(double w) {
        BathFunctions.checkFinite("w", w);
        if (Double.isNaN(temperature)) {
            throw new IllegalStateException("the spectral density of a bath built from exponents needs its temperature;"
                    + " use the constructor that takes T");
        }
        if (w <= 0) {
            return 0;
        }
        return powerSpectrum(w) / (2 * (BathFunctions.nThermal(w, temperature) + 1));
    }
}
