package dev.lindblad;

import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.data.DenseMatrix;
import dev.lindblad.testing.Reference;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Phase-space distributions and tensor index functions (issue #15) against QuTiP
 * (reference/make_phasespace.py) and closed forms; cases ported from qutip/tests/test_wigner.py
 * and qutip/tests/core/test_tensor.py.
 */
class PhaseSpaceTest {

    private static final Reference REF = Reference.load("phasespace");

    static Qobj state(Reference.Case c, String key) {
        int r = c.rows(key), k = c.cols(key);
        Dims d = k == 1 ? Dims.ket(r) : Dims.oper(r);
        return Qobj.of(DenseMatrix.of(r, k, c.complexes(key)), d);
    }

    static void assertGrid(Reference.Case c, String key, double[][] got, double tol) {
        double[] v = c.reals(key);
        int rows = c.rows(key), cols = c.cols(key);
        assertEquals(rows, got.length, c.name() + " " + key + " rows");
        for (int i = 0; i < rows; i++) {
            assertEquals(cols, got[i].length);
            for (int j = 0; j < cols; j++) {
                assertEquals(v[i + j * rows], got[i][j], tol, c.name() + " " + key + " at [" + i + "][" + j + "]");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"phasespace", "phasespace5"})
    void wignerMethodsMatchQutip(String file) {
        Reference ref = Reference.load(file);
        int n = 0;
        for (String name : ref.cases()) {
            if (!name.startsWith("wigner_") || name.equals("wigner_fock40")) {
                continue;
            }
            Reference.Case c = ref.get(name);
            Qobj s = state(c, "state");
            double[] x = c.reals("xvec"), p = c.reals("pvec");
            double g = c.scalar("g");
            for (String method : List.of("clenshaw", "iterative", "laguerre")) {
                assertGrid(c, method, Wigner.wigner(s, x, p, method, g), 1e-13);
                // a bra gives the ket's function
                if (s.isKet()) {
                    assertGrid(c, method, Lindblad.wigner(s.dag(), x, p, method, g), 1e-13);
                }
            }
            n++;
        }
        assertEquals(4, n);
        // the default g and method: the existing wigner(state, x, p)
        Reference.Case c = ref.get("wigner_dm6_gsqrt2");
        assertGrid(c, "clenshaw", Lindblad.wigner(state(c, "state"), c.reals("xvec"), c.reals("pvec"), "iterative"), 1e-13);
    }

    @ParameterizedTest
    @ValueSource(strings = {"phasespace", "phasespace5"})
    void wignerFftMatchesQutipIncludingItsPGrid(String file) {
        Reference ref = Reference.load(file);
        for (String name : List.of("wignerfft_ket5_gsqrt2", "wignerfft_ket5_g1p3", "wignerfft_dm6_gsqrt2",
                "wignerfft_dm6_g1p3")) {
            Reference.Case c = ref.get(name);
            Wigner.FftResult r = Lindblad.wignerFft(state(c, "state"), c.reals("xvec"), c.scalar("g"));
            assertArrayEquals(c.reals("pvec"), r.pvec(), 1e-12, name + " pvec");
            assertGrid(c, "w", r.w(), 1e-12);
        }
    }

    /** Ported from test_wigner.py's test_wigner_offset_consistency: an offset is the state embedded higher. */
    @Test
    void wignerOffsetEmbedsTheState() {
        double[] x = Lindblad.linspace(-4, 4, 9), p = Lindblad.linspace(-3, 3, 7);
        Qobj rho = RandomObjects.randDm(6, 31);
        for (String method : List.of("clenshaw", "iterative", "laguerre")) {
            // row k of the 6-level state is Fock k + 4: the same as the 10-level state with zeros below
            double[][] w = Lindblad.wigner(rho, x, p, method, Math.sqrt(2), 4);
            double[] big = new double[2 * 100];
            double[] a = rho.toArray();
            for (int c = 0; c < 6; c++) {
                for (int r = 0; r < 6; r++) {
                    big[2 * ((r + 4) + (c + 4) * 10)] = a[2 * (r + c * 6)];
                    big[2 * ((r + 4) + (c + 4) * 10) + 1] = a[2 * (r + c * 6) + 1];
                }
            }
            double[][] ref = Wigner.wigner(Qobj.of(DenseMatrix.of(10, 10, big), Dims.oper(10)), x, p, method);
            for (int i = 0; i < p.length; i++) {
                assertArrayEquals(ref[i], w[i], 1e-14, method);
            }
            // a Fock state with offset: |2> in a space starting at 10 is Fock 12, the Laguerre closed form
            double[][] f = Lindblad.wigner(States.basis(4, 2), x, p, method, Math.sqrt(2), 10);
            double r2 = x[6] * x[6] + p[1] * p[1];
            assertEquals(Math.exp(-r2) * Wigner.laguerre(12, 0, 2 * r2) / Math.PI, f[1][6], 1e-13, method);
        }
        assertThrows(IllegalArgumentException.class, () -> Wigner.wigner(rho, x, p, "fft", Math.sqrt(2), 2));
        assertThrows(IllegalArgumentException.class, () -> Wigner.wigner(rho, x, p, "clenshaw", Math.sqrt(2), -1));
    }

    /** Ported from test_wigner.py's test_wigner_fft_comparse_ket/_dm: fft on its grid equals the series. */
    @Test
    void wignerFftAgreesWithIterativeOnItsOwnGrid() {
        double[] x = Lindblad.linspace(-10, 10, 128);
        for (Qobj s : List.of(RandomObjects.randKet(20, 11), RandomObjects.randDm(20, 12))) {
            Wigner.FftResult r = Wigner.wignerFft(s, x);
            double[][] w = Wigner.wigner(s, x, r.pvec(), "iterative");
            double sum = 0;
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < x.length; j++) {
                    sum += Math.abs(w[i][j] - r.w()[i][j]);
                }
            }
            assertTrue(sum < 1e-7, "sum |W_fft - W| = " + sum);
        }
    }

    /** Ported from test_wigner.py's test_spin_wigner_overlap: ∫ W_a W_b dΩ = tr(rho_a rho_b). */
    @Test
    void spinWignerOverlapIsTheTraceOfTheProduct() {
        int nt = 160, np = 320;
        double[] t = new double[nt], f = new double[np];
        for (int k = 0; k < nt; k++) {
            t[k] = (k + 0.5) * Math.PI / nt;
        }
        for (int k = 0; k < np; k++) {
            f[k] = -Math.PI + (k + 0.5) * 2 * Math.PI / np;
        }
        for (int d : new int[] {2, 3, 4, 5}) {
            Qobj a = RandomObjects.randDm(d, 100 + d), b = RandomObjects.randDm(d, 200 + d);
            double[][] wa = Lindblad.spinWigner(a, t, f), wb = Lindblad.spinWigner(b, t, f);
            double overlap = 0;
            for (int i = 0; i < np; i++) {
                for (int k = 0; k < nt; k++) {
                    overlap += wa[i][k] * wb[i][k] * Math.sin(t[k]) * (Math.PI / nt) * (2 * Math.PI / np);
                }
            }
            assertEquals(a.times(b).tr().re(), overlap, 1e-4, "d = " + d);
        }
    }

    /** Ported from test_wigner.py's test_large_size: Fock components near 170 (where QuTiP switches to Stirling). */
    @Test
    void qfuncOfLargeFockComponentsMatchesLogSpaceSum() {
        double[] amp = new double[2 * 200];
        amp[2 * 155] = 1;
        amp[2 * 165 + 1] = 1;
        amp[2 * 175 + 1] = -1;
        Qobj s = Qobj.of(DenseMatrix.of(200, 1, amp), Dims.ket(200));
        double[] xs = Lindblad.linspace(0, 30, 31);
        double[][] q = Lindblad.qfunc(s, xs, xs);
        double[] lnF = new double[201];
        for (int k = 1; k <= 200; k++) {
            lnF[k] = lnF[k - 1] + Math.log(k);
        }
        double g = Math.sqrt(2);
        for (int i = 0; i < xs.length; i += 5) {
            for (int j = 0; j < xs.length; j += 5) {
                double ar = g * xs[j] / 2, ai = g * xs[i] / 2, mod2 = ar * ar + ai * ai;
                if (mod2 == 0) {
                    assertEquals(0, q[i][j], 1e-300);
                    continue;
                }
                double lnMod = 0.5 * Math.log(mod2), th = Math.atan2(ai, ar);
                // <α|psi> = Σ c_n e^{-|α|²/2} conj(α)^n / √n!
                double sr = 0, si = 0;
                int[] ns = {155, 165, 175};
                double[][] c = {{1, 0}, {0, 1}, {0, -1}};
                for (int k = 0; k < 3; k++) {
                    int n = ns[k];
                    double mag = Math.exp(-mod2 / 2 + n * lnMod - 0.5 * lnF[n]);
                    double cr = mag * Math.cos(-n * th), ci = mag * Math.sin(-n * th);
                    sr += cr * c[k][0] - ci * c[k][1];
                    si += cr * c[k][1] + ci * c[k][0];
                }
                double exact = (sr * sr + si * si) * g * g / 4 / Math.PI;
                assertEquals(exact, q[i][j], 1e-10 * Math.max(exact, 1e-300), "at " + xs[j] + ", " + xs[i]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"phasespace", "phasespace5"})
    void wignerOfFockStatesIsTheLaguerreClosedForm(String file) {
        Reference ref = Reference.load(file);
        // W_n(x, p) = (-1)^n e^{-r²} L_n(2 r²) / π for g = √2
        double[] x = Lindblad.linspace(-4, 4, 9), p = Lindblad.linspace(-3, 3, 7);
        for (int n : new int[] {0, 1, 3, 7}) {
            Qobj fock = States.basis(12, n);
            for (String method : List.of("clenshaw", "iterative", "laguerre")) {
                double[][] w = Wigner.wigner(fock, x, p, method);
                for (int i = 0; i < p.length; i++) {
                    for (int j = 0; j < x.length; j++) {
                        double r2 = x[j] * x[j] + p[i] * p[i];
                        double exact = ((n & 1) == 0 ? 1 : -1) * Math.exp(-r2) * Wigner.laguerre(n, 0, 2 * r2) / Math.PI;
                        assertEquals(exact, w[i][j], 1e-13, method + " n=" + n);
                    }
                }
            }
        }
        // QuTiP's fock 40 in N = 60, clenshaw
        Reference.Case c = ref.get("wigner_fock40");
        double[] xs = c.reals("xvec");
        assertGrid(c, "w", Wigner.wigner(States.basis(60, 40), xs, xs, "clenshaw"), 1e-12);
    }

    @Test
    void wignerIntegratesToOneAndMethodsAgreeOnACoherentState() {
        // ported from test_wigner.py: ∫∫ W dx dp = 1 for a coherent state; methods agree
        Qobj psi = States.coherent(20, new Complex(0.7, -0.4));
        double[] x = Lindblad.linspace(-6, 6, 121);
        double[][] w = Wigner.wigner(psi, x, x, "iterative");
        double[][] wl = Wigner.wigner(psi, x, x, "laguerre");
        double[][] wc = Wigner.wigner(psi, x, x, "clenshaw");
        double dx = x[1] - x[0], sum = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                sum += w[i][j] * dx * dx;
                assertEquals(wc[i][j], w[i][j], 1e-12);
                assertEquals(wc[i][j], wl[i][j], 1e-12);
            }
        }
        assertEquals(1, sum, 1e-6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"phasespace", "phasespace5"})
    void qfuncMatchesQutipAndTheCoherentClosedForm(String file) {
        Reference ref = Reference.load(file);
        for (String name : ref.cases()) {
            if (name.startsWith("qfunc_")) {
                Reference.Case c = ref.get(name);
                assertGrid(c, "q", Lindblad.qfunc(state(c, "state"), c.reals("xvec"), c.reals("yvec"), c.scalar("g")),
                        1e-14);
            }
        }
        // Q of |β>: e^{-|α-β|²}/(2π) for g = √2 (α = (x + i y)/√2)
        Complex beta = new Complex(1.1, -0.6);
        double[] x = Lindblad.linspace(-3, 4, 8), y = Lindblad.linspace(-3, 2, 6);
        double[][] q = Lindblad.qfunc(States.coherent(40, beta), x, y);
        double[][] qd = Lindblad.qfunc(States.coherentDm(40, beta), x, y);
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < x.length; j++) {
                double dr = x[j] / Math.sqrt(2) - beta.re(), di = y[i] / Math.sqrt(2) - beta.im();
                double exact = Math.exp(-(dr * dr + di * di)) / (2 * Math.PI);
                assertEquals(exact, q[i][j], 1e-12);
                assertEquals(exact, qd[i][j], 1e-12);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"phasespace", "phasespace5"})
    void spinDistributionsMatchQutip(String file) {
        Reference ref = Reference.load(file);
        for (String name : ref.cases()) {
            if (name.startsWith("spin_")) {
                Reference.Case c = ref.get(name);
                Qobj s = state(c, "state");
                assertGrid(c, "w", Lindblad.spinWigner(s, c.reals("theta"), c.reals("phi")), 1e-12);
                assertGrid(c, "q", Lindblad.spinQFunction(s, c.reals("theta"), c.reals("phi")), 1e-13);
            }
        }
    }

    @Test
    void spinCoherentQPeaksAtItsDirectionWithValueOne() {
        double j = 1.5, th = 0.8, ph = 1.9;
        Qobj scs = Lindblad.spinCoherent(j, th, ph);
        double[][] q = Lindblad.spinQFunction(scs, new double[] {th, th + 0.3, Math.PI - th}, new double[] {ph, ph + 1});
        assertEquals(1, q[0][0], 1e-12);
        // |<n|n'>|² = ((1 + n·n')/2)^{2j}
        double[] a = {Math.sin(th) * Math.cos(ph), Math.sin(th) * Math.sin(ph), Math.cos(th)};
        double[] thetas = {th, th + 0.3, Math.PI - th}, phis = {ph, ph + 1};
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 3; k++) {
                double[] b = {Math.sin(thetas[k]) * Math.cos(phis[i]), Math.sin(thetas[k]) * Math.sin(phis[i]),
                        Math.cos(thetas[k])};
                double dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
                assertEquals(Math.pow((1 + dot) / 2, 2 * j), q[i][k], 1e-12);
                assertTrue(q[i][k] <= q[0][0] + 1e-15);
            }
        }
        // normalisation of W: sqrt((2j+1)/(4π)) ∫ W sinθ dθ dφ = 1 (midpoint rule)
        int nt = 200, np = 200;
        double[] t = new double[nt], f = new double[np];
        for (int k = 0; k < nt; k++) {
            t[k] = (k + 0.5) * Math.PI / nt;
        }
        for (int k = 0; k < np; k++) {
            f[k] = (k + 0.5) * 2 * Math.PI / np;
        }
        double[][] w = Lindblad.spinWigner(scs, t, f);
        double[][] qq = Lindblad.spinQFunction(scs, t, f);
        double sw = 0, sq = 0;
        for (int i = 0; i < np; i++) {
            for (int k = 0; k < nt; k++) {
                double da = Math.sin(t[k]) * (Math.PI / nt) * (2 * Math.PI / np);
                sw += w[i][k] * da;
                sq += qq[i][k] * da;
            }
        }
        assertEquals(1, Math.sqrt((2 * j + 1) / (4 * Math.PI)) * sw, 1e-4);
        assertEquals(1, (2 * j + 1) / (4 * Math.PI) * sq, 1e-4);
    }

    @Test
    void badInputIsRefusedClearly() {
        double[] x = {0, 1};
        Qobj psi = States.basis(3, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Wigner.wigner(psi, x, x, "magic"));
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Wigner.wigner(psi, x, x, "fft"));
        assertTrue(e.getMessage().contains("wignerFft"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Wigner.wignerFft(psi, new double[] {0, 1, 3}));
        assertTrue(e.getMessage().contains("evenly spaced"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Wigner.qfunc(psi.times(psi.dag()).times(2), x, x));
        assertTrue(e.getMessage().contains("trace"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Wigner.qfunc(Qobj.tensor(psi, States.basis(2, 0)), x, x));
        assertTrue(e.getMessage().contains("tensor structure"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Wigner.wigner(psi, x, x, "laguerre", -1));
        assertTrue(e.getMessage().contains("g must be positive"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Wigner.spinWigner(Superops.spre(Operators.sigmax()), x, x));
        assertTrue(e.getMessage().startsWith("spinWigner"), e.getMessage());
    }

    // ------------------------------------------------------------------ tensors

    @ParameterizedTest
    @ValueSource(strings = {"phasespace", "phasespace5"})
    void tensorContractOfIdentityIsScaledIdentity(String file) {
        Reference ref = Reference.load(file);
        Qobj q = Lindblad.tensorContract(Operators.qeye(2, 3, 4), new int[] {1, 4});
        assertEquals(Dims.oper(2, 4), q.dims());
        Reference.Case c = ref.get("contract_ident");
        assertArrayEquals(c.complexes("result"), q.toArray(), 0);
        // superoperators: the dims (ported from test_tensor_contract_ident)
        Qobj s = Superops.spre(Operators.qeye(2, 3, 4));
        Qobj sc = Lindblad.tensorContract(s, new int[] {1, 4}, new int[] {7, 10});
        assertEquals(Dims.superOf(Dims.oper(2, 4)), sc.dims());
    }

    @ParameterizedTest
    @ValueSource(strings = {"phasespace", "phasespace5"})
    void tensorContractMatchesQutip(String file) {
        Reference ref = Reference.load(file);
        Reference.Case abbc = ref.get("contract_abbc");
        Qobj q = Qobj.of(DenseMatrix.of(6, 12, abbc.complexes("data")), Dims.of(new int[] {2, 3}, new int[] {3, 4}));
        Qobj r = Tensors.tensorContract(q, new int[] {1, 2});
        assertEquals(Dims.of(new int[] {2}, new int[] {4}), r.dims());
        assertArrayEquals(abbc.complexes("result"), r.toArray(), 1e-12);

        Reference.Case abcb = ref.get("contract_abcb");
        q = Qobj.of(DenseMatrix.of(6, 12, abcb.complexes("data")), Dims.of(new int[] {2, 3}, new int[] {4, 3}));
        r = Tensors.tensorContract(q, new int[] {1, 3});
        assertArrayEquals(abcb.complexes("result"), r.toArray(), 1e-12);

        Dims d23 = Dims.oper(2, 3);
        Reference.Case s1 = ref.get("contract_super_02");
        Qobj sup = Qobj.of(DenseMatrix.of(36, 36, s1.complexes("data")), Dims.superOf(d23));
        r = Tensors.tensorContract(sup, new int[] {0, 2});
        assertEquals(Dims.superOf(Dims.oper(3), d23), r.dims(), s1.text("result_dims"));
        assertArrayEquals(s1.complexes("result"), r.toArray(), 1e-12);

        Reference.Case s2 = ref.get("contract_super_02_57");
        sup = Qobj.of(DenseMatrix.of(36, 36, s2.complexes("data")), Dims.superOf(d23));
        r = Tensors.tensorContract(sup, new int[] {0, 2}, new int[] {5, 7});
        assertEquals(Dims.superOf(Dims.oper(3), Dims.oper(2)), r.dims(), s2.text("result_dims"));
        assertArrayEquals(s2.complexes("result"), r.toArray(), 1e-12);

        // the column-stacking canary: out space [[2,2],[3,3]], in space [[2,3],[2,3]]
        Reference.Case s3 = ref.get("contract_super_weird");
        Dims to = Dims.of(new int[] {2, 2}, new int[] {3, 3});
        sup = Qobj.of(DenseMatrix.of(36, 36, s3.complexes("data")), Dims.superOf(to, d23));
        r = Tensors.tensorContract(sup, new int[] {0, 4});
        assertEquals(Dims.superOf(Dims.of(new int[] {2}, new int[] {3, 3}), Dims.of(new int[] {3}, new int[] {2, 3})),
                r.dims(), s3.text("result_dims"));
        assertArrayEquals(s3.complexes("result"), r.toArray(), 1e-12);
    }

    @Test
    void tensorContractRefusesBadPairs() {
        Qobj q = Operators.qeye(2, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensors.tensorContract(q, new int[] {0, 1}));
        assertTrue(e.getMessage().contains("sizes 2 and 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensors.tensorContract(q, new int[] {0, 9}));
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Tensors.tensorContract(q, new int[] {0, 2, 1}));
        assertTrue(e.getMessage().contains("two indices"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Tensors.tensorContract(q, new int[] {0, 2}, new int[] {2, 0}));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"phasespace", "phasespace5"})
    void expandOperatorMatchesQutip(String file) {
        Reference ref = Reference.load(file);
        Qobj cnot = Qobj.fromArray(new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 0, 1}, {0, 0, 1, 0}});
        cnot = Qobj.of(DenseMatrix.of(4, 4, cnot.toArray()), Dims.oper(2, 2));
        Qobj e = Lindblad.expandOperator(cnot, new int[] {2, 2, 2}, 2, 0);
        assertArrayEquals(ref.get("expand_cnot_20").complexes("result"), e.toArray(), 1e-15);
        assertEquals(Dims.oper(2, 2, 2), e.dims());

        Reference.Case c = ref.get("expand_345_20");
        Qobj u3 = Qobj.of(DenseMatrix.of(3, 3, c.complexes("u3")), Dims.oper(3));
        Qobj u5 = Qobj.of(DenseMatrix.of(5, 5, c.complexes("u5")), Dims.oper(5));
        Qobj ex = Tensors.expandOperator(Qobj.tensor(u5, u3), new int[] {3, 4, 5}, 2, 0);
        assertArrayEquals(c.complexes("result"), ex.toArray(), 1e-14);
        assertEquals(Dims.oper(3, 4, 5), ex.dims());
        // ported: a permutation without expansion is permute; a single target is I ⊗ A ⊗ I
        Qobj a = Operators.destroy(4);
        Qobj single = Tensors.expandOperator(a, new int[] {2, 4, 3}, 1);
        assertArrayEquals(Qobj.tensor(Operators.qeye(2), a, Operators.qeye(3)).toArray(), single.toArray(), 0);
        Qobj ab = Qobj.tensor(u3, Operators.destroy(2), u5);
        Qobj perm = Tensors.expandOperator(ab, new int[] {5, 3, 2}, 1, 2, 0);
        assertArrayEquals(ab.permute(2, 0, 1).toArray(), perm.toArray(), 1e-15);
    }

    @Test
    void expandOperatorRefusesBadTargets() {
        Qobj a = Operators.destroy(3);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Tensors.expandOperator(a, new int[] {2, 3}, 0)).getMessage().contains("do not match"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Tensors.expandOperator(a, new int[] {2, 3}, 2)).getMessage().contains("outside"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Tensors.expandOperator(a, new int[] {2, 3}, 1, 0)).getMessage().contains("targets"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Tensors.expandOperator(States.basis(3, 0), new int[] {3}, 0)).getMessage().contains("operator"));
    }
}
