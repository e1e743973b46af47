/**
 * Solvers: each is a system (a right-hand side built once), an integrator (in place, adaptive,
 * dense output) and a result (e-ops evaluated as the solution passes each requested time). The
 * façade {@link dev.lindblad.solver.Solvers} mirrors QuTiP's {@code sesolve} and
 * {@code mesolve}; the reusable {@link dev.lindblad.solver.SeSolver} and
 * {@link dev.lindblad.solver.MeSolver} build their system once and run many initial states.
 */
package dev.lindblad.solver;
