package dev.lindblad;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Assumptions;

/**
 * The bytes the current thread has allocated ({@code com.sun.management.ThreadMXBean}), for
 * the tests that bound what a hot loop allocates. The counter is reached by reflection because
 * the module {@code dev.lindblad} does not read {@code jdk.management}; a test on a JVM without
 * it is skipped, not passed. The reflective call allocates a few dozen bytes itself.
 */
public final class ThreadAllocation {
    private final Object threads;
    private final Method allocatedBytes;

    private ThreadAllocation(Object threads, Method allocatedBytes) {
        this.threads = threads;
        this.allocatedBytes = allocatedBytes;
    }

    /** @return the counter, enabled and warmed up; skips the calling test where the JVM has none */
    public static ThreadAllocation counter() {
        try {
            Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            Class<?> beanType = Class.forName("com.sun.management.ThreadMXBean");
            Assumptions.assumeTrue(beanType.isInstance(threads), "thread allocation counter not available");
            Assumptions.assumeTrue((Boolean) beanType.getMethod("isThreadAllocatedMemorySupported").invoke(threads));
            beanType.getMethod("setThreadAllocatedMemoryEnabled", boolean.class).invoke(threads, true);
            ThreadAllocation counter = new ThreadAllocation(threads, beanType.getMethod("getThreadAllocatedBytes", long.class));
            counter.bytes();   // warm the reflective path
            return counter;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the bytes this thread has allocated so far */
    public long bytes() {
        try {
            return (Long) allocatedBytes.invoke(threads, Thread.currentThread().threadId());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
