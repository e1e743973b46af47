package dev.lindblad.control;

import static dev.lindblad.Lindblad.*;
import static dev.lindblad.control.QutipReferenceTest.REF;
import static dev.lindblad.control.QutipReferenceTest.assertMatrix;
import static dev.lindblad.control.QutipReferenceTest.matrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.Qobj;
import dev.lindblad.testing.Reference;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue #17's additions: per-control amplitude bounds, per-slice durations {@code tau}, and
 * qtrl's other initial pulse generators; against qtrl (reference/control.txt), closed forms and
 * finite differences.
 */
class BoundsTauPulsesTest {

    static final double[] LB = {-1.0, -0.5, -2.0, -0.3};
    static final double[] UB = {0.8, 1.5, 0.4, 2.0};

    static PulseDynamics cnotTau(double[] tau) {
        return PulseDynamics.unitary(PulseOptimTest.exchange(), PulseOptimTest.localControls(),
                tensor(qeye(2), qeye(2)), PulseOptimTest.cnot(), tau, "PSU");
    }

    // ---- per-slice durations ----

    @Test
    void cnotWithNonUniformTauAsQtrl() {
        Reference.Case c = REF.get("cnot_tau_psu");
        PulseDynamics d = cnotTau(c.reals("tau"));
        double[][] amps = matrix(c, "amps");
        assertEquals(c.scalar("fid_err"), d.fidErr(amps), 1e-13);
        assertMatrix(matrix(c, "grad"), d.fidErrGrad(amps), 1e-12);
        assertArrayEquals(c.complexes("evo_full"), d.evoFull(amps).toArray(), 1e-13);
    }

    @Test
    void openQubitWithNonUniformTauAsQtrl() {
        Reference.Case c = REF.get("open_dephasing_tau");
        Qobj drift = liouvillian(sigmaz().times(0.5), List.of(sigmaz().times(Math.sqrt(c.scalar("gamma")))));
        List<Qobj> ctrls = List.of(liouvillian(sigmax()), liouvillian(sigmay()));
        Qobj h = DynamicsGradientTest.hadamard();
        PulseDynamics d = PulseDynamics.general(drift, ctrls, sprepost(qeye(2), qeye(2)), sprepost(h, h.dag()),
                c.reals("tau"));
        double[][] amps = matrix(c, "amps");
        assertEquals(c.scalar("fid_err"), d.fidErr(amps), 1e-13);
        assertMatrix(matrix(c, "grad"), d.fidErrGrad(amps), 1e-11);
        assertArrayEquals(c.complexes("evo_full"), d.evoFull(amps).toArray(), 1e-13);
    }

    static double[] uneven(int n) {
        double[] tau = new double[n];
        for (int k = 0; k < n; k++) {
            tau[k] = 0.05 + 0.9 * ((k * 7) % n) / n;    // 0.05 .. 0.95, shuffled
        }
        return tau;
    }

    @Test
    void nonUniformTauGradientsMatchFiniteDifferences() {
        double[] tau = uneven(11);
        for (String fid : List.of("PSU", "SU", "TRACEDIFF")) {
            PulseDynamics d = PulseDynamics.unitary(PulseOptimTest.exchange(), PulseOptimTest.localControls(),
                    tensor(qeye(2), qeye(2)), PulseOptimTest.cnot(), tau, fid);
            DynamicsGradientTest.checkGradient(d.dynamics(), DynamicsGradientTest.randomAmps(44, 3), 1e-7);
        }
        Qobj drift = liouvillian(sigmaz().times(0.5), List.of(sigmaz().times(Math.sqrt(0.1))));
        Qobj h = DynamicsGradientTest.hadamard();
        PulseDynamics open = PulseDynamics.general(drift, List.of(liouvillian(sigmax()), liouvillian(sigmay())),
                sprepost(qeye(2), qeye(2)), sprepost(h, h.dag()), tau);
        DynamicsGradientTest.checkGradient(open.dynamics(), DynamicsGradientTest.randomAmps(22, 4), 1e-7);
    }

    /**
     * {@code H = u σx} on a qubit, target the identity, PSU: {@code U = exp(-i θ σx)} with
     * {@code θ = Σ_k u_k τ_k}, error {@code 1 - |cos θ|}, gradient
     * {@code sign(cos θ) sin θ τ_k}: each slice's derivative carries its own duration.
     */
    @Test
    void singleQubitClosedFormWithTau() {
        double[] tau = {0.3, 0.05, 1.1, 0.42};
        double[][] amps = {{0.7}, {-1.3}, {0.25}, {0.9}};
        PulseDynamics d = PulseDynamics.unitary(sigmaz().times(0.0), List.of(sigmax()), qeye(2), qeye(2), tau,
                "PSU");
        double theta = 0;
        for (int k = 0; k < tau.length; k++) {
            theta += amps[k][0] * tau[k];
        }
        assertEquals(1 - Math.abs(Math.cos(theta)), d.fidErr(amps), 1e-14);
        double[][] g = d.fidErrGrad(amps);
        for (int k = 0; k < tau.length; k++) {
            assertEquals(Math.signum(Math.cos(theta)) * Math.sin(theta) * tau[k], g[k][0], 1e-14, "slice " + k);
        }
    }

    /** A slice split in two of the same amplitude is the same evolution; the halves' gradients add up. */
    @Test
    void splittingASliceChangesNothing() {
        double[] tau = {0.4, 0.7, 0.25};
        double[] split = {0.4, 0.3, 0.4, 0.25};
        double[][] amps = {{0.3, -0.8, 1.1, 0.2}, {-0.6, 0.5, 0.9, -1.4}, {1.2, 0.1, -0.3, 0.7}};
        double[][] ampsSplit = {amps[0], amps[1], amps[1], amps[2]};
        PulseDynamics d = cnotTau(tau);
        PulseDynamics s = cnotTau(split);
        assertArrayEquals(d.evoFull(amps).toArray(), s.evoFull(ampsSplit).toArray(), 1e-13);
        assertEquals(d.fidErr(amps), s.fidErr(ampsSplit), 1e-14);
        double[][] g = d.fidErrGrad(amps);
        double[][] gs = s.fidErrGrad(ampsSplit);
        for (int j = 0; j < 4; j++) {
            assertEquals(g[0][j], gs[0][j], 1e-13);
            assertEquals(g[1][j], gs[1][j] + gs[2][j], 1e-13);
            assertEquals(g[2][j], gs[3][j], 1e-13);
        }
        assertArrayEquals(split, s.tau());
    }

    @Test
    void optimiseCnotWithNonUniformTau() {
        double[] tau = REF.get("cnot_tau_psu").reals("tau");
        OptimResult r = PulseOptim.optimizePulseUnitary(PulseOptimTest.exchange(), PulseOptimTest.localControls(),
                tensor(qeye(2), qeye(2)), PulseOptimTest.cnot(), tau,
                PulseOptions.defaults().withAmpBounds(-5, 5).withInitPulseType("SINE").withSeed(5L)
                        .withAccuracyFactor(1).withMinGrad(1e-20));
        assertTrue(r.fidErr() < 1e-10, r.toString());
        // the product of the slices' exponentials with their own durations reaches the CNOT
        Qobj u = tensor(qeye(2), qeye(2));
        for (int k = 0; k < tau.length; k++) {
            Qobj hk = PulseOptimTest.exchange();
            for (int j = 0; j < 4; j++) {
                hk = hk.plus(PulseOptimTest.localControls().get(j).times(r.finalAmps()[k][j]));
            }
            u = hk.times(new dev.lindblad.Complex(0, -tau[k])).expm().times(u);
        }
        assertEquals(1.0, u.dag().times(PulseOptimTest.cnot()).tr().abs() / 4, 1e-10);
        double[] time = r.time();
        assertEquals(tau.length + 1, time.length);
        assertEquals(0.15 * 20 + 0.02 * 190, time[tau.length], 1e-12);
    }

    /** The Hamiltonian form of an open system with tau is the Liouvillian form with the same tau. */
    @Test
    void openSystemWithTauFromHamiltonians() {
        double[] tau = uneven(8);
        Qobj h = DynamicsGradientTest.hadamard();
        List<Qobj> cOps = List.of(sigmaz().times(Math.sqrt(0.02)));
        PulseOptions o = PulseOptions.defaults().withAmpBounds(new double[] {-2, -1}, new double[] {2, 1})
                .withSeed(8L).withMaxIter(30);
        OptimResult a = PulseOptim.optimizePulse(sigmaz().times(0.5), List.of(sigmax(), sigmay()), cOps, qeye(2), h,
                tau, o);
        OptimResult b = PulseOptim.optimizePulse(liouvillian(sigmaz().times(0.5), cOps),
                List.of(liouvillian(sigmax()), liouvillian(sigmay())), sprepost(qeye(2), qeye(2)),
                sprepost(h, h.dag()), tau, o);
        assertEquals(b.fidErr(), a.fidErr(), 0.0);
        assertMatrix(b.finalAmps(), a.finalAmps(), 0.0);
        assertTrue(a.fidErr() < a.initialFidErr(), a.toString());
        assertTrue(max(a.finalAmps(), 1) <= 1 && min(a.finalAmps(), 1) >= -1);
    }

    @Test
    void badTauIsRefused() {
        for (double[] bad : new double[][] {{}, {0.1, 0.0}, {0.1, -0.2}, {0.1, Double.NaN},
                {Double.POSITIVE_INFINITY}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cnotTau(bad));
            assertTrue(e.getMessage().startsWith("tau"), e.getMessage());
        }
        assertThrows(NullPointerException.class, () -> cnotTau(null));
    }

    // ---- per-control bounds ----

    /** qtrl's L-BFGS-B with list bounds from the same start: 2 iterations (the same steps), and to the goal. */
    @Test
    void perControlBoundsFollowQtrl() {
        for (String name : List.of("cnot_bounds_tau_iter2", "cnot_bounds_tau_iter200")) {
            Reference.Case c = REF.get(name);
            assertArrayEquals(LB, c.reals("lbound"));
            assertArrayEquals(UB, c.reals("ubound"));
            PulseDynamics d = cnotTau(c.reals("tau"));
            boolean exact = name.endsWith("iter2");
            // after two iterations the two L-BFGS-B implementations part (by rounding-level
            // differences in the subspace step, with scalar bounds too), so the goal run is
            // compared by its outcome, with a tight accuracy factor here
            PulseOptions o = PulseOptions.defaults().withAmpBounds(LB, UB).withMaxIter(c.ints("max_iter")[0]);
            OptimResult r = PulseOptim.optimizePulse(d, matrix(c, "amps"), exact ? o : o.withAccuracyFactor(1));
            assertEquals(c.text("termination_reason"), r.terminationReason(), name);
            if (exact) {
                assertEquals(c.ints("num_iter")[0], r.numIter(), name);
            }
            double[][] fin = r.finalAmps();
            for (double[] row : fin) {
                for (int j = 0; j < 4; j++) {
                    assertTrue(row[j] >= LB[j] && row[j] <= UB[j], name + ": control " + j + " = " + row[j]);
                }
            }
            if (exact) {
                assertEquals(c.scalar("fid_err"), r.fidErr(), 1e-12, name);
                assertMatrix(matrix(c, "final_amps"), fin, 1e-10);
            } else {
                assertTrue(r.fidErr() <= 1e-10 && c.scalar("fid_err") <= 1e-10, name);
            }
            // some controls rest on their own bounds (that they differ is the point)
            int onBound = 0;
            for (double[] row : fin) {
                for (int j = 0; j < 4; j++) {
                    onBound += row[j] == LB[j] || row[j] == UB[j] ? 1 : 0;
                }
            }
            assertTrue(onBound > 0, name + ": no amplitude on a bound");
        }
    }

    @Test
    void perControlBoundsShapeTheInitialPulses() {
        PulseOptions o = PulseOptions.defaults().withAmpBounds(LB, UB).withSeed(11L).withMaxIter(0);
        for (String type : List.of("RND", "SINE", "LIN", "RNDWALK2", "GAUSSIAN")) {
            OptimResult r = PulseOptim.optimizePulseUnitary(PulseOptimTest.exchange(), PulseOptimTest.localControls(),
                    tensor(qeye(2), qeye(2)), PulseOptimTest.cnot(), 30, 6.0, o.withInitPulseType(type));
            double[][] a = r.initialAmps();
            for (int j = 0; j < 4; j++) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (double[] row : a) {
                    min = Math.min(min, row[j]);
                    max = Math.max(max, row[j]);
                }
                assertTrue(min >= LB[j] && max <= UB[j], type + " control " + j + ": [" + min + ", " + max + "]");
            }
        }
        // SINE (amplitude 1) into [-0.5, 1.5] fits after no scaling; into [-0.3, 2] likewise; into
        // [-1, 0.8] it is squeezed to width 1.8 and shifted to start at -1 (qtrl's rule per control)
        double[] tau = PulseDynamics.tau(30, 6.0);
        OptimResult r = PulseOptim.optimizePulseUnitary(PulseOptimTest.exchange(), PulseOptimTest.localControls(),
                tensor(qeye(2), qeye(2)), PulseOptimTest.cnot(), 30, 6.0, o.withInitPulseType("SINE"));
        for (int j = 0; j < 4; j++) {
            double[] expected = PulseGen.generate("SINE", tau, 1.0, 0.0, LB[j], UB[j], null);
            for (int k = 0; k < 30; k++) {
                assertEquals(expected[k], r.initialAmps()[k][j], 0.0);
            }
        }
        assertEquals(-1.0, min(r.initialAmps(), 0), 1e-12);
        assertEquals(0.8, max(r.initialAmps(), 0), 1e-12);
    }

    static double min(double[][] a, int j) {
        double m = Double.POSITIVE_INFINITY;
        for (double[] row : a) {
            m = Math.min(m, row[j]);
        }
        return m;
    }

    static double max(double[][] a, int j) {
        double m = Double.NEGATIVE_INFINITY;
        for (double[] row : a) {
            m = Math.max(m, row[j]);
        }
        return m;
    }

    @Test
    void crabHonoursPerControlBounds() {
        double[] lb = {-0.2, -3.0};
        double[] ub = {0.1, 3.0};
        OptimResult r = PulseOptim.optimizePulseUnitary(sigmaz().times(0.5), List.of(sigmax(), sigmay()), qeye(2),
                DynamicsGradientTest.hadamard(), 20, 3.0, PulseOptions.defaults().withAlg("CRAB")
                        .withAmpBounds(lb, ub).withSeed(3L).withMaxIter(300).withPulseScaling(3.0));
        for (double[][] a : List.of(r.initialAmps(), r.finalAmps())) {
            for (int j = 0; j < 2; j++) {
                // tanh keeps them inside, up to the rounding of tanh(v) (ub - lb)/2 + (ub + lb)/2
                assertTrue(min(a, j) >= lb[j] - 1e-15 && max(a, j) <= ub[j] + 1e-15,
                        "control " + j + ": [" + min(a, j) + ", " + max(a, j) + "]");
            }
            // tanh bounding: control 1's range is far wider than control 0's
            assertTrue(max(a, 1) - min(a, 1) > 0.3, "control 1 uses more than control 0's width");
        }
    }

    @Test
    void badPerControlBoundsAreRefused() {
        PulseOptions three = PulseOptions.defaults().withAmpBounds(new double[] {-1, -1, -1}, new double[] {1, 1, 1});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PulseOptim.optimizePulseUnitary(PulseOptimTest.exchange(), PulseOptimTest.localControls(),
                        tensor(qeye(2), qeye(2)), PulseOptimTest.cnot(), 10, 6.0, three));
        assertTrue(e.getMessage().contains("4 controls") && e.getMessage().contains("3 entries"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PulseOptim.optimizePulse(cnotTau(uneven(5)),
                new double[5][4], three));
        assertTrue(e.getMessage().contains("one bound per control"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PulseOptions.defaults().withAmpBounds(new double[] {-1, -1}, new double[] {1, 1, 1}));
        assertTrue(e.getMessage().contains("same length"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PulseOptions.defaults().withAmpBounds(new double[] {-1, 2}, new double[] {1, 1}));
        assertTrue(e.getMessage().contains("control 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PulseOptions.defaults().withAmpBounds(new double[] {-1, Double.NaN}, null));
        assertTrue(e.getMessage().contains("ampLbounds[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PulseOptions.defaults().withAmpBounds(new double[0], null));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        // an upper list below the scalar lower bound
        e = assertThrows(IllegalArgumentException.class,
                () -> PulseOptions.defaults().withAmpLbound(0.0).withAmpBounds(null, new double[] {1, -1}));
        assertTrue(e.getMessage().contains("control 1"), e.getMessage());
    }

    @Test
    void perControlAndScalarBoundsCombine() {
        PulseOptions o = PulseOptions.defaults().withAmpBounds(-2, 2).withAmpBounds(null, new double[] {1, 0.5});
        assertArrayEquals(new double[] {-2, -2}, o.lowerBounds(2));
        assertArrayEquals(new double[] {1, 0.5}, o.upperBounds(2));
        PulseOptions scalar = o.withAmpBounds(-3, 3);
        assertNull(scalar.ampUbounds());
        assertArrayEquals(new double[] {3, 3, 3}, scalar.upperBounds(3));
        assertEquals(o, PulseOptions.defaults().withAmpBounds(-2, 2).withAmpBounds(null, new double[] {1, 0.5}));
        double[] in = {-1, 1};
        PulseOptions copy = PulseOptions.defaults().withAmpBounds(in, null);
        in[0] = 7;
        assertEquals(-1.0, copy.lowerBounds(2)[0]);
    }

    // ---- qtrl's other pulse generators ----

    @Test
    void deterministicShapesAsQtrl() {
        int checked = 0;
        for (String name : REF.cases()) {
            if (!name.startsWith("shape_")) {
                continue;
            }
            Reference.Case c = REF.get(name);
            double[] p = PulseGen.generate(c.text("type"), c.reals("tau"), 1.3, 0.2, Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY, null);
            assertArrayEquals(c.reals("pulse"), p, 1e-12, name);
            checked++;
        }
        assertEquals(8, checked);
    }

    @Test
    void gaussianShapesClosedForm() {
        double[] tau = PulseDynamics.tau(41, 4.0);
        double[] g = PulseGen.generate("GAUSSIAN", tau, 2.0, 0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                null);
        // slice 20 starts at T/2: the peak, the scaling; symmetric about it on the grid
        assertEquals(2.0 * Math.exp(-Math.pow(20 * 4.0 / 41 - 2.0, 2) / 4.0), g[20], 1e-14);
        assertEquals(g[19], 2.0 * Math.exp(-Math.pow(19 * 4.0 / 41 - 2.0, 2) / 4.0), 1e-14);
        double[] e = PulseGen.generate("GAUSSIAN_EDGE", tau, 1.0, 0.0, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, null);
        double[] t = PulseGen.startTimes(tau);
        for (int k = 0; k < t.length; k++) {
            double closed = 1 - Math.exp(-t[k] * t[k] / 0.4) - Math.exp(-(t[k] - 4) * (t[k] - 4) / 0.4);
            assertEquals(closed, e[k], 1e-14);
        }
        assertEquals(-Math.exp(-4.0 * 4.0 / 0.4), e[0], 1e-15);       // ramps from 0 (1 - 1 - e^{-T^2/Td})
        assertEquals(1.0, e[20], 1e-3);                                 // flat top
        assertTrue(e[1] < e[2] && e[2] < e[3] && e[3] < e[10]);          // ramping in
        assertTrue(e[40] < e[38] && e[38] < e[35]);                      // ramping out
    }

    static double[] gen(String type, double[] tau, double s, long seed) {
        return PulseGen.generate(type, tau, s, 0.0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                new SplittableRandom(seed));
    }

    @Test
    void randomGeneratorsAreSeededAndDiffer() {
        double[] tau = uneven(50);
        for (String type : List.of("RNDFOURIER", "RNDWAVES", "RNDWALK1", "RNDWALK2")) {
            assertArrayEquals(gen(type, tau, 1.5, 9), gen(type, tau, 1.5, 9), 0.0, type);
            assertNotEquals(gen(type, tau, 1.5, 9)[7], gen(type, tau, 1.5, 10)[7], type);
        }
    }

    @Test
    void rndFourierIsASumOfItsHarmonics() {
        double[] tau = PulseDynamics.tau(200, 5.0);
        double total = 5.0;
        double s = 1.5;
        // wavelengths 2T, T, T/2, T/4, T/8 (> T/10): 5 waves, each of amplitude at most sqrt(8) s / 5
        double[] wl = {2 * total, total, total / 2, total / 4, total / 8};
        double[] t = PulseGen.startTimes(tau);
        for (long seed = 1; seed <= 5; seed++) {
            double[] p = gen("RNDFOURIER", tau, s, seed);
            double[] fit = leastSquares(wl, t, p);
            double maxRes = 0;
            for (int k = 0; k < t.length; k++) {
                double v = 0;
                for (int w = 0; w < wl.length; w++) {
                    v += fit[2 * w] * Math.sin(2 * Math.PI * t[k] / wl[w]) + fit[2 * w + 1]
                            * Math.cos(2 * Math.PI * t[k] / wl[w]);
                }
                maxRes = Math.max(maxRes, Math.abs(v - p[k]));
            }
            assertTrue(maxRes < 1e-9, "not a sum of the five harmonics: residual " + maxRes);
            for (int w = 0; w < wl.length; w++) {
                double a = fit[2 * w];      // amp cos(phase)
                double b = fit[2 * w + 1];  // amp sin(phase), phase in [0, π/2): same sign
                assertTrue(a * b >= -1e-12, "phase outside [0, π/2) for wavelength " + wl[w]);
                assertTrue(Math.hypot(a, b) <= Math.sqrt(8) * s / 5 + 1e-9, "component too large");
            }
            double bound = Math.sqrt(8) * s;
            for (double v : p) {
                assertTrue(Math.abs(v) <= bound);
            }
        }
    }

    /** Normal equations for the coefficients of sin and cos of each wavelength. */
    static double[] leastSquares(double[] wl, double[] t, double[] p) {
        int m = 2 * wl.length;
        double[][] a = new double[m][m + 1];
        for (int k = 0; k < t.length; k++) {
            double[] row = new double[m];
            for (int w = 0; w < wl.length; w++) {
                row[2 * w] = Math.sin(2 * Math.PI * t[k] / wl[w]);
                row[2 * w + 1] = Math.cos(2 * Math.PI * t[k] / wl[w]);
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    a[i][j] += row[i] * row[j];
                }
                a[i][m] += row[i] * p[k];
            }
        }
        for (int c = 0; c < m; c++) {
            int piv = c;
            for (int r = c + 1; r < m; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            double[] tmp = a[c];
            a[c] = a[piv];
            a[piv] = tmp;
            for (int r = 0; r < m; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int j = c; j <= m; j++) {
                        a[r][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[] x = new double[m];
        for (int i = 0; i < m; i++) {
            x[i] = a[i][m] / a[i][i];
        }
        return x;
    }

    @Test
    void rndWavesIsBoundedAndSmooth() {
        double[] tau = PulseDynamics.tau(400, 5.0);
        double s = 0.8;
        double dt = 5.0 / 400;
        // |p| <= sqrt(8) s; |p''| <= sqrt(8) s (2π / λ_min)^2 with λ_min = T/10
        double curv = Math.sqrt(8) * s * Math.pow(2 * Math.PI / 0.5, 2);
        for (long seed = 1; seed <= 5; seed++) {
            double[] p = gen("RNDWAVES", tau, s, seed);
            double maxD2 = 0;
            for (int k = 0; k < p.length; k++) {
                assertTrue(Math.abs(p[k]) <= Math.sqrt(8) * s);
                if (k >= 1 && k + 1 < p.length) {
                    maxD2 = Math.max(maxD2, Math.abs(p[k + 1] - 2 * p[k] + p[k - 1]));
                }
            }
            assertTrue(maxD2 <= curv * dt * dt, "second difference " + maxD2);
            assertTrue(maxD2 > 0);
        }
    }

    @Test
    void randomWalksTakeBoundedSteps() {
        double[] tau = PulseDynamics.tau(300, 5.0);
        double s = 2.0;
        for (long seed = 1; seed <= 5; seed++) {
            double[] w1 = gen("RNDWALK1", tau, s, seed);
            assertTrue(Math.abs(w1[0]) <= s);
            double maxStep = 0;
            for (int k = 1; k < w1.length; k++) {
                maxStep = Math.max(maxStep, Math.abs(w1[k] - w1[k - 1]));
            }
            assertTrue(maxStep <= 0.1 * s && maxStep > 0.05 * s, "RNDWALK1 step " + maxStep);

            double[] w2 = gen("RNDWALK2", tau, s, seed);
            assertTrue(Math.abs(w2[0]) <= s);
            assertTrue(Math.abs(w2[1] - w2[0]) <= 0.01);     // the slope starts at 0, one change
            double maxD2 = 0;
            for (int k = 1; k + 1 < w2.length; k++) {
                maxD2 = Math.max(maxD2, Math.abs(w2[k + 1] - 2 * w2[k] + w2[k - 1]));
            }
            assertTrue(maxD2 <= 0.01 && maxD2 > 0.005, "RNDWALK2 change of slope " + maxD2);
        }
    }

    @Test
    void newGeneratorsAreAcceptedAsInitialPulses() {
        for (String type : List.of("rndfourier", "RNDWAVES", "RNDWALK1", "RNDWALK2", "GAUSSIAN", "GAUSSIAN_EDGE")) {
            PulseOptions o = PulseOptions.defaults().withInitPulseType(type).withSeed(2L).withAmpBounds(-1, 1)
                    .withMaxIter(0);
            assertEquals(type.toUpperCase(java.util.Locale.ROOT), o.initPulseType());
            OptimResult r = PulseOptim.optimizePulseUnitary(PulseOptimTest.exchange(), PulseOptimTest.localControls(),
                    tensor(qeye(2), qeye(2)), PulseOptimTest.cnot(), 25, 6.0, o);
            OptimResult again = PulseOptim.optimizePulseUnitary(PulseOptimTest.exchange(),
                    PulseOptimTest.localControls(), tensor(qeye(2), qeye(2)), PulseOptimTest.cnot(), 25, 6.0, o);
            assertMatrix(r.initialAmps(), again.initialAmps(), 0.0);
            for (int j = 0; j < 4; j++) {
                assertTrue(min(r.initialAmps(), j) >= -1 && max(r.initialAmps(), j) <= 1, type);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> PulseOptions.defaults().withInitPulseType("PINK"));
    }
}
