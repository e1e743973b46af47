package dev.lindblad.gpu;

import static dev.lindblad.gpu.Ffm.ADDRESS;
import static dev.lindblad.gpu.Ffm.DOUBLE;
import static dev.lindblad.gpu.Ffm.INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Optional;

/**
 * FFM bindings to the cuBLAS level-1 calls of the integrator ({@code cublasZaxpy},
 * {@code cublasZdscal}, {@code cublasDznrm2}, {@code cublasZcopy}, {@code cublasZdotu}; the
 * {@code _v2} entry points the header maps them to), scalars in host memory (the default
 * pointer mode), vectors {@code cuDoubleComplex} on the device with unit stride. Each method is
 * one call; a status other than {@code CUBLAS_STATUS_SUCCESS} throws {@link CudaException}.
 */
final class CuBlas {

    final Path path;
    private final MethodHandle create;
    private final MethodHandle destroy;
    private final MethodHandle zaxpy;
    private final MethodHandle zdscal;
    private final MethodHandle dznrm2;
    private final MethodHandle zcopy;
    private final MethodHandle zdotu;

    private CuBlas(Path path, SymbolLookup l) {
        this.path = path;
        create = v2(l, "cublasCreate", FunctionDescriptor.of(INT, ADDRESS));
        destroy = v2(l, "cublasDestroy", FunctionDescriptor.of(INT, ADDRESS));
        zaxpy = v2(l, "cublasZaxpy", FunctionDescriptor.of(INT, ADDRESS, INT, ADDRESS, ADDRESS, INT, ADDRESS, INT));
        zdscal = v2(l, "cublasZdscal", FunctionDescriptor.of(INT, ADDRESS, INT, ADDRESS, ADDRESS, INT));
        dznrm2 = v2(l, "cublasDznrm2", FunctionDescriptor.of(INT, ADDRESS, INT, ADDRESS, INT, ADDRESS));
        zcopy = v2(l, "cublasZcopy", FunctionDescriptor.of(INT, ADDRESS, INT, ADDRESS, INT, ADDRESS, INT));
        zdotu = v2(l, "cublasZdotu", FunctionDescriptor.of(INT, ADDRESS, INT, ADDRESS, INT, ADDRESS, INT, ADDRESS));
    }

    /** @return the {@code name_v2} symbol, else {@code name} */
    private static MethodHandle v2(SymbolLookup l, String name, FunctionDescriptor fd) {
        Optional<MemorySegment> s = l.find(name + "_v2");
        return s.isPresent() ? java.lang.foreign.Linker.nativeLinker().downcallHandle(s.get(), fd) : Ffm.handle(l, name, fd);
    }

    /** Loads cuBLAS from {@link Gpu#searchPath()}. */
    static CuBlas load() {
        Path p = Ffm.find(Gpu.searchPath(), GpuBackend.CUBLAS);
        if (p == null) {
            throw new IllegalStateException("cuBLAS not found: looked for " + String.join(", ", GpuBackend.CUBLAS)
                    + " in " + Gpu.searchPath());
        }
        return new CuBlas(p, Ffm.load(p));
    }

    private static void check(int status, String what) {
        if (status != 0) {
            throw new CudaException(what + " failed: cublasStatus_t " + status, status);
        }
    }

    private static int call(MethodHandle h, Object... args) {
        try {
            return (int) h.invokeWithArguments(args);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    /** @return a new handle (on the current device) */
    MemorySegment create() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = a.allocate(ADDRESS);
            check(call(create, p), "cublasCreate");
            return p.get(ValueLayout.ADDRESS, 0);
        }
    }

    void destroy(MemorySegment handle) {
        check(call(destroy, handle), "cublasDestroy");
    }

    /** {@code y += alpha x}. */
    void zaxpy(MemorySegment handle, int n, double re, double im, MemorySegment x, MemorySegment y) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment alpha = a.allocateFrom(DOUBLE, re, im);
            check(call(zaxpy, handle, n, alpha, x, 1, y, 1), "cublasZaxpy");
        }
    }

    /** {@code x *= s}. */
    void zdscal(MemorySegment handle, int n, double s, MemorySegment x) {
        try (Arena a = Arena.ofConfined()) {
            check(call(zdscal, handle, n, a.allocateFrom(DOUBLE, s), x, 1), "cublasZdscal");
        }
    }

    /** @return {@code ||x||_2} */
    double dznrm2(MemorySegment handle, int n, MemorySegment x) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment r = a.allocate(DOUBLE);
            check(call(dznrm2, handle, n, x, 1, r), "cublasDznrm2");
            return r.get(DOUBLE, 0);
        }
    }

    /** {@code y = x}. */
    void zcopy(MemorySegment handle, int n, MemorySegment x, MemorySegment y) {
        check(call(zcopy, handle, n, x, 1, y, 1), "cublasZcopy");
    }

    /** @return {@code Σ x_i y_i} as {re, im} */
    double[] zdotu(MemorySegment handle, int n, MemorySegment x, MemorySegment y) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment r = a.allocate(DOUBLE, 2);
            check(call(zdotu, handle, n, x, 1, y, 1, r), "cublasZdotu");
            return new double[] {r.get(DOUBLE, 0), r.get(DOUBLE, 8)};
        }
    }
}
