package dev.lindblad.foreign;

import static dev.lindblad.Lindblad.expect;
import static dev.lindblad.Lindblad.qeye;
import static dev.lindblad.Lindblad.tensor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.Complex;
import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.backend.Backends;
import dev.lindblad.backend.Kernel;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.solver.SteadyStateOptions;
import dev.lindblad.solver.SteadyStateResult;
import dev.lindblad.solver.SteadyStateSolver;
import dev.lindblad.testing.Reference;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The physics through each backend against QuTiP 4.7 (reference/native.txt, made by
 * reference/make_native.py): eigenvalues and the propagator {@code exp(-iH)} of a dense Hermitian
 * matrix, and the steady state of a driven Jaynes–Cummings system with a three-level atom.
 * {@code java} runs the pure-Java kernels; a backend that is absent is skipped with the reason.
 */
class NativeReferenceTest {

    private static void require(String choice, Kernel kernel) {
        if (!choice.equals("java")) {
            NativeKernelsTest.backend(choice, kernel);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "mkl", "openblas"})
    void denseHermitianEigenvaluesAndPropagatorMatchQutip(String choice) {
        require(choice, Kernel.HERMITIAN_EIGEN);
        Reference.Case c = Reference.load("native").get("herm_formula_60");
        int n = c.ints("n")[0];
        Qobj h = Qobj.of(DenseMatrix.wrap(n, n, c.complexes("H")), Dims.oper(n));
        double[] expected = c.reals("eigenvalues");
        double[] energies = Backends.with(choice, h::eigenenergies);
        for (int k = 0; k < n; k++) {
            assertEquals(expected[k], energies[k], 1e-10, choice + " eigenvalue " + k);
        }
        // the eigenkets diagonalise H: <v_k|H|v_k> = E_k
        Qobj.Eigen es = Backends.with(choice, h::eigenstates);
        for (int k = 0; k < n; k += 7) {
            assertEquals(expected[k], expect(h, es.states().get(k)), 1e-9, choice + " <v|H|v> " + k);
        }
        Qobj u = Backends.with(choice, () -> h.times(new Complex(0, -1)).expm());
        double[] column = c.complexes("U_column0");
        for (int i = 0; i < n; i++) {
            Complex e = new Complex(column[2 * i], column[2 * i + 1]);
            assertTrue(u.get(i, 0).minus(e).abs() < 1e-10, choice + " exp(-iH)[" + i + ",0] = " + u.get(i, 0) + ", QuTiP " + e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"java", "mkl", "openblas"})
    void threeLevelJaynesCummingsSteadyStateMatchesQutip(String choice) {
        require(choice, Kernel.SPARSE_SOLVE);
        Reference.Case c = Reference.load("native").get("jc3_20");
        int levels = c.ints("N")[0];
        List<Qobj> sys = JaynesCummings3.system(levels);
        SteadyStateOptions direct = SteadyStateOptions.defaults().withMethod("direct");
        SteadyStateResult r = Backends.with(choice,
                () -> new SteadyStateSolver(sys.get(0), sys.subList(1, sys.size()), direct).solve());
        Qobj a = tensor(dev.lindblad.Lindblad.destroy(levels), qeye(3));
        double[] f = new double[18];
        f[2 * (2 + 3 * 2)] = 1;
        Qobj pf = tensor(qeye(levels), Qobj.of(DenseMatrix.wrap(3, 3, f)));
        assertEquals(c.scalar("n"), expect(a.dag().times(a), r.state()), 1e-9, choice + ": " + r.method());
        assertEquals(c.scalar("pf"), expect(pf, r.state()), 1e-11, choice + ": " + r.method());
        assertTrue(r.residual() < 1e-12, "residual " + r.residual());
        if (!choice.equals("java")) {
            assertTrue(r.method().contains(choice.equals("mkl") ? "PARDISO" : "UMFPACK"), r.method());
        }
    }
}
