package dev.lindblad;

import static dev.lindblad.Lindblad.*;
import static dev.lindblad.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.testing.Reference;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * No silent wrong result from a quantum object (issue #14, items 1, 3, 4, 6): {@code expect}
 * refuses a complex value, {@code overlap} and {@code ptrace} are QuTiP 5's
 * ({@code reference/trust.txt}, made by QuTiP 5.3.1), and no object holds a NaN or an infinity.
 */
class TrustObjectsTest {

    private static Reference ref;

    @BeforeAll
    static void load() {
        ref = Reference.load("trust");
    }

    private static Qobj matrix(Reference.Case c, String key, Dims dims) {
        DenseMatrix m = DenseMatrix.of(c.rows(key), c.cols(key), c.complexes(key));
        return dims == null ? Qobj.of(m) : Qobj.of(m, dims);
    }

    private static <T extends Throwable> String message(Class<T> type, Executable call) {
        return assertThrows(type, call).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "message should contain '" + p + "': " + message);
        }
    }

    // ------------------------------------------------------------------ item 1: expect

    @Test
    void expectOfANonHermitianOperatorIsRefusedAndExpectComplexGivesQutip5sValue() {
        Reference.Case c = ref.get("expect_destroy_coherent");
        double[] z = c.complexes("expect");
        Qobj psi = coherent(5, Complex.of(0, 1));
        assertQobjClose(matrix(c, "psi", Dims.ket(5)), psi, 1e-14);
        String m = message(IllegalArgumentException.class, () -> expect(destroy(5), psi));
        assertContains(m, "expect", "expectComplex", "not Hermitian");
        assertThrows(IllegalArgumentException.class, () -> Qobj.expect(destroy(5), psi));
        assertThrows(IllegalArgumentException.class, () -> expect(destroy(5), List.of(fock(5, 0), psi)));
        assertContains(message(IllegalArgumentException.class, () -> expect(destroy(5), List.of(fock(5, 0), psi))),
                "states[1]");
        Complex e = expectComplex(destroy(5), psi);
        assertEquals(z[0], e.re(), 1e-14);
        assertEquals(z[1], e.im(), 1e-14);
        assertEquals(0.9866036534628986, e.im(), 1e-14);
        Complex d = expectComplex(destroy(5), ketToDm(psi));
        assertEquals(z[1], d.im(), 1e-14);
        Complex[] l = expectComplex(destroy(5), List.of(psi, ketToDm(psi)));
        assertEquals(z[1], l[1].im(), 1e-14);
        // a non-Hermitian operator whose value is real is fine: <a> of a real coherent state
        assertEquals(0.8, expect(destroy(30), coherent(30, 0.8)), 1e-12);
    }

    @Test
    void hermitianOperatorOnANonHermitianOperatorIsRefused() {
        Qobj h = randomOper(4, 3).plus(randomOper(4, 3).dag());
        Qobj psi = randomKet(4, 5), chi = randomKet(4, 6);
        Qobj x = psi.times(chi.dag());   // |psi><chi|, as a(0) rho evolved in a correlation function
        String m = message(IllegalArgumentException.class, () -> expect(h, x));
        assertContains(m, "expectComplex", "the state is not Hermitian");
        Complex want = h.matrixElement(chi, psi);   // tr(H |psi><chi|) = <chi|H|psi>
        assertTrue(want.isClose(expectComplex(h, x), 1e-13));
        // Hermitian operator on a Hermitian state (ket, bra or density matrix): real
        assertEquals(expectComplex(h, psi).re(), expect(h, psi), 0);
        assertEquals(expectComplex(h, psi).re(), expect(h, psi.dag()), 1e-14);
        assertEquals(expect(h, psi), expect(h, ketToDm(psi)), 1e-14);
    }

    @Test
    void imaginaryPartsAtRoundingAreDroppedRelativeToTheNorms() {
        Qobj h = randomOper(6, 11).plus(randomOper(6, 11).dag());
        Qobj psi = randomKet(6, 12);
        // phi orthogonal to psi: A = H + 0.7 i |phi><phi| is not Hermitian, yet <psi|A|psi> is real
        Qobj r = randomKet(6, 13);
        Qobj phi = r.minus(psi.times(psi.overlap(r))).unit();
        Qobj a = h.plus(phi.times(phi.dag()).times(Complex.of(0, 0.7)));
        assertFalse(a.isHerm());
        Complex z = expectComplex(a, psi);
        assertNotEquals(0.0, z.im(), "the imaginary part should be rounding, not exactly zero");
        assertTrue(Math.abs(z.im()) < 1e-15, "rounding: " + z);
        assertEquals(expect(h, psi), expect(a, psi), 1e-14);
        assertEquals(expect(h, psi), expect(a, ketToDm(psi)), 1e-14);

        // A = H + i delta 1: Im <A> = delta exactly in theory; the tolerance is
        // EXPECT_TOLERANCE ||A||_F ||psi||^2, at any scale of A
        for (double scale : new double[] {1, 1e6, 1e-6}) {
            Qobj hs = h.times(scale);
            double tol = Qobj.EXPECT_TOLERANCE * hs.frobeniusNorm();
            Qobj inside = hs.plus(Complex.of(0, 0.5 * tol));
            Qobj outside = hs.plus(Complex.of(0, 2 * tol));
            assertEquals(expect(hs, psi), expect(inside, psi), 1e-13 * scale, "scale " + scale);
            assertThrows(IllegalArgumentException.class, () -> expect(outside, psi), "scale " + scale);
            assertEquals(2 * tol, expectComplex(outside, psi).im(), 1e-3 * tol);
        }
        // a Hermitian operator on a density matrix that is Hermitian to rounding: real
        Qobj rho = ketToDm(psi);
        Qobj noisy = rho.plus(psi.times(r.dag()).times(1e-16));
        assertEquals(expect(h, rho), expect(h, noisy), 1e-14);
    }

    @Test
    void expectOneLevelUpAndOnBras() {
        Qobj rho = randomDm(3, 21);
        Qobj a = randomOper(3, 22);
        Qobj s = spre(a).times(spost(randomOper(3, 23)));
        Qobj v = operatorToVector(rho);
        Complex want = v.dag().times(s).times(v).get(0, 0);
        assertTrue(want.isClose(expectComplex(s, v), 1e-13), want + " vs " + expectComplex(s, v));
        assertTrue(want.isClose(expectComplex(s, v.dag()), 1e-13));
        Qobj t = spre(randomOper(3, 24));
        assertTrue(s.times(t).tr().isClose(expectComplex(s, t), 1e-13));
        assertThrows(IllegalArgumentException.class, () -> expect(s, v));
        // the Hermitian superoperator spre(H) + spost(H)... on vec(rho): <<rho|S|rho>> = 2 tr(rho H rho), real
        Qobj h = a.plus(a.dag());
        Qobj sh = spre(h).plus(spost(h));
        assertTrue(sh.isHerm());
        assertEquals(2 * rho.times(h).times(rho).tr().re(), expect(sh, v), 1e-13);
        // levels and dims must match
        assertThrows(DimensionMismatchException.class, () -> expectComplex(s, randomKet(9, 1)));
        assertThrows(DimensionMismatchException.class, () -> expectComplex(a, v));
        assertThrows(DimensionMismatchException.class, () -> expectComplex(a, randomKet(4, 1)));
        assertContains(message(IllegalArgumentException.class, () -> expectComplex(randomKet(3, 1), rho)),
                "expectComplex", "square operator or superoperator");
    }

    // ------------------------------------------------------------------ item 3: overlap

    @Test
    void overlapIsQutip5sForEveryPairOfKetBraAndOperator() {
        Reference.Case c = ref.get("overlap");
        Qobj a = matrix(c, "a", Dims.ket(4)), b = matrix(c, "b", Dims.ket(4));
        Qobj opA = matrix(c, "A", Dims.oper(4)), opB = matrix(c, "B", Dims.oper(4));
        String[] kinds = c.text("kinds").split(" ");
        for (String kx : kinds) {
            for (String ky : kinds) {
                Qobj x = switch (kx) {
                    case "ket" -> a;
                    case "bra" -> a.dag();
                    default -> opA;
                };
                Qobj y = switch (ky) {
                    case "ket" -> b;
                    case "bra" -> b.dag();
                    default -> opB;
                };
                double[] want = c.complexes("overlap_" + kx + "_" + ky);
                for (Qobj[] pair : new Qobj[][] {{x, y}, {x.toSparse(), y}, {x, y.toSparse()}}) {
                    Complex got = pair[0].overlap(pair[1]);
                    assertEquals(want[0], got.re(), 1e-13, kx + ".overlap(" + ky + ")");
                    assertEquals(want[1], got.im(), 1e-13, kx + ".overlap(" + ky + ")");
                }
            }
        }
        assertContains(message(IllegalArgumentException.class, () -> spre(opA).overlap(opB)),
                "overlap", "only kets, bras and operators", "SUPER");
        assertContains(message(IllegalArgumentException.class, () -> a.overlap(operatorToVector(opB))),
                "overlap", "OPERATOR_KET");
        assertThrows(DimensionMismatchException.class, () -> a.overlap(randomKet(3, 1)));
        assertThrows(DimensionMismatchException.class, () -> opA.overlap(qeye(2, 2).plus(qeye(2, 2))));
        assertThrows(DimensionMismatchException.class, () -> a.overlap(qeye(3)));
    }

    // ------------------------------------------------------------------ item 4: ptrace

    @Test
    void ptraceNeverReordersAsQutip5() {
        Reference.Case c = ref.get("ptrace_unsorted");
        int[] dims = c.ints("dims");
        Qobj rho = matrix(c, "rho", Dims.oper(dims));
        for (int k = 0; k < (int) c.scalar("count"); k++) {
            int[] sel = c.ints("sel" + k);
            Qobj r = rho.ptrace(sel);
            int[] sorted = sel.clone();
            java.util.Arrays.sort(sorted);
            int[] kept = new int[sel.length];
            for (int s = 0; s < sel.length; s++) {
                kept[s] = dims[sorted[s]];
            }
            assertEquals(Dims.oper(kept), r.dims());
            assertArrayClose(c.complexes("ptrace" + k), r.toArray(), 1e-14, "ptrace " + java.util.Arrays.toString(sel));
        }
        Qobj psi = randomKet(12, 4);
        Qobj k = Qobj.of(psi.data(), Dims.ket(dims));
        assertQobjClose(k.ptrace(0, 2), k.ptrace(2, 0), 0);
        assertQobjClose(k.ptrace(0, 1, 2), k.dag().ptrace(2, 1, 0), 1e-15);
        assertContains(message(IllegalArgumentException.class, () -> rho.ptrace(1, 3)), "ptrace", "index 3",
                "out of range", "[1, 3]");
        assertContains(message(IllegalArgumentException.class, () -> k.ptrace(0, 2, 0)), "ptrace", "listed twice",
                "[0, 2, 0]");
    }

    // ------------------------------------------------------------------ item 6: no non-finite entry

    @Test
    void noQobjWithANonFiniteEntryCanBeBuilt() {
        assertContains(message(IllegalArgumentException.class,
                        () -> Qobj.fromArray(new double[][] {{1, 2}, {Double.NaN, 4}})),
                "fromArray", "re[1][0] = NaN");
        assertContains(message(IllegalArgumentException.class,
                        () -> Qobj.fromArray(new double[][] {{1, 2}}, new double[][] {{0, Double.POSITIVE_INFINITY}})),
                "fromArray", "im[0][1] = Infinity");
        assertContains(message(IllegalArgumentException.class,
                        () -> Qobj.of(DenseMatrix.wrap(2, 2, new double[] {1, 0, Double.NaN, 0, 0, 0, 1, 0}))),
                "Qobj.of", "data", "NaN", "row 1, column 0");
        CsrMatrix s = DenseMatrix.wrap(2, 2, new double[] {1, 0, 0, 0, 0, Double.NEGATIVE_INFINITY, 1, 0}).toCsr();
        assertContains(message(IllegalArgumentException.class, () -> Qobj.of(s, Dims.oper(2))),
                "Qobj.of", "row 0, column 1");
        assertContains(message(IllegalArgumentException.class, () -> Qobj.ket(1, Double.NaN)),
                "ket", "amplitudes[1] = NaN");
        assertContains(message(IllegalArgumentException.class, () -> Qobj.ket(Complex.ONE, Complex.of(0, Double.NaN))),
                "ket", "amplitudes[1]");
        Qobj q = qeye(2);
        assertContains(message(IllegalArgumentException.class, () -> q.div(0)), "div", "division by zero");
        assertContains(message(IllegalArgumentException.class, () -> q.div(Double.NaN)), "div", "x = NaN");
        assertContains(message(IllegalArgumentException.class, () -> q.times(Double.POSITIVE_INFINITY)), "times", "x = Infinity");
        assertContains(message(IllegalArgumentException.class, () -> q.times(Complex.of(Double.NaN, 0))), "times", "z = ");
        assertContains(message(IllegalArgumentException.class, () -> q.plus(Double.NaN)), "plus", "x = NaN");
        assertContains(message(IllegalArgumentException.class, () -> q.plus(Complex.of(0, Double.NaN))), "plus", "z = ");
        assertContains(message(IllegalArgumentException.class, () -> coherent(5, Complex.of(Double.NaN, 0))),
                "coherent", "alpha");
        assertContains(message(IllegalArgumentException.class, () -> linspace(0, Double.NaN, 3)), "linspace", "stop");
    }

    @Test
    void overflowIsRefusedInsteadOfReturningInfinities() {
        Qobj big = qeye(2).times(1e200);
        assertContains(message(ArithmeticException.class, () -> big.times(big)), "times", "does not fit");
        assertContains(message(ArithmeticException.class, () -> big.times(1e200)), "times");
        assertContains(message(ArithmeticException.class, () -> tensor(big, big)), "tensor");
        assertContains(message(ArithmeticException.class, () -> big.times(1e108).plus(big.times(1e108))), "plus");
        assertContains(message(ArithmeticException.class, () -> qeye(2).times(1000).expm()), "expm");
        assertContains(message(ArithmeticException.class, () -> big.pow(2)), "pow");
        assertContains(message(ArithmeticException.class, () -> qeye(2).div(Double.MIN_VALUE)), "div");
        // large but representable results pass, unscanned or scanned
        assertEquals(2e300, big.times(1e100).plus(big.times(1e100)).get(0, 0).re(), 1e285);
        assertEquals(1e300, big.times(Qobj.fromArray(new double[][] {{1e100, 0}, {0, 1}})).get(0, 0).re(), 1e285);
    }

    @Test
    void aNanHamiltonianCannotReachASolver() {
        // before: the dense product skipped the zero entries of psi and the NaN evolved silently
        assertThrows(IllegalArgumentException.class,
                () -> Qobj.fromArray(new double[][] {{1, Double.NaN}, {Double.NaN, -1}}));
    }
}
