package dev.lindblad.linalg;

import dev.lindblad.InsufficientMemoryException;
import dev.lindblad.MemoryCheck;
import java.util.Arrays;
import java.util.concurrent.CancellationException;

/**
 * Sparse LU factorisation of a square complex matrix, {@code P A Q = L U}, in pure Java.
 *
 * <p>The matrix is first permuted symmetrically by a fill-reducing ordering {@code q}
 * ({@link Ordering}), {@code B = A(q, q)}, then factorised column by column with the
 * left-looking algorithm of Gilbert and Peierls ("Sparse partial pivoting in time proportional
 * to arithmetic operations", SIAM J. Sci. Stat. Comput. 9 (1988) 862-874): the pattern of
 * column j of {@code L \ B(:, j)} is the set reached by depth-first search from the pattern of
 * {@code B(:, j)} in the graph of the columns of L computed so far, and the numeric sparse
 * triangular solve visits it in topological order. Rows are pivoted by threshold partial
 * pivoting: the diagonal {@code b_jj} is kept when {@code |b_jj| >= threshold * max_i |b_ij|}
 * (threshold 0.1 by default, as SuperLU's {@code diag_pivot_thresh}), otherwise the largest
 * candidate is taken. Keeping the diagonal preserves the fill predicted by the symmetric
 * ordering.
 *
 * <p>Input is compressed sparse row with interleaved complex values: row i holds the entries
 * {@code rowPtr[i] .. rowPtr[i+1]-1}, with column {@code colIdx[p]} and value
 * {@code values[2p] + i values[2p+1]}. Columns within a row may be in any order; duplicate
 * entries are summed. Vectors are interleaved {@code (re, im)} arrays of length {@code 2n}.
 *
 * <p>A factorisation is immutable and {@link #solve} is safe to call from several threads.
 */
public final class SparseLu {

    /** Fill-reducing column (and, symmetrically, row) orderings. */
    public enum Ordering {
        /** No reordering: {@code q} is the identity. */
        NATURAL,
        /**
         * Approximate minimum degree on the pattern of {@code A + A^T} (quotient-graph minimum
         * degree with the approximate external degree of Amestoy, Davis and Duff; no
         * supervariables). The choice of SuperLU's {@code MMD_AT_PLUS_A} for matrices with a
         * roughly symmetric pattern, such as Liouvillians.
         */
        AMD
    }

    /** SuperLU's default {@code diag_pivot_thresh}. */
    public static final double DEFAULT_DIAGONAL_PIVOT_THRESHOLD = 0.1;

    /**
     * Default singularity tolerance, relative to the largest modulus of an entry of A: a pivot
     * with {@code |u_jj| <= tolerance * max |a_ik|} makes the matrix numerically singular.
     */
    public static final double DEFAULT_SINGULAR_TOLERANCE = 1e-13;

    private final int n;
    private final int nonZerosA;
    /** {@code z[k] = b[rowOrder[k]]} before the triangular solves. */
    private final int[] rowOrder;
    /** {@code x[columnOrder[j]] = y[j]} after them. */
    private final int[] columnOrder;
    private final int[] lowerPointers;
    private final int[] lowerRows;
    private final double[] lowerValues;
    private final int[] upperPointers;
    private final int[] upperRows;
    private final double[] upperValues;

    private SparseLu(int n, int nonZerosA, int[] rowOrder, int[] columnOrder, int[] lowerPointers,
            int[] lowerRows, double[] lowerValues, int[] upperPointers, int[] upperRows,
            double[] upperValues) {
        this.n = n;
        this.nonZerosA = nonZerosA;
        this.rowOrder = rowOrder;
        this.columnOrder = columnOrder;
        this.lowerPointers = lowerPointers;
        this.lowerRows = lowerRows;
        this.lowerValues = lowerValues;
        this.upperPointers = upperPointers;
        this.upperRows = upperRows;
        this.upperValues = upperValues;
    }

    /**
     * Factorises A with the default diagonal pivot threshold (0.1) and singularity tolerance
     * ({@value #DEFAULT_SINGULAR_TOLERANCE} relative to the largest entry).
     *
     * @param n        order of the square matrix
     * @param rowPtr   row pointers, length {@code n+1}, {@code rowPtr[0] = 0}, non-decreasing
     * @param colIdx   column index of each stored entry, in {@code [0, n)}
     * @param values   interleaved {@code (re, im)} values, length at least {@code 2 rowPtr[n]}
     * @param ordering fill-reducing ordering
     * @return the factorisation
     * @throws IllegalArgumentException if the arrays do not describe an n-by-n CSR matrix or hold
     *                                  non-finite values
     * @throws ArithmeticException      if A is singular to working precision; the message names
     *                                  the column and the pivot magnitude
     * @throws java.util.concurrent.CancellationException when the calling thread is interrupted
     *                                  (checked every 64 columns)
     * @throws InsufficientMemoryException when the factors' fill outgrows what the heap can give
     */
    public static SparseLu factor(int n, int[] rowPtr, int[] colIdx, double[] values, Ordering ordering) {
        return factor(n, rowPtr, colIdx, values, ordering, DEFAULT_DIAGONAL_PIVOT_THRESHOLD,
                DEFAULT_SINGULAR_TOLERANCE);
    }

    /**
     * Factorises A with explicit pivoting parameters.
     *
     * @param diagonalPivotThreshold in {@code [0, 1]}: the diagonal is the pivot when
     *                               {@code |b_jj| >= threshold * max_i |b_ij|}; 1 gives classical
     *                               partial pivoting, 0 always keeps a non-zero diagonal
     * @param singularTolerance      a pivot {@code |u_jj| <= singularTolerance * max |a_ik|} throws
     *                               {@link ArithmeticException}; must be {@code >= 0}
     * @see #factor(int, int[], int[], double[], Ordering)
     */
    public static SparseLu factor(int n, int[] rowPtr, int[] colIdx, double[] values, Ordering ordering,
            double diagonalPivotThreshold, double singularTolerance) {
        if (ordering == null) {
            throw new IllegalArgumentException("ordering must not be null");
        }
        if (!(diagonalPivotThreshold >= 0 && diagonalPivotThreshold <= 1)) {
            throw new IllegalArgumentException(
                    "diagonalPivotThreshold must be in [0, 1], got " + diagonalPivotThreshold);
        }
        if (!(singularTolerance >= 0)) {
            throw new IllegalArgumentException("singularTolerance must be >= 0, got " + singularTolerance);
        }
        CompressedColumns a = CompressedColumns.fromCsr(n, rowPtr, colIdx, values);
        int[] order;
        CompressedColumns b;
        if (ordering == Ordering.AMD && n > 1) {
            order = ApproximateMinimumDegree.order(a);
            int[] inverse = new int[n];
            for (int k = 0; k < n; k++) {
                inverse[order[k]] = k;
            }
            b = a.symmetricPermutation(order, inverse);
        } else {
            order = new int[n];
            for (int k = 0; k < n; k++) {
                order[k] = k;
            }
            b = a;
        }
        double absoluteTolerance = singularTolerance * a.maxAbs();
        return new Factorizer(b, diagonalPivotThreshold, absoluteTolerance, order).run(a.nonZeros());
    }

    /** Order of the matrix. */
    public int size() {
        return n;
    }

    /** Stored entries of L, counting its unit diagonal. */
    public long nnzL() {
        return (long) lowerPointers[n] + n;
    }

    /** Stored entries of U, counting its diagonal. */
    public long nnzU() {
        return upperPointers[n];
    }

    /**
     * Fill ratio {@code (nnz(L) + nnz(U) - n) / nnz(A)}: the stored entries of the factors (the
     * unit diagonal of L not counted twice) per stored entry of A, with duplicates of A merged.
     */
    public double fill() {
        return (nnzL() + nnzU() - n) / (double) Math.max(1, nonZerosA);
    }

    /**
     * Solves {@code A x = b}.
     *
     * @param b right-hand side, interleaved, length {@code 2n}
     * @param x solution, interleaved, length {@code 2n}; may be the same array as {@code b}
     */
    public void solve(double[] b, double[] x) {
        if (b == null || x == null || b.length != 2 * n || x.length != 2 * n) {
            throw new IllegalArgumentException("b and x must have length 2n = " + (2 * n) + ", got "
                    + (b == null ? "null" : b.length) + " and " + (x == null ? "null" : x.length));
        }
        double[] work = new double[2 * n];
        for (int k = 0; k < n; k++) {
            int source = rowOrder[k];
            work[2 * k] = b[2 * source];
            work[2 * k + 1] = b[2 * source + 1];
        }
        for (int j = 0; j < n; j++) {
            double re = work[2 * j];
            double im = work[2 * j + 1];
            if (re == 0 && im == 0) {
                continue;
            }
            for (int p = lowerPointers[j]; p < lowerPointers[j + 1]; p++) {
                int r = lowerRows[p];
                double lr = lowerValues[2 * p];
                double li = lowerValues[2 * p + 1];
                work[2 * r] -= lr * re - li * im;
                work[2 * r + 1] -= lr * im + li * re;
            }
        }
        for (int j = n - 1; j >= 0; j--) {
            int last = upperPointers[j + 1] - 1;
            double dr = upperValues[2 * last];
            double di = upperValues[2 * last + 1];
            double wr = work[2 * j];
            double wi = work[2 * j + 1];
            double scale = 1.0 / (dr * dr + di * di);
            double re = (wr * dr + wi * di) * scale;
            double im = (wi * dr - wr * di) * scale;
            work[2 * j] = re;
            work[2 * j + 1] = im;
            if (re == 0 && im == 0) {
                continue;
            }
            for (int p = upperPointers[j]; p < last; p++) {
                int r = upperRows[p];
                double ur = upperValues[2 * p];
                double ui = upperValues[2 * p + 1];
                work[2 * r] -= ur * re - ui * im;
                work[2 * r + 1] -= ur * im + ui * re;
            }
        }
        for (int j = 0; j < n; j++) {
            int target = columnOrder[j];
            x[2 * target] = work[2 * j];
            x[2 * target + 1] = work[2 * j + 1];
        }
    }

    /** The left-looking factorisation of one permuted matrix; workspaces live here. */
    static final class Factorizer {
        final CompressedColumns b;
        final int n;
        final double threshold;
        final double absoluteTolerance;
        final int[] order;
        /** {@code pivotStep[i] = k} when row i of B is the pivot of column k, else -1. */
        final int[] pivotStep;
        final int[] mark;
        final int[] reach;
        final int[] stack;
        final int[] stackPosition;
        final double[] x;
        int[] lowerPointers;
        int[] lowerRows;
        double[] lowerValues;
        int lowerSize;
        int[] upperPointers;
        int[] upperRows;
        double[] upperValues;
        int upperSize;

        Factorizer(CompressedColumns b, double threshold, double absoluteTolerance, int[] order) {
            this.b = b;
            this.n = b.n();
            this.threshold = threshold;
            this.absoluteTolerance = absoluteTolerance;
            this.order = order;
            pivotStep = new int[n];
            Arrays.fill(pivotStep, -1);
            mark = new int[n];
            Arrays.fill(mark, -1);
            reach = new int[n];
            stack = new int[n];
            stackPosition = new int[n];
            x = new double[2 * n];
            int guess = Math.max(16, 2 * b.nonZeros() + n);
            lowerPointers = new int[n + 1];
            lowerRows = new int[guess];
            lowerValues = new double[2 * guess];
            upperPointers = new int[n + 1];
            upperRows = new int[guess];
            upperValues = new double[2 * guess];
        }

        SparseLu run(int nonZerosA) {
            int[] colPtr = b.columnPointers();
            int[] rowIdx = b.rowIndices();
            double[] values = b.values();
            for (int j = 0; j < n; j++) {
                if ((j & 63) == 0 && Thread.currentThread().isInterrupted()) {
                    // a factorisation of a large Liouvillian takes seconds: stop within 64 columns
                    throw new CancellationException("sparse LU interrupted at column " + j + " of " + n);
                }
                int top = computeReach(j);
                for (int q = top; q < n; q++) {
                    int i = reach[q];
                    x[2 * i] = 0;
                    x[2 * i + 1] = 0;
                }
                for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                    int i = rowIdx[p];
                    x[2 * i] = values[2 * p];
                    x[2 * i + 1] = values[2 * p + 1];
                }
                // Sparse triangular solve with the unit lower columns, in topological order.
                for (int q = top; q < n; q++) {
                    int i = reach[q];
                    int k = pivotStep[i];
                    if (k < 0) {
                        continue;
                    }
                    double re = x[2 * i];
                    double im = x[2 * i + 1];
                    if (re == 0 && im == 0) {
                        continue;
                    }
                    for (int p = lowerPointers[k]; p < lowerPointers[k + 1]; p++) {
                        int r = lowerRows[p];
                        double lr = lowerValues[2 * p];
                        double li = lowerValues[2 * p + 1];
                        x[2 * r] -= lr * re - li * im;
                        x[2 * r + 1] -= lr * im + li * re;
                    }
                }
                upperPointers[j] = upperSize;
                int pivotRow = -1;
                double largest = -1;
                for (int q = top; q < n; q++) {
                    int i = reach[q];
                    double re = x[2 * i];
                    double im = x[2 * i + 1];
                    int k = pivotStep[i];
                    if (k >= 0) {
                        if (re != 0 || im != 0) {
                            appendUpper(k, re, im);
                        }
                    } else {
                        double modulusSquared = re * re + im * im;
                        if (modulusSquared > largest) {
                            largest = modulusSquared;
                            pivotRow = i;
                        }
                    }
                }
                if (pivotStep[j] < 0 && mark[j] == j) {
                    double re = x[2 * j];
                    double im = x[2 * j + 1];
                    double diagonalSquared = re * re + im * im;
                    if (diagonalSquared > 0 && diagonalSquared >= threshold * threshold * largest) {
                        pivotRow = j;
                    }
                }
                double pivotRe = pivotRow < 0 ? 0 : x[2 * pivotRow];
                double pivotIm = pivotRow < 0 ? 0 : x[2 * pivotRow + 1];
                double pivotModulus = Math.hypot(pivotRe, pivotIm);
                if (pivotRow < 0 || pivotModulus <= absoluteTolerance || pivotModulus == 0) {
                    throw new ArithmeticException("matrix is singular to working precision: column "
                            + order[j] + " (elimination step " + j + " of " + n + ") has pivot magnitude "
                            + pivotModulus + " <= tolerance " + absoluteTolerance);
                }
                appendUpper(j, pivotRe, pivotIm);
                pivotStep[pivotRow] = j;
                double scale = 1.0 / (pivotRe * pivotRe + pivotIm * pivotIm);
                double inverseRe = pivotRe * scale;
                double inverseIm = -pivotIm * scale;
                lowerPointers[j] = lowerSize;
                for (int q = top; q < n; q++) {
                    int i = reach[q];
                    if (pivotStep[i] >= 0) {
                        continue;
                    }
                    double re = x[2 * i];
                    double im = x[2 * i + 1];
                    if (re == 0 && im == 0) {
                        continue;
                    }
                    appendLower(i, re * inverseRe - im * inverseIm, re * inverseIm + im * inverseRe);
                }
                // The search and the solve of the next column read this end pointer.
                lowerPointers[j + 1] = lowerSize;
            }
            lowerPointers[n] = lowerSize;
            upperPointers[n] = upperSize;
            for (int p = 0; p < lowerSize; p++) {
                lowerRows[p] = pivotStep[lowerRows[p]];
            }
            int[] rowOrder = new int[n];
            for (int i = 0; i < n; i++) {
                rowOrder[pivotStep[i]] = order[i];
            }
            return new SparseLu(n, nonZerosA, rowOrder, order, lowerPointers,
                    Arrays.copyOf(lowerRows, lowerSize), Arrays.copyOf(lowerValues, 2 * lowerSize),
                    upperPointers, Arrays.copyOf(upperRows, upperSize),
                    Arrays.copyOf(upperValues, 2 * upperSize));
        }

        /**
         * Depth-first search from the pattern of {@code B(:, j)} through the columns of L;
         * leaves the reached rows in {@code reach[top..n)} in topological order and returns top.
         * Rows are marked with the column number, so the marks need no clearing.
         */
        int computeReach(int j) {
            int[] colPtr = b.columnPointers();
            int[] rowIdx = b.rowIndices();
            int top = n;
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++) {
                int start = rowIdx[p];
                if (mark[start] == j) {
                    continue;
                }
                int depth = 0;
                stack[0] = start;
                mark[start] = j;
                int k0 = pivotStep[start];
                stackPosition[0] = k0 < 0 ? 0 : lowerPointers[k0];
                while (depth >= 0) {
                    int i = stack[depth];
                    int k = pivotStep[i];
                    boolean finished = true;
                    if (k >= 0) {
                        int end = lowerPointers[k + 1];
                        for (int p2 = stackPosition[depth]; p2 < end; p2++) {
                            int r = lowerRows[p2];
                            if (mark[r] == j) {
                                continue;
                            }
                            stackPosition[depth] = p2 + 1;
                            mark[r] = j;
                            depth++;
                            stack[depth] = r;
                            int kr = pivotStep[r];
                            stackPosition[depth] = kr < 0 ? 0 : lowerPointers[kr];
                            finished = false;
                            break;
                        }
                    }
                    if (finished) {
                        depth--;
                        reach[--top] = i;
                    }
                }
            }
            return top;
        }

        void appendUpper(int row, double re, double im) {
            if (upperSize == upperRows.length) {
                int capacity = grow(upperSize);
                requireHeap(capacity);
                upperRows = Arrays.copyOf(upperRows, capacity);
                upperValues = Arrays.copyOf(upperValues, 2 * capacity);
            }
            upperRows[upperSize] = row;
            upperValues[2 * upperSize] = re;
            upperValues[2 * upperSize + 1] = im;
            upperSize++;
        }

        void appendLower(int row, double re, double im) {
            if (lowerSize == lowerRows.length) {
                int capacity = grow(lowerSize);
                requireHeap(capacity);
                lowerRows = Arrays.copyOf(lowerRows, capacity);
                lowerValues = Arrays.copyOf(lowerValues, 2 * capacity);
            }
            lowerRows[lowerSize] = row;
            lowerValues[2 * lowerSize] = re;
            lowerValues[2 * lowerSize + 1] = im;
            lowerSize++;
        }

        /**
         * Refuses a growth of the factors' storage that the heap cannot hold, before it is
         * allocated: an int and a complex double per entry, the old arrays still live while
         * copied ({@link InsufficientMemoryException}, not an {@link OutOfMemoryError} after the
         * work).
         */
        static void requireHeap(long capacity) {
            MemoryCheck.require("sparse LU", "the LU factors' fill growing to " + capacity + " entries",
                    capacity * (Integer.BYTES + 2 * Double.BYTES),
                    "an iterative steady-state method (\"iterative-gmres\"), or the native backend's PARDISO or UMFPACK");
        }

        private static int grow(int size) {
            long capacity = Math.max(16L, size + (size >> 1) + 16L);
            if (2 * capacity > Integer.MAX_VALUE - 16) {
                capacity = (Integer.MAX_VALUE - 16) / 2;
                if (capacity <= size) {
                    throw new OutOfMemoryError("sparse LU factors exceed " + size
                            + " stored entries; use an iterative solver");
                }
            }
            return (int) capacity;
        }
    }
}
