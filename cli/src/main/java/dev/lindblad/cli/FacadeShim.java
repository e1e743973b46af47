package dev.lindblad.cli;

import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.data.CsrMatrix;

/**
 * Stand-ins, with the façade's names and QuTiP's conventions, for the few functions of
 * {@code dev.lindblad.Lindblad} the demo needs, until that façade is merged (branch
 * {@code quantum}). Then {@link DemoCommand} imports {@code dev.lindblad.Lindblad.*} instead
 * and this class is deleted.
 */
final class FacadeShim {

    private FacadeShim() {
    }

    /** @return the identity on an n-level space, dims {@code [[n],[n]]} */
    static Qobj qeye(int n) {
        return Qobj.of(CsrMatrix.identity(n), Dims.oper(n));
    }

    /** @return the annihilation operator, {@code a|k> = sqrt(k)|k-1>}, truncated at n levels */
    static Qobj destroy(int n) {
        double[] diag = new double[2 * (n - 1)];
        for (int k = 1; k < n; k++) {
            diag[2 * (k - 1)] = Math.sqrt(k);
        }
        return Qobj.of(CsrMatrix.diagonal(n, 1, diag), Dims.oper(n));
    }

    /** @return QuTiP's {@code sigmam()} = [[0,0],[1,0]]: it maps basis(2,0) to basis(2,1) */
    static Qobj sigmam() {
        return Qobj.of(CsrMatrix.diagonal(2, -1, new double[] {1, 0}), Dims.oper(2));
    }

    /** @return QuTiP's {@code sigmaz()} = diag(1, -1): +1 on basis(2,0) */
    static Qobj sigmaz() {
        return Qobj.of(CsrMatrix.diagonal(2, 0, new double[] {1, 0, -1, 0}), Dims.oper(2));
    }

    /** @return {@code parts[0] ⊗ parts[1] ⊗ ...} */
    static Qobj tensor(Qobj... parts) {
        return Qobj.tensor(parts);
    }

    /** @return {@code <psi|A|psi>} or {@code tr(A rho)}, real part */
    static double expect(Qobj oper, Qobj state) {
        return Qobj.expect(oper, state);
    }

    /**
     * Von Neumann entropy {@code S = -sum_k p_k ln p_k} over the eigenvalues of rho (natural
     * logarithm, QuTiP's default base e); eigenvalues below 1e-15 contribute nothing, as
     * {@code p ln p -> 0}.
     */
    static double entropyVn(Qobj rho) {
        double s = 0;
        for (double p : rho.eigenenergies()) {
            if (p > 1e-15) {
                s -= p * Math.log(p);
            }
        }
        return s;
    }
}
