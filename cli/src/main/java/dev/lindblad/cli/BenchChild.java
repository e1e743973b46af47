package dev.lindblad.cli;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The Lindblad side of one row of {@code lindblad bench}, run in a fresh JVM so that its first
 * call is what a user running a script sees (class loading, interpretation and JIT included):
 * <pre>java -cp CLASSPATH dev.lindblad.cli.BenchChild PROBLEM SIZE REPS</pre>
 * With {@code REPS = 0} it makes only the first (cold) call. It prints the same
 * {@code key=value} lines as {@code bench/qutip_peer.py} (see {@link BenchOutput}), with
 * {@code startup_s} (the JVM's uptime when {@code main} starts) in place of Python's
 * {@code import_s}. The warm-up and repetitions follow the rule of {@link BenchOutput}.
 *
 * <p>Memory, for the problems of {@link BenchProblems#measuresMemory}: {@code peak_bytes} is
 * the highest heap occupancy seen during the first call minus the occupancy just before it
 * (after a {@code System.gc()}), taking the larger of the used heap sampled every millisecond
 * from {@code MemoryMXBean} and the heap in use just before each garbage collection, as the
 * collectors report it in their notifications. It counts garbage not yet collected, like a
 * process's resident set; {@code live_bytes} is the largest heap in use right after a
 * collection during the call (0 when none ran), a lower bound of what the call keeps alive.
 */
public final class BenchChild {

    private BenchChild() {
    }

    /**
     * @param args PROBLEM SIZE REPS
     */
    public static void main(String[] args) {
        double startup = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
        int status = run(args, startup, System.out);
        System.out.flush();
        System.exit(status);
    }

    static int run(String[] args, double startupSeconds, PrintStream out) {
        if (args.length != 3) {
            out.println("error=usage: BenchChild PROBLEM SIZE REPS, got " + Arrays.toString(args));
            return 2;
        }
        String problem = args[0];
        int size;
        int reps;
        try {
            size = Integer.parseInt(args[1]);
            reps = Integer.parseInt(args[2]);
        } catch (NumberFormatException e) {
            out.println("error=size and reps must be integers, got " + Arrays.toString(args));
            return 2;
        }
        out.println("peer=lindblad");
        out.println("version=" + SystemInfo.lindbladVersion());
        out.println("jdk=" + System.getProperty("java.vm.vendor", "?") + " " + Runtime.version());
        out.println("problem=" + problem);
        out.println("size=" + size);
        out.println(format("startup_s", startupSeconds));
        try {
            long t0 = System.nanoTime();
            BenchProblems.Prepared p = BenchProblems.prepare(problem, size);
            out.println(format("setup_s", (System.nanoTime() - t0) / 1e9));
            HeapWatch watch = BenchProblems.measuresMemory(problem) ? HeapWatch.start() : null;
            t0 = System.nanoTime();
            Object result = p.call().get();
            double cold = (System.nanoTime() - t0) / 1e9;
            out.println(format("cold_s", cold));
            out.flush();   // the harness times the process up to this line
            if (watch != null) {
                watch.stop();
                out.println("peak_bytes=" + watch.peakBytes());
                out.println("live_bytes=" + watch.liveBytes());
            }
            if (reps > 0) {
                int inner = 1;
                if (!p.solver()) {
                    // the first call carries one-off costs; size the repetition on a second one
                    t0 = System.nanoTime();
                    result = p.call().get();
                    double one = Math.max((System.nanoTime() - t0) / 1e9, 1e-9);
                    inner = (int) Math.max(1, Math.round(BenchOutput.MICRO_TARGET_SECONDS / one));
                }
                out.println("inner=" + inner);
                reps = BenchOutput.repetitions(reps, cold);
                out.println("reps=" + reps);
                long warmStart = System.nanoTime();
                java.util.List<Double> warmTimes = new java.util.ArrayList<>();
                for (int w = 0; w < BenchOutput.warmupLimit(p.solver(), cold)
                        && !BenchOutput.warmedUp(warmTimes, (System.nanoTime() - warmStart) / 1e9); w++) {
                    long w0 = System.nanoTime();
                    for (int k = 0; k < inner; k++) {
                        result = p.call().get();
                    }
                    warmTimes.add((System.nanoTime() - w0) / 1e9);
                }
                double[] times = new double[reps];
                for (int r = 0; r < reps; r++) {
                    t0 = System.nanoTime();
                    for (int k = 0; k < inner; k++) {
                        result = p.call().get();
                    }
                    times[r] = (System.nanoTime() - t0) / 1e9 / inner;
                }
                StringBuilder b = new StringBuilder("warm_s=");
                for (int r = 0; r < reps; r++) {
                    b.append(r == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.9g", times[r]));
                }
                out.println(b);
                out.println(format("median_s", BenchOutput.median(times)));
            }
            out.println(String.format(Locale.ROOT, "value=%.12g", p.value().applyAsDouble(result)));
            if (p.spread() != null) {
                out.println(String.format(Locale.ROOT, "stderr=%.6g", p.spread().applyAsDouble(result)));
            }
            return 0;
        } catch (RuntimeException | OutOfMemoryError e) {
            out.println("error=" + e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).replace('\n', ' '));
            return 1;
        }
    }

    private static String format(String key, double seconds) {
        return String.format(Locale.ROOT, "%s=%.9g", key, seconds);
    }

    /** Peak heap occupancy during a call, by sampling and by the collectors' notifications. */
    static final class HeapWatch {
        private final long baseline;
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong live = new AtomicLong();
        private final NotificationListener listener;
        private final Thread sampler;
        private volatile boolean running = true;

        private HeapWatch() {
            System.gc();
            baseline = used();
            peak.set(baseline);
            listener = (notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
                peak.accumulateAndGet(heapOf(info.getMemoryUsageBeforeGc()), Math::max);
                if (running) {
                    live.accumulateAndGet(heapOf(info.getMemoryUsageAfterGc()), Math::max);
                }
            };
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(listener, null, null);
                }
            }
            sampler = Thread.ofPlatform().daemon().start(() -> {
                while (running) {
                    peak.accumulateAndGet(used(), Math::max);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        static HeapWatch start() {
            return new HeapWatch();
        }

        void stop() {
            peak.accumulateAndGet(used(), Math::max);
            running = false;
            sampler.interrupt();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (javax.management.ListenerNotFoundException e) {
                        // never added to this collector
                    }
                }
            }
        }

        long peakBytes() {
            return Math.max(0, peak.get() - baseline);
        }

        long liveBytes() {
            return Math.max(0, live.get() - baseline);
        }

        private static long used() {
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        private static long heapOf(Map<String, MemoryUsage> pools) {
            // the collectors report every pool; the heap is the sum of the heap pools
            long sum = 0;
            for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                    MemoryUsage u = pools.get(pool.getName());
                    if (u != null) {
                        sum += u.getUsed();
                    }
                }
            }
            return sum;
        }
    }
}
