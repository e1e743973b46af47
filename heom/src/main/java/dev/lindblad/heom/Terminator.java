package dev.lindblad.heom;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;

/**
 * The terminator of a truncated Drude–Lorentz expansion, as QuTiP's {@code bath.terminator()}:
 * the exponents left out add up to about {@code 2 delta dirac(t)} in the correlation function,
 * which acts on the system as the Markovian term
 * <pre>
 *   L_bnd = -delta (-2 spre(Q) spost(Q†) + spre(Q†Q) + spost(Q†Q)),
 *   i.e.  L_bnd rho = delta (2 Q rho Q† - Q†Q rho - rho Q†Q),
 * </pre>
 * Add {@link #liouvillian()} to the system Liouvillian ({@code liouvillian(H).plus(term)}).
 *
 * @param delta       the approximation discrepancy {@code 2 lam T / gamma - i lam - sum_k c_k / vk}
 * @param liouvillian the superoperator {@code L_bnd}
 */
public record Terminator(Complex delta, Qobj liouvillian) {
}
