package dev.lindblad.linalg;

import java.util.Arrays;

/**
 * Incomplete LU factorisation {@code A ~ L U} (unit lower L), used as the preconditioner
 * {@code M^-1 = (L U)^-1} of {@link Gmres} and {@link BiCgStab}: {@link #apply} solves
 * {@code L U y = x}.
 *
 * <p>Both variants work row by row in the IKJ order of Saad, "Iterative Methods for Sparse
 * Linear Systems", 2nd ed., SIAM 2003, sections 10.3 and 10.4, without pivoting:
 * <ul>
 *   <li>{@link #ilu0}: ILU(0), the factors keep exactly the pattern of A;</li>
 *   <li>{@link #ilut}: ILUT(tau, p), the dual-threshold variant. While row i is eliminated, a
 *       multiplier {@code l_ik} with {@code |l_ik| < tau ||a_i||_2} is dropped; afterwards
 *       entries below {@code tau ||a_i||_2} are dropped and only the {@code p_i} largest of the
 *       L part and of the U part are kept, with
 *       {@code p_i = ceil(fillFactor * nnz(a_i))}. So {@code dropTolerance} and
 *       {@code fillFactor} play the roles of QuTiP's {@code drop_tol} and {@code fill_factor}
 *       (SciPy's {@code spilu}), with {@code nnz(L + U) <= (2 fillFactor + 1) nnz(A) + n}.</li>
 * </ul>
 * A pivot of modulus below {@code t = max(tau, 1e-4) ||a_i||_2} is raised to modulus t
 * (keeping its phase; a zero pivot becomes t), as ILU codes do (Saad, section 10.4.4) to keep
 * the preconditioner usable without pivoting; {@link #modifiedPivots()} counts them. A zero row of A throws {@link ArithmeticException}.
 */
public final class IncompleteLu implements ComplexLinearMap {

    /**
     * Pivots smaller than this (times the row norm) are raised to it: a preconditioner with a
     * tiny pivot has a huge inverse and ruins the Krylov iteration it is meant to help.
     */
    private static final double SMALL_PIVOT = 1e-4;

    private final int n;
    private final int[] lowerPointers;
    private final int[] lowerColumns;
    private final double[] lowerValues;
    /** Strictly upper part by rows; the diagonal lives in {@link #diagonal}. */
    private final int[] upperPointers;
    private final int[] upperColumns;
    private final double[] upperValues;
    private final double[] diagonal;
    private final int modifiedPivots;

    private IncompleteLu(int n, RowStore lower, RowStore upper, double[] diagonal, int modifiedPivots) {
        this.n = n;
        this.lowerPointers = lower.pointers;
        this.lowerColumns = Arrays.copyOf(lower.columns, lower.size);
        this.lowerValues = Arrays.copyOf(lower.values, 2 * lower.size);
        this.upperPointers = upper.pointers;
        this.upperColumns = Arrays.copyOf(upper.columns, upper.size);
        this.upperValues = Arrays.copyOf(upper.values, 2 * upper.size);
        this.diagonal = diagonal;
        this.modifiedPivots = modifiedPivots;
    }

    /**
     * ILU(0) of a CSR matrix with interleaved complex values (columns in any order; duplicates
     * summed): {@code L + U} has the pattern of A (plus the diagonal), and {@code (L U)_ij = a_ij}
     * on that pattern.
     */
    public static IncompleteLu ilu0(int n, int[] rowPtr, int[] colIdx, double[] values) {
        CompressedColumns rows = CompressedColumns.fromCsr(n, rowPtr, colIdx, values).transposeArrays();
        int[] pointers = rows.columnPointers();
        int[] columns = rows.rowIndices();
        double[] entries = rows.values();
        RowStore lower = new RowStore(n, pointers[n] / 2 + 1);
        RowStore upper = new RowStore(n, pointers[n] / 2 + 1);
        double[] diagonal = new double[2 * n];
        double[] w = new double[2 * n];
        int[] present = new int[n];
        Arrays.fill(present, -1);
        int modified = 0;
        for (int i = 0; i < n; i++) {
            double rowNorm = 0;
            for (int p = pointers[i]; p < pointers[i + 1]; p++) {
                int j = columns[p];
                present[j] = i;
                w[2 * j] = entries[2 * p];
                w[2 * j + 1] = entries[2 * p + 1];
                rowNorm += entries[2 * p] * entries[2 * p] + entries[2 * p + 1] * entries[2 * p + 1];
            }
            rowNorm = Math.sqrt(rowNorm);
            if (present[i] != i) {
                present[i] = i;
                w[2 * i] = 0;
                w[2 * i + 1] = 0;
            }
            lower.startRow(i);
            // Sorted columns: the multipliers are formed in increasing k, as IKJ requires.
            for (int p = pointers[i]; p < pointers[i + 1] && columns[p] < i; p++) {
                int k = columns[p];
                double[] l = divide(w[2 * k], w[2 * k + 1], diagonal[2 * k], diagonal[2 * k + 1]);
                w[2 * k] = l[0];
                w[2 * k + 1] = l[1];
                for (int q = upper.pointers[k]; q < upper.pointers[k + 1]; q++) {
                    int j = upper.columns[q];
                    if (present[j] == i) {
                        double ur = upper.values[2 * q];
                        double ui = upper.values[2 * q + 1];
                        w[2 * j] -= l[0] * ur - l[1] * ui;
                        w[2 * j + 1] -= l[0] * ui + l[1] * ur;
                    }
                }
                lower.add(k, l[0], l[1]);
            }
            lower.endRow(i);
            upper.startRow(i);
            for (int p = pointers[i]; p < pointers[i + 1]; p++) {
                int j = columns[p];
                if (j > i) {
                    upper.add(j, w[2 * j], w[2 * j + 1]);
                }
            }
            upper.endRow(i);
            if (setPivot(diagonal, i, w[2 * i], w[2 * i + 1], rowNorm, 0)) {
                modified++;
            }
        }
        return new IncompleteLu(n, lower, upper, diagonal, modified);
    }

    /**
     * ILUT with drop tolerance and fill factor (see the class description).
     *
     * @param dropTolerance tau {@code >= 0}, relative to the 2-norm of each row of A
     * @param fillFactor    {@code > 0}: each row of L and of U keeps at most
     *                      {@code ceil(fillFactor * nnz(a_i))} entries besides the diagonal
     */
    public static IncompleteLu ilut(int n, int[] rowPtr, int[] colIdx, double[] values, double dropTolerance,
            double fillFactor) {
        if (!(dropTolerance >= 0) || Double.isInfinite(dropTolerance)) {
            throw new IllegalArgumentException("dropTolerance must be finite and >= 0, got " + dropTolerance);
        }
        if (!(fillFactor > 0)) {
            throw new IllegalArgumentException("fillFactor must be > 0, got " + fillFactor);
        }
        CompressedColumns rows = CompressedColumns.fromCsr(n, rowPtr, colIdx, values).transposeArrays();
        int[] pointers = rows.columnPointers();
        int[] columns = rows.rowIndices();
        double[] entries = rows.values();
        RowStore lower = new RowStore(n, pointers[n]);
        RowStore upper = new RowStore(n, pointers[n]);
        double[] diagonal = new double[2 * n];
        double[] w = new double[2 * n];
        int[] present = new int[n];
        Arrays.fill(present, -1);
        int[] heap = new int[n];
        int[] lowerKept = new int[n];
        int[] upperList = new int[n];
        double[] magnitudes = new double[n];
        int modified = 0;
        for (int i = 0; i < n; i++) {
            double rowNorm = 0;
            int heapSize = 0;
            int upperCount = 0;
            for (int p = pointers[i]; p < pointers[i + 1]; p++) {
                int j = columns[p];
                present[j] = i;
                w[2 * j] = entries[2 * p];
                w[2 * j + 1] = entries[2 * p + 1];
                rowNorm += entries[2 * p] * entries[2 * p] + entries[2 * p + 1] * entries[2 * p + 1];
                if (j < i) {
                    heapSize = heapPush(heap, heapSize, j);
                } else if (j > i) {
                    upperList[upperCount++] = j;
                }
            }
            rowNorm = Math.sqrt(rowNorm);
            if (present[i] != i) {
                present[i] = i;
                w[2 * i] = 0;
                w[2 * i + 1] = 0;
            }
            double tau = dropTolerance * rowNorm;
            int lowerCount = 0;
            while (heapSize > 0) {
                int k = heap[0];
                heapSize = heapPop(heap, heapSize);
                double[] l = divide(w[2 * k], w[2 * k + 1], diagonal[2 * k], diagonal[2 * k + 1]);
                if (Math.hypot(l[0], l[1]) < tau || (l[0] == 0 && l[1] == 0)) {
                    continue;
                }
                w[2 * k] = l[0];
                w[2 * k + 1] = l[1];
                lowerKept[lowerCount++] = k;
                for (int q = upper.pointers[k]; q < upper.pointers[k + 1]; q++) {
                    int j = upper.columns[q];
                    if (present[j] != i) {
                        present[j] = i;
                        w[2 * j] = 0;
                        w[2 * j + 1] = 0;
                        if (j < i) {
                            heapSize = heapPush(heap, heapSize, j);
                        } else if (j > i) {
                            upperList[upperCount++] = j;
                        }
                    }
                    double ur = upper.values[2 * q];
                    double ui = upper.values[2 * q + 1];
                    w[2 * j] -= l[0] * ur - l[1] * ui;
                    w[2 * j + 1] -= l[0] * ui + l[1] * ur;
                }
            }
            int limit = (int) Math.min(n, Math.ceil(fillFactor * (pointers[i + 1] - pointers[i])));
            lower.startRow(i);
            keepLargest(lowerKept, lowerCount, w, tau, limit, magnitudes, lower);
            lower.endRow(i);
            upper.startRow(i);
            keepLargest(upperList, upperCount, w, tau, limit, magnitudes, upper);
            upper.endRow(i);
            if (setPivot(diagonal, i, w[2 * i], w[2 * i + 1], rowNorm, dropTolerance)) {
                modified++;
            }
        }
        return new IncompleteLu(n, lower, upper, diagonal, modified);
    }

    /** Order of the factorised matrix. */
    public int size() {
        return n;
    }

    /** Stored entries of L, counting its unit diagonal. */
    public long nnzL() {
        return (long) lowerPointers[n] + n;
    }

    /** Stored entries of U, counting its diagonal. */
    public long nnzU() {
        return (long) upperPointers[n] + n;
    }

    /** How many zero or tiny pivots were replaced during the factorisation. */
    public int modifiedPivots() {
        return modifiedPivots;
    }

    /**
     * The preconditioner action: {@code y = (L U)^-1 x} by forward and back substitution.
     * {@code x} and {@code y} may be the same array.
     */
    @Override
    public void apply(double[] x, double[] y) {
        if (x.length != 2 * n || y.length != 2 * n) {
            throw new IllegalArgumentException("vectors must have length 2n = " + (2 * n) + ", got "
                    + x.length + " and " + y.length);
        }
        for (int i = 0; i < n; i++) {
            double re = x[2 * i];
            double im = x[2 * i + 1];
            for (int p = lowerPointers[i]; p < lowerPointers[i + 1]; p++) {
                int k = lowerColumns[p];
                double lr = lowerValues[2 * p];
                double li = lowerValues[2 * p + 1];
                re -= lr * y[2 * k] - li * y[2 * k + 1];
                im -= lr * y[2 * k + 1] + li * y[2 * k];
            }
            y[2 * i] = re;
            y[2 * i + 1] = im;
        }
        for (int i = n - 1; i >= 0; i--) {
            double re = y[2 * i];
            double im = y[2 * i + 1];
            for (int p = upperPointers[i]; p < upperPointers[i + 1]; p++) {
                int j = upperColumns[p];
                double ur = upperValues[2 * p];
                double ui = upperValues[2 * p + 1];
                re -= ur * y[2 * j] - ui * y[2 * j + 1];
                im -= ur * y[2 * j + 1] + ui * y[2 * j];
            }
            double dr = diagonal[2 * i];
            double di = diagonal[2 * i + 1];
            double d = dr * dr + di * di;
            y[2 * i] = (re * dr + im * di) / d;
            y[2 * i + 1] = (im * dr - re * di) / d;
        }
    }

    /** Same as {@link #apply}: solves {@code L U x = b}. */
    public void solve(double[] b, double[] x) {
        apply(b, x);
    }

    private static boolean setPivot(double[] diagonal, int i, double re, double im, double rowNorm,
            double dropTolerance) {
        if (rowNorm == 0) {
            throw new ArithmeticException("incomplete LU: row " + i + " of the matrix is zero");
        }
        double floor = Math.max(dropTolerance, SMALL_PIVOT) * rowNorm;
        double modulus = Math.hypot(re, im);
        if (modulus >= floor) {
            diagonal[2 * i] = re;
            diagonal[2 * i + 1] = im;
            return false;
        }
        // Keep the phase of a small pivot; a zero one becomes real.
        diagonal[2 * i] = modulus == 0 ? floor : re * (floor / modulus);
        diagonal[2 * i + 1] = modulus == 0 ? 0 : im * (floor / modulus);
        return true;
    }

    /** Appends to the row the entries of {@code list} with modulus >= tau, at most limit of them, largest first kept. */
    private static void keepLargest(int[] list, int count, double[] w, double tau, int limit,
            double[] magnitudes, RowStore store) {
        int candidates = 0;
        for (int q = 0; q < count; q++) {
            int j = list[q];
            double m = Math.hypot(w[2 * j], w[2 * j + 1]);
            if (m >= tau && m > 0) {
                list[candidates] = j;
                magnitudes[candidates] = m;
                candidates++;
            }
        }
        double cutoff = -1;
        if (candidates > limit) {
            double[] sorted = Arrays.copyOf(magnitudes, candidates);
            Arrays.sort(sorted);
            cutoff = sorted[candidates - limit];
        }
        int added = 0;
        for (int q = 0; q < candidates && added < limit; q++) {
            if (magnitudes[q] >= cutoff) {
                int j = list[q];
                store.add(j, w[2 * j], w[2 * j + 1]);
                added++;
            }
        }
    }

    private static int heapPush(int[] heap, int size, int value) {
        int child = size;
        heap[size] = value;
        while (child > 0) {
            int parent = (child - 1) / 2;
            if (heap[parent] <= heap[child]) {
                break;
            }
            int t = heap[parent];
            heap[parent] = heap[child];
            heap[child] = t;
            child = parent;
        }
        return size + 1;
    }

    private static int heapPop(int[] heap, int size) {
        size--;
        heap[0] = heap[size];
        int parent = 0;
        while (true) {
            int left = 2 * parent + 1;
            if (left >= size) {
                break;
            }
            int smallest = left + 1 < size && heap[left + 1] < heap[left] ? left + 1 : left;
            if (heap[parent] <= heap[smallest]) {
                break;
            }
            int t = heap[parent];
            heap[parent] = heap[smallest];
            heap[smallest] = t;
            parent = smallest;
        }
        return size;
    }

    private static double[] divide(double ar, double ai, double br, double bi) {
        double d = br * br + bi * bi;
        return new double[] {(ar * br + ai * bi) / d, (ai * br - ar * bi) / d};
    }

    /** Rows of a triangular factor, appended in order. */
    private static final class RowStore {
        final int[] pointers;
        int[] columns;
        double[] values;
        int size;

        RowStore(int n, int capacity) {
            pointers = new int[n + 1];
            columns = new int[Math.max(16, capacity)];
            values = new double[2 * columns.length];
        }

        void startRow(int i) {
            pointers[i] = size;
        }

        void endRow(int i) {
            pointers[i + 1] = size;
        }

        void add(int column, double re, double im) {
            if (size == columns.length) {
                int capacity = size + (size >> 1) + 16;
                columns = Arrays.copyOf(columns, capacity);
                values = Arrays.copyOf(values, 2 * capacity);
            }
            columns[size] = column;
            values[2 * size] = re;
            values[2 * size + 1] = im;
            size++;
        }
    }
}
