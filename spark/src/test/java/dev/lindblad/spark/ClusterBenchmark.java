package dev.lindblad.spark;

import dev.lindblad.Operators;
import dev.lindblad.Qobj;
import dev.lindblad.States;
import dev.lindblad.parallel.TaskMap;
import dev.lindblad.solver.McOptions;
import dev.lindblad.solver.McResult;
import dev.lindblad.solver.McSolver;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Measures SparkTaskMap on the loopback cluster (2 workers × 1 core, authentication on) against
 * {@code TaskMap.threads(2)} in the same run: the per-task overhead of a map of trivial tasks,
 * the latency of a one-task map, and mcsolve of QuantumToolbox.jl's nho (N = 50,
 * {@code H = 0.1 a†a + 0.025 a†²a² + 2(a + a†)}, {@code c = sqrt(1.2) a, sqrt(0.2) a†},
 * {@code tlist = linspace(0, 10, 100)}, e-op a†a). Prints medians. Not a test: run it by hand
 * (docs/cluster.md gives the command).
 *
 * <p>Arguments: [ntraj (10000)] [repetitions (3)] [N (50)].
 */
public final class ClusterBenchmark {

    private ClusterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int ntraj = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int n = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        try (LoopbackCluster cluster = LoopbackCluster.start(2, 1, "bench-" + System.nanoTime(), Duration.ofSeconds(90));
             SparkTaskMap spark = SparkTaskMap.connect(cluster.driverConf())) {
            while (spark.context().sc().statusTracker().getExecutorInfos().length < 3) {
                Thread.sleep(200);
            }
            TaskMap threads = TaskMap.threads(2);
            System.out.printf("cluster: %s, %d executors; threads: %s; %d cores here%n", spark, 2, threads,
                    Runtime.getRuntime().availableProcessors());

            // per-task overhead: trivial tasks, the difference to threads divided by the task count
            List<Integer> values = new ArrayList<>();
            for (int i = 0; i < 4000; i++) {
                values.add(i);
            }
            Function<Integer, Integer> square = (Function<Integer, Integer> & Serializable) x -> x * x;
            double[] trivialSpark = new double[5], trivialThreads = new double[5], oneTask = new double[9];
            for (int r = -2; r < 5; r++) {   // two warm-up rounds
                double s = time(() -> spark.map(values, square));
                double t = time(() -> threads.map(values, square));
                if (r >= 0) {
                    trivialSpark[r] = s;
                    trivialThreads[r] = t;
                }
            }
            for (int r = 0; r < oneTask.length; r++) {
                oneTask[r] = time(() -> spark.map(List.of(1), square));
            }
            System.out.printf("trivial map of %d tasks: spark %.1f ms, threads(2) %.1f ms (medians of 5); "
                            + "overhead per task %.1f us; one-task map on spark %.1f ms (median of 9)%n", values.size(),
                    1e3 * median(trivialSpark), 1e3 * median(trivialThreads),
                    1e6 * (median(trivialSpark) - median(trivialThreads)) / values.size(), 1e3 * median(oneTask));

            // mcsolve nho: warm-up with a few hundred trajectories, then alternate the two maps
            nho(n, 200, threads);
            nho(n, 200, spark);
            double[] onSpark = new double[reps], onThreads = new double[reps];
            boolean same = true;
            for (int r = 0; r < reps; r++) {
                McResult[] a = new McResult[1], b = new McResult[1];
                onThreads[r] = time(() -> a[0] = nho(n, ntraj, threads));
                onSpark[r] = time(() -> b[0] = nho(n, ntraj, spark));
                same &= Arrays.equals(a[0].expect(0), b[0].expect(0));
                System.out.printf("  repetition %d: threads(2) %.2f s, spark %.2f s, <a†a>(10) = %.6f%n", r,
                        onThreads[r], onSpark[r], b[0].expect(0)[99]);
            }
            System.out.printf("mcsolve nho N=%d, %d trajectories: spark %.2f s, threads(2) %.2f s (medians of %d); "
                            + "ratio spark/threads %.2f; same bits: %b%n", n, ntraj, median(onSpark), median(onThreads),
                    reps, median(onSpark) / median(onThreads), same);
        }
    }

    static McResult nho(int n, int ntraj, TaskMap map) {
        Qobj a = Operators.destroy(n);
        Qobj ad = a.dag();
        Qobj h = ad.times(a).times(0.1).plus(ad.times(ad).times(a).times(a).times(0.025)).plus(a.plus(ad).times(2));
        McOptions options = McOptions.defaults().withNtraj(ntraj).withSeed(2026).withMap(map);
        return new McSolver(h, List.of(a.times(Math.sqrt(1.2)), ad.times(Math.sqrt(0.2))), options)
                .run(States.basis(n, 0), Models.linspace(0, 10, 100), List.of(ad.times(a)));
    }

    private static double time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
