package dev.lindblad.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.parallel.TaskException;
import dev.lindblad.parallel.TaskMap;
import dev.lindblad.solver.McResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SparkTaskMap on a real standalone cluster: a master and two workers (one core each) as
 * separate JVMs on loopback, with authentication; the executors are two more JVMs. Skipped,
 * with the reason, when loopback ports cannot be bound.
 */
@Timeout(value = 420, unit = TimeUnit.SECONDS)   // generous: JVM start-ups on a loaded CI machine
class StandaloneClusterTest {
    private static LoopbackCluster cluster;
    private static SparkTaskMap spark;

    @BeforeAll
    static void start() throws IOException {
        try {
            LoopbackCluster.freePort();
        } catch (IOException e) {
            Assumptions.abort("cannot bind a loopback port for the Spark master: " + e);
        }
        cluster = LoopbackCluster.start(2, 1, "lindblad-test-secret-" + System.nanoTime(), Duration.ofSeconds(120));
        spark = SparkTaskMap.connect(cluster.driverConf());
        long end = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (spark.context().sc().statusTracker().getExecutorInfos().length < 3) {   // the driver and 2 executors
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the 2 executors did not register within 180 s" + cluster.logs());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @AfterAll
    static void stop() {
        try {
            if (spark != null) {
                spark.close();
            }
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    @Test
    void theClusterRunsOnTwoExecutorJvms() {
        assertTrue(spark.distributed());
        assertEquals(2, spark.parallelism());
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            values.add(i);
        }
        List<Long> pids = spark.map(values, (java.util.function.Function<Integer, Long> & java.io.Serializable)
                x -> ProcessHandle.current().pid());
        assertEquals(2, pids.stream().distinct().count(), "tasks ran in two executor JVMs: " + pids);
        assertTrue(!pids.contains(ProcessHandle.current().pid()), "no task ran in the driver");
    }

    @Test
    void lindbladAndTheTestsClassesReachTheExecutorsAsShippedJars() {
        String shipped = spark.context().getConf().get("spark.jars", "");
        assertTrue(shipped.contains("lindblad-classes-"), "class directories packed and shipped: " + shipped);
        List<String> where = spark.map(List.of(1, 2, 3, 4), (java.util.function.Function<Integer, String>
                & java.io.Serializable) x -> Models.class.getProtectionDomain().getCodeSource().getLocation() + " "
                + dev.lindblad.Qobj.class.getProtectionDomain().getCodeSource().getLocation());
        for (String w : where) {
            // fetched by the executor into its work directory, not read from this build's target/
            assertTrue(w.contains("lindblad-classes-") && !w.contains("test-classes"), w);
        }
    }

    @Test
    void seededMcsolveEqualsThreadsBitForBit() {
        McResult threads = Models.nho(10, 60, 99, TaskMap.threads(2));
        McResult onCluster = Models.nho(10, 60, 99, spark);
        assertEquals(60, onCluster.ntraj());
        assertArrayEquals(threads.seeds(), onCluster.seeds());
        assertArrayEquals(threads.expect(0), onCluster.expect(0), 0.0);
        assertArrayEquals(threads.stdExpect(0), onCluster.stdExpect(0), 0.0);
        assertEquals(threads.collapses(), onCluster.collapses());
    }

    @Test
    void seededSsesolveEqualsThreadsBitForBit() {
        dev.lindblad.Qobj a = dev.lindblad.Operators.destroy(5);
        dev.lindblad.Qobj h = a.dag().times(a).plus(a.plus(a.dag()).times(0.4));
        java.util.function.Function<TaskMap, dev.lindblad.solver.StochasticResult> sse = map ->
                new dev.lindblad.solver.SseSolver(h, List.of(a.times(Math.sqrt(0.5))),
                        dev.lindblad.solver.StochasticOptions.defaults().withNtraj(24).withSeed(53).withMap(map))
                        .run(dev.lindblad.States.basis(5, 0), new double[] {0, 0.5, 1.0}, List.of(a.dag().times(a)));
        dev.lindblad.solver.StochasticResult threads = sse.apply(TaskMap.threads(2));
        dev.lindblad.solver.StochasticResult onCluster = sse.apply(spark);
        assertEquals(24, onCluster.ntraj());
        assertArrayEquals(threads.seeds(), onCluster.seeds());
        assertArrayEquals(threads.expect(0), onCluster.expect(0), 0.0);
        assertArrayEquals(threads.stdExpect(0), onCluster.stdExpect(0), 0.0);
    }

    @Test
    void aFailingTaskIsNamedAndItsCauseComesBack() {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            values.add(i);
        }
        TaskException e = assertThrows(TaskException.class, () -> spark.map(values, Models.failAtFive()));
        assertEquals(5, e.taskIndex());
        assertInstanceOf(ArithmeticException.class, e.getCause());
    }

    @Test
    void aFailingTrajectoryOnAnExecutorKeepsTheOthers() {
        // each executor JVM counts its own drive calls: past the limit its trajectories fail
        McResult r = Models.failingNho(30, 250, spark, true);
        assertTrue(!r.failures().isEmpty() && r.ntraj() >= 1 && r.ntraj() + r.failures().size() == 30,
                r.ntraj() + " finished, " + r.failures().size() + " failed");
        assertTrue(r.failures().get(0).cause().getMessage().contains("drive failed on purpose"));
    }

    @Test
    void anUnserialisableCoefficientIsRefusedBeforeAnythingIsSent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Models.unserialisableNho(spark));
        assertTrue(e.getMessage().contains("Models$$Lambda") && e.getMessage().contains("coefficient"), e.getMessage());
    }

    @Test
    void aDriverWithTheWrongSecretIsRefusedByTheMaster() {
        // a driver's first step is an RPC connection to the master's endpoint; with the right
        // secret it is let in, with a wrong one the authentication handshake refuses it
        assertTrue(masterLetsIn(cluster.secret()), "the right secret is let in");
        long t0 = System.nanoTime();
        Exception e = assertThrows(Exception.class, () -> masterLetsIn(cluster.secret() + "-wrong"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        StringBuilder chain = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain.append(t.getClass().getName()).append(": ").append(t.getMessage()).append(" <- ");
        }
        assertTrue(seconds < 15, "refused at once, not timed out: " + seconds + " s, " + chain);
        assertTrue(!chain.toString().contains("TimeoutException"), chain.toString());
        String text = chain.toString().toLowerCase(java.util.Locale.ROOT);
        // the handshake's failure reaches the caller either as the SASL/authentication error or,
        // when the master closes the connection first, as Spark's "Outbox is stopped" for the
        // message that could not be sent on it (seen on a loaded machine); both are a refusal,
        // not a time-out (checked above), and the right secret got in on the same master
        assertTrue(text.contains("sasl") || text.contains("auth") || text.contains("outbox is stopped"),
                "an authentication failure: " + chain);
    }

    /** Opens an RPC environment with {@code secret} and looks the master up, as a driver does. */
    private static boolean masterLetsIn(String secret) {
        org.apache.spark.SparkConf conf = new org.apache.spark.SparkConf()
                .set("spark.authenticate", "true").set("spark.authenticate.secret", secret)
                .set("spark.rpc.lookupTimeout", "30s").set("spark.rpc.askTimeout", "30s");
        org.apache.spark.SecurityManager security = new org.apache.spark.SecurityManager(conf,
                org.apache.spark.SecurityManager.$lessinit$greater$default$2(),
                org.apache.spark.SecurityManager.$lessinit$greater$default$3());
        org.apache.spark.rpc.RpcEnv env = org.apache.spark.rpc.RpcEnv.create("lindblad-secret-check", "127.0.0.1",
                "127.0.0.1", 0, conf, security, 1, true);
        try {
            String hostPort = cluster.masterUrl.substring("spark://".length());
            int colon = hostPort.lastIndexOf(':');
            return env.setupEndpointRef(new org.apache.spark.rpc.RpcAddress(hostPort.substring(0, colon),
                    Integer.parseInt(hostPort.substring(colon + 1))), "Master") != null;
        } finally {
            env.shutdown();
        }
    }
}
