import static dev.lindblad.Lindblad.*;

import dev.lindblad.Qobj;
import dev.lindblad.data.CsrMatrix;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sparse product with gathers from x, three ways, on the Liouvillian of the dissipative
 * transverse-field Ising chain (the matrix of {@code lindblad bench spmv}'s {@code ising<N>}
 * lines): complex CSR (one short loop per row), the same entries in slices of eight rows laid
 * out column by column (eight independent row sums per pass, as {@code SlicedSplitMatrix} does
 * for the split parts), and those slices with the Vector API (8-lane gathers and fused
 * multiply-adds). See docs/performance.md, "A machine with more bandwidth per core".
 * Run by hand, not part of the build:
 * <pre>
 * ./mvnw -q -B -pl core compile
 * java --add-modules jdk.incubator.vector -cp core/target/classes docs/bench/GatherMeasure.java 6 7 9
 * java --add-modules jdk.incubator.vector -cp core/target/classes docs/bench/GatherMeasure.java --dump /tmp/ising9.bin 9
 * </pre>
 * Prints ns per stored entry, best of repetitions over 0.4 s, three rounds.
 */
public class GatherMeasure {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_512;
    static final int LANES = 8;
    static final VectorShuffle<Double> LOW = VectorShuffle.fromValues(S, 0, 8, 1, 9, 2, 10, 3, 11);
    static final VectorShuffle<Double> HIGH = VectorShuffle.fromValues(S, 4, 12, 5, 13, 6, 14, 7, 15);

    static CsrMatrix ising(int n) {
        List<Qobj> c = new ArrayList<>();
        Qobj h = null;
        for (int k = 0; k < n; k++) {
            Qobj x = site(sigmax(), k, n).times(-0.7);
            h = h == null ? x : h.plus(x);
            if (k + 1 < n) {
                h = h.plus(site(sigmaz(), k, n).times(site(sigmaz(), k + 1, n)).times(-1));
            }
            c.add(site(sigmam(), k, n).times(Math.sqrt(0.1)));
        }
        return liouvillian(h, c).data().toCsr();
    }

    static Qobj site(Qobj op, int k, int n) {
        Qobj[] f = new Qobj[n];
        java.util.Arrays.fill(f, qeye(2));
        f[k] = op;
        return tensor(f);
    }

    /** Complex entries in slices of eight rows: position start[s] + 8 k + l is entry k of row 8 s + l. */
    record Sliced(int[] start, int[] xIndex, double[] re, double[] im) {
        static Sliced of(CsrMatrix a) {
            int[] rp = a.rowPointers(), cj = a.columnIndices();
            double[] v = a.valueArray();
            int slices = (a.rows() + LANES - 1) / LANES;
            int[] start = new int[slices + 1];
            for (int s = 0; s < slices; s++) {
                int m = 0;
                for (int r = s * LANES; r < Math.min(a.rows(), s * LANES + LANES); r++) {
                    m = Math.max(m, rp[r + 1] - rp[r]);
                }
                start[s + 1] = start[s] + m * LANES;
            }
            int[] xi = new int[start[slices]];
            double[] re = new double[xi.length], im = new double[xi.length];
            for (int s = 0; s < slices; s++) {
                for (int l = 0; l < LANES; l++) {
                    int r = Math.min(s * LANES + l, a.rows() - 1);
                    int len = s * LANES + l < a.rows() ? rp[r + 1] - rp[r] : 0;
                    for (int o = start[s] + l, k = 0; o < start[s + 1]; o += LANES, k++) {
                        xi[o] = 2 * cj[k < len ? rp[r] + k : rp[r]];
                        re[o] = k < len ? v[2 * (rp[r] + k)] : 0;
                        im[o] = k < len ? v[2 * (rp[r] + k) + 1] : 0;
                    }
                }
            }
            return new Sliced(start, xi, re, im);
        }
    }

    static void csr(int[] rp, int[] cj, double[] v, double[] x, double[] y) {
        for (int i = 0; i < rp.length - 1; i++) {
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

    /** Whole slices only (the benchmark's sizes are multiples of eight rows). */
    static void slicedScalar(Sliced m, double[] x, double[] y) {
        int[] st = m.start(), xi = m.xIndex();
        double[] re = m.re(), im = m.im();
        for (int s = 0; s < st.length - 1; s++) {
            double r0 = 0, r1 = 0, r2 = 0, r3 = 0, r4 = 0, r5 = 0, r6 = 0, r7 = 0;
            double i0 = 0, i1 = 0, i2 = 0, i3 = 0, i4 = 0, i5 = 0, i6 = 0, i7 = 0;
            for (int o = st[s]; o < st[s + 1]; o += LANES) {
                int c;
                c = xi[o];     r0 += re[o] * x[c] - im[o] * x[c + 1];             i0 += re[o] * x[c + 1] + im[o] * x[c];
                c = xi[o + 1]; r1 += re[o + 1] * x[c] - im[o + 1] * x[c + 1];     i1 += re[o + 1] * x[c + 1] + im[o + 1] * x[c];
                c = xi[o + 2]; r2 += re[o + 2] * x[c] - im[o + 2] * x[c + 1];     i2 += re[o + 2] * x[c + 1] + im[o + 2] * x[c];
                c = xi[o + 3]; r3 += re[o + 3] * x[c] - im[o + 3] * x[c + 1];     i3 += re[o + 3] * x[c + 1] + im[o + 3] * x[c];
                c = xi[o + 4]; r4 += re[o + 4] * x[c] - im[o + 4] * x[c + 1];     i4 += re[o + 4] * x[c + 1] + im[o + 4] * x[c];
                c = xi[o + 5]; r5 += re[o + 5] * x[c] - im[o + 5] * x[c + 1];     i5 += re[o + 5] * x[c + 1] + im[o + 5] * x[c];
                c = xi[o + 6]; r6 += re[o + 6] * x[c] - im[o + 6] * x[c + 1];     i6 += re[o + 6] * x[c + 1] + im[o + 6] * x[c];
                c = xi[o + 7]; r7 += re[o + 7] * x[c] - im[o + 7] * x[c + 1];     i7 += re[o + 7] * x[c + 1] + im[o + 7] * x[c];
            }
            int b = 2 * LANES * s;
            y[b] = r0;      y[b + 1] = i0;   y[b + 2] = r1;   y[b + 3] = i1;
            y[b + 4] = r2;  y[b + 5] = i2;   y[b + 6] = r3;   y[b + 7] = i3;
            y[b + 8] = r4;  y[b + 9] = i4;   y[b + 10] = r5;  y[b + 11] = i5;
            y[b + 12] = r6; y[b + 13] = i6;  y[b + 14] = r7;  y[b + 15] = i7;
        }
    }

    static void slicedVector(Sliced m, double[] x, double[] y) {
        int[] st = m.start(), xi = m.xIndex();
        double[] re = m.re(), im = m.im();
        for (int s = 0; s < st.length - 1; s++) {
            DoubleVector rr = DoubleVector.zero(S), ii = rr, ri = rr, ir = rr;
            for (int o = st[s]; o < st[s + 1]; o += LANES) {
                DoubleVector vr = DoubleVector.fromArray(S, re, o), vi = DoubleVector.fromArray(S, im, o);
                DoubleVector xr = DoubleVector.fromArray(S, x, 0, xi, o), xim = DoubleVector.fromArray(S, x, 1, xi, o);
                rr = vr.fma(xr, rr);
                ii = vi.fma(xim, ii);
                ri = vr.fma(xim, ri);
                ir = vi.fma(xr, ir);
            }
            DoubleVector yr = rr.sub(ii), yi = ri.add(ir);
            yr.rearrange(LOW, yi).intoArray(y, 2 * LANES * s);
            yr.rearrange(HIGH, yi).intoArray(y, 2 * LANES * s + LANES);
        }
    }

    static double best(Runnable r) {
        for (int k = 0; k < 5; k++) {
            r.run();
        }
        double best = Double.MAX_VALUE;
        long start = System.nanoTime();
        for (int k = 0; k < 10 || System.nanoTime() - start < 400_000_000L; k++) {
            long t0 = System.nanoTime();
            r.run();
            best = Math.min(best, System.nanoTime() - t0);
        }
        return best;
    }

    static void dump(CsrMatrix a, Path file) throws IOException {
        int[] rp = a.rowPointers(), cj = a.columnIndices();
        double[] v = a.valueArray();
        ByteBuffer b = ByteBuffer.allocate(8 + 4 * rp.length + 4 * cj.length + 8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(a.rows()).putInt(cj.length);
        b.asIntBuffer().put(rp).put(cj);
        b.position(8 + 4 * rp.length + 4 * cj.length);
        b.asDoubleBuffer().put(v);
        b.position(0);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("--dump")) {
            dump(ising(Integer.parseInt(args[2])), Path.of(args[1]));
            return;
        }
        for (String arg : args) {
            int n = Integer.parseInt(arg);
            CsrMatrix a = ising(n);
            Sliced m = Sliced.of(a);
            int rows = a.rows();
            double[] x = new double[2 * rows], y = new double[2 * rows];
            for (int k = 0; k < x.length; k++) {
                x[k] = 1.0 / (k + 1);
            }
            int[] rp = a.rowPointers(), cj = a.columnIndices();
            double[] v = a.valueArray();
            long nnz = a.nnz();
            for (int round = 0; round < 3; round++) {
                double t0 = best(() -> csr(rp, cj, v, x, y));
                double t1 = best(() -> slicedScalar(m, x, y));
                double t2 = best(() -> slicedVector(m, x, y));
                System.out.printf(Locale.ROOT, "ising%d nnz %d (sliced positions %d): ns per entry: csr %.3f  sliced %.3f  "
                        + "sliced+Vector API %.3f%n", n, nnz, m.re().length, t0 / nnz, t1 / nnz, t2 / nnz);
            }
        }
    }
}
