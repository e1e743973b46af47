import java.util.Locale;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Scalar vs auto-vectorised vs Vector API for the two inner loops that dominate Lindblad's
 * products on interleaved complex arrays (docs/performance.md, "SIMD"):
 * <ol>
 *   <li>axpy, the dense gemv/gemm inner loop: y += a x with a complex scalar a;</li>
 *   <li>the DIA matvec inner loop: y += v .* x element-wise complex.</li>
 * </ol>
 * Run by hand, not part of the build (it needs the incubator module):
 * <pre>
 * java --add-modules jdk.incubator.vector docs/bench/SimdMeasure.java            # C2 auto-vectorises
 * java --add-modules jdk.incubator.vector -XX:-UseSuperWord docs/bench/SimdMeasure.java   # scalar
 * </pre>
 * Prints ns per complex element (best of many repetitions) for an L1-resident size and a
 * memory-bound size.
 */
public class SimdMeasure {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    static final VectorShuffle<Double> SWAP = VectorShuffle.fromOp(S, i -> i ^ 1);
    static final VectorShuffle<Double> EVEN = VectorShuffle.fromOp(S, i -> i & ~1);
    static final VectorShuffle<Double> ODD = VectorShuffle.fromOp(S, i -> i | 1);
    static final DoubleVector SIGN = DoubleVector.fromArray(S, signs(), 0);

    static double[] signs() {
        double[] s = new double[S.length()];
        for (int i = 0; i < s.length; i++) {
            s[i] = (i & 1) == 0 ? -1 : 1;
        }
        return s;
    }

    static void axpy(double ar, double ai, double[] x, double[] y, int n) {
        for (int i = 0; i < 2 * n; i += 2) {
            double xr = x[i], xi = x[i + 1];
            y[i] += ar * xr - ai * xi;
            y[i + 1] += ar * xi + ai * xr;
        }
    }

    static void axpyVector(double ar, double ai, double[] x, double[] y, int n) {
        DoubleVector aiSigned = SIGN.mul(ai), arV = DoubleVector.broadcast(S, ar);
        int i = 0, end = S.loopBound(2 * n);
        for (; i < end; i += S.length()) {
            DoubleVector xv = DoubleVector.fromArray(S, x, i);
            DoubleVector yv = DoubleVector.fromArray(S, y, i);
            yv = xv.fma(arV, yv);
            yv = xv.rearrange(SWAP).fma(aiSigned, yv);
            yv.intoArray(y, i);
        }
        for (; i < 2 * n; i += 2) {
            double xr = x[i], xi = x[i + 1];
            y[i] += ar * xr - ai * xi;
            y[i + 1] += ar * xi + ai * xr;
        }
    }

    static void diag(double[] v, double[] x, double[] y, int n) {
        for (int i = 0; i < 2 * n; i += 2) {
            double vr = v[i], vi = v[i + 1], xr = x[i], xi = x[i + 1];
            y[i] += vr * xr - vi * xi;
            y[i + 1] += vr * xi + vi * xr;
        }
    }

    static void diagVector(double[] v, double[] x, double[] y, int n) {
        int i = 0, end = S.loopBound(2 * n);
        for (; i < end; i += S.length()) {
            DoubleVector vv = DoubleVector.fromArray(S, v, i);
            DoubleVector xv = DoubleVector.fromArray(S, x, i);
            DoubleVector yv = DoubleVector.fromArray(S, y, i);
            yv = vv.rearrange(EVEN).fma(xv, yv);
            yv = vv.rearrange(ODD).mul(SIGN).fma(xv.rearrange(SWAP), yv);
            yv.intoArray(y, i);
        }
        for (; i < 2 * n; i += 2) {
            double vr = v[i], vi = v[i + 1], xr = x[i], xi = x[i + 1];
            y[i] += vr * xr - vi * xi;
            y[i + 1] += vr * xi + vi * xr;
        }
    }

    interface Kernel {
        void run(double[] v, double[] x, double[] y, int n);
    }

    static double nsPerElement(Kernel k, int n) {
        double[] v = new double[2 * n], x = new double[2 * n], y = new double[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            v[i] = Math.sin(i);
            x[i] = Math.cos(i);
        }
        int reps = Math.max(3, (1 << 24) / n);
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 15; round++) {
            long t0 = System.nanoTime();
            for (int r = 0; r < reps; r++) {
                k.run(v, x, y, n);
            }
            best = Math.min(best, (double) (System.nanoTime() - t0) / reps / n);
        }
        if (y[1] == 42.4242) {
            System.out.println();
        }
        return best;
    }

    public static void main(String[] args) {
        System.out.println("vector species " + S + ", SuperWord " + !java.lang.management.ManagementFactory
                .getRuntimeMXBean().getInputArguments().contains("-XX:-UseSuperWord"));
        for (int n : new int[] {1024, 1 << 20}) {
            System.out.printf(Locale.ROOT, "n=%d axpy loop %.3f ns/elem, axpy VectorAPI %.3f ns/elem, "
                            + "dia loop %.3f ns/elem, dia VectorAPI %.3f ns/elem%n", n,
                    nsPerElement((v, x, y, m) -> axpy(0.3, -0.7, x, y, m), n),
                    nsPerElement((v, x, y, m) -> axpyVector(0.3, -0.7, x, y, m), n),
                    nsPerElement(SimdMeasure::diag, n),
                    nsPerElement(SimdMeasure::diagVector, n));
        }
    }
}
