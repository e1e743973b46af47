package dev.lindblad.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Maps a pure function over a list of independent tasks (trajectories, time slices, parameter
 * values, gradient components) and returns the results in task-index order, so any reduction
 * over them is the same whatever the map or the thread count.
 *
 * <p>{@link #serial()} runs the tasks one after another on the calling thread; kernels inside
 * may still split over the kernel pool. {@link #threads(int)} runs them on a pool of its own
 * (not the kernel pool) and forces kernels inside every task onto the task's thread, so n tasks
 * never start n×n threads. Other implementations (a Spark cluster) live in their own modules.
 *
 * <p>If a task throws, no further task is started, the running ones finish, and
 * {@link TaskException} is thrown naming the lowest failed index, with the task's exception as
 * its cause.
 *
 * <p>If the calling thread is interrupted (before or during the call), no further task is
 * started, the tasks running on the map's threads are interrupted (a solver stops within one
 * step), the map waits until its threads have stopped, and
 * {@link TaskMapInterruptedException} is thrown with the results that finished; the caller's
 * interrupt status stays set. A task that throws because it was interrupted is not a failure.
 */
public interface TaskMap {

    /**
     * Applies f to every task.
     *
     * @param tasks    the inputs, in order
     * @param f        a function without shared mutable state
     * @param progress called once per finished task with its index, never concurrently (for a
     *                 progress bar); may be a no-op
     * @return {@code f(tasks[i])} at index i
     */
    <T, R> List<R> map(List<T> tasks, Function<? super T, ? extends R> f, IntConsumer progress);

    /** @return {@code f(tasks[i])} at index i, without progress reports */
    default <T, R> List<R> map(List<T> tasks, Function<? super T, ? extends R> f) {
        Objects.requireNonNull(tasks, "TaskMap.map: tasks is null");
        Objects.requireNonNull(f, "TaskMap.map: function f is null");
        return map(tasks, f, i -> {
        });
    }

    /** @return the number of tasks this map runs at once */
    int parallelism();

    /**
     * Whether the tasks run in other JVMs (a cluster), so that the function and the tasks are
     * serialised and a task cannot see the caller's clock or memory. A solver with a timeout
     * then hands its tasks to the map in batches and checks the time between them.
     *
     * @return false for the maps of this package
     */
    default boolean distributed() {
        return false;
    }

    /**
     * The map used when a solver's options or {@code parallelMap} name none: the system
     * property {@code lindblad.map}, else the environment variable {@code LINDBLAD_MAP}, read
     * by {@link #of(String)}; {@link #threads()} when neither is set. A map made from a
     * specification is made once per JVM and kept (a cluster connection is not opened twice).
     *
     * @return the default map
     */
    static TaskMap defaultMap() {
        String spec = System.getProperty("lindblad.map");
        if (spec == null || spec.isBlank()) {
            spec = System.getenv("LINDBLAD_MAP");
        }
        if (spec == null || spec.isBlank()) {
            return threads();
        }
        return TaskMaps.cached(spec.strip());
    }

    /**
     * A map from its specification: {@code serial}, {@code threads} (every core of
     * {@link Parallelism#threads()}), {@code threads(n)}; any other specification (such as
     * {@code spark://host:7077}, {@code local[4]}, {@code yarn}) goes to the first
     * {@link TaskMapProvider} found by {@link java.util.ServiceLoader} that accepts it; the
     * {@code lindblad-spark} module provides Spark's master URLs.
     *
     * @param spec the specification
     * @return a new map
     * @throws IllegalArgumentException when no provider accepts the specification (the message
     *                                  lists what is understood and the providers found)
     */
    static TaskMap of(String spec) {
        Objects.requireNonNull(spec, "TaskMap.of: spec is null");
        return TaskMaps.open(spec.strip());
    }

    /** @return a map running tasks one by one on the calling thread */
    static TaskMap serial() {
        return SerialTaskMap.INSTANCE;
    }

    /**
     * @param n threads, from 1 to {@link Parallelism#maxThreads()}
     * @return a map running up to n tasks at once on its own daemon threads
     *         ({@code lindblad-task-N}), kernels serial inside each task
     */
    static TaskMap threads(int n) {
        return new ThreadTaskMap(n);
    }

    /** @return {@link #threads(int)} with {@link Parallelism#threads()} threads */
    static TaskMap threads() {
        return new ThreadTaskMap(Parallelism.threads());
    }

    /**
     * QuTiP's {@code parallel_map}: {@code [f(v) for v in values]} computed on
     * {@link #defaultMap()} (all {@link Parallelism#threads()} threads unless {@code lindblad.map}
     * or {@code LINDBLAD_MAP} names another map), in order. On a cluster map f and the values
     * must be serialisable, e.g. {@code (Function<Double, Qobj> & Serializable) g -> ...}.
     */
    static <T, R> List<R> parallelMap(Function<? super T, ? extends R> f, List<T> values) {
        Objects.requireNonNull(f, "parallelMap: function f is null");
        Objects.requireNonNull(values, "parallelMap: values is null");
        return parallelMap(f, values, defaultMap());
    }

    /** QuTiP's {@code parallel_map} on a given map. */
    static <T, R> List<R> parallelMap(Function<? super T, ? extends R> f, List<T> values, TaskMap map) {
        Objects.requireNonNull(f, "parallelMap: function f is null");
        Objects.requireNonNull(values, "parallelMap: values is null");
        Objects.requireNonNull(map, "parallelMap: map is null");
        return map.map(values, f);
    }

    /** QuTiP's {@code serial_map}: the same results, one task after another. */
    static <T, R> List<R> serialMap(Function<? super T, ? extends R> f, List<T> values) {
        Objects.requireNonNull(f, "serialMap: function f is null");
        Objects.requireNonNull(values, "serialMap: values is null");
        return serial().map(values, f);
    }
}

/** Tasks one by one on the calling thread. */
final class SerialTaskMap implements TaskMap {
    static final SerialTaskMap INSTANCE = new SerialTaskMap();

    @Override
    public <T, R> List<R> map(List<T> tasks, Function<? super T, ? extends R> f, IntConsumer progress) {
        Objects.requireNonNull(tasks, "TaskMap.map: tasks is null");
        Objects.requireNonNull(f, "TaskMap.map: function f is null");
        Objects.requireNonNull(progress, "TaskMap.map: progress is null");
        int n = tasks.size();
        Object[] results = new Object[n];
        boolean[] finished = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new TaskMapInterruptedException(results, finished, null);
            }
            try {
                results[i] = f.apply(tasks.get(i));
                finished[i] = true;
            } catch (RuntimeException | Error e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new TaskMapInterruptedException(results, finished, e);
                }
                throw new TaskException(i, e);
            }
            progress.accept(i);
        }
        List<R> out = new ArrayList<>(n);
        for (Object r : results) {
            @SuppressWarnings("unchecked")
            R v = (R) r;
            out.add(v);
        }
        return out;
    }

    @Override
    public int parallelism() {
        return 1;
    }

    @Override
    public String toString() {
        return "TaskMap.serial()";
    }
}
