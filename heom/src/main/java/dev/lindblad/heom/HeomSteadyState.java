package dev.lindblad.heom;

import dev.lindblad.Qobj;

/**
 * The steady state of a hierarchy, as QuTiP's {@code (steady_state, steady_ados)}.
 *
 * @param rho       the system's density matrix, made Hermitian ({@code (rho + rho†)/2}) as QuTiP
 * @param ados      every ADO in the steady state
 * @param residual  {@code max |L x - b|} of the solved system (L with its first row replaced by
 *                  the trace condition)
 * @param method    {@code "iterative-gmres"}, or {@code "direct (<path>)"} naming the sparse direct solver
 *                  that ran: {@code "direct (sparse LU, AMD)"} (Java), or the native backend's, e.g.
 *                  {@code "direct (PARDISO (MKL 2025.2))"}, {@code "direct (UMFPACK, SuiteSparse 5.12.0)"},
 *                  {@code "direct (KLU 1.3.8, SuiteSparse 5.12.0)"}
 * @param iterations GMRES iterations (0 for the direct solve)
 */
public record HeomSteadyState(Qobj rho, HierarchyAdosState ados, double residual, String method, int iterations) {
}
