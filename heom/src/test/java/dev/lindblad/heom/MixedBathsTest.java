package dev.lindblad.heom;

import static dev.lindblad.Lindblad.basis;
import static dev.lindblad.Lindblad.destroy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.Qobj;
import dev.lindblad.testing.Reference;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bosonic and fermionic baths in one hierarchy (beyond QuTiP 4.7, which refuses the mixture):
 * against QuTiP 5.3.1 (reference/heom5.txt, made by reference/make_heom5.py), with the baths in
 * either order. The fermionic signs count fermionic excitations only, so the order of the baths
 * must not change the physics.
 */
class MixedBathsTest {

    private static final Reference REF = Reference.load("heom5");

    @Test
    void impurityWithLeadsAndAPhononBathAsQutip5InEitherOrder() {
        Qobj first = null;
        for (String name : List.of("mixed_boson_first", "mixed_leads_first")) {
            Reference.Case c = REF.get(name);
            Qobj d = destroy(2);
            Qobj n = d.dag().times(d);
            int nk = c.ints("Nk")[0];
            Bath left = new LorentzianPadeBath(d, c.scalar("gamma"), c.scalar("W"), c.scalar("mu"), c.scalar("T"), nk, "L");
            Bath right = new LorentzianPadeBath(d, c.scalar("gamma"), c.scalar("W"), -c.scalar("mu"), c.scalar("T"), nk, "R");
            Bath boson = new DrudeLorentzBath(n, c.scalar("lam"), c.scalar("gam_b"), c.scalar("T"), 1, true, "B");
            List<Bath> baths = name.equals("mixed_boson_first") ? List.of(boson, left, right) : List.of(left, right, boson);
            HeomSolver solver = new HeomSolver(n.times(c.scalar("e1")), baths, 3, HeomSolverTest.TIGHT);
            assertEquals(c.ints("n_ados")[0], solver.ados().size());
            HeomResult r = solver.run(basis(2, 1), c.reals("tlist"), List.of(n));
            HeomSolverTest.assertClose(c.reals("expect_0"), r.expect(0), 1e-8, name + " occupation");
            Qobj rho = solver.steadyState().rho();
            HeomSolverTest.assertClose(c.complexes("steady_rho"), rho.toArray(), 1e-10, name + " steady state");
            if (first == null) {
                first = rho;
            } else {
                assertTrue(first.isClose(rho, 1e-11), "the order of the baths changed the steady state");
            }
        }
    }
}
