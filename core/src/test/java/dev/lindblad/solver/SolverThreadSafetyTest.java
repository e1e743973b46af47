package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.parallel.TaskMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every reusable solver object gives the same bits when 4 threads use it at once as when the
 * same runs go one after another (issue 14, item 5): a {@code parallelMap} sweep over one
 * solver must not see another run's scratch data.
 */
class SolverThreadSafetyTest {

    private static final int RUNS = 16;
    private static final double[] TIMES = linspace(0, 4, 9);

    /** Each run's output, flattened to compare bits: e-op values, then the final state. */
    private static double[] bits(Result r) {
        List<Double> all = new ArrayList<>();
        for (int k = 0; k < r.numExpect(); k++) {
            for (double v : r.expectComplex(k)) {
                all.add(v);
            }
        }
        if (r.finalState() != null) {
            for (double v : r.finalState().data().toDense().array()) {
                all.add(v);
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] bits(Qobj q) {
        return q.data().toDense().array().clone();
    }

    /** Runs f on the indices 0..RUNS-1 serially and on 4 threads at once; the bits must agree. */
    private static <R> void sameBits(Function<Integer, R> f, Function<R, double[]> flatten) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            idx.add(i);
        }
        List<R> serial = TaskMap.serial().map(idx, f);
        List<R> threaded = TaskMap.threads(4).map(idx, f);
        for (int i = 0; i < RUNS; i++) {
            double[] a = flatten.apply(serial.get(i)), b = flatten.apply(threaded.get(i));
            assertTrue(Arrays.equals(a, b), "run " + i + " differs between serial and 4 threads at once");
        }
    }

    private static Qobj coherentState(int n, int i) {
        return coherent(n, Complex.of(0.5 + 0.1 * i, 0.3 - 0.05 * i));
    }

    @Test
    void seSolver() {
        int n = 14;
        Qobj a = destroy(n);
        QobjEvo h = QobjEvo.of(num(n)).plus(a.plus(a.dag()).times(0.4), t -> Math.cos(1.3 * t));
        SeSolver solver = new SeSolver(h, SolverOptions.defaults().withAtol(1e-10));
        sameBits(i -> solver.run(coherentState(n, i), TIMES, List.of(num(n), a)), SolverThreadSafetyTest::bits);
    }

    /** The operator-products right-hand side shared one scratch buffer between concurrent runs. */
    @ParameterizedTest
    @ValueSource(strings = {"products", "liouvillian", "auto"})
    void meSolver(String rhs) {
        int n = 12;
        Qobj a = destroy(n);
        QobjEvo h = QobjEvo.of(num(n)).plus(a.plus(a.dag()).times(0.4), t -> Math.cos(1.3 * t));
        List<QobjEvo> c = List.of(QobjEvo.of(a.times(0.3)), QobjEvo.of(a.dag().times(0.2)).plus(a.dag().times(0.1), t -> Math.sin(t)));
        MeSolver solver = new MeSolver(h, c, SolverOptions.defaults().withAtol(1e-10).withRhs(rhs));
        sameBits(i -> solver.run(coherentState(n, i), TIMES, List.of(num(n), a)), SolverThreadSafetyTest::bits);
    }

    @Test
    void mcSolver() {
        int n = 10;
        Qobj a = destroy(n);
        QobjEvo h = QobjEvo.of(num(n)).plus(a.plus(a.dag()).times(0.4), t -> Math.cos(1.3 * t));
        McSolver solver = new McSolver(h, List.of(a.times(0.5)),
                McOptions.defaults().withNtraj(6).withSeed(11).withMap(TaskMap.serial()).withStoreFinalState(true));
        sameBits(i -> solver.run(coherentState(n, i), TIMES, List.of(num(n))), r -> {
            double[] e = r.expectComplex(0);
            double[] f = r.finalState().data().toDense().array();
            double[] all = Arrays.copyOf(e, e.length + f.length);
            System.arraycopy(f, 0, all, e.length, f.length);
            return all;
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"direct", "iterative-gmres", "power"})
    void steadyStateSolver(String method) {
        int n = 8;
        Qobj a = destroy(n);
        SteadyStateSolver solver = new SteadyStateSolver(num(n).plus(a.plus(a.dag()).times(0.7)),
                List.of(a.times(0.6), a.dag().times(0.2)), SteadyStateOptions.defaults().withMethod(method));
        sameBits(i -> solver.solve().state(), SolverThreadSafetyTest::bits);
    }

    /** Propagators at several times computed by 4 threads at once from one object, open and closed. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void propagator(boolean open) {
        int n = 5;
        Qobj a = destroy(n);
        QobjEvo h = QobjEvo.of(num(n)).plus(a.plus(a.dag()).times(0.4), t -> Math.cos(1.3 * t));
        List<Qobj> c = open ? List.of(a.times(0.3)) : List.of();
        double[] times = linspace(0.25, 4, RUNS);
        List<Qobj> serial = new Propagator(h, c, SolverOptions.defaults()).at(times, TaskMap.serial());
        List<Qobj> threaded = new Propagator(h, c, SolverOptions.defaults()).at(times, TaskMap.threads(4));
        for (int i = 0; i < RUNS; i++) {
            assertTrue(Arrays.equals(bits(serial.get(i)), bits(threaded.get(i))), "time " + times[i]);
        }
    }
}
