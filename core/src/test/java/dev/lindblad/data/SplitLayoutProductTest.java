package dev.lindblad.data;

import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Lindblad;
import dev.lindblad.Qobj;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Data#matvecSplitLayout}: the same product as {@link Data#matvec}, in the other layout. */
class SplitLayoutProductTest {

    private static double[] interleaved(int m, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        double[] x = new double[2 * m];
        for (int k = 0; k < x.length; k++) {
            x[k] = r.nextDouble(-1, 1);
        }
        return x;
    }

    private static double[] split(double[] x) {
        int m = x.length / 2;
        double[] s = new double[x.length];
        for (int k = 0; k < m; k++) {
            s[k] = x[2 * k];
            s[m + k] = x[2 * k + 1];
        }
        return s;
    }

    private static void assertSameProduct(Matrix a, LinearMap map, double tol) {
        int m = a.rows();
        double[] x = interleaved(m, m), y = new double[2 * m], ys = new double[2 * m];
        Data.matvec(a, x, 0, y, 0, 1, 0, 0, 0);
        Data.matvecSplitLayout(map, split(x), ys);
        double[] expected = split(y);
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        assertTrue(scale > 0);
        for (int k = 0; k < ys.length; k++) {
            assertEquals(expected[k], ys[k], tol * scale, map.storage() + " entry " + k);
        }
    }

    @Test
    void bandedOperatorsOfAnySizeGetTheSplitDiaKernel() {
        for (int n : new int[] {7, 50, 700}) {   // 700: several tiles (n = 2: three diagonals of two rows hold 6 positions for 3 entries, refused)
            Qobj a = Lindblad.destroy(n);
            Qobj h = a.dag().times(a).times(0.3).plus(a.plus(a.dag()).times(new dev.lindblad.Complex(0.2, 0.5)));
            LinearMap map = Data.prepareSplitLayout(h.data());
            assertNotNull(map, "n = " + n);
            assertTrue(Data.hasSplitLayoutKernel(map));
            assertSameProduct(h.data(), map, 1e-15);
        }
        Qobj l = Lindblad.liouvillian(Lindblad.num(12).times(0.4), List.of(Lindblad.destroy(12).times(0.5)));
        assertSameProduct(l.data(), Data.prepareSplitLayout(l.data()), 1e-15);
    }

    @Test
    void unbandedOrNonSquareMatricesHaveNone() {
        Qobj r = Lindblad.randHerm(30, 0.5, 3L);
        assertNull(Data.prepareSplitLayout(r.data()), "a random sparse matrix fills its diagonals poorly");
        assertNull(Data.prepareSplitLayout(Lindblad.basis(4, 1).data()));
        assertNull(Data.prepareSplitLayout(Lindblad.qzero(4).data()), "an empty matrix");
    }

    @Test
    void otherStorageGoesThroughInterleavedScratch() {
        Qobj r = Lindblad.randHerm(30, 0.5, 3L);
        LinearMap csr = Data.prepareProduct(r.data());
        assertFalse(Data.hasSplitLayoutKernel(csr));
        assertSameProduct(r.data(), csr, 1e-15);
    }

    @Test
    void refusesAliasedOrShortVectors() {
        LinearMap map = Data.prepareSplitLayout(Lindblad.num(5).data());
        double[] x = new double[10];
        assertThrows(IllegalArgumentException.class, () -> Data.matvecSplitLayout(map, x, x));
        assertThrows(IllegalArgumentException.class, () -> Data.matvecSplitLayout(map, new double[8], x));
    }
}
