package dev.lindblad.ode;

import dev.lindblad.parallel.Parallelism;
import java.util.function.IntConsumer;

/**
 * Explicit embedded Runge–Kutta pair with adaptive steps, given by its Butcher tableau.
 *
 * <p>A step from {@code (t, y)} with size {@code h} computes the stages
 * {@code k_s = f(t + c_s h, y + h sum_{j<s} a_sj k_j)}, the solution
 * {@code y1 = y + h sum_s b_s k_s} and the error estimate {@code err = h sum_s e_s k_s}
 * ({@code e = b - bHat}, the difference of the two solutions of the pair). The step is accepted when the weighted RMS norm of {@code err} is at
 * most 1, and the next step size follows the PI controller of Hairer's DOPRI5
 * (Hairer, Nørsett &amp; Wanner, <i>Solving ODEs I</i>, §II.4 and the code's comments):
 * {@code h_new = h / clamp(err^(alpha) / errOld^beta / safety, 1/maxGrowth, 1/minShrink)}
 * with {@code alpha = 1/(q+1) - 0.75 beta}, where {@code q} is the lower order of the pair, and
 * no growth right after a rejection. With {@code beta = 0} this is the standard controller.
 *
 * <p>First-same-as-last (FSAL) methods reuse their last stage as the next step's first one.
 * Subclasses provide the tableau, the dense output and, if different, the error norm.
 */
abstract sealed class RungeKuttaIntegrator extends AbstractIntegrator
        permits DormandPrince5Integrator, Tsitouras5Integrator, DormandPrince853Integrator,
        Verner7Integrator, Verner9Integrator {

    private static final double SAFETY = 0.9;

    /** Tableau. */
    final double[] c;
    final double[][] a;
    final double[] b;
    final double[] e;
    final int stages;
    final boolean firstSameAsLast;
    /** Order used for the automatic first step. */
    final int order;
    /** Step-size controller parameters. */
    private final double alpha;
    private final double beta;
    private final double minShrink;
    private final double maxGrowth;

    /** Stage derivatives; {@code k[0] = f(tStart, yStart)}. */
    final double[][] k;
    /** Accepted step: {@code y(tStart)} and {@code y(tEnd)} (the candidate while stepping). */
    double[] yStart;
    double[] yEnd;
    /** Stage argument scratch. */
    final double[] yStage;
    /** the error vector of the last attempt, kept so the norm allocates nothing */
    private final double[] errorScratch;
    /** Number of {@link #BLOCK}-sized blocks of the state, and per block the error's sum of squares and finite check. */
    private final int blocks;
    private final double[] blockSquares;
    /** The operands of the current vector pass, read by its chunks (which may run on kernel threads). */
    private final double[] passCoefficients;
    private final double[][] passStages;
    private double[] passTarget;
    private int passCount;
    private int passChunks;
    private final IntConsumer combinePass;
    private final IntConsumer errorPass;

    /** Index of the stage array holding {@code f(tEnd, yEnd)}, or -1 when not evaluated. */
    int endDerivative = -1;
    /** Step size used by the last accepted step and size proposed for the next one. */
    double hLast;
    private double hNext;
    private double errOld = 1e-4;
    /** Whether the dense output of the current step has been prepared. */
    private boolean denseReady;
    /** Fixed step size for convergence tests; 0 = adaptive. */
    private double fixedStep;

    RungeKuttaIntegrator(String method, int dimension, OdeSystem system, IntegratorOptions options,
            double[] c, double[][] a, double[] b, double[] errorCoefficients, int order, int lowerOrder, double beta,
            double minShrink, double maxGrowth, int extraStages) {
        super(method, dimension, system, options);
        this.stages = b.length;
        if (c.length != stages || a.length != stages || errorCoefficients.length != stages) {
            throw new IllegalStateException("inconsistent tableau for " + method);
        }
        this.c = c;
        this.a = a;
        this.b = b;
        this.e = errorCoefficients;
        boolean fsal = c[stages - 1] == 1.0 && a[stages - 1].length == stages - 1 && b[stages - 1] == 0.0;
        for (int j = 0; fsal && j < stages - 1; j++) {
            fsal = a[stages - 1][j] == b[j];
        }
        this.firstSameAsLast = fsal;
        this.order = order;
        this.beta = beta;
        this.alpha = 1.0 / (lowerOrder + 1) - 0.75 * beta;
        this.minShrink = minShrink;
        this.maxGrowth = maxGrowth;
        this.k = new double[stages + extraStages][dimension];
        this.yStart = new double[dimension];
        this.yEnd = new double[dimension];
        this.yStage = new double[dimension];
        this.errorScratch = new double[dimension];
        this.blocks = Math.max(1, (dimension + BLOCK - 1) / BLOCK);
        this.blockSquares = new double[2 * blocks];
        this.passCoefficients = new double[stages + extraStages];
        this.passStages = new double[stages + extraStages][];
        this.combinePass = chunk -> {
            for (int block = firstBlock(chunk); block < firstBlock(chunk + 1); block++) {
                combineBlock(block * BLOCK, Math.min(dimension, (block + 1) * BLOCK));
            }
        };
        this.errorPass = chunk -> {
            for (int block = firstBlock(chunk); block < firstBlock(chunk + 1); block++) {
                errorBlock(block, block * BLOCK, Math.min(dimension, (block + 1) * BLOCK));
            }
        };
    }

    /** Package-private hook: take steps of exactly {@code h} (the last one shortened to hit the target). */
    final void setFixedStepSize(double h) {
        if (!(h >= 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("fixed step must be finite and >= 0, got " + h);
        }
        fixedStep = h;
    }

    @Override
    final void initialize(double t0, double[] y0, boolean keepStepSize) {
        System.arraycopy(y0, 0, yEnd, 0, dimension);
        System.arraycopy(y0, 0, yStart, 0, dimension);
        evaluateRhs(t0, y0, k[0]);
        endDerivative = 0;
        checkFinite(k[0], t0, "f(t0, y0)");
        denseReady = true;
        errOld = 1e-4;
        double hMax = options.maxStep() > 0 ? options.maxStep() : Double.POSITIVE_INFINITY;
        if (options.firstStep() > 0) {
            hNext = Math.min(options.firstStep(), hMax);
        } else if (keepStepSize && hLast > 0) {
            hNext = Math.min(hLast, hMax);
        } else {
            hNext = initialStep(t0, yStart, k[0], yStage, k[1], order, hMax);
        }
    }

    @Override
    final void step(double tTarget) {
        // The previous end becomes the new start.
        double[] swap = yStart;
        yStart = yEnd;
        yEnd = swap;
        tStart = tEnd;
        if (endDerivative > 0) {
            double[] kSwap = k[0];
            k[0] = k[endDerivative];
            k[endDerivative] = kSwap;
        } else if (endDerivative < 0) {
            evaluateRhs(tStart, yStart, k[0]);
        }
        endDerivative = -1;
        denseReady = false;
        boolean rejectedBefore = false;
        double hMax = options.maxStep() > 0 ? options.maxStep() : Double.POSITIVE_INFINITY;
        while (true) {
            double h;
            boolean fixed = fixedStep > 0;
            if (fixed) {
                h = fixedStep;
                if (tStart + h >= tTarget - 1e-9 * h) {
                    h = tTarget - tStart;
                }
            } else {
                h = Math.min(hNext, hMax);
                checkStepSize(h);
            }
            double err = attempt(h);
            if (!Double.isFinite(err)) {
                throw new IntegrationFailure(IntegrationFailure.Reason.NON_FINITE, tStart,
                        "non-finite state, derivative or error estimate in a step of size " + h);
            }
            if (fixed) {
                accept(h);
                return;
            }
            double fac11 = Math.pow(err, alpha);
            if (err <= 1.0) {
                double fac = fac11 / Math.pow(errOld, beta);
                fac = Math.max(1.0 / maxGrowth, Math.min(1.0 / minShrink, fac / SAFETY));
                double hNew = h / fac;
                if (rejectedBefore) {
                    hNew = Math.min(hNew, h);
                }
                errOld = Math.max(err, 1e-4);
                hNext = hNew;
                accept(h);
                return;
            }
            rejectedSteps++;
            rejectedBefore = true;
            hNext = h / Math.min(1.0 / minShrink, fac11 / SAFETY);
        }
    }

    private void accept(double h) {
        tEnd = tStart + h;
        hLast = h;
        steps++;
        if (firstSameAsLast) {
            endDerivative = stages - 1;
        }
    }

    /**
     * Computes the stages and {@code yEnd} for a step of size {@code h} from {@code (tStart,
     * yStart)} with {@code k[0]} given, and returns the error norm (NaN on non-finite values).
     */
    private double attempt(double h) {
        for (int s = 1; s < stages; s++) {
            double[] row = a[s];
            double[] target = (firstSameAsLast && s == stages - 1) ? yEnd : yStage;
            combine(target, row, s, h);
            evaluateRhs(tStart + c[s] * h, target, k[s]);
        }
        if (!firstSameAsLast) {
            combine(yEnd, b, stages, h);
        }
        return errorNorm(h);
    }

    /** Components per block of the vector passes: a block of every input stays in the first-level cache. */
    private static final int BLOCK = 512;

    /**
     * {@code target = yStart + h sum_{j < count} coefficients[j] k[j]}, block by block: each
     * block of the target is written once after reading that block of every stage, so a step
     * streams each vector once instead of once per stage (the HEOM's states, megabytes long,
     * made the per-stage passes as costly as the right-hand side). Within a block every
     * component sees the same operations in the same order (copy, then one multiply-add per
     * stage in stage order), so blocks may run on the kernel threads with the same bits.
     */
    final void combine(double[] target, double[] coefficients, int count, double h) {
        int m = 0;
        for (int j = 0; j < count; j++) {
            double c = h * coefficients[j];
            if (c != 0) {
                passCoefficients[m] = c;
                passStages[m] = k[j];
                m++;
            }
        }
        passTarget = target;
        passCount = m;
        // work in complex multiply-adds (Parallelism's unit): m real multiply-adds per component
        passChunks = Math.min(blocks, Parallelism.chunksFor((long) dimension * (m + 1) / 4));
        Parallelism.forEachChunk(passChunks, combinePass);
        passTarget = null;
        java.util.Arrays.fill(passStages, 0, m, null);
    }

    private void combineBlock(int b0, int b1) {
        double[] target = passTarget;
        System.arraycopy(yStart, b0, target, b0, b1 - b0);
        for (int j = 0; j < passCount; j++) {
            double c = passCoefficients[j];
            double[] kj = passStages[j];
            for (int i = b0; i < b1; i++) {
                target[i] += c * kj[i];
            }
        }
    }

    /** The first block of chunk {@code c} of {@link #passChunks}. */
    private int firstBlock(int c) {
        return (int) ((long) c * blocks / passChunks);
    }

    /**
     * Weighted RMS norm of {@code h sum_s e_s k_s} (Hairer's DOPRI5 error); NaN when a value
     * is not finite. Computed block by block (see {@link #combine}); each block's sum of squares
     * is kept and the sums are added in block order, so the norm has the same bits on any
     * number of threads. DOP853 overrides this with its combined 5th/3rd-order estimate.
     */
    double errorNorm(double h) {
        int m = 0;
        for (int s = 0; s < stages; s++) {
            double c = h * e[s];
            if (c != 0) {
                passCoefficients[m] = c;
                passStages[m] = k[s];
                m++;
            }
        }
        passCount = m;
        passChunks = Math.min(blocks, Parallelism.chunksFor((long) dimension * (m + 2) / 4));
        Parallelism.forEachChunk(passChunks, errorPass);
        java.util.Arrays.fill(passStages, 0, m, null);
        double sum = 0;
        double finiteCheck = 0;
        for (int b = 0; b < blocks; b++) {
            sum += blockSquares[2 * b];
            finiteCheck += blockSquares[2 * b + 1];
        }
        return Math.sqrt(sum / dimension) + finiteCheck;
    }

    private void errorBlock(int b, int b0, int b1) {
        double atol = options.atol();
        double rtol = options.rtol();
        double[] err = errorScratch;
        java.util.Arrays.fill(err, b0, b1, 0.0);
        for (int j = 0; j < passCount; j++) {
            double c = passCoefficients[j];
            double[] ks = passStages[j];
            for (int i = b0; i < b1; i++) {
                err[i] += c * ks[i];
            }
        }
        double sum = 0;
        double finiteCheck = 0;
        for (int i = b0; i < b1; i++) {
            double sk = atol + rtol * Math.max(Math.abs(yStart[i]), Math.abs(yEnd[i]));
            double r = err[i] / sk;
            sum += r * r;
            finiteCheck += yEnd[i] * 0.0;
        }
        blockSquares[2 * b] = sum;
        blockSquares[2 * b + 1] = finiteCheck;
    }

    @Override
    final void interpolate(double t, double[] out) {
        if (t == tEnd) {
            System.arraycopy(yEnd, 0, out, 0, dimension);
            return;
        }
        if (t == tStart) {
            System.arraycopy(yStart, 0, out, 0, dimension);
            return;
        }
        if (!denseReady) {
            prepareDenseOutput();
            denseReady = true;
        }
        double h = tEnd - tStart;
        interpolate((t - tStart) / h, h, out);
    }

    /**
     * Computes what the continuous extension of the accepted step {@code [tStart, tEnd]}
     * needs (extra stages, polynomial coefficients). Called at most once per step, only when
     * a time inside the step is requested.
     */
    abstract void prepareDenseOutput();

    /** Evaluates the continuous extension at {@code tStart + theta h}, {@code 0 < theta < 1}. */
    abstract void interpolate(double theta, double h, double[] out);

    /**
     * Evaluates extra stages {@code stages, stages+1, ...} of the accepted step for a
     * continuous extension. The first extra stage must have node 1 and row {@code b}, i.e. be
     * {@code f(tEnd, yEnd)}; it is evaluated at {@code yEnd} directly and handed to the next
     * step as its first stage.
     */
    final void evaluateExtraStages(double[] nodes, double[][] rows) {
        double h = tEnd - tStart;
        int first = stages;
        evaluateRhs(tEnd, yEnd, k[first]);
        endDerivative = first;
        for (int extra = 1; extra < nodes.length; extra++) {
            int stage = first + extra;
            combine(yStage, rows[extra], stage, h);
            evaluateRhs(tStart + nodes[extra] * h, yStage, k[stage]);
        }
    }

    /**
     * Evaluates {@code y0 + h sum_s b_s(theta) k_s} with {@code b_s(theta) = sum_p
     * weights[s][p-1] theta^p} over all stages in {@code weights}.
     */
    final void interpolatePolynomialWeights(double[][] polynomials, double[] weights, double theta, double h,
            double[] out) {
        for (int s = 0; s < polynomials.length; s++) {
            double[] r = polynomials[s];
            double value = 0;
            for (int p = r.length - 1; p >= 0; p--) {
                value = value * theta + r[p];
            }
            weights[s] = value * theta;
        }
        combine(out, weights, polynomials.length, h);
    }

    final void checkFinite(double[] values, double t, String what) {
        for (int i = 0; i < dimension; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IntegrationFailure(IntegrationFailure.Reason.NON_FINITE, t,
                        what + " component " + i + " is " + values[i]);
            }
        }
    }
}
