package dev.lindblad.solver;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.data.Data;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.ode.EventFunction;
import dev.lindblad.ode.IntegrationFailure;
import dev.lindblad.ode.Integrator;
import dev.lindblad.ode.Integrators;
import dev.lindblad.parallel.TaskMap;
import dev.lindblad.parallel.TaskMapInterruptedException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One {@link McSolver#run} call: the map over trajectory tasks, one trajectory, and the
 * reduction in index order. See {@link McSolver} for the method and its guarantees.
 */
final class Trajectories {

    /**
     * A trajectory to run, small and serialisable so that a cluster map can ship it next to the
     * (broadcast) problem.
     *
     * @param index          trajectory index
     * @param seed           seed of its random stream
     * @param noJump         the no-jump trajectory of improved sampling (never jumps)
     * @param firstJumpFloor the first jump's uniform number is drawn in {@code [floor, 1)}
     *                       (improved sampling: the no-jump probability; otherwise 0)
     */
    record Task(int index, long seed, boolean noJump, double firstJumpFloor) implements Serializable {
    }

    enum Status { DONE, FAILED, NOT_STARTED, INTERRUPTED }

    /** What one trajectory gives back; arrays are null when not asked for. */
    record Output(Task task, Status status, double[][] expect, List<Collapse> collapses, double[][] states,
                  double[] finalKet, double finalNormSquared, long steps, long rhsCalls, long rejected,
                  double wallSeconds, Throwable failure) implements Serializable {

        static Output notStarted(Task t) {
            return new Output(t, Status.NOT_STARTED, null, null, null, null, 0, 0, 0, 0, 0, null);
        }

        static Output interrupted(Task t) {
            return new Output(t, Status.INTERRUPTED, null, null, null, null, 0, 0, 0, 0, 0, null);
        }

        static Output failed(Task t, Throwable e) {
            return new Output(t, Status.FAILED, null, null, null, null, 0, 0, 0, 0, 0, e);
        }
    }

    private final McSolver solver;
    private final McOptions options;
    private final McSolver.InitialState initial;
    private final double[] times;
    private final List<Qobj> eOps;
    private final boolean[] hermitian;
    private final boolean storeStates;
    private final boolean storeFinal;
    private final long startNanos;
    private final long deadline;
    private final AtomicBoolean stop = new AtomicBoolean();

    /** Explicit per-trajectory seeds, or null: seeds derived from the master seed. */
    private final long[] seeds;

    Trajectories(McSolver solver, McSolver.InitialState initial, double[] times, List<Qobj> eOps, long startNanos,
                 long[] seeds) {
        this.seeds = seeds;
        this.solver = solver;
        this.options = solver.options();
        this.initial = initial;
        this.times = times;
        this.eOps = eOps;
        this.hermitian = new boolean[eOps.size()];
        for (int k = 0; k < hermitian.length; k++) {
            hermitian[k] = eOps.get(k).isHerm();
        }
        SolverOptions so = options.solver();
        this.storeStates = so.storeStates() != null ? so.storeStates() : eOps.isEmpty();
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
    }

    private long seedOf(long master, int index) {
        return seeds != null ? seeds[index] : McSolver.trajectorySeed(master, index);
    }

    McResult execute() {
        TaskMap map = options.map() != null ? options.map() : TaskMap.defaultMap();
        Shipped function = new Shipped(this);
        long master = options.seed() != null ? options.seed() : new SplittableRandom().nextLong();
        int ntraj = seeds != null ? seeds.length : options.ntraj();
        Reduction reduction = new Reduction(solver.dimension());
        List<TrajectoryFailure> failures = new ArrayList<>();
        McResult.StopReason reason = McResult.StopReason.COMPLETED;
        TrajectoryFailure fatal = null;
        double setup = (System.nanoTime() - startNanos) / 1e9;
        try (Progress bar = new Progress(options.solver().progress(), ntraj, "mcsolve")) {
            AtomicInteger done = new AtomicInteger();
            int next = 0;
            double floor = 0;
            if (options.improvedSampling()) {
                Output noJump = guarded(new Task(0, seedOf(master, 0), true, 0));
                bar.update(done.incrementAndGet());
                if (noJump.status() == Status.INTERRUPTED) {
                    throw new SolverInterruptedException("no trajectory finished (interrupted in the no-jump "
                            + "trajectory of improved sampling)", reduction.build(master, List.of(),
                            McResult.StopReason.INTERRUPTED, setup));
                }
                if (noJump.status() != Status.DONE) {
                    TrajectoryFailure f = new TrajectoryFailure(0, noJump.task().seed(), noJump.failure());
                    throw new TrajectoryException(0, f.seed(), reduction.build(master, List.of(f),
                            McResult.StopReason.FAILURE, setup), f.cause());
                }
                reduction.setNoJump(noJump);
                floor = noJump.finalNormSquared();
                next = 1;
            }
            // a cluster's tasks cannot see this JVM's clock: a timeout is checked between batches
            int batch = options.targetTol() > 0 ? Math.max(1, 4 * map.parallelism())
                    : options.timeout() != null && map.distributed() ? Math.max(1, 16 * map.parallelism()) : ntraj;
            while (next < ntraj) {
                int end = Math.min(ntraj, next + batch);
                List<Task> tasks = new ArrayList<>(end - next);
                for (int i = next; i < end; i++) {
                    tasks.add(new Task(i, seedOf(master, i), false, floor));
                }
                List<Output> outputs;
                boolean interrupted = false;
                try {
                    outputs = map.map(tasks, function, i -> bar.update(done.incrementAndGet()));
                } catch (TaskMapInterruptedException e) {
                    // the map stopped its threads; keep every trajectory that finished whole
                    outputs = new ArrayList<>();
                    for (Object o : e.results()) {
                        outputs.add((Output) o);
                    }
                    interrupted = true;
                }
                boolean notStarted = false;
                for (Output out : outputs) {
                    if (reason == McResult.StopReason.TARGET_TOLERANCE) {
                        break;   // dropped so that the cut does not depend on the batch size
                    }
                    if (out == null) {
                        continue;   // cut short by the interrupt
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
        McResult result = reduction.build(master, failures, reason, setup);
        if (reason == McResult.StopReason.INTERRUPTED) {
            throw new SolverInterruptedException(result.ntraj() + " of " + ntraj + " trajectories finished and are "
                    + "in the partial result; the threads that ran them have stopped", result);
        }
        if (fatal != null) {
            throw new TrajectoryException(fatal.index(), fatal.seed(), result, fatal.cause());
        }
        return result;
    }

    /**
     * The task function as it travels to a cluster's executors: the problem (the operators,
     * the options without their map, the initial state, the times and the e-ops) is serialised,
     * and the solver is built again once per executor JVM on its first task. On this JVM (a
     * threads map, or Spark's local mode) the caller's run is used as it is. A coefficient
     * function that is not serialisable makes the serialisation fail, naming its class.
     */
    static final class Shipped implements java.util.function.Function<Task, Output>, Serializable {
        private final QobjEvo hamiltonian;
        private final List<QobjEvo> cOps;
        private final McOptions options;
        private final McSolver.InitialState initial;
        private final double[] times;
        private final List<Qobj> eOps;
        private transient volatile Trajectories local;

        Shipped(Trajectories run) {
            this.local = run;
            this.hamiltonian = run.solver.hamiltonianEvo();
            this.cOps = run.solver.collapseEvos();
            McOptions o = run.options;
            this.options = new McOptions(o.solver(), o.ntraj(), o.seed(), null, o.targetTol(), o.timeout(),
                    o.improvedSampling(), o.keepRuns(), o.skipFailures(), o.normTol(), o.normTimeTol());
            this.initial = run.initial;
            this.times = run.times;
            this.eOps = List.copyOf(run.eOps);
        }

        @Override
        public Output apply(Task task) {
            Trajectories run = local;
            if (run == null) {
                synchronized (this) {
                    run = local;
                    if (run == null) {
                        // each task carries its own seed, so the executor's copy needs no seed list
                        run = new Trajectories(new McSolver(hamiltonian, cOps, options), initial, times, eOps,
                                System.nanoTime(), null);
                        local = run;
                    }
                }
            }
            return run.guarded(task);
        }
    }

    /**
     * The task function: honours an interrupt (checked before the trajectory and before each of
     * its steps), the timeout and a failure elsewhere, and never throws. Any {@link Throwable}
     * of a trajectory (an {@link AssertionError} or a {@link StackOverflowError} in a coefficient
     * function as much as a {@link RuntimeException}) is that trajectory's failure, so the
     * trajectories that finished are kept.
     */
    private Output guarded(Task task) {
        if (Thread.currentThread().isInterrupted()) {
            return Output.interrupted(task);
        }
        if (stop.get() || (task.index() > 0 && System.nanoTime() >= deadline)) {
            return Output.notStarted(task);
        }
        try {
            return trajectory(task);
        } catch (Throwable e) {
            if (Thread.currentThread().isInterrupted()
                    || (e instanceof IntegrationFailure f && f.reason() == IntegrationFailure.Reason.INTERRUPTED)) {
                return Output.interrupted(task);
            }
            if (!options.skipFailures()) {
                stop.set(true);
            }
            return Output.failed(task, e);
        }
    }

    /** One trajectory; a pure function of the task (and the problem). */
    Output trajectory(Task task) {
        long t0 = System.nanoTime();
        SplittableRandom rng = new SplittableRandom(task.seed());
        int n = solver.dimension();
        int channels = solver.channels();
        double[] y = initial.draw(rng);
        Integrator integrator = Integrators.create(options.solver().method(), 2 * n, solver.generator().forOneRun(),
                options.solver().integratorOptions());
        integrator.reset(times[0], y);
        double[] threshold = new double[1];
        if (!task.noJump() && channels > 0) {
            threshold[0] = task.firstJumpFloor() + (1 - task.firstJumpFloor()) * rng.nextDouble();
        }
        EventFunction normReached = (t, state) -> McSolver.normSquared(state) - threshold[0];
        int nt = times.length;
        int ne = eOps.size();
        double[][] expect = new double[ne][2 * nt];
        double[][] states = storeStates ? new double[nt][] : null;
        double[] finalKet = null;
        List<Collapse> jumps = new ArrayList<>();
        double[][] scratch = new double[channels][2 * n];
        double[] rates = new double[channels];
        double normSquared = McSolver.normSquared(y);
        for (int i = 0; i < nt; i++) {
            if (i > 0) {
                while (true) {
                    double t = integrator.integrateUntilEvent(times[i], normReached,
                            solver.jumpTimeTolerance(threshold[0]), y);
                    normSquared = McSolver.normSquared(y);
                    if (!(normSquared > 0) || !Double.isFinite(normSquared)) {
                        throw new IllegalStateException("the norm of the ket became " + Math.sqrt(normSquared)
                                + " at t = " + t);
                    }
                    if (normSquared > threshold[0]) {
                        break;   // reached times[i] with no jump
                    }
                    int channel = jump(t, y, normSquared, rng, scratch, rates);
                    if (channel >= 0) {
                        jumps.add(new Collapse(t, channel));
                    }
                    normSquared = McSolver.normSquared(y);
                    do {
                        threshold[0] = rng.nextDouble();
                    } while (threshold[0] >= normSquared);
                    integrator.restart(t, y);
                }
            }
            double inverse = 1 / normSquared;
            for (int k = 0; k < ne; k++) {
                Complex e = Data.expectKet(eOps.get(k).data(), y);
                expect[k][2 * i] = e.re() * inverse;
                expect[k][2 * i + 1] = hermitian[k] ? 0 : e.im() * inverse;
            }
            if (storeStates || (storeFinal && i == nt - 1)) {
                double scale = 1 / Math.sqrt(normSquared);
                double[] copy = new double[y.length];
                for (int c = 0; c < copy.length; c++) {
                    copy[c] = y[c] * scale;
                }
                if (storeStates) {
                    states[i] = copy;
                }
                if (i == nt - 1) {
                    finalKet = copy;
                }
            }
        }
        return new Output(task, Status.DONE, expect, List.copyOf(jumps), states, finalKet, normSquared,
                integrator.steps(), integrator.rhsCalls(), integrator.rejectedSteps(), (System.nanoTime() - t0) / 1e9,
                null);
    }

    /**
     * Applies a jump at t: channel k with probability {@code ||c_k psi||² / sum_l ||c_l psi||²},
     * then normalises. When no channel acts (the norm fell by integration error alone) the ket is
     * only normalised and -1 is returned.
     */
    private int jump(double t, double[] y, double normSquared, SplittableRandom rng, double[][] scratch,
                     double[] rates) {
        double total = 0;
        for (int k = 0; k < rates.length; k++) {
            solver.applyChannel(k, t, y, scratch[k]);
            rates[k] = McSolver.normSquared(scratch[k]);
            total += rates[k];
        }
        if (!Double.isFinite(total)) {
            throw new IllegalStateException("the jump rates at t = " + t + " are not finite: " + total);
        }
        if (total == 0) {
            scale(y, y, 1 / Math.sqrt(normSquared));
            return -1;
        }
        double u = rng.nextDouble() * total;
        int chosen = -1;
        double cumulative = 0;
        for (int k = 0; k < rates.length; k++) {
            if (rates[k] == 0) {
                continue;
            }
            chosen = k;
            cumulative += rates[k];
            if (u < cumulative) {
                break;
            }
        }
        scale(scratch[chosen], y, 1 / Math.sqrt(rates[chosen]));
        return chosen;
    }

    private static void scale(double[] from, double[] to, double s) {
        for (int c = 0; c < from.length; c++) {
            to[c] = from[c] * s;
        }
    }

    /**
     * The sums over trajectories, in the order they are added (trajectory-index order), and
     * everything the result keeps about each trajectory.
     */
    private final class Reduction {
        private final int n;
        private final int ne;
        private final int nt;
        private final double[][] sum;
        private final double[][] sumSquares;
        private final double[][] rhoSum;
        private final double[] finalRhoSum;
        private final List<Output> kept = new ArrayList<>();
        private Output noJump;
        private int count;            // jump trajectories added
        private long steps, rhsCalls, rejected;

        Reduction(int n) {
            this.n = n;
            this.ne = eOps.size();
            this.nt = times.length;
            this.sum = new double[ne][2 * nt];
            this.sumSquares = new double[ne][2 * nt];
            this.rhoSum = storeStates ? new double[nt][2 * n * n] : null;
            this.finalRhoSum = storeFinal ? new double[2 * n * n] : null;
        }

        void setNoJump(Output out) {
            noJump = out;
            kept.add(out);
            counters(out);
        }

        void add(Output out) {
            count++;
            kept.add(out);
            counters(out);
            for (int k = 0; k < ne; k++) {
                double[] x = out.expect()[k], s = sum[k], q = sumSquares[k];
                for (int c = 0; c < x.length; c++) {
                    s[c] += x[c];
                    q[c] += x[c] * x[c];
                }
            }
            if (rhoSum != null) {
                for (int i = 0; i < nt; i++) {
                    addOuter(rhoSum[i], out.states()[i], 1);
                }
            }
            if (finalRhoSum != null) {
                addOuter(finalRhoSum, out.finalKet(), 1);
            }
        }

        private void counters(Output out) {
            steps += out.steps();
            rhsCalls += out.rhsCalls();
            rejected += out.rejected();
        }

        private double noJumpWeight() {
            return noJump == null ? 0 : count == 0 ? 1 : noJump.finalNormSquared();
        }

        /** Whether every standard error is below tol (after enough trajectories). */
        boolean belowTolerance(double tol) {
            if (count < McSolver.MIN_TRAJECTORIES_FOR_TOLERANCE) {
                return false;
            }
            double[][] se = standardErrors();
            for (double[] row : se) {
                for (double v : row) {
                    if (!(v < tol)) {
                        return false;
                    }
                }
            }
            return true;
        }

        private double[][] standardErrors() {
            double[][] se = new double[ne][2 * nt];
            if (count < 2) {
                return se;
            }
            double jumpWeight = 1 - noJumpWeight();
            for (int k = 0; k < ne; k++) {
                for (int c = 0; c < 2 * nt; c++) {
                    double m = sum[k][c] / count;
                    double var = Math.max(0, sumSquares[k][c] / count - m * m);
                    se[k][c] = jumpWeight * Math.sqrt(var / (count - 1));
                }
            }
            return se;
        }

        McResult build(long master, List<TrajectoryFailure> failures, McResult.StopReason reason, double setup) {
            double p0 = noJumpWeight();
            double w = count == 0 ? 0 : (1 - p0) / count;
            double[][] mean = new double[ne][2 * nt];
            double[][] std = new double[ne][2 * nt];
            for (int k = 0; k < ne; k++) {
                for (int c = 0; c < 2 * nt; c++) {
                    double m, second;
                    if (noJump == null) {
                        m = count == 0 ? 0 : sum[k][c] / count;
                        second = count == 0 ? 0 : sumSquares[k][c] / count;
                    } else {
                        double x0 = noJump.expect()[k][c];
                        m = p0 * x0 + w * sum[k][c];
                        second = p0 * x0 * x0 + w * sumSquares[k][c];
                    }
                    mean[k][c] = m;
                    std[k][c] = Math.sqrt(Math.max(0, second - m * m));
                }
            }
            List<Qobj> states = null;
            Qobj finalState = null;
            int total = kept.size();
            if (rhoSum != null && total > 0) {
                double[][] rho = new double[nt][];
                for (int i = 0; i < nt; i++) {
                    rho[i] = combine(rhoSum[i], noJump == null ? null : noJump.states()[i], p0, w);
                }
                states = McResult.densityMatrices(rho, n, initial.ketDims);
            }
            if (finalRhoSum != null && total > 0) {
                finalState = McResult.densityMatrix(combine(finalRhoSum, noJump == null ? null : noJump.finalKet(), p0,
                        w), n, initial.ketDims);
            }
            int[] indices = new int[total];
            long[] seeds = new long[total];
            List<List<Collapse>> collapses = new ArrayList<>(total);
            List<Result> runs = options.keepRuns() ? new ArrayList<>(total) : null;
            String method = options.solver().method();
            for (int j = 0; j < total; j++) {
                Output out = kept.get(j);
                indices[j] = out.task().index();
                seeds[j] = out.task().seed();
                collapses.add(out.collapses());
                if (runs != null) {
                    runs.add(run(out, method));
                }
            }
            Stats stats = new Stats(steps, rhsCalls, rejected, (System.nanoTime() - startNanos) / 1e9, method,
                    "monte carlo (H_eff on kets)", setup);
            return new McResult(times.clone(), mean, std, standardErrors(), hermitian, options.ntraj(), master, indices,
                    seeds, collapses, runs, states, finalState, failures, reason,
                    noJump == null ? Double.NaN : noJump.finalNormSquared(), stats);
        }

        /** {@code p0 |x0><x0| + w * sum}, or {@code sum / count} without a no-jump trajectory. */
        private double[] combine(double[] sumRho, double[] noJumpKet, double p0, double w) {
            double[] rho = new double[sumRho.length];
            if (noJumpKet == null) {
                double inv = 1.0 / count;
                for (int c = 0; c < rho.length; c++) {
                    rho[c] = sumRho[c] * inv;
                }
                return rho;
            }
            for (int c = 0; c < rho.length; c++) {
                rho[c] = w * sumRho[c];
            }
            addOuter(rho, noJumpKet, p0);
            return rho;
        }

        private Result run(Output out, String method) {
            List<Qobj> kets = null;
            if (out.states() != null) {
                kets = new ArrayList<>(nt);
                for (double[] s : out.states()) {
                    kets.add(Qobj.of(DenseMatrix.wrap(n, 1, s), initial.ketDims));
                }
            }
            Qobj last = out.finalKet() == null ? null : Qobj.of(DenseMatrix.wrap(n, 1, out.finalKet()), initial.ketDims);
            Stats s = new Stats(out.steps(), out.rhsCalls(), out.rejected(), out.wallSeconds(), method,
                    "monte carlo trajectory " + out.task().index() + " (seed " + out.task().seed() + ")", 0);
            return new Result(times.clone(), out.expect(), hermitian, kets, last, s);
        }

        /** {@code rho += weight |psi><psi|}, column-major interleaved. */
        private void addOuter(double[] rho, double[] psi, double weight) {
            for (int j = 0; j < n; j++) {
                double br = psi[2 * j] * weight, bi = -psi[2 * j + 1] * weight;
                int col = 2 * j * n;
                for (int i = 0; i < n; i++) {
                    double ar = psi[2 * i], ai = psi[2 * i + 1];
                    rho[col + 2 * i] += ar * br - ai * bi;
                    rho[col + 2 * i + 1] += ar * bi + ai * br;
                }
            }
        }
    }
}
