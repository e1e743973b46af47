package dev.lindblad.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * The kernel threads: {@code threads - 1} daemon workers named {@code lindblad-kernel-N} that,
 * with the calling thread, run the chunks of one kernel at a time. Between kernels a worker
 * spins for {@link #SPIN_NANOS} before it parks, as OpenMP's active wait policy does: a
 * solver calls its products back to back, tens of microseconds apart, and waking a parked
 * thread costs about as much as a whole product (measured on this project's 2-core VM: a
 * fork-join over parked pool workers added 80 µs per product to mesolve, so splitting a
 * 100 µs product made the run slower; with spinning workers an empty dispatch costs a few µs, 6 µs on average there).
 *
 * <p>Chunks are claimed from a shared counter, the caller taking its share; which thread runs a
 * chunk does not change what the chunk computes, so the bits stay those of the serial twin.
 * One kernel runs on the team at a time: a second thread that dispatches meanwhile runs its
 * chunks itself.
 */
final class KernelTeam {

    /** How long an idle worker spins for the next kernel before it parks, ns. */
    static final long SPIN_NANOS = 500_000;

    /** One kernel's chunks: claimed by index, counted down when done. */
    private static final class Job {
        final IntConsumer body;
        final int chunks;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger remaining;
        volatile Throwable failure;

        Job(IntConsumer body, int chunks) {
            this.body = body;
            this.chunks = chunks;
            this.remaining = new AtomicInteger(chunks);
        }

        void runChunks() {
            int c;
            while ((c = next.getAndIncrement()) < chunks) {
                try {
                    body.accept(c);
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    remaining.decrementAndGet();
                }
            }
        }
    }

    /** A kernel thread; kernels called on it stay serial. */
    static final class Worker extends Thread {
        private final KernelTeam team;
        volatile boolean parked;

        Worker(KernelTeam team, String name) {
            super(name);
            this.team = team;
            setDaemon(true);
        }

        @Override
        public void run() {
            Job seen = null;
            long idleSince = System.nanoTime();
            int spins = 0;
            while (!team.shutdown) {
                Job j = team.job;
                if (j != seen) {
                    seen = j;
                    if (j != null) {
                        team.active.incrementAndGet();
                        j.runChunks();
                        team.active.decrementAndGet();
                    }
                    idleSince = System.nanoTime();
                    spins = 0;
                    continue;
                }
                if ((++spins & 63) != 0 || System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                    continue;
                }
                parked = true;
                // announce, then look once more: a dispatcher that missed the flag set the job first
                if (team.job == seen && !team.shutdown) {
                    LockSupport.park(this);
                }
                parked = false;
                idleSince = System.nanoTime();
            }
        }
    }

    final int threads;
    private final Worker[] workers;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger active = new AtomicInteger();
    private volatile Job job;
    private volatile boolean shutdown;

    KernelTeam(int threads, AtomicInteger numbering) {
        this.threads = threads;
        workers = new Worker[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(this, "lindblad-kernel-" + numbering.incrementAndGet());
            workers[i].start();
        }
    }

    /**
     * Runs {@code body.accept(c)} for c = 0 .. chunks-1 on the team and the calling thread and
     * waits for all; the first exception of a chunk is rethrown.
     *
     * @return false, having run nothing, when another kernel holds the team
     */
    boolean run(int chunks, IntConsumer body) {
        if (!lock.tryLock()) {
            return false;
        }
        Job j = new Job(body, chunks);
        try {
            job = j;
            for (Worker w : workers) {
                if (w.parked) {
                    LockSupport.unpark(w);
                }
            }
            j.runChunks();
            while (j.remaining.get() > 0) {
                Thread.onSpinWait();
            }
        } finally {
            lock.unlock();
        }
        Throwable f = j.failure;
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new IllegalStateException(f);
        }
        return true;
    }

    /** @return workers running a chunk now (a diagnostic for tests) */
    int activeWorkers() {
        return active.get();
    }

    /** Stops the workers (after their current chunk). */
    void shutdown() {
        shutdown = true;
        for (Worker w : workers) {
            LockSupport.unpark(w);
        }
    }
}
