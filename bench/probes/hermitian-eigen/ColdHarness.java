package dev.lindblad.foreign;

/** Times of the first calls in a fresh JVM (thread CPU in brackets). */
public class ColdHarness {
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        boolean vec = args[1].equals("V");
        DenseLapack d = new MklBackend().state().dense();
        double[] a = EigHarness.randomHermitian(n, 42);
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        d.hermitianEigen(8, EigHarness.randomHermitian(8, 1), null, 1);
        StringBuilder sb = new StringBuilder("n=" + n + (vec ? " V" : " N") + " scratchMiB=" + System.getProperty("lindblad.native.scratchMiB", "default") + ":");
        for (int k = 0; k < 4; k++) {
            double[] v = vec ? new double[2 * n * n] : null;
            long t0 = System.nanoTime(), c0 = mx.getCurrentThreadCpuTime();
            d.hermitianEigen(n, a, v, 1);
            sb.append(String.format(" %.0f ms (%.0f)", (System.nanoTime() - t0) / 1e6, (mx.getCurrentThreadCpuTime() - c0) / 1e6));
        }
        System.out.println(sb);
    }
}
