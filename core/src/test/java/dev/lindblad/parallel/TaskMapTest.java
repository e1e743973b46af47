package dev.lindblad.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.Data;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskMapTest {

    @AfterEach
    void reset() {
        Parallelism.resetThreads();
        Parallelism.threshold(0);
    }

    static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @Test
    void resultsInTaskOrderWhateverTheFinishingOrder() {
        List<Integer> tasks = range(40);
        for (TaskMap map : List.of(TaskMap.serial(), TaskMap.threads(1), TaskMap.threads(4))) {
            List<Integer> done = new ArrayList<>();
            List<Long> out = map.map(tasks, i -> {
                if (i % 3 == 0) {   // early tasks finish late
                    sleep(2);
                }
                return (long) i * i;
            }, done::add);   // progress is never concurrent, so a plain list is safe
            assertEquals(tasks.stream().map(i -> (long) i * i).toList(), out, map.toString());
            assertEquals(40, done.size());
            assertEquals(Set.copyOf(tasks), Set.copyOf(done));
        }
        assertEquals(List.of(1, 4, 9), TaskMap.parallelMap((Integer i) -> i * i, List.of(1, 2, 3)));
        assertEquals(List.of(1, 4, 9), TaskMap.serialMap((Integer i) -> i * i, List.of(1, 2, 3)));
        assertEquals(List.of(), TaskMap.threads(3).map(List.<Integer>of(), i -> i));
    }

    @Test
    void failureStopsAndNamesTheTaskIndex() {
        for (TaskMap map : List.of(TaskMap.serial(), TaskMap.threads(3))) {
            AtomicInteger started = new AtomicInteger();
            TaskException e = assertThrows(TaskException.class, () -> map.map(range(1000), i -> {
                started.incrementAndGet();
                if (i == 7) {
                    throw new ArithmeticException("boom at seven");
                }
                sleep(1);
                return i;
            }));
            assertEquals(7, e.taskIndex(), map.toString());
            assertInstanceOf(ArithmeticException.class, e.getCause());
            assertTrue(e.getMessage().contains("task 7"), e.getMessage());
            assertTrue(started.get() < 1000, map + " went on after the failure: " + started.get());
        }
    }

    /**
     * With the threshold at one multiply-add, a matvec outside a task splits over the kernel
     * pool; the same matvecs inside tasks of a 2-thread map never split, run on the task threads,
     * and no kernel worker is active meanwhile: kernels are serial inside tasks.
     */
    @Test
    void kernelsRunSeriallyInsideTasks() {
        Parallelism.threads(2);
        Parallelism.threshold(1);
        int n = 20000;
        double[] diag = new double[2 * n];
        for (int k = 0; k < n; k++) {
            diag[2 * k] = k;
        }
        CsrMatrix a = CsrMatrix.diagonal(n, 0, diag);
        double[] x = new double[2 * n];
        java.util.Arrays.fill(x, 1);
        long before = Parallelism.splitCount();
        Data.matvec(a, x, 0, new double[2 * n], 0, 1, 0, 0, 0);
        assertTrue(Parallelism.splitCount() > before, "outside tasks the matvec must split");

        Set<String> taskThreads = ConcurrentHashMap.newKeySet();
        AtomicInteger maxActiveKernelWorkers = new AtomicInteger();
        long inside = Parallelism.splitCount();
        List<Double> sums = TaskMap.threads(2).map(range(16), i -> {
            taskThreads.add(Thread.currentThread().getName());
            double[] y = new double[2 * n];
            double s = 0;
            for (int rep = 0; rep < 20; rep++) {
                Data.matvec(a, x, 0, y, 0, 1, 0, 0, 0);
                maxActiveKernelWorkers.accumulateAndGet(Parallelism.activeKernelWorkers(), Math::max);
                s += y[2 * (n - 1)];
            }
            return s;
        });
        assertEquals(inside, Parallelism.splitCount(), "a kernel split inside a task");
        assertEquals(0, maxActiveKernelWorkers.get(), "kernel workers were busy while tasks ran");
        assertTrue(taskThreads.stream().allMatch(t -> t.startsWith("lindblad-task-")), taskThreads.toString());
        assertEquals(20.0 * (n - 1), sums.get(15));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
