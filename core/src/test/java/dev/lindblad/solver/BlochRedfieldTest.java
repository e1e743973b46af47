package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Qobj;
import dev.lindblad.data.CsrMatrix;
import dev.lindblad.parallel.TaskMap;
import dev.lindblad.testing.Reference;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bloch–Redfield: golden-rule rates, QuTiP 4.7 references, sparsity and the parallel build. */
class BlochRedfieldTest {

    private static final SolverOptions TIGHT = SolverOptions.defaults().withAtol(1e-10).withRtol(1e-8)
            .withNsteps(100000);

    private static DoubleUnaryOperator ohmic(double eta, double wc) {
        return w -> w > 0 ? eta * w * Math.exp(-w / wc) : 0.0;
    }

    private static double maxDiff(double[] a, double[] b) {
        assertEquals(a.length, b.length);
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    /**
     * Qubit {@code H = ω/2 σz}, coupling σx with spectrum S and σz with a flat S0: the golden rule
     * gives {@code Γ1 = |<g|σx|e>|² (S(ω) + S(-ω))}, {@code p_e(∞) = S(-ω)/(S(ω)+S(-ω))}, and the
     * coherence decays at {@code Γ2 = Γ1/2 + 2 S0} (pure dephasing {@code (σz_ee - σz_gg)² S0 / 2}).
     */
    @Test
    void qubitRatesFollowTheGoldenRule() {
        double w = 1.3, temp = 0.7, s0 = 0.013;
        DoubleUnaryOperator s = x -> {
            double up = 0.04 * Math.abs(x) * Math.exp(-Math.abs(x) / 4);
            return x >= 0 ? up : up * Math.exp(x / temp);   // detailed balance S(-ω) = e^{-ω/T} S(ω)
        };
        Qobj h = sigmaz().times(0.5 * w);
        List<BrOperator> aOps = List.of(BrOperator.of(sigmax(), s), BrOperator.of(sigmaz(), x -> s0));
        double g1 = s.applyAsDouble(w) + s.applyAsDouble(-w);
        double pe = s.applyAsDouble(-w) / g1;
        double g2 = g1 / 2 + 2 * s0;
        double[] t = linspace(0, 40, 41);
        // excited state basis(2, 0) (σz = +1): <σz>(t) = 2 p_e(t) - 1, p_e relaxing at Γ1
        Result pop = brmesolve(h, basis(2, 0), t, aOps, List.of(sigmaz()), List.of(), 0.1, TIGHT);
        double[] sz = pop.expect(0);
        for (int i = 0; i < t.length; i++) {
            double p = pe + (1 - pe) * Math.exp(-g1 * t[i]);
            assertEquals(2 * p - 1, sz[i], 1e-7, "t = " + t[i]);
        }
        // |+>: |<σx> + i<σy>| = e^{-Γ2 t}, rotating at ω
        Qobj plus = basis(2, 0).plus(basis(2, 1)).unit();
        Result coh = brmesolve(h, plus, t, aOps, List.of(sigmax(), sigmay()), List.of(), 0.1, TIGHT);
        for (int i = 0; i < t.length; i++) {
            double x = coh.expect(0)[i], y = coh.expect(1)[i];
            assertEquals(Math.exp(-g2 * t[i]), Math.hypot(x, y), 1e-7, "t = " + t[i]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"brfloquet", "brfloquet5"})
    void qubitMatchesQutip(String file) {
        Reference ref = Reference.load(file);
        Qobj h = sigmaz().times(0.5).plus(sigmax().times(0.15));
        List<BrOperator> aOps = List.of(BrOperator.of(sigmax(), ohmic(0.05, 5.0)), BrOperator.of(sigmaz(), w -> 0.01));
        Qobj psi0 = basis(2, 0).plus(basis(2, 1).times(dev.lindblad.Complex.of(0.6, 0.8))).unit();
        for (String name : List.of("br_qubit", "br_qubit_nosec", "br_qubit_cops")) {
            Reference.Case c = ref.get(name);
            List<Qobj> cOps = name.endsWith("cops") ? List.of(sigmam().times(Math.sqrt(0.02))) : List.of();
            double cut = c.scalar("secCutoff");
            Result r = brmesolve(h, psi0, c.reals("tlist"), aOps, List.of(sigmax(), sigmay(), sigmaz()), cOps, cut,
                    TIGHT);
            assertTrue(maxDiff(r.expect(0), c.reals("sx")) < 2e-6, name + " sx " + maxDiff(r.expect(0), c.reals("sx")));
            assertTrue(maxDiff(r.expect(1), c.reals("sy")) < 2e-6, name + " sy");
            assertTrue(maxDiff(r.expect(2), c.reals("sz")) < 2e-6, name + " sz");
            BlochRedfield.BrTensor bt = blochRedfieldTensor(h, aOps, cOps, cut);
            assertArrayEquals(c.reals("energies"), bt.energies(), 1e-12);
            double[] mine = bt.fockBasis().data().toDense().array();
            double[] theirs = c.complexes("R_fock");
            assertTrue(maxDiff(mine, theirs) < 1e-12, name + " R_fock differs by " + maxDiff(mine, theirs));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"brfloquet", "brfloquet5"})
    void jaynesCummingsMatchesQutip(String file) {
        Reference.Case c = Reference.load(file).get("br_jc_4");
        int n = c.ints("N")[0];
        Qobj a = tensor(destroy(n), qeye(2));
        Qobj sm = tensor(qeye(n), destroy(2));
        Qobj h = a.dag().times(a).plus(sm.dag().times(sm)).plus(a.dag().times(sm).plus(a.times(sm.dag())).times(0.05));
        Result r = brmesolve(h, tensor(basis(n, 1), basis(2, 0)), c.reals("tlist"),
                List.of(BrOperator.of(a.plus(a.dag()), ohmic(0.01, 3.0))),
                List.of(a.dag().times(a), sm.dag().times(sm)), List.of(), 0.1, TIGHT);
        assertTrue(maxDiff(r.expect(0), c.reals("na")) < 2e-6, "na " + maxDiff(r.expect(0), c.reals("na")));
        assertTrue(maxDiff(r.expect(1), c.reals("nsm")) < 2e-6, "nsm " + maxDiff(r.expect(1), c.reals("nsm")));
    }

    /**
     * The interaction-picture integration equals the exact propagation of the full tensor
     * ({@code -i ω_ab} included, method "diag"), also without the secular approximation.
     */
    @Test
    void interactionPictureEqualsExactPropagationOfTheTensor() {
        int n = 4;
        Qobj h = jc(n);
        Qobj a = tensor(destroy(n), qeye(2));
        List<BrOperator> aOps = List.of(BrOperator.of(a.plus(a.dag()), ohmic(0.02, 3.0)),
                BrOperator.of(tensor(qeye(n), sigmax()), w -> 0.01));
        Qobj psi0 = tensor(basis(n, 1).plus(basis(n, 2)).unit(), basis(2, 0));
        double[] t = linspace(0, 30, 16);
        for (double cut : new double[] {0.1, -1}) {
            List<Qobj> e = List.of(a.dag().times(a), a, tensor(qeye(n), sigmax()));
            Result ip = brmesolve(h, psi0, t, aOps, e, List.of(a.times(0.05)), cut, TIGHT);
            Result exact = brmesolve(h, psi0, t, aOps, e, List.of(a.times(0.05)), cut, TIGHT.withMethod("diag"));
            for (int k = 0; k < e.size(); k++) {
                assertTrue(maxDiff(ip.expectComplex(k), exact.expectComplex(k)) < 1e-6, "cut " + cut + ", e-op " + k
                        + ": " + maxDiff(ip.expectComplex(k), exact.expectComplex(k)));
            }
        }
    }

    private static Qobj jc(int n) {
        Qobj a = tensor(destroy(n), qeye(2));
        Qobj sm = tensor(qeye(n), destroy(2));
        return a.dag().times(a).plus(sm.dag().times(sm).times(0.9))
                .plus(a.dag().times(sm).plus(a.times(sm.dag())).times(0.05));
    }

    /** The tensor stays sparse, and the parallel build gives the serial build's bits. */
    @Test
    void tensorIsSparseAndParallelEqualsSerial() {
        int n = 10;
        Qobj h = jc(n);
        Qobj a = tensor(destroy(n), qeye(2));
        List<BrOperator> aOps = List.of(BrOperator.of(a.plus(a.dag()), ohmic(0.01, 3.0)));
        List<Qobj> cOps = List.of();
        BlochRedfield.BrTensor serial = BlochRedfield.tensor(h, aOps, cOps, 0.1, TaskMap.serial());
        BlochRedfield.BrTensor parallel = BlochRedfield.tensor(h, aOps, cOps, 0.1, TaskMap.threads(4));
        assertInstanceOf(CsrMatrix.class, serial.tensor().data());
        CsrMatrix s = (CsrMatrix) serial.tensor().data(), p = (CsrMatrix) parallel.tensor().data();
        assertArrayEquals(s.toDense().array(), p.toDense().array(), 0.0);
        long dim = 2L * n;
        long entries = s.nnz();
        assertTrue(entries < dim * dim * dim * dim / 20, entries + " entries of " + dim * dim * dim * dim);
        // without the secular approximation the tensor has (much) more entries, and it is still built
        BlochRedfield.BrTensor full = BlochRedfield.tensor(h, aOps, cOps, -1, TaskMap.threads(2));
        assertTrue(((CsrMatrix) full.tensor().data()).nnz() > entries);
    }

    /** brmesolve's stored states are in the lab basis: they agree with mesolve when the rates are Lindblad. */
    @Test
    void statesAreInTheLabBasisAndMatchLindbladForAQubit() {
        double w = 1.0, gamma = 0.1;
        Qobj h = sigmaz().times(0.5 * w);
        Qobj psi0 = basis(2, 0).plus(basis(2, 1).times(dev.lindblad.Complex.of(0, 0.5))).unit();
        double[] t = linspace(0, 10, 11);
        // zero temperature, flat positive-frequency spectrum: exactly the Lindblad equation with sqrt(γ) σ-
        Result br = brmesolve(h, psi0, t, List.of(BrOperator.of(sigmax(), x -> x > 0 ? gamma : 0)), List.of(),
                List.of(), 0.1, TIGHT.withStoreStates(true));
        Result me = mesolve(h, psi0, t, List.of(sigmam().times(Math.sqrt(gamma))), List.of(), TIGHT.withStoreStates(true));
        for (int i = 0; i < t.length; i++) {
            double d = br.states().get(i).minus(me.states().get(i)).norm();
            assertTrue(d < 1e-7, "t = " + t[i] + ": " + d);
        }
    }

    @Test
    void badInputIsRefusedWithNames() {
        Qobj h = sigmaz();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BrOperator.of(sigmap(), w -> 1));
        assertTrue(e.getMessage().startsWith("of: op must be Hermitian"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> brmesolve(h, basis(2, 0), new double[] {0, 1},
                List.of(BrOperator.of(sigmax(), w -> Double.NaN)), List.of()));
        assertTrue(e.getMessage().contains("aOps[0]") && e.getMessage().contains("NaN"), e.getMessage());
        assertThrows(dev.lindblad.DimensionMismatchException.class, () -> brmesolve(h, basis(3, 0),
                new double[] {0, 1}, List.of(), List.of()));
        assertArrayEquals(new double[] {-0.5, 0.5},
                blochRedfieldTensor(sigmaz().times(0.5), List.of(), List.of(), 0.1).energies(), 1e-15);
    }
}
