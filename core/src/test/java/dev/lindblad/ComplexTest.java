package dev.lindblad;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Complex arithmetic against hand-computed values and identities. */
class ComplexTest {

    private static void assertClose(Complex expected, Complex actual, double relTol) {
        double bound = relTol * Math.max(Double.MIN_NORMAL, expected.abs());
        assertTrue(Math.abs(expected.re() - actual.re()) <= bound && Math.abs(expected.im() - actual.im()) <= bound,
                "got " + actual + ", expected " + expected);
    }

    @Test
    void arithmetic() {
        Complex a = new Complex(1, 2), b = new Complex(3, -4);
        assertEquals(new Complex(4, -2), a.plus(b));
        assertEquals(new Complex(3.5, 2), a.plus(2.5));
        assertEquals(new Complex(-2, 6), a.minus(b));
        assertEquals(new Complex(11, 2), a.times(b));   // (1+2i)(3-4i) = 3 - 4i + 6i + 8
        assertEquals(new Complex(-2, -4), a.times(-2));
        assertEquals(new Complex(1, -2), a.conj());
        assertEquals(new Complex(-1, -2), a.negate());
        assertEquals(5, b.abs(), 0);
        assertEquals(25, b.abs2(), 0);
        assertEquals(Math.PI / 2, Complex.I.arg(), 0);
        assertEquals(Math.PI, new Complex(-1, 0).arg(), 0);
        assertEquals(new Complex(0.5, 1), a.div(2));
        assertEquals(Complex.of(3), new Complex(3, 0));
        assertEquals(Complex.of(1, 2), a);
        assertClose(new Complex(0, 2), Complex.polar(2, Math.PI / 2), 1e-15);
        assertClose(new Complex(-1, 0), new Complex(0, Math.PI).exp(), 1e-15);
        assertClose(new Complex(Math.E * Math.cos(1), Math.E * Math.sin(1)), new Complex(1, 1).exp(), 1e-15);
        assertTrue(a.isClose(new Complex(1 + 1e-10, 2), 2e-10));
        assertFalse(a.isClose(new Complex(1 + 1e-8, 2), 2e-10));
    }

    @Test
    void divisionInBothBranches() {
        // (11 + 2i) / (3 - 4i) = 1 + 2i; |re| < |im| branch
        assertClose(new Complex(1, 2), new Complex(11, 2).div(new Complex(3, -4)), 1e-15);
        // |re| >= |im| branch
        assertClose(new Complex(3, -4), new Complex(11, 2).div(new Complex(1, 2)), 1e-15);
        assertClose(new Complex(0, -1), Complex.ONE.div(Complex.I), 0);
        assertClose(new Complex(0.5, 0), new Complex(0, 1).div(new Complex(0, 2)), 0);
        Random random = new Random(3);
        for (int k = 0; k < 200; k++) {
            Complex z = new Complex(random.nextGaussian(), random.nextGaussian());
            Complex w = new Complex(random.nextGaussian(), random.nextGaussian());
            assertClose(z, z.times(w).div(w), 1e-14);
        }
    }

    @Test
    void divisionScalesLargeAndSmallValues() {
        // the textbook formula squares the denominator: 1e300^2 overflows, 1e-300^2 underflows
        assertClose(Complex.ONE, new Complex(1e300, 1e300).div(new Complex(1e300, 1e300)), 1e-15);
        assertClose(new Complex(0, 1), new Complex(-1e300, 1e300).div(new Complex(1e300, 1e300)), 1e-15);
        assertClose(new Complex(2, 0), new Complex(4e300, 2e300).div(new Complex(2e300, 1e300)), 1e-15);
        assertClose(new Complex(2, 0), new Complex(2e300, 4e300).div(new Complex(1e300, 2e300)), 1e-15);
        assertClose(new Complex(1e300, 0), new Complex(1, 1).div(new Complex(1e-300, 1e-300)), 1e-15);
        assertClose(new Complex(0.5, 0.5), new Complex(1e-300, 0).div(new Complex(1e-300, -1e-300)), 1e-15);
    }

    @Test
    void principalSquareRoot() {
        assertEquals(Complex.ZERO, Complex.ZERO.sqrt());
        assertClose(new Complex(2, 0), new Complex(4, 0).sqrt(), 0);
        assertClose(new Complex(0, 2), new Complex(-4, 0).sqrt(), 0);
        // just below the branch cut on the negative real axis
        assertClose(new Complex(0, -2), new Complex(-4, -0.0).sqrt(), 0);
        assertClose(new Complex(2, 1), new Complex(3, 4).sqrt(), 1e-15);
        assertClose(new Complex(2, -1), new Complex(3, -4).sqrt(), 1e-15);
        assertClose(new Complex(1, 2), new Complex(-3, 4).sqrt(), 1e-15);
        assertClose(new Complex(1, -2), new Complex(-3, -4).sqrt(), 1e-15);
        double h = Math.sqrt(0.5);
        assertClose(new Complex(h, h), Complex.I.sqrt(), 1e-15);
        assertClose(new Complex(h, -h), new Complex(0, -1).sqrt(), 1e-15);
        Random random = new Random(5);
        for (int k = 0; k < 200; k++) {
            Complex z = new Complex(random.nextGaussian(), random.nextGaussian());
            Complex s = z.sqrt();
            assertTrue(s.re() >= 0, "principal root has re >= 0: sqrt(" + z + ") = " + s);
            assertClose(z, s.times(s), 1e-14);
        }
    }

    @Test
    void squareRootOfLargeAndTinyValues() {
        // |re| + |z| overflows before the halving
        Complex big = new Complex(1e308, 1e308);
        Complex s = big.sqrt();
        assertTrue(Double.isFinite(s.re()) && Double.isFinite(s.im()), "sqrt(" + big + ") = " + s);
        assertClose(big, s.times(s), 1e-15);
        Complex huge = new Complex(-Double.MAX_VALUE, Double.MAX_VALUE);
        Complex h = huge.sqrt();
        assertTrue(Double.isFinite(h.re()) && Double.isFinite(h.im()), "sqrt(" + huge + ") = " + h);
        assertClose(new Complex(huge.re() / 4, huge.im() / 4), h.div(2).times(h.div(2)), 1e-15);
        Complex tiny = new Complex(Double.MIN_VALUE, 0);
        assertClose(new Complex(Math.sqrt(Double.MIN_VALUE), 0), tiny.sqrt(), 1e-15);
        Complex small = new Complex(-1e-300, 1e-300);
        assertClose(small, small.sqrt().times(small.sqrt()), 1e-14);
    }

    @Test
    void toStringInPythonNotation() {
        assertEquals("1.5", new Complex(1.5, 0).toString());
        assertEquals("(1.0+2.0j)", new Complex(1, 2).toString());
        assertEquals("(1.0-2.0j)", new Complex(1, -2).toString());
    }
}
