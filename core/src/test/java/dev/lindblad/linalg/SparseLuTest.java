package dev.lindblad.linalg;

import static dev.lindblad.linalg.SparseTestMatrices.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.linalg.SparseTestMatrices.Csr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

class SparseLuTest {

    static Stream<Arguments> randomCases() {
        List<Arguments> cases = new ArrayList<>();
        long seed = 1;
        for (int n : new int[] {1, 5, 40, 300}) {
            for (double density : new double[] {0.02, 0.1, 0.5}) {
                for (boolean dominant : new boolean[] {true, false}) {
                    for (SparseLu.Ordering ordering : SparseLu.Ordering.values()) {
                        cases.add(Arguments.of(n, density, dominant, ordering, seed++));
                    }
                }
            }
        }
        return cases.stream();
    }

    /** Solutions agree with dense partial-pivoting Gaussian elimination to 1e-10 relative. */
    @ParameterizedTest
    @MethodSource("randomCases")
    void matchesDenseLuOnRandomMatrices(int n, double density, boolean dominant,
            SparseLu.Ordering ordering, long seed) {
        Csr a = random(n, density, dominant, seed);
        double[] b = randomVector(n, seed + 1000);
        double[] expected = denseSolve(n, a.toDense(), b);
        SparseLu lu = SparseLu.factor(n, a.rowPtr(), a.colIdx(), a.values(), ordering);
        double[] x = new double[2 * n];
        lu.solve(b, x);
        assertTrue(maxDifference(x, expected) <= 1e-10 * Math.max(1, maxAbs(expected)),
                "sparse and dense solutions differ by " + maxDifference(x, expected));
        double[] residual = new double[2 * n];
        a.multiply(x, residual);
        assertTrue(maxDifference(residual, b) <= 1e-11 * maxAbs(b) * Math.max(1, maxAbs(x)),
                "residual " + maxDifference(residual, b));
        assertTrue(lu.nnzL() >= n && lu.nnzU() >= n);
    }

    @Test
    void solveAcceptsTheSameArrayForRightHandSideAndSolution() {
        Csr a = random(40, 0.1, false, 77);
        double[] b = randomVector(40, 78);
        double[] x = new double[80];
        SparseLu lu = SparseLu.factor(40, a.rowPtr(), a.colIdx(), a.values(), SparseLu.Ordering.AMD);
        lu.solve(b, x);
        double[] inPlace = b.clone();
        lu.solve(inPlace, inPlace);
        assertArrayEquals(x, inPlace, 0.0);
    }

    @Test
    void duplicateEntriesAreSummed() {
        // [[1+1, 1], [0, 3]] written with the (0,0) entry split in two and columns unsorted.
        int[] rowPtr = {0, 3, 4};
        int[] colIdx = {1, 0, 0, 1};
        double[] values = {1, 0, 1, 0, 1, 0, 3, 0};
        SparseLu lu = SparseLu.factor(2, rowPtr, colIdx, values, SparseLu.Ordering.NATURAL);
        double[] x = new double[4];
        lu.solve(new double[] {3, 0, 3, 0}, x);
        assertArrayEquals(new double[] {1, 0, 1, 0}, x, 1e-15);
    }

    /**
     * The damped oscillator in a thermal bath, c1 = sqrt(kappa (n+1)) a, c2 = sqrt(kappa n) a^dag,
     * relaxes to the thermal state; with N levels the birth-death chain obeys detailed balance,
     * so the truncated steady state is exactly p_k proportional to (n/(n+1))^k.
     */
    @Test
    void thermalOscillatorSteadyStateIsThermal() {
        int dim = 10;
        double nTh = 0.7;
        double[] l = thermalOscillatorLiouvillian(dim, 1.3, 0.4, nTh);
        replaceFirstRowWithTrace(dim, l);
        Csr sparse = fromDense(dim * dim, l);
        for (SparseLu.Ordering ordering : SparseLu.Ordering.values()) {
            SparseLu lu = SparseLu.factor(dim * dim, sparse.rowPtr(), sparse.colIdx(), sparse.values(), ordering);
            double[] rho = new double[2 * dim * dim];
            lu.solve(unitVector(dim * dim, 0), rho);
            double ratio = nTh / (nTh + 1);
            double norm = (1 - Math.pow(ratio, dim)) / (1 - ratio);
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j < dim; j++) {
                    double expected = i == j ? Math.pow(ratio, i) / norm : 0;
                    int p = i + j * dim;
                    assertEquals(expected, rho[2 * p], 1e-12, "Re rho(" + i + "," + j + ")");
                    assertEquals(0, rho[2 * p + 1], 1e-12, "Im rho(" + i + "," + j + ")");
                }
            }
        }
    }

    /** A driven Kerr oscillator has a non-diagonal complex steady state: compare with dense LU. */
    @Test
    void kerrSteadyStateMatchesDenseSolve() {
        int dim = 10;
        double[] l = kerrLiouvillian(dim, -0.5, 0.2, 0.8, 1.0);
        replaceFirstRowWithTrace(dim, l);
        int n = dim * dim;
        double[] expected = denseSolve(n, l, unitVector(n, 0));
        Csr sparse = fromDense(n, l);
        SparseLu lu = SparseLu.factor(n, sparse.rowPtr(), sparse.colIdx(), sparse.values(), SparseLu.Ordering.AMD);
        double[] rho = new double[2 * n];
        lu.solve(unitVector(n, 0), rho);
        assertTrue(maxDifference(rho, expected) < 1e-12, "difference " + maxDifference(rho, expected));
        // Hermitian with unit trace.
        double trace = 0;
        for (int i = 0; i < dim; i++) {
            trace += rho[2 * (i + i * dim)];
            for (int j = 0; j < dim; j++) {
                assertEquals(rho[2 * (i + j * dim)], rho[2 * (j + i * dim)], 1e-12);
                assertEquals(rho[2 * (i + j * dim) + 1], -rho[2 * (j + i * dim) + 1], 1e-12);
            }
        }
        assertEquals(1, trace, 1e-12);
        assertTrue(Math.abs(rho[2 * (1 + 0 * dim) + 1]) > 1e-3, "coherence should be complex");
    }

    @Test
    void approximateMinimumDegreeReducesFillOnAGridLaplacian() {
        Csr a = gridLaplacian(30);
        SparseLu natural = SparseLu.factor(a.n(), a.rowPtr(), a.colIdx(), a.values(), SparseLu.Ordering.NATURAL);
        SparseLu amd = SparseLu.factor(a.n(), a.rowPtr(), a.colIdx(), a.values(), SparseLu.Ordering.AMD);
        // Natural order fills the band: about 2 * 30 entries per row against 5 in A.
        assertTrue(natural.fill() > 8, "natural fill " + natural.fill());
        assertTrue(amd.fill() < 0.6 * natural.fill(),
                "AMD fill " + amd.fill() + " vs natural " + natural.fill());
        double[] b = randomVector(a.n(), 5);
        double[] x1 = new double[2 * a.n()];
        double[] x2 = new double[2 * a.n()];
        natural.solve(b, x1);
        amd.solve(b, x2);
        assertTrue(maxDifference(x1, x2) < 1e-12);
    }

    @Test
    void approximateMinimumDegreeReturnsAPermutation() {
        Csr a = random(300, 0.02, false, 99);
        int[] order = ApproximateMinimumDegree.order(
                CompressedColumns.fromCsr(a.n(), a.rowPtr(), a.colIdx(), a.values()));
        boolean[] seen = new boolean[a.n()];
        for (int v : order) {
            assertFalse(seen[v], "index " + v + " ordered twice");
            seen[v] = true;
        }
        assertEquals(a.n(), order.length);
    }

    @Test
    void singularLiouvillianThrowsNamingTheColumn() {
        int dim = 6;
        // Without the trace row the Liouvillian has the steady state in its kernel.
        Csr sparse = fromDense(dim * dim, thermalOscillatorLiouvillian(dim, 1.0, 0.5, 0.3));
        for (SparseLu.Ordering ordering : SparseLu.Ordering.values()) {
            ArithmeticException e = assertThrows(ArithmeticException.class, () -> SparseLu.factor(
                    dim * dim, sparse.rowPtr(), sparse.colIdx(), sparse.values(), ordering));
            assertTrue(e.getMessage().contains("column") && e.getMessage().contains("pivot magnitude"),
                    e.getMessage());
        }
    }

    @Test
    void structurallySingularMatrixThrows() {
        // Column 1 is empty.
        int[] rowPtr = {0, 1, 2, 3};
        int[] colIdx = {0, 2, 0};
        double[] values = {1, 0, 2, 0, 3, 0};
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> SparseLu.factor(3, rowPtr, colIdx, values, SparseLu.Ordering.NATURAL));
        assertTrue(e.getMessage().contains("column"), e.getMessage());
    }

    @Test
    void badInputIsRejectedWithTheOffendingValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparseLu.factor(
                2, new int[] {0, 1, 2}, new int[] {0, 5}, new double[4], SparseLu.Ordering.NATURAL));
        assertTrue(e.getMessage().contains("5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SparseLu.factor(
                2, new int[] {0, 1}, new int[] {0}, new double[2], SparseLu.Ordering.NATURAL));
        assertThrows(IllegalArgumentException.class, () -> SparseLu.factor(
                1, new int[] {0, 1}, new int[] {0}, new double[] {Double.NaN, 0}, SparseLu.Ordering.NATURAL));
    }

    /** An interrupted thread stops a factorisation within 64 columns instead of finishing it. */
    @Test
    void interruptStopsTheFactorisation() {
        Csr a = gridLaplacian(30);   // 900 columns
        Thread.currentThread().interrupt();
        try {
            java.util.concurrent.CancellationException e = assertThrows(java.util.concurrent.CancellationException.class,
                    () -> SparseLu.factor(a.n(), a.rowPtr(), a.colIdx(), a.values(), SparseLu.Ordering.AMD));
            assertTrue(e.getMessage().contains("column 0 of 900"), e.getMessage());
        } finally {
            Thread.interrupted();   // clear the flag for the tests that follow
        }
        // without the interrupt the same factorisation runs to the end
        assertNotNull(SparseLu.factor(a.n(), a.rowPtr(), a.colIdx(), a.values(), SparseLu.Ordering.AMD));
    }

    /**
     * The factors' storage grows only when the heap can hold it: a growth larger than the heap
     * is refused with {@link dev.lindblad.InsufficientMemoryException} naming the way out (issue
     * #14, item 13), a small one passes.
     */
    @Test
    void fillGrowthBeyondTheHeapIsRefused() {
        long entries = Runtime.getRuntime().maxMemory() / 4;   // 20 bytes an entry: five heaps
        dev.lindblad.InsufficientMemoryException e = assertThrows(dev.lindblad.InsufficientMemoryException.class,
                () -> SparseLu.Factorizer.requireHeap(entries));
        assertTrue(e.getMessage().startsWith("sparse LU: needs about"), e.getMessage());
        assertTrue(e.getMessage().contains("iterative-gmres"), e.getMessage());
        assertDoesNotThrow(() -> SparseLu.Factorizer.requireHeap(1 << 16));
    }
}
