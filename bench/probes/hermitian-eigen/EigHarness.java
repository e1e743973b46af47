package dev.lindblad.foreign;

import java.util.*;

public class EigHarness {
    static double[] randomHermitian(int n, long seed) {
        Random r = new Random(seed);
        double[] a = new double[2 * n * n];
        for (int j = 0; j < n; j++) for (int i = j; i < n; i++) {
            double re = r.nextGaussian(), im = i == j ? 0 : r.nextGaussian();
            a[2 * (i + j * n)] = re; a[2 * (i + j * n) + 1] = im;
            a[2 * (j + i * n)] = re; a[2 * (j + i * n) + 1] = -im;
        }
        return a;
    }
    public static void main(String[] args) throws Exception {
        String lib = args[0];
        boolean vec = args[1].equals("V");
        int threads = Integer.parseInt(args[2]);
        int reps = Integer.parseInt(args[3]);
        DenseLapack d = lib.equals("mkl") ? new MklBackend().state().dense() : new OpenBlasBackend().state().dense();
        for (int ai = 4; ai < args.length; ai++) {
            int n = Integer.parseInt(args[ai]);
            double[] a = randomHermitian(n, 42);
            List<DenseLapack.HermitianDriver> drivers = new ArrayList<>();
            for (var dr : DenseLapack.HermitianDriver.values()) if (d.has(dr, vec)) drivers.add(dr);
            Map<Object, List<Double>> t = new LinkedHashMap<>();
            Map<Object, double[]> w = new HashMap<>();
            for (int rep = 0; rep < reps + 1; rep++) {
                for (var dr : drivers) {
                    double[] v = vec ? new double[2 * n * n] : null;
                    long t0 = System.nanoTime();
                    double[] ww = d.hermitianEigen(n, a, v, threads, dr);
                    double ms = (System.nanoTime() - t0) / 1e6;
                    if (rep > 0) t.computeIfAbsent(dr, k -> new ArrayList<>()).add(ms);
                    w.put(dr, ww);
                }
            }
            StringBuilder sb = new StringBuilder(lib + " " + (vec ? "V" : "N") + " n=" + n + " threads=" + threads + ":");
            double[] ref = w.get(DenseLapack.HermitianDriver.EVD);
            for (var e : t.entrySet()) {
                List<Double> l = e.getValue(); Collections.sort(l);
                double dev = 0; double[] ww = w.get(e.getKey());
                for (int k = 0; k < n; k++) dev = Math.max(dev, Math.abs(ww[k] - ref[k]));
                sb.append(String.format("  %s %.1f ms (min %.1f, dev %.1e)", e.getKey(), l.get(l.size() / 2), l.get(0), dev));
            }
            System.out.println(sb);
        }
    }
}
