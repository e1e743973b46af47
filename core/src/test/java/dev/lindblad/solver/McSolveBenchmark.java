package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;

import dev.lindblad.Qobj;
import dev.lindblad.parallel.TaskMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The mcsolve benchmark of docs/benchmarks.md (not a test: its name does not end in Test, and it
 * times things): the nho Kerr resonator with N = 50, H = 0.1 a†a + 0.025 a†²a² + 2(a + a†),
 * c = sqrt(1.2) a, sqrt(0.2) a†, psi0 = |0>, tlist = linspace(0, 10, 100), e-op a†a.
 * For each method, trajectory count and thread count it prints the median wall time of
 * {@code repeats} runs after {@code warmup} runs.
 *
 * <pre>
 * ./mvnw -q -B -pl core test-compile
 * /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -cp core/target/classes:core/target/test-classes \
 *     dev.lindblad.solver.McSolveBenchmark [method] [ntraj,...] [threads,...] [repeats] [warmup]
 * </pre>
 */
public final class McSolveBenchmark {
    private McSolveBenchmark() {
    }

    public static void main(String[] args) {
        String method = args.length > 0 ? args[0] : "adams";
        int[] ntrajs = args.length > 1 ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {100, 500};
        int[] threads = args.length > 2 ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 2};
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        int n = 50;
        Qobj a = destroy(n), ad = a.dag();
        Qobj h = ad.times(a).times(0.1).plus(ad.times(ad).times(a).times(a).times(0.025)).plus(a.plus(ad).times(2));
        List<Qobj> cOps = List.of(a.times(Math.sqrt(1.2)), ad.times(Math.sqrt(0.2)));
        double[] t = linspace(0, 10, 100);
        List<Qobj> eOps = List.of(num(n));
        Qobj psi0 = fock(n, 0);
        McOptions base = McOptions.defaults().withMethod(method).withSeed(1);
        for (int w = 0; w < warmup; w++) {
            new McSolver(h, cOps, base.withNtraj(100).withMap(TaskMap.threads(threads[threads.length - 1])))
                    .run(psi0, t, eOps);
        }
        for (int ntraj : ntrajs) {
            for (int th : threads) {
                double[] secs = new double[repeats];
                McResult r = null;
                for (int k = 0; k < repeats; k++) {
                    long s = System.nanoTime();
                    r = new McSolver(h, cOps, base.withNtraj(ntraj).withSeed(k).withMap(TaskMap.threads(th)))
                            .run(psi0, t, eOps);
                    secs[k] = (System.nanoTime() - s) / 1e9;
                }
                double[] sorted = secs.clone();
                Arrays.sort(sorted);
                long jumps = 0;
                for (int c : r.collapseCounts()) {
                    jumps += c;
                }
                System.out.printf(Locale.ROOT,
                        "lindblad mcsolve %s ntraj=%d threads=%d: median %.4f s over %d runs (all: %s); <n>(T) = %.4f;"
                                + " %.1f jumps/trajectory; %s%n",
                        method, ntraj, th, sorted[repeats / 2], repeats, Arrays.toString(secs), r.expect(0)[t.length - 1],
                        (double) jumps / r.ntraj(), r.stats());
            }
        }
    }
}
