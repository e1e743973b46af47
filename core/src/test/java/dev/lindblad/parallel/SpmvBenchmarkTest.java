package dev.lindblad.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.Data;
import dev.lindblad.data.LinearMap;
import org.junit.jupiter.api.Test;

class SpmvBenchmarkTest {

    @Test
    void theLocalControlKeepsRowsAndValuesAndMakesColumnsConsecutive() {
        CsrMatrix a = BenchmarkModels.isingLiouvillian(3).toCsr();
        CsrMatrix local = SpmvBenchmark.localColumns(a);
        int n = a.rows();
        assertEquals(n, local.rows());
        int[] rp = a.rowPointers(), lp = local.rowPointers(), lc = local.columnIndices();
        // rows far enough from the end keep their length, values and order; columns are i, i+1, ...
        int last = n - 1 - maxRowLength(a);
        for (int i = 0; i <= last; i++) {
            assertEquals(rp[i + 1] - rp[i], lp[i + 1] - lp[i], "row " + i);
            for (int k = 0; k < rp[i + 1] - rp[i]; k++) {
                assertEquals(i + k, lc[lp[i] + k]);
            }
        }
        double[] v = a.valueArray(), lv = local.valueArray();
        assertArrayEquals(java.util.Arrays.copyOf(v, 2 * rp[last + 1]), java.util.Arrays.copyOf(lv, 2 * lp[last + 1]));
    }

    @Test
    void preparedLinesCompareTheCsrSplitWithTheSlicedStorage() {
        CsrMatrix a = BenchmarkModels.isingLiouvillian(5).toCsr();
        System.setProperty("lindblad.sliced", "true");
        try {
            LinearMap split = SpmvBenchmark.prepareSplitCsr(a);
            assertEquals("split-csr", split.storage());
            assertEquals("true", System.getProperty("lindblad.sliced"), "the property is restored");
        } finally {
            System.clearProperty("lindblad.sliced");
        }
        LinearMap split = SpmvBenchmark.prepareSplitCsr(a);
        assertNull(System.getProperty("lindblad.sliced"));
        LinearMap sliced = Data.prepareProduct(a);
        assertEquals("sliced-split", sliced.storage());
        // the split stores one part per real or imaginary component; the slices pad a little
        assertEquals(split.work() / 2 * 12 + 8L * a.rows() + 4, split.storedBytes());
        assertTrue(sliced.storedBytes() >= split.storedBytes() - 8L * a.rows());
        assertTrue(sliced.storedBytes() < 1.25 * split.storedBytes());
    }

    private static int maxRowLength(CsrMatrix a) {
        int m = 0;
        for (int i = 0; i < a.rows(); i++) {
            m = Math.max(m, a.rowPointers()[i + 1] - a.rowPointers()[i]);
        }
        return m;
    }
}
