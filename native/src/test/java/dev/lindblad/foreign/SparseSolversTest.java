package dev.lindblad.foreign;

import static dev.lindblad.Lindblad.destroy;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.Lindblad;
import dev.lindblad.Qobj;
import dev.lindblad.backend.Backend;
import dev.lindblad.backend.BackendThresholds;
import dev.lindblad.backend.Backends;
import dev.lindblad.backend.Kernel;
import dev.lindblad.backend.SparseFactorization;
import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.Data;
import dev.lindblad.data.Matrix;
import dev.lindblad.linalg.SparseLu;
import dev.lindblad.solver.SteadyStateOptions;
import dev.lindblad.solver.SteadyStateResult;
import dev.lindblad.solver.SteadyStateSolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * KLU ({@code klu_zl_*}) against UMFPACK and the Java sparse LU on the same inputs, in the same
 * run: random unsymmetric matrices (sorted and unsorted rows) and the physical systems the
 * steady-state solver builds (the Kerr resonator's and a three-level Jaynes–Cummings system's
 * Liouvillians with the trace condition); and {@code auto}'s choice among the sparse solvers.
 */
class SparseSolversTest {

    /** The steady-state system {@code L + w e_0 t^T}: row 0 gains the trace condition (w at every diagonal of rho). */
    static CsrMatrix traceConditioned(Qobj h, List<Qobj> cOps) {
        Matrix l = Lindblad.liouvillian(h, cOps).data();
        int dim = l.rows(), n = (int) Math.round(Math.sqrt(dim));
        double w = Data.maxAbs(l);
        int[] rp = new int[dim + 1], ci = new int[n];
        double[] v = new double[2 * n];
        for (int k = 0; k < n; k++) {
            ci[k] = k * (n + 1);
            v[2 * k] = w;
        }
        for (int i = 1; i <= dim; i++) {
            rp[i] = n;
        }
        return Data.add(l.toCsr(), CsrMatrix.of(dim, dim, rp, ci, v)).toCsr();
    }

    static Map<String, CsrMatrix> inputs() {
        Map<String, CsrMatrix> m = new LinkedHashMap<>();
        m.put("random 300", NativeKernelsTest.randomSparse(300, 300, 5, 31, true));
        m.put("random 3000", NativeKernelsTest.randomSparse(3000, 3000, 8, 32, true));
        Qobj a = destroy(30);
        Qobj h = a.dag().times(a).times(-0.2).plus(a.dag().pow(2).times(a.pow(2)).times(0.5)).plus(a.plus(a.dag()).times(0.3));
        m.put("Kerr N=30", traceConditioned(h, List.of(a.times(Math.sqrt(0.5)), a.dag().times(Math.sqrt(0.05)))));
        List<Qobj> jc = JaynesCummings3.system(12);
        m.put("Jaynes-Cummings 3-level N=12", traceConditioned(jc.get(0), jc.subList(1, jc.size())));
        return m;
    }

    @Test
    void kluMatchesUmfpackAndJava() {
        Backend klu = NativeKernelsTest.backend("klu", Kernel.SPARSE_SOLVE);
        Backend umfpack = Backends.find("openblas").filter(Backend::available)
                .filter(b -> b.kernels().contains(Kernel.SPARSE_SOLVE)).orElse(null);
        if (umfpack == null) {
            System.out.println("SKIPPED the UMFPACK comparison: UMFPACK not available; KLU against Java only");
        }
        for (Map.Entry<String, CsrMatrix> e : inputs().entrySet()) {
            CsrMatrix a = e.getValue();
            int n = a.rows();
            double[] rhs = NativeKernelsTest.random(2 * n, n);
            double[] java = new double[2 * n], viaKlu = new double[2 * n];
            SparseLu.factor(n, a.rowPointers(), a.columnIndices(), a.valueArray(), SparseLu.Ordering.AMD).solve(rhs, java);
            int[] ci = a.columnIndices().clone();
            double[] v = a.valueArray().clone();
            NativeKernelsTest.reverseRows(a.rowPointers(), ci, v);    // unsorted rows on the way in
            try (SparseFactorization f = klu.factorSparse(n, a.rowPointers(), ci, v, 1)) {
                f.solve(rhs, viaKlu);
                assertTrue(f.description().startsWith("KLU "), f.description());
                assertTrue(f.factorNonzeros() >= n, e.getKey() + ": factor non-zeros " + f.factorNonzeros());
            }
            double scale = NativeKernelsTest.maxAbs(java);
            assertTrue(NativeKernelsTest.maxDiff(java, viaKlu) <= 1e-10 * scale, e.getKey() + ": KLU against Java "
                    + NativeKernelsTest.maxDiff(java, viaKlu));
            assertTrue(residual(a, viaKlu, rhs) <= 1e-12 * Data.maxAbs(a) * scale, e.getKey() + ": KLU residual "
                    + residual(a, viaKlu, rhs));
            if (umfpack != null) {
                double[] viaUmfpack = new double[2 * n];
                try (SparseFactorization f = umfpack.factorSparse(n, a.rowPointers(), a.columnIndices(), a.valueArray(), 1)) {
                    f.solve(rhs, viaUmfpack);
                }
                assertTrue(NativeKernelsTest.maxDiff(viaUmfpack, viaKlu) <= 1e-10 * scale, e.getKey()
                        + ": KLU against UMFPACK " + NativeKernelsTest.maxDiff(viaUmfpack, viaKlu));
            }
        }
    }

    @Test
    void kluRefusesSingularMatrices() {
        Backend klu = NativeKernelsTest.backend("klu", Kernel.SPARSE_SOLVE);
        // a zero row: structurally singular
        CsrMatrix zeroRow = CsrMatrix.of(3, 3, new int[] {0, 2, 2, 3}, new int[] {0, 1, 2}, new double[] {1, 0, 2, 0, 3, 0});
        assertThrows(ArithmeticException.class, () -> klu.factorSparse(3, zeroRow.rowPointers(),
                zeroRow.columnIndices(), zeroRow.valueArray(), 1).close());
        // two equal rows up to 1e-17: singular to working precision
        CsrMatrix nearly = CsrMatrix.of(2, 2, new int[] {0, 2, 4}, new int[] {0, 1, 0, 1},
                new double[] {1, 0, 1, 0, 1, 0, 1 + 1e-17, 0});
        assertThrows(ArithmeticException.class, () -> klu.factorSparse(2, nearly.rowPointers(),
                nearly.columnIndices(), nearly.valueArray(), 1).close());
    }

    /**
     * {@code auto} runs the sparse direct solve on the backend measured fastest at the size among
     * those whose threshold says native, and names it in the result; the Kerr resonator N = 60,
     * 3600 unknowns.
     */
    @Test
    void autoPicksByRankUnlessAnotherIsMeasuredClearlyFaster() {
        int levels = 60;
        long size = (long) levels * levels;
        String expected = "sparse LU";
        double best = Double.POSITIVE_INFINITY;
        List<String> seen = new ArrayList<>();
        for (Backend b : Backends.all()) {
            if (!b.available() || !b.kernels().contains(Kernel.SPARSE_SOLVE)) {
                continue;
            }
            BackendThresholds.Threshold t = Backends.threshold(b, Kernel.SPARSE_SOLVE);
            seen.add(b.name() + ": " + t.describe());
            // the rule of Backends.fastest: rank order, a later backend only when measured
            // SWITCH_MARGIN times faster
            if (size >= t.value() && (best == Double.POSITIVE_INFINITY || t.nativeNanosAt(size) * 2.0 < best)) {
                best = t.nativeNanosAt(size);
                expected = switch (b.name()) {
                    case "mkl" -> "PARDISO";
                    case "klu" -> "KLU";
                    default -> "UMFPACK";
                };
            }
        }
        if (seen.isEmpty()) {
            NativeKernelsTest.backend("klu", Kernel.SPARSE_SOLVE);    // skips with the reason
        }
        Qobj a = destroy(levels);
        Qobj h = a.dag().times(a).times(-0.2).plus(a.dag().pow(2).times(a.pow(2)).times(0.5)).plus(a.plus(a.dag()).times(0.3));
        SteadyStateResult r = Backends.with("auto", () -> new SteadyStateSolver(h, List.of(a.times(Math.sqrt(0.5))),
                SteadyStateOptions.defaults().withMethod("direct")).solve());
        assertTrue(r.method().contains(expected), "auto took " + r.method() + ", expected " + expected + " from " + seen);
    }

    private static double residual(CsrMatrix a, double[] x, double[] b) {
        double[] ax = new double[b.length];
        Data.matvec(a, x, 0, ax, 0, 1, 0, 0, 0);
        return NativeKernelsTest.maxDiff(ax, b);
    }
}
