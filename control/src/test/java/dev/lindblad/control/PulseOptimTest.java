package dev.lindblad.control;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.DimensionMismatchException;
import dev.lindblad.Qobj;
import dev.lindblad.parallel.Parallelism;
import dev.lindblad.parallel.TaskMap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GRAPE and CRAB reaching gates, termination, bounds, starts and the parallel bits. */
class PulseOptimTest {

    static final Qobj X = sigmax();
    static final Qobj Y = sigmay();
    static final Qobj Z = sigmaz();
    static final Qobj I = qeye(2);

    static Qobj cnot() {
        Qobj flat = Qobj.fromArray(new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 0, 1}, {0, 0, 1, 0}});
        return Qobj.of(flat.data(), tensor(I, I).dims());
    }

    static Qobj exchange() {
        return tensor(X, X).plus(tensor(Y, Y)).plus(tensor(Z, Z)).times(0.5);
    }

    static List<Qobj> localControls() {
        return List.of(tensor(X, I), tensor(Y, I), tensor(I, X), tensor(I, Y));
    }

    /** Tight enough that only the fidelity target ends a run that converges. */
    static PulseOptions tight() {
        return PulseOptions.defaults().withAccuracyFactor(1).withMinGrad(1e-20).withMaxIter(2000);
    }

    /** @return |tr(A^† B)| / N, the phase-insensitive overlap of two gates */
    static double overlap(Qobj a, Qobj b) {
        return a.dag().times(b).tr().abs() / a.shape()[0];
    }

    /** The product of exp(-i H_k τ), assembled independently of the optimiser with Qobj.expm. */
    static Qobj unitaryProduct(Qobj hd, List<Qobj> hc, Qobj u0, double[][] amps, double evoTime) {
        double dt = evoTime / amps.length;
        Qobj u = u0;
        for (double[] row : amps) {
            Qobj h = hd;
            for (int j = 0; j < hc.size(); j++) {
                h = h.plus(hc.get(j).times(row[j]));
            }
            u = h.times(dt).times(new dev.lindblad.Complex(0, -1)).expm().times(u);
        }
        return u;
    }

    @Test
    void cnotToBelow1e10() {
        OptimResult r = PulseOptim.optimizePulseUnitary(exchange(), localControls(), tensor(I, I), cnot(), 100, 6.0,
                tight().withAmpBounds(-5, 5).withSeed(1L));
        assertTrue(r.fidErr() < 1e-10, r.toString());
        assertEquals("Goal achieved", r.terminationReason());
        assertEquals(r.fidErr(), 1 - overlap(cnot(), r.evoFullFinal()), 1e-13);
        Qobj check = unitaryProduct(exchange(), localControls(), tensor(I, I), r.finalAmps(), 6.0);
        assertArrayEquals(check.toArray(), r.evoFullFinal().toArray(), 1e-12);
        for (double[] row : r.finalAmps()) {
            for (double u : row) {
                assertTrue(u >= -5 && u <= 5, "amplitude inside the bounds: " + u);
            }
        }
        assertEquals(100, r.finalAmps().length);
        assertEquals(4, r.finalAmps()[0].length);
        assertEquals(6.0, r.time()[100], 1e-12);
    }

    @Test
    void hadamardToBelow1e10() {
        double s = 1 / Math.sqrt(2);
        Qobj had = Qobj.fromArray(new double[][] {{s, s}, {s, -s}});
        OptimResult r = PulseOptim.optimizePulseUnitary(Z, List.of(X), I, had, 10, 10.0, tight().withSeed(3L));
        assertTrue(r.fidErr() < 1e-10, r.toString());
        assertTrue(r.goalAchieved());
        assertEquals(1, overlap(had, r.evoFullFinal()), 1e-10);
    }

    static Qobj site(Qobj op, int i, int n) {
        Qobj[] p = new Qobj[n];
        for (int k = 0; k < n; k++) {
            p[k] = k == i ? op : I;
        }
        return tensor(p);
    }

    /** A Heisenberg chain of three qubits with X and Y on each. */
    static Qobj chainDrift(int n) {
        Qobj hd = null;
        for (int i = 0; i + 1 < n; i++) {
            Qobj t = site(X, i, n).times(site(X, i + 1, n)).plus(site(Y, i, n).times(site(Y, i + 1, n)))
                    .plus(site(Z, i, n).times(site(Z, i + 1, n))).times(0.5);
            hd = hd == null ? t : hd.plus(t);
        }
        return hd;
    }

    static List<Qobj> chainControls(int n) {
        List<Qobj> hc = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hc.add(site(X, i, n));
            hc.add(site(Y, i, n));
        }
        return hc;
    }

    static Qobj toffoli() {
        double[][] t = new double[8][8];
        for (int i = 0; i < 6; i++) {
            t[i][i] = 1;
        }
        t[6][7] = 1;
        t[7][6] = 1;
        return Qobj.of(Qobj.fromArray(t).data(), tensor(I, I, I).dims());
    }

    @Test
    void toffoliOnAThreeQubitChainToBelow1e10() {
        OptimResult r = PulseOptim.optimizePulseUnitary(chainDrift(3), chainControls(3), tensor(I, I, I), toffoli(), 100, 10.0,
                tight().withAmpBounds(-5, 5).withSeed(1L));
        assertTrue(r.fidErr() < 1e-10, r.toString());
        Qobj check = unitaryProduct(chainDrift(3), chainControls(3), tensor(I, I, I), r.finalAmps(), 10.0);
        assertEquals(1, overlap(toffoli(), check), 1e-10);
    }

    @Test
    void stateTransferWithKets() {
        // |00> to the Bell state (|00> + |11>)/sqrt 2; PSU on kets is |<target|psi>|
        Qobj bell = tensor(basis(2, 0), basis(2, 0)).plus(tensor(basis(2, 1), basis(2, 1))).unit();
        OptimResult r = PulseOptim.optimizePulseUnitary(exchange(), localControls(), tensor(basis(2, 0), basis(2, 0)),
                bell, 40, 4.0, tight().withSeed(5L));
        assertTrue(r.fidErr() < 1e-10, r.toString());
        assertEquals(1, bell.overlap(r.evoFullFinal()).abs(), 1e-10);
        assertTrue(r.evoFullFinal().isKet());
    }

    static Qobj hadamard() {
        return DynamicsGradientTest.hadamard();
    }

    @Test
    void openQubitWithoutDissipationReachesTheChannel() {
        Qobj h = hadamard();
        OptimResult r = PulseOptim.optimizePulse(Z.times(0.5), List.of(X, Y), List.of(), I, h, 20, 3.0,
                tight().withSeed(2L));
        assertTrue(r.fidErr() < 1e-10, r.toString());
        assertTrue(r.evoFullFinal().isSuper());
    }

    @Test
    void openQubitUnderDephasing() {
        double gamma = 0.05;
        Qobj h0 = Z.times(0.5);
        List<Qobj> hc = List.of(X, Y);
        List<Qobj> cOps = List.of(Z.times(Math.sqrt(gamma)));
        Qobj had = hadamard();
        int nTs = 20;
        double t = 3.0;
        OptimResult closed = PulseOptim.optimizePulse(h0, hc, List.of(), I, had, nTs, t, tight().withSeed(2L));
        OptimResult open = PulseOptim.optimizePulse(h0, hc, cOps, I, had, nTs, t, tight().withSeed(2L));
        // the evolution is the product of the slices' exp(L_k dt), L_k = liouvillian(H_k, cOps) built apart
        double dt = t / nTs;
        Qobj e = sprepost(I, I);
        double[][] amps = open.finalAmps();
        for (double[] row : amps) {
            Qobj hk = h0.plus(X.times(row[0])).plus(Y.times(row[1]));
            e = liouvillian(hk, cOps).times(dt).expm().times(e);
        }
        assertArrayEquals(e.toArray(), open.evoFullFinal().toArray(), 1e-12);
        Qobj target = sprepost(had, had.dag());
        double err = Math.pow(target.minus(e).frobeniusNorm(), 2) / 8;
        assertEquals(err, open.fidErr(), 1e-14);
        // dephasing makes the gate unreachable: a positive error, smaller than that of the
        // closed-system optimum run under the same dephasing
        PulseDynamics noisy = PulseDynamics.general(liouvillian(h0, cOps),
                List.of(liouvillian(X), liouvillian(Y)), sprepost(I, I), target, nTs, t);
        double closedUnderNoise = noisy.fidErr(closed.finalAmps());
        assertTrue(open.fidErr() > 1e-6, "dephasing leaves an error: " + open.fidErr());
        assertTrue(open.fidErr() < closedUnderNoise, open.fidErr() + " vs " + closedUnderNoise);
        assertTrue(open.fidErr() < 0.5 * open.initialFidErr());
        assertTrue(open.numIter() > 0);
    }

    @Test
    void crabReachesAHadamard() {
        OptimResult r = PulseOptim.optimizePulseUnitary(Z, List.of(X), I, hadamard(), 100, 10.0,
                PulseOptions.defaults().withAlg("CRAB").withNumCoeffs(5).withFidErrTarg(1e-4).withMaxIter(2000)
                        .withSeed(11L));
        assertEquals("Goal achieved", r.terminationReason(), r.toString());
        assertTrue(r.fidErr() <= 1e-4);
        assertEquals(1 - r.fidErr(), overlap(hadamard(), r.evoFullFinal()), 1e-12);
        assertEquals(0.0, r.gradNormFinal());
    }

    @Test
    void crabRespectsBoundsSmoothly() {
        OptimResult r = PulseOptim.optimizePulseUnitary(Z, List.of(X), I, hadamard(), 50, 10.0,
                PulseOptions.defaults().withAlg("CRAB").withAmpBounds(-0.5, 0.8).withMaxIter(50).withSeed(4L));
        for (double[][] amps : List.of(r.initialAmps(), r.finalAmps())) {
            for (double[] row : amps) {
                assertTrue(row[0] > -0.5 && row[0] < 0.8, "tanh keeps the pulse strictly inside: " + row[0]);
            }
        }
    }

    @Test
    void terminationReasons() {
        Qobj had = hadamard();
        PulseOptions base = tight().withSeed(3L);
        OptimResult iter = PulseOptim.optimizePulseUnitary(Z, List.of(X), I, had, 10, 10.0, base.withMaxIter(2));
        assertEquals(OptimResult.Termination.MAX_ITER, iter.termination());
        assertEquals("Iteration or fidelity function call limit reached", iter.terminationReason());
        assertEquals(2, iter.numIter());
        OptimResult wall = PulseOptim.optimizePulseUnitary(Z, List.of(X), I, had, 10, 10.0, base.withMaxWallTime(1e-12));
        assertEquals("Max wall time exceeded", wall.terminationReason());
        assertEquals(1, wall.numIter());
        OptimResult grad = PulseOptim.optimizePulseUnitary(Z, List.of(X), I, had, 10, 10.0, base.withMinGrad(1e3));
        assertEquals("Gradient normal minimum reached", grad.terminationReason());
        assertTrue(grad.gradNormFinal() < 1e3 && grad.gradNormFinal() > 0);
        // an unreachable target (T too short for the bounded control): L-BFGS-B converges
        OptimResult conv = PulseOptim.optimizePulseUnitary(Z, List.of(X), I, had, 10, 0.5,
                PulseOptions.defaults().withAmpBounds(-1, 1).withSeed(3L));
        assertEquals("function converged", conv.terminationReason());
        assertTrue(conv.fidErr() > 1e-3);
    }

    @Test
    void boundsAreHonouredAndActive() {
        OptimResult r = PulseOptim.optimizePulseUnitary(Z, List.of(X), I, hadamard(), 10, 0.5,
                PulseOptions.defaults().withAmpBounds(-1, 1).withSeed(3L));
        int atBound = 0;
        for (double[] row : r.finalAmps()) {
            assertTrue(row[0] >= -1 && row[0] <= 1);
            if (Math.abs(row[0]) == 1) {
                atBound++;
            }
        }
        assertTrue(atBound > 0, "a too-short time pushes amplitudes to the bounds");
    }

    @Test
    void initialPulseTypes() {
        Qobj had = hadamard();
        PulseOptions o = PulseOptions.defaults().withMaxIter(0).withSeed(1L);
        double[][] zero = PulseOptim.optimizePulseUnitary(Z, List.of(X, Y), I, had, 8, 2.0,
                o.withInitPulseType("ZERO").withPulseOffset(0.25)).initialAmps();
        for (double[] row : zero) {
            assertArrayEquals(new double[] {0.25, 0.25}, row, 0.0);
        }
        double[][] lin = PulseOptim.optimizePulseUnitary(Z, List.of(X), I, had, 5, 2.0,
                o.withInitPulseType("lin")).initialAmps();
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, new double[] {lin[0][0], lin[1][0], lin[2][0],
                lin[3][0], lin[4][0]}, 1e-15);
        double[][] rnd = PulseOptim.optimizePulseUnitary(Z, List.of(X, Y), I, had, 50, 2.0,
                o.withAmpBounds(-0.3, 0.3)).initialAmps();
        double[][] again = PulseOptim.optimizePulseUnitary(Z, List.of(X, Y), I, had, 50, 2.0,
                o.withAmpBounds(-0.3, 0.3)).initialAmps();
        for (int k = 0; k < 50; k++) {
            assertArrayEquals(rnd[k], again[k], 0.0, "the seed repeats the random pulse");
            assertTrue(rnd[k][0] >= -0.3 && rnd[k][0] <= 0.3);
        }
        assertTrue(rnd[0][0] != rnd[0][1], "each control draws its own pulse");
        for (String type : PulseOptions.PULSE_TYPES) {
            OptimResult r = PulseOptim.optimizePulseUnitary(Z, List.of(X), I, had, 12, 2.0, o.withInitPulseType(type));
            assertEquals(12, r.initialAmps().length, type);
        }
    }

    /** Same bits whatever the thread count: the slices split over the kernel threads or not. */
    @Test
    void parallelSlicesGiveTheSerialBits() {
        double[][][] amps = new double[2][][];
        double[] errs = new double[2];
        try {
            Parallelism.threshold(1);   // split every slice loop
            for (int run = 0; run < 2; run++) {
                Parallelism.threads(run == 0 ? 1 : 2);
                OptimResult r = PulseOptim.optimizePulseUnitary(exchange(), localControls(), tensor(I, I), cnot(), 60,
                        6.0, tight().withAmpBounds(-5, 5).withSeed(9L).withMaxIter(15));
                amps[run] = r.finalAmps();
                errs[run] = r.fidErr();
            }
        } finally {
            Parallelism.threshold(0);
            Parallelism.resetThreads();
        }
        assertEquals(errs[0], errs[1], 0.0);
        for (int k = 0; k < 60; k++) {
            assertArrayEquals(amps[0][k], amps[1][k], 0.0);
        }
    }

    @Test
    void parallelOpenSystemGradientGivesTheSerialBits() {
        Qobj target = sprepost(cnot(), cnot().dag());
        PulseDynamics d = PulseDynamics.general(liouvillian(exchange(), List.of(tensor(Z, I).times(0.2))),
                localControls().stream().map(h -> liouvillian(h)).toList(), sprepost(tensor(I, I), tensor(I, I)),
                target, 16, 3.0);
        double[][] amps = new double[16][4];
        for (int k = 0; k < 16; k++) {
            for (int j = 0; j < 4; j++) {
                amps[k][j] = Math.sin(0.3 * k + j);
            }
        }
        double[][][] g = new double[2][][];
        try {
            Parallelism.threshold(1);
            for (int run = 0; run < 2; run++) {
                Parallelism.threads(run + 1);
                g[run] = d.copy().fidErrGrad(amps);
            }
        } finally {
            Parallelism.threshold(0);
            Parallelism.resetThreads();
        }
        for (int k = 0; k < 16; k++) {
            assertArrayEquals(g[0][k], g[1][k], 0.0);
        }
    }

    @Test
    void severalStartsKeepTheBestWithTheSameBitsOnAnyMap() {
        PulseOptions o = tight().withAmpBounds(-5, 5).withSeed(21L).withMaxIter(8).withNumStarts(3);
        OptimResult serial = PulseOptim.optimizePulseUnitary(exchange(), localControls(), tensor(I, I), cnot(), 30, 6.0,
                o.withMap(TaskMap.serial()));
        OptimResult threads = PulseOptim.optimizePulseUnitary(exchange(), localControls(), tensor(I, I), cnot(), 30,
                6.0, o.withMap(TaskMap.threads(3)));
        assertArrayEquals(serial.startFidErrs(), threads.startFidErrs(), 0.0);
        assertEquals(serial.start(), threads.start());
        double min = Double.POSITIVE_INFINITY;
        for (double e : serial.startFidErrs()) {
            min = Math.min(min, e);
        }
        assertEquals(min, serial.fidErr(), 0.0);
        assertEquals(serial.startFidErrs()[serial.start()], serial.fidErr(), 0.0);
        assertEquals(3, serial.startFidErrs().length);
        assertTrue(serial.startFidErrs()[0] != serial.startFidErrs()[1], "each start has its own pulse");
        // start 0 of several is the single-start run of the same master seed
        OptimResult one = PulseOptim.optimizePulseUnitary(exchange(), localControls(), tensor(I, I), cnot(), 30, 6.0,
                o.withNumStarts(1));
        assertEquals(one.fidErr(), serial.startFidErrs()[0], 0.0);
        assertEquals(21L, one.seed());
    }

    @Test
    void grapeFromGivenAmplitudes() {
        PulseDynamics d = PulseDynamics.unitary(exchange(), localControls(), tensor(I, I), cnot(), 100, 6.0, null);
        double[][] amps = new double[100][4];
        for (int k = 0; k < 100; k++) {
            for (int j = 0; j < 4; j++) {
                amps[k][j] = Math.sin(0.37 * k + 1.1 * j + 0.3);
            }
        }
        amps[7][2] = 6.5;   // outside the bounds: moved onto them
        OptimResult r = PulseOptim.optimizePulse(d, amps, tight().withAmpBounds(-5, 5));
        assertTrue(r.fidErr() < 1e-10, r.toString());
        double[][] start = r.initialAmps();
        amps[7][2] = 5;
        for (int k = 0; k < 100; k++) {
            assertArrayEquals(amps[k], start[k], 0.0);
        }
        assertEquals(d.fidErr(amps), r.initialFidErr(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> PulseOptim.optimizePulse(d, amps, PulseOptions.defaults()
                .withAlg("CRAB")));
    }

    @Test
    void badInputIsRefusedWithItsName() {
        Qobj nonHermitian = sigmap();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PulseOptim.optimizePulseUnitary(Z, List.of(nonHermitian), I, hadamard(), 10, 1.0));
        assertTrue(e.getMessage().contains("control Hamiltonian 0"), e.getMessage());
        assertThrows(DimensionMismatchException.class,
                () -> PulseOptim.optimizePulseUnitary(Z, List.of(tensor(X, I)), I, hadamard(), 10, 1.0));
        assertThrows(DimensionMismatchException.class,
                () -> PulseOptim.optimizePulseUnitary(Z, List.of(X), I, cnot(), 10, 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> PulseOptim.optimizePulseUnitary(Z, List.of(), I, hadamard(), 10, 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> PulseOptim.optimizePulseUnitary(Z, List.of(X), I, hadamard(), 0, 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> PulseOptim.optimizePulseUnitary(Z, List.of(X), I, hadamard(), 10, -1.0));
        assertThrows(IllegalArgumentException.class, () -> PulseOptim.optimizePulse(Z, List.of(X), List.of(), I,
                hadamard(), 10, 1.0, PulseOptions.defaults().withFidType("PSU")));
        assertThrows(IllegalArgumentException.class, () -> PulseOptions.defaults().withAlg("KROTOV"));
        assertThrows(IllegalArgumentException.class, () -> PulseOptions.defaults().withAmpBounds(1, -1));
        assertThrows(IllegalArgumentException.class, () -> PulseOptions.defaults().withInitPulseType("LORENTZIAN"));
        assertThrows(IllegalArgumentException.class, () -> PulseOptions.defaults().withNumStarts(0));
        assertThrows(IllegalArgumentException.class, () -> PulseOptions.defaults().withMaxWallTime(0));
        assertThrows(NullPointerException.class,
                () -> PulseOptim.optimizePulseUnitary(null, List.of(X), I, hadamard(), 10, 1.0));
        assertThrows(IllegalArgumentException.class, () -> PulseDynamics.unitary(Z, List.of(X), I, hadamard(), 4, 1.0,
                "PSU").fidErr(new double[3][1]));
    }
}
