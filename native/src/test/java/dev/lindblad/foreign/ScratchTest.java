package dev.lindblad.foreign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The memory of the dense LAPACK calls ({@link Scratch}): large pieces come from one block kept
 * between calls, sized by the calls, at most {@code lindblad.native.scratchMiB}; results do not
 * depend on where the memory came from; concurrent calls each get correct results.
 */
class ScratchTest {

    private static final String PROPERTY = "lindblad.native.scratchMiB";

    @AfterEach
    void restore() {
        System.clearProperty(PROPERTY);
    }

    /** Carves the given sizes in one scratch, writes and reads each back, returns their addresses. */
    static List<Long> use(long... sizes) {
        List<Long> addresses = new ArrayList<>();
        try (Scratch s = Scratch.open()) {
            List<MemorySegment> segments = new ArrayList<>();
            for (long size : sizes) {
                MemorySegment m = s.allocate(ValueLayout.JAVA_DOUBLE, size / 8);
                assertEquals(size, m.byteSize());
                assertEquals(0, m.address() % 8);
                m.setAtIndex(ValueLayout.JAVA_DOUBLE, 0, size);
                m.setAtIndex(ValueLayout.JAVA_DOUBLE, size / 8 - 1, -size);
                segments.add(m);
                addresses.add(m.address());
            }
            for (int k = 0; k < sizes.length; k++) {   // no two pieces overlap
                assertEquals(sizes[k], segments.get(k).getAtIndex(ValueLayout.JAVA_DOUBLE, 0));
                assertEquals(-sizes[k], segments.get(k).getAtIndex(ValueLayout.JAVA_DOUBLE, sizes[k] / 8 - 1));
            }
        }
        return addresses;
    }

    @Test
    void largePiecesComeFromOneKeptBlock() {
        System.setProperty(PROPERTY, "64");
        long mib = 1L << 20;
        use(3 * mib, 16, 2 * mib);                      // leaves a block for 5 MiB (small pieces not counted)
        assertTrue(Scratch.keptBytes() >= 5 * mib, "kept " + Scratch.keptBytes());
        List<Long> first = use(3 * mib, 16, 2 * mib);
        List<Long> second = use(3 * mib, 16, 2 * mib);
        assertEquals(first.get(0), second.get(0), "the same block, reused");
        assertEquals(first.get(2), second.get(2), "the same block, reused");
        assertEquals(first.get(0) + 3 * mib, first.get(2), "carved in order");
        use(9 * mib);                                  // does not fit: fresh memory, and a bigger block after
        assertTrue(Scratch.keptBytes() >= 9 * mib, "grown to " + Scratch.keptBytes());
        use(100 * mib);                                // above the limit: not kept
        assertTrue(Scratch.keptBytes() < 64 * mib, "kept " + Scratch.keptBytes());
        System.setProperty(PROPERTY, "4");             // a lower limit drops the block at the next call
        use(2 * mib);
        assertEquals(0, Scratch.keptBytes());
        System.setProperty(PROPERTY, "0");             // nothing kept
        use(2 * mib);
        assertEquals(0, Scratch.keptBytes());
    }

    @Test
    void resultsDoNotDependOnTheMemoryAndConcurrentCallsAreCorrect() throws Exception {
        DenseLapack d = HermitianDriversTest.lapack("mkl");
        int n = 300;   // 1.4 MiB per matrix copy: from the kept block
        double[] a = NativeKernelsTest.randomHermitian(n, 11);
        System.setProperty(PROPERTY, "0");
        double[] v0 = new double[2 * n * n];
        double[] w0 = d.hermitianEigen(n, a, v0, 1);
        System.setProperty(PROPERTY, "64");
        for (int round = 0; round < 3; round++) {
            List<CompletableFuture<double[]>> calls = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    double[] v = new double[2 * n * n];
                    double[] w = d.hermitianEigen(n, a, v, 1);
                    NativeKernelsTest.assertResidual(n, a, w, v, NativeKernelsTest.maxAbs(a) * n, "concurrent");
                    return w;
                }));
            }
            for (CompletableFuture<double[]> c : calls) {
                double[] w = c.get();
                for (int k = 0; k < n; k++) {
                    assertEquals(w0[k], w[k], 1e-12 * n, "k=" + k);
                }
            }
        }
        assertTrue(Scratch.keptBytes() >= 2L * n * n * 8, "kept " + Scratch.keptBytes());
    }
}
