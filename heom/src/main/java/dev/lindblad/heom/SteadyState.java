package dev.lindblad.heom;

import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.backend.Backends;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.linalg.ComplexLinearMap;
import dev.lindblad.linalg.Gmres;
import dev.lindblad.linalg.IncompleteLu;
import dev.lindblad.linalg.IterativeResult;
import dev.lindblad.linalg.SparseLu;

/**
 * The steady state of a hierarchy (see {@link HeomSolver#steadyState()}): the generator
 * assembled as one sparse matrix, its first row (the equation of {@code rho_00}) replaced by
 * {@code sum_i rho_ii = 1}, then a direct or iterative solve.
 */
final class SteadyState {
    private static final int GMRES_RESTART = 200;

    private SteadyState() {
    }

    static HeomSteadyState solve(HeomSolver solver, HierarchyGenerator generator, HierarchyAdos ados, Dims dims,
            HeomOptions options) {
        int n = dims.rows();
        HierarchyGenerator.Assembled a = withTraceRow(generator.assemble(0), n);
        int size = a.n();
        double[] b = new double[2 * size];
        b[0] = 1;
        String method = options.steadyStateMethod();
        if (method.equals("auto")) {
            method = size <= HeomOptions.DIRECT_LIMIT ? "direct" : "iterative-gmres";
        }
        double[] x = new double[2 * size];
        int iterations = 0;
        if (method.equals("direct")) {
            method = "direct (" + directSolve(a, b, x) + ")";
        } else {
            IncompleteLu ilu = IncompleteLu.ilu0(size, a.rowPointers(), a.columns(), a.values());
            ComplexLinearMap op = ComplexLinearMap.csr(size, a.rowPointers(), a.columns(), a.values());
            IterativeResult r = Gmres.solve(op, b, null, ilu, GMRES_RESTART, options.steadyStateTol(),
                    Math.max(1000, 20 * GMRES_RESTART));
            if (!r.converged()) {
                throw new IllegalStateException("GMRES did not reach the relative residual "
                        + options.steadyStateTol() + " in " + r.iterations() + " iterations (reached "
                        + r.relativeResidual() + "); try steadyStateMethod \"direct\"");
            }
            System.arraycopy(r.solution(), 0, x, 0, x.length);
            iterations = r.iterations();
        }
        double residual = residual(a, x, b);
        double[] rho = new double[2 * n * n];
        System.arraycopy(x, 0, rho, 0, rho.length);
        Qobj r = Qobj.of(DenseMatrix.wrap(n, n, rho), dims);
        r = r.plus(r.dag()).times(0.5);
        return new HeomSteadyState(r, new HierarchyAdosState(ados, dims, x), residual, method, iterations);
    }

    /**
     * The direct solve of {@code A x = b}: on the native backend's sparse direct solver when
     * {@link Backends#solveSparse} chooses one for the size (PARDISO, UMFPACK or KLU, as the
     * Lindblad steady state: {@code -Dlindblad.backend} forces one), else, and when the library
     * reports the matrix singular, the pure-Java sparse LU with AMD ordering.
     *
     * @return the path taken, e.g. {@code "PARDISO (MKL 2025.2)"} or {@code "sparse LU, AMD"}
     */
    static String directSolve(HierarchyGenerator.Assembled a, double[] b, double[] x) {
        var viaBackend = Backends.solveSparse(a.n(), a.rowPointers(), a.columns(), a.values(), b);
        if (viaBackend.isPresent()) {
            System.arraycopy(viaBackend.get().x(), 0, x, 0, x.length);
            return viaBackend.get().description();
        }
        SparseLu lu = SparseLu.factor(a.n(), a.rowPointers(), a.columns(), a.values(), SparseLu.Ordering.AMD);
        lu.solve(b, x);
        return "sparse LU, AMD";
    }

    /** Replaces row 0 by the trace condition: ones at the diagonal entries of the system's rho. */
    static HierarchyGenerator.Assembled withTraceRow(HierarchyGenerator.Assembled a, int n) {
        int removed = a.rowPointers()[1];
        int size = a.n();
        int total = a.columns().length - removed + n;
        int[] rowPtr = new int[size + 1];
        int[] cols = new int[total];
        double[] vals = new double[2 * total];
        for (int k = 0; k < n; k++) {
            cols[k] = k * (n + 1);
            vals[2 * k] = 1;
        }
        System.arraycopy(a.columns(), removed, cols, n, a.columns().length - removed);
        System.arraycopy(a.values(), 2 * removed, vals, 2 * n, a.values().length - 2 * removed);
        rowPtr[1] = n;
        for (int i = 1; i <= size; i++) {
            rowPtr[i] = a.rowPointers()[i] - removed + n;
        }
        return new HierarchyGenerator.Assembled(size, rowPtr, cols, vals);
    }

    private static double residual(HierarchyGenerator.Assembled a, double[] x, double[] b) {
        double worst = 0;
        int[] rp = a.rowPointers();
        int[] ci = a.columns();
        double[] v = a.values();
        for (int i = 0; i < a.n(); i++) {
            double re = -b[2 * i];
            double im = -b[2 * i + 1];
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                int j = ci[p];
                re += v[2 * p] * x[2 * j] - v[2 * p + 1] * x[2 * j + 1];
                im += v[2 * p] * x[2 * j + 1] + v[2 * p + 1] * x[2 * j];
            }
            worst = Math.max(worst, Math.hypot(re, im));
        }
        return worst;
    }
}
