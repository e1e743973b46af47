package dev.lindblad.heom;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;

/**
 * A Lorentzian fermionic bath in the Padé expansion of the Fermi function, as QuTiP's
 * {@code LorentzianPadeBath} (Hu, Xu and Yan, J. Chem. Phys. 134, 244106 (2011)): the terms of
 * {@link LorentzianBath} with the Padé poles and residues {@code epsilon_l}, {@code kappa_l} in
 * place of the Matsubara ones, and {@code f(i beta W)} in {@code ck_0} replaced by the same
 * decomposition, {@code 1/2 - sum_l 2 kappa_l x / (x² + epsilon_l²)} at {@code x = i beta W}.
 */
public class LorentzianPadeBath extends FermionicBath {

    private final double gamma;
    private final double w;

    /**
     * @param Q     the coupling operator
     * @param gamma the coupling strength
     * @param w     the width W, {@code > 0}
     * @param mu    the chemical potential
     * @param T     the temperature, {@code > 0}
     * @param Nk    the number of Padé terms per branch beyond the first, {@code >= 0}
     */
    public LorentzianPadeBath(Qobj Q, double gamma, double w, double mu, double T, int Nk) {
        this(Q, gamma, w, mu, T, Nk, null);
    }

    /**
     * @param tag a label for the exponents, or null
     * @see #LorentzianPadeBath(Qobj, double, double, double, double, int)
     */
    public LorentzianPadeBath(Qobj Q, double gamma, double w, double mu, double T, int Nk, Object tag) {
        this(Q, gamma, w, mu, T, branch(gamma, w, mu, T, Nk, 1), branch(gamma, w, mu, T, Nk, -1), tag);
    }

    private LorentzianPadeBath(Qobj Q, double gamma, double w, double mu, double T, Complex[][] plus,
            Complex[][] minus, Object tag) {
        super(Q, plus[0], plus[1], minus[0], minus[1], tag, T, mu);
        this.gamma = gamma;
        this.w = w;
    }

    private static Complex[][] branch(double gamma, double w, double mu, double temperature, int nk, int sigma) {
        LorentzianTerms.check(gamma, w, mu, temperature, nk);
        Pade pade = Pade.fermi(nk);
        Complex x = Complex.of(0, w / temperature);
        Complex f0 = Complex.of(0.5);
        for (int l = 1; l <= nk; l++) {
            double e = pade.epsilon()[l];
            f0 = f0.minus(x.times(2 * pade.kappa()[l]).div(x.times(x).plus(e * e)));
        }
        return LorentzianTerms.terms(gamma, w, mu, temperature, pade.kappa(), pade.epsilon(), f0, sigma);
    }

    /** @return the model's spectral density {@code gamma W² / ((w - mu)² + W²)} */
    public double exactSpectralDensity(double x) {
        return LorentzianTerms.spectralDensity(gamma, w, mu(), x);
    }

    /** @return the model's {@code S^+(w) = J(w) / (e^{(w - mu)/T} + 1)} */
    public double exactPowerSpectrumPlus(double x) {
        return exactSpectralDensity(x) / (Math.exp((x - mu()) / temperature()) + 1);
    }

    /** @return the model's {@code S^-(w) = J(w) / (e^{(mu - w)/T} + 1)} */
    public double exactPowerSpectrumMinus(double x) {
        return exactSpectralDensity(x) / (Math.exp((mu() - x) / temperature()) + 1);
    }

    /** @return the model's {@code C^+(t)}, the whole Matsubara series */
    public Complex exactCorrelationFunctionPlus(double t) {
        return LorentzianTerms.exactCorrelation(gamma, w, mu(), temperature(), 1, t);
    }

    /** @return the model's {@code C^-(t)}, the whole Matsubara series */
    public Complex exactCorrelationFunctionMinus(double t) {
        return LorentzianTerms.exactCorrelation(gamma, w, mu(), temperature(), -1, t);
    }
}
