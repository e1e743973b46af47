package dev.lindblad.foreign;

import static dev.lindblad.foreign.Native.ADDRESS;
import static dev.lindblad.foreign.Native.INT;

import dev.lindblad.backend.SparseFactorization;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * MKL PARDISO for a general complex matrix ({@code mtype = 13}, complex unsymmetric) given in
 * CSR with zero-based indices: {@code pardisoinit}'s defaults for that type (nested-dissection
 * ordering, scaling and weighted matching, pivots below {@code 1e-13 ||A||} perturbed), with at
 * most {@value #REFINEMENT_STEPS} steps of iterative refinement on every solve. Phase 12
 * (analysis and numerical factorisation) runs once; phase 33 solves; phase -1 frees.
 *
 * <p>A perturbed pivot means the matrix is singular to working precision (for the steady-state
 * solver: the steady state is not unique), so the factorisation throws
 * {@link ArithmeticException} and the caller's Java sparse LU decides (and says why); PARDISO's
 * answer would otherwise be one stationary state among several, silently. The arrays live in
 * a shared arena owned by the factorisation, so it may be solved and closed from any thread.
 */
final class Pardiso implements SparseFactorization {

    /** Steps of iterative refinement on each solve (PARDISO's {@code iparm[7]}). */
    static final int REFINEMENT_STEPS = 2;
    private static final int COMPLEX_UNSYMMETRIC = 13;

    /** {@code pardisoinit} and {@code pardiso} of libmkl_rt. */
    record Functions(MethodHandle init, MethodHandle pardiso) {
        Functions(SymbolLookup l) {
            this(Native.bind(l, "libmkl_rt", "pardisoinit", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS)),
                    Native.bind(l, "libmkl_rt", "pardiso", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, ADDRESS,
                            ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS,
                            ADDRESS, ADDRESS)));
        }
    }

    private final Functions f;
    private final ThreadControl threadControl;
    private final int threads, n;
    private final Arena arena;
    private final MemorySegment pt, iparm, a, ia, ja, b, x, error, scalars;
    private long factorNonzeros;
    private final String description;
    private boolean closed;

    private Pardiso(Functions f, ThreadControl threadControl, int threads, int n, Arena arena, MemorySegment pt,
                    MemorySegment iparm, MemorySegment a, MemorySegment ia, MemorySegment ja, MemorySegment scalars,
                    String version) {
        this.f = f;
        this.threadControl = threadControl;
        this.threads = threads;
        this.n = n;
        this.arena = arena;
        this.pt = pt;
        this.iparm = iparm;
        this.a = a;
        this.ia = ia;
        this.ja = ja;
        this.scalars = scalars;
        this.b = arena.allocate(ValueLayout.JAVA_DOUBLE, Math.max(2, 2L * n));
        this.x = arena.allocate(ValueLayout.JAVA_DOUBLE, Math.max(2, 2L * n));
        this.error = arena.allocate(INT);
        this.factorNonzeros = -1;
        this.description = "PARDISO, " + version;
    }

    /** Scalars passed by reference: maxfct, mnum, mtype, phase, n, nrhs, msglvl, perm (unused). */
    private static final int MAXFCT = 0, MNUM = 1, MTYPE = 2, PHASE = 3, N = 4, NRHS = 5, MSGLVL = 6, PERM = 7;

    static Pardiso factor(Functions f, ThreadControl threadControl, String version, int n, int[] rowPointers,
                          int[] columnIndices, double[] values, int threads) {
        Arena arena = Arena.ofShared();
        boolean ok = false;
        try {
            int nnz = rowPointers[n];
            MemorySegment ia = arena.allocateFrom(INT, java.util.Arrays.copyOf(rowPointers, n + 1));
            MemorySegment ja = arena.allocate(INT, Math.max(1, nnz));
            MemorySegment a = arena.allocate(ValueLayout.JAVA_DOUBLE, Math.max(2, 2L * nnz));
            SortedCsr sorted = SortedCsr.of(n, rowPointers, columnIndices, values);   // PARDISO needs rows ascending
            MemorySegment.copy(sorted.columnIndices(), 0, ja, INT, 0, nnz);
            MemorySegment.copy(sorted.values(), 0, a, ValueLayout.JAVA_DOUBLE, 0, 2 * nnz);
            MemorySegment pt = arena.allocate(ValueLayout.JAVA_LONG, 64);
            MemorySegment iparm = arena.allocate(INT, 64);
            MemorySegment scalars = arena.allocate(INT, 8);
            scalars.setAtIndex(INT, MAXFCT, 1);
            scalars.setAtIndex(INT, MNUM, 1);
            scalars.setAtIndex(INT, MTYPE, COMPLEX_UNSYMMETRIC);
            scalars.setAtIndex(INT, N, n);
            scalars.setAtIndex(INT, NRHS, 1);
            scalars.setAtIndex(INT, MSGLVL, 0);
            f.init().invokeExact(pt, scalars.asSlice(4L * MTYPE), iparm);
            iparm.setAtIndex(INT, 7, REFINEMENT_STEPS);   // iterative refinement steps
            iparm.setAtIndex(INT, 17, -1);                // report the factors' non-zeros in iparm[17]
            iparm.setAtIndex(INT, 34, 1);                 // zero-based indices
            Pardiso p = new Pardiso(f, threadControl, threads, n, arena, pt, iparm, a, ia, ja, scalars, version);
            ok = true;
            try {
                p.call(12, p.b, p.x);
                int perturbed = iparm.getAtIndex(INT, 13);
                if (perturbed > 0) {
                    throw new ArithmeticException("PARDISO perturbed " + perturbed + " pivots: the matrix is singular"
                            + " to working precision");
                }
                p.factorNonzeros = iparm.getAtIndex(INT, 17);
                return p;
            } catch (RuntimeException e) {
                p.close();
                throw e;
            }
        } catch (Throwable t) {
            if (!ok) {
                arena.close();
            }
            throw Native.rethrow(t);
        }
    }

    private void call(int phase, MemorySegment rhs, MemorySegment sol) {
        scalars.setAtIndex(INT, PHASE, phase);
        int token = threadControl.enter(threads);
        try {
            f.pardiso().invokeExact(pt, scalars.asSlice(4L * MAXFCT), scalars.asSlice(4L * MNUM),
                    scalars.asSlice(4L * MTYPE), scalars.asSlice(4L * PHASE), scalars.asSlice(4L * N), a, ia, ja,
                    scalars.asSlice(4L * PERM), scalars.asSlice(4L * NRHS), iparm, scalars.asSlice(4L * MSGLVL), rhs,
                    sol, error);
        } catch (Throwable t) {
            throw Native.rethrow(t);
        } finally {
            threadControl.exit(token);
        }
        int e = error.get(INT, 0);
        if (e == -4) {
            throw new ArithmeticException("PARDISO phase " + phase + ": zero pivot (error -4)");
        }
        if (e != 0) {
            throw new IllegalStateException("PARDISO phase " + phase + " failed with error " + e
                    + (e == -2 ? " (not enough memory)" : e == -1 ? " (input inconsistent)" : ""));
        }
    }

    @Override
    public synchronized void solve(double[] rhs, double[] sol) {
        if (closed) {
            throw new IllegalStateException("the PARDISO factorisation was closed");
        }
        if (rhs.length != 2 * n || sol.length != 2 * n) {
            throw new IllegalArgumentException("b and x must have length 2n = " + 2 * n + ", got " + rhs.length
                    + " and " + sol.length);
        }
        MemorySegment.copy(rhs, 0, b, ValueLayout.JAVA_DOUBLE, 0, 2 * n);
        call(33, b, x);
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
            call(-1, b, x);
        } finally {
            arena.close();
        }
    }
}
