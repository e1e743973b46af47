package dev.lindblad.heom;

import dev.lindblad.Complex;

/**
 * The terms of a Lorentzian fermionic bath, {@code J(w) = gamma W² / ((w - mu)² + W²)}, with a
 * given decomposition of the Fermi function into poles {@code epsilon_l} and residues
 * {@code kappa_l}: for {@code sigma = ±1} and {@code beta = 1/T},
 * <pre>
 *   eta_0 = gamma W f(i beta W) / 2,   gamma_0 = W - sigma i mu,
 *   eta_l = -i kappa_l gamma W² / beta / (W² - epsilon_l² / beta²),   gamma_l = epsilon_l / beta - sigma i mu,
 * </pre>
 * f the Fermi function (or its decomposition).
 */
final class LorentzianTerms {
    /** Matsubara terms summed by {@link #exactCorrelation}. */
    private static final int EXACT_TERMS = 400_000;

    private LorentzianTerms() {
    }

    static void check(double gamma, double w, double mu, double temperature, int nk) {
        BathFunctions.checkFinite("gamma", gamma);
        BathFunctions.checkPositive("w", w);
        BathFunctions.checkFinite("mu", mu);
        BathFunctions.checkPositive("T", temperature);
        BathFunctions.checkNk(nk, 0);
    }

    /** @return {ck, vk} of one branch */
    static Complex[][] terms(double gamma, double w, double mu, double temperature, double[] kappa, double[] epsilon,
            Complex f0, int sigma) {
        int nk = kappa.length - 1;
        Complex[] ck = new Complex[nk + 1];
        Complex[] vk = new Complex[nk + 1];
        ck[0] = f0.times(0.5 * gamma * w);
        vk[0] = Complex.of(w, -sigma * mu);
        for (int l = 1; l <= nk; l++) {
            double pole = epsilon[l] * temperature;
            ck[l] = Complex.of(0, -kappa[l] * temperature * gamma * w * w / (w * w - pole * pole));
            vk[l] = Complex.of(pole, -sigma * mu);
        }
        return new Complex[][] {ck, vk};
    }

    static double spectralDensity(double gamma, double w, double mu, double x) {
        BathFunctions.checkFinite("w", x);
        double d = x - mu;
        return gamma * w * w / (d * d + w * w);
    }

    /**
     * The whole Matsubara series of {@code C^sigma(t)} ({@code kappa_l = 1},
     * {@code epsilon_l = (2l - 1) pi}), summed to 400 000 terms, with the remainder
     * {@code sum_{l > K} i gamma W² beta e^{-epsilon_l t / beta} / epsilon_l²} estimated by its
     * integral.
     */
    static Complex exactCorrelation(double gamma, double w, double mu, double temperature, int sigma, double t) {
        BathFunctions.checkFinite("t", t);
        double s = Math.abs(t);
        double beta = 1 / temperature;
        double re = 0;
        double im = 0;
        for (int l = EXACT_TERMS; l >= 1; l--) {
            double eps = (2 * l - 1) * Math.PI;
            double pole = eps / beta;
            im += -gamma * w * w / beta / (w * w - pole * pole) * Math.exp(-pole * s);
        }
        // the remainder: sum over l > K of (gamma W² beta / pi²) e^{-(2l-1) pi s / beta} / (2l-1)²,
        // approximately e^{-(2K+1) pi s / beta} / (2 (2K + 1)) times the prefactor
        double k = EXACT_TERMS;
        im += gamma * w * w * beta / (Math.PI * Math.PI) * Math.exp(-(2 * k + 1) * Math.PI * s / beta) / (2 * (2 * k + 1));
        Complex matsubara = Complex.of(re, im).times(Complex.of(0, sigma * mu * s).exp());
        Complex first = BathFunctions.fermi(Complex.of(0, beta * w)).times(0.5 * gamma * w)
                .times(Complex.of(-w * s, sigma * mu * s).exp());
        Complex c = first.plus(matsubara);
        return t < 0 ? c.conj() : c;
    }
}
