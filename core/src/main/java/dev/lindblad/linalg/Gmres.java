package dev.lindblad.linalg;

/**
 * Restarted GMRES(m) with right preconditioning for complex systems {@code A x = b}.
 *
 * <p>Each cycle builds an orthonormal Krylov basis {@code V} of
 * {@code K_m(A M^-1, r0)} by Arnoldi with modified Gram-Schmidt, reduces the Hessenberg matrix
 * with complex Givens rotations, and takes {@code x = x0 + M^-1 V y} with y minimising
 * {@code ||beta e1 - H y||} (Saad and Schultz, SIAM J. Sci. Stat. Comput. 7 (1986) 856-869).
 * With right preconditioning the minimised quantity is the true residual
 * {@code ||b - A x||}, so the tolerance means the same with or without a preconditioner. The
 * returned residual is recomputed from A at the end. A second Gram-Schmidt pass is made when
 * the first cancels most of the new vector (the DGKS criterion), which keeps the residual
 * estimate honest when {@code A M^-1} is badly conditioned.
 */
public final class Gmres {

    /** DGKS criterion: reorthogonalise when Gram-Schmidt removes more than this share of w. */
    private static final double REORTHOGONALIZE = 1 / Math.sqrt(2);

    private Gmres() {
    }

    /**
     * Solves {@code A x = b} until {@code ||b - A x|| <= tolerance ||b||}.
     *
     * @param operator       A, as its action
     * @param b              right-hand side, interleaved, length {@code 2n}
     * @param initialGuess   x0, or null for zero; not modified
     * @param preconditioner the action of {@code M^-1} (for example an {@link IncompleteLu}),
     *                       or null for none
     * @param restart        Krylov dimension m before a restart, {@code >= 1}
     * @param tolerance      relative residual target, {@code > 0}
     * @param maxIterations  bound on the total number of Arnoldi steps (products with A)
     * @return the solution, the Arnoldi steps taken, the residual reached and whether it met the
     *         tolerance; never throws for non-convergence
     */
    public static IterativeResult solve(ComplexLinearMap operator, double[] b, double[] initialGuess,
            ComplexLinearMap preconditioner, int restart, double tolerance, int maxIterations) {
        ComplexVectors.checkSystem(operator, b, initialGuess, tolerance, maxIterations);
        if (restart < 1) {
            throw new IllegalArgumentException("restart must be >= 1, got " + restart);
        }
        int length = b.length;
        int m = Math.min(restart, Math.max(1, length / 2));
        double[] x = initialGuess == null ? new double[length] : initialGuess.clone();
        double bNorm = ComplexVectors.norm(b);
        if (bNorm == 0) {
            return ComplexVectors.result(operator, b, new double[length], 0, 0, tolerance);
        }
        double[][] basis = new double[m + 1][length];
        // Hessenberg column j at h[(m + 1) * j + i], interleaved.
        double[] h = new double[2 * (m + 1) * m];
        double[] cosines = new double[m];
        double[] sinesRe = new double[m];
        double[] sinesIm = new double[m];
        double[] g = new double[2 * (m + 1)];
        double[] y = new double[2 * m];
        double[] z = new double[length];
        double[] w = new double[length];
        double[] r = new double[length];
        int iterations = 0;
        ComplexVectors.residual(operator, b, x, r);
        double beta = ComplexVectors.norm(r);
        while (beta > tolerance * bNorm && iterations < maxIterations) {
            double[] v0 = basis[0];
            for (int p = 0; p < length; p++) {
                v0[p] = r[p] / beta;
            }
            java.util.Arrays.fill(g, 0);
            g[0] = beta;
            int steps = 0;
            while (steps < m && iterations < maxIterations) {
                int j = steps;
                applyPreconditioner(preconditioner, basis[j], z);
                operator.apply(z, w);
                iterations++;
                double before = ComplexVectors.norm(w);
                for (int i = 0; i <= j; i++) {
                    double hr = ComplexVectors.dotRe(basis[i], w);
                    double hi = ComplexVectors.dotIm(basis[i], w);
                    ComplexVectors.axpy(-hr, -hi, basis[i], w);
                    h[2 * ((m + 1) * j + i)] = hr;
                    h[2 * ((m + 1) * j + i) + 1] = hi;
                }
                double next = ComplexVectors.norm(w);
                if (next < REORTHOGONALIZE * before) {
                    // Heavy cancellation: w has lost orthogonality to the basis, and a second
                    // Gram-Schmidt pass restores it (Daniel, Gragg, Kaufman and Stewart 1976).
                    for (int i = 0; i <= j; i++) {
                        double hr = ComplexVectors.dotRe(basis[i], w);
                        double hi = ComplexVectors.dotIm(basis[i], w);
                        ComplexVectors.axpy(-hr, -hi, basis[i], w);
                        h[2 * ((m + 1) * j + i)] += hr;
                        h[2 * ((m + 1) * j + i) + 1] += hi;
                    }
                    next = ComplexVectors.norm(w);
                }
                h[2 * ((m + 1) * j + j + 1)] = next;
                h[2 * ((m + 1) * j + j + 1) + 1] = 0;
                if (next != 0) {
                    double[] vNext = basis[j + 1];
                    for (int p = 0; p < length; p++) {
                        vNext[p] = w[p] / next;
                    }
                }
                for (int i = 0; i < j; i++) {
                    rotate(h, 2 * ((m + 1) * j + i), cosines[i], sinesRe[i], sinesIm[i]);
                }
                makeRotation(h, 2 * ((m + 1) * j + j), j, cosines, sinesRe, sinesIm);
                rotate(h, 2 * ((m + 1) * j + j), cosines[j], sinesRe[j], sinesIm[j]);
                h[2 * ((m + 1) * j + j + 1)] = 0;
                h[2 * ((m + 1) * j + j + 1) + 1] = 0;
                rotate(g, 2 * j, cosines[j], sinesRe[j], sinesIm[j]);
                steps++;
                double estimate = Math.hypot(g[2 * (j + 1)], g[2 * (j + 1) + 1]);
                if (estimate <= tolerance * bNorm || next == 0) {
                    break;
                }
            }
            // Back substitution R y = g on the rotated (upper triangular) Hessenberg matrix.
            for (int i = steps - 1; i >= 0; i--) {
                double re = g[2 * i];
                double im = g[2 * i + 1];
                for (int k = i + 1; k < steps; k++) {
                    double hr = h[2 * ((m + 1) * k + i)];
                    double hi = h[2 * ((m + 1) * k + i) + 1];
                    re -= hr * y[2 * k] - hi * y[2 * k + 1];
                    im -= hr * y[2 * k + 1] + hi * y[2 * k];
                }
                double dr = h[2 * ((m + 1) * i + i)];
                double di = h[2 * ((m + 1) * i + i) + 1];
                double d = dr * dr + di * di;
                if (d == 0) {
                    y[2 * i] = 0;
                    y[2 * i + 1] = 0;
                } else {
                    y[2 * i] = (re * dr + im * di) / d;
                    y[2 * i + 1] = (im * dr - re * di) / d;
                }
            }
            java.util.Arrays.fill(w, 0);
            for (int i = 0; i < steps; i++) {
                ComplexVectors.axpy(y[2 * i], y[2 * i + 1], basis[i], w);
            }
            applyPreconditioner(preconditioner, w, z);
            for (int p = 0; p < length; p++) {
                x[p] += z[p];
            }
            ComplexVectors.residual(operator, b, x, r);
            double previous = beta;
            beta = ComplexVectors.norm(r);
            if (!(beta < previous) && steps < m && iterations < maxIterations) {
                // A lucky breakdown or a stalled estimate that did not lower the true residual:
                // another cycle from the same point would repeat it.
                break;
            }
        }
        return ComplexVectors.result(operator, b, x, iterations, bNorm, tolerance);
    }

    private static void applyPreconditioner(ComplexLinearMap preconditioner, double[] in, double[] out) {
        if (preconditioner == null) {
            System.arraycopy(in, 0, out, 0, in.length);
        } else {
            preconditioner.apply(in, out);
        }
    }

    /**
     * Chooses (c, s), c real, so that {@code [c s; -conj(s) c] [a; b] = [r; 0]} for
     * {@code a = v[offset]} and {@code b = v[offset + 2]}.
     */
    private static void makeRotation(double[] v, int offset, int j, double[] cosines, double[] sinesRe,
            double[] sinesIm) {
        double ar = v[offset];
        double ai = v[offset + 1];
        double br = v[offset + 2];
        double bi = v[offset + 3];
        double aModulus = Math.hypot(ar, ai);
        double bModulus = Math.hypot(br, bi);
        if (bModulus == 0) {
            cosines[j] = 1;
            sinesRe[j] = 0;
            sinesIm[j] = 0;
            return;
        }
        if (aModulus == 0) {
            // s = conj(b) / |b| maps b to |b| in the first slot.
            cosines[j] = 0;
            sinesRe[j] = br / bModulus;
            sinesIm[j] = -bi / bModulus;
            return;
        }
        double nu = Math.hypot(aModulus, bModulus);
        cosines[j] = aModulus / nu;
        // s = (a / |a|) conj(b) / nu
        double ur = ar / aModulus;
        double ui = ai / aModulus;
        sinesRe[j] = (ur * br + ui * bi) / nu;
        sinesIm[j] = (ui * br - ur * bi) / nu;
    }

    /** {@code (x, y) <- (c x + s y, -conj(s) x + c y)} for {@code x = v[offset]}, {@code y = v[offset+2]}. */
    private static void rotate(double[] v, int offset, double c, double sr, double si) {
        double xr = v[offset];
        double xi = v[offset + 1];
        double yr = v[offset + 2];
        double yi = v[offset + 3];
        v[offset] = c * xr + sr * yr - si * yi;
        v[offset + 1] = c * xi + sr * yi + si * yr;
        v[offset + 2] = -(sr * xr + si * xi) + c * yr;
        v[offset + 3] = -(sr * xi - si * xr) + c * yi;
    }
}
