package dev.lindblad.heom;

import dev.lindblad.Qobj;

/**
 * The steady state of a hierarchy, as QuTiP's {@code (steady_state, steady_ados)}.
 *
 * @param rho       the system's density matrix, made Hermitian ({@code (rho + rho†)/2}) as QuTiP
 * @param ados      every ADO in the steady state
 * @param residual  {@code max |L x - b|} of the solved system (L with its first row replaced by
 *                  the trace condition)
 * @param method    {@code "direct"} or {@code "iterative-gmres"}
 * @param iterations GMRES iterations (0 for the direct solve)
 */
public record HeomSteadyState(Qobj rho, HierarchyAdosState ados, double residual, String method, int iterations) {
}
