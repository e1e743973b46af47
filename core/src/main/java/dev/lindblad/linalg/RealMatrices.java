package dev.lindblad.linalg;

import dev.lindblad.parallel.Parallelism;
import java.util.Arrays;

/**
 * The real matrix product the divide-and-conquer eigensolver spends its time in. Column-major
 * storage. Every column of the result is computed by the same arithmetic in the same order
 * whichever group of columns or thread computes it, so a split product has the bits of the
 * serial one.
 */
final class RealMatrices {

    /** Columns computed together: each element of {@code a} loaded serves four of them. */
    private static final int COLUMN_BLOCK = 4;

    private RealMatrices() {
    }

    /**
     * {@code c[cRow + i + j ldc] = Σ_p a[i + p rows] b[p + j inner]} for {@code i < rows},
     * {@code j < cols}: the product of the rows×inner matrix a and the inner×cols matrix b,
     * written into rows {@code cRow..cRow+rows} of the columns of c (leading dimension ldc).
     * Split over the kernel threads when the product is large enough.
     */
    static void multiply(int rows, int inner, int cols, double[] a, double[] b, double[] c,
            int cRow, int ldc) {
        if (rows == 0 || cols == 0) {
            return;
        }
        int blocks = (cols + COLUMN_BLOCK - 1) / COLUMN_BLOCK;
        // Four real multiply-adds cost about one complex one, the unit of the threshold.
        int chunks = Math.min(blocks, Parallelism.chunksFor((long) rows * inner * cols / 4));
        if (chunks <= 1) {
            multiplyColumns(rows, inner, 0, cols, a, b, c, cRow, ldc);
            return;
        }
        Parallelism.forEachChunk(chunks, chunk -> {
            int from = (int) ((long) blocks * chunk / chunks) * COLUMN_BLOCK;
            int to = Math.min(cols, (int) ((long) blocks * (chunk + 1) / chunks) * COLUMN_BLOCK);
            multiplyColumns(rows, inner, from, to, a, b, c, cRow, ldc);
        });
    }

    private static void multiplyColumns(int rows, int inner, int from, int to, double[] a,
            double[] b, double[] c, int cRow, int ldc) {
        // Separate accumulators (not views of c) let the compiler vectorise the inner loop.
        double[] t0 = new double[rows];
        double[] t1 = new double[rows];
        double[] t2 = new double[rows];
        double[] t3 = new double[rows];
        int j = from;
        for (; j + COLUMN_BLOCK <= to; j += COLUMN_BLOCK) {
            Arrays.fill(t0, 0.0);
            Arrays.fill(t1, 0.0);
            Arrays.fill(t2, 0.0);
            Arrays.fill(t3, 0.0);
            int b0 = j * inner;
            int b1 = b0 + inner;
            int b2 = b1 + inner;
            int b3 = b2 + inner;
            int p = 0;
            for (; p + 1 < inner; p += 2) {
                double x0 = b[b0 + p];
                double y0 = b[b0 + p + 1];
                double x1 = b[b1 + p];
                double y1 = b[b1 + p + 1];
                double x2 = b[b2 + p];
                double y2 = b[b2 + p + 1];
                double x3 = b[b3 + p];
                double y3 = b[b3 + p + 1];
                int ap = p * rows;
                int aq = ap + rows;
                for (int i = 0; i < rows; i++) {
                    double u = a[ap + i];
                    double v = a[aq + i];
                    t0[i] += u * x0 + v * y0;
                    t1[i] += u * x1 + v * y1;
                    t2[i] += u * x2 + v * y2;
                    t3[i] += u * x3 + v * y3;
                }
            }
            if (p < inner) {
                double x0 = b[b0 + p];
                double x1 = b[b1 + p];
                double x2 = b[b2 + p];
                double x3 = b[b3 + p];
                int ap = p * rows;
                for (int i = 0; i < rows; i++) {
                    double u = a[ap + i];
                    t0[i] += u * x0;
                    t1[i] += u * x1;
                    t2[i] += u * x2;
                    t3[i] += u * x3;
                }
            }
            System.arraycopy(t0, 0, c, cRow + j * ldc, rows);
            System.arraycopy(t1, 0, c, cRow + (j + 1) * ldc, rows);
            System.arraycopy(t2, 0, c, cRow + (j + 2) * ldc, rows);
            System.arraycopy(t3, 0, c, cRow + (j + 3) * ldc, rows);
        }
        for (; j < to; j++) {
            // The same sums, in the same order, as one column of the block above.
            Arrays.fill(t0, 0.0);
            int b0 = j * inner;
            int p = 0;
            for (; p + 1 < inner; p += 2) {
                double x0 = b[b0 + p];
                double y0 = b[b0 + p + 1];
                int ap = p * rows;
                int aq = ap + rows;
                for (int i = 0; i < rows; i++) {
                    t0[i] += a[ap + i] * x0 + a[aq + i] * y0;
                }
            }
            if (p < inner) {
                double x0 = b[b0 + p];
                int ap = p * rows;
                for (int i = 0; i < rows; i++) {
                    t0[i] += a[ap + i] * x0;
                }
            }
            System.arraycopy(t0, 0, c, cRow + j * ldc, rows);
        }
    }
}
