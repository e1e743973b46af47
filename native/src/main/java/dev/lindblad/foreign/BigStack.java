package dev.lindblad.foreign;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs native calls on threads with a large stack. OpenBLAS's threaded LAPACK keeps big arrays
 * on the calling thread's stack (its parallel {@code zgetrf} alone needs more than the 1 MiB of a
 * default Java thread; it crashed the JVM at n = 300), so its LAPACK calls run here: daemon
 * platform threads with a {@value #STACK_MIB} MiB stack (address space, committed only as used),
 * created when needed and kept for a minute. A call already on such a thread runs directly.
 */
final class BigStack {

    static final int STACK_MIB = 64;
    private static final AtomicInteger NUMBER = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(null, r, "lindblad-native-" + NUMBER.incrementAndGet(), (long) STACK_MIB << 20);
        t.setDaemon(true);
        return t;
    });

    private BigStack() {
    }

    /** @return what the call returned, computed on a big-stack thread; its exception rethrown here */
    static <T> T call(Callable<T> call) {
        if (Thread.currentThread().getName().startsWith("lindblad-native-")) {
            try {
                return call.call();
            } catch (Exception e) {
                throw Native.rethrow(e);
            }
        }
        CompletableFuture<T> f = CompletableFuture.supplyAsync(() -> {
            try {
                return call.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, POOL);
        try {
            return f.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c && c.getCause() != null ? c.getCause()
                    : e.getCause();
            throw Native.rethrow(cause == null ? e : cause);
        }
    }
}
