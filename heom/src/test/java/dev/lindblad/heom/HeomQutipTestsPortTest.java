package dev.lindblad.heom;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Tests of QuTiP 5.3.1's {@code qutip/tests/solver/heom/test_bofin_solvers.py} ported with
 * QuTiP's models, depths and tolerances: {@code test_pure_dephasing_model_drude_lorentz_baths}
 * (Matsubara and Padé baths, with and without the terminator: the coherence of a qubit under
 * pure dephasing against the exact result, and the steady state) and {@code test_steady_state}.
 *
 * <p>The exact coherence: for {@code H_I = σz ⊗ B} and a bath correlation function C,
 * {@code ρ01(t) = ρ01(0) exp(-4 ∫0^t (t - u) Re C(u) du)}; with the Drude–Lorentz bath's full
 * Matsubara series {@code Re C(u) = Σ_k c_k e^{-ν_k u}} the integral is
 * {@code Σ_k c_k (ν_k t - 1 + e^{-ν_k t}) / ν_k²}, summed here over 200 000 terms (the tail is
 * below 1e-8). QuTiP computes the same by numerical integration over the spectral density.
 */
class HeomQutipTestsPortTest {
    private static final double LAM = 0.025, GAMMA = 0.05, T = 1 / 0.95;
    private static final int NK = 2;

    /** {@code 0.5 exp(-Φ(t))}, the exact coherence of the pure-dephasing model. */
    static double exactCoherence(double t) {
        double phi = 0;
        // k = 0: c = λγ cot(γ/2T), ν = γ
        phi += term(LAM * GAMMA / Math.tan(GAMMA / (2 * T)), GAMMA, t);
        for (int k = 200_000; k >= 1; k--) {   // smallest terms first
            double nu = 2 * Math.PI * k * T;
            phi += term(4 * LAM * GAMMA * T * nu / (nu * nu - GAMMA * GAMMA), nu, t);
        }
        return 0.5 * Math.exp(-4 * phi);
    }

    private static double term(double c, double nu, double t) {
        return c * (nu * t - 1 + Math.exp(-nu * t)) / (nu * nu);
    }

    private static Qobj ones() {
        return Qobj.fromArray(new double[][] {{1, 1}, {1, 1}});
    }

    /** {@code expect(|0><1|, ρ) = ρ_10}. */
    private static Complex coherence(Qobj rho) {
        return rho.get(1, 0);
    }

    @ParameterizedTest(name = "{0}, terminator {1}")
    @CsvSource({"matsubara, true", "matsubara, false", "pade, true", "pade, false"})
    void pureDephasingModelDrudeLorentzBaths(String kind, boolean terminator) {
        Qobj q = sigmaz();
        Qobj h = ones().times(1e-5);   // QuTiP: a weak H, so that the steady state's system is not singular
        BosonicBath bath = kind.equals("pade") ? new DrudeLorentzPadeBath(q, LAM, GAMMA, T, NK)
                : new DrudeLorentzBath(q, LAM, GAMMA, T, NK);
        Terminator term = bath instanceof DrudeLorentzBath d ? d.terminator() : ((DrudeLorentzPadeBath) bath).terminator();
        Qobj hSys = terminator ? liouvillian(h).plus(term.liouvillian()) : h;
        HeomSolver solver = new HeomSolver(hSys, List.of(bath), 14,
                HeomOptions.defaults().withNsteps(15000).withStoreStates(true));
        double[] tlist = linspace(0, 10, 21);
        HeomResult result = solver.run(ones().times(0.5), tlist);
        double worst = 0;
        for (int i = 0; i < tlist.length; i++) {
            Complex c = coherence(result.states().get(i));
            double expected = exactCoherence(tlist[i]);
            worst = Math.max(worst, Math.hypot(c.re() - expected, c.im()));
        }
        assertTrue(worst < 1e-3, kind + ", terminator " + terminator + ": " + worst + " from the exact coherence");
        // and the coherence did decay: a run that stood still would fail above
        assertTrue(exactCoherence(10) < 0.45);

        HeomSteadyState ss = solver.steadyState();
        Complex c = coherence(ss.rho());
        assertEquals(exactCoherence(100), c.re(), 1e-3, "steady state");
        assertEquals(0, c.im(), 1e-3);
        Qobj first = ss.ados().extract(0);
        assertTrue(first.minus(ss.rho()).norm() < 1e-12, "the steady state is the ADO state's system part");
    }

    @Test
    void steadyStateIsWhereTheRunEnds() {
        Qobj h = sigmaz().times(0.25).plus(sigmay().times(0.5));
        DrudeLorentzBath bath = new DrudeLorentzBath(sigmaz(), LAM, GAMMA, T, NK);
        HeomSolver solver = new HeomSolver(h, List.of(bath), 5,
                HeomOptions.defaults().withNsteps(15000).withStoreStates(true));
        double[] tlist = linspace(0, 500, 21);
        Qobj rho0 = basis(2, 0).times(basis(2, 0).dag());
        HeomResult result = solver.run(rho0, tlist);
        Qobj last = result.states().get(tlist.length - 1);
        Qobj steady = solver.steadyState().rho();
        assertEquals(1.0, fidelity(steady, last), 1e-3);
        // the state moved away from the initial one
        assertTrue(fidelity(rho0, last) < 0.99);
    }
}
