package dev.lindblad.spark;

import dev.lindblad.parallel.Parallelism;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.broadcast.Broadcast;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * Runs on an executor: the slice's tasks one after another, kernels on the task's thread. The
 * broadcast function is deserialised once per executor JVM and call (kept for the few most
 * recent calls), so a solver is rebuilt once per executor, not once per task.
 */
final class SliceRunner extends AbstractFunction1<Iterator<SparkTaskMap.Slice>, SparkTaskMap.SliceResult>
        implements Serializable {
    private static final int KEPT = 4;
    private static final Map<Long, Function<Object, Object>> FUNCTIONS = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Function<Object, Object>> eldest) {
            return size() > KEPT;
        }
    };

    private final Broadcast<byte[]> function;

    SliceRunner(Broadcast<byte[]> function) {
        this.function = function;
    }

    @Override
    public SparkTaskMap.SliceResult apply(Iterator<SparkTaskMap.Slice> partition) {
        SparkTaskMap.Slice slice = partition.next();
        List<?> tasks = slice.tasks();
        int n = tasks.size();
        Object[] results = new Object[n];
        boolean[] finished = new boolean[n];
        Throwable[] failures = new Throwable[n];
        Function<Object, Object> f = function();
        for (int k = 0; k < n; k++) {
            Object task = tasks.get(k);
            try {
                results[k] = Parallelism.serial(() -> f.apply(task));
                finished[k] = true;
            } catch (Throwable e) {
                failures[k] = RemoteTaskFailure.travelling(e);
                break;   // the slice's later tasks do not start, as on threads after a failure
            }
        }
        return new SparkTaskMap.SliceResult(slice.from(), results, finished, failures);
    }

    private Function<Object, Object> function() {
        long id = function.id();
        synchronized (FUNCTIONS) {
            Function<Object, Object> f = FUNCTIONS.get(id);
            if (f == null) {
                f = deserialise(function.value());
                FUNCTIONS.put(id, f);
            }
            return f;
        }
    }

    @SuppressWarnings("unchecked")
    private static Function<Object, Object> deserialise(byte[] bytes) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
            return (Function<Object, Object>) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("SparkTaskMap: the executor cannot read the task function (is the "
                    + "caller's jar shipped with spark.jars?): " + e, e);
        }
    }

    /** Resolves classes with the executor's user class loader, where spark.jars are. */
    static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            if (loader != null) {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // fall back to the default resolution (primitive types, the JDK's classes)
                }
            }
            return super.resolveClass(desc);
        }
    }
}
