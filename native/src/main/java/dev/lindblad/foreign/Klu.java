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
 * SuiteSparse KLU's {@code klu_zl_*} (complex, 64-bit indices) for a general complex matrix
 * given in CSR. As for {@link Umfpack}, the CSR arrays of A are the compressed columns of
 * {@code A^T}: KLU factors {@code A^T} and each solve is its transpose solve without conjugation
 * ({@code klu_zl_tsolve} with {@code conj_solve = 0}), {@code (A^T)^T x = A x = b}, so no copy
 * into another layout is needed. KLU's defaults: block triangular pre-ordering (BTF), AMD on each
 * block, row scaling by the largest entry, partial pivoting with diagonal preference
 * (tolerance 0.001). KLU has no supernodes and calls no BLAS: it runs on the calling thread only.
 *
 * <p>KLU does no iterative refinement of its own; as UMFPACK does by default, each solve here
 * takes up to two steps of it ({@code x += A^{-1}(b - A x)}, the residual computed in Java from
 * the CSR arrays), kept only while the residual's largest entry at least halves.
 *
 * <p>An exactly singular matrix ({@code KLU_SINGULAR}), or one whose reciprocal pivot ratio
 * ({@code klu_zl_rcond}: smallest over largest |U_kk|) is below {@link Umfpack#SINGULAR_RCOND},
 * throws {@link ArithmeticException}, as in the Java sparse LU and UMFPACK.
 */
final class Klu implements SparseFactorization {

    /** Byte offsets in {@code klu_l_common} (LP64: 5 doubles, then 64-bit integers and pointers). */
    private static final long STATUS = 88, RCOND = 144, HALT_IF_SINGULAR = 80, COMMON_BYTES = 512;
    /** Byte offsets in {@code klu_l_numeric}: n, nblocks, lnz, unz, ... (lnz and unz count the diagonals). */
    private static final long NUMERIC_LNZ = 16, NUMERIC_UNZ = 24, NUMERIC_NZOFF = 184;
    private static final long OK = 0, SINGULAR = 1;
    private static final int REFINEMENT_STEPS = 2;

    /** The klu_l / klu_zl functions. */
    record Functions(MethodHandle defaults, MethodHandle analyze, MethodHandle factor, MethodHandle tsolve,
                     MethodHandle rcond, MethodHandle freeSymbolic, MethodHandle freeNumeric) {
        Functions(SymbolLookup l, String lib) {
            this(Native.bind(l, lib, "klu_l_defaults", FunctionDescriptor.of(LONG, ADDRESS)),
                    Native.bind(l, lib, "klu_l_analyze", FunctionDescriptor.of(ADDRESS, LONG, ADDRESS, ADDRESS, ADDRESS)),
                    Native.bind(l, lib, "klu_zl_factor", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, ADDRESS,
                            ADDRESS, ADDRESS)),
                    Native.bind(l, lib, "klu_zl_tsolve", FunctionDescriptor.of(LONG, ADDRESS, ADDRESS, LONG, LONG,
                            ADDRESS, LONG, ADDRESS)),
                    Native.bind(l, lib, "klu_zl_rcond", FunctionDescriptor.of(LONG, ADDRESS, ADDRESS, ADDRESS)),
                    Native.bind(l, lib, "klu_l_free_symbolic", FunctionDescriptor.of(LONG, ADDRESS, ADDRESS)),
                    Native.bind(l, lib, "klu_zl_free_numeric", FunctionDescriptor.of(LONG, ADDRESS, ADDRESS)));
        }
    }

    private final Functions f;
    private final int n;
    private final int[] rowPointers, columnIndices;
    private final double[] values;
    private final Arena arena;
    private final MemorySegment common, symbolic, numeric, b;
    private final String description;
    private long factorNonzeros = -1;
    private boolean closed;

    private Klu(Functions f, int n, int[] rowPointers, int[] columnIndices, double[] values, Arena arena,
                MemorySegment common, MemorySegment symbolic, MemorySegment numeric, String description) {
        this.f = f;
        this.n = n;
        this.rowPointers = rowPointers;
        this.columnIndices = columnIndices;
        this.values = values;
        this.arena = arena;
        this.common = common;
        this.symbolic = symbolic;
        this.numeric = numeric;
        this.description = description;
        this.b = arena.allocate(ValueLayout.JAVA_DOUBLE, Math.max(2, 2L * n));
    }

    static Klu factor(Functions f, String description, int n, int[] rowPointers, int[] columnIndices,
                      double[] values) {
        Arena arena = Arena.ofShared();
        Klu k = null;
        try {
            int nnz = rowPointers[n];
            SortedCsr sorted = SortedCsr.of(n, rowPointers, columnIndices, values);
            int[] ci = sorted.columnIndices() == columnIndices ? columnIndices.clone() : sorted.columnIndices();
            double[] v = sorted.values() == values ? values.clone() : sorted.values();
            int[] rp = rowPointers.clone();   // kept for the refinement's residual: the caller's arrays may change
            MemorySegment ap = arena.allocate(LONG, n + 1L);
            for (int i = 0; i <= n; i++) {
                ap.setAtIndex(LONG, i, rp[i]);
            }
            MemorySegment ai = arena.allocate(LONG, Math.max(1, nnz));
            for (int p = 0; p < nnz; p++) {
                ai.setAtIndex(LONG, p, ci[p]);
            }
            MemorySegment ax = arena.allocate(ValueLayout.JAVA_DOUBLE, Math.max(2, 2L * nnz));
            MemorySegment.copy(v, 0, ax, ValueLayout.JAVA_DOUBLE, 0, 2 * nnz);
            MemorySegment common = arena.allocate(COMMON_BYTES, 16);
            long ok = (long) f.defaults().invokeExact(common);
            if (ok == 0) {
                throw new IllegalStateException("klu_l_defaults failed");
            }
            common.set(LONG, HALT_IF_SINGULAR, 1L);
            MemorySegment symbolic = arena.allocate(ADDRESS), numeric = arena.allocate(ADDRESS);
            MemorySegment s = (MemorySegment) f.analyze().invokeExact((long) n, ap, ai, common);
            if (s.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("klu_l_analyze failed with status " + common.get(LONG, STATUS));
            }
            symbolic.set(ADDRESS, 0, s);
            k = new Klu(f, n, rp, ci, v, arena, common, symbolic, numeric, description);
            MemorySegment num = (MemorySegment) f.factor().invokeExact(ap, ai, ax, s, common);
            long status = common.get(LONG, STATUS);
            if (num.equals(MemorySegment.NULL)) {
                if (status == SINGULAR) {
                    throw new ArithmeticException("KLU: the matrix is singular (a zero pivot)");
                }
                throw new IllegalStateException("klu_zl_factor failed with status " + status);
            }
            numeric.set(ADDRESS, 0, num);
            if (status == SINGULAR) {
                throw new ArithmeticException("KLU: the matrix is singular (a zero pivot)");
            }
            long rc = (long) f.rcond().invokeExact(s, num, common);
            double rcond = common.get(ValueLayout.JAVA_DOUBLE, RCOND);
            if (rc == 0 || !(rcond >= Umfpack.SINGULAR_RCOND)) {
                throw new ArithmeticException("KLU: reciprocal pivot ratio " + rcond + " < " + Umfpack.SINGULAR_RCOND
                        + ": singular to working precision");
            }
            MemorySegment numStruct = num.reinterpret(NUMERIC_NZOFF + 8);
            k.factorNonzeros = numStruct.get(LONG, NUMERIC_LNZ) + numStruct.get(LONG, NUMERIC_UNZ) - n
                    + numStruct.get(LONG, NUMERIC_NZOFF);
            return k;
        } catch (Throwable t) {
            if (k != null) {
                k.close();
            } else {
                arena.close();
            }
            throw Native.rethrow(t);
        }
    }

    @Override
    public synchronized void solve(double[] rhs, double[] sol) {
        if (closed) {
            throw new IllegalStateException("the KLU factorisation was closed");
        }
        if (rhs.length != 2 * n || sol.length != 2 * n) {
            throw new IllegalArgumentException("b and x must have length 2n = " + 2 * n + ", got " + rhs.length
                    + " and " + sol.length);
        }
        double[] x = new double[2 * n];
        tsolve(rhs, x);
        double[] r = new double[2 * n], d = new double[2 * n];
        double res = residual(rhs, x, r);
        for (int step = 0; step < REFINEMENT_STEPS && res > 0; step++) {
            tsolve(r, d);
            double[] y = x.clone();
            for (int i = 0; i < y.length; i++) {
                y[i] += d[i];
            }
            double[] r2 = new double[2 * n];
            double res2 = residual(rhs, y, r2);
            if (!(res2 <= 0.5 * res)) {
                break;
            }
            x = y;
            r = r2;
            res = res2;
        }
        System.arraycopy(x, 0, sol, 0, 2 * n);
    }

    /** One transpose solve of the factored {@code A^T}, i.e. {@code A x = rhs}. */
    private void tsolve(double[] rhs, double[] x) {
        MemorySegment.copy(rhs, 0, b, ValueLayout.JAVA_DOUBLE, 0, 2 * n);
        try {
            long ok = (long) f.tsolve().invokeExact(symbolic.get(ADDRESS, 0), numeric.get(ADDRESS, 0), (long) n, 1L, b,
                    0L, common);
            if (ok == 0) {
                long status = common.get(LONG, STATUS);
                if (status == SINGULAR) {
                    throw new ArithmeticException("KLU: the matrix is singular");
                }
                throw new IllegalStateException("klu_zl_tsolve failed with status " + status);
            }
        } catch (Throwable t) {
            throw Native.rethrow(t);
        }
        MemorySegment.copy(b, ValueLayout.JAVA_DOUBLE, 0, x, 0, 2 * n);
    }

    /** {@code r = rhs - A x}; returns {@code max_i |r_i|}. */
    private double residual(double[] rhs, double[] x, double[] r) {
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double re = rhs[2 * i], im = rhs[2 * i + 1];
            for (int p = rowPointers[i]; p < rowPointers[i + 1]; p++) {
                int j = columnIndices[p];
                double vr = values[2 * p], vi = values[2 * p + 1], xr = x[2 * j], xi = x[2 * j + 1];
                re -= vr * xr - vi * xi;
                im -= vr * xi + vi * xr;
            }
            r[2 * i] = re;
            r[2 * i + 1] = im;
            worst = Math.max(worst, Math.hypot(re, im));
        }
        return worst;
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
                long ignored = (long) f.freeNumeric().invokeExact(numeric, common);
            }
            if (!symbolic.get(ADDRESS, 0).equals(MemorySegment.NULL)) {
                long ignored = (long) f.freeSymbolic().invokeExact(symbolic, common);
            }
        } catch (Throwable t) {
            throw Native.rethrow(t);
        } finally {
            arena.close();
        }
    }
}
