package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With constant banded operators the stochastic solvers hold the state in split layout (real
 * parts, then imaginary parts) and apply prepared superoperators; a Hamiltonian given with a
 * coefficient that is always 1 takes the general path (interleaved state, products on ρ or ψ
 * of every operator). The same noise must give the same trajectories on both paths, for every
 * method, homodyne and heterodyne, with the measurement records.
 */
class StochasticSplitLayoutTest {
    private static final int N = 9;   // n² = 81: the superoperators are stored by diagonals
    private static final Qobj A = destroy(N);
    private static final Qobj H = num(N).times(0.4).plus(A.plus(A.dag()).times(0.7))
            .plus(A.dag().times(A.dag()).times(A).times(A).times(0.05));
    private static final QobjEvo H_GENERAL = QobjEvo.of(H, t -> 1.0);
    private static final List<Qobj> SC = List.of(A.times(Math.sqrt(0.8)));
    private static final List<Qobj> C = List.of(A.dag().times(Math.sqrt(0.1)));
    private static final List<Qobj> E = List.of(num(N), A.plus(A.dag()));
    private static final double[] TIMES = {0, 0.05, 0.1, 0.15, 0.2};
    private static final List<String> METHODS =
            List.of("euler", "milstein", "platen", "pred_corr", "explicit1.5", "taylor1.5", "rouchon");

    private static StochasticOptions options(String method, boolean heterodyne) {
        return StochasticOptions.defaults().withNtraj(3).withSeed(11).withDt(2e-3).withMethod(method)
                .withHeterodyne(heterodyne).withStoreMeasurement(true);
    }

    private static void assertSame(StochasticResult split, StochasticResult general, String what) {
        double worst = 0;
        for (int k = 0; k < E.size(); k++) {
            double[] a = split.expect(k), b = general.expect(k);
            assertEquals(a.length, b.length);
            for (int i = 0; i < a.length; i++) {
                worst = Math.max(worst, Math.abs(a[i] - b[i]));
            }
        }
        for (int j = 0; j < split.ntraj(); j++) {
            double[][] a = split.measurement(j), b = general.measurement(j);
            for (int c = 0; c < a.length; c++) {
                for (int i = 0; i < a[c].length; i++) {
                    worst = Math.max(worst, Math.abs(a[c][i] - b[c][i]));
                }
            }
        }
        assertTrue(worst < 1e-9, what + ": the two layouts differ by " + worst);
        // and the run moved: a noise that changed nothing would pass the comparison too
        assertTrue(Math.abs(split.expect(1)[TIMES.length - 1] - split.expect(1)[0]) > 1e-3, what + ": no evolution");
    }

    @Test
    void smesolveGivesTheSameTrajectoriesInBothLayouts() {
        for (boolean het : new boolean[] {false, true}) {
            for (String method : METHODS) {
                StochasticOptions o = options(method, het);
                SmeSolver solver = new SmeSolver(H, C, SC, o);
                assertEquals(!method.equals("rouchon"), solver.system().split(), method + ": split layout");
                assertFalse(new SmeSolver(H_GENERAL, C, SC, o).system().split());
                StochasticResult split = smesolve(H, basis(N, 1), TIMES, C, SC, E, o);
                StochasticResult general = smesolve(H_GENERAL, basis(N, 1), TIMES, C, SC, E, o);
                assertSame(split, general, "smesolve " + method + (het ? " heterodyne" : ""));
            }
        }
    }

    @Test
    void ssesolveGivesTheSameTrajectoriesInBothLayouts() {
        for (boolean het : new boolean[] {false, true}) {
            for (String method : List.of("euler", "milstein", "platen", "pred_corr", "explicit1.5", "rouchon")) {
                StochasticOptions o = options(method, het);
                assertTrue(new SseSolver(H, SC, o).system().split(), method + ": split layout");
                assertFalse(new SseSolver(H_GENERAL, SC, o).system().split());
                StochasticResult split = ssesolve(H, basis(N, 1), TIMES, SC, E, o);
                StochasticResult general = ssesolve(H_GENERAL, basis(N, 1), TIMES, SC, E, o);
                assertSame(split, general, "ssesolve " + method + (het ? " heterodyne" : ""));
            }
        }
    }

    @Test
    void aSplitSystemRoundTripsItsState() {
        QuantumSde sme = new SmeSolver(H, C, SC, options("platen", false)).system();
        QuantumSde sse = new SseSolver(H, SC, options("platen", false)).system();
        for (QuantumSde sys : List.<QuantumSde>of(sme, sse)) {
            double[] v = new double[sys.size];
            for (int k = 0; k < v.length; k++) {
                v[k] = Math.sin(1.3 * k + 0.2);
            }
            double[] internal = sys.internalState(v);
            assertFalse(java.util.Arrays.equals(v, internal), "the layout differs from the interleaved one");
            assertArrayEquals(v, sys.externalState(internal));
        }
    }
}
