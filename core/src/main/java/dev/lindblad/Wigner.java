package dev.lindblad;

/**
 * Wigner quasi-probability function with QuTiP 4.7's conventions.
 *
 * <p>A phase-space point {@code (x, p)} corresponds to {@code α = g (x + i p) / 2}; QuTiP's
 * default {@code g = √2} gives {@code x = (a + a^†)/√2}, {@code p = -i(a - a^†)/√2}, the
 * vacuum {@code W = e^{-x²-p²}/π} and {@code ∫∫ W dx dp = 1}. In general
 * <pre>
 *   W(x, p) = (g²/2) Σ_{m,n} rho_{mn} w_{mn}(α),
 * </pre>
 * where {@code w_{mn}} is the Wigner function (in α) of {@code |m><n|}. The {@code w_{mn}} are
 * built by the three-term recurrences of the associated Laguerre functions with the Gaussian
 * factor included from the start, so no factorial or power overflows:
 * <pre>
 *   w_00 = e^{-2|α|²}/π,
 *   w_0n = 2α w_0,n-1 / √n,
 *   w_mm = (2α^* w_m-1,m - √m w_m-1,m-1) / √m,
 *   w_mn = (2α w_m,n-1 - √m w_m-1,n-1) / √n   (n > m),
 * </pre>
 * and {@code rho_{nm} w_{nm} = conj(rho_{mn} w_{mn})} for Hermitian rho, so only {@code m <= n}
 * is summed, off-diagonal terms twice (real part). This is QuTiP's {@code "iterative"} series;
 * its values agree with QuTiP's default {@code "clenshaw"} to rounding.
 */
public final class Wigner {

    /** QuTiP's default scaling {@code g = √2}. */
    public static final double DEFAULT_G = Math.sqrt(2);

    private Wigner() {
    }

    /**
     * Wigner function on a grid with {@code g = √2}.
     *
     * @param state a ket or density matrix in the Fock basis (the flat index is the photon number)
     * @param xvec  x coordinates
     * @param pvec  p coordinates
     * @return {@code W[i][j] = W(x = xvec[j], p = pvec[i])}, QuTiP's layout (rows p, columns x)
     */
    public static double[][] wigner(Qobj state, double[] xvec, double[] pvec) {
        return wigner(state, xvec, pvec, DEFAULT_G);
    }

    /**
     * Wigner function on a grid with scaling g ({@code α = g (x + i p) / 2}).
     *
     * @param state a ket or density matrix
     * @param xvec  x coordinates
     * @param pvec  p coordinates
     * @param g     scaling factor, positive
     * @return {@code W[i][j] = W(xvec[j], pvec[i])}
     */
    public static double[][] wigner(Qobj state, double[] xvec, double[] pvec, double g) {
        if (!(g > 0) || Double.isInfinite(g)) {
            throw new IllegalArgumentException("wigner: g must be positive and finite, got g = " + g);
        }
        if (xvec == null || pvec == null || xvec.length == 0 || pvec.length == 0) {
            throw new IllegalArgumentException("wigner: xvec and pvec must be non-empty, got lengths "
                    + (xvec == null ? "null" : xvec.length) + " and " + (pvec == null ? "null" : pvec.length));
        }
        Qobj s = state.isBra() ? state.dag() : state;
        if (!s.isKet() && !(s.isOper())) {
            throw new IllegalArgumentException("wigner needs a ket or a density matrix, got a " + state.type()
                    + " with dims " + state.dims());
        }
        int m = s.shape()[0];
        // upper triangle rho_{mn}, n >= m, packed by rows: rr/ri[m*M + n]
        double[] rr = new double[m * m], ri = new double[m * m];
        double[] a = s.toArray();
        if (s.isKet()) {
            for (int r = 0; r < m; r++) {
                for (int c = r; c < m; c++) {
                    // psi_r conj(psi_c)
                    rr[r * m + c] = a[2 * r] * a[2 * c] + a[2 * r + 1] * a[2 * c + 1];
                    ri[r * m + c] = a[2 * r + 1] * a[2 * c] - a[2 * r] * a[2 * c + 1];
                }
            }
        } else {
            for (int r = 0; r < m; r++) {
                for (int c = r; c < m; c++) {
                    rr[r * m + c] = a[2 * (r + c * m)];
                    ri[r * m + c] = a[2 * (r + c * m) + 1];
                }
            }
        }
        double scale = g * g / 2;
        double[][] w = new double[pvec.length][xvec.length];
        double[] wr = new double[m], wi = new double[m];
        double[] sq = new double[m + 1];
        for (int k = 0; k <= m; k++) {
            sq[k] = Math.sqrt(k);
        }
        for (int i = 0; i < pvec.length; i++) {
            for (int j = 0; j < xvec.length; j++) {
                w[i][j] = scale * point(g * xvec[j] / 2, g * pvec[i] / 2, m, rr, ri, wr, wi, sq);
            }
        }
        return w;
    }

    /** Σ rho_mn w_mn(α) at one point; wr/wi hold the current row w_{m, n} (n >= m). */
    private static double point(double ar, double ai, int size, double[] rr, double[] ri, double[] wr, double[] wi,
                                double[] sq) {
        double tr = 2 * ar, ti = 2 * ai; // 2α
        wr[0] = Math.exp(-2 * (ar * ar + ai * ai)) / Math.PI;
        wi[0] = 0;
        double sum = rr[0] * wr[0];
        for (int n = 1; n < size; n++) {
            double pr = wr[n - 1], pi = wi[n - 1];
            wr[n] = (tr * pr - ti * pi) / sq[n];
            wi[n] = (tr * pi + ti * pr) / sq[n];
            sum += 2 * (rr[n] * wr[n] - ri[n] * wi[n]);
        }
        for (int mm = 1; mm < size; mm++) {
            // old row holds w_{m-1, n}; overwrite in place from n = m upwards, keeping w_{m-1, n-1}
            double prevOldR = wr[mm - 1], prevOldI = wi[mm - 1]; // w_{m-1, m-1}
            double oldR = wr[mm], oldI = wi[mm];                 // w_{m-1, m}
            // w_mm = (2α^* w_{m-1,m} - √m w_{m-1,m-1}) / √m
            double nr = (tr * oldR + ti * oldI - sq[mm] * prevOldR) / sq[mm];
            double ni = (tr * oldI - ti * oldR - sq[mm] * prevOldI) / sq[mm];
            wr[mm] = nr;
            wi[mm] = ni;
            int base = mm * size;
            sum += rr[base + mm] * nr - ri[base + mm] * ni;
            prevOldR = oldR;
            prevOldI = oldI;
            for (int n = mm + 1; n < size; n++) {
                oldR = wr[n];
                oldI = wi[n];
                double lr = wr[n - 1], li = wi[n - 1]; // w_{m, n-1}
                // w_mn = (2α w_{m,n-1} - √m w_{m-1,n-1}) / √n
                double vr = (tr * lr - ti * li - sq[mm] * prevOldR) / sq[n];
                double vi = (tr * li + ti * lr - sq[mm] * prevOldI) / sq[n];
                wr[n] = vr;
                wi[n] = vi;
                sum += 2 * (rr[base + n] * vr - ri[base + n] * vi);
                prevOldR = oldR;
                prevOldI = oldI;
            }
        }
        return sum;
    }
}
