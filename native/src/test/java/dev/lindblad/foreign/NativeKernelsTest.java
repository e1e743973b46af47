package dev.lindblad.foreign;

import static dev.lindblad.Lindblad.destroy;
import static dev.lindblad.Lindblad.expect;
import static dev.lindblad.Lindblad.qeye;
import static dev.lindblad.Lindblad.sigmam;
import static dev.lindblad.Lindblad.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.Complex;
import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.backend.Backend;
import dev.lindblad.backend.Backends;
import dev.lindblad.backend.Kernel;
import dev.lindblad.backend.SparseFactorization;
import dev.lindblad.backend.SparseProduct;
import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.Data;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.linalg.Expm;
import dev.lindblad.linalg.GeneralEigen;
import dev.lindblad.linalg.HermitianEigen;
import dev.lindblad.linalg.LuDecomposition;
import dev.lindblad.linalg.SparseLu;
import dev.lindblad.solver.SteadyStateException;
import dev.lindblad.solver.SteadyStateOptions;
import dev.lindblad.solver.SteadyStateResult;
import dev.lindblad.solver.SteadyStateSolver;
import dev.lindblad.testing.Reference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every native kernel against the pure-Java kernel on the same inputs, in the same run: random
 * and physical matrices, several sizes, each backend that loads on this machine (MKL from the
 * jar; OpenBLAS and UMFPACK from the system). A backend or kernel that is absent skips its tests
 * with the reason printed.
 */
class NativeKernelsTest {

    /** The backend, or the test is skipped with the reason printed. */
    static Backend backend(String name, Kernel kernel) {
        Backend b = Backends.find(name).orElse(null);
        String reason = b == null ? "backend " + name + " not found by ServiceLoader"
                : !b.available() ? "backend " + name + " not available: " + b.unavailableReason()
                : !b.kernels().contains(kernel) ? "backend " + name + " has no " + kernel.description() : null;
        if (reason != null) {
            System.out.println("SKIPPED " + kernel + " on " + name + ": " + reason);
            Assumptions.abort(reason);
        }
        return b;
    }

    static double[] random(int length, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[length];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextDouble() - 0.5;
        }
        return a;
    }

    static double[] randomHermitian(int n, long seed) {
        double[] a = random(2 * n * n, seed);
        for (int j = 0; j < n; j++) {
            a[2 * (j + j * n) + 1] = 0;
            for (int i = j + 1; i < n; i++) {
                a[2 * (j + i * n)] = a[2 * (i + j * n)];
                a[2 * (j + i * n) + 1] = -a[2 * (i + j * n) + 1];
            }
        }
        return a;
    }

    /** The Jaynes–Cummings Hamiltonian with N cavity levels, dense. */
    static double[] jaynesCummings(int levels) {
        Qobj a = tensor(destroy(levels), qeye(2));
        Qobj sm = tensor(qeye(levels), sigmam());
        Qobj h = a.dag().times(a).plus(sm.dag().times(sm).times(0.97))
                .plus(a.dag().times(sm).plus(a.times(sm.dag())).times(0.05));
        return h.data().toDense().array();
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (int p = 0; p < a.length; p += 2) {
            m = Math.max(m, Math.hypot(a[p], a[p + 1]));
        }
        return m;
    }

    static double maxDiff(double[] a, double[] b) {
        assertEquals(a.length, b.length);
        double m = 0;
        for (int p = 0; p < a.length; p += 2) {
            m = Math.max(m, Math.hypot(a[p] - b[p], a[p + 1] - b[p + 1]));
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(strings = {"mkl", "openblas"})
    void gemmMatchesJava(String name) {
        Backend b = backend(name, Kernel.GEMM);
        int[][] shapes = {{1, 1, 1}, {7, 13, 5}, {64, 64, 64}, {300, 300, 300}, {40, 500, 3}};
        for (int[] s : shapes) {
            int m = s[0], k = s[1], n = s[2];
            double[] a = random(2 * m * k, 1), x = random(2 * k * n, 2), c0 = random(2 * m * n, 3);
            double[] expected = c0.clone(), actual = c0.clone();
            Backends.with("java", () -> Data.matmulInto(DenseMatrix.wrap(m, k, a), x, n, expected, 0.3, -1.2, 0.5, 0.25));
            b.gemm(m, k, n, a, x, actual, 0.3, -1.2, 0.5, 0.25, 2);
            assertTrue(maxDiff(expected, actual) <= 1e-13 * k, name + " zgemm " + Arrays.toString(s) + ": "
                    + maxDiff(expected, actual));
            // beta = 0 ignores c, even NaN (the convention of the Java kernels)
            double[] nan = new double[2 * m * n];
            Arrays.fill(nan, Double.NaN);
            double[] plain = Backends.with("java", () -> Data.matmul(DenseMatrix.wrap(m, k, a), DenseMatrix.wrap(k, n, x)))
                    .toDense().array();
            b.gemm(m, k, n, a, x, nan, 1, 0, 0, 0, 1);
            assertTrue(maxDiff(plain, nan) <= 1e-13 * k, name + " zgemm beta = 0 " + Arrays.toString(s));
            // through the dispatch: a forced backend gives the backend's bits
            double[] viaDispatch = Backends.with(name, () -> Data.matmul(DenseMatrix.wrap(m, k, a),
                    DenseMatrix.wrap(k, n, x))).toDense().array();
            double[] direct = new double[2 * m * n];
            b.gemm(m, k, n, a, x, direct, 1, 0, 0, 0, Backends.callThreads(Kernel.GEMM, b));
            assertArrayEquals(direct, viaDispatch, name + " dispatch " + Arrays.toString(s));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mkl", "openblas"})
    void hermitianEigenMatchesJava(String name) {
        Backend b = backend(name, Kernel.HERMITIAN_EIGEN);
        List<double[]> cases = new ArrayList<>(List.of(randomHermitian(1, 4), randomHermitian(6, 5),
                randomHermitian(40, 6), randomHermitian(200, 7), jaynesCummings(15)));
        for (double[] a : cases) {
            int n = (int) Math.round(Math.sqrt(a.length / 2.0));
            HermitianEigen.Result java = Backends.with("java", () -> HermitianEigen.decompose(n, a, true));
            HermitianEigen.Result nat = Backends.with(name, () -> HermitianEigen.decompose(n, a, true));
            double norm = Math.max(1, maxAbs(a) * n);
            for (int k = 0; k < n; k++) {
                assertEquals(java.eigenvalues()[k], nat.eigenvalues()[k], 1e-12 * norm, name + " n=" + n + " k=" + k);
            }
            assertResidual(n, a, nat.eigenvalues(), nat.eigenvectors(), norm, name);
            double[] values = new double[n];
            // the threads the dispatch gives this size: with them it picks the driver (zheevd_2stage or zheevd)
            double[] direct = b.hermitianEigen(n, a, null, Backends.callThreads(Kernel.HERMITIAN_EIGEN, b, n));
            System.arraycopy(Backends.with(name, () -> HermitianEigen.eigenvalues(n, a)), 0, values, 0, n);
            assertArrayEquals(direct, values, name + ": values only, through the dispatch");
        }
    }

    /** max |A v_k - λ_k v_k| and max |V^† V - I| for real eigenvalues λ. */
    static void assertResidual(int n, double[] a, double[] lambda, double[] v, double norm, String what) {
        double[] av = Backends.with("java", () -> Data.matmul(DenseMatrix.wrap(n, n, a), DenseMatrix.wrap(n, n, v)))
                .toDense().array();
        double res = 0;
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                int p = 2 * (i + k * n);
                res = Math.max(res, Math.hypot(av[p] - lambda[k] * v[p], av[p + 1] - lambda[k] * v[p + 1]));
            }
        }
        assertTrue(res <= 1e-12 * norm, what + ": residual " + res);
        double[] vh = Data.adjoint(DenseMatrix.wrap(n, n, v)).toDense().array();
        double[] g = Backends.with("java", () -> Data.matmul(DenseMatrix.wrap(n, n, vh), DenseMatrix.wrap(n, n, v)))
                .toDense().array();
        for (int i = 0; i < n; i++) {
            g[2 * (i + i * n)] -= 1;
        }
        assertTrue(maxAbs(g) <= 1e-12 * n, what + ": V^†V - I = " + maxAbs(g));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mkl", "openblas"})
    void generalEigenMatchesJava(String name) {
        backend(name, Kernel.GENERAL_EIGEN);
        // a damped Jaynes–Cummings Liouvillian (physical, non-normal) and random matrices
        Qobj a = tensor(destroy(4), qeye(2));
        Qobj sm = tensor(qeye(4), sigmam());
        Qobj h = a.dag().times(a).plus(sm.dag().times(sm)).plus(a.dag().times(sm).plus(a.times(sm.dag())).times(0.3));
        double[] liouvillian = dev.lindblad.Lindblad.liouvillian(h, a.times(0.4), sm.times(0.2)).data().toDense().array();
        for (double[] m : List.of(random(2, 8), random(2 * 25, 9), random(2 * 40 * 40, 10), random(2 * 150 * 150, 11),
                liouvillian)) {
            int n = (int) Math.round(Math.sqrt(m.length / 2.0));
            GeneralEigen.Result java = Backends.with("java", () -> GeneralEigen.decompose(n, m, true));
            GeneralEigen.Result nat = Backends.with(name, () -> GeneralEigen.decompose(n, m, true));
            double norm = Math.max(1, maxAbs(m) * n);
            // the same multiset: each native eigenvalue matched to the nearest unmatched Java one
            boolean[] used = new boolean[n];
            for (int k = 0; k < n; k++) {
                int best = -1;
                for (int q = 0; q < n; q++) {
                    if (!used[q] && (best < 0 || java.eigenvalue(q).minus(nat.eigenvalue(k)).abs()
                            < java.eigenvalue(best).minus(nat.eigenvalue(k)).abs())) {
                        best = q;
                    }
                }
                used[best] = true;
                assertTrue(java.eigenvalue(best).minus(nat.eigenvalue(k)).abs() <= 1e-10 * norm,
                        name + " n=" + n + " eigenvalue " + nat.eigenvalue(k) + ", nearest Java " + java.eigenvalue(best));
            }
            GeneralEigen.Result ns = nat;
            for (int k = 0; k < n; k++) {
                double[] v = ns.eigenvector(k);
                // unit norm, largest entry real and positive: the Java kernel's convention
                double s = 0, big = -1;
                int at = 0;
                for (int i = 0; i < n; i++) {
                    double mod = Math.hypot(v[2 * i], v[2 * i + 1]);
                    s += mod * mod;
                    if (mod > big) {
                        big = mod;
                        at = i;
                    }
                }
                assertEquals(1, s, 1e-12);
                assertEquals(0, v[2 * at + 1], 0.0);
                assertTrue(v[2 * at] > 0);
                double[] av = new double[2 * n];
                Data.matvec(DenseMatrix.wrap(n, n, m), v, 0, av, 0, 1, 0, 0, 0);
                Complex lambda = ns.eigenvalue(k);
                double res = 0;
                for (int i = 0; i < n; i++) {
                    res = Math.max(res, Math.hypot(av[2 * i] - (lambda.re() * v[2 * i] - lambda.im() * v[2 * i + 1]),
                            av[2 * i + 1] - (lambda.re() * v[2 * i + 1] + lambda.im() * v[2 * i])));
                }
                assertTrue(res <= 1e-11 * norm, name + " n=" + n + " residual " + res);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mkl", "openblas"})
    void luMatchesJava(String name) {
        backend(name, Kernel.LU);
        for (int n : new int[] {1, 10, 100, 250}) {
            double[] a = random(2 * n * n, 12 + n), rhs = random(2 * n * 3, 13);
            LuDecomposition java = Backends.with("java", () -> LuDecomposition.factor(n, a));
            LuDecomposition nat = Backends.with(name, () -> LuDecomposition.factor(n, a));
            double[] xj = java.solve(rhs), xn = nat.solve(rhs);
            assertTrue(maxDiff(xj, xn) <= 1e-10 * Math.max(1, maxAbs(xj)), name + " n=" + n + " solve");
            double[] inverse = Backends.with(name, nat::inverse);   // n columns: zgetrs
            assertTrue(maxDiff(java.inverse(), inverse) <= 1e-10 * Math.max(1, maxAbs(inverse)), name + " inverse");
            Complex dj = java.determinant(), dn = nat.determinant();
            assertTrue(dj.minus(dn).abs() <= 1e-10 * dj.abs(), name + " n=" + n + " determinant " + dj + " vs " + dn);
        }
        // a rank-deficient matrix is singular on both paths (the same pivot rule)
        int n = 30;
        double[] a = random(2 * n * n, 14);
        for (int i = 0; i < n; i++) {   // column 7 = column 3
            a[2 * (i + 7 * n)] = a[2 * (i + 3 * n)];
            a[2 * (i + 7 * n) + 1] = a[2 * (i + 3 * n) + 1];
        }
        assertTrue(Backends.with("java", () -> LuDecomposition.factor(n, a)).isSingular());
        LuDecomposition singular = Backends.with(name, () -> LuDecomposition.factor(n, a));
        assertTrue(singular.isSingular());
        assertThrows(ArithmeticException.class, () -> singular.solve(random(2 * n, 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mkl", "openblas"})
    void expmOnNativeProductsMatchesJava(String name) {
        backend(name, Kernel.GEMM);
        double[] r = random(2 * 60 * 60, 15);
        for (int p = 0; p < r.length; p++) {
            r[p] *= 0.4;    // norm about 5: scaling and squaring with the degree-13 approximant
        }
        double[] jc = jaynesCummings(20);
        int m = 40;
        double[] minusIHt = new double[jc.length];
        for (int p = 0; p < jc.length; p += 2) {    // -i H t, t = 3: the propagator exp(-i H t)
            minusIHt[p] = 3 * jc[p + 1];
            minusIHt[p + 1] = -3 * jc[p];
        }
        for (double[] a : List.of(r, minusIHt)) {
            int n = a == r ? 60 : m;
            double[] java = Backends.with("java", () -> Expm.expm(n, a));
            double[] nat = Backends.with(name, () -> Expm.expm(n, a));
            assertTrue(maxDiff(java, nat) <= 1e-11 * Math.max(1, maxAbs(java)), name + " expm n=" + n + ": "
                    + maxDiff(java, nat));
        }
        // the propagator is unitary
        double[] u = Backends.with(name, () -> Expm.expm(m, minusIHt));
        double[] uh = Data.adjoint(DenseMatrix.wrap(m, m, u)).toDense().array();
        double[] g = Data.matmul(DenseMatrix.wrap(m, m, uh), DenseMatrix.wrap(m, m, u)).toDense().array();
        for (int i = 0; i < m; i++) {
            g[2 * (i + i * m)] -= 1;
        }
        assertTrue(maxAbs(g) < 1e-12, "U^†U - I = " + maxAbs(g));
    }

    /** The Kerr resonator of reference/steadystate.txt (QuTiP 4.7): N = 50, 2500 unknowns, sparse. */
    @ParameterizedTest
    @ValueSource(strings = {"mkl", "openblas", "klu"})
    void sparseSteadyStateMatchesQutipAndJava(String name) {
        backend(name, Kernel.SPARSE_SOLVE);
        Reference.Case c = Reference.load("steadystate").get("kerr_50");
        int size = (int) c.scalar("N");
        Qobj a = destroy(size);
        Qobj h = a.dag().times(a).times(c.scalar("delta"))
                .plus(a.dag().pow(2).times(a.pow(2)).times(c.scalar("chi")))
                .plus(a.plus(a.dag()).times(c.scalar("F")));
        List<Qobj> cOps = List.of(a.times(Math.sqrt(c.scalar("kappa_minus"))),
                a.dag().times(Math.sqrt(c.scalar("kappa_plus"))));
        SteadyStateOptions direct = SteadyStateOptions.defaults().withMethod("direct");
        SteadyStateResult nat = Backends.with(name, () -> new SteadyStateSolver(h, cOps, direct).solve());
        SteadyStateResult java = Backends.with("java", () -> new SteadyStateSolver(h, cOps, direct).solve());
        assertTrue(nat.method().contains(switch (name) {
            case "mkl" -> "PARDISO";
            case "klu" -> "KLU";
            default -> "UMFPACK";
        }), nat.method());
        assertEquals("direct (sparse LU, AMD)", java.method());
        assertEquals(c.scalar("n"), expect(a.dag().times(a), nat.state()), 1e-7);
        assertTrue(nat.state().isClose(java.state(), 1e-9), "native and Java steady states differ");
        assertTrue(nat.fill() > 1, "fill " + nat.fill());
    }

    /** A driven Jaynes–Cummings system with a three-level atom (ladder), 3600 unknowns: native against Java. */
    @ParameterizedTest
    @ValueSource(strings = {"mkl", "openblas", "klu"})
    void threeLevelJaynesCummingsMatchesJava(String name) {
        backend(name, Kernel.SPARSE_SOLVE);
        List<Qobj> sys = JaynesCummings3.system(20);
        Qobj h = sys.get(0);
        List<Qobj> cOps = sys.subList(1, sys.size());
        SteadyStateOptions direct = SteadyStateOptions.defaults().withMethod("direct");
        SteadyStateResult nat = Backends.with(name, () -> new SteadyStateSolver(h, cOps, direct).solve());
        SteadyStateResult java = Backends.with("java", () -> new SteadyStateSolver(h, cOps, direct).solve());
        assertTrue(nat.state().isClose(java.state(), 1e-9), "native and Java steady states differ");
        assertEquals(1, nat.state().tr().re(), 1e-12);
    }

    /** A Liouvillian with many steady states (no dissipation) is refused on the native path too. */
    @ParameterizedTest
    @ValueSource(strings = {"mkl", "openblas", "klu"})
    void nonUniqueSteadyStateIsDetected(String name) {
        backend(name, Kernel.SPARSE_SOLVE);
        Qobj h = destroy(25).dag().times(destroy(25));
        SteadyStateOptions direct = SteadyStateOptions.defaults().withMethod("direct");
        assertThrows(SteadyStateException.class,
                () -> Backends.with(name, () -> new SteadyStateSolver(h, List.of(), direct).solve()));
    }

    /** A random unsymmetric sparse matrix with unsorted column indices, straight to the backend. */
    @ParameterizedTest
    @ValueSource(strings = {"mkl", "openblas", "klu"})
    void sparseFactorisationMatchesJava(String name) {
        Backend b = backend(name, Kernel.SPARSE_SOLVE);
        int n = 500;
        CsrMatrix a = randomSparse(n, n, 6, 16, true);
        double[] rhs = random(2 * n, 17), expected = new double[2 * n], actual = new double[2 * n];
        SparseLu.factor(n, a.rowPointers(), a.columnIndices(), a.valueArray(), SparseLu.Ordering.AMD).solve(rhs, expected);
        int[] rp = a.rowPointers(), ci = a.columnIndices().clone();
        double[] v = a.valueArray().clone();
        reverseRows(rp, ci, v);
        try (SparseFactorization f = b.factorSparse(n, rp, ci, v, 2)) {
            f.solve(rhs, actual);
            assertTrue(f.factorNonzeros() >= a.nnz(), f.description() + ": factor non-zeros " + f.factorNonzeros());
            f.close();
            assertThrows(IllegalStateException.class, () -> f.solve(rhs, actual));
        }
        assertTrue(maxDiff(expected, actual) <= 1e-10 * maxAbs(expected), name + ": " + maxDiff(expected, actual));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mkl", "openblas"})
    void sparseProductMatchesJava(String name) {
        Backend b = backend(name, Kernel.SPARSE_PRODUCT);
        List<CsrMatrix> cases = List.of(randomSparse(200, 150, 5, 18, false), randomSparse(1, 1, 1, 19, false),
                dev.lindblad.Lindblad.liouvillian(JaynesCummings3.system(6).get(0),
                        JaynesCummings3.system(6).subList(1, 3)).data().toCsr());
        for (CsrMatrix a : cases) {
            int rows = a.rows(), cols = a.cols();
            double[] x = random(2 * cols + 6, 20), y0 = random(2 * rows + 4, 21);
            double[] expected = y0.clone(), actual = y0.clone();
            Data.matvec(a, x, 6, expected, 4, 0.7, -0.2, 0.3, 0.9);
            try (SparseProduct p = b.prepareSparseProduct(rows, cols, a.rowPointers(), a.columnIndices(),
                    a.valueArray())) {
                p.matvec(x, 6, actual, 4, 0.7, -0.2, 0.3, 0.9, 2);
                assertTrue(maxDiff(expected, actual) <= 1e-13 * Math.max(1, maxAbs(expected)), name + " " + rows + "x" + cols);
                double[] nan = new double[2 * rows];
                Arrays.fill(nan, Double.NaN);
                double[] plain = new double[2 * rows];
                Data.matvec(a, x, 0, plain, 0, 1, 0, 0, 0);
                p.matvec(x, 0, nan, 0, 1, 0, 0, 0, 1);
                assertTrue(maxDiff(plain, nan) <= 1e-13 * Math.max(1, maxAbs(plain)), "beta = 0 ignores y");
                assertThrows(IllegalArgumentException.class, () -> p.matvec(new double[1], 0, actual, 0, 1, 0, 0, 0, 1));
            }
        }
    }

    /** A random CSR matrix with up to perRow entries per row (and the diagonal, large, when asked). */
    static CsrMatrix randomSparse(int rows, int cols, int perRow, long seed, boolean diagonal) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] rp = new int[rows + 1];
        List<Integer> ci = new ArrayList<>();
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            java.util.TreeMap<Integer, double[]> row = new java.util.TreeMap<>();
            for (int k = 0; k < perRow; k++) {
                row.put(r.nextInt(cols), new double[] {r.nextDouble() - 0.5, r.nextDouble() - 0.5});
            }
            if (diagonal) {
                row.put(i, new double[] {4 + r.nextDouble(), r.nextDouble()});
            }
            for (var e : row.entrySet()) {
                ci.add(e.getKey());
                v.add(e.getValue()[0]);
                v.add(e.getValue()[1]);
            }
            rp[i + 1] = ci.size();
        }
        return CsrMatrix.of(rows, cols, rp, ci.stream().mapToInt(Integer::intValue).toArray(),
                v.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Reverses the entries of every row in place: a valid CSR matrix with unsorted columns. */
    static void reverseRows(int[] rp, int[] ci, double[] v) {
        for (int i = 0; i + 1 < rp.length; i++) {
            for (int lo = rp[i], hi = rp[i + 1] - 1; lo < hi; lo++, hi--) {
                int t = ci[lo];
                ci[lo] = ci[hi];
                ci[hi] = t;
                for (int part = 0; part < 2; part++) {
                    double d = v[2 * lo + part];
                    v[2 * lo + part] = v[2 * hi + part];
                    v[2 * hi + part] = d;
                }
            }
        }
    }

    /** Dims helper for tests that build operators by hand. */
    static Dims oper(int... dims) {
        return Dims.oper(dims);
    }
}
