package dev.lindblad;

import static dev.lindblad.Lindblad.*;
import static dev.lindblad.QobjSurfaceTest.assertClose;
import static dev.lindblad.QobjSurfaceTest.matrix;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.testing.Reference;
import java.util.List;
import org.junit.jupiter.api.Test;

/** States and operators of issue #15 against QuTiP 5 (reference/surface.txt) and closed forms. */
class StatesOperatorsSurfaceTest {

    private static final Reference REF = Reference.load("surface");

    @Test
    void statesMatchQutip() {
        Reference.Case c = REF.get("states");
        assertClose(matrix(c, "basis_5_3_offset_2"), basis(5, 3, 2), 0, "basis offset");
        assertClose(matrix(c, "basis_23_11_offset_01"), basis(new int[] {2, 3}, new int[] {1, 2}, new int[] {0, 1}), 0,
                "basis list offset");
        assertClose(matrix(c, "fock_dm_23_12"), fockDm(new int[] {2, 3}, new int[] {1, 2}), 0, "fockDm list");
        assertClose(matrix(c, "projection_4_2_1_offset_1"), projection(4, 2, 1, 1), 0, "projection offset");
        assertClose(matrix(c, "zero_ket_23"), zeroKet(2, 3), 0, "zeroKet");
        assertEquals(Dims.ket(2, 3), zeroKet(2, 3).dims());
        assertClose(matrix(c, "w_state_3"), wState(3), 1e-15, "W3");
        assertClose(matrix(c, "w_state_4"), wState(4), 1e-15, "W4");
        assertClose(matrix(c, "spin_state_1.5_0.5"), spinState(1.5, 0.5), 0, "spin state");
        assertClose(matrix(c, "spin_state_1_-1_dm"), spinState(1, -1, "dm"), 0, "spin state dm");
        assertClose(matrix(c, "spin_coherent_1.5"), spinCoherent(1.5, 0.7, 0.3), 1e-14, "spin coherent");
        assertClose(matrix(c, "spin_coherent_1_dm"), spinCoherent(1, 1.1, -0.4, "dm"), 1e-14, "spin coherent dm");
        assertClose(matrix(c, "phase_basis_5_2_0.3"), phaseBasis(5, 2, 0.3), 1e-15, "phase basis");
        assertClose(matrix(c, "singlet"), singletState(), 1e-15, "singlet");
        List<Qobj> t = tripletStates();
        for (int k = 0; k < 3; k++) {
            assertClose(matrix(c, "triplet_" + k), t.get(k), 1e-15, "triplet " + k);
        }
    }

    @Test
    void statesObeyTheirDefinitions() {
        // a spin coherent state points along n: <J> = j n, and it has the minimal variance j/2 across n
        double j = 2, th = 1.3, ph = -0.6;
        Qobj s = spinCoherent(j, th, ph);
        double[] n = {Math.sin(th) * Math.cos(ph), Math.sin(th) * Math.sin(ph), Math.cos(th)};
        assertArrayEquals(new double[] {j * n[0], j * n[1], j * n[2]}, expect(List.of(spinJx(j), spinJy(j), spinJz(j)), s),
                1e-13);
        Qobj perp = spinJx(j).times(Math.cos(th) * Math.cos(ph)).plus(spinJy(j).times(Math.cos(th) * Math.sin(ph)))
                .minus(spinJz(j).times(Math.sin(th)));
        assertEquals(j / 2, variance(perp, s), 1e-13);
        // the singlet has total spin 0, the triplets 1 (S^2 = s(s+1))
        Qobj[] sx = {tensor(sigmax(), qeye(2)).plus(tensor(qeye(2), sigmax())).times(0.5),
            tensor(sigmay(), qeye(2)).plus(tensor(qeye(2), sigmay())).times(0.5),
            tensor(sigmaz(), qeye(2)).plus(tensor(qeye(2), sigmaz())).times(0.5)};
        Qobj s2 = sx[0].times(sx[0]).plus(sx[1].times(sx[1])).plus(sx[2].times(sx[2]));
        assertEquals(0, expect(s2, singletState()), 1e-15);
        for (Qobj t : tripletStates()) {
            assertEquals(2, expect(s2, t), 1e-15);
        }
        // phase basis kets are orthonormal
        for (int a = 0; a < 5; a++) {
            for (int b = 0; b < 5; b++) {
                assertEquals(a == b ? 1 : 0, phaseBasis(5, a, 0.2).overlap(phaseBasis(5, b, 0.2)).abs(), 1e-14);
            }
        }
        // W state: one excitation shared by all qubits, each reduced state diag(1 - 1/n, 1/n)
        Qobj w = wState(5);
        assertEquals(1, w.norm(), 1e-15);
        assertArrayEquals(new double[] {0.8, 0.2}, w.ptrace(3).diag(), 1e-15);
        assertClose(basis(new int[] {2, 3}, new int[] {1, 2}, new int[] {0, 1}), fock(new int[] {2, 3}, new int[] {1, 2},
                new int[] {0, 1}), 0, "fock offsets");
        assertClose(projection(new int[] {2, 3}, new int[] {1, 1}, new int[] {0, 2}),
                projection(new int[] {2, 3}, new int[] {2, 2}, new int[] {1, 3}, new int[] {1, 1}), 0, "projection offsets");
        assertClose(fockDm(6, 2), fockDm(6, 5, 3), 0, "fockDm offset");
        assertThrows(IllegalArgumentException.class, () -> basis(5, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> basis(5, 7, 2));
        assertThrows(IllegalArgumentException.class, () -> spinState(1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> spinState(1, 2));
        assertThrows(IllegalArgumentException.class, () -> spinState(1, 1, "vec"));
        assertThrows(IllegalArgumentException.class, () -> zeroKet(2, 0));
        assertThrows(IllegalArgumentException.class, () -> wState(0));
    }

    @Test
    void operatorsMatchQutip() {
        Reference.Case c = REF.get("operators");
        for (double j : new double[] {1, 1.5, 2}) {
            String js = j == Math.rint(j) ? String.valueOf((int) j) : String.valueOf(j);
            assertClose(matrix(c, "spin_Jx_" + js), spinJx(j), 1e-15, "Jx " + j);
            assertClose(matrix(c, "spin_Jy_" + js), spinJy(j), 1e-15, "Jy " + j);
            assertClose(matrix(c, "spin_Jz_" + js), spinJz(j), 0, "Jz " + j);
            assertClose(matrix(c, "spin_Jp_" + js), spinJp(j), 1e-15, "Jp " + j);
            assertClose(matrix(c, "spin_Jm_" + js), spinJm(j), 1e-15, "Jm " + j);
        }
        assertClose(matrix(c, "position_5"), position(5), 1e-15, "position");
        assertClose(matrix(c, "momentum_5"), momentum(5), 1e-15, "momentum");
        assertClose(matrix(c, "position_5_offset_2"), position(5, 2), 1e-15, "position offset");
        assertClose(matrix(c, "destroy_4_offset_3"), destroy(4, 3), 1e-15, "destroy offset");
        assertClose(matrix(c, "create_4_offset_3"), create(4, 3), 1e-15, "create offset");
        assertClose(matrix(c, "num_4_offset_2"), num(4, 2), 0, "num offset");
        assertClose(matrix(c, "charge_3"), charge(3), 0, "charge");
        assertClose(matrix(c, "charge_2_-1_0.5"), charge(2, -1, 0.5), 0, "charge frac");
        assertClose(matrix(c, "tunneling_5"), tunneling(5), 0, "tunneling");
        assertClose(matrix(c, "tunneling_5_2"), tunneling(5, 2), 0, "tunneling 2");
        Qobj a = destroy(4);
        assertClose(matrix(c, "squeezing_44"), squeezing(tensor(a, qeye(4)), tensor(qeye(4), a), Complex.of(0.3, 0.2)), 1e-14,
                "squeezing");
        List<Qobj> q = qutritOps();
        for (int k = 0; k < 6; k++) {
            assertClose(matrix(c, "qutrit_op_" + k), q.get(k), 0, "qutrit op " + k);
        }
        assertClose(matrix(c, "fdestroy_3_1"), fdestroy(3, 1), 0, "fdestroy");
        assertClose(matrix(c, "fcreate_3_2"), fcreate(3, 2), 0, "fcreate");
        assertEquals(Dims.oper(2, 2, 2), fdestroy(3, 1).dims());
        assertClose(matrix(c, "qdiags"), qdiags(new Complex[][] {{Complex.ONE, Complex.of(2), Complex.of(3)},
            {Complex.of(0, 4), Complex.of(5)}}, new int[] {0, 1}), 0, "qdiags");
        assertClose(matrix(c, "anticommutator"), commutator(matrix(c, "comm_a"), matrix(c, "comm_b"), "anti"), 1e-14,
                "anticommutator");
    }

    @Test
    void operatorsObeyTheirAlgebra() {
        for (double j : new double[] {0.5, 1, 1.5, 2, 3.5}) {
            // [Jx, Jy] = i Jz, J^2 = j(j+1), J+ = Jx + i Jy
            Qobj jx = spinJx(j), jy = spinJy(j), jz = spinJz(j);
            assertClose(jz.times(Complex.I), commutator(jx, jy), 1e-13, "[Jx, Jy] j=" + j);
            assertClose(jx.times(Complex.I), commutator(jy, jz), 1e-13, "[Jy, Jz] j=" + j);
            Qobj j2 = jx.times(jx).plus(jy.times(jy)).plus(jz.times(jz));
            assertClose(qeye((int) (2 * j + 1)).times(j * (j + 1)), j2, 1e-12, "J^2 j=" + j);
            assertClose(jx.plus(jy.times(Complex.I)), spinJp(j), 1e-14, "J+ j=" + j);
            assertEquals(3, spinJSet(j).length);
        }
        // Jordan-Wigner: {c_i, c_j^†} = δ_ij, {c_i, c_j} = 0
        int sites = 4;
        for (int i = 0; i < sites; i++) {
            for (int k = 0; k < sites; k++) {
                Qobj anti = commutator(fdestroy(sites, i), fcreate(sites, k), "anti");
                assertClose(i == k ? qeye(2, 2, 2, 2) : qzero(2, 2, 2, 2), anti, 0, "{c_" + i + ", c_" + k + "^†}");
                assertClose(qzero(2, 2, 2, 2), commutator(fdestroy(sites, i), fdestroy(sites, k), "anti"), 0,
                        "{c_" + i + ", c_" + k + "}");
            }
        }
        // x and p: [x, p] = i in the truncated space except the last level, <0|x^2|0> = 1/2
        int n = 8;
        Qobj xp = commutator(position(n), momentum(n));
        for (int k = 0; k < n - 1; k++) {
            assertEquals(0, xp.get(k, k).minus(Complex.I).abs(), 1e-14);
        }
        assertEquals(0.5, expect(position(n).pow(2), basis(n, 0)), 1e-15);
        // destroy with an offset lowers |offset + k> by sqrt(offset + k)
        assertClose(basis(5, 3, 2).times(Math.sqrt(4)), destroy(5, 2).times(basis(5, 4, 2)), 1e-15, "offset ladder");
        assertClose(commutator(destroy(6), create(6), "normal"), commutator(destroy(6), create(6)), 0, "normal kind");
        assertClose(qzero(new int[] {2}, new int[] {3}), Qobj.of(dev.lindblad.data.CsrMatrix.zeros(2, 3), Dims.of(new int[] {2},
                new int[] {3})), 0, "qzero rectangular");
        assertEquals(Dims.oper(2, 3), qzeroLike(qeye(2, 3)).dims());
        assertClose(qeye(2, 3), qeyeLike(qzero(2, 3)), 0, "qeyeLike");
        assertClose(qeye(2, 3), identity(2, 3), 0, "identity");
        assertThrows(IllegalArgumentException.class, () -> commutator(sigmax(), sigmay(), "anticommutator"));
        assertThrows(IllegalArgumentException.class, () -> fdestroy(3, 3));
        assertThrows(IllegalArgumentException.class, () -> fcreate(0, 0));
        assertThrows(IllegalArgumentException.class, () -> tunneling(4, 4));
        assertThrows(IllegalArgumentException.class, () -> charge(1, 2));
        assertThrows(IllegalArgumentException.class, () -> destroy(4, -1));
        assertThrows(IllegalArgumentException.class, () -> qeyeLike(basis(3, 0)));
        assertThrows(IllegalArgumentException.class, () -> qdiags(new double[][] {{1, 2}, {3}}, new int[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> qdiags(new double[][] {{1, 2}, {3, 4}}, new int[] {0, 1}));
    }

    @Test
    void enrSpacesMatchQutipAndCounts() {
        Reference.Case c = REF.get("enr");
        int[] dims = c.ints("dims");
        int exc = c.ints("excitations")[0];
        List<Qobj> a = enrDestroy(dims, exc);
        for (int k = 0; k < dims.length; k++) {
            assertClose(matrix(c, "destroy_" + k), a.get(k), 1e-15, "enr destroy " + k);
        }
        assertClose(matrix(c, "fock_101"), enrFock(dims, exc, new int[] {1, 0, 1}), 0, "enr fock");
        assertClose(matrix(c, "thermal"), enrThermalDm(dims, exc, new double[] {0.3, 0.5, 0.2}), 1e-15, "enr thermal");
        assertEquals(c.ints("nstates_4444_5")[0], enrNstates(new int[] {4, 4, 4, 4}, 5));
        assertEquals(c.ints("nstates_352_4")[0], enrNstates(new int[] {3, 5, 2}, 4));
        assertEquals(c.ints("nstates_2222_2")[0], enrNstates(new int[] {2, 2, 2, 2}, 2));
        // the count is the number of enumerated states, and closed forms: C(E + m, m) when no mode saturates
        for (int[] d : new int[][] {{3, 3, 2}, {4, 4, 4, 4}, {2, 5}, {6, 6, 6}}) {
            for (int e = 0; e <= 6; e++) {
                assertEquals(Operators.enrStates(d, e).size(), enrNstates(d, e), java.util.Arrays.toString(d) + " E=" + e);
            }
        }
        assertEquals(56, enrNstates(new int[] {9, 9, 9, 9, 9}, 3));   // C(3 + 5, 5)
        assertEquals(16, enrNstates(new int[] {2, 2, 2, 2}, 4));      // the whole space
        // modes commute, each ladder acts as sqrt(n) within the space
        Qobj id = enrIdentity(dims, exc);
        assertClose(qzeroLike(id), commutator(a.get(0), a.get(1)), 0, "[a0, a1]");
        Qobj n0 = a.get(0).dag().times(a.get(0));
        assertEquals(1, expect(n0, enrFock(dims, exc, new int[] {1, 0, 1})), 0);
        assertEquals(0, expect(n0, enrFock(dims, exc, new int[] {0, 2, 0})), 0);
        assertEquals(1, enrThermalDm(dims, exc, 0.4).tr().re(), 1e-15);
        assertClose(enrFock(dims, exc, new int[] {0, 0, 0}).proj(), enrThermalDm(dims, exc, 0), 0, "zero temperature");
        assertThrows(IllegalArgumentException.class, () -> enrFock(dims, exc, new int[] {2, 1, 0}));
        assertThrows(IllegalArgumentException.class, () -> enrDestroy(dims, -1));
        assertThrows(IllegalArgumentException.class, () -> enrThermalDm(dims, exc, new double[] {0.1}));
    }
}
