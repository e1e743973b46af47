package dev.lindblad.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Up to n tasks at once on n daemon threads started for the call (named
 * {@code lindblad-task-N}); each thread takes the next task index from a shared counter, so
 * tasks start in index order and a slow task does not hold back the others. Kernels inside a
 * task run serially ({@link Parallelism#serial(Runnable)}).
 */
final class ThreadTaskMap implements TaskMap {
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private final int threads;

    ThreadTaskMap(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("TaskMap.threads: thread count must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public <T, R> List<R> map(List<T> tasks, Function<? super T, ? extends R> f, IntConsumer progress) {
        int n = tasks.size();
        Object[] results = new Object[n];
        Throwable[] failures = new Throwable[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);
        Object progressLock = new Object();
        Throwable[] progressFailure = new Throwable[1];
        Runnable worker = () -> Parallelism.serial(() -> {
            int i;
            while (firstFailure.get() == Integer.MAX_VALUE && (i = next.getAndIncrement()) < n) {
                try {
                    results[i] = f.apply(tasks.get(i));
                } catch (Throwable e) {
                    failures[i] = e;
                    firstFailure.accumulateAndGet(i, Math::min);
                    return;
                }
                synchronized (progressLock) {
                    try {
                        progress.accept(i);
                    } catch (Throwable e) {
                        progressFailure[0] = e;
                        firstFailure.accumulateAndGet(i, Math::min);
                        return;
                    }
                }
            }
        });
        int started = Math.min(threads, n);
        List<Thread> pool = new ArrayList<>(started);
        for (int t = 0; t < started; t++) {
            Thread th = new Thread(worker, "lindblad-task-" + THREAD_NUMBER.incrementAndGet());
            th.setDaemon(true);
            pool.add(th);
            th.start();
        }
        try {
            for (Thread th : pool) {
                th.join();
            }
        } catch (InterruptedException e) {
            firstFailure.set(-1);   // stops the workers after their current task
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + n + " tasks", e);
        }
        int bad = firstFailure.get();
        if (bad != Integer.MAX_VALUE) {
            // the lowest index among the tasks that failed before everyone stopped
            for (int i = 0; i < n; i++) {
                if (failures[i] != null) {
                    throw new TaskException(i, failures[i]);
                }
            }
            throw new TaskException(bad, progressFailure[0]);
        }
        @SuppressWarnings("unchecked")
        List<R> out = (List<R>) Arrays.asList(results);
        return new ArrayList<>(out);
    }

    @Override
    public String toString() {
        return "TaskMap.threads(" + threads + ")";
    }
}
