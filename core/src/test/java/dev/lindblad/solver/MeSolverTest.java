package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Complex;
import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.testing.Reference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MeSolverTest {

    private static final SolverOptions TIGHT = SolverOptions.defaults().withAtol(1e-11).withRtol(1e-9);

    /** T1: <σz>(t) = 2 e^{-γ t} - 1 from the excited state, with either right-hand side. */
    @ParameterizedTest
    @ValueSource(strings = {"liouvillian", "products"})
    void qubitT1Decay(String rhs) {
        double gamma = 0.4;
        double[] t = linspace(0, 8, 33);
        Result r = mesolve(sigmaz().times(0.5), basis(2, 0), t, List.of(sigmam().times(Math.sqrt(gamma))),
                List.of(sigmaz()), TIGHT.withRhs(rhs));
        for (int i = 0; i < t.length; i++) {
            assertEquals(2 * Math.exp(-gamma * t[i]) - 1, r.expect(0)[i], 1e-7, "t=" + t[i]);
        }
        assertTrue(r.stats().rhs().startsWith(rhs), r.stats().rhs());
    }

    /** T2: pure dephasing c = sqrt(γφ/2) σz decays <σx> as e^{-γφ t} while the populations stay. */
    @Test
    void qubitT2Dephasing() {
        double gphi = 0.3;
        Qobj plus = basis(2, 0).plus(basis(2, 1)).unit();
        double[] t = linspace(0, 6, 25);
        Result r = mesolve(qeye(2).times(0.0), plus, t, List.of(sigmaz().times(Math.sqrt(gphi / 2))),
                List.of(sigmax(), sigmaz()), TIGHT);
        for (int i = 0; i < t.length; i++) {
            assertEquals(Math.exp(-gphi * t[i]), r.expect(0)[i], 1e-7);
            assertEquals(0, r.expect(1)[i], 1e-10);
        }
    }

    /** Damped coherent state: <a>(t) = α e^{-iωt - κt/2}, <n>(t) = |α|² e^{-κt}. */
    @Test
    void dampedCoherentState() {
        int n = 25;
        double w = 1.3, kappa = 0.5;
        Complex alpha = Complex.of(1.2, 0.4);
        Qobj a = destroy(n);
        double[] t = linspace(0, 5, 21);
        Result r = mesolve(num(n).times(w), coherent(n, alpha), t, List.of(a.times(Math.sqrt(kappa))),
                List.of(a, num(n)), TIGHT);
        double[] ac = r.expectComplex(0), nn = r.expect(1);
        for (int i = 0; i < t.length; i++) {
            Complex exact = alpha.times(Complex.polar(Math.exp(-kappa * t[i] / 2), -w * t[i]));
            assertEquals(exact.re(), ac[2 * i], 1e-6, "Re<a> t=" + t[i]);
            assertEquals(exact.im(), ac[2 * i + 1], 1e-6, "Im<a> t=" + t[i]);
            assertEquals(alpha.abs2() * Math.exp(-kappa * t[i]), nn[i], 1e-6, "<n> t=" + t[i]);
        }
    }

    /** A damped oscillator in a thermal bath relaxes to the Gibbs state of mean occupation n_th. */
    @Test
    void thermalisationToGibbsState() {
        int n = 20;
        double kappa = 1.0, nth = 0.4;
        Qobj a = destroy(n);
        List<Qobj> c = List.of(a.times(Math.sqrt(kappa * (1 + nth))), a.dag().times(Math.sqrt(kappa * nth)));
        Result r = mesolve(num(n), fock(n, 3), new double[] {0, 30}, c, List.of(num(n)), TIGHT);
        assertEquals(nth, r.expect(0)[1], 1e-6);
        Qobj gibbs = thermalDm(n, nth);
        assertTrue(r.finalState().isClose(gibbs, 1e-6), "final state is not the Gibbs state");
    }

    /** A time-dependent rate γ(t) = γ0(1 + sin t): populations follow exp(-γ0 (t + 1 - cos t)). */
    @Test
    void timeDependentCollapseOperator() {
        double g0 = 0.3;
        QobjEvo c = QobjEvo.of(sigmam().times(0.0)).plus(sigmam(), s -> Math.sqrt(g0 * (1 + Math.sin(s))));
        double[] t = linspace(0, 6, 13);
        for (String rhs : List.of("liouvillian", "products")) {
            Result r = mesolve(sigmaz(), basis(2, 0), t, List.of(c), List.of(sigmam().dag().times(sigmam())),
                    TIGHT.withRhs(rhs));
            for (int i = 0; i < t.length; i++) {
                assertEquals(Math.exp(-g0 * (t[i] + 1 - Math.cos(t[i]))), r.expect(0)[i], 1e-7, rhs + " t=" + t[i]);
            }
        }
    }

    /** A Liouvillian given in place of the Hamiltonian gives the same evolution. */
    @Test
    void liouvillianInput() {
        Qobj h = sigmax().times(0.8);
        List<Qobj> c = List.of(sigmam().times(0.5));
        double[] t = linspace(0, 4, 9);
        Result a = mesolve(h, basis(2, 0), t, c, List.of(sigmaz()), TIGHT);
        Result b = mesolve(liouvillian(h, c), basis(2, 0), t, List.of(), List.of(sigmaz()), TIGHT);
        for (int i = 0; i < t.length; i++) {
            assertEquals(a.expect(0)[i], b.expect(0)[i], 1e-8);
        }
    }

    /** Krylov and eigen-decomposition propagation of the Liouvillian agree with adaptive integration. */
    @ParameterizedTest
    @ValueSource(strings = {"krylov", "diag"})
    void exactMethodsMatchAdaptive(String method) {
        Qobj h = sigmax().times(0.8).plus(sigmaz().times(0.2));
        List<Qobj> c = List.of(sigmam().times(0.5), sigmaz().times(0.2));
        double[] t = linspace(0, 4, 9);
        Result a = mesolve(h, basis(2, 1), t, c, List.of(sigmaz(), sigmax()), TIGHT);
        Result k = mesolve(h, basis(2, 1), t, c, List.of(sigmaz(), sigmax()), TIGHT.withMethod(method));
        assertEquals(method, k.stats().method());
        for (int i = 0; i < t.length; i++) {
            assertEquals(a.expect(0)[i], k.expect(0)[i], 1e-7);
            assertEquals(a.expect(1)[i], k.expect(1)[i], 1e-7);
        }
    }

    /** A ket with no collapse operators is evolved by the Schrödinger equation, as in QuTiP. */
    @Test
    void ketWithoutDissipationUsesSchrodinger() {
        Result r = mesolve(sigmax(), basis(2, 0), linspace(0, 1, 3), List.of(), List.of());
        assertEquals("schrodinger", r.stats().rhs());
        assertTrue(r.finalState().isKet());
    }

    @Test
    void autoChoiceIsRecorded() {
        Result r = mesolve(sigmax(), basis(2, 0), linspace(0, 1, 3), List.of(sigmam()), List.of(sigmaz()));
        assertTrue(r.stats().rhs().contains("auto"), r.stats().rhs());
    }

    @Test
    void jaynesCummingsThermalMatchesQutip() {
        Reference.Case c = Reference.load("evolution").get("jc_thermal");
        int n = (int) c.scalar("N");
        double wc = c.scalar("wc"), wa = c.scalar("wa"), g = c.scalar("g");
        double kappa = c.scalar("kappa"), gamma = c.scalar("gamma"), nth = c.scalar("nth");
        Qobj a = tensor(destroy(n), qeye(2));
        Qobj sm = tensor(qeye(n), sigmam());
        Qobj h = a.dag().times(a).times(wc).plus(sm.dag().times(sm).times(wa))
                .plus(a.dag().times(sm).plus(a.times(sm.dag())).times(g));
        Qobj hRef = Qobj.of(DenseMatrix.wrap(2 * n, 2 * n, c.complexes("H")), Dims.oper(n, 2));
        assertTrue(h.isClose(hRef, 1e-12), "Hamiltonian differs from the reference");
        List<Qobj> cOps = List.of(a.times(Math.sqrt(kappa * (1 + nth))), a.dag().times(Math.sqrt(kappa * nth)),
                sm.times(Math.sqrt(gamma)));
        double[] t = c.reals("tlist");
        for (String rhs : List.of("liouvillian", "products")) {
            Result r = mesolve(h, tensor(fock(n, 0), basis(2, 0)), t, cOps,
                    List.of(a.dag().times(a), sm.dag().times(sm)),
                    SolverOptions.defaults().withAtol(1e-12).withRtol(1e-10).withRhs(rhs));
            for (int k = 0; k < 2; k++) {
                double[] ref = c.reals("expect_" + k), got = r.expect(k);
                for (int i = 0; i < t.length; i++) {
                    assertEquals(ref[i], got[i], 1e-6, rhs + " e-op " + k + " at t=" + t[i]);
                }
            }
        }
    }

    @Test
    void dephasedDrivenQubitMatchesQutip() {
        Reference.Case c = Reference.load("evolution").get("driven_qubit_mesolve");
        double w0 = c.scalar("w0"), amp = c.scalar("A"), w = c.scalar("w"), gphi = c.scalar("gamma_phi");
        double[] t = c.reals("tlist");
        QobjEvo h = QobjEvo.of(sigmaz().times(0.5 * w0)).plus(sigmax().times(amp), s -> Math.cos(w * s));
        Result r = mesolve(h, basis(2, 0), t, List.of(sigmaz().times(Math.sqrt(gphi))),
                List.of(sigmax(), sigmay(), sigmaz()), SolverOptions.defaults().withAtol(1e-12).withRtol(1e-10));
        for (int k = 0; k < 3; k++) {
            double[] ref = c.reals("expect_" + k), got = r.expect(k);
            for (int i = 0; i < t.length; i++) {
                assertEquals(ref[i], got[i], 1e-6, "e-op " + k + " at t=" + t[i]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5})
    void dissipativeIsingChainMatchesQutip(int sites) {
        Reference.Case c = Reference.load("evolution").get("ising_chain_" + sites);
        double h = c.scalar("h"), j = c.scalar("J"), gamma = c.scalar("gamma");
        Qobj ham = null;
        List<Qobj> cOps = new ArrayList<>(), sz = new ArrayList<>();
        for (int i = 0; i < sites; i++) {
            Qobj zi = site(sigmaz(), i, sites);
            sz.add(zi);
            cOps.add(site(sigmam(), i, sites).times(Math.sqrt(gamma)));
            ham = ham == null ? zi.times(h) : ham.plus(zi.times(h));
        }
        for (int i = 0; i < sites - 1; i++) {
            ham = ham.plus(site(sigmax(), i, sites).times(site(sigmax(), i + 1, sites)).times(j));
        }
        Qobj[] down = new Qobj[sites];
        java.util.Arrays.fill(down, basis(2, 1));
        double[] t = c.reals("tlist");
        Result r = mesolve(ham, tensor(down), t, cOps, sz, SolverOptions.defaults().withAtol(1e-12).withRtol(1e-10));
        for (int k = 0; k < sites; k++) {
            double[] ref = c.reals("expect_" + k), got = r.expect(k);
            for (int i = 0; i < t.length; i++) {
                assertEquals(ref[i], got[i], 1e-6, "site " + k + " at t=" + t[i]);
            }
        }
    }

    /**
     * The size estimate that guards building the Liouvillian bounds it from above, and tightly
     * enough that the Ising chain at N = 8 (1.2 million entries) is built: the earlier bound
     * (nnz(c)^2 for c^†c) put it above the limit and sent it to the operator products.
     */
    @Test
    void liouvillianEstimateBoundsTheIsingChainTightly() {
        int sites = 8;
        Qobj ham = null;
        List<Qobj> cOps = new ArrayList<>();
        for (int i = 0; i < sites; i++) {
            Qobj zi = site(sigmaz(), i, sites).times(50);
            cOps.add(site(sigmam(), i, sites));
            ham = ham == null ? zi : ham.plus(zi);
        }
        for (int i = 0; i < sites - 1; i++) {
            ham = ham.plus(site(sigmax(), i, sites).times(site(sigmax(), i + 1, sites)).times(25));
        }
        MeSolver solver = new MeSolver(ham, cOps, SolverOptions.defaults());
        double estimate = solver.liouvillianEstimate();
        long actual = solver.liouvillianSuperoperator().data().nnz();
        assertTrue(estimate >= actual, estimate + " < " + actual);
        assertTrue(estimate <= 2 * actual, estimate + " > 2 * " + actual);
        assertTrue(estimate < MeSolver.LIOUVILLIAN_LIMIT);
    }

    private static Qobj site(Qobj op, int i, int n) {
        Qobj[] f = new Qobj[n];
        java.util.Arrays.fill(f, qeye(2));
        f[i] = op;
        return tensor(f);
    }

    @Test
    void badInput() {
        // a superoperator initial state is propagator evolution since issue #15; an operator-ket is not a state
        var e = assertThrows(IllegalArgumentException.class, () -> mesolve(sigmax(), operatorToVector(sigmax()),
                new double[] {0, 1}, List.of(sigmam()), List.of()));
        assertTrue(e.getMessage().contains("OPERATOR_KET"), e.getMessage());
        var d = assertThrows(dev.lindblad.DimensionMismatchException.class,
                () -> mesolve(sigmax(), basis(2, 0), new double[] {0, 1}, List.of(destroy(3)), List.of()));
        assertTrue(d.getMessage().contains("[[3], [3]]"), d.getMessage());
    }

    /**
     * A Hermitian state takes the half-cost right-hand side (recorded in the stats); a
     * non-Hermitian operator, as in correlation functions, the full one: |0><1| of a decaying
     * qubit evolves as e^{-i w t - gamma t / 2} |0><1| (the upper level is basis 0).
     */
    @Test
    void hermitianHalfProductOnlyForHermitianStates() {
        double w = 2.0, gamma = 0.3;
        double[] t = linspace(0, 4, 9);
        SolverOptions o = TIGHT.withRhs("liouvillian").withStoreStates(true);
        Result herm = mesolve(sigmaz().times(w / 2), basis(2, 0), t, List.of(sigmam().times(Math.sqrt(gamma))),
                List.of(sigmaz()), o);
        assertTrue(herm.stats().rhs().contains("Hermitian"), herm.stats().rhs());
        Qobj coherence = basis(2, 0).times(basis(2, 1).dag());
        Result off = mesolve(sigmaz().times(w / 2), coherence, t, List.of(sigmam().times(Math.sqrt(gamma))),
                List.of(), o);
        assertFalse(off.stats().rhs().contains("Hermitian"), off.stats().rhs());
        for (int i = 0; i < t.length; i++) {
            Complex expected = Complex.of(Math.cos(w * t[i]), -Math.sin(w * t[i])).times(Math.exp(-gamma * t[i] / 2));
            Complex got = off.states().get(i).get(0, 1);
            assertEquals(expected.re(), got.re(), 1e-8, "t=" + t[i]);
            assertEquals(expected.im(), got.im(), 1e-8, "t=" + t[i]);
            assertEquals(0, off.states().get(i).get(1, 0).abs(), 1e-12);
        }
    }

    /**
     * The Liouvillian of a dissipative spin chain is kept in slices of eight rows (shown in the
     * stats); its products have the sums of the CSR split, so the whole solution has the same
     * bits with the slices turned off ({@code lindblad.sliced=false}).
     */
    @Test
    void slicedStorageGivesTheBitsOfTheCsrSplit() {
        int spins = 4;
        Qobj h = null;
        List<Qobj> c = new ArrayList<>();
        for (int i = 0; i < spins; i++) {
            Qobj[] f = new Qobj[spins];
            java.util.Arrays.fill(f, qeye(2));
            f[i] = sigmax();
            Qobj x = tensor(f);
            f[i] = sigmam();
            c.add(tensor(f).times(0.3));
            f[i] = sigmaz();
            Qobj z = tensor(f).times(1.0 + 0.1 * i);
            h = h == null ? z.plus(x.times(0.4)) : h.plus(z).plus(x.times(0.4));
        }
        Qobj[] up = new Qobj[spins];
        java.util.Arrays.fill(up, basis(2, 0));
        Qobj psi0 = tensor(up);
        double[] t = linspace(0, 3, 7);
        SolverOptions o = SolverOptions.defaults().withRhs("liouvillian");
        Qobj sz0 = tensor(sigmaz(), qeye(2), qeye(2), qeye(2));
        Result sliced = mesolve(h, psi0, t, c, List.of(sz0), o);
        assertTrue(sliced.stats().rhs().contains("storage: sliced-split"), sliced.stats().rhs());
        Result split;
        System.setProperty("lindblad.sliced", "false");
        try {
            split = mesolve(h, psi0, t, c, List.of(sz0), o);
        } finally {
            System.clearProperty("lindblad.sliced");
        }
        assertTrue(split.stats().rhs().contains("storage: split-csr"), split.stats().rhs());
        assertArrayEquals(split.expect(0), sliced.expect(0));
        assertEquals(split.stats().steps(), sliced.stats().steps());
        assertTrue(sliced.expect(0)[6] < sliced.expect(0)[0], "the spins decay");
    }

    /** The half-cost right-hand side equals the full one, and falls back to it at complex coefficients. */
    @Test
    void hermitianRightHandSideMatchesTheFullOne() {
        int n = 6;
        Qobj a = destroy(n);
        Qobj l0 = liouvillian(a.plus(a.dag()).times(0.5), List.of(a.times(0.7)));
        Qobj l1 = liouvillian(a.dag().times(a), List.of());
        java.util.Random rng = new java.util.Random(3);
        double[] y = new double[2 * n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                double re = rng.nextGaussian(), im = i == j ? 0 : rng.nextGaussian();
                y[2 * (i + n * j)] = re;
                y[2 * (i + n * j) + 1] = im;
                y[2 * (j + n * i)] = re;
                y[2 * (j + n * i) + 1] = -im;
            }
        }
        for (dev.lindblad.Coefficient f : List.<dev.lindblad.Coefficient>of(s -> Complex.of(Math.cos(s), 0),
                s -> Complex.of(Math.cos(s), s > 1 ? 0.5 : 0))) {
            SuperGenerator g = new SuperGenerator(l0.data(), List.of(new SuperGenerator.Term(l1.data(), f)));
            dev.lindblad.ode.OdeSystem half = g.hermitian(n);
            assertNotNull(half);
            for (double time : new double[] {0.3, 2.0}) {
                double[] full = new double[y.length], got = new double[y.length];
                g.apply(time, y, full);
                half.apply(time, y, got);
                assertArrayEquals(full, got, 1e-13, "t=" + time);
            }
        }
        SuperGenerator broken = new SuperGenerator(liouvillian(a, List.of()).data(), List.of());
        assertNull(broken.hermitian(n), "a non-Hermitian Hamiltonian does not preserve Hermiticity");
    }
}
