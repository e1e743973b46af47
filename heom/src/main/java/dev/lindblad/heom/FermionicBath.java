package dev.lindblad.heom;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A fermionic bath given by the exponential expansions of its two correlation functions, as
 * QuTiP's {@code FermionicBath}:
 * <pre>
 *   C^+(t) = sum_k ckPlus[k] e^{-vkPlus[k] t},   C^-(t) = sum_k ckMinus[k] e^{-vkMinus[k] t}   (t >= 0),
 * </pre>
 * {@code C^σ(-t) = C^σ(t)*}. Term k of {@code C^+} and term k of {@code C^-} are partners: the
 * exponents are stored in pairs {@code +, -, +, -, ...}, each with dimension 2 (a fermionic
 * mode holds at most one excitation) and its partner at offset +1 or -1. The bath couples
 * through {@code H_int = Q† c + c† Q}, c a bath fermion.
 *
 * <p>As for {@link BosonicBath}, {@link #correlationFunctionPlus} and the other functions are
 * those of the expansion (QuTiP 5's {@code ExponentialFermionicEnvironment}).
 */
public class FermionicBath extends Bath {

    private final Qobj Q;
    private final double temperature;
    private final double mu;

    /**
     * @param Q       the coupling operator
     * @param ckPlus  coefficients of {@code C^+}
     * @param vkPlus  frequencies of {@code C^+}
     * @param ckMinus coefficients of {@code C^-}, as many as {@code ckPlus}
     * @param vkMinus frequencies of {@code C^-}
     * @param tag     a label for the exponents, or null
     */
    public FermionicBath(Qobj Q, Complex[] ckPlus, Complex[] vkPlus, Complex[] ckMinus, Complex[] vkMinus, Object tag) {
        this(Q, ckPlus, vkPlus, ckMinus, vkMinus, tag, Double.NaN, Double.NaN);
    }

    FermionicBath(Qobj Q, Complex[] ckPlus, Complex[] vkPlus, Complex[] ckMinus, Complex[] vkMinus, Object tag,
            double temperature, double mu) {
        super(exponents(Q, ckPlus, vkPlus, ckMinus, vkMinus, tag));
        this.Q = Q;
        this.temperature = temperature;
        this.mu = mu;
    }

    private static List<BathExponent> exponents(Qobj Q, Complex[] ckPlus, Complex[] vkPlus, Complex[] ckMinus,
            Complex[] vkMinus, Object tag) {
        Objects.requireNonNull(Q, "Q");
        Objects.requireNonNull(ckPlus, "ckPlus");
        Objects.requireNonNull(vkPlus, "vkPlus");
        Objects.requireNonNull(ckMinus, "ckMinus");
        Objects.requireNonNull(vkMinus, "vkMinus");
        if (ckPlus.length != vkPlus.length || ckMinus.length != vkMinus.length) {
            throw new IllegalArgumentException("ckPlus and vkPlus, and ckMinus and vkMinus, must have the same lengths;"
                    + " got " + ckPlus.length + ", " + vkPlus.length + ", " + ckMinus.length + ", " + vkMinus.length);
        }
        if (ckPlus.length != ckMinus.length) {
            throw new IllegalArgumentException("there must be as many plus as minus exponents (term k of each are"
                    + " partners), got " + ckPlus.length + " and " + ckMinus.length);
        }
        List<BathExponent> list = new ArrayList<>();
        for (int k = 0; k < ckPlus.length; k++) {
            list.add(new BathExponent(BathExponent.Type.PLUS, 2, Q, ckPlus[k], vkPlus[k], null, 1, tag));
            list.add(new BathExponent(BathExponent.Type.MINUS, 2, Q, ckMinus[k], vkMinus[k], null, -1, tag));
        }
        return list;
    }

    /** @return the coupling operator */
    public Qobj Q() {
        return Q;
    }

    /** @return {@code C^+(t)} of the expansion (conjugated for t &lt; 0) */
    public Complex correlationFunctionPlus(double t) {
        return correlation(BathExponent.Type.PLUS, t);
    }

    /** @return {@code C^-(t)} of the expansion (conjugated for t &lt; 0) */
    public Complex correlationFunctionMinus(double t) {
        return correlation(BathExponent.Type.MINUS, t);
    }

    private Complex correlation(BathExponent.Type type, double t) {
        BathFunctions.checkFinite("t", t);
        double s = Math.abs(t);
        Complex c = Complex.ZERO;
        for (BathExponent e : exponents()) {
            if (e.type() == type) {
                c = c.plus(e.ck().times(e.vk().times(-s).exp()));
            }
        }
        return t < 0 ? c.conj() : c;
    }

    /**
     * @return {@code S^+(w) = int C^+(t) e^{-i w t} dt = 2 Re sum_k ck / (vk + i w)} of the
     *         expansion
     */
    public double powerSpectrumPlus(double w) {
        return spectrum(BathExponent.Type.PLUS, 1, w);
    }

    /**
     * @return {@code S^-(w) = int C^-(t) e^{i w t} dt = 2 Re sum_k ck / (vk - i w)} of the
     *         expansion
     */
    public double powerSpectrumMinus(double w) {
        return spectrum(BathExponent.Type.MINUS, -1, w);
    }

    private double spectrum(BathExponent.Type type, int sigma, double w) {
        BathFunctions.checkFinite("w", w);
        double s = 0;
        for (BathExponent e : exponents()) {
            if (e.type() == type) {
                s += 2 * e.ck().div(e.vk().plus(Complex.of(0, sigma * w))).re();
            }
        }
        return s;
    }

    /** @return the spectral density of the expansion, {@code J(w) = S^+(w) + S^-(w)} */
    public double spectralDensity(double w) {
        return powerSpectrumPlus(w) + powerSpectrumMinus(w);
    }

    /** @return the temperature of a named bath, or NaN */
    public double temperature() {
        return temperature;
    }

    /** @return the chemical potential of a named bath, or NaN */
    public double mu() {
        return mu;
    }
}
