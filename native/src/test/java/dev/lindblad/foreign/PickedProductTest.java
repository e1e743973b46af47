package dev.lindblad.foreign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.Lindblad;
import dev.lindblad.Qobj;
import dev.lindblad.backend.Backends;
import dev.lindblad.backend.Kernel;
import dev.lindblad.data.Data;
import dev.lindblad.data.LinearMap;
import dev.lindblad.data.Matrix;
import dev.lindblad.solver.Result;
import dev.lindblad.solver.SolverOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The solvers' sparse product picked per matrix between the Java storage and MKL's
 * {@code mkl_sparse_z_mv} (issue 16), with the real library: on the driven Kerr resonator's
 * Liouvillian (N = 50 levels, 14 700 entries, above the measuring size) the picked product, and
 * MKL's forced one, equal the Java product to 1e-13 relative, and {@code mesolve} with the pick
 * and with MKL forced equals {@code mesolve} on the Java kernels to the solver's tolerance.
 * Skipped, with the reason printed, where MKL is not loadable.
 */
class PickedProductTest {

    private static final int LEVELS = 50;

    private static Qobj a() {
        return Lindblad.destroy(LEVELS);
    }

    private static Qobj hamiltonian() {
        Qobj a = a(), ad = a.dag();
        return ad.times(a).times(0.5).plus(ad.times(ad).times(a).times(a).times(0.05)).plus(a.plus(ad));
    }

    private static List<Qobj> collapse() {
        return List.of(a().times(Math.sqrt(0.2)));
    }

    private static double relativeDifference(double[] expected, double[] actual) {
        double scale = 0, diff = 0;
        for (int k = 0; k < expected.length; k++) {
            scale = Math.max(scale, Math.abs(expected[k]));
            diff = Math.max(diff, Math.abs(expected[k] - actual[k]));
        }
        assertTrue(scale > 0);
        return diff / scale;
    }

    private static double[] product(LinearMap m, double[] x) {
        double[] y = new double[2 * m.rows()];
        Data.matvec(m, x, 0, y, 0, 1, 0, 0, 0);
        return y;
    }

    /** The product as mesolve runs it for a Hermitian rho: upper triangle, mirrored (or every row). */
    private static double[] solverProduct(LinearMap m, double[] x) {
        double[] y = new double[2 * m.rows()];
        if (Data.matvecUpper(m, LEVELS, x, y, 1, 0)) {
            Data.hermitianFromUpper(LEVELS, y);
        }
        return y;
    }

    @Test
    void thePickedProductAndMklsEqualTheJavaProduct() {
        NativeKernelsTest.backend("mkl", Kernel.SPARSE_PRODUCT);
        Matrix l = Lindblad.liouvillian(hamiltonian(), collapse()).data();
        assertTrue(l.nnz() >= Backends.PRODUCT_MEASURE_NNZ, "nnz " + l.nnz());
        LinearMap java = Backends.with("java", () -> Data.prepareProduct(l));
        LinearMap picked = Backends.with("auto", () -> Data.prepareProduct(l));
        LinearMap mkl = Backends.with("mkl", () -> Data.prepareProduct(l));
        System.out.println("PickedProductTest: kerr" + LEVELS + " picked " + picked.storage());
        assertTrue(picked.storage().contains("(measured"), picked.storage());
        assertTrue(picked.storage().contains("mkl-csr") && picked.storage().contains(java.storage()), picked.storage());
        assertEquals("mkl-csr", mkl.storage());
        double[] x = new double[2 * l.cols()];
        for (int k = 0; k < x.length; k++) {
            x[k] = Math.sin(0.37 * k + 0.1);
        }
        double[] expected = product(java, x);
        assertTrue(relativeDifference(expected, product(picked, x)) <= 1e-13);
        assertTrue(relativeDifference(expected, product(mkl, x)) <= 1e-13);
        // a Hermitian rho, as mesolve's half product sees it
        double[] rho = new double[2 * l.cols()];
        for (int j = 0; j < LEVELS; j++) {
            for (int i = 0; i < LEVELS; i++) {
                rho[2 * (i + LEVELS * j)] = Math.cos(0.1 * (i + j));
                rho[2 * (i + LEVELS * j) + 1] = 0.01 * (i - j);
            }
        }
        double[] half = solverProduct(java, rho);
        assertTrue(relativeDifference(half, solverProduct(picked, rho)) <= 1e-13);
        assertTrue(relativeDifference(half, solverProduct(mkl, rho)) <= 1e-13);
    }

    @Test
    void mesolveWithThePickEqualsMesolveOnTheJavaKernels() {
        NativeKernelsTest.backend("mkl", Kernel.SPARSE_PRODUCT);
        double[] tlist = new double[21];
        for (int k = 0; k < tlist.length; k++) {
            tlist[k] = 0.25 * k;
        }
        Qobj rho0 = Lindblad.fockDm(LEVELS, 0);
        List<Qobj> eOps = List.of(a().dag().times(a()), a().plus(a().dag()));
        SolverOptions options = SolverOptions.defaults();
        Result java = Backends.with("java", () -> Lindblad.mesolve(hamiltonian(), rho0, tlist, collapse(), eOps, options));
        for (String choice : List.of("auto", "mkl")) {
            Result r = Backends.with(choice, () -> Lindblad.mesolve(hamiltonian(), rho0, tlist, collapse(), eOps, options));
            String rhs = r.stats().rhs();
            System.out.println("PickedProductTest: mesolve kerr" + LEVELS + " " + choice + ": " + rhs);
            assertTrue(rhs.contains(choice.equals("auto") ? "(measured" : "storage: mkl-csr"), rhs);
            for (int e = 0; e < eOps.size(); e++) {
                double[] want = java.expect(e), got = r.expect(e);
                for (int k = 0; k < tlist.length; k++) {
                    // both within atol + rtol |value| of the exact solution
                    double tol = 2 * (options.atol() + options.rtol() * Math.abs(want[k])) * 10;
                    assertEquals(want[k], got[k], tol, choice + " e-op " + e + " at t = " + tlist[k]);
                }
            }
        }
    }
}
