package dev.lindblad.heom;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;

/**
 * A Lorentzian fermionic bath in its Matsubara expansion, as QuTiP's {@code LorentzianBath}:
 * spectral density {@code J(w) = gamma W² / ((w - mu)² + W²)}, chemical potential mu,
 * temperature T. With {@code beta = 1/T}, the Fermi function {@code f(x) = 1/(e^x + 1)} and
 * {@code epsilon_l = (2l - 1) pi}, each branch {@code sigma = +, -} has the terms
 * <pre>
 *   ck_0 = gamma W f(i beta W) / 2,                       vk_0 = W - sigma i mu,
 *   ck_l = -i gamma W² T / (W² - (epsilon_l T)²),          vk_l = epsilon_l T - sigma i mu,   l = 1..Nk.
 * </pre>
 * It converges slowly (Nk above 20 may be needed); {@link LorentzianPadeBath} converges much
 * faster.
 */
public class LorentzianBath extends FermionicBath {

    private final double gamma;
    private final double w;

    /**
     * @param Q     the coupling operator
     * @param gamma the coupling strength
     * @param w     the width W of the spectral density, {@code > 0}
     * @param mu    the chemical potential
     * @param T     the temperature, {@code > 0}
     * @param Nk    the number of Matsubara terms per branch beyond the first, {@code >= 0}
     */
    public LorentzianBath(Qobj Q, double gamma, double w, double mu, double T, int Nk) {
        this(Q, gamma, w, mu, T, Nk, null);
    }

    /**
     * @param tag a label for the exponents, or null
     * @see #LorentzianBath(Qobj, double, double, double, double, int)
     */
    public LorentzianBath(Qobj Q, double gamma, double w, double mu, double T, int Nk, Object tag) {
        this(Q, gamma, w, mu, T, branch(gamma, w, mu, T, Nk, 1), branch(gamma, w, mu, T, Nk, -1), tag);
    }

    private LorentzianBath(Qobj Q, double gamma, double w, double mu, double T, Complex[][] plus, Complex[][] minus,
            Object tag) {
        super(Q, plus[0], plus[1], minus[0], minus[1], tag, T, mu);
        this.gamma = gamma;
        this.w = w;
    }

    private static Complex[][] branch(double gamma, double w, double mu, double temperature, int nk, int sigma) {
        LorentzianTerms.check(gamma, w, mu, temperature, nk);
        double[] kappa = new double[nk + 1];
        double[] epsilon = new double[nk + 1];
        for (int l = 1; l <= nk; l++) {
            kappa[l] = 1;
            epsilon[l] = (2 * l - 1) * Math.PI;
        }
        Complex f0 = BathFunctions.fermi(Complex.of(0, w / temperature));
        return LorentzianTerms.terms(gamma, w, mu, temperature, kappa, epsilon, f0, sigma);
    }

    /** @return the model's spectral density {@code gamma W² / ((w - mu)² + W²)} */
    public double exactSpectralDensity(double x) {
        return LorentzianTerms.spectralDensity(gamma, w, mu(), x);
    }

    /** @return the model's {@code S^+(w) = J(w) / (e^{(w - mu)/T} + 1)} (occupied levels) */
    public double exactPowerSpectrumPlus(double x) {
        return exactSpectralDensity(x) / (Math.exp((x - mu()) / temperature()) + 1);
    }

    /** @return the model's {@code S^-(w) = J(w) / (e^{(mu - w)/T} + 1)} (empty levels) */
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
