package dev.lindblad.parallel;

import java.util.Arrays;

/**
 * The start-up measurement behind {@link Parallelism#threshold()}: a serial CSR matrix–vector
 * product of the same shape as the library's kernel (8 entries per row, spread columns) gives
 * the cost per multiply-add, and an empty dispatch over the kernel threads, back to back, gives
 * the overhead a split must recover. Budget: well under 200 ms, including JIT warm-up.
 */
final class Calibrator {
    private Calibrator() {
    }

    private static final int ROWS = 4096, PER_ROW = 8;
    /**
     * Bounds of the threshold. The lower one is the work of the {@link #MIN_SPLIT_NANOS} floor at
     * 10 ns per entry (about ten times the serial product's cost on current x86 cores), so it
     * binds only on a very slow machine; kernels below it run serially without triggering the
     * measurement (see {@link Parallelism#chunksFor}).
     */
    static final long MIN_THRESHOLD = 10_000, MAX_THRESHOLD = 1L << 24;
    private static final int WARM_UP_REPS = 200, TIMED_REPS = 40;
    /**
     * Serial duration below which a kernel never splits, ns. Alone, the Ising N = 6
     * Liouvillian's half product (26 µs serially) runs in 14 µs on two threads; inside mesolve
     * on this shared 2-core machine splitting it gained nothing on median and once doubled a
     * run's time (a descheduled worker), so short products stay serial.
     */
    static final double MIN_SPLIT_NANOS = 100_000;
    private static final long WARM_UP_NANOS = 25_000_000L;


    static Parallelism.Calibration measure(int threads) {
        long start = System.nanoTime();
        int n = ROWS, nnz = ROWS * PER_ROW;
        int[] rp = new int[n + 1], cj = new int[nnz];
        double[] v = new double[2 * nnz], x = new double[2 * n], y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            rp[i + 1] = rp[i] + PER_ROW;
            for (int k = 0; k < PER_ROW; k++) {
                cj[rp[i] + k] = (i + k * 97) % n;
                v[2 * (rp[i] + k)] = 1.0 / (k + 1);
                v[2 * (rp[i] + k) + 1] = 0.5 / (k + 2);
            }
            x[2 * i] = Math.sin(i);
            x[2 * i + 1] = Math.cos(i);
        }
        // Warm up until the JIT's optimised code is what is timed: at least WARM_UP_NANOS and
        // WARM_UP_REPS products (a fixed 30 left the measurement on interpreted or C1 code, about
        // 2.4x slow, and the threshold as much too low), then the best of the next TIMED_REPS.
        long warmStart = System.nanoTime();
        for (int rep = 0; rep < WARM_UP_REPS || System.nanoTime() - warmStart < WARM_UP_NANOS; rep++) {
            matvec(rp, cj, v, x, y, 0, n);
        }
        double best = Double.MAX_VALUE;
        for (int rep = 0; rep < TIMED_REPS; rep++) {
            long t0 = System.nanoTime();
            matvec(rp, cj, v, x, y, 0, n);
            best = Math.min(best, System.nanoTime() - t0);
        }
        double perEntry = Math.max(best / nnz, 0.05);
        double fj = 0;
        long threshold = Long.MAX_VALUE;
        if (threads > 1) {
            KernelTeam team = Parallelism.team();
            long[] t = new long[120];
            for (int rep = 0; rep < 40 + t.length; rep++) {
                long t0 = System.nanoTime();
                team.run(threads, c -> { });
                long dt = System.nanoTime() - t0;
                if (rep >= 40) {
                    t[rep - 40] = dt;
                }
            }
            Arrays.sort(t);
            // the mean, not the median: a split waits for its slowest chunk, and on a shared
            // machine a descheduled worker costs far more than the typical round trip (measured
            // on a loaded 2-core machine: median 22 us, mean 30-50 us); the median let a product
            // of 73 us split and run 25% slower
            double sum = 0;
            for (long dt : t) {
                sum += dt;
            }
            fj = sum / t.length;
            double breakEven = fj / (perEntry * (1 - 1.0 / threads));
            // floor: a product shorter than MIN_SPLIT_NANOS serially never splits, whatever the
            // round trip measured at start-up (on a shared machine it changes with the load: a
            // 55 us product split at load 1 ran 70 us slower per call)
            double floor = MIN_SPLIT_NANOS / perEntry;
            threshold = Math.max(MIN_THRESHOLD, Math.min(MAX_THRESHOLD, Math.round(Math.max(2 * breakEven, floor))));
        }
        if (y[0] == 12345.678) {   // keeps the timed loop from being removed as dead code
            threshold++;
        }
        return new Parallelism.Calibration(threads, perEntry, fj, threshold, System.nanoTime() - start);
    }

    private static void matvec(int[] rp, int[] cj, double[] v, double[] x, double[] y, int r0, int r1) {
        for (int i = r0; i < r1; i++) {
            double sr = 0, si = 0;
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                int c = 2 * cj[p];
                double vr = v[2 * p], vi = v[2 * p + 1], xr = x[c], xi = x[c + 1];
                sr += vr * xr - vi * xi;
                si += vr * xi + vi * xr;
            }
            y[2 * i] = sr;
            y[2 * i + 1] = si;
        }
    }
}
