package dev.lindblad.solver;

import dev.lindblad.backend.Backend;
import dev.lindblad.backend.Backends;
import dev.lindblad.backend.Kernel;
import dev.lindblad.backend.SparseFactorization;
import dev.lindblad.data.CsrMatrix;

/**
 * The steady-state solver's sparse direct solve on a native backend (PARDISO, UMFPACK), when
 * {@link Backends#select} chooses one for the size; else null and the Java sparse LU runs. A
 * numerical failure (the library reports the matrix singular) leaves the call to Java, which
 * then reports a non-unique steady state; any other failure marks the backend's kernel broken
 * for the run.
 */
final class NativeSparseSolve {

    private NativeSparseSolve() {
    }

    /**
     * @param x           the solution
     * @param fill        {@code nnz(L+U)/nnz(A)}, NaN when the library does not say
     * @param description what solved it, e.g. {@code "PARDISO (MKL 2025.2)"}
     */
    record Solved(double[] x, double fill, String description) {
    }

    /** Solves {@code a x = b} on a backend, or returns null. */
    static Solved solve(CsrMatrix a, double[] b) {
        Backend be = Backends.select(Kernel.SPARSE_SOLVE, a.rows());
        if (be == null) {
            return null;
        }
        try (SparseFactorization f = be.factorSparse(a.rows(), a.rowPointers(), a.columnIndices(), a.valueArray(),
                Backends.callThreads(Kernel.SPARSE_SOLVE, be))) {
            double[] x = new double[b.length];
            f.solve(b, x);
            long lu = f.factorNonzeros();
            return new Solved(x, lu < 0 ? Double.NaN : lu / (double) Math.max(1, a.nnz()), f.description());
        } catch (ArithmeticException e) {
            return null;
        } catch (RuntimeException | LinkageError e) {
            Backends.failed(be, Kernel.SPARSE_SOLVE, e);
            return null;
        }
    }
}
