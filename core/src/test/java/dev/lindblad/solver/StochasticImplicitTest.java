package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.QobjLike;
import dev.lindblad.parallel.TaskMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The drift-implicit methods {@code "milstein_imp"} and {@code "taylor1.5_imp"} (smesolve, as
 * QuTiP 5) and {@code "explicit1.5"} on several Wiener processes: stability where the explicit
 * twin blows up, accuracy against {@code mesolve} at a step the explicit methods cannot take,
 * every solve method giving the same trajectory, the strong orders on a qubit under
 * measurement, the same bits on every map, and the refusals.
 */
class StochasticImplicitTest {
    /** A driven qubit with fast decay (Γ = 100) and a monitored decay channel. */
    static final Qobj H = sigmax().times(0.5);
    static final double GAMMA = 100;
    static final Qobj C = sigmam().times(Math.sqrt(GAMMA));
    static final Qobj S = sigmam().times(1.0);

    static double maxAbs(double[] y) {
        double m = 0;
        for (double v : y) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    /** One trajectory of 40 steps of dt = 0.05 (Γ dt = 5) from the excited state; the largest |ρ_ij| seen. */
    static double largestEntry(String method, long seed) {
        SmeSystem sys = new SmeSolver(H, List.of(C), List.of(S), StochasticOptions.defaults().withMethod(method))
                .system();
        SdeStepper stepper = SdeStepper.create(method, sys, "test");
        double[] y = sys.internalState(StochasticSystems.initialDensity("test", basis(2, 1), H.dims()));
        double[] out = new double[y.length];
        double dt = 0.05, worst = maxAbs(y);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] dW = new double[1], dZ = new double[1];
        for (int s = 0; s < 40; s++) {
            dW[0] = Math.sqrt(dt) * rng.nextGaussian();
            dZ[0] = 0.5 * dt * (dW[0] + Math.sqrt(dt) * rng.nextGaussian() / Math.sqrt(3));
            stepper.step(s * dt, dt, y, dW, dZ, out);
            double[] sw = y;
            y = out;
            out = sw;
            worst = Math.max(worst, maxAbs(y));
        }
        return worst;
    }

    @Test
    void stiffDecayBlowsUpTheExplicitMethodsButNotTheImplicitOnes() {
        for (long seed = 1; seed <= 3; seed++) {
            double milstein = largestEntry("milstein", seed), taylor = largestEntry("taylor1.5", seed);
            double milsteinImp = largestEntry("milstein_imp", seed), taylorImp = largestEntry("taylor1.5_imp", seed);
            System.out.printf("stiff decay, seed %d: largest |rho_ij| milstein %.3g taylor1.5 %.3g milstein_imp %.3g "
                    + "taylor1.5_imp %.3g%n", seed, milstein, taylor, milsteinImp, taylorImp);
            assertTrue(!(milstein < 1e6), "explicit milstein at Γ dt = 5 should blow up, largest entry " + milstein);
            assertTrue(!(taylor < 1e6), "explicit taylor1.5 at Γ dt = 5 should blow up, largest entry " + taylor);
            assertTrue(milsteinImp < 1.5, "milstein_imp stays bounded, largest entry " + milsteinImp);
            assertTrue(taylorImp < 1.5, "taylor1.5_imp stays bounded, largest entry " + taylorImp);
        }
    }

    @Test
    void implicitMeansAreMesolveAtAStiffStep() {
        double[] times = {0, 0.5, 1, 1.5, 2};
        Qobj sz = sigmaz(), sx = sigmax(), sy = sigmay();
        Result me = mesolve(H, basis(2, 1), times, List.of(C, S), List.of(sz, sx, sy));
        StochasticOptions o = StochasticOptions.defaults().withNtraj(200).withSeed(4).withDt(0.05)
                .withMap(TaskMap.threads(2));
        for (String method : List.of("milstein_imp", "taylor1.5_imp")) {
            StochasticResult r = smesolve(H, basis(2, 1), times, List.of(C), List.of(S), List.of(sz, sx, sy),
                    o.withMethod(method));
            for (int k = 0; k < 3; k++) {
                for (int i = 1; i < times.length; i++) {
                    double tol = 4 * r.standardError(k)[i] + 0.01;
                    assertEquals(me.expect(k)[i], r.expect(k)[i], tol, method + " e-op " + k + " at t = " + times[i]);
                }
            }
        }
        // the explicit twin at the same step: the run fails or the means are far off
        for (String method : List.of("milstein", "taylor1.5")) {
            double err;
            try {
                StochasticResult r = smesolve(H, basis(2, 1), times, List.of(C), List.of(S), List.of(sz),
                        o.withNtraj(20).withMethod(method));
                err = Math.abs(r.expect(0)[times.length - 1] - me.expect(0)[times.length - 1]);
            } catch (TrajectoryException e) {
                err = Double.POSITIVE_INFINITY;
            }
            assertTrue(!(err < 1), method + " at dt = 0.05 should be far off, error " + err);
        }
    }

    /** The oscillator of reference/stochastic_imp.txt, one trajectory per method and solve method. */
    @Test
    void everySolveMethodGivesTheSameTrajectory() {
        int n = 4;
        Qobj a = destroy(n);
        Qobj h = a.dag().times(a).times(0.5).plus(a.plus(a.dag()).times(0.4));
        QobjEvo htd = QobjEvo.of(h).plus(a.plus(a.dag()).times(0.3), t -> Math.cos(2 * t));
        List<Qobj> sc = List.of(a.times(Math.sqrt(0.6)), a.dag().times(a).times(Math.sqrt(0.2)));
        List<Qobj> c = List.of(a.dag().times(Math.sqrt(0.1)));
        double[] times = {0, 0.25, 0.5, 0.75, 1};
        List<Qobj> eOps = List.of(a.dag().times(a), a.plus(a.dag()));
        StochasticOptions base = StochasticOptions.defaults().withNtraj(3).withSeed(8).withDt(0.01)
                .withMap(TaskMap.serial()).withStoreFinalState(true);
        Map<String, Map<String, Double>> solveOptions = Map.of("gmres", Map.of("rtol", 1e-13),
                "bicgstab", Map.of("tol", 1e-13, "maxiter", 500.0));
        for (String method : List.of("milstein_imp", "taylor1.5_imp")) {
            for (boolean td : new boolean[] {false, true}) {
                StochasticOptions o = base.withMethod(method);
                QobjLike hh = td ? htd : h;
                StochasticResult ref = smesolve(hh, basis(n, 0), times, c, sc, eOps, o);
                for (String solve : List.of("splu", "solve", "inv", "gmres", "bicgstab")) {
                    if (td && solve.equals("inv")) {
                        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                                () -> new SmeSolver(htd, c, sc, o.withSolveMethod("inv")));
                        assertTrue(e.getMessage().contains("'inv'"), e.getMessage());
                        continue;
                    }
                    StochasticOptions os = o.withSolveMethod(solve)
                            .withSolveOptions(solveOptions.getOrDefault(solve, Map.of()));
                    StochasticResult r = smesolve(hh, basis(n, 0), times, c, sc, eOps, os);
                    for (int k = 0; k < eOps.size(); k++) {
                        assertArrayEquals(ref.expect(k), r.expect(k), 1e-10, method + " " + solve + " td " + td);
                    }
                    assertTrue(ref.finalState().minus(r.finalState()).norm() < 1e-10, method + " " + solve);
                }
            }
        }
    }

    @Test
    void anIterativeSolveThatMissesItsToleranceFailsTheTrajectory() {
        StochasticOptions o = StochasticOptions.defaults().withNtraj(2).withSeed(1).withDt(0.05)
                .withMap(TaskMap.serial()).withMethod("milstein_imp").withSolveMethod("gmres")
                .withSolveOptions(Map.of("rtol", 1e-15, "maxiter", 1.0));
        TrajectoryException e = assertThrows(TrajectoryException.class,
                () -> smesolve(H, basis(2, 1), new double[] {0, 0.5}, List.of(C), List.of(S), null, o));
        assertTrue(String.valueOf(e.getCause().getMessage()).contains("gmres"), String.valueOf(e.getCause()));
    }

    @Test
    void strongOrdersOnAQubitUnderMeasurement() {
        Qobj h = sigmax().times(1.0);
        Qobj s = sigmaz().times(Math.sqrt(0.5));
        Qobj c = sigmam().times(Math.sqrt(0.3));
        double[] rho0 = StochasticSystems.initialDensity("test", basis(2, 0), sigmax().dims());
        double[] psi0 = StochasticSystems.initialKet("test", basis(2, 0), sigmax().dims());
        StringBuilder report = new StringBuilder();
        for (String method : List.of("milstein_imp", "taylor1.5_imp")) {
            SmeSystem sme = new SmeSolver(h, List.of(c), List.of(s), StochasticOptions.defaults().withMethod(method))
                    .system();
            double order = StochasticSolverTest.quantumStrongOrder(sme, rho0, method);
            report.append(String.format("%s sme %.2f; ", method, order));
            assertEquals(method.equals("milstein_imp") ? 1.0 : 1.5, order, 0.25, method + " strong order " + order);
        }
        // explicit1.5 on two (commuting) monitored operators, both equations
        List<Qobj> two = List.of(s, sigmaz().times(Math.sqrt(0.2)));
        SmeSystem sme2 = new SmeSolver(h, List.of(c), two, StochasticOptions.defaults()).system();
        SseSystem sse2 = new SseSolver(h, two, StochasticOptions.defaults()).system();
        double os = StochasticSolverTest.quantumStrongOrder(sme2, rho0, "explicit1.5");
        double oe = StochasticSolverTest.quantumStrongOrder(sse2, psi0, "explicit1.5");
        report.append(String.format("explicit1.5, 2 noises: sme %.2f sse %.2f", os, oe));
        System.out.println("quantum strong orders: " + report);
        assertEquals(1.5, os, 0.25, "explicit1.5 smesolve, 2 noises");
        assertEquals(1.5, oe, 0.25, "explicit1.5 ssesolve, 2 noises");
    }

    @Test
    void reproducibleOnEveryMapBitForBit() {
        int n = 5;
        Qobj a = destroy(n);
        Qobj h = num(n).times(0.5).plus(a.plus(a.dag()).times(0.6));
        Qobj sc = a.times(Math.sqrt(0.8));
        Qobj c = a.dag().times(Math.sqrt(0.1));
        Qobj x = a.plus(a.dag());
        double[] times = {0, 0.1, 0.2, 0.3, 0.4, 0.5};
        StochasticOptions o = StochasticOptions.defaults().withNtraj(9).withSeed(21).withStoreMeasurement(true)
                .withDt(5e-3);
        record Run(String method, boolean heterodyne, boolean sse) {
        }
        for (Run run : List.of(new Run("milstein_imp", false, false), new Run("taylor1.5_imp", false, false),
                new Run("milstein_imp", true, false), new Run("explicit1.5", true, false),
                new Run("explicit1.5", true, true))) {
            StochasticOptions or = o.withMethod(run.method()).withHeterodyne(run.heterodyne());
            java.util.function.Function<TaskMap, StochasticResult> solve = map -> run.sse()
                    ? ssesolve(h, basis(n, 0), times, List.of(sc), List.of(x), or.withMap(map))
                    : smesolve(h, basis(n, 0), times, List.of(c), List.of(sc), List.of(x), or.withMap(map));
            StochasticResult serial = solve.apply(TaskMap.serial());
            for (TaskMap map : List.of(TaskMap.threads(1), TaskMap.threads(2))) {
                StochasticResult par = solve.apply(map);
                assertArrayEquals(serial.expect(0), par.expect(0), 0.0, run.toString());
                assertArrayEquals(serial.standardError(0), par.standardError(0), 0.0, run.toString());
                for (int j = 0; j < 9; j++) {
                    for (int ch = 0; ch < serial.measurement(j).length; ch++) {
                        assertArrayEquals(serial.measurement(j)[ch], par.measurement(j)[ch], 0.0, run.toString());
                    }
                }
            }
        }
    }

    @Test
    void refusesWhatItCannotDo() {
        for (String method : List.of("milstein_imp", "taylor1.5_imp")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new SseSolver(H, List.of(S), StochasticOptions.defaults().withMethod(method)));
            assertTrue(e.getMessage().startsWith("ssesolve: the drift-implicit method '" + method + "'"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("smesolve only"), e.getMessage());
        }
        StochasticOptions d = StochasticOptions.defaults();
        assertEquals("spsolve", d.solveMethod());
        assertEquals(Map.of(), d.solveOptions());
        assertThrows(IllegalArgumentException.class, () -> d.withSolveMethod("lu"));
        assertThrows(NullPointerException.class, () -> d.withSolveMethod(null));
        IllegalArgumentException direct = assertThrows(IllegalArgumentException.class,
                () -> d.withSolveOptions(Map.of("rtol", 1e-8)));
        assertTrue(direct.getMessage().contains("'spsolve'"), direct.getMessage());
        StochasticOptions g = d.withSolveMethod("gmres");
        assertThrows(IllegalArgumentException.class, () -> g.withSolveOptions(Map.of("bogus", 1.0)));
        assertThrows(IllegalArgumentException.class, () -> g.withSolveOptions(Map.of("rtol", Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> g.withSolveOptions(Map.of("rtol", 0.0)));
        assertThrows(IllegalArgumentException.class, () -> g.withSolveOptions(Map.of("maxiter", 2.5)));
        assertThrows(IllegalArgumentException.class, () -> g.withSolveOptions(Map.of("rtol", 1e-8, "tol", 1e-8)));
        assertThrows(IllegalArgumentException.class,
                () -> d.withSolveMethod("bicgstab").withSolveOptions(Map.of("restart", 10.0)));
        assertEquals(Map.of("restart", 30.0, "rtol", 1e-9),
                g.withSolveOptions(Map.of("rtol", 1e-9, "restart", 30.0)).solveOptions());
    }
}
