package dev.lindblad.heom;

import static dev.lindblad.Lindblad.destroy;
import static dev.lindblad.Lindblad.sigmax;
import static dev.lindblad.Lindblad.sigmaz;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;
import dev.lindblad.testing.Reference;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The baths: their exponents against QuTiP 4.7's, and their correlation functions, power
 * spectra and spectral densities against the closed forms of the models and against
 * independent numerical integrals of the spectral representation.
 */
class BathTest {

    private static final Reference.Case BATHS = HeomSolverTest.REF.get("baths");

    /** Compares a bath's exponents with the reference's (types, ck, vk, ck2). */
    static void assertExponents(Reference.Case c, String prefix, Bath bath, double tol) {
        String[] types = c.text(prefix + "types").trim().split(" ");
        double[] ck = c.complexes(prefix + "ck");
        double[] vk = c.complexes(prefix + "vk");
        double[] ck2 = c.complexes(prefix + "ck2");
        List<BathExponent> e = bath.exponents();
        assertEquals(types.length, e.size(), prefix + ": number of exponents");
        for (int k = 0; k < e.size(); k++) {
            String type = switch (e.get(k).type()) {
                case PLUS -> "+";
                case MINUS -> "-";
                default -> e.get(k).type().name();
            };
            assertEquals(types[k], type, prefix + " exponent " + k + " type");
            assertComplex(ck, k, e.get(k).ck(), tol, prefix + " ck " + k);
            assertComplex(vk, k, e.get(k).vk(), tol, prefix + " vk " + k);
            assertComplex(ck2, k, e.get(k).ck2() == null ? Complex.ZERO : e.get(k).ck2(), tol, prefix + " ck2 " + k);
        }
    }

    private static void assertComplex(double[] ref, int k, Complex actual, double tol, String what) {
        double scale = Math.max(1e-300, Math.hypot(ref[2 * k], ref[2 * k + 1]));
        double diff = Math.hypot(ref[2 * k] - actual.re(), ref[2 * k + 1] - actual.im());
        assertTrue(diff <= tol * Math.max(scale, 1e-3), what + ": expected " + ref[2 * k] + " + " + ref[2 * k + 1]
                + "i, got " + actual + " (|diff| " + diff + ")");
    }

    @Test
    void exponentsAsQutip() {
        Qobj q = sigmaz();
        assertExponents(BATHS, "dl_", new DrudeLorentzBath(q, 0.1, 0.5, 0.5, 3), 1e-13);
        assertExponents(BATHS, "dlpade_", new DrudeLorentzPadeBath(q, 0.1, 0.5, 0.5, 3), 1e-11);
        assertExponents(BATHS, "ud_", new UnderDampedBath(q, 0.2, 0.2, 1.0, 0.5, 2), 1e-13);
        assertExponents(BATHS, "lor_", new LorentzianBath(destroy(2), 0.01, 1.0, 0.3, 0.05, 3), 1e-13);
        assertExponents(BATHS, "lorpade_", new LorentzianPadeBath(destroy(2), 0.01, 1.0, 0.3, 0.05, 3), 1e-11);
    }

    @Test
    void terminatorAsQutip() {
        for (String name : List.of("spin_boson_dl_matsubara", "spin_boson_dl_pade")) {
            Reference.Case c = HeomSolverTest.REF.get(name);
            Terminator t = name.endsWith("pade")
                    ? new DrudeLorentzPadeBath(sigmaz(), 0.1, 0.5, 0.5, 2).terminator()
                    : new DrudeLorentzBath(sigmaz(), 0.1, 0.5, 0.5, 2).terminator();
            double[] delta = c.complexes("terminator_delta");
            assertEquals(delta[0], t.delta().re(), 1e-15, name + " delta");
            assertEquals(delta[1], t.delta().im(), 1e-15, name + " delta imaginary part (the I term cancels -i lam)");
            HeomSolverTest.assertClose(c.complexes("terminator"), t.liouvillian().toArray(), 1e-15, name + " L_bnd");
        }
    }

    /** {@code (1/pi) int_0^inf J(w) [coth(w/2T) cos(wt) - i sin(wt)] dw} by composite Simpson on [0, wMax]. */
    private static Complex bosonicIntegral(DoubleUnaryOperator j, double temperature, double t, double wMax, int n) {
        double h = wMax / n;
        double re = 0;
        double im = 0;
        for (int i = 0; i <= n; i++) {
            double w = i * h;
            double weight = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
            double jc;
            if (w == 0) {
                // J(w) coth(w/2T) -> 2 T J'(0)
                double eps = 1e-7;
                jc = 2 * temperature * j.applyAsDouble(eps) / eps;
            } else {
                jc = j.applyAsDouble(w) / Math.tanh(w / (2 * temperature));
            }
            re += weight * jc * Math.cos(w * t);
            im -= weight * j.applyAsDouble(w) * Math.sin(w * t);
        }
        return Complex.of(re * h / 3 / Math.PI, im * h / 3 / Math.PI);
    }

    @Test
    void drudeLorentzCorrelationClosedFormAgainstSpectralIntegral() {
        double lam = 0.1, gamma = 0.5, temperature = 0.5;
        DrudeLorentzBath bath = new DrudeLorentzBath(sigmaz(), lam, gamma, temperature, 2);
        for (double t : new double[] {0.5, 1, 2, 5}) {
            Complex exact = bath.exactCorrelationFunction(t);
            // the integrand falls as 1/w² times an oscillation: integrate far out, finely
            Complex integral = bosonicIntegral(bath::exactSpectralDensity, temperature, t, 4000, 4_000_000);
            assertTrue(exact.minus(integral).abs() < 2e-5, "t = " + t + ": closed form " + exact + ", integral " + integral);
            assertEquals(-lam * gamma * Math.exp(-gamma * t), exact.im(), 1e-15, "Im C(t) = -lam gamma e^{-gamma t}");
            // C(-t) = C(t)*
            assertEquals(exact.conj().re(), bath.exactCorrelationFunction(-t).re(), 1e-15);
            assertEquals(exact.conj().im(), bath.exactCorrelationFunction(-t).im(), 1e-15);
        }
    }

    @Test
    void expansionsConvergeToTheClosedForm() {
        double lam = 0.1, gamma = 0.5, temperature = 0.5;
        DrudeLorentzBath exact = new DrudeLorentzBath(sigmaz(), lam, gamma, temperature, 0);
        double t = 0.3;
        Complex c = exact.exactCorrelationFunction(t);
        double previous = Double.POSITIVE_INFINITY;
        for (int nk : new int[] {1, 2, 4, 8, 16}) {
            double matsubara = new DrudeLorentzBath(sigmaz(), lam, gamma, temperature, nk).correlationFunction(t).minus(c).abs();
            assertTrue(matsubara < previous, "Matsubara error must shrink with Nk: " + matsubara + " at Nk = " + nk);
            previous = matsubara;
        }
        // Pade converges much faster than Matsubara at the same Nk
        double pade4 = new DrudeLorentzPadeBath(sigmaz(), lam, gamma, temperature, 4).correlationFunction(t).minus(c).abs();
        double mats4 = new DrudeLorentzBath(sigmaz(), lam, gamma, temperature, 4).correlationFunction(t).minus(c).abs();
        assertTrue(pade4 < 0.2 * mats4, "Pade Nk=4 error " + pade4 + ", Matsubara " + mats4);
        double pade8 = new DrudeLorentzPadeBath(sigmaz(), lam, gamma, temperature, 8).correlationFunction(t).minus(c).abs();
        double mats8 = new DrudeLorentzBath(sigmaz(), lam, gamma, temperature, 8).correlationFunction(t).minus(c).abs();
        assertTrue(pade8 < 0.1 * pade4 && pade8 < 0.05 * mats8, "Pade Nk=8 error " + pade8 + ", Matsubara " + mats8);
        // the Matsubara series with Nk terms misses sum_{k > Nk} c_k e^{-nu_k t}: check that estimate
        double nu1 = 2 * Math.PI * temperature;
        double missing = 0;
        for (int k = 17; k < 100000; k++) {
            double nu = nu1 * k;
            missing += 4 * lam * gamma * temperature * nu / (nu * nu - gamma * gamma) * Math.exp(-nu * t);
        }
        assertEquals(missing, previous, 1e-12, "Matsubara Nk=16 misses exactly the tail of the series");
    }

    @Test
    void powerSpectrumAndSpectralDensity() {
        double lam = 0.1, gamma = 0.5, temperature = 0.5;
        DrudeLorentzPadeBath pade = new DrudeLorentzPadeBath(sigmaz(), lam, gamma, temperature, 6);
        for (double w : new double[] {-2, -0.5, 0, 0.3, 1, 3}) {
            double exact = pade.exactPowerSpectrum(w);
            assertEquals(exact, pade.powerSpectrum(w), 1e-6 * Math.abs(exact) + 1e-12, "S(" + w + ")");
            // detailed balance of the model: S(-w) = e^{-w/T} S(w)
            if (w != 0) {
                assertEquals(pade.exactPowerSpectrum(-w), Math.exp(-w / temperature) * exact, 1e-14, "balance at " + w);
            }
        }
        for (double w : new double[] {0.1, 0.5, 2}) {
            assertEquals(2 * lam * gamma * w / (gamma * gamma + w * w), pade.exactSpectralDensity(w), 1e-16);
            assertEquals(pade.exactSpectralDensity(w), pade.spectralDensity(w), 1e-6 * pade.exactSpectralDensity(w));
        }
        assertEquals(0, pade.spectralDensity(-1));
        // a bath from exponents needs its temperature for J
        BosonicBath plain = new BosonicBath(sigmaz(), new double[] {0.1}, new double[] {1}, new double[] {-0.05},
                new double[] {1});
        assertThrows(IllegalStateException.class, () -> plain.spectralDensity(1));
        // S(w) of one RI exponent c = ck + i ck2 at v: 2 Re c / (v - i w)
        double w = 0.7;
        Complex cc = Complex.of(0.1, -0.05);
        assertEquals(2 * cc.div(Complex.of(1, -w)).re(), plain.powerSpectrum(w), 1e-16);
    }

    @Test
    void underdampedCorrelationAgainstSpectralIntegral() {
        double lam = 0.2, gamma = 0.2, w0 = 1.0, temperature = 0.5;
        UnderDampedBath bath = new UnderDampedBath(sigmaz(), lam, gamma, w0, temperature, 2);
        for (double t : new double[] {0, 0.5, 3}) {
            Complex exact = bath.exactCorrelationFunction(t);
            Complex integral = bosonicIntegral(bath::exactSpectralDensity, temperature, t, 400, 2_000_000);
            assertTrue(exact.minus(integral).abs() < 1e-6, "t = " + t + ": " + exact + " vs integral " + integral);
        }
        // with many Matsubara terms, the expansion approaches the closed form
        UnderDampedBath many = new UnderDampedBath(sigmaz(), lam, gamma, w0, temperature, 200);
        assertTrue(many.correlationFunction(0.5).minus(bath.exactCorrelationFunction(0.5)).abs() < 1e-9);
        assertEquals(2 * temperature * lam * lam * gamma, bath.exactPowerSpectrum(0), 1e-16);
    }

    /** {@code (1/2pi) int J(w) f^sigma(w) e^{sigma i w t} dw} by Simpson over [mu - R, mu + R]. */
    private static Complex fermionicIntegral(LorentzianPadeBath bath, int sigma, double t, double range, int n) {
        double h = 2 * range / n;
        double re = 0;
        double im = 0;
        for (int i = 0; i <= n; i++) {
            double w = bath.mu() - range + i * h;
            double weight = (i == 0 || i == n) ? 1 : (i % 2 == 1 ? 4 : 2);
            double s = sigma > 0 ? bath.exactPowerSpectrumPlus(w) : bath.exactPowerSpectrumMinus(w);
            re += weight * s * Math.cos(sigma * w * t);
            im += weight * s * Math.sin(sigma * w * t);
        }
        return Complex.of(re * h / 3 / (2 * Math.PI), im * h / 3 / (2 * Math.PI));
    }

    @Test
    void lorentzianCorrelationsAgainstSpectralIntegral() {
        double gamma = 0.01, width = 1.0, mu = 0.3, temperature = 0.2;
        LorentzianPadeBath pade = new LorentzianPadeBath(destroy(2), gamma, width, mu, temperature, 12);
        for (double t : new double[] {0.5, 2}) {
            Complex plus = pade.exactCorrelationFunctionPlus(t);
            Complex minus = pade.exactCorrelationFunctionMinus(t);
            Complex ip = fermionicIntegral(pade, 1, t, 4000, 8_000_000);
            Complex im = fermionicIntegral(pade, -1, t, 4000, 8_000_000);
            assertTrue(plus.minus(ip).abs() < 2e-7, "C+(" + t + ") " + plus + " vs integral " + ip);
            assertTrue(minus.minus(im).abs() < 2e-7, "C-(" + t + ") " + minus + " vs integral " + im);
            // Pade with 12 terms reproduces the whole series
            assertTrue(pade.correlationFunctionPlus(t).minus(plus).abs() < 1e-9 * gamma);
            assertTrue(pade.correlationFunctionMinus(t).minus(minus).abs() < 1e-9 * gamma);
        }
        for (double w : new double[] {-1, 0.3, 0.5, 2}) {
            double j = pade.exactSpectralDensity(w);
            assertEquals(j, pade.exactPowerSpectrumPlus(w) + pade.exactPowerSpectrumMinus(w), 1e-16, "S+ + S- = J");
            assertEquals(j, pade.spectralDensity(w), 1e-6 * j, "J of the Pade expansion at " + w);
        }
    }

    @Test
    void combineMergesEqualFrequenciesAsQutip() {
        Qobj q = sigmaz();
        BosonicBath merged = new BosonicBath(q, new double[] {0.2, 0.1, 0.05}, new double[] {1, 2, 1}, new double[] {-0.3},
                new double[] {2});
        // R(1) + R(1) -> R(1) with 0.25; R(2) + I(2) -> RI(2)
        assertEquals(2, merged.exponents().size());
        assertEquals(BathExponent.Type.R, merged.exponents().get(0).type());
        assertEquals(0.25, merged.exponents().get(0).ck().re(), 1e-16);
        assertEquals(BathExponent.Type.RI, merged.exponents().get(1).type());
        assertEquals(0.1, merged.exponents().get(1).ck().re(), 1e-16);
        assertEquals(-0.3, merged.exponents().get(1).ck2().re(), 1e-16);
        BosonicBath apart = new BosonicBath(q, BosonicBath.complex(new double[] {0.2, 0.1}, "ck"),
                BosonicBath.complex(new double[] {1, 2}, "vk"), BosonicBath.complex(new double[] {-0.3}, "ck"),
                BosonicBath.complex(new double[] {2}, "vk"), false, "tag");
        assertEquals(3, apart.exponents().size());
        assertEquals("tag", apart.exponents().get(2).tag());
        // the correlation function does not depend on combining
        for (double t : new double[] {0, 0.4, 3}) {
            BosonicBath a = new BosonicBath(q, new double[] {0.2, 0.1}, new double[] {1, 2}, new double[] {-0.3},
                    new double[] {2});
            assertTrue(a.correlationFunction(t).minus(apart.correlationFunction(t)).abs() < 1e-16);
        }
        // exponents with different coupling operators are never merged
        assertEquals(2, BosonicBath.combine(List.of(
                new BathExponent(BathExponent.Type.R, 0, sigmaz(), Complex.ONE, Complex.ONE, null, 0, null),
                new BathExponent(BathExponent.Type.R, 0, sigmax(), Complex.ONE, Complex.ONE, null, 0, null))).size());
    }

    @Test
    void badInputIsRefusedWithItsValue() {
        Qobj q = sigmaz();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DrudeLorentzBath(q, 0.1, -0.5, 0.5, 2));
        assertTrue(e.getMessage().contains("gamma") && e.getMessage().contains("-0.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DrudeLorentzBath(q, 0.1, 0.5, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> new DrudeLorentzBath(q, 0.1, 0.5, 0.5, -1));
        e = assertThrows(IllegalArgumentException.class, () -> new UnderDampedBath(q, 0.1, 3, 1, 0.5, 1));
        assertTrue(e.getMessage().contains("w0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BosonicBath(q, new double[] {1}, new double[] {},
                new double[] {}, new double[] {}));
        assertThrows(IllegalArgumentException.class, () -> new FermionicBath(q, new Complex[] {Complex.ONE},
                new Complex[] {Complex.ONE}, new Complex[] {}, new Complex[] {}, null));
        assertThrows(NullPointerException.class, () -> new DrudeLorentzBath(null, 0.1, 0.5, 0.5, 2));
        assertThrows(IllegalArgumentException.class, () -> new BathExponent(BathExponent.Type.RI, 0, q, Complex.ONE,
                Complex.ONE, null, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new BathExponent(BathExponent.Type.PLUS, 2, q, Complex.ONE,
                Complex.ONE, null, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new DrudeLorentzBath(q, 0.1, 0.5, 0.5, 2)
                .exactCorrelationFunction(0));
        assertThrows(IllegalArgumentException.class, () -> new Bath(List.of()));
    }
}
