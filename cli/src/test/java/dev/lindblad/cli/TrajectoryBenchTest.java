package dev.lindblad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code lindblad bench traj}: the plan, the table and the efficiency from the measured medians. No timing is asserted. */
class TrajectoryBenchTest {

    private static BenchCommand.Plan plan(String... args) throws UsageException {
        BenchCommand bench = new BenchCommand();
        return bench.plan(Arguments.parse(bench, List.of(args)));
    }

    @Test
    void trajPlanTakesThreadCounts() throws UsageException {
        assertEquals(List.of("traj"), plan("traj").spmv());
        assertEquals(List.of("traj", "1", "2", "4"), plan("traj", "1", "2", "4").spmv());
        UsageException e = assertThrows(UsageException.class, () -> plan("traj", "two"));
        assertTrue(e.getMessage().contains("bench traj takes thread counts"), e.getMessage());
        e = assertThrows(UsageException.class, () -> plan("traj", "0"));
        assertTrue(e.getMessage().contains("got '0'"), e.getMessage());
        e = assertThrows(UsageException.class, () -> plan("traj", "9999"));
        assertTrue(e.getMessage().contains("the thread count 9999 is above"), e.getMessage());
        // the rounds come from --reps, given before the named benchmark
        assertEquals(3, plan("--reps", "3", "traj").reps());
        assertEquals(List.of("traj", "1", "2"), plan("--reps", "3", "traj", "1", "2").spmv());
        e = assertThrows(UsageException.class, () -> plan("traj", "--reps", "3"));
        assertTrue(e.getMessage().contains("got '--reps'"), e.getMessage());
        e = assertThrows(UsageException.class, () -> plan("trajectories"));
        assertTrue(e.getMessage().contains("'spmv', 'grad' and 'traj'"), e.getMessage());
        CliRunner.Outcome r = CliRunner.inProcess("bench", "traj", "x");
        assertEquals(Main.USAGE_ERROR, r.status());
    }

    @Test
    void setupRefusesBadValues() {
        assertThrows(IllegalArgumentException.class, () -> new TrajectoryBench.Setup(new int[0], 6, 8, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new TrajectoryBench.Setup(new int[] {0}, 6, 8, 1, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrajectoryBench.Setup(new int[] {1}, 6, 0, 1, 0));
        assertTrue(e.getMessage().contains("ntraj must be at least 1, got 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TrajectoryBench.Setup(new int[] {1}, 6, 8, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> TrajectoryBench.problem("mesolve", 4, 2));
        TrajectoryBench.Setup issue = TrajectoryBench.Setup.issue(new int[] {1, 2});
        assertEquals(50, issue.levels());
        assertEquals(500, issue.ntraj());
        assertTrue(issue.warmupNanos() >= 2_000_000_000L);
    }

    @Test
    void efficiencyIsTheFirstCountsWorkOverThisOnes() {
        assertEquals(1.0, TrajectoryBench.efficiency(1, 2.0, 1, 2.0));
        assertEquals(2.0 / (2 * 1.1), TrajectoryBench.efficiency(1, 2.0, 2, 1.1), 1e-15);
        assertEquals(2 * 3.0 / (4 * 1.6), TrajectoryBench.efficiency(2, 3.0, 4, 1.6), 1e-15);
    }

    @Test
    void tinyRunPrintsEverySolverAndCountWithEfficienciesFromTheMedians() {
        var bytes = new ByteArrayOutputStream();
        List<TrajectoryBench.Line> lines = TrajectoryBench.threadScaling(
                new TrajectoryBench.Setup(new int[] {1, 2}, 6, 8, 3, 0), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(6, lines.size());
        for (int s = 0; s < 3; s++) {
            TrajectoryBench.Line one = lines.get(2 * s), two = lines.get(2 * s + 1);
            assertEquals(TrajectoryBench.SOLVERS.get(s), one.solver());
            assertEquals(TrajectoryBench.SOLVERS.get(s), two.solver());
            assertEquals(1, one.threads());
            assertEquals(2, two.threads());
            assertEquals(3, one.wallSeconds().length);
            double t1 = BenchOutput.median(one.wallSeconds()), t2 = BenchOutput.median(two.wallSeconds());
            assertEquals(t1, one.median(), 0.0);
            assertEquals(t2, two.median(), 0.0);
            assertTrue(t1 > 0 && t2 > 0);
            assertEquals(1.0, one.efficiency(), 1e-15);
            assertEquals(1.0, one.speedup(), 1e-15);
            assertEquals(t1 / (2 * t2), two.efficiency(), 1e-15);
            assertEquals(t1 / t2, two.speedup(), 1e-15);
            // the same master seed on one and on two threads: the same trajectories, to the bit
            assertEquals(0.0, two.difference(), one.solver());
        }
        List<String> out = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(4 + 6, out.size(), String.join("\n", out));
        assertTrue(out.get(0).startsWith("# trajectory solvers: nho N = 6, 8 trajectories"), out.get(0));
        assertEquals("# efficiency = 1 T1 / (n Tn)", out.get(2));
        assertTrue(out.get(3).startsWith("solver") && out.get(3).contains("efficiency"), out.get(3));
        for (int k = 0; k < 6; k++) {
            String line = out.get(4 + k);
            TrajectoryBench.Line l = lines.get(k);
            assertTrue(line.matches(l.solver() + " +" + l.threads() + " +[0-9.]+ +[0-9.]+ +[0-9.]+ % +(reference|yes)"), line);
            assertTrue(line.contains(String.format(java.util.Locale.ROOT, "%.1f %%", 100 * l.efficiency())), line);
        }
    }
}
