package dev.lindblad.cli;

import static dev.lindblad.Lindblad.destroy;
import static dev.lindblad.Lindblad.fock;
import static dev.lindblad.Lindblad.linspace;

import dev.lindblad.Lindblad;
import dev.lindblad.Qobj;
import dev.lindblad.parallel.TaskMap;
import dev.lindblad.solver.McOptions;
import dev.lindblad.solver.StochasticOptions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code lindblad bench traj [threads...]}: the parallel efficiency of the trajectory engine
 * (issue #22). Times {@code mcsolve}, {@code ssesolve} and {@code smesolve} on the bench's nho
 * problems ({@link BenchProblems}: {@code H = 0.1 a†a + 0.025 a†²a² + 2(a + a†)} in N levels,
 * from the vacuum, e-op {@code a†a}) with the trajectories on {@link TaskMap#threads(int)} at
 * each thread count:
 * <ul>
 *   <li>mcsolve: collapse operators {@code sqrt(1.2) a}, {@code sqrt(0.2) a†},
 *       {@code tlist = linspace(0, 10, 100)}, {@link McOptions#defaults()};</li>
 *   <li>ssesolve: homodyne detection of {@code sqrt(1.2) a}; smesolve adds the collapse
 *       operator {@code sqrt(0.2) a†}; {@code tlist = linspace(0, 2, 101)}, {@code "platen"},
 *       {@code dt = 1e-3}.</li>
 * </ul>
 *
 * <p>As {@link ControlBench#threadScaling}: one process; each count first warms up (calls until
 * at least {@link Setup#warmupNanos()} have passed, at least one), then the counts alternate
 * round by round (one call per count and round), so that a shared machine's drift hits every
 * count alike; the medians over the rounds are reported. With T_k the median wall time at the
 * first count k (normally 1), the speed-up at n threads is {@code T_k / T_n} and the parallel
 * efficiency {@code k T_k / (n T_n)}, i.e. {@code T1 / (n Tn)} from one thread. Every call uses
 * the same master seed, so every count computes the same trajectories; the table says whether
 * the averages agree with the first count's (they must, to the last bit).
 */
final class TrajectoryBench {

    /** The solvers, in the order they run. */
    static final List<String> SOLVERS = List.of("mcsolve", "ssesolve", "smesolve");

    /** The master seed of every call. */
    static final long SEED = 20_261_203L;

    private TrajectoryBench() {
    }

    /**
     * What to measure.
     *
     * @param threads     the thread counts, in order (the first is the reference of the speed-up)
     * @param levels      Fock levels N of the nho problems
     * @param ntraj       trajectories per call
     * @param rounds      timed rounds (one call per count and round)
     * @param warmupNanos the least warm-up time per count before the timed rounds
     */
    record Setup(int[] threads, int levels, int ntraj, int rounds, long warmupNanos) {

        Setup {
            if (threads == null || threads.length == 0) {
                throw new IllegalArgumentException("bench traj: threads must name at least one count, got "
                        + (threads == null ? "null" : "none"));
            }
            for (int t : threads) {
                if (t < 1) {
                    throw new IllegalArgumentException("bench traj: thread counts must be at least 1, got " + t);
                }
            }
            if (levels < 2) {
                throw new IllegalArgumentException("bench traj: levels must be at least 2, got " + levels);
            }
            if (ntraj < 1) {
                throw new IllegalArgumentException("bench traj: ntraj must be at least 1, got " + ntraj);
            }
            if (rounds < 1) {
                throw new IllegalArgumentException("bench traj: rounds must be at least 1, got " + rounds);
            }
            if (warmupNanos < 0) {
                throw new IllegalArgumentException("bench traj: warmupNanos must be >= 0, got " + warmupNanos);
            }
            threads = threads.clone();
        }

        /** @return the issue's measurement: N = 50, 500 trajectories, 5 rounds, a warm-up of 2 s per count */
        static Setup issue(int[] threads) {
            return new Setup(threads, 50, 500, 5, 2_000_000_000L);
        }

        @Override
        public int[] threads() {
            return threads.clone();
        }
    }

    /**
     * One line of the table.
     *
     * @param solver      mcsolve, ssesolve or smesolve
     * @param threads     the thread count
     * @param wallSeconds the wall time of each timed round, in order
     * @param median      their median, seconds
     * @param speedup     the first count's median over this one's
     * @param efficiency  {@code k T_k / (n T_n)}, k the first count
     * @param difference  the largest |difference| of the averaged e-op at any time from the first
     *                    count's result (0 when the counts computed the same bits)
     */
    record Line(String solver, int threads, double[] wallSeconds, double median, double speedup, double efficiency,
                double difference) {
    }

    /**
     * Runs the measurement and prints the table.
     *
     * @return the lines, solver by solver, count by count
     */
    static List<Line> threadScaling(Setup s, PrintStream out) {
        int[] threads = s.threads();
        out.printf(Locale.ROOT, "# trajectory solvers: nho N = %d, %d trajectories, seed %d; TaskMap.threads(n) for n in %s,"
                        + " alternating round by round after a warm-up of at least %.1f s per count; %d rounds; medians%n",
                s.levels(), s.ntraj(), SEED, Arrays.toString(threads), s.warmupNanos() / 1e9, s.rounds());
        out.println("# mcsolve: c = sqrt(1.2) a, sqrt(0.2) a^dag, t in [0, 10] (100 points); ssesolve: homodyne"
                + " sqrt(1.2) a; smesolve: and c = sqrt(0.2) a^dag; t in [0, 2] (101 points), platen, dt 1e-3");
        out.printf(Locale.ROOT, "# efficiency = %d T%d / (n Tn)%n", threads[0], threads[0]);
        out.println("solver    threads    wall_s  speedup  efficiency  same_averages");
        List<Line> lines = new ArrayList<>();
        for (String solver : SOLVERS) {
            Function<TaskMap, double[]> call = problem(solver, s.levels(), s.ntraj());
            TaskMap[] maps = new TaskMap[threads.length];
            double[][] averages = new double[threads.length][];
            for (int t = 0; t < threads.length; t++) {
                maps[t] = TaskMap.threads(threads[t]);
                long w0 = System.nanoTime();
                do {
                    averages[t] = call.apply(maps[t]);
                } while (System.nanoTime() - w0 < s.warmupNanos());
            }
            double[][] wall = new double[threads.length][s.rounds()];
            for (int r = 0; r < s.rounds(); r++) {
                for (int t = 0; t < threads.length; t++) {
                    long t0 = System.nanoTime();
                    averages[t] = call.apply(maps[t]);
                    wall[t][r] = (System.nanoTime() - t0) / 1e9;
                }
            }
            double reference = BenchOutput.median(wall[0]);
            for (int t = 0; t < threads.length; t++) {
                double median = BenchOutput.median(wall[t]);
                double difference = maxDifference(averages[0], averages[t]);
                Line line = new Line(solver, threads[t], wall[t], median, reference / median,
                        efficiency(threads[0], reference, threads[t], median), difference);
                lines.add(line);
                out.printf(Locale.ROOT, "%-8s  %7d  %8.3f  %7.2f  %8.1f %%  %s%n", solver, threads[t], median,
                        line.speedup(), 100 * line.efficiency(),
                        t == 0 ? "reference" : difference == 0 ? "yes" : String.format(Locale.ROOT, "NO (max diff %.3g)", difference));
            }
        }
        return lines;
    }

    /**
     * @param k  the reference thread count
     * @param tk the median wall time at k threads
     * @param n  a thread count
     * @param tn the median wall time at n threads
     * @return the parallel efficiency {@code k tk / (n tn)}: {@code T1 / (n Tn)} for k = 1
     */
    static double efficiency(int k, double tk, int n, double tn) {
        return k * tk / (n * tn);
    }

    private static double maxDifference(double[] a, double[] b) {
        if (a.length != b.length) {
            return Double.POSITIVE_INFINITY;
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.abs(a[i] - b[i]);
            m = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(m, d);
        }
        return m;
    }

    /**
     * @return the solver's call on a given map, returning the averaged {@code <a†a>} at every time
     * @throws IllegalArgumentException for an unknown solver
     */
    static Function<TaskMap, double[]> problem(String solver, int levels, int ntraj) {
        Qobj a = destroy(levels);
        Qobj ad = a.dag();
        Qobj h = BenchProblems.nhoHamiltonian(levels);
        Qobj n = ad.times(a);
        Qobj psi0 = fock(levels, 0);
        return switch (solver) {
            case "mcsolve" -> {
                double[] tlist = linspace(0, 10, 100);
                List<Qobj> cOps = List.of(a.times(Math.sqrt(1.2)), ad.times(Math.sqrt(0.2)));
                McOptions o = McOptions.defaults().withNtraj(ntraj).withSeed(SEED);
                yield map -> Lindblad.mcsolve(h, psi0, tlist, cOps, List.of(n), o.withMap(map)).expect(0);
            }
            case "ssesolve", "smesolve" -> {
                double[] tlist = linspace(0, 2, 101);
                List<Qobj> scOps = List.of(a.times(Math.sqrt(1.2)));
                List<Qobj> cOps = List.of(ad.times(Math.sqrt(0.2)));
                StochasticOptions o = StochasticOptions.defaults().withNtraj(ntraj).withSeed(SEED).withMethod("platen")
                        .withDt(1e-3);
                yield solver.equals("ssesolve")
                        ? map -> Lindblad.ssesolve(h, psi0, tlist, scOps, List.of(n), o.withMap(map)).expect(0)
                        : map -> Lindblad.smesolve(h, psi0, tlist, cOps, scOps, List.of(n), o.withMap(map)).expect(0);
            }
            default -> throw new IllegalArgumentException("bench traj: unknown solver '" + solver + "'; solvers are "
                    + String.join(", ", SOLVERS));
        };
    }
}
