/**
 * The public surface of Lindblad: quantum objects ({@link dev.lindblad.Qobj}), their
 * dimensions, states, operators, superoperators, metrics and the one-import façade
 * {@link dev.lindblad.Lindblad}. Conventions follow QuTiP: hbar = 1, tensor products order
 * subsystems left to right, density matrices are vectorised by stacking columns.
 */
package dev.lindblad;
