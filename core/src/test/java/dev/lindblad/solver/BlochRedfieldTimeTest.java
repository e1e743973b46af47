package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.testing.Reference;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Time-dependent Bloch–Redfield couplings (QuTiP 5's {@code a_ops=[(QobjEvo, spectrum)]}): closed
 * forms (a coupling switched on smoothly, a bath that heats up) and QuTiP 5.3.1 references
 * ({@code reference/make_brtd.py}).
 */
class BlochRedfieldTimeTest {

    private static final SolverOptions TIGHT = SolverOptions.defaults().withAtol(1e-10).withRtol(1e-8)
            .withNsteps(100000);

    private static DoubleUnaryOperator ohmic(double eta, double wc) {
        return w -> w > 0 ? eta * w * Math.exp(-w / wc) : 0.0;
    }

    private static double maxDiff(double[] a, double[] b) {
        assertEquals(a.length, b.length);
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    /**
     * Coupling {@code tanh(t/τ) σx} to a zero-temperature flat bath S = γ (ω > 0): the decay rate
     * at t is {@code tanh²(t/τ) γ}, so {@code P_e(t) = P_e(0) exp(-γ (t - τ tanh(t/τ)))} and the
     * coherence decays at half that rate.
     */
    @Test
    void switchedOnCouplingFollowsTheGoldenRuleTimesFSquared() {
        double w0 = 1, gamma = 0.2, tau = 2;
        Qobj h = sigmaz().times(0.5 * w0);
        BrOperator op = BrOperator.of(QobjEvo.of(sigmax(), t -> Math.tanh(t / tau)), w -> w > 0 ? gamma : 0.0);
        assertTrue(op.isTimeDependent());
        double[] t = linspace(0, 15, 31);
        Qobj psi0 = basis(2, 0).plus(basis(2, 1)).unit();
        Result r = brmesolve(h, psi0, t, List.of(op), List.of(sigmax(), sigmay(), sigmaz()), List.of(), 0.1, TIGHT);
        for (int i = 0; i < t.length; i++) {
            double integral = t[i] - tau * Math.tanh(t[i] / tau);
            assertEquals(0.5 * Math.exp(-gamma * integral), 0.5 * (1 + r.expect(2)[i]), 1e-7, "P_e at t = " + t[i]);
            assertEquals(0.5 * Math.exp(-0.5 * gamma * integral), 0.5 * Math.hypot(r.expect(0)[i], r.expect(1)[i]),
                    1e-7, "|rho_01| at t = " + t[i]);
        }
        // the tensor at t: the population rate entry R_{11,00} (|0> excited, eigenbasis ascending: index 1)
        // is tanh²(t/τ) γ
        for (double s : new double[] {0, 0.7, 3}) {
            Qobj rt = BlochRedfield.tensorAt(h, List.of(op), List.of(), 0.1, s).tensor();
            double f = Math.tanh(s / tau);
            // ascending energies: |1> (E = -1/2) is index 0, |0> index 1; rho_00 <- rho_11 at row 0, column 3
            assertEquals(f * f * gamma, rt.data().get(0, 3).re(), 1e-14, "R at t = " + s);
            assertEquals(-f * f * gamma, rt.data().get(3, 3).re(), 1e-14, "R at t = " + s);
        }
        Reference.Case c = Reference.load("brtd").get("brtd_switch");
        assertTrue(c.text("qutip_version").startsWith("5."));
        assertTrue(maxDiff(r.expect(0), c.reals("sx")) < 1e-6, "sx vs QuTiP 5 " + maxDiff(r.expect(0), c.reals("sx")));
        assertTrue(maxDiff(r.expect(1), c.reals("sy")) < 1e-6, "sy vs QuTiP 5");
        assertTrue(maxDiff(r.expect(2), c.reals("sz")) < 1e-6, "sz vs QuTiP 5");
    }

    /** The rebuilt path (spectrum S(t, ω)) against a rate equation and QuTiP 5. */
    @Test
    void spectrumThatDependsOnTime() {
        double w0 = 1, gamma = 0.15;
        DoubleUnaryOperator nth = t -> 0.5 * (1 - Math.exp(-t / 4));
        BrOperator op = BrOperator.of(QobjEvo.of(sigmax()), (t, w) -> {
            double n = nth.applyAsDouble(t);
            return gamma * (w > 0 ? n + 1 : w < 0 ? n : 0.0);
        });
        assertTrue(op.isTimeDependent());
        Reference.Case c = Reference.load("brtd").get("brtd_tspectrum");
        double[] t = c.reals("tlist");
        Result r = brmesolve(sigmaz().times(0.5 * w0), basis(2, 0), t, List.of(op), List.of(sigmaz()), List.of(), 0.1,
                TIGHT);
        assertTrue(maxDiff(r.expect(0), c.reals("sz")) < 1e-6, "sz vs QuTiP 5 " + maxDiff(r.expect(0), c.reals("sz")));
        // dP/dt = -γ(n+1) P + γ n (1 - P) by RK4 on a fine grid
        double p = 1, s = 0, dt = 1e-3;
        int i = 0;
        for (int step = 0; i < t.length; step++) {
            s = step * dt;
            if (Math.abs(s - t[i]) < dt / 2) {
                assertEquals(2 * p - 1, r.expect(0)[i], 1e-7, "t = " + t[i]);
                i++;
            }
            double k1 = rate(gamma, nth, s, p), k2 = rate(gamma, nth, s + dt / 2, p + dt / 2 * k1);
            double k3 = rate(gamma, nth, s + dt / 2, p + dt / 2 * k2), k4 = rate(gamma, nth, s + dt, p + dt * k3);
            p += dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4);
        }
    }

    private static double rate(double gamma, DoubleUnaryOperator nth, double t, double p) {
        double n = nth.applyAsDouble(t);
        return -gamma * (n + 1) * p + gamma * n * (1 - p);
    }

    /** Jaynes–Cummings N = 4 with a switched-on cavity coupling and a constant atomic one, vs QuTiP 5. */
    @Test
    void jaynesCummingsMatchesQutip5() {
        Reference.Case c = Reference.load("brtd").get("brtd_jc");
        int n = (int) c.scalar("N");
        Qobj a = tensor(destroy(n), qeye(2));
        Qobj sm = tensor(qeye(n), destroy(2));
        Qobj h = a.dag().times(a).plus(sm.dag().times(sm))
                .plus(a.dag().times(sm).plus(a.times(sm.dag())).times(0.05));
        Qobj psi0 = tensor(basis(n, 1), basis(2, 0));
        List<BrOperator> aOps = List.of(
                BrOperator.of(QobjEvo.of(a.plus(a.dag()), t -> 1 - Math.exp(-t / 5)), ohmic(0.02, 3.0)),
                BrOperator.of(sm.plus(sm.dag()), w -> w > 0 ? 0.01 : 0.0));
        List<Qobj> eOps = List.of(a.dag().times(a), sm.dag().times(sm));
        for (String suffix : List.of("", "_nosec")) {
            double cut = suffix.isEmpty() ? 0.1 : -1;
            Result r = brmesolve(h, psi0, c.reals("tlist"), aOps, eOps, List.of(), cut, TIGHT);
            assertTrue(maxDiff(r.expect(0), c.reals("na" + suffix)) < 2e-6,
                    "na" + suffix + " " + maxDiff(r.expect(0), c.reals("na" + suffix)));
            assertTrue(maxDiff(r.expect(1), c.reals("nsm" + suffix)) < 2e-6,
                    "nsm" + suffix + " " + maxDiff(r.expect(1), c.reals("nsm" + suffix)));
        }
    }

    /**
     * A coupling {@code A(t) = σz + 0.5 cos(0.3 t) σx} is no multiple of one operator: its tensor is
     * rebuilt at each step (cross terms in cos); vs QuTiP 5.
     */
    @Test
    void sumCouplingMatchesQutip5() {
        Reference.Case c = Reference.load("brtd").get("brtd_sum");
        Qobj h = sigmaz().times(0.5).plus(sigmax().times(0.15));
        QobjEvo at = QobjEvo.of(sigmaz()).plus(sigmax(), t -> 0.5 * Math.cos(0.3 * t));
        Qobj psi0 = basis(2, 0).plus(basis(2, 1).times(dev.lindblad.Complex.I)).unit();
        Result r = brmesolve(h, psi0, c.reals("tlist"), List.of(BrOperator.of(at, ohmic(0.1, 4.0))),
                List.of(sigmax(), sigmay(), sigmaz()), List.of(), -1, TIGHT);
        for (int k = 0; k < 3; k++) {
            String lab = List.of("sx", "sy", "sz").get(k);
            assertTrue(maxDiff(r.expect(k), c.reals(lab)) < 2e-6, lab + " " + maxDiff(r.expect(k), c.reals(lab)));
        }
    }

    /**
     * The two ways a time dependence is handled give the same dynamics: {@code f(t) A} with S(ω)
     * (tensor of A built once, scaled by f² per step) and A with {@code S(t, ω) = f(t)² S(ω)}
     * (tensor rebuilt per step). Jaynes–Cummings N = 5, secular and not; and the façade's tensor
     * at t is f(t)² times the tensor of A (plus the constant Hamiltonian part).
     */
    @Test
    void scaledAndRebuiltTensorsAgree() {
        int n = 5;
        Qobj a = tensor(destroy(n), qeye(2));
        Qobj sm = tensor(qeye(n), destroy(2));
        Qobj h = a.dag().times(a).plus(sm.dag().times(sm).times(1.1))
                .plus(a.dag().times(sm).plus(a.times(sm.dag())).times(0.07));
        DoubleUnaryOperator f = t -> Math.sin(0.4 * t) + 0.3;
        DoubleUnaryOperator s = w -> w > 0 ? 0.03 * w : 0.005 * -w;
        Qobj x = a.plus(a.dag());
        BrOperator scaled = BrOperator.of(QobjEvo.of(x, f), s);
        BrOperator rebuilt = BrOperator.of(QobjEvo.of(x), (t, w) -> {
            double v = f.applyAsDouble(t);
            return v * v * s.applyAsDouble(w);
        });
        Qobj psi0 = tensor(basis(n, 2), basis(2, 0));
        double[] t = linspace(0, 12, 7);
        List<Qobj> eOps = List.of(a.dag().times(a), sm.dag().times(sm));
        for (double cut : new double[] {0.1, -1}) {
            Result r1 = brmesolve(h, psi0, t, List.of(scaled), eOps, List.of(), cut, TIGHT);
            Result r2 = brmesolve(h, psi0, t, List.of(rebuilt), eOps, List.of(), cut, TIGHT);
            for (int k = 0; k < 2; k++) {
                assertTrue(maxDiff(r1.expect(k), r2.expect(k)) < 1e-8, "cut " + cut + " e-op " + k + ": "
                        + maxDiff(r1.expect(k), r2.expect(k)));
            }
            assertTrue(Math.abs(r1.expect(0)[6] - r1.expect(0)[0]) > 0.1, "the bath acts: " + r1.expect(0)[6]);
        }
        double at = 1.7, fv = f.applyAsDouble(at);
        Qobj r0 = blochRedfieldTensor(h, List.of(), List.of(), 0.1).tensor();
        Qobj rx = blochRedfieldTensor(h, List.of(BrOperator.of(x, s)), List.of(), 0.1).tensor();
        Qobj rt = blochRedfieldTensorAt(h, List.of(scaled), null, 0.1, at).tensor();
        Qobj expected = r0.plus(rx.minus(r0).times(fv * fv));
        double err = 0;
        for (int i = 0; i < rt.data().rows(); i++) {
            for (int j = 0; j < rt.data().cols(); j++) {
                err = Math.max(err, rt.data().get(i, j).minus(expected.data().get(i, j)).abs());
            }
        }
        assertTrue(err < 1e-14, "tensorAt = R_H + f² R_A: " + err);
    }

    /** A constant QobjEvo with an ω-only spectrum is a constant coupling: same result as BrOperator.of(Qobj, S). */
    @Test
    void constantQobjEvoCouplingEqualsTheQobjOne() {
        Qobj h = sigmaz().times(0.5).plus(sigmax().times(0.15));
        BrOperator evo = BrOperator.of(QobjEvo.of(sigmax()), ohmic(0.05, 5.0));
        assertFalse(evo.isTimeDependent());
        double[] t = linspace(0, 10, 11);
        Result x = brmesolve(h, basis(2, 0), t, List.of(evo), List.of(sigmaz()), List.of(), 0.1, TIGHT);
        Result y = brmesolve(h, basis(2, 0), t, List.of(BrOperator.of(sigmax(), ohmic(0.05, 5.0))), List.of(sigmaz()),
                List.of(), 0.1, TIGHT);
        assertArrayEquals(y.expect(0), x.expect(0), 0.0);
    }

    @Test
    void refusesWhatNeedsAConstantTensor() {
        Qobj h = sigmaz().times(0.5);
        BrOperator op = BrOperator.of(QobjEvo.of(sigmax(), t -> t), w -> 0.1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> blochRedfieldTensor(h, List.of(op), List.of(), 0.1));
        assertTrue(e.getMessage().startsWith("blochRedfieldTensor: aOps[0] depends on time"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> brmesolve(h, basis(2, 0), new double[] {0, 1},
                List.of(op), List.of(), List.of(), 0.1, TIGHT.withMethod("diag")));
        assertTrue(e.getMessage().contains("needs a constant generator"), e.getMessage());
        assertThrows(IllegalStateException.class,
                () -> new BrSolver(h, List.of(op), List.of(), 0.1, TIGHT).tensor());
        e = assertThrows(IllegalArgumentException.class, () -> BrOperator.of(QobjEvo.of(sigmap()), w -> 1.0));
        assertTrue(e.getMessage().startsWith("of: op(0) must be Hermitian"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> op.at(Double.NaN));
        assertTrue(e.getMessage().startsWith("at: t"), e.getMessage());
    }
}
