package dev.lindblad.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.parallel.TaskException;
import dev.lindblad.parallel.TaskMap;
import dev.lindblad.solver.McResult;
import dev.lindblad.solver.TrajectoryException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SparkTaskMap on Spark's local[2] master: one JVM, two executor threads, real Spark scheduling. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LocalSparkTaskMapTest {
    private static SparkTaskMap spark;

    @BeforeAll
    static void start() {
        spark = SparkTaskMap.connect(new SparkConf().setMaster("local[2]").set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.close();
        }
    }

    @Test
    void seededMcsolveEqualsThreadsBitForBit() {
        McResult threads = Models.nho(8, 40, 1234, TaskMap.threads(2));
        McResult onSpark = Models.nho(8, 40, 1234, spark);
        assertEquals(40, onSpark.ntraj());
        assertArrayEquals(threads.seeds(), onSpark.seeds());
        assertArrayEquals(threads.expect(0), onSpark.expect(0), 0.0);   // delta 0: the same bits
        assertArrayEquals(threads.stdExpect(0), onSpark.stdExpect(0), 0.0);
        assertEquals(threads.collapses(), onSpark.collapses());
        assertTrue(onSpark.expect(0)[20] > 0.05, "the drive populates the oscillator: " + onSpark.expect(0)[20]);
    }

    /** ssesolve and smesolve on Spark: the same bits as threads(2) (issue #18, with #22's solvers). */
    @Test
    void seededStochasticSolversEqualThreadsBitForBit() {
        dev.lindblad.Qobj a = dev.lindblad.Operators.destroy(5);
        dev.lindblad.Qobj h = a.dag().times(a).plus(a.plus(a.dag()).times(0.4));
        double[] times = {0, 0.25, 0.5, 0.75, 1.0};
        java.util.function.Function<TaskMap, dev.lindblad.solver.StochasticResult> sse = map ->
                new dev.lindblad.solver.SseSolver(h, List.of(a.times(Math.sqrt(0.5))),
                        dev.lindblad.solver.StochasticOptions.defaults().withNtraj(16).withSeed(41).withMap(map))
                        .run(dev.lindblad.States.basis(5, 0), times, List.of(a.dag().times(a)));
        java.util.function.Function<TaskMap, dev.lindblad.solver.StochasticResult> sme = map ->
                new dev.lindblad.solver.SmeSolver(h, List.of(a.dag().times(Math.sqrt(0.1))),
                        List.of(a.times(Math.sqrt(0.5))),
                        dev.lindblad.solver.StochasticOptions.defaults().withNtraj(16).withSeed(43).withMap(map))
                        .run(dev.lindblad.States.fockDm(5, 0), times, List.of(a.dag().times(a)));
        for (var solve : List.of(sse, sme)) {
            dev.lindblad.solver.StochasticResult threads = solve.apply(TaskMap.threads(2));
            dev.lindblad.solver.StochasticResult onSpark = solve.apply(spark);
            assertEquals(16, onSpark.ntraj());
            assertArrayEquals(threads.seeds(), onSpark.seeds());
            assertArrayEquals(threads.expect(0), onSpark.expect(0), 0.0);
            assertArrayEquals(threads.stdExpect(0), onSpark.stdExpect(0), 0.0);
            assertTrue(onSpark.expect(0)[4] > 0.05, "the drive populates the oscillator: " + onSpark.expect(0)[4]);
        }
    }

    @Test
    void optimiserRestartsEqualThreadsBitForBit() {
        dev.lindblad.control.OptimResult threads = Models.grapeRestarts(4, TaskMap.threads(2));
        dev.lindblad.control.OptimResult onSpark = Models.grapeRestarts(4, spark);
        assertArrayEquals(threads.startFidErrs(), onSpark.startFidErrs(), 0.0);   // every start, the same bits
        assertEquals(threads.start(), onSpark.start());
        assertEquals(threads.fidErr(), onSpark.fidErr(), 0.0);
        for (int k = 0; k < threads.finalAmps().length; k++) {
            assertArrayEquals(threads.finalAmps()[k], onSpark.finalAmps()[k], 0.0);
        }
        assertEquals(4, onSpark.startFidErrs().length);
        assertTrue(onSpark.fidErr() < 1e-3, "the best start reaches the Hadamard: " + onSpark.fidErr());
    }

    @Test
    void heomCouplingScanEqualsThreadsBitForBit() {
        List<Double> lams = List.of(0.0, 0.05, 0.2);
        List<dev.lindblad.heom.HeomResult> threads = Models.heomCouplingScan(lams, TaskMap.threads(2));
        List<dev.lindblad.heom.HeomResult> onSpark = Models.heomCouplingScan(lams, spark);
        for (int i = 0; i < lams.size(); i++) {
            assertArrayEquals(threads.get(i).expect(0), onSpark.get(i).expect(0), 0.0, "lambda " + lams.get(i));
            assertArrayEquals(threads.get(i).finalState().toArray(), onSpark.get(i).finalState().toArray(), 0.0);
        }
        // lambda = 0: no bath, <sigma_z(t)> = cos(t) for H = sigma_x / 2 from |0>
        double[] t = onSpark.get(0).times();
        for (int k = 0; k < t.length; k++) {
            assertEquals(Math.cos(t[k]), onSpark.get(0).expect(0)[k], 1e-5, "t = " + t[k]);
        }
        // the stronger bath damps the oscillation: at t = pi (index 6 is t = 3) |<sigma_z>| shrinks
        assertTrue(Math.abs(onSpark.get(2).expect(0)[6]) < Math.abs(onSpark.get(1).expect(0)[6]) - 1e-3,
                "damping grows with lambda: " + onSpark.get(1).expect(0)[6] + " vs " + onSpark.get(2).expect(0)[6]);
    }

    @Test
    void parallelMapKeepsTheOrderAndMatchesTheAnalyticSteadyState() {
        List<Double> pumps = List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6);
        List<Double> n = TaskMap.parallelMap(Models.sweep(), pumps, spark);
        for (int i = 0; i < pumps.size(); i++) {
            double g = pumps.get(i);
            // loss 1, gain g: p_k proportional to g^k on the 8 levels kept, <n> = sum k p_k
            double z = 0, m = 0;
            for (int k = 0; k < 8; k++) {
                z += Math.pow(g, k);
                m += k * Math.pow(g, k);
            }
            assertEquals(m / z, n.get(i), 1e-8, "pump " + g);
        }
        assertEquals(TaskMap.serialMap(Models.sweep(), pumps), n);
    }

    @Test
    void progressReportsEveryTaskOnTheDriver() {
        List<Integer> seen = new ArrayList<>();
        Thread driver = Thread.currentThread();
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            values.add(i);
        }
        List<Integer> squares = spark.map(values, (java.util.function.Function<Integer, Integer>
                & java.io.Serializable) x -> x * x, i -> seen.add(i));
        for (int i = 0; i < 50; i++) {
            assertEquals(i * i, squares.get(i));
        }
        assertEquals(50, seen.size());
        assertEquals(50, seen.stream().distinct().count());
        assertTrue(driver.isAlive());
    }

    @Test
    void aFailingTaskIsNamedByItsIndex() {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            values.add(i);
        }
        TaskException e = assertThrows(TaskException.class, () -> spark.map(values, Models.failAtFive()));
        assertEquals(5, e.taskIndex());
        assertInstanceOf(ArithmeticException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("task 5 fails on purpose"));
    }

    @Test
    void aFailingTrajectoryKeepsTheFinishedOnes() {
        Models.CALLS.set(0);
        TrajectoryException e = assertThrows(TrajectoryException.class,
                () -> Models.failingNho(40, 3000, spark, false));
        McResult partial = e.partialResult();
        assertTrue(partial.ntraj() >= 1 && partial.ntraj() < 40, "finished trajectories kept: " + partial.ntraj());
        assertTrue(e.getCause().getMessage().contains("drive failed on purpose"), e.getCause().getMessage());

        Models.CALLS.set(0);
        McResult skipped = Models.failingNho(40, 3000, spark, true);
        assertTrue(!skipped.failures().isEmpty() && skipped.ntraj() + skipped.failures().size() == 40,
                skipped.ntraj() + " finished, " + skipped.failures().size() + " failed");
    }

    @Test
    void anUnserialisableCoefficientIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Models.unserialisableNho(spark));
        String m = e.getMessage();
        assertTrue(m.contains("Models$$Lambda"), m);              // the culprit's class
        assertTrue(m.contains("not serialisable"), m);
        assertTrue(m.contains("coefficient"), m);                 // the field that holds it
        assertTrue(m.contains("& Serializable"), m);              // how to fix it
        // the same problem with a serialisable coefficient runs
        assertEquals(6, Models.nho(4, 6, 1, spark).ntraj());
    }

    @Test
    void theProviderMakesSparkMapsFromTheirUrls() {
        SparkTaskMapProvider p = new SparkTaskMapProvider();
        assertTrue(p.accepts("local[2]") && p.accepts("spark://h:7077") && p.accepts("yarn") && p.accepts("k8s://x"));
        assertTrue(!p.accepts("threads") && !p.accepts("serial"));
        // the running context is joined (one SparkContext per JVM), not replaced
        TaskMap viaSpec = TaskMap.of("local[2]");
        assertInstanceOf(SparkTaskMap.class, viaSpec);
        assertEquals(spark.context().sc(), ((SparkTaskMap) viaSpec).context().sc());
        assertEquals(List.of(0, 1, 4), viaSpec.map(List.of(0, 1, 2),
                (java.util.function.Function<Integer, Integer> & java.io.Serializable) x -> x * x));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> TaskMap.of("carrier-pigeon"));
        assertTrue(unknown.getMessage().contains("SparkTaskMapProvider"), unknown.getMessage());
    }
}
