package dev.lindblad.control;

/**
 * General (open-system) slices: {@code P_k = exp(A_k)} with {@code A_k = τ_k (L_d + Σ_j u_kj L_j)}
 * for Liouvillians (or any generators) L, by scaling and squaring with Padé approximants
 * ({@link FrechetExpm} without a direction, the algorithm of core's {@code Expm} on work arrays
 * kept per thread).
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
 * {@code φ_j = τ tr(Z^† L_j)}: the gradient for all controls at once. The augmented exponential
 * is computed on its blocks ({@link FrechetExpm}: three n×n products where a 2n×2n product
 * takes eight). {@code M^†} enters the block matrix scaled to 2^-10 of A's 1-norm (L is linear
 * in its second argument), so that the block matrix's norm, which picks the Padé degree and the
 * number of squarings, is essentially A's.
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
        EXPM.get().compute(a, null, prop[k], null);
    }

    /** Each thread's exponential work space for sliceProp. */
    private final ThreadLocal<FrechetExpm> EXPM = ThreadLocal.withInitial(() -> new FrechetExpm(dim));

    /** Work arrays of one thread. */
    private record Scratch(double[] aAdj, double[] x, double[] exp, double[] z, FrechetExpm expm) {
    }

    @Override
    Object newScratch() {
        int len = 2 * dim * dim;
        return new Scratch(new double[len], new double[len], new double[len], new double[len], new FrechetExpm(dim));
    }

    @Override
    void sliceDerivative(int k, double[] m, double[] out, Object scratch) {
        int n = dim;
        Scratch w = (Scratch) scratch;
        double[] aAdj = w.aAdj();
        double[] x = w.x();
        double mNorm = Zmat.norm1(n, m);
        if (mNorm == 0.0) {
            java.util.Arrays.fill(out, 0, 2 * nCtrls, 0.0);
            return;
        }
        Zmat.adjoint(n, n, generators[k], aAdj);
        Zmat.adjoint(n, n, m, x);
        // L is linear in its second argument: scale M^† far below A so that the block matrix's
        // norm, which picks the Padé degree and the squarings, is that of A
        double size = mNorm / (Math.max(Zmat.norm1(n, aAdj), 1e-3) * 0x1p-10);
        double inv = 1.0 / size;        for (int p = 0; p < x.length; p++) {
            x[p] *= inv;
        }
        double[] z = w.z();
        w.expm().compute(aAdj, x, w.exp(), z);
        double t = tau[k] * size;
        for (int c = 0; c < nCtrls; c++) {
            double[] l = ctrls[c];
            double sr = 0;
            double si = 0;
            // tr(Z^† L) = Σ_pq conj(Z_pq) L_pq
            for (int p = 0; p < l.length; p += 2) {
                double lr = l[p];
                double li = l[p + 1];
                if (lr == 0.0 && li == 0.0) {
                    continue;
                }
                double zr = z[p];
                double zi = -z[p + 1];
                sr += zr * lr - zi * li;
                si += zr * li + zi * lr;
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
        return 40L * dim * dim * dim + (long) nCtrls * dim * dim;
    }
}
