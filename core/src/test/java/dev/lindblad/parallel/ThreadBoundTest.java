package dev.lindblad.parallel;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * Thread counts above {@link Parallelism#maxThreads()} are refused wherever they come from
 * (issue 14, item 14), with a message naming the source and the value.
 */
class ThreadBoundTest {

    @Test
    void theBoundIsFourPerProcessorWithinItsFloorAndCeiling() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(Math.min(1024, Math.max(16, 4 * cores)), Parallelism.maxThreads());
    }

    @Test
    void environmentAndPropertyAboveTheBoundAreRefused() {
        int max = Parallelism.maxThreads();
        assertEquals(max, Parallelism.resolveThreads(0, null, Integer.toString(max), 4), "the bound itself is allowed");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Parallelism.resolveThreads(0, null, "99999", 4));
        assertTrue(e.getMessage().startsWith("environment variable LINDBLAD_THREADS=99999: the thread count 99999 is "
                + "above the bound " + max), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Parallelism.resolveThreads(0, "99999999999999", null, 4));
        assertTrue(e.getMessage().contains("system property lindblad.threads"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Parallelism.resolveThreads(0, null, "abc", 4));
        assertTrue(e.getMessage().contains("\"abc\""), e.getMessage());
    }

    @Test
    void programmaticCountsAboveTheBoundAreRefused() {
        int over = Parallelism.maxThreads() + 1;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallelism.threads(over));
        assertTrue(e.getMessage().startsWith("Parallelism.threads(n): the thread count " + over), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TaskMap.threads(over));
        assertTrue(e.getMessage().startsWith("TaskMap.threads(n): the thread count " + over), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TaskMap.threads(0));
    }
}
