package dev.lindblad.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationCacheTest {

    private static final String KEY = "Test CPU 9000; 2 cores; Java 25";

    private static Parallelism.Calibration measured(int threads, double perEntry, double dispatch, Instant at) {
        return new Parallelism.Calibration(threads, perEntry, dispatch, Calibrator.threshold(threads, perEntry, dispatch),
                42_000_000L, at, null);
    }

    @Test
    void aSavedMeasurementIsReadBackWithTheSameThreshold(@TempDir Path dir) {
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        Parallelism.Calibration c = measured(2, 1.25, 31_000, at);
        Path file = dir.resolve("sub").resolve(Calibrator.fileName(2));
        Calibrator.save(file, c, KEY);
        Parallelism.Calibration back = Calibrator.load(file, 2, KEY, at.plus(Duration.ofDays(1)));
        assertNotNull(back);
        assertEquals(1.25, back.nanosPerMultiplyAdd());
        assertEquals(31_000, back.dispatchNanos());
        assertEquals(c.threshold(), back.threshold());
        assertEquals(at, back.measuredAt());
        assertEquals(file, back.readFrom());
        // 2 * 31 us / (1.25 ns * 1/2) = 99 200 entries, above the 100 us floor of 80 000
        assertEquals(99_200, back.threshold());
    }

    @Test
    void aForeignStaleOrBrokenFileIsNotUsed(@TempDir Path dir) throws IOException {
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        Path file = dir.resolve(Calibrator.fileName(2));
        Calibrator.save(file, measured(2, 1.0, 20_000, at), KEY);
        assertNotNull(Calibrator.load(file, 2, KEY, at.plusSeconds(60)));
        assertNull(Calibrator.load(file, 2, "Other CPU; 2 cores; Java 25", at.plusSeconds(60)), "another machine");
        assertNull(Calibrator.load(file, 3, KEY, at.plusSeconds(60)), "another thread count");
        assertNull(Calibrator.load(file, 2, KEY, at.plus(Calibrator.MAX_AGE).plusSeconds(1)), "too old");
        assertNull(Calibrator.load(file, 2, KEY, at.minusSeconds(60)), "from the future");
        assertNull(Calibrator.load(dir.resolve("missing"), 2, KEY, at), "missing");
        String text = Files.readString(file);
        Files.writeString(file, text.replace("format=" + Calibrator.FORMAT, "format=" + (Calibrator.FORMAT + 1)));
        assertNull(Calibrator.load(file, 2, KEY, at.plusSeconds(60)), "another measurement procedure");
        Files.writeString(file, text.replaceAll("nanosPerMultiplyAdd=.*", "nanosPerMultiplyAdd=fast"));
        assertNull(Calibrator.load(file, 2, KEY, at.plusSeconds(60)), "unparsable");
        Files.writeString(file, text.replaceAll("nanosPerMultiplyAdd=.*", "nanosPerMultiplyAdd=-1"));
        assertNull(Calibrator.load(file, 2, KEY, at.plusSeconds(60)), "impossible value");
    }

    @Test
    void savingIntoAnUnwritablePlaceFailsQuietly(@TempDir Path dir) throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        Calibrator.save(notADirectory.resolve(Calibrator.fileName(2)), measured(2, 1.0, 20_000, Instant.now()), KEY);
        assertTrue(Files.isRegularFile(notADirectory));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void theCacheDirectoryFollowsPropertyEnvironmentXdgAndHome() {
        assertEquals(Path.of("/p"), Calibrator.cacheDirectory("/p", "/e", "/x", "/h"));
        assertNull(Calibrator.cacheDirectory("off", "/e", "/x", "/h"));
        assertEquals(Path.of("/e"), Calibrator.cacheDirectory(null, "/e", "/x", "/h"));
        assertNull(Calibrator.cacheDirectory(" ", "OFF", "/x", "/h"));
        assertEquals(Path.of("/x", "lindblad"), Calibrator.cacheDirectory(null, null, "/x", "/h"));
        assertEquals(Path.of("/h", ".cache", "lindblad"), Calibrator.cacheDirectory(null, "", "", "/h"));
        assertNull(Calibrator.cacheDirectory(null, null, null, null));
    }

    @Test
    void theRuleIsClampedAndOneThreadNeverSplits() {
        assertEquals(Long.MAX_VALUE, Calibrator.threshold(1, 1.0, 0));
        // a fast dispatch on a slow machine: the 100 us floor is 10 000 entries at 10 ns
        assertEquals(Calibrator.MIN_THRESHOLD, Calibrator.threshold(2, 10.0, 1_000));
        assertEquals(Calibrator.MIN_THRESHOLD, Calibrator.threshold(2, 50.0, 1_000));
        assertEquals(Calibrator.MAX_THRESHOLD, Calibrator.threshold(2, 0.05, 1e9));
        assertEquals(100_000, Calibrator.threshold(2, 1.0, 10_000));   // the floor binds
    }

    @Test
    void aFreshLookupReadsWhatTheMeasurementWrote(@TempDir Path dir) {
        String old = System.getProperty(Calibrator.CACHE_PROPERTY);
        System.setProperty(Calibrator.CACHE_PROPERTY, dir.toString());
        try {
            Parallelism.Calibration c = Calibrator.measureAndSave(2);
            assertNull(c.readFrom());
            Path file = dir.resolve(Calibrator.fileName(2));
            assertTrue(Files.isRegularFile(file));
            Parallelism.Calibration again = Calibrator.cachedOrMeasured(2);
            assertEquals(file, again.readFrom());
            assertEquals(c.threshold(), again.threshold());
            assertEquals(c.nanosPerMultiplyAdd(), again.nanosPerMultiplyAdd());
            System.setProperty(Calibrator.CACHE_PROPERTY, "off");
            assertNull(Calibrator.cachedOrMeasured(2).readFrom(), "with the cache off it measures");
        } finally {
            if (old == null) {
                System.clearProperty(Calibrator.CACHE_PROPERTY);
            } else {
                System.setProperty(Calibrator.CACHE_PROPERTY, old);
            }
        }
    }
}
