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
 *
 * <p>Besides it (the method {@code "clenshaw"}), {@link #wigner(Qobj, double[], double[], String)}
 * offers QuTiP's other methods: {@code "iterative"} (a recurrence over the {@code w_{mn}}),
 * {@code "laguerre"} (the Laguerre polynomials summed term by term) and, through
 * {@link #wignerFft(Qobj, double[], double)}, {@code "fft"} (the Fourier transform of the
 * position-space correlation {@code psi*(x - y) psi(x + y)}, on its own p grid). The class also
 * holds the Husimi Q function {@link #qfunc(Qobj, double[], double[], double)} and the spin
 * distributions {@link #spinWigner(Qobj, double[], double[])} and
 * {@link #spinQFunction(Qobj, double[], double[])}.
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

    // ------------------------------------------------------------------ methods (issue #15)

    /**
     * Wigner function by one of QuTiP's methods, {@code g = √2}; see
     * {@link #wigner(Qobj, double[], double[], String, double)}.
     */
    public static double[][] wigner(Qobj state, double[] xvec, double[] pvec, String method) {
        return wigner(state, xvec, pvec, method, DEFAULT_G);
    }

    /**
     * Wigner function {@code W(x, p) = (g²/2) Σ_{mn} rho_{mn} w_{mn}(α)}, {@code α = g (x + i p)/2},
     * by one of QuTiP's methods, which agree to rounding:
     * <ul>
     * <li>{@code "clenshaw"} (QuTiP's default): the normalised Laguerre series, see the class
     *     comment; stable for any N;</li>
     * <li>{@code "iterative"}: {@code w_{00} = e^{-2|α|²}/π}, {@code w_{0n} = 2α w_{0,n-1}/√n},
     *     then QuTiP's row recurrence
     *     {@code w_{m,n} = (2α w_{m,n-1} - √m w_{m-1,n-1}) / √n} with the diagonal
     *     {@code w_{m,m} = (2 conj(α) w_{m-1,m} - √m w_{m-1,m-1}) / √m}; it loses digits for
     *     N beyond about 50 at large |α|, as QuTiP's does;</li>
     * <li>{@code "laguerre"}: {@code w_{m,n} = ((-1)^m/π) (2α)^{n-m} sqrt(m!/n!) L_m^{(n-m)}(4|α|²)
     *     e^{-2|α|²}}, the associated Laguerre polynomials by their three-term recurrence in plain
     *     (unnormalised) doubles, as QuTiP's {@code genlaguerre}, so it overflows for N in the
     *     hundreds;</li>
     * <li>{@code "fft"} returns its own p grid: use {@link #wignerFft(Qobj, double[], double)}.</li>
     * </ul>
     *
     * @param state  a ket, bra or density matrix in the Fock basis
     * @param xvec   x coordinates
     * @param pvec   p coordinates
     * @param method {@code "clenshaw"}, {@code "iterative"} or {@code "laguerre"}
     * @param g      scaling, positive ({@code [x, p] = 2i/g²})
     * @return {@code W[i][j] = W(xvec[j], pvec[i])}
     * @throws IllegalArgumentException for an unknown method or {@code "fft"}, which is
     *                                  {@link #wignerFft(Qobj, double[], double)}
     */
    public static double[][] wigner(Qobj state, double[] xvec, double[] pvec, String method, double g) {
        Require.nonNull(state, "wigner", "state");
        Require.finite(xvec, "wigner", "xvec");
        Require.finite(pvec, "wigner", "pvec");
        Require.nonNull(method, "wigner", "method");
        checkG("wigner", g);
        return switch (method) {
            case "clenshaw" -> wigner(state, xvec, pvec, g);
            case "iterative", "laguerre" -> {
                if (xvec.length == 0 || pvec.length == 0) {
                    throw new IllegalArgumentException("wigner: xvec and pvec must be non-empty, got lengths "
                            + xvec.length + " and " + pvec.length);
                }
                double[] rho = densityArray("wigner", state);
                int m = (int) Math.round(Math.sqrt(rho.length / 2.0));
                boolean iterative = method.equals("iterative");
                double[][] w = new double[pvec.length][xvec.length];
                double[] lnFactorial = lnFactorials(m);
                for (int i = 0; i < pvec.length; i++) {
                    for (int j = 0; j < xvec.length; j++) {
                        double ar = g * xvec[j] / 2, ai = g * pvec[i] / 2;
                        double v = iterative ? iterativePoint(ar, ai, m, rho) : laguerrePoint(ar, ai, m, rho, lnFactorial);
                        w[i][j] = g * g / 2 * v;
                    }
                }
                yield w;
            }
            case "fft" -> throw new IllegalArgumentException("wigner: method 'fft' computes its own p grid (QuTiP "
                    + "returns (W, yvec)); call wignerFft(state, xvec) instead");
            default -> throw new IllegalArgumentException("wigner: method must be 'clenshaw', 'iterative', "
                    + "'laguerre' or 'fft', got '" + method + "'");
        };
    }

    /**
     * Wigner function of a state held in a truncated Fock space that starts at {@code offset}
     * photons, QuTiP's {@code wigner(..., offset=)}: row k of the state is the Fock state
     * {@code k + offset}. The state is embedded in the space of {@code N + offset} levels (zeros
     * below) and evaluated by {@link #wigner(Qobj, double[], double[], String, double)}.
     *
     * @param state  a ket, bra or density matrix; row k is Fock state {@code k + offset}
     * @param xvec   x coordinates
     * @param pvec   p coordinates
     * @param method {@code "clenshaw"}, {@code "iterative"} or {@code "laguerre"} (QuTiP's
     *               {@code "fft"} has no offset)
     * @param g      scaling, positive
     * @param offset the lowest Fock state, {@code >= 0}
     * @return {@code W[i][j] = W(xvec[j], pvec[i])}
     */
    public static double[][] wigner(Qobj state, double[] xvec, double[] pvec, String method, double g, int offset) {
        Require.nonNull(state, "wigner", "state");
        Require.finite(xvec, "wigner", "xvec");
        Require.finite(pvec, "wigner", "pvec");
        Require.nonNull(method, "wigner", "method");
        checkG("wigner", g);
        if (offset < 0) {
            throw new IllegalArgumentException("wigner: offset must be >= 0, got " + offset);
        }
        if (offset == 0) {
            return wigner(state, xvec, pvec, method, g);
        }
        if (method.equals("fft")) {
            throw new IllegalArgumentException("wigner: method 'fft' does not support an offset (as QuTiP)");
        }
        double[] rho = densityArray("wigner", state);
        int m = (int) Math.round(Math.sqrt(rho.length / 2.0));
        int big = m + offset;
        MemoryCheck.require("wigner", "a " + big + "x" + big + " density matrix (offset " + offset + ")",
                MemoryCheck.product(16, big, big), "a smaller offset");
        double[] padded = new double[2 * big * big];
        for (int c = 0; c < m; c++) {
            System.arraycopy(rho, 2 * c * m, padded, 2 * ((c + offset) * big + offset), 2 * m);
        }
        Qobj embedded = Qobj.of(dev.lindblad.data.DenseMatrix.of(big, big, padded), Dims.oper(big));
        return wigner(embedded, xvec, pvec, method, g);
    }

    private static void checkG(String op, double g) {
        if (!(g > 0) || Double.isInfinite(g)) {
            throw new IllegalArgumentException(op + ": g must be positive and finite, got g = " + g);
        }
    }

    private static double[] lnFactorials(int m) {
        double[] f = new double[m + 1];
        for (int k = 1; k <= m; k++) {
            f[k] = f[k - 1] + Math.log(k);
        }
        return f;
    }

    /** The density matrix (a ket or bra is projected) as a column-major interleaved array. */
    private static double[] densityArray(String op, Qobj state) {
        Qobj s = state.isBra() ? state.dag() : state;
        if (s.isKet()) {
            int m = s.shape()[0];
            double[] a = s.toArray();
            double[] rho = new double[2 * m * m];
            for (int c = 0; c < m; c++) {
                for (int r = 0; r < m; r++) {
                    int k = 2 * (r + c * m);
                    rho[k] = a[2 * r] * a[2 * c] + a[2 * r + 1] * a[2 * c + 1];
                    rho[k + 1] = a[2 * r + 1] * a[2 * c] - a[2 * r] * a[2 * c + 1];
                }
            }
            return rho;
        }
        if (!s.isOper() || s.shape()[0] != s.shape()[1]) {
            throw new IllegalArgumentException(op + " needs a ket, bra or square density matrix, got a " + state.type()
                    + " with dims " + state.dims());
        }
        return s.toArray();
    }

    /** {@code Σ_{mn} Re(rho_mn w_mn(α))} by QuTiP's iterative recurrence ({@code w} without g). */
    private static double iterativePoint(double ar, double ai, int m, double[] rho) {
        double[] wr = new double[m], wi = new double[m];
        wr[0] = Math.exp(-2 * (ar * ar + ai * ai)) / Math.PI;
        double total = rho[0] * wr[0];
        for (int n = 1; n < m; n++) {
            double sn = Math.sqrt(n);
            wr[n] = 2 * (ar * wr[n - 1] - ai * wi[n - 1]) / sn;
            wi[n] = 2 * (ar * wi[n - 1] + ai * wr[n - 1]) / sn;
            total += 2 * re(rho, m, 0, n, wr[n], wi[n]);
        }
        for (int r = 1; r < m; r++) {
            double sr = Math.sqrt(r);
            double tr = wr[r], ti = wi[r];   // w_{r-1, r}
            // diagonal w_{r,r} = (2 conj(α) w_{r-1,r} - √r w_{r-1,r-1}) / √r
            double nr = (2 * (ar * tr + ai * ti) - sr * wr[r - 1]) / sr;
            double ni = (2 * (ar * ti - ai * tr) - sr * wi[r - 1]) / sr;
            wr[r] = nr;
            wi[r] = ni;
            total += re(rho, m, r, r, nr, ni);
            for (int n = r + 1; n < m; n++) {
                // w_{r,n} = (2α w_{r,n-1} - √r w_{r-1,n-1}) / √n, w_{r-1,n-1} held in (tr, ti)
                double sn = Math.sqrt(n);
                double xr = (2 * (ar * wr[n - 1] - ai * wi[n - 1]) - sr * tr) / sn;
                double xi = (2 * (ar * wi[n - 1] + ai * wr[n - 1]) - sr * ti) / sn;
                tr = wr[n];
                ti = wi[n];
                wr[n] = xr;
                wi[n] = xi;
                total += 2 * re(rho, m, r, n, xr, xi);
            }
        }
        return total;
    }

    /** {@code Re(rho_{rc} (wr + i wi))}. */
    private static double re(double[] rho, int m, int r, int c, double wr, double wi) {
        int k = 2 * (r + c * m);
        return rho[k] * wr - rho[k + 1] * wi;
    }

    /**
     * {@code Σ_{mn} Re(rho_mn w_mn(α))} with plain associated Laguerre polynomials, diagonal by
     * diagonal: for {@code L = n - m}, {@code L_m^{(L)}} comes from its recurrence in m.
     */
    private static double laguerrePoint(double ar, double ai, int size, double[] rho, double[] lnFactorial) {
        double b = 4 * (ar * ar + ai * ai);
        double total = 0;
        double pr = 1, pi = 0;   // (2α)^L
        for (int l = 0; l < size; l++) {
            if (l > 0) {
                double t = pr * 2 * ar - pi * 2 * ai;
                pi = pr * 2 * ai + pi * 2 * ar;
                pr = t;
            }
            double prev = 0, cur = 1;   // L_{m-1}^{(l)}, L_m^{(l)} at m = 0
            for (int m = 0; m + l < size; m++) {
                if (m == 1) {
                    prev = cur;
                    cur = 1 + l - b;
                } else if (m > 1) {
                    double next = ((2 * m - 1 + l - b) * cur - (m - 1 + l) * prev) / m;
                    prev = cur;
                    cur = next;
                }
                int n = m + l;
                int k = 2 * (m + n * size);
                if (rho[k] == 0 && rho[k + 1] == 0) {
                    continue;
                }
                double f = ((m & 1) == 0 ? 1 : -1) * cur * Math.exp(0.5 * (lnFactorial[m] - lnFactorial[n]));
                total += (l == 0 ? 1 : 2) * f * (rho[k] * pr - rho[k + 1] * pi);
            }
        }
        return total * Math.exp(-b / 2) / Math.PI;
    }

    /** The associated Laguerre polynomial {@code L_n^{(a)}(x)} by its three-term recurrence. */
    static double laguerre(int n, int a, double x) {
        if (n == 0) {
            return 1;
        }
        double prev = 1, cur = 1 + a - x;
        for (int k = 1; k < n; k++) {
            double next = ((2 * k + 1 + a - x) * cur - (k + a) * prev) / (k + 1);
            prev = cur;
            cur = next;
        }
        return cur;
    }

    /**
     * The Wigner function by QuTiP's method {@code "fft"}, with its own p grid.
     *
     * @param w    {@code w[i][j] = W(xvec[j], pvec[i])}
     * @param pvec the p coordinates QuTiP's {@code "fft"} returns as {@code yvec}
     */
    public record FftResult(double[][] w, double[] pvec) {
        /** Keeps the arrays. */
        public FftResult {
            Require.nonNull(w, "FftResult", "w");
            Require.nonNull(pvec, "FftResult", "pvec");
        }
    }

    /** {@link #wignerFft(Qobj, double[], double)} with {@code g = √2}. */
    public static FftResult wignerFft(Qobj state, double[] xvec) {
        return wignerFft(state, xvec, DEFAULT_G);
    }

    /**
     * The Wigner function by QuTiP's method {@code "fft"}: with {@code s = g/√2}, the ket's
     * wave function {@code psi(u) = Σ_n psi_n φ_n(u)} (Hermite functions) is taken at the points
     * {@code u_k = s xvec[k]}, and
     * <pre>
     *   W(x_k, p) = (g²/2) (1/π) ∫ psi*(u_k - y) psi(u_k + y) e^{2ipy} dy
     * </pre>
     * is computed by a discrete Fourier transform of length {@code 2M} (M = xvec.length) of the
     * sampled correlation {@code psi*(u_{k-s}) psi(u_{k+s})}; the p values are
     * {@code p_l = (l - M/2) π / (2M Δu) / s}, {@code l = 0..M-1}. A density matrix is the sum of
     * its eigenkets' functions weighted by the eigenvalues. The grid must be evenly spaced and
     * wide enough to hold the wave function (QuTiP's condition).
     *
     * @param state a ket, bra or Hermitian density matrix in the Fock basis
     * @param xvec  evenly spaced x coordinates, at least two
     * @param g     scaling, positive
     * @return {@code W[l][k]} at {@code (xvec[k], pvec[l])}, and pvec
     */
    public static FftResult wignerFft(Qobj state, double[] xvec, double g) {
        Require.nonNull(state, "wignerFft", "state");
        Require.finite(xvec, "wignerFft", "xvec");
        checkG("wignerFft", g);
        if (xvec.length < 2) {
            throw new IllegalArgumentException("wignerFft: xvec needs at least two points, got " + xvec.length);
        }
        double dx = xvec[1] - xvec[0];
        for (int k = 1; k < xvec.length; k++) {
            double d = xvec[k] - xvec[k - 1];
            if (!(dx > 0) || Math.abs(d - dx) > 1e-9 * Math.abs(dx) + 1e-12) {
                throw new IllegalArgumentException("wignerFft: xvec must be increasing and evenly spaced, got steps "
                        + dx + " and " + d + " at index " + k);
            }
        }
        Qobj s = state.isBra() ? state.dag() : state;
        int m = xvec.length;
        double scale = g / Math.sqrt(2);
        double[] u = new double[m];
        for (int k = 0; k < m; k++) {
            u[k] = xvec[k] * scale;
        }
        double[][] total = new double[m][m];
        double[] pvec = null;
        if (s.isKet()) {
            pvec = fftKet(s.toArray(), s.shape()[0], u, total, 1);
        } else if (s.isOper() && s.shape()[0] == s.shape()[1]) {
            if (!s.isHerm()) {
                throw new IllegalArgumentException("wignerFft: the density matrix is not Hermitian");
            }
            Qobj.Eigen e = s.eigenstates();
            for (int k = 0; k < e.energies().length; k++) {
                pvec = fftKet(e.states().get(k).toArray(), s.shape()[0], u, total, e.energies()[k]);
            }
        } else {
            throw new IllegalArgumentException("wignerFft needs a ket, bra or square density matrix, got a "
                    + state.type() + " with dims " + state.dims());
        }
        double f = g * g / 2;
        for (double[] row : total) {
            for (int k = 0; k < m; k++) {
                row[k] *= f;
            }
        }
        for (int l = 0; l < pvec.length; l++) {
            pvec[l] /= scale;
        }
        return new FftResult(total, pvec);
    }

    /** Adds {@code weight W_psi[l][k]} (without g²/2) into total; returns the p grid in u units. */
    private static double[] fftKet(double[] psi, int n, double[] u, double[][] total, double weight) {
        int m = u.length;
        // position wave function at u by the Hermite-function recurrence
        double[] xr = new double[m], xi = new double[m];
        double[] prev = new double[m], cur = new double[m];
        for (int k = 0; k < m; k++) {
            cur[k] = Math.exp(-u[k] * u[k] / 2) / Math.pow(Math.PI, 0.25);
            xr[k] += psi[0] * cur[k];
            xi[k] += psi[1] * cur[k];
        }
        for (int q = 1; q < n; q++) {
            double[] next = new double[m];
            for (int k = 0; k < m; k++) {
                next[k] = q == 1 ? Math.sqrt(2) * u[k] * cur[k]
                        : Math.sqrt(2.0 / q) * u[k] * cur[k] - Math.sqrt((q - 1.0) / q) * prev[k];
                xr[k] += psi[2 * q] * next[k];
                xi[k] += psi[2 * q + 1] * next[k];
            }
            prev = cur;
            cur = next;
        }
        int len = 2 * m;
        double[] cs = new double[len], sn = new double[len];
        for (int k = 0; k < len; k++) {
            cs[k] = Math.cos(2 * Math.PI * k / len);
            sn[k] = Math.sin(2 * Math.PI * k / len);
        }
        // the frequencies QuTiP keeps: 3n/4 .. n-1 then 0 .. n/4 - 1 with n = 2m
        int first = (3 * len) / 4, count1 = len - first, count2 = len / 4;
        int[] freq = new int[count1 + count2];
        for (int l = 0; l < count1; l++) {
            freq[l] = first + l;
        }
        for (int l = 0; l < count2; l++) {
            freq[count1 + l] = l;
        }
        double du = u[1] - u[0];
        double[] p = new double[freq.length];
        for (int l = 0; l < p.length; l++) {
            p[l] = (-len / 4.0 + l) * Math.PI / (len * du);
        }
        double dp = p.length > 1 ? p[1] - p[0] : Math.PI / (len * du);
        double[] cr = new double[len], ci = new double[len];
        for (int i = 0; i < m; i++) {
            // c[k'] = conj(psi[i - s]) psi[i + s] at column k' = (k + m) mod 2m, s = k - m
            for (int k = 0; k < len; k++) {
                int sft = k - m;
                int a = i - sft, b = i + sft;
                double vr = 0, vi = 0;
                if (a >= 0 && a < m && b >= 0 && b < m) {
                    vr = xr[a] * xr[b] + xi[a] * xi[b];
                    vi = xr[a] * xi[b] - xi[a] * xr[b];
                }
                int col = (k + m) % len;
                cr[col] = vr;
                ci[col] = vi;
            }
            for (int l = 0; l < freq.length; l++) {
                int fq = freq[l];
                double sum = 0;
                for (int k = 0; k < len; k++) {
                    if (cr[k] == 0 && ci[k] == 0) {
                        continue;
                    }
                    int t = (int) ((long) fq * k % len);
                    sum += cr[k] * cs[t] + ci[k] * sn[t];   // Re((cr + i ci) e^{-2πi fq k/len})
                }
                total[l][i] += weight * sum / dp / len;
            }
        }
        return p;
    }

    // ------------------------------------------------------------------ Husimi Q

    /** {@link #qfunc(Qobj, double[], double[], double)} with {@code g = √2}. */
    public static double[][] qfunc(Qobj state, double[] xvec, double[] yvec) {
        return qfunc(state, xvec, yvec, DEFAULT_G);
    }

    /**
     * The Husimi Q function, QuTiP's {@code qfunc}:
     * <pre>
     *   Q(x, y) = (g²/4) <α|rho|α> / π,   α = g (x + i y) / 2,
     *   <n|α> = e^{-|α|²/2} α^n / √(n!),
     * </pre>
     * normalised so that {@code ∫∫ Q dx dy = 1} for a state inside the truncated space. The
     * coherent-state amplitudes come from the recurrence {@code <n|α> = <n-1|α> α/√n}, so
     * nothing overflows for large N.
     *
     * @param state a ket (or bra), or a Hermitian density matrix of trace one, without tensor
     *              structure
     * @param xvec  x coordinates
     * @param yvec  y coordinates
     * @param g     scaling, positive
     * @return {@code Q[i][j] = Q(xvec[j], yvec[i])}
     */
    public static double[][] qfunc(Qobj state, double[] xvec, double[] yvec, double g) {
        Require.nonNull(state, "qfunc", "state");
        Require.finite(xvec, "qfunc", "xvec");
        Require.finite(yvec, "qfunc", "yvec");
        checkG("qfunc", g);
        Qobj s = state.isBra() ? state.dag() : state;
        if (s.dims().out().length != 1) {
            throw new IllegalArgumentException("qfunc: the state must not have tensor structure, got dims " + state.dims());
        }
        if (s.isOper()) {
            if (!s.isHerm() || Math.abs(s.tr().re() - 1) > 1e-10) {
                throw new IllegalArgumentException("qfunc needs a ket or a density matrix (Hermitian, trace 1), got an "
                        + "operator with trace " + s.tr() + (s.isHerm() ? "" : ", not Hermitian"));
            }
        } else if (!s.isKet()) {
            throw new IllegalArgumentException("qfunc needs a ket or a density matrix, got a " + state.type()
                    + " with dims " + state.dims());
        }
        boolean ket = s.isKet();
        int m = s.shape()[0];
        double[] a = s.toArray();
        double[][] q = new double[yvec.length][xvec.length];
        double[] cr = new double[m], ci = new double[m];
        for (int i = 0; i < yvec.length; i++) {
            for (int j = 0; j < xvec.length; j++) {
                double ar = g * xvec[j] / 2, ai = g * yvec[i] / 2;
                cr[0] = Math.exp(-(ar * ar + ai * ai) / 2);
                ci[0] = 0;
                for (int n = 1; n < m; n++) {
                    double sn = Math.sqrt(n);
                    cr[n] = (cr[n - 1] * ar - ci[n - 1] * ai) / sn;
                    ci[n] = (cr[n - 1] * ai + ci[n - 1] * ar) / sn;
                }
                double v;
                if (ket) {
                    // <α|psi> = Σ conj(c_n) psi_n
                    double sr = 0, si = 0;
                    for (int n = 0; n < m; n++) {
                        sr += cr[n] * a[2 * n] + ci[n] * a[2 * n + 1];
                        si += cr[n] * a[2 * n + 1] - ci[n] * a[2 * n];
                    }
                    v = sr * sr + si * si;
                } else {
                    // Σ_{rc} conj(c_r) rho_rc c_c, real for Hermitian rho
                    v = 0;
                    for (int c = 0; c < m; c++) {
                        double tr = 0, ti = 0;   // (rho c)_r summed against conj(c_r)
                        for (int r = 0; r < m; r++) {
                            int k = 2 * (r + c * m);
                            double pr = a[k] * cr[c] - a[k + 1] * ci[c];
                            double pi = a[k] * ci[c] + a[k + 1] * cr[c];
                            tr += cr[r] * pr + ci[r] * pi;
                            ti += cr[r] * pi - ci[r] * pr;
                        }
                        v += tr;
                    }
                }
                q[i][j] = g * g / 4 * v / Math.PI;
            }
        }
        return q;
    }

    // ------------------------------------------------------------------ spins

    /**
     * The spin Husimi Q function, QuTiP's {@code spin_q_function}:
     * {@code Q(θ, φ) = <θ,φ|rho|θ,φ>} for the spin coherent state of spin {@code j = (N-1)/2}
     * (row 0 is {@code m = j}),
     * <pre>
     *   Q = Σ_{m1,m2} sqrt(C(2j, j+m1) C(2j, j+m2)) cos(θ/2)^{2j+m1+m2} sin(θ/2)^{2j-m1-m2}
     *       e^{i(m1-m2)φ} rho_{j-m1, j-m2},
     * </pre>
     * normalised as {@code (2j+1)/(4π) ∫ Q sinθ dθ dφ = 1}.
     *
     * @param state a ket, bra or density matrix of one spin
     * @param theta polar angles
     * @param phi   azimuthal angles
     * @return {@code Q[i][k] = Q(theta[k], phi[i])} (QuTiP's layout: rows φ, columns θ)
     */
    public static double[][] spinQFunction(Qobj state, double[] theta, double[] phi) {
        Require.nonNull(state, "spinQFunction", "state");
        Require.finite(theta, "spinQFunction", "theta");
        Require.finite(phi, "spinQFunction", "phi");
        double[] rho = densityArray("spinQFunction", state);
        int n = (int) Math.round(Math.sqrt(rho.length / 2.0));
        double twoJ = n - 1;
        double[] lnF = lnFactorials(n);
        double[][] q = new double[phi.length][theta.length];
        for (int i = 0; i < phi.length; i++) {
            for (int k = 0; k < theta.length; k++) {
                double c = Math.cos(theta[k] / 2), s = Math.sin(theta[k] / 2);
                // amplitudes <j-r|θ,φ>: row r has m = j - r
                double[] ar = new double[n], ai = new double[n];
                for (int r = 0; r < n; r++) {
                    int jm = n - 1 - r;   // j + m
                    double mag = Math.sqrt(Math.exp(lnF[n - 1] - lnF[jm] - lnF[r])) * Math.pow(c, jm) * Math.pow(s, r);
                    double ang = -(jm - twoJ / 2) * phi[i];
                    ar[r] = mag * Math.cos(ang);
                    ai[r] = mag * Math.sin(ang);
                }
                // Q = Σ_{r,c} conj(a_r) rho_rc a_c with a_r = |a_r| e^{-i m_r φ}
                double v = 0;
                for (int cc = 0; cc < n; cc++) {
                    for (int r = 0; r < n; r++) {
                        int idx = 2 * (r + cc * n);
                        double pr = rho[idx] * ar[cc] - rho[idx + 1] * ai[cc];
                        double pi = rho[idx] * ai[cc] + rho[idx + 1] * ar[cc];
                        v += ar[r] * pr + ai[r] * pi;
                    }
                }
                q[i][k] = v;
            }
        }
        return q;
    }

    /**
     * The spin Wigner function, QuTiP's {@code spin_wigner} (Agarwal 1981; Dowling, Agarwal and
     * Schleich 1994): with {@code j = (N-1)/2} (row 0 is {@code m = j}),
     * <pre>
     *   W(θ, φ) = Re Σ_{k=0}^{2j} Σ_{q=-k}^{k} rho_{kq} Y_k^q(θ, φ),
     *   rho_{kq} = Σ_{m1,m2} (-1)^{2j-k-m1-m2} sqrt((2k+1)/(2j+1)) <j,-m1; k,q | j,-m2> rho_{j-m1, j-m2},
     * </pre>
     * with {@code Y_k^q} the spherical harmonics with the Condon–Shortley phase (scipy's) and
     * {@code <..|..>} Clebsch–Gordan coefficients. Only {@code Y_0^0} survives the integral, so
     * {@code ∫ W sinθ dθ dφ = sqrt(4π) rho_00 = sqrt(4π/(2j+1)) tr(rho)}, i.e.
     * {@code sqrt((2j+1)/(4π)) ∫ W sinθ dθ dφ = 1} (QuTiP's docstring writes the factor
     * inverted; its values are these).
     *
     * @param state a ket, bra or density matrix of one spin
     * @param theta polar angles
     * @param phi   azimuthal angles
     * @return {@code W[i][k] = W(theta[k], phi[i])} (rows φ, columns θ)
     */
    public static double[][] spinWigner(Qobj state, double[] theta, double[] phi) {
        Require.nonNull(state, "spinWigner", "state");
        Require.finite(theta, "spinWigner", "theta");
        Require.finite(phi, "spinWigner", "phi");
        double[] rho = densityArray("spinWigner", state);
        int n = (int) Math.round(Math.sqrt(rho.length / 2.0));
        int twoJ = n - 1;
        double j = twoJ / 2.0;
        double[] lnF = lnFactorials(4 * n + 4);
        // rho_kq for every (k, q), q from -k to k
        double[][] kqr = new double[twoJ + 1][], kqi = new double[twoJ + 1][];
        for (int k = 0; k <= twoJ; k++) {
            kqr[k] = new double[2 * k + 1];
            kqi[k] = new double[2 * k + 1];
            for (int q = -k; q <= k; q++) {
                double sr = 0, si = 0;
                for (int r1 = 0; r1 < n; r1++) {
                    double m1 = j - r1;
                    for (int r2 = 0; r2 < n; r2++) {
                        double m2 = j - r2;
                        if (Math.abs(-m1 + q + m2) > 1e-9) {
                            continue;   // the Clebsch–Gordan coefficient needs -m1 + q = -m2
                        }
                        double cg = clebsch(j, k, j, -m1, q, -m2, lnF);
                        long e = Math.round(2 * j - k - m1 - m2);
                        double f = ((e & 1) == 0 ? 1 : -1) * Math.sqrt((2.0 * k + 1) / (2 * j + 1)) * cg;
                        int idx = 2 * (r1 + r2 * n);
                        sr += f * rho[idx];
                        si += f * rho[idx + 1];
                    }
                }
                kqr[k][q + k] = sr;
                kqi[k][q + k] = si;
            }
        }
        double[][] w = new double[phi.length][theta.length];
        double[] yr = new double[1], yi = new double[1];
        for (int i = 0; i < phi.length; i++) {
            for (int t = 0; t < theta.length; t++) {
                double v = 0;
                for (int k = 0; k <= twoJ; k++) {
                    for (int q = -k; q <= k; q++) {
                        sphericalHarmonic(k, q, theta[t], phi[i], lnF, yr, yi);
                        v += kqr[k][q + k] * yr[0] - kqi[k][q + k] * yi[0];
                    }
                }
                w[i][t] = v;
            }
        }
        return w;
    }

    /**
     * The Clebsch–Gordan coefficient {@code <j1 m1; j2 m2 | j3 m3>} by Racah's formula (zero
     * unless {@code m3 = m1 + m2} and the triangle rule holds).
     */
    static double clebsch(double j1, double j2, double j3, double m1, double m2, double m3, double[] lnF) {
        if (Math.abs(m1 + m2 - m3) > 1e-9 || j3 < Math.abs(j1 - j2) - 1e-9 || j3 > j1 + j2 + 1e-9
                || Math.abs(m1) > j1 + 1e-9 || Math.abs(m2) > j2 + 1e-9 || Math.abs(m3) > j3 + 1e-9) {
            return 0;
        }
        int a = (int) Math.round(j1 + j2 - j3), b = (int) Math.round(j1 - m1), c = (int) Math.round(j2 + m2);
        int d = (int) Math.round(j3 - j2 + m1), e = (int) Math.round(j3 - j1 - m2);
        double pre = 0.5 * (Math.log(2 * j3 + 1) + lnF[(int) Math.round(j3 + j1 - j2)] + lnF[(int) Math.round(j3 - j1 + j2)]
                + lnF[a] - lnF[(int) Math.round(j1 + j2 + j3 + 1)]
                + lnF[(int) Math.round(j3 + m3)] + lnF[(int) Math.round(j3 - m3)] + lnF[b]
                + lnF[(int) Math.round(j1 + m1)] + lnF[(int) Math.round(j2 - m2)] + lnF[c]);
        double sum = 0;
        int kmin = Math.max(0, Math.max(-d, -e)), kmax = Math.min(a, Math.min(b, c));
        for (int k = kmin; k <= kmax; k++) {
            double term = Math.exp(pre - lnF[k] - lnF[a - k] - lnF[b - k] - lnF[c - k] - lnF[d + k] - lnF[e + k]);
            sum += (k & 1) == 0 ? term : -term;
        }
        return sum;
    }

    /**
     * {@code Y_l^m(θ, φ) = sqrt((2l+1)/(4π) (l-m)!/(l+m)!) P_l^m(cos θ) e^{imφ}} with the
     * Condon–Shortley phase in {@code P_l^m}, and {@code Y_l^{-m} = (-1)^m conj(Y_l^m)}.
     */
    static void sphericalHarmonic(int l, int m, double theta, double phi, double[] lnF, double[] re, double[] im) {
        int am = Math.abs(m);
        double x = Math.cos(theta), sx = Math.sin(theta);
        // P_am^am = (-1)^am (2am-1)!! sin^am, then upward in l
        double pmm = 1;
        for (int k = 1; k <= am; k++) {
            pmm *= -(2 * k - 1) * sx;
        }
        double p = pmm;
        if (l > am) {
            double prev = pmm, cur = x * (2 * am + 1) * pmm;
            for (int ll = am + 2; ll <= l; ll++) {
                double next = ((2 * ll - 1) * x * cur - (ll + am - 1) * prev) / (ll - am);
                prev = cur;
                cur = next;
            }
            p = cur;
        }
        double norm = Math.sqrt((2 * l + 1) / (4 * Math.PI) * Math.exp(lnF[l - am] - lnF[l + am]));
        double r = norm * p * Math.cos(am * phi), i = norm * p * Math.sin(am * phi);
        if (m < 0) {
            double sign = (am & 1) == 0 ? 1 : -1;
            r = sign * r;
            i = -sign * i;
        }
        re[0] = r;
        im[0] = i;
    }
}
