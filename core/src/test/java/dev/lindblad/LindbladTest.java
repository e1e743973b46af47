package dev.lindblad;

import static dev.lindblad.Lindblad.*;
import static dev.lindblad.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class LindbladTest {

    @Test
    void linspaceIsNumpys() {
        double[] x = linspace(-3, 3, 21);
        assertEquals(21, x.length);
        assertEquals(-3, x[0], 0);
        assertEquals(3, x[20], 0);
        // numpy: start + i*step, so 9*0.3 - 3 is not -0.3 exactly
        assertEquals(-0.30000000000000027, x[9], 0);
        assertEquals(-1.2000000000000002, x[6], 0);
        assertArrayEquals(new double[] {2.5}, linspace(2.5, 7, 1));
        assertEquals(0, linspace(0, 1, 0).length);
        assertArrayEquals(new double[] {1, 1, 1}, linspace(1, 1, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> linspace(0, 1, -2));
        assertTrue(e.getMessage().contains("n = -2"), e.getMessage());
    }

    @Test
    void designExampleBuildsTheJaynesCummingsHamiltonian() {
        int n = 5;
        double wc = 1.0, wa = 1.0, g = 0.05;
        Qobj a = tensor(destroy(n), qeye(2));
        Qobj sm = tensor(qeye(n), destroy(2));
        Qobj h = a.dag().times(a).times(wc).plus(sm.dag().times(sm).times(wa))
                .plus(a.dag().times(sm).plus(a.times(sm.dag())).times(g));
        Qobj psi0 = tensor(basis(n, 0), basis(2, 1));
        assertEquals("[[5, 2], [5, 2]]", h.dims().toString());
        assertTrue(h.isHerm());
        assertEquals(1, expect(h, psi0), 1e-15);
        assertEquals(0, expect(a.dag().times(a), psi0), 0);
        // the one-excitation doublet splits by 2g
        double[] e = h.eigenenergies();
        assertEquals(1 - g, e[1], 1e-13);
        assertEquals(1 + g, e[2], 1e-13);
    }

    @Test
    void expectOverAListOfStates() {
        double[] z = expect(sigmaz(), List.of(basis(2, 0), basis(2, 1), ketToDm(basis(2, 0)), maximallyMixedDm(2)));
        assertArrayEquals(new double[] {1, -1, 1, 0}, z, 1e-15);
        Complex c = expectComplex(sigmap(), basis(2, 0).plus(basis(2, 1)).unit());
        assertTrue(c.isClose(Complex.of(0.5), 1e-15), c.toString());
    }

    @Test
    void facadeForwardsToHomeClasses() {
        assertQobjClose(States.coherent(8, Complex.of(0.3, 0.2)), coherent(8, Complex.of(0.3, 0.2)), 0);
        assertQobjClose(Superops.liouvillian(sigmaz(), List.of(sigmam())), liouvillian(sigmaz(), sigmam()), 0);
        assertEquals(Metrics.fidelity(randomDm(3, 1), randomDm(3, 2)), fidelity(randomDm(3, 1), randomDm(3, 2)), 0);
        double[] x = {0.1};
        assertArrayEquals(Wigner.wigner(fock(3, 1), x, x)[0], wigner(fock(3, 1), x, x)[0], 0);
    }
}
