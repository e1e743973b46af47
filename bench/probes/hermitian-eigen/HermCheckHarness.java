package dev.lindblad.foreign;

import dev.lindblad.data.Data;
import dev.lindblad.data.DenseMatrix;
import java.util.*;

public class HermCheckHarness {
    public static void main(String[] args) {
        for (String s : args) {
            int n = Integer.parseInt(s);
            DenseMatrix m = DenseMatrix.wrap(n, n, EigHarness.randomHermitian(n, 5));
            List<Double> a = new ArrayList<>(), b = new ArrayList<>();
            boolean ok = true;
            for (int rep = 0; rep < 12; rep++) {
                long t0 = System.nanoTime();
                ok &= Data.maxAbs(Data.sub(m, Data.adjoint(m))) <= 1e-12;
                long t1 = System.nanoTime();
                ok &= Data.isHermitian(m, 1e-12);
                long t2 = System.nanoTime();
                if (rep >= 2) { a.add((t1 - t0) / 1e6); b.add((t2 - t1) / 1e6); }
            }
            Collections.sort(a); Collections.sort(b);
            System.out.printf("n=%d Hermiticity check: formed A - A^dag %.1f ms, one pass %.2f ms (medians of 10, alternating; %s)%n", n, a.get(5), b.get(5), ok);
        }
    }
}
