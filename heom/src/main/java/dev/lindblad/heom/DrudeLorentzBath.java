package dev.lindblad.heom;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;

/**
 * A Drude–Lorentz bath in its Matsubara expansion, as QuTiP's {@code DrudeLorentzBath}. The
 * spectral density {@code J(w) = 2 lam gamma w / (gamma² + w²)} at temperature T (k_B = 1)
 * gives, for {@code t >= 0},
 * <pre>
 *   C_R(t) = lam gamma cot(gamma / 2T) e^{-gamma t} + sum_{k=1}^{Nk} 4 lam gamma T nu_k / (nu_k² - gamma²) e^{-nu_k t},
 *   C_I(t) = -lam gamma e^{-gamma t},        nu_k = 2 pi k T,
 * </pre>
 * whose first real and the imaginary terms share the frequency gamma and are combined into one
 * RI exponent (unless {@code combine} is false): Nk + 1 exponents.
 */
public class DrudeLorentzBath extends BosonicBath {

    private final double lam;
    private final double gamma;
    private final double temperature;

    /**
     * @param Q     the coupling operator
     * @param lam   the coupling strength (reorganisation energy) lambda
     * @param gamma the cut-off frequency, {@code > 0}
     * @param T     the temperature, {@code > 0}
     * @param Nk    the number of Matsubara terms, {@code >= 0}
     */
    public DrudeLorentzBath(Qobj Q, double lam, double gamma, double T, int Nk) {
        this(Q, lam, gamma, T, Nk, true, null);
    }

    /**
     * @param combine whether to merge exponents of equal frequency
     * @param tag     a label for the exponents, or null
     * @see #DrudeLorentzBath(Qobj, double, double, double, int)
     */
    public DrudeLorentzBath(Qobj Q, double lam, double gamma, double T, int Nk, boolean combine, Object tag) {
        super(Q, Matsubara.of(lam, gamma, T, Nk).ckReal, Matsubara.of(lam, gamma, T, Nk).vkReal,
                new Complex[] {Complex.of(-lam * gamma)}, new Complex[] {Complex.of(gamma)}, combine, tag, T);
        this.lam = lam;
        this.gamma = gamma;
        this.temperature = T;
    }

    /** The real-part terms of the Matsubara expansion. */
    private record Matsubara(Complex[] ckReal, Complex[] vkReal) {
        static Matsubara of(double lam, double gamma, double temperature, int nk) {
            DrudeLorentzTerms.check(lam, gamma, temperature);
            BathFunctions.checkNk(nk, 0);
            Complex[] ck = new Complex[nk + 1];
            Complex[] vk = new Complex[nk + 1];
            ck[0] = Complex.of(lam * gamma * BathFunctions.cot(gamma / (2 * temperature)));
            vk[0] = Complex.of(gamma);
            for (int k = 1; k <= nk; k++) {
                double nu = 2 * Math.PI * k * temperature;
                ck[k] = Complex.of(4 * lam * gamma * temperature * nu / (nu * nu - gamma * gamma));
                vk[k] = Complex.of(nu);
            }
            return new Matsubara(ck, vk);
        }
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
     * The Matsubara terminator: the discrepancy {@code delta} of the truncated expansion and the
     * Liouvillian term that accounts for the left-out exponents (see {@link Terminator}).
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

    /**
     * @return the model's power spectrum {@code S(w) = 2 J(w) (n(w) + 1)} (J continued as an odd
     *         function), {@code S(0) = 4 lam T / gamma}
     */
    public double exactPowerSpectrum(double w) {
        return DrudeLorentzTerms.powerSpectrum(lam, gamma, temperature, w);
    }

    /**
     * The model's correlation function, the whole Matsubara series (see the class comment),
     * summed with its logarithmic part in closed form.
     *
     * @param t the time, not 0 (where C diverges logarithmically)
     * @return {@code C(t)}
     */
    public Complex exactCorrelationFunction(double t) {
        return DrudeLorentzTerms.exactCorrelation(lam, gamma, temperature, t);
    }
}
