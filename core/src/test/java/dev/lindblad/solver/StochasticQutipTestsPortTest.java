package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.QobjLike;
import dev.lindblad.parallel.TaskMap;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * QuTiP 5.3.1's {@code qutip/tests/solver/test_stochastic.py}, ported to Lindblad's API with
 * QuTiP's systems, sizes and tolerances: {@code test_smesolve} and {@code test_ssesolve} (the
 * trajectory average of 20 trajectories against {@code mesolve}, for six systems including none
 * monitored, a constant {@code QobjEvo}, a time-dependent H and a time-dependent monitored
 * operator, homodyne and heterodyne), {@code test_smesolve_methods} and
 * {@code test_ssesolve_method} (every method), {@code test_measurements} (the records taken at
 * the start, the middle and the end of each interval), {@code test_reuse_seeds},
 * {@code test_m_ops}, {@code test_merge_results} and {@code test_run_from_experiment_close} /
 * {@code _open}. QuTiP's
 * {@code f(t, w) = w t} with {@code args={"w": 2}} is the coefficient {@code 2t}.
 */
class StochasticQutipTestsPortTest {
    private static final int N = 4;
    private static final double GAMMA = 0.25;
    private static final Qobj A = destroy(N);
    private static final List<Qobj> E_OPS = List.of(A.dag().times(A), A.plus(A.dag()),
            A.minus(A.dag()).times(new Complex(0, -1)));

    /** H and the monitored operators of QuTiP's {@code _make_system}. */
    private record SystemDef(QobjLike h, List<QobjLike> scOps) {
    }

    private static SystemDef system(String name) {
        Qobj n = A.dag().times(A);
        Qobj s = A.times(Math.sqrt(GAMMA));
        Qobj s2 = A.times(A).times(GAMMA);
        return switch (name) {
            case "no sc_ops" -> new SystemDef(n, List.of());
            case "simple" -> new SystemDef(n, List.of(s));
            case "2 c_ops" -> new SystemDef(QobjEvo.of(n), List.of(s, s2));
            case "H td" -> new SystemDef(QobjEvo.of(n, t -> 2 * t), List.of(QobjEvo.of(A).times(Math.sqrt(GAMMA))));
            case "complex" -> new SystemDef(n.plus(A.dag()).plus(A), List.of(s, s2));
            case "c_ops td" -> new SystemDef(n, List.of(QobjEvo.of(s, t -> 2 * t)));
            default -> throw new IllegalArgumentException(name);
        };
    }

    static Stream<Arguments> systems() {
        List<Arguments> out = new ArrayList<>();
        for (String s : List.of("no sc_ops", "simple", "2 c_ops", "H td", "complex", "c_ops td")) {
            for (boolean het : new boolean[] {true, false}) {
                out.add(Arguments.of(s, het));
            }
        }
        return out.stream();
    }

    private static double[] times() {
        return linspace(0, 0.1, 21);
    }

    /** numpy's {@code assert_allclose(actual, desired, rtol=tol, atol=tol)} on the real parts. */
    private static void assertAllClose(double[] actual, double[] desired, double tol, String what) {
        assertEquals(desired.length, actual.length, what);
        for (int i = 0; i < desired.length; i++) {
            assertTrue(Math.abs(actual[i] - desired[i]) <= tol + tol * Math.abs(desired[i]),
                    what + " at t[" + i + "]: " + actual[i] + " against mesolve's " + desired[i]);
        }
    }

    @ParameterizedTest(name = "{0}, heterodyne {1}")
    @MethodSource("systems")
    void smesolveAverageFollowsMesolve(String name, boolean heterodyne) {
        SystemDef sys = system(name);
        List<QobjLike> cOps = List.of(A);
        Qobj psi0 = coherent(N, 0.5);
        List<QobjLike> all = new ArrayList<>(cOps);
        all.addAll(sys.scOps());
        dev.lindblad.solver.Result ref = mesolve(sys.h(), psi0, times(), all, E_OPS);
        StochasticResult res = smesolve(sys.h(), psi0, times(), cOps, sys.scOps(), E_OPS,
                StochasticOptions.defaults().withNtraj(20).withSeed(1).withHeterodyne(heterodyne)
                        .withMap(TaskMap.serial()));
        for (int k = 0; k < E_OPS.size(); k++) {
            assertAllClose(res.expect(k), ref.expect(k), 0.05, name + ", e-op " + k);
        }
    }

    @ParameterizedTest(name = "{0}, heterodyne {1}")
    @MethodSource("systems")
    void ssesolveAverageFollowsMesolve(String name, boolean heterodyne) {
        SystemDef sys = system(name);
        Qobj psi0 = coherent(N, 0.5);
        dev.lindblad.solver.Result ref = mesolve(sys.h(), psi0, times(), sys.scOps(), E_OPS);
        StochasticResult res = ssesolve(sys.h(), psi0, times(), sys.scOps(), E_OPS,
                StochasticOptions.defaults().withNtraj(20).withSeed(1).withHeterodyne(heterodyne)
                        .withMap(TaskMap.serial()));
        for (int k = 0; k < E_OPS.size(); k++) {
            assertAllClose(res.expect(k), ref.expect(k), 0.1, name + ", e-op " + k);
        }
        // no records unless asked for, as QuTiP's measurement, wiener_process and dW are None
        assertThrows(IllegalStateException.class, () -> res.measurement(0));
        assertThrows(IllegalStateException.class, () -> res.wiener(0));
    }

    static Stream<Arguments> methodCases() {
        List<Arguments> out = new ArrayList<>();
        for (String method : StochasticOptions.METHODS) {
            for (String system : List.of("no sc_ops", "simple")) {
                for (boolean het : new boolean[] {true, false}) {
                    out.add(Arguments.of(method, system, het));
                }
            }
        }
        return out.stream();
    }

    /**
     * {@code test_smesolve_methods} and {@code test_ssesolve_method}: every method (ssesolve
     * without the smesolve-only ones), 20 trajectories on two threads, the average against
     * {@code mesolve} (tolerance 0.05 and 0.1), and a record per trajectory of one channel per
     * monitored operator and quadrature (QuTiP's arrays of shape (len(sc_ops)[, 2], len(t) - 1)).
     */
    @ParameterizedTest(name = "{0}, {1}, heterodyne {2}")
    @MethodSource("methodCases")
    void everyMethodsAverageFollowsMesolve(String method, String name, boolean heterodyne) {
        SystemDef sys = system(name);
        Qobj psi0 = coherent(N, 0.5);
        List<QobjLike> cOps = List.of(A);
        List<QobjLike> all = new ArrayList<>(cOps);
        all.addAll(sys.scOps());
        StochasticOptions o = StochasticOptions.defaults().withNtraj(20).withSeed(3).withMethod(method)
                .withHeterodyne(heterodyne).withStoreMeasurement(true).withMap(TaskMap.threads(2));
        int channels = sys.scOps().size() * (heterodyne ? 2 : 1);
        StochasticResult me = smesolve(sys.h(), psi0, times(), cOps, sys.scOps(), E_OPS, o);
        dev.lindblad.solver.Result meRef = mesolve(sys.h(), psi0, times(), all, E_OPS);
        for (int k = 0; k < E_OPS.size(); k++) {
            assertAllClose(me.expect(k), meRef.expect(k), 0.05, "smesolve " + method + ", " + name + ", e-op " + k);
        }
        assertRecords(me, channels);
        if (method.equals("taylor1.5") || method.endsWith("_imp")) {
            return;   // smesolve only, as QuTiP's SSESolver.avail_integrators()
        }
        StochasticResult se = ssesolve(sys.h(), psi0, times(), sys.scOps(), E_OPS, o);
        dev.lindblad.solver.Result seRef = mesolve(sys.h(), psi0, times(), sys.scOps(), E_OPS);
        for (int k = 0; k < E_OPS.size(); k++) {
            assertAllClose(se.expect(k), seRef.expect(k), 0.1, "ssesolve " + method + ", " + name + ", e-op " + k);
        }
        assertRecords(se, channels);
    }

    private static void assertRecords(StochasticResult r, int channels) {
        assertEquals(20, r.ntraj());
        for (int j = 0; j < r.ntraj(); j++) {
            assertEquals(channels, r.measurement(j).length);
            assertEquals(channels, r.wiener(j).length);
            for (double[] c : r.measurement(j)) {
                assertEquals(times().length - 1, c.length);
            }
        }
    }

    /**
     * Not in QuTiP's file, which tries "no sc_ops" with the default method only: every method
     * integrates the deterministic equation when nothing is monitored, every trajectory the same.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void noMonitoredOperatorIsTheDeterministicEquationForEveryMethod(String method) {
        SystemDef sys = system("no sc_ops");
        Qobj psi0 = coherent(N, 0.5);
        List<QobjLike> cOps = List.of(A);
        StochasticOptions o = StochasticOptions.defaults().withNtraj(3).withSeed(2).withMethod(method)
                .withMap(TaskMap.serial());
        dev.lindblad.solver.Result ref = mesolve(sys.h(), psi0, times(), cOps, E_OPS);
        StochasticResult me = smesolve(sys.h(), psi0, times(), cOps, List.of(), E_OPS, o);
        for (int k = 0; k < E_OPS.size(); k++) {
            assertAllClose(me.expect(k), ref.expect(k), 1e-3, "smesolve " + method + ", e-op " + k);
            // every trajectory the same: the spread is zero up to the one-pass variance's
            // rounding, sqrt(E[x^2] - E[x]^2) with a difference of order eps |x|^2
            for (double sd : me.stdExpect(k)) {
                assertEquals(0, sd, 1e-7, "every trajectory is the same");
            }
        }
        if (method.equals("taylor1.5") || method.endsWith("_imp")) {
            return;   // smesolve only, as QuTiP
        }
        dev.lindblad.solver.Result se = mesolve(sys.h(), psi0, times(), List.of(), E_OPS);
        StochasticResult ss = ssesolve(sys.h(), psi0, times(), List.of(), E_OPS, o);
        for (int k = 0; k < E_OPS.size(); k++) {
            assertAllClose(ss.expect(k), se.expect(k), 1e-3, "ssesolve " + method + ", e-op " + k);
        }
    }

    static Stream<String> methods() {
        return StochasticOptions.METHODS.stream();
    }

    @ParameterizedTest(name = "heterodyne {0}")
    @ValueSource(booleans = {true, false})
    void measurementsAtTheStartMiddleAndEndOfEachInterval(boolean heterodyne) {
        int n = 10;
        Qobj h = num(n);
        List<Qobj> sc = List.of(destroy(n));
        Qobj psi0 = basis(n, n - 1);
        double[] times = linspace(0, 1.0, 11);
        StochasticOptions o = StochasticOptions.defaults().withNtraj(1).withSeed(1).withHeterodyne(heterodyne)
                .withMap(TaskMap.serial());
        SmeSolver solver = new SmeSolver(h, List.of(), sc, o);
        double[][] start = new SmeSolver(h, List.of(), sc, o.withStoreMeasurement("start"))
                .run(psi0, times, List.of()).measurement(0);
        double[][] middle = new SmeSolver(h, List.of(), sc, o.withStoreMeasurement("middle"))
                .run(psi0, times, List.of()).measurement(0);
        StochasticResult endResult = new SmeSolver(h, List.of(), sc, o.withStoreMeasurement("end"))
                .run(psi0, times, List.of());
        double[][] end = endResult.measurement(0);
        double[][] plain = new SmeSolver(h, List.of(), sc, o.withStoreMeasurement(true))
                .run(psi0, times, List.of()).measurement(0);
        assertNotNull(solver);
        double diff = 0;
        for (int c = 0; c < end.length; c++) {
            assertEquals(times.length - 1, end[c].length);
            assertArrayEquals(end[c], plain[c], 0, "true is \"end\", as QuTiP");
            for (int i = 0; i < end[c].length; i++) {
                diff += Math.abs(end[c][i] - start[c][i]);
                // QuTiP: np.testing.assert_allclose(middle * 2, start + end) (rtol 1e-7)
                assertEquals(start[c][i] + end[c][i], 2 * middle[c][i],
                        1e-7 * Math.abs(start[c][i] + end[c][i]) + 1e-12, "record " + c + ", interval " + i);
            }
        }
        assertTrue(diff > 0.1, "each measurement should differ by about dt: " + diff);
        // the same noise in the three runs: the Wiener increments agree
        assertEquals(heterodyne ? 2 : 1, end.length);
        assertArrayEquals(endResult.wiener(0)[0], new SmeSolver(h, List.of(), sc, o.withStoreMeasurement("start"))
                .run(psi0, times, List.of()).wiener(0)[0], 0);
    }

    /**
     * {@code test_reuse_seeds}: the seeds of a run rerun its trajectories exactly (Wiener
     * increments, averages, final states); and, beyond QuTiP's test, a subset of them reruns those
     * trajectories alone, and ssesolve does the same.
     */
    @org.junit.jupiter.api.Test
    void reusedSeedsRerunTheTrajectories() {
        SystemDef sys = system("simple");
        List<QobjLike> cOps = List.of(A);
        Qobj psi0 = coherent(N, 0.5);
        double[] times = linspace(0, 0.1, 2);
        StochasticOptions o = StochasticOptions.defaults().withNtraj(5).withStoreMeasurement(true)
                .withSolverOptions(StochasticOptions.defaults().solver().withStoreFinalState(true))
                .withMap(TaskMap.serial());
        SmeSolver solver = new SmeSolver(sys.h(), cOps, sys.scOps(), o);
        StochasticResult res = solver.run(psi0, times, E_OPS);
        StochasticResult res2 = solver.run(psi0, times, E_OPS, null, res.seeds());
        assertEquals(5, res2.ntraj());
        for (int j = 0; j < 5; j++) {
            assertArrayEquals(res.wiener(j)[0], res2.wiener(j)[0], 1e-14);
            assertArrayEquals(res.measurement(j)[0], res2.measurement(j)[0], 1e-14);
        }
        for (int k = 0; k < E_OPS.size(); k++) {
            assertArrayEquals(res.expect(k), res2.expect(k), 1e-14);
        }
        assertTrue(res.finalState().minus(res2.finalState()).norm() < 1e-14);
        // a subset: trajectories 1 and 3 again, alone
        long[] some = {res.seeds()[1], res.seeds()[3]};
        StochasticResult sub = solver.run(psi0, times, E_OPS, null, some);
        assertEquals(2, sub.ntraj());
        assertEquals(2, sub.requestedNtraj());
        assertArrayEquals(res.wiener(1)[0], sub.wiener(0)[0], 0);
        assertArrayEquals(res.wiener(3)[0], sub.wiener(1)[0], 0);
        assertArrayEquals(some, sub.seeds());
        // ssesolve: the same seeds, the same records, whatever the map
        SseSolver sse = new SseSolver(sys.h(), sys.scOps(), o.withMap(TaskMap.threads(2)));
        StochasticResult a = sse.run(psi0, times, E_OPS, null, some);
        StochasticResult b = new SseSolver(sys.h(), sys.scOps(), o).run(psi0, times, E_OPS, null, some);
        assertArrayEquals(a.measurement(1)[0], b.measurement(1)[0], 0);
        assertThrows(IllegalArgumentException.class, () -> solver.run(psi0, times, E_OPS, null, new long[0]));
    }

    /**
     * {@code test_m_ops}: with {@code dW_factors} 0 the records are the {@code m_ops}
     * expectations (the e-ops' values at the interval ends); with 1 the difference is white
     * noise of mean 0 and standard deviation {@code 1/sqrt(Δt)}, within QuTiP's bounds.
     */
    @ParameterizedTest(name = "heterodyne {0}")
    @ValueSource(booleans = {true, false})
    void measurementOperatorsAndNoiseFactors(boolean heterodyne) {
        int n = 10;
        List<Qobj> sc = List.of(destroy(n), qeye(n));
        List<Qobj> mOps = heterodyne ? List.of(num(n), qeye(n), num(n), qeye(n)) : List.of(num(n), qeye(n));
        double[] times = linspace(0, 1.0, 51);
        StochasticOptions o = StochasticOptions.defaults().withNtraj(1).withSeed(4).withHeterodyne(heterodyne)
                .withStoreMeasurement("end").withMap(TaskMap.serial());
        SmeSolver solver = new SmeSolver(num(n), List.of(), sc, o).withMOps(mOps);
        assertEquals(mOps, solver.mOps());
        StochasticResult quiet = solver.withDWFactors(new double[mOps.size()]).run(basis(n, n - 1), times, mOps);
        double[][] records = quiet.measurement(0);
        for (int c = 0; c < 2; c++) {   // QuTiP compares e-ops 0 and 1 with the first operator's records
            double[] e = quiet.expect(c);
            assertArrayEquals(java.util.Arrays.copyOfRange(e, 1, e.length), records[c], 1e-12, "record " + c);
        }
        double[] ones = new double[mOps.size()];
        java.util.Arrays.fill(ones, 1);
        StochasticResult noisy = solver.withDWFactors(ones).run(basis(n, n - 1), times, mOps);
        double[] e = noisy.expect(0), m = noisy.measurement(0)[0];
        double mean = 0, sq = 0;
        for (int i = 0; i < m.length; i++) {
            double noise = e[i + 1] - m[i];
            mean += noise / m.length;
            sq += noise * noise / m.length;
        }
        double std = 1 / Math.sqrt(times[1]);
        assertEquals(0, mean, std / Math.sqrt(50) * 5);
        assertEquals(std, Math.sqrt(sq - mean * mean), std / Math.sqrt(50) * 5);
        // the defaults are QuTiP's, and the checks are its setter's
        SmeSolver plain = new SmeSolver(num(n), List.of(), sc, o);
        assertEquals(heterodyne ? 4 : 2, plain.mOps().size());
        assertEquals(heterodyne ? Math.sqrt(2) : 1, plain.dWFactors()[0]);
        assertThrows(IllegalArgumentException.class, () -> plain.withMOps(List.of(num(n))));
        assertThrows(IllegalArgumentException.class, () -> plain.withDWFactors(1, 2, 3));
        assertThrows(dev.lindblad.DimensionMismatchException.class,
                () -> plain.withMOps(heterodyne ? List.of(num(2), num(2), num(2), num(2)) : List.of(num(2), num(2))));
    }

    /** Setting QuTiP's defaults explicitly gives the records of the defaults. */
    @ParameterizedTest(name = "heterodyne {0}")
    @ValueSource(booleans = {true, false})
    void explicitDefaultMeasurementOperatorsGiveTheSameRecords(boolean heterodyne) {
        List<Qobj> sc = List.of(A.times(Math.sqrt(0.5)));
        StochasticOptions o = StochasticOptions.defaults().withNtraj(2).withSeed(8).withHeterodyne(heterodyne)
                .withStoreMeasurement(true).withMap(TaskMap.serial());
        Qobj c = sc.get(0);
        List<Qobj> defaults = heterodyne ? List.of(c.plus(c.dag()), c.minus(c.dag()).times(new Complex(0, -1)))
                : List.of(c.plus(c.dag()));
        double[] f = new double[defaults.size()];
        java.util.Arrays.fill(f, heterodyne ? Math.sqrt(2) : 1);
        for (boolean sme : new boolean[] {true, false}) {
            StochasticResult a = sme ? new SmeSolver(A.dag().times(A), List.of(), sc, o).run(coherent(N, 0.5), times(), E_OPS)
                    : new SseSolver(A.dag().times(A), sc, o).run(coherent(N, 0.5), times(), E_OPS);
            StochasticResult b = sme
                    ? new SmeSolver(A.dag().times(A), List.of(), sc, o).withMOps(defaults).withDWFactors(f)
                            .run(coherent(N, 0.5), times(), E_OPS)
                    : new SseSolver(A.dag().times(A), sc, o).withMOps(defaults).withDWFactors(f)
                            .run(coherent(N, 0.5), times(), E_OPS);
            for (int j = 0; j < 2; j++) {
                for (int ch = 0; ch < defaults.size(); ch++) {
                    assertArrayEquals(a.measurement(j)[ch], b.measurement(j)[ch], 1e-12, (sme ? "sme" : "sse") + " channel " + ch);
                }
            }
        }
    }

    /**
     * {@code test_merge_results}: 5 trajectories from |1,0> and 10 from |1,1> merged are the
     * mixed run: states (ρ1 + 2ρ2)/3 at t = 0, the first qubit's population 1 at t = 0, the
     * second's 2/3 throughout, 15 seeds and records.
     */
    @ParameterizedTest(name = "second run keeps records {0}")
    @ValueSource(booleans = {true, false})
    void mergedResultsAreTheMixedRun(boolean storeMeasurement) {
        Qobj h = tensor(qeye(2), qeye(2));
        Qobj l = tensor(destroy(2), qeye(2));
        double[] tlist = linspace(0, 1, 11);
        List<Qobj> eOps = List.of(tensor(num(2), qeye(2)), tensor(qeye(2), num(2)));
        Qobj s1 = tensor(basis(2, 1), basis(2, 0)), s2 = tensor(basis(2, 1), basis(2, 1));
        StochasticOptions o = StochasticOptions.defaults().withHeterodyne(true).withStoreMeasurement(true)
                .withStoreStates(true).withMap(TaskMap.serial());
        StochasticResult r1 = new SmeSolver(h, List.of(), List.of(l), o.withNtraj(5).withSeed(1)).run(s1, tlist, eOps);
        StochasticResult r2 = new SmeSolver(h, List.of(), List.of(l),
                o.withNtraj(10).withSeed(2).withStoreMeasurement(storeMeasurement)).run(s2, tlist, eOps);
        StochasticResult merged = r1.merge(r2);
        assertEquals(15, merged.seeds().length);
        assertEquals(15, merged.ntraj());
        Qobj expected = s1.proj().plus(s2.proj().times(2)).unit();
        assertTrue(merged.states().get(0).minus(expected).norm() < 2e-8, "average state at t = 0");
        assertEquals(1, merged.expect(0)[0], 1e-12);
        for (double v : merged.expect(1)) {
            assertEquals(2.0 / 3, v, 1e-12);
        }
        if (storeMeasurement) {
            assertEquals(2, merged.measurement(14).length);   // two channels for the one monitored operator
            assertEquals(tlist.length - 1, merged.wiener(14)[0].length);
        } else {
            assertThrows(IllegalStateException.class, () -> merged.measurement(0));
        }
        assertThrows(IllegalArgumentException.class, () -> r1.merge(new SmeSolver(h, List.of(), List.of(l),
                o.withNtraj(2).withHeterodyne(false)).run(s1, tlist, eOps)));
    }

    /** Beyond QuTiP's test: a run split in two by its seeds and merged is the run itself. */
    @org.junit.jupiter.api.Test
    void aRunSplitBySeedsAndMergedIsTheRun() {
        SystemDef sys = system("simple");
        StochasticOptions o = StochasticOptions.defaults().withNtraj(9).withSeed(12).withStoreMeasurement(true)
                .withStoreStates(true).withMap(TaskMap.serial());
        SseSolver solver = new SseSolver(sys.h(), sys.scOps(), o);
        Qobj psi0 = coherent(N, 0.5);
        StochasticResult whole = solver.run(psi0, times(), E_OPS);
        long[] all = whole.seeds();
        StochasticResult merged = solver.run(psi0, times(), E_OPS, null, java.util.Arrays.copyOfRange(all, 0, 4))
                .merge(solver.run(psi0, times(), E_OPS, null, java.util.Arrays.copyOfRange(all, 4, 9)));
        assertArrayEquals(all, merged.seeds());
        for (int k = 0; k < E_OPS.size(); k++) {
            assertArrayEquals(whole.expect(k), merged.expect(k), 1e-12);
            assertArrayEquals(whole.stdExpect(k), merged.stdExpect(k), 1e-7);
            assertArrayEquals(whole.standardError(k), merged.standardError(k), 1e-7);
        }
        for (int j = 0; j < 9; j++) {
            assertArrayEquals(whole.measurement(j)[0], merged.measurement(j)[0], 0);
        }
        assertTrue(whole.states().get(20).minus(merged.states().get(20)).norm() < 1e-12);
    }

    static Stream<Arguments> experimentCases() {
        List<Arguments> out = new ArrayList<>();
        for (boolean het : new boolean[] {true, false}) {
            for (String m : List.of("euler", "platen")) {
                out.add(Arguments.of(false, m, het));
            }
            for (String m : List.of("euler", "milstein", "platen", "pred_corr")) {
                out.add(Arguments.of(true, m, het));
            }
        }
        return out.stream();
    }

    /**
     * {@code test_run_from_experiment_close} (ssesolve) and {@code _open} (smesolve): a forward
     * trajectory's Wiener increments, or its measured currents (taken at the start of each
     * interval), run it again: the same records, increments and expectations within 1e-10.
     */
    @ParameterizedTest(name = "open {0}, {1}, heterodyne {2}")
    @MethodSource("experimentCases")
    void runFromExperimentReplaysTheTrajectory(boolean open, String method, boolean heterodyne) {
        int n = open ? 10 : 5;
        Qobj a = destroy(n);
        Qobj h = num(n);
        List<Qobj> sc = open ? List.of(a, a.dag().times(0.1)) : List.of(a, a.times(a).plus(a.times(a).dag()));
        Qobj psi0 = basis(n, n - 1);
        double[] tlist = open ? linspace(0, 1, 251) : linspace(0, 0.1, 501);
        StochasticOptions o = StochasticOptions.defaults().withNtraj(1).withSeed(6).withMethod(method)
                .withHeterodyne(heterodyne).withStoreMeasurement("start").withDt(tlist[1]).withStoreStates(true)
                .withMap(TaskMap.serial());
        List<Qobj> eOps = List.of(h);
        StochasticResult forward, backward, measured;
        if (open) {
            SmeSolver solver = new SmeSolver(h, List.of(), sc, o);
            forward = solver.run(psi0, tlist, eOps);
            backward = solver.runFromExperiment(psi0, tlist, forward.wiener(0), eOps, false);
            measured = solver.runFromExperiment(psi0, tlist, forward.measurement(0), eOps, true);
        } else {
            SseSolver solver = new SseSolver(h, sc, o);
            forward = solver.run(psi0, tlist, eOps);
            backward = solver.runFromExperiment(psi0, tlist, forward.wiener(0), eOps, false);
            measured = solver.runFromExperiment(psi0, tlist, forward.measurement(0), eOps, true);
        }
        assertEquals(tlist.length - 1, forward.stats().steps(), "one step per interval");
        for (StochasticResult r : List.of(backward, measured)) {
            assertEquals(1, r.ntraj());
            double[][] fm = forward.measurement(0), rm = r.measurement(0), fw = forward.wiener(0), rw = r.wiener(0);
            for (int c = 0; c < fm.length; c++) {
                assertArrayEquals(fm[c], rm[c], 1e-10, "records of channel " + c);
                assertArrayEquals(fw[c], rw[c], 1e-10, "increments of channel " + c);
            }
            assertArrayEquals(forward.expect(0), r.expect(0), 1e-10);
        }
        // the trajectory moved: <n> left n - 1
        assertTrue(forward.expect(0)[tlist.length - 1] < n - 1 - 1e-3);
    }

    @org.junit.jupiter.api.Test
    void runFromExperimentRefusesWhatItCannotReplay() {
        SystemDef sys = system("simple");
        double[] t = linspace(0, 0.1, 11);
        StochasticOptions o = StochasticOptions.defaults().withMap(TaskMap.serial());
        SseSolver solver = new SseSolver(sys.h(), sys.scOps(), o);
        Qobj psi0 = coherent(N, 0.5);
        assertThrows(IllegalArgumentException.class,
                () -> solver.runFromExperiment(psi0, t, new double[2][10], E_OPS, false), "two rows for one channel");
        assertThrows(IllegalArgumentException.class,
                () -> solver.runFromExperiment(psi0, t, new double[1][9], E_OPS, false), "one value short");
        assertThrows(IllegalArgumentException.class,
                () -> solver.runFromExperiment(psi0, new double[] {0, 0.01, 0.03}, new double[1][2], E_OPS, false),
                "uneven times");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SseSolver(sys.h(), sys.scOps(), o.withMethod("explicit1.5"))
                        .runFromExperiment(psi0, t, new double[1][10], E_OPS, false));
        assertTrue(e.getMessage().contains("double integral"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> solver.withDWFactors(2)
                .runFromExperiment(psi0, t, new double[1][10], E_OPS, true));
        // zero noise is the deterministic no-click evolution, as a check that the noise is used
        StochasticResult quiet = solver.runFromExperiment(psi0, t, new double[1][10], E_OPS, false);
        assertEquals(1, quiet.ntraj());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"beginning", "END", "mid"})
    void unknownMeasurementTimesAreRefused(String mode) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StochasticOptions.defaults().withStoreMeasurement(mode));
        assertTrue(e.getMessage().contains("start") && e.getMessage().contains(mode), e.getMessage());
        assertFalse(StochasticOptions.defaults().withStoreMeasurement("").storeMeasurement());
        assertEquals("middle", StochasticOptions.defaults().withStoreMeasurement("middle").measurementAt());
    }
}
