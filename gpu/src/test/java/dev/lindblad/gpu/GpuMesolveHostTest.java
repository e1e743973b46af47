package dev.lindblad.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.Lindblad;
import dev.lindblad.Qobj;
import dev.lindblad.Superops;
import dev.lindblad.solver.Result;
import dev.lindblad.solver.SolverOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The host side of the GPU master-equation path, run on the CPU through the Java twin of the
 * device operations ({@link HostVectors}): the same integrator, step control, output handling,
 * e-op weights and argument checks the GPU run uses, checked against analytic solutions and
 * against the CPU solver ({@link Lindblad#mesolve}).
 */
class GpuMesolveHostTest {

    private static final SolverOptions TIGHT = SolverOptions.defaults().withAtol(1e-10).withRtol(1e-8);

    @Test
    void qubitDecayMatchesTheAnalyticSolution() {
        double gamma = 0.7;
        double omega = 2.0;
        Qobj h = Lindblad.sigmaz().times(omega / 2);
        Qobj plus = Lindblad.basis(2, 0).plus(Lindblad.basis(2, 1)).times(1 / Math.sqrt(2));
        double[] t = Lindblad.linspace(0, 5, 26);
        GpuResult r = GpuMesolve.mesolveOnHost(h, plus, t, List.of(Lindblad.sigmam().times(Math.sqrt(gamma))),
                List.of(Lindblad.sigmaz(), Lindblad.sigmax(), Lindblad.sigmay()), TIGHT);
        assertEquals("host (Java twin)", r.device());
        for (int i = 0; i < t.length; i++) {
            // excited population 1/2 e^{-γt}: <sz> = e^{-γt} - 1; coherence e^{-γt/2} rotating at ω
            assertEquals(Math.exp(-gamma * t[i]) - 1, r.expect(0)[i], 1e-7, "sz at t=" + t[i]);
            assertEquals(Math.exp(-gamma * t[i] / 2) * Math.cos(omega * t[i]), r.expect(1)[i], 1e-7, "sx at t=" + t[i]);
            assertEquals(Math.exp(-gamma * t[i] / 2) * Math.sin(omega * t[i]), r.expect(2)[i], 1e-7, "sy at t=" + t[i]);
            assertEquals(0, r.expectIm()[0][i], 1e-12);
        }
        assertArrayEquals(t, r.times());
        assertEquals(1.0, r.finalState().tr().re(), 1e-8);
        assertTrue(r.steps() > 0 && r.rhsCalls() >= 6 * r.steps(), r.toString());
    }

    private static void matchesCpu(Models.Model m, double tol) {
        GpuResult g = GpuMesolve.mesolveOnHost(m.h(), m.rho0(), m.tlist(), m.cOps(), m.eOps(), TIGHT);
        Result c = Lindblad.mesolve(m.h(), m.rho0(), m.tlist(), m.cOps(), m.eOps(), TIGHT);
        double worst = 0;
        for (int i = 0; i < m.tlist().length; i++) {
            worst = Math.max(worst, Math.abs(g.expect(0)[i] - c.expect(0)[i]));
        }
        System.out.printf("%s: host twin vs CPU mesolve, max |diff| = %.2e over %d times (%d steps, %d rejected)%n",
                m.name(), worst, m.tlist().length, g.steps(), g.rejected());
        assertTrue(worst < tol, m.name() + ": " + worst);
        assertEquals(0, c.finalState().minus(g.finalState()).norm(), 100 * tol);
    }

    @Test
    void isingChainMatchesTheCpuSolver() {
        matchesCpu(Models.ising(3), 1e-6);
    }

    @Test
    void kerrResonatorMatchesTheCpuSolver() {
        matchesCpu(Models.nho(12), 1e-6);
    }

    @Test
    void traceWeightsGiveTheExpectationValue() {
        Qobj rho = Lindblad.randDm(5, 11L);
        Qobj e = Lindblad.randHerm(5, 0.6, 12L).plus(Lindblad.destroy(5));   // not Hermitian: complex result
        double[] w = GpuMesolve.traceWeights(e.data(), 5);
        HostVectors ops = new HostVectors(25, new int[26], new int[0], new double[0]);
        double[] z = ops.dotu(w, Superops.operatorToVector(rho).data().toDense().array());
        var expected = e.times(rho).tr();
        assertEquals(expected.re(), z[0], 1e-12);
        assertEquals(expected.im(), z[1], 1e-12);
    }

    @Test
    void hostOperationsAreBlasLike() {
        HostVectors ops = new HostVectors(2, new int[] {0, 1, 2}, new int[] {1, 0}, new double[] {0, 1, 2, 0});
        double[] x = {3, 4, 0, 0};
        assertEquals(5, ops.norm(x), 1e-15);
        double[] y = {1, 1, 1, 1};
        ops.axpy(0, 1, x, y);                     // y += i x
        assertArrayEquals(new double[] {-3, 4, 1, 1}, y, 1e-15);
        double[] out = ops.allocate();
        ops.apply(new double[] {1, 0, 0, 1}, out); // [[0, i], [2, 0]] (1, i) = (i·i, 2) = (-1, 2)
        assertArrayEquals(new double[] {-1, 0, 2, 0}, out, 1e-15);
        ops.scale(2, out);
        assertArrayEquals(new double[] {-2, 0, 4, 0}, out, 1e-15);
    }

    @Test
    void stepControlIsBounded() {
        assertEquals(5, DormandPrince54.factor(0, false));
        assertEquals(0.2, DormandPrince54.factor(1e6, false));
        assertEquals(0.9, DormandPrince54.factor(1, false), 1e-15);
        assertEquals(1, DormandPrince54.factor(1e-3, true));
        // b - b* sums to zero (both weight sets are consistent), b sums to one
        double e = 0;
        double b = 0;
        for (int i = 0; i < 7; i++) {
            e += DormandPrince54.E[i];
            b += DormandPrince54.A[6].length > i ? DormandPrince54.A[6][i] : 0;
        }
        assertEquals(0, e, 1e-15);
        assertEquals(1, b, 1e-15);
    }

    @Test
    void nstepsIsEnforced() {
        Models.Model m = Models.ising(2);
        ArithmeticException x = assertThrows(ArithmeticException.class, () -> GpuMesolve.mesolveOnHost(m.h(), m.rho0(),
                m.tlist(), m.cOps(), m.eOps(), TIGHT.withNsteps(2)));
        assertTrue(x.getMessage().contains("more than nsteps = 2"), x.getMessage());
    }

    @Test
    void argumentsAreChecked() {
        Models.Model m = Models.ising(2);
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class, () -> GpuMesolve.mesolveOnHost(m.h(),
                m.rho0(), new double[] {0, 1, 1}, m.cOps(), m.eOps(), TIGHT));
        assertTrue(t.getMessage().startsWith("mesolve: tlist must be strictly increasing"), t.getMessage());
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class, () -> GpuMesolve.mesolveOnHost(m.h(),
                Lindblad.fock(3, 0), m.tlist(), m.cOps(), m.eOps(), TIGHT));
        assertTrue(d.getMessage().startsWith("mesolve: rho0 must be a ket or density matrix with h's dims"), d.getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GpuMesolve.mesolveOnHost(m.h(),
                m.rho0(), m.tlist(), m.cOps(), List.of(Lindblad.sigmaz()), TIGHT));
        assertTrue(e.getMessage().startsWith("mesolve: eOps[0] has dims"), e.getMessage());
        NullPointerException n = assertThrows(NullPointerException.class, () -> GpuMesolve.mesolveOnHost(m.h(), null,
                m.tlist(), m.cOps(), m.eOps(), TIGHT));
        assertEquals("mesolve: rho0 is null", n.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GpuMesolve.mesolveOnHost(m.h(), m.rho0(),
                new double[] {0, Double.NaN}, m.cOps(), m.eOps(), TIGHT));
    }

    @Test
    void memoryEstimateCountsGeneratorVectorsAndWeights() {
        Models.Model m = Models.ising(4);
        GpuMesolve.Problem p = GpuMesolve.prepare(m.h(), m.rho0(), m.tlist(), m.cOps(), m.eOps());
        long nnz = p.values().length / 2;
        long n = 256;
        assertEquals(nnz * 20 + (n + 1) * 4 + (DormandPrince54.VECTORS + 1) * n * 16,
                GpuMesolve.memoryEstimate(16, nnz, 1));
        // Ising N = 10: dim 1024, n = 2^20, QuantumToolbox.jl's 22.5 million non-zeros: about 0.62 GiB
        long big = GpuMesolve.memoryEstimate(1024, 22_500_000L, 1);
        assertTrue(big > 600L << 20 && big < 700L << 20, String.valueOf(big));
        assertThrows(IllegalArgumentException.class, () -> GpuMesolve.memoryEstimate(0, 1, 0));
    }

    @Test
    void withoutAGpuTheDevicePathRefusesWithTheReason() {
        GpuStatus s = Gpu.status();
        org.junit.jupiter.api.Assumptions.assumeFalse(s.usable(), "a GPU is usable here");
        Models.Model m = Models.ising(2);
        IllegalStateException x = assertThrows(IllegalStateException.class, () -> GpuMesolve.mesolve(m.h(), m.rho0(),
                m.tlist(), m.cOps(), m.eOps(), TIGHT));
        assertEquals("mesolve on the GPU: no usable GPU (" + s.reason() + ")", x.getMessage());
    }
}
