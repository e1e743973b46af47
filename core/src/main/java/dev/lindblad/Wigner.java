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
 * where {@code w_{mn}} is the Wigner function (in α) of {@code |m><n|}; for {@code n = m + L}
 * <pre>
 *   w_{m,m+L}(α) = (1/π) (-1)^m e^{iLθ} F_m^L(x),   x = 4|α|², θ = arg α,
 *   F_m^L(x) = e^{-x/2} x^{L/2} sqrt(m!/(m+L)!) L_m^{(L)}(x),
 * </pre>
 * with {@code L_m^{(L)}} the associated Laguerre polynomial. The normalised functions
 * {@code F_m^L} are bounded by 1 and obey the three-term recurrence
 * <pre>
 *   F_{m+1} = ((2m + 1 + L - x) F_m - sqrt(m (m + L)) F_{m-1}) / sqrt((m + 1)(m + 1 + L)),
 * </pre>
 * run upwards in m from {@code F_0 = e^{-x/2} x^{L/2} / sqrt(L!)} (taken in logarithms, with a
 * running rescale, so nothing overflows or underflows however large N or the grid). Upwards is
 * the growing direction below the turning point {@code m ≈ x/4} and oscillatory above it, hence
 * stable; a recurrence across rows of {@code w_{mn}} is not, and loses all digits for N ≈ 100
 * at |α| ≈ 5. For Hermitian rho, {@code rho_{nm} w_{nm} = conj(rho_{mn} w_{mn})}, so only
 * {@code n >= m} is summed, off-diagonal terms twice (real part). The values agree with
 * QuTiP's default method {@code "clenshaw"}, which sums the same Laguerre series.
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
        Require.nonNull(state, "wigner", "state");
        Require.finite(xvec, "wigner", "xvec");
        Require.finite(pvec, "wigner", "pvec");
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
        double[] lnFactorial = new double[m + 1];
        for (int k = 1; k <= m; k++) {
            lnFactorial[k] = lnFactorial[k - 1] + Math.log(k);
        }
        // recurrence coefficients depend on (L, m) only: computed once, not at every grid point
        double[][] inv = new double[m][], back = new double[m][];
        for (int l = 0; l < m; l++) {
            inv[l] = new double[m - l];
            back[l] = new double[m - l];
            for (int mm = 1; mm + l < m; mm++) {
                inv[l][mm] = 1 / Math.sqrt((double) mm * (mm + l));
                back[l][mm] = Math.sqrt((double) (mm - 1) * (mm - 1 + l));
            }
        }
        for (int i = 0; i < pvec.length; i++) {
            for (int j = 0; j < xvec.length; j++) {
                w[i][j] = scale * point(g * xvec[j] / 2, g * pvec[i] / 2, m, rr, ri, lnFactorial, inv, back);
            }
        }
        return w;
    }

    /** Above this magnitude the recurrence is rescaled, keeping the scale in a logarithm. */
    private static final double RESCALE = 1e150;

    /** {@code Σ_{n >= m} weight Re(rho_mn w_mn(α))} at one point, diagonal by diagonal. */
    private static double point(double ar, double ai, int size, double[] rr, double[] ri, double[] lnFactorial,
                                double[][] inv, double[][] back) {
        double x = 4 * (ar * ar + ai * ai);
        double theta = Math.atan2(ai, ar);
        double lnX = Math.log(x);
        double total = 0;
        double cosTheta = Math.cos(theta), sinTheta = Math.sin(theta);
        double cosL = 1, sinL = 0;   // cos(Lθ), sin(Lθ) by rotation
        for (int l = 0; l < size; l++) {
            if (l > 0) {
                double c = cosL * cosTheta - sinL * sinTheta;
                sinL = sinL * cosTheta + cosL * sinTheta;
                cosL = c;
            }
            if (x == 0 && l > 0) {
                break;   // x^{L/2} vanishes at the origin
            }
            double lnScale = -x / 2 + (l == 0 ? 0 : 0.5 * l * lnX) - 0.5 * lnFactorial[l];
            double fPrev = 0, f = 1;   // F_{-1}, F_0 in units of e^{lnScale}
            double sr = 0, si = 0;
            double[] invL = inv[l], backL = back[l];
            for (int mm = 0; mm + l < size; mm++) {
                if (mm > 0) {
                    double next = ((2 * mm - 1 + l - x) * f - backL[mm] * fPrev) * invL[mm];
                    fPrev = f;
                    f = next;
                }
                int idx = mm * size + mm + l;
                double term = (mm & 1) == 0 ? f : -f;
                sr += rr[idx] * term;
                si += ri[idx] * term;
                if (Math.abs(f) > RESCALE) {
                    f /= RESCALE;
                    fPrev /= RESCALE;
                    sr /= RESCALE;
                    si /= RESCALE;
                    lnScale += Math.log(RESCALE);
                }
            }
            double factor = Math.exp(lnScale) / Math.PI * (l == 0 ? 1 : 2);
            if (factor == 0 || (sr == 0 && si == 0)) {
                continue;
            }
            total += factor * (cosL * sr - sinL * si);   // Re(e^{iLθ} (sr + i si))
        }
        return total;
    }
}
