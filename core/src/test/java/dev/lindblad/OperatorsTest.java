package dev.lindblad;

import static dev.lindblad.Lindblad.*;
import static dev.lindblad.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.data.CsrMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OperatorsTest {

    @Test
    void ladderCommutatorIsIdentityExceptLastLevel() {
        int n = 7;
        Qobj c = commutator(destroy(n), create(n));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double expected = i != j ? 0 : (i == n - 1 ? 1 - n : 1);
                assertEquals(expected, c.get(i, j).re(), 1e-14, "[a, a†](" + i + "," + j + ")");
                assertEquals(0, c.get(i, j).im(), 0);
            }
        }
        assertEquals(Dims.oper(n), c.dims());
    }

    @Test
    void destroyLowersFockStatesAndNumCounts() {
        int n = 6;
        for (int k = 1; k < n; k++) {
            assertQobjClose(basis(n, k - 1).times(Math.sqrt(k)), destroy(n).times(basis(n, k)), 1e-15);
            assertQobjClose(basis(n, k).times(Math.sqrt(k)), create(n).times(basis(n, k - 1)), 1e-15);
        }
        assertQobjClose(create(n).times(destroy(n)), num(n), 1e-14);
        assertInstanceOf(CsrMatrix.class, destroy(n).data());
        assertEquals(0, destroy(1).get(0, 0).abs());
    }

    @Test
    void qeyeCompositeHasTensorDims() {
        Qobj i = qeye(2, 3);
        assertEquals("[[2, 3], [2, 3]]", i.dims().toString());
        assertQobjClose(tensor(qeye(2), qeye(3)), i, 0);
        assertEquals(6, i.tr().re(), 0);
    }

    @Test
    void pauliMatricesFollowQutipConventions() {
        assertQobjClose(basis(2, 0), sigmaz().times(basis(2, 0)), 0);
        assertQobjClose(basis(2, 1).neg(), sigmaz().times(basis(2, 1)), 0);
        assertQobjClose(basis(2, 1), sigmam().times(basis(2, 0)), 0);
        assertQobjClose(basis(2, 0), sigmap().times(basis(2, 1)), 0);
        assertEquals(1, sigmap().get(0, 1).re());
        assertQobjClose(sigmaz().times(Complex.of(0, 2)), commutator(sigmax(), sigmay()), 1e-15);
        assertQobjClose(qeye(2).times(2), anticommutator(sigmay(), sigmay()), 1e-15);
        assertQobjClose(sigmax().plus(sigmay().times(Complex.I)).times(0.5), sigmap(), 1e-15);
        assertQobjClose(jmat(0.5, "x").times(2), sigmax(), 1e-15);
        assertQobjClose(jmat(0.5, 'y').times(2), sigmay(), 1e-15);
        assertQobjClose(jmat(0.5, "z").times(2), sigmaz(), 1e-15);
        assertQobjClose(jmat(0.5, "+"), sigmap(), 1e-15);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1, 1.5, 2, 2.5})
    void spinAlgebra(double j) {
        Qobj[] jj = jmat(j);
        Qobj x = jj[0], y = jj[1], z = jj[2];
        int n = (int) Math.round(2 * j + 1);
        Complex i = Complex.I;
        assertQobjClose(z.times(i), commutator(x, y), 1e-13);
        assertQobjClose(x.times(i), commutator(y, z), 1e-13);
        assertQobjClose(y.times(i), commutator(z, x), 1e-13);
        Qobj j2 = x.times(x).plus(y.times(y)).plus(z.times(z));
        assertQobjClose(qeye(n).times(j * (j + 1)), j2, 1e-13);
        for (int k = 0; k < n; k++) {
            assertEquals(j - k, z.get(k, k).re(), 0, "m ordering j, j-1, ..., -j");
        }
        assertQobjClose(x.plus(y.times(i)), jmat(j, "+"), 1e-14);
        assertQobjClose(x.minus(y.times(i)), jmat(j, "-"), 1e-14);
        assertTrue(x.isHerm() && y.isHerm() && z.isHerm());
    }

    @Test
    void jmatRejectsNonHalfIntegerSpinAndUnknownAxis() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> jmat(0.3, "x"));
        assertTrue(e.getMessage().contains("j = 0.3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> jmat(-1, "z"));
        assertTrue(e.getMessage().contains("j = -1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> jmat(1, "w"));
        assertTrue(e.getMessage().contains("\"w\""), e.getMessage());
    }

    @Test
    void badSizesNameTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> destroy(0));
        assertTrue(e.getMessage().contains("n = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> qeye(-3));
        assertTrue(e.getMessage().contains("n = -3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> qeye(2, 0));
        assertTrue(e.getMessage().contains("dims[1] = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> displace(-2, 1.0));
        assertTrue(e.getMessage().contains("n = -2"), e.getMessage());
    }

    @Test
    void displacementIsUnitaryAndGivesAnalyticCoherentAmplitudes() {
        int n = 40;
        Complex alpha = Complex.of(1.2, -0.5);
        Qobj d = displace(n, alpha);
        // exp(X)^† = exp(-X) for the anti-Hermitian generator, exactly in the truncated space
        assertQobjClose(qeye(n).toDense(), d.dag().times(d), 1e-12);
        assertQobjClose(displace(n, alpha.negate()), d.dag(), 1e-12);
        // D(α)|0> = e^{-|α|²/2} Σ α^k/√k! |k>, up to truncation (|α|² = 1.69, tail ~ 1e-30)
        double[] psi = d.times(basis(n, 0)).toArray();
        double cr = Math.exp(-alpha.abs2() / 2), ci = 0;
        for (int k = 0; k < 15; k++) {
            if (k > 0) {
                Complex c = new Complex(cr, ci).times(alpha).div(Math.sqrt(k));
                cr = c.re();
                ci = c.im();
            }
            assertEquals(cr, psi[2 * k], 1e-13, "Re <" + k + "|α>");
            assertEquals(ci, psi[2 * k + 1], 1e-13, "Im <" + k + "|α>");
        }
    }

    @Test
    void squeezedVacuumHasReducedQuadratureVariance() {
        int n = 80;
        double r = 0.5;
        Qobj s = squeeze(n, r);
        assertQobjClose(qeye(n).toDense(), s.dag().times(s), 1e-12);
        Qobj psi = s.times(basis(n, 0));
        Qobj a = destroy(n);
        Qobj x = a.plus(a.dag()).div(Math.sqrt(2));
        Qobj p = a.minus(a.dag()).times(Complex.of(0, -1 / Math.sqrt(2)));
        // S(r) = exp(r (a² - a†²)/2) squeezes x: <x²> = e^{-2r}/2, <p²> = e^{2r}/2
        assertEquals(Math.exp(-2 * r) / 2, expect(x.times(x), psi), 1e-12);
        assertEquals(Math.exp(2 * r) / 2, expect(p.times(p), psi), 1e-12);
        // complex z = r e^{iθ}: S(z)† a S(z) = a cosh r - a† e^{iθ} sinh r, check <a²> = -e^{iθ} sinh r cosh r
        Complex z = Complex.polar(0.4, 0.7);
        Qobj psiz = squeeze(n, z).times(basis(n, 0));
        Complex a2 = Qobj.expectComplex(a.times(a), psiz);
        Complex expected = Complex.polar(1, 0.7).times(-Math.sinh(0.4) * Math.cosh(0.4));
        assertTrue(a2.isClose(expected, 1e-12), a2 + " vs " + expected);
    }

    @Test
    void phaseOperatorHasPeggBarnettEigenstates() {
        int n = 5;
        double phi0 = 0.3;
        Qobj ph = phase(n, phi0);
        assertTrue(ph.isHerm());
        for (int m = 0; m < n; m++) {
            double phi = phi0 + 2 * Math.PI * m / n;
            Complex[] amp = new Complex[n];
            for (int k = 0; k < n; k++) {
                amp[k] = Complex.polar(1 / Math.sqrt(n), k * phi);
            }
            Qobj v = Qobj.ket(amp);
            assertQobjClose(v.times(phi), ph.times(v), 1e-13);
        }
    }
}
