package dev.lindblad.parallel;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An interrupt of the thread calling {@link TaskMap#map} stops the map (issue 14, item 12):
 * no new task, running tasks interrupted and waited for, the finished results handed back in
 * {@link TaskMapInterruptedException}, the caller's status kept. Deterministic: task 3
 * interrupts the caller, later tasks run until they are interrupted.
 */
class TaskMapInterruptTest {

    @AfterEach
    void clearInterruptStatus() {
        Thread.interrupted();
    }

    private static List<Integer> range(int n) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(i);
        }
        return l;
    }

    @Test
    void threadsStopAndHandBackTheFinishedResults() {
        Thread caller = Thread.currentThread();
        TaskMapInterruptedException e = assertThrows(TaskMapInterruptedException.class,
                () -> TaskMap.threads(2).map(range(10), i -> {
                    if (i < 3) {
                        return i;
                    }
                    if (i == 3) {
                        caller.interrupt();
                    }
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.onSpinWait();   // a long task, stopped only by the map's interrupt
                    }
                    throw new IllegalStateException("task " + i + " stopped");
                }));
        assertTrue(Thread.interrupted(), "the caller's interrupt status must stay set");
        assertEquals(Arrays.asList(0, 1, 2, null, null, null, null, null, null, null), e.results());
        assertEquals(3, e.finished());
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            assertFalse(t.getName().startsWith("lindblad-task-") && t.isAlive(), t.getName() + " still runs");
        }
    }

    @Test
    void serialStopsBeforeTheNextTask() {
        Thread caller = Thread.currentThread();
        TaskMapInterruptedException e = assertThrows(TaskMapInterruptedException.class,
                () -> TaskMap.serial().map(range(10), i -> {
                    if (i == 3) {
                        caller.interrupt();
                    }
                    return i;
                }));
        assertTrue(Thread.interrupted());
        assertEquals(Arrays.asList(0, 1, 2, 3, null, null, null, null, null, null), e.results());
        assertTrue(e.isFinished(3));
        assertFalse(e.isFinished(4));
    }

    @Test
    void anInterruptedCallerStartsNothing() {
        Thread.currentThread().interrupt();
        TaskMapInterruptedException e = assertThrows(TaskMapInterruptedException.class,
                () -> TaskMap.parallelMap(i -> i, range(4), TaskMap.threads(2)));
        assertTrue(Thread.interrupted());
        assertEquals(0, e.finished());
    }
}
