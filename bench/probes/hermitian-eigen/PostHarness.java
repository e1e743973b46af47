package dev.lindblad.foreign;

import dev.lindblad.data.Data;
import dev.lindblad.data.DenseMatrix;
import java.util.*;

/** The eigenstates post-processing, old (hypot scan + maxComponent per ket) vs new (sqrt scan, no scan). */
public class PostHarness {
    static double sink;
    static void fix(double[] v, boolean hypot) {
        int best = 0; double bm = -1;
        for (int k = 0; k < v.length; k += 2) {
            double m = hypot ? Math.hypot(v[k], v[k + 1]) : Math.sqrt(v[k] * v[k] + v[k + 1] * v[k + 1]);
            if (m > bm + 1e-10) { bm = m; best = k; }
        }
        double r = Math.hypot(v[best], v[best + 1]);
        double cr = v[best] / r, ci = -v[best + 1] / r;
        for (int k = 0; k < v.length; k += 2) {
            double x = v[k], y = v[k + 1];
            v[k] = x * cr - y * ci; v[k + 1] = x * ci + y * cr;
        }
    }
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        double[] v = EigHarness.randomHermitian(n, 3);
        List<Double> a = new ArrayList<>(), b = new ArrayList<>();
        for (int rep = 0; rep < 12; rep++) {
            for (int variant = 0; variant < 2; variant++) {
                long t0 = System.nanoTime();
                for (int k = 0; k < n; k++) {
                    double[] col = Arrays.copyOfRange(v, 2 * k * n, 2 * (k + 1) * n);
                    fix(col, variant == 0);
                    if (variant == 0) sink += Data.maxComponent(DenseMatrix.wrap(n, 1, col));
                    else sink += col[0];
                }
                double ms = (System.nanoTime() - t0) / 1e6;
                if (rep >= 2) (variant == 0 ? a : b).add(ms);
            }
        }
        Collections.sort(a); Collections.sort(b);
        System.out.printf("n=%d eigenstates post-processing: old %.1f ms, new %.1f ms (medians of 10, alternating)%n", n, a.get(5), b.get(5));
    }
}
