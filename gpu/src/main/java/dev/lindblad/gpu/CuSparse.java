package dev.lindblad.gpu;

import static dev.lindblad.gpu.Ffm.ADDRESS;
import static dev.lindblad.gpu.Ffm.INT;
import static dev.lindblad.gpu.Ffm.LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * FFM bindings to cuSPARSE's generic sparse matrix–vector product: a CSR matrix of
 * {@code cuDoubleComplex} with 32-bit indices ({@code cusparseCreateCsr}), dense vectors
 * ({@code cusparseCreateDnVec}) and {@code cusparseSpMV} with its work buffer
 * ({@code cusparseSpMV_bufferSize}), {@code y = 1·A x + 0·y}, non-transposed, default algorithm.
 * Enumeration values as in {@code cusparse.h} and {@code library_types.h} (CUDA 12/13).
 */
final class CuSparse {

    static final int OPERATION_NON_TRANSPOSE = 0;
    static final int INDEX_32I = 2;
    static final int INDEX_BASE_ZERO = 0;
    /** {@code CUDA_C_64F} of {@code library_types.h}. */
    static final int CUDA_C_64F = 5;
    static final int SPMV_ALG_DEFAULT = 0;

    final Path path;
    private final MethodHandle create;
    private final MethodHandle destroy;
    private final MethodHandle createCsr;
    private final MethodHandle destroySpMat;
    private final MethodHandle createDnVec;
    private final MethodHandle destroyDnVec;
    private final MethodHandle spmvBufferSize;
    private final MethodHandle spmv;

    private CuSparse(Path path, SymbolLookup l) {
        this.path = path;
        create = Ffm.handle(l, "cusparseCreate", FunctionDescriptor.of(INT, ADDRESS));
        destroy = Ffm.handle(l, "cusparseDestroy", FunctionDescriptor.of(INT, ADDRESS));
        createCsr = Ffm.handle(l, "cusparseCreateCsr", FunctionDescriptor.of(INT, ADDRESS, LONG, LONG, LONG, ADDRESS,
                ADDRESS, ADDRESS, INT, INT, INT, INT));
        destroySpMat = Ffm.handle(l, "cusparseDestroySpMat", FunctionDescriptor.of(INT, ADDRESS));
        createDnVec = Ffm.handle(l, "cusparseCreateDnVec", FunctionDescriptor.of(INT, ADDRESS, LONG, ADDRESS, INT));
        destroyDnVec = Ffm.handle(l, "cusparseDestroyDnVec", FunctionDescriptor.of(INT, ADDRESS));
        spmvBufferSize = Ffm.handle(l, "cusparseSpMV_bufferSize", FunctionDescriptor.of(INT, ADDRESS, INT, ADDRESS,
                ADDRESS, ADDRESS, ADDRESS, ADDRESS, INT, INT, ADDRESS));
        spmv = Ffm.handle(l, "cusparseSpMV", FunctionDescriptor.of(INT, ADDRESS, INT, ADDRESS, ADDRESS, ADDRESS,
                ADDRESS, ADDRESS, INT, INT, ADDRESS));
    }

    /** Loads cuSPARSE from {@link Gpu#searchPath()}. */
    static CuSparse load() {
        Path p = Ffm.find(Gpu.searchPath(), GpuBackend.CUSPARSE);
        if (p == null) {
            throw new IllegalStateException("cuSPARSE not found: looked for " + String.join(", ", GpuBackend.CUSPARSE)
                    + " in " + Gpu.searchPath());
        }
        return new CuSparse(p, Ffm.load(p));
    }

    private static void check(int status, String what) {
        if (status != 0) {
            throw new CudaException(what + " failed: cusparseStatus_t " + status, status);
        }
    }

    private static int call(MethodHandle h, Object... args) {
        try {
            return (int) h.invokeWithArguments(args);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    private static MemorySegment out(MethodHandle h, String what, Object... rest) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = a.allocate(ADDRESS);
            Object[] args = new Object[rest.length + 1];
            args[0] = p;
            System.arraycopy(rest, 0, args, 1, rest.length);
            check(call(h, args), what);
            return p.get(ValueLayout.ADDRESS, 0);
        }
    }

    MemorySegment create() {
        return out(create, "cusparseCreate");
    }

    void destroy(MemorySegment handle) {
        check(call(destroy, handle), "cusparseDestroy");
    }

    /** @return a CSR descriptor over device arrays (rows × cols, nnz entries) */
    MemorySegment createCsr(long rows, long cols, long nnz, MemorySegment rowPtr, MemorySegment colIdx,
                            MemorySegment values) {
        return out(createCsr, "cusparseCreateCsr", rows, cols, nnz, rowPtr, colIdx, values, INDEX_32I, INDEX_32I,
                INDEX_BASE_ZERO, CUDA_C_64F);
    }

    void destroySpMat(MemorySegment m) {
        check(call(destroySpMat, m), "cusparseDestroySpMat");
    }

    /** @return a dense-vector descriptor over {@code size} complex values on the device */
    MemorySegment createDnVec(long size, MemorySegment values) {
        return out(createDnVec, "cusparseCreateDnVec", size, values, CUDA_C_64F);
    }

    void destroyDnVec(MemorySegment v) {
        check(call(destroyDnVec, v), "cusparseDestroyDnVec");
    }

    /** @return the work-buffer bytes of {@code y = A x} */
    long spmvBufferSize(MemorySegment handle, MemorySegment a, MemorySegment x, MemorySegment y) {
        try (Arena ar = Arena.ofConfined()) {
            MemorySegment one = ar.allocateFrom(Ffm.DOUBLE, 1, 0);
            MemorySegment zero = ar.allocateFrom(Ffm.DOUBLE, 0, 0);
            MemorySegment size = ar.allocate(LONG);
            check(call(spmvBufferSize, handle, OPERATION_NON_TRANSPOSE, one, a, x, zero, y, CUDA_C_64F,
                    SPMV_ALG_DEFAULT, size), "cusparseSpMV_bufferSize");
            return size.get(LONG, 0);
        }
    }

    /** {@code y = A x}. */
    void spmv(MemorySegment handle, MemorySegment a, MemorySegment x, MemorySegment y, MemorySegment buffer) {
        try (Arena ar = Arena.ofConfined()) {
            MemorySegment one = ar.allocateFrom(Ffm.DOUBLE, 1, 0);
            MemorySegment zero = ar.allocateFrom(Ffm.DOUBLE, 0, 0);
            check(call(spmv, handle, OPERATION_NON_TRANSPOSE, one, a, x, zero, y, CUDA_C_64F, SPMV_ALG_DEFAULT, buffer),
                    "cusparseSpMV");
        }
    }
}
