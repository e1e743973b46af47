package dev.lindblad.bench;

import static dev.lindblad.Lindblad.*;

import dev.lindblad.Qobj;
import dev.lindblad.solver.DataFiles;
import dev.lindblad.solver.Result;
import dev.lindblad.solver.SolverOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How long {@code saveHdf5} takes against {@code qsave} for a result with stored states (issue
 * #21): a plain main, not a JMH benchmark nor a test. Prints the median of each over a few
 * repetitions after warm-up, wall time and the calling thread's CPU time (steadier on a loaded
 * machine: both writers run on the calling thread), the file sizes and the ratios.
 *
 * <pre>java -cp ... dev.lindblad.bench.DataFilesSpeed [N] [times] [reps]</pre>
 */
public final class DataFilesSpeed {

    private DataFilesSpeed() {
    }

    /**
     * @param args N (Fock cutoff, default 40), number of times (default 201), repetitions (default 9)
     * @throws Exception on a file error
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int nt = args.length > 1 ? Integer.parseInt(args[1]) : 201;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 9;
        Qobj a = destroy(n);
        Result r = mesolve(a.dag().times(a), coherentDm(n, 2.0), linspace(0, 5, nt), List.of(a.times(Math.sqrt(0.1))),
                List.of(a.dag().times(a), a), SolverOptions.defaults().withStoreStates(true));
        Path dir = Files.createTempDirectory("lindblad-speed");
        Path q = dir.resolve("r.qsave");
        Path h = dir.resolve("r.h5");
        double[] tq = new double[reps];
        double[] th = new double[reps];
        double[] cq = new double[reps];
        double[] ch = new double[reps];
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int w = 0; w < 3; w++) {
            DataFiles.qsave(r, q);
            DataFiles.saveHdf5(r, h);
        }
        for (int i = 0; i < reps; i++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            DataFiles.qsave(r, q);
            long t1 = System.nanoTime();
            long c1 = cpu.getCurrentThreadCpuTime();
            DataFiles.saveHdf5(r, h);
            long t2 = System.nanoTime();
            long c2 = cpu.getCurrentThreadCpuTime();
            tq[i] = (t1 - t0) / 1e6;
            th[i] = (t2 - t1) / 1e6;
            cq[i] = (c1 - c0) / 1e6;
            ch[i] = (c2 - c1) / 1e6;
        }
        Arrays.sort(tq);
        Arrays.sort(th);
        Arrays.sort(cq);
        Arrays.sort(ch);
        System.out.printf("N=%d, %d times, %d states stored%n", n, nt, r.states().size());
        System.out.printf("qsave    median wall %8.1f ms, cpu %8.1f ms  (%d bytes)%n", tq[reps / 2], cq[reps / 2],
                Files.size(q));
        System.out.printf("saveHdf5 median wall %8.1f ms, cpu %8.1f ms  (%d bytes)%n", th[reps / 2], ch[reps / 2],
                Files.size(h));
        System.out.printf("ratio saveHdf5/qsave: wall %.1f, cpu %.1f%n", th[reps / 2] / tq[reps / 2],
                ch[reps / 2] / cq[reps / 2]);
        Files.delete(q);
        Files.delete(h);
        Files.delete(dir);
    }
}
