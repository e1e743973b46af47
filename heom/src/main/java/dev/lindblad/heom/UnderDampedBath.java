package dev.lindblad.heom;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;

/**
 * An underdamped (Brownian oscillator) bath in its Matsubara expansion, as QuTiP's
 * {@code UnderDampedBath}: spectral density
 * {@code J(w) = lam² gamma w / ((w0² - w²)² + gamma² w²)}, temperature T. With
 * {@code Omega = sqrt(w0² - gamma²/4)}, {@code Gamma = gamma/2}, {@code beta = 1/T} and
 * {@code nu_k = 2 pi k T}, for {@code t >= 0}:
 * <pre>
 *   C_R(t) = lam²/(4 Omega) [coth(beta(Omega + i Gamma)/2) e^{-(Gamma - i Omega) t} + coth(beta(Omega - i Gamma)/2) e^{-(Gamma + i Omega) t}]
 *            - sum_{k=1}^{Nk} 2 lam² gamma T nu_k / (((Omega + i Gamma)² + nu_k²)((Omega - i Gamma)² + nu_k²)) e^{-nu_k t},
 *   C_I(t) = i lam²/(4 Omega) [e^{-(Gamma - i Omega) t} - e^{-(Gamma + i Omega) t}].
 * </pre>
 * The two oscillating frequencies appear in both parts and are combined into RI exponents.
 */
public class UnderDampedBath extends BosonicBath {

    /** Matsubara terms summed by {@link #exactCorrelationFunction} (the remainder falls as 1/k³). */
    private static final int EXACT_TERMS = 200_000;

    private final double lam;
    private final double gamma;
    private final double w0;
    private final double temperature;

    /**
     * @param Q     the coupling operator
     * @param lam   the coupling strength
     * @param gamma the width (damping) of the resonance, {@code > 0}
     * @param w0    the resonance frequency, {@code > gamma/2} (underdamped)
     * @param T     the temperature, {@code > 0}
     * @param Nk    the number of Matsubara terms, {@code >= 0}
     */
    public UnderDampedBath(Qobj Q, double lam, double gamma, double w0, double T, int Nk) {
        this(Q, lam, gamma, w0, T, Nk, true, null);
    }

    /**
     * @param combine whether to merge exponents of equal frequency
     * @param tag     a label for the exponents, or null
     * @see #UnderDampedBath(Qobj, double, double, double, double, int)
     */
    public UnderDampedBath(Qobj Q, double lam, double gamma, double w0, double T, int Nk, boolean combine,
            Object tag) {
        super(Q, terms(lam, gamma, w0, T, Nk, 0), terms(lam, gamma, w0, T, Nk, 1), terms(lam, gamma, w0, T, Nk, 2),
                terms(lam, gamma, w0, T, Nk, 3), combine, tag, T);
        this.lam = lam;
        this.gamma = gamma;
        this.w0 = w0;
        this.temperature = T;
    }

    /** @return ckReal (which 0), vkReal (1), ckImag (2) or vkImag (3) */
    private static Complex[] terms(double lam, double gamma, double w0, double temperature, int nk, int which) {
        BathFunctions.checkFinite("lam", lam);
        BathFunctions.checkPositive("gamma", gamma);
        BathFunctions.checkPositive("T", temperature);
        BathFunctions.checkNk(nk, 0);
        if (!(w0 > gamma / 2) || !Double.isFinite(w0)) {
            throw new IllegalArgumentException("w0 must be finite and > gamma/2 = " + gamma / 2
                    + " (an underdamped resonance), got " + w0);
        }
        double omega = Math.sqrt(w0 * w0 - gamma * gamma / 4);
        double half = gamma / 2;
        double beta = 1 / temperature;
        Complex plus = Complex.of(omega, half);     // Omega + i Gamma
        Complex minus = Complex.of(omega, -half);   // Omega - i Gamma
        double a = lam * lam / (4 * omega);
        Complex v1 = Complex.of(half, -omega);
        Complex v2 = Complex.of(half, omega);
        return switch (which) {
            case 0 -> {
                Complex[] ck = new Complex[nk + 2];
                ck[0] = BathFunctions.coth(plus.times(beta / 2)).times(a);
                ck[1] = BathFunctions.coth(minus.times(beta / 2)).times(a);
                for (int k = 1; k <= nk; k++) {
                    ck[k + 1] = matsubara(lam, gamma, temperature, plus, minus, 2 * Math.PI * k * temperature);
                }
                yield ck;
            }
            case 1 -> {
                Complex[] vk = new Complex[nk + 2];
                vk[0] = v1;
                vk[1] = v2;
                for (int k = 1; k <= nk; k++) {
                    vk[k + 1] = Complex.of(2 * Math.PI * k * temperature);
                }
                yield vk;
            }
            case 2 -> new Complex[] {Complex.of(0, a), Complex.of(0, -a)};
            default -> new Complex[] {v1, v2};
        };
    }

    private static Complex matsubara(double lam, double gamma, double temperature, Complex plus, Complex minus,
            double nu) {
        Complex d = plus.times(plus).plus(nu * nu).times(minus.times(minus).plus(nu * nu));
        return Complex.of(-2 * lam * lam * gamma * temperature * nu).div(d);
    }

    /** @return the model's spectral density {@code lam² gamma w / ((w0² - w²)² + gamma² w²)} (w > 0; 0 otherwise) */
    public double exactSpectralDensity(double w) {
        BathFunctions.checkFinite("w", w);
        return w > 0 ? j(w) : 0;
    }

    private double j(double w) {
        double d = w0 * w0 - w * w;
        return lam * lam * gamma * w / (d * d + gamma * gamma * w * w);
    }

    /** @return the model's power spectrum {@code 2 J(w) (n(w) + 1)}, {@code S(0) = 2 T lam² gamma / w0⁴} */
    public double exactPowerSpectrum(double w) {
        BathFunctions.checkFinite("w", w);
        if (w == 0) {
            return 2 * temperature * lam * lam * gamma / (w0 * w0 * w0 * w0);
        }
        return 2 * j(w) * (BathFunctions.nThermal(w, temperature) + 1);
    }

    /**
     * The model's correlation function: the Matsubara series of the class comment summed to
     * 200 000 terms (its remainder falls as {@code 1/k³}), conjugated for {@code t < 0}.
     *
     * @param t the time
     * @return {@code C(t)}
     */
    public Complex exactCorrelationFunction(double t) {
        BathFunctions.checkFinite("t", t);
        double s = Math.abs(t);
        double omega = Math.sqrt(w0 * w0 - gamma * gamma / 4);
        double half = gamma / 2;
        Complex plus = Complex.of(omega, half);
        Complex minus = Complex.of(omega, -half);
        double re = 0;
        double im = 0;
        for (int k = EXACT_TERMS; k >= 1; k--) {
            double nu = 2 * Math.PI * k * temperature;
            Complex c = matsubara(lam, gamma, temperature, plus, minus, nu).times(Math.exp(-nu * s));
            re += c.re();
            im += c.im();
        }
        Complex sum = Complex.of(re, im);
        for (BathExponent e : exponents()) {
            if (e.vk().im() != 0) {
                sum = sum.plus(e.coefficient().times(e.vk().times(-s).exp()));
            }
        }
        return t < 0 ? sum.conj() : sum;
    }
}
