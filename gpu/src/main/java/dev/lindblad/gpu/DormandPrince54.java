package dev.lindblad.gpu;

import java.util.function.BiConsumer;

/**
 * The adaptive Dormand–Prince 5(4) integrator of {@code dy/dt = L y} for a constant generator,
 * written against {@link VectorOps} so that every vector stays where the operations keep it (on
 * the device with {@link CudaVectors}) and only scalars (norms) come to the host for the step
 * control, which runs here in Java and is the same on CPU and GPU.
 *
 * <p>Stages {@code k_i = L (y + h Σ_j a_ij k_j)} with Dormand and Prince's tableau (FSAL: the
 * last stage at the new point is the next step's first); the fifth-order solution advances.
 * Error {@code e = h Σ_i (b_i - b*_i) k_i}, measured norm-wise:
 * {@code err = ||e||_2 / (atol sqrt(n) + rtol max(||y||_2, ||y_new||_2))}, that is
 * {@code rms(e) / (atol + rtol rms(y))}: the cuBLAS {@code dznrm2} of whole vectors instead of
 * the element-wise weights of the CPU integrators (no element-wise kernel is needed).
 * A step is accepted when {@code err <= 1}; the next step is
 * {@code h · min(5, max(0.2, 0.9 err^(-1/5)))} (at most 1 after a rejection). Output times are
 * hit exactly: a step never crosses the next output time (no interpolation, so the output
 * values are those of an accepted step). The first step, unless given, follows Hairer, Nørsett
 * and Wanner's estimate (II.4) with the same norm.
 */
final class DormandPrince54 {

    static final double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    static final double[][] A = {
        {},
        {1.0 / 5},
        {3.0 / 40, 9.0 / 40},
        {44.0 / 45, -56.0 / 15, 32.0 / 9},
        {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
        {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
        {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84},
    };
    /** b - b*: the fifth-order weights minus the embedded fourth-order ones. */
    static final double[] E = {71.0 / 57600, 0, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525, -1.0 / 40};
    /** Device vectors the integrator holds: y, y_new, seven stages, one scratch. */
    static final int VECTORS = 10;

    /** Step counts of one run. */
    record Counts(long steps, long rejected, long rhsCalls) {
    }

    private final double atol;
    private final double rtol;
    private final int nsteps;
    private final double firstStep;
    private final double minStep;
    private final double maxStep;

    /**
     * @param atol      absolute tolerance (> 0)
     * @param rtol      relative tolerance (>= 0)
     * @param nsteps    most steps between two output times
     * @param firstStep first trial step, 0 for automatic
     * @param minStep   smallest step before failing, 0 for none
     * @param maxStep   largest step, 0 for unbounded
     */
    DormandPrince54(double atol, double rtol, int nsteps, double firstStep, double minStep, double maxStep) {
        this.atol = atol;
        this.rtol = rtol;
        this.nsteps = nsteps;
        this.firstStep = firstStep;
        this.minStep = minStep;
        this.maxStep = maxStep;
    }

    /** @return the new step factor for an error {@code err} (see the class comment) */
    static double factor(double err, boolean afterRejection) {
        double f = err == 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * Math.pow(err, -0.2)));
        return afterRejection ? Math.min(1, f) : f;
    }

    /**
     * Integrates from {@code times[0]}, calling {@code output(i, y)} at every output time (the
     * first with the initial state).
     *
     * @param ops    the vector operations, holding the generator
     * @param y0     the initial state, interleaved
     * @param times  output times, strictly increasing
     * @param output called with the output index and the state's handle (do not keep it)
     * @return the step counts
     * @throws ArithmeticException when the step falls below minStep (or underflows) or nsteps is exceeded
     */
    <V> Counts integrate(VectorOps<V> ops, double[] y0, double[] times, BiConsumer<Integer, V> output) {
        int n = ops.length();
        V y = ops.allocate();
        V yNew = ops.allocate();
        V tmp = ops.allocate();
        @SuppressWarnings("unchecked")
        V[] k = (V[]) new Object[7];
        for (int i = 0; i < 7; i++) {
            k[i] = ops.allocate();
        }
        ops.upload(y0, y);
        output.accept(0, y);
        if (times.length == 1) {
            return new Counts(0, 0, 0);
        }
        double sqrtN = Math.sqrt(n);
        long steps = 0;
        long rejected = 0;
        long rhs = 0;
        double t = times[0];
        ops.apply(y, k[0]);
        rhs++;
        double normY = ops.norm(y);
        double h = firstStep > 0 ? firstStep : initialStep(ops, y, k[0], normY, sqrtN, tmp, k[1], times[times.length - 1] - t);
        if (firstStep <= 0) {
            rhs++;
        }
        boolean rejectedLast = false;
        for (int out = 1; out < times.length; out++) {
            double tOut = times[out];
            int stepsHere = 0;
            while (t < tOut) {
                if (maxStep > 0) {
                    h = Math.min(h, maxStep);
                }
                boolean last = t + h >= tOut || tOut - (t + h) < 1e-12 * Math.abs(tOut);
                double hStep = last ? tOut - t : h;
                if (++stepsHere > nsteps) {
                    throw new ArithmeticException("mesolve on the GPU: more than nsteps = " + nsteps
                            + " steps before t = " + tOut + " (at t = " + t + ", step " + h + "); raise nsteps");
                }
                // stages 2..6 from y, stage 7 at y_new (FSAL)
                for (int s = 1; s < 7; s++) {
                    V target = s == 6 ? yNew : tmp;
                    ops.copy(y, target);
                    for (int j = 0; j < s; j++) {
                        if (A[s][j] != 0) {
                            ops.axpy(hStep * A[s][j], 0, k[j], target);
                        }
                    }
                    ops.apply(target, k[s]);
                    rhs++;
                }
                ops.copy(k[0], tmp);
                ops.scale(hStep * E[0], tmp);
                for (int j = 1; j < 7; j++) {
                    if (E[j] != 0) {
                        ops.axpy(hStep * E[j], 0, k[j], tmp);
                    }
                }
                double normNew = ops.norm(yNew);
                double err = ops.norm(tmp) / (atol * sqrtN + rtol * Math.max(normY, normNew));
                if (!Double.isFinite(err)) {
                    throw new ArithmeticException("mesolve on the GPU: the error estimate is " + err + " at t = " + t);
                }
                if (err <= 1) {
                    steps++;
                    t = last ? tOut : t + hStep;
                    V swap = y;
                    y = yNew;
                    yNew = swap;
                    swap = k[0];
                    k[0] = k[6];
                    k[6] = swap;
                    normY = normNew;
                    if (!last || hStep >= h * 0.999) {
                        h = hStep * factor(err, rejectedLast);
                    }
                    rejectedLast = false;
                } else {
                    rejected++;
                    h = hStep * factor(err, true);
                    rejectedLast = true;
                    if ((minStep > 0 && h < minStep) || t + h == t) {
                        throw new ArithmeticException("mesolve on the GPU: step " + h + " below the minimum at t = " + t);
                    }
                }
            }
            output.accept(out, y);
        }
        return new Counts(steps, rejected, rhs);
    }

    /** Hairer–Nørsett–Wanner's first step, with the norm-wise scale; uses two scratch vectors. */
    private <V> double initialStep(VectorOps<V> ops, V y, V f0, double normY, double sqrtN, V y1, V f1, double span) {
        double sc = atol * sqrtN + rtol * normY;
        double d0 = normY / sc;
        double d1 = ops.norm(f0) / sc;
        double h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.min(h0, span);
        ops.copy(y, y1);
        ops.axpy(h0, 0, f0, y1);
        ops.apply(y1, f1);
        ops.axpy(-1, 0, f0, f1);
        double d2 = ops.norm(f1) / sc / h0;
        double h1 = Math.max(d1, d2) <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : Math.pow(0.01 / Math.max(d1, d2), 0.2);
        return Math.min(Math.min(100 * h0, h1), span);
    }
}
