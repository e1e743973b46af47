package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.DimensionMismatchException;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.parallel.TaskMap;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Statistics of the Monte Carlo solver against analytic results and the master equation
 * (within a few standard errors, with fixed seeds so the tests are deterministic), and its
 * reproducibility, early stops and failure handling.
 */
class McSolverTest {

    /** Standard errors allowed between a trajectory average and the exact value. */
    private static final double SIGMAS = 4.5;

    private static McOptions options(int ntraj, long seed) {
        return McOptions.defaults().withNtraj(ntraj).withSeed(seed).withMap(TaskMap.threads(2));
    }

    /** Asserts |mc - exact| <= SIGMAS·se + slack at every time. */
    private static void assertWithinErrors(double[] exact, McResult r, int k, double slack, String what) {
        double[] mean = r.expect(k), se = r.standardError(k);
        for (int i = 0; i < exact.length; i++) {
            assertTrue(se[i] < 0.1, what + ": standard error " + se[i] + " too large to test anything");
            double allowed = SIGMAS * se[i] + slack;
            assertEquals(exact[i], mean[i], allowed, what + ": time index " + i + ", standard error " + se[i]);
        }
    }

    /** Cavity decay from |n0>: <n>(t) = n0 e^{-κt}, and its spread is binomial, n0 p (1-p). */
    @Test
    void cavityDecayFromFockStateMatchesAnalytic() {
        int n = 8, n0 = 5;
        double kappa = 0.7;
        double[] t = linspace(0, 4, 21);
        Qobj a = destroy(n);
        McResult r = mcsolve(num(n).times(1.1), fock(n, n0), t, List.of(a.times(Math.sqrt(kappa))),
                List.of(num(n)), options(800, 11));
        assertEquals(800, r.ntraj());
        assertEquals(McResult.StopReason.COMPLETED, r.stopReason());
        double[] exact = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            exact[i] = n0 * Math.exp(-kappa * t[i]);
        }
        assertWithinErrors(exact, r, 0, 1e-6, "<n>");
        assertEquals(n0, r.expect(0)[0], 1e-12);
        assertEquals(0, r.stdExpect(0)[0], 1e-12);
        double[] std = r.stdExpect(0);
        for (int i = 4; i < t.length; i++) {
            double p = Math.exp(-kappa * t[i]);
            double binomial = Math.sqrt(n0 * p * (1 - p));
            assertEquals(binomial, std[i], 0.1 * binomial, "binomial spread at t = " + t[i]);
        }
        Result me = mesolve(num(n).times(1.1), fock(n, n0), t, List.of(a.times(Math.sqrt(kappa))), List.of(num(n)));
        assertWithinErrors(me.expect(0), r, 0, 1e-5, "mesolve");
        for (String method : List.of("adams", "vern7")) {
            McResult other = mcsolve(num(n).times(1.1), fock(n, n0), t, List.of(a.times(Math.sqrt(kappa))),
                    List.of(num(n)), options(400, 12).withMethod(method));
            assertWithinErrors(exact, other, 0, 1e-6, method);
        }
    }

    /** Every jump of a Fock-state decay lowers n by one: per-trajectory n(t) = n0 - jumps before t. */
    @Test
    void collapsesMatchEachTrajectory() {
        int n = 6, n0 = 4;
        double[] t = linspace(0, 3, 16);
        McResult r = mcsolve(num(n), fock(n, n0), t, List.of(destroy(n).times(0.8)), List.of(num(n)),
                options(40, 5).withKeepRuns(true));
        double[][] runs = r.runExpect(0);
        assertEquals(40, runs.length);
        int total = 0;
        for (int j = 0; j < runs.length; j++) {
            List<Collapse> jumps = r.collapses().get(j);
            total += jumps.size();
            assertTrue(jumps.size() <= n0);
            for (int q = 0; q < jumps.size(); q++) {
                assertEquals(0, jumps.get(q).channel());
                assertTrue(jumps.get(q).time() > 0 && jumps.get(q).time() <= t[t.length - 1]);
                if (q > 0) {
                    assertTrue(jumps.get(q).time() >= jumps.get(q - 1).time());
                }
            }
            for (int i = 0; i < t.length; i++) {
                int before = 0;
                for (Collapse c : jumps) {
                    if (c.time() <= t[i]) {
                        before++;
                    }
                }
                assertEquals(n0 - before, runs[j][i], 1e-9, "trajectory " + j + " at t = " + t[i]);
            }
            assertEquals(McSolver.trajectorySeed(r.masterSeed(), j), r.seeds()[j]);
        }
        assertTrue(total > 40, "expected many jumps, got " + total);
    }

    /**
     * From |n0> the no-jump norm is exp(-κ n0 t), so the first jump of trajectory j happens at
     * exactly t1 = -ln(r)/(κ n0), r the first number of SplittableRandom(seed_j): checks the
     * seed scheme and the jump location to norm_t_tol and norm_tol.
     */
    @Test
    void firstJumpTimeIsWhereTheNormReachesTheRandomNumber() {
        int n = 6, n0 = 3;
        double kappa = 0.9;
        double[] t = linspace(0, 20, 5);
        McOptions o = options(30, 77);
        McResult r = mcsolve(num(n).times(0.7), fock(n, n0), t, List.of(destroy(n).times(Math.sqrt(kappa))),
                List.of(num(n)), o);
        for (int j = 0; j < r.ntraj(); j++) {
            double u = new java.util.SplittableRandom(r.seeds()[j]).nextDouble();
            double exact = -Math.log(u) / (kappa * n0);
            List<Collapse> jumps = r.collapses().get(j);
            assertFalse(jumps.isEmpty(), "trajectory " + j);
            double located = jumps.get(0).time();
            assertEquals(exact, located, o.normTimeTol(), "trajectory " + j);
            assertEquals(u, Math.exp(-kappa * n0 * located), o.normTol() * u, "norm at the jump, trajectory " + j);
        }
    }

    /** The driven, damped Kerr resonator (thermal and loss channels) against mesolve. */
    @Test
    void kerrResonatorMatchesMesolve() {
        int n = 12;
        Qobj a = destroy(n), ad = a.dag();
        Qobj h = ad.times(a).times(0.1).plus(ad.times(ad).times(a).times(a).times(0.025)).plus(a.plus(ad).times(0.6));
        List<Qobj> cOps = List.of(a.times(Math.sqrt(1.2)), ad.times(Math.sqrt(0.2)));
        double[] t = linspace(0, 6, 25);
        List<Qobj> eOps = List.of(num(n), a.plus(ad));
        Result me = mesolve(h, fock(n, 0), t, cOps, eOps);
        McResult mc = mcsolve(h, fock(n, 0), t, cOps, eOps, options(500, 2024));
        assertWithinErrors(me.expect(0), mc, 0, 2e-3, "<n>");
        assertWithinErrors(me.expect(1), mc, 1, 2e-3, "<x>");
        int channelOne = 0;
        for (List<Collapse> c : mc.collapses()) {
            channelOne += (int) c.stream().filter(x -> x.channel() == 1).count();
        }
        assertTrue(channelOne > 0, "the a† channel must fire sometimes");
    }

    /** Improved sampling: the no-jump trajectory weighted by p0, then conditioned jumps. */
    @Test
    void improvedSamplingMatchesMesolve() {
        double gamma = 0.15, omega = 0.4;
        Qobj h = sigmax().times(omega / 2);
        List<Qobj> cOps = List.of(sigmam().times(Math.sqrt(gamma)));
        double[] t = linspace(0, 5, 21);
        List<Qobj> eOps = List.of(sigmaz(), sigmax());
        Result me = mesolve(h, basis(2, 0), t, cOps, eOps);
        McResult mc = mcsolve(h, basis(2, 0), t, cOps, eOps, options(300, 99).withImprovedSampling(true));
        assertEquals(300, mc.ntraj());
        assertEquals(0, mc.trajectoryIndices()[0]);
        assertTrue(mc.collapses().get(0).isEmpty(), "trajectory 0 is the no-jump one");
        double p0 = mc.noJumpProbability();
        assertTrue(p0 > 0.2 && p0 < 0.9, "p0 = " + p0);
        for (int j = 1; j < mc.ntraj(); j++) {
            assertFalse(mc.collapses().get(j).isEmpty(), "trajectory " + j + " must jump");
        }
        assertWithinErrors(me.expect(0), mc, 0, 1e-4, "<σz>");
        assertWithinErrors(me.expect(1), mc, 1, 1e-4, "<σx>");
        McResult plain = mcsolve(h, basis(2, 0), t, cOps, eOps, options(300, 99));
        assertTrue(Double.isNaN(plain.noJumpProbability()));
        assertWithinErrors(me.expect(0), plain, 0, 1e-4, "<σz> plain");
    }

    /** c(t) = (sqrt(κ0) + g sin t) a and a time-dependent H: <n> = n0 exp(-∫ (sqrt(κ0) + g sin s)² ds). */
    @Test
    void timeDependentCollapseOperatorMatchesAnalytic() {
        int n = 7, n0 = 3;
        double k0 = 0.5, g = 0.5, sk = Math.sqrt(k0);
        Qobj a = destroy(n);
        QobjEvo c = QobjEvo.of(a.times(sk)).plus(a, s -> g * Math.sin(s));
        QobjEvo h = QobjEvo.of(num(n)).plus(num(n), Math::cos);
        double[] t = linspace(0, 4, 17);
        McResult r = new McSolver(h, List.of(c), options(600, 7)).run(fock(n, n0), t, List.of(num(n)));
        double[] exact = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            double s = t[i];
            double integral = k0 * s + 2 * sk * g * (1 - Math.cos(s)) + g * g * (s / 2 - Math.sin(2 * s) / 4);
            exact[i] = n0 * Math.exp(-integral);
        }
        assertWithinErrors(exact, r, 0, 1e-5, "<n>");
    }

    /** A mixed initial state is sampled from its eigen-decomposition. */
    @Test
    void mixedInitialStateMatchesAnalytic() {
        int n = 8;
        double kappa = 0.6;
        Qobj rho = fockDm(n, 2).times(0.25).plus(fockDm(n, 5).times(0.75));
        double[] t = linspace(0, 3, 13);
        McResult r = mcsolve(num(n), rho, t, List.of(destroy(n).times(Math.sqrt(kappa))), List.of(num(n)),
                options(600, 3));
        double[] exact = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            exact[i] = (0.25 * 2 + 0.75 * 5) * Math.exp(-kappa * t[i]);
        }
        assertWithinErrors(exact, r, 0, 1e-6, "<n>");
        assertTrue(r.stdExpect(0)[0] > 1, "the initial spread of a mixture of |2> and |5> is sqrt(3/16)·3");
        assertEquals(Math.sqrt(0.25 * 0.75) * 3, r.stdExpect(0)[0], 0.15);
    }

    /** Averaged density matrices: trace one, and tr(n rho) equals the averaged e-op. */
    @Test
    void averagedStatesAreDensityMatrices() {
        int n = 6;
        Qobj a = destroy(n);
        double[] t = linspace(0, 2, 5);
        McResult r = mcsolve(a.plus(a.dag()).times(0.5), fock(n, 1), t, List.of(a.times(0.9)), List.of(num(n)),
                options(50, 1).withStoreStates(true));
        assertEquals(t.length, r.states().size());
        for (int i = 0; i < t.length; i++) {
            Qobj rho = r.states().get(i);
            assertTrue(rho.isOper());
            assertEquals(1, rho.tr().re(), 1e-12);
            assertEquals(r.expect(0)[i], expect(num(n), rho), 1e-12);
        }
        assertEquals(r.expect(0)[t.length - 1], expect(num(n), r.finalState()), 1e-12);
        McResult noOps = mcsolve(a.plus(a.dag()).times(0.5), fock(n, 1), t, List.of(a.times(0.9)), List.of(),
                options(50, 1));
        assertEquals(t.length, noOps.states().size(), "states are stored by default when no e-op is given");
        assertTrue(noOps.states().get(t.length - 1).isClose(r.states().get(t.length - 1), 1e-12));
    }

    /** A seeded run gives the same bits on serial(), threads(1), threads(2) and threads(3). */
    @Test
    void reproducibleAcrossMapsAndThreadCounts() {
        int n = 10;
        Qobj a = destroy(n), ad = a.dag();
        Qobj h = ad.times(a).times(0.3).plus(ad.times(ad).times(a).times(a).times(0.05)).plus(a.plus(ad).times(0.5));
        List<Qobj> cOps = List.of(a.times(Math.sqrt(0.8)), ad.times(0.3));
        double[] t = linspace(0, 3, 13);
        List<Qobj> eOps = List.of(num(n), a);
        McOptions base = McOptions.defaults().withNtraj(37).withSeed(123456789L);
        McResult serial = mcsolve(h, fock(n, 0), t, cOps, eOps, base.withMap(TaskMap.serial()));
        for (TaskMap map : List.of(TaskMap.threads(1), TaskMap.threads(2), TaskMap.threads(3))) {
            McResult other = mcsolve(h, fock(n, 0), t, cOps, eOps, base.withMap(map));
            assertArrayEquals(serial.expect(0), other.expect(0), map.toString());
            assertArrayEquals(serial.expectComplex(1), other.expectComplex(1), map.toString());
            assertArrayEquals(serial.stdExpect(0), other.stdExpect(0), map.toString());
            assertArrayEquals(serial.seeds(), other.seeds(), map.toString());
            assertEquals(serial.collapses(), other.collapses(), map.toString());
        }
        McResult otherSeed = mcsolve(h, fock(n, 0), t, cOps, eOps, base.withSeed(987654321L));
        assertFalse(java.util.Arrays.equals(serial.expect(0), otherSeed.expect(0)));
        McResult unseeded = mcsolve(h, fock(n, 0), t, cOps, eOps, McOptions.defaults().withNtraj(37));
        McResult replay = mcsolve(h, fock(n, 0), t, cOps, eOps, base.withSeed(unseeded.masterSeed()));
        assertArrayEquals(unseeded.expect(0), replay.expect(0), "the recorded master seed replays the run");
    }

    /** The target tolerance stops the run at the first count whose standard errors are all below it. */
    @Test
    void targetToleranceStopsEarlyAndDeterministically() {
        int n = 6;
        double tol = 0.04;
        double[] t = linspace(0, 2, 9);
        List<Qobj> cOps = List.of(destroy(n).times(0.8));
        McOptions o = McOptions.defaults().withNtraj(100_000).withSeed(8).withTargetTol(tol);
        McResult two = mcsolve(num(n), fock(n, 2), t, cOps, List.of(num(n)), o.withMap(TaskMap.threads(2)));
        assertEquals(McResult.StopReason.TARGET_TOLERANCE, two.stopReason());
        assertTrue(two.ntraj() >= McSolver.MIN_TRAJECTORIES_FOR_TOLERANCE && two.ntraj() < 5000, "" + two.ntraj());
        for (double se : two.standardError(0)) {
            assertTrue(se < tol, "standard error " + se);
        }
        McResult serial = mcsolve(num(n), fock(n, 2), t, cOps, List.of(num(n)), o.withMap(TaskMap.serial()));
        assertEquals(two.ntraj(), serial.ntraj());
        assertArrayEquals(two.expect(0), serial.expect(0));
        McResult fixed = mcsolve(num(n), fock(n, 2), t, cOps, List.of(num(n)),
                o.withTargetTol(0).withNtraj(two.ntraj()).withMap(TaskMap.serial()));
        assertArrayEquals(fixed.expect(0), two.expect(0), "the same as a run of exactly that many trajectories");
        // one fewer trajectory would not have met the tolerance
        McResult fewer = mcsolve(num(n), fock(n, 2), t, cOps, List.of(num(n)),
                o.withTargetTol(0).withNtraj(two.ntraj() - 1).withMap(TaskMap.serial()));
        double worst = 0;
        for (double se : fewer.standardError(0)) {
            worst = Math.max(worst, se);
        }
        assertTrue(two.ntraj() == McSolver.MIN_TRAJECTORIES_FOR_TOLERANCE || worst >= tol, "worst " + worst);
    }

    /** A timeout that has already passed runs trajectory 0 only, and says so. */
    @Test
    void timeoutReturnsWhatFinished() {
        int n = 5;
        double[] t = linspace(0, 1, 5);
        List<Qobj> cOps = List.of(destroy(n));
        McResult r = mcsolve(num(n), fock(n, 2), t, cOps, List.of(num(n)),
                McOptions.defaults().withNtraj(1000).withSeed(4).withMap(TaskMap.serial()).withTimeout(Duration.ZERO));
        assertEquals(McResult.StopReason.TIMEOUT, r.stopReason());
        assertEquals(1, r.ntraj());
        assertEquals(1000, r.requestedNtraj());
        assertArrayEquals(new int[] {0}, r.trajectoryIndices());
        assertTrue(r.toString().contains("1 of 1000"), r.toString());
        McResult threaded = mcsolve(num(n), fock(n, 2), t, cOps, List.of(num(n)),
                McOptions.defaults().withNtraj(1000).withSeed(4).withMap(TaskMap.threads(2)).withTimeout(Duration.ZERO));
        assertEquals(1, threaded.ntraj());
        assertArrayEquals(r.expect(0), threaded.expect(0));
        McResult generous = mcsolve(num(n), fock(n, 2), t, cOps, List.of(num(n)),
                McOptions.defaults().withNtraj(20).withSeed(4).withTimeout(Duration.ofHours(1)));
        assertEquals(McResult.StopReason.COMPLETED, generous.stopReason());
        assertEquals(20, generous.ntraj());
    }

    /** A Hamiltonian coefficient that throws once, at a fixed call, in some trajectory. */
    private static QobjEvo failingOnce(Qobj h, long failingCall) {
        AtomicLong calls = new AtomicLong();
        return QobjEvo.of(h).plus(h, s -> {
            if (calls.incrementAndGet() == failingCall) {
                throw new ArithmeticException("planted failure");
            }
            return 0.0;
        });
    }

    /** A failing trajectory stops the run, names its index and seed, and keeps the finished ones. */
    @Test
    void failureStopsTheRunAndKeepsFinishedTrajectories() {
        int n = 5;
        double[] t = linspace(0, 1, 5);
        QobjEvo h = failingOnce(num(n), 3000);
        McOptions o = McOptions.defaults().withNtraj(200).withSeed(6).withMap(TaskMap.serial());
        TrajectoryException e = assertThrows(TrajectoryException.class,
                () -> new McSolver(h, List.of(destroy(n)), o).run(fock(n, 2), t, List.of(num(n))));
        int bad = e.trajectoryIndex();
        assertTrue(bad > 0 && bad < 200, "index " + bad);
        assertEquals(McSolver.trajectorySeed(6, bad), e.seed());
        assertTrue(e.getMessage().contains("trajectory " + bad) && e.getMessage().contains("seed " + e.seed()),
                e.getMessage());
        assertInstanceOf(ArithmeticException.class, e.getCause());
        McResult partial = e.partialResult();
        assertEquals(bad, partial.ntraj(), "every trajectory before the failed one finished");
        assertEquals(McResult.StopReason.FAILURE, partial.stopReason());
        assertEquals(1, partial.failures().size());

        QobjEvo h2 = failingOnce(num(n), 3000);
        McResult skipped = new McSolver(h2, List.of(destroy(n)), o.withSkipFailures(true)).run(fock(n, 2), t,
                List.of(num(n)));
        assertEquals(199, skipped.ntraj());
        assertEquals(McResult.StopReason.COMPLETED, skipped.stopReason());
        assertEquals(1, skipped.failures().size());
        assertEquals(bad, skipped.failures().get(0).index());
        for (int idx : skipped.trajectoryIndices()) {
            assertNotEquals(bad, idx);
        }
    }

    /** Bad input is refused with messages that name the values. */
    @Test
    void badInputIsRefused() {
        int n = 4;
        Qobj a = destroy(n);
        double[] t = linspace(0, 1, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> McOptions.defaults().withNtraj(0));
        assertTrue(e.getMessage().contains("ntraj") && e.getMessage().contains("0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> McOptions.defaults().withTimeout(Duration.ofSeconds(-1)));
        assertTrue(e.getMessage().contains("timeout"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> mcsolve(num(n), spre(fockDm(n, 1)), t, List.of(a), List.of(num(n)), options(5, 1)));
        assertTrue(e.getMessage().contains("ket or a density matrix"), e.getMessage());
        assertThrows(DimensionMismatchException.class,
                () -> mcsolve(num(n), fock(n + 1, 1), t, List.of(a), List.of(num(n)), options(5, 1)));
        assertThrows(DimensionMismatchException.class,
                () -> mcsolve(num(n), fock(n, 1), t, List.of(destroy(n + 1)), List.of(num(n)), options(5, 1)));
        assertThrows(DimensionMismatchException.class,
                () -> mcsolve(num(n), fock(n, 1), t, List.of(a), List.of(num(n + 1)), options(5, 1)));
        e = assertThrows(IllegalArgumentException.class,
                () -> mcsolve(liouvillian(num(n), List.of(a)), fock(n, 1), t, List.of(), List.of(), options(5, 1)));
        assertTrue(e.getMessage().contains("Liouvillian"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> mcsolve(num(n), fock(n, 1), t, List.of(a), List.of(), options(5, 1).withMethod("diag")));
        assertTrue(e.getMessage().contains("diag"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> mcsolve(num(n), fockDm(n, 1).plus(fockDm(n, 2)).times(0.5),
                t, List.of(a), List.of(), options(5, 1).withImprovedSampling(true)));
        assertTrue(e.getMessage().contains("improved sampling"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> mcsolve(num(n), fockDm(n, 1).minus(fockDm(n, 2).times(0.5)),
                t, List.of(a), List.of(), options(5, 1)));
        assertTrue(e.getMessage().contains("negative eigenvalue"), e.getMessage());
    }
}
