package dev.lindblad.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Up to n tasks at once on n daemon threads started for the call (named
 * {@code lindblad-task-N}); each thread takes the next task index from a shared counter, so
 * tasks start in index order and a slow task does not hold back the others. Kernels inside a
 * task run serially ({@link Parallelism#serial(Runnable)}). An interrupt of the calling thread
 * stops the map: see {@link TaskMap}.
 */
final class ThreadTaskMap implements TaskMap {
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();
    private final int threads;

    ThreadTaskMap(int threads) {
        this.threads = Parallelism.checkThreadCount(threads, "TaskMap.threads(n)");
    }

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public <T, R> List<R> map(List<T> tasks, Function<? super T, ? extends R> f, IntConsumer progress) {
        Objects.requireNonNull(tasks, "TaskMap.map: tasks is null");
        Objects.requireNonNull(f, "TaskMap.map: function f is null");
        Objects.requireNonNull(progress, "TaskMap.map: progress is null");
        int n = tasks.size();
        Object[] results = new Object[n];
        boolean[] finished = new boolean[n];
        Throwable[] failures = new Throwable[n];
        if (Thread.currentThread().isInterrupted()) {
            throw new TaskMapInterruptedException(results, finished, null);
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger firstFailure = new AtomicInteger(Integer.MAX_VALUE);
        AtomicBoolean interrupted = new AtomicBoolean();
        Object progressLock = new Object();
        Throwable[] progressFailure = new Throwable[1];
        Runnable worker = () -> Parallelism.serial(() -> {
            int i;
            while (firstFailure.get() == Integer.MAX_VALUE && !interrupted.get()
                    && (i = next.getAndIncrement()) < n) {
                try {
                    results[i] = f.apply(tasks.get(i));
                    finished[i] = true;
                } catch (Throwable e) {
                    if (interrupted.get()) {
                        return;   // stopped by the interrupt, not a failure of the task
                    }
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
        // Wait for every worker, also after an interrupt: the workers are told to stop (and
        // interrupted, so a long task stops within one of its steps), and the results they
        // finished are handed back; no worker outlives the call.
        InterruptedException interrupt = null;
        for (Thread th : pool) {
            while (true) {
                try {
                    th.join();
                    break;
                } catch (InterruptedException e) {
                    if (interrupt == null) {
                        interrupt = e;
                        interrupted.set(true);
                        for (Thread w : pool) {
                            w.interrupt();
                        }
                    }
                }
            }
        }
        if (interrupt != null) {
            Thread.currentThread().interrupt();   // the caller's status stays set
            throw new TaskMapInterruptedException(results, finished, interrupt);
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
