package dev.lindblad.data;

import dev.lindblad.Complex;
import dev.lindblad.parallel.Parallelism;
import java.util.Arrays;

/**
 * Every operation on {@link Matrix} values, each dispatching with one {@code switch} over the
 * sealed formats. Operands are never modified.
 *
 * <p>Output formats follow one rule: <em>dense in, dense out; sparse stays sparse</em>. A sum
 * or product with a dense operand is dense. A sum or product of sparse operands is sparse,
 * unless its density passes {@link #DENSIFY_THRESHOLD}, where dense storage is smaller and
 * faster, and the result is returned dense. A Kronecker product with at least one sparse factor
 * is sparse. Unary operations (adjoint, transpose, conjugate, scaling, permutation) keep the
 * format. Partial traces are dense (reduced states are small and usually full).
 *
 * <p>{@link DiaMatrix} has its own products with vectors and dense matrices and its own
 * expectation values, serial and parallel; other operations on it go through CSR and return
 * CSR (or dense, by the rule above). {@link #toBestFormat} states when DIA is chosen.
 *
 * <p>Products with vectors and dense matrices, {@code expect}, {@code kron} and {@code ptrace}
 * split over the kernel pool of {@link dev.lindblad.parallel.Parallelism} above its measured
 * threshold, with the same bits as on one thread.
 */
public final class Data {

    /**
     * Density (nnz / size) above which a sparse sum or product is returned dense. A complex CSR
     * entry costs 20 bytes (value and column index) against 16 for a dense one, and dense
     * kernels stream contiguously, so past about a third full dense wins.
     */
    public static final double DENSIFY_THRESHOLD = 0.3;

    /**
     * Stored positions per non-zero up to which diagonal storage is chosen by
     * {@link #toBestFormat}. Measured (docs/performance.md): a DIA product moves 16 bytes per
     * stored position and streams x, a CSR product moves 20 bytes per entry and gathers x; on the
     * Kerr Liouvillians (1.01 positions per entry) DIA is 1.3x faster, on the Ising Liouvillians
     * (2.1 positions per entry, the spin-flip diagonals half empty) it is 1.7x slower. Equal
     * bandwidth breaks even at 20/16 = 1.25.
     */
    public static final double DIA_FILL_LIMIT = 1.25;

    /** Smallest dimension for which {@link #toBestFormat} considers DIA (below it everything sits in L1). */
    public static final int DIA_MIN_ROWS = 64;

    private Data() {
    }

    /**
     * The storage a solver should use for a matrix it applies many times (a Hamiltonian or a
     * Liouvillian on the right-hand side). The rule: a dense matrix stays dense; a sparse square
     * matrix of at least {@link #DIA_MIN_ROWS} rows whose occupied diagonals, padding included,
     * hold at most {@link #DIA_FILL_LIMIT} positions per stored entry becomes {@link DiaMatrix};
     * everything else is CSR. The conversion costs about one product and is done once.
     *
     * @return a in the chosen format (a itself when it is already there)
     */
    public static Matrix toBestFormat(Matrix a) {
        if (a instanceof DenseMatrix) {
            return a;
        }
        CsrMatrix s = a.toCsr();
        if (!s.isSquare() || s.rows < DIA_MIN_ROWS || s.nnz() == 0) {
            return s;
        }
        long diagonals = countDiagonals(s);
        if (diagonals * s.rows <= DIA_FILL_LIMIT * s.nnz()) {
            return a instanceof DiaMatrix ? a : DiaMatrix.fromCsr(s);
        }
        return s;
    }

    /** @return the number of distinct offsets {@code j - i} among the stored entries */
    static long countDiagonals(CsrMatrix s) {
        boolean[] seen = new boolean[s.rows + s.cols - 1];
        long count = 0;
        for (int i = 0; i < s.rows; i++) {
            for (int p = s.rowPtr[i]; p < s.rowPtr[i + 1]; p++) {
                int k = s.colIdx[p] - i + s.rows - 1;
                if (!seen[k]) {
                    seen[k] = true;
                    count++;
                }
            }
        }
        return count;
    }

    private static Matrix densifyIfFull(CsrMatrix c) {
        return c.density() > DENSIFY_THRESHOLD && (long) c.rows * c.cols <= Integer.MAX_VALUE / 4 ? c.toDense() : c;
    }

    /** @return {@code a + b} */
    public static Matrix add(Matrix a, Matrix b) {
        return add(a, b, 1, 0);
    }

    /**
     * The sum of several matrices of one shape, {@code parts[0] + parts[1] + ...}, each entry
     * summed in the order of the parts, as repeated {@link #add(Matrix, Matrix)} would (the same
     * values), but sparse parts are summed in one pass over their rows: repeated additions copy
     * the growing sum once per part, which made building a Liouvillian of many terms quadratic in
     * their number (60% of a direct steady state of a driven Jaynes–Cummings system).
     *
     * @param parts at least one matrix, all of one shape
     * @return the sum (dense when a part is dense or the sum is dense enough, as {@code add})
     */
    public static Matrix sum(java.util.List<? extends Matrix> parts) {
        java.util.Objects.requireNonNull(parts, "sum: parts is null");
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("sum: no matrices to add");
        }
        Matrix first = java.util.Objects.requireNonNull(parts.getFirst(), "sum: parts[0] is null");
        boolean sparse = !(first instanceof DenseMatrix);
        for (int k = 1; k < parts.size(); k++) {
            Matrix p = java.util.Objects.requireNonNull(parts.get(k), "sum: parts[" + k + "] is null");
            Checks.sameShape("sum", first, p);
            sparse &= !(p instanceof DenseMatrix);
        }
        if (!sparse || parts.size() <= 2) {
            Matrix s = first;
            for (int k = 1; k < parts.size(); k++) {
                s = add(s, parts.get(k));
            }
            return s;
        }
        CsrMatrix[] csr = new CsrMatrix[parts.size()];
        for (int k = 0; k < csr.length; k++) {
            csr[k] = parts.get(k).toCsr();
        }
        return densifyIfFull(CsrKernels.sum(csr));
    }

    /** @return {@code a - b} */
    public static Matrix sub(Matrix a, Matrix b) {
        return add(a, b, -1, 0);
    }

    /**
     * @return {@code a + (ar + i ai) b}; dense when either operand is dense
     */
    public static Matrix add(Matrix a, Matrix b, double ar, double ai) {
        Checks.sameShape("add", a, b);
        return switch (a) {
            case DenseMatrix da -> switch (b) {
                case DenseMatrix db -> DenseKernels.add(da, db, ar, ai);
                case CsrMatrix sb -> DenseKernels.addSparse(da, sb, ar, ai);
                case DiaMatrix gb -> DenseKernels.addSparse(da, gb.toCsr(), ar, ai);
            };
            case CsrMatrix sa -> switch (b) {
                case DenseMatrix db -> DenseKernels.addSparse(DenseKernels.scale(db, ar, ai), sa, 1, 0);
                case CsrMatrix sb -> densifyIfFull(CsrKernels.add(sa, sb, ar, ai));
                case DiaMatrix gb -> densifyIfFull(CsrKernels.add(sa, gb.toCsr(), ar, ai));
            };
            case DiaMatrix ga -> add(ga.toCsr(), b, ar, ai);
        };
    }

    /** @return {@code (sr + i si) a}, in the format of a */
    public static Matrix scale(Matrix a, double sr, double si) {
        return switch (a) {
            case DenseMatrix d -> DenseKernels.scale(d, sr, si);
            case CsrMatrix s -> CsrKernels.scale(s, sr, si);
            case DiaMatrix g -> DiaKernels.scale(g, sr, si);
        };
    }

    /** @return {@code z a} */
    public static Matrix scale(Matrix a, Complex z) {
        return scale(a, z.re(), z.im());
    }

    /**
     * Matrix product {@code a b}: dense when either factor is dense; sparse × sparse stays
     * sparse unless the product passes {@link #DENSIFY_THRESHOLD}.
     *
     * @return {@code a b}
     */
    public static Matrix matmul(Matrix a, Matrix b) {
        if (a.cols() != b.rows()) {
            throw new IllegalArgumentException("matmul: inner sizes differ, " + a.rows() + "x" + a.cols() + " times "
                    + b.rows() + "x" + b.cols());
        }
        return switch (a) {
            case DenseMatrix da -> switch (b) {
                case DenseMatrix db -> {
                    double[] c = new double[(int) Checks.denseDoubles(da.rows, db.cols)];
                    ParallelKernels.gemm(da.rows, da.cols, db.cols, da.data, db.data, c, 1, 0, 0, 0);
                    yield new DenseMatrix(da.rows, db.cols, c);
                }
                case CsrMatrix sb -> {
                    double[] c = new double[(int) Checks.denseDoubles(da.rows, sb.cols)];
                    ParallelKernels.denseTimesSparse(da.data, da.rows, sb, c, 1, 0, 0, 0);
                    yield new DenseMatrix(da.rows, sb.cols, c);
                }
                case DiaMatrix gb -> {
                    double[] c = new double[(int) Checks.denseDoubles(da.rows, gb.cols)];
                    DiaKernels.matmulRightInto(da.data, da.rows, gb, c, 1, 0, 0, 0);
                    yield new DenseMatrix(da.rows, gb.cols, c);
                }
            };
            case CsrMatrix sa -> switch (b) {
                case DenseMatrix db -> {
                    double[] c = new double[(int) Checks.denseDoubles(sa.rows, db.cols)];
                    ParallelKernels.spmm(sa, db.data, db.cols, c, 1, 0, 0, 0);
                    yield new DenseMatrix(sa.rows, db.cols, c);
                }
                case CsrMatrix sb -> densifyIfFull(CsrKernels.matmul(sa, sb));
                case DiaMatrix gb -> densifyIfFull(CsrKernels.matmul(sa, gb.toCsr()));
            };
            case DiaMatrix ga -> b instanceof DenseMatrix db ? matmulDiaDense(ga, db) : matmul(ga.toCsr(), b);
        };
    }

    private static DenseMatrix matmulDiaDense(DiaMatrix a, DenseMatrix b) {
        double[] c = new double[(int) Checks.denseDoubles(a.rows, b.cols)];
        DiaKernels.matmulInto(a, b.data, b.cols, c, 1, 0, 0, 0);
        return new DenseMatrix(a.rows, b.cols, c);
    }

    /**
     * Prepares a matrix for many products {@code y = alpha a x + beta y} (a solver's constant
     * Liouvillian or Hamiltonian), choosing the storage once. The rule: a matrix that
     * {@link #toBestFormat} keeps dense stays dense; one it puts in DIA storage is kept by
     * diagonals with each diagonal's real and imaginary parts apart (a real or an imaginary
     * diagonal stores one array, and the product is contiguous loops the JIT vectorises); a
     * CSR matrix whose entries
     * are mostly purely real or purely imaginary is split into its real and imaginary parts
     * ({@code A x = A_re x + i A_im x}), when the split moves no more bytes than complex CSR:
     * {@code 12 s <= 20 nnz} for s stored parts (12 bytes each against 20 per complex entry),
     * and it always does no more multiply-adds (2 per part against 4 per entry). The split parts
     * are kept in slices of eight rows ({@link SlicedSplitMatrix}, 1.2–1.4× faster) when the
     * slices' padding adds at most a quarter to the stored parts, in CSR rows otherwise (or when
     * the system property {@code lindblad.sliced} is {@code false}, for A/B measurements). A split
     * product sums each row's real parts before its imaginary parts, so it agrees with the CSR
     * product to rounding, not bit for bit (likewise the split DIA product against the DIA one).
     * With a native sparse product at hand ({@code dev.lindblad.backend.Backends}), the choice
     * between this storage and the library's is made per matrix: under {@code auto}, a matrix of
     * at least {@link dev.lindblad.backend.Backends#PRODUCT_MEASURE_NNZ} stored entries is
     * prepared both ways and the two products are timed on it, alternately, with the threads they
     * will run with (3 to 11 rounds, medians, about 5 ms; when the library wins, the Java product
     * runs up to 200 more times or 20 ms so that the JIT compiler has finished with it, and the
     * library must win a second race; the Java product as the
     * master-equation solver runs it, the upper triangle of a Hermitian ρ mirrored, for a
     * superoperator that preserves Hermiticity); the library runs the products only when it measured
     * {@link dev.lindblad.backend.Backends#PRODUCT_MARGIN} times faster, and
     * {@link LinearMap#storage()} then says so, e.g. {@code "mkl-csr (measured 1.31x faster than
     * split-dia)"} (or {@code "sliced-split (measured 1.52x faster than mkl-csr)"} when Java
     * stays). Smaller matrices stay in Java without measuring; a forced backend
     * ({@code lindblad.backend=mkl} or {@code native}) runs the products unmeasured, and
     * {@code java} never considers a library. The measurement happens in the calling thread's
     * context: a matrix prepared inside a {@code TaskMap} task is timed on one thread, as its
     * products will run there.
     *
     * @return a linear map holding a in the chosen storage
     */
    public static LinearMap prepareProduct(Matrix a) {
        LinearMap viaBackend = NativeProducts.prepare(a);   // MKL's sparse product, when chosen for its size
        if (viaBackend != null) {
            return viaBackend;
        }
        Matrix best = toBestFormat(a);
        if (best instanceof CsrMatrix s && s.nnz() > 0) {
            long parts = SplitCsrMatrix.splitEntries(s);
            if (12 * parts <= 20 * s.nnz()) {
                boolean sliced = !"false".equals(System.getProperty("lindblad.sliced"))
                        && SlicedSplitMatrix.positions(s) <= SlicedSplitMatrix.PADDING_LIMIT * parts;
                return sliced ? SlicedSplitMatrix.of(s) : SplitCsrMatrix.of(s);
            }
        }
        if (best instanceof DiaMatrix g) {
            return SplitDiaMatrix.of(g);
        }
        return new MatrixMap(best);
    }

    /**
     * Matrix–vector product with a prepared map: {@code y = alpha a x + beta y}, as
     * {@link #matvec(Matrix, double[], int, double[], int, double, double, double, double)}.
     */
    public static void matvec(LinearMap a, double[] x, int xOff, double[] y, int yOff,
                              double alphaRe, double alphaIm, double betaRe, double betaIm) {
        switch (a) {
            case MatrixMap m -> matvec(m.matrix(), x, xOff, y, yOff, alphaRe, alphaIm, betaRe, betaIm);
            case SplitCsrMatrix s -> {
                checkMatvec(s, x, xOff, y, yOff);
                ParallelKernels.gemv(s, x, xOff, y, yOff, alphaRe, alphaIm, betaRe, betaIm);
            }
            case SlicedSplitMatrix s -> {
                checkMatvec(s, x, xOff, y, yOff);
                ParallelKernels.gemv(s, x, xOff, y, yOff, alphaRe, alphaIm, betaRe, betaIm);
            }
            case SplitDiaMatrix g -> {
                checkMatvec(g, x, xOff, y, yOff);
                ParallelKernels.gemv(g, x, xOff, y, yOff, alphaRe, alphaIm, betaRe, betaIm);
            }
            case NativeProductMap p -> {
                checkMatvec(p, x, xOff, y, yOff);
                p.apply(x, xOff, y, yOff, alphaRe, alphaIm, betaRe, betaIm);
            }
        }
    }

    /**
     * The upper triangle of {@code vec(Y) = alpha A vec(X) + beta vec(Y)} for a superoperator A
     * on n×n operators stored column by column ({@code vec(X)[i + n j] = X_ij}): only the rows
     * {@code i + n j} with {@code i <= j} are computed, about half the work of a full product
     * (storage in slices of eight rows computes whole slices, so some rows below the diagonal
     * are written too; after a call that returns true, treat the lower triangle of y as
     * undefined until {@link #hermitianFromUpper} fills it). When A maps Hermitian operators to
     * Hermitian operators (every Lindblad generator does, see {@link #preservesHermiticity}),
     * X is Hermitian and alpha, beta are real, {@link #hermitianFromUpper} then completes the
     * full product. A map with no row-wise kernel (dense, unsplit DIA) computes all rows.
     *
     * @param a     the superoperator, n²×n²
     * @param n     the operator dimension
     * @param x     vec(X), interleaved complex, from index 0
     * @param y     vec(Y), interleaved complex, from index 0
     * @param alpha real factor of the product
     * @param beta  real factor of the old y (0: ignored, even NaN)
     * @return true when only the upper triangle was written; false when the whole product was
     *         (short DIA columns, dense storage), so no mirroring is needed
     */
    public static boolean matvecUpper(LinearMap a, int n, double[] x, double[] y, double alpha, double beta) {
        if ((long) n * n != a.rows() || a.rows() != a.cols()) {
            throw new IllegalArgumentException("matvecUpper: a is " + a.rows() + "x" + a.cols()
                    + ", not a superoperator on " + n + "x" + n + " operators");
        }
        checkMatvec(a, x, 0, y, 0);
        return ParallelKernels.gemvUpper(a, n, x, y, alpha, beta);
    }

    /**
     * A square matrix prepared for {@link #matvecSplitLayout} when that product has a kernel of
     * its own for it: split-DIA storage, for a matrix whose occupied diagonals hold at most
     * {@link #DIA_FILL_LIMIT} positions per stored entry (banded operators of any size, such as
     * the ladder operators and the Liouvillians built from them).
     *
     * @param a the matrix
     * @return the prepared map, or null when the matrix is not square, empty or not banded
     */
    public static LinearMap prepareSplitLayout(Matrix a) {
        CsrMatrix s = a.toCsr();
        if (!s.isSquare() || s.nnz() == 0 || countDiagonals(s) * s.rows > DIA_FILL_LIMIT * s.nnz()) {
            return null;
        }
        return SplitDiaMatrix.of(a instanceof DiaMatrix d ? d : DiaMatrix.fromCsr(s));
    }

    /**
     * @param a a map
     * @return whether {@link #matvecSplitLayout} computes with it without converting the layout
     */
    public static boolean hasSplitLayoutKernel(LinearMap a) {
        return splitLayoutStorage(a) != null;
    }

    /** The split-DIA storage that runs a's products (also when kept by measurement beside a library's), or null. */
    private static SplitDiaMatrix splitLayoutStorage(LinearMap a) {
        if (a instanceof NativeProductMap p && p.product() == null) {
            a = p.java();
        }
        return a instanceof SplitDiaMatrix g ? g : null;
    }

    /**
     * {@code y = A x} for a square A and vectors in split layout: the real parts of the m
     * entries at {@code [0, m)}, the imaginary parts at {@code [m, 2m)}. Split-DIA storage
     * computes in that layout directly (the same sums as {@link #matvec}); any other storage
     * goes through interleaved scratch. Serial: for products inside parallel tasks.
     *
     * @param a the map, m×m
     * @param x the vector, 2m entries, split layout
     * @param y the result, 2m entries, split layout; must not be x
     */
    public static void matvecSplitLayout(LinearMap a, double[] x, double[] y) {
        int m = a.rows();
        if (a.cols() != m || x.length < 2L * m || y.length < 2L * m || x == y) {
            throw new IllegalArgumentException("matvecSplitLayout: a is " + a.rows() + "x" + a.cols() + ", x has "
                    + x.length + " and y " + y.length + " doubles" + (x == y ? ", and x is y" : ""));
        }
        SplitDiaMatrix g = splitLayoutStorage(a);
        if (g != null) {
            SplitDiaMatrix.gemvSplitLayout(g, x, y);
            return;
        }
        double[] xi = new double[2 * m], yi = new double[2 * m];
        for (int k = 0; k < m; k++) {
            xi[2 * k] = x[k];
            xi[2 * k + 1] = x[m + k];
        }
        Parallelism.serial(() -> matvec(a, xi, 0, yi, 0, 1, 0, 0, 0));
        for (int k = 0; k < m; k++) {
            y[k] = yi[2 * k];
            y[m + k] = yi[2 * k + 1];
        }
    }

    /**
     * Completes a Hermitian n×n operator stored column by column from its upper triangle:
     * {@code y[i + n j] = conj(y[j + n i])} for {@code i > j}.
     *
     * @param n the operator dimension
     * @param y vec(Y), interleaved complex, of at least n² entries
     */
    public static void hermitianFromUpper(int n, double[] y) {
        if (y.length < 2L * n * n) {
            throw new IllegalArgumentException("hermitianFromUpper: " + y.length / 2 + " entries for a " + n + "x" + n
                    + " operator");
        }
        for (int j = 0; j < n; j++) {
            for (int i = j + 1; i < n; i++) {
                int lower = 2 * (i + n * j), upper = 2 * (j + n * i);
                y[lower] = y[upper];
                y[lower + 1] = -y[upper + 1];
            }
        }
    }

    /**
     * Whether a superoperator maps Hermitian operators to Hermitian operators:
     * {@code A[(i,j),(k,l)] = conj(A[(j,i),(l,k)])} for every entry, to within
     * {@code tol * max|A|} (indices {@code (i,j) = i + n j}). Lindblad generators with a
     * Hermitian Hamiltonian have this property, whatever the jump operators.
     *
     * @param a   the superoperator, n²×n²
     * @param n   the operator dimension
     * @param tol relative tolerance
     * @return whether the symmetry holds
     */
    public static boolean preservesHermiticity(Matrix a, int n, double tol) {
        if ((long) n * n != a.rows() || a.rows() != a.cols()) {
            return false;
        }
        CsrMatrix s = a.toCsr();
        double limit = tol * maxAbs(s);
        int[] rp = s.rowPtr, cj = s.colIdx;
        double[] v = s.values;
        // every stored entry (r, c) against the entry at the swapped position, found by binary
        // search in its row (columns are sorted); a missing partner counts as zero
        for (int r = 0; r < rp.length - 1; r++) {
            int i = r % n, j = r / n, rs = j + n * i;
            for (int p = rp[r]; p < rp[r + 1]; p++) {
                int c = cj[p], cs = c / n + n * (c % n);
                int q = java.util.Arrays.binarySearch(cj, rp[rs], rp[rs + 1], cs);
                double pr = q >= 0 ? v[2 * q] : 0, pi = q >= 0 ? v[2 * q + 1] : 0;
                if (Math.hypot(v[2 * p] - pr, v[2 * p + 1] + pi) > limit) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void checkMatvec(LinearMap a, double[] x, int xOff, double[] y, int yOff) {
        if (xOff < 0 || x.length < xOff + 2L * a.cols() || yOff < 0 || y.length < yOff + 2L * a.rows()) {
            throw new IllegalArgumentException("matvec: a is " + a.rows() + "x" + a.cols() + " but x has "
                    + (x.length - xOff) / 2 + " entries from offset " + xOff + " and y has " + (y.length - yOff) / 2
                    + " entries from offset " + yOff + " (offsets count doubles)");
        }
    }

    /**
     * Matrix–vector product into the caller's buffer:
     * {@code y = alpha a x + beta y}, where x and y are interleaved complex vectors starting at
     * the given offsets. With beta = 0 the old contents of y are ignored (even NaN).
     */
    public static void matvec(Matrix a, double[] x, int xOff, double[] y, int yOff,
                              double alphaRe, double alphaIm, double betaRe, double betaIm) {
        if (xOff < 0 || x.length < xOff + 2L * a.cols() || yOff < 0 || y.length < yOff + 2L * a.rows()) {
            throw new IllegalArgumentException("matvec: a is " + a.rows() + "x" + a.cols() + " but x has "
                    + (x.length - xOff) / 2 + " entries from offset " + xOff + " and y has " + (y.length - yOff) / 2
                    + " entries from offset " + yOff + " (offsets count doubles)");
        }
        switch (a) {
            case DenseMatrix d -> ParallelKernels.gemv(d, x, xOff, y, yOff, alphaRe, alphaIm, betaRe, betaIm);
            case CsrMatrix s -> ParallelKernels.gemv(s, x, xOff, y, yOff, alphaRe, alphaIm, betaRe, betaIm);
            case DiaMatrix g -> DiaKernels.gemv(g, x, xOff, y, yOff, alphaRe, alphaIm, betaRe, betaIm);
        }
    }

    /** {@code y = alpha a x + beta y} for whole vectors. */
    public static void matvec(Complex alpha, Matrix a, double[] x, Complex beta, double[] y) {
        matvec(a, x, 0, y, 0, alpha.re(), alpha.im(), beta.re(), beta.im());
    }

    /**
     * {@code c = alpha a b + beta c} with b (a.cols × n) and c (a.rows × n) dense column-major
     * arrays owned by the caller.
     */
    public static void matmulInto(Matrix a, double[] b, int n, double[] c,
                                  double alphaRe, double alphaIm, double betaRe, double betaIm) {
        if (n < 0 || b.length < 2L * a.cols() * n || c.length < 2L * a.rows() * n) {
            throw new IllegalArgumentException("matmulInto: a is " + a.rows() + "x" + a.cols() + ", n = " + n
                    + ", but b holds " + b.length / 2 + " and c " + c.length / 2 + " entries");
        }
        switch (a) {
            case DenseMatrix d -> ParallelKernels.gemm(d.rows, d.cols, n, d.data, b, c, alphaRe, alphaIm, betaRe, betaIm);
            case CsrMatrix s -> ParallelKernels.spmm(s, b, n, c, alphaRe, alphaIm, betaRe, betaIm);
            case DiaMatrix g -> DiaKernels.matmulInto(g, b, n, c, alphaRe, alphaIm, betaRe, betaIm);
        }
    }

    /**
     * {@code c = alpha b a + beta c} with b (m × a.rows) and c (m × a.cols) dense column-major
     * arrays owned by the caller: the right-multiplication a master equation needs for
     * {@code rho H}.
     */
    public static void matmulRightInto(double[] b, int m, Matrix a, double[] c,
                                       double alphaRe, double alphaIm, double betaRe, double betaIm) {
        if (m < 0 || b.length < 2L * m * a.rows() || c.length < 2L * m * a.cols()) {
            throw new IllegalArgumentException("matmulRightInto: a is " + a.rows() + "x" + a.cols() + ", m = " + m
                    + ", but b holds " + b.length / 2 + " and c " + c.length / 2 + " entries");
        }
        switch (a) {
            case DenseMatrix d -> ParallelKernels.gemm(m, d.rows, d.cols, b, d.data, c, alphaRe, alphaIm, betaRe, betaIm);
            case CsrMatrix s -> ParallelKernels.denseTimesSparse(b, m, s, c, alphaRe, alphaIm, betaRe, betaIm);
            case DiaMatrix g -> DiaKernels.matmulRightInto(b, m, g, c, alphaRe, alphaIm, betaRe, betaIm);
        }
    }

    /** @return the conjugate transpose {@code a^†} */
    public static Matrix adjoint(Matrix a) {
        return switch (a) {
            case DenseMatrix d -> DenseKernels.transform(d, true, true);
            case CsrMatrix s -> CsrKernels.transpose(s, true);
            case DiaMatrix g -> DiaKernels.transpose(g, true);
        };
    }

    /** @return the transpose {@code a^T} */
    public static Matrix transpose(Matrix a) {
        return switch (a) {
            case DenseMatrix d -> DenseKernels.transform(d, true, false);
            case CsrMatrix s -> CsrKernels.transpose(s, false);
            case DiaMatrix g -> DiaKernels.transpose(g, false);
        };
    }

    /** @return the element-wise complex conjugate */
    public static Matrix conj(Matrix a) {
        return switch (a) {
            case DenseMatrix d -> DenseKernels.transform(d, false, true);
            case CsrMatrix s -> CsrKernels.conj(s);
            case DiaMatrix g -> DiaKernels.conj(g);
        };
    }

    /**
     * Kronecker product: {@code (a ⊗ b)[i1*m2 + i2][j1*n2 + j2] = a[i1][j1] b[i2][j2]}, so the
     * first factor is the slowest index, as in QuTiP's {@code tensor}. Dense only when both
     * factors are dense.
     *
     * @return {@code a ⊗ b}
     */
    public static Matrix kron(Matrix a, Matrix b) {
        if (a instanceof DenseMatrix da && b instanceof DenseMatrix db) {
            return ParallelKernels.kron(da, db);
        }
        return ParallelKernels.kron(a.toCsr(), b.toCsr());
    }

    /** @return {@code tr a} */
    public static Complex trace(Matrix a) {
        Checks.square("trace", a);
        double[] t = new double[2];
        switch (a) {
            case DenseMatrix d -> DenseKernels.trace(d, t);
            case CsrMatrix s -> CsrKernels.trace(s, t);
            case DiaMatrix g -> DiaKernels.trace(g, t);
        }
        return new Complex(t[0], t[1]);
    }

    /** @return {@code x^† y} for interleaved complex vectors of equal length */
    public static Complex inner(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("inner: lengths differ, " + x.length / 2 + " and " + y.length / 2);
        }
        if (x.length % 2 != 0) {
            throw new IllegalArgumentException("inner: an interleaved complex vector has even length, got odd length " + x.length);
        }
        double sr = 0, si = 0;
        for (int k = 0; k < x.length; k += 2) {
            sr += x[k] * y[k] + x[k + 1] * y[k + 1];
            si += x[k] * y[k + 1] - x[k + 1] * y[k];
        }
        return new Complex(sr, si);
    }

    /**
     * Expectation value of a on a state vector, {@code <x|a|x> = x^† a x}, computed row by row
     * without forming {@code a x}.
     */
    public static Complex expectKet(Matrix a, double[] x) {
        Checks.square("expect", a);
        if (x.length != 2 * a.cols()) {
            throw new IllegalArgumentException("expect: operator is " + a.rows() + "x" + a.cols() + ", state has "
                    + x.length / 2 + " entries");
        }
        double[] t = new double[2];
        switch (a) {
            case DenseMatrix d -> ParallelKernels.expectKet(d, x, t);
            case CsrMatrix s -> ParallelKernels.expectKet(s, x, t);
            case DiaMatrix g -> DiaKernels.expectKet(g, x, t);
        }
        return new Complex(t[0], t[1]);
    }

    /**
     * Expectation value on a density matrix, {@code tr(a rho) = sum_ij a_ij rho_ji}, without
     * forming {@code a rho}.
     *
     * @param rho n×n density matrix as a dense column-major array (= vec(rho))
     */
    public static Complex expectRho(Matrix a, double[] rho) {
        Checks.square("expect", a);
        if (rho.length != 2 * a.rows() * a.cols()) {
            throw new IllegalArgumentException("expect: operator is " + a.rows() + "x" + a.cols()
                    + ", density matrix has " + rho.length / 2 + " entries");
        }
        double[] t = new double[2];
        switch (a) {
            case DenseMatrix d -> ParallelKernels.expectRho(d, rho, t);
            case CsrMatrix s -> ParallelKernels.expectRho(s, rho, t);
            case DiaMatrix g -> DiaKernels.expectRho(g, rho, t);
        }
        return new Complex(t[0], t[1]);
    }

    /** @return {@code tr(a rho)} for any formats */
    public static Complex expectRho(Matrix a, Matrix rho) {
        // the shape, not only the entry count: a 1x9 rho must not pass for a 3x3 one
        Checks.square("expect", a);
        Checks.sameShape("expect", a, rho);
        if (rho instanceof CsrMatrix sr && a instanceof CsrMatrix sa) {
            double[] t = new double[2];
            CsrKernels.traceProduct(sa, sr, t);
            return new Complex(t[0], t[1]);
        }
        return expectRho(a, rho.toDense().data);
    }

    /** @return the largest modulus of an entry */
    public static double maxAbs(Matrix a) {
        double[] v = switch (a) {
            case DenseMatrix d -> d.data;
            case CsrMatrix s -> s.values;
            case DiaMatrix g -> g.data;   // padding is zero: no effect on a maximum or a sum of squares
        };
        int len = a instanceof CsrMatrix s ? 2 * (int) s.nnz() : v.length;
        double m = 0;
        for (int k = 0; k < len; k += 2) {
            m = Math.max(m, Math.hypot(v[k], v[k + 1]));
        }
        return m;
    }

    /**
     * The largest real or imaginary part in modulus, {@code max_ij max(|Re a_ij|, |Im a_ij|)},
     * over the stored entries. It is finite exactly when every entry is finite, so one pass
     * both checks finiteness and gives a bound for the overflow estimates of later operations.
     *
     * @return the largest component modulus; NaN when an entry has a NaN part, infinity when
     *         one has an infinite part and none is NaN
     */
    public static double maxComponent(Matrix a) {
        double[] v = switch (a) {
            case DenseMatrix d -> d.data;
            case CsrMatrix s -> s.values;
            case DiaMatrix g -> g.data;   // padding is zero (DiaMatrix.of zeroes it)
        };
        int len = a instanceof CsrMatrix s ? 2 * (int) s.nnz() : v.length;
        double m = 0;
        for (int k = 0; k < len; k++) {
            // Math.max returns NaN when either argument is NaN, so a NaN is never lost
            m = Math.max(m, Math.abs(v[k]));
        }
        return m;
    }

    /**
     * @return {@code {row, column}} of the first stored entry (in storage order) with a NaN or
     *         infinite part, or null when every entry is finite
     */
    public static int[] firstNonFinite(Matrix a) {
        switch (a) {
            case DenseMatrix d -> {
                for (int k = 0; k < d.data.length; k++) {
                    if (!Double.isFinite(d.data[k])) {
                        int e = k / 2;
                        return new int[] {e % d.rows, e / d.rows};
                    }
                }
            }
            case CsrMatrix s -> {
                for (int i = 0; i < s.rows; i++) {
                    for (int p = s.rowPtr[i]; p < s.rowPtr[i + 1]; p++) {
                        if (!Double.isFinite(s.values[2 * p]) || !Double.isFinite(s.values[2 * p + 1])) {
                            return new int[] {i, s.colIdx[p]};
                        }
                    }
                }
            }
            case DiaMatrix g -> {
                for (int d = 0; d < g.offsets.length; d++) {
                    int off = g.offsets[d];
                    for (int l = Math.max(0, -off); l < Math.min(g.rows, g.cols - off); l++) {
                        int k = 2 * (d * g.rows + l);
                        if (!Double.isFinite(g.data[k]) || !Double.isFinite(g.data[k + 1])) {
                            return new int[] {l, l + off};
                        }
                    }
                }
            }
        }
        return null;
    }

    /** @return the Frobenius norm {@code sqrt(sum |a_ij|^2)} */
    public static double frobeniusNorm(Matrix a) {
        double[] v = switch (a) {
            case DenseMatrix d -> d.data;
            case CsrMatrix s -> s.values;
            case DiaMatrix g -> g.data;   // padding is zero: no effect on a maximum or a sum of squares
        };
        int len = a instanceof CsrMatrix s ? 2 * (int) s.nnz() : v.length;
        double scale = 0, ssq = 1;   // overflow-safe sum of squares, as LAPACK's zlassq
        for (int k = 0; k < len; k++) {
            double x = Math.abs(v[k]);
            if (x != 0) {
                if (scale < x) {
                    ssq = 1 + ssq * (scale / x) * (scale / x);
                    scale = x;
                } else {
                    ssq += (x / scale) * (x / scale);
                }
            }
        }
        return scale * Math.sqrt(ssq);
    }

    /** @return the 1-norm, the largest column sum of moduli */
    public static double oneNorm(Matrix a) {
        double[] col = new double[a.cols()];
        switch (a) {
            case DenseMatrix d -> {
                for (int j = 0; j < d.cols; j++) {
                    for (int i = 0; i < d.rows; i++) {
                        int k = 2 * (i + j * d.rows);
                        col[j] += Math.hypot(d.data[k], d.data[k + 1]);
                    }
                }
            }
            case CsrMatrix s -> {
                for (int p = 0; p < s.nnz(); p++) {
                    col[s.colIdx[p]] += Math.hypot(s.values[2 * p], s.values[2 * p + 1]);
                }
            }
            case DiaMatrix g -> {
                return oneNorm(g.toCsr());
            }
        }
        return Arrays.stream(col).max().orElse(0);
    }

    /**
     * @return whether {@code |a_ij - conj(a_ji)| <= tol} for every entry (QuTiP checks
     *         Hermiticity with an absolute tolerance of 1e-12 by default)
     */
    public static boolean isHermitian(Matrix a, double tol) {
        if (a.rows() != a.cols()) {
            return false;
        }
        if (a instanceof DenseMatrix d) {
            return isHermitianDense(d.data, d.rows(), tol);
        }
        Matrix d = sub(a, adjoint(a));
        return maxAbs(d) <= tol;
    }

    /** Tile edge of the dense Hermiticity check: a tile and its mirror stay in cache. */
    private static final int HERMITIAN_TILE = 64;

    /**
     * The dense check in one pass over the lower triangle, tile by tile (each entry against its
     * mirror, without forming {@code A - A^†}), stopping at the first entry out of tolerance.
     * The same test as the general path, entry by entry: {@code |d| = hypot(d_re, d_im)}, taken
     * only when neither {@code |d_re| + |d_im| <= tol} (inside) nor {@code max(|d_re|, |d_im|) > tol}
     * (outside) decides; a NaN or infinite entry is not Hermitian.
     */
    private static boolean isHermitianDense(double[] v, int n, double tol) {
        for (int jj = 0; jj < n; jj += HERMITIAN_TILE) {
            int jEnd = Math.min(n, jj + HERMITIAN_TILE);
            for (int ii = jj; ii < n; ii += HERMITIAN_TILE) {
                int iEnd = Math.min(n, ii + HERMITIAN_TILE);
                for (int j = jj; j < jEnd; j++) {
                    for (int i = Math.max(ii, j); i < iEnd; i++) {
                        int p = 2 * (i + j * n), q = 2 * (j + i * n);   // a_ij and a_ji
                        double dr = Math.abs(v[p] - v[q]), di = Math.abs(v[p + 1] + v[q + 1]);
                        if (!(dr + di <= tol) && (Math.max(dr, di) > tol || !(Math.hypot(dr, di) <= tol))) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    /**
     * Partial trace: keeps the subsystems listed in {@code keep}, in that order, and traces out
     * the others. For a density matrix rho on subsystems of sizes {@code dims},
     * {@code out[a][b] = sum_t rho[idx(a, t)][idx(b, t)]}. (This data-layer kernel can also
     * reorder; {@code Qobj.ptrace}, as QuTiP's, always passes the selection sorted.)
     *
     * @param rho  square operator on the composite space
     * @param dims subsystem sizes, product = rho.rows()
     * @param keep subsystems to keep, distinct, in the order they appear in the result
     * @return the reduced operator, dense
     */
    public static DenseMatrix ptrace(Matrix rho, int[] dims, int[] keep) {
        Checks.square("ptrace", rho);
        SubsystemMap map = new SubsystemMap(dims, keep, rho.rows());
        int nk = map.keptSize;
        double[] out = new double[2 * nk * nk];
        switch (rho) {
            case DenseMatrix d -> ParallelKernels.ptrace(d, map, out);
            case CsrMatrix s -> ParallelKernels.ptrace(s, map, out);
            case DiaMatrix g -> ParallelKernels.ptrace(g.toCsr(), map, out);
        }
        return new DenseMatrix(nk, nk, out);
    }

    /**
     * Partial trace of the pure state {@code |psi><psi|} without forming it:
     * {@code out[a][b] = sum_t psi[idx(a, t)] conj(psi[idx(b, t)])}.
     *
     * @param psi  interleaved state vector, length 2 * prod(dims)
     * @param dims subsystem sizes
     * @param keep subsystems to keep, in order
     * @return the reduced density matrix, dense
     */
    public static DenseMatrix ptraceKet(double[] psi, int[] dims, int[] keep) {
        if (psi.length % 2 != 0) {
            throw new IllegalArgumentException("ptraceKet: an interleaved complex vector has even length, got " + psi.length);
        }
        SubsystemMap map = new SubsystemMap(dims, keep, psi.length / 2);
        int nk = map.keptSize;
        double[] out = new double[2 * nk * nk];
        ParallelKernels.ptraceKet(psi, map, out);
        return new DenseMatrix(nk, nk, out);
    }

    /**
     * Reorders the tensor factors of both indices: the new subsystem k is the old subsystem
     * {@code order[k]}, as QuTiP's {@code permute}. Row and column spaces are permuted with
     * their own subsystem sizes (a ket has column sizes all 1).
     *
     * @return the permuted matrix, in the format of a
     */
    public static Matrix permute(Matrix a, int[] rowDims, int[] colDims, int[] order) {
        int[] rp = permutationMap(rowDims, order, a.rows());
        int[] cp = permutationMap(colDims, order, a.cols());
        return switch (a) {
            case DiaMatrix g -> permute(g.toCsr(), rowDims, colDims, order);
            case DenseMatrix d -> {
                double[] c = new double[d.data.length];
                for (int j = 0; j < d.cols; j++) {
                    for (int i = 0; i < d.rows; i++) {
                        int src = 2 * (i + j * d.rows), dst = 2 * (rp[i] + cp[j] * d.rows);
                        c[dst] = d.data[src];
                        c[dst + 1] = d.data[src + 1];
                    }
                }
                yield new DenseMatrix(d.rows, d.cols, c);
            }
            case CsrMatrix s -> {
                CooBuilder b = new CooBuilder(s.rows, s.cols, (int) s.nnz());
                for (int i = 0; i < s.rows; i++) {
                    for (int p = s.rowPtr[i]; p < s.rowPtr[i + 1]; p++) {
                        b.add(rp[i], cp[s.colIdx[p]], s.values[2 * p], s.values[2 * p + 1]);
                    }
                }
                yield b.build();
            }
        };
    }

    /**
     * For subsystem sizes {@code dims} and a new order, the new flat index of every old flat
     * index. Old multi-index (i_0..i_{n-1}), first subsystem slowest; new digit k is i_order[k].
     */
    static int[] permutationMap(int[] dims, int[] order, int size) {
        SubsystemMap.checkSelection(dims, order, size, "permute");
        if (order.length != dims.length) {
            throw new IllegalArgumentException("permute: order " + Arrays.toString(order) + " must list each of the "
                    + dims.length + " subsystems once");
        }
        int n = dims.length;
        int[] newDims = new int[n];
        for (int k = 0; k < n; k++) {
            newDims[k] = dims[order[k]];
        }
        int[] newStride = new int[n];
        int s = 1;
        for (int k = n - 1; k >= 0; k--) {
            newStride[k] = s;
            s *= newDims[k];
        }
        int[] strideOfOld = new int[n];
        for (int k = 0; k < n; k++) {
            strideOfOld[order[k]] = newStride[k];
        }
        int[] map = new int[size];
        int[] digit = new int[n];
        for (int i = 0; i < size; i++) {
            int v = 0;
            for (int k = 0; k < n; k++) {
                v += digit[k] * strideOfOld[k];
            }
            map[i] = v;
            for (int k = n - 1; k >= 0; k--) {   // increment the old multi-index, last digit fastest
                if (++digit[k] < dims[k]) {
                    break;
                }
                digit[k] = 0;
            }
        }
        return map;
    }

    /**
     * Column-stacking vectorisation: {@code vec(a)[i + j*m] = a[i][j]}, an (m n)×1 matrix. For
     * a dense matrix this is the same array (column-major storage is column-stacked).
     */
    public static Matrix vec(Matrix a) {
        return switch (a) {
            case DiaMatrix g -> vec(g.toCsr());
            case DenseMatrix d -> new DenseMatrix(d.rows * d.cols, 1, d.data);
            case CsrMatrix s -> {
                CooBuilder b = new CooBuilder(s.rows * s.cols, 1, (int) s.nnz());
                for (int i = 0; i < s.rows; i++) {
                    for (int p = s.rowPtr[i]; p < s.rowPtr[i + 1]; p++) {
                        b.add(i + s.colIdx[p] * s.rows, 0, s.values[2 * p], s.values[2 * p + 1]);
                    }
                }
                yield b.build();
            }
        };
    }

    /** Inverse of {@link #vec}: an (m n)×1 column back to an m×n matrix, same format. */
    public static Matrix unvec(Matrix v, int m) {
        if (v.cols() != 1 || m <= 0 || v.rows() % m != 0) {
            throw new IllegalArgumentException("unvec: a " + v.rows() + "x" + v.cols() + " column cannot be reshaped to "
                    + m + " rows");
        }
        int n = v.rows() / m;
        return switch (v) {
            case DiaMatrix g -> unvec(g.toCsr(), m);
            case DenseMatrix d -> new DenseMatrix(m, n, d.data);
            case CsrMatrix s -> {
                CooBuilder b = new CooBuilder(m, n, (int) s.nnz());
                for (int k = 0; k < s.rows; k++) {
                    for (int p = s.rowPtr[k]; p < s.rowPtr[k + 1]; p++) {
                        b.add(k % m, k / m, s.values[2 * p], s.values[2 * p + 1]);
                    }
                }
                yield b.build();
            }
        };
    }

    /** Zero-pattern-free copy of a CSR matrix with entries {@code |z| <= atol} removed. */
    public static Matrix tidyup(Matrix a, double atol) {
        return switch (a) {
            case DiaMatrix g -> tidyup(g.toCsr(), atol);
            case DenseMatrix d -> {
                double[] c = d.data.clone();
                for (int k = 0; k < c.length; k++) {
                    if (Math.abs(c[k]) <= atol) {
                        c[k] = 0;
                    }
                }
                yield new DenseMatrix(d.rows, d.cols, c);
            }
            case CsrMatrix s -> {
                CooBuilder b = new CooBuilder(s.rows, s.cols, (int) s.nnz());
                for (int i = 0; i < s.rows; i++) {
                    for (int p = s.rowPtr[i]; p < s.rowPtr[i + 1]; p++) {
                        double re = s.values[2 * p], im = s.values[2 * p + 1];
                        b.add(i, s.colIdx[p], Math.abs(re) <= atol ? 0 : re, Math.abs(im) <= atol ? 0 : im);
                    }
                }
                yield b.build();
            }
        };
    }
}
