package dev.lindblad.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.lindblad.backend.Backend;
import dev.lindblad.backend.Backends;
import dev.lindblad.backend.Kernel;
import dev.lindblad.backend.NativeLibrary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The {@code gpu} backend as core's ServiceLoader finds it, on a machine without a usable GPU. */
class GpuBackendTest {

    @Test
    void foundByTheServiceLoader() {
        Backend b = Backends.find("gpu").orElseThrow();
        assertTrue(b instanceof GpuBackend);
        assertEquals(100, b.rank());
        assertTrue(b.kernels().isEmpty());
        assertEquals(Gpu.status().usable(), b.available());
        assertEquals("CUDA runtime", b.libraries().get(0).name());
        assertEquals(Gpu.status().runtimeLibrary(), b.libraries().get(0).path());
        assertEquals(3, b.libraries().size());
    }

    @Test
    void forcedWithoutAGpuWarnsWithTheReasonAndJavaRuns() {
        GpuStatus s = Gpu.status();
        System.out.println("GpuBackendTest: " + s.describe());
        assumeFalse(s.usable(), "a GPU is usable here; the unavailable path is not exercised");
        Backend b = Backends.find("gpu").orElseThrow();
        assertFalse(b.available());
        assertEquals(s.reason(), b.unavailableReason());
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Backend chosen;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            chosen = Backends.with("gpu", () -> Backends.select(Kernel.GEMM, 1_000_000));
        } finally {
            System.setErr(old);
        }
        assertNull(chosen, "Java must run the kernel");
        String warning = err.toString(StandardCharsets.UTF_8);
        assertTrue(warning.contains("backend 'gpu' requested but not usable (" + s.reason() + "); the Java kernels run instead"),
                warning);
        String info = Backends.describe(false);
        assertTrue(info.contains("backend gpu: not available (" + s.reason() + "); Java runs instead"), info);
        for (NativeLibrary l : b.libraries()) {
            assertTrue(info.contains(l.name()), info);
        }
    }
}
