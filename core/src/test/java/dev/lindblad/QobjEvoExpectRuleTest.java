package dev.lindblad;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * {@link QobjEvo#expect(double, Qobj)} follows the rule of {@link Qobj#expect(Qobj, Qobj)}
 * (issue #14 item 1): the real part only when the imaginary part is rounding relative to the
 * norms, else a refusal naming expectComplex; also for a superoperator, {@code tr(S(rho))}.
 */
class QobjEvoExpectRuleTest {

    @Test
    void operatorFormRefusesAComplexValue() {
        QobjEvo a = QobjEvo.of(destroy(5), t -> 1 + t);
        Qobj psi = coherent(5, Complex.of(0, 1));
        // <a> of the coherent state |i> is i (truncated to 5 levels: 0.9866 i), times 1 + t
        Complex z = a.expectComplex(1.0, psi);
        assertEquals(0, z.re(), 1e-14);
        assertEquals(2 * 0.9866036534628986, z.im(), 1e-13);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.expect(1.0, psi));
        assertTrue(e.getMessage().contains("expectComplex"), e.getMessage());
        // a real value of a non-Hermitian operator passes: <a> of a real coherent state
        Qobj real = coherent(5, 0.8);
        assertEquals(0, Qobj.expectComplex(destroy(5), real).im(), 0);
        assertEquals(2 * Qobj.expectComplex(destroy(5), real).re(), a.expect(1.0, real), 1e-14);
    }

    @Test
    void superoperatorFormUsesTheTraceOfTheMappedState() {
        Qobj rho = ketToDm(coherent(5, Complex.of(0, 1)));
        QobjEvo s = spre(QobjEvo.of(destroy(5), t -> 1 + t));
        // tr(S(rho)) = (1 + t) tr(a rho) = (1 + t) <a>
        Complex z = s.expectComplex(1.0, rho);
        assertEquals(2 * 0.9866036534628986, z.im(), 1e-13);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.expect(1.0, rho));
        assertTrue(e.getMessage().startsWith("QobjEvo.expect: tr(S(rho))"), e.getMessage());
        assertTrue(e.getMessage().contains("expectComplex"), e.getMessage());
        // a Hermitian map of a Hermitian state: tr(n rho) = |alpha|^2 (truncated), real
        QobjEvo n = spre(QobjEvo.of(num(5), t -> 1 + t));
        assertEquals(2 * Qobj.expect(num(5), rho), n.expect(1.0, rho), 1e-13);
        // rounding of a large map stays below the relative tolerance
        QobjEvo big = spre(QobjEvo.of(num(5).times(1e8), t -> 1.0));
        assertEquals(1e8 * Qobj.expect(num(5), rho), big.expect(0.0, rho), 1e-4);
    }
}
