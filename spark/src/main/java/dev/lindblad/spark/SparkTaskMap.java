package dev.lindblad.spark;

import dev.lindblad.parallel.Parallelism;
import dev.lindblad.parallel.TaskException;
import dev.lindblad.parallel.TaskMap;
import dev.lindblad.parallel.TaskMapInterruptedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * A {@link TaskMap} over an Apache Spark cluster: {@code f(tasks[i])} for every i, computed by
 * the cluster's executors and handed back in task-index order, so that a seeded {@code mcsolve}
 * gives the same bits as on {@link TaskMap#threads(int)}.
 *
 * <h2>How a call runs</h2>
 * The function f is serialised once on the driver (Java serialisation) and broadcast; each
 * executor JVM deserialises it once per call and keeps it for all the tasks it runs. The tasks
 * are cut into {@code min(n, 4 × parallelism())} contiguous slices (Spark partitions), one Spark
 * job per call. On an executor each task runs with Lindblad's kernels on the task's thread
 * ({@link Parallelism#serial(java.util.function.Supplier)}), as on a threads map. When a slice
 * finishes its results come back to the driver, where {@code progress} is called once per task
 * of the slice, in index order, never concurrently.
 *
 * <h2>Failures</h2>
 * A task that throws stops its slice (the slice's later tasks do not start); the driver then
 * cancels the job (slices already running may finish) and throws {@link TaskException} naming
 * the lowest failed index, its cause the task's exception (or a {@link RemoteTaskFailure} with
 * the same class name, message and stack trace when the exception itself cannot be
 * serialised). The trajectory solvers catch a trajectory's failure inside the task, so the
 * trajectories that finished are kept, as on threads. A function that cannot be serialised is
 * refused before anything is sent, by an {@link IllegalArgumentException} that names the class
 * at fault and the path of fields that leads to it.
 *
 * <p>An interrupt of the calling thread cancels the job and throws
 * {@link TaskMapInterruptedException} with the results of the slices that had come back.
 *
 * <h2>Getting a map</h2>
 * {@link #connect(String)} starts a {@link JavaSparkContext} for a master URL ({@code local[n]},
 * {@code spark://host:7077}, {@code yarn}, {@code k8s://...}); {@link #connect()} uses what
 * {@code spark-submit} configured; {@link #of(JavaSparkContext)} wraps a context the caller
 * owns. With {@code -Dlindblad.map=spark://host:7077} (or {@code LINDBLAD_MAP}) the trajectory
 * solvers and {@code parallelMap} use such a map without code changes
 * ({@link SparkTaskMapProvider}). Against a cluster, {@link #connect(String)} ships Lindblad's
 * jars and the caller's class directories to the executors (see {@link #connect(SparkConf)}).
 */
public final class SparkTaskMap implements TaskMap, AutoCloseable {

    /** Slices per core of the cluster: small enough for balance, large enough to amortise a Spark task. */
    static final int SLICES_PER_CORE = 4;

    private final JavaSparkContext context;
    private final boolean owned;

    private SparkTaskMap(JavaSparkContext context, boolean owned) {
        this.context = context;
        this.owned = owned;
    }

    /**
     * Wraps a running context; {@link #close()} leaves it running.
     *
     * @param context a Spark context the caller owns
     * @return a map that runs its tasks on the context's executors
     */
    public static SparkTaskMap of(JavaSparkContext context) {
        Objects.requireNonNull(context, "SparkTaskMap.of: context is null");
        return new SparkTaskMap(context, false);
    }

    /**
     * Starts (or joins) the Spark context for a master URL.
     *
     * @param master {@code local[n]}, {@code local[*]}, {@code spark://host:port}, {@code yarn},
     *               {@code k8s://https://host:port}, or any URL Spark understands
     * @return a map that owns its context ({@link #close()} stops it)
     */
    public static SparkTaskMap connect(String master) {
        Objects.requireNonNull(master, "SparkTaskMap.connect: master is null");
        if (master.isBlank()) {
            throw new IllegalArgumentException("SparkTaskMap.connect: master is blank; give a URL such as local[4] or "
                    + "spark://host:7077");
        }
        return connect(new SparkConf().setMaster(master.strip()));
    }

    /**
     * Starts (or joins) the Spark context configured by {@code spark-submit} (its
     * {@code spark.*} system properties: master, authentication, jars).
     *
     * @return a map that owns its context
     * @throws IllegalStateException when no master is configured
     */
    public static SparkTaskMap connect() {
        SparkConf conf = new SparkConf();
        if (!conf.contains("spark.master")) {
            throw new IllegalStateException("SparkTaskMap.connect: no spark.master is configured; run under "
                    + "spark-submit, set -Dspark.master=..., or call connect(master)");
        }
        return connect(conf);
    }

    /**
     * Starts (or joins, with {@code SparkContext.getOrCreate}) the context of a configuration.
     * Unless set already: the application name is {@code lindblad}, and for a master that is not
     * {@code local}, the jars named {@code lindblad-*.jar} on this JVM's class path and its class
     * directories (packed into jars) are added to {@code spark.jars}, so that the executors can
     * load Lindblad and the caller's functions; Spark's own jars are expected on the cluster.
     * Set {@code lindblad.spark.ship=false} in the configuration to ship nothing. Authentication
     * ({@code spark.authenticate}, {@code spark.authenticate.secret}) and every other setting
     * are Spark's.
     *
     * @param conf the configuration, with a master
     * @return a map that owns its context
     */
    public static SparkTaskMap connect(SparkConf conf) {
        Objects.requireNonNull(conf, "SparkTaskMap.connect: conf is null");
        if (!conf.contains("spark.app.name")) {
            conf.setAppName("lindblad");
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        String master = conf.get("spark.master", "");
        if (!master.startsWith("local") && conf.getBoolean("lindblad.spark.ship", true)) {
            List<String> jars = ClassPathJars.lindbladAndCallerJars();
            if (!jars.isEmpty()) {
                String existing = conf.get("spark.jars", "");
                String all = String.join(",", jars);
                conf.set("spark.jars", existing.isBlank() ? all : existing + "," + all);
            }
        }
        return new SparkTaskMap(JavaSparkContext.fromSparkContext(org.apache.spark.SparkContext.getOrCreate(conf)),
                true);
    }

    /** @return the Spark context the tasks run on */
    public JavaSparkContext context() {
        return context;
    }

    /** @return the cluster's default parallelism (its cores, or n of {@code local[n]}) */
    @Override
    public int parallelism() {
        return Math.max(1, context.defaultParallelism());
    }

    /** @return true unless the master is {@code local}: the tasks run in other JVMs */
    @Override
    public boolean distributed() {
        return !context.isLocal();
    }

    /** Stops the Spark context when this map started it ({@link #connect}); else does nothing. */
    @Override
    public void close() {
        if (owned) {
            context.stop();
        }
    }

    @Override
    public String toString() {
        return "SparkTaskMap(" + context.master() + ", parallelism " + parallelism() + ")";
    }

    @Override
    public <T, R> List<R> map(List<T> tasks, Function<? super T, ? extends R> f, IntConsumer progress) {
        Objects.requireNonNull(tasks, "SparkTaskMap.map: tasks is null");
        Objects.requireNonNull(f, "SparkTaskMap.map: function f is null");
        Objects.requireNonNull(progress, "SparkTaskMap.map: progress is null");
        int n = tasks.size();
        Object[] results = new Object[n];
        boolean[] finished = new boolean[n];
        if (Thread.currentThread().isInterrupted()) {
            throw new TaskMapInterruptedException(results, finished, null);
        }
        if (n == 0) {
            return new ArrayList<>();
        }
        byte[] function = serialise(f, "the task function");
        int slices = Math.min(n, SLICES_PER_CORE * parallelism());
        List<Slice> parts = new ArrayList<>(slices);
        for (int s = 0; s < slices; s++) {
            int from = (int) ((long) n * s / slices), to = (int) ((long) n * (s + 1) / slices);
            parts.add(new Slice(from, new ArrayList<>(tasks.subList(from, to))));
        }
        serialise(parts, "the tasks");   // names a task that cannot travel before Spark does
        Broadcast<byte[]> shipped = context.broadcast(function);
        try {
            JavaRDD<Slice> rdd = context.parallelize(parts, slices);
            Throwable[] failures = new Throwable[n];
            AtomicReference<Throwable> progressFailure = new AtomicReference<>();
            AtomicBoolean failed = new AtomicBoolean();
            AtomicReference<SimpleFutureAction<BoxedUnit>> job = new AtomicReference<>();
            AbstractFunction2<Object, SliceResult, BoxedUnit> handler = new AbstractFunction2<>() {
                @Override
                public BoxedUnit apply(Object partition, SliceResult r) {
                    synchronized (results) {
                        for (int k = 0; k < r.results().length; k++) {
                            int i = r.from() + k;
                            if (r.finished()[k]) {
                                results[i] = r.results()[k];
                                finished[i] = true;
                                if (progressFailure.get() == null) {
                                    try {
                                        progress.accept(i);
                                    } catch (Throwable e) {
                                        progressFailure.set(e);
                                    }
                                }
                            } else if (r.failures()[k] != null) {
                                failures[i] = r.failures()[k];
                                failed.set(true);
                            }
                        }
                    }
                    if (failed.get() || progressFailure.get() != null) {
                        SimpleFutureAction<BoxedUnit> running = job.get();
                        if (running != null) {
                            running.cancel();
                        }
                    }
                    return BoxedUnit.UNIT;
                }
            };
            @SuppressWarnings({"unchecked", "rawtypes"})
            scala.collection.immutable.Seq<Object> all = (scala.collection.immutable.Seq) scala.jdk.javaapi
                    .CollectionConverters.asScala(range(slices)).toList();
            SimpleFutureAction<BoxedUnit> future = context.sc().submitJob(rdd.rdd(), new SliceRunner(shipped), all,
                    handler, new AbstractFunction0<BoxedUnit>() {
                        @Override
                        public BoxedUnit apply() {
                            return BoxedUnit.UNIT;
                        }
                    });
            job.set(future);
            if (failed.get() || progressFailure.get() != null) {
                future.cancel();
            }
            Throwable jobFailure = await(future, results, finished);
            synchronized (results) {
                for (int i = 0; i < n; i++) {
                    if (failures[i] != null) {
                        throw new TaskException(i, failures[i]);
                    }
                }
                if (progressFailure.get() != null) {
                    int lowest = 0;
                    while (lowest < n - 1 && finished[lowest]) {
                        lowest++;
                    }
                    throw new TaskException(lowest, progressFailure.get());
                }
                if (jobFailure != null) {
                    throw new IllegalStateException("SparkTaskMap.map: the Spark job failed outside the tasks (an "
                            + "executor lost, a class missing on the executors?); " + count(finished)
                            + " of " + n + " tasks had finished: " + jobFailure.getMessage(), jobFailure);
                }
                @SuppressWarnings("unchecked")
                List<R> out = (List<R>) new ArrayList<>(Arrays.asList(results));
                return out;
            }
        } finally {
            shipped.destroy(false);
        }
    }

    /** Waits for the job; an interrupt cancels it. @return the job's failure, null when it succeeded or was cancelled for a task's failure */
    private static Throwable await(SimpleFutureAction<BoxedUnit> future, Object[] results, boolean[] finished) {
        try {
            while (!future.isCompleted()) {
                Thread.sleep(2);
            }
        } catch (InterruptedException e) {
            future.cancel();
            Thread.currentThread().interrupt();
            synchronized (results) {
                throw new TaskMapInterruptedException(results.clone(), finished.clone(), e);
            }
        }
        scala.util.Try<BoxedUnit> outcome = future.value().get();
        if (outcome.isFailure()) {
            Throwable t = outcome.failed().get();
            return t;
        }
        return null;
    }

    private static int count(boolean[] finished) {
        int c = 0;
        for (boolean b : finished) {
            if (b) {
                c++;
            }
        }
        return c;
    }

    private static List<Integer> range(int n) {
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        return out;
    }

    /**
     * Java-serialises x, or explains which object cannot be serialised and how it is reached.
     */
    static byte[] serialise(Object x, String what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(x);
        } catch (NotSerializableException e) {
            throw new IllegalArgumentException("SparkTaskMap.map: " + what + " cannot be sent to the executors: "
                    + e.getMessage() + " is not serialisable. A lambda travels only when its type is "
                    + "Serializable: write it as, e.g., (DoubleUnaryOperator & Serializable) t -> Math.cos(w * t) "
                    + "or (Function<Double, Qobj> & Serializable) x -> ...; capture no unserialisable object "
                    + "(such as the enclosing instance). Path to it: " + SerialisationPath.explain(x, e), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("SparkTaskMap.map: " + what + " cannot be serialised: " + e, e);
        }
        return bytes.toByteArray();
    }

    /** A contiguous run of tasks, the unit Spark schedules. */
    record Slice(int from, List<?> tasks) implements Serializable {
    }

    /**
     * What a slice gives back: per task its result, whether it finished, and its failure.
     */
    record SliceResult(int from, Object[] results, boolean[] finished, Throwable[] failures) implements Serializable {
    }
}
