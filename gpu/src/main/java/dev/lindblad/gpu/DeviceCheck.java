package dev.lindblad.gpu;

import dev.lindblad.Lindblad;
import dev.lindblad.solver.Result;
import dev.lindblad.solver.SolverOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The check run on a machine with a GPU ({@code gpu/device-check.sh}): no build needed there.
 *
 * <p>Usage: {@code DeviceCheck <results file> [--cpu-timeout SECONDS] [problem ...]} with
 * problems {@code ising:N} and {@code nho:N} (default {@code ising:6 ising:8 nho:50 nho:200
 * ising:10}). It writes, line by line (flushed, so a timeout keeps what was done):
 * <ol>
 *   <li>the machine: Java, processors, {@link Gpu#status()};</li>
 *   <li>checks (the assertions of {@code GpuMesolveDeviceTest}): a device round trip, and Ising
 *       N = 4 and nho N = 20 on the GPU against the Java twin (≤ 1e-9) and the CPU solver
 *       (≤ 1e-6) at tight tolerances; each line {@code PASS} or {@code FAIL};</li>
 *   <li>the benchmark: each problem on the GPU (the first run includes the library loading, the
 *       second is timed), then on the CPU ({@link Lindblad#mesolve}, all cores) unless it
 *       exceeds the CPU timeout or N > 8 for Ising; default tolerances for both, the value
 *       compared at every output time.</li>
 * </ol>
 * Exit status 0 when every check passed, 1 when one failed, 2 when no GPU is usable.
 */
public final class DeviceCheck {

    private DeviceCheck() {
    }

    /**
     * @param args the results file, then options and problems (see the class comment)
     * @throws IOException when the results file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: DeviceCheck RESULTS_FILE [--cpu-timeout SECONDS] [ising:N|nho:N ...]");
            System.exit(64);
        }
        Path file = Path.of(args[0]);
        double cpuTimeout = 120;
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--cpu-timeout")) {
                cpuTimeout = Double.parseDouble(args[++i]);
            } else {
                problems.add(args[i]);
            }
        }
        if (problems.isEmpty()) {
            problems = List.of("ising:6", "ising:8", "nho:50", "nho:200", "ising:10");
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), true)) {
            System.exit(run(w, problems, cpuTimeout));
        }
    }

    private static void say(PrintWriter w, String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        System.out.println(s);
        w.println(s);
        w.flush();
    }

    static int run(PrintWriter w, List<String> problems, double cpuTimeout) {
        say(w, "# Lindblad GPU device check (issue #19)");
        say(w, "java: %s, %d processors, max heap %d MiB", Runtime.version(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        GpuStatus s = Gpu.status();
        say(w, "gpu: %s", s.describe());
        if (!s.usable()) {
            say(w, "RESULT: NO GPU (%s)", s.reason());
            return 2;
        }
        boolean ok = true;
        ok &= check(w, "device round trip", () -> {
            CudaRuntime rt = Gpu.runtime();
            var p = rt.malloc(64);
            try {
                double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
                rt.upload(x, p);
                double[] y = new double[8];
                rt.download(p, y);
                return (java.util.Arrays.equals(x, y) ? "" : "FAIL:") + "8 doubles up, back " + java.util.Arrays.toString(y);
            } finally {
                rt.free(p);
            }
        });
        SolverOptions tight = SolverOptions.defaults().withAtol(1e-10).withRtol(1e-8);
        for (Models.Model m : List.of(Models.ising(4), Models.nho(20))) {
            ok &= check(w, m.name() + " gpu vs twin vs cpu", () -> {
                GpuResult g = GpuMesolve.mesolve(m.h(), m.rho0(), m.tlist(), m.cOps(), m.eOps(), tight);
                GpuResult h = GpuMesolve.mesolveOnHost(m.h(), m.rho0(), m.tlist(), m.cOps(), m.eOps(), tight);
                Result c = Lindblad.mesolve(m.h(), m.rho0(), m.tlist(), m.cOps(), m.eOps(), tight);
                double vsTwin = maxDiff(g.expect(0), h.expect(0));
                double vsCpu = maxDiff(g.expect(0), c.expect(0));
                String d = String.format(Locale.ROOT, "|gpu-twin| %.2e (<= 1e-9), |gpu-cpu| %.2e (<= 1e-6), steps %d/%d",
                        vsTwin, vsCpu, g.steps(), h.steps());
                return (vsTwin <= 1e-9 && vsCpu <= 1e-6 ? "" : "FAIL:") + d;
            });
        }
        say(w, "## benchmark: mesolve, default tolerances, tlist = linspace(0, 10, 100)");
        say(w, "problem | dim | gpu first s | gpu s | steps | cpu s | speed-up | max |gpu-cpu| | <e>(10)");
        ExecutorService cpuPool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cpu-mesolve");
            t.setDaemon(true);
            return t;
        });
        SolverOptions defaults = SolverOptions.defaults();
        for (String spec : problems) {
            String[] parts = spec.split(":");
            int n = Integer.parseInt(parts[1]);
            Models.Model m = parts[0].equals("ising") ? Models.ising(n) : Models.nho(n);
            try {
                long t0 = System.nanoTime();
                GpuMesolve.mesolve(m.h(), m.rho0(), m.tlist(), m.cOps(), m.eOps(), defaults);
                double first = (System.nanoTime() - t0) * 1e-9;
                t0 = System.nanoTime();
                GpuResult g = GpuMesolve.mesolve(m.h(), m.rho0(), m.tlist(), m.cOps(), m.eOps(), defaults);
                double gpu = (System.nanoTime() - t0) * 1e-9;
                String cpuCell = "-";
                String speed = "-";
                String diff = "-";
                if (!(parts[0].equals("ising") && n > 8)) {
                    long c0 = System.nanoTime();
                    Future<Result> f = cpuPool.submit(() -> Lindblad.mesolve(m.h(), m.rho0(), m.tlist(), m.cOps(),
                            m.eOps(), defaults));
                    try {
                        Result c = f.get((long) (cpuTimeout * 1000), TimeUnit.MILLISECONDS);
                        double cpu = (System.nanoTime() - c0) * 1e-9;
                        cpuCell = String.format(Locale.ROOT, "%.3f", cpu);
                        speed = String.format(Locale.ROOT, "%.1f", cpu / gpu);
                        diff = String.format(Locale.ROOT, "%.1e", maxDiff(g.expect(0), c.expect(0)));
                    } catch (TimeoutException e) {
                        f.cancel(true);
                        cpuCell = "> " + cpuTimeout;
                        speed = "> " + String.format(Locale.ROOT, "%.1f", cpuTimeout / gpu);
                        cpuPool.shutdownNow();
                        cpuPool = Executors.newSingleThreadExecutor(r -> {
                            Thread t = new Thread(r, "cpu-mesolve");
                            t.setDaemon(true);
                            return t;
                        });
                    }
                }
                double[] e = g.expect(0);
                say(w, "%s | %d | %.3f | %.3f | %d | %s | %s | %s | %.6f", m.name(), m.h().shape()[0], first, gpu,
                        g.steps(), cpuCell, speed, diff, e[e.length - 1]);
            } catch (RuntimeException | OutOfMemoryError | java.util.concurrent.ExecutionException | InterruptedException e) {
                say(w, "%s | FAILED: %s", m.name(), e);
                ok = false;
            }
        }
        say(w, "RESULT: %s", ok ? "PASS" : "FAIL");
        return ok ? 0 : 1;
    }

    /** A check: returns its detail, prefixed {@code "FAIL:"} when it failed. */
    private interface Check {
        String run() throws Exception;
    }

    private static boolean check(PrintWriter w, String name, Check c) {
        try {
            String detail = c.run();
            boolean pass = !detail.startsWith("FAIL:");
            say(w, "%s %s: %s", pass ? "PASS" : "FAIL", name, pass ? detail : detail.substring(5));
            return pass;
        } catch (Exception | Error e) {
            say(w, "FAIL %s: %s", name, e);
            return false;
        }
    }

    static double maxDiff(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }
}
