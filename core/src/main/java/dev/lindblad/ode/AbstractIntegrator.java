package dev.lindblad.ode;

import java.util.Objects;

/**
 * The parts every integrator shares: the output loop that steps past a requested time and
 * interpolates back, event location on the interpolant, argument checks and counters. A
 * subclass supplies one accepted step ({@link #step}), its dense output
 * ({@link #interpolate}) and its start-up ({@link #initialize}).
 *
 * <p>Invariant after {@link #reset}: the last accepted step spans {@code [tStart, tEnd]}
 * (both equal to {@code t0} before the first step), and every time in that interval can be
 * interpolated.
 */
abstract sealed class AbstractIntegrator implements Integrator
        permits RungeKuttaIntegrator, AdamsIntegrator {

    /** Most iterations of the event root finder; its bracket shrinks well before that. */
    private static final int MAX_ROOT_ITERATIONS = 200;

    final String method;
    final int dimension;
    final OdeSystem system;
    final IntegratorOptions options;

    /** Start and end of the last accepted step. */
    double tStart;
    double tEnd;
    /** Time of the last state handed out. */
    private double tOut;
    /** Whether {@link #reset} has been called. */
    private boolean started;

    int steps;
    int rejectedSteps;
    int rhsCalls;

    /** Scratch state for event functions, allocated once. */
    private final double[] eventState;

    AbstractIntegrator(String method, int dimension, OdeSystem system, IntegratorOptions options) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        this.method = method;
        this.dimension = dimension;
        this.system = Objects.requireNonNull(system, "system");
        this.options = Objects.requireNonNull(options, "options");
        this.eventState = new double[dimension];
    }

    /** Below this many bytes in all, {@link #vectors} allocates on the calling thread alone. */
    static final long PARALLEL_ALLOCATION_BYTES = 64L << 20;

    /**
     * {@code count} zeroed vectors of the state's length. When they are large (at least
     * {@link #PARALLEL_ALLOCATION_BYTES} together) the kernel threads allocate them together:
     * the JVM zeroes a new array in the thread that allocates it, which for the hundreds of MB
     * of a large hierarchy's history was a serial part of every run (on this project's VMs memory
     * touched for the first time costs about 3 ms per MB; 21 vectors of 9.1 MB took 0.50–0.56 s
     * on one thread and 0.28–0.34 s on two).
     */
    static double[][] vectors(int count, int dimension) {
        double[][] v = new double[count][];
        int chunks = (long) count * dimension * Double.BYTES >= PARALLEL_ALLOCATION_BYTES
                ? Math.min(count, dev.lindblad.parallel.Parallelism.threads()) : 1;
        dev.lindblad.parallel.Parallelism.forEachChunk(chunks, c -> {
            for (int i = c; i < count; i += chunks) {
                v[i] = new double[dimension];
            }
        });
        return v;
    }

    /**
     * Method-specific start: store {@code y0} as the state at {@code tEnd = tStart = t0},
     * evaluate what the first step needs and choose its size.
     *
     * @param keepStepSize whether a step size from a previous integration may seed the first step
     */
    abstract void initialize(double t0, double[] y0, boolean keepStepSize);

    /**
     * Takes one accepted step from {@code tEnd}, afterwards {@code [tStart, tEnd]} is that step.
     *
     * @param tTarget the output time being approached (used only by fixed-step mode)
     */
    abstract void step(double tTarget);

    /** Writes the dense-output value at {@code t} in {@code [tStart, tEnd]} into {@code out}. */
    abstract void interpolate(double t, double[] out);

    @Override
    public final String method() {
        return method;
    }

    @Override
    public final int dimension() {
        return dimension;
    }

    @Override
    public final IntegratorOptions options() {
        return options;
    }

    @Override
    public final void reset(double t0, double[] y0) {
        steps = 0;
        rejectedSteps = 0;
        rhsCalls = 0;
        start(t0, y0, false);
    }

    @Override
    public final void restart(double t, double[] y) {
        start(t, y, started);
    }

    private void start(double t0, double[] y0, boolean keepStepSize) {
        if (!Double.isFinite(t0)) {
            throw new IllegalArgumentException("initial time must be finite, got " + t0);
        }
        checkLength("y0", y0);
        for (int i = 0; i < dimension; i++) {
            if (!Double.isFinite(y0[i])) {
                throw new IntegrationFailure(IntegrationFailure.Reason.NON_FINITE, t0,
                        "initial state component " + i + " is " + y0[i]);
            }
        }
        tStart = t0;
        tEnd = t0;
        tOut = t0;
        started = true;
        initialize(t0, y0, keepStepSize);
    }

    @Override
    public final double integrate(double tTarget, double[] yOut) {
        checkTarget(tTarget);
        checkLength("yOut", yOut);
        int taken = 0;
        while (tEnd < tTarget) {
            taken = stepCounted(taken, tTarget);
        }
        interpolate(tTarget, yOut);
        tOut = tTarget;
        return tTarget;
    }

    @Override
    public final double integrateUntilEvent(double tTarget, EventFunction g, double tol, double[] yOut) {
        Objects.requireNonNull(g, "g");
        if (!(tol > 0) || !Double.isFinite(tol)) {
            throw new IllegalArgumentException("event tolerance must be finite and > 0, got " + tol);
        }
        checkTarget(tTarget);
        checkLength("yOut", yOut);
        double tLeft = tOut;
        if (tTarget < tLeft) {
            throw new IllegalArgumentException("event search must go forward: tTarget " + tTarget
                    + " < current time " + tLeft);
        }
        interpolate(tLeft, eventState);
        if (tTarget == tLeft) {
            System.arraycopy(eventState, 0, yOut, 0, dimension);
            return tTarget;
        }
        double gLeft = evaluate(g, tLeft, eventState);
        int taken = 0;
        while (true) {
            if (tEnd <= tLeft) {
                taken = stepCounted(taken, tTarget);
            }
            double tRight = Math.min(tEnd, tTarget);
            interpolate(tRight, eventState);
            double gRight = evaluate(g, tRight, eventState);
            if (gLeft != 0 && (gRight == 0 || (gRight > 0) != (gLeft > 0))) {
                double tEvent = gRight == 0 ? tRight : locateRoot(g, tLeft, gLeft, tRight, gRight, tol);
                interpolate(tEvent, yOut);
                tOut = tEvent;
                return tEvent;
            }
            if (tRight >= tTarget) {
                System.arraycopy(eventState, 0, yOut, 0, dimension);
                tOut = tTarget;
                return tTarget;
            }
            // A zero at the start has no sign; the first non-zero value defines it.
            tLeft = tRight;
            gLeft = gRight;
        }
    }

    /**
     * Brackets the sign change of {@code g} in {@code [a, b]} by the Illinois method (regula
     * falsi that halves the stale end's value when the same end is kept twice; Dowell &amp;
     * Jarratt, BIT 11, 1971), with trial points kept {@code tol/2} inside the bracket so that it
     * shrinks below {@code tol}. Returns the right end of the final bracket.
     */
    private double locateRoot(EventFunction g, double a, double ga, double b, double gb, double tol) {
        int lastKept = 0;
        for (int iteration = 0; iteration < MAX_ROOT_ITERATIONS && b - a > tol; iteration++) {
            double margin = 0.5 * tol;
            double c = iteration < MAX_ROOT_ITERATIONS / 2 ? (a * gb - b * ga) / (gb - ga) : 0.5 * (a + b);
            if (!(c >= a + margin)) {
                c = a + margin;
            }
            if (!(c <= b - margin)) {
                c = b - margin;
            }
            interpolate(c, eventState);
            double gc = evaluate(g, c, eventState);
            if (gc == 0) {
                return c;
            }
            if ((gc > 0) == (gb > 0)) {
                b = c;
                gb = gc;
                if (lastKept == -1) {
                    ga *= 0.5;
                }
                lastKept = -1;
            } else {
                a = c;
                ga = gc;
                if (lastKept == 1) {
                    gb *= 0.5;
                }
                lastKept = 1;
            }
        }
        return b;
    }

    private double evaluate(EventFunction g, double t, double[] y) {
        double value = g.g(t, y);
        if (Double.isNaN(value)) {
            throw new IntegrationFailure(IntegrationFailure.Reason.NON_FINITE, tOut,
                    "event function returned NaN at t = " + t);
        }
        return value;
    }

    private int stepCounted(int taken, double tTarget) {
        // once per step: an interrupted solve stops within one step (the status stays set)
        if (Thread.currentThread().isInterrupted()) {
            throw new IntegrationFailure(IntegrationFailure.Reason.INTERRUPTED, tEnd,
                    "the thread was interrupted before the step from t = " + tEnd);
        }
        if (taken >= options.nsteps()) {
            throw new IntegrationFailure(IntegrationFailure.Reason.TOO_MANY_STEPS, tEnd,
                    "more than nsteps = " + options.nsteps() + " steps needed to reach t = " + tTarget);
        }
        step(tTarget);
        return taken + 1;
    }

    private void checkTarget(double tTarget) {
        if (!started) {
            throw new IllegalStateException("call reset(t0, y0) before integrating");
        }
        if (!Double.isFinite(tTarget)) {
            throw new IllegalArgumentException("target time must be finite, got " + tTarget);
        }
        if (tTarget < tStart) {
            throw new IllegalArgumentException("target time " + tTarget
                    + " lies before the current step [" + tStart + ", " + tEnd + "]; integration goes forward only");
        }
    }

    private void checkLength(String name, double[] array) {
        Objects.requireNonNull(array, name);
        if (array.length != dimension) {
            throw new IllegalArgumentException(name + " has length " + array.length + ", expected " + dimension);
        }
    }

    /** Throws {@code STEP_SIZE_UNDERFLOW} if {@code h} is below the minimum or the resolution of t. */
    final void checkStepSize(double h) {
        if (h < options.minStep() || h <= 10 * Math.ulp(tStart)) {
            throw new IntegrationFailure(IntegrationFailure.Reason.STEP_SIZE_UNDERFLOW, tStart,
                    "step size " + h + " is below minStep = " + options.minStep()
                            + " or the resolution of t (10 ulp = " + 10 * Math.ulp(tStart) + ")");
        }
    }

    /**
     * Hairer's starting step (HNW I, §II.4, "Starting step size"), with RMS norms: from
     * {@code d0 = |y0|}, {@code d1 = |f0|} a trial {@code h0 = 0.01 d0/d1}, then the second
     * derivative estimate {@code d2 = |f(t0 + h0, y0 + h0 f0) - f0| / h0} gives
     * {@code h1 = (0.01 / max(d1, d2))^(1/p)} and {@code h = min(100 h0, h1, hMax)}. Uses one
     * right-hand-side call and the two scratch arrays.
     */
    final double initialStep(double t0, double[] y0, double[] f0, double[] y1, double[] f1, int order,
            double hMax) {
        double atol = options.atol();
        double rtol = options.rtol();
        double dnf = 0;
        double dny = 0;
        for (int i = 0; i < dimension; i++) {
            double sk = atol + rtol * Math.abs(y0[i]);
            dnf += (f0[i] / sk) * (f0[i] / sk);
            dny += (y0[i] / sk) * (y0[i] / sk);
        }
        dnf = Math.sqrt(dnf / dimension);
        dny = Math.sqrt(dny / dimension);
        double h = (dnf <= 1e-5 || dny <= 1e-5) ? 1e-6 : 0.01 * dny / dnf;
        h = Math.min(h, hMax);
        for (int i = 0; i < dimension; i++) {
            y1[i] = y0[i] + h * f0[i];
        }
        evaluateRhs(t0 + h, y1, f1);
        double der2 = 0;
        for (int i = 0; i < dimension; i++) {
            double sk = atol + rtol * Math.abs(y0[i]);
            double d = (f1[i] - f0[i]) / sk;
            der2 += d * d;
        }
        der2 = Math.sqrt(der2 / dimension) / h;
        double der12 = Math.max(der2, dnf);
        double h1 = der12 <= 1e-15 ? Math.max(1e-6, h * 1e-3) : Math.pow(0.01 / der12, 1.0 / order);
        if (!Double.isFinite(h1)) {
            h1 = h;
        }
        return Math.min(Math.min(100 * h, h1), hMax);
    }

    final void evaluateRhs(double t, double[] y, double[] out) {
        system.apply(t, y, out);
        rhsCalls++;
    }

    @Override
    public final double time() {
        return tOut;
    }

    @Override
    public final int steps() {
        return steps;
    }

    @Override
    public final int rejectedSteps() {
        return rejectedSteps;
    }

    @Override
    public final int rhsCalls() {
        return rhsCalls;
    }
}
