package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.DimensionMismatchException;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.parallel.TaskMap;
import dev.lindblad.testing.Reference;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Bloch–Redfield with a time-dependent Hamiltonian (QuTiP 5's {@code brmesolve(QobjEvo H, ...)}):
 * the tensor of {@code H(t)} at each t, integrated in the basis H was given in. Checked against
 * the constant-H solver, the golden-rule rate equations (as {@code mesolve} with time-dependent
 * collapse operators) and QuTiP 5.3.1 ({@code reference/make_brtdh.py}).
 */
class BrSolverTimeDependentHTest {

    private static final SolverOptions TIGHT = SolverOptions.defaults().withAtol(1e-11).withRtol(1e-9)
            .withNsteps(1000000);

    private static DoubleUnaryOperator ohmic(double eta, double wc) {
        return w -> w > 0 ? eta * w * Math.exp(-w / wc) : 0.0;
    }

    /** Ohmic with detailed balance at temperature T: {@code S(-ω) = e^{-ω/T} S(ω)}; 0 at ω = 0. */
    private static DoubleUnaryOperator thermalOhmic(double gamma, double temp) {
        return w -> {
            if (w == 0) {
                return 0.0;
            }
            double s = gamma * Math.abs(w) * Math.exp(-Math.abs(w) / 5);
            return w > 0 ? s / (1 - Math.exp(-w / temp)) : s / (Math.exp(-w / temp) - 1);
        };
    }

    private static double maxDiff(double[] a, double[] b) {
        assertEquals(a.length, b.length);
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    /** Jaynes–Cummings, N photons, wc = 1, wa = 1.1, g = 0.07. */
    private static Qobj jc(int n) {
        Qobj a = tensor(destroy(n), qeye(2));
        Qobj sm = tensor(qeye(n), destroy(2));
        return a.dag().times(a).plus(sm.dag().times(sm).times(1.1))
                .plus(a.dag().times(sm).plus(a.times(sm.dag())).times(0.07));
    }

    @Test
    void constantQobjEvoGivesTheBitsOfTheQobjPath() {
        int n = 4;
        Qobj h = jc(n);
        Qobj a = tensor(destroy(n), qeye(2));
        Qobj sm = tensor(qeye(n), destroy(2));
        List<BrOperator> aOps = List.of(BrOperator.of(a.plus(a.dag()), ohmic(0.02, 3.0)),
                BrOperator.of(QobjEvo.of(sm.plus(sm.dag()), t -> 1 - Math.exp(-t)), w -> w > 0 ? 0.01 : 0.0));
        List<Qobj> eOps = List.of(a.dag().times(a), sm.dag().times(sm));
        List<Qobj> cOps = List.of(a.times(0.05));
        Qobj psi0 = tensor(basis(n, 1), basis(2, 0));
        double[] t = linspace(0, 20, 11);
        QobjEvo evo = QobjEvo.of(h);
        assertTrue(evo.isConstant());
        for (double cut : new double[] {0.1, -1}) {
            Result x = brmesolve(h, psi0, t, aOps, eOps, cOps, cut, TIGHT);
            Result y = brmesolve(evo, psi0, t, aOps, eOps, cOps, cut, TIGHT);
            for (int k = 0; k < 2; k++) {
                assertArrayEquals(x.expect(k), y.expect(k), 0.0, "cut " + cut + " e-op " + k);
            }
            assertTrue(Math.abs(x.expect(0)[10] - x.expect(0)[0]) > 0.05, "the bath acts");
        }
        // a constant H keeps the constant-generator methods and the tensor
        List<BrOperator> constant = List.of(aOps.get(0));
        SolverOptions diag = TIGHT.withMethod("diag");
        assertArrayEquals(brmesolve(h, psi0, t, constant, eOps, cOps, 0.1, diag).expect(0),
                brmesolve(evo, psi0, t, constant, eOps, cOps, 0.1, diag).expect(0), 0.0);
        BrSolver s = new BrSolver(evo, constant, cOps, 0.1, TIGHT);
        assertTrue(new BrSolver(h, constant, cOps, 0.1, TIGHT).tensor().tensor().isClose(s.tensor().tensor(), 0.0));
        assertArrayEquals(brmesolve(h, psi0, t, constant, eOps).expect(1), brmesolve(evo, psi0, t, constant, eOps)
                .expect(1), 0.0);
    }

    /**
     * A Hamiltonian that depends on time in form but not in value, {@code H/2 + 1·H/2}, goes the
     * time-dependent way (eigendecomposition and tensor at each t, lab basis) and must agree with
     * the constant-H solver (interaction picture), with a time-dependent coupling and a collapse
     * operator, secular and not.
     */
    @Test
    void labBasisEngineAgreesWithTheConstantHSolver() {
        int n = 4;
        Qobj h = jc(n);
        Qobj a = tensor(destroy(n), qeye(2));
        Qobj sm = tensor(qeye(n), destroy(2));
        QobjEvo evo = QobjEvo.of(h.times(0.5)).plus(h.times(0.5), t -> 1.0);
        assertFalse(evo.isConstant());
        List<BrOperator> aOps = List.of(
                BrOperator.of(QobjEvo.of(a.plus(a.dag()), t -> 1 - Math.exp(-t / 5)), ohmic(0.02, 3.0)),
                BrOperator.of(sm.plus(sm.dag()), w -> w > 0 ? 0.01 : 0.002));
        List<Qobj> eOps = List.of(a.dag().times(a), sm.dag().times(sm), a.plus(a.dag()));
        List<Qobj> cOps = List.of(a.times(0.06));
        Qobj psi0 = tensor(basis(n, 1).plus(basis(n, 0)).unit(), basis(2, 0));
        double[] t = linspace(0, 30, 16);
        for (double cut : new double[] {0.1, -1}) {
            Result x = brmesolve(h, psi0, t, aOps, eOps, cOps, cut, TIGHT);
            Result y = brmesolve(evo, psi0, t, aOps, eOps, cOps, cut, TIGHT);
            for (int k = 0; k < 3; k++) {
                double d = maxDiff(x.expect(k), y.expect(k));
                assertTrue(d < 1e-7, "cut " + cut + " e-op " + k + ": " + d);
            }
            double swing = java.util.Arrays.stream(x.expect(2)).max().orElseThrow()
                    - java.util.Arrays.stream(x.expect(2)).min().orElseThrow();
            assertTrue(swing > 0.2, "coherent oscillation of <a + a^dag>: " + swing);
        }
        // the states too (lab basis both ways)
        Result x = brmesolve(h, psi0, t, aOps, List.of(), cOps, 0.1, TIGHT);
        Result y = brmesolve(evo, psi0, t, aOps, List.of(), cOps, 0.1, TIGHT);
        for (int i = 0; i < t.length; i++) {
            assertTrue(x.states().get(i).minus(y.states().get(i)).norm() < 1e-7, "state at t = " + t[i]);
        }
    }

    /**
     * {@code H(t) = ω(t)/2 σz} has a constant eigenbasis; with {@code A = σx} the secular
     * Bloch–Redfield equation is the Lindblad equation with collapse operators
     * {@code sqrt(S(ω(t))) σ-} and {@code sqrt(S(-ω(t))) σ+} (golden-rule rates, coherences at half
     * their sum, no Lamb shift). Also against QuTiP 5.3.1.
     */
    @Test
    void sweptQubitFollowsTheGoldenRuleRates() {
        Reference.Case c = Reference.load("brtdh").get("brtdh_swept");
        assertTrue(c.text("qutip_version").startsWith("5."));
        DoubleUnaryOperator s = thermalOhmic(c.scalar("gamma"), c.scalar("T"));
        DoubleUnaryOperator omega = t -> 1.0 + 0.5 * Math.sin(0.3 * t);
        double[] t = c.reals("tlist");
        Qobj psi0 = basis(2, 0).plus(basis(2, 1)).unit();
        List<Qobj> eOps = List.of(sigmax(), sigmay(), sigmaz());
        QobjEvo h = QobjEvo.of(sigmaz().times(0.5), omega);
        Result br = brmesolve(h, psi0, t, List.of(BrOperator.of(sigmax(), s)), eOps, List.of(), 0.1, TIGHT);
        Result me = mesolve(h, psi0, t, List.of(
                QobjEvo.of(sigmam(), x -> Math.sqrt(s.applyAsDouble(omega.applyAsDouble(x)))),
                QobjEvo.of(sigmap(), x -> Math.sqrt(s.applyAsDouble(-omega.applyAsDouble(x))))), eOps, TIGHT);
        for (int k = 0; k < 3; k++) {
            String lab = List.of("sx", "sy", "sz").get(k);
            double d = maxDiff(br.expect(k), me.expect(k));
            assertTrue(d < 1e-7, lab + " vs mesolve: " + d);
            d = maxDiff(br.expect(k), c.reals(lab));
            assertTrue(d < 1e-6, lab + " vs QuTiP 5: " + d);
        }
        assertTrue(br.expect(2)[t.length - 1] < -0.5, "relaxes towards the ground state: " + br.expect(2)[t.length - 1]);
    }

    /**
     * Through an actual crossing, {@code ω(t) = 2(t - 1.05)}: the ascending eigenvectors swap at
     * the crossing, but in the lab basis the rates stay {@code S(ω(t))} for {@code |0> -> |1>} and
     * {@code S(-ω(t))} back, so the result is the same Lindblad equation on both sides.
     */
    @Test
    void actualCrossingIsCrossedSmoothly() {
        DoubleUnaryOperator s = thermalOhmic(0.2, 0.5);
        DoubleUnaryOperator omega = t -> 2 * (t - 1.05);
        double[] t = linspace(0, 2.6, 14);
        QobjEvo h = QobjEvo.of(sigmaz().times(0.5), omega);
        Qobj psi0 = basis(2, 0).plus(basis(2, 1).times(0.5)).unit();
        List<Qobj> eOps = List.of(sigmax(), sigmay(), sigmaz());
        Result br = brmesolve(h, psi0, t, List.of(BrOperator.of(sigmax(), s)), eOps, List.of(), 0.1, TIGHT);
        Result me = mesolve(h, psi0, t, List.of(
                QobjEvo.of(sigmam(), x -> Math.sqrt(s.applyAsDouble(omega.applyAsDouble(x)))),
                QobjEvo.of(sigmap(), x -> Math.sqrt(s.applyAsDouble(-omega.applyAsDouble(x))))), eOps, TIGHT);
        for (int k = 0; k < 3; k++) {
            double d = maxDiff(br.expect(k), me.expect(k));
            assertTrue(d < 1e-7, "e-op " + k + " vs mesolve: " + d);
        }
    }

    /** Driven qubit {@code H = ω0/2 σz + A cos(Ωt) σx}: the eigenbasis rotates; vs QuTiP 5.3.1. */
    @Test
    void drivenQubitMatchesQutip5() {
        Reference.Case c = Reference.load("brtdh").get("brtdh_driven");
        double w0 = c.scalar("w0"), amp = c.scalar("A"), drive = c.scalar("W");
        QobjEvo h = QobjEvo.of(sigmaz().times(0.5 * w0)).plus(sigmax().times(amp), t -> Math.cos(drive * t));
        List<BrOperator> aOps = List.of(BrOperator.of(sigmax(), ohmic(0.05, 5.0)), BrOperator.of(sigmaz(), w -> 0.01));
        double[] t = c.reals("tlist");
        for (String suffix : List.of("", "_nosec")) {
            Result r = brmesolve(h, basis(2, 0), t, aOps, List.of(sigmax(), sigmay(), sigmaz()), List.of(),
                    suffix.isEmpty() ? 0.1 : -1, TIGHT);
            for (int k = 0; k < 3; k++) {
                String lab = List.of("sx", "sy", "sz").get(k) + suffix;
                double d = maxDiff(r.expect(k), c.reals(lab));
                assertTrue(d < 1e-6, lab + " vs QuTiP 5: " + d);
            }
        }
    }

    /**
     * Jaynes–Cummings N = 4 with a modulated atomic frequency, a switched-on cavity coupling, a
     * constant atomic one and a collapse operator; secular and not; vs QuTiP 5.3.1.
     */
    @Test
    void jaynesCummingsWithTimeDependentDetuningMatchesQutip5() {
        Reference.Case c = Reference.load("brtdh").get("brtdh_jc");
        int n = (int) c.scalar("N");
        double wc = c.scalar("wc"), wa = c.scalar("wa"), g = c.scalar("g");
        double delta = c.scalar("delta"), nu = c.scalar("nu");
        Qobj a = tensor(destroy(n), qeye(2));
        Qobj sm = tensor(qeye(n), destroy(2));
        Qobj h0 = a.dag().times(a).times(wc).plus(sm.dag().times(sm).times(wa))
                .plus(a.dag().times(sm).plus(a.times(sm.dag())).times(g));
        QobjEvo h = QobjEvo.of(h0).plus(sm.dag().times(sm), t -> delta * Math.sin(nu * t));
        List<BrOperator> aOps = List.of(
                BrOperator.of(QobjEvo.of(a.plus(a.dag()), t -> 1 - Math.exp(-t / 5)), ohmic(0.02, 3.0)),
                BrOperator.of(sm.plus(sm.dag()), w -> w > 0 ? 0.01 : 0.0));
        List<Qobj> cOps = List.of(a.times(Math.sqrt(0.004)));
        Qobj psi0 = tensor(basis(n, 1), basis(2, 0));
        for (String suffix : List.of("", "_nosec")) {
            Result r = brmesolve(h, psi0, c.reals("tlist"), aOps, List.of(a.dag().times(a), sm.dag().times(sm)), cOps,
                    suffix.isEmpty() ? 0.1 : -1, TIGHT);
            double dn = maxDiff(r.expect(0), c.reals("na" + suffix));
            double ds = maxDiff(r.expect(1), c.reals("nsm" + suffix));
            assertTrue(dn < 1e-6, "na" + suffix + " vs QuTiP 5: " + dn);
            assertTrue(ds < 1e-6, "nsm" + suffix + " vs QuTiP 5: " + ds);
        }
    }

    /** The tensor rows built on a thread pool give the bits of the serial build, at every t. */
    @Test
    void threadedTensorBuildEqualsSerial() {
        int n = 3;
        Qobj a = tensor(destroy(n), qeye(2));
        Qobj sm = tensor(qeye(n), destroy(2));
        QobjEvo h = QobjEvo.of(jc(n)).plus(sm.dag().times(sm), t -> 0.1 * Math.sin(0.5 * t));
        List<BrOperator> aOps = List.of(BrOperator.of(a.plus(a.dag()), ohmic(0.03, 3.0)),
                BrOperator.of(QobjEvo.of(sm.plus(sm.dag()), t -> Math.tanh(t)), w -> 0.01));
        double[] t = linspace(0, 10, 6);
        Qobj psi0 = tensor(basis(n, 1), basis(2, 1));
        List<Qobj> eOps = List.of(a.dag().times(a), sm.dag().times(sm));
        Result serial = new BrSolver(h, aOps, List.of(), 0.1, TIGHT, TaskMap.serial()).run(psi0, t, eOps);
        Result threads = new BrSolver(h, aOps, List.of(), 0.1, TIGHT, TaskMap.threads(2)).run(psi0, t, eOps);
        for (int k = 0; k < 2; k++) {
            assertArrayEquals(serial.expect(k), threads.expect(k), 0.0, "e-op " + k);
        }
        assertTrue(Math.abs(serial.expect(1)[5] - serial.expect(1)[0]) > 0.05, "the system moves");
    }

    @Test
    void refusesBadInput() {
        QobjEvo h = QobjEvo.of(sigmaz().times(0.5)).plus(sigmax(), t -> 0.1 * Math.cos(t));
        List<BrOperator> aOps = List.of(BrOperator.of(sigmax(), w -> 0.1));
        double[] t = {0, 1};
        DimensionMismatchException dm = assertThrows(DimensionMismatchException.class, () -> brmesolve(h, basis(2, 0),
                t, List.of(BrOperator.of(jc(2), w -> 0.1)), List.of()));
        assertTrue(dm.getMessage().startsWith("brmesolve: aOps[0] and the Hamiltonian"), dm.getMessage());
        dm = assertThrows(DimensionMismatchException.class, () -> brmesolve(h, basis(2, 0), t,
                List.of(BrOperator.of(QobjEvo.of(jc(2), x -> x), w -> 0.1)), List.of()));
        assertTrue(dm.getMessage().startsWith("brmesolve: aOps[0] and the Hamiltonian"), dm.getMessage());
        dm = assertThrows(DimensionMismatchException.class, () -> brmesolve(h, basis(2, 0), t, aOps, List.of(),
                List.of(destroy(3)), 0.1, TIGHT));
        assertTrue(dm.getMessage().startsWith("brmesolve: cOps[0] and the Hamiltonian"), dm.getMessage());
        assertThrows(DimensionMismatchException.class, () -> brmesolve(h, basis(3, 0), t, aOps, List.of()));
        assertThrows(DimensionMismatchException.class, () -> brmesolve(h, basis(2, 0), t, aOps, List.of(qeye(3))));
        // non-Hermitian H(0): refused when the solver is built
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> brmesolve(
                QobjEvo.of(sigmap()).plus(sigmaz(), x -> x), basis(2, 0), t, aOps, List.of()));
        assertEquals("brmesolve: the Hamiltonian must be Hermitian; H(t) is not at t = 0.0", e.getMessage());
        // non-Hermitian H(t) from t = 5 on: refused when met; the run stops with the partial result
        IntegrationException ie = assertThrows(IntegrationException.class, () -> brmesolve(
                QobjEvo.of(sigmaz()).plus(sigmap(), x -> x > 5 ? x : 0.0), basis(2, 0), new double[] {0, 1, 10}, aOps,
                List.of(sigmaz())));
        assertInstanceOf(IllegalArgumentException.class, ie.getCause());
        assertTrue(ie.getCause().getMessage().startsWith("brmesolve: the Hamiltonian must be Hermitian; H(t) is not "
                + "at t = "), ie.getCause().getMessage());
        assertEquals(1.0, ie.timeReached());
        assertEquals(2, ie.partialResult().expect(0).length, "outputs at t = 0 and 1 kept");
        for (String method : List.of("diag", "krylov")) {
            e = assertThrows(IllegalArgumentException.class, () -> brmesolve(h, basis(2, 0), t, aOps, List.of(),
                    List.of(), 0.1, TIGHT.withMethod(method)));
            assertTrue(e.getMessage().contains("method \"" + method + "\" needs a constant generator, but the "
                    + "Hamiltonian depends on time"), e.getMessage());
        }
        IllegalStateException st = assertThrows(IllegalStateException.class,
                () -> new BrSolver(h, aOps, List.of(), 0.1, TIGHT).tensor());
        assertTrue(st.getMessage().contains("Hamiltonian depends on time"), st.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> brmesolve(QobjEvo.of(spre(sigmaz()), x -> x),
                basis(2, 0), t, List.of(), List.of()));
        assertTrue(e.getMessage().startsWith("brmesolve needs a square Hamiltonian"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BrSolver(h, aOps, List.of(), Double.NaN, TIGHT));
        assertTrue(e.getMessage().startsWith("brmesolve: secCutoff = NaN"), e.getMessage());
        NullPointerException np = assertThrows(NullPointerException.class,
                () -> brmesolve((QobjEvo) null, basis(2, 0), t, aOps, List.of()));
        assertTrue(np.getMessage().contains("h is null"), np.getMessage());
    }
}
