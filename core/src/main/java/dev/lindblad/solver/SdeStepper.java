package dev.lindblad.solver;

/**
 * One fixed step {@code y(t) -> y(t + dt)} of a stochastic method, given the Wiener increments
 * {@code dW_i} of the step and, for the order-1.5 methods, the double integrals
 * {@code dZ_i = ∫_t^{t+dt} (W_i(s) - W_i(t)) ds}. Formulas from Kloeden &amp; Platen,
 * <i>Numerical Solution of Stochastic Differential Equations</i> (KP), and Breuer &amp;
 * Petruccione, <i>The Theory of Open Quantum Systems</i> (BP). The noise is taken as
 * commutative, as QuTiP does ({@code L^i b_j = L^j b_i}). An instance holds scratch buffers:
 * one trajectory at a time.
 */
abstract class SdeStepper {
    final SdeSystem sys;
    final int size;
    final int m;

    SdeStepper(SdeSystem sys) {
        this.sys = sys;
        this.size = sys.size;
        this.m = sys.noises;
    }

    /** Writes y(t + dt) into out (out differs from y). */
    abstract void step(double t, double dt, double[] y, double[] dW, double[] dZ, double[] out);

    /** @return whether the method needs {@code dZ} (a second Gaussian per noise and step) */
    boolean needsDoubleIntegral() {
        return false;
    }

    /**
     * @param method one of {@link StochasticOptions#METHODS}
     * @param sys    the equation (a {@link QuantumSde} for {@code "rouchon"})
     * @param solver the solver's name for messages
     * @return a stepper for one trajectory
     */
    static SdeStepper create(String method, SdeSystem sys, String solver) {
        return switch (method) {
            case "euler" -> new Euler(sys);
            case "milstein" -> new Milstein(sys, false);
            case "platen" -> new Platen(sys);
            case "pred_corr" -> new PredCorr(sys);
            case "explicit1.5" -> sys.noises == 1 ? new Explicit15(sys) : new Explicit15Multi(sys);
            case "taylor1.5" -> {
                if (!sys.hasSecondDerivatives()) {
                    throw new IllegalArgumentException(solver + ": method 'taylor1.5' needs the second derivatives of "
                            + "the equation, known for smesolve only (as in QuTiP); use 'explicit1.5' or 'platen'");
                }
                yield new Taylor15(sys);
            }
            case "rouchon" -> {
                if (!(sys instanceof QuantumSde q)) {
                    throw new IllegalArgumentException(solver + ": method 'rouchon' is for quantum equations");
                }
                yield new Rouchon(q);
            }
            case "milstein_imp", "taylor1.5_imp" -> {
                if (!sys.hasLinearDrift()) {
                    throw new IllegalArgumentException(solver + ": the drift-implicit method '" + method + "' needs "
                            + "a drift linear in the state, solved implicitly: smesolve only, as in QuTiP 5 (the "
                            + "drift of ssesolve is not linear); use 'milstein', 'rouchon' or 'platen'");
                }
                if (method.equals("taylor1.5_imp") && !sys.hasSecondDerivatives()) {
                    throw new IllegalArgumentException(solver + ": method 'taylor1.5_imp' needs the second "
                            + "derivatives of the equation, known for smesolve only (as in QuTiP)");
                }
                yield method.equals("milstein_imp") ? new Milstein(sys, true) : new Taylor15(sys, true);
            }
            default -> throw new IllegalArgumentException(solver + ": unknown method '" + method + "'; expected one of "
                    + StochasticOptions.METHODS);
        };
    }

    static double[][] buffers(int count, int size) {
        return new double[count][size];
    }

    /** Euler–Maruyama (KP 10.2.3): {@code y + a dt + sum b_i dW_i}; strong order 0.5, weak 1. */
    static final class Euler extends SdeStepper {
        private final double[] a;
        private final double[][] b;

        Euler(SdeSystem sys) {
            super(sys);
            a = new double[size];
            b = buffers(m, size);
        }

        @Override
        void step(double t, double dt, double[] y, double[] dW, double[] dZ, double[] out) {
            sys.evaluate(t, y, a, b);
            for (int k = 0; k < size; k++) {
                out[k] = y[k] + a[k] * dt;
            }
            for (int i = 0; i < m; i++) {
                double w = dW[i];
                double[] bi = b[i];
                for (int k = 0; k < size; k++) {
                    out[k] += bi[k] * w;
                }
            }
        }
    }

    /**
     * Milstein (KP 10.3.12): Euler plus {@code sum_{i<=j} L^i b_j (dW_i dW_j - δ_ij dt)/(1 + δ_ij)}
     * with {@code L^i b_j = Db_j[b_i]}; strong order 1.
     *
     * <p>With {@code implicit}, the drift-implicit scheme (KP 12.2.11 with α = ½, QuTiP's
     * {@code "milstein_imp"}) for a linear drift {@code a(t, y) = A(t) y}:
     * <pre>
     * (I - ½ A(t + dt) dt) y' = y + ½ a(t, y) dt + sum_i b_i dW_i
     *                             + sum_{i<=j} L^i b_j (dW_i dW_j - δ_ij dt)/(1 + δ_ij),
     * </pre>
     * the trapezoid on the drift, Milstein's terms explicit; strong order 1, A-stable in the
     * drift: the step stays bounded for any dt on a stiff dissipative generator.
     */
    static final class Milstein extends SdeStepper {
        private final double[] a, d;
        private final double[][] b;
        private final boolean implicit;

        Milstein(SdeSystem sys, boolean implicit) {
            super(sys);
            a = new double[size];
            d = new double[size];
            b = buffers(m, size);
            this.implicit = implicit;
        }

        @Override
        void step(double t, double dt, double[] y, double[] dW, double[] dZ, double[] out) {
            sys.evaluate(t, y, a, b);
            double drift = implicit ? 0.5 * dt : dt;
            for (int k = 0; k < size; k++) {
                out[k] = y[k] + a[k] * drift;
            }
            for (int i = 0; i < m; i++) {
                double w = dW[i];
                double[] bi = b[i];
                for (int k = 0; k < size; k++) {
                    out[k] += bi[k] * w;
                }
            }
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    double f = i == j ? 0.5 * (dW[i] * dW[i] - dt) : dW[i] * dW[j];
                    // Db_i[b_j], QuTiP's Libj(i, j); equal to Db_j[b_i] for commuting noise
                    sys.diffusionDerivative(t, y, i, b[j], d);
                    for (int k = 0; k < size; k++) {
                        out[k] += f * d[k];
                    }
                }
            }
            if (implicit) {
                sys.solveImplicit(t + dt, 0.5 * dt, out, out);
            }
        }
    }

    /**
     * Platen's derivative-free scheme (BP eq. 7.47; KP 11.1): with {@code ŷ = y + a dt},
     * {@code ỹ = ŷ + sum b_i dW_i}, {@code y±_i = ŷ ± b_i √dt},
     * <pre>
     * y' = y + ½(a(y) + a(ỹ)) dt + sum_i ¼(2 b_i(y) + b_i(y+_i) + b_i(y-_i)) dW_i
     *        + sum_i ¼(b_i(y+_i) - b_i(y-_i)) (dW_i² - dt)/√dt
     *        + sum_{i≠j} ¼(b_j(y+_i) - b_j(y-_i)) dW_i dW_j/√dt
     * </pre>
     * Strong order 1, weak order 2 (for the drift's part); QuTiP's default.
     */
    static final class Platen extends SdeStepper {
        private final double[] a, yHat, yTilde, yp, ym;
        private final double[][] b, bp, bm;

        Platen(SdeSystem sys) {
            super(sys);
            a = new double[size];
            yHat = new double[size];
            yTilde = new double[size];
            yp = new double[size];
            ym = new double[size];
            b = buffers(m, size);
            bp = buffers(m, size);
            bm = buffers(m, size);
        }

        @Override
        void step(double t, double dt, double[] y, double[] dW, double[] dZ, double[] out) {
            double sq = Math.sqrt(dt), q = 0.25 / sq;
            sys.evaluate(t, y, a, b);
            if (m == 1) {   // the two loops below in one pass, the same operations
                double w = dW[0];
                double[] b0 = b[0];
                for (int k = 0; k < size; k++) {
                    double h = y[k] + a[k] * dt;
                    yHat[k] = h;
                    yTilde[k] = h + b0[k] * w;
                    out[k] = (y[k] + 0.5 * dt * a[k]) + 0.5 * w * b0[k];
                }
            } else {
                for (int k = 0; k < size; k++) {
                    yHat[k] = y[k] + a[k] * dt;
                    yTilde[k] = yHat[k];
                    out[k] = y[k] + 0.5 * dt * a[k];
                }
                for (int i = 0; i < m; i++) {
                    double w = dW[i];
                    double[] bi = b[i];
                    for (int k = 0; k < size; k++) {
                        yTilde[k] += bi[k] * w;
                        out[k] += 0.5 * w * bi[k];
                    }
                }
            }
            sys.evaluate(t, yTilde, a, null);
            if (m == 0) {
                for (int k = 0; k < size; k++) {
                    out[k] += 0.5 * dt * a[k];
                }
            }
            for (int i = 0; i < m; i++) {
                double[] bi = b[i];
                if (i == 0) {   // with the drift's second half, the same operations as a loop of its own
                    for (int k = 0; k < size; k++) {
                        out[k] += 0.5 * dt * a[k];
                        yp[k] = yHat[k] + sq * bi[k];
                        ym[k] = yHat[k] - sq * bi[k];
                    }
                } else {
                    for (int k = 0; k < size; k++) {
                        yp[k] = yHat[k] + sq * bi[k];
                        ym[k] = yHat[k] - sq * bi[k];
                    }
                }
                sys.evaluate(t, yp, null, bp);
                sys.evaluate(t, ym, null, bm);
                for (int j = 0; j < m; j++) {
                    double fp, fm;
                    if (i == j) {
                        double d2 = q * (dW[i] * dW[i] - dt);
                        fp = d2 + 0.25 * dW[i];
                        fm = -d2 + 0.25 * dW[i];
                    } else {
                        fp = q * dW[i] * dW[j];
                        fm = -fp;
                    }
                    double[] p = bp[j], mm = bm[j];
                    for (int k = 0; k < size; k++) {
                        out[k] += fp * p[k] + fm * mm[k];
                    }
                }
            }
        }
    }

    /**
     * Predictor–corrector (KP 15.5.4 with α = 0, η = ½): the Euler predictor
     * {@code ȳ = y + a dt + sum b_i dW_i}, then
     * {@code y' = y + (a(y) - ½ sum_i L^i b_i(y)) dt + sum_i ½(b_i(y) + b_i(ȳ)) dW_i};
     * strong order 0.5, weak order 1, as QuTiP's {@code "pred_corr"}.
     */
    static final class PredCorr extends SdeStepper {
        private final double[] a, d, pred;
        private final double[][] b, bp;

        PredCorr(SdeSystem sys) {
            super(sys);
            a = new double[size];
            d = new double[size];
            pred = new double[size];
            b = buffers(m, size);
            bp = buffers(m, size);
        }

        @Override
        void step(double t, double dt, double[] y, double[] dW, double[] dZ, double[] out) {
            sys.evaluate(t, y, a, b);
            for (int k = 0; k < size; k++) {
                out[k] = y[k] + a[k] * dt;
                pred[k] = out[k];
            }
            for (int i = 0; i < m; i++) {
                double w = dW[i];
                double[] bi = b[i];
                sys.diffusionDerivative(t, y, i, bi, d);
                for (int k = 0; k < size; k++) {
                    pred[k] += bi[k] * w;
                    out[k] += 0.5 * w * bi[k] - 0.5 * dt * d[k];
                }
            }
            sys.evaluate(t + dt, pred, null, bp);
            for (int i = 0; i < m; i++) {
                double w = 0.5 * dW[i];
                double[] bi = bp[i];
                for (int k = 0; k < size; k++) {
                    out[k] += w * bi[k];
                }
            }
        }

    }

    /**
     * The explicit order-1.5 scheme of KP 11.2.1 for one Wiener process, with the time
     * dependence of the diffusion through {@code (b(t+dt, y) - b(t, y))(dW - dZ/dt)}: with
     * {@code Y± = y + a dt ± b √dt}, {@code Φ± = Y+ ± b(Y+) √dt},
     * <pre>
     * y' = y + b dW + (a(Y+) - a(Y-)) dZ/(2√dt) + (a(Y+) + 2a + a(Y-)) dt/4
     *        + (b(Y+) - b(Y-)) (dW² - dt)/(4√dt) + (b(Y+) - 2b + b(Y-)) (dW dt - dZ)/(2 dt)
     *        + (b(Φ+) - b(Φ-) - b(Y+) + b(Y-)) (dW²/3 - dt) dW/(4 dt)
     * </pre>
     * Strong order 1.5, no derivatives.
     */
    static final class Explicit15 extends SdeStepper {
        private final double[] a, ap, am, yp, ym, pp, pm;
        private final double[][] b, bt, bp, bm, bpp, bpm;

        Explicit15(SdeSystem sys) {
            super(sys);
            a = new double[size];
            ap = new double[size];
            am = new double[size];
            yp = new double[size];
            ym = new double[size];
            pp = new double[size];
            pm = new double[size];
            b = buffers(1, size);
            bt = buffers(1, size);
            bp = buffers(1, size);
            bm = buffers(1, size);
            bpp = buffers(1, size);
            bpm = buffers(1, size);
        }

        @Override
        boolean needsDoubleIntegral() {
            return true;
        }

        @Override
        void step(double t, double dt, double[] y, double[] dW, double[] dZ, double[] out) {
            double sq = Math.sqrt(dt), w = dW[0], z = dZ[0];
            sys.evaluate(t, y, a, b);
            double[] b0 = b[0];
            for (int k = 0; k < size; k++) {
                yp[k] = y[k] + a[k] * dt + sq * b0[k];
                ym[k] = y[k] + a[k] * dt - sq * b0[k];
            }
            sys.evaluate(t + dt, yp, ap, bp);
            sys.evaluate(t + dt, ym, am, bm);
            double[] p = bp[0], mm = bm[0];
            for (int k = 0; k < size; k++) {
                pp[k] = yp[k] + sq * p[k];
                pm[k] = yp[k] - sq * p[k];
            }
            // b(Y±) and b(Φ±) at t, as the diffusion's time dependence is its own term
            sys.evaluate(t, yp, null, bp);
            sys.evaluate(t, ym, null, bm);
            sys.evaluate(t, pp, null, bpp);
            sys.evaluate(t, pm, null, bpm);
            boolean timeDependent = sys.isTimeDependent();
            if (timeDependent) {
                sys.evaluate(t + dt, y, null, bt);
            }
            double fa = z / (2 * sq), f1 = (w * w - dt) / (4 * sq), f2 = (w * dt - z) / (2 * dt),
                    f3 = (w * w / 3 - dt) * w / (4 * dt), ft = w - z / dt;
            double[] ppb = bpp[0], pmb = bpm[0], tb = bt[0];
            for (int k = 0; k < size; k++) {
                double v = y[k] + b0[k] * w + (ap[k] - am[k]) * fa + (ap[k] + 2 * a[k] + am[k]) * 0.25 * dt
                        + (p[k] - mm[k]) * f1 + (p[k] - 2 * b0[k] + mm[k]) * f2
                        + (ppb[k] - pmb[k] - p[k] + mm[k]) * f3;
                if (timeDependent) {
                    v += (tb[k] - b0[k]) * ft;
                }
                out[k] = v;
            }
        }
    }

    /**
     * QuTiP 5's explicit order-1.5 scheme for several Wiener processes (KP 11.2, commutative
     * noise), derivative-free: with {@code V = y + a dt/m}, {@code Y±_i = V ± b_i √dt} and
     * {@code Φ±_{ji} = Y+_j ± b_i(Y+_j) √dt}, the drift is sampled at {@code Y±_i} (time
     * {@code t + dt/m}), and the terms of the one-noise scheme ({@link Explicit15}) are summed
     * over i, with the cross terms {@code ½(b_j(Y+_i) - b_j(Y-_i)) dW_i dW_j/√dt},
     * {@code ¼(b_j(Φ+_{ji}) - b_j(Φ-_{ji}) - b_j(Y+_i) + b_j(Y-_i))(dW_j² - dt) dW_i/dt} (j ≠ i) and
     * {@code ½(b_k(Φ+_{ji}) - b_k(Φ-_{ji}) - b_k(Y+_i) + b_k(Y-_i)) dW_i dW_j dW_k/dt}
     * (i &lt; j &lt; k), in QuTiP's grouping. For one Wiener process it is {@link Explicit15}.
     */
    static final class Explicit15Multi extends SdeStepper {
        private final double[] a, ap, am, v, pp, pm, zq, wp, wm;
        private final double[][] b, bt, yp, ym, bpp, bpm;
        /** {@code bp[i][j] = b_j(t, Y+_i)}, {@code bm[i][j] = b_j(t, Y-_i)}. */
        private final double[][][] bp, bm;

        Explicit15Multi(SdeSystem sys) {
            super(sys);
            a = new double[size];
            ap = new double[size];
            am = new double[size];
            v = new double[size];
            pp = new double[size];
            pm = new double[size];
            zq = new double[m];
            wp = new double[m];
            wm = new double[m];
            b = buffers(m, size);
            bt = buffers(m, size);
            yp = buffers(m, size);
            ym = buffers(m, size);
            bpp = buffers(m, size);
            bpm = buffers(m, size);
            bp = new double[m][][];
            bm = new double[m][][];
            for (int i = 0; i < m; i++) {
                bp[i] = buffers(m, size);
                bm[i] = buffers(m, size);
            }
        }

        @Override
        boolean needsDoubleIntegral() {
            return true;
        }

        private void axpy(double f, double[] x, double[] out) {
            for (int k = 0; k < size; k++) {
                out[k] += f * x[k];
            }
        }

        /** {@code bpp = b(t, Φ+_{ji})}, {@code bpm = b(t, Φ-_{ji})}. */
        private void phi(double t, double sq, int j, int i) {
            double[] base = yp[j], dir = bp[j][i];
            for (int k = 0; k < size; k++) {
                pp[k] = base[k] + sq * dir[k];
                pm[k] = base[k] - sq * dir[k];
            }
            sys.evaluate(t, pp, null, bpp);
            sys.evaluate(t, pm, null, bpm);
        }

        @Override
        void step(double t, double dt, double[] y, double[] dW, double[] dZ, double[] out) {
            double sq = Math.sqrt(dt), sqi = 1 / sq;
            for (int i = 0; i < m; i++) {
                zq[i] = dZ[i] / dt;   // QuTiP's dz: the double integral over dt
            }
            sys.evaluate(t, y, a, b);
            boolean timeDependent = sys.isTimeDependent();
            if (timeDependent) {
                sys.evaluate(t + dt, y, null, bt);
            }
            System.arraycopy(y, 0, out, 0, size);
            axpy(dt, a, out);
            for (int i = 0; i < m; i++) {
                axpy(dW[i], b[i], out);
            }
            for (int k = 0; k < size; k++) {
                v[k] = y[k] + a[k] * (dt / m);
            }
            for (int i = 0; i < m; i++) {
                double[] bi = b[i], p = yp[i], q = ym[i];
                for (int k = 0; k < size; k++) {
                    p[k] = v[k] + sq * bi[k];
                    q[k] = v[k] - sq * bi[k];
                }
                sys.evaluate(t, p, null, bp[i]);
                sys.evaluate(t, q, null, bm[i]);
                double f = (dW[i] * dW[i] - dt) * 0.25 * sqi;
                axpy(f, bp[i][i], out);
                axpy(-f, bm[i][i], out);
            }
            axpy(-0.5 * m * dt, a, out);
            for (int i = 0; i < m; i++) {
                double wi = dW[i];
                double fz = zq[i] * 0.5 * sqi, fd = 0.25 * (wi * wi / 3 - dt) * wi / dt;
                java.util.Arrays.fill(wp, 0);
                java.util.Arrays.fill(wm, 0);
                sys.evaluate(t + dt / m, yp[i], ap, null);
                sys.evaluate(t + dt / m, ym[i], am, null);
                axpy((0.25 + fz) * dt, ap, out);
                axpy((0.25 - fz) * dt, am, out);
                if (timeDependent) {
                    // QuTiP adds b(t + dt) (dW - dz) + b(t) (dz - dW), which cancel for a constant b
                    axpy(wi - zq[i], bt[i], out);
                    axpy(zq[i] - wi, b[i], out);
                }
                phi(t, sq, i, i);
                axpy(fd, bpp[i], out);
                axpy(-fd, bpm[i], out);
                wp[i] -= fd;
                wm[i] += fd;
                for (int j = 0; j < m; j++) {
                    double wj = dW[j];
                    double f = 0.5 * (wj - zq[j]);
                    wp[j] += f;
                    wm[j] += f;
                    axpy(-2 * f, b[j], out);
                    if (j > i) {
                        f = 0.5 * wi * wj * sqi;
                        wp[j] += f;
                        wm[j] -= f;
                        f = 0.25 * (wj * wj - dt) * wi / dt;
                        phi(t, sq, j, i);
                        axpy(f, bpp[j], out);
                        axpy(-f, bpm[j], out);
                        wp[j] -= f;
                        wm[j] += f;
                        for (int k = j + 1; k < m; k++) {
                            f = 0.5 * wi * wj * dW[k] / dt;
                            axpy(f, bpp[k], out);
                            axpy(-f, bpm[k], out);
                            wp[k] -= f;
                            wm[k] += f;
                        }
                    } else if (j < i) {
                        f = 0.25 * (wj * wj - dt) * wi / dt;
                        phi(t, sq, j, i);
                        axpy(f, bpp[j], out);
                        axpy(-f, bpm[j], out);
                        wp[j] -= f;
                        wm[j] += f;
                    }
                }
                for (int j = 0; j < m; j++) {
                    axpy(wp[j], bp[i][j], out);
                    axpy(wm[j], bm[i][j], out);
                }
            }
        }
    }

    /**
     * The order-1.5 strong Itô–Taylor scheme (KP 10.4.6, commutative noise):
     * <pre>
     * y' = y + a dt + ½ L⁰a dt² + sum_i [b_i dW_i + ½ L^i b_i (dW_i² - dt) + L^i a dZ_i
     *        + L⁰b_i (dW_i dt - dZ_i) + ½ L^i L^i b_i (dW_i²/3 - dt) dW_i]
     *        + sum_{i<j} [L^i b_j dW_i dW_j + ½ L^i L^j b_j (dW_j² - dt) dW_i + ½ L^i L^i b_j (dW_i² - dt) dW_j
     *        + sum_{k>j} L^i L^j b_k dW_i dW_j dW_k]
     * </pre>
     * with {@code L⁰f = ∂_t f + Df[a] + ½ sum_k D²f[b_k, b_k]}, {@code L^i f = Df[b_i]}
     * ({@code L^i L^j b_k = D²b_k[b_i, b_j] + Db_k[Db_j[b_i]]}); ∂_t by a forward difference of
     * 1e-6 (QuTiP's {@code derr_dt}) when the equation depends on time. The noise is taken as
     * commuting, and where the orders of the indices would differ otherwise the forms are QuTiP
     * 5's: {@code L^i b_j = Db_i[b_j]} for i &lt; j, {@code L^i L^j b_k} with sorted indices
     * ({@link #lijbk}), {@link SdeSystem#addL0bCurvature}.
     *
     * <p>Drift-implicit ({@code "taylor1.5_imp"}, KP 12.2.18 with α = ½, for a linear drift
     * {@code a(t, y) = A(t) y}): {@code a dt + ½ L⁰a dt²} becomes the trapezoid
     * {@code ½(a(t, y) + A(t + dt) y') dt} and {@code L^i a dZ_i} becomes
     * {@code L^i a (dZ_i - ½ dW_i dt)}; the other terms are explicit, and
     * {@code (I - ½ A(t + dt) dt) y'} equals their sum. Strong order 1.5.
     */
    static final class Taylor15 extends SdeStepper {
        private static final double TIME_STEP = 1e-6;
        private final boolean implicit;
        private final double[] a, at, l0a, tmp, tmp2, lb;
        private final double[][] b, bt;

        Taylor15(SdeSystem sys) {
            this(sys, false);
        }

        /** @param implicit the drift-implicit variant (needs {@link SdeSystem#hasLinearDrift()}) */
        Taylor15(SdeSystem sys, boolean implicit) {
            super(sys);
            this.implicit = implicit;
            a = new double[size];
            at = new double[size];
            l0a = new double[size];
            tmp = new double[size];
            tmp2 = new double[size];
            lb = new double[size];
            b = buffers(m, size);
            bt = buffers(m, size);
        }

        @Override
        boolean needsDoubleIntegral() {
            return true;
        }

        private static void axpy(double f, double[] x, double[] out) {
            for (int k = 0; k < out.length; k++) {
                out[k] += f * x[k];
            }
        }

        /**
         * {@code out = L^i L^j b_k} as QuTiP 5 forms it for commuting noise: the indices sorted,
         * {@code p <= q <= r}, then {@code Db_p[Db_q[b_r]] + D²b_p[b_q, b_r]} (equal to every
         * other order when the noise commutes; QuTiP's choice when it does not).
         */
        private void lijbk(double t, double[] y, int i, int j, int k, double[] out) {
            int p = Math.min(i, Math.min(j, k)), r = Math.max(i, Math.max(j, k)), q = i + j + k - p - r;
            sys.diffusionDerivative(t, y, q, b[r], tmp2);
            sys.diffusionDerivative(t, y, p, tmp2, out);
            sys.addDiffusionSecondDerivative(t, y, p, b[q], b[r], 1, out);
        }

        @Override
        void step(double t, double dt, double[] y, double[] dW, double[] dZ, double[] out) {
            boolean timeDependent = sys.isTimeDependent();
            if (timeDependent) {
                sys.evaluate(t + TIME_STEP, y, implicit ? null : at, bt);
            }
            sys.evaluate(t, y, a, b);
            System.arraycopy(y, 0, out, 0, size);
            if (implicit) {
                axpy(0.5 * dt, a, out);
            } else {
                axpy(dt, a, out);
                // L0 a
                sys.driftDerivative(t, y, a, l0a);
                for (int k = 0; k < m; k++) {
                    sys.addDriftSecondDerivative(t, y, b[k], b[k], 0.5, l0a);
                }
                if (timeDependent) {
                    for (int p = 0; p < size; p++) {
                        l0a[p] += (at[p] - a[p]) / TIME_STEP;
                    }
                }
                axpy(0.5 * dt * dt, l0a, out);
            }
            for (int i = 0; i < m; i++) {
                double w = dW[i], z = dZ[i];
                axpy(w, b[i], out);
                sys.diffusionDerivative(t, y, i, b[i], lb);
                axpy(0.5 * (w * w - dt), lb, out);
                sys.driftDerivative(t, y, b[i], tmp);
                axpy(implicit ? z - 0.5 * w * dt : z, tmp, out);
                // L0 b_i
                sys.diffusionDerivative(t, y, i, a, tmp);
                sys.addL0bCurvature(t, y, i, b, tmp);
                if (timeDependent) {
                    for (int p = 0; p < size; p++) {
                        tmp[p] += (bt[i][p] - b[i][p]) / TIME_STEP;
                    }
                }
                axpy(w * dt - z, tmp, out);
                lijbk(t, y, i, i, i, tmp);
                axpy(0.5 * (w * w / 3 - dt) * w, tmp, out);
                for (int j = i + 1; j < m; j++) {
                    double wj = dW[j];
                    sys.diffusionDerivative(t, y, i, b[j], tmp);   // Db_i[b_j], QuTiP's Libj(i, j)
                    axpy(w * wj, tmp, out);
                    lijbk(t, y, i, j, j, tmp);
                    axpy(0.5 * (wj * wj - dt) * w, tmp, out);
                    lijbk(t, y, i, i, j, tmp);
                    axpy(0.5 * (w * w - dt) * wj, tmp, out);
                    for (int k = j + 1; k < m; k++) {
                        lijbk(t, y, i, j, k, tmp);
                        axpy(w * wj * dW[k], tmp, out);
                    }
                }
            }
            if (implicit) {
                sys.solveImplicit(t + dt, 0.5 * dt, out, out);
            }
        }
    }

    /** Rouchon and Ralph's positivity-preserving step ({@link QuantumSde#rouchonStep}); strong order 1. */
    static final class Rouchon extends SdeStepper {
        private final QuantumSde q;

        Rouchon(QuantumSde q) {
            super(q);
            this.q = q;
        }

        @Override
        void step(double t, double dt, double[] y, double[] dW, double[] dZ, double[] out) {
            q.rouchonStep(t, dt, y, dW, out);
        }
    }
}
