package dev.lindblad;

import static dev.lindblad.Lindblad.*;
import static dev.lindblad.QobjSurfaceTest.assertClose;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.solver.Result;
import dev.lindblad.solver.SolverOptions;
import dev.lindblad.testing.Reference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * QobjEvo arithmetic and forms of issue #15, ported from QuTiP's test_qobjevo.py: every
 * operation on time-dependent objects evaluated at t equals the operation on their values at t,
 * for every kind of coefficient (real and complex functions, spline and step arrays, the
 * function form), plus QuTiP 5's step values and mesolve with a time-dependent Liouvillian.
 */
class QobjEvoSurfaceTest {

    private static final Reference REF = Reference.load("surface");
    private static final double[] TIMES = linspace(0.001, 1.0, 10);

    /** The kinds of QobjEvo of test_qobjevo.py: constant part plus one time-dependent term. */
    private static Map<String, QobjEvo> variants() {
        Qobj c0 = randStochastic(3, 1), q1 = randStochastic(3, 2);
        Qobj h0 = randHerm(3, 1, 3), h1 = randHerm(3, 1, 4);
        Qobj z1 = randStochastic(3, 5).plus(randStochastic(3, 6).times(Complex.I));
        double[] grid = linspace(0, 10, 1001);
        double[] sin = new double[grid.length];
        for (int k = 0; k < grid.length; k++) {
            sin[k] = Math.sin(grid[k]);
        }
        Map<String, QobjEvo> m = new LinkedHashMap<>();
        m.put("real function", QobjEvo.of(c0).plus(q1, t -> Math.sin(t)));
        m.put("hermitian function", QobjEvo.of(h0).plus(h1, t -> Math.sin(t)));
        m.put("complex function", QobjEvo.of(c0).plusComplex(z1, t -> Complex.polar(1, 2 * t)));
        m.put("spline array", QobjEvo.of(c0).plus(q1, grid, sin));
        m.put("step array", QobjEvo.of(h0).plus(h1, grid, sin, 0));
        m.put("function form", QobjEvo.of(t -> c0.plus(z1.times(Complex.polar(1, 2 * t)))));
        m.put("no constant part", QobjEvo.of(h1, t -> Math.cos(3 * t)));
        return m;
    }

    private static void assertSameAt(QobjEvo e, java.util.function.DoubleFunction<Qobj> expected, double tol, String what) {
        for (double t : TIMES) {
            Qobj want = expected.apply(t);
            Qobj got = e.at(t);
            assertEquals(want.dims(), got.dims(), what + ": dims");
            assertEquals(want.dims(), e.dims(), what + ": QobjEvo dims");
            assertClose(want, got, tol, what + " at t = " + t);
        }
    }

    @Test
    void coefficientKindsEvaluate() {
        Map<String, QobjEvo> v = variants();
        Qobj c0 = randStochastic(3, 1), q1 = randStochastic(3, 2), h1 = randHerm(3, 1, 4);
        assertSameAt(v.get("real function"), t -> c0.plus(q1.times(Math.sin(t))), 1e-15, "real");
        assertSameAt(v.get("spline array"), t -> c0.plus(q1.times(Math.sin(t))), 1e-8, "spline");
        assertSameAt(v.get("no constant part"), t -> h1.times(Math.cos(3 * t)), 1e-15, "[[op, f]]");
        assertFalse(v.get("no constant part").isConstant());
        assertEquals(1, v.get("no constant part").numElements());
        assertClose(qzero(3), v.get("no constant part").constantPart(), 0, "no constant part");
        assertTrue(v.get("function form").hasFunctionParts());
        assertThrows(IllegalStateException.class, () -> v.get("function form").terms());
    }

    @Test
    void binaryOperationsCommuteWithEvaluation() {
        Map<String, QobjEvo> v = variants();
        Map<String, BinaryOperator<QobjEvo>> evo = new LinkedHashMap<>();
        Map<String, BinaryOperator<Qobj>> obj = new LinkedHashMap<>();
        evo.put("plus", QobjEvo::plus);
        obj.put("plus", Qobj::plus);
        evo.put("minus", QobjEvo::minus);
        obj.put("minus", Qobj::minus);
        evo.put("times", QobjEvo::times);
        obj.put("times", Qobj::times);
        evo.put("tensor", (a, b) -> QobjEvo.tensor(a, b));
        obj.put("tensor", (a, b) -> tensor(a, b));
        for (var a : v.entrySet()) {
            for (var b : v.entrySet()) {
                for (String op : evo.keySet()) {
                    QobjEvo r = evo.get(op).apply(a.getValue(), b.getValue());
                    assertSameAt(r, t -> obj.get(op).apply(a.getValue().at(t), b.getValue().at(t)), 1e-13,
                            a.getKey() + " " + op + " " + b.getKey());
                }
            }
        }
    }

    @Test
    void operationsWithConstantsAndScalars() {
        Qobj q = randHerm(3, 1, 9);
        Complex z = Complex.of(0.5, 1);
        for (var e : variants().entrySet()) {
            QobjEvo a = e.getValue();
            String n = e.getKey();
            assertSameAt(a.plus(q), t -> a.at(t).plus(q), 1e-14, n + " + qobj");
            assertSameAt(q.plus(a), t -> q.plus(a.at(t)), 1e-14, "qobj + " + n);
            assertSameAt(a.minus(q), t -> a.at(t).minus(q), 1e-14, n + " - qobj");
            assertSameAt(a.times(q), t -> a.at(t).times(q), 1e-14, n + " * qobj");
            assertSameAt(q.times(a), t -> q.times(a.at(t)), 1e-14, "qobj * " + n);
            assertSameAt(QobjEvo.tensor(a, q), t -> tensor(a.at(t), q), 1e-14, n + " & qobj");
            assertSameAt(tensor(q, a), t -> tensor(q, a.at(t)), 1e-14, "qobj & " + n);
            assertSameAt(a.times(z), t -> a.at(t).times(z), 1e-14, n + " * scalar");
            assertSameAt(a.times(-2.5), t -> a.at(t).times(-2.5), 1e-14, n + " * real");
            assertSameAt(a.div(z), t -> a.at(t).times(Complex.ONE.div(z)), 1e-14, n + " / scalar");
            assertSameAt(a.div(4), t -> a.at(t).times(0.25), 1e-14, n + " / real");
            assertSameAt(a.times(t -> t * t), t -> a.at(t).times(t * t), 1e-14, n + " * coefficient");
            assertSameAt(a.timesComplex(t -> Complex.of(0, t)), t -> a.at(t).times(Complex.of(0, t)), 1e-14,
                    n + " * complex coefficient");
            assertThrows(IllegalArgumentException.class, () -> a.div(0));
        }
    }

    @Test
    void unaryOperationsCommuteWithEvaluation() {
        Map<String, UnaryOperator<QobjEvo>> evo = new LinkedHashMap<>();
        Map<String, UnaryOperator<Qobj>> obj = new LinkedHashMap<>();
        evo.put("conj", QobjEvo::conj);
        obj.put("conj", Qobj::conj);
        evo.put("dag", QobjEvo::dag);
        obj.put("dag", Qobj::dag);
        evo.put("trans", QobjEvo::trans);
        obj.put("trans", Qobj::trans);
        evo.put("neg", QobjEvo::neg);
        obj.put("neg", Qobj::neg);
        Map<String, QobjEvo> v = variants();
        // a ket, as QuTiP's test_unary_ket (dims and shape follow the operation)
        Qobj ket = randKet(5, 3);
        v.put("ket", QobjEvo.of(ket).plusComplex(randKet(5, 4), t -> Complex.polar(1, t)));
        for (var e : v.entrySet()) {
            for (String op : evo.keySet()) {
                QobjEvo r = evo.get(op).apply(e.getValue());
                assertSameAt(r, t -> obj.get(op).apply(e.getValue().at(t)), 1e-15, op + " " + e.getKey());
            }
        }
    }

    @Test
    void superoperatorsOfTimeDependentObjects() {
        Map<String, QobjEvo> v = variants();
        for (var a : v.entrySet()) {
            QobjEvo e = a.getValue();
            String n = a.getKey();
            assertSameAt(spre(e), t -> spre(e.at(t)), 1e-14, "spre " + n);
            assertSameAt(spost(e), t -> spost(e.at(t)), 1e-14, "spost " + n);
            assertSameAt(sprepost(e, e.dag()), t -> sprepost(e.at(t), e.at(t).dag()), 1e-14, "sprepost " + n);
            assertSameAt(lindbladDissipator(e), t -> lindbladDissipator(e.at(t)), 1e-13, "dissipator " + n);
            assertSameAt(QobjEvo.lindbladDissipator(e, e.dag()), t -> lindbladDissipator(e.at(t), e.at(t).dag()), 1e-13,
                    "generalised dissipator " + n);
            QobjEvo h = v.get("hermitian function");
            assertSameAt(liouvillian(h, List.of(e)), t -> liouvillian(h.at(t), List.of(e.at(t))), 1e-13, "liouvillian " + n);
        }
        assertThrows(IllegalArgumentException.class, () -> spre(QobjEvo.of(basis(2, 0))));
        assertThrows(IllegalArgumentException.class, () -> QobjEvo.liouvillian(null, List.of()));
    }

    @Test
    void compressKeepsValues() {
        Qobj a = randHerm(3, 1, 1), b = randHerm(3, 1, 2);
        java.util.function.DoubleUnaryOperator f = Math::sin;
        QobjEvo e = QobjEvo.of(a).plus(b).plus(a, f).plus(b, f).plus(a, Math::cos).plus(a)
                .plus(QobjEvo.of(t -> b.times(t))).plus(QobjEvo.of(t -> a.times(t * t)));
        QobjEvo c = e.compress();
        assertEquals(8, e.numElements());
        // constants merged into one; sin and cos terms on a merged into one; both function parts into one
        assertTrue(c.numElements() < e.numElements(), "compressed to " + c.numElements());
        assertSameAt(c, e::at, 1e-14, "compress");
        QobjEvo shared = QobjEvo.of(a).plusComplex(a, t -> Complex.of(t)).plusComplex(b, t -> Complex.of(2 * t)).compress();
        assertSameAt(shared, t -> a.times(1 + t).plus(b.times(2 * t)), 1e-14, "compress by operator");
    }

    @Test
    void expectationValuesAtTimeT() {
        for (var e : variants().entrySet()) {
            QobjEvo a = e.getValue();
            Qobj psi = randKet(3, 7), rho = randDm(3, 8);
            for (double t : TIMES) {
                Complex k = a.expectComplex(t, psi), r = a.expectComplex(t, rho);
                assertEquals(0, k.minus(expectComplex(a.at(t), psi)).abs(), 1e-14, e.getKey());
                assertEquals(0, r.minus(expectComplex(a.at(t), rho)).abs(), 1e-14, e.getKey());
            }
        }
        QobjEvo h = variants().get("hermitian function");
        Qobj rho = randDm(3, 8);
        assertEquals(expect(h.at(0.3), rho), h.expect(0.3, rho), 1e-15);
        // a superoperator's expectation is tr(S(rho)): zero for a trace-preserving generator
        QobjEvo l = liouvillian(h, List.of(QobjEvo.of(destroy(3), t -> 1 + t)));
        assertEquals(0, l.expect(0.7, rho), 1e-14);
        assertEquals(1, spre(h.times(0).plus(qeye(3))).expect(0.2, rho), 1e-15);
        assertThrows(DimensionMismatchException.class, () -> h.expect(0.1, basis(2, 0)));
    }

    @Test
    void stepCoefficientsMatchQutip() {
        Reference.Case c = REF.get("qobjevo_step");
        double[] tl = c.reals("tlist"), c1 = c.reals("c1"), c2i = c.complexes("c2");
        Complex[] c2 = new Complex[c1.length];
        for (int k = 0; k < c2.length; k++) {
            c2[k] = Complex.of(c2i[2 * k], c2i[2 * k + 1]);
        }
        QobjEvo e = QobjEvo.ofComplex(sigmaz(), Coefficient.step(tl, c1)).plusComplex(sigmax(), Coefficient.step(tl, c2));
        double[] probe = c.reals("probe"), v00 = c.complexes("value_00"), v01 = c.complexes("value_01");
        for (int k = 0; k < probe.length; k++) {
            Qobj q = e.at(probe[k]);
            assertEquals(v00[2 * k], q.get(0, 0).re(), 0, "t = " + probe[k]);
            assertEquals(v01[2 * k], q.get(0, 1).re(), 0, "t = " + probe[k]);
            assertEquals(v01[2 * k + 1], q.get(0, 1).im(), 0, "t = " + probe[k]);
        }
        // QuTiP's test_QobjEvo_step_coeff, uniform grid: values held from the left knot
        double[] u = {2, 3, 4, 5, 6, 7};
        QobjEvo s = QobjEvo.of(sigmaz(), u, c1, 0);
        assertEquals(c1[0], s.at(2.0).get(0, 0).re(), 0);
        assertEquals(c1[5], s.at(7.0).get(0, 0).re(), 0);
        assertEquals(c1[3], s.at(5.0001).get(0, 0).re(), 0);
        assertEquals(c1[1], s.at(3.9999).get(0, 0).re(), 0);
        // complex samples by cubic spline: exact at the knots
        Coefficient z = Coefficient.spline(tl, c2);
        for (int k = 0; k < tl.length; k++) {
            assertEquals(0, z.at(tl[k]).minus(c2[k]).abs(), 1e-15);
        }
        assertThrows(IllegalArgumentException.class, () -> QobjEvo.of(sigmaz(), u, c1, 1));
        assertThrows(IllegalArgumentException.class, () -> QobjEvo.of(sigmaz(), new double[] {0, 1}, new double[] {0, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> Coefficient.step(new double[] {0, 1}, new double[] {0, Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> Coefficient.step(new double[] {1, 1}, new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> Coefficient.step(new double[] {1, 2}, new double[] {0}));
    }

    @Test
    void functionFormRefusesInconsistentValues() {
        QobjEvo bad = QobjEvo.of(t -> t < 0.5 ? sigmax() : qeye(3));
        assertClose(sigmax(), bad.at(0.1), 0, "before the change");
        assertThrows(DimensionMismatchException.class, () -> bad.at(0.9));
        assertThrows(IllegalArgumentException.class, () -> QobjEvo.of(t -> null));
        assertThrows(NullPointerException.class, () -> QobjEvo.of((java.util.function.DoubleFunction<Qobj>) null));
    }

    /**
     * A qubit with a time-dependent drive and a time-dependent decay rate, given to mesolve as
     * H and c_ops and as the Liouvillian QobjEvo built from them: both equal QuTiP 5's answer.
     */
    @Test
    void mesolveWithTimeDependentLiouvillianMatchesQutip() {
        Reference.Case c = REF.get("qobjevo_mesolve");
        double w0 = c.scalar("w0"), amp = c.scalar("A"), w = c.scalar("w"), gamma = c.scalar("gamma");
        double[] tlist = c.reals("tlist");
        QobjEvo h = QobjEvo.of(sigmaz().times(0.5 * w0)).plus(sigmax(), t -> amp * Math.cos(w * t));
        QobjEvo cop = QobjEvo.of(sigmam().times(Math.sqrt(gamma)), t -> 1 + 0.5 * Math.sin(t));
        SolverOptions opts = SolverOptions.defaults().withAtol(1e-11).withRtol(1e-9);
        List<Qobj> eOps = List.of(sigmax(), sigmay(), sigmaz());
        Result direct = mesolve(h, basis(2, 0), tlist, List.of(cop), eOps, opts);
        QobjEvo l = liouvillian(h, List.of(cop));
        assertTrue(l.isSuper());
        Result viaL = mesolve(l, basis(2, 0), tlist, List.of(), eOps, opts);
        List<QobjEvo> parts = new ArrayList<>();
        parts.add(QobjEvo.liouvillian(h));
        parts.add(lindbladDissipator(cop));
        Result viaSum = mesolve(parts.get(0).plus(parts.get(1)), basis(2, 0), tlist, List.of(), eOps, opts);
        for (int k = 0; k < 3; k++) {
            double[] ref = c.reals("expect_" + k);
            assertArrayEquals(ref, direct.expect(k), 1e-7, "H and c_ops, e-op " + k);
            assertArrayEquals(ref, viaL.expect(k), 1e-7, "Liouvillian QobjEvo, e-op " + k);
            assertArrayEquals(ref, viaSum.expect(k), 1e-7, "liouvillian(H) + D[c], e-op " + k);
        }
    }

    /**
     * The function form {@code QobjEvo.of(t -> Qobj)} in the solvers: sesolve, mesolve (H and
     * collapse operators, or a Liouvillian) and propagators give the same answer as the same
     * problem written with operator terms; QuTiP 5's reference for the master equation.
     */
    @Test
    void solversTakeTheFunctionForm() {
        Reference.Case c = REF.get("qobjevo_mesolve");
        double w0 = c.scalar("w0"), amp = c.scalar("A"), w = c.scalar("w"), gamma = c.scalar("gamma");
        double[] tlist = c.reals("tlist");
        Qobj h0 = sigmaz().times(0.5 * w0);
        QobjEvo hTerms = QobjEvo.of(h0).plus(sigmax(), t -> amp * Math.cos(w * t));
        QobjEvo hFunc = QobjEvo.of(t -> h0.plus(sigmax().times(amp * Math.cos(w * t))));
        QobjEvo cFunc = QobjEvo.of(t -> sigmam().times(Math.sqrt(gamma) * (1 + 0.5 * Math.sin(t))));
        SolverOptions opts = SolverOptions.defaults().withAtol(1e-11).withRtol(1e-9);
        List<Qobj> eOps = List.of(sigmax(), sigmay(), sigmaz());

        Result se1 = sesolve(hTerms, basis(2, 0), tlist, eOps, opts);
        Result se2 = sesolve(hFunc, basis(2, 0), tlist, eOps, opts);
        Result me = mesolve(hFunc, basis(2, 0), tlist, List.of(cFunc), eOps, opts);
        Result meL = mesolve(QobjEvo.of(t -> liouvillian(hFunc.at(t), List.of(cFunc.at(t)))), basis(2, 0), tlist, List.of(),
                eOps, opts);
        Result meMixed = mesolve(liouvillian(hTerms), basis(2, 0), tlist, List.of(cFunc), eOps, opts);
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(se1.expect(k), se2.expect(k), 1e-8, "sesolve function form, e-op " + k);
            double[] ref = c.reals("expect_" + k);
            assertArrayEquals(ref, me.expect(k), 1e-7, "mesolve function H and c, e-op " + k);
            assertArrayEquals(ref, meL.expect(k), 1e-7, "mesolve function Liouvillian, e-op " + k);
            assertArrayEquals(ref, meMixed.expect(k), 1e-7, "mesolve Liouvillian terms + function c, e-op " + k);
        }
        assertTrue(me.stats().rhs().contains("function-form"), me.stats().rhs());
        // propagators: unitary and superoperator
        Qobj u1 = propagator(hTerms, 2.0, List.of()), u2 = propagator(hFunc, 2.0, List.of());
        assertClose(u1, u2, 1e-8, "unitary propagator");
        QobjEvo cTerms = QobjEvo.of(sigmam().times(Math.sqrt(gamma)), t -> 1 + 0.5 * Math.sin(t));
        assertClose(propagator(hTerms, 2.0, List.of(cTerms)), propagator(hFunc, 2.0, List.of(cFunc)), 1e-8,
                "superoperator propagator");
        assertTrue(meL.stats().rhs().contains("function-form"), meL.stats().rhs());
        assertThrows(IllegalArgumentException.class, () -> mesolve(hFunc, basis(2, 0), tlist, List.of(), eOps,
                opts.withMethod("diag")));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> mcsolve(hTerms, basis(2, 0), tlist, List.of(cFunc), eOps, 10));
        assertTrue(e.getMessage().contains("function part"), e.getMessage());
    }
}
