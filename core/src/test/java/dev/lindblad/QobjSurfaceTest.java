package dev.lindblad;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.data.DenseMatrix;
import dev.lindblad.testing.Reference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Qobj methods of issue #15 against QuTiP 5 (reference/surface.txt) and closed forms. */
class QobjSurfaceTest {

    private static final Reference REF = Reference.load("surface");

    static Qobj matrix(Reference.Case c, String key) {
        return Qobj.of(DenseMatrix.wrap(c.rows(key), c.cols(key), c.complexes(key)));
    }

    static void assertClose(Qobj expected, Qobj actual, double tol, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        double d = 0;
        for (int i = 0; i < expected.shape()[0]; i++) {
            for (int j = 0; j < expected.shape()[1]; j++) {
                d = Math.max(d, expected.get(i, j).minus(actual.get(i, j)).abs());
            }
        }
        assertTrue(d <= tol, what + ": max difference " + d + " > " + tol);
    }

    @Test
    void matrixFunctionsMatchQutip() {
        for (String name : List.of("functions_general", "functions_hermitian", "functions_density", "functions_rotation")) {
            Reference.Case c = REF.get(name);
            Qobj a = matrix(c, "A");
            assertClose(matrix(c, "sqrtm"), a.sqrtm(), 1e-11, name + " sqrtm");
            if (name.equals("functions_hermitian")) {
                // a negative eigenvalue lies on the branch cut: SciPy's logm (QuTiP's) lands on
                // log|l| - i pi by rounding, the principal logarithm is log|l| + i pi, so the
                // two differ by 2 pi i times the projector on the negative eigenspace
                Qobj.Eigen es = a.eigenstates();
                Qobj neg = qzeroLike(a);
                for (int k = 0; k < es.energies().length; k++) {
                    if (es.energies()[k] < 0) {
                        neg = neg.plus(es.states().get(k).proj());
                    }
                }
                assertClose(matrix(c, "logm").plus(neg.times(Complex.of(0, 2 * Math.PI))), a.logm(), 1e-11, name + " logm");
            } else {
                assertClose(matrix(c, "logm"), a.logm(), 1e-11, name + " logm");
            }
            assertClose(matrix(c, "cosm"), a.cosm(), 1e-11, name + " cosm");
            assertClose(matrix(c, "sinm"), a.sinm(), 1e-11, name + " sinm");
            assertClose(matrix(c, "expm"), a.expm(), 1e-11, name + " expm");
            assertClose(matrix(c, "inv"), a.inv(), 1e-11, name + " inv");
            // defining identities, independently of QuTiP
            assertClose(a, a.sqrtm().times(a.sqrtm()), 1e-11, name + " sqrtm^2");
            assertClose(a, a.logm().expm(), 1e-11, name + " exp(logm)");
            Qobj one = qeye(a.shape()[0]);
            Qobj c2s2 = a.cosm().times(a.cosm()).plus(a.sinm().times(a.sinm()));
            assertClose(one, c2s2, 1e-11, name + " cos^2 + sin^2");
        }
    }

    @Test
    void sqrtmAndLogmOfSpecialMatrices() {
        // a Jordan block with eigenvalue 4 is not diagonalisable but has the principal root
        // [[2, 1/4], [0, 2]] and logarithm [[ln 4, 1/4], [0, ln 4]]
        Qobj j = Qobj.fromArray(new double[][] {{4, 1}, {0, 4}});
        assertClose(Qobj.fromArray(new double[][] {{2, 0.25}, {0, 2}}), j.sqrtm(), 1e-14, "Jordan sqrtm");
        assertClose(Qobj.fromArray(new double[][] {{Math.log(4), 0.25}, {0, Math.log(4)}}), j.logm(), 1e-14, "Jordan logm");
        // sigma_z has sqrt diag(1, i) and log diag(0, i pi)
        assertClose(Qobj.fromArray(new double[][] {{1, 0}, {0, 0}}, new double[][] {{0, 0}, {0, 1}}), sigmaz().sqrtm(), 1e-14,
                "sqrt sigmaz");
        assertClose(Qobj.fromArray(new double[][] {{0, 0}, {0, 0}}, new double[][] {{0, 0}, {0, Math.PI}}), sigmaz().logm(),
                1e-14, "log sigmaz");
        // the nilpotent Jordan block has no square root; singular matrices no logarithm
        Qobj nil = Qobj.fromArray(new double[][] {{0, 1}, {0, 0}});
        assertThrows(ArithmeticException.class, nil::sqrtm);
        assertThrows(ArithmeticException.class, nil::logm);
        assertThrows(ArithmeticException.class, () -> fockDm(3, 0).logm());
        assertThrows(ArithmeticException.class, () -> fockDm(3, 0).inv());
        assertThrows(IllegalArgumentException.class, () -> basis(3, 0).logm());
        assertThrows(IllegalArgumentException.class, () -> basis(3, 0).inv());
        // the PSD root keeps its exact Hermitian form and rank
        Qobj rho = fockDm(3, 1).times(0.25).plus(fockDm(3, 2).times(0.75));
        assertClose(fockDm(3, 1).times(0.5).plus(fockDm(3, 2).times(Math.sqrt(0.75))), rho.sqrtm(), 1e-15, "PSD sqrtm");
    }

    @Test
    void normsMatchQutip() {
        Reference.Case c = REF.get("norms");
        Qobj a = matrix(c, "A");
        Qobj psi = matrix(c, "psi");
        for (String k : List.of("tr", "fro", "one", "max")) {
            assertEquals(c.scalar("A_" + k), a.norm(k), 1e-12 * c.scalar("A_" + k), k);
        }
        assertEquals(c.scalar("psi_l2"), psi.norm("l2"), 1e-13);
        assertEquals(c.scalar("psi_max"), psi.norm("max"), 1e-14);
        assertEquals(a.norm(), a.norm(null), 0);
        assertThrows(IllegalArgumentException.class, () -> psi.norm("fro"));
        assertThrows(IllegalArgumentException.class, () -> a.norm("l2"));
        assertThrows(IllegalArgumentException.class, () -> a.norm("nuclear"));
    }

    @Test
    void projPurityDiagMatchQutip() {
        Reference.Case c = REF.get("proj_purity_diag");
        Qobj psi = matrix(c, "psi"), rho = matrix(c, "rho"), a = matrix(c, "A");
        assertClose(matrix(c, "proj_ket"), psi.proj(), 1e-13, "proj ket");
        assertClose(matrix(c, "proj_bra"), psi.dag().proj(), 1e-13, "proj bra");
        assertTrue(psi.proj().isHerm());
        assertEquals(c.scalar("purity_ket"), psi.purity(), 1e-12);
        assertEquals(c.scalar("purity_rho"), rho.purity(), 1e-14);
        assertArrayEquals(c.reals("diag_rho"), rho.diag(), 1e-15);
        double[] da = c.complexes("diag_A");
        Complex[] got = a.diagComplex();
        for (int k = 0; k < got.length; k++) {
            assertEquals(da[2 * k], got[k].re(), 0);
            assertEquals(da[2 * k + 1], got[k].im(), 0);
        }
        assertThrows(IllegalArgumentException.class, a::diag);
        assertThrows(IllegalArgumentException.class, () -> rho.proj());
        assertThrows(IllegalArgumentException.class, () -> spre(rho).purity());
        assertEquals(1.0 / 3, maximallyMixedDm(3).purity(), 1e-15);
    }

    @Test
    void groundstateMatchesQutipUpToPhase() {
        Reference.Case c = REF.get("groundstate");
        Qobj.GroundState g = matrix(c, "H").groundstate();
        assertEquals(c.scalar("energy"), g.energy(), 1e-12);
        assertEquals(1.0, g.state().overlap(matrix(c, "state")).abs(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> sigmap().groundstate());
    }

    @Test
    void transformMatchesQutip() {
        Reference.Case c = REF.get("transform");
        Qobj h = matrix(c, "H"), psi = matrix(c, "psi"), v = matrix(c, "V"), u = matrix(c, "U");
        List<Qobj> kets = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            Qobj col = Qobj.of(DenseMatrix.wrap(3, 1, java.util.Arrays.copyOfRange(v.toArray(), 6 * k, 6 * k + 6)));
            kets.add(col);
        }
        assertClose(matrix(c, "H_basis"), h.transform(kets), 1e-13, "basis");
        assertClose(matrix(c, "psi_basis"), psi.transform(kets), 1e-13, "ket");
        assertClose(matrix(c, "H_basis_inverse"), h.transform(kets, true), 1e-13, "inverse");
        assertClose(matrix(c, "H_matrix"), h.transform(u), 1e-13, "matrix");
        assertClose(matrix(c, "H_matrix_inverse"), h.transform(u, true), 1e-13, "matrix inverse");
        assertClose(h, h.transform(kets).transform(kets, true), 1e-13, "round trip");
        assertThrows(IllegalArgumentException.class, () -> h.transform(kets.subList(0, 2)));
    }

    @Test
    void varianceAndExpectListsMatchQutip() {
        Reference.Case c = REF.get("variance");
        int n = c.ints("N")[0];
        double[] al = c.complexes("alpha");
        Complex alpha = Complex.of(al[0], al[1]);
        assertEquals(c.scalar("num_coherent"), variance(num(n), coherent(n, alpha)), 1e-11);
        // a coherent state is Poissonian: the variance equals the mean, |alpha|^2 (N = 12 truncation ~1e-6 here)
        assertEquals(alpha.abs2(), variance(num(n), coherent(n, alpha)), 1e-5);
        Qobj q = matrix(c, "qubit");
        assertEquals(c.scalar("sigmax_qubit"), variance(sigmax(), q), 1e-14);

        Reference.Case e = REF.get("expect_list");
        Qobj rho = matrix(e, "rho");
        assertArrayEquals(e.reals("values"), expect(List.of(sigmax(), sigmay(), sigmaz()), rho), 1e-14);
        Complex[] z = expectComplex(List.of(sigmam()), rho);
        assertEquals(e.complexes("sigmam")[0], z[0].re(), 1e-15);
        assertEquals(e.complexes("sigmam")[1], z[0].im(), 1e-15);
        double[][] grid = expect(List.of(sigmaz(), num(2)), List.of(basis(2, 0), basis(2, 1)));
        assertArrayEquals(new double[] {1, -1}, grid[0], 0);
        assertArrayEquals(new double[] {0, 1}, grid[1], 0);
        assertThrows(NullPointerException.class, () -> expect((List<Qobj>) null, rho));
    }

    @Test
    void isUnitary() {
        assertTrue(sigmax().isUnitary());
        assertTrue(randUnitary(5, 3).isUnitary());
        assertFalse(sigmap().isUnitary());
        assertFalse(basis(2, 0).isUnitary());
        assertFalse(sigmax().times(1 + 1e-9).isUnitary());
    }

    @Test
    void permuteOperatorKetsAndSuperoperators() {
        Reference.Case c = REF.get("permute_super");
        Qobj rho = Qobj.of(DenseMatrix.wrap(6, 6, c.complexes("rho")), Dims.oper(2, 3));
        Qobj v = operatorToVector(rho);
        Qobj pv = v.permute(1, 0);
        assertEquals(Dims.operatorKetOf(Dims.oper(3, 2)), pv.dims());
        assertClose(matrix(c, "vec_permuted"), pv, 1e-15, "QuTiP operator-ket");
        assertClose(operatorToVector(rho.permute(1, 0)), pv, 0, "vec of permuted");
        assertClose(matrix(c, "spre_permuted"), spre(rho).permute(new int[][] {{1, 0}, {3, 2}}), 1e-15, "QuTiP super");
        // the permuted superoperator acts on permuted operators as the original on the originals
        Qobj a = randHerm(new int[] {2, 3}, 1, "fill", RandomObjects.generator(1));
        Qobj b = randHerm(new int[] {2, 3}, 1, "fill", RandomObjects.generator(2));
        Qobj s = sprepost(a, b).plus(lindbladDissipator(a));
        Qobj ps = s.permute(1, 0);
        Qobj lhs = vectorToOperator(ps.times(operatorToVector(rho.permute(1, 0))));
        Qobj rhs = vectorToOperator(s.times(operatorToVector(rho))).permute(1, 0);
        assertClose(rhs, lhs, 1e-13, "S' vec(X') = vec(S(X)')");
        assertClose(pv.dag(), v.dag().permute(1, 0), 0, "operator-bra");
        assertThrows(IllegalArgumentException.class, () -> v.permute(0));
        assertThrows(IllegalArgumentException.class, () -> v.permute(0, 0));
        assertThrows(IllegalArgumentException.class, () -> s.permute(new int[][] {{1, 3}, {0, 2}}));
    }
}
