package dev.lindblad.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lindblad.Lindblad;
import dev.lindblad.solver.Result;
import dev.lindblad.solver.SolverOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The device path against its Java twin and the CPU solver. Needs a usable GPU with cuBLAS and
 * cuSPARSE; skipped otherwise, printing {@link Gpu#status()}'s reason.
 */
class GpuMesolveDeviceTest {

    private static final SolverOptions TIGHT = SolverOptions.defaults().withAtol(1e-10).withRtol(1e-8);

    @BeforeEach
    void needsAGpu() {
        GpuStatus s = Gpu.status();
        if (!s.usable()) {
            System.out.println("GpuMesolveDeviceTest skipped: " + s.reason());
        }
        assumeTrue(s.usable(), () -> "no usable GPU: " + s.reason());
    }

    private static void check(Models.Model m) {
        GpuResult g = GpuMesolve.mesolve(m.h(), m.rho0(), m.tlist(), m.cOps(), m.eOps(), TIGHT);
        GpuResult host = GpuMesolve.mesolveOnHost(m.h(), m.rho0(), m.tlist(), m.cOps(), m.eOps(), TIGHT);
        Result cpu = Lindblad.mesolve(m.h(), m.rho0(), m.tlist(), m.cOps(), m.eOps(), TIGHT);
        double vsHost = 0;
        double vsCpu = 0;
        for (int i = 0; i < m.tlist().length; i++) {
            vsHost = Math.max(vsHost, Math.abs(g.expect(0)[i] - host.expect(0)[i]));
            vsCpu = Math.max(vsCpu, Math.abs(g.expect(0)[i] - cpu.expect(0)[i]));
        }
        System.out.printf("%s on %s: |gpu - host twin| = %.2e, |gpu - cpu| = %.2e, steps %d/%d%n", m.name(), g.device(),
                vsHost, vsCpu, g.steps(), host.steps());
        assertEquals(Gpu.devices().get(0).name(), g.device());
        assertTrue(vsHost < 1e-9, "gpu vs twin " + vsHost);
        assertTrue(vsCpu < 1e-6, "gpu vs cpu " + vsCpu);
        assertEquals(1.0, g.finalState().tr().re(), 1e-7);
    }

    @Test
    void isingChain() {
        check(Models.ising(4));
    }

    @Test
    void kerrResonator() {
        check(Models.nho(20));
    }

    @Test
    void runtimeCallsRoundTrip() {
        CudaRuntime rt = Gpu.runtime();
        var p = rt.malloc(64);
        try {
            double[] x = {1, 2, 3, 4, 5, 6, 7, 8};
            rt.upload(x, p);
            double[] y = new double[8];
            rt.download(p, y);
            org.junit.jupiter.api.Assertions.assertArrayEquals(x, y);
        } finally {
            rt.free(p);
        }
    }
}
