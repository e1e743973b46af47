package dev.lindblad.foreign;

import java.util.*;

/** One driver, alternating fresh memory (scratchMiB=0) and the kept block, in one process. */
public class ScratchHarness {
    public static void main(String[] args) {
        String lib = args[0];
        boolean vec = args[1].equals("V");
        int threads = Integer.parseInt(args[2]), reps = Integer.parseInt(args[3]);
        DenseLapack d = lib.equals("mkl") ? new MklBackend().state().dense() : new OpenBlasBackend().state().dense();
        for (int ai = 4; ai < args.length; ai++) {
            int n = Integer.parseInt(args[ai]);
            double[] a = EigHarness.randomHermitian(n, 42);
            List<Double> fresh = new ArrayList<>(), kept = new ArrayList<>(), cf = new ArrayList<>(), ck = new ArrayList<>();
            var mx = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int rep = 0; rep < reps + 2; rep++) {
                for (int variant = 0; variant < 2; variant++) {
                    System.setProperty("lindblad.native.scratchMiB", variant == 0 ? "0" : "1024"); if (rep % 2 == 1) { }
                    double[] v = vec ? new double[2 * n * n] : null;
                    long t0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
                    d.hermitianEigen(n, a, v, threads, variant == 0 ? DenseLapack.HermitianDriver.EVD : d.driverFor(n, vec, threads));
                    double ms = (System.nanoTime() - t0) / 1e6, cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
                    if (rep >= 2) { (variant == 0 ? fresh : kept).add(ms); (variant == 0 ? cf : ck).add(cpu); }
                }
            }
            Collections.sort(fresh); Collections.sort(kept); Collections.sort(cf); Collections.sort(ck);
            System.out.printf("%s %s n=%d threads=%d : before (zheevd, fresh memory) %.1f ms (thread CPU %.1f), after (%s, kept block) %.1f ms (thread CPU %.1f) (medians of %d, alternating)%n",
                    lib, vec ? "V" : "N", n, threads, fresh.get(reps / 2), cf.get(reps / 2), d.driverFor(n, vec, threads).routine, kept.get(reps / 2), ck.get(reps / 2), reps);
        }
    }
}
