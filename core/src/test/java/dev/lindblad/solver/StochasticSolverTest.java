package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.parallel.TaskMap;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code ssesolve} and {@code smesolve}: the averages against {@code mesolve} within a few
 * standard errors (homodyne, heterodyne, time-dependent H), the mean measured current against
 * {@code <c + c^†>}, reproducibility on every map, the strong order of every method on the
 * quantum equations (against a fine-step solution along the same Wiener path), early stop,
 * failures and the dt fitting.
 */
class StochasticSolverTest {
    static final int N = 6;
    static final Qobj A = destroy(N);
    static final Qobj H = num(N).times(0.5).plus(A.plus(A.dag()).times(0.6));
    static final Qobj SC = A.times(Math.sqrt(0.8));
    static final Qobj C = A.dag().times(Math.sqrt(0.1));
    static final Qobj X = A.plus(A.dag());
    static final double[] TIMES = linspace(0, 1, 11);

    static double[] linspace(double a, double b, int n) {
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = a + (b - a) * i / (n - 1);
        }
        return t;
    }

    static StochasticOptions opts(int ntraj) {
        return StochasticOptions.defaults().withNtraj(ntraj).withSeed(11).withMap(TaskMap.threads(2)).withDt(2e-3);
    }

    /** Every e-op at every time within 4 standard errors (plus the dt bias allowance) of mesolve. */
    static void assertMeanMatches(StochasticResult r, Result me, int ne, double bias) {
        for (int k = 0; k < ne; k++) {
            double[] mean = r.expect(k), se = r.standardError(k), ref = me.expect(k);
            for (int i = 0; i < mean.length; i++) {
                double tol = 4 * se[i] + bias;
                assertEquals(ref[i], mean[i], tol, "e-op " + k + " at t = " + TIMES[i] + " (se " + se[i] + ")");
            }
        }
    }

    @Test
    void smesolveMeanIsMesolveWithBothOperatorKinds() {
        for (String method : List.of("platen", "euler", "milstein", "rouchon", "taylor1.5", "pred_corr", "explicit1.5",
                "milstein_imp", "taylor1.5_imp")) {
            StochasticResult r = smesolve(H, basis(N, 0), TIMES, List.of(C), List.of(SC), List.of(num(N), X),
                    opts(100).withMethod(method));
            Result me = mesolve(H, basis(N, 0), TIMES, List.of(C, SC), List.of(num(N), X));
            assertEquals(100, r.ntraj());
            assertMeanMatches(r, me, 2, 0.01);
        }
    }

    @Test
    void ssesolveMeanIsMesolve() {
        for (String method : List.of("platen", "euler", "milstein", "rouchon", "explicit1.5", "pred_corr")) {
            StochasticResult r = ssesolve(H, basis(N, 0), TIMES, List.of(SC), List.of(num(N), X),
                    opts(300).withMethod(method));
            Result me = mesolve(H, basis(N, 0), TIMES, List.of(SC), List.of(num(N), X));
            assertMeanMatches(r, me, 2, 0.01);
        }
    }

    @Test
    void heterodyneMeansAreMesolve() {
        StochasticResult sme = smesolve(H, basis(N, 0), TIMES, List.of(C), List.of(SC), List.of(num(N), X),
                opts(100).withHeterodyne(true));
        Result me = mesolve(H, basis(N, 0), TIMES, List.of(C, SC), List.of(num(N), X));
        assertMeanMatches(sme, me, 2, 0.01);
        StochasticResult sse = ssesolve(H, basis(N, 0), TIMES, List.of(SC), List.of(num(N), X),
                opts(300).withHeterodyne(true));
        Result me2 = mesolve(H, basis(N, 0), TIMES, List.of(SC), List.of(num(N), X));
        assertMeanMatches(sse, me2, 2, 0.01);
        assertTrue(sse.heterodyne());
        // explicit1.5 with the two Wiener processes of heterodyne detection (QuTiP 5 offers it)
        StochasticResult smeE = smesolve(H, basis(N, 0), TIMES, List.of(C), List.of(SC), List.of(num(N), X),
                opts(100).withHeterodyne(true).withMethod("explicit1.5"));
        assertMeanMatches(smeE, me, 2, 0.01);
        StochasticResult sseE = ssesolve(H, basis(N, 0), TIMES, List.of(SC), List.of(num(N), X),
                opts(300).withHeterodyne(true).withMethod("explicit1.5"));
        assertMeanMatches(sseE, me2, 2, 0.01);
    }

    @Test
    void timeDependentHamiltonianMeanIsMesolve() {
        QobjEvo h = QobjEvo.of(num(N).times(0.5)).plus(X.times(0.6), t -> Math.cos(2 * t));
        QobjEvo sc = QobjEvo.of(SC, t -> 1 + 0.3 * t);
        StochasticResult r = smesolve(h, basis(N, 0), TIMES, List.of(C), List.of(sc), List.of(num(N), X),
                opts(100).withMethod("milstein"));
        Result me = mesolve(h, basis(N, 0), TIMES, List.of(C, sc), List.of(num(N), X));
        assertMeanMatches(r, me, 2, 0.01);
        StochasticResult t15 = smesolve(h, basis(N, 0), TIMES, List.of(C), List.of(sc), List.of(num(N), X),
                opts(100).withMethod("taylor1.5"));
        assertMeanMatches(t15, me, 2, 0.01);
        // the implicit methods solve with L(t + dt) at every step
        for (String method : List.of("milstein_imp", "taylor1.5_imp")) {
            StochasticResult imp = smesolve(h, basis(N, 0), TIMES, List.of(C), List.of(sc), List.of(num(N), X),
                    opts(100).withMethod(method));
            assertMeanMatches(imp, me, 2, 0.01);
        }
        StochasticResult s = ssesolve(h, basis(N, 0), TIMES, List.of(sc), List.of(num(N), X), opts(300));
        Result me2 = mesolve(h, basis(N, 0), TIMES, List.of(sc), List.of(num(N), X));
        assertMeanMatches(s, me2, 2, 0.01);
    }

    /** The mean of J_i over trajectories on each interval against mesolve's value at its end. */
    static void assertCurrents(StochasticResult r, double[][] expected) {
        int nt = TIMES.length, m = expected.length;
        for (int ch = 0; ch < m; ch++) {
            for (int k = 0; k < nt - 1; k++) {
                double s = 0, q = 0;
                for (int j = 0; j < r.ntraj(); j++) {
                    double v = r.measurement(j)[ch][k];
                    s += v;
                    q += v * v;
                }
                int M = r.ntraj();
                double mean = s / M, se = Math.sqrt((q / M - mean * mean) / (M - 1));
                assertEquals(expected[ch][k + 1], mean, 4 * se + 0.01, "channel " + ch + ", interval " + k);
                // the current holds the white noise f dW/Δt: its spread is about f/sqrt(Δt) = 3.2 f
                assertTrue(se * Math.sqrt(M) > 2.5, "the current holds the white noise dW/dt: se " + se);
            }
        }
    }

    @Test
    void meanMeasuredCurrentIsExpectationOfCPlusCDagger() {
        Qobj xc = SC.plus(SC.dag());
        Qobj pc = SC.minus(SC.dag()).times(new dev.lindblad.Complex(0, -1));
        Result me = mesolve(H, basis(N, 0), TIMES, List.of(C, SC), List.of(xc, pc));
        StochasticResult hom = smesolve(H, basis(N, 0), TIMES, List.of(C), List.of(SC), List.of(),
                opts(400).withStoreMeasurement(true));
        assertCurrents(hom, new double[][] {me.expect(0)});
        StochasticResult het = smesolve(H, basis(N, 0), TIMES, List.of(C), List.of(SC), List.of(),
                opts(400).withStoreMeasurement(true).withHeterodyne(true));
        assertCurrents(het, new double[][] {me.expect(0), me.expect(1)});
        Result me2 = mesolve(H, basis(N, 0), TIMES, List.of(SC), List.of(xc));
        StochasticResult sse = ssesolve(H, basis(N, 0), TIMES, List.of(SC), List.of(), opts(400)
                .withStoreMeasurement(true));
        assertCurrents(sse, new double[][] {me2.expect(0)});
        // the record is consistent: J = f(<m> + ΔW/Δt) with the stored ΔW
        double[][] w = hom.wiener(0);
        assertEquals(1, w.length);
        assertEquals(TIMES.length - 1, w[0].length);
    }

    @Test
    void reproducibleOnEveryMapBitForBit() {
        StochasticOptions o = StochasticOptions.defaults().withNtraj(13).withSeed(99).withStoreMeasurement(true)
                .withDt(5e-3);
        for (boolean heterodyne : new boolean[] {false, true}) {
            StochasticOptions oh = o.withHeterodyne(heterodyne);
            StochasticResult serial = smesolve(H, basis(N, 0), TIMES, List.of(C), List.of(SC), List.of(X),
                    oh.withMap(TaskMap.serial()));
            StochasticResult sse = ssesolve(H, basis(N, 0), TIMES, List.of(SC), List.of(X), oh.withMap(TaskMap.serial()));
            for (TaskMap map : List.of(TaskMap.threads(1), TaskMap.threads(2), TaskMap.threads(3))) {
                StochasticResult par = smesolve(H, basis(N, 0), TIMES, List.of(C), List.of(SC), List.of(X),
                        oh.withMap(map));
                assertArrayEquals(serial.expect(0), par.expect(0), 0.0);
                assertArrayEquals(serial.standardError(0), par.standardError(0), 0.0);
                assertArrayEquals(serial.seeds(), par.seeds());
                for (int j = 0; j < 13; j++) {
                    assertArrayEquals(serial.measurement(j)[0], par.measurement(j)[0], 0.0);
                }
                StochasticResult sp = ssesolve(H, basis(N, 0), TIMES, List.of(SC), List.of(X), oh.withMap(map));
                assertArrayEquals(sse.expect(0), sp.expect(0), 0.0);
                assertArrayEquals(sse.measurement(12)[0], sp.measurement(12)[0], 0.0);
            }
        }
        // and a different seed gives different trajectories
        StochasticResult other = ssesolve(H, basis(N, 0), TIMES, List.of(SC), List.of(X), o.withSeed(100));
        StochasticResult same = ssesolve(H, basis(N, 0), TIMES, List.of(SC), List.of(X), o);
        assertNotEquals(other.expect(0)[5], same.expect(0)[5]);
    }

    @Test
    void storedStatesAverageToTheDensityMatrix() {
        StochasticResult r = ssesolve(H, basis(N, 0), TIMES, List.of(SC), null, opts(50));
        Result me = mesolve(H, basis(N, 0), TIMES, List.of(SC), List.of(num(N)));
        Qobj last = r.states().get(TIMES.length - 1);
        // QuTiP 5's default: the states as integrated, whose norm drifts by O(dt)
        assertEquals(1, last.tr().re(), 1e-4);
        Qobj normalised = ssesolve(H, basis(N, 0), TIMES, List.of(SC), null, opts(50).withNormalizeOutput(true))
                .states().get(TIMES.length - 1);
        assertEquals(1, normalised.tr().re(), 1e-12);
        assertEquals(me.expect(0)[TIMES.length - 1], expect(num(N), last), 0.15);
        assertNotNull(r.finalState());
    }

    @Test
    void callbacksAreAveragedLikeOperators() {
        StochasticResult r = smesolve(H, basis(N, 0), TIMES, List.of(C), List.of(SC), List.of(num(N)),
                opts(20));
        StochasticResult f = new SmeSolver(H, List.of(C), List.of(SC), opts(20)).run(basis(N, 0), TIMES, List.of(),
                List.of((t, rho) -> expect(num(N), rho)));
        assertArrayEquals(r.expect(0), f.expect(0), 1e-12);
    }

    @Test
    void targetToleranceStopsEarlyAndTheSameOnEveryMap() {
        StochasticOptions o = opts(400).withTargetTol(0.05);
        StochasticResult a = ssesolve(H, basis(N, 0), TIMES, List.of(SC), List.of(num(N)), o.withMap(TaskMap.serial()));
        StochasticResult b = ssesolve(H, basis(N, 0), TIMES, List.of(SC), List.of(num(N)), o.withMap(TaskMap.threads(2)));
        assertEquals(McResult.StopReason.TARGET_TOLERANCE, a.stopReason());
        assertTrue(a.ntraj() < 400 && a.ntraj() >= McSolver.MIN_TRAJECTORIES_FOR_TOLERANCE, "ntraj " + a.ntraj());
        for (double se : a.standardError(0)) {
            assertTrue(se < 0.05);
        }
        assertEquals(a.ntraj(), b.ntraj());
        assertArrayEquals(a.expect(0), b.expect(0), 0.0);
    }

    @Test
    void aFailingTrajectoryKeepsTheFinishedOnesOrIsSkipped() {
        // the median photon number at the last time, so that about half the trajectories fail
        java.util.List<Double> last = new java.util.ArrayList<>();
        new SseSolver(H, List.of(SC), opts(40).withMap(TaskMap.serial())).run(basis(N, 0), TIMES, null,
                List.of((t, psi) -> {
                    if (t == 1) {
                        last.add(expect(num(N), psi));
                    }
                    return 0;
                }));
        double median = last.stream().sorted().toList().get(20);
        ExpectFunction failing = (t, psi) -> {
            double n = expect(num(N), psi);
            if (t == 1 && n > median) {
                throw new IllegalStateException("photon number " + n);
            }
            return n;
        };
        StochasticOptions o = opts(40).withMap(TaskMap.serial());
        SseSolver solver = new SseSolver(H, List.of(SC), o);
        TrajectoryException e = assertThrows(TrajectoryException.class,
                () -> solver.run(basis(N, 0), TIMES, null, List.of(failing)));
        assertTrue(e.getMessage().startsWith("ssesolve: trajectory "), e.getMessage());
        StochasticResult partial = e.partialStochasticResult();
        assertNotNull(partial);
        assertEquals(e.trajectoryIndex(), partial.ntraj(), "the trajectories before the failing one are kept (serial)");
        StochasticResult skipped = new SseSolver(H, List.of(SC), o.withSkipFailures(true)).run(basis(N, 0), TIMES,
                null, List.of(failing));
        assertFalse(skipped.failures().isEmpty());
        assertEquals(40, skipped.ntraj() + skipped.failures().size());
    }

    @Test
    void timeoutStartsNoNewTrajectory() {
        StochasticResult r = ssesolve(H, basis(N, 0), TIMES, List.of(SC), List.of(num(N)),
                opts(100000).withTimeout(Duration.ofMillis(300)));
        assertEquals(McResult.StopReason.TIMEOUT, r.stopReason());
        assertTrue(r.ntraj() >= 1 && r.ntraj() < 100000);
    }

    @Test
    void dtIsFittedToTheOutputIntervals() {
        assertEquals(10, StochasticEngine.steps(0.01, 1e-3));
        assertEquals(10, StochasticEngine.steps(0.0104, 1e-3));   // remainder under half a step
        assertEquals(11, StochasticEngine.steps(0.0106, 1e-3));   // over half a step: one more
        assertEquals(1, StochasticEngine.steps(1e-5, 1e-3));
        assertEquals(0, StochasticEngine.steps(0, 1e-3));
        // repeated output times are allowed: no step, the same state
        double[] t = {0, 0.1, 0.1, 0.2};
        StochasticResult r = smesolve(H, basis(N, 0), t, List.of(), List.of(SC), List.of(num(N)),
                opts(3).withStoreMeasurement(true));
        assertEquals(r.expect(0)[1], r.expect(0)[2], 0.0);
    }

    @Test
    void refusesWhatItCannotDo() {
        IllegalArgumentException imp = assertThrows(IllegalArgumentException.class,
                () -> new SseSolver(H, List.of(SC), opts(2).withMethod("milstein_imp")));
        assertTrue(imp.getMessage().startsWith("ssesolve: the drift-implicit method 'milstein_imp'"), imp.getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SseSolver(H, List.of(SC), opts(2).withMethod("taylor1.5")));
        assertTrue(e.getMessage().startsWith("ssesolve: method 'taylor1.5'"), e.getMessage());
        // an empty scOps is QuTiP 5's deterministic run (StochasticQutipTestsPortTest), not refused
        assertThrows(IllegalArgumentException.class, () -> StochasticOptions.defaults().withDt(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> StochasticOptions.defaults().withMethod("adams"));
        assertThrows(IllegalArgumentException.class,
                () -> ssesolve(H, basis(N, 0).proj(), TIMES, List.of(SC), null, opts(2)));
        assertEquals(1e-9, StochasticOptions.defaults().withAtol(1e-9).solver().atol());
        assertEquals("platen", StochasticOptions.defaults().method());
        assertEquals(1e-3, StochasticOptions.defaults().dt());
    }

    // ---------------------------------------------------------------- strong order on the quantum equations

    /**
     * The strong error at T = 0.5 of each method against platen with steps 64 times finer,
     * both driven by the same Wiener path, for dt = T/8 ... T/64, over 40 paths.
     */
    static double quantumStrongOrder(QuantumSde proto, double[] y0, String method) {
        double tEnd = 0.5;
        int[] coarse = {8, 16, 32, 64};
        int fine = 64 * 64;
        int m = proto.noises;
        double[] err = new double[coarse.length];
        SplittableRandom rng = new SplittableRandom(5);
        double delta = tEnd / fine;
        for (int p = 0; p < 40; p++) {
            double[][] inc = new double[m][fine];
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < fine; k++) {
                    inc[i][k] = Math.sqrt(delta) * rng.nextGaussian();
                }
            }
            double[] ref = integrate(proto, "taylor1.5".equals(method) || proto instanceof SseSystem ? "platen" : "platen",
                    y0, inc, fine, fine, delta);
            for (int c = 0; c < coarse.length; c++) {
                double[] y = integrate(proto, method, y0, inc, coarse[c], fine, delta);
                double d = 0;
                for (int k = 0; k < y.length; k++) {
                    d += (y[k] - ref[k]) * (y[k] - ref[k]);
                }
                err[c] += Math.sqrt(d) / 40;
            }
        }
        int k = coarse.length;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < k; i++) {
            double x = Math.log(tEnd / coarse[i]), yv = Math.log(err[i]);
            sx += x;
            sy += yv;
            sxx += x * x;
            sxy += x * yv;
        }
        return (k * sxy - sx * sy) / (k * sxx - sx * sx);
    }

    static double[] integrate(QuantumSde proto, String method, double[] y0, double[][] inc, int n, int fine,
                              double delta) {
        int m = inc.length, ratio = fine / n;
        double dt = delta * ratio;
        QuantumSde sys = proto.forOneRun();
        SdeStepper stepper = SdeStepper.create(method, sys, "test");
        double[] y = sys.internalState(y0), out = new double[y.length], dW = new double[m], dZ = new double[m];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < m; i++) {
                double w = 0, z = 0;
                for (int k = 0; k < ratio; k++) {
                    double d = inc[i][s * ratio + k];
                    z += (w + 0.5 * d) * delta;
                    w += d;
                }
                dW[i] = w;
                dZ[i] = z;
            }
            stepper.step(s * dt, dt, y, dW, dZ, out);
            double[] sw = y;
            y = out;
            out = sw;
        }
        return sys.externalState(y);
    }

    @Test
    void strongOrdersOnAQubitUnderMeasurement() {
        Qobj h = sigmax().times(1.0);
        Qobj s = sigmaz().times(Math.sqrt(0.5));
        Qobj c = sigmam().times(Math.sqrt(0.3));
        StochasticOptions o = StochasticOptions.defaults();
        SmeSystem sme = new SmeSolver(h, List.of(c), List.of(s), o).system();
        double[] rho0 = StochasticSystems.initialDensity("test", basis(2, 0), sigmax().dims());
        SseSystem sse = new SseSolver(h, List.of(s), o).system();
        double[] psi0 = StochasticSystems.initialKet("test", basis(2, 0), sigmax().dims());
        StringBuilder report = new StringBuilder();
        double[][] expected = {{0.5, 0.5}, {1.0, 1.0}, {1.0, 1.0}, {1.0, 1.0}, {1.0, 1.0}, {1.5, 1.5}, {1.5, Double.NaN}};
        String[] methods = {"euler", "milstein", "platen", "pred_corr", "rouchon", "explicit1.5", "taylor1.5"};
        for (int i = 0; i < methods.length; i++) {
            double os = quantumStrongOrder(sme, rho0, methods[i]);
            report.append(String.format("%s sme %.2f", methods[i], os));
            assertEquals(expected[i][0], os, 0.25, methods[i] + " smesolve strong order " + os);
            if (!Double.isNaN(expected[i][1])) {
                double oe = quantumStrongOrder(sse, psi0, methods[i]);
                report.append(String.format(" sse %.2f; ", oe));
                assertEquals(expected[i][1], oe, 0.25, methods[i] + " ssesolve strong order " + oe);
            }
        }
        System.out.println("quantum strong orders: " + report);
    }
}
