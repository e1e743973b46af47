package dev.lindblad.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.Lindblad;
import dev.lindblad.Qobj;
import dev.lindblad.backend.Backend;
import dev.lindblad.backend.Backends;
import dev.lindblad.backend.Kernel;
import dev.lindblad.parallel.Parallelism;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-matrix choice of the solvers' sparse product (issue 16): under {@code auto}, Java
 * storage against a native library's product, timed on the matrix itself. The library is a
 * test double ({@link FakeProductBackend}) and the clock is injected, so each outcome is forced
 * deterministically: a faster library is picked, a slower one is not, one within the margin is
 * not, a failing or wrong one falls back to Java and is marked broken, and forced choices
 * measure nothing. The picked product always equals the Java product.
 */
class NativeProductsTest {

    private Backend fake;

    @BeforeEach
    void on() {
        FakeProductBackend.reset();
        FakeProductBackend.generation++;    // a fresh name: an earlier test may have marked one broken
        FakeProductBackend.enabled = true;
        fake = Backends.find(new FakeProductBackend().name()).orElseThrow();
        assertTrue(Backends.brokenReason(fake, Kernel.SPARSE_PRODUCT).isEmpty());
    }

    @AfterEach
    void off() {
        FakeProductBackend.reset();
        NativeProducts.timer = NativeProducts.WALL_CLOCK;
        Parallelism.resetThreads();
    }

    /** A timer that runs each product and counts the given nanoseconds for it. */
    private static NativeProducts.Timer fixed(long javaNanos, long nativeNanos, List<String> order) {
        return (candidate, product) -> {
            product.run();
            order.add(candidate);
            return candidate.equals("java") ? javaNanos : nativeNanos;
        };
    }

    /** Transverse-field Ising chain of n spins with decay: sliced-split storage in Java. */
    static Matrix ising(int n) {
        Qobj h = null;
        List<Qobj> c = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Qobj x = site(Lindblad.sigmax(), k, n).times(-0.7);
            h = h == null ? x : h.plus(x);
            if (k + 1 < n) {
                h = h.plus(site(Lindblad.sigmaz(), k, n).times(site(Lindblad.sigmaz(), k + 1, n)).times(-1.0));
            }
            c.add(site(Lindblad.sigmam(), k, n).times(Math.sqrt(0.1)));
        }
        return Lindblad.liouvillian(h, c).data();
    }

    private static Qobj site(Qobj op, int k, int n) {
        List<Qobj> parts = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            parts.add(s == k ? op : Lindblad.qeye(2));
        }
        return Lindblad.tensor(parts);
    }

    /** The driven Kerr resonator's Liouvillian with N levels: split-dia storage in Java. */
    static Matrix kerr(int levels) {
        Qobj a = Lindblad.destroy(levels), ad = a.dag();
        Qobj h = ad.times(a).times(0.5).plus(ad.times(ad).times(a).times(a).times(0.05)).plus(a.plus(ad));
        return Lindblad.liouvillian(h, List.of(a.times(Math.sqrt(0.2)))).data();
    }

    /** A random square sparse matrix that is no superoperator (3001 is no square): the whole product is timed. */
    static CsrMatrix randomSparse(int n, int perRow, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        CooBuilder b = new CooBuilder(n, n, n * perRow);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < perRow; k++) {
                b.add(i, r.nextInt(n), r.nextDouble() - 0.5, r.nextDouble() - 0.5);
            }
        }
        return b.build();
    }

    private static double[] product(LinearMap m, double[] x) {
        double[] y = new double[2 * m.rows()];
        Data.matvec(m, x, 0, y, 0, 1, 0, 0, 0);
        return y;
    }

    /** Asserts that the two maps give the same product to 1e-13 relative, and upper-triangle products too. */
    private static void assertSameProduct(LinearMap expected, LinearMap actual) {
        double[] x = new double[2 * expected.cols()];
        for (int k = 0; k < x.length; k++) {
            x[k] = Math.sin(0.37 * k + 0.1);
        }
        double[] e = product(expected, x), a = product(actual, x);
        double scale = 0, diff = 0;
        for (int k = 0; k < e.length; k++) {
            scale = Math.max(scale, Math.abs(e[k]));
            diff = Math.max(diff, Math.abs(e[k] - a[k]));
        }
        assertTrue(scale > 0 && diff <= 1e-13 * scale, actual.storage() + " against " + expected.storage() + ": " + diff);
    }

    @Test
    void fasterNativeIsPickedAndSaysByHowMuch() {
        Matrix a = ising(5);
        assertTrue(a.nnz() >= Backends.PRODUCT_MEASURE_NNZ, "nnz " + a.nnz());
        List<String> order = new ArrayList<>();
        NativeProducts.timer = fixed(100_000, 80_000, order);
        LinearMap picked = Data.prepareProduct(a);
        NativeProductMap m = assertInstanceOf(NativeProductMap.class, picked);
        assertNotNull(m.product());
        assertFalse(m.runsJava());
        assertEquals("fake-csr (measured 1.25x faster than sliced-split)", picked.storage());
        assertEquals(1, FakeProductBackend.prepared);
        assertEquals(0, FakeProductBackend.closed);
        // 180 us a round: the round count, not the 5 ms budget, ends a race; the order alternates;
        // the library won, so Java warms up (200 runs of 100 us: 20 ms) and a second race confirms
        int race = 2 * NativeProducts.MAX_ROUNDS;
        assertEquals(2 * race + NativeProducts.WARM_PRODUCTS, order.size());
        assertEquals(List.of("java", "native", "native", "java", "java", "native"), order.subList(0, 6));
        assertEquals(java.util.Collections.nCopies(NativeProducts.WARM_PRODUCTS, "warm-up"),
                order.subList(race, race + NativeProducts.WARM_PRODUCTS));
        assertEquals(List.of("java", "native", "native", "java"), order.subList(race + NativeProducts.WARM_PRODUCTS,
                race + NativeProducts.WARM_PRODUCTS + 4));
        int before = FakeProductBackend.products;
        LinearMap java = Backends.with("java", () -> Data.prepareProduct(a));
        assertEquals("sliced-split", java.storage());
        assertSameProduct(java, picked);
        assertTrue(FakeProductBackend.products > before, "the library ran the product");
        // the upper-triangle product of the solvers: the library computes every row, and says so
        int n = 32;
        double[] x = new double[2 * n * n], y = new double[2 * n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                x[2 * (i + n * j)] = 1.0 / (1 + i + j);
            }
        }
        assertFalse(Data.matvecUpper(picked, n, x, y, 1, 0));
        // the library's product has no split-layout kernel: the stochastic solvers keep their state interleaved
        assertFalse(Data.hasSplitLayoutKernel(picked));
    }

    @Test
    void slowerNativeIsNotPickedAndItsCopyIsFreed() {
        Matrix a = kerr(50);
        NativeProducts.timer = fixed(100_000, 150_000, new ArrayList<>());
        LinearMap picked = Data.prepareProduct(a);
        NativeProductMap m = assertInstanceOf(NativeProductMap.class, picked);
        assertNull(m.product());
        assertTrue(m.runsJava());
        assertEquals("split-dia (measured 1.50x faster than fake-csr)", picked.storage());
        assertEquals(1, FakeProductBackend.closed, "the library's copy is freed");
        LinearMap java = Backends.with("java", () -> Data.prepareProduct(a));
        assertEquals(java.work(), picked.work());
        assertEquals(java.storedBytes(), picked.storedBytes());
        int before = FakeProductBackend.products;
        assertSameProduct(java, picked);
        // the half product of the master-equation solver is Java's, bit for bit
        int n = 50;
        double[] x = new double[2 * n * n], y1 = new double[2 * n * n], y2 = new double[2 * n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                x[2 * (i + n * j)] = 1.0 / (1 + i + j);
            }
        }
        boolean u1 = Data.matvecUpper(java, n, x, y1, 1, 0), u2 = Data.matvecUpper(picked, n, x, y2, 1, 0);
        assertEquals(u1, u2);
        org.junit.jupiter.api.Assertions.assertArrayEquals(y1, y2);
        assertEquals(before, FakeProductBackend.products, "the library ran no product after losing");
        // the split-DIA storage kept by the measurement runs products in split layout, the same bits
        assertTrue(Data.hasSplitLayoutKernel(picked));
        double[] xs = new double[2 * n * n], ys = new double[2 * n * n];
        for (int k = 0; k < n * n; k++) {
            xs[k] = x[2 * k];
            xs[n * n + k] = x[2 * k + 1];
        }
        Data.matvec(java, x, 0, y1, 0, 1, 0, 0, 0);
        Data.matvecSplitLayout(picked, xs, ys);
        for (int k = 0; k < n * n; k++) {
            assertEquals(y1[2 * k], ys[k], 0.0, "real part " + k);
            assertEquals(y1[2 * k + 1], ys[n * n + k], 0.0, "imaginary part " + k);
        }
        assertEquals(before, FakeProductBackend.products, "nor in split layout");
    }

    /** A fresh JVM's Java kernels lose the first race before the JIT compiler is done: the second decides. */
    @Test
    void aWinAgainstColdJavaMustBeConfirmedAfterJavaWarmedUp() {
        Matrix a = kerr(50);
        List<String> order = new ArrayList<>();
        NativeProducts.timer = (candidate, product) -> {
            product.run();
            order.add(candidate);
            boolean warm = order.contains("warm-up");
            return candidate.equals("native") ? 150_000 : warm ? 100_000 : 200_000;
        };
        LinearMap picked = Data.prepareProduct(a);
        assertNull(assertInstanceOf(NativeProductMap.class, picked).product());
        assertEquals("split-dia (measured 1.50x faster than fake-csr)", picked.storage());
        assertEquals(1, FakeProductBackend.closed);
        // the warm-up stops at 20 ms of Java runs when that comes before 200 of them
        order.clear();
        NativeProducts.timer = (candidate, product) -> {
            product.run();
            order.add(candidate);
            return candidate.equals("native") ? 50_000 : 1_000_000;
        };
        assertNotNull(assertInstanceOf(NativeProductMap.class, Data.prepareProduct(a)).product());
        assertEquals(20, java.util.Collections.frequency(order, "warm-up"));
        // when Java wins the first race, there is no second one
        order.clear();
        NativeProducts.timer = fixed(100_000, 150_000, order);
        Data.prepareProduct(a);
        assertEquals(2 * NativeProducts.MAX_ROUNDS, order.size());
    }

    @Test
    void nativeWithinTheMarginKeepsJava() {
        Matrix a = ising(5);
        NativeProducts.timer = fixed(100_000, 95_000, new ArrayList<>());
        LinearMap picked = Data.prepareProduct(a);
        assertNull(assertInstanceOf(NativeProductMap.class, picked).product());
        assertEquals("sliced-split (measured; fake-csr 1.05x faster, within the 1.10x margin)", picked.storage());
        // just outside the margin: the library
        NativeProducts.timer = fixed(100_000, 90_000, new ArrayList<>());
        assertNotNull(assertInstanceOf(NativeProductMap.class, Data.prepareProduct(a)).product());
    }

    @Test
    void theWholeProductIsTimedForAMatrixThatIsNoHermitianSuperoperator() {
        CsrMatrix a = randomSparse(3001, 5, 7);
        assertTrue(a.nnz() >= Backends.PRODUCT_MEASURE_NNZ);
        assertEquals(0, NativeProducts.hermitianDimension(a));
        assertEquals(32, NativeProducts.hermitianDimension(ising(5)));
        assertEquals(50, NativeProducts.hermitianDimension(kerr(50)));
        // a 2500x2500 matrix that does not preserve Hermiticity
        assertEquals(0, NativeProducts.hermitianDimension(randomSparse(2500, 5, 8)));
        NativeProducts.timer = fixed(100_000, 50_000, new ArrayList<>());
        LinearMap picked = Data.prepareProduct(a);
        assertTrue(picked.storage().startsWith("fake-csr (measured 2.00x faster than "), picked.storage());
        assertSameProduct(Backends.with("java", () -> Data.prepareProduct(a)), picked);
    }

    @Test
    void smallMatricesStayJavaWithoutMeasuring() {
        Matrix a = ising(4);
        assertTrue(a.nnz() < Backends.PRODUCT_MEASURE_NNZ);
        NativeProducts.timer = (candidate, product) -> {
            throw new AssertionError("measured a small matrix");
        };
        LinearMap m = Data.prepareProduct(a);
        assertEquals("sliced-split", m.storage());
        assertFalse(m instanceof NativeProductMap);
        assertEquals(0, FakeProductBackend.prepared);
    }

    @Test
    void aMediumMatrixDoesNotLoadALibraryAloneButALargeOneDoes() {
        FakeProductBackend.loaded = false;     // as MKL before any kernel needed it
        List<String> order = new ArrayList<>();
        NativeProducts.timer = fixed(1000, 100, order);
        Matrix medium = kerr(50);
        assertTrue(medium.nnz() >= Backends.PRODUCT_MEASURE_NNZ && medium.nnz() < Backends.PRODUCT_LOAD_NNZ,
                "nnz " + medium.nnz());
        LinearMap m = Data.prepareProduct(medium);
        assertEquals("split-dia", m.storage());
        assertEquals(0, FakeProductBackend.prepared, "the library was prepared for a medium matrix");
        assertTrue(order.isEmpty(), "measured: " + order);
        Matrix large = kerr(200);
        assertTrue(large.nnz() >= Backends.PRODUCT_LOAD_NNZ, "nnz " + large.nnz());
        LinearMap big = Data.prepareProduct(large);
        assertTrue(FakeProductBackend.prepared > 0, "a large matrix was not measured");
        assertTrue(big.storage().startsWith("fake") && big.storage().contains("measured"), big.storage());
        // once the library is loaded, medium matrices are measured too
        FakeProductBackend.loaded = true;
        int before = FakeProductBackend.prepared;
        assertTrue(Data.prepareProduct(medium).storage().contains("measured"));
        assertTrue(FakeProductBackend.prepared > before);
    }

    @Test
    void forcedChoicesSkipTheMeasurement() {
        Matrix a = ising(5);
        NativeProducts.timer = (candidate, product) -> {
            throw new AssertionError("measured under a forced choice");
        };
        for (String forced : List.of(fake.name(), "native")) {
            LinearMap m = Backends.with(forced, () -> Data.prepareProduct(a));
            assertEquals("fake-csr", m.storage(), forced);
            assertNotNull(assertInstanceOf(NativeProductMap.class, m).product());
        }
        // forced even below the measuring size, as before
        assertEquals("fake-csr", Backends.with(fake.name(), () -> Data.prepareProduct(ising(4))).storage());
        int prepared = FakeProductBackend.prepared;
        LinearMap java = Backends.with("java", () -> Data.prepareProduct(a));
        assertEquals("sliced-split", java.storage());
        assertEquals(prepared, FakeProductBackend.prepared, "java never prepares the library's copy");
        assertEquals(0, FakeProductBackend.products);
    }

    @Test
    void aFailureDuringTheMeasurementFallsBackToJavaAndMarksTheKernelBroken() {
        Matrix a = ising(5);
        FakeProductBackend.fail = true;
        LinearMap m = Data.prepareProduct(a);
        assertEquals("sliced-split", m.storage());
        assertFalse(m instanceof NativeProductMap);
        assertEquals(1, FakeProductBackend.closed);
        String reason = Backends.brokenReason(fake, Kernel.SPARSE_PRODUCT).orElseThrow();
        assertTrue(reason.contains("fake sparse product crashed"), reason);
        // broken for the run: the next matrix is neither prepared nor measured on it
        FakeProductBackend.fail = false;
        int prepared = FakeProductBackend.prepared;
        assertEquals("split-dia", Data.prepareProduct(kerr(50)).storage());
        assertEquals(prepared, FakeProductBackend.prepared);
    }

    @Test
    void aLibraryWhoseProductDiffersIsBrokenNotPicked() {
        Matrix a = kerr(50);
        FakeProductBackend.scale = 1 + 1e-7;
        NativeProducts.timer = fixed(100_000, 10_000, new ArrayList<>());
        LinearMap m = Data.prepareProduct(a);
        assertEquals("split-dia", m.storage());
        String reason = Backends.brokenReason(fake, Kernel.SPARSE_PRODUCT).orElseThrow();
        assertTrue(reason.contains("differs from the Java product"), reason);
    }

    @Test
    void theMeasurementRunsWithTheThreadsTheProductWillRunWith() {
        Matrix a = ising(5);
        NativeProducts.timer = fixed(100_000, 50_000, new ArrayList<>());
        Parallelism.threads(2);
        Data.prepareProduct(a);
        assertEquals(java.util.Set.of(2), FakeProductBackend.THREADS);
        FakeProductBackend.THREADS.clear();
        // inside a task (a serial region): one thread, for the measurement and the products
        LinearMap inTask = Parallelism.serial(() -> {
            LinearMap m = Data.prepareProduct(a);
            product(m, new double[2 * m.cols()]);
            return m;
        });
        assertNotNull(assertInstanceOf(NativeProductMap.class, inTask).product());
        assertEquals(java.util.Set.of(1), FakeProductBackend.THREADS);
    }

    @Test
    void raceTakesMediansAlternatesAndStopsAtTheBudget() {
        List<String> order = new ArrayList<>();
        AtomicInteger java = new AtomicInteger(), nat = new AtomicInteger();
        long[] javaTimes = {9_000_000, 1_000, 2_000, 3_000, 4_000};
        NativeProducts.Timer clock = (candidate, product) -> {
            product.run();
            order.add(candidate);
            return candidate.equals("java") ? javaTimes[Math.min(java.get() - 2, javaTimes.length - 1)] : 2_000_000;
        };
        // warm-up runs are untimed; the first timed Java run is an outlier the median ignores;
        // 9 ms + 3 x 2 ms spent after three rounds: the 5 ms budget stops it there
        NativeProducts.Measurement m = NativeProducts.race(java::incrementAndGet, nat::incrementAndGet, clock);
        assertEquals(NativeProducts.MIN_ROUNDS, m.rounds());
        assertEquals(4, java.get());
        assertEquals(4, nat.get());
        assertEquals(2_000, m.javaNanos());
        assertEquals(2_000_000, m.nativeNanos());
        assertFalse(m.nativeWins());
        assertEquals(List.of("java", "native", "native", "java", "java", "native"), order);
        assertTrue(new NativeProducts.Measurement(111, 100, 3).nativeWins());
        assertFalse(new NativeProducts.Measurement(110, 100, 3).nativeWins());
        assertEquals(2.5, NativeProducts.median(new long[] {4, 1, 3, 2}, 4));
        assertEquals(3, NativeProducts.median(new long[] {5, 1, 3, 99}, 3));
    }

    @Test
    void aJavaPickNeedsItsMeasurement() {
        LinearMap java = Backends.with("java", () -> Data.prepareProduct(ising(4)));
        assertThrows(IllegalArgumentException.class, () -> new NativeProductMap(java, null, fake, 1, null));
    }
}
