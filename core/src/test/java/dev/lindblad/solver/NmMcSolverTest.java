package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.parallel.TaskMap;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@code nmMcsolve} against {@code mesolve} of the same master equation with the same
 * time-dependent rates (negative part of the time), within the standard errors; the same seed
 * gives the same numbers on any map.
 */
class NmMcSolverTest {

    private static final Qobj H = sigmax().times(0.5);
    /** Decay at 0.3 and a dephasing rate that is negative for part of each period. */
    private static final DoubleUnaryOperator DECAY = t -> 0.3;
    private static final DoubleUnaryOperator DEPHASING = t -> 0.1 + 0.4 * Math.cos(2 * t);
    private static final List<Qobj> E_OPS = List.of(sigmax(), sigmay(), sigmaz());

    /** The same equation as a time-dependent Liouvillian for mesolve. */
    private static Result master(double[] tlist) {
        QobjEvo l = QobjEvo.of(liouvillian(H, List.of()))
                .plus(lindbladDissipator(sigmam()), DECAY)
                .plus(lindbladDissipator(sigmaz()), DEPHASING);
        return mesolve(l, basis(2, 0), tlist, List.of(), E_OPS,
                SolverOptions.defaults().withAtol(1e-10).withRtol(1e-8));
    }

    private static NmMcResult trajectories(double[] tlist, int ntraj, long seed, TaskMap map) {
        return nmMcsolve(H, basis(2, 0), tlist, List.of(sigmam(), sigmaz()), List.of(DECAY, DEPHASING), E_OPS,
                McOptions.defaults().withNtraj(ntraj).withSeed(seed).withMap(map));
    }

    @Test
    void agreesWithTheMasterEquationWithinStandardErrors() {
        double[] tlist = linspace(0, 4, 21);
        assertTrue(DEPHASING.applyAsDouble(Math.PI / 2) < 0, "the test needs a negative rate");
        Result me = master(tlist);
        NmMcResult nm = trajectories(tlist, 1500, 20261203L, TaskMap.threads(2));
        assertEquals(1500, nm.ntraj());
        int checked = 0;
        for (int k = 0; k < E_OPS.size(); k++) {
            double[] exact = me.expect(k), mean = nm.expect(k), se = nm.standardError(k);
            for (int i = 0; i < tlist.length; i++) {
                assertEquals(exact[i], mean[i], 4.5 * se[i] + 1e-3, "e-op " + k + " at t = " + tlist[i]);
                checked++;
            }
        }
        // E[mu] = 1 exactly, but just after a rate turns negative the weight changes come from a
        // handful of rare jumps (Poisson, not Gaussian), so the sample standard error is itself
        // uncertain there: 5 of them plus 5e-3
        double[] trace = nm.trace(), traceSe = nm.traceStandardError();
        for (int i = 0; i < tlist.length; i++) {
            assertEquals(1.0, trace[i], 5 * traceSe[i] + 5e-3, "trace at t = " + tlist[i] + " (se " + traceSe[i] + ")");
        }
        assertEquals(1.0, trace[0], 1e-15);
        assertEquals(63, checked);
        // the martingale is not trivial: some trajectory weights differ from 1 (shifted rates)
        assertTrue(nm.trajectories().collapses().stream().anyMatch(c -> !c.isEmpty()));
    }

    @Test
    void completenessAddsAnOperatorWhenNeeded() {
        // sm^dag sm + sz^dag sz = |0><0| + 1 is not proportional to 1: a = 2, L_extra = sqrt(2 - S) = |1><1|
        NmMcSolver s = new NmMcSolver(H, List.of(sigmam(), sigmaz()), List.of(DECAY, DEPHASING),
                McOptions.defaults().withNtraj(1));
        assertEquals(2.0, s.completenessConstant(), 1e-12);
        assertEquals(3, s.operators().size());
        assertTrue(s.operators().get(2).isClose(basis(2, 1).times(basis(2, 1).dag()), 1e-12));
        // sx^dag sx = 1 already
        NmMcSolver t = new NmMcSolver(H, List.of(sigmax()), List.of(DECAY), McOptions.defaults().withNtraj(1));
        assertEquals(1.0, t.completenessConstant(), 1e-12);
        assertEquals(1, t.operators().size());
        // s(t) = 2 |min(0, rates)|, integrated exactly for a constant negative rate
        NmMcSolver u = new NmMcSolver(H, List.of(sigmax()), List.of(x -> -0.25), McOptions.defaults().withNtraj(1));
        assertEquals(0.5, u.shift(1.0), 0);
        assertEquals(1.5, u.integrate(0, 3), 1e-12);
    }

    @Test
    void sameSeedSameNumbersOnAnyMap() {
        double[] tlist = linspace(0, 2, 6);
        NmMcResult serial = trajectories(tlist, 40, 7, TaskMap.serial());
        NmMcResult parallel = trajectories(tlist, 40, 7, TaskMap.threads(3));
        for (int k = 0; k < E_OPS.size(); k++) {
            assertArrayEquals(serial.expectComplex(k), parallel.expectComplex(k), 0.0);
        }
        assertArrayEquals(serial.trace(), parallel.trace(), 0.0);
        assertArrayEquals(serial.seeds(), parallel.seeds());
        NmMcResult other = trajectories(tlist, 40, 8, TaskMap.serial());
        assertFalse(java.util.Arrays.equals(serial.expectComplex(2), other.expectComplex(2)));
    }

    @Test
    void argumentsAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NmMcSolver(H,
                List.of(sigmam()), List.of(), McOptions.defaults()));
        assertTrue(e.getMessage().startsWith("nmMcsolve: 1 operators (ops) but 0 rates"), e.getMessage());
        NullPointerException n = assertThrows(NullPointerException.class, () -> nmMcsolve(H, null, new double[] {0, 1},
                List.of(), List.of(), List.of(), McOptions.defaults()));
        assertEquals("nmMcsolve: psi0 is null", n.getMessage());
        IllegalArgumentException improved = assertThrows(IllegalArgumentException.class, () -> new NmMcSolver(H,
                List.of(sigmam()), List.of(DECAY), McOptions.defaults().withImprovedSampling(true)));
        assertTrue(improved.getMessage().contains("improved sampling"), improved.getMessage());
    }
}
