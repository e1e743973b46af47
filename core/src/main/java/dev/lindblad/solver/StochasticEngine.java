package dev.lindblad.solver;

import dev.lindblad.Complex;
import dev.lindblad.DimensionMismatchException;
import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.data.Data;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.parallel.TaskMap;
import dev.lindblad.parallel.TaskMapInterruptedException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@code ssesolve} or {@code smesolve} run: the map over trajectory tasks, one trajectory
 * with fixed steps, and the reduction in index order. The trajectory machinery follows
 * {@link McSolver}'s: seeds from the master seed by {@link McSolver#trajectorySeed(long, int)},
 * results summed in index order (the same bits on every map), target tolerance checked between
 * batches of {@code 4 × parallelism}, a timeout checked before each trajectory, failures that
 * keep the finished trajectories, an interrupt checked before every step.
 */
final class StochasticEngine {

    /** A trajectory to run: small and serialisable. */
    record Task(int index, long seed) implements Serializable {
    }

    enum Status { DONE, FAILED, NOT_STARTED, INTERRUPTED }

    record Output(Task task, Status status, double[][] expect, double[][] states, double[] finalState,
                  double[][] measurement, double[][] wiener, long steps, Throwable failure) implements Serializable {
        static Output of(Task t, Status s, Throwable e) {
            return new Output(t, s, null, null, null, null, null, 0, e);
        }
    }

    private final String operation;
    private final QuantumSde prototype;
    private final boolean density;
    private final int n;
    private final Dims operDims;
    private final StochasticOptions options;
    private final double factor;
    private final double[] initial;
    private final double[] times;
    private final List<Qobj> eOps;
    private final List<ExpectFunction> eFuncs;
    private final boolean[] hermitian;
    private final boolean storeStates;
    private final boolean storeFinal;
    private final long startNanos;
    private final long deadline;
    private final AtomicBoolean stop = new AtomicBoolean();
    /** The measurement operators and noise factors of the records ({@link #measurementOps}), or null: QuTiP's defaults. */
    private List<Qobj> mOps;
    private double[] dWFactors;
    /**
     * The noise of {@link #fromExperiment}: per record channel and output interval, the Wiener
     * increments or the measured currents; null for random noise.
     */
    private double[][] presetNoise;
    private boolean presetIsMeasurement;
    /** Explicit per-trajectory seeds ({@link #seeds(long[])}), or null: seeds derived from the master seed. */
    private long[] seeds;
    /** The number of trajectories asked for: the options' ntraj, or the number of explicit seeds. */
    private int requested;
    /** What the map runs per task: this engine, or a function that can travel to a cluster. */
    private java.util.function.Function<Task, Output> function = this::guarded;

    /** Builds the same engine again on another JVM, from the solver's inputs (all serialisable). */
    interface Rebuild extends Serializable {
        StochasticEngine build();
    }

    /**
     * Hands the map a task function that carries the problem instead of this engine, so that a
     * distributed map (Spark) can send it: on another JVM it rebuilds the engine once from
     * {@code rebuild}, while in this JVM it runs this engine as it is. A callback or coefficient
     * that is not serialisable makes the sending fail, naming its class.
     *
     * @return this engine
     */
    StochasticEngine shippable(Rebuild rebuild) {
        this.function = new Shipped(this, rebuild);
        return this;
    }

    /**
     * Runs one trajectory per given seed instead of {@code ntraj} seeds derived from the master
     * seed: trajectory i draws from {@code new SplittableRandom(seeds[i])}, so the seeds of an
     * earlier run ({@link StochasticResult#seeds()}) rerun its trajectories exactly (QuTiP's
     * {@code seeds=}).
     *
     * @param s one seed per trajectory, at least one (copied)
     * @return this engine
     */
    StochasticEngine seeds(long[] s) {
        if (s.length == 0) {
            throw new IllegalArgumentException(operation + ": seeds must hold at least one seed");
        }
        this.seeds = s.clone();
        this.requested = s.length;
        return this;
    }

    /**
     * QuTiP's {@code m_ops} and {@code dW_factors}: record k of a trajectory over an output
     * interval is {@code Re <m_k> + f_k ΔW_k / Δt}, with {@code <m_k>} taken on the output state
     * where {@link StochasticOptions#measurementAt()} says. Null for either keeps its default:
     * {@code c + c†} (and {@code -i(c - c†)} for heterodyne) of each monitored operator c, and
     * factors 1 (heterodyne √2). The lengths and dimensions are checked by the solvers.
     *
     * @return this engine
     */
    StochasticEngine measurementOps(List<Qobj> ops, double[] factors) {
        this.mOps = ops == null ? null : List.copyOf(ops);
        this.dWFactors = factors == null ? null : factors.clone();
        return this;
    }

    /**
     * The measured expectations of the records at one output time: the monitored operators'
     * {@code <s + s†>} (the equation's own, on y), or the real parts of the {@code m_ops}
     * expectations on the output state {@code out} (interleaved) scaled as QuTiP's records.
     */
    private void measured(QuantumSde sys, double t, double[] y, double[] out, boolean normalize, double[] into) {
        if (mOps == null) {
            sys.measurementExpect(t, normalize ? sys.internalState(out) : y, into);
            return;
        }
        for (int k = 0; k < mOps.size(); k++) {
            Complex e = density ? Data.expectRho(mOps.get(k).data(), out) : Data.expectKet(mOps.get(k).data(), out);
            into[k] = e.re();
        }
    }

    /**
     * QuTiP's {@code run_from_experiment}: one trajectory whose noise is given, one step per
     * output interval (the output times must be evenly spaced; the step is their spacing). With
     * {@code measurement} the noise is the measured currents of the default records taken at the
     * start of each interval, {@code J = f (<s + s†> + ΔW/Δt)}, and each step recovers its
     * increment {@code ΔW = (J/f - <s + s†>) Δt} from the state at the step's start; otherwise
     * it is the increments ΔW themselves. Methods that need the double integral of the noise
     * ({@code explicit1.5}, {@code taylor1.5}) cannot be run from given increments.
     *
     * @return this engine
     */
    StochasticEngine fromExperiment(double[][] noise, boolean measurement) {
        int m = prototype.noises;
        int intervals = times.length - 1;
        if (intervals < 1) {
            throw new IllegalArgumentException(operation + ": runFromExperiment needs at least two output times");
        }
        double spacing = times[1] - times[0];
        for (int i = 1; i <= intervals; i++) {
            if (Math.abs(times[i] - times[i - 1] - spacing) > 1e-9 * Math.max(1, Math.abs(spacing))) {
                throw new IllegalArgumentException(operation + ": runFromExperiment needs evenly spaced output times "
                        + "(one step per interval, as QuTiP's run_from_experiment); interval " + (i - 1) + " is "
                        + (times[i] - times[i - 1]) + ", the first " + spacing);
            }
        }
        if (noise.length != m) {
            throw new IllegalArgumentException(operation + ": the noise must have one row per record channel (" + m
                    + (options.heterodyne() ? ": two per monitored operator for heterodyne detection" : "") + "), got "
                    + noise.length);
        }
        for (int k = 0; k < m; k++) {
            if (noise[k] == null || noise[k].length != intervals) {
                throw new IllegalArgumentException(operation + ": noise row " + k + " must hold one value per output "
                        + "interval (" + intervals + "), got " + (noise[k] == null ? "null" : noise[k].length));
            }
            for (double v : noise[k]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException(operation + ": noise row " + k + " holds " + v);
                }
            }
        }
        if (SdeStepper.create(options.method(), prototype.forOneRun(), operation).needsDoubleIntegral()) {
            throw new IllegalArgumentException(operation + ": method '" + options.method() + "' needs the double "
                    + "integral of the noise and cannot run from given increments; use euler, milstein, platen, "
                    + "pred_corr, rouchon or an implicit method");
        }
        if (measurement && (mOps != null || dWFactors != null)) {
            throw new IllegalArgumentException(operation + ": runFromExperiment from a measurement takes the default "
                    + "measurement operators and noise factors only (as QuTiP)");
        }
        this.presetNoise = new double[m][];
        for (int k = 0; k < m; k++) {
            presetNoise[k] = noise[k].clone();
        }
        this.presetIsMeasurement = measurement;
        this.requested = 1;
        return this;
    }

    /** The task function of {@link #shippable}. */
    static final class Shipped implements java.util.function.Function<Task, Output>, Serializable {
        private static final long serialVersionUID = 1L;
        private final Rebuild rebuild;
        private transient volatile StochasticEngine local;

        Shipped(StochasticEngine engine, Rebuild rebuild) {
            this.local = engine;
            this.rebuild = rebuild;
        }

        @Override
        public Output apply(Task task) {
            StochasticEngine engine = local;
            if (engine == null) {
                synchronized (this) {
                    engine = local;
                    if (engine == null) {
                        engine = rebuild.build();
                        local = engine;
                    }
                }
            }
            return engine.guarded(task);
        }
    }

    StochasticEngine(String operation, QuantumSde prototype, boolean density, int n, Dims operDims,
                     StochasticOptions options, double[] initial, double[] times, List<Qobj> eOps,
                     List<ExpectFunction> eFuncs, long startNanos) {
        this.operation = operation;
        this.prototype = prototype;
        this.density = density;
        this.n = n;
        this.operDims = operDims;
        this.options = options;
        this.factor = options.heterodyne() ? Math.sqrt(2) : 1;
        this.initial = initial;
        this.times = times;
        this.eOps = eOps;
        this.eFuncs = eFuncs;
        int ne = eOps.size() + eFuncs.size();
        this.hermitian = new boolean[ne];
        for (int k = 0; k < ne; k++) {
            hermitian[k] = k >= eOps.size() || eOps.get(k).isHerm();
        }
        SolverOptions so = options.solver();
        this.storeStates = so.storeStates() != null ? so.storeStates() : ne == 0;
        this.storeFinal = so.storeFinalState();
        this.startNanos = startNanos;
        long limit = Long.MAX_VALUE;
        if (options.timeout() != null) {
            long nanos;
            try {
                nanos = options.timeout().toNanos();
            } catch (ArithmeticException tooLong) {
                nanos = Long.MAX_VALUE;
            }
            limit = nanos > Long.MAX_VALUE - startNanos ? Long.MAX_VALUE : startNanos + nanos;
        }
        this.deadline = limit;
        this.requested = options.ntraj();
        // refuse an unknown or unavailable method before any trajectory runs
        SdeStepper.create(options.method(), prototype.forOneRun(), operation);
    }

    /** The e-ops checked against the system's dimensions. */
    static List<Qobj> checkEOps(String operation, List<Qobj> eOps, Dims operDims) {
        List<Qobj> ops = Evolution.elements(operation, "eOps", eOps);
        for (int k = 0; k < ops.size(); k++) {
            if (!ops.get(k).dims().equals(operDims)) {
                throw new DimensionMismatchException(operation + ": e-op " + k + " and the Hamiltonian",
                        ops.get(k).dims(), operDims);
            }
        }
        return ops;
    }

    /**
     * The number of steps of an output interval, as QuTiP: {@code floor(Δ/dt)}, plus one when
     * the remainder exceeds half a step; at least one for a non-empty interval.
     */
    static int steps(double delta, double dt) {
        if (delta <= 0) {
            return 0;
        }
        double q = Math.floor(delta / dt);
        double extra = delta - q * dt;
        long steps = (long) q + (extra > 0.5 * dt ? 1 : 0);
        if (steps > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an output interval of " + delta + " needs " + steps
                    + " steps of dt = " + dt + "; use a larger dt");
        }
        return (int) Math.max(1, steps);
    }

    StochasticResult execute() {
        // one trajectory from given noise runs here, whatever the map (the noise stays in this engine)
        TaskMap map = presetNoise != null ? TaskMap.serial()
                : options.map() != null ? options.map() : TaskMap.defaultMap();   // LINDBLAD_MAP, as mcsolve
        long master = options.seed() != null ? options.seed() : new SplittableRandom().nextLong();
        int ntraj = requested;
        Reduction reduction = new Reduction();
        List<TrajectoryFailure> failures = new ArrayList<>();
        McResult.StopReason reason = McResult.StopReason.COMPLETED;
        TrajectoryFailure fatal = null;
        double setup = (System.nanoTime() - startNanos) / 1e9;
        try (Progress bar = new Progress(options.solver().progress(), ntraj, operation)) {
            AtomicInteger done = new AtomicInteger();
            int next = 0;
            int batch = options.targetTol() > 0 ? Math.max(1, 4 * map.parallelism()) : ntraj;
            while (next < ntraj) {
                int end = Math.min(ntraj, next + batch);
                List<Task> tasks = new ArrayList<>(end - next);
                for (int i = next; i < end; i++) {
                    tasks.add(new Task(i, seeds != null ? seeds[i] : McSolver.trajectorySeed(master, i)));
                }
                List<Output> outputs;
                boolean interrupted = false;
                try {
                    outputs = map.map(tasks, function, i -> bar.update(done.incrementAndGet()));
                } catch (TaskMapInterruptedException e) {
                    outputs = new ArrayList<>();
                    for (Object o : e.results()) {
                        outputs.add((Output) o);
                    }
                    interrupted = true;
                }
                boolean notStarted = false;
                for (Output out : outputs) {
                    if (reason == McResult.StopReason.TARGET_TOLERANCE) {
                        break;
                    }
                    if (out == null) {
                        continue;
                    }
                    switch (out.status()) {
                        case DONE -> {
                            reduction.add(out);
                            if (options.targetTol() > 0 && reduction.belowTolerance(options.targetTol())) {
                                reason = McResult.StopReason.TARGET_TOLERANCE;
                            }
                        }
                        case FAILED -> {
                            TrajectoryFailure f = new TrajectoryFailure(out.task().index(), out.task().seed(),
                                    out.failure());
                            failures.add(f);
                            if (!options.skipFailures() && fatal == null) {
                                fatal = f;
                            }
                        }
                        case NOT_STARTED -> notStarted = true;
                        case INTERRUPTED -> interrupted = true;
                    }
                }
                next = end;
                if (interrupted || Thread.currentThread().isInterrupted()) {
                    reason = McResult.StopReason.INTERRUPTED;
                    break;
                }
                if (fatal != null) {
                    reason = McResult.StopReason.FAILURE;
                    break;
                }
                if (reason == McResult.StopReason.TARGET_TOLERANCE) {
                    break;
                }
                if (notStarted || (next < ntraj && System.nanoTime() >= deadline)) {
                    reason = McResult.StopReason.TIMEOUT;
                    break;
                }
            }
        }
        StochasticResult result = reduction.build(master, failures, reason, setup);
        if (reason == McResult.StopReason.INTERRUPTED) {
            throw new SolverInterruptedException(operation, result.ntraj() + " of " + ntraj + " trajectories "
                    + "finished and are in the partial result; the threads that ran them have stopped", result);
        }
        if (fatal != null) {
            throw new TrajectoryException(operation, fatal.index(), fatal.seed(), result, fatal.cause());
        }
        return result;
    }

    private Output guarded(Task task) {
        if (Thread.currentThread().isInterrupted()) {
            return Output.of(task, Status.INTERRUPTED, null);
        }
        if (stop.get() || (task.index() > 0 && System.nanoTime() >= deadline)) {
            return Output.of(task, Status.NOT_STARTED, null);
        }
        try {
            return trajectory(task);
        } catch (Interrupted e) {
            return Output.of(task, Status.INTERRUPTED, null);
        } catch (Throwable e) {
            if (Thread.currentThread().isInterrupted()) {
                return Output.of(task, Status.INTERRUPTED, null);
            }
            if (!options.skipFailures()) {
                stop.set(true);
            }
            return Output.of(task, Status.FAILED, e);
        }
    }

    /** Thrown inside a trajectory when the thread is interrupted. */
    private static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super(null, null, false, false);
        }
    }

    /** One trajectory: a pure function of the task (and the problem). */
    Output trajectory(Task task) {
        SplittableRandom rng = new SplittableRandom(task.seed());
        QuantumSde sys = prototype.forOneRun();
        SdeStepper stepper = SdeStepper.create(options.method(), sys, operation);
        boolean needZ = stepper.needsDoubleIntegral();
        int m = sys.noises;
        double[] y = sys.internalState(initial);
        double[] next = new double[y.length];
        int nt = times.length;
        int ne = hermitian.length;
        double[][] expect = new double[ne][2 * nt];
        double[][] states = storeStates ? new double[nt][] : null;
        double[] finalState = null;
        boolean store = options.storeMeasurement();
        double[][] measurement = store ? new double[m][Math.max(0, nt - 1)] : null;
        double[][] wiener = store ? new double[m][Math.max(0, nt - 1)] : null;
        double[] dW = new double[m], dZ = new double[m], wsum = new double[m], mexp = new double[m];
        // the measured operators' expectations at the interval's start (the previous output time),
        // for the records taken at the start or the middle of each interval
        String at = options.measurementAt();
        double[] mexpStart = store && !at.equals("end") ? new double[m] : null;
        double dt = options.dt();
        long steps = 0;
        double[] raw = initial;   // the state at the output time, interleaved (never written: initial is shared)
        // one buffer for every output time: a trajectory allocates nothing per output unless
        // states are kept or normalised (on this kind of VM fresh heap pages are slow to fault
        // in, and a run allocating per output grew the young generation through them for seconds)
        double[] rawBuffer = new double[y.length];
        boolean normalize = options.solver().normalizeOutput();
        if (mexpStart != null) {
            measured(sys, times[0], y, normalize ? outputState(raw) : raw, normalize, mexpStart);
        }
        for (int i = 0; i < nt; i++) {
            if (i > 0) {
                double t0 = times[i - 1], delta = times[i] - t0;
                int count = presetNoise != null ? 1 : steps(delta, dt);
                double h = count == 0 ? 0 : delta / count, sq = Math.sqrt(h);
                java.util.Arrays.fill(wsum, 0);
                for (int s = 0; s < count; s++) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new Interrupted();
                    }
                    if (presetNoise == null) {
                        for (int k = 0; k < m; k++) {
                            dW[k] = sq * rng.nextGaussian();
                        }
                    } else if (!presetIsMeasurement) {
                        for (int k = 0; k < m; k++) {
                            dW[k] = presetNoise[k][i - 1];
                        }
                    } else {
                        // the increment the measured current implies, from the state at the step's start
                        sys.measurementExpect(t0, y, dW);
                        for (int k = 0; k < m; k++) {
                            dW[k] = (presetNoise[k][i - 1] / factor - dW[k]) * h;
                        }
                    }
                    if (needZ) {
                        for (int k = 0; k < m; k++) {
                            dZ[k] = 0.5 * h * (dW[k] + sq * rng.nextGaussian() / Math.sqrt(3));
                        }
                    }
                    stepper.step(t0 + s * h, h, y, dW, dZ, next);
                    double[] swap = y;
                    y = next;
                    next = swap;
                    for (int k = 0; k < m; k++) {
                        wsum[k] += dW[k];
                    }
                }
                steps += count;
                raw = sys.externalState(y, rawBuffer);
                double scale = density ? trace(raw) : QuantumSde.dot(raw, raw);
                if (!(Math.abs(scale) > 0) || !Double.isFinite(scale)) {
                    throw new IllegalStateException("the state became " + (density ? "a matrix of trace " : "a ket of "
                            + "squared norm ") + scale + " at t = " + times[i] + " (method " + options.method()
                            + ", dt = " + h + "): take a smaller dt");
                }
                if (store) {
                    // QuTiP evaluates the measured operators on the output state: raw, which is y
                    // in the equation's layout, unless normalizeOutput
                    measured(sys, times[i], y, normalize ? outputState(raw) : raw, normalize, mexp);
                    for (int k = 0; k < m; k++) {
                        double e = switch (at) {
                            case "start" -> mexpStart[k];
                            case "middle" -> 0.5 * (mexpStart[k] + mexp[k]);
                            default -> mexp[k];
                        };
                        double noise = delta > 0 ? wsum[k] / delta : 0;
                        if (mOps == null && dWFactors == null) {
                            measurement[k][i - 1] = factor * (e + noise);
                        } else {
                            // QuTiP's default m_ops of heterodyne detection are √2 times the
                            // equation's own <s + s†> (s = c/√2 and -i c/√2)
                            measurement[k][i - 1] = (mOps == null ? factor * e : e)
                                    + (dWFactors == null ? factor : dWFactors[k]) * noise;
                        }
                        wiener[k][i - 1] = wsum[k];
                    }
                    if (mexpStart != null) {
                        System.arraycopy(mexp, 0, mexpStart, 0, m);
                    }
                }
            }
            boolean kept = storeStates || (storeFinal && i == nt - 1);
            double[] out = normalize || kept ? outputState(raw) : raw;   // read only below unless kept
            for (int k = 0; k < eOps.size(); k++) {
                Complex e = density ? Data.expectRho(eOps.get(k).data(), out) : Data.expectKet(eOps.get(k).data(), out);
                expect[k][2 * i] = e.re();
                expect[k][2 * i + 1] = hermitian[k] ? 0 : e.im();
            }
            if (!eFuncs.isEmpty()) {
                Qobj q = toQobj(out);
                for (int k = 0; k < eFuncs.size(); k++) {
                    double v = eFuncs.get(k).apply(times[i], q);
                    if (!Double.isFinite(v)) {
                        throw new IllegalStateException("e-op callback " + k + " returned " + v + " at t = " + times[i]);
                    }
                    expect[eOps.size() + k][2 * i] = v;
                }
            }
            if (storeStates) {
                states[i] = out;
            }
            if (storeFinal && i == nt - 1) {
                finalState = out;
            }
        }
        return new Output(task, Status.DONE, expect, states, finalState, measurement, wiener, steps, null);
    }

    private double trace(double[] rho) {
        double tr = 0;
        for (int i = 0; i < n; i++) {
            tr += rho[2 * (i * n + i)];
        }
        return tr;
    }

    /**
     * The state the e-ops see: as integrated (QuTiP 5's default for the stochastic solvers), or
     * with {@link SolverOptions#normalizeOutput()} the normalised ket or the density matrix
     * divided by its trace.
     */
    private double[] outputState(double[] y) {
        double scale = 1;
        if (options.solver().normalizeOutput()) {
            scale = density ? 1 / trace(y) : 1 / Math.sqrt(QuantumSde.dot(y, y));
        }
        double[] out = new double[y.length];
        for (int k = 0; k < y.length; k++) {
            out[k] = y[k] * scale;
        }
        return out;
    }

    private Qobj toQobj(double[] state) {
        return density ? Qobj.of(DenseMatrix.wrap(n, n, state.clone()), operDims)
                : Qobj.of(DenseMatrix.wrap(n, 1, state.clone()), Dims.ket(operDims.in()));
    }

    /** The sums over trajectories, in index order. */
    private final class Reduction {
        private final int ne = hermitian.length;
        private final int nt = times.length;
        private final double[][] sum = new double[ne][2 * nt];
        private final double[][] sumSquares = new double[ne][2 * nt];
        private final double[][] rhoSum = storeStates ? new double[nt][2 * n * n] : null;
        private final double[] finalSum = storeFinal ? new double[2 * n * n] : null;
        private final List<Output> kept = new ArrayList<>();
        private long steps;

        void add(Output out) {
            kept.add(out);
            steps += out.steps();
            for (int k = 0; k < ne; k++) {
                double[] x = out.expect()[k], s = sum[k], q = sumSquares[k];
                for (int c = 0; c < x.length; c++) {
                    s[c] += x[c];
                    q[c] += x[c] * x[c];
                }
            }
            if (rhoSum != null) {
                for (int i = 0; i < nt; i++) {
                    addState(rhoSum[i], out.states()[i]);
                }
            }
            if (finalSum != null) {
                addState(finalSum, out.finalState());
            }
        }

        private void addState(double[] rho, double[] state) {
            if (density) {
                for (int c = 0; c < rho.length; c++) {
                    rho[c] += state[c];
                }
                return;
            }
            for (int j = 0; j < n; j++) {
                double br = state[2 * j], bi = -state[2 * j + 1];
                int col = 2 * j * n;
                for (int i = 0; i < n; i++) {
                    double ar = state[2 * i], ai = state[2 * i + 1];
                    rho[col + 2 * i] += ar * br - ai * bi;
                    rho[col + 2 * i + 1] += ar * bi + ai * br;
                }
            }
        }

        boolean belowTolerance(double tol) {
            if (kept.size() < McSolver.MIN_TRAJECTORIES_FOR_TOLERANCE) {
                return false;
            }
            for (double[] row : standardErrors()) {
                for (double v : row) {
                    if (!(v < tol)) {
                        return false;
                    }
                }
            }
            return true;
        }

        private double[][] standardErrors() {
            int count = kept.size();
            double[][] se = new double[ne][2 * nt];
            if (count < 2) {
                return se;
            }
            for (int k = 0; k < ne; k++) {
                for (int c = 0; c < 2 * nt; c++) {
                    double mu = sum[k][c] / count;
                    double var = Math.max(0, sumSquares[k][c] / count - mu * mu) * count / (count - 1.0);
                    se[k][c] = Math.sqrt(var / count);
                }
            }
            return se;
        }

        StochasticResult build(long master, List<TrajectoryFailure> failures, McResult.StopReason reason,
                               double setup) {
            int count = kept.size();
            double[][] mean = new double[ne][2 * nt];
            double[][] std = new double[ne][2 * nt];
            for (int k = 0; k < ne; k++) {
                for (int c = 0; c < 2 * nt; c++) {
                    double mu = count == 0 ? 0 : sum[k][c] / count;
                    double second = count == 0 ? 0 : sumSquares[k][c] / count;
                    mean[k][c] = mu;
                    std[k][c] = Math.sqrt(Math.max(0, second - mu * mu));
                }
            }
            List<Qobj> states = null;
            Qobj finalState = null;
            Dims rhoDims = Dims.oper(operDims.out());
            if (rhoSum != null && count > 0) {
                states = new ArrayList<>(nt);
                for (int i = 0; i < nt; i++) {
                    states.add(Qobj.of(DenseMatrix.wrap(n, n, scaled(rhoSum[i], 1.0 / count)), rhoDims));
                }
            }
            if (finalSum != null && count > 0) {
                finalState = Qobj.of(DenseMatrix.wrap(n, n, scaled(finalSum, 1.0 / count)), rhoDims);
            }
            int[] indices = new int[count];
            long[] seeds = new long[count];
            boolean store = options.storeMeasurement();
            List<double[][]> measurements = store ? new ArrayList<>(count) : null;
            List<double[][]> wiener = store ? new ArrayList<>(count) : null;
            for (int j = 0; j < count; j++) {
                Output out = kept.get(j);
                indices[j] = out.task().index();
                seeds[j] = out.task().seed();
                if (store) {
                    measurements.add(out.measurement());
                    wiener.add(out.wiener());
                }
            }
            Stats stats = new Stats(steps, 0, 0, (System.nanoTime() - startNanos) / 1e9, options.method(),
                    operation + (options.heterodyne() ? " heterodyne" : " homodyne") + ", dt = " + options.dt(), setup);
            return new StochasticResult(operation, times.clone(), mean, std, standardErrors(), hermitian,
                    requested, master, indices, seeds, measurements, wiener, states, finalState, failures, reason,
                    options.heterodyne(), stats);
        }

        private double[] scaled(double[] x, double s) {
            double[] out = new double[x.length];
            for (int c = 0; c < x.length; c++) {
                out[c] = x[c] * s;
            }
            return out;
        }
    }
}
