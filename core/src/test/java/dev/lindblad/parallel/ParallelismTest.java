package dev.lindblad.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelismTest {

    @AfterEach
    void reset() {
        Parallelism.resetThreads();
        Parallelism.threshold(0);
    }

    @Test
    void threadCountPrecedence() {
        assertEquals(3, Parallelism.resolveThreads(3, "5", "7", 16), "threads(n) wins over everything");
        assertEquals(5, Parallelism.resolveThreads(0, "5", "7", 16), "property wins over environment");
        assertEquals(7, Parallelism.resolveThreads(0, null, "7", 16), "environment wins over cores");
        assertEquals(7, Parallelism.resolveThreads(0, " ", " 7 ", 16), "blank property ignored, spaces trimmed");
        assertEquals(16, Parallelism.resolveThreads(0, null, null, 16), "default: all cores");
        var e = assertThrows(IllegalArgumentException.class, () -> Parallelism.resolveThreads(0, "many", null, 4));
        assertTrue(e.getMessage().contains("lindblad.threads") && e.getMessage().contains("many"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Parallelism.resolveThreads(0, null, "0", 4));
        assertTrue(e.getMessage().contains("LINDBLAD_THREADS"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Parallelism.threads(0));
    }

    @Test
    void threadsSetterAndPoolFollowIt() {
        Parallelism.threads(3);
        assertEquals(3, Parallelism.threads());
        assertEquals(3, Parallelism.team().threads);
        Parallelism.threads(2);
        assertEquals(2, Parallelism.team().threads);
        Parallelism.resetThreads();
        assertEquals(Parallelism.resolveThreads(0, System.getProperty(Parallelism.PROPERTY),
                System.getenv(Parallelism.ENVIRONMENT), Runtime.getRuntime().availableProcessors()), Parallelism.threads());
    }

    @Test
    void chunksAreRunOnNamedDaemonKernelThreadsAndSerialRegionsStaySerial() {
        Parallelism.threads(2);
        Parallelism.threshold(10);
        assertEquals(1, Parallelism.chunksFor(9), "below the threshold");
        assertEquals(2, Parallelism.chunksFor(10));
        assertEquals(1, (int) Parallelism.serial(() -> Parallelism.chunksFor(1_000_000)));
        String caller = Thread.currentThread().getName();
        List<String> names = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> nested = Collections.synchronizedList(new ArrayList<>());
        Parallelism.forEachChunk(8, c -> {
            names.add(Thread.currentThread().getName());
            nested.add(Parallelism.inSerialRegion());
            Thread t = Thread.currentThread();
            assertTrue(t.isDaemon() || t.getName().equals(caller), "kernel threads are daemons");
        });
        assertEquals(8, names.size());
        // the caller takes its share of the chunks; the rest run on the kernel threads
        assertTrue(names.stream().allMatch(n -> n.startsWith("lindblad-kernel-") || n.equals(caller)), names.toString());
        assertTrue(nested.stream().allMatch(b -> b), "a kernel worker must not split again");
        assertFalse(Parallelism.inSerialRegion());
    }

    @Test
    void calibrationIsCachedAndDescribed() {
        Parallelism.threads(2);
        Parallelism.Calibration c = Parallelism.calibration();
        assertTrue(c == Parallelism.calibration(), "calibration must be cached");
        assertTrue(c.threshold() >= 10_000 && c.threshold() <= (1L << 24), "threshold " + c.threshold());
        assertTrue(c.nanosPerMultiplyAdd() > 0 && c.dispatchNanos() > 0);
        String d = Parallelism.describe();
        assertTrue(d.contains("threads: 2") && d.contains(Long.toString(c.threshold())), d);
        Parallelism.threads(1);
        assertEquals(Long.MAX_VALUE, Parallelism.calibration().threshold(), "one thread never splits");
    }

    @Test
    void kernelsBelowTheThresholdFloorDoNotTriggerTheMeasurement() {
        Parallelism.threads(3);   // a count no other test calibrates for
        Parallelism.Calibration before = Parallelism.measuredCalibration();
        assertTrue(before == null || before.threads() != 3);
        assertEquals(1, Parallelism.chunksFor(Calibrator.MIN_THRESHOLD - 1));
        assertTrue(Parallelism.measuredCalibration() == before, "a small kernel must not calibrate");
        // at the floor the decision needs the measurement, which then holds for 3 threads
        int chunks = Parallelism.chunksFor(Calibrator.MIN_THRESHOLD);
        assertEquals(3, Parallelism.measuredCalibration().threads());
        assertEquals(Calibrator.MIN_THRESHOLD >= Parallelism.threshold() ? 3 : 1, chunks);
    }
}
