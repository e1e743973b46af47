package dev.lindblad.data;

import dev.lindblad.parallel.Parallelism;

/**
 * Kernels on {@link DiaMatrix}, serial over a row range and split over the kernel pool by
 * {@link Parallelism#chunksFor(long)}. Every output element accumulates the diagonals in
 * ascending offset order whatever the range, so the parallel kernel has the serial bits.
 * Rows are processed in tiles of {@link #TILE} so the tile of y stays in L1 while each
 * diagonal streams through it.
 */
final class DiaKernels {
    private DiaKernels() {
    }

    static final int TILE = 1024;

    /** y = alpha a x + beta y over rows [r0, r1). */
    static void gemvRows(DiaMatrix a, double[] x, int xOff, double[] y, int yOff,
                         double ar, double ai, double br, double bi, int r0, int r1) {
        DenseKernels.scaleRange(y, yOff + 2 * r0, r1 - r0, br, bi);
        boolean alpha1 = ar == 1 && ai == 0;
        int rows = a.rows, cols = a.cols;
        double[] v = a.data;
        int[] offsets = a.offsets;
        for (int t0 = r0; t0 < r1; t0 += TILE) {
            int t1 = Math.min(r1, t0 + TILE);
            for (int d = 0; d < offsets.length; d++) {
                int off = offsets[d];
                int lo = Math.max(t0, -off), hi = Math.min(t1, cols - off);
                int vb = 2 * d * rows, xb = xOff + 2 * off;
                if (alpha1) {
                    for (int i = lo; i < hi; i++) {
                        double vr = v[vb + 2 * i], vi = v[vb + 2 * i + 1];
                        double xr = x[xb + 2 * i], xi = x[xb + 2 * i + 1];
                        y[yOff + 2 * i] += vr * xr - vi * xi;
                        y[yOff + 2 * i + 1] += vr * xi + vi * xr;
                    }
                } else {
                    for (int i = lo; i < hi; i++) {
                        double vr = v[vb + 2 * i], vi = v[vb + 2 * i + 1];
                        double xr = x[xb + 2 * i], xi = x[xb + 2 * i + 1];
                        double tr = vr * xr - vi * xi, ti = vr * xi + vi * xr;
                        y[yOff + 2 * i] += ar * tr - ai * ti;
                        y[yOff + 2 * i + 1] += ar * ti + ai * tr;
                    }
                }
            }
        }
    }

    /** Work of a product with n right-hand sides: stored positions (padding included) times n. */
    private static long work(DiaMatrix a, long n) {
        return (long) a.offsets.length * a.rows * n;
    }

    static void gemv(DiaMatrix a, double[] x, int xOff, double[] y, int yOff,
                     double ar, double ai, double br, double bi) {
        int chunks = Math.min(Math.max(1, a.rows / TILE), Parallelism.chunksFor(work(a, 1)));
        if (chunks <= 1) {
            gemvRows(a, x, xOff, y, yOff, ar, ai, br, bi, 0, a.rows);
            return;
        }
        int[] b = RowPartition.even(a.rows, chunks).bounds;
        Parallelism.forEachChunk(chunks, c -> gemvRows(a, x, xOff, y, yOff, ar, ai, br, bi, b[c], b[c + 1]));
    }

    /** c = alpha a b + beta c, b dense (a.cols × n): column by column, rows split. */
    static void matmulInto(DiaMatrix a, double[] b, int n, double[] c, double ar, double ai, double br, double bi) {
        int chunks = Math.min(a.rows, Parallelism.chunksFor(work(a, n)));
        int k = a.cols, m = a.rows;
        if (chunks <= 1) {
            for (int j = 0; j < n; j++) {
                gemvRows(a, b, 2 * j * k, c, 2 * j * m, ar, ai, br, bi, 0, m);
            }
            return;
        }
        int[] bounds = RowPartition.even(m, chunks).bounds;
        Parallelism.forEachChunk(chunks, ch -> {
            for (int j = 0; j < n; j++) {
                gemvRows(a, b, 2 * j * k, c, 2 * j * m, ar, ai, br, bi, bounds[ch], bounds[ch + 1]);
            }
        });
    }

    /**
     * c = alpha b a + beta c, b dense (m × a.rows), c dense (m × a.cols), over rows [i0, i1)
     * of b and c: column l of b, weighted by a[l][l+off], adds into column l+off of c.
     */
    static void matmulRightRows(double[] b, int m, DiaMatrix a, double[] c, double ar, double ai,
                                double br, double bi, int i0, int i1) {
        for (int j = 0; j < a.cols; j++) {
            DenseKernels.scaleRange(c, 2 * (i0 + j * m), i1 - i0, br, bi);
        }
        int rows = a.rows;
        for (int d = 0; d < a.offsets.length; d++) {
            int off = a.offsets[d];
            for (int l = Math.max(0, -off); l < Math.min(rows, a.cols - off); l++) {
                double vr = a.data[2 * (d * rows + l)], vi = a.data[2 * (d * rows + l) + 1];
                double xr = ar * vr - ai * vi, xi = ar * vi + ai * vr;
                if (xr == 0 && xi == 0) {
                    // a stored zero is a structural zero, as an absent CSR entry: the sparse
                    // product of the same matrix in CSR does not multiply it either
                    continue;
                }
                int bl = 2 * l * m, cj = 2 * (l + off) * m;
                for (int i = 2 * i0; i < 2 * i1; i += 2) {
                    double yr = b[bl + i], yi = b[bl + i + 1];
                    c[cj + i] += yr * xr - yi * xi;
                    c[cj + i + 1] += yr * xi + yi * xr;
                }
            }
        }
    }

    static void matmulRightInto(double[] b, int m, DiaMatrix a, double[] c, double ar, double ai, double br, double bi) {
        int chunks = Math.min(m, Parallelism.chunksFor(work(a, m)));
        if (chunks <= 1) {
            matmulRightRows(b, m, a, c, ar, ai, br, bi, 0, m);
            return;
        }
        int[] bounds = RowPartition.even(m, chunks).bounds;
        Parallelism.forEachChunk(chunks, ch -> matmulRightRows(b, m, a, c, ar, ai, br, bi, bounds[ch], bounds[ch + 1]));
    }

    /** Rows per reduction block: about {@link RowPartition#BLOCK_WORK} stored positions. */
    private static int rowsPerBlock(DiaMatrix a) {
        return Math.max(TILE, RowPartition.BLOCK_WORK / Math.max(1, a.offsets.length));
    }

    /** x^† a x = sum_i conj(x_i) sum_d a[i][i+off_d] x_{i+off_d}, fixed row blocks summed in order. */
    static void expectKet(DiaMatrix a, double[] x, double[] out) {
        int per = rowsPerBlock(a), nb = (a.rows + per - 1) / per;
        double[] partial = new double[2 * nb];
        ParallelKernels.reduceBlocks(nb, work(a, 1), blk -> {
            int r0 = blk * per, r1 = Math.min(a.rows, r0 + per);
            double sr = 0, si = 0;
            for (int d = 0; d < a.offsets.length; d++) {
                int off = a.offsets[d], vb = 2 * d * a.rows;
                for (int i = Math.max(r0, -off); i < Math.min(r1, a.cols - off); i++) {
                    double vr = a.data[vb + 2 * i], vi = a.data[vb + 2 * i + 1];
                    int c = 2 * (i + off);
                    double tr = vr * x[c] - vi * x[c + 1], ti = vr * x[c + 1] + vi * x[c];
                    double xr = x[2 * i], xi = -x[2 * i + 1];
                    sr += xr * tr - xi * ti;
                    si += xr * ti + xi * tr;
                }
            }
            partial[2 * blk] = sr;
            partial[2 * blk + 1] = si;
        });
        ParallelKernels.combine(partial, out);
    }

    /** tr(a rho) = sum_i sum_d a[i][i+off_d] rho[i+off_d][i], rho dense column-major. */
    static void expectRho(DiaMatrix a, double[] rho, double[] out) {
        int n = a.rows, per = rowsPerBlock(a), nb = (n + per - 1) / per;
        double[] partial = new double[2 * nb];
        ParallelKernels.reduceBlocks(nb, work(a, 1), blk -> {
            int r0 = blk * per, r1 = Math.min(n, r0 + per);
            double sr = 0, si = 0;
            for (int d = 0; d < a.offsets.length; d++) {
                int off = a.offsets[d], vb = 2 * d * n;
                for (int i = Math.max(r0, -off); i < Math.min(r1, n - off); i++) {
                    double vr = a.data[vb + 2 * i], vi = a.data[vb + 2 * i + 1];
                    int r = 2 * (i + off + i * n);
                    sr += vr * rho[r] - vi * rho[r + 1];
                    si += vr * rho[r + 1] + vi * rho[r];
                }
            }
            partial[2 * blk] = sr;
            partial[2 * blk + 1] = si;
        });
        ParallelKernels.combine(partial, out);
    }

    static DiaMatrix scale(DiaMatrix a, double sr, double si) {
        double[] v = new double[a.data.length];
        for (int k = 0; k < v.length; k += 2) {
            double x = a.data[k], y = a.data[k + 1];
            v[k] = sr * x - si * y;
            v[k + 1] = sr * y + si * x;
        }
        return new DiaMatrix(a.rows, a.cols, a.offsets, v);
    }

    static DiaMatrix conj(DiaMatrix a) {
        double[] v = a.data.clone();
        for (int k = 1; k < v.length; k += 2) {
            v[k] = -v[k];
        }
        return new DiaMatrix(a.rows, a.cols, a.offsets, v);
    }

    /** Transpose (conjugated if asked): offset off becomes -off, and A^T[i][i-off] = A[i-off][i]. */
    static DiaMatrix transpose(DiaMatrix a, boolean conj) {
        int nd = a.offsets.length, m = a.cols;   // the transpose has a.cols rows
        int[] off = new int[nd];
        double[] v = new double[2 * nd * m];
        double s = conj ? -1 : 1;
        for (int d = 0; d < nd; d++) {
            int src = nd - 1 - d, o = a.offsets[src];
            off[d] = -o;
            for (int i = Math.max(0, o); i < Math.min(m, a.rows + o); i++) {
                v[2 * (d * m + i)] = a.data[2 * (src * a.rows + i - o)];
                v[2 * (d * m + i) + 1] = s * a.data[2 * (src * a.rows + i - o) + 1];
            }
        }
        return new DiaMatrix(a.cols, a.rows, off, v);
    }

    static void trace(DiaMatrix a, double[] out) {
        int d = java.util.Arrays.binarySearch(a.offsets, 0);
        double r = 0, im = 0;
        if (d >= 0) {
            for (int i = 0; i < a.rows; i++) {
                r += a.data[2 * (d * a.rows + i)];
                im += a.data[2 * (d * a.rows + i) + 1];
            }
        }
        out[0] = r;
        out[1] = im;
    }
}
