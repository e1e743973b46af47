package dev.lindblad.control;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lindblad.Qobj;
import dev.lindblad.testing.Reference;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fixed-pulse fidelities, gradients and evolutions, pulse shapes and CRAB pulses against QuTiP 4.7's qtrl. */
class QutipReferenceTest {

    static final Reference REF = Reference.load("control");

    /** The column-major [nTs x nCtrls] real matrix of a case as amps[k][j]. */
    static double[][] matrix(Reference.Case c, String key) {
        int rows = c.rows(key);
        int cols = c.cols(key);
        double[] v = c.reals(key);
        double[][] a = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                a[i][j] = v[i + j * rows];
            }
        }
        return a;
    }

    static void assertMatrix(double[][] expected, double[][] actual, double tol) {
        assertEquals(expected.length, actual.length);
        for (int k = 0; k < expected.length; k++) {
            assertArrayEquals(expected[k], actual[k], tol, "row " + k);
        }
    }

    static PulseDynamics cnotProblem(Reference.Case c, String fidType) {
        Qobj x = sigmax();
        Qobj y = sigmay();
        Qobj z = sigmaz();
        Qobj i = qeye(2);
        Qobj hd = tensor(x, x).plus(tensor(y, y)).plus(tensor(z, z)).times(0.5);
        List<Qobj> hc = List.of(tensor(x, i), tensor(y, i), tensor(i, x), tensor(i, y));
        return PulseDynamics.unitary(hd, hc, tensor(i, i), PulseOptimTest.cnot(), c.ints("n_ts")[0],
                c.scalar("evo_time"), fidType);
    }

    @Test
    void cnotPsuFidelityGradientAndEvolution() {
        checkCnot("cnot_fixed_psu", "PSU");
    }

    @Test
    void cnotSuFidelityGradientAndEvolution() {
        checkCnot("cnot_fixed_su", "SU");
    }

    private void checkCnot(String name, String fid) {
        Reference.Case c = REF.get(name);
        PulseDynamics d = cnotProblem(c, fid);
        double[][] amps = matrix(c, "amps");
        assertEquals(c.scalar("fid_err"), d.fidErr(amps), 1e-13);
        assertMatrix(matrix(c, "grad"), d.fidErrGrad(amps), 1e-12);
        assertArrayEquals(c.complexes("evo_full"), d.evoFull(amps).toArray(), 1e-13);
    }

    @Test
    void openQubitTraceDiffFidelityGradientAndEvolution() {
        Reference.Case c = REF.get("open_dephasing_fixed");
        double gamma = c.scalar("gamma");
        Qobj drift = liouvillian(sigmaz().times(0.5), List.of(sigmaz().times(Math.sqrt(gamma))));
        List<Qobj> ctrls = List.of(liouvillian(sigmax()), liouvillian(sigmay()));
        Qobj h = DynamicsGradientTest.hadamard();
        PulseDynamics d = PulseDynamics.general(drift, ctrls, sprepost(qeye(2), qeye(2)), sprepost(h, h.dag()),
                c.ints("n_ts")[0], c.scalar("evo_time"));
        double[][] amps = matrix(c, "amps");
        assertEquals(c.scalar("fid_err"), d.fidErr(amps), 1e-13);
        // qtrl's Frechet derivative (scipy's expm_frechet) and ours agree to about 1e-12
        assertMatrix(matrix(c, "grad"), d.fidErrGrad(amps), 1e-11);
        assertArrayEquals(c.complexes("evo_full"), d.evoFull(amps).toArray(), 1e-13);
    }

    @Test
    void initialPulseShapesAsQtrl() {
        int checked = 0;
        for (String name : REF.cases()) {
            if (!name.startsWith("pulse_")) {
                continue;
            }
            Reference.Case c = REF.get(name);
            double lb = c.has("lbound") ? c.scalar("lbound") : Double.NEGATIVE_INFINITY;
            double ub = c.has("ubound") ? c.scalar("ubound") : Double.POSITIVE_INFINITY;
            double[] tau = PulseDynamics.tau(c.ints("n_ts")[0], c.scalar("evo_time"));
            double[] p = PulseGen.generate(c.text("type"), tau, 1.3, 0.2, lb, ub, null);
            assertArrayEquals(c.reals("pulse"), p, 1e-12, name);
            checked++;
        }
        assertEquals(24, checked);
    }

    @Test
    void crabFourierPulsesAsQtrl() {
        for (String name : List.of("crab_unbounded", "crab_bounded", "crab_upper_guess")) {
            Reference.Case c = REF.get(name);
            double lb = c.has("lbound") ? c.scalar("lbound") : Double.NEGATIVE_INFINITY;
            double ub = c.has("ubound") ? c.scalar("ubound") : Double.POSITIVE_INFINITY;
            double[] tau = PulseDynamics.tau(c.ints("n_ts")[0], c.scalar("evo_time"));
            double[] coeffs = c.reals("coeffs");
            CrabFourier b = new CrabFourier(c.reals("freqs"), coeffs, tau, 1.0, lb, ub,
                    c.has("guess") ? c.reals("guess") : null);
            double[] amps = new double[tau.length];
            b.pulse(coeffs, 0, amps, 0, 1);
            assertArrayEquals(c.reals("pulse"), amps, 1e-12, name);
        }
    }
}
