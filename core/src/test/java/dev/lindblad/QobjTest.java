package dev.lindblad;

import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.DenseMatrix;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Qobj against hand-computed matrices: arithmetic, scalars, norms, Hermiticity, partial trace,
 * permutation, eigenvalues and dims checks. Objects are built directly from matrices.
 */
class QobjTest {

    private static final double TOL = 1e-13;
    private static final double[][] Z2 = {{0, 0}, {0, 0}};

    private static Qobj q(double[][] re, double[][] im, Dims dims) {
        return Qobj.of(DenseMatrix.fromRows(re, im), dims);
    }

    private static Qobj op(double[][] re, double[][] im) {
        return q(re, im, Dims.oper(re.length));
    }

    private static Qobj op(double[][] re) {
        return op(re, null);
    }

    private static Qobj ket(double[] re, double[] im) {
        double[][] r = new double[re.length][1], i = new double[re.length][1];
        for (int k = 0; k < re.length; k++) {
            r[k][0] = re[k];
            i[k][0] = im[k];
        }
        return q(r, i, Dims.ket(re.length));
    }

    private static final Qobj SX = op(new double[][] {{0, 1}, {1, 0}});
    private static final Qobj SY = op(Z2, new double[][] {{0, -1}, {1, 0}});
    private static final Qobj SZ = op(new double[][] {{1, 0}, {0, -1}});
    private static final Qobj ID2 = op(new double[][] {{1, 0}, {0, 1}});

    private static Qobj random(int m, int n, Dims dims, Random random) {
        double[][] re = new double[m][n], im = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                re[i][j] = random.nextGaussian();
                im[i][j] = random.nextGaussian();
            }
        }
        return q(re, im, dims);
    }

    /** Asserts entry by entry, through get(i, j), and that dims agree. */
    private static void assertQobj(Qobj expected, Qobj actual, double tol, String what) {
        assertEquals(expected.dims(), actual.dims(), what + ": dims");
        int[] s = expected.shape();
        for (int i = 0; i < s[0]; i++) {
            for (int j = 0; j < s[1]; j++) {
                Complex e = expected.get(i, j), a = actual.get(i, j);
                assertTrue(e.isClose(a, tol), what + ": entry (" + i + ", " + j + ") is " + a + ", expected " + e);
            }
        }
    }

    private static void assertComplex(Complex expected, Complex actual, double tol, String what) {
        assertTrue(expected.isClose(actual, tol), what + ": got " + actual + ", expected " + expected);
    }

    @Test
    void paulAlgebraInBothFormats() {
        for (boolean sparse : new boolean[] {false, true}) {
            Qobj x = sparse ? SX.toSparse() : SX, y = sparse ? SY.toSparse() : SY, z = sparse ? SZ.toSparse() : SZ;
            String w = sparse ? "CSR" : "dense";
            assertQobj(z.times(Complex.I), x.times(y), TOL, "sx sy = i sz " + w);
            assertQobj(x.times(Complex.I).neg(), z.times(y), TOL, "sz sy = -i sx " + w);
            assertQobj(ID2, x.times(x), TOL, "sx^2 " + w);
            assertQobj(ID2, y.pow(2), TOL, "sy^2 " + w);
            assertQobj(z, z.pow(3), TOL, "sz^3 " + w);
            assertQobj(ID2, x.pow(0), TOL, "pow(0) " + w);
            assertQobj(op(new double[][] {{1, 1}, {1, -1}}), x.plus(z), TOL, "sx + sz " + w);
            assertQobj(op(new double[][] {{-1, 1}, {1, 1}}), x.minus(z), TOL, "sx - sz " + w);
            // x.times(y) - y.times(x) = 2 i sz
            assertQobj(z.times(new Complex(0, 2)), x.times(y).minus(y.times(x)), TOL, "[sx, sy] " + w);
            assertQobj(op(new double[][] {{0, 2.5}, {2.5, 0}}), x.times(2.5), TOL, "times double " + w);
            assertQobj(op(new double[][] {{0, 0.5}, {0.5, 0}}), x.div(2), TOL, "div " + w);
            // plus(scalar) adds a multiple of the identity, as QuTiP's A + z
            assertQobj(op(new double[][] {{3, 0}, {0, 1}}), z.plus(2), TOL, "sz + 2 " + w);
            assertQobj(op(Z2, new double[][] {{-1, -1}, {1, -1}}),
                    y.plus(new Complex(0, -1)), TOL, "sy - i " + w);
        }
    }

    @Test
    void adjointTransposeConjugate() {
        Qobj a = op(new double[][] {{1, 2}, {3, 4}}, new double[][] {{5, 6}, {7, 8}});
        assertQobj(op(new double[][] {{1, 3}, {2, 4}}, new double[][] {{-5, -7}, {-6, -8}}), a.dag(), 0, "dag");
        assertQobj(op(new double[][] {{1, 3}, {2, 4}}, new double[][] {{5, 7}, {6, 8}}), a.trans(), 0, "trans");
        assertQobj(op(new double[][] {{1, 2}, {3, 4}}, new double[][] {{-5, -6}, {-7, -8}}), a.conj(), 0, "conj");
        Qobj k = ket(new double[] {1, 0, 2}, new double[] {0, 3, -1});
        Qobj b = k.dag();
        assertTrue(b.isBra());
        assertEquals(Dims.bra(3), b.dims());
        assertEquals(new Complex(0, -3), b.get(0, 1));
        assertEquals(Dims.bra(3), k.trans().dims());
        assertEquals(new Complex(0, 3), k.trans().get(0, 1));
    }

    @Test
    void randomArithmeticMatchesEntrywiseFormulas() {
        Random random = new Random(7);
        Qobj a = random(3, 3, Dims.oper(3), random), b = random(3, 3, Dims.oper(3), random);
        Complex z = new Complex(0.3, -1.1);
        Qobj sum = a.plus(b), prod = a.times(b), scaled = a.times(z), cube = a.pow(3);
        Qobj cubeRef = a.times(a).times(a);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertComplex(a.get(i, j).plus(b.get(i, j)), sum.get(i, j), TOL, "plus");
                assertComplex(a.get(i, j).times(z), scaled.get(i, j), TOL, "times complex");
                Complex p = Complex.ZERO;
                for (int k = 0; k < 3; k++) {
                    p = p.plus(a.get(i, k).times(b.get(k, j)));
                }
                assertComplex(p, prod.get(i, j), 1e-12, "times");
                assertComplex(cubeRef.get(i, j), cube.get(i, j), 1e-12, "pow(3)");
            }
        }
        assertQobj(a, a.toSparse(), 0, "toSparse keeps the entries");
        assertQobj(a.times(b), a.toSparse().times(b), 1e-12, "sparse times dense");
    }

    @Test
    void traceNormAndUnit() {
        assertEquals(Complex.ZERO, SZ.tr());
        assertEquals(new Complex(2, 0), ID2.tr());
        assertEquals(new Complex(0, 2), ID2.times(Complex.I).tr());
        // ket: 2-norm
        Qobj k = ket(new double[] {3, 0}, new double[] {0, 4});
        assertEquals(5, k.norm(), TOL);
        assertEquals(5, k.dag().norm(), TOL);
        Qobj u = k.unit();
        assertEquals(1, u.norm(), TOL);
        assertComplex(new Complex(0, 0.8), u.get(1, 0), TOL, "unit ket entry");
        // operators: trace norm, the sum of singular values
        assertEquals(2, SZ.norm(), TOL, "sigmaz, eigenvalues +-1");
        assertEquals(2, SY.norm(), TOL);
        assertEquals(4, op(new double[][] {{1, 2}, {2, 1}}).norm(), TOL, "eigenvalues 3 and -1");
        assertEquals(1, op(new double[][] {{0, 1}, {0, 0}}).norm(), TOL, "singular values 1, 0");
        assertEquals(Math.sqrt(5), op(new double[][] {{1, 1}, {0, 1}}).norm(), TOL, "singular values phi and 1/phi");
        assertEquals(2, SZ.toSparse().norm(), TOL);
        assertQobj(SZ.times(0.5), SZ.unit(), TOL, "unit operator divides by the trace norm");
        assertEquals(Math.sqrt(2), SZ.frobeniusNorm(), TOL);
        assertThrows(ArithmeticException.class, () -> SZ.times(0).unit());
    }

    @Test
    void matrixElementAndOverlap() {
        Qobj zero = ket(new double[] {1, 0}, new double[] {0, 0}), one = ket(new double[] {0, 1}, new double[] {0, 0});
        assertEquals(Complex.ONE, SX.matrixElement(zero, one));
        assertEquals(new Complex(0, -1), SY.matrixElement(zero, one));
        assertEquals(new Complex(0, -1), SY.matrixElement(zero.dag(), one), "bra given as a bra");
        assertEquals(new Complex(-1, 0), SZ.matrixElement(one, one));
        // <a|A|b> with complex a: the bra is conjugated
        Qobj a = ket(new double[] {0, 1}, new double[] {1, 0});   // (i, 1)
        Qobj b = ket(new double[] {1, 0}, new double[] {0, 2});   // (1, 2i)
        // A b = sx b = (2i, 1); <a| = (-i, 1); -i * 2i + 1 = 3
        assertComplex(new Complex(3, 0), SX.matrixElement(a, b), TOL, "complex matrix element");
        // <a|b> = (-i)(1) + (1)(2i) = i
        assertComplex(new Complex(0, 1), a.overlap(b), TOL, "overlap");
        assertComplex(new Complex(0, -1), b.overlap(a), TOL, "overlap is conjugate symmetric");
        assertComplex(new Complex(0, 1), a.dag().overlap(b), TOL, "overlap from a bra");
        // QuTiP 5: a ket with a bra gives the conjugate, <b|a>
        assertComplex(new Complex(0, -1), a.overlap(b.dag()), TOL, "overlap with a bra as second argument");
        assertThrows(IllegalArgumentException.class, () -> SX.matrixElement(zero, SX));
    }

    @Test
    void expectationValues() {
        Qobj plus = ket(new double[] {1, 1}, new double[] {0, 0}).unit();
        assertEquals(1, Qobj.expect(SX, plus), TOL);
        assertEquals(0, Qobj.expect(SZ, plus), TOL);
        Qobj rho = plus.times(plus.dag());
        assertEquals(1, Qobj.expect(SX, rho), TOL);
        assertEquals(1, Qobj.expect(SX.toSparse(), rho.toSparse()), TOL);
        assertComplex(new Complex(0, 1), Qobj.expectComplex(SX.times(Complex.I), rho), TOL, "complex expect");
        assertThrows(DimensionMismatchException.class, () -> Qobj.expect(SX, ket(new double[3], new double[3])));
    }

    @Test
    void hermiticity() {
        assertTrue(SX.isHerm());
        assertTrue(SY.isHerm());
        assertTrue(SZ.toSparse().isHerm());
        assertFalse(ket(new double[] {1, 0}, new double[] {0, 0}).isHerm(), "kets are never Hermitian");
        Qobj skew = SY.times(Complex.I);
        assertFalse(skew.isHerm(), "i sy is not Hermitian");
        assertTrue(SX.trans().isHerm());
        assertTrue(SY.conj().isHerm());
        assertTrue(SY.times(-3).isHerm());
        Qobj nearly = SX.plus(op(new double[][] {{0, 1e-14}, {0, 0}}));
        assertTrue(nearly.isHerm(), "within the 1e-12 tolerance");
        assertFalse(SX.plus(op(new double[][] {{0, 1e-9}, {0, 0}})).isHerm());
    }

    @Test
    void hermiticityIsNotCarriedWhereTheResultCanChangeIt() {
        // a non-Hermitian operator whose flag is already computed
        Qobj a = op(new double[][] {{0, 1}, {0, 0}});
        assertFalse(a.isHerm());
        assertTrue(a.pow(0).isHerm(), "A^0 is the identity");
        assertTrue(a.pow(2).isHerm(), "this A is nilpotent: A^2 = 0");
        assertTrue(a.times(0).isHerm(), "0 A = 0");
        assertTrue(a.times(Complex.ZERO).isHerm(), "0 A = 0");
        Qobj small = op(new double[][] {{0, 1e-3}, {0, 0}});
        assertFalse(small.isHerm());
        assertTrue(small.tidyup(1e-2).isHerm(), "tidyup removed the only off-diagonal entry");
        // and a Hermitian one whose tidyup breaks the symmetry
        Qobj h = op(new double[][] {{1, 0.02}, {0.02 + 1e-13, 1}});
        assertTrue(h.isHerm());
        Qobj cut = h.tidyup(0.02);
        assertEquals(0, cut.get(0, 1).abs(), 0);
        assertFalse(cut.isHerm(), "tidyup removed (0, 1) but kept (1, 0)");
    }

    @Test
    void ptraceOfProductStatesGivesTheFactors() {
        Qobj a = ket(new double[] {0.6, 0}, new double[] {0, 0.8});
        double s = 1 / Math.sqrt(3);
        Qobj b = ket(new double[] {s, 0, -s}, new double[] {0, s, 0});
        Qobj psi = Qobj.tensor(a, b);
        assertEquals(Dims.ket(2, 3), psi.dims());
        Qobj rhoA = a.times(a.dag()), rhoB = b.times(b.dag());
        assertQobj(rhoA, psi.ptrace(0), TOL, "ket ptrace(0)");
        assertQobj(rhoB, psi.ptrace(1), TOL, "ket ptrace(1)");
        // as QuTiP: the selection's order is unimportant, the result is never reordered
        assertQobj(Qobj.tensor(rhoA, rhoB), psi.ptrace(1, 0), TOL, "ket ptrace(1, 0) is ptrace(0, 1)");
        assertEquals(Dims.oper(2, 3), psi.ptrace(1, 0).dims());
        assertQobj(rhoA, psi.dag().ptrace(0), TOL, "bra ptrace(0)");
        assertQobj(rhoB, psi.toSparse().ptrace(1), TOL, "sparse ket ptrace(1)");

        // mixed product states, including a third factor with unit trace
        Qobj sa = op(new double[][] {{0.7, 0.1}, {0.1, 0.3}}, new double[][] {{0, -0.2}, {0.2, 0}});
        Qobj sc = op(new double[][] {{0.5, 0}, {0, 0.5}});
        Qobj rho = Qobj.tensor(sa, rhoB, sc);
        assertEquals(Dims.oper(2, 3, 2), rho.dims());
        for (Qobj r : List.of(rho, rho.toSparse())) {
            assertQobj(sa, r.ptrace(0), TOL, "ptrace(0)");
            assertQobj(rhoB, r.ptrace(1), TOL, "ptrace(1)");
            assertQobj(Qobj.tensor(sa, sc), r.ptrace(2, 0), TOL, "ptrace(2, 0) = ptrace(0, 2)");
            assertQobj(Qobj.tensor(rhoB, sc), r.ptrace(1, 2), TOL, "ptrace(1, 2)");
            assertQobj(r, r.ptrace(0, 1, 2), TOL, "ptrace of everything");
            assertQobj(r, r.ptrace(2, 1, 0), TOL, "ptrace(2, 1, 0) = ptrace(0, 1, 2): never reordered");
            // the order of the result is the permutation's business
            assertQobj(Qobj.tensor(sc, sa), r.ptrace(2, 0).permute(1, 0), TOL, "ptrace(0, 2).permute(1, 0)");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rho.ptrace());
        assertTrue(e.getMessage().contains("[2, 3, 2]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> rho.ptrace(3));
        assertTrue(e.getMessage().contains("ptrace: subsystem index 3") && e.getMessage().contains("out of range")
                && e.getMessage().contains("3 subsystems [2, 3, 2]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> rho.ptrace(2, -1));
        assertTrue(e.getMessage().contains("index -1") && e.getMessage().contains("[2, -1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> rho.ptrace(2, 0, 2));
        assertTrue(e.getMessage().contains("ptrace: subsystem 2 is listed twice in keep = [2, 0, 2]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> psi.ptrace(1, 1));
        assertTrue(e.getMessage().contains("listed twice"), e.getMessage());
    }

    @Test
    void permuteReordersTensorFactors() {
        Random random = new Random(11);
        Qobj a = random(2, 2, Dims.oper(2), random), b = random(3, 3, Dims.oper(3), random), c = random(2, 2, Dims.oper(2), random);
        Qobj ab = Qobj.tensor(a, b);
        assertQobj(Qobj.tensor(b, a), ab.permute(1, 0), TOL, "permute(1, 0) of A⊗B");
        assertQobj(Qobj.tensor(b, a), ab.toSparse().permute(1, 0), TOL, "sparse permute");
        assertQobj(ab, ab.permute(1, 0).permute(1, 0), 0, "permuting twice");
        Qobj abc = Qobj.tensor(a, b, c);
        assertQobj(Qobj.tensor(c, a, b), abc.permute(2, 0, 1), TOL, "permute(2, 0, 1)");
        assertQobj(abc, abc.permute(2, 0, 1).permute(1, 2, 0), 0, "inverse permutation");
        Qobj ka = random(2, 1, Dims.ket(2), random), kb = random(3, 1, Dims.ket(3), random);
        assertQobj(Qobj.tensor(kb, ka), Qobj.tensor(ka, kb).permute(1, 0), TOL, "ket");
        assertQobj(Qobj.tensor(kb, ka).dag(), Qobj.tensor(ka, kb).dag().permute(1, 0), TOL, "bra");
        assertThrows(IllegalArgumentException.class, () -> ab.permute(0, 0));
        assertThrows(IllegalArgumentException.class, () -> ab.permute(0));
    }

    @Test
    void eigenvaluesOfKnownMatrices() {
        assertArrayEquals(new double[] {1, 3}, op(new double[][] {{2, 1}, {1, 2}}).eigenenergies(), TOL);
        double r = Math.sqrt(2);
        Qobj t = op(new double[][] {{2, -1, 0}, {-1, 2, -1}, {0, -1, 2}});
        assertArrayEquals(new double[] {2 - r, 2, 2 + r}, t.eigenenergies(), TOL);
        assertArrayEquals(new double[] {-1, 1}, SY.eigenenergies(), TOL);
        assertArrayEquals(new double[] {-1, 1}, SX.toSparse().eigenenergies(), TOL);
        Qobj.Eigen es = t.eigenstates();
        for (int k = 0; k < 3; k++) {
            Qobj v = es.states().get(k);
            assertEquals(Dims.ket(3), v.dims());
            assertEquals(1, v.norm(), TOL);
            assertQobj(v.times(es.energies()[k]), t.times(v), 1e-12, "A v = lambda v for k = " + k);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> op(new double[][] {{0, 1}, {0, 0}}).eigenenergies());
        assertTrue(e.getMessage().contains("Hermitian"), e.getMessage());
    }

    @Test
    void dimsAreCheckedWithBothDimsInTheMessage() {
        Qobj two = SX, three = op(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        DimensionMismatchException e = assertThrows(DimensionMismatchException.class, () -> two.times(three));
        assertTrue(e.getMessage().contains("[[2], [2]]") && e.getMessage().contains("[[3], [3]]"), e.getMessage());
        e = assertThrows(DimensionMismatchException.class, () -> two.plus(three));
        assertTrue(e.getMessage().contains("plus") && e.getMessage().contains("[[3], [3]]"), e.getMessage());
        e = assertThrows(DimensionMismatchException.class, () -> two.minus(three));
        assertTrue(e.getMessage().contains("minus"), e.getMessage());
        // same shape, different tensor structure
        Qobj flat4 = q(new double[4][4], null, Dims.oper(4));
        Qobj split4 = q(new double[4][4], null, Dims.oper(2, 2));
        e = assertThrows(DimensionMismatchException.class, () -> flat4.plus(split4));
        assertTrue(e.getMessage().contains("[[4], [4]]") && e.getMessage().contains("[[2, 2], [2, 2]]"), e.getMessage());
        // data that do not fit the dims
        e = assertThrows(DimensionMismatchException.class, () -> Qobj.of(CsrMatrix.identity(3), Dims.oper(2, 2)));
        assertTrue(e.getMessage().contains("[[2, 2], [2, 2]]") && e.getMessage().contains("3x3"), e.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> SX.pow(-1));
        assertTrue(p.getMessage().contains("-1"), p.getMessage());
        Qobj k = ket(new double[] {1, 0}, new double[] {0, 0});
        assertThrows(IllegalArgumentException.class, () -> k.pow(2));
        assertThrows(IllegalArgumentException.class, () -> k.plus(1));
    }

    @Test
    void typesAndToString() {
        assertTrue(SX.isOper());
        Qobj k = ket(new double[] {1, 0}, new double[] {0, 0});
        assertTrue(k.isKet());
        assertTrue(k.dag().isBra());
        assertArrayEquals(new int[] {2, 1}, k.shape());
        String text = SX.toString();
        // QuTiP 5's header (issue #21): dims=..., shape=..., type='...', dtype=..., isherm=...
        assertTrue(text.contains("dims=[[2], [2]]"), text);
        assertTrue(text.contains("shape=(2, 2)"), text);
        assertTrue(text.contains("type='oper'"), text);
        assertTrue(text.contains("isherm=True"), text);
        assertTrue(k.toString().contains("type='ket'"), k.toString());
        Qobj opKet = Qobj.of(DenseMatrix.zeros(4, 1), Dims.operatorKetOf(Dims.oper(2)));
        assertTrue(opKet.isOperKet());
        assertTrue(opKet.toString().contains("type='operator-ket'"), opKet.toString());
        assertTrue(opKet.dag().isOperBra());
        Qobj sup = Qobj.of(CsrMatrix.identity(4), Dims.superOf(Dims.oper(2)));
        assertTrue(sup.isSuper());
        assertEquals(Dims.operatorKetOf(Dims.oper(2)), sup.times(opKet).dims());
        assertEquals(SX, SX.toSparse(), "equality compares values and dims, not formats");
        assertNotEquals(SX, SZ);
    }
}
