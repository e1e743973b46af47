package dev.lindblad.heom;

import static dev.lindblad.Lindblad.basis;
import static dev.lindblad.Lindblad.destroy;
import static dev.lindblad.Lindblad.liouvillian;
import static dev.lindblad.Lindblad.sigmax;
import static dev.lindblad.Lindblad.sigmaz;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.testing.Reference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The HEOM solver against QuTiP 4.7's HEOMSolver (reference/heom.txt, made by
 * reference/make_heom.py): the spin-boson model with Drude–Lorentz (Matsubara, Padé, with the
 * terminator), underdamped and explicit baths, two baths, a driven system, the FMO complex,
 * fermionic leads; ADOs by label; steady states.
 */
class HeomSolverTest {

    static final Reference REF = Reference.load("heom");
    /** The references' tolerances (zvode at atol 1e-12, rtol 1e-10). */
    static final HeomOptions TIGHT = HeomOptions.defaults().withAtol(1e-12).withRtol(1e-10).withNsteps(1_000_000);

    static Qobj hamiltonian() {
        return sigmaz().times(0.25).plus(sigmax().times(0.5));
    }

    static Qobj p11() {
        return basis(2, 0).times(basis(2, 0).dag());
    }

    static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(worst <= tol, what + ": max |difference| " + worst + " > " + tol);
    }

    /** Runs and compares e-ops (P11, sx) and the final state with a reference case. */
    private static HeomResult check(String name, HeomSolver solver, double tol) {
        Reference.Case c = REF.get(name);
        assertEquals(c.ints("n_ados")[0], solver.ados().size(), name + ": number of ADOs");
        HeomResult r = solver.run(basis(2, 0), c.reals("tlist"), List.of(p11(), sigmax()));
        assertClose(c.reals("expect_0"), r.expect(0), tol, name + " P11");
        assertClose(c.reals("expect_1"), r.expect(1), tol, name + " sx");
        assertClose(c.complexes("final_state"), r.finalState().toArray(), tol, name + " final state");
        return r;
    }

    @Test
    void spinBosonMatsubaraDynamicsAndAdos() {
        Reference.Case c = REF.get("spin_boson_dl_matsubara");
        DrudeLorentzBath bath = new DrudeLorentzBath(sigmaz(), 0.1, 0.5, 0.5, 2);
        HeomSolver solver = new HeomSolver(hamiltonian(), List.of(bath), 5, TIGHT.withAdoReturn(true));
        HeomResult r = check("spin_boson_dl_matsubara", solver, 1e-8);
        HierarchyAdosState last = r.ados(r.times().length - 1);
        for (int i = 0; i < 4; i++) {
            int[] label = c.ints("ado_label_" + i);
            assertEquals(c.ints("ado_index_" + i)[0], solver.ados().idx(label), "index of ADO " + i);
            assertClose(c.complexes("ado_" + i), last.extract(label).toArray(), 1e-8, "ADO " + java.util.Arrays.toString(label));
        }
        assertClose(r.finalState().toArray(), last.rho().toArray(), 0, "ADO 0 is the system state");
    }

    @Test
    void spinBosonPadeDynamicsAndAdos() {
        Reference.Case c = REF.get("spin_boson_dl_pade");
        DrudeLorentzPadeBath bath = new DrudeLorentzPadeBath(sigmaz(), 0.1, 0.5, 0.5, 2);
        HeomSolver solver = new HeomSolver(hamiltonian(), List.of(bath), 5, TIGHT.withAdoReturn(true));
        HeomResult r = check("spin_boson_dl_pade", solver, 1e-8);
        for (int i = 0; i < 4; i++) {
            int[] label = c.ints("ado_label_" + i);
            assertClose(c.complexes("ado_" + i), r.ados(r.times().length - 1).extract(label).toArray(), 1e-8,
                    "ADO " + java.util.Arrays.toString(label));
        }
        // restart from the ADO state halfway: the same trajectory
        double[] t = c.reals("tlist");
        double[] second = java.util.Arrays.copyOfRange(t, 20, t.length);
        HeomResult rest = solver.run(r.ados(20), second, List.of(p11()));
        double[] whole = r.expect(0);
        assertClose(java.util.Arrays.copyOfRange(whole, 20, whole.length), rest.expect(0), 1e-8, "restart from ADOs");
    }

    @Test
    void terminatorUnderdampedTwoBathsAndExplicitExponents() {
        DrudeLorentzBath dl = new DrudeLorentzBath(sigmaz(), 0.1, 0.5, 0.5, 2);
        Qobj withTerminator = liouvillian(hamiltonian()).plus(dl.terminator().liouvillian());
        check("spin_boson_dl_terminator", new HeomSolver(withTerminator, List.of(dl), 5, TIGHT), 1e-8);

        UnderDampedBath ud = new UnderDampedBath(sigmaz(), 0.2, 0.2, 1.0, 0.5, 2);
        BathTest.assertExponents(REF.get("spin_boson_underdamped"), "", ud, 1e-13);
        check("spin_boson_underdamped", new HeomSolver(hamiltonian(), List.of(ud), 4, TIGHT), 1e-8);

        List<Bath> two = List.of(new DrudeLorentzBath(sigmaz(), 0.1, 0.5, 0.5, 1),
                new DrudeLorentzPadeBath(sigmax(), 0.05, 1.0, 0.5, 1));
        check("spin_boson_two_baths", new HeomSolver(hamiltonian(), two, 4, TIGHT), 1e-8);

        BosonicBath explicit = new BosonicBath(sigmaz(), BosonicBath.complex(new double[] {0.3, 0.05}, "ck"),
                BosonicBath.complex(new double[] {0.5, 3.0}, "vk"), BosonicBath.complex(new double[] {-0.05}, "ck"),
                BosonicBath.complex(new double[] {0.5}, "vk"), false, null);
        BathTest.assertExponents(REF.get("spin_boson_bosonic_bath"), "", explicit, 1e-15);
        check("spin_boson_bosonic_bath", new HeomSolver(hamiltonian(), List.of(explicit), 4, TIGHT), 1e-8);
    }

    @Test
    void timeDependentHamiltonian() {
        Reference.Case c = REF.get("spin_boson_driven");
        double amp = c.scalar("A");
        double wd = c.scalar("wd");
        QobjEvo h = QobjEvo.of(hamiltonian()).plus(sigmax(), t -> amp * Math.cos(wd * t));
        HeomSolver solver = new HeomSolver(h, List.of(new DrudeLorentzPadeBath(sigmaz(), 0.1, 0.5, 0.5, 1)), 4, TIGHT);
        HeomResult alone = check("spin_boson_driven", solver, 1e-8);
        // one solver, two runs at once (each evaluates the drive at its own times): the same bits
        java.util.concurrent.ConcurrentLinkedQueue<double[]> results = new java.util.concurrent.ConcurrentLinkedQueue<>();
        Runnable run = () -> results.add(solver.run(basis(2, 0), c.reals("tlist"), List.of(p11())).expect(0));
        Thread a = new Thread(run);
        Thread b = new Thread(run);
        a.start();
        b.start();
        try {
            a.join();
            b.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertEquals(2, results.size());
        for (double[] r : results) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(alone.expect(0), r);
        }
    }

    @Test
    void fmoDepthTwo() {
        Reference.Case c = REF.get("fmo_depth2");
        double[] h = c.reals("H");
        Qobj hamiltonian = Qobj.of(dev.lindblad.data.DenseMatrix.of(7, 7, interleave(h)));
        List<Bath> baths = new ArrayList<>();
        List<Qobj> pops = new ArrayList<>();
        for (int m = 0; m < 7; m++) {
            Qobj p = basis(7, m).times(basis(7, m).dag());
            pops.add(p);
            baths.add(new DrudeLorentzBath(p, c.scalar("lam"), c.scalar("gamma"), c.scalar("T"), 1));
        }
        HeomSolver solver = new HeomSolver(hamiltonian, baths, 2, TIGHT);
        assertEquals(c.ints("n_ados")[0], solver.ados().size());
        HeomResult r = solver.run(basis(7, 0), c.reals("tlist"), pops);
        for (int m = 0; m < 7; m++) {
            assertClose(c.reals("expect_" + m), r.expect(m), 1e-9, "population of site " + (m + 1));
        }
    }

    static double[] interleave(double[] real) {
        double[] z = new double[2 * real.length];
        for (int i = 0; i < real.length; i++) {
            z[2 * i] = real[i];
        }
        return z;
    }

    @Test
    void steadyStatesAsQutip() {
        for (String name : List.of("spin_boson_dl_matsubara", "spin_boson_dl_pade", "spin_boson_underdamped")) {
            Reference.Case c = REF.get(name);
            Bath bath = switch (name) {
                case "spin_boson_dl_matsubara" -> new DrudeLorentzBath(sigmaz(), 0.1, 0.5, 0.5, 2);
                case "spin_boson_dl_pade" -> new DrudeLorentzPadeBath(sigmaz(), 0.1, 0.5, 0.5, 2);
                default -> new UnderDampedBath(sigmaz(), 0.2, 0.2, 1.0, 0.5, 2);
            };
            HeomSolver solver = new HeomSolver(hamiltonian(), List.of(bath), c.ints("depth")[0], TIGHT);
            HeomSteadyState ss = solver.steadyState();
            assertEquals("direct (sparse LU, AMD)", ss.method());    // no native backend on this class path
            assertTrue(ss.residual() < 1e-12, name + " residual " + ss.residual());
            assertClose(c.complexes("steady_rho"), ss.rho().toArray(), 1e-10, name + " steady state");
            assertEquals(1, ss.rho().tr().re(), 1e-13);
            // the derivative of the steady hierarchy vanishes (the trace row aside, every equation)
            double[] y = ss.ados().toArray();
            double[] dy = new double[y.length];
            solver.applyGenerator(0, y, dy);
            double worst = 0;
            for (int i = 2; i < dy.length; i++) {
                worst = Math.max(worst, Math.abs(dy[i]));
            }
            assertTrue(worst < 1e-12, name + ": |d/dt steady hierarchy| = " + worst);
            // GMRES (ILU-preconditioned) finds the same state
            HeomSteadyState it = new HeomSolver(hamiltonian(), List.of(bath), c.ints("depth")[0],
                    TIGHT.withSteadyStateMethod("iterative-gmres")).steadyState();
            assertEquals("iterative-gmres", it.method());
            assertClose(ss.rho().toArray(), it.rho().toArray(), 1e-9, name + " GMRES steady state");
        }
        // the dynamics reaches the steady state
        DrudeLorentzPadeBath pade = new DrudeLorentzPadeBath(sigmaz(), 0.1, 0.5, 0.5, 2);
        HeomSolver solver = new HeomSolver(hamiltonian(), List.of(pade), 5, HeomOptions.defaults().withAtol(1e-10).withRtol(1e-8));
        HeomResult late = solver.run(basis(2, 0), dev.lindblad.Lindblad.linspace(0, 400, 41), List.of(p11()));
        assertEquals(REF.get("spin_boson_dl_pade").scalar("steady_expect_0"), late.expect(0)[40], 1e-7);
    }

    /** The current into lead {@code tag}: {@code -i sum_{level-1 ADOs of the lead} sign tr(A rho_k)}. */
    static Complex current(HierarchyAdosState state, String tag) {
        HierarchyAdos ados = state.ados();
        Complex total = Complex.ZERO;
        for (int[] label : ados.filter(java.util.Collections.singletonList(null), List.of(tag))) {
            BathExponent e = ados.exps(label).get(0);
            boolean plus = e.type() == BathExponent.Type.PLUS;
            Qobj a = plus ? e.Q() : e.Q().dag();
            Complex tr = a.times(state.extract(label)).tr();
            total = plus ? total.plus(tr) : total.minus(tr);
        }
        return Complex.of(0, -1).times(total);
    }

    /** The Landauer current of the single impurity, {@code (1/2pi) int T(w) (f_L - f_R) dw}, by adaptive Simpson. */
    static double landauer(double e1, double gamma, double width, double temperature, double muL, double muR) {
        java.util.function.DoubleUnaryOperator g = w -> 0;
        java.util.function.DoubleUnaryOperator integrand = w -> {
            double gl = gamma * width * width / ((w - muL) * (w - muL) + width * width);
            double gr = gamma * width * width / ((w - muR) * (w - muR) + width * width);
            double shift = (w - muL) * gl / (2 * width) + (w - muR) * gr / (2 * width);
            double fl = 1 / (Math.exp((w - muL) / temperature) + 1);
            double fr = 1 / (Math.exp((w - muR) / temperature) + 1);
            double d = w - e1 - shift;
            return gl * gr * (fl - fr) / (((gl + gr) / 2) * ((gl + gr) / 2) + d * d) / (2 * Math.PI);
        };
        double total = 0;
        // the integrand is negligible outside the bias window widened by 40 T; the resonance near e1 is resolved
        // by the adaptive rule
        double lo = Math.min(muL, muR) - 40 * temperature;
        double hi = Math.max(muL, muR) + 40 * temperature;
        int pieces = 400;
        for (int i = 0; i < pieces; i++) {
            double a = lo + (hi - lo) * i / pieces;
            double b = lo + (hi - lo) * (i + 1) / pieces;
            total += adaptiveSimpson(integrand, a, b, 1e-16, 40);
        }
        return total + g.applyAsDouble(0);
    }

    private static double adaptiveSimpson(java.util.function.DoubleUnaryOperator f, double a, double b, double tol, int depth) {
        double m = 0.5 * (a + b);
        double fa = f.applyAsDouble(a), fb = f.applyAsDouble(b), fm = f.applyAsDouble(m);
        return simpson(f, a, b, fa, fm, fb, (b - a) / 6 * (fa + 4 * fm + fb), tol, depth);
    }

    private static double simpson(java.util.function.DoubleUnaryOperator f, double a, double b, double fa, double fm,
            double fb, double whole, double tol, int depth) {
        double m = 0.5 * (a + b);
        double lm = 0.5 * (a + m), rm = 0.5 * (m + b);
        double flm = f.applyAsDouble(lm), frm = f.applyAsDouble(rm);
        double left = (m - a) / 6 * (fa + 4 * flm + fm);
        double right = (b - m) / 6 * (fm + 4 * frm + fb);
        if (depth <= 0 || Math.abs(left + right - whole) <= 15 * tol) {
            return left + right + (left + right - whole) / 15;
        }
        return simpson(f, a, m, fa, flm, fm, left, tol / 2, depth - 1) + simpson(f, m, b, fm, frm, fb, right, tol / 2, depth - 1);
    }

    @Test
    void fermionicImpurityCurrentMatchesLandauer() {
        Reference.Case c = REF.get("fermion_single_impurity");
        double e1 = c.scalar("e1"), gamma = c.scalar("gamma"), width = c.scalar("W"), temperature = c.scalar("T");
        double theta = c.scalar("theta");
        int nk = c.ints("Nk")[0];
        Qobj d = destroy(2);
        LorentzianPadeBath left = new LorentzianPadeBath(d, gamma, width, theta / 2, temperature, nk, "L");
        LorentzianPadeBath right = new LorentzianPadeBath(d, gamma, width, -theta / 2, temperature, nk, "R");
        BathTest.assertExponents(c, "lead_l_", left, 1e-11);
        HeomSolver solver = new HeomSolver(d.dag().times(d).times(e1), List.of(left, right), 2, HeomOptions.defaults());
        assertEquals(c.ints("n_ados")[0], solver.ados().size());
        HeomSteadyState ss = solver.steadyState();
        assertClose(c.complexes("steady_rho"), ss.rho().toArray(), 1e-10, "steady state of the dot");
        Complex il = current(ss.ados(), "L");
        Complex ir = current(ss.ados(), "R");
        double[] refL = c.complexes("current_l");
        assertEquals(refL[0], il.re(), 1e-12 * Math.abs(refL[0]) + 1e-16, "current into L as QuTiP");
        assertEquals(c.complexes("current_r")[0], ir.re(), 1e-12 * Math.abs(refL[0]) + 1e-16, "current into R as QuTiP");
        assertEquals(0, il.re() + ir.re(), 1e-10 * Math.abs(il.re()), "what leaves L enters R");
        assertEquals(0, il.im(), 1e-12 * Math.abs(il.re()), "the current is real");
        double landauer = landauer(e1, gamma, width, temperature, theta / 2, -theta / 2);
        assertEquals(c.scalar("current_analytic"), landauer, 1e-9 * landauer, "Landauer integral as scipy's quad");
        // the HEOM (Pade Nk = 10, depth 2: exact for free fermions up to the expansion) against Landauer
        assertEquals(landauer, ir.re(), 1e-4 * landauer, "HEOM current vs the Landauer formula");
    }

    @Test
    void fermionicDynamics() {
        Reference.Case c = REF.get("fermion_dynamics");
        Qobj d = destroy(2);
        List<Bath> leads = List.of(new LorentzianBath(d, 0.01, 1.0, 1.0, 0.5, 2, "L"),
                new LorentzianBath(d, 0.01, 1.0, -1.0, 0.5, 2, "R"));
        HeomSolver solver = new HeomSolver(d.dag().times(d), leads, 2, TIGHT);
        assertEquals(c.ints("n_ados")[0], solver.ados().size());
        HeomResult r = solver.run(basis(2, 0), c.reals("tlist"), List.of(d.dag().times(d)),
                List.of((t, ados) -> current(ados, "L").re(), (t, ados) -> t));
        assertClose(c.reals("expect_0"), r.expect(0), 1e-9, "occupation of the dot");
        assertClose(c.complexes("final_state"), r.finalState().toArray(), 1e-9, "final state");
        assertClose(c.reals("tlist"), r.expect(2), 0, "a function of the hierarchy sees the output times");
        // the currents: what flows out of the leads fills the dot, d<n>/dt = -(I_L + I_R); at
        // the start of the filling the current out of the high-bias lead L is negative
        double[] il = r.expect(1);
        assertEquals(0, il[0], 0, "no current before the leads act");
        assertTrue(il[1] < 0, "the dot fills from the left lead first: " + il[1]);
    }

    @Test
    void convergenceInDepthAndInExponents() {
        Reference.Case depths = REF.get("spin_boson_depths");
        double[] t = depths.reals("tlist");
        double[] previousDiff = null;
        double[] previous = null;
        double lastChange = Double.POSITIVE_INFINITY;
        for (int depth = 1; depth <= 6; depth++) {
            HeomSolver solver = new HeomSolver(hamiltonian(), List.of(new DrudeLorentzPadeBath(sigmaz(), 0.1, 0.5, 0.5, 2)),
                    depth, TIGHT);
            double[] p = solver.run(basis(2, 0), t, List.of(p11())).expect(0);
            assertClose(depths.reals("p11_depth_" + depth), p, 1e-8, "depth " + depth);
            if (previous != null) {
                double change = 0;
                for (int i = 0; i < p.length; i++) {
                    change = Math.max(change, Math.abs(p[i] - previous[i]));
                }
                if (depth >= 3) {
                    assertTrue(change < 0.5 * lastChange, "depth " + depth + ": change " + change + " after " + lastChange);
                }
                lastChange = change;
            }
            previous = p;
        }
        assertTrue(lastChange < 5e-4, "depth 6 changes P11 by " + lastChange);
        Reference.Case nks = REF.get("spin_boson_nk");
        for (int nk = 0; nk <= 4; nk++) {
            HeomSolver solver = new HeomSolver(hamiltonian(), List.of(new DrudeLorentzBath(sigmaz(), 0.1, 0.5, 0.5, nk)), 4,
                    TIGHT);
            double[] p = solver.run(basis(2, 0), t, List.of(p11())).expect(0);
            assertClose(nks.reals("p11_nk_" + nk), p, 1e-8, "Nk " + nk);
            if (previousDiff != null) {
                assertTrue(maxDiff(p, previousDiff) < 0.05, "Nk " + nk);
            }
            previousDiff = p;
        }
        // Matsubara with Nk = 4 is close to Pade with Nk = 2 (both near the exact bath) at depth 4
        HeomSolver pade = new HeomSolver(hamiltonian(), List.of(new DrudeLorentzPadeBath(sigmaz(), 0.1, 0.5, 0.5, 2)), 4, TIGHT);
        double[] pp = pade.run(basis(2, 0), t, List.of(p11())).expect(0);
        double m0 = maxDiff(nks.reals("p11_nk_0"), pp);
        double m4 = maxDiff(nks.reals("p11_nk_4"), pp);
        assertTrue(m4 < 0.2 * m0, "Matsubara Nk=4 vs Pade: " + m4 + ", Nk=0: " + m0);
    }

    private static double maxDiff(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    @Test
    void heomsolveIsTheSolverInOneCall() {
        Reference.Case c = REF.get("spin_boson_dl_pade");
        HeomResult r = Heom.heomsolve(hamiltonian(), List.of(new DrudeLorentzPadeBath(sigmaz(), 0.1, 0.5, 0.5, 2)), 5,
                basis(2, 0).times(basis(2, 0).dag()), c.reals("tlist"), List.of(p11()), TIGHT);
        assertClose(c.reals("expect_0"), r.expect(0), 1e-8, "heomsolve");
        // without e-ops the states are kept, as QuTiP
        HeomResult states = Heom.heomsolve(hamiltonian(), List.of(new DrudeLorentzPadeBath(sigmaz(), 0.1, 0.5, 0.5, 2)), 5,
                basis(2, 0), new double[] {0, 1, 2}, List.of(), TIGHT);
        assertEquals(3, states.states().size());
        assertThrows(IllegalStateException.class, states::adoStates);
        assertTrue(states.stats().rhsCalls() > 0 && states.stats().steps() > 0);
    }

    @Test
    void memoryIsEstimatedAndRefusedBeforeBuilding() {
        DrudeLorentzBath bath = new DrudeLorentzBath(sigmaz(), 0.1, 0.5, 0.5, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HeomSolver(hamiltonian(),
                List.of(bath), 5, HeomOptions.defaults().withMemoryLimitBytes(100_000)));
        assertTrue(e.getMessage().contains("56 ADOs") && e.getMessage().contains("GiB"), e.getMessage());
        // 60 exponents to depth 12: about 2e12 ADOs, refused at once from the count alone
        List<Bath> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(new DrudeLorentzBath(sigmaz(), 0.1, 0.5 + i, 0.5, 2));
        }
        e = assertThrows(IllegalArgumentException.class, () -> new HeomSolver(hamiltonian(), many, 12));
        assertTrue(e.getMessage().contains("ADOs"), e.getMessage());
        assertEquals(HierarchyAdos.count(bath.exponents(), 5), 56);
    }

    @Test
    void badInputIsRefused() {
        DrudeLorentzBath bath = new DrudeLorentzBath(sigmaz(), 0.1, 0.5, 0.5, 2);
        assertThrows(IllegalArgumentException.class, () -> new HeomSolver(hamiltonian(), List.of(), 3));
        assertThrows(NullPointerException.class, () -> new HeomSolver((Qobj) null, List.of(bath), 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HeomSolver(dev.lindblad.Lindblad.qeye(3), List.of(bath), 3));
        assertTrue(e.getMessage().contains("dims"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new HeomSolver(hamiltonian(), List.of(bath), -1));
        HeomSolver solver = new HeomSolver(hamiltonian(), List.of(bath), 2);
        assertThrows(IllegalArgumentException.class, () -> solver.run(basis(3, 0), new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> solver.run(basis(2, 0), new double[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> solver.run(basis(2, 0), new double[] {}));
        assertThrows(IllegalArgumentException.class, () -> HeomOptions.defaults().withMethod("diag"));
        assertThrows(IllegalArgumentException.class, () -> HeomOptions.defaults().withSteadyStateMethod("svd"));
        // a failed integration keeps what was reached
        HeomIntegrationException f = assertThrows(HeomIntegrationException.class,
                () -> new HeomSolver(hamiltonian(), List.of(bath), 2, HeomOptions.defaults().withNsteps(100))
                        .run(basis(2, 0), new double[] {0, 0.5, 5000}, List.of(p11())));
        assertEquals(2, f.partialHeomResult().times().length);
    }
}
