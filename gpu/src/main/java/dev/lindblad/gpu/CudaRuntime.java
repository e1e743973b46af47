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
 * FFM bindings to the CUDA runtime ({@code libcudart.so}): the calls Lindblad needs, each
 * returning the {@code cudaError_t} status (0 = {@code cudaSuccess}) or throwing
 * {@link CudaException} where noted. Thin: no logic beyond marshalling.
 */
final class CudaRuntime {

    /** {@code cudaErrorInsufficientDriver}: the driver is missing or older than the runtime. */
    static final int ERROR_INSUFFICIENT_DRIVER = 35;
    /** {@code cudaErrorNoDevice}: no CUDA-capable device. */
    static final int ERROR_NO_DEVICE = 100;
    static final int ATTR_MULTIPROCESSORS = 16;
    static final int ATTR_COMPUTE_MAJOR = 75;
    static final int ATTR_COMPUTE_MINOR = 76;
    /** {@code sizeof(cudaDeviceProp)} is 1008 in CUDA 13; more is allocated, only {@code name} (offset 0) is read. */
    static final int PROPERTIES_BYTES = 4096;
    static final int MEMCPY_HOST_TO_DEVICE = 1;
    static final int MEMCPY_DEVICE_TO_HOST = 2;
    static final int MEMCPY_DEVICE_TO_DEVICE = 3;

    final Path path;
    private final MethodHandle getDeviceCount;
    private final MethodHandle getDeviceProperties;
    private final MethodHandle deviceGetAttribute;
    private final MethodHandle memGetInfo;
    private final MethodHandle driverGetVersion;
    private final MethodHandle runtimeGetVersion;
    private final MethodHandle setDevice;
    private final MethodHandle malloc;
    private final MethodHandle free;
    private final MethodHandle memcpy;
    private final MethodHandle memset;
    private final MethodHandle synchronize;
    private final MethodHandle errorName;
    private final MethodHandle errorString;

    private CudaRuntime(Path path, SymbolLookup l) {
        this.path = path;
        getDeviceCount = Ffm.handle(l, "cudaGetDeviceCount", FunctionDescriptor.of(INT, ADDRESS));
        getDeviceProperties = Ffm.handle(l, "cudaGetDeviceProperties", FunctionDescriptor.of(INT, ADDRESS, INT));
        deviceGetAttribute = Ffm.handle(l, "cudaDeviceGetAttribute", FunctionDescriptor.of(INT, ADDRESS, INT, INT));
        memGetInfo = Ffm.handle(l, "cudaMemGetInfo", FunctionDescriptor.of(INT, ADDRESS, ADDRESS));
        driverGetVersion = Ffm.handle(l, "cudaDriverGetVersion", FunctionDescriptor.of(INT, ADDRESS));
        runtimeGetVersion = Ffm.handle(l, "cudaRuntimeGetVersion", FunctionDescriptor.of(INT, ADDRESS));
        setDevice = Ffm.handle(l, "cudaSetDevice", FunctionDescriptor.of(INT, INT));
        malloc = Ffm.handle(l, "cudaMalloc", FunctionDescriptor.of(INT, ADDRESS, LONG));
        free = Ffm.handle(l, "cudaFree", FunctionDescriptor.of(INT, ADDRESS));
        memcpy = Ffm.handle(l, "cudaMemcpy", FunctionDescriptor.of(INT, ADDRESS, ADDRESS, LONG, INT));
        memset = Ffm.handle(l, "cudaMemset", FunctionDescriptor.of(INT, ADDRESS, INT, LONG));
        synchronize = Ffm.handle(l, "cudaDeviceSynchronize", FunctionDescriptor.of(INT));
        errorName = Ffm.handle(l, "cudaGetErrorName", FunctionDescriptor.of(ADDRESS, INT));
        errorString = Ffm.handle(l, "cudaGetErrorString", FunctionDescriptor.of(ADDRESS, INT));
    }

    /**
     * @param library the {@code libcudart} file
     * @return the bindings
     * @throws IllegalArgumentException or {@link UnsatisfiedLinkError} when it cannot be loaded
     */
    static CudaRuntime load(Path library) {
        return new CudaRuntime(library, Ffm.load(library));
    }

    private static int call(MethodHandle h, Object... args) {
        try {
            return (int) h.invokeWithArguments(args);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    /** @return {@code cudaGetErrorName(code)}, e.g. {@code "cudaErrorNoDevice"} */
    String errorName(int code) {
        return cString(errorName, code);
    }

    /** @return {@code cudaGetErrorString(code)}, the runtime's sentence for the status */
    String errorString(int code) {
        return cString(errorString, code);
    }

    private static String cString(MethodHandle h, int code) {
        try {
            MemorySegment p = (MemorySegment) h.invokeExact(code);
            return p.equals(MemorySegment.NULL) ? "unknown CUDA error" : p.reinterpret(4096).getString(0);
        } catch (Throwable t) {
            throw Ffm.rethrow(t);
        }
    }

    /** @return {@code "cudaErrorNoDevice (100): no CUDA-capable device is detected"} */
    String describe(int code) {
        return errorName(code) + " (" + code + "): " + errorString(code);
    }

    /** Throws {@link CudaException} naming {@code what} when {@code code} is not success. */
    void check(int code, String what) {
        if (code != 0) {
            throw new CudaException(what + " failed: " + describe(code), code);
        }
    }

    /** @param out receives the count; @return the status */
    int deviceCount(int[] out) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = a.allocate(INT);
            int rc = call(getDeviceCount, p);
            out[0] = p.get(INT, 0);
            return rc;
        }
    }

    /** @return {@code cudaRuntimeGetVersion}, or throws */
    int runtimeVersion() {
        return intQuery(runtimeGetVersion, "cudaRuntimeGetVersion");
    }

    /** @return {@code cudaDriverGetVersion} (0 when no driver is installed), or throws */
    int driverVersion() {
        return intQuery(driverGetVersion, "cudaDriverGetVersion");
    }

    private int intQuery(MethodHandle h, String what) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = a.allocate(INT);
            check(call(h, p), what);
            return p.get(INT, 0);
        }
    }

    /** @return the device's name ({@code cudaDeviceProp.name}, offset 0) */
    String deviceName(int device) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = a.allocate(PROPERTIES_BYTES, 8);
            check(call(getDeviceProperties, p, device), "cudaGetDeviceProperties");
            return p.getString(0);
        }
    }

    /** @return {@code cudaDeviceGetAttribute(attribute, device)} */
    int attribute(int attribute, int device) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = a.allocate(INT);
            check(call(deviceGetAttribute, p, attribute, device), "cudaDeviceGetAttribute");
            return p.get(INT, 0);
        }
    }

    /** Makes {@code device} current for the calling thread. */
    void setDevice(int device) {
        check(call(setDevice, device), "cudaSetDevice(" + device + ")");
    }

    /** @return {free, total} bytes of the current device */
    long[] memInfo() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment f = a.allocate(LONG);
            MemorySegment t = a.allocate(LONG);
            check(call(memGetInfo, f, t), "cudaMemGetInfo");
            return new long[] {f.get(LONG, 0), t.get(LONG, 0)};
        }
    }

    /** @return a device allocation of {@code bytes} (free it with {@link #free}) */
    MemorySegment malloc(long bytes) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = a.allocate(ADDRESS);
            check(call(malloc, p, bytes), "cudaMalloc(" + bytes + " bytes)");
            return p.get(ValueLayout.ADDRESS, 0);
        }
    }

    /** Frees a device allocation (null-safe). */
    void free(MemorySegment device) {
        if (device != null && !device.equals(MemorySegment.NULL)) {
            check(call(free, device), "cudaFree");
        }
    }

    /** Sets {@code bytes} bytes of device memory to zero. */
    void zero(MemorySegment device, long bytes) {
        check(call(memset, device, 0, bytes), "cudaMemset");
    }

    /** Copies doubles from the host to the device. */
    void upload(double[] host, MemorySegment device) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment h = a.allocateFrom(ValueLayout.JAVA_DOUBLE, host);
            check(call(memcpy, device, h, (long) host.length * 8, MEMCPY_HOST_TO_DEVICE), "cudaMemcpy to device");
        }
    }

    /** Copies ints from the host to the device. */
    void upload(int[] host, MemorySegment device) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment h = a.allocateFrom(ValueLayout.JAVA_INT, host);
            check(call(memcpy, device, h, (long) host.length * 4, MEMCPY_HOST_TO_DEVICE), "cudaMemcpy to device");
        }
    }

    /** Copies {@code host.length} doubles from the device to the host. */
    void download(MemorySegment device, double[] host) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment h = a.allocate(ValueLayout.JAVA_DOUBLE, host.length);
            check(call(memcpy, h, device, (long) host.length * 8, MEMCPY_DEVICE_TO_HOST), "cudaMemcpy to host");
            MemorySegment.copy(h, ValueLayout.JAVA_DOUBLE, 0, host, 0, host.length);
        }
    }

    /** Copies {@code bytes} bytes between device buffers. */
    void copy(MemorySegment from, MemorySegment to, long bytes) {
        check(call(memcpy, to, from, bytes, MEMCPY_DEVICE_TO_DEVICE), "cudaMemcpy on device");
    }

    /** Waits for the device's queued work. */
    void synchronize() {
        check(call(synchronize), "cudaDeviceSynchronize");
    }
}
