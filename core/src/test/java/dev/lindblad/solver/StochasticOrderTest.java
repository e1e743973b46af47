package dev.lindblad.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The convergence orders of the stochastic methods, measured on the linear SDE
 * {@code dX = μX dt + sum_i σ_i X dW_i} (geometric Brownian motion), whose solution along a
 * Wiener path is known: {@code X(T) = X0 exp((μ - sum σ_i²/2) T + sum σ_i W_i(T))}.
 * <ul>
 *   <li>Strong order: {@code E|X_N - X(T)|} over 400 paths, each coarse step's increments
 *       {@code ΔW} and {@code ΔZ = ∫(W(s) - W(t)) ds} formed from one fine path, for
 *       {@code dt = T/4 … T/64}; the slope of log error against log dt.</li>
 *   <li>Weak order, without sampling error: one step multiplies X by a polynomial
 *       {@code R(ΔW, ΔV)} of independent Gaussians, so {@code E[X_N²] = X0² (E[R²])^N} with
 *       {@code E[R²]} exact by 5-point Gauss–Hermite quadrature; compared with
 *       {@code X0² exp((2μ + sum σ_i²) T)}.</li>
 * </ul>
 */
class StochasticOrderTest {

    /** {@code dX = μ X dt + sum σ_i X dW_i} on a real scalar. */
    static final class Linear extends SdeSystem {
        final double mu;
        final double[] sigma;

        Linear(double mu, double... sigma) {
            super(1, sigma.length);
            this.mu = mu;
            this.sigma = sigma;
        }

        @Override
        void evaluate(double t, double[] y, double[] drift, double[][] diffusion) {
            if (drift != null) {
                drift[0] = mu * y[0];
            }
            if (diffusion != null) {
                for (int i = 0; i < sigma.length; i++) {
                    diffusion[i][0] = sigma[i] * y[0];
                }
            }
        }

        @Override
        void diffusionDerivative(double t, double[] y, int j, double[] v, double[] out) {
            out[0] = sigma[j] * v[0];
        }

        @Override
        boolean hasSecondDerivatives() {
            return true;
        }

        @Override
        void driftDerivative(double t, double[] y, double[] v, double[] out) {
            out[0] = mu * v[0];
        }

        @Override
        void addDriftSecondDerivative(double t, double[] y, double[] u, double[] v, double scale, double[] out) {
        }

        @Override
        void addDiffusionSecondDerivative(double t, double[] y, int k, double[] u, double[] v, double scale,
                                          double[] out) {
        }

        @Override
        boolean hasLinearDrift() {
            return true;
        }

        @Override
        void solveImplicit(double t, double scale, double[] rhs, double[] out) {
            out[0] = rhs[0] / (1 - scale * mu);
        }

        @Override
        boolean isTimeDependent() {
            return false;
        }
    }

    static final double T = 1;
    static final int[] COARSE = {4, 8, 16, 32, 64};
    static final int FINE = 64 * 32;

    /** The least-squares slope of log(err) against log(dt). */
    static double slope(int[] steps, double[] err) {
        int k = steps.length;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int i = 0; i < k; i++) {
            double x = Math.log(T / steps[i]), y = Math.log(err[i]);
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return (k * sxy - sx * sy) / (k * sxx - sx * sx);
    }

    static double strongOrder(String method, Linear sys) {
        int m = sys.noises, paths = 400;
        double[] err = new double[COARSE.length];
        SplittableRandom rng = new SplittableRandom(2026);
        double delta = T / FINE;
        for (int p = 0; p < paths; p++) {
            double[][] fine = new double[m][FINE];
            double[] wT = new double[m];
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < FINE; k++) {
                    fine[i][k] = Math.sqrt(delta) * rng.nextGaussian();
                    wT[i] += fine[i][k];
                }
            }
            double exponent = sys.mu * T;
            for (int i = 0; i < m; i++) {
                exponent += -0.5 * sys.sigma[i] * sys.sigma[i] * T + sys.sigma[i] * wT[i];
            }
            double exact = Math.exp(exponent);
            for (int c = 0; c < COARSE.length; c++) {
                int n = COARSE[c], ratio = FINE / n;
                double dt = T / n;
                SdeStepper stepper = SdeStepper.create(method, sys, "test");
                double[] y = {1}, out = new double[1], dW = new double[m], dZ = new double[m];
                for (int s = 0; s < n; s++) {
                    for (int i = 0; i < m; i++) {
                        double w = 0, z = 0;
                        for (int k = 0; k < ratio; k++) {
                            double inc = fine[i][s * ratio + k];
                            z += (w + 0.5 * inc) * delta;   // ∫ (W(s) - W(t)) ds, trapezoidal on the fine grid
                            w += inc;
                        }
                        dW[i] = w;
                        dZ[i] = z;
                    }
                    stepper.step(s * dt, dt, y, dW, dZ, out);
                    y[0] = out[0];
                }
                err[c] += Math.abs(y[0] - exact) / paths;
            }
        }
        return slope(COARSE, err);
    }

    /** Standard-normal 5-point Gauss–Hermite rule (nodes ±sqrt(5 ± sqrt 10), 0). */
    static final double[] NODES = {-2.856970013872806, -1.355626179974266, 0, 1.355626179974266, 2.856970013872806};
    static final double[] WEIGHTS = {0.011257411327720691, 0.2220759220056126, 0.5333333333333333,
            0.2220759220056126, 0.011257411327720691};

    static double weakOrder(String method, Linear sys) {
        if (sys.noises != 1) {
            throw new IllegalArgumentException("one noise");
        }
        int[] steps = {4, 8, 16, 32};
        double[] err = new double[steps.length];
        double exact = Math.exp((2 * sys.mu + sys.sigma[0] * sys.sigma[0]) * T);
        for (int c = 0; c < steps.length; c++) {
            double dt = T / steps[c];
            SdeStepper stepper = SdeStepper.create(method, sys, "test");
            double second = 0;
            double[] out = new double[1];
            for (int a = 0; a < 5; a++) {
                for (int b = 0; b < 5; b++) {
                    double w = Math.sqrt(dt) * NODES[a], v = Math.sqrt(dt) * NODES[b];
                    double z = 0.5 * dt * (w + v / Math.sqrt(3));
                    stepper.step(0, dt, new double[] {1}, new double[] {w}, new double[] {z}, out);
                    second += WEIGHTS[a] * WEIGHTS[b] * out[0] * out[0];
                }
            }
            err[c] = Math.abs(Math.pow(second, steps[c]) - exact);
        }
        return slope(steps, err);
    }

    private static void assertOrder(double expected, double measured, String what) {
        assertEquals(expected, measured, 0.2, what + ": measured order " + measured + ", expected " + expected);
    }

    @Test
    void strongOrdersOnOneNoise() {
        Linear sys = new Linear(0.5, 1.0);
        assertOrder(0.5, strongOrder("euler", sys), "euler strong");
        // KP promise strong order 0.5 in general; with commutative noise the corrector's
        // ½(b(y) + b(ȳ)) dW - ½ L b dt holds Milstein's term, and the order is 1
        assertOrder(1.0, strongOrder("pred_corr", sys), "pred_corr strong (commutative noise)");
        assertOrder(1.0, strongOrder("milstein", sys), "milstein strong");
        assertOrder(1.0, strongOrder("platen", sys), "platen strong");
        assertOrder(1.5, strongOrder("taylor1.5", sys), "taylor1.5 strong");
        assertOrder(1.5, strongOrder("explicit1.5", sys), "explicit1.5 strong");
    }

    @Test
    void strongOrdersOnTwoCommutingNoises() {
        Linear sys = new Linear(0.5, 0.8, 0.6);
        assertOrder(0.5, strongOrder("euler", sys), "euler strong, 2 noises");
        assertOrder(1.0, strongOrder("milstein", sys), "milstein strong, 2 noises");
        assertOrder(1.0, strongOrder("pred_corr", sys), "pred_corr strong, 2 noises (commutative)");
        assertOrder(1.0, strongOrder("platen", sys), "platen strong, 2 noises");
        assertOrder(1.5, strongOrder("taylor1.5", sys), "taylor1.5 strong, 2 noises");
    }

    @Test
    void weakOrdersOfTheSecondMoment() {
        Linear sys = new Linear(0.5, 1.0);
        double euler = weakOrder("euler", sys);
        double milstein = weakOrder("milstein", sys);
        double platen = weakOrder("platen", sys);
        double predCorr = weakOrder("pred_corr", sys);
        double taylor = weakOrder("taylor1.5", sys);
        double explicit = weakOrder("explicit1.5", sys);
        System.out.printf("weak orders: euler %.2f milstein %.2f platen %.2f pred_corr %.2f taylor1.5 %.2f explicit1.5 %.2f%n",
                euler, milstein, platen, predCorr, taylor, explicit);
        assertOrder(1.0, euler, "euler weak");
        assertOrder(1.0, milstein, "milstein weak");
        assertOrder(1.0, predCorr, "pred_corr weak");
        assertTrue(platen > 1.8, "platen weak order " + platen + " (2 promised)");
        assertTrue(taylor > 1.8, "taylor1.5 weak order " + taylor);
        assertTrue(explicit > 1.8, "explicit1.5 weak order " + explicit);
    }
    @Test
    void strongOrdersOfTheImplicitMethods() {
        Linear one = new Linear(0.5, 1.0);
        Linear two = new Linear(0.5, 0.8, 0.6);
        double m1 = strongOrder("milstein_imp", one), t1 = strongOrder("taylor1.5_imp", one);
        double m2 = strongOrder("milstein_imp", two), t2 = strongOrder("taylor1.5_imp", two);
        System.out.printf("implicit strong orders: milstein_imp %.2f (2 noises %.2f), taylor1.5_imp %.2f (2 noises %.2f); "
                + "explicit twins: milstein %.2f (%.2f), taylor1.5 %.2f (%.2f)%n", m1, m2, t1, t2,
                strongOrder("milstein", one), strongOrder("milstein", two), strongOrder("taylor1.5", one),
                strongOrder("taylor1.5", two));
        assertOrder(1.0, m1, "milstein_imp strong");
        assertOrder(1.0, m2, "milstein_imp strong, 2 noises");
        assertOrder(1.5, t1, "taylor1.5_imp strong");
        assertOrder(1.5, t2, "taylor1.5_imp strong, 2 noises");
    }

    @Test
    void explicit15OnSeveralNoises() {
        // QuTiP 5's explicit1.5 takes several Wiener processes (issue #22)
        Linear two = new Linear(0.5, 0.8, 0.6);
        Linear three = new Linear(0.3, 0.6, 0.5, 0.4);
        double o2 = strongOrder("explicit1.5", two), o3 = strongOrder("explicit1.5", three);
        System.out.printf("explicit1.5 strong orders: 2 noises %.2f, 3 noises %.2f%n", o2, o3);
        assertOrder(1.5, o2, "explicit1.5 strong, 2 noises");
        assertOrder(1.5, o3, "explicit1.5 strong, 3 noises");
        // for one noise the several-noise form is the one-noise scheme, to rounding
        Linear one = new Linear(0.5, 1.0);
        SdeStepper single = SdeStepper.create("explicit1.5", one, "test");
        SdeStepper multi = new SdeStepper.Explicit15Multi(one);
        assertTrue(single instanceof SdeStepper.Explicit15);
        SplittableRandom rng = new SplittableRandom(3);
        for (int k = 0; k < 20; k++) {
            double dt = 0.01 + 0.1 * rng.nextDouble(), w = Math.sqrt(dt) * rng.nextGaussian();
            double z = 0.5 * dt * (w + Math.sqrt(dt) * rng.nextGaussian() / Math.sqrt(3));
            double[] y = {0.5 + rng.nextDouble()}, a = new double[1], b = new double[1];
            single.step(0, dt, y, new double[] {w}, new double[] {z}, a);
            multi.step(0, dt, y, new double[] {w}, new double[] {z}, b);
            assertEquals(a[0], b[0], 1e-14 * Math.abs(a[0]), "step " + k);
        }
    }

    @Test
    void weakOrdersOfTheImplicitMethods() {
        Linear sys = new Linear(0.5, 1.0);
        double milstein = weakOrder("milstein_imp", sys);
        double taylor = weakOrder("taylor1.5_imp", sys);
        System.out.printf("implicit weak orders: milstein_imp %.2f taylor1.5_imp %.2f%n", milstein, taylor);
        assertOrder(1.0, milstein, "milstein_imp weak");
        assertTrue(taylor > 1.8, "taylor1.5_imp weak order " + taylor);
    }
}
