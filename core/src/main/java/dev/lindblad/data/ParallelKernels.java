package dev.lindblad.data;

import dev.lindblad.parallel.Parallelism;

/**
 * Multi-core twins of the serial kernels. Each splits the rows (or columns) of its output into
 * contiguous chunks and runs, per chunk, exactly the serial code restricted to that range, so
 * every output element sees the same operations in the same order: the result has the same
 * bits as the serial kernel. Reductions ({@code expect}) sum fixed blocks that depend on the
 * matrix only ({@link RowPartition#BLOCK_WORK} entries each), serial or not, and add the block
 * sums in block order.
 *
 * <p>Whether to split is {@link Parallelism#chunksFor(long)} of the kernel's work in complex
 * multiply-adds; one chunk runs the serial kernel on the calling thread, unchanged.
 */
final class ParallelKernels {
    private ParallelKernels() {
    }

    // ---------------------------------------------------------------- CSR

    /** y = alpha a x + beta y, rows split by stored entries. */
    static void gemv(CsrMatrix a, double[] x, int xOff, double[] y, int yOff,
                     double ar, double ai, double br, double bi) {
        int chunks = Parallelism.chunksFor(a.nnz() + a.rows);
        if (chunks == 1) {
            CsrKernels.gemvRows(a, x, xOff, y, yOff, ar, ai, br, bi, 0, a.rows);
            return;
        }
        int[] b = RowPartition.work(a, chunks).bounds;
        Parallelism.forEachChunk(chunks, c -> CsrKernels.gemvRows(a, x, xOff, y, yOff, ar, ai, br, bi, b[c], b[c + 1]));
    }

    /** Split-CSR product: rows split by stored parts, so chunks carry equal work. */
    static void gemv(SplitCsrMatrix a, double[] x, int xOff, double[] y, int yOff,
                     double ar, double ai, double br, double bi) {
        // a stored part costs about 0.7 of a complex CSR entry (measured on the Ising Liouvillians)
        int chunks = Parallelism.chunksFor(a.values.length * 7L / 10 + a.rows);
        if (chunks == 1) {
            SplitCsrMatrix.gemvRows(a, x, xOff, y, yOff, ar, ai, br, bi, 0, a.rows);
            return;
        }
        int[] b = a.workPartition(chunks).bounds;
        Parallelism.forEachChunk(chunks, c -> SplitCsrMatrix.gemvRows(a, x, xOff, y, yOff, ar, ai, br, bi, b[c], b[c + 1]));
    }

    /**
     * Sliced split product: whole slices of eight rows split by stored positions. A position
     * costs about 0.55 of a complex CSR entry (measured on the Ising Liouvillians: 0.75 ns
     * against 1.35 ns per entry out of cache, 0.55 against 0.96 in cache).
     */
    static void gemv(SlicedSplitMatrix a, double[] x, int xOff, double[] y, int yOff,
                     double ar, double ai, double br, double bi) {
        int chunks = Math.min(Math.max(1, a.slices), Parallelism.chunksFor(slicedWork(a.values.length) + a.rows));
        if (chunks == 1) {
            SlicedSplitMatrix.gemvRows(a, x, xOff, y, yOff, ar, ai, br, bi, 0, a.rows);
            return;
        }
        int[] b = a.workBounds(chunks);
        Parallelism.forEachChunk(chunks, c -> SlicedSplitMatrix.gemvRows(a, x, xOff, y, yOff, ar, ai, br, bi, b[c], b[c + 1]));
    }

    /** The work of a sliced product of that many positions, in complex CSR multiply-adds. */
    private static long slicedWork(long positions) {
        return positions * 11 / 20;
    }

    /** Split-DIA product: rows split evenly in whole tiles (every row costs the same). */
    static void gemv(SplitDiaMatrix a, double[] x, int xOff, double[] y, int yOff,
                     double ar, double ai, double br, double bi) {
        // a real or imaginary position costs about half a complex one: work in complex multiply-adds
        int chunks = Math.min(Math.max(1, a.rows / SplitDiaMatrix.TILE), Parallelism.chunksFor(a.work() / 4));
        if (chunks <= 1) {
            SplitDiaMatrix.gemvRows(a, x, xOff, y, yOff, ar, ai, br, bi, 0, a.rows);
            return;
        }
        int[] b = RowPartition.even(a.rows, chunks).bounds;
        Parallelism.forEachChunk(chunks, c -> SplitDiaMatrix.gemvRows(a, x, xOff, y, yOff, ar, ai, br, bi, b[c], b[c + 1]));
    }

    /**
     * The upper-triangle rows of a superoperator product (see {@link Data#matvecUpper}): the
     * columns j of the operator, whose rows {@code n j .. n j + j} are computed, split into
     * chunks of equal triangle area (column j has j + 1 rows); every row is computed by the same
     * loop as in the serial product, so the bits do not depend on the chunks.
     *
     * @return true when only the upper triangle was written, false when every row was
     */
    /** The operator dimension from which the upper-triangle DIA product beats the full one. */
    static final int DIA_UPPER_MIN = 80;

    static boolean gemvUpper(LinearMap a, int n, double[] x, double[] y, double ar, double br) {
        long work;
        switch (a) {
            case SplitCsrMatrix s -> work = (s.values.length * 7L / 10 + s.rows) / 2;
            case SlicedSplitMatrix s -> {
                return gemvUpper(s, n, x, y, ar, br);
            }
            case SplitDiaMatrix g when n < DIA_UPPER_MIN -> {
                // short columns: the per-diagonal loops are too short to pay (measured on the
                // Kerr Liouvillian: n = 50 full 11.8 us, upper 13.3 us; n = 100 53 us, 43 us)
                gemv(g, x, 0, y, 0, ar, 0, br, 0);
                return false;
            }
            // half the rows, but in short runs (column j has j + 1 of them) whose loop set-up
            // costs as much as the rows saved up to n of a few hundred (Kerr Liouvillian, one
            // thread: n = 200 upper 145 us, full 141 us): counted as the full product's work, so
            // that it splits over the threads whenever the full product would (with work / 8 it
            // stayed on one thread at n = 200, 135 us against the full product's 74 us on two)
            case SplitDiaMatrix g -> work = g.work() / 4;
            case MatrixMap m when m.matrix() instanceof CsrMatrix c -> work = ((long) c.nnz() + c.rows) / 2;
            case MatrixMap m -> {
                Data.matvec(m.matrix(), x, 0, y, 0, ar, 0, br, 0);
                return false;
            }
            case NativeProductMap p when p.product() == null -> {   // Java picked by measurement
                return gemvUpper(p.java(), n, x, y, ar, br);
            }
            case NativeProductMap p -> {   // the library computes every row
                p.apply(x, 0, y, 0, ar, 0, br, 0);
                return false;
            }
        }
        int chunks = Math.min(n, Parallelism.chunksFor(work));
        if (a instanceof SplitDiaMatrix g) {
            chunks = Math.min(chunks, Math.max(1, g.rows / (2 * SplitDiaMatrix.TILE)));
        }
        if (chunks <= 1) {
            upperColumns(a, n, x, y, ar, br, 0, n);
            return true;
        }
        int[] bounds = new int[chunks + 1];
        for (int c = 1; c < chunks; c++) {
            // columns [0, j) hold j(j+1)/2 rows: equal shares at j = n sqrt(c / chunks)
            bounds[c] = Math.max(bounds[c - 1], Math.min(n, (int) Math.round(n * Math.sqrt((double) c / chunks))));
        }
        bounds[chunks] = n;
        int k = chunks;
        Parallelism.forEachChunk(k, c -> upperColumns(a, n, x, y, ar, br, bounds[c], bounds[c + 1]));
        return true;
    }

    /** The upper-triangle product in sliced storage: the slices holding upper rows, split by cost. */
    private static boolean gemvUpper(SlicedSplitMatrix a, int n, double[] x, double[] y, double ar, double br) {
        SlicedSplitMatrix.UpperSlices u = a.upperSlices(n);
        int count = u.slice().length;
        int chunks = Math.min(Math.max(1, count), Parallelism.chunksFor(slicedWork(u.costBefore()[count]) + a.rows / 2));
        if (chunks == 1) {
            SlicedSplitMatrix.upperSlices(a, u, x, y, ar, br, 0, count);
            return true;
        }
        int[] b = u.chunkBounds(chunks);
        Parallelism.forEachChunk(chunks, c -> SlicedSplitMatrix.upperSlices(a, u, x, y, ar, br, b[c], b[c + 1]));
        return true;
    }

    private static void upperColumns(LinearMap a, int n, double[] x, double[] y, double ar, double br, int j0, int j1) {
        switch (a) {
            case SplitDiaMatrix g -> SplitDiaMatrix.gemvUpper(g, n, x, y, ar, br, j0, j1);
            case SplitCsrMatrix s -> {
                for (int j = j0; j < j1; j++) {
                    SplitCsrMatrix.gemvRows(s, x, 0, y, 0, ar, 0, br, 0, n * j, n * j + j + 1);
                }
            }
            case SlicedSplitMatrix s -> throw new AssertionError("sliced storage has its own upper product");
            case NativeProductMap p -> throw new AssertionError("a native product computes every row");
            case MatrixMap m -> {
                CsrMatrix c = (CsrMatrix) m.matrix();
                for (int j = j0; j < j1; j++) {
                    CsrKernels.gemvRows(c, x, 0, y, 0, ar, 0, br, 0, n * j, n * j + j + 1);
                }
            }
        }
    }

    /** c = alpha a b + beta c, a sparse (m×k), b dense (k×n): rows of c split by entries of a. */
    static void spmm(CsrMatrix a, double[] b, int n, double[] c, double ar, double ai, double br, double bi) {
        int chunks = Parallelism.chunksFor((a.nnz() + a.rows) * n);
        if (chunks == 1) {
            CsrKernels.spmm(a, b, n, c, ar, ai, br, bi);
            return;
        }
        int k = a.cols, m = a.rows;
        int[] bounds = RowPartition.work(a, chunks).bounds;
        Parallelism.forEachChunk(chunks, ch -> {
            for (int j = 0; j < n; j++) {
                CsrKernels.gemvRows(a, b, 2 * j * k, c, 2 * j * m, ar, ai, br, bi, bounds[ch], bounds[ch + 1]);
            }
        });
    }

    /** c = alpha b a + beta c, b dense (m×k), a sparse (k×n): rows of b and c split evenly. */
    static void denseTimesSparse(double[] b, int m, CsrMatrix a, double[] c, double ar, double ai, double br, double bi) {
        int chunks = Math.min(m, Parallelism.chunksFor(a.nnz() * m));
        if (chunks <= 1) {
            CsrKernels.dense_times_sparse(b, m, a, c, ar, ai, br, bi);
            return;
        }
        int[] bounds = RowPartition.even(m, chunks).bounds;
        Parallelism.forEachChunk(chunks, ch -> denseTimesSparseRows(b, m, a, c, ar, ai, br, bi, bounds[ch], bounds[ch + 1]));
    }

    /** {@link CsrKernels#dense_times_sparse} restricted to rows [i0, i1) of b and c. */
    static void denseTimesSparseRows(double[] b, int m, CsrMatrix a, double[] c, double ar, double ai,
                                     double br, double bi, int i0, int i1) {
        for (int j = 0; j < a.cols; j++) {
            DenseKernels.scaleRange(c, 2 * (i0 + j * m), i1 - i0, br, bi);
        }
        for (int l = 0; l < a.rows; l++) {
            int bl = 2 * l * m;
            for (int p = a.rowPtr[l]; p < a.rowPtr[l + 1]; p++) {
                int j = a.colIdx[p];
                double vr = a.values[2 * p], vi = a.values[2 * p + 1];
                double xr = ar * vr - ai * vi, xi = ar * vi + ai * vr;
                int cj = 2 * j * m;
                for (int i = 2 * i0; i < 2 * i1; i += 2) {
                    double yr = b[bl + i], yi = b[bl + i + 1];
                    c[cj + i] += yr * xr - yi * xi;
                    c[cj + i + 1] += yr * xi + yi * xr;
                }
            }
        }
    }

    /** x^† a x, as fixed blocks of rows summed in block order. */
    static void expectKet(CsrMatrix a, double[] x, double[] out) {
        RowPartition blocks = RowPartition.blocks(a);
        int nb = blocks.chunks();
        if (nb == 1) {
            CsrKernels.expectKetRows(a, x, 0, a.rows, out);
            return;
        }
        int[] b = blocks.bounds;
        double[] partial = new double[2 * nb];
        reduceBlocks(nb, a.nnz(), blk -> {
            double[] t = new double[2];
            CsrKernels.expectKetRows(a, x, b[blk], b[blk + 1], t);
            partial[2 * blk] = t[0];
            partial[2 * blk + 1] = t[1];
        });
        combine(partial, out);
    }

    /** tr(a rho), as fixed blocks of rows summed in block order. */
    static void expectRho(CsrMatrix a, double[] rho, double[] out) {
        RowPartition blocks = RowPartition.blocks(a);
        int nb = blocks.chunks();
        if (nb == 1) {
            CsrKernels.expectRhoRows(a, rho, 0, a.rows, out);
            return;
        }
        int[] b = blocks.bounds;
        double[] partial = new double[2 * nb];
        reduceBlocks(nb, a.nnz(), blk -> {
            double[] t = new double[2];
            CsrKernels.expectRhoRows(a, rho, b[blk], b[blk + 1], t);
            partial[2 * blk] = t[0];
            partial[2 * blk + 1] = t[1];
        });
        combine(partial, out);
    }

    /** Kronecker product: row pointers first (serial, cheap), then rows of a filled in parallel. */
    static CsrMatrix kron(CsrMatrix a, CsrMatrix b) {
        long nnzL = a.nnz() * b.nnz();
        int chunks = Math.min(a.rows, Parallelism.chunksFor(nnzL));
        if (chunks <= 1) {
            return CsrKernels.kron(a, b);
        }
        if (nnzL > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("kron would store " + nnzL + " entries, more than one Java array holds");
        }
        int m2 = b.rows, n2 = b.cols, m = a.rows * m2;
        int[] rp = new int[m + 1];
        for (int i1 = 0; i1 < a.rows; i1++) {
            int na = a.rowPtr[i1 + 1] - a.rowPtr[i1];
            for (int i2 = 0; i2 < m2; i2++) {
                int r = i1 * m2 + i2;
                rp[r + 1] = rp[r] + na * (b.rowPtr[i2 + 1] - b.rowPtr[i2]);
            }
        }
        int[] ci = new int[(int) nnzL];
        double[] v = new double[(int) (2 * nnzL)];
        int[] bounds = RowPartition.byEntries(a.rowPtr, a.rows, chunks).bounds;
        Parallelism.forEachChunk(chunks, ch -> {
            for (int i1 = bounds[ch]; i1 < bounds[ch + 1]; i1++) {
                for (int i2 = 0; i2 < m2; i2++) {
                    int k = rp[i1 * m2 + i2];
                    for (int p = a.rowPtr[i1]; p < a.rowPtr[i1 + 1]; p++) {
                        double xr = a.values[2 * p], xi = a.values[2 * p + 1];
                        int base = a.colIdx[p] * n2;
                        for (int q = b.rowPtr[i2]; q < b.rowPtr[i2 + 1]; q++) {
                            double yr = b.values[2 * q], yi = b.values[2 * q + 1];
                            ci[k] = base + b.colIdx[q];
                            v[2 * k] = xr * yr - xi * yi;
                            v[2 * k + 1] = xr * yi + xi * yr;
                            k++;
                        }
                    }
                }
            }
        });
        return new CsrMatrix(m, a.cols * n2, rp, ci, v);
    }

    /**
     * Partial trace of a CSR operator. Output row a gathers the rows i with kept index a, which
     * are {@code index[a][t]} for t ascending, i.e. in ascending i: the order of the serial scan.
     */
    static void ptrace(CsrMatrix s, SubsystemMap map, double[] out) {
        int nk = map.keptSize, nt = map.tracedSize;
        int[] kept = map.keptOf(), traced = map.tracedOf();
        int chunks = Math.min(nk, Parallelism.chunksFor(s.nnz()));
        java.util.function.IntConsumer body = ch -> {
            int a0 = (int) ((long) nk * ch / Math.max(chunks, 1)), a1 = (int) ((long) nk * (ch + 1) / Math.max(chunks, 1));
            for (int a = a0; a < a1; a++) {
                for (int t = 0; t < nt; t++) {
                    int i = map.index[a][t];
                    for (int p = s.rowPtr[i]; p < s.rowPtr[i + 1]; p++) {
                        int j = s.colIdx[p];
                        if (traced[i] == traced[j]) {
                            int k = 2 * (a + kept[j] * nk);
                            out[k] += s.values[2 * p];
                            out[k + 1] += s.values[2 * p + 1];
                        }
                    }
                }
            }
        };
        if (chunks <= 1) {
            body.accept(0);
        } else {
            Parallelism.forEachChunk(chunks, body);
        }
    }

    // ---------------------------------------------------------------- dense

    /** y = alpha a x + beta y: rows of y split evenly; each row accumulates columns in order. */
    static void gemv(DenseMatrix a, double[] x, int xOff, double[] y, int yOff,
                     double ar, double ai, double br, double bi) {
        int chunks = Math.min(a.rows, Parallelism.chunksFor((long) a.rows * a.cols));
        if (chunks <= 1) {
            DenseKernels.gemv(a, x, xOff, y, yOff, ar, ai, br, bi);
            return;
        }
        int[] bounds = RowPartition.even(a.rows, chunks).bounds;
        Parallelism.forEachChunk(chunks, ch -> gemvRows(a, x, xOff, y, yOff, ar, ai, br, bi, bounds[ch], bounds[ch + 1]));
    }

    /** {@link DenseKernels#gemv} restricted to rows [i0, i1). */
    static void gemvRows(DenseMatrix a, double[] x, int xOff, double[] y, int yOff,
                         double ar, double ai, double br, double bi, int i0, int i1) {
        int m = a.rows, n = a.cols;
        double[] d = a.data;
        DenseKernels.scaleRange(y, yOff + 2 * i0, i1 - i0, br, bi);
        for (int j = 0; j < n; j++) {
            double xr = x[xOff + 2 * j], xi = x[xOff + 2 * j + 1];
            double tr = ar * xr - ai * xi, ti = ar * xi + ai * xr;
            int aj = 2 * j * m;
            if (tr == 0 && ti == 0 && DenseKernels.allFinite(d, aj + 2 * i0, aj + 2 * i1)) {
                continue;
            }
            for (int i = 2 * i0; i < 2 * i1; i += 2) {
                double vr = d[aj + i], vi = d[aj + i + 1];
                y[yOff + i] += vr * tr - vi * ti;
                y[yOff + i + 1] += vr * ti + vi * tr;
            }
        }
    }

    /**
     * c = alpha a b + beta c (dense): columns of c split evenly when there are enough of them,
     * rows otherwise; each element of c sees the serial sequence of updates.
     */
    static void gemm(int m, int k, int n, double[] a, double[] b, double[] c,
                     double ar, double ai, double br, double bi) {
        if (NativeProducts.gemm(m, k, n, a, b, c, ar, ai, br, bi)) {   // zgemm, when chosen
            return;
        }
        int chunks = Parallelism.chunksFor((long) m * k * n);
        if (chunks <= 1) {
            DenseKernels.gemm(m, k, n, a, b, c, ar, ai, br, bi);
            return;
        }
        if (n >= 2 * chunks) {
            int[] cols = RowPartition.even(n, chunks).bounds;
            Parallelism.forEachChunk(chunks, ch -> gemmRange(m, k, a, b, c, ar, ai, br, bi, 0, m, cols[ch], cols[ch + 1]));
        } else {
            int rc = Math.min(m, chunks);
            int[] rows = RowPartition.even(m, rc).bounds;
            Parallelism.forEachChunk(rc, ch -> gemmRange(m, k, a, b, c, ar, ai, br, bi, rows[ch], rows[ch + 1], 0, n));
        }
    }

    /** {@link DenseKernels#gemm} restricted to rows [i0, i1) and columns [j0, j1) of c. */
    static void gemmRange(int m, int k, double[] a, double[] b, double[] c, double ar, double ai,
                          double br, double bi, int i0, int i1, int j0, int j1) {
        byte[] finiteColumn = null;
        for (int j = j0; j < j1; j++) {
            int cj = 2 * j * m;
            DenseKernels.scaleRange(c, cj + 2 * i0, i1 - i0, br, bi);
            for (int l = 0; l < k; l++) {
                int bk = 2 * (l + j * k);
                double xr = ar * b[bk] - ai * b[bk + 1];
                double xi = ar * b[bk + 1] + ai * b[bk];
                int al = 2 * l * m;
                if (xr == 0 && xi == 0) {
                    if (finiteColumn == null) {
                        finiteColumn = new byte[k];
                    }
                    if (DenseKernels.skipsZeroWeight(finiteColumn, l, a, al + 2 * i0, al + 2 * i1)) {
                        continue;
                    }
                }
                for (int i = 2 * i0; i < 2 * i1; i += 2) {
                    double vr = a[al + i], vi = a[al + i + 1];
                    c[cj + i] += vr * xr - vi * xi;
                    c[cj + i + 1] += vr * xi + vi * xr;
                }
            }
        }
    }

    /** Columns per reduction block of a dense m-row matrix. */
    private static int columnsPerBlock(int m) {
        return Math.max(1, RowPartition.BLOCK_WORK / m);
    }

    /** x^† a x for dense a, as fixed blocks of columns summed in block order. */
    static void expectKet(DenseMatrix a, double[] x, double[] out) {
        int per = columnsPerBlock(a.rows), nb = (a.cols + per - 1) / per;
        if (nb == 1) {
            DenseKernels.expectKet(a, x, out);
            return;
        }
        double[] partial = new double[2 * nb];
        reduceBlocks(nb, (long) a.rows * a.cols, blk -> DenseKernels.expectKetColumns(a, x, blk * per,
                Math.min(a.cols, (blk + 1) * per), partial, 2 * blk));
        combine(partial, out);
    }

    /** tr(a rho) for dense a, as fixed blocks of columns of a summed in block order. */
    static void expectRho(DenseMatrix a, double[] rho, double[] out) {
        int n = a.rows, per = columnsPerBlock(n), nb = (n + per - 1) / per;
        if (nb == 1) {
            DenseKernels.expectRho(a, rho, out);
            return;
        }
        double[] partial = new double[2 * nb];
        reduceBlocks(nb, (long) n * n, blk -> {
            double sr = 0, si = 0;
            for (int j = blk * per; j < Math.min(n, (blk + 1) * per); j++) {
                int aj = 2 * j * n;
                for (int i = 0; i < n; i++) {
                    double xr = a.data[aj + 2 * i], xi = a.data[aj + 2 * i + 1];
                    int r = 2 * (j + i * n);
                    double rr = rho[r], ri = rho[r + 1];
                    sr += xr * rr - xi * ri;
                    si += xr * ri + xi * rr;
                }
            }
            partial[2 * blk] = sr;
            partial[2 * blk + 1] = si;
        });
        combine(partial, out);
    }

    /** Dense Kronecker product, columns j1 of a split over chunks (each output element written once). */
    static DenseMatrix kron(DenseMatrix a, DenseMatrix b) {
        int m1 = a.rows, n1 = a.cols, m2 = b.rows, n2 = b.cols;
        int m = m1 * m2, n = n1 * n2;
        int chunks = Math.min(n1, Parallelism.chunksFor((long) m * n));
        if (chunks <= 1) {
            return DenseKernels.kron(a, b);
        }
        double[] c = new double[(int) Checks.denseDoubles(m, n)];
        int[] cols = RowPartition.even(n1, chunks).bounds;
        Parallelism.forEachChunk(chunks, ch -> DenseKernels.kronColumns(a, b, c, cols[ch], cols[ch + 1]));
        return new DenseMatrix(m, n, c);
    }

    /** Partial trace of a dense operator; output columns split over chunks. */
    static void ptrace(DenseMatrix d, SubsystemMap map, double[] out) {
        int nk = map.keptSize, nt = map.tracedSize, n = d.rows;
        int[][] idx = map.index;
        int chunks = Math.min(nk, Parallelism.chunksFor((long) nk * nk * nt));
        int[] cols = RowPartition.even(nk, Math.max(chunks, 1)).bounds;
        Parallelism.forEachChunk(Math.max(chunks, 1), ch -> {
            for (int b = cols[ch]; b < cols[ch + 1]; b++) {
                for (int a = 0; a < nk; a++) {
                    double sr = 0, si = 0;
                    for (int t = 0; t < nt; t++) {
                        int k = 2 * (idx[a][t] + idx[b][t] * n);
                        sr += d.data[k];
                        si += d.data[k + 1];
                    }
                    out[2 * (a + b * nk)] = sr;
                    out[2 * (a + b * nk) + 1] = si;
                }
            }
        });
    }

    /** Partial trace of |psi><psi|; output columns split over chunks. */
    static void ptraceKet(double[] psi, SubsystemMap map, double[] out) {
        int nk = map.keptSize, nt = map.tracedSize;
        int[][] idx = map.index;
        int chunks = Math.min(nk, Parallelism.chunksFor((long) nk * nk * nt));
        int[] cols = RowPartition.even(nk, Math.max(chunks, 1)).bounds;
        Parallelism.forEachChunk(Math.max(chunks, 1), ch -> {
            for (int b = cols[ch]; b < cols[ch + 1]; b++) {
                for (int a = 0; a < nk; a++) {
                    double sr = 0, si = 0;
                    for (int t = 0; t < nt; t++) {
                        int x = 2 * idx[a][t], y = 2 * idx[b][t];
                        double xr = psi[x], xi = psi[x + 1], yr = psi[y], yi = -psi[y + 1];
                        sr += xr * yr - xi * yi;
                        si += xr * yi + xi * yr;
                    }
                    out[2 * (a + b * nk)] = sr;
                    out[2 * (a + b * nk) + 1] = si;
                }
            }
        });
    }

    // ---------------------------------------------------------------- reductions

    /** Runs block bodies 0..nb-1, grouped contiguously over the chunks the work allows. */
    static void reduceBlocks(int nb, long work, java.util.function.IntConsumer block) {
        int chunks = Math.min(nb, Parallelism.chunksFor(work));
        if (chunks <= 1) {
            for (int blk = 0; blk < nb; blk++) {
                block.accept(blk);
            }
            return;
        }
        int[] groups = RowPartition.groupBounds(nb, chunks);
        Parallelism.forEachChunk(groups.length - 1, g -> {
            for (int blk = groups[g]; blk < groups[g + 1]; blk++) {
                block.accept(blk);
            }
        });
    }

    /** out = sum of the block sums, added in block order. */
    static void combine(double[] partial, double[] out) {
        double sr = partial[0], si = partial[1];
        for (int k = 2; k < partial.length; k += 2) {
            sr += partial[k];
            si += partial[k + 1];
        }
        out[0] = sr;
        out[1] = si;
    }
}
