package dev.lindblad.solver;

import dev.lindblad.backend.Backends;
import dev.lindblad.data.CsrMatrix;

/**
 * The steady-state solver's sparse direct solve on a native backend (PARDISO, UMFPACK, KLU), when
 * {@link Backends#select} chooses one for the size; else null and the Java sparse LU runs. A
 * numerical failure (the library reports the matrix singular) leaves the call to Java, which
 * then reports a non-unique steady state; any other failure marks the backend's kernel broken
 * for the run ({@link Backends#solveSparse}).
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
        return Backends.solveSparse(a.rows(), a.rowPointers(), a.columnIndices(), a.valueArray(), b)
                .map(s -> new Solved(s.x(), s.factorNonzeros() < 0 ? Double.NaN
                        : s.factorNonzeros() / (double) Math.max(1, a.nnz()), s.description()))
                .orElse(null);
    }
}
