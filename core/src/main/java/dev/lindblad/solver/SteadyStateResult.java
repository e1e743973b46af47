package dev.lindblad.solver;

import dev.lindblad.Qobj;

/**
 * A steady state with what it cost, as QuTiP's {@code return_info=True}.
 *
 * @param state      the steady state: Hermitian, trace one
 * @param residual   {@code max_i |(L vec(rho))_i|}, the check that it is stationary
 * @param method     the method used
 * @param iterations iterations of an iterative or power method (0 for direct methods)
 * @param fill       fill of the sparse LU, {@code nnz(L+U)/nnz(A)} (NaN when no sparse LU ran)
 * @param seconds    wall time
 */
public record SteadyStateResult(Qobj state, double residual, String method, int iterations, double fill,
                                double seconds) {
}
