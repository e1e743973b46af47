package dev.lindblad.gpu;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The NVIDIA GPUs this JVM can use, through the CUDA runtime found at run time.
 *
 * <p>{@link #status()} loads {@code libcudart} (the first of {@link #RUNTIME_NAMES} found in
 * {@link #searchPath()}), asks {@code cudaGetDeviceCount}, and for each device its name,
 * compute capability, multiprocessors and memory. When no device is usable it says exactly why:
 * the library is not found (naming the files and directories searched), it does not load, or
 * the runtime's status, as {@code cudaGetErrorName (code): cudaGetErrorString} (on a machine
 * with the toolkit but no driver: {@code cudaErrorInsufficientDriver (35)}; with a driver and no
 * device: {@code cudaErrorNoDevice (100)}). Nothing here throws for a missing GPU.
 */
public final class Gpu {

    /** System property: directories (path-separator list) searched instead of the defaults. */
    public static final String PATH_PROPERTY = "lindblad.cuda.path";
    /** Environment variable: directories searched before the defaults. */
    public static final String PATH_ENVIRONMENT = "LINDBLAD_CUDA_PATH";
    /** The CUDA runtime's file names, newest first (Lindblad is built against CUDA 13). */
    public static final List<String> RUNTIME_NAMES = List.of("libcudart.so.13", "libcudart.so.12", "libcudart.so");

    private static volatile GpuStatus cached;
    private static volatile CudaRuntime runtime;

    private Gpu() {
    }

    /**
     * @return the directories searched for CUDA's libraries, in order: those of
     *         {@code -Dlindblad.cuda.path} (when set, only those), else {@code LINDBLAD_CUDA_PATH},
     *         {@code java.library.path}, {@code LD_LIBRARY_PATH}, {@code /usr/lib/<triplet>},
     *         {@code /usr/lib64}, {@code /usr/lib}, {@code /usr/local/lib},
     *         {@code /usr/local/cuda/lib64} and every {@code /usr/local/cuda-*}{@code /lib64}
     *         (newest first) with its {@code targets/<arch>-linux/lib}
     */
    public static List<Path> searchPath() {
        String only = System.getProperty(PATH_PROPERTY);
        if (only != null && !only.isBlank()) {
            return split(only).stream().map(Path::of).toList();
        }
        Set<String> dirs = new LinkedHashSet<>();
        dirs.addAll(split(System.getenv(PATH_ENVIRONMENT)));
        dirs.addAll(split(System.getProperty("java.library.path")));
        dirs.addAll(split(System.getenv("LD_LIBRARY_PATH")));
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        boolean x86 = arch.equals("amd64") || arch.equals("x86_64");
        String triplet = (x86 ? "x86_64" : arch) + "-linux-gnu";
        String target = (x86 ? "x86_64" : arch.equals("aarch64") ? "sbsa" : arch) + "-linux";
        dirs.addAll(List.of("/usr/lib/" + triplet, "/lib/" + triplet, "/usr/lib64", "/usr/lib", "/usr/local/lib",
                "/usr/local/cuda/lib64", "/usr/local/cuda/targets/" + target + "/lib"));
        try (Stream<Path> s = Files.list(Path.of("/usr/local"))) {
            s.filter(p -> p.getFileName().toString().startsWith("cuda-"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .forEach(p -> {
                        dirs.add(p.resolve("lib64").toString());
                        dirs.add(p.resolve("targets/" + target + "/lib").toString());
                    });
        } catch (IOException | SecurityException e) {
            // no /usr/local: nothing more to add
        }
        return dirs.stream().map(Path::of).toList();
    }

    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        if (s != null) {
            for (String d : s.split(File.pathSeparator)) {
                if (!d.isBlank()) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    /**
     * The devices or the reason there are none, found once per JVM (with {@link #searchPath()}).
     *
     * @return the status
     */
    public static GpuStatus status() {
        GpuStatus s = cached;
        if (s == null) {
            synchronized (Gpu.class) {
                s = cached;
                if (s == null) {
                    s = status(searchPath());
                    cached = s;
                }
            }
        }
        return s;
    }

    /** @return the usable devices of {@link #status()} (empty when none) */
    public static List<GpuDevice> devices() {
        return status().devices();
    }

    /**
     * Looks again, in the given directories only (not cached; for tests and diagnosis).
     *
     * @param directories where to look for {@link #RUNTIME_NAMES}
     * @return the status
     */
    public static GpuStatus status(List<Path> directories) {
        Path lib = Ffm.find(directories, RUNTIME_NAMES.toArray(String[]::new));
        if (lib == null) {
            return new GpuStatus(List.of(), "CUDA runtime library not found: looked for "
                    + String.join(", ", RUNTIME_NAMES) + " in " + directories
                    + " (set " + PATH_ENVIRONMENT + " or -D" + PATH_PROPERTY + " to its directory)", null, 0, 0);
        }
        CudaRuntime rt;
        try {
            rt = CudaRuntime.load(lib);
        } catch (RuntimeException | LinkageError e) {
            return new GpuStatus(List.of(), "could not load " + lib + ": " + e, lib, 0, 0);
        }
        int runtimeVersion = 0;
        int driverVersion = 0;
        try {
            runtimeVersion = rt.runtimeVersion();
            driverVersion = rt.driverVersion();
        } catch (CudaException e) {
            return new GpuStatus(List.of(), e.getMessage(), lib, runtimeVersion, driverVersion);
        }
        int[] count = new int[1];
        int rc = rt.deviceCount(count);
        if (rc != 0) {
            String hint = rc == CudaRuntime.ERROR_INSUFFICIENT_DRIVER
                    ? (driverVersion == 0 ? " (no NVIDIA driver is installed: libcuda.so.1 is missing)"
                    : " (the driver supports CUDA " + GpuStatus.version(driverVersion) + ", the runtime needs "
                    + GpuStatus.version(runtimeVersion) + ")")
                    : "";
            return new GpuStatus(List.of(), "cudaGetDeviceCount returned " + rt.describe(rc) + hint, lib,
                    runtimeVersion, driverVersion);
        }
        if (count[0] == 0) {
            return new GpuStatus(List.of(), "cudaGetDeviceCount found no CUDA device", lib, runtimeVersion, driverVersion);
        }
        List<GpuDevice> devices = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < count[0]; i++) {
            try {
                String name = rt.deviceName(i);
                int major = rt.attribute(CudaRuntime.ATTR_COMPUTE_MAJOR, i);
                int minor = rt.attribute(CudaRuntime.ATTR_COMPUTE_MINOR, i);
                int sms = rt.attribute(CudaRuntime.ATTR_MULTIPROCESSORS, i);
                rt.setDevice(i);
                long[] mem = rt.memInfo();
                devices.add(new GpuDevice(i, name, major, minor, sms, mem[1], mem[0]));
            } catch (CudaException e) {
                failures.add("device " + i + ": " + e.getMessage());
            }
        }
        if (devices.isEmpty()) {
            return new GpuStatus(List.of(), String.join("; ", failures), lib, runtimeVersion, driverVersion);
        }
        if (runtime == null) {
            runtime = rt;
        }
        return new GpuStatus(devices, null, lib, runtimeVersion, driverVersion);
    }

    /**
     * @return the loaded runtime of a usable {@link #status()}
     * @throws IllegalStateException with the status's reason when no device is usable
     */
    static CudaRuntime runtime() {
        GpuStatus s = status();
        if (!s.usable() || runtime == null) {
            throw new IllegalStateException("no usable GPU: " + s.reason());
        }
        return runtime;
    }
}
