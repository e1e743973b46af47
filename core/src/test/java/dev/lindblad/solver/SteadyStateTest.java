package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.testing.Reference;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SteadyStateTest {

    private static void assertDensityMatrix(Qobj rho) {
        assertTrue(rho.isHerm(), "steady state is not Hermitian");
        assertEquals(1.0, rho.tr().re(), 1e-12);
        assertEquals(0.0, rho.tr().im(), 1e-12);
    }

    /** Detailed balance: a damped oscillator in a thermal bath relaxes to the Gibbs state, exactly also when truncated. */
    @ParameterizedTest
    @ValueSource(strings = {"auto", "direct", "eigen", "power", "iterative-gmres", "iterative-bicgstab"})
    void thermalStateOfDampedOscillator(String method) {
        int n = 12;
        double kappa = 0.7, nth = 0.6;
        Qobj a = destroy(n);
        List<Qobj> c = List.of(a.times(Math.sqrt(kappa * (1 + nth))), a.dag().times(Math.sqrt(kappa * nth)));
        SteadyStateResult r = new SteadyStateSolver(num(n).times(1.3), c,
                SteadyStateOptions.defaults().withMethod(method)).solve();
        assertDensityMatrix(r.state());
        assertTrue(r.state().isClose(thermalDm(n, nth), 1e-9), method + ": not the Gibbs state");
        assertTrue(r.residual() < 1e-10, "residual " + r.residual());
    }

    /** Resonance fluorescence: rho_ee = Ω² / (γ² + 4Δ² + 2Ω²) for H = Δ/2 σz + Ω/2 σx, c = sqrt(γ) σ-. */
    @Test
    void drivenTwoLevelSystemClosedForm() {
        double delta = 0.4, omega = 0.9, gamma = 0.5;
        Qobj h = sigmaz().times(delta / 2).plus(sigmax().times(omega / 2));
        Qobj rho = steadystate(h, List.of(sigmam().times(Math.sqrt(gamma))));
        double ree = omega * omega / (gamma * gamma + 4 * delta * delta + 2 * omega * omega);
        assertEquals(ree, rho.get(0, 0).re(), 1e-12);
        assertDensityMatrix(rho);
    }

    @Test
    void drivenJaynesCummingsMatchesQutip() {
        Reference.Case c = Reference.load("steadystate").get("jc_driven");
        int n = (int) c.scalar("N");
        Qobj a = tensor(destroy(n), qeye(2));
        Qobj sm = tensor(qeye(n), sigmam());
        Qobj h = Qobj.of(DenseMatrix.wrap(2 * n, 2 * n, c.complexes("H")), Dims.oper(n, 2));
        Qobj rho = steadystate(h, List.of(a.times(Math.sqrt(c.scalar("kappa"))), sm.times(Math.sqrt(c.scalar("gamma")))));
        Qobj ref = Qobj.of(DenseMatrix.wrap(2 * n, 2 * n, c.complexes("rho")), Dims.oper(n, 2));
        assertTrue(rho.isClose(ref, 1e-8), "density matrix differs from QuTiP");
        assertEquals(c.scalar("n"), expect(a.dag().times(a), rho), 1e-8);
        assertEquals(c.scalar("sz"), expect(tensor(qeye(n), sigmaz()), rho), 1e-8);
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 50})
    void kerrResonatorMatchesQutip(int size) {
        Reference.Case c = Reference.load("steadystate").get("kerr_" + size);
        Qobj a = destroy(size);
        Qobj h = a.dag().times(a).times(c.scalar("delta"))
                .plus(a.dag().pow(2).times(a.pow(2)).times(c.scalar("chi")))
                .plus(a.plus(a.dag()).times(c.scalar("F")));
        List<Qobj> cOps = List.of(a.times(Math.sqrt(c.scalar("kappa_minus"))),
                a.dag().times(Math.sqrt(c.scalar("kappa_plus"))));
        for (String method : List.of("direct", "iterative-gmres")) {
            Qobj rho = steadystate(h, cOps, SteadyStateOptions.defaults().withMethod(method));
            assertEquals(c.scalar("n"), expect(a.dag().times(a), rho), 1e-7, method);
            if (c.has("rho")) {
                Qobj ref = Qobj.of(DenseMatrix.wrap(size, size, c.complexes("rho")), Dims.oper(size));
                assertTrue(rho.isClose(ref, 1e-8), method + ": density matrix differs from QuTiP");
            }
        }
    }

    /** Above the dense limit "auto" takes GMRES, and falls back to the sparse LU when GMRES fails. */
    @Test
    void autoUsesGmresAndFallsBackToDirect() {
        int n = 25;
        Qobj a = destroy(n);
        Qobj h = num(n).times(0.1).plus(a.plus(a.dag()).times(0.5));
        List<Qobj> c = List.of(a.times(Math.sqrt(0.8)));
        SteadyStateResult gm = new SteadyStateSolver(h, c, SteadyStateOptions.defaults()).solve();
        assertEquals("iterative-gmres", gm.method());
        SteadyStateResult fallback = new SteadyStateSolver(h, c, SteadyStateOptions.defaults().withMaxIter(1)).solve();
        assertTrue(fallback.method().startsWith("direct (sparse LU, AMD) after iterative-gmres: no convergence"),
                fallback.method());
        assertTrue(gm.state().isClose(fallback.state(), 1e-8));
        // a driven damped oscillator's steady state is the coherent state |β>, β = -i ε / (i Δ + κ/2)
        dev.lindblad.Complex beta = dev.lindblad.Complex.of(0, -0.5).div(dev.lindblad.Complex.of(0.4, 0.1));
        assertTrue(gm.state().isClose(coherentDm(n, beta), 1e-8));
    }

    @Test
    void liouvillianInputGivesTheSameState() {
        Qobj h = sigmax().times(0.3);
        List<Qobj> c = List.of(sigmam().times(0.4));
        assertTrue(steadystate(liouvillian(h, c), List.of()).isClose(steadystate(h, c), 1e-12));
    }

    @Test
    void severalSteadyStatesAreReported() {
        // no dissipation: every function of H is stationary
        SteadyStateException e = assertThrows(SteadyStateException.class,
                () -> steadystate(sigmaz(), List.of(sigmaz().times(0.1))));
        assertTrue(e.getMessage().contains("not unique"), e.getMessage());
        assertTrue(e.method().startsWith("direct"), e.method());
    }

    @Test
    void nonConvergenceNamesMethodAndResidual() {
        Qobj a = destroy(15);
        SteadyStateException e = assertThrows(SteadyStateException.class, () -> steadystate(
                a.plus(a.dag()).times(2).plus(num(15)), List.of(a),
                SteadyStateOptions.defaults().withMethod("iterative-bicgstab").withMaxIter(1)
                        .withPreconditioner(0.5, 1)));
        assertEquals("iterative-bicgstab", e.method());
        assertTrue(e.getMessage().contains("relative residual"), e.getMessage());
        assertTrue(e.residual() > 0);
    }

    @Test
    void badInput() {
        assertThrows(dev.lindblad.DimensionMismatchException.class, () -> steadystate(sigmaz(), List.of(destroy(3))));
        var m = assertThrows(IllegalArgumentException.class, () -> SteadyStateOptions.defaults().withMethod("lu"));
        assertTrue(m.getMessage().contains("'lu'"), m.getMessage());
        var td = assertThrows(IllegalArgumentException.class, () -> steadystate(
                dev.lindblad.QobjEvo.of(sigmaz()).plus(sigmax(), Math::cos), List.of(sigmam())));
        assertTrue(td.getMessage().contains("time-independent"), td.getMessage());
    }
}
