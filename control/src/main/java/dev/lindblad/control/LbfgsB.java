package dev.lindblad.control;

import java.util.Arrays;
import java.util.Objects;

/**
 * Bounded limited-memory quasi-Newton minimisation, L-BFGS-B: minimise {@code f(x)} subject to
 * {@code l ≤ x ≤ u} (R. H. Byrd, P. Lu, J. Nocedal and C. Zhu, "A limited memory algorithm for
 * bound constrained optimization", SIAM J. Sci. Comput. 16 (1995) 1190). Written for this
 * project from the paper; it is the method qtrl uses through SciPy's {@code fmin_l_bfgs_b}.
 *
 * <p>Each iteration, with the compact limited-memory matrix
 * {@code B = θ I - W M W^T}, {@code W = [Y, θ S]} of the last m pairs
 * {@code s = x_{k+1} - x_k}, {@code y = g_{k+1} - g_k}:
 * <ol>
 *   <li>the generalized Cauchy point: the first local minimiser of the quadratic model along the
 *       projected steepest-descent path {@code P(x - t g)}, found by walking the path's
 *       breakpoints in order (the paper's algorithm CP);</li>
 *   <li>subspace minimisation: the model's minimiser over the variables not at a bound at the
 *       Cauchy point, by the direct primal method (Sherman–Morrison–Woodbury on the reduced
 *       matrix), truncated to stay inside the box;</li>
 *   <li>a line search from x towards that point that satisfies the strong Wolfe conditions
 *       {@code f(x + α d) ≤ f(x) + c_1 α g^T d} and {@code |g(x + α d)^T d| ≤ c_2 |g^T d|}
 *       ({@code c_1 = 10^-3}, {@code c_2 = 0.9}, the values of the reference code), by
 *       bracketing and cubic interpolation (Nocedal and Wright, algorithms 3.5 and 3.6), never
 *       stepping out of the box.</li>
 * </ol>
 * A pair is kept only when {@code s^T y > ε y^T y}; {@code θ = y^T y / s^T y}. When a line
 * search fails or the direction is not downhill, the memory is dropped and the iteration
 * restarts from steepest descent; a failure from steepest descent ends the run.
 *
 * <p>It stops when the projected gradient {@code ||P(x - g) - x||_∞ ≤ pgtol}, when
 * {@code (f_k - f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ factr ε} (ε the machine epsilon), after
 * {@code maxIter} iterations or {@code maxEval} evaluations, or when a {@link Monitor} says so.
 */
public final class LbfgsB {

    private static final double EPS = Math.ulp(1.0);
    private static final double C1 = 1e-3;
    private static final double C2 = 0.9;

    private LbfgsB() {
    }

    /**
     * The function to minimise. {@link #gradient} is called only right after {@link #value} at
     * the same point, so an implementation may keep what {@code value} computed.
     */
    public interface Objective {
        /** @return {@code f(x)}; a NaN is taken as +∞ (the step is rejected) */
        double value(double[] x);

        /** Writes {@code ∇f(x)} into g, for the x of the last {@link #value} call. */
        void gradient(double[] x, double[] g);
    }

    /**
     * Stops the run from outside (a fidelity target, a wall-time limit). A method returns null to
     * go on, or a reason to stop; the result is then the best point evaluated.
     */
    public interface Monitor {
        /** After each function value (before its gradient is computed). */
        default String afterValue(double[] x, double f) {
            return null;
        }

        /** After each gradient. */
        default String afterGradient(double[] x, double f, double[] g) {
            return null;
        }

        /** After each completed iteration, numbered from 1. */
        default String afterIteration(int iteration, double[] x, double f) {
            return null;
        }

        /** A monitor that never stops the run. */
        Monitor NONE = new Monitor() {
        };
    }

    /**
     * Settings, with the defaults of SciPy's {@code fmin_l_bfgs_b}.
     *
     * @param m           pairs kept in memory (10)
     * @param factr       relative reduction test {@code factr ε} (10^7; 10^12 low accuracy, 10 very high)
     * @param pgtol       projected-gradient test, ∞-norm (10^-5)
     * @param maxIter     iterations (15000)
     * @param maxEval     function evaluations (15000)
     * @param maxLineSearch evaluations in one line search (20)
     */
    public record Settings(int m, double factr, double pgtol, int maxIter, int maxEval, int maxLineSearch) {

        /** Checks every field. */
        public Settings {
            if (m < 1) {
                throw new IllegalArgumentException("m must be >= 1, got " + m);
            }
            if (!(factr >= 0) || Double.isInfinite(factr)) {
                throw new IllegalArgumentException("factr must be finite and >= 0, got " + factr);
            }
            if (!(pgtol >= 0) || Double.isInfinite(pgtol)) {
                throw new IllegalArgumentException("pgtol must be finite and >= 0, got " + pgtol);
            }
            if (maxIter < 0 || maxEval < 1 || maxLineSearch < 1) {
                throw new IllegalArgumentException("maxIter >= 0, maxEval >= 1 and maxLineSearch >= 1 required, got "
                        + maxIter + ", " + maxEval + ", " + maxLineSearch);
            }
        }

        /** @return m = 10, factr = 10^7, pgtol = 10^-5, 15000 iterations and evaluations, 20 per line search */
        public static Settings defaults() {
            return new Settings(10, 1e7, 1e-5, 15000, 15000, 20);
        }

        /** @return a copy with m replaced */
        public Settings withM(int v) {
            return new Settings(v, factr, pgtol, maxIter, maxEval, maxLineSearch);
        }

        /** @return a copy with factr replaced */
        public Settings withFactr(double v) {
            return new Settings(m, v, pgtol, maxIter, maxEval, maxLineSearch);
        }

        /** @return a copy with pgtol replaced */
        public Settings withPgtol(double v) {
            return new Settings(m, factr, v, maxIter, maxEval, maxLineSearch);
        }

        /** @return a copy with maxIter replaced */
        public Settings withMaxIter(int v) {
            return new Settings(m, factr, pgtol, v, maxEval, maxLineSearch);
        }

        /** @return a copy with maxEval replaced */
        public Settings withMaxEval(int v) {
            return new Settings(m, factr, pgtol, maxIter, v, maxLineSearch);
        }
    }

    /** Why a run ended. */
    public enum Status {
        /** {@code ||P(x - g) - x||_∞ ≤ pgtol}. */
        CONVERGED_PGTOL("CONVERGENCE: NORM_OF_PROJECTED_GRADIENT_<=_PGTOL"),
        /** The relative reduction of f was at most {@code factr ε}. */
        CONVERGED_FACTR("CONVERGENCE: REL_REDUCTION_OF_F_<=_FACTR*EPSMCH"),
        /** {@code maxIter} iterations done. */
        MAX_ITER("STOP: TOTAL NO. of ITERATIONS REACHED LIMIT"),
        /** {@code maxEval} evaluations done. */
        MAX_EVAL("STOP: TOTAL NO. of f AND g EVALUATIONS EXCEEDS LIMIT"),
        /** The line search failed from steepest descent. */
        LINE_SEARCH_FAILED("ABNORMAL_TERMINATION_IN_LNSRCH"),
        /** A {@link Monitor} stopped the run; see {@link Result#message()}. */
        STOPPED("STOPPED");

        private final String text;

        Status(String text) {
            this.text = text;
        }

        /** @return SciPy's message for this status */
        public String text() {
            return text;
        }
    }

    /**
     * The outcome.
     *
     * @param x           the final point (for a monitor's stop: the best point evaluated)
     * @param f           f at x
     * @param g           the gradient at x, or null when the run stopped before computing it
     * @param iterations  completed iterations
     * @param evaluations function evaluations
     * @param status      why it ended
     * @param message     the status text, or the monitor's reason
     */
    public record Result(double[] x, double f, double[] g, int iterations, int evaluations, Status status,
                         String message) {
    }

    /** A monitor's stop, carried out of the evaluation. */
    private static final class Stop extends RuntimeException {
        final String reason;

        Stop(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }
    }

    /**
     * Minimises f over the box.
     *
     * @param f        the objective
     * @param x0       the start (projected onto the box first); not modified
     * @param lower    lower bounds ({@code -∞} for none), or null for none at all
     * @param upper    upper bounds ({@code +∞} for none), or null for none at all
     * @param settings the settings
     * @param monitor  a monitor, or null
     * @return the result
     * @throws IllegalArgumentException for lengths that differ, a non-finite start or a lower
     *                                  bound above its upper bound
     */
    public static Result minimize(Objective f, double[] x0, double[] lower, double[] upper, Settings settings,
                                  Monitor monitor) {
        Objects.requireNonNull(f, "objective f");
        Objects.requireNonNull(x0, "start x0");
        Objects.requireNonNull(settings, "settings");
        int n = x0.length;
        double[] l = lower == null ? filled(n, Double.NEGATIVE_INFINITY) : lower.clone();
        double[] u = upper == null ? filled(n, Double.POSITIVE_INFINITY) : upper.clone();
        if (l.length != n || u.length != n) {
            throw new IllegalArgumentException("bounds must have the length of x0 (" + n + "), got lower "
                    + l.length + " and upper " + u.length);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x0[i])) {
                throw new IllegalArgumentException("x0[" + i + "] must be finite, got " + x0[i]);
            }
            if (Double.isNaN(l[i]) || Double.isNaN(u[i]) || l[i] > u[i]) {
                throw new IllegalArgumentException("bounds at " + i + ": lower " + l[i] + " must not exceed upper "
                        + u[i]);
            }
        }
        return new Run(f, x0, l, u, settings, monitor == null ? Monitor.NONE : monitor).run();
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /** One minimisation: the state between iterations. */
    private static final class Run {
        final Objective fun;
        final Settings set;
        final Monitor mon;
        final int n;
        final double[] l;
        final double[] u;
        final double[] x;
        final double[] g;
        double f;
        int evaluations;
        int iterations;
        // limited memory, oldest first
        final double[][] s;
        final double[][] y;
        /** s_i·s_j, s_i·y_j, y_i·y_j of the pairs in memory, kept as pairs come and go */
        final double[][] ss;
        final double[][] sy;
        final double[][] yy;
        int k;
        double theta = 1.0;
        double[] mid;        // M, 2k×2k, row-major
        // best point evaluated, for a monitor's stop
        double[] bestX;
        double[] bestG;
        double bestF = Double.POSITIVE_INFINITY;

        Run(Objective fun, double[] x0, double[] l, double[] u, Settings set, Monitor mon) {
            this.fun = fun;
            this.set = set;
            this.mon = mon;
            this.n = x0.length;
            this.l = l;
            this.u = u;
            this.x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = Math.min(u[i], Math.max(l[i], x0[i]));
            }
            this.g = new double[n];
            this.s = new double[set.m()][];
            this.y = new double[set.m()][];
            this.ss = new double[set.m()][set.m()];
            this.sy = new double[set.m()][set.m()];
            this.yy = new double[set.m()][set.m()];
        }

        Result run() {
            try {
                f = evaluate(x, g);
                if (projectedGradientNorm() <= set.pgtol()) {
                    return done(Status.CONVERGED_PGTOL);
                }
                double[] xNew = new double[n];
                double[] gNew = new double[n];
                while (true) {
                    if (iterations >= set.maxIter()) {
                        return done(Status.MAX_ITER);
                    }
                    double[] d = searchDirection();
                    double fNew = Double.NaN;
                    if (d != null) {
                        fNew = lineSearch(d, xNew, gNew);
                    }
                    if (Double.isNaN(fNew)) {
                        if (evaluations >= set.maxEval()) {
                            return done(Status.MAX_EVAL);
                        }
                        if (k == 0) {
                            return done(Status.LINE_SEARCH_FAILED);
                        }
                        k = 0;   // drop the memory, restart from steepest descent
                        theta = 1.0;
                        continue;
                    }
                    iterations++;
                    double fOld = f;
                    updateMemory(xNew, gNew);
                    System.arraycopy(xNew, 0, x, 0, n);
                    System.arraycopy(gNew, 0, g, 0, n);
                    f = fNew;
                    String why = mon.afterIteration(iterations, x.clone(), f);
                    if (why != null) {
                        throw new Stop(why);
                    }
                    if (projectedGradientNorm() <= set.pgtol()) {
                        return done(Status.CONVERGED_PGTOL);
                    }
                    if ((fOld - f) / Math.max(Math.max(Math.abs(fOld), Math.abs(f)), 1.0) <= set.factr() * EPS) {
                        return done(Status.CONVERGED_FACTR);
                    }
                    if (evaluations >= set.maxEval()) {
                        return done(Status.MAX_EVAL);
                    }
                }
            } catch (Stop stop) {
                return new Result(bestX.clone(), bestF, bestG == null ? null : bestG.clone(), iterations, evaluations,
                        Status.STOPPED, stop.reason);
            }
        }

        Result done(Status st) {
            return new Result(x.clone(), f, g.clone(), iterations, evaluations, st, st.text());
        }

        /** f and its gradient at p, with the monitor's checks; NaN becomes +∞. */
        double evaluate(double[] p, double[] grad) {
            evaluations++;
            double v = fun.value(p);
            if (Double.isNaN(v)) {
                v = Double.POSITIVE_INFINITY;
            }
            boolean better = v < bestF || bestX == null;
            if (better) {
                bestF = v;
                bestX = p.clone();
                bestG = null;
            }
            String why = mon.afterValue(p, v);
            if (why != null) {
                throw new Stop(why);
            }
            fun.gradient(p, grad);
            if (better) {
                bestG = grad.clone();
            }
            why = mon.afterGradient(p, v, grad);
            if (why != null) {
                throw new Stop(why);
            }
            return v;
        }

        double projectedGradientNorm() {
            double m = 0;
            for (int i = 0; i < n; i++) {
                double gi = g[i];
                double pi = gi < 0 ? Math.max(x[i] - u[i], gi) : Math.min(x[i] - l[i], gi);
                m = Math.max(m, Math.abs(pi));
            }
            return m;
        }

        /** Row i of W = [Y, θ S] into w (length 2k). */
        void wRow(int i, double[] w) {
            for (int c = 0; c < k; c++) {
                w[c] = y[c][i];
                w[k + c] = theta * s[c][i];
            }
        }

        /** v := M a, a and v of length 2k. */
        void mulMid(double[] a, double[] v) {
            int m2 = 2 * k;
            for (int r = 0; r < m2; r++) {
                double t = 0;
                for (int c = 0; c < m2; c++) {
                    t += mid[r * m2 + c] * a[c];
                }
                v[r] = t;
            }
        }

        /** The middle matrix M = [[-D, L^T], [L, θ S^T S]]^{-1} of the current memory. */
        void formMiddle() {
            int m2 = 2 * k;
            double[] a = new double[m2 * m2];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    if (i == j) {
                        a[i * m2 + j] = -sy[i][i];
                    } else if (i > j) {
                        a[(k + i) * m2 + j] = sy[i][j];      // L
                        a[j * m2 + (k + i)] = sy[i][j];      // L^T
                    }
                    a[(k + i) * m2 + (k + j)] = theta * ss[i][j];
                }
            }
            mid = invert(a, m2);
        }

        /** The direction to the subspace minimiser, or null when it is not downhill. */
        double[] searchDirection() {
            if (k > 0) {
                formMiddle();
                if (mid == null) {
                    k = 0;
                    theta = 1.0;
                }
            }
            int m2 = 2 * k;
            // generalized Cauchy point: breakpoints t_i of the projected path P(x - t g)
            double[] t = new double[n];
            double[] d = new double[n];
            int[] heap = new int[n];
            int nb = 0;
            for (int i = 0; i < n; i++) {
                double gi = g[i];
                if (gi < 0) {
                    t[i] = u[i] == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : (x[i] - u[i]) / gi;
                } else if (gi > 0) {
                    t[i] = l[i] == Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : (x[i] - l[i]) / gi;
                } else {
                    t[i] = Double.POSITIVE_INFINITY;
                }
                d[i] = t[i] == 0 ? 0 : -gi;
                if (t[i] > 0 && t[i] < Double.POSITIVE_INFINITY) {
                    heap[nb++] = i;
                }
            }
            for (int h = nb / 2 - 1; h >= 0; h--) {
                siftDown(heap, nb, h, t);
            }
            double[] xc = x.clone();
            double[] p = new double[m2];
            double[] mp = new double[m2];
            double[] mc = new double[m2];
            double[] w = new double[m2];
            double[] mw = new double[m2];
            double fp = 0;
            for (int i = 0; i < n; i++) {
                fp -= d[i] * d[i];
                if (m2 > 0 && d[i] != 0) {
                    wRow(i, w);
                    for (int q = 0; q < m2; q++) {
                        p[q] += w[q] * d[i];
                    }
                }
            }
            double fpp = -theta * fp;
            if (m2 > 0) {
                mulMid(p, mp);
                fpp -= dot(p, mp, m2);
            }
            double fpp0 = fpp;
            double dtMin = fpp > 0 ? -fp / fpp : Double.POSITIVE_INFINITY;
            double tOld = 0;
            while (nb > 0) {
                int b = heap[0];
                double dt = t[b] - tOld;
                if (dtMin < dt) {
                    break;
                }
                heap[0] = heap[--nb];
                siftDown(heap, nb, 0, t);
                xc[b] = d[b] > 0 ? u[b] : l[b];
                double zb = xc[b] - x[b];
                double gb = g[b];
                double gb2 = gb * gb;
                fp += dt * fpp + gb2 + theta * gb * zb;
                fpp -= theta * gb2;
                if (m2 > 0) {
                    // c += dt p (so M c += dt M p), then the terms of w_b; then p += g_b w_b
                    for (int q = 0; q < m2; q++) {
                        mc[q] += dt * mp[q];
                    }
                    wRow(b, w);
                    mulMid(w, mw);
                    fp -= gb * dot(w, mc, m2);
                    fpp -= 2 * gb * dot(w, mp, m2) + gb2 * dot(w, mw, m2);
                    for (int q = 0; q < m2; q++) {
                        p[q] += gb * w[q];
                        mp[q] += gb * mw[q];
                    }
                }
                fpp = Math.max(EPS * fpp0, fpp);
                d[b] = 0;
                tOld = t[b];
                dtMin = fpp > 0 ? -fp / fpp : Double.POSITIVE_INFINITY;
                if (fp >= 0) {
                    dtMin = 0;
                    break;
                }
            }
            dtMin = Math.max(dtMin, 0);
            if (dtMin == Double.POSITIVE_INFINITY) {
                // the model is flat along the path beyond the last breakpoint: nothing finite to go to
                dtMin = 0;
            }
            tOld += dtMin;
            for (int i = 0; i < n; i++) {
                if (d[i] != 0) {
                    xc[i] = Math.min(u[i], Math.max(l[i], x[i] + tOld * d[i]));
                }
            }
            for (int q = 0; q < m2; q++) {
                mc[q] += dtMin * mp[q];
            }
            double[] xbar = subspaceMinimum(xc, mc);
            double[] dir = new double[n];
            double slope = 0;
            for (int i = 0; i < n; i++) {
                dir[i] = xbar[i] - x[i];
                slope += dir[i] * g[i];
            }
            if (!(slope < 0)) {
                return null;
            }
            return dir;
        }

        /** Restores the min-heap order of {@code heap[0..size)} by key t below position h. */
        static void siftDown(int[] heap, int size, int h, double[] t) {
            int v = heap[h];
            while (true) {
                int c = 2 * h + 1;
                if (c >= size) {
                    break;
                }
                if (c + 1 < size && t[heap[c + 1]] < t[heap[c]]) {
                    c++;
                }
                if (t[heap[c]] >= t[v]) {
                    break;
                }
                heap[h] = heap[c];
                h = c;
            }
            heap[h] = v;
        }

        /** The direct primal subspace minimisation from the Cauchy point xc, given {@code mc = M W^T (xc - x)}. */
        double[] subspaceMinimum(double[] xc, double[] mc) {
            int m2 = 2 * k;
            boolean[] isFree = new boolean[n];
            int nz = 0;
            for (int i = 0; i < n; i++) {
                if (xc[i] > l[i] && xc[i] < u[i]) {
                    isFree[i] = true;
                    nz++;
                }
            }
            if (nz == 0) {
                return xc;
            }
            double[] w = new double[m2];
            // r = Z^T (g + θ (xc - x) - W M c), and W_Z^T r
            double[] r = new double[n];
            double[] wtr = new double[m2];
            for (int i = 0; i < n; i++) {
                if (!isFree[i]) {
                    continue;
                }
                double v = g[i] + theta * (xc[i] - x[i]);
                if (m2 > 0) {
                    wRow(i, w);
                    v -= dot(w, mc, m2);
                    for (int a = 0; a < m2; a++) {
                        wtr[a] += w[a] * v;
                    }
                }
                r[i] = v;
            }
            double[] sol = null;
            if (m2 > 0) {
                // N = I - M (W_Z^T W_Z) / θ; W_Z^T W_Z from the kept products, less the fixed rows
                double[] wtw = new double[m2 * m2];
                if (n - nz < nz) {
                    for (int a = 0; a < k; a++) {
                        for (int b = 0; b < k; b++) {
                            wtw[a * m2 + b] = yy[a][b];
                            wtw[a * m2 + k + b] = theta * sy[b][a];
                            wtw[(k + a) * m2 + b] = theta * sy[a][b];
                            wtw[(k + a) * m2 + k + b] = theta * theta * ss[a][b];
                        }
                    }
                    addOuter(wtw, w, m2, -1.0, isFree, false);
                } else {
                    addOuter(wtw, w, m2, 1.0, isFree, true);
                }
                double[] v = new double[m2];
                mulMid(wtr, v);
                double[] nm = new double[m2 * m2];
                for (int a = 0; a < m2; a++) {
                    for (int b = 0; b < m2; b++) {
                        double sum = 0;
                        for (int q = 0; q < m2; q++) {
                            sum += mid[a * m2 + q] * wtw[q * m2 + b];
                        }
                        nm[a * m2 + b] = (a == b ? 1.0 : 0.0) - sum / theta;
                    }
                }
                sol = solve(nm, v, m2);
                if (sol == null) {
                    return xc;
                }
            }
            double[] du = new double[n];
            double alpha = 1.0;
            for (int i = 0; i < n; i++) {
                if (!isFree[i]) {
                    continue;
                }
                double v = -r[i] / theta;
                if (m2 > 0) {
                    wRow(i, w);
                    v -= dot(w, sol, m2) / (theta * theta);
                }
                du[i] = v;
                if (v > 0) {
                    alpha = Math.min(alpha, (u[i] - xc[i]) / v);
                } else if (v < 0) {
                    alpha = Math.min(alpha, (l[i] - xc[i]) / v);
                }
            }
            double[] xbar = xc.clone();
            for (int i = 0; i < n; i++) {
                if (isFree[i]) {
                    xbar[i] = Math.min(u[i], Math.max(l[i], xc[i] + alpha * du[i]));
                }
            }
            return xbar;
        }

        /** {@code acc += sign Σ w_i w_i^T} over the rows i whose free flag equals {@code which}. */
        void addOuter(double[] acc, double[] w, int m2, double sign, boolean[] isFree, boolean which) {
            for (int i = 0; i < n; i++) {
                if (isFree[i] != which) {
                    continue;
                }
                wRow(i, w);
                for (int a = 0; a < m2; a++) {
                    double wa = sign * w[a];
                    for (int b = 0; b < m2; b++) {
                        acc[a * m2 + b] += wa * w[b];
                    }
                }
            }
        }

        void updateMemory(double[] xNew, double[] gNew) {
            double[] sv = new double[n];
            double[] yv = new double[n];
            for (int i = 0; i < n; i++) {
                sv[i] = xNew[i] - x[i];
                yv[i] = gNew[i] - g[i];
            }
            double svy = dot(sv, yv);
            double yvy = dot(yv, yv);
            if (!(svy > EPS * yvy)) {
                return;
            }
            if (k == set.m()) {
                // drop the oldest pair and its products
                System.arraycopy(s, 1, s, 0, k - 1);
                System.arraycopy(y, 1, y, 0, k - 1);
                for (double[][] prod : new double[][][] {ss, sy, yy}) {
                    for (int i = 0; i < k - 1; i++) {
                        System.arraycopy(prod[i + 1], 1, prod[i], 0, k - 1);
                    }
                }
                k--;
            }
            s[k] = sv;
            y[k] = yv;
            for (int i = 0; i < k; i++) {
                ss[i][k] = ss[k][i] = dot(s[i], sv);
                sy[i][k] = dot(s[i], yv);
                sy[k][i] = dot(sv, y[i]);
                yy[i][k] = yy[k][i] = dot(y[i], yv);
            }
            ss[k][k] = dot(sv, sv);
            sy[k][k] = svy;
            yy[k][k] = yvy;
            k++;
            theta = yvy / svy;
        }

        /**
         * The strong-Wolfe line search along d from x; on success xNew, gNew hold the new point
         * and its gradient and the new f is returned; NaN on failure.
         */
        double lineSearch(double[] d, double[] xNew, double[] gNew) {
            double slope0 = dot(g, d);
            double aMax = Double.POSITIVE_INFINITY;
            double dnorm = 0;
            for (int i = 0; i < n; i++) {
                if (d[i] > 0 && u[i] < Double.POSITIVE_INFINITY) {
                    aMax = Math.min(aMax, (u[i] - x[i]) / d[i]);
                } else if (d[i] < 0 && l[i] > Double.NEGATIVE_INFINITY) {
                    aMax = Math.min(aMax, (l[i] - x[i]) / d[i]);
                }
                dnorm += d[i] * d[i];
            }
            dnorm = Math.sqrt(dnorm);
            double a = k == 0 && iterations == 0 ? Math.min(1.0 / dnorm, aMax) : Math.min(1.0, aMax);
            if (!(a > 0)) {
                return Double.NaN;
            }
            Point prev = new Point(n, 0, f, slope0, x, g);
            Point cur = new Point(n);
            int evals = 0;
            while (true) {
                if (evals >= set.maxLineSearch() || evaluations >= set.maxEval()) {
                    return Double.NaN;
                }
                evals++;
                at(a, d, cur);
                if (cur.f > f + C1 * a * slope0 || (evals > 1 && cur.f >= prev.f)) {
                    return zoom(prev, cur.copy(), d, slope0, xNew, gNew, evals);
                }
                if (Math.abs(cur.slope) <= -C2 * slope0) {
                    return accept(cur, xNew, gNew);
                }
                if (cur.slope >= 0) {
                    return zoom(cur.copy(), prev, d, slope0, xNew, gNew, evals);
                }
                if (a >= aMax) {
                    return accept(cur, xNew, gNew);   // at the box's edge, still going down
                }
                double next = Math.min(aMax, a + 3 * (a - prev.a));
                prev = cur.copy();
                a = next;
            }
        }

        /** Bracketing phase: the interval between lo (sufficient decrease, lowest f) and hi holds a Wolfe point. */
        double zoom(Point lo, Point hi, double[] d, double slope0, double[] xNew, double[] gNew, int evals) {
            Point cur = new Point(n);
            while (true) {
                if (evals >= set.maxLineSearch() || evaluations >= set.maxEval()
                        || Math.abs(hi.a - lo.a) <= EPS * Math.max(lo.a, hi.a)) {
                    return lo.a > 0 && lo.x != null ? accept(lo, xNew, gNew) : Double.NaN;
                }
                evals++;
                double a = interpolate(lo, hi);
                at(a, d, cur);
                if (cur.f > f + C1 * a * slope0 || cur.f >= lo.f) {
                    hi = cur.copy();
                } else {
                    if (Math.abs(cur.slope) <= -C2 * slope0) {
                        return accept(cur, xNew, gNew);
                    }
                    if (cur.slope * (hi.a - lo.a) >= 0) {
                        hi = lo;
                    }
                    lo = cur.copy();
                }
            }
        }

        /** The minimiser of the cubic through lo and hi, kept inside the middle 80% of the interval. */
        static double interpolate(Point lo, Point hi) {
            double a0 = lo.a;
            double a1 = hi.a;
            double w = a1 - a0;
            double lowEnd = Math.min(a0, a1) + 0.1 * Math.abs(w);
            double highEnd = Math.max(a0, a1) - 0.1 * Math.abs(w);
            double trial = Double.NaN;
            if (Double.isFinite(hi.f) && Double.isFinite(hi.slope)) {
                double d1 = lo.slope + hi.slope - 3 * (lo.f - hi.f) / (a0 - a1);
                double disc = d1 * d1 - lo.slope * hi.slope;
                if (disc >= 0) {
                    double d2 = Math.signum(a1 - a0) * Math.sqrt(disc);
                    trial = a1 - (a1 - a0) * (hi.slope + d2 - d1) / (hi.slope - lo.slope + 2 * d2);
                }
            }
            if (!Double.isFinite(trial)) {
                if (Double.isFinite(hi.f)) {
                    // the quadratic through f(lo), f'(lo), f(hi)
                    double den = 2 * (hi.f - lo.f - lo.slope * w);
                    trial = den > 0 ? a0 - lo.slope * w * w / den : 0.5 * (a0 + a1);
                } else {
                    trial = 0.5 * (a0 + a1);
                }
            }
            return Math.min(highEnd, Math.max(lowEnd, trial));
        }

        /** Evaluates at x + a d into p. */
        void at(double a, double[] d, Point p) {
            for (int i = 0; i < n; i++) {
                p.x[i] = Math.min(u[i], Math.max(l[i], x[i] + a * d[i]));
            }
            p.a = a;
            p.f = evaluate(p.x, p.g);
            p.slope = Double.isFinite(p.f) ? dot(p.g, d) : Double.NaN;
        }

        double accept(Point p, double[] xNew, double[] gNew) {
            System.arraycopy(p.x, 0, xNew, 0, n);
            System.arraycopy(p.g, 0, gNew, 0, n);
            return p.f;
        }
    }

    /** A point on the search line: step, value, slope, and the point and gradient. */
    private static final class Point {
        double a;
        double f;
        double slope;
        final double[] x;
        final double[] g;

        Point(int n) {
            x = new double[n];
            g = new double[n];
        }

        Point(int n, double a, double f, double slope, double[] x, double[] g) {
            this.a = a;
            this.f = f;
            this.slope = slope;
            this.x = x == null ? null : x.clone();
            this.g = g == null ? null : g.clone();
        }

        Point copy() {
            return new Point(x.length, a, f, slope, x, g);
        }
    }

    static double dot(double[] a, double[] b) {
        return dot(a, b, a.length);
    }

    static double dot(double[] a, double[] b, int len) {
        double s = 0;
        for (int i = 0; i < len; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The inverse of a dense m×m matrix (row-major) by Gauss–Jordan with partial pivoting; null if singular. */
    static double[] invert(double[] a, int m) {
        double[] w = a.clone();
        double[] inv = new double[m * m];
        for (int i = 0; i < m; i++) {
            inv[i * m + i] = 1.0;
        }
        for (int col = 0; col < m; col++) {
            int piv = col;
            for (int r = col + 1; r < m; r++) {
                if (Math.abs(w[r * m + col]) > Math.abs(w[piv * m + col])) {
                    piv = r;
                }
            }
            double pv = w[piv * m + col];
            if (pv == 0.0 || !Double.isFinite(pv)) {
                return null;
            }
            if (piv != col) {
                swapRows(w, m, piv, col);
                swapRows(inv, m, piv, col);
            }
            double ip = 1.0 / pv;
            for (int c = 0; c < m; c++) {
                w[col * m + c] *= ip;
                inv[col * m + c] *= ip;
            }
            for (int r = 0; r < m; r++) {
                if (r != col) {
                    double fct = w[r * m + col];
                    if (fct != 0.0) {
                        for (int c = 0; c < m; c++) {
                            w[r * m + c] -= fct * w[col * m + c];
                            inv[r * m + c] -= fct * inv[col * m + c];
                        }
                    }
                }
            }
        }
        return inv;
    }

    /** Solves the dense m×m system a x = b (row-major); null if singular. */
    static double[] solve(double[] a, double[] b, int m) {
        double[] inv = invert(a, m);
        if (inv == null) {
            return null;
        }
        double[] xs = new double[m];
        for (int r = 0; r < m; r++) {
            double t = 0;
            for (int c = 0; c < m; c++) {
                t += inv[r * m + c] * b[c];
            }
            xs[r] = t;
        }
        return xs;
    }

    private static void swapRows(double[] a, int m, int r1, int r2) {
        for (int c = 0; c < m; c++) {
            double t = a[r1 * m + c];
            a[r1 * m + c] = a[r2 * m + c];
            a[r2 * m + c] = t;
        }
    }
}
