package dev.lindblad.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.data.Data;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.linalg.HermitianEigen;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackendsTest {

    @AfterEach
    void off() {
        FailingBackend.enabled = false;
    }

    @Test
    void propertyWinsOverEnvironmentAndUnknownValuesAreNamed() {
        assertEquals("auto", Backends.resolve(null, null));
        assertEquals("java", Backends.resolve(" Java ", "mkl"));
        assertEquals("mkl", Backends.resolve("", "mkl"));
        assertEquals("openblas", Backends.resolve(null, "openblas"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backends.resolve("cuda", null));
        assertTrue(e.getMessage().contains("lindblad.backend") && e.getMessage().contains("\"cuda\""), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Backends.resolve(null, "fast"));
        assertTrue(e.getMessage().contains("LINDBLAD_BACKEND"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Backends.with("nope", () -> 1));
    }

    @Test
    void thresholdIsWhereNativeWinsFromThereUp() {
        BackendThresholds.Point slow = new BackendThresholds.Point(16, 1, 2, Double.NaN),
                fast = new BackendThresholds.Point(32, 5, 1, Double.NaN);
        BackendThresholds.Point fast2 = new BackendThresholds.Point(64, 9, 2, Double.NaN);
        assertEquals(32, BackendThresholds.rule(List.of(slow, fast, fast2)));
        assertEquals(16, BackendThresholds.rule(List.of(new BackendThresholds.Point(16, 2, 1, Double.NaN), fast, fast2)));
        // a native loss at the largest size: Java stays, whatever happened below
        assertEquals(Long.MAX_VALUE, BackendThresholds.rule(List.of(fast, fast2, new BackendThresholds.Point(128, 1, 3, Double.NaN))));
        // a win between losses does not count
        assertEquals(64, BackendThresholds.rule(List.of(fast, slow, fast2)));
        // one native thread faster than all of them counts, and the calls then use one
        BackendThresholds.Point busy = new BackendThresholds.Point(128, 4, 9, 2);
        assertEquals(32, BackendThresholds.rule(List.of(slow, fast, fast2, busy)));
        BackendThresholds.Threshold t = new BackendThresholds.Threshold(Kernel.LU, "x", 2, 32,
                List.of(slow, fast, fast2, busy), java.time.Instant.now(), 0, null);
        assertEquals(1, t.nativeThreads());
        assertTrue(t.describe().contains("on 1 thread up to n = 128, 2 above"), t.describe());
        // per call size: the verdict of the largest measured size not above it (fast2 at 64
        // measured no one-thread time: all threads), and every thread above the largest measured
        assertEquals(2, t.nativeThreads(100));
        assertEquals(1, t.nativeThreads(128));
        assertEquals(2, t.nativeThreads(500));
        assertEquals(2, t.nativeThreads(2000));
        assertEquals(2, t.nativeThreads(8), "below the smallest measured size: its verdict (no one-thread time)");
        assertEquals(2, new BackendThresholds.Threshold(Kernel.LU, "x", 2, 32, List.of(fast, fast2,
                new BackendThresholds.Point(128, 4, 2, 3)), java.time.Instant.now(), 0, null).nativeThreads());
    }

    /** How auto ranks the sparse direct solvers: each one's faster native time at the largest measured size not above. */
    @Test
    void sparseSolversAreRankedByTheirTimeAtTheNearestMeasuredSize() {
        BackendThresholds.Threshold t = new BackendThresholds.Threshold(Kernel.SPARSE_SOLVE, "x", 2, 144, List.of(
                new BackendThresholds.Point(144, 10, 5, 4), new BackendThresholds.Point(400, 20, 8, Double.NaN),
                new BackendThresholds.Point(1024, 50, 30, 20)), java.time.Instant.now(), 0, null);
        assertEquals(4, t.nativeNanosAt(100), "below every measured size: the smallest");
        assertEquals(4, t.nativeNanosAt(144));
        assertEquals(8, t.nativeNanosAt(1023));
        assertEquals(20, t.nativeNanosAt(40_000), "above: the largest, one thread faster");
        assertEquals("klu", Backends.resolve(null, "klu"));
        assertTrue(Backends.describe(false).contains("auto|java|native|mkl|openblas|klu"));
    }

    @Test
    void withoutABackendEverythingRunsInJava() {
        assertNull(Backends.select(Kernel.HERMITIAN_EIGEN, 1000), "the failing backend is off");
        assertNull(Backends.with("native", () -> Backends.select(Kernel.GEMM, 1L << 30)));
        assertTrue(Backends.describe(false).contains("backend failing: not available (only for BackendsTest)"),
                Backends.describe(false));
    }

    /** A library that throws: the Java kernel gives the answer, the kernel is disabled and info says why. */
    @Test
    void aBrokenLibraryNeverFailsACall() {
        FailingBackend.enabled = true;
        Backend failing = Backends.find("failing").orElseThrow();
        int n = 20;
        double[] a = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            a[2 * (i + i * n)] = i;
            if (i + 1 < n) {
                a[2 * (i + 1 + i * n)] = 0.5;
                a[2 * (i + (i + 1) * n)] = 0.5;
            }
        }
        HermitianEigen.Result java = Backends.with("java", () -> HermitianEigen.decompose(n, a, true));
        assertSame(failing, Backends.with("failing", () -> Backends.select(Kernel.HERMITIAN_EIGEN, n)));
        int before = FailingBackend.calls;
        HermitianEigen.Result r = Backends.with("failing", () -> HermitianEigen.decompose(n, a, true));
        assertEquals(before + 1, FailingBackend.calls);
        assertArrayEquals(java.eigenvalues(), r.eigenvalues());
        assertTrue(Backends.brokenReason(failing, Kernel.HERMITIAN_EIGEN).orElseThrow().contains("cannot open"));
        assertNull(Backends.with("failing", () -> Backends.select(Kernel.HERMITIAN_EIGEN, n)), "disabled for the run");
        HermitianEigen.decompose(n, a, false);
        assertEquals(before + 1, FailingBackend.calls, "not called again");
        assertTrue(Backends.describe(false).contains("broken in this run"), Backends.describe(false));

        // a product that wrote garbage before failing: the Java product's result, and c's old values kept for beta
        DenseMatrix x = DenseMatrix.wrap(n, n, a);
        double[] expected = Backends.with("java", () -> Data.matmul(x, x)).toDense().array();
        double[] viaFailing = Backends.with("failing", () -> Data.matmul(x, x)).toDense().array();
        assertArrayEquals(expected, viaFailing);
        double[] c = a.clone(), c2 = a.clone();
        Backends.with("java", () -> Data.matmulInto(x, a, n, c, 1, 0, 1, 0));
        Backends.with("failing", () -> Data.matmulInto(x, a, n, c2, 1, 0, 1, 0));
        assertArrayEquals(c, c2);
    }
}
