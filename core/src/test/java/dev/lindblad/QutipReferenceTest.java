package dev.lindblad;

import static dev.lindblad.Lindblad.*;
import static dev.lindblad.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.data.DenseMatrix;
import dev.lindblad.testing.Reference;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks against values computed by QuTiP 4.7.1 ({@code reference/foundation.txt}). */
class QutipReferenceTest {

    private static Reference ref;

    @BeforeAll
    static void load() {
        ref = Reference.load("foundation");
    }

    private static Qobj matrix(Reference.Case c, String key, Dims dims) {
        DenseMatrix m = DenseMatrix.of(c.rows(key), c.cols(key), c.complexes(key));
        return dims == null ? Qobj.of(m) : Qobj.of(m, dims);
    }

    private static Qobj matrix(Reference.Case c, String key) {
        return matrix(c, key, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ptrace_dm_222", "ptrace_ket_222", "ptrace_dm_232", "ptrace_ket_232"})
    void partialTraceNeverReorders(String name) {
        Reference.Case c = ref.get(name);
        int[] dims = c.ints("dims");
        boolean ket = name.contains("ket");
        Qobj state = ket ? matrix(c, "psi", Dims.ket(dims)) : matrix(c, "rho", Dims.oper(dims));
        int count = (int) c.scalar("count");
        for (int k = 0; k < count; k++) {
            int[] sel = c.ints("sel" + k);
            Qobj r = state.ptrace(sel);
            // QuTiP never reorders: the kept subsystems come in ascending order
            int[] sorted = sel.clone();
            java.util.Arrays.sort(sorted);
            int[] kept = new int[sel.length];
            for (int s = 0; s < sel.length; s++) {
                kept[s] = dims[sorted[s]];
            }
            assertEquals(Dims.oper(kept), r.dims(), "dims of ptrace" + k);
            assertArrayClose(c.complexes("ptrace" + k), r.toArray(), 1e-14, name + " sel " + java.util.Arrays.toString(sel));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"entropy_maxmixed_qubit", "entropy_random_dm3", "entropy_random_dm4", "entropy_random_dm6"})
    void entropies(String name) {
        Reference.Case c = ref.get(name);
        Qobj rho = matrix(c, "rho");
        assertEquals(c.scalar("entropy_vn"), entropyVn(rho), 1e-13);
        assertEquals(c.scalar("entropy_vn_base2"), entropyVn(rho, 2), 1e-13);
        assertEquals(c.scalar("entropy_linear"), entropyLinear(rho), 1e-14);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fidelity_dm_dm2", "fidelity_dm_dm4", "fidelity_dm_dm5"})
    void fidelityAndTraceDistanceOfDensityMatrices(String name) {
        Reference.Case c = ref.get(name);
        Qobj a = matrix(c, "a"), b = matrix(c, "b");
        assertEquals(c.scalar("fidelity"), fidelity(a, b), 1e-12);
        assertEquals(c.scalar("tracedist"), tracedist(a, b), 1e-13);
    }

    @Test
    void fidelityAndTraceDistanceWithKets() {
        Reference.Case kk = ref.get("fidelity_ket_ket");
        Qobj a = matrix(kk, "a", Dims.ket(2, 2)), b = matrix(kk, "b", Dims.ket(2, 2));
        assertEquals(kk.scalar("fidelity"), fidelity(a, b), 1e-14);
        assertEquals(kk.scalar("tracedist_analytic"), tracedist(a, b), 1e-13);
        assertEquals(kk.scalar("tracedist"), tracedist(a, b), 1e-7);
        Reference.Case kd = ref.get("fidelity_ket_dm");
        Qobj ka = matrix(kd, "a", Dims.ket(2, 2)), mb = matrix(kd, "b", Dims.oper(2, 2));
        assertEquals(kd.scalar("fidelity_analytic"), fidelity(ka, mb), 1e-14);
        assertEquals(kd.scalar("fidelity"), fidelity(ka, mb), 1e-7);
        assertEquals(kd.scalar("tracedist"), tracedist(ka, mb), 1e-13);
    }

    @Test
    void concurrence() {
        Reference.Case pure = ref.get("concurrence_pure");
        Qobj psi = matrix(pure, "psi", Dims.ket(2, 2));
        assertEquals(pure.scalar("concurrence_analytic"), Lindblad.concurrence(psi), 1e-14);
        assertEquals(pure.scalar("concurrence"), Lindblad.concurrence(psi), 1e-7);
        for (String name : List.of("concurrence_mixed_full_rank", "concurrence_mixed", "concurrence_werner")) {
            Reference.Case c = ref.get(name);
            assertEquals(c.scalar("concurrence"), Lindblad.concurrence(matrix(c, "rho", Dims.oper(2, 2))), 1e-7, name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"eigen_jc_rwa", "eigen_jc_norwa"})
    void jaynesCummingsSpectrumFromOperators(String name) {
        Reference.Case c = ref.get(name);
        int n = (int) c.scalar("N");
        double wc = c.scalar("wc"), wa = c.scalar("wa"), g = c.scalar("g");
        Qobj a = tensor(destroy(n), qeye(2)), sm = tensor(qeye(n), sigmam());
        Qobj coupling = name.endsWith("norwa")
                ? a.plus(a.dag()).times(sm.plus(sm.dag()))
                : a.dag().times(sm).plus(a.times(sm.dag()));
        Qobj h = a.dag().times(a).times(wc).plus(sm.dag().times(sm).times(wa)).plus(coupling.times(g));
        assertArrayClose(c.complexes("H"), h.toArray(), 1e-15, "H");
        assertArrayClose(c.reals("eigenvalues"), h.eigenenergies(), 1e-12, "eigenvalues");
    }

    @Test
    void randomHermitianSpectrum() {
        Reference.Case c = ref.get("eigen_random_herm20");
        assertArrayClose(c.reals("eigenvalues"), matrix(c, "H").eigenenergies(), 1e-12, "eigenvalues");
    }

    @Test
    void matrixExponentials() {
        Reference.Case r = ref.get("expm_random6");
        assertArrayClose(r.complexes("expm"), matrix(r, "A").expm().toArray(), 1e-12, "expm(A)");
        Reference.Case c = ref.get("expm_spin_chain");
        int sites = (int) c.scalar("sites");
        double j = c.scalar("J"), hz = c.scalar("h"), t = c.scalar("t");
        int[] dims = new int[sites];
        java.util.Arrays.fill(dims, 2);
        Qobj h = qeye(dims).times(0);
        Qobj[] pauli = {sigmax(), sigmay(), sigmaz()};
        for (int i = 0; i < sites; i++) {
            h = h.plus(site(sigmaz(), i, sites).times(hz));
            if (i + 1 < sites) {
                for (Qobj s : pauli) {
                    h = h.plus(site(s, i, sites).times(site(s, i + 1, sites)).times(j));
                }
            }
        }
        assertArrayClose(c.complexes("H"), h.toArray(), 1e-14, "H");
        Qobj u = h.times(Complex.of(0, -t)).expm();
        assertArrayClose(c.complexes("U"), u.toArray(), 1e-12, "U = expm(-iHt)");
    }

    private static Qobj site(Qobj op, int i, int sites) {
        Qobj[] parts = new Qobj[sites];
        for (int k = 0; k < sites; k++) {
            parts[k] = k == i ? op : qeye(2);
        }
        return tensor(parts);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wigner_fock5_2", "wigner_coherent20", "wigner_random_dm6"})
    void wignerFunctions(String name) {
        Reference.Case c = ref.get(name);
        Qobj state = c.has("psi") ? matrix(c, "psi") : matrix(c, "rho");
        double[] x = c.reals("xvec"), p = c.reals("pvec");
        assertArrayEquals(linspace(-3, 3, 21), x, "numpy linspace bit for bit");
        double[][] w = wigner(state, x, p, c.scalar("g"));
        double[] expected = c.reals("W");
        for (int i = 0; i < p.length; i++) {
            for (int k = 0; k < x.length; k++) {
                assertEquals(expected[i + k * p.length], w[i][k], 1e-12, name + " at p = " + p[i] + ", x = " + x[k]);
            }
        }
        if (name.equals("wigner_fock5_2")) {
            assertArrayClose(c.complexes("psi"), fock(5, 2).toArray(), 0, "fock(5, 2)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"permute_ket", "permute_oper"})
    void permute(String name) {
        Reference.Case c = ref.get(name);
        int[] dims = c.ints("dims");
        Qobj in = name.endsWith("ket") ? matrix(c, "psi", Dims.ket(dims)) : matrix(c, "A", Dims.oper(dims));
        Qobj out = in.permute(c.ints("order"));
        int[] rd = c.ints("result_dims");
        assertEquals(name.endsWith("ket") ? Dims.ket(rd) : Dims.oper(rd), out.dims());
        assertArrayClose(c.complexes("result"), out.toArray(), 0, name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jmat_j0.5", "jmat_j1", "jmat_j1.5"})
    void spinMatrices(String name) {
        Reference.Case c = ref.get(name);
        double j = c.scalar("j");
        String[][] axes = {{"x", "x"}, {"y", "y"}, {"z", "z"}, {"plus", "+"}, {"minus", "-"}};
        for (String[] ax : axes) {
            assertArrayClose(c.complexes(ax[0]), jmat(j, ax[1]).toArray(), 1e-15, name + " " + ax[1]);
        }
    }

    @Test
    void displaceSqueezeCoherentThermal() {
        Reference.Case d = ref.get("displace");
        double[] alpha = d.complexes("alpha");
        assertArrayClose(d.complexes("D"), displace((int) d.scalar("N"), Complex.of(alpha[0], alpha[1])).toArray(), 1e-14,
                "displace");
        Reference.Case s = ref.get("squeeze");
        double[] z = s.complexes("z");
        assertArrayClose(s.complexes("S"), squeeze((int) s.scalar("N"), Complex.of(z[0], z[1])).toArray(), 1e-14,
                "squeeze");
        Reference.Case c = ref.get("coherent");
        double[] ca = c.complexes("alpha");
        int n = (int) c.scalar("N");
        assertArrayClose(c.complexes("psi"), coherent(n, Complex.of(ca[0], ca[1])).toArray(), 1e-14, "coherent");
        assertArrayClose(c.complexes("psi_analytic"), coherent(n, Complex.of(ca[0], ca[1]), "analytic").toArray(), 1e-15,
                "coherent analytic");
        Reference.Case t = ref.get("thermal_dm");
        assertArrayClose(t.complexes("rho"), thermalDm((int) t.scalar("N"), t.scalar("n")).toArray(), 1e-15, "thermalDm");
    }

    @Test
    void superoperators() {
        Reference.Case c = ref.get("superoperators");
        Qobj h = matrix(c, "H"), c1 = matrix(c, "c1"), c2 = matrix(c, "c2"), a = matrix(c, "A"), b = matrix(c, "B");
        Qobj rho = matrix(c, "rho");
        assertArrayClose(c.complexes("spre_A"), spre(a).toArray(), 0, "spre");
        assertArrayClose(c.complexes("spost_A"), spost(a).toArray(), 0, "spost");
        assertArrayClose(c.complexes("sprepost_A_B"), sprepost(a, b).toArray(), 1e-14, "sprepost");
        assertArrayClose(c.complexes("dissipator_c1"), lindbladDissipator(c1).toArray(), 1e-14, "dissipator");
        Qobj l = liouvillian(h, List.of(c1, c2));
        assertArrayClose(c.complexes("liouvillian"), l.toArray(), 1e-14, "liouvillian");
        assertArrayClose(c.complexes("vec_rho"), operatorToVector(rho).toArray(), 0, "vec");
        assertArrayClose(c.complexes("L_vec_rho"), l.times(operatorToVector(rho)).toArray(), 1e-13, "L vec(rho)");
    }
}
