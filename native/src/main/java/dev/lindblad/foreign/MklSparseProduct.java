package dev.lindblad.foreign;

import static dev.lindblad.foreign.Native.ADDRESS;
import static dev.lindblad.foreign.Native.INT;

import dev.lindblad.backend.SparseProduct;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Cleaner;

/**
 * A CSR matrix in MKL's inspector–executor sparse BLAS: {@code mkl_sparse_z_create_csr} on
 * copies of the arrays (MKL keeps pointers to them, so they live off the heap, in a shared arena
 * owned by this object), then {@code mkl_sparse_set_mv_hint} (non-transposed, general, many
 * calls), {@code mkl_sparse_set_memory_hint} (aggressive: MKL may keep its own reordered copy)
 * and {@code mkl_sparse_optimize}. Each product is {@code mkl_sparse_z_mv} on the caller's heap
 * arrays in place (a critical call: no copy of x or y).
 */
final class MklSparseProduct implements SparseProduct {

    private static final int NON_TRANSPOSE = 10, GENERAL = 20, LOWER = 40, NON_UNIT = 50, INDEX_ZERO = 0,
            MEMORY_AGGRESSIVE = 81, SUCCESS = 0;
    private static final StructLayout DESCRIPTOR = MemoryLayout.structLayout(INT.withName("type"),
            INT.withName("mode"), INT.withName("diag"));
    private static final Cleaner CLEANER = Cleaner.create();

    /** The inspector–executor functions of libmkl_rt. */
    record Functions(MethodHandle create, MethodHandle mvHint, MethodHandle memoryHint, MethodHandle optimize,
                     MethodHandle mv, MethodHandle destroy) {

        Functions(SymbolLookup l) {
            this(Native.bind(l, "libmkl_rt", "mkl_sparse_z_create_csr", FunctionDescriptor.of(INT, ADDRESS, INT, INT,
                            INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS)),
                    Native.bind(l, "libmkl_rt", "mkl_sparse_set_mv_hint", FunctionDescriptor.of(INT, ADDRESS, INT,
                            DESCRIPTOR, INT)),
                    Native.bind(l, "libmkl_rt", "mkl_sparse_set_memory_hint", FunctionDescriptor.of(INT, ADDRESS, INT)),
                    Native.bind(l, "libmkl_rt", "mkl_sparse_optimize", FunctionDescriptor.of(INT, ADDRESS)),
                    Native.bind(l, "libmkl_rt", "mkl_sparse_z_mv", FunctionDescriptor.of(INT, INT, Native.COMPLEX, ADDRESS,
                            DESCRIPTOR, ADDRESS, Native.COMPLEX, ADDRESS), Linker.Option.critical(true)),
                    Native.bind(l, "libmkl_rt", "mkl_sparse_destroy", FunctionDescriptor.of(INT, ADDRESS)));
        }
    }

    /** What the cleaner frees: the MKL handle, then the arena with the arrays it points to. */
    private record Resources(Functions f, MemorySegment handle, Arena arena) implements Runnable {
        @Override
        public void run() {
            try {
                int ignored = (int) f.destroy().invokeExact(handle);
            } catch (Throwable t) {
                // nothing more can be done for memory that MKL would not free; the arena still goes
            } finally {
                arena.close();
            }
        }
    }

    private final Functions f;
    private final ThreadControl threads;
    private final int rows, cols;
    private final MemorySegment handle, descriptor;
    private final Cleaner.Cleanable cleanable;
    private volatile boolean closed;

    private MklSparseProduct(Functions f, ThreadControl threads, int rows, int cols, MemorySegment handle,
                             MemorySegment descriptor, Arena arena) {
        this.f = f;
        this.threads = threads;
        this.rows = rows;
        this.cols = cols;
        this.handle = handle;
        this.descriptor = descriptor;
        this.cleanable = CLEANER.register(this, new Resources(f, handle, arena));
    }

    static MklSparseProduct create(Functions f, ThreadControl threads, int rows, int cols, int[] rowPointers,
                                   int[] columnIndices, double[] values) {
        int nnz = rowPointers[rows];
        Arena arena = Arena.ofShared();
        boolean ok = false;
        try {
            MemorySegment rp = arena.allocateFrom(INT, java.util.Arrays.copyOf(rowPointers, rows + 1));
            MemorySegment ci = arena.allocate(INT, Math.max(1, nnz));
            MemorySegment.copy(columnIndices, 0, ci, INT, 0, nnz);
            MemorySegment v = arena.allocate(ValueLayout.JAVA_DOUBLE, Math.max(2, 2L * nnz));
            MemorySegment.copy(values, 0, v, ValueLayout.JAVA_DOUBLE, 0, 2 * nnz);
            MemorySegment out = arena.allocate(ADDRESS);
            check("mkl_sparse_z_create_csr", (int) f.create().invokeExact(out, INDEX_ZERO, rows, cols, rp,
                    rp.asSlice(INT.byteSize()), ci, v));
            MemorySegment handle = out.get(ADDRESS, 0);
            MemorySegment descriptor = arena.allocate(DESCRIPTOR);
            descriptor.set(INT, 0, GENERAL);
            descriptor.set(INT, 4, LOWER);
            descriptor.set(INT, 8, NON_UNIT);
            MklSparseProduct p = new MklSparseProduct(f, threads, rows, cols, handle, descriptor, arena);
            ok = true;
            check("mkl_sparse_set_mv_hint", (int) f.mvHint().invokeExact(handle, NON_TRANSPOSE, descriptor, 100_000));
            check("mkl_sparse_set_memory_hint", (int) f.memoryHint().invokeExact(handle, MEMORY_AGGRESSIVE));
            check("mkl_sparse_optimize", (int) f.optimize().invokeExact(handle));
            return p;
        } catch (Throwable t) {
            if (!ok) {
                arena.close();
            }
            throw Native.rethrow(t);
        }
    }

    private static void check(String what, int status) {
        if (status != SUCCESS) {
            throw new IllegalStateException("MKL " + what + " returned status " + status);
        }
    }

    @Override
    public void matvec(double[] x, int xOff, double[] y, int yOff, double alphaRe, double alphaIm, double betaRe,
                       double betaIm, int nThreads) {
        if (closed) {
            throw new IllegalStateException("the MKL sparse matrix was closed");
        }
        if (xOff < 0 || yOff < 0 || x.length < xOff + 2L * cols || y.length < yOff + 2L * rows) {
            throw new IllegalArgumentException("matvec: the matrix is " + rows + "x" + cols + " but x has "
                    + (x.length - xOff) / 2 + " entries from offset " + xOff + " and y " + (y.length - yOff) / 2
                    + " from offset " + yOff);
        }
        MemorySegment xs = MemorySegment.ofArray(x).asSlice(8L * xOff, 16L * cols);
        MemorySegment ys = MemorySegment.ofArray(y).asSlice(8L * yOff, 16L * rows);
        if (betaRe == 0 && betaIm == 0) {
            // MKL reads y when beta = 0 (0 * NaN = NaN); the convention here ignores it
            java.util.Arrays.fill(y, yOff, yOff + 2 * rows, 0.0);
        }
        int token = threads.enter(nThreads);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment alpha = arena.allocateFrom(ValueLayout.JAVA_DOUBLE, alphaRe, alphaIm);
            MemorySegment beta = arena.allocateFrom(ValueLayout.JAVA_DOUBLE, betaRe, betaIm);
            check("mkl_sparse_z_mv", (int) f.mv().invokeExact(NON_TRANSPOSE, alpha, handle, descriptor, xs, beta, ys));
        } catch (Throwable t) {
            throw Native.rethrow(t);
        } finally {
            threads.exit(token);
        }
    }

    @Override
    public String storage() {
        return "mkl-csr";
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            cleanable.clean();
        }
    }
}
