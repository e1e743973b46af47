package dev.lindblad.heom;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;

/**
 * A Drude–Lorentz bath in the Padé expansion of the Bose function, as QuTiP's
 * {@code DrudeLorentzPadeBath} (Hu, Xu and Yan, J. Chem. Phys. 134, 244106 (2011)); it
 * converges in far fewer terms than the Matsubara series of {@link DrudeLorentzBath}. With the
 * Padé poles {@code epsilon_l} and residues {@code kappa_l} (l = 1..Nk) and {@code beta = 1/T}:
 * <pre>
 *   eta_0 = lam gamma (cot(gamma beta / 2) - i),           gamma_0 = gamma,
 *   eta_l = 4 kappa_l lam gamma (epsilon_l / beta) / beta / ((epsilon_l / beta)² - gamma²),  gamma_l = epsilon_l / beta,
 *   C_R(t) = sum_l Re(eta_l) e^{-gamma_l t},   C_I(t) = Im(eta_0) e^{-gamma t}.
 * </pre>
 */
public class DrudeLorentzPadeBath extends BosonicBath {

    private final double lam;
    private final double gamma;
    private final double temperature;

    /**
     * @param Q     the coupling operator
     * @param lam   the coupling strength lambda
     * @param gamma the cut-off frequency, {@code > 0}
     * @param T     the temperature, {@code > 0}
     * @param Nk    the number of Padé terms, {@code >= 0}
     */
    public DrudeLorentzPadeBath(Qobj Q, double lam, double gamma, double T, int Nk) {
        this(Q, lam, gamma, T, Nk, true, null);
    }

    /**
     * @param combine whether to merge exponents of equal frequency
     * @param tag     a label for the exponents, or null
     * @see #DrudeLorentzPadeBath(Qobj, double, double, double, int)
     */
    public DrudeLorentzPadeBath(Qobj Q, double lam, double gamma, double T, int Nk, boolean combine, Object tag) {
        super(Q, realTerms(lam, gamma, T, Nk, true), realTerms(lam, gamma, T, Nk, false),
                new Complex[] {Complex.of(-lam * gamma)}, new Complex[] {Complex.of(gamma)}, combine, tag, T);
        this.lam = lam;
        this.gamma = gamma;
        this.temperature = T;
    }

    /** @return the coefficients (or, with {@code coefficients} false, the frequencies) of C_R */
    private static Complex[] realTerms(double lam, double gamma, double temperature, int nk, boolean coefficients) {
        DrudeLorentzTerms.check(lam, gamma, temperature);
        BathFunctions.checkNk(nk, 0);
        Pade pade = Pade.bose(nk);
        Complex[] out = new Complex[nk + 1];
        out[0] = Complex.of(coefficients ? lam * gamma * BathFunctions.cot(gamma / (2 * temperature)) : gamma);
        for (int l = 1; l <= nk; l++) {
            double pole = pade.epsilon()[l] * temperature;
            out[l] = Complex.of(coefficients
                    ? pade.kappa()[l] * temperature * 4 * lam * gamma * pole / (pole * pole - gamma * gamma)
                    : pole);
        }
        return out;
    }

    /** @return the coupling strength lambda */
    public double lam() {
        return lam;
    }

    /** @return the cut-off frequency gamma */
    public double gamma() {
        return gamma;
    }

    /**
     * The Padé terminator: the discrepancy {@code delta} of the truncated expansion and the
     * Liouvillian term for the left-out exponents (see {@link Terminator}).
     *
     * @return delta and {@code L_bnd}
     */
    public Terminator terminator() {
        return DrudeLorentzTerms.terminator(Q(), lam, gamma, temperature, exponents());
    }

    /** @return the model's spectral density {@code J(w) = 2 lam gamma w / (gamma² + w²)} (w > 0; 0 otherwise) */
    public double exactSpectralDensity(double w) {
        return DrudeLorentzTerms.spectralDensity(lam, gamma, w);
    }

    /** @return the model's power spectrum {@code S(w) = 2 J(w) (n(w) + 1)}, {@code S(0) = 4 lam T / gamma} */
    public double exactPowerSpectrum(double w) {
        return DrudeLorentzTerms.powerSpectrum(lam, gamma, temperature, w);
    }

    /**
     * @param t the time, not 0
     * @return the model's correlation function (the whole Matsubara series, see
     *         {@link DrudeLorentzBath#exactCorrelationFunction})
     */
    public Complex exactCorrelationFunction(double t) {
        return DrudeLorentzTerms.exactCorrelation(lam, gamma, temperature, t);
    }
}
