package dev.lindblad.heom;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;
import dev.lindblad.Superops;
import java.util.List;

/** The model functions of the Drude–Lorentz bath, shared by its Matsubara and Padé forms. */
final class DrudeLorentzTerms {
    /** Terms of the 1/k³ remainder summed by {@link #exactCorrelation}. */
    private static final int REMAINDER_TERMS = 200_000;

    private DrudeLorentzTerms() {
    }

    static void check(double lam, double gamma, double temperature) {
        BathFunctions.checkFinite("lam", lam);
        BathFunctions.checkPositive("gamma", gamma);
        BathFunctions.checkPositive("T", temperature);
    }

    /** {@code J(w) = 2 lam gamma w / (gamma² + w²)} for w > 0, else 0. */
    static double spectralDensity(double lam, double gamma, double w) {
        BathFunctions.checkFinite("w", w);
        return w > 0 ? 2 * lam * gamma * w / (gamma * gamma + w * w) : 0;
    }

    /** {@code S(w) = 2 J(w) (n(w) + 1)} continued oddly in J, {@code S(0) = 2 T J'(0) = 4 lam T / gamma}. */
    static double powerSpectrum(double lam, double gamma, double temperature, double w) {
        BathFunctions.checkFinite("w", w);
        if (w == 0) {
            return 4 * lam * temperature / gamma;
        }
        double j = 2 * lam * gamma * w / (gamma * gamma + w * w);
        return 2 * j * (BathFunctions.nThermal(w, temperature) + 1);
    }

    /**
     * The full Matsubara series {@code C(t) = lam gamma (cot(gamma/2T) - i) e^{-gamma t}
     * + sum_k 4 lam gamma T nu_k / (nu_k² - gamma²) e^{-nu_k t}}, {@code nu_k = 2 pi k T}, with
     * the slowly converging part {@code sum_k e^{-nu_k t} / nu_k = -ln(1 - e^{-2 pi T t}) / (2 pi T)}
     * in closed form and the remainder {@code gamma² / (nu_k (nu_k² - gamma²))}, which falls as
     * {@code 1/k³}, summed to 200 000 terms.
     */
    static Complex exactCorrelation(double lam, double gamma, double temperature, double t) {
        BathFunctions.checkFinite("t", t);
        if (t == 0) {
            throw new IllegalArgumentException("the Drude-Lorentz correlation function diverges at t = 0");
        }
        double s = Math.abs(t);
        double nu1 = 2 * Math.PI * temperature;
        double first = lam * gamma * BathFunctions.cot(gamma / (2 * temperature));
        double re = first * Math.exp(-gamma * s);
        double im = -lam * gamma * Math.exp(-gamma * s);
        double series = -Math.log(-Math.expm1(-nu1 * s)) / nu1;
        double remainder = 0;
        for (int k = REMAINDER_TERMS; k >= 1; k--) {   // smallest terms first
            double nu = nu1 * k;
            remainder += gamma * gamma / (nu * (nu * nu - gamma * gamma)) * Math.exp(-nu * s);
        }
        re += 4 * lam * gamma * temperature * (series + remainder);
        return t < 0 ? Complex.of(re, -im) : Complex.of(re, im);
    }

    /** The terminator of an expansion of this bath (see {@link Terminator}). */
    static Terminator terminator(Qobj Q, double lam, double gamma, double temperature, List<BathExponent> exponents) {
        Complex delta = Complex.of(2 * lam * temperature / gamma, -lam);
        for (BathExponent e : exponents) {
            delta = delta.minus(e.coefficient().div(e.vk()));
        }
        Qobj qdq = Q.dag().times(Q);
        Qobj op = Superops.sprepost(Q, Q.dag()).times(-2).plus(Superops.spre(qdq)).plus(Superops.spost(qdq));
        return new Terminator(delta, op.times(delta.negate()));
    }
}
