package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Complex;
import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.Superops;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.parallel.TaskMap;
import dev.lindblad.testing.Reference;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The solver entry points of issue #15: propagator evolution from operator and superoperator
 * initial states, two-time propagators, propagator steady states, the Liouvillian's
 * pseudo-inverse, mcsolve with trajectory-count lists and explicit seeds, complex e-op
 * callbacks. QuTiP references from reference/make_phasespace.py; closed forms otherwise.
 */
class SolverEntryPointsTest {

    private static final Reference REF = Reference.load("phasespace");
    private static final SolverOptions TIGHT = SolverOptions.defaults().withAtol(1e-11).withRtol(1e-10);

    private static Qobj sup(Reference.Case c, String key, Dims d) {
        return Qobj.of(DenseMatrix.of(c.rows(key), c.cols(key), c.complexes(key)), d);
    }

    private static void assertClose(Qobj expected, Qobj actual, double tol, String what) {
        assertEquals(expected.dims(), actual.dims(), what + " dims");
        double[] a = expected.toArray(), b = actual.toArray();
        for (int k = 0; k < a.length; k++) {
            assertEquals(a[k], b[k], tol, what + " at " + k);
        }
    }

    @Test
    void sesolveFromAnOperatorIsThePropagator() {
        Qobj h = sigmax().times(0.7).plus(sigmaz().times(0.3));
        double[] t = linspace(0, 3, 4);
        Result r = sesolve(h, qeye(2), t, List.of(), TIGHT);
        for (int i = 0; i < t.length; i++) {
            assertClose(h.times(new Complex(0, -t[i])).expm(), r.states().get(i), 1e-8, "U(" + t[i] + ")");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"phasespace", "phasespace5"})
    void mesolveFromASuperoperatorMatchesQutip(String file) {
        Reference ref = Reference.load(file);
        Reference.Case c = ref.get("mesolve_super");
        Dims sd = Dims.superOf(Dims.oper(2));
        Qobj s0 = sup(c, "S0", sd);
        Qobj h = sigmax().times(0.5).plus(sigmaz().times(0.2));
        List<Qobj> cOps = List.of(sigmam().times(Math.sqrt(0.1)));
        double[] t = c.reals("tlist");
        Result r = mesolve(h, s0, t, cOps, List.of(), TIGHT);
        assertEquals(t.length, r.states().size());
        for (int i = 0; i < t.length; i++) {
            assertClose(sup(c, "state" + i, sd), r.states().get(i), 1e-7, "S(" + t[i] + ")");
        }
        // the same through "diag" (exact)
        Result d = mesolve(h, s0, t, cOps, List.of(), SolverOptions.defaults().withMethod("diag"));
        assertClose(sup(c, "state4", sd), d.finalState(), 1e-9, "diag");
    }

    @Test
    void mesolveOfTheIdentitySuperoperatorIsThePropagator() {
        Qobj h = sigmax().times(0.9).plus(sigmaz().times(-0.4));
        List<Qobj> cOps = List.of(sigmam().times(0.3), sigmaz().times(0.2));
        Qobj id = Superops.spre(qeye(2));
        double[] t = {0, 0.5, 1.7};
        Result r = mesolve(h, id, t, cOps, List.of(), TIGHT);
        for (int i = 0; i < t.length; i++) {
            assertClose(propagator(h, t[i], cOps, TIGHT), r.states().get(i), 1e-8, "S(" + t[i] + ")");
        }
        // without collapse operators a superoperator state still evolves by the Liouvillian
        Result u = mesolve(h, id, t, List.of(), List.of(), TIGHT);
        Qobj ut = h.times(new Complex(0, -1.7)).expm();
        assertClose(Superops.sprepost(ut, ut.dag()), u.finalState(), 1e-8, "unitary channel");
        // a callback sees S(t)
        Result cb = Solvers.mesolve(h, id, t, cOps, List.of(), List.<ExpectFunction>of((time, s) -> s.tr().re()), TIGHT);
        assertEquals(propagator(h, 1.7, cOps, TIGHT).tr().re(), cb.expect(0)[2], 1e-8);
    }

    @Test
    void mesolveFromASuperoperatorRefusesBadInput() {
        Qobj id = Superops.spre(qeye(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> mesolve(sigmax(), id, new double[] {0, 1}, List.of(sigmam()), List.of(sigmaz())));
        assertTrue(e.getMessage().contains("e-op callbacks"), e.getMessage());
        Exception d = assertThrows(RuntimeException.class,
                () -> mesolve(sigmax(), Superops.spre(qeye(3)), new double[] {0, 1}, List.of(sigmam()), List.of()));
        assertTrue(d.getMessage().contains("mesolve"), d.getMessage());
    }

    @Test
    void twoTimePropagatorComposes() {
        // constant: U(t, t0) = U(t) U(t0)^-1 = U(t - t0)
        Qobj h = sigmax().times(0.7).plus(sigmaz().times(0.3));
        Qobj u = propagator(h, 2.5, 0.75, List.of(), TIGHT);
        assertClose(propagator(h, 2.5, List.of(), TIGHT).times(propagator(h, 0.75, List.of(), TIGHT).inv()), u, 1e-8,
                "constant");
        assertClose(propagator(h, 0.75, 2.5, List.of(), TIGHT), u.inv(), 1e-8, "backwards");
        // time-dependent, open: S(t2, t0) = S(t2, t1) S(t1, t0), and S(t, t0) evolves rho(t0) to rho(t)
        QobjEvo hd = QobjEvo.of(sigmaz().times(0.5)).plus(sigmax(), s -> Math.cos(1.3 * s));
        List<Qobj> cOps = List.of(sigmam().times(0.4));
        Qobj s20 = propagator(hd, 2.0, 0.5, cOps, TIGHT);
        Qobj s21 = propagator(hd, 2.0, 1.2, cOps, TIGHT);
        Qobj s10 = propagator(hd, 1.2, 0.5, cOps, TIGHT);
        assertClose(s21.times(s10), s20, 1e-7, "composition");
        Qobj rho0 = ketToDm(basis(2, 0));
        Result r = mesolve(hd, rho0, new double[] {0.5, 2.0}, cOps, List.of(), TIGHT);
        Qobj viaS = vectorToOperator(s20.times(operatorToVector(rho0)));
        assertClose(r.finalState(), viaS, 1e-7, "S(t, t0) rho(t0)");
    }

    @Test
    void propagatorHonoursItsOptions() {
        Qobj h = sigmax().times(0.7).plus(sigmaz().times(0.3));
        List<Qobj> cOps = List.of(sigmam().times(0.4));
        Qobj diag = propagator(h, 1.5, cOps, SolverOptions.defaults().withMethod("diag"));
        Qobj ode = propagator(h, 1.5, cOps, TIGHT);
        assertClose(diag, ode, 1e-8, "diag vs adaptive");
        List<Qobj> many = propagator(h, new double[] {0.5, 1.5}, cOps, TIGHT);
        assertClose(ode, many.get(1), 1e-9, "list");
        assertThrows(IllegalArgumentException.class, () -> propagator(QobjEvo.of(sigmax(), Math::cos), 1.0, cOps,
                SolverOptions.defaults().withMethod("diag")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"phasespace", "phasespace5"})
    void propagatorSteadystateMatchesQutip(String file) {
        Reference ref = Reference.load(file);
        Reference.Case c = ref.get("propagator_steadystate_qubit");
        Qobj u = sup(c, "U", Dims.superOf(Dims.oper(2)));
        Qobj rho = propagatorSteadystate(u);
        assertClose(sup(c, "rho", Dims.oper(2)), rho, 1e-10, "QuTiP");
        // and the propagator we compute ourselves has the Lindblad steady state as fixed point
        Qobj h = sigmax().times(0.7).plus(sigmaz().times(0.3));
        List<Qobj> cOps = List.of(sigmam().times(Math.sqrt(0.2)), sigmaz().times(Math.sqrt(0.05)));
        assertClose(steadystate(h, cOps), propagatorSteadystate(propagator(h, 2.0, cOps, TIGHT)), 1e-7, "fixed point");
        assertThrows(IllegalArgumentException.class, () -> propagatorSteadystate(sigmax()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"phasespace", "phasespace5"})
    void pseudoInverseMatchesQutip(String file) {
        Reference ref = Reference.load(file);
        Reference.Case c = ref.get("pseudo_inverse_qubit");
        Dims sd = Dims.superOf(Dims.oper(2));
        Qobj l = sup(c, "L", sd);
        Qobj rhoss = sup(c, "rhoss", Dims.oper(2));
        assertClose(sup(c, "R", sd), pseudoInverse(l, rhoss), 1e-10, "w = 0");
        assertClose(sup(c, "Rw", sd), pseudoInverse(l, rhoss, 0.7), 1e-10, "w = 0.7");
        assertClose(sup(c, "R", sd), pseudoInverse(l), 1e-8, "steady state computed");
        // defining properties of the Drazin inverse: L R L = L, R L R = R, L R = R L
        Qobj r = pseudoInverse(l);
        assertClose(l, l.times(r).times(l), 1e-10, "LRL");
        assertClose(r, r.times(l).times(r), 1e-10, "RLR");
        assertClose(l.times(r), r.times(l), 1e-10, "LR = RL");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pseudoInverse(sigmax()));
        assertTrue(e.getMessage().contains("Liouvillian"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> pseudoInverse(l, qeye(3)));
        assertTrue(e.getMessage().contains("rhoss"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> pseudoInverse(l, rhoss, Double.NaN));
        assertTrue(e.getMessage().contains("w = NaN"), e.getMessage());
    }

    @Test
    void mcsolveWithExplicitSeedsRerunsTrajectories() {
        Qobj h = sigmax().times(0.5);
        List<Qobj> cOps = List.of(sigmam().times(0.6));
        double[] t = linspace(0, 4, 9);
        McOptions opt = McOptions.defaults().withNtraj(12).withSeed(42).withMap(TaskMap.serial()).withKeepRuns(true);
        McResult first = mcsolve(h, basis(2, 0), t, cOps, List.of(sigmaz()), opt);
        long[] seeds = first.seeds();
        McResult again = mcsolve(h, basis(2, 0), t, cOps, List.of(sigmaz()), seeds, opt.withSeed(7).withNtraj(3));
        assertArrayEquals(first.expect(0), again.expect(0), 0, "same seeds, same bits");
        assertArrayEquals(seeds, again.seeds());
        // a subset of seeds reruns those trajectories
        long[] some = {seeds[3], seeds[8]};
        McResult sub = mcsolve(h, basis(2, 0), t, cOps, List.of(sigmaz()), some, opt.withMap(TaskMap.threads(2)));
        assertArrayEquals(first.runExpect(0)[3], sub.runExpect(0)[0], 0);
        assertArrayEquals(first.runExpect(0)[8], sub.runExpect(0)[1], 0);
        assertThrows(IllegalArgumentException.class,
                () -> mcsolve(h, basis(2, 0), t, cOps, List.of(sigmaz()), new long[0], opt));
    }

    @Test
    void mcsolveAveragesAtEachTrajectoryCount() {
        Qobj h = sigmax().times(0.0);
        double gamma = 0.5;
        List<Qobj> cOps = List.of(sigmam().times(Math.sqrt(gamma)));
        double[] t = linspace(0, 3, 7);
        McOptions opt = McOptions.defaults().withSeed(5).withMap(TaskMap.threads(2));
        int[] counts = {1, 5, 15, 400};
        McResult r = mcsolve(h, basis(2, 0), t, cOps, List.of(sigmap().times(sigmam())),
                counts, opt);
        assertEquals(400, r.ntraj());
        double[][] byCount = r.expectForNtraj(0, counts);
        assertEquals(4, byCount.length);
        assertArrayEquals(r.runExpect(0)[0], byCount[0], 0, "one trajectory is itself");
        assertArrayEquals(r.expect(0), byCount[3], 1e-12, "all trajectories: the average");
        // a single trajectory's excited population is 0 or 1 (a jump or not)
        for (double v : byCount[0]) {
            assertTrue(Math.abs(v) < 1e-12 || Math.abs(v - 1) < 1e-12, "0 or 1, got " + v);
        }
        // the 400-trajectory average approaches e^{-γt} (binomial error below 4 sigma)
        for (int i = 0; i < t.length; i++) {
            double p = Math.exp(-gamma * t[i]);
            double sigma = Math.sqrt(p * (1 - p) / 400) + 1e-12;
            assertEquals(p, byCount[3][i], 4 * sigma + 1e-9, "t = " + t[i]);
        }
        assertThrows(IllegalArgumentException.class, () -> r.expectForNtraj(0, 401));
        assertThrows(IllegalArgumentException.class,
                () -> mcsolve(h, basis(2, 0), t, cOps, List.of(sigmaz()), new int[] {0, 3}, opt));
        assertThrows(IllegalArgumentException.class, () -> mcsolve(h, basis(2, 0), t, cOps, List.of(sigmaz()),
                new int[] {3}, opt.withImprovedSampling(true)));
        McResult plain = mcsolve(h, basis(2, 0), t, cOps, List.of(sigmaz()), opt.withNtraj(3));
        assertThrows(IllegalStateException.class, () -> plain.expectForNtraj(0, 1));
    }

    @Test
    void complexCallbacksAreRecordedWithTheirImaginaryPart() {
        double w = 1.3;
        Qobj h = sigmaz().times(w / 2);
        Qobj plus = basis(2, 0).plus(basis(2, 1)).unit();
        double[] t = linspace(0, 2, 5);
        ExpectFunction amp = ExpectFunction.ofComplex((time, s) -> s.get(0, 0));
        Result r = Solvers.sesolve(h, plus, t, List.of(), List.of(amp), TIGHT);
        double[] z = r.expectComplex(0);
        for (int i = 0; i < t.length; i++) {
            // <0|psi(t)> = e^{-i w t / 2} / √2
            assertEquals(Math.cos(w * t[i] / 2) / Math.sqrt(2), z[2 * i], 1e-8);
            assertEquals(-Math.sin(w * t[i] / 2) / Math.sqrt(2), z[2 * i + 1], 1e-8);
        }
        assertThrows(IllegalArgumentException.class, () -> r.expect(0));
        // master equation: the coherence rho_01(t) = e^{-i w t} e^{-γ t/2} / 2 under decay at rate γ
        double gamma = 0.4;
        Result m = Solvers.mesolve(h, ketToDm(plus), t, List.of(sigmam().times(Math.sqrt(gamma))), List.of(),
                List.of(ExpectFunction.ofComplex((time, s) -> s.get(0, 1))), TIGHT);
        double[] c = m.expectComplex(0);
        for (int i = 0; i < t.length; i++) {
            double mag = Math.exp(-gamma * t[i] / 2) / 2;
            assertEquals(mag * Math.cos(w * t[i]), c[2 * i], 1e-7);
            assertEquals(-mag * Math.sin(w * t[i]), c[2 * i + 1], 1e-7);
        }
        // a real callback still reads as real
        Result real = Solvers.sesolve(h, plus, t, List.of(), List.<ExpectFunction>of((time, s) -> s.get(0, 0).abs()),
                TIGHT);
        assertEquals(1 / Math.sqrt(2), real.expect(0)[4], 1e-8);
        assertThrows(IllegalStateException.class, () -> amp.apply(1, plus.times(new Complex(0, 1))));
    }
}
