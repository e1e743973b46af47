package dev.lindblad.ode;

import dev.lindblad.parallel.Parallelism;
import java.util.function.IntConsumer;

/**
 * Variable-order (1 to 12), variable-step Adams–Bashforth–Moulton method in PECE mode, the
 * non-stiff method behind QuTiP's default ({@code zvode}/{@code lsoda} with
 * {@code method="adams"}), here in Lagrange (divided-difference equivalent) form on the
 * actual past step points rather than LSODE's Nordsieck array.
 *
 * <p>With current order {@code k} and the derivatives {@code f_j} at the last {@code k}
 * accepted points {@code t_n, t_{n-1}, ...}, one step of size {@code h}:
 * <ol>
 *   <li>P: {@code yP = y_n + h sum_j beta_j f_j}, {@code beta_j = int_0^1 L_j(s) ds}, the
 *       Adams–Bashforth formula of order {@code k} on the variable grid;</li>
 *   <li>E: {@code fP = f(t_n + h, yP)};</li>
 *   <li>C: {@code y_{n+1} = y_n + h (gamma_* fP + sum_j gamma_j f_j)}, the Adams–Moulton
 *       formula of order {@code k+1} (nodes {@code t_{n+1}} and the {@code k} past points);</li>
 *   <li>E: {@code f_{n+1} = f(t_{n+1}, y_{n+1})} (stored for the next step).</li>
 * </ol>
 * The local error of order {@code k} is estimated by {@code |y_{n+1} - yP|} in the weighted
 * RMS norm (the propagated corrector is one order higher, so the estimate is conservative).
 * Every {@code k+1} steps at the same order, and after a rejection, the order is reconsidered as
 * in LSODE: the same estimate with the predictors of orders {@code k-1} and {@code k+1} gives
 * the step each order allows, and the order with the largest step is taken, a higher one only
 * when its step is 1.2 times larger (Shampine &amp; Gordon, <i>Computer Solution of ODEs</i>,
 * 1975, ch. 5–6, and Hindmarsh's LSODE use the same idea). Raising the order whenever the
 * history allowed it, as this class first did, rejected 10–30% of the steps on the benchmark
 * master equations; reconsidering periodically rejects under 3% and saves the extra predictor
 * passes in between. Step ratios are
 * kept in {@code [0.2, 2]}, as variable-step Adams formulas tolerate. The integration starts
 * at order 1 (Euler/trapezoidal) and after {@link Integrator#restart} starts again there.
 *
 * <p>Dense output is the corrector's own polynomial:
 * {@code y(t_n + theta h) = y_n + h (int_0^theta L_*(s) ds fP + sum_j int_0^theta L_j(s) ds f_j)},
 * which equals {@code y_n} at {@code theta = 0} and {@code y_{n+1}} at {@code theta = 1}.
 */
final class AdamsIntegrator extends AbstractIntegrator {

    static final int MAX_ORDER = 12;
    private static final int RING = MAX_ORDER + 2;
    private static final double SAFETY = 0.9;
    private static final int BLOCK = 512;
    /** A higher order is taken only when it promises a step this much larger. */
    private static final double RAISE_BIAS = 1.2;

    /** Past derivatives and their times, a ring with the most recent at {@code head}. */
    private final double[][] history;
    private final double[] historyTimes = new double[RING];
    private int head;
    private int count;

    private double[] yStart;
    private double[] yEnd;
    private final double[] yPredicted;
    private final double[] yPredictedLower;
    private final double[] yPredictedUpper;
    private final double[] fPredicted;
    private final double[] scratchY;

    private int order;
    /** Accepted steps since the order was last reconsidered. */
    private int stepsAtOrder;
    private double hNext;
    private double hLast;

    /** Nodes of the accepted step in units of h (index 0: the new point, s = 1), their ring slots, and weights. */
    private final double[] nodes = new double[MAX_ORDER + 1];
    private final int[] slots = new int[MAX_ORDER + 1];
    private final double[] weights = new double[MAX_ORDER + 1];
    private final double[] weightsLower = new double[MAX_ORDER + 1];
    private final double[] weightsUpper = new double[MAX_ORDER + 2];
    private final double[] corrector = new double[MAX_ORDER + 1];
    private final double[] polynomial = new double[MAX_ORDER + 2];
    private int denseOrder;
    private double denseStep;

    /** Number of {@link #BLOCK}-sized blocks of the state. */
    private final int blocks;
    /** Per-block sums of squares of the three error estimates (order k, k-1, k+1), added in block order. */
    private final double[] blockSquares;
    /** The step's parameters read by the two passes, which may run on kernel threads. */
    private double passH;
    private int passK;
    private boolean passLower;
    private boolean passUpper;
    private final IntConsumer historyPass;
    private final IntConsumer correctorPass;
    private int passChunks;

    AdamsIntegrator(int dimension, OdeSystem system, IntegratorOptions options) {
        super("adams", dimension, system, options);
        double[][] v = vectors(RING + 7, dimension);
        history = java.util.Arrays.copyOf(v, RING);
        yStart = v[RING];
        yEnd = v[RING + 1];
        yPredicted = v[RING + 2];
        yPredictedLower = v[RING + 3];
        yPredictedUpper = v[RING + 4];
        fPredicted = v[RING + 5];
        scratchY = v[RING + 6];
        blocks = Math.max(1, (dimension + BLOCK - 1) / BLOCK);
        blockSquares = new double[3 * blocks];
        historyPass = c -> {
            for (int b = firstBlock(c); b < firstBlock(c + 1); b++) {
                historyBlock(b * BLOCK, Math.min(dimension, (b + 1) * BLOCK));
            }
        };
        correctorPass = c -> {
            for (int b = firstBlock(c); b < firstBlock(c + 1); b++) {
                correctorBlock(b, b * BLOCK, Math.min(dimension, (b + 1) * BLOCK));
            }
        };
    }

    /** The first block of chunk {@code c} of {@link #passChunks}. */
    private int firstBlock(int c) {
        return (int) ((long) c * blocks / passChunks);
    }

    @Override
    void initialize(double t0, double[] y0, boolean keepStepSize) {
        System.arraycopy(y0, 0, yEnd, 0, dimension);
        System.arraycopy(y0, 0, yStart, 0, dimension);
        head = 0;
        count = 1;
        historyTimes[0] = t0;
        evaluateRhs(t0, y0, history[0]);
        for (int i = 0; i < dimension; i++) {
            if (!Double.isFinite(history[0][i])) {
                throw new IntegrationFailure(IntegrationFailure.Reason.NON_FINITE, t0,
                        "f(t0, y0) component " + i + " is " + history[0][i]);
            }
        }
        order = 1;
        stepsAtOrder = 0;
        denseOrder = 0;
        double hMax = options.maxStep() > 0 ? options.maxStep() : Double.POSITIVE_INFINITY;
        if (options.firstStep() > 0) {
            hNext = Math.min(options.firstStep(), hMax);
        } else {
            // Order 1 is very inaccurate: start from the order-2 estimate, and after a restart
            // no larger than the last step.
            hNext = initialStep(t0, yStart, history[0], scratchY, fPredicted, 2, hMax);
            if (keepStepSize && hLast > 0) {
                hNext = Math.min(hNext, hLast);
            }
        }
    }

    /** @return the order the next step will use (package-private, for tests) */
    int order() {
        return order;
    }

    private int slot(int back) {
        return (head - back + RING) % RING;
    }

    @Override
    void step(double tTarget) {
        double[] swap = yStart;
        yStart = yEnd;
        yEnd = swap;
        tStart = tEnd;
        denseOrder = 0;
        double hMax = options.maxStep() > 0 ? options.maxStep() : Double.POSITIVE_INFINITY;
        int rejections = 0;
        while (true) {
            double h = Math.min(hNext, hMax);
            checkStepSize(h);
            int k = Math.min(order, count);
            // Nodes in units of h relative to tStart: 1 for the new point, then the past ones.
            nodes[0] = 1.0;
            for (int j = 0; j < k; j++) {
                slots[j + 1] = slot(j);
                nodes[j + 1] = (historyTimes[slots[j + 1]] - tStart) / h;
            }
            // The order is reconsidered every k+1 steps at the same order (and after a
            // rejection), as LSODE does: only then the predictors of orders k-1 and k+1 are
            // formed, whose differences to the corrector estimate the errors at those orders.
            boolean consider = stepsAtOrder >= k || rejections > 0;
            boolean lower = consider && k >= 2;
            boolean upper = consider && k < MAX_ORDER && count > k;
            if (upper) {
                slots[k + 1] = slot(k);
                nodes[k + 1] = (historyTimes[slots[k + 1]] - tStart) / h;
            }
            // Predictors of order k (weights), k-1 (weightsLower) and k+1 (weightsUpper) over
            // the past nodes only, and the corrector's weights (over the new node and the k
            // past ones), all known before the evaluation.
            integrateLagrange(nodes, 1, k, 1.0, weights);
            if (lower) {
                integrateLagrange(nodes, 1, k - 1, 1.0, weightsLower);
                weightsLower[k] = 0;
            }
            if (upper) {
                integrateLagrange(nodes, 1, k + 1, 1.0, weightsUpper);
            }
            integrateLagrange(nodes, 0, k + 1, 1.0, corrector);
            // One pass over the past derivatives, block by block so that the sums stay in the
            // first-level cache: yPredicted (and -Lower, -Upper) and the corrector's past part in
            // yEnd. Blocks are independent, so large states split them over the kernel threads;
            // every component sees the same operations either way.
            passH = h;
            passK = k;
            passLower = lower;
            passUpper = upper;
            // work in complex multiply-adds (Parallelism's unit): a real multiply-add over one
            // component is a quarter of one, and each pass streams its vectors once
            long terms = 2L * k + (lower ? k - 1 : 0) + (upper ? k + 1 : 0);
            passChunks = Math.min(blocks, Parallelism.chunksFor(dimension * terms / 4));
            Parallelism.forEachChunk(passChunks, historyPass);
            evaluateRhs(tStart + h, yPredicted, fPredicted);
            // The corrector's last term and the weighted differences to the predictors, in place
            // of the predictors (no longer needed), block by block; each block's sums of squares
            // are kept and added in block order, so the error norm has the same bits on any
            // number of threads.
            passChunks = Math.min(blocks, Parallelism.chunksFor(dimension * (1L + (lower ? 1 : 0) + (upper ? 1 : 0))));
            Parallelism.forEachChunk(passChunks, correctorPass);
            double sumSquares = 0;
            double sumSquaresLower = 0;
            double sumSquaresUpper = 0;
            for (int b = 0; b < blocks; b++) {
                sumSquares += blockSquares[3 * b];
                sumSquaresLower += blockSquares[3 * b + 1];
                sumSquaresUpper += blockSquares[3 * b + 2];
            }
            // a NaN or infinite component makes its weighted difference NaN or infinite
            double err = Math.sqrt(sumSquares / dimension);
            if (!Double.isFinite(err)) {
                throw new IntegrationFailure(IntegrationFailure.Reason.NON_FINITE, tStart,
                        "non-finite state, derivative or error estimate in a step of size " + h);
            }
            double hOrder = h * SAFETY * Math.pow(Math.max(err, 1e-10), -1.0 / (k + 1));
            if (err <= 1.0) {
                double hNew = hOrder;
                int newOrder = k;
                if (lower) {
                    double errLower = Math.sqrt(sumSquaresLower / dimension);
                    double hLower = h * SAFETY * Math.pow(Math.max(errLower, 1e-10), -1.0 / k);
                    if (hLower > hNew) {
                        newOrder = k - 1;
                        hNew = hLower;
                    }
                }
                if (upper) {
                    // raised only for a clearly larger step (LSODE's bias is similar)
                    double errUpper = Math.sqrt(sumSquaresUpper / dimension);
                    double hUpper = h * SAFETY * Math.pow(Math.max(errUpper, 1e-10), -1.0 / (k + 2));
                    if (hUpper > RAISE_BIAS * hNew) {
                        newOrder = k + 1;
                        hNew = hUpper;
                    }
                }
                if (rejections > 0) {
                    hNew = Math.min(hNew, h);
                }
                hNext = Math.max(0.2 * h, Math.min(2.0 * h, hNew));
                stepsAtOrder = consider ? 0 : stepsAtOrder + 1;
                order = newOrder;
                accept(h, k);
                return;
            }
            rejectedSteps++;
            rejections++;
            hNext = h * Math.max(0.2, Math.min(0.9, SAFETY * Math.pow(err, -1.0 / (k + 1))));
            if (rejections >= 3) {
                order = 1;
                stepsAtOrder = 0;
            }
        }
    }

    /** The predictors and the corrector's past part over components [b0, b1) (see {@link #step}). */
    private void historyBlock(int b0, int b1) {
        double h = passH;
        int k = passK;
        System.arraycopy(yStart, b0, yPredicted, b0, b1 - b0);
        System.arraycopy(yStart, b0, yEnd, b0, b1 - b0);
        for (int j = 0; j < k; j++) {
            double[] f = history[slots[j + 1]];
            double c = h * weights[1 + j], cc = h * corrector[1 + j];
            for (int i = b0; i < b1; i++) {
                double fi = f[i];
                yPredicted[i] += c * fi;
                yEnd[i] += cc * fi;
            }
        }
        if (passLower) {
            combine(yPredictedLower, yStart, k - 1, h, weightsLower, b0, b1);
        }
        if (passUpper) {
            combine(yPredictedUpper, yStart, k + 1, h, weightsUpper, b0, b1);
        }
    }

    /**
     * Block {@code b} (components [b0, b1)) of the corrector's last term and of the weighted
     * differences to the predictors: the first loop is one that C2 vectorises (one division per
     * component), the sums of squares run in four chains and go to {@link #blockSquares}.
     */
    private void correctorBlock(int b, int b0, int b1) {
        double atol = options.atol();
        double rtol = options.rtol();
        double c0 = passH * corrector[0];
        for (int i = b0; i < b1; i++) {
            double y = yEnd[i] + c0 * fPredicted[i];
            yEnd[i] = y;
            double w = 1.0 / (atol + rtol * Math.max(Math.abs(yStart[i]), Math.abs(y)));
            yPredicted[i] = (y - yPredicted[i]) * w;
        }
        blockSquares[3 * b] = sumOfSquares(yPredicted, b0, b1);
        blockSquares[3 * b + 1] = passLower ? weightedDifference(yPredictedLower, atol, rtol, b0, b1) : 0;
        blockSquares[3 * b + 2] = passUpper ? weightedDifference(yPredictedUpper, atol, rtol, b0, b1) : 0;
    }

    /** p[b0..b1) = yStart + h sum_{j < m} w[1 + j] f_j over the past derivatives of the step. */
    private void combine(double[] p, double[] y0, int m, double h, double[] w, int b0, int b1) {
        System.arraycopy(y0, b0, p, b0, b1 - b0);
        for (int j = 0; j < m; j++) {
            double[] f = history[slots[j + 1]];
            double c = h * w[1 + j];
            for (int i = b0; i < b1; i++) {
                p[i] += c * f[i];
            }
        }
    }

    /** Replaces p[b0..b1) by its weighted difference to yEnd and returns its sum of squares. */
    private double weightedDifference(double[] p, double atol, double rtol, int b0, int b1) {
        for (int i = b0; i < b1; i++) {
            double y = yEnd[i];
            double w = 1.0 / (atol + rtol * Math.max(Math.abs(yStart[i]), Math.abs(y)));
            p[i] = (y - p[i]) * w;
        }
        return sumOfSquares(p, b0, b1);
    }

    /** The sum of squares of v[from..to) in four independent chains. */
    private static double sumOfSquares(double[] v, int from, int to) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            double a = v[i], b = v[i + 1], c = v[i + 2], d = v[i + 3];
            s0 += a * a;
            s1 += b * b;
            s2 += c * c;
            s3 += d * d;
        }
        for (; i < to; i++) {
            s0 += v[i] * v[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private void accept(double h, int k) {
        tEnd = tStart + h;
        hLast = h;
        steps++;
        denseOrder = k;
        denseStep = h;
        // The corrector weights (over k+1 nodes) stay in `weights`' layout for the dense output;
        // the new derivative goes to a ring slot none of the step's nodes uses.
        int next = (head + 1) % RING;
        historyTimes[next] = tEnd;
        evaluateRhs(tEnd, yEnd, history[next]);
        head = next;
        count = Math.min(count + 1, MAX_ORDER + 1);
    }

    @Override
    void interpolate(double t, double[] out) {
        if (t == tEnd) {
            System.arraycopy(yEnd, 0, out, 0, dimension);
            return;
        }
        if (t == tStart || denseOrder == 0) {
            System.arraycopy(yStart, 0, out, 0, dimension);
            return;
        }
        int k = denseOrder;
        integrateLagrange(nodes, 0, k + 1, (t - tStart) / denseStep, weightsLower);
        // block by block, split over the kernel threads for a large state like the step's passes
        // (the output times' interpolations were the runs' serial part); every component sees
        // the same operations either way
        int chunks = Math.min(blocks, Parallelism.chunksFor(dimension * (k + 1L) / 4));
        if (chunks <= 1) {
            interpolateBlock(out, 0, dimension);
            return;
        }
        Parallelism.forEachChunk(chunks, c -> {
            int first = (int) ((long) c * blocks / chunks);
            int last = (int) ((long) (c + 1) * blocks / chunks);
            for (int b = first; b < last; b++) {
                interpolateBlock(out, b * BLOCK, Math.min(dimension, (b + 1) * BLOCK));
            }
        });
    }

    /** The dense output over components [b0, b1), at the weights {@link #interpolate} put in weightsLower. */
    private void interpolateBlock(double[] out, int b0, int b1) {
        double h = denseStep;
        int k = denseOrder;
        double c0 = h * weightsLower[0];
        for (int i = b0; i < b1; i++) {
            out[i] = yStart[i] + c0 * fPredicted[i];
        }
        for (int j = 0; j < k; j++) {
            double[] f = history[slots[j + 1]];
            double c = h * weightsLower[1 + j];
            for (int i = b0; i < b1; i++) {
                out[i] += c * f[i];
            }
        }
    }

    /**
     * {@code out[first + j] = int_0^upper L_j(s) ds} for the Lagrange basis over
     * {@code nodes[first .. first + m - 1]}.
     */
    private void integrateLagrange(double[] x, int first, int m, double upper, double[] out) {
        for (int j = 0; j < m; j++) {
            double xj = x[first + j];
            // polynomial = prod_{i != j} (s - x_i), coefficients by ascending power
            polynomial[0] = 1;
            int degree = 0;
            double denominator = 1;
            for (int i = 0; i < m; i++) {
                if (i == j) {
                    continue;
                }
                double xi = x[first + i];
                polynomial[degree + 1] = polynomial[degree];
                for (int p = degree; p >= 1; p--) {
                    polynomial[p] = polynomial[p - 1] - xi * polynomial[p];
                }
                polynomial[0] = -xi * polynomial[0];
                degree++;
                denominator *= xj - xi;
            }
            double integral = 0;
            double power = upper;
            for (int p = 0; p <= degree; p++) {
                integral += polynomial[p] * power / (p + 1);
                power *= upper;
            }
            out[first + j] = integral / denominator;
        }
    }
}
