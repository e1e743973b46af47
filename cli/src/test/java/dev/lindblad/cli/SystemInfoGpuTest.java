package dev.lindblad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.gpu.Gpu;
import dev.lindblad.gpu.GpuStatus;
import org.junit.jupiter.api.Test;

/** {@code lindblad info}'s GPU line: the devices, or the reason none is usable. */
class SystemInfoGpuTest {

    @Test
    void theGpuLineIsTheStatus() {
        GpuStatus s = Gpu.status();
        String line = SystemInfo.gpu();
        System.out.println("GPU: " + line);
        assertEquals(s.describe(), line);
        if (s.usable()) {
            assertTrue(line.contains(s.devices().get(0).name()) && line.contains("GiB"), line);
        } else {
            assertTrue(line.startsWith("not usable: " + s.reason()), line);
        }
        assertTrue(line.contains("driver CUDA") || s.runtimeLibrary() == null, line);
    }
}
