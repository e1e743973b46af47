package dev.lindblad.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The device check's path on a machine without a usable GPU: it says so with the reason, exit status 2. */
class DeviceCheckTest {

    @Test
    void withoutAGpuItStopsWithTheReason() {
        GpuStatus s = Gpu.status();
        assumeFalse(s.usable(), "a GPU is usable here: the check would run the benchmark");
        StringWriter out = new StringWriter();
        int rc = DeviceCheck.run(new PrintWriter(out), List.of("ising:4"), 1);
        assertEquals(2, rc);
        String text = out.toString();
        assertTrue(text.contains("gpu: " + s.describe()), text);
        assertTrue(text.contains("RESULT: NO GPU (" + s.reason() + ")"), text);
    }

    @Test
    void maxDiffIsTheLargestAbsoluteDifference() {
        assertEquals(0.5, DeviceCheck.maxDiff(new double[] {1, 2, 3}, new double[] {1, 2.5, 2.9}), 1e-15);
    }
}
