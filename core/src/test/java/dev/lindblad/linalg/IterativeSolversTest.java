package dev.lindblad.linalg;

import static dev.lindblad.linalg.SparseTestMatrices.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.linalg.SparseTestMatrices.Csr;
import org.junit.jupiter.api.Test;

class IterativeSolversTest {

    private static final double TOLERANCE = 1e-10;

    private static Csr kerrSystem() {
        int dim = 10;
        double[] l = kerrLiouvillian(dim, -0.5, 0.2, 0.8, 1.0);
        replaceFirstRowWithTrace(dim, l);
        return fromDense(dim * dim, l);
    }

    private static Csr thermalSystem() {
        int dim = 10;
        double[] l = thermalOscillatorLiouvillian(dim, 1.3, 0.4, 0.7);
        replaceFirstRowWithTrace(dim, l);
        return fromDense(dim * dim, l);
    }

    private static double[] direct(Csr a, double[] b) {
        SparseLu lu = SparseLu.factor(a.n(), a.rowPtr(), a.colIdx(), a.values(), SparseLu.Ordering.AMD);
        double[] x = new double[b.length];
        lu.solve(b, x);
        return x;
    }

    /** Checks the reported residual against one recomputed here, and the solution against LU. */
    private static void assertSolves(Csr a, double[] b, IterativeResult result, String label) {
        assertTrue(result.converged(), label + ": not converged, relative residual "
                + result.relativeResidual() + " after " + result.iterations());
        double[] ax = new double[b.length];
        a.multiply(result.solution(), ax);
        double[] r = new double[b.length];
        for (int p = 0; p < b.length; p++) {
            r[p] = b[p] - ax[p];
        }
        assertEquals(ComplexVectors.norm(r), result.residualNorm(), 1e-14 + 1e-8 * result.residualNorm());
        assertTrue(ComplexVectors.norm(r) <= TOLERANCE * ComplexVectors.norm(b), label);
        double[] expected = direct(a, b);
        assertTrue(maxDifference(result.solution(), expected) < 1e-8 * Math.max(1, maxAbs(expected)),
                label + ": differs from SparseLu by " + maxDifference(result.solution(), expected));
    }

    @Test
    void gmresWithIncompleteLuSolvesLiouvillianSteadyStates() {
        for (Csr a : new Csr[] {kerrSystem(), thermalSystem()}) {
            double[] b = unitVector(a.n(), 0);
            ComplexLinearMap op = ComplexLinearMap.csr(a.n(), a.rowPtr(), a.colIdx(), a.values());
            IncompleteLu ilu0 = IncompleteLu.ilu0(a.n(), a.rowPtr(), a.colIdx(), a.values());
            IncompleteLu ilut = IncompleteLu.ilut(a.n(), a.rowPtr(), a.colIdx(), a.values(), 1e-4, 10);
            assertSolves(a, b, Gmres.solve(op, b, null, ilu0, 20, TOLERANCE, 2000), "GMRES+ILU(0)");
            assertSolves(a, b, Gmres.solve(op, b, null, ilut, 20, TOLERANCE, 2000), "GMRES+ILUT");
            assertSolves(a, b, BiCgStab.solve(op, b, null, ilut, TOLERANCE, 2000), "BiCGSTAB+ILUT");
            assertSolves(a, b, BiCgStab.solve(op, b, null, ilu0, TOLERANCE, 2000), "BiCGSTAB+ILU(0)");
        }
    }

    @Test
    void thermalSteadyStateFromGmresIsThermal() {
        Csr a = thermalSystem();
        double[] b = unitVector(a.n(), 0);
        ComplexLinearMap op = ComplexLinearMap.csr(a.n(), a.rowPtr(), a.colIdx(), a.values());
        IncompleteLu ilut = IncompleteLu.ilut(a.n(), a.rowPtr(), a.colIdx(), a.values(), 1e-3, 5);
        IterativeResult result = Gmres.solve(op, b, null, ilut, 30, 1e-12, 3000);
        double ratio = 0.7 / 1.7;
        double norm = (1 - Math.pow(ratio, 10)) / (1 - ratio);
        for (int k = 0; k < 10; k++) {
            assertEquals(Math.pow(ratio, k) / norm, result.solution()[2 * (k + 10 * k)], 1e-10);
        }
    }

    @Test
    void solversConvergeOnRandomDiagonallyDominantSystems() {
        for (int n : new int[] {1, 5, 40, 300}) {
            Csr a = random(n, 0.05, true, 400 + n);
            double[] b = randomVector(n, 500 + n);
            ComplexLinearMap op = ComplexLinearMap.csr(a.n(), a.rowPtr(), a.colIdx(), a.values());
            IncompleteLu ilu0 = IncompleteLu.ilu0(a.n(), a.rowPtr(), a.colIdx(), a.values());
            assertSolves(a, b, Gmres.solve(op, b, null, null, 10, TOLERANCE, 1000), "GMRES n=" + n);
            assertSolves(a, b, Gmres.solve(op, b, null, ilu0, 10, TOLERANCE, 1000), "GMRES+ILU0 n=" + n);
            assertSolves(a, b, BiCgStab.solve(op, b, null, null, TOLERANCE, 1000), "BiCGSTAB n=" + n);
            assertSolves(a, b, BiCgStab.solve(op, b, null, ilu0, TOLERANCE, 1000), "BiCGSTAB+ILU0 n=" + n);
        }
    }

    @Test
    void zeroPivotIsReplacedAndThePreconditionerStillWorks() {
        // A dominant matrix with a_00 removed: the first pivot of ILU is exactly zero, is raised,
        // and M differs from A by a rank-one term, which GMRES absorbs in a few iterations.
        Csr dominant = random(40, 0.1, true, 11);
        double[] dense = dominant.toDense();
        dense[0] = 0;
        dense[1] = 0;
        dense[2 * 1] = 1; // a_10 = 1 keeps the first column non-zero
        dense[2 * 40] = 1; // a_01 = 1 keeps the first row non-zero
        Csr a = fromDense(40, dense);
        double[] b = randomVector(40, 12);
        ComplexLinearMap op = ComplexLinearMap.csr(a.n(), a.rowPtr(), a.colIdx(), a.values());
        for (IncompleteLu ilu : new IncompleteLu[] {
                IncompleteLu.ilu0(a.n(), a.rowPtr(), a.colIdx(), a.values()),
                IncompleteLu.ilut(a.n(), a.rowPtr(), a.colIdx(), a.values(), 1e-6, 20)}) {
            assertTrue(ilu.modifiedPivots() >= 1);
            assertSolves(a, b, Gmres.solve(op, b, null, ilu, 20, TOLERANCE, 400), "GMRES, raised pivot");
        }
    }

    @Test
    void iluZeroReproducesTheMatrixOnItsPattern() {
        // Exact on a tridiagonal matrix: no fill, so ILU(0) is the LU factorisation.
        int n = 30;
        double[] dense = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            dense[2 * (i + i * n)] = 3 + 0.1 * i;
            dense[2 * (i + i * n) + 1] = 0.5;
            if (i > 0) {
                dense[2 * (i + (i - 1) * n)] = -1;
                dense[2 * ((i - 1) + i * n) + 1] = 0.7;
            }
        }
        Csr a = fromDense(n, dense);
        IncompleteLu ilu0 = IncompleteLu.ilu0(n, a.rowPtr(), a.colIdx(), a.values());
        double[] b = randomVector(n, 3);
        double[] x = new double[2 * n];
        ilu0.apply(b, x);
        assertTrue(maxDifference(x, denseSolve(n, dense, b)) < 1e-13);
        assertEquals(2L * n - 1, ilu0.nnzL());
        assertEquals(2L * n - 1, ilu0.nnzU());
        assertEquals(0, ilu0.modifiedPivots());
    }

    @Test
    void ilutWithZeroDropToleranceAndLargeFillIsExactLu() {
        Csr a = random(40, 0.1, true, 21);
        IncompleteLu ilut = IncompleteLu.ilut(a.n(), a.rowPtr(), a.colIdx(), a.values(), 0, 1000);
        double[] b = randomVector(40, 22);
        double[] x = new double[80];
        ilut.apply(b, x);
        assertTrue(maxDifference(x, denseSolve(40, a.toDense(), b)) < 1e-11);
    }

    @Test
    void ilutFillIsBoundedByTheFillFactor() {
        Csr a = gridLaplacian(20);
        IncompleteLu ilut = IncompleteLu.ilut(a.n(), a.rowPtr(), a.colIdx(), a.values(), 1e-6, 2);
        assertTrue(ilut.nnzL() + ilut.nnzU() - a.n() <= (2 * 2 + 1) * (long) a.nnz() + a.n(),
                "nnz " + (ilut.nnzL() + ilut.nnzU()));
    }

    @Test
    void nonConvergenceIsReportedWithTheResidualReached() {
        Csr a = kerrSystem();
        double[] b = unitVector(a.n(), 0);
        ComplexLinearMap op = ComplexLinearMap.csr(a.n(), a.rowPtr(), a.colIdx(), a.values());
        IterativeResult gmres = Gmres.solve(op, b, null, null, 5, TOLERANCE, 3);
        assertFalse(gmres.converged());
        assertEquals(3, gmres.iterations());
        assertTrue(gmres.residualNorm() > TOLERANCE && gmres.residualNorm() < Double.POSITIVE_INFINITY);
        IterativeResult bicg = BiCgStab.solve(op, b, null, null, TOLERANCE, 2);
        assertFalse(bicg.converged());
        assertEquals(2, bicg.iterations());
        assertTrue(bicg.relativeResidual() > TOLERANCE);
    }

    @Test
    void zeroRightHandSideGivesZeroSolution() {
        Csr a = kerrSystem();
        ComplexLinearMap op = ComplexLinearMap.csr(a.n(), a.rowPtr(), a.colIdx(), a.values());
        IterativeResult result = Gmres.solve(op, new double[2 * a.n()], null, null, 10, 1e-10, 10);
        assertTrue(result.converged());
        assertEquals(0, result.iterations());
        assertEquals(0, maxAbs(result.solution()));
    }

    @Test
    void initialGuessAtTheSolutionNeedsNoIterations() {
        Csr a = kerrSystem();
        double[] b = unitVector(a.n(), 0);
        double[] x = direct(a, b);
        ComplexLinearMap op = ComplexLinearMap.csr(a.n(), a.rowPtr(), a.colIdx(), a.values());
        IterativeResult result = BiCgStab.solve(op, b, x, null, 1e-10, 10);
        assertTrue(result.converged());
        assertEquals(0, result.iterations());
    }
}
