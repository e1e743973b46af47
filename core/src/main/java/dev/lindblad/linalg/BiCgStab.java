package dev.lindblad.linalg;

/**
 * BiCGSTAB with right preconditioning for complex systems {@code A x = b} (van der Vorst,
 * SIAM J. Sci. Stat. Comput. 13 (1992) 631-644), using the conjugating inner product
 * {@code <u, v> = sum conj(u_i) v_i} and the shadow residual {@code r^ = r0}.
 *
 * <p>Each step applies A twice and the preconditioner {@code M^-1} twice. When
 * {@code |<r^, r>| <= 1e-12 ||r^|| ||r||} the method restarts with {@code r^ = r} (and
 * {@code p = r}) instead of dividing by a vanishing number. Any other breakdown
 * ({@code <r^, A p^> = 0} or {@code t = 0}) ends the iteration, reported as non-convergence
 * unless the residual already meets the tolerance.
 */
public final class BiCgStab {

    /** Relative size of {@code <r^, r>} below which the shadow residual is renewed. */
    private static final double BREAKDOWN = 1e-12;

    private BiCgStab() {
    }

    /**
     * Solves {@code A x = b} until {@code ||b - A x|| <= tolerance ||b||}.
     *
     * @param operator       A, as its action
     * @param b              right-hand side, interleaved, length {@code 2n}
     * @param initialGuess   x0, or null for zero; not modified
     * @param preconditioner the action of {@code M^-1}, or null for none
     * @param tolerance      relative residual target, {@code > 0}
     * @param maxIterations  bound on the number of BiCGSTAB steps
     * @return the solution, the steps taken, the residual reached (recomputed from A) and
     *         whether it met the tolerance; never throws for non-convergence
     */
    public static IterativeResult solve(ComplexLinearMap operator, double[] b, double[] initialGuess,
            ComplexLinearMap preconditioner, double tolerance, int maxIterations) {
        ComplexVectors.checkSystem(operator, b, initialGuess, tolerance, maxIterations);
        int length = b.length;
        double[] x = initialGuess == null ? new double[length] : initialGuess.clone();
        double bNorm = ComplexVectors.norm(b);
        if (bNorm == 0) {
            return ComplexVectors.result(operator, b, new double[length], 0, 0, tolerance);
        }
        double[] r = new double[length];
        ComplexVectors.residual(operator, b, x, r);
        double[] shadow = r.clone();
        double[] p = new double[length];
        double[] v = new double[length];
        double[] pHat = new double[length];
        double[] sHat = new double[length];
        double[] t = new double[length];
        double rhoRe = 1;
        double rhoIm = 0;
        double alphaRe = 1;
        double alphaIm = 0;
        double omegaRe = 1;
        double omegaIm = 0;
        int iterations = 0;
        double target = tolerance * bNorm;
        double residualNorm = ComplexVectors.norm(r);
        while (residualNorm > target && iterations < maxIterations) {
            double newRhoRe = ComplexVectors.dotRe(shadow, r);
            double newRhoIm = ComplexVectors.dotIm(shadow, r);
            boolean restart = iterations == 0;
            if (Math.hypot(newRhoRe, newRhoIm) <= BREAKDOWN * ComplexVectors.norm(shadow) * residualNorm) {
                // r has become orthogonal to the shadow residual (it happens by structure when b
                // is a unit vector, as for a trace condition): restart with r^ = r.
                System.arraycopy(r, 0, shadow, 0, length);
                newRhoRe = ComplexVectors.dotRe(shadow, r);
                newRhoIm = 0;
                restart = true;
            }
            if (restart) {
                System.arraycopy(r, 0, p, 0, length);
            } else {
                // beta = (rho_new / rho) (alpha / omega)
                double[] q1 = divide(newRhoRe, newRhoIm, rhoRe, rhoIm);
                double[] q2 = divide(alphaRe, alphaIm, omegaRe, omegaIm);
                double betaRe = q1[0] * q2[0] - q1[1] * q2[1];
                double betaIm = q1[0] * q2[1] + q1[1] * q2[0];
                // p = r + beta (p - omega v)
                for (int k = 0; k < length; k += 2) {
                    double dr = p[k] - (omegaRe * v[k] - omegaIm * v[k + 1]);
                    double di = p[k + 1] - (omegaRe * v[k + 1] + omegaIm * v[k]);
                    p[k] = r[k] + betaRe * dr - betaIm * di;
                    p[k + 1] = r[k + 1] + betaRe * di + betaIm * dr;
                }
            }
            rhoRe = newRhoRe;
            rhoIm = newRhoIm;
            precondition(preconditioner, p, pHat);
            operator.apply(pHat, v);
            iterations++;
            double denominatorRe = ComplexVectors.dotRe(shadow, v);
            double denominatorIm = ComplexVectors.dotIm(shadow, v);
            if (denominatorRe == 0 && denominatorIm == 0) {
                break;
            }
            double[] alpha = divide(rhoRe, rhoIm, denominatorRe, denominatorIm);
            alphaRe = alpha[0];
            alphaIm = alpha[1];
            // s = r - alpha v, kept in r.
            ComplexVectors.axpy(-alphaRe, -alphaIm, v, r);
            ComplexVectors.axpy(alphaRe, alphaIm, pHat, x);
            residualNorm = ComplexVectors.norm(r);
            if (residualNorm <= target) {
                break;
            }
            precondition(preconditioner, r, sHat);
            operator.apply(sHat, t);
            double tt = ComplexVectors.dotRe(t, t);
            if (tt == 0) {
                break;
            }
            omegaRe = ComplexVectors.dotRe(t, r) / tt;
            omegaIm = ComplexVectors.dotIm(t, r) / tt;
            ComplexVectors.axpy(omegaRe, omegaIm, sHat, x);
            ComplexVectors.axpy(-omegaRe, -omegaIm, t, r);
            residualNorm = ComplexVectors.norm(r);
            if (omegaRe == 0 && omegaIm == 0) {
                break;
            }
        }
        return ComplexVectors.result(operator, b, x, iterations, bNorm, tolerance);
    }

    private static void precondition(ComplexLinearMap preconditioner, double[] in, double[] out) {
        if (preconditioner == null) {
            System.arraycopy(in, 0, out, 0, in.length);
        } else {
            preconditioner.apply(in, out);
        }
    }

    private static double[] divide(double ar, double ai, double br, double bi) {
        double d = br * br + bi * bi;
        return new double[] {(ar * br + ai * bi) / d, (ai * br - ar * bi) / d};
    }
}
