package dev.lindblad.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CUDA runtime bindings against the real {@code libcudart} of this machine (no mocks): on a
 * machine with the toolkit and no GPU the library loads, {@code cudaGetDeviceCount} returns an
 * error status, and the reason names it; with the library absent the reason says so.
 */
class GpuStatusTest {

    private static Path runtimeOrSkip() {
        Path lib = Ffm.find(Gpu.searchPath(), Gpu.RUNTIME_NAMES.toArray(String[]::new));
        if (lib == null) {
            System.out.println("GpuStatusTest: skipped, no libcudart in " + Gpu.searchPath());
        }
        assumeTrue(lib != null, "no CUDA runtime library on this machine");
        return lib;
    }

    @Test
    void errorNamesComeFromTheRealRuntime() {
        CudaRuntime rt = CudaRuntime.load(runtimeOrSkip());
        assertEquals("cudaErrorNoDevice", rt.errorName(CudaRuntime.ERROR_NO_DEVICE));
        assertEquals("cudaErrorInsufficientDriver", rt.errorName(CudaRuntime.ERROR_INSUFFICIENT_DRIVER));
        assertEquals("cudaSuccess", rt.errorName(0));
        assertTrue(rt.describe(100).startsWith("cudaErrorNoDevice (100): "), rt.describe(100));
        int v = rt.runtimeVersion();
        assertTrue(v >= 12000, "runtime version " + v);
    }

    @Test
    void withoutAGpuTheRuntimeErrorIsTheReason() {
        Path lib = runtimeOrSkip();
        CudaRuntime rt = CudaRuntime.load(lib);
        int[] count = {-1};
        int rc = rt.deviceCount(count);
        GpuStatus s = Gpu.status(Gpu.searchPath());
        System.out.println("GpuStatusTest: " + s.describe());
        assertEquals(lib, s.runtimeLibrary());
        if (rc == 0 && count[0] > 0) {
            assertTrue(s.usable(), s.describe());
            assertNull(s.reason());
            assertEquals(count[0], s.devices().size());
            return;
        }
        assertFalse(s.usable());
        assertTrue(s.devices().isEmpty());
        if (rc != 0) {
            assertNotEquals(0, rc);
            String name = rt.errorName(rc);
            assertTrue(name.startsWith("cudaError"), name);
            assertTrue(s.reason().startsWith("cudaGetDeviceCount returned " + name + " (" + rc + "): "), s.reason());
            assertTrue(s.reason().contains(rt.errorString(rc)), s.reason());
            if (rc == CudaRuntime.ERROR_INSUFFICIENT_DRIVER && s.driverVersion() == 0) {
                assertTrue(s.reason().contains("no NVIDIA driver"), s.reason());
            }
        } else {
            assertEquals("cudaGetDeviceCount found no CUDA device", s.reason());
        }
        assertTrue(s.describe().startsWith("not usable: " + s.reason()), s.describe());
        assertTrue(s.describe().contains("runtime " + GpuStatus.version(s.runtimeVersion())), s.describe());
        assertEquals(s.usable(), Gpu.status().usable());
    }

    @Test
    void aMissingLibraryIsNamedWithTheDirectoriesSearched(@TempDir Path empty) throws Exception {
        Files.writeString(empty.resolve("libcudart.so.11"), "not searched for");
        GpuStatus s = Gpu.status(List.of(empty));
        assertFalse(s.usable());
        assertNull(s.runtimeLibrary());
        assertTrue(s.reason().startsWith("CUDA runtime library not found: looked for libcudart.so.13, libcudart.so.12, libcudart.so in ["
                + empty + "]"), s.reason());
        assertTrue(s.describe().startsWith("not usable: CUDA runtime library not found"), s.describe());
    }

    @Test
    void aFileThatIsNoLibraryIsReportedAsNotLoading(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("libcudart.so.13"), "this is not an ELF file");
        GpuStatus s = Gpu.status(List.of(dir));
        assertFalse(s.usable());
        assertEquals(dir.resolve("libcudart.so.13").toAbsolutePath(), s.runtimeLibrary());
        assertTrue(s.reason().startsWith("could not load " + s.runtimeLibrary() + ": "), s.reason());
    }

    @Test
    void thePropertyReplacesTheSearchPath(@TempDir Path dir) {
        String old = System.getProperty(Gpu.PATH_PROPERTY);
        try {
            System.setProperty(Gpu.PATH_PROPERTY, dir + java.io.File.pathSeparator + "/nonexistent");
            assertEquals(List.of(dir, Path.of("/nonexistent")), Gpu.searchPath());
        } finally {
            if (old == null) {
                System.clearProperty(Gpu.PATH_PROPERTY);
            } else {
                System.setProperty(Gpu.PATH_PROPERTY, old);
            }
        }
        List<Path> defaults = Gpu.searchPath();
        assertTrue(defaults.contains(Path.of("/usr/local/cuda/lib64")), defaults.toString());
        assertNotNull(defaults);
    }

    @Test
    void versionsAreDecoded() {
        assertEquals("13.0", GpuStatus.version(13000));
        assertEquals("12.8", GpuStatus.version(12080));
        assertEquals("none", GpuStatus.version(0));
    }
}
