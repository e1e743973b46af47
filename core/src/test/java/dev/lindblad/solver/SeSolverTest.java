package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.testing.Reference;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SeSolverTest {

    private static final SolverOptions TIGHT = SolverOptions.defaults().withAtol(1e-11).withRtol(1e-10);

    /** Rabi oscillation: H = Ω/2 σx from |e> (σz = +1) gives <σz>(t) = cos(Ω t), <σy> = -sin(Ω t). */
    @ParameterizedTest
    @ValueSource(strings = {"adams", "dopri5", "dop853", "tsit5", "vern7", "vern9", "diag", "krylov"})
    void rabiOscillationEveryMethod(String method) {
        double omega = 2.3;
        double[] t = linspace(0, 10, 41);
        Result r = sesolve(sigmax().times(omega / 2), basis(2, 0), t, List.of(sigmaz(), sigmay()),
                TIGHT.withMethod(method));
        double[] sz = r.expect(0), sy = r.expect(1);
        for (int i = 0; i < t.length; i++) {
            assertEquals(Math.cos(omega * t[i]), sz[i], 1e-7, method + " <sz> at t=" + t[i]);
            assertEquals(-Math.sin(omega * t[i]), sy[i], 1e-7, method + " <sy> at t=" + t[i]);
        }
        assertEquals(method, r.stats().method());
        assertEquals(t.length, r.times().length);
    }

    /** The propagator U(t) solves U' = -iHU from the identity: it equals expm(-iHt). */
    @Test
    void operatorEvolutionIsThePropagator() {
        Qobj h = sigmax().times(0.7).plus(sigmaz().times(0.3));
        Result r = sesolve(h, qeye(2), new double[] {0, 1.5}, List.of(), TIGHT);
        Qobj u = r.finalState();
        Qobj exact = h.times(dev.lindblad.Complex.of(0, -1.5)).expm();
        assertTrue(u.isClose(exact, 1e-8), () -> "U = " + u + " expected " + exact);
    }

    /** The driven qubit H(t) = w0/2 σz + A cos(w t) σx against QuTiP 4.7's sesolve. */
    @Test
    void drivenQubitMatchesQutip() {
        Reference.Case c = Reference.load("evolution").get("driven_qubit_sesolve");
        double w0 = c.scalar("w0"), a = c.scalar("A"), w = c.scalar("w");
        double[] t = c.reals("tlist");
        QobjEvo h = QobjEvo.of(sigmaz().times(0.5 * w0)).plus(sigmax().times(a), s -> Math.cos(w * s));
        Result r = sesolve(h, basis(2, 0), t, List.of(sigmax(), sigmay(), sigmaz()),
                SolverOptions.defaults().withAtol(1e-12).withRtol(1e-10).withMethod("vern9"));
        for (int k = 0; k < 3; k++) {
            double[] ref = c.reals("expect_" + k), got = r.expect(k);
            for (int i = 0; i < t.length; i++) {
                assertEquals(ref[i], got[i], 1e-6, "e-op " + k + " at t=" + t[i]);
            }
        }
    }

    @Test
    void callbacksAreRecordedAfterOperators() {
        double[] t = linspace(0, 2, 5);
        Result r = Solvers.sesolve(sigmax().times(0.5), basis(2, 0), t, List.of(sigmaz()),
                List.of((s, psi) -> expect(sigmaz(), psi) * 2 + s), TIGHT);
        for (int i = 0; i < t.length; i++) {
            assertEquals(2 * r.expect(0)[i] + t[i], r.expect(1)[i], 1e-12);
        }
    }

    @Test
    void statesStoredWhenNoEops() {
        Result r = sesolve(sigmax(), basis(2, 0), linspace(0, 1, 3), List.of());
        assertEquals(3, r.states().size());
        assertTrue(r.states().get(0).isKet());
        Result withE = sesolve(sigmax(), basis(2, 0), linspace(0, 1, 3), List.of(sigmaz()));
        assertThrows(IllegalStateException.class, withE::states);
        assertNotNull(withE.finalState());
    }

    @Test
    void badInputIsNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> sesolve(sigmax(), basis(2, 0), new double[] {0, 2, 1}, List.of()));
        assertTrue(e.getMessage().contains("tlist[1] = 2.0"), e.getMessage());
        var d = assertThrows(dev.lindblad.DimensionMismatchException.class,
                () -> sesolve(sigmax(), basis(3, 0), new double[] {0, 1}, List.of()));
        assertTrue(d.getMessage().contains("[[2], [2]]") && d.getMessage().contains("[[3], [1]]"), d.getMessage());
        var m = assertThrows(IllegalArgumentException.class,
                () -> SolverOptions.defaults().withMethod("rk4"));
        assertTrue(m.getMessage().contains("rk4") && m.getMessage().contains("vern7"), m.getMessage());
        var td = assertThrows(IllegalArgumentException.class, () -> sesolve(
                QobjEvo.of(sigmaz()).plus(sigmax(), Math::cos), basis(2, 0), new double[] {0, 1}, List.of(),
                SolverOptions.defaults().withMethod("diag")));
        assertTrue(td.getMessage().contains("time-independent"), td.getMessage());
    }

    /** A coefficient that turns NaN stops the run with the partial result up to that point. */
    @Test
    void nanFailureCarriesPartialResult() {
        QobjEvo h = QobjEvo.of(sigmaz()).plus(sigmax(), s -> s < 2.5 ? 1 : Double.NaN);
        double[] t = linspace(0, 5, 11);
        IntegrationException e = assertThrows(IntegrationException.class,
                () -> sesolve(h, basis(2, 0), t, List.of(sigmaz()), SolverOptions.defaults().withMethod("dopri5")));
        Result partial = e.partialResult();
        assertTrue(partial.times().length >= 5 && partial.times().length < t.length,
                "partial holds " + partial.times().length + " times");
        assertTrue(e.timeReached() >= 2.0 && e.timeReached() <= 3.0, "reached " + e.timeReached());
        assertTrue(e.getMessage().contains("NON_FINITE"), e.getMessage());
    }

    @Test
    void tooManyStepsFails() {
        IntegrationException e = assertThrows(IntegrationException.class,
                () -> sesolve(sigmax().times(50), basis(2, 0), new double[] {0, 0.001, 20}, List.of(sigmaz()),
                        SolverOptions.defaults().withMethod("dopri5").withNsteps(10)));
        assertEquals(2, e.partialResult().times().length);
        assertTrue(e.getMessage().contains("TOO_MANY_STEPS"), e.getMessage());
    }

    @Test
    void stepSizeUnderflowFails() {
        IntegrationException e = assertThrows(IntegrationException.class,
                () -> sesolve(sigmax().times(200), basis(2, 0), new double[] {0, 5}, List.of(sigmaz()),
                        SolverOptions.defaults().withMethod("dopri5").withAtol(1e-12).withRtol(1e-12).withMinStep(0.5)));
        assertTrue(e.getMessage().contains("STEP_SIZE_UNDERFLOW"), e.getMessage());
        assertEquals(1, e.partialResult().times().length);
    }
}
