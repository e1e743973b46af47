package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Complex;
import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.testing.Reference;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The e-op values of a {@link Result} (issue #14, item 2): complex unless both the e-op and the
 * evolved object are Hermitian, and {@link Result#expect(int)} real only when the values are
 * real to rounding. The reference is QuTiP 5.3.1's mesolve of {@code X0 = a rho_ss}
 * ({@code reference/trust.txt}, case {@code correlation_kerr}), the propagated operator of a
 * hand-written correlation function.
 */
class ResultExpectTest {

    private static final SolverOptions TIGHT = SolverOptions.defaults().withAtol(1e-12).withRtol(1e-10);

    @Test
    void anEvolvedNonHermitianOperatorKeepsTheImaginaryPartOfHermitianEOps() {
        Reference.Case c = Reference.load("trust").get("correlation_kerr");
        int n = (int) c.scalar("N");
        double delta = c.scalar("delta"), chi = c.scalar("chi"), f = c.scalar("F");
        double kappa = c.scalar("kappa"), nth = c.scalar("nth");
        Qobj a = destroy(n), ad = a.dag();
        Qobj h = ad.times(a).times(delta).plus(ad.times(ad).times(a).times(a).times(chi)).plus(a.plus(ad).times(f));
        List<Qobj> cOps = List.of(a.times(Math.sqrt(kappa * (1 + nth))), ad.times(Math.sqrt(kappa * nth)));
        Qobj x0 = Qobj.of(DenseMatrix.of(n, n, c.complexes("X0")), Dims.oper(n));
        double[] t = c.reals("tlist");
        List<Qobj> eOps = List.of(ad, ad.times(a), a.plus(ad));
        Result r = mesolve(h, x0, t, cOps, eOps, TIGHT);
        // the reference's own error is max_abs_diff_tighter (~3e-11); ours is of the same order
        double tol = 1e-8;
        for (int k = 0; k < eOps.size(); k++) {
            double[] want = c.complexes("expect_" + k), got = r.expectComplex(k);
            assertEquals(want.length, got.length);
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], got[i], tol, "e-op " + k + ", value " + i / 2 + (i % 2 == 0 ? " re" : " im"));
            }
            final int kk = k;
            String m = assertThrows(IllegalArgumentException.class, () -> r.expect(kk)).getMessage();
            assertTrue(m.contains("expectComplex(" + k + ")") && m.contains("not Hermitian"), m);
        }
        // a Hermitian e-op sees a visible imaginary part, which was dropped before
        assertTrue(Math.abs(r.expectComplex(1)[2 * 4 + 1]) > 0.05, "Im <a^dag a>(t = 2)");
    }

    @Test
    void aHermitianEOpOnAHermitianStateIsRealWhateverTheSolver() {
        Qobj a = destroy(6), ad = a.dag();
        Qobj h = ad.times(a).plus(a.plus(ad).times(0.3));
        double[] t = linspace(0, 2, 5);
        Result me = mesolve(h, coherentDm(6, 0.5), t, List.of(a.times(0.4)), List.of(ad.times(a), a), TIGHT);
        Result se = sesolve(h, coherent(6, 0.5), t, List.of(ad.times(a), a), TIGHT);
        for (Result r : List.of(me, se)) {
            double[] z = r.expectComplex(0);
            for (int i = 1; i < z.length; i += 2) {
                assertEquals(0.0, z[i], 0, "Hermitian e-op on a Hermitian state: imaginary part zero");
            }
            double[] re = new double[z.length / 2];
            for (int i = 0; i < re.length; i++) {
                re[i] = z[2 * i];
            }
            assertArrayEquals(re, r.expect(0), 0);
            // <a> is complex under this H: refused by expect, kept by expectComplex
            assertThrows(IllegalArgumentException.class, () -> r.expect(1));
            assertTrue(Math.abs(r.expectComplex(1)[2 * 4 + 1]) > 0.1);
        }
    }

    @Test
    void aNonHermitianEOpWhoseValuesAreRealIsReal() {
        // <a>(t) = alpha e^{-kappa t / 2}: real for H = 0 and real alpha, though a is not Hermitian
        Qobj a = destroy(20);
        double alpha = 0.7, kappa = 0.5;
        double[] t = linspace(0, 3, 7);
        Result r = mesolve(qeye(20).times(0), coherentDm(20, alpha), t, List.of(a.times(Math.sqrt(kappa))), List.of(a), TIGHT);
        double[] e = r.expect(0);
        for (int i = 0; i < t.length; i++) {
            assertEquals(alpha * Math.exp(-kappa * t[i] / 2), e[i], 1e-8, "t = " + t[i]);
        }
        Complex z0 = expectComplex(a, coherentDm(20, alpha));
        assertEquals(z0.re(), e[0], 1e-12);
    }
}
