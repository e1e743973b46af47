package dev.lindblad;

import static dev.lindblad.Lindblad.*;
import static dev.lindblad.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatesTest {

    @Test
    void basisKet() {
        Qobj b = basis(3, 1);
        assertEquals("[[3], [1]]", b.dims().toString());
        assertArrayEquals(new double[] {0, 0, 1, 0, 0, 0}, b.toArray());
        assertTrue(b.isKet());
        assertQobjClose(fock(3, 1), b, 0);
        Qobj c = basis(new int[] {2, 3}, new int[] {1, 2});
        assertEquals("[[2, 3], [1, 1]]", c.dims().toString());
        assertEquals(1, c.get(5, 0).re());
        assertQobjClose(tensor(basis(2, 1), basis(3, 2)), c, 0);
    }

    @Test
    void basisRejectsBadIndexAndSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> basis(3, 3));
        assertTrue(e.getMessage().contains("k = 3") && e.getMessage().contains("n = 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> basis(3, -1));
        assertTrue(e.getMessage().contains("k = -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> basis(0, 0));
        assertTrue(e.getMessage().contains("n = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> basis(new int[] {2, 3}, new int[] {1, 3}));
        assertTrue(e.getMessage().contains("subsystem 1") && e.getMessage().contains("k = 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> basis(new int[] {2, 3}, new int[] {1}));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[1]"), e.getMessage());
    }

    @Test
    void coherentStateIsEigenvectorOfDestroy() {
        int n = 40;
        Complex alpha = Complex.of(1.5, -0.7);
        Qobj psi = coherent(n, alpha);
        assertEquals(1, psi.norm(), 1e-13);
        Qobj residual = destroy(n).times(psi).minus(psi.times(alpha));
        // only the last level misses (truncation): |<n-1|α>| ~ 1e-11 here
        double[] r = residual.toArray();
        for (int k = 0; k < n - 1; k++) {
            assertEquals(0, Math.hypot(r[2 * k], r[2 * k + 1]), 1e-10, "row " + k);
        }
        assertQobjClose(coherent(n, alpha, "analytic"), psi, 1e-12);
        assertEquals(alpha.abs2(), expect(num(n), psi), 1e-10);
    }

    @Test
    void coherentAnalyticAmplitudesAndOperatorNormalisation() {
        Complex alpha = Complex.of(0.8, 0.6); // |α| = 1
        Qobj an = coherent(4, alpha, "analytic");
        double e = Math.exp(-0.5);
        Complex a2 = alpha.times(alpha), a3 = a2.times(alpha);
        assertTrue(an.get(0, 0).isClose(Complex.of(e), 1e-15));
        assertTrue(an.get(1, 0).isClose(alpha.times(e), 1e-15));
        assertTrue(an.get(2, 0).isClose(a2.times(e / Math.sqrt(2)), 1e-15));
        assertTrue(an.get(3, 0).isClose(a3.times(e / Math.sqrt(6)), 1e-15));
        // the operator method is normalised even in a tiny space, the analytic one is not
        assertEquals(1, coherent(4, alpha).norm(), 1e-14);
        assertTrue(an.norm() < 0.999);
        assertQobjClose(ketToDm(coherent(4, alpha)), coherentDm(4, alpha), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> coherent(4, alpha, "exact"));
    }

    @Test
    void thermalStateHasBoltzmannWeightsAndMeanNumber() {
        double nbar = 0.7;
        Qobj rho = thermalDm(80, nbar);
        assertEquals(nbar, expect(num(80), rho), 1e-12);
        assertEquals(1, rho.tr().re(), 1e-14);
        Qobj small = thermalDm(5, nbar);
        assertEquals(1, small.tr().re(), 1e-14);
        for (int k = 0; k < 4; k++) {
            assertEquals(nbar / (1 + nbar), small.get(k + 1, k + 1).re() / small.get(k, k).re(), 1e-14);
        }
        Qobj an = thermalDm(5, nbar, "analytic");
        assertEquals(1 / 1.7, an.get(0, 0).re(), 1e-15);
        assertQobjClose(fockDm(6, 0), thermalDm(6, 0), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> thermalDm(5, -0.1));
        assertTrue(e.getMessage().contains("nMean = -0.1"), e.getMessage());
    }

    @Test
    void ketToDmOfKetAndBra() {
        Qobj psi = randomKet(4, 3);
        Qobj rho = ketToDm(psi);
        assertEquals(Dims.oper(4), rho.dims());
        assertTrue(rho.isHerm());
        assertEquals(1, rho.tr().re(), 1e-14);
        assertQobjClose(rho, ketToDm(psi.dag()), 0);
        assertQobjClose(rho.times(psi), psi, 1e-14);
        assertThrows(IllegalArgumentException.class, () -> ketToDm(qeye(2)));
    }

    @Test
    void bellStatesAreOrthonormalAndMaximallyEntangled() {
        List<String> names = List.of("00", "01", "10", "11");
        for (int i = 0; i < 4; i++) {
            Qobj b = bellState(names.get(i));
            assertEquals("[[2, 2], [1, 1]]", b.dims().toString());
            assertEquals(Math.log(2), entropyVn(b.ptrace(0)), 1e-14, names.get(i));
            assertEquals(1, concurrence(b), 1e-14);
            for (int j = 0; j < 4; j++) {
                assertEquals(i == j ? 1 : 0, b.overlap(bellState(names.get(j))).abs(), 1e-15);
            }
        }
        double h = 1 / Math.sqrt(2);
        Qobj up = basis(2, 0), dn = basis(2, 1);
        assertQobjClose(tensor(up, up).plus(tensor(dn, dn)).times(h), bellState("00"), 1e-16);
        assertQobjClose(tensor(up, up).minus(tensor(dn, dn)).times(h), bellState("01"), 1e-16);
        assertQobjClose(tensor(up, dn).plus(tensor(dn, up)).times(h), bellState("10"), 1e-16);
        assertQobjClose(tensor(up, dn).minus(tensor(dn, up)).times(h), bellState("11"), 1e-16);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bellState("02"));
        assertTrue(e.getMessage().contains("\"02\""), e.getMessage());
    }

    @Test
    void ghzMaximallyMixedAndProjection() {
        Qobj g = ghzState(3);
        assertEquals("[[2, 2, 2], [1, 1, 1]]", g.dims().toString());
        assertQobjClose(maximallyMixedDm(2), g.ptrace(1), 1e-15);
        assertEquals(1 / Math.sqrt(2), g.get(7, 0).re(), 0);
        assertEquals(Math.log(4), entropyVn(maximallyMixedDm(4)), 1e-14);
        assertQobjClose(basis(3, 0), projection(3, 0, 2).times(basis(3, 2)), 0);
        assertEquals(0, projection(3, 0, 2).times(basis(3, 0)).norm(), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> projection(3, 0, 5));
        assertTrue(e.getMessage().contains("j = 5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ghzState(0));
    }
}
