package dev.lindblad.foreign;

import static dev.lindblad.foreign.Native.ADDRESS;
import static dev.lindblad.foreign.Native.LONG;

import dev.lindblad.backend.SparseFactorization;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * SuiteSparse UMFPACK's {@code umfpack_zl_*} (complex, 64-bit indices) for a general complex
 * matrix given in CSR. UMFPACK takes compressed columns, and the CSR arrays of A are the
 * compressed columns of its transpose {@code A^T}, so the factorisation is of {@code A^T} and each
 * solve asks for {@code (A^T)^T x = b} ({@code UMFPACK_Aat}, the array transpose without
 * conjugation): no copy into another layout is needed. Values cross packed (real and imaginary
 * interleaved, {@code Az = NULL}). UMFPACK's default control: automatic strategy, AMD/COLAMD
 * ordering, up to two steps of iterative refinement on each solve.
 *
 * <p>An exactly singular matrix, or one whose estimated reciprocal condition number (smallest
 * over largest pivot magnitude) is below {@value #SINGULAR_RCOND}, throws
 * {@link ArithmeticException}: as in the Java sparse LU, a pivot that small means singular to
 * working precision, and the caller's Java path decides and says why.
 */
final class Umfpack implements SparseFactorization {

    static final double SINGULAR_RCOND = 1e-13;
    private static final int CONTROL = 20, INFO = 90, RCOND = 67, AAT = 2, OK = 0, SINGULAR = 1;

    /** The umfpack_zl functions. */
    record Functions(MethodHandle defaults, MethodHandle symbolic, MethodHandle numeric, MethodHandle solve,
                     MethodHandle freeSymbolic, MethodHandle freeNumeric, MethodHandle getLunz) {
        Functions(SymbolLookup l, String lib) {
            this(Native.bind(l, lib, "umfpack_zl_defaults", FunctionDescriptor.ofVoid(ADDRESS)),
                    Native.bind(l, lib, "umfpack_zl_symbolic", FunctionDescriptor.of(LONG, LONG, LONG, ADDRESS, ADDRESS,
                            ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS)),
                    Native.bind(l, lib, "umfpack_zl_numeric", FunctionDescriptor.of(LONG, ADDRESS, ADDRESS, ADDRESS,
                            ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS)),
                    Native.bind(l, lib, "umfpack_zl_solve", FunctionDescriptor.of(LONG, LONG, ADDRESS, ADDRESS, ADDRESS,
                            ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS)),
                    Native.bind(l, lib, "umfpack_zl_free_symbolic", FunctionDescriptor.ofVoid(ADDRESS)),
                    Native.bind(l, lib, "umfpack_zl_free_numeric", FunctionDescriptor.ofVoid(ADDRESS)),
                    Native.bind(l, lib, "umfpack_zl_get_lunz", FunctionDescriptor.of(LONG, ADDRESS, ADDRESS, ADDRESS,
                            ADDRESS, ADDRESS, ADDRESS)));
        }
    }

    private final Functions f;
    private final ThreadControl threadControl;
    private final int threads, n;
    private final Arena arena;
    private final MemorySegment ap, ai, ax, numeric, control, info, b, x;
    private final String description;
    private long factorNonzeros = -1;
    private boolean closed;

    private Umfpack(Functions f, ThreadControl threadControl, int threads, int n, Arena arena, MemorySegment ap,
                    MemorySegment ai, MemorySegment ax, MemorySegment numeric, MemorySegment control,
                    MemorySegment info, String description) {
        this.f = f;
        this.threadControl = threadControl;
        this.threads = threads;
        this.n = n;
        this.arena = arena;
        this.ap = ap;
        this.ai = ai;
        this.ax = ax;
        this.numeric = numeric;
        this.control = control;
        this.info = info;
        this.description = description;
        this.b = arena.allocate(ValueLayout.JAVA_DOUBLE, Math.max(2, 2L * n));
        this.x = arena.allocate(ValueLayout.JAVA_DOUBLE, Math.max(2, 2L * n));
    }

    static Umfpack factor(Functions f, ThreadControl threadControl, String description, int n, int[] rowPointers,
                          int[] columnIndices, double[] values, int threads) {
        Arena arena = Arena.ofShared();
        Umfpack u = null;
        int token = threadControl.enter(threads);
        try {
            int nnz = rowPointers[n];
            SortedCsr sorted = SortedCsr.of(n, rowPointers, columnIndices, values);   // UMFPACK needs them ascending
            columnIndices = sorted.columnIndices();
            values = sorted.values();
            MemorySegment ap = arena.allocate(LONG, n + 1L);
            for (int i = 0; i <= n; i++) {
                ap.setAtIndex(LONG, i, rowPointers[i]);
            }
            MemorySegment ai = arena.allocate(LONG, Math.max(1, nnz));
            for (int p = 0; p < nnz; p++) {
                ai.setAtIndex(LONG, p, columnIndices[p]);
            }
            MemorySegment ax = arena.allocate(ValueLayout.JAVA_DOUBLE, Math.max(2, 2L * nnz));
            MemorySegment.copy(values, 0, ax, ValueLayout.JAVA_DOUBLE, 0, 2 * nnz);
            MemorySegment control = arena.allocate(ValueLayout.JAVA_DOUBLE, CONTROL);
            MemorySegment info = arena.allocate(ValueLayout.JAVA_DOUBLE, INFO);
            f.defaults().invokeExact(control);
            MemorySegment symbolic = arena.allocate(ADDRESS), numeric = arena.allocate(ADDRESS);
            long status = (long) f.symbolic().invokeExact((long) n, (long) n, ap, ai, ax, MemorySegment.NULL, symbolic,
                    control, info);
            if (status != OK) {
                throw new IllegalStateException("umfpack_zl_symbolic failed with status " + status);
            }
            try {
                status = (long) f.numeric().invokeExact(ap, ai, ax, MemorySegment.NULL, symbolic.get(ADDRESS, 0),
                        numeric, control, info);
            } finally {
                f.freeSymbolic().invokeExact(symbolic);
            }
            u = new Umfpack(f, threadControl, threads, n, arena, ap, ai, ax, numeric, control, info, description);
            if (status == SINGULAR) {
                throw new ArithmeticException("UMFPACK: the matrix is singular (a zero pivot)");
            }
            if (status != OK) {
                throw new IllegalStateException("umfpack_zl_numeric failed with status " + status);
            }
            double rcond = info.getAtIndex(ValueLayout.JAVA_DOUBLE, RCOND);
            if (!(rcond >= SINGULAR_RCOND)) {
                throw new ArithmeticException("UMFPACK: reciprocal pivot ratio " + rcond + " < " + SINGULAR_RCOND
                        + ": singular to working precision");
            }
            MemorySegment l = arena.allocate(LONG, 5);
            long s2 = (long) f.getLunz().invokeExact(l, l.asSlice(8), l.asSlice(16), l.asSlice(24), l.asSlice(32),
                    numeric.get(ADDRESS, 0));
            if (s2 == OK) {
                u.factorNonzeros = l.getAtIndex(LONG, 0) + l.getAtIndex(LONG, 1) - n;
            }
            return u;
        } catch (Throwable t) {
            if (u != null) {
                u.close();
            } else {
                arena.close();
            }
            throw Native.rethrow(t);
        } finally {
            threadControl.exit(token);
        }
    }

    @Override
    public synchronized void solve(double[] rhs, double[] sol) {
        if (closed) {
            throw new IllegalStateException("the UMFPACK factorisation was closed");
        }
        if (rhs.length != 2 * n || sol.length != 2 * n) {
            throw new IllegalArgumentException("b and x must have length 2n = " + 2 * n + ", got " + rhs.length
                    + " and " + sol.length);
        }
        MemorySegment.copy(rhs, 0, b, ValueLayout.JAVA_DOUBLE, 0, 2 * n);
        int token = threadControl.enter(threads);
        try {
            long status = (long) f.solve().invokeExact((long) AAT, ap, ai, ax, MemorySegment.NULL, x, MemorySegment.NULL,
                    b, MemorySegment.NULL, numeric.get(ADDRESS, 0), control, info);
            if (status == SINGULAR) {
                throw new ArithmeticException("UMFPACK: the matrix is singular");
            }
            if (status != OK) {
                throw new IllegalStateException("umfpack_zl_solve failed with status " + status);
            }
        } catch (Throwable t) {
            throw Native.rethrow(t);
        } finally {
            threadControl.exit(token);
        }
        MemorySegment.copy(x, ValueLayout.JAVA_DOUBLE, 0, sol, 0, 2 * n);
    }

    @Override
    public long factorNonzeros() {
        return factorNonzeros;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!numeric.get(ADDRESS, 0).equals(MemorySegment.NULL)) {
                f.freeNumeric().invokeExact(numeric);
            }
        } catch (Throwable t) {
            throw Native.rethrow(t);
        } finally {
            arena.close();
        }
    }
}
