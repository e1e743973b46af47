package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.parallel.TaskMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Interrupting the thread that runs a solver (issue 14, item 12) stops it within a step or a
 * trajectory, stops the worker threads, throws {@link SolverInterruptedException} with the
 * partial result, and leaves the interrupt status set. Deterministic: the interrupt comes from a
 * coefficient function at a known call, never from a timer.
 */
class SolverInterruptTest {

    private static final double[] TIMES = linspace(0, 4, 9);

    @AfterEach
    void clearInterruptStatus() {
        Thread.interrupted();   // a failed assertion must not leak the status into other tests
    }

    /** H(t) = σz + cos(t) σx whose coefficient interrupts {@code target} the first time t >= at. */
    private static QobjEvo interruptingAt(double at, Thread target) {
        boolean[] done = {false};
        return QobjEvo.of(sigmaz()).plus(sigmax(), t -> {
            if (t >= at && !done[0]) {
                done[0] = true;
                target.interrupt();
            }
            return Math.cos(t);
        });
    }

    private static void assertStatusKeptAndClear() {
        assertTrue(Thread.interrupted(), "the interrupt status must stay set");
    }

    private static void assertPrefixOfFullRun(Result full, Result partial) {
        int m = partial.times().length;
        assertTrue(m >= 1 && m < full.times().length, "partial result holds " + m + " times");
        for (int i = 0; i < 2 * m; i++) {
            assertEquals(Double.doubleToLongBits(full.expectComplex(0)[i]),
                    Double.doubleToLongBits(partial.expectComplex(0)[i]), "entry " + i);
        }
    }

    @Test
    void mesolveStopsWithThePartialResult() {
        Thread me = Thread.currentThread();
        List<Qobj> c = List.of(sigmam().times(0.3));
        // a fixed right-hand side: "auto" chooses by timing, and the two would round differently
        SolverOptions o = SolverOptions.defaults().withRhs("products");
        Result full = mesolve(interruptingAt(99, me), basis(2, 0), TIMES, c, List.of(sigmaz()), o);
        SolverInterruptedException e = assertThrows(SolverInterruptedException.class,
                () -> mesolve(interruptingAt(2.1, me), basis(2, 0), TIMES, c, List.of(sigmaz()), o));
        assertStatusKeptAndClear();
        assertEquals("mesolve", e.operation());
        assertTrue(e.timeReached() <= 2.1 + 1, "time reached " + e.timeReached());
        assertTrue(e.partialResult().times()[e.partialResult().times().length - 1] <= 2.1);
        assertPrefixOfFullRun(full, e.partialResult());
    }

    @Test
    void sesolveStopsWithThePartialResult() {
        Thread me = Thread.currentThread();
        Result full = sesolve(interruptingAt(99, me), basis(2, 0), TIMES, List.of(sigmaz()));
        SolverInterruptedException e = assertThrows(SolverInterruptedException.class,
                () -> sesolve(interruptingAt(1.1, me), basis(2, 0), TIMES, List.of(sigmaz())));
        assertStatusKeptAndClear();
        assertEquals("sesolve", e.operation());
        assertPrefixOfFullRun(full, e.partialResult());
    }

    @Test
    void steadystateStopsWhenInterrupted() {
        Qobj a = destroy(8);
        Thread.currentThread().interrupt();
        SolverInterruptedException e = assertThrows(SolverInterruptedException.class,
                () -> steadystate(num(8).plus(a.plus(a.dag()).times(0.5)), List.of(a.times(0.4))));
        assertStatusKeptAndClear();
        assertEquals("steadystate", e.operation());
        assertNull(e.partialResult());
    }

    @Test
    void propagatorStopsWhenInterrupted() {
        Thread me = Thread.currentThread();
        SolverInterruptedException e = assertThrows(SolverInterruptedException.class,
                () -> new Propagator(interruptingAt(1.0, me), List.of(sigmam()), SolverOptions.defaults()).at(3.0));
        assertStatusKeptAndClear();
        assertEquals("propagator", e.operation());
        // times computed on 4 threads: the finished ones stay cached, the workers are gone; the
        // task that interrupts the caller waits for the map to interrupt it and then stops (its
        // call may be the last of its integration, so it throws rather than finish)
        java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
        QobjEvo h = QobjEvo.of(sigmaz()).plus(sigmax(), t -> {
            if (t >= 2.5 && once.compareAndSet(false, true)) {
                me.interrupt();
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.onSpinWait();
                }
                throw new IllegalStateException("stopped by the map's interrupt");
            }
            return Math.cos(t);
        });
        Propagator p = new Propagator(h, List.of(), SolverOptions.defaults());
        assertThrows(SolverInterruptedException.class, () -> p.at(linspace(0.5, 4, 8), TaskMap.threads(4)));
        assertStatusKeptAndClear();
        assertTrue(p.cachedTimes() >= 1 && p.cachedTimes() < 9, "cached " + p.cachedTimes());
        assertNoTaskThreadAlive();
    }

    private static void assertNoTaskThreadAlive() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            assertFalse(t.getName().startsWith("lindblad-task-") && t.isAlive(), t.getName() + " still runs");
        }
    }

    /** Every right-hand side of H(t) = σz + cos(t) σx calls the coefficient once; it interrupts at a count. */
    private static McSolver counting(AtomicLong calls, long interruptAt, Thread target, List<Qobj> cOps, McOptions o) {
        QobjEvo h = QobjEvo.of(sigmaz()).plus(sigmax(), t -> {
            if (calls.incrementAndGet() == interruptAt) {
                target.interrupt();
                // on a worker: wait until the map interrupts this thread, so this trajectory
                // cannot finish and the run cannot end before the interrupt is seen
                while (Thread.currentThread() != target && !Thread.currentThread().isInterrupted()) {
                    Thread.onSpinWait();
                }
            }
            return Math.cos(t);
        });
        return new McSolver(h, cOps, o);
    }

    /** Serial map: the interrupt at trajectory 3's first step keeps trajectories 0–2, bit for bit. */
    @Test
    void mcsolveSerialKeepsTheFinishedTrajectories() {
        Thread me = Thread.currentThread();
        List<Qobj> c = List.of(sigmam().times(0.7));
        McOptions o = McOptions.defaults().withNtraj(8).withSeed(9).withMap(TaskMap.serial()).withKeepRuns(true);
        McResult full = counting(new AtomicLong(), -1, me, c, o).run(basis(2, 0), TIMES, List.of(sigmaz()));
        long before = 0;
        for (int j = 0; j < 3; j++) {
            before += full.runs().get(j).stats().rhsCalls();
        }
        long at = before + 1;
        SolverInterruptedException e = assertThrows(SolverInterruptedException.class,
                () -> counting(new AtomicLong(), at, me, c, o).run(basis(2, 0), TIMES, List.of(sigmaz())));
        assertStatusKeptAndClear();
        McResult partial = e.partialMcResult();
        assertEquals(McResult.StopReason.INTERRUPTED, partial.stopReason());
        assertArrayEquals(new int[] {0, 1, 2}, partial.trajectoryIndices());
        for (int j = 0; j < 3; j++) {
            assertArrayEquals(full.runs().get(j).expectComplex(0), partial.runs().get(j).expectComplex(0));
        }
    }

    /**
     * Four threads, no collapse operators (every trajectory makes the same C calls): the caller
     * is interrupted after 10 C calls, so at least 6 trajectories had made all their calls and
     * finish, and the one that interrupted waits for its own interrupt, so it never finishes;
     * the workers stop and are gone when the exception is thrown.
     */
    @Test
    void mcsolveThreadsStopsTheWorkersAndKeepsTheFinishedTrajectories() {
        Thread me = Thread.currentThread();
        McOptions o = McOptions.defaults().withNtraj(400).withSeed(9).withMap(TaskMap.threads(4)).withKeepRuns(true);
        McOptions one = o.withNtraj(1).withMap(TaskMap.serial());
        long perTrajectory = counting(new AtomicLong(), -1, me, List.of(), one).run(basis(2, 0), TIMES,
                List.of(sigmaz())).stats().rhsCalls();
        McResult reference = counting(new AtomicLong(), -1, me, List.of(), one).run(basis(2, 0), TIMES, List.of(sigmaz()));
        AtomicLong calls = new AtomicLong();
        Supplier<McResult> run = () -> counting(calls, 10 * perTrajectory, me, List.of(), o).run(basis(2, 0), TIMES,
                List.of(sigmaz()));
        SolverInterruptedException e = assertThrows(SolverInterruptedException.class, run::get);
        assertStatusKeptAndClear();
        assertNoTaskThreadAlive();
        long after = calls.get();
        assertNoTaskThreadAlive();
        assertEquals(after, calls.get(), "a worker still evaluates the right-hand side");
        McResult partial = e.partialMcResult();
        assertTrue(partial.ntraj() >= 6 && partial.ntraj() < 400, partial.ntraj() + " trajectories kept");
        for (Result r : partial.runs()) {
            assertArrayEquals(reference.runs().get(0).expectComplex(0), r.expectComplex(0));
        }
    }
}
