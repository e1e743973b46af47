package dev.lindblad.foreign;

import static dev.lindblad.Lindblad.sigmax;
import static dev.lindblad.Lindblad.sigmaz;
import static dev.lindblad.Lindblad.qeye;
import static dev.lindblad.Lindblad.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.Qobj;
import dev.lindblad.backend.Backends;
import dev.lindblad.backend.Kernel;
import dev.lindblad.heom.DrudeLorentzBath;
import dev.lindblad.heom.HeomOptions;
import dev.lindblad.heom.HeomSolver;
import dev.lindblad.heom.HeomSteadyState;
import dev.lindblad.testing.Reference;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HEOM steady state ({@link HeomSolver#steadyState()}, direct) through the backend's sparse
 * direct solve (PARDISO, UMFPACK, KLU) against the Java sparse LU on the same hierarchy, in the
 * same run, and against QuTiP 4.7's value (reference/heom.txt); the result names the path.
 */
class HeomNativeTest {

    private static String expectedPath(String name) {
        return switch (name) {
            case "mkl" -> "PARDISO";
            case "klu" -> "KLU";
            default -> "UMFPACK";
        };
    }

    /** The spin-boson model of reference/heom.txt (QuTiP 4.7's HEOMSolver.steady_state), 2 x 56 ADOs. */
    @ParameterizedTest
    @ValueSource(strings = {"mkl", "openblas", "klu"})
    void spinBosonSteadyStateMatchesQutipAndJava(String name) {
        NativeKernelsTest.backend(name, Kernel.SPARSE_SOLVE);
        Reference.Case c = Reference.load("heom").get("spin_boson_dl_matsubara");
        Qobj h = sigmaz().times(c.scalar("eps") / 2).plus(sigmax().times(c.scalar("Delta") / 2));
        HeomSolver solver = new HeomSolver(h, List.of(new DrudeLorentzBath(sigmaz(), c.scalar("lam"), c.scalar("gamma"),
                c.scalar("T"), c.ints("Nk")[0])), c.ints("depth")[0], HeomOptions.defaults().withSteadyStateMethod("direct"));
        HeomSteadyState nat = Backends.with(name, solver::steadyState);
        HeomSteadyState java = Backends.with("java", solver::steadyState);
        assertEquals("direct (sparse LU, AMD)", java.method());
        assertTrue(nat.method().startsWith("direct (") && nat.method().contains(expectedPath(name)), nat.method());
        double[] ref = c.complexes("steady_rho");
        double[] rho = nat.rho().toArray();
        for (int k = 0; k < ref.length; k++) {
            assertEquals(ref[k], rho[k], 1e-10, name + ": steady rho against QuTiP, entry " + k);
        }
        assertClose(java.ados().toArray(), nat.ados().toArray(), 1e-10, name + ": every ADO, native against Java");
        assertTrue(nat.residual() < 1e-12, name + " residual " + nat.residual());
    }

    /**
     * Two coupled qubits, each with its own Drude–Lorentz bath (Nk = 2), depth 4: 16 x 210 = 3360
     * unknowns, a hierarchy large enough that the sparse solvers' orderings and pivots differ.
     * (PARDISO is not forced here: on this hierarchy its restricted pivoting perturbs pivots, so it
     * declines and the Java LU runs; {@link #nativeChoiceFallsFromPardisoToSuiteSparse} covers it.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"openblas", "klu"})
    void twoQubitHierarchyMatchesJava(String name) {
        NativeKernelsTest.backend(name, Kernel.SPARSE_SOLVE);
        HeomSolver solver = twoQubits(4);
        HeomSteadyState nat = Backends.with(name, solver::steadyState);
        HeomSteadyState java = Backends.with("java", solver::steadyState);
        assertTrue(nat.method().contains(expectedPath(name)), nat.method());
        assertEquals(3360, nat.ados().toArray().length / 2);
        assertClose(java.ados().toArray(), nat.ados().toArray(), 1e-9, name + ": every ADO, native against Java");
        assertTrue(nat.rho().isClose(java.rho(), 1e-10), name + ": system steady state");
        assertEquals(1, nat.rho().tr().re(), 1e-12);
        assertTrue(nat.residual() < 1e-11, name + " residual " + nat.residual());
    }

    /**
     * With the choice {@code native}, the two-qubit hierarchy runs on PARDISO, or, when PARDISO
     * declines (perturbed pivots), on the next library (UMFPACK, KLU) rather than Java, and the
     * path says so; the values equal the Java sparse LU's.
     */
    @org.junit.jupiter.api.Test
    void nativeChoiceFallsFromPardisoToSuiteSparse() {
        NativeKernelsTest.backend("klu", Kernel.SPARSE_SOLVE);
        HeomSolver solver = twoQubits(4);
        HeomSteadyState nat = Backends.with("native", solver::steadyState);
        HeomSteadyState java = Backends.with("java", solver::steadyState);
        System.out.println("two-qubit HEOM, native: " + nat.method());
        assertTrue(nat.method().contains("PARDISO") || nat.method().contains("UMFPACK") || nat.method().contains("KLU"),
                nat.method());
        if (!nat.method().startsWith("direct (PARDISO") && Backends.find("mkl").map(b -> b.available()).orElse(false)) {
            assertTrue(nat.method().contains("declined first by mkl: PARDISO"), "the path names PARDISO's decline: " + nat.method());
        }
        assertClose(java.ados().toArray(), nat.ados().toArray(), 1e-9, "native choice: every ADO against Java");
    }

    /** The two-qubit model of {@link #twoQubitHierarchyMatchesJava} (also docs/bench/BackendAB.java's heom-steadystate). */
    static HeomSolver twoQubits(int depth) {
        Qobj sz1 = tensor(sigmaz(), qeye(2)), sz2 = tensor(qeye(2), sigmaz());
        Qobj sx1 = tensor(sigmax(), qeye(2)), sx2 = tensor(qeye(2), sigmax());
        Qobj h = sz1.times(0.5).plus(sz2.times(0.4)).plus(sx1.times(0.5)).plus(sx2.times(0.3))
                .plus(sx1.times(sx2).times(0.2));
        return new HeomSolver(h, List.of(new DrudeLorentzBath(sz1, 0.1, 0.5, 0.5, 2),
                new DrudeLorentzBath(sz2, 0.15, 0.4, 0.5, 2)), depth,
                HeomOptions.defaults().withSteadyStateMethod("direct"));
    }

    static void assertClose(double[] expected, double[] actual, double rel, String what) {
        assertEquals(expected.length, actual.length, what + ": lengths");
        double diff = NativeKernelsTest.maxDiff(expected, actual), scale = NativeKernelsTest.maxAbs(expected);
        assertTrue(diff <= rel * scale, what + ": max difference " + diff + " (scale " + scale + ")");
    }
}
