package dev.lindblad.control;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Derivative-free minimisation by the Nelder–Mead simplex method (J. A. Nelder and R. Mead,
 * Computer Journal 7 (1965) 308), as SciPy's {@code fmin}, which qtrl's CRAB uses: written for
 * this project from the method's description.
 *
 * <p>The start simplex is {@code x0} and, for each coordinate k, {@code x0} with
 * {@code x0_k} multiplied by 1.05 (set to 0.00025 when it is 0). Each iteration sorts the
 * n + 1 vertices by f, reflects the worst through the centroid {@code c} of the others
 * ({@code x_r = 2c - x_w}), then expands ({@code 3c - 2x_w}) when the reflection is the best so
 * far, accepts the reflection when it beats the second worst, else contracts outside
 * ({@code 1.5c - 0.5x_w}) or inside ({@code 0.5c + 0.5x_w}), and shrinks every vertex halfway
 * towards the best when the contraction fails. It stops when
 * {@code max_i ||x_i - x_best||_∞ ≤ xtol} and {@code max_i |f_i - f_best| ≤ ftol}, after
 * {@code maxIter} iterations or {@code maxEval} evaluations, or when the {@link Monitor} says so.
 */
public final class NelderMead {

    private NelderMead() {
    }

    /**
     * Settings; the defaults are qtrl's for CRAB ({@code xtol = ftol = 10^-4}) and SciPy's
     * limits ({@code 200 n} iterations and evaluations for n variables, written as 0 here).
     *
     * @param xtol    simplex size test
     * @param ftol    function spread test
     * @param maxIter iterations; 0 for {@code 200 n}
     * @param maxEval evaluations; 0 for {@code 200 n}
     */
    public record Settings(double xtol, double ftol, int maxIter, int maxEval) {

        /** Checks every field. */
        public Settings {
            if (!(xtol >= 0) || !(ftol >= 0) || Double.isInfinite(xtol) || Double.isInfinite(ftol)) {
                throw new IllegalArgumentException("xtol and ftol must be finite and >= 0, got " + xtol + ", " + ftol);
            }
            if (maxIter < 0 || maxEval < 0) {
                throw new IllegalArgumentException("maxIter and maxEval must be >= 0 (0: 200 n), got " + maxIter
                        + ", " + maxEval);
            }
        }

        /** @return xtol = ftol = 10^-4, 200 n iterations and evaluations */
        public static Settings defaults() {
            return new Settings(1e-4, 1e-4, 0, 0);
        }

        /** @return a copy with xtol replaced */
        public Settings withXtol(double v) {
            return new Settings(v, ftol, maxIter, maxEval);
        }

        /** @return a copy with ftol replaced */
        public Settings withFtol(double v) {
            return new Settings(xtol, v, maxIter, maxEval);
        }

        /** @return a copy with maxIter replaced */
        public Settings withMaxIter(int v) {
            return new Settings(xtol, ftol, v, maxEval);
        }

        /** @return a copy with maxEval replaced */
        public Settings withMaxEval(int v) {
            return new Settings(xtol, ftol, maxIter, v);
        }
    }

    /** Why a run ended. */
    public enum Status {
        /** Simplex and function spread below xtol and ftol. */
        CONVERGED("Function converged (within tolerance)"),
        /** {@code maxEval} evaluations done. */
        MAX_EVAL("Maximum number of function evaluations reached"),
        /** {@code maxIter} iterations done. */
        MAX_ITER("Maximum number of iterations reached"),
        /** A {@link Monitor} stopped the run. */
        STOPPED("STOPPED");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        /** @return qtrl's message for this status */
        public String text() {
            return text;
        }
    }

    /**
     * Stops the run from outside; a method returns null to go on or a reason to stop.
     */
    public interface Monitor {
        /** After each function value. */
        default String afterValue(double[] x, double f) {
            return null;
        }

        /** After each iteration, numbered from 1. */
        default String afterIteration(int iteration, double[] x, double f) {
            return null;
        }
    }

    /**
     * The outcome.
     *
     * @param x           the best vertex (for a monitor's stop: the best point evaluated)
     * @param f           f at x
     * @param iterations  completed iterations
     * @param evaluations function evaluations
     * @param status      why it ended
     * @param message     the status text, or the monitor's reason
     */
    public record Result(double[] x, double f, int iterations, int evaluations, Status status, String message) {
    }

    private static final class Stop extends RuntimeException {
        final String reason;

        Stop(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }

    /**
     * Minimises f from x0.
     *
     * @param f        the function (a NaN counts as +∞)
     * @param x0       the start; not modified
     * @param settings the settings
     * @param monitor  a monitor, or null
     * @return the result
     * @throws IllegalArgumentException for an empty or non-finite start
     */
    public static Result minimize(ToDoubleFunction<double[]> f, double[] x0, Settings settings, Monitor monitor) {
        Objects.requireNonNull(f, "function f");
        Objects.requireNonNull(x0, "start x0");
        Objects.requireNonNull(settings, "settings");
        int n = x0.length;
        if (n == 0) {
            throw new IllegalArgumentException("x0 must have at least one variable");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x0[i])) {
                throw new IllegalArgumentException("x0[" + i + "] must be finite, got " + x0[i]);
            }
        }
        Monitor mon = monitor == null ? new Monitor() {
        } : monitor;
        int maxIter = settings.maxIter() == 0 ? 200 * n : settings.maxIter();
        int maxEval = settings.maxEval() == 0 ? 200 * n : settings.maxEval();
        Evaluator ev = new Evaluator(f, mon);
        double[][] sim = new double[n + 1][];
        double[] fs = new double[n + 1];
        int iterations = 0;
        try {
            sim[0] = x0.clone();
            fs[0] = ev.eval(sim[0]);
            for (int k = 0; k < n; k++) {
                double[] v = x0.clone();
                v[k] = v[k] != 0 ? 1.05 * v[k] : 0.00025;
                sim[k + 1] = v;
                fs[k + 1] = ev.eval(v);
            }
            sort(sim, fs);
            Status status = null;
            while (status == null) {
                if (ev.count >= maxEval) {
                    status = Status.MAX_EVAL;
                    break;
                }
                if (iterations >= maxIter) {
                    status = Status.MAX_ITER;
                    break;
                }
                if (converged(sim, fs, settings)) {
                    status = Status.CONVERGED;
                    break;
                }
                double[] c = new double[n];
                for (int v = 0; v < n; v++) {
                    for (int i = 0; i < n; i++) {
                        c[i] += sim[v][i];
                    }
                }
                for (int i = 0; i < n; i++) {
                    c[i] /= n;
                }
                double[] worst = sim[n];
                double[] xr = affine(c, worst, 2.0, -1.0);
                double fr = ev.eval(xr);
                boolean shrink = false;
                if (fr < fs[0]) {
                    double[] xe = affine(c, worst, 3.0, -2.0);
                    double fe = ev.eval(xe);
                    if (fe < fr) {
                        sim[n] = xe;
                        fs[n] = fe;
                    } else {
                        sim[n] = xr;
                        fs[n] = fr;
                    }
                } else if (fr < fs[n - 1]) {
                    sim[n] = xr;
                    fs[n] = fr;
                } else if (fr < fs[n]) {
                    double[] xc = affine(c, worst, 1.5, -0.5);
                    double fc = ev.eval(xc);
                    if (fc <= fr) {
                        sim[n] = xc;
                        fs[n] = fc;
                    } else {
                        shrink = true;
                    }
                } else {
                    double[] xcc = affine(c, worst, 0.5, 0.5);
                    double fcc = ev.eval(xcc);
                    if (fcc < fs[n]) {
                        sim[n] = xcc;
                        fs[n] = fcc;
                    } else {
                        shrink = true;
                    }
                }
                if (shrink) {
                    for (int v = 1; v <= n; v++) {
                        sim[v] = affine(sim[0], sim[v], 0.5, 0.5);
                        fs[v] = ev.eval(sim[v]);
                    }
                }
                sort(sim, fs);
                iterations++;
                String why = mon.afterIteration(iterations, sim[0].clone(), fs[0]);
                if (why != null) {
                    throw new Stop(why);
                }
            }
            return new Result(sim[0].clone(), fs[0], iterations, ev.count, status, status.text());
        } catch (Stop stop) {
            return new Result(ev.bestX.clone(), ev.bestF, iterations, ev.count, Status.STOPPED, stop.reason);
        }
    }

    private static final class Evaluator {
        final ToDoubleFunction<double[]> f;
        final Monitor mon;
        int count;
        double[] bestX;
        double bestF = Double.POSITIVE_INFINITY;

        Evaluator(ToDoubleFunction<double[]> f, Monitor mon) {
            this.f = f;
            this.mon = mon;
        }

        double eval(double[] x) {
            count++;
            double v = f.applyAsDouble(x);
            if (Double.isNaN(v)) {
                v = Double.POSITIVE_INFINITY;
            }
            if (bestX == null || v < bestF) {
                bestX = x.clone();
                bestF = v;
            }
            String why = mon.afterValue(x, v);
            if (why != null) {
                throw new Stop(why);
            }
            return v;
        }
    }

    /** @return {@code a c + b w} */
    private static double[] affine(double[] c, double[] w, double a, double b) {
        double[] r = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            r[i] = a * c[i] + b * w[i];
        }
        return r;
    }

    private static boolean converged(double[][] sim, double[] fs, Settings s) {
        double dx = 0;
        double df = 0;
        for (int v = 1; v < sim.length; v++) {
            for (int i = 0; i < sim[0].length; i++) {
                dx = Math.max(dx, Math.abs(sim[v][i] - sim[0][i]));
            }
            df = Math.max(df, Math.abs(fs[v] - fs[0]));
        }
        return dx <= s.xtol() && df <= s.ftol();
    }

    /** Stable sort of the vertices by f (ties keep their order, so runs repeat exactly). */
    private static void sort(double[][] sim, double[] fs) {
        Integer[] idx = new Integer[fs.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble(i -> fs[i]));
        double[][] s2 = new double[sim.length][];
        double[] f2 = new double[fs.length];
        for (int i = 0; i < idx.length; i++) {
            s2[i] = sim[idx[i]];
            f2[i] = fs[idx[i]];
        }
        System.arraycopy(s2, 0, sim, 0, sim.length);
        System.arraycopy(f2, 0, fs, 0, fs.length);
    }
}
