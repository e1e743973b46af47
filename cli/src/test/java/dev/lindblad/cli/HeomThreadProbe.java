package dev.lindblad.cli;

import dev.lindblad.Qobj;
import dev.lindblad.heom.HeomOptions;
import dev.lindblad.heom.HeomResult;
import dev.lindblad.heom.HeomSolver;
import dev.lindblad.parallel.Parallelism;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * CPU time of the FMO hierarchy (the {@code fmo-heom} bench row) on several thread counts in one
 * JVM, for a machine shared with other work, where wall times say little (issue #23). CPU time
 * is that of the calling thread and the kernel threads ({@code ThreadMXBean}; spinning workers
 * included, JIT and GC threads not). The thread counts alternate, round after round, and the
 * minimum and the median of each are printed.
 * <pre>
 * java -cp "cli/target/test-classes:cli/target/classes:$(cat cli/target/classpath.txt)" \
 *     dev.lindblad.cli.HeomThreadProbe run DEPTH T_END ROUNDS THREADS,...
 * java -cp ... dev.lindblad.cli.HeomThreadProbe product DEPTH PRODUCTS ROUNDS THREADS,...
 * </pre>
 * {@code run}: a whole run of the solver (built once) from site 1 to {@code T_END} ps, an
 * output every 0.01 ps, e-ops the site populations. {@code product}: the hierarchy's
 * right-hand side alone, {@code PRODUCTS} times on a fixed pseudo-random state, per product.
 * Not a test (surefire runs only classes named *Test).
 */
final class HeomThreadProbe {

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private HeomThreadProbe() {
    }

    /** CPU time so far of this thread and the live kernel threads, ns. */
    private static long cpu() {
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t == Thread.currentThread() || t.getName().startsWith("lindblad-kernel")) {
                long c = MX.getThreadCpuTime(t.threadId());
                if (c > 0) {
                    sum += c;
                }
            }
        }
        return sum;
    }

    public static void main(String[] args) {
        if (args.length != 5 || !(args[0].equals("run") || args[0].equals("product"))) {
            throw new IllegalArgumentException("usage: run DEPTH T_END ROUNDS THREADS,... | product DEPTH PRODUCTS ROUNDS THREADS,...;"
                    + " got " + String.join(" ", args));
        }
        boolean run = args[0].equals("run");
        int depth = Integer.parseInt(args[1]);
        double amount = Double.parseDouble(args[2]);
        int rounds = Integer.parseInt(args[3]);
        String[] threads = args[4].split(",");
        List<Qobj> pops = FmoModel.populations();
        HeomSolver solver = new HeomSolver(FmoModel.hamiltonian(), FmoModel.baths(), depth, HeomOptions.defaults());
        int points = (int) Math.round(amount * 100) + 1;
        double[] tlist = new double[points];
        for (int i = 0; i < points; i++) {
            tlist[i] = i / 100.0;
        }
        double[] y = new double[solver.dimension()];
        double[] out = new double[y.length];
        Random random = new Random(1);
        for (int i = 0; i < y.length; i++) {
            y[i] = random.nextDouble() - 0.5;
        }
        // warm-up on every thread count
        for (String t : threads) {
            Parallelism.threads(Integer.parseInt(t.trim()));
            for (int i = 0; i < 50; i++) {
                solver.applyGenerator(0, y, out);
            }
            if (run) {
                new HeomSolver(FmoModel.hamiltonian(), FmoModel.baths(), Math.min(depth, 3), HeomOptions.defaults())
                        .run(pops.get(0), new double[] {0, 0.5}, pops);
            }
        }
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (String t : threads) {
                Parallelism.threads(Integer.parseInt(t.trim()));
                solver.applyGenerator(0, y, out);
                long c0 = cpu();
                long w0 = System.nanoTime();
                String detail;
                double scale;
                if (run) {
                    HeomResult result = solver.run(pops.get(0), tlist, pops);
                    double[] p1 = result.expect(0);
                    detail = String.format(Locale.ROOT, "rhs %d, p1 %.10f", result.stats().rhsCalls(), p1[p1.length - 1]);
                    scale = 1e9;
                } else {
                    int n = (int) amount;
                    for (int i = 0; i < n; i++) {
                        solver.applyGenerator(0, y, out);
                    }
                    detail = "";
                    scale = 1e6 * n;
                }
                double cpu = (cpu() - c0) / scale;
                double wall = (System.nanoTime() - w0) / scale;
                results.computeIfAbsent(t, k -> new ArrayList<>()).add(new double[] {cpu, wall});
                System.out.printf(Locale.ROOT, "round %d, %s thread(s): cpu %.3f, wall %.3f %s %s%n", r, t, cpu, wall,
                        run ? "s" : "ms per product", detail);
            }
        }
        for (Map.Entry<String, List<double[]>> e : results.entrySet()) {
            double[] cpu = e.getValue().stream().mapToDouble(x -> x[0]).sorted().toArray();
            double[] wall = e.getValue().stream().mapToDouble(x -> x[1]).sorted().toArray();
            System.out.printf(Locale.ROOT, "%s thread(s): cpu min %.3f median %.3f, wall min %.3f median %.3f %s%n", e.getKey(),
                    cpu[0], cpu[cpu.length / 2], wall[0], wall[wall.length / 2], run ? "s" : "ms per product");
        }
    }
}
