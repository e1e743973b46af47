package dev.lindblad.heom;

import static dev.lindblad.Lindblad.basis;
import static dev.lindblad.Lindblad.sigmax;
import static dev.lindblad.Lindblad.sigmaz;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.Qobj;
import dev.lindblad.testing.Reference;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HEOM solver against QuTiP 4.7's HEOMSolver (reference/heom.txt). */
class HeomSolverTest {

    static final Reference REF = Reference.load("heom");
    static final HeomOptions TIGHT = HeomOptions.defaults().withAtol(1e-12).withRtol(1e-10).withNsteps(1_000_000);

    static Qobj hamiltonian() {
        return sigmaz().times(0.25).plus(sigmax().times(0.5));
    }

    static Qobj p11() {
        return basis(2, 0).times(basis(2, 0).dag());
    }

    static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(worst <= tol, what + ": max |difference| " + worst + " > " + tol);
    }

    @Test
    void spinBosonMatsubaraDynamics() {
        Reference.Case c = REF.get("spin_boson_dl_matsubara");
        DrudeLorentzBath bath = new DrudeLorentzBath(sigmaz(), 0.1, 0.5, 0.5, 2);
        HeomSolver solver = new HeomSolver(hamiltonian(), List.of(bath), 5, TIGHT.withAdoReturn(true));
        assertEquals(c.ints("n_ados")[0], solver.ados().size());
        HeomResult r = solver.run(basis(2, 0), c.reals("tlist"), List.of(p11(), sigmax()));
        assertClose(c.reals("expect_0"), r.expect(0), 1e-8, "P11");
        assertClose(c.reals("expect_1"), r.expect(1), 1e-8, "sx");
        assertClose(c.complexes("final_state"), r.finalState().toArray(), 1e-8, "final state");
    }
}
