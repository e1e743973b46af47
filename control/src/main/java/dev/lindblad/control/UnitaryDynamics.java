package dev.lindblad.control;

import dev.lindblad.linalg.HermitianEigen;

/**
 * Closed-system slices: {@code P_k = exp(-i H_k τ_k)} with {@code H_k = H_d + Σ_j u_kj H_j}
 * Hermitian, from the eigen-decomposition {@code H_k = V diag(λ) V^†}:
 * {@code P_k = V diag(e^{-i λ_a τ}) V^†}.
 *
 * <h2>The exact gradient</h2>
 * The derivative of {@code exp(-i H τ)} along a Hermitian direction E is, in the eigenbasis,
 * {@code [V^† D V]_ab = F_ab [V^† E V]_ab} with the divided differences
 * {@code F_ab = (e_a - e_b) / (λ_a - λ_b)}, {@code e_a = e^{-i λ_a τ}}, and
 * {@code F_aa = -i τ e_a} (Daleckii–Krein). F is evaluated as
 * {@code e_b (e^{iθ} - 1) / (λ_a - λ_b)} with {@code θ = -(λ_a - λ_b) τ} and
 * {@code e^{iθ} - 1 = -2 sin²(θ/2) + i sin θ}, which keeps its accuracy for nearly
 * degenerate eigenvalues. For {@code φ = tr(A P X)} and {@code M = X A}:
 * {@code dφ = Σ_ab W_ba F_ab E'_ab} with {@code W = V^† M V} and {@code E' = V^† E V}, which is
 * {@code tr(Y E)} with {@code Y = V (W ∘ F^T) V^†}. Y is formed once per slice (four N³
 * products), and then each control costs one N² contraction {@code tr(Y H_j)}: the gradient
 * for all controls at once.
 */
final class UnitaryDynamics extends Dynamics {

    private final double[] drift;
    private final double[][] ctrls;
    private final double[][] vectors;
    private final double[][] values;
    private final double[][] phases;

    UnitaryDynamics(double[] drift, double[][] ctrls, int dim, int cols, double[] tau, FidType fidType,
                    double[] initial, double[] target) {
        super(dim, cols, ctrls.length, tau, fidType, initial, target);
        this.drift = drift;
        this.ctrls = ctrls;
        this.vectors = new double[nTs][];
        this.values = new double[nTs][];
        this.phases = new double[nTs][2 * dim];
    }

    @Override
    void sliceProp(int k, double[] amps) {
        int n = dim;
        double[] h = drift.clone();
        for (int j = 0; j < nCtrls; j++) {
            double u = amps[k * nCtrls + j];
            if (u != 0.0) {
                double[] c = ctrls[j];
                for (int p = 0; p < h.length; p++) {
                    h[p] += u * c[p];
                }
            }
        }
        HermitianEigen.Result eig = HermitianEigen.decompose(n, h, true);
        double[] v = eig.eigenvectors();
        double[] lam = eig.eigenvalues();
        vectors[k] = v;
        values[k] = lam;
        double t = tau[k];
        // V diag(e) then times V^†
        double[] ve = new double[2 * n * n];
        double[] e = phases[k];
        for (int a = 0; a < n; a++) {
            double er = Math.cos(lam[a] * t);
            double ei = -Math.sin(lam[a] * t);
            e[2 * a] = er;
            e[2 * a + 1] = ei;
            int col = 2 * a * n;
            for (int i = 0; i < n; i++) {
                double xr = v[col + 2 * i];
                double xi = v[col + 2 * i + 1];
                ve[col + 2 * i] = xr * er - xi * ei;
                ve[col + 2 * i + 1] = xr * ei + xi * er;
            }
        }
        Zmat.mulAdjB(n, n, n, ve, v, prop[k]);
    }

    /** Work arrays of one thread. */
    private static final class Scratch {
        final double[] t1;
        final double[] t2;
        final double[] f;

        Scratch(int n) {
            t1 = new double[2 * n * n];
            t2 = new double[2 * n * n];
            f = new double[2 * n * n];
        }
    }

    @Override
    Object newScratch() {
        return new Scratch(dim);
    }

    @Override
    void sliceDerivative(int k, double[] m, double[] out, Object scratch) {
        int n = dim;
        Scratch s = (Scratch) scratch;
        double[] v = vectors[k];
        double[] lam = values[k];
        double t = tau[k];
        dividedDifferences(lam, phases[k], t, s.f);
        // W = V^† M V
        Zmat.mulAdjA(n, n, n, v, m, s.t1);
        Zmat.mul(n, n, n, s.t1, v, s.t2);
        // Z = W ∘ F^T, in place in t2
        double[] f = s.f;
        for (int b = 0; b < n; b++) {
            for (int a = 0; a < n; a++) {
                int ab = 2 * (a + b * n);
                int ba = 2 * (b + a * n);
                double wr = s.t2[ab];
                double wi = s.t2[ab + 1];
                double fr = f[ba];
                double fi = f[ba + 1];
                s.t2[ab] = wr * fr - wi * fi;
                s.t2[ab + 1] = wr * fi + wi * fr;
            }
        }
        // Y = V Z V^†
        Zmat.mul(n, n, n, v, s.t2, s.t1);
        Zmat.mulAdjB(n, n, n, s.t1, v, s.t2);
        double[] y = s.t2;
        for (int j = 0; j < nCtrls; j++) {
            double[] c = ctrls[j];
            double sr = 0;
            double si = 0;
            // tr(Y C) = Σ_pq Y_pq C_qp
            for (int q = 0; q < n; q++) {
                for (int p = 0; p < n; p++) {
                    int pq = 2 * (p + q * n);
                    int qp = 2 * (q + p * n);
                    double cr = c[qp];
                    double ci = c[qp + 1];
                    if (cr == 0.0 && ci == 0.0) {
                        continue;
                    }
                    sr += y[pq] * cr - y[pq + 1] * ci;
                    si += y[pq] * ci + y[pq + 1] * cr;
                }
            }
            out[2 * j] = sr;
            out[2 * j + 1] = si;
        }
    }

    /**
     * {@code F_ab} of the class comment, into f (column-major, interleaved), given
     * {@code e_a = e^{-i λ_a t}}: the plain quotient {@code (e_a - e_b) / (λ_a - λ_b)} where the
     * phase difference {@code |λ_a - λ_b| t} is at least 1/2 (the difference then loses at most
     * a few ulps), the cancellation-free form with sines below that.
     */
    static void dividedDifferences(double[] lam, double[] e, double t, double[] f) {
        int n = lam.length;
        for (int b = 0; b < n; b++) {
            double ebr = e[2 * b];
            double ebi = e[2 * b + 1];
            for (int a = 0; a < n; a++) {
                int ab = 2 * (a + b * n);
                double d = lam[a] - lam[b];
                if (d == 0.0) {
                    f[ab] = t * ebi;          // -i t e_b
                    f[ab + 1] = -t * ebr;
                } else if (Math.abs(d * t) >= 0.5) {
                    f[ab] = (e[2 * a] - ebr) / d;
                    f[ab + 1] = (e[2 * a + 1] - ebi) / d;
                } else {
                    double th = -d * t;
                    double sh = Math.sin(0.5 * th);
                    double qr = -2 * sh * sh / d;
                    double qi = Math.sin(th) / d;
                    f[ab] = ebr * qr - ebi * qi;
                    f[ab + 1] = ebr * qi + ebi * qr;
                }
            }
        }
    }

    @Override
    long propWork() {
        return 12L * dim * dim * dim;
    }

    @Override
    long derivativeWork() {
        return 5L * dim * dim * dim + (long) nCtrls * dim * dim;
    }
}
