package dev.lindblad.heom;

/**
 * The Padé spectrum decomposition of the Bose and Fermi functions (Hu, Xu and Yan, J. Chem.
 * Phys. 134, 244106 (2011), the [N-1/N] scheme): poles {@code epsilon_j} and residues
 * {@code kappa_j}, j = 1..Nk, such that
 * <pre>
 *   bose:  1/(1 - e^{-x}) ≈ 1/x + 1/2 + sum_j 2 kappa_j x / (x² + epsilon_j²)
 *   fermi: 1/(1 + e^{x})  ≈ 1/2 - sum_j 2 kappa_j x / (x² + epsilon_j²).
 * </pre>
 * The poles are {@code -2/lambda} for the negative eigenvalues {@code lambda} of a symmetric
 * tridiagonal matrix of order 2Nk, the zeros {@code chi} likewise from one of order 2Nk - 1,
 * and {@code kappa_j = c Π_{k<Nk-1} (chi_k² - eps_j²) / Π_{k<Nk, k≠j} (eps_k² - eps_j²)}.
 * Arrays are indexed from 1 (index 0 unused, 0), as in the paper and QuTiP.
 */
record Pade(double[] kappa, double[] epsilon) {

    /** @return the bosonic decomposition with Nk poles */
    static Pade bose(int nk) {
        return of(nk, 2, 0.5 * nk * (2 * (nk + 1) + 1));
    }

    /** @return the fermionic decomposition with Nk poles */
    static Pade fermi(int nk) {
        return of(nk, 0, 0.5 * nk * (2 * (nk + 1) - 1));
    }

    /**
     * @param shift 2 for bosons (off-diagonals {@code 1/sqrt((2k+3+shift)(2k+1+shift))}), 0 for
     *              fermions
     */
    private static Pade of(int nk, int shift, double prefactor) {
        double[] kappa = new double[nk + 1];
        double[] epsilon = new double[nk + 1];
        if (nk == 0) {
            return new Pade(kappa, epsilon);
        }
        double[] eps = poles(2 * nk, 1 + shift, nk);
        double[] chi = nk > 1 ? poles(2 * nk - 1, 3 + shift, nk - 1) : new double[0];
        for (int j = 0; j < nk; j++) {
            double term = prefactor;
            for (int k = 0; k < nk - 1; k++) {
                term *= (chi[k] * chi[k] - eps[j] * eps[j]) / (eps[k] * eps[k] - eps[j] * eps[j] + (j == k ? 1 : 0));
            }
            term /= eps[nk - 1] * eps[nk - 1] - eps[j] * eps[j] + (j == nk - 1 ? 1 : 0);
            kappa[j + 1] = term;
            epsilon[j + 1] = eps[j];
        }
        return new Pade(kappa, epsilon);
    }

    /**
     * {@code -2/lambda} for the {@code count} smallest eigenvalues lambda of the order-{@code n}
     * tridiagonal matrix with zero diagonal and off-diagonals {@code 1/sqrt((2k+a+2)(2k+a))}.
     */
    private static double[] poles(int n, int a, int count) {
        double[] off = new double[n - 1];
        for (int k = 0; k < n - 1; k++) {
            off[k] = 1 / Math.sqrt((2.0 * k + a + 2) * (2.0 * k + a));
        }
        double[] lambda = BathFunctions.tridiagonalEigenvalues(off);
        double[] p = new double[count];
        for (int j = 0; j < count; j++) {
            p[j] = -2 / lambda[j];
        }
        return p;
    }
}
