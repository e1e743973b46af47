package dev.lindblad.linalg;

/**
 * The outcome of an iterative solve of {@code A x = b}.
 *
 * <p>A solver that stops without meeting its tolerance still returns its best iterate, with
 * {@code converged = false}; the caller decides whether that is an error.
 *
 * @param solution         the last iterate x, interleaved, length {@code 2n}
 * @param iterations       iterations performed (GMRES: Arnoldi steps, one product with A
 *                         each; BiCGSTAB: full steps, two products each)
 * @param residualNorm     {@code ||b - A x||_2} of the returned solution, recomputed from A
 * @param relativeResidual {@code ||b - A x||_2 / ||b||_2} (the residual norm itself when b = 0)
 * @param converged        whether {@code relativeResidual <= tolerance} was reached
 */
public record IterativeResult(double[] solution, int iterations, double residualNorm,
        double relativeResidual, boolean converged) {
}
