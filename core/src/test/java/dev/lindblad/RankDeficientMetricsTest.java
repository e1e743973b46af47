package dev.lindblad;

import static dev.lindblad.Lindblad.basis;
import static dev.lindblad.Lindblad.bellState;
import static dev.lindblad.Lindblad.concurrence;
import static dev.lindblad.Lindblad.entropyVn;
import static dev.lindblad.Lindblad.fidelity;
import static dev.lindblad.Lindblad.ketToDm;
import static dev.lindblad.Lindblad.qeye;
import static dev.lindblad.Lindblad.tensor;
import static dev.lindblad.Lindblad.tracedist;
import static dev.lindblad.TestSupport.randomKet;
import static dev.lindblad.TestSupport.randomOper;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.data.DenseMatrix;
import org.junit.jupiter.api.Test;

/**
 * Pure and rank-deficient states get their metrics to rounding (1e-12), not to the 1e-8 that
 * square roots of rounding-level eigenvalues give; and the eigensolver under them converges on
 * low-rank operators. Every expected value is a closed form: concurrence 1 for the Bell states
 * (also after random local unitaries), 0 for product states, {@code max(0, (3p - 1)/2)} for
 * Werner states, {@code |2p - 1|} for a mixture of two Bell states, {@code p} for
 * {@code p|Φ+><Φ+| + (1-p)|01><01|}; fidelity {@code |<a|b>|} for pure states,
 * {@code Σ sqrt(p_i q_i)} and trace distance {@code ½ Σ |p_i - q_i|} for states diagonal in one
 * (random) basis; {@code sqrt(1 - |<a|b>|^2)} for the trace distance of pure states.
 */
class RankDeficientMetricsTest {

    private static final double TIGHT = 1e-12;

    private static final String[] BELL = {"00", "01", "10", "11"};

    @Test
    void concurrenceOfBellStatesAsDensityMatricesIsOne() {
        for (String s : BELL) {
            Qobj rho = ketToDm(bellState(s));
            assertEquals(1, concurrence(rho), TIGHT, s);
            for (long seed = 1; seed <= 5; seed++) {
                Qobj local = tensor(randomUnitary(2, seed), randomUnitary(2, 100 + seed));
                assertEquals(1, concurrence(local.times(rho).times(local.dag())), TIGHT,
                        s + " after local unitary " + seed);
            }
        }
    }

    @Test
    void concurrenceOfProductAndRankDeficientMixedStates() {
        for (long seed = 1; seed <= 5; seed++) {
            Qobj product = tensor(randomKet(2, seed), randomKet(2, 50 + seed));
            assertEquals(0, concurrence(ketToDm(product)), TIGHT, "product state " + seed);
            Qobj psi = Qobj.of(randomKet(4, 10 + seed).data(), Dims.ket(2, 2));
            Complex a = psi.get(0, 0), b = psi.get(1, 0), c = psi.get(2, 0), d = psi.get(3, 0);
            double exact = 2 * a.times(d).minus(b.times(c)).abs();
            assertEquals(exact, concurrence(ketToDm(psi)), TIGHT, "random pure state " + seed);
        }
        Qobj phiPlus = ketToDm(bellState("00"));
        Qobj phiMinus = ketToDm(bellState("01"));
        Qobj zeroOne = ketToDm(basis(new int[] {2, 2}, new int[] {0, 1}));
        for (double p : new double[] {0, 0.1, 0.25, 0.5, 0.7, 1}) {
            assertEquals(Math.abs(2 * p - 1), concurrence(phiPlus.times(p).plus(phiMinus.times(1 - p))), TIGHT,
                    "two Bell states, p = " + p);
            assertEquals(p, concurrence(phiPlus.times(p).plus(zeroOne.times(1 - p))), TIGHT,
                    "Bell state and |01>, p = " + p);
        }
        for (double p : new double[] {0, 0.2, 1.0 / 3, 0.5, 0.8, 0.99, 1}) {
            Qobj werner = ketToDm(bellState("11")).times(p).plus(qeye(2, 2).times((1 - p) / 4));
            assertEquals(Math.max(0, (3 * p - 1) / 2), concurrence(werner), TIGHT, "Werner p = " + p);
        }
    }

    @Test
    void fidelityOfPureStatesGivenAsDensityMatrices() {
        for (int n : new int[] {2, 5, 50}) {
            for (long seed = 1; seed <= 4; seed++) {
                Qobj a = randomKet(n, seed);
                Qobj b = randomKet(n, 1000 + seed);
                double overlap = a.dag().times(b).get(0, 0).abs();
                assertEquals(overlap, fidelity(ketToDm(a), ketToDm(b)), TIGHT, "n = " + n + " seed " + seed);
                assertEquals(1, fidelity(ketToDm(a), ketToDm(a)), TIGHT, "n = " + n + " seed " + seed);
            }
            assertEquals(0, fidelity(ketToDm(basis(n, 0)), ketToDm(basis(n, 1))), TIGHT, "orthogonal, n = " + n);
        }
    }

    @Test
    void fidelityTraceDistanceAndEntropyOfRankDeficientStatesInOneBasis() {
        double[][][] pairs = {
            {{0.5, 0.3, 0.2, 0, 0, 0}, {0, 0.1, 0.4, 0.5, 0, 0}},
            {{0.6, 0.4, 0, 0, 0, 0}, {0.6, 0.4, 0, 0, 0, 0}},
            {{0.5, 0.5, 0, 0, 0, 0}, {0, 0, 0.5, 0.5, 0, 0}},
            {{0.5, 0.3, 0.2, 0, 0, 0}, {0.2, 0.2, 0.2, 0.2, 0.1, 0.1}},
            {{1, 0, 0, 0, 0, 0}, {0.2, 0.2, 0.2, 0.2, 0.1, 0.1}},
        };
        for (long seed = 1; seed <= 3; seed++) {
            Qobj u = randomUnitary(6, seed);
            for (double[][] pq : pairs) {
                double[] p = pq[0], q = pq[1];
                Qobj rho = u.times(diagonal(p)).times(u.dag());
                Qobj sigma = u.times(diagonal(q)).times(u.dag());
                double f = 0, t = 0, s = 0;
                for (int k = 0; k < 6; k++) {
                    f += Math.sqrt(p[k] * q[k]);
                    t += 0.5 * Math.abs(p[k] - q[k]);
                    s -= p[k] > 0 ? p[k] * Math.log(p[k]) : 0;
                }
                String what = java.util.Arrays.toString(p) + " vs " + java.util.Arrays.toString(q) + " seed " + seed;
                assertEquals(f, fidelity(rho, sigma), TIGHT, "fidelity " + what);
                assertEquals(f, fidelity(sigma, rho), TIGHT, "fidelity reversed " + what);
                assertEquals(1, fidelity(rho, rho), TIGHT, "fidelity with itself " + what);
                assertEquals(t, tracedist(rho, sigma), TIGHT, "trace distance " + what);
                assertEquals(s, entropyVn(rho), TIGHT, "entropy " + what);
                Qobj root = rho.sqrtm();
                double[] sq = new double[6];
                for (int k = 0; k < 6; k++) {
                    sq[k] = Math.sqrt(p[k]);
                }
                assertClose(u.times(diagonal(sq)).times(u.dag()), root, "sqrtm " + what);
                Qobj lenient = Qobj.of(DenseMatrix.wrap(6, 6, Metrics.psdSqrt(rho.data())), Dims.oper(6));
                assertClose(root, lenient, "Metrics.psdSqrt " + what);
            }
        }
    }

    @Test
    void sqrtmOfAPureStateIsItself() {
        for (int n : new int[] {2, 10, 100}) {
            Qobj rho = ketToDm(randomKet(n, n));
            assertClose(rho, rho.sqrtm(), "n = " + n);
            assertClose(rho, Qobj.of(DenseMatrix.wrap(n, n, Metrics.psdSqrt(rho.data())), Dims.oper(n)),
                    "Metrics.psdSqrt, n = " + n);
        }
    }

    /** The crash of the issue: the eigensolver did not converge on |a><a| - |b><b| at n = 100. */
    @Test
    void traceDistanceOfRandomPureStatesAtDimensionHundred() {
        for (long seed = 1; seed <= 10; seed++) {
            Qobj a = randomKet(100, seed);
            Qobj b = randomKet(100, 500 + seed);
            double overlap = a.dag().times(b).get(0, 0).abs();
            double exact = Math.sqrt(1 - overlap * overlap);
            assertEquals(exact, tracedist(a, b), TIGHT, "kets, seed " + seed);
            assertEquals(exact, tracedist(ketToDm(a), ketToDm(b)), TIGHT, "density matrices, seed " + seed);
            assertEquals(0, entropyVn(ketToDm(a)), TIGHT, "entropy of a pure state, seed " + seed);
        }
    }

    @Test
    void eigenstatesOfDifferencesOfProjectorsAtDimensionHundred() {
        for (long seed = 1; seed <= 50; seed++) {
            Qobj a = randomKet(100, seed);
            Qobj b = randomKet(100, 5000 + seed);
            Qobj h = ketToDm(a).minus(ketToDm(b));
            double overlap = a.dag().times(b).get(0, 0).abs();
            double e = Math.sqrt(1 - overlap * overlap);
            double[] energies = h.eigenenergies();
            assertEquals(-e, energies[0], TIGHT, "seed " + seed);
            assertEquals(e, energies[99], TIGHT, "seed " + seed);
            for (int k = 1; k < 99; k++) {
                assertEquals(0, energies[k], TIGHT, "seed " + seed + " zero eigenvalue " + k);
            }
            if (seed <= 5) {
                Qobj.Eigen es = h.eigenstates();
                for (int k : new int[] {0, 50, 99}) {
                    Qobj v = es.states().get(k);
                    Qobj r = h.times(v).minus(v.times(es.energies()[k]));
                    assertTrue(r.norm() <= TIGHT, "residual of eigenstate " + k + ": " + r.norm());
                }
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static Qobj randomUnitary(int n, long seed) {
        Qobj g = randomOper(n, seed);
        Qobj h = g.plus(g.dag()).times(0.5);
        return h.times(Complex.of(0, 1)).expm();
    }

    private static Qobj diagonal(double[] p) {
        int n = p.length;
        double[] d = new double[2 * n * n];
        for (int k = 0; k < n; k++) {
            d[2 * (k + k * n)] = p[k];
        }
        return Qobj.of(DenseMatrix.wrap(n, n, d), Dims.oper(n));
    }

    private static void assertClose(Qobj expected, Qobj actual, String what) {
        double diff = expected.minus(actual).frobeniusNorm();
        assertTrue(diff <= TIGHT, what + ": ||expected - actual||_F = " + diff);
    }
}
