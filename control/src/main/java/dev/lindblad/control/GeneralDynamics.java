package dev.lindblad.control;

import dev.lindblad.linalg.Expm;

/**
 * General (open-system) slices: {@code P_k = exp(A_k)} with {@code A_k = τ_k (L_d + Σ_j u_kj L_j)}
 * for Liouvillians (or any generators) L, by {@link Expm} (scaling and squaring, Padé 13).
 *
 * <h2>The exact gradient</h2>
 * The derivative of {@code exp(A)} along E is the Fréchet derivative
 * {@code L(A, E) = ∫_0^1 e^{sA} E e^{(1-s)A} ds}, the upper-right block of
 * {@code exp([[A, E], [0, A]])}. qtrl forms that block matrix for every control of every slice.
 * Here the fidelity needs only {@code φ_j = tr(M L(A, E_j))} ({@code M = X A} of
 * {@link Dynamics}), and with the Frobenius product {@code <X, Y> = tr(X^† Y)} the Fréchet
 * derivative of the exponential satisfies {@code <X, L(A, E)> = <L(A^†, X), E>}. So one
 * augmented exponential per slice, {@code Z = L(A^†, M^†)}, the upper-right block of
 * {@code exp([[A^†, M^†], [0, A^†]])}, gives every control's derivative as
 * {@code φ_j = τ tr(Z^† L_j)}: the gradient for all controls at once. {@code M^†} is scaled to
 * unit size inside the block matrix (L is linear in its second argument), so that its norm does
 * not raise the number of squarings.
 */
final class GeneralDynamics extends Dynamics {

    private final double[] drift;
    private final double[][] ctrls;
    private final double[][] generators;

    GeneralDynamics(double[] drift, double[][] ctrls, int dim, int cols, double[] tau, FidType fidType,
                    double[] initial, double[] target) {
        super(dim, cols, ctrls.length, tau, fidType, initial, target);
        this.drift = drift;
        this.ctrls = ctrls;
        this.generators = new double[nTs][];
    }

    @Override
    void sliceProp(int k, double[] amps) {
        double[] a = drift.clone();
        for (int j = 0; j < nCtrls; j++) {
            double u = amps[k * nCtrls + j];
            if (u != 0.0) {
                double[] c = ctrls[j];
                for (int p = 0; p < a.length; p++) {
                    a[p] += u * c[p];
                }
            }
        }
        double t = tau[k];
        for (int p = 0; p < a.length; p++) {
            a[p] *= t;
        }
        generators[k] = a;
        System.arraycopy(Expm.expm(dim, a), 0, prop[k], 0, a.length);
    }

    @Override
    Object newScratch() {
        return new double[8 * dim * dim];
    }

    @Override
    void sliceDerivative(int k, double[] m, double[] out, Object scratch) {
        int n = dim;
        int n2 = 2 * n;
        double[] aug = (double[]) scratch;
        java.util.Arrays.fill(aug, 0.0);
        double[] a = generators[k];
        double size = Zmat.maxAbs(m, 2 * n * n);
        if (size == 0.0) {
            java.util.Arrays.fill(out, 0, 2 * nCtrls, 0.0);
            return;
        }
        double inv = 1.0 / size;
        // [[A^†, M^†/size], [0, A^†]] in a 2n×2n column-major array
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double ar = a[2 * (j + i * n)];
                double ai = -a[2 * (j + i * n) + 1];
                aug[2 * (i + j * n2)] = ar;
                aug[2 * (i + j * n2) + 1] = ai;
                aug[2 * ((i + n) + (j + n) * n2)] = ar;
                aug[2 * ((i + n) + (j + n) * n2) + 1] = ai;
                aug[2 * (i + (j + n) * n2)] = m[2 * (j + i * n)] * inv;
                aug[2 * (i + (j + n) * n2) + 1] = -m[2 * (j + i * n) + 1] * inv;
            }
        }
        double[] e = Expm.expm(n2, aug);
        double t = tau[k] * size;
        for (int c = 0; c < nCtrls; c++) {
            double[] l = ctrls[c];
            double sr = 0;
            double si = 0;
            // tr(Z^† L) = Σ_pq conj(Z_pq) L_pq, Z the upper-right block
            for (int q = 0; q < n; q++) {
                for (int p = 0; p < n; p++) {
                    int lpq = 2 * (p + q * n);
                    double lr = l[lpq];
                    double li = l[lpq + 1];
                    if (lr == 0.0 && li == 0.0) {
                        continue;
                    }
                    int zpq = 2 * (p + (q + n) * n2);
                    double zr = e[zpq];
                    double zi = -e[zpq + 1];
                    sr += zr * lr - zi * li;
                    si += zr * li + zi * lr;
                }
            }
            out[2 * c] = sr * t;
            out[2 * c + 1] = si * t;
        }
    }

    @Override
    long propWork() {
        return 10L * dim * dim * dim;
    }

    @Override
    long derivativeWork() {
        return 80L * dim * dim * dim + (long) nCtrls * dim * dim;
    }
}
