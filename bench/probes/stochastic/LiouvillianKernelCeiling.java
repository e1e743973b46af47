import dev.lindblad.Qobj;
import dev.lindblad.data.Data;
import dev.lindblad.data.LinearMap;
import dev.lindblad.data.Matrix;
import java.util.List;
import java.util.Random;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import static dev.lindblad.Lindblad.*;

/**
 * How much faster the smesolve step's main product could get with explicit SIMD (issue #22):
 * the library's split-layout product with the nho Liouvillian (N = 50: 2 500 rows, seven
 * diagonals) against a kernel written with the Vector API that keeps each row's sums in
 * registers over all seven diagonals (unaligned loads of x at every offset: what C2's
 * auto-vectoriser cannot do, which is why the library shifts x onto each diagonal first). The
 * Vector API kernel runs on seven diagonals with the Liouvillian's offsets and its pattern of
 * real and imaginary diagonals, random entries. Not part of the build; after a build, from the
 * repository root:
 *
 *   java --add-modules jdk.incubator.vector -cp "cli/target/lindblad-cli.jar:$(cat cli/target/classpath.txt)" \
 *       bench/probes/stochastic/LiouvillianKernelCeiling.java
 */
public class LiouvillianKernelCeiling {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    /** y = A x in split layout; xr, xi padded by pad zeros on both sides; wr[d] or wi[d] set. */
    static void fused(int n, int pad, int[] off, double[][] wr, double[][] wi, double[] xr, double[] xi, double[] y) {
        int i = 0;
        for (; i + S.length() <= n; i += S.length()) {
            DoubleVector ar = DoubleVector.zero(S), ai = DoubleVector.zero(S);
            for (int d = 0; d < off.length; d++) {
                int j = pad + i + off[d];
                DoubleVector pr = DoubleVector.fromArray(S, xr, j), pi = DoubleVector.fromArray(S, xi, j);
                if (wi[d] == null) {
                    DoubleVector w = DoubleVector.fromArray(S, wr[d], i);
                    ar = w.fma(pr, ar);
                    ai = w.fma(pi, ai);
                } else {
                    DoubleVector w = DoubleVector.fromArray(S, wi[d], i);
                    ar = w.neg().fma(pi, ar);
                    ai = w.fma(pr, ai);
                }
            }
            ar.intoArray(y, i);
            ai.intoArray(y, n + i);
        }
        for (; i < n; i++) {
            double r = 0, m = 0;
            for (int d = 0; d < off.length; d++) {
                int j = pad + i + off[d];
                if (wi[d] == null) {
                    r += wr[d][i] * xr[j];
                    m += wr[d][i] * xi[j];
                } else {
                    r -= wi[d][i] * xi[j];
                    m += wi[d][i] * xr[j];
                }
            }
            y[i] = r;
            y[n + i] = m;
        }
    }

    public static void main(String[] args) {
        int size = 50, n = size * size, pad = 64, calls = 20000;
        Qobj a = destroy(size);
        Qobj h = a.dag().times(a).times(0.1).plus(a.dag().times(a.dag()).times(a).times(a).times(0.025))
                .plus(a.plus(a.dag()).times(2));
        Qobj liouvillian = liouvillian(h, List.of(a.times(Math.sqrt(1.2)), a.dag().times(Math.sqrt(0.2))));
        LinearMap map = Data.prepareSplitLayout((Matrix) liouvillian.data());
        int[] off = {-size - 1, -size, -1, 0, 1, size, size + 1};
        Random random = new Random(1);
        double[][] wr = new double[off.length][], wi = new double[off.length][];
        for (int d = 0; d < off.length; d++) {
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                int j = i + off[d];
                w[i] = j >= 0 && j < n ? random.nextDouble() : 0;
            }
            if (off[d] == 0 || off[d] == -size - 1 || off[d] == size + 1) {
                wr[d] = w;   // the diagonal and the jump terms: real
            } else {
                wi[d] = w;   // the commutator with H: imaginary
            }
        }
        double[] x = new double[2 * n], y = new double[2 * n];
        double[] xr = new double[n + 2 * pad], xi = new double[n + 2 * pad];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble();
        }
        System.out.println("library storage: " + map.storage() + ", " + map.rows() + " rows; species " + S);
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            for (int k = 0; k < calls; k++) {
                Data.matvecSplitLayout(map, x, y);
            }
            long t1 = System.nanoTime();
            for (int k = 0; k < calls; k++) {
                System.arraycopy(x, 0, xr, pad, n);
                System.arraycopy(x, n, xi, pad, n);
                fused(n, pad, off, wr, wi, xr, xi, y);
            }
            long t2 = System.nanoTime();
            System.out.printf("round %d: library %.2f us, Vector API (sums in registers) %.2f us per product%n",
                    round, (t1 - t0) / 1e3 / calls, (t2 - t1) / 1e3 / calls);
        }
    }
}
