package dev.lindblad.gpu;

import dev.lindblad.backend.Backend;
import dev.lindblad.backend.Kernel;
import dev.lindblad.backend.NativeLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code gpu} backend of core's {@link dev.lindblad.backend.Backends}: available when
 * {@link Gpu#status()} finds a usable device, otherwise unavailable with the runtime's exact
 * reason, so that {@code -Dlindblad.backend=gpu} / {@code LINDBLAD_BACKEND=gpu} without a GPU
 * prints that reason once and leaves every kernel to Java, as for any unusable backend.
 *
 * <p>It offers no per-call {@link Kernel}: a GPU pays off only when the whole integration stays
 * on the device, which {@link GpuMesolve} does; per-call kernels (copying the operands over PCIe
 * each time) are not provided, so with a GPU the per-call kernels still run in Java or on the
 * CPU backends. Its {@link #libraries()} list the CUDA runtime, cuBLAS and cuSPARSE found or not.
 */
public final class GpuBackend implements Backend {

    /** cuBLAS's file names (CUDA 13 ships {@code .so.13}). */
    static final String[] CUBLAS = {"libcublas.so.13", "libcublas.so.12", "libcublas.so"};
    /** cuSPARSE's file names (CUDA 12 and 13 ship {@code .so.12}). */
    static final String[] CUSPARSE = {"libcusparse.so.12", "libcusparse.so.13", "libcusparse.so"};

    /** Found by {@link java.util.ServiceLoader}; loads nothing until first asked. */
    public GpuBackend() {
    }

    @Override
    public String name() {
        return "gpu";
    }

    /** @return 100: after the CPU backends, so that {@code native} never picks the GPU */
    @Override
    public int rank() {
        return 100;
    }

    @Override
    public boolean available() {
        return Gpu.status().usable();
    }

    @Override
    public String unavailableReason() {
        return Gpu.status().reason();
    }

    @Override
    public List<NativeLibrary> libraries() {
        GpuStatus s = Gpu.status();
        List<Path> dirs = Gpu.searchPath();
        List<NativeLibrary> out = new ArrayList<>();
        out.add(new NativeLibrary("CUDA runtime", s.runtimeLibrary(),
                s.runtimeVersion() == 0 ? null : "CUDA " + GpuStatus.version(s.runtimeVersion()),
                "driver CUDA " + GpuStatus.version(s.driverVersion()) + (s.usable() ? ", " + s.devices().size()
                        + " device(s)" : "; " + s.reason())));
        Path cublas = Ffm.find(dirs, CUBLAS);
        out.add(new NativeLibrary("cuBLAS", cublas, cublas == null ? null : cublas.getFileName().toString(), null));
        Path cusparse = Ffm.find(dirs, CUSPARSE);
        out.add(new NativeLibrary("cuSPARSE", cusparse, cusparse == null ? null : cusparse.getFileName().toString(), null));
        return out;
    }

    /** @return no per-call kernel (see the class comment) */
    @Override
    public Set<Kernel> kernels() {
        return Set.of();
    }

    @Override
    public boolean threadLocalThreads() {
        return true;
    }

    @Override
    public String versionKey() {
        Path p = Ffm.find(Gpu.searchPath(), Gpu.RUNTIME_NAMES.toArray(String[]::new));
        try {
            return p == null ? "none" : p + ":" + Files.size(p);
        } catch (java.io.IOException e) {
            return String.valueOf(p);
        }
    }
}
