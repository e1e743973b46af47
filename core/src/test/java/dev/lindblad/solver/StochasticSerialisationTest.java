package dev.lindblad.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.Operators;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.States;
import dev.lindblad.parallel.TaskMap;
import java.io.NotSerializableException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The stochastic solvers' task function, tasks and results go through Java serialisation (as a
 * cluster map sends them, issue #18) and give the same bits as threads(2): the function carries
 * the problem and builds the solver again on the other side.
 */
class StochasticSerialisationTest {

    private static final double[] TIMES = {0, 0.25, 0.5, 0.75, 1.0};

    private static StochasticResult sse(DoubleUnaryOperator drive, TaskMap map) {
        Qobj a = Operators.destroy(5);
        QobjEvo h = QobjEvo.of(a.dag().times(a)).plus(a.plus(a.dag()).times(0.4), drive);
        return new SseSolver(h, List.of(a.times(Math.sqrt(0.5))),
                StochasticOptions.defaults().withNtraj(12).withSeed(31).withMap(map))
                .run(States.basis(5, 0), TIMES, List.of(a.dag().times(a)));
    }

    private static StochasticResult sme(TaskMap map) {
        Qobj a = Operators.destroy(5);
        Qobj h = a.dag().times(a).plus(a.plus(a.dag()).times(0.4));
        return new SmeSolver(h, List.of(a.dag().times(Math.sqrt(0.1))), List.of(a.times(Math.sqrt(0.5))),
                StochasticOptions.defaults().withNtraj(12).withSeed(37).withHeterodyne(true).withStoreMeasurement(true)
                        .withMap(map))
                .run(States.fockDm(5, 1), TIMES, List.of(a.dag().times(a)));
    }

    @Test
    void ssesolveThroughSerialisationGivesTheSameBitsAsThreads() {
        DoubleUnaryOperator drive = (DoubleUnaryOperator & Serializable) t -> Math.cos(3 * t);
        McSolverSerialisationTest.CopyingMap copying = new McSolverSerialisationTest.CopyingMap();
        StochasticResult remote = sse(drive, copying);
        StochasticResult threads = sse(drive, TaskMap.threads(2));
        assertEquals(1, copying.functionsCopied, "the function was sent once");
        assertArrayEquals(threads.seeds(), remote.seeds());
        assertArrayEquals(threads.expect(0), remote.expect(0), 0.0);
        assertArrayEquals(threads.stdExpect(0), remote.stdExpect(0), 0.0);
        assertTrue(remote.expect(0)[4] > 1e-3, "the drive populates the oscillator (the vacuum stays empty without it): " + remote.expect(0)[4]);
    }

    /** Measurement operators, noise factors and explicit seeds travel with the function too. */
    @Test
    void customRecordsAndSeedsTravelWithTheFunction() {
        Qobj a = Operators.destroy(5);
        Qobj h = a.dag().times(a).plus(a.plus(a.dag()).times(0.4));
        long[] seeds = {5, 17, 23};
        java.util.function.Function<TaskMap, StochasticResult> run = map -> new SmeSolver(h, List.of(),
                List.of(a.times(Math.sqrt(0.5))), StochasticOptions.defaults().withStoreMeasurement("middle")
                        .withMap(map))
                .withMOps(List.of(a.dag().times(a))).withDWFactors(0.5)
                .run(States.fockDm(5, 1), TIMES, List.of(a.dag().times(a)), null, seeds);
        McSolverSerialisationTest.CopyingMap copying = new McSolverSerialisationTest.CopyingMap();
        StochasticResult remote = run.apply(copying);
        StochasticResult threads = run.apply(TaskMap.threads(2));
        assertEquals(1, copying.functionsCopied);
        assertArrayEquals(seeds, remote.seeds());
        for (int traj = 0; traj < seeds.length; traj++) {
            assertArrayEquals(threads.measurement(traj)[0], remote.measurement(traj)[0], 0.0);
        }
        // the records carry <n>, not <c + c†>: noise-free parts near the populations (about 1)
        double[] e = remote.expect(0);
        assertTrue(e[1] > 0.3, "population " + e[1]);
    }

    @Test
    void smesolveThroughSerialisationGivesTheSameBitsAsThreads() {
        McSolverSerialisationTest.CopyingMap copying = new McSolverSerialisationTest.CopyingMap();
        StochasticResult remote = sme(copying);
        StochasticResult threads = sme(TaskMap.threads(2));
        assertArrayEquals(threads.expect(0), remote.expect(0), 0.0);
        assertArrayEquals(threads.stdExpect(0), remote.stdExpect(0), 0.0);
        for (int traj = 0; traj < 12; traj++) {
            double[][] m = remote.measurement(traj);
            double[][] n = threads.measurement(traj);
            assertEquals(n.length, m.length);
            for (int k = 0; k < m.length; k++) {
                assertArrayEquals(n[k], m[k], 0.0, "measurement of trajectory " + traj);
            }
        }
    }

    @Test
    void anUnserialisableCoefficientNamesItsClass() {
        DoubleUnaryOperator plain = t -> Math.cos(3 * t);
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> sse(plain, new McSolverSerialisationTest.CopyingMap()));
        assertTrue(e.getCause() instanceof NotSerializableException, e.toString());
        assertTrue(e.getCause().getMessage().contains("StochasticSerialisationTest$$Lambda"), e.getCause().getMessage());
    }
}
