package dev.lindblad;

import static dev.lindblad.Lindblad.*;
import static dev.lindblad.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.data.DenseMatrix;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static Qobj diag(double... p) {
        double[] d = new double[2 * p.length * p.length];
        for (int k = 0; k < p.length; k++) {
            d[2 * (k + k * p.length)] = p[k];
        }
        return Qobj.of(DenseMatrix.wrap(p.length, p.length, d), Dims.oper(p.length));
    }

    @Test
    void fidelityOfIdenticalAndOrthogonalStates() {
        Qobj a = randomKet(4, 1);
        Qobj rho = randomDm(4, 2);
        assertEquals(1, fidelity(a, a), 1e-14);
        assertEquals(1, fidelity(a, ketToDm(a)), 1e-14);
        assertEquals(1, fidelity(rho, rho), 1e-12);
        assertEquals(0, fidelity(basis(3, 0), basis(3, 2)), 0);
        assertEquals(0, fidelity(fockDm(3, 0), fockDm(3, 2)), 1e-12);
        assertEquals(0, fidelity(basis(3, 0), fockDm(3, 2)), 0);
    }

    @Test
    void fidelityClosedForms() {
        Qobj a = randomKet(4, 3), b = randomKet(4, 4), rho = randomDm(4, 5), sigma = randomDm(4, 6);
        assertEquals(a.overlap(b).abs(), fidelity(a, b), 1e-15);
        assertEquals(a.overlap(b).abs(), fidelity(a.dag(), b), 1e-15);
        assertEquals(Math.sqrt(expect(rho, a)), fidelity(a, rho), 1e-15);
        assertEquals(Math.sqrt(expect(rho, a)), fidelity(rho, a), 1e-15);
        // commuting states: F = Σ sqrt(p_k q_k)
        assertEquals(Math.sqrt(0.2 * 0.6) + Math.sqrt(0.3 * 0.1) + Math.sqrt(0.5 * 0.3),
                fidelity(diag(0.2, 0.3, 0.5), diag(0.6, 0.1, 0.3)), 1e-14);
        // symmetric, and bounded by the Fuchs–van de Graaf inequalities 1 - F <= T <= sqrt(1 - F²)
        double f = fidelity(rho, sigma), t = tracedist(rho, sigma);
        assertEquals(f, fidelity(sigma, rho), 1e-12);
        assertTrue(1 - f <= t + 1e-14 && t <= Math.sqrt(1 - f * f) + 1e-14, "F = " + f + ", T = " + t);
    }

    @Test
    void fidelityRejectsMismatchedDims() {
        DimensionMismatchException e = assertThrows(DimensionMismatchException.class,
                () -> fidelity(randomDm(3, 1), randomDm(4, 2)));
        assertTrue(e.getMessage().contains("[[3], [3]]") && e.getMessage().contains("[[4], [4]]"), e.getMessage());
        e = assertThrows(DimensionMismatchException.class, () -> fidelity(basis(3, 0), basis(4, 0)));
        assertTrue(e.getMessage().contains("[[3], [1]]") && e.getMessage().contains("[[4], [1]]"), e.getMessage());
        e = assertThrows(DimensionMismatchException.class, () -> fidelity(basis(4, 0), qeye(2, 2)));
        assertTrue(e.getMessage().contains("[[2, 2], [2, 2]]"), e.getMessage());
        assertThrows(DimensionMismatchException.class, () -> tracedist(basis(4, 0), basis(2, 0)));
    }

    @Test
    void traceDistance() {
        assertEquals(1, tracedist(basis(3, 0), basis(3, 1)), 1e-15);
        assertEquals(0, tracedist(randomDm(3, 7), randomDm(3, 7)), 0);
        Qobj a = randomKet(5, 8), b = randomKet(5, 9);
        double ov = a.overlap(b).abs();
        assertEquals(Math.sqrt(1 - ov * ov), tracedist(a, b), 1e-14);
        assertEquals(0.4, tracedist(diag(0.7, 0.3), diag(0.3, 0.7)), 1e-15);
        assertEquals(0.5, tracedist(fockDm(2, 0), maximallyMixedDm(2)), 1e-15);
    }

    @Test
    void entropies() {
        assertEquals(Math.log(4), entropyVn(maximallyMixedDm(4)), 1e-14);
        assertEquals(2, entropyVn(maximallyMixedDm(4), 2), 1e-14);
        assertEquals(0, entropyVn(randomKet(5, 1)), 1e-13);
        assertEquals(0, entropyVn(fockDm(3, 1)), 0);
        double p = 0.3;
        assertEquals(-p * Math.log(p) - (1 - p) * Math.log(1 - p), entropyVn(diag(p, 1 - p)), 1e-15);
        assertEquals(Math.log(2), entropyVn(bellState("11").ptrace(1)), 1e-14);
        assertEquals(1 - 1.0 / 3, entropyLinear(maximallyMixedDm(3)), 1e-15);
        assertEquals(0, entropyLinear(randomKet(4, 2)), 1e-14);
        Qobj rho = randomDm(4, 3);
        assertEquals(rho.times(rho).tr().re(), purity(rho), 1e-15);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> entropyVn(rho, 1));
        assertTrue(e.getMessage().contains("base = 1.0"), e.getMessage());
    }

    @Test
    void concurrence() {
        for (String s : new String[] {"00", "01", "10", "11"}) {
            assertEquals(1, Lindblad.concurrence(bellState(s)), 1e-15, s);
            assertEquals(1, Lindblad.concurrence(ketToDm(bellState(s))), 1e-12, s + " as density matrix");
        }
        assertEquals(0, Lindblad.concurrence(tensor(randomKet(2, 1), randomKet(2, 2))), 1e-15);
        assertEquals(0, Lindblad.concurrence(tensor(randomDm(2, 3), randomDm(2, 4))), 1e-12);
        for (double p : new double[] {0.2, 0.5, 0.8}) {
            Qobj werner = ketToDm(bellState("11")).times(p).plus(qeye(2, 2).times((1 - p) / 4));
            assertEquals(Math.max(0, (3 * p - 1) / 2), Lindblad.concurrence(werner), 1e-12, "Werner p = " + p);
        }
        Qobj psi = Qobj.of(randomKet(4, 5).data(), Dims.ket(2, 2));
        Complex a = psi.get(0, 0), b = psi.get(1, 0), c = psi.get(2, 0), d = psi.get(3, 0);
        double exact = 2 * a.times(d).minus(b.times(c)).abs();
        assertEquals(exact, Lindblad.concurrence(psi), 1e-15);
        assertEquals(exact, Lindblad.concurrence(ketToDm(psi)), 1e-12);
    }

    @Test
    void concurrenceRejectsNonTwoQubitStates() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Lindblad.concurrence(randomDm(4, 1)));
        assertTrue(e.getMessage().contains("[[4], [4]]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Lindblad.concurrence(basis(new int[] {2, 3}, new int[] {0, 0})));
        assertTrue(e.getMessage().contains("[[2, 3], [1, 1]]"), e.getMessage());
    }

    @Test
    void hilbertDistance() {
        Qobj a = randomDm(3, 1), b = randomDm(3, 2);
        Qobj d = a.minus(b);
        assertEquals(d.times(d).tr().re(), hilbertDist(a, b), 1e-15);
        assertEquals(2, hilbertDist(basis(2, 0), basis(2, 1)), 1e-15);
    }
}
