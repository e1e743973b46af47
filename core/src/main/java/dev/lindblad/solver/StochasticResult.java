package dev.lindblad.solver;

import dev.lindblad.Qobj;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The result of {@code ssesolve} or {@code smesolve}: averages over trajectories of the e-ops
 * (each evaluated on the normalised ket, or on the density matrix divided by its trace when
 * {@link SolverOptions#normalizeOutput()}), their spread and standard error, the averaged
 * density matrices when stored, and, with {@link StochasticOptions#storeMeasurement()}, each
 * trajectory's measured currents and Wiener increments.
 *
 * <p>The monitored channels are indexed as the Wiener processes: channel i is monitored
 * operator i for homodyne detection; for heterodyne detection monitored operator k gives
 * channels {@code 2k} (the quadrature {@code c + c^†}) and {@code 2k + 1} ({@code -i(c - c^†)}).
 */
public final class StochasticResult {
    private final String operation;
    private final double[] times;
    private final double[][] mean;
    private final double[][] std;
    private final double[][] stdError;
    private final boolean[] hermitian;
    private final int requested;
    private final long masterSeed;
    private final int[] indices;
    private final long[] seeds;
    private final List<double[][]> measurements;
    private final List<double[][]> wiener;
    private final List<Qobj> states;
    private final Qobj finalState;
    private final List<TrajectoryFailure> failures;
    private final McResult.StopReason stopReason;
    private final boolean heterodyne;
    private final Stats stats;

    StochasticResult(String operation, double[] times, double[][] mean, double[][] std, double[][] stdError,
                     boolean[] hermitian, int requested, long masterSeed, int[] indices, long[] seeds,
                     List<double[][]> measurements, List<double[][]> wiener, List<Qobj> states, Qobj finalState,
                     List<TrajectoryFailure> failures, McResult.StopReason stopReason, boolean heterodyne, Stats stats) {
        this.operation = operation;
        this.times = times;
        this.mean = mean;
        this.std = std;
        this.stdError = stdError;
        this.hermitian = hermitian;
        this.requested = requested;
        this.masterSeed = masterSeed;
        this.indices = indices;
        this.seeds = seeds;
        this.measurements = measurements == null ? null : Collections.unmodifiableList(measurements);
        this.wiener = wiener == null ? null : Collections.unmodifiableList(wiener);
        this.states = states == null ? null : Collections.unmodifiableList(states);
        this.finalState = finalState;
        this.failures = List.copyOf(failures);
        this.stopReason = stopReason;
        this.heterodyne = heterodyne;
        this.stats = stats;
    }

    /** @return the output times (a copy) */
    public double[] times() {
        return times.clone();
    }

    /** @return the number of trajectories in the averages */
    public int ntraj() {
        return indices.length;
    }

    /** @return the number of trajectories asked for ({@link StochasticOptions#ntraj()}) */
    public int requestedNtraj() {
        return requested;
    }

    /** @return why the run stopped (the reasons of {@link McResult.StopReason}) */
    public McResult.StopReason stopReason() {
        return stopReason;
    }

    /** @return whether the detection was heterodyne (two channels per monitored operator) */
    public boolean heterodyne() {
        return heterodyne;
    }

    /** @return the master seed every trajectory seed was derived from */
    public long masterSeed() {
        return masterSeed;
    }

    /** @return the indices of the trajectories in the averages, ascending */
    public int[] trajectoryIndices() {
        return indices.clone();
    }

    /**
     * @return the seed of each trajectory in the averages, in the order of
     *         {@link #trajectoryIndices()}: {@link McSolver#trajectorySeed(long, int)} of the
     *         master seed and the index
     */
    public long[] seeds() {
        return seeds.clone();
    }

    /** @return the number of e-ops (operators, then callbacks) */
    public int numExpect() {
        return mean.length;
    }

    /**
     * @param k index of a Hermitian e-op (or a callback)
     * @return the average of its values over the trajectories at every output time
     * @throws IllegalStateException when the e-op is not Hermitian or no trajectory finished
     */
    public double[] expect(int k) {
        return realPart(mean, k, "expect");
    }

    /** @return the average complex values of e-op k, interleaved {@code (re, im)} per time */
    public double[] expectComplex(int k) {
        checkIndex(k);
        checkNonEmpty();
        return mean[k].clone();
    }

    /**
     * @param k index of a Hermitian e-op
     * @return QuTiP's {@code std_expect}: {@code sqrt(<x²> - <x>²)} over the trajectories at
     *         every output time
     */
    public double[] stdExpect(int k) {
        return realPart(std, k, "stdExpect");
    }

    /**
     * @param k index of a Hermitian e-op
     * @return the standard error of {@link #expect(int)}: the sample standard deviation over
     *         {@code sqrt(M)}, the quantity {@link StochasticOptions#targetTol()} bounds
     */
    public double[] standardError(int k) {
        return realPart(stdError, k, "standardError");
    }

    /**
     * The measured currents of one trajectory, QuTiP's {@code measurement}: for channel i and
     * output interval {@code [t_k, t_{k+1}]},
     * {@code J_i = Re <m_i> + f_i ΔW_i / (t_{k+1} - t_k)}, with ΔW_i the Wiener increment over
     * the interval, {@code <m_i>} taken at {@code t_{k+1}} (or {@code t_k}, or the mean of the
     * two: {@link StochasticOptions#measurementAt()}), and by default (QuTiP's)
     * {@code m_i = c + c^†} of the monitored operator c (for heterodyne detection
     * {@code c + c^†} and {@code -i(c - c^†)}) and {@code f_i = 1} (heterodyne {@code √2}), so
     * that the mean current is {@code <c + c^†>} (or {@code <-i(c - c^†)>}); the solvers'
     * {@code withMOps} and {@code withDWFactors} set others.
     *
     * @param traj position of the trajectory in {@link #trajectoryIndices()}
     * @return {@code [channel][interval]}, a copy
     * @throws IllegalStateException unless the run had {@link StochasticOptions#storeMeasurement()}
     */
    public double[][] measurement(int traj) {
        return copy(stored(measurements, traj, "measurement"));
    }

    /**
     * @param traj position of the trajectory in {@link #trajectoryIndices()}
     * @return the Wiener increments {@code ΔW_i} of each channel over each output interval
     *         ({@code [channel][interval]}, a copy), QuTiP's {@code dW}
     * @throws IllegalStateException unless the run had {@link StochasticOptions#storeMeasurement()}
     */
    public double[][] wiener(int traj) {
        return copy(stored(wiener, traj, "wiener"));
    }

    private double[][] stored(List<double[][]> list, int traj, String what) {
        if (list == null) {
            throw new IllegalStateException(what + ": measurements were not stored; run with "
                    + "StochasticOptions.withStoreMeasurement(true)");
        }
        if (traj < 0 || traj >= list.size()) {
            throw new IndexOutOfBoundsException(what + ": trajectory " + traj + " out of range: the result holds "
                    + list.size());
        }
        return list.get(traj);
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    /**
     * @return the averaged density matrix at every output time
     * @throws IllegalStateException when states were not stored (the default stores them only
     *                               when no e-op is given)
     */
    public List<Qobj> states() {
        if (states == null) {
            throw new IllegalStateException("states were not stored: run with StochasticOptions.withStoreStates(true)");
        }
        return states;
    }

    /** @return the averaged density matrix at the last output time, or null when not stored */
    public Qobj finalState() {
        return finalState;
    }

    /** @return the trajectories that threw (skipped, or the one that stopped the run) */
    public List<TrajectoryFailure> failures() {
        return failures;
    }

    /**
     * @return the fixed steps summed over the trajectories ({@code rhsCalls} and rejected steps
     *         are not counted: 0), the wall time of the run, the method
     */
    public Stats stats() {
        return stats;
    }

    /**
     * QuTiP's {@code result1 + result2}: the trajectories of both runs as one result, as if one
     * run had made them all (for example from two initial states, weighted by their numbers of
     * trajectories). Averages, spreads and standard errors are recombined from each run's first
     * and second moments, averaged states are weighted by the trajectory counts, measurement
     * records, seeds and failures are concatenated (records only when both runs kept them). The
     * trajectory indices of the other run follow this run's ({@code + requestedNtraj()}); the
     * master seed is this run's; the stop reason is this run's unless it completed; the
     * statistics add steps and wall times.
     *
     * @param other a result of the same solver, output times, e-ops and detection
     * @return the merged result (both are unchanged)
     * @throws IllegalArgumentException when the two runs do not match
     */
    public StochasticResult merge(StochasticResult other) {
        java.util.Objects.requireNonNull(other, "merge: other is null");
        if (!operation.equals(other.operation) || !java.util.Arrays.equals(times, other.times)
                || !java.util.Arrays.equals(hermitian, other.hermitian) || heterodyne != other.heterodyne) {
            throw new IllegalArgumentException("merge: the results must come from the same solver (" + operation + " / "
                    + other.operation + "), output times, e-ops (" + mean.length + " / " + other.mean.length
                    + ") and detection (heterodyne " + heterodyne + " / " + other.heterodyne + ")");
        }
        int n1 = indices.length, n2 = other.indices.length, n = n1 + n2;
        double w1 = n == 0 ? 0 : (double) n1 / n, w2 = n == 0 ? 0 : (double) n2 / n;
        double[][] m = new double[mean.length][], sd = new double[mean.length][], se = new double[mean.length][];
        for (int k = 0; k < mean.length; k++) {
            int len = mean[k].length;
            m[k] = new double[len];
            sd[k] = new double[len];
            se[k] = new double[len];
            for (int c = 0; c < len; c++) {
                double a = mean[k][c], b = other.mean[k][c];
                double mu = w1 * a + w2 * b;
                double second = w1 * (std[k][c] * std[k][c] + a * a) + w2 * (other.std[k][c] * other.std[k][c] + b * b);
                double var = Math.max(0, second - mu * mu);
                m[k][c] = mu;
                sd[k][c] = Math.sqrt(var);
                se[k][c] = n < 2 ? 0 : Math.sqrt(var * n / (n - 1.0) / n);
            }
        }
        int[] idx = new int[n];
        long[] sds = new long[n];
        for (int j = 0; j < n1; j++) {
            idx[j] = indices[j];
            sds[j] = seeds[j];
        }
        for (int j = 0; j < n2; j++) {
            idx[n1 + j] = other.indices[j] + requested;
            sds[n1 + j] = other.seeds[j];
        }
        List<double[][]> meas = measurements != null && other.measurements != null ? concat(measurements, other.measurements) : null;
        List<double[][]> wien = wiener != null && other.wiener != null ? concat(wiener, other.wiener) : null;
        List<Qobj> st = null;
        if (states != null && other.states != null) {
            st = new java.util.ArrayList<>(states.size());
            for (int i = 0; i < states.size(); i++) {
                st.add(weighted(states.get(i), w1, other.states.get(i), w2));
            }
        }
        Qobj fin = finalState != null && other.finalState != null ? weighted(finalState, w1, other.finalState, w2) : null;
        List<TrajectoryFailure> fails = new java.util.ArrayList<>(failures);
        fails.addAll(other.failures);
        McResult.StopReason reason = stopReason != McResult.StopReason.COMPLETED ? stopReason : other.stopReason;
        Stats merged = new Stats(stats.steps() + other.stats.steps(), 0, 0, stats.wallSeconds() + other.stats.wallSeconds(),
                stats.method(), stats.rhs(), stats.setupSeconds() + other.stats.setupSeconds());
        return new StochasticResult(operation, times.clone(), m, sd, se, hermitian.clone(), requested + other.requested,
                masterSeed, idx, sds, meas, wien, st, fin, fails, reason, heterodyne, merged);
    }

    private static List<double[][]> concat(List<double[][]> a, List<double[][]> b) {
        List<double[][]> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** {@code w1 a + w2 b}; a state of a run without trajectories (weight 0) does not count. */
    private static Qobj weighted(Qobj a, double w1, Qobj b, double w2) {
        if (w2 == 0) {
            return a;
        }
        if (w1 == 0) {
            return b;
        }
        return a.times(w1).plus(b.times(w2));
    }

    private double[] realPart(double[][] values, int k, String what) {
        checkIndex(k);
        checkNonEmpty();
        if (!hermitian[k]) {
            throw new IllegalStateException(what + ": e-op " + k + " is not Hermitian; its expectation values are "
                    + "complex: use expectComplex(" + k + ")");
        }
        double[] e = values[k];
        double[] r = new double[e.length / 2];
        for (int i = 0; i < r.length; i++) {
            r[i] = e[2 * i];
        }
        return r;
    }

    private void checkIndex(int k) {
        if (k < 0 || k >= mean.length) {
            throw new IndexOutOfBoundsException("e-op index " + k + " out of range: the run had " + mean.length
                    + " e-ops");
        }
    }

    private void checkNonEmpty() {
        if (indices.length == 0) {
            throw new IllegalStateException("no trajectory finished (" + failures.size() + " failed, stop reason "
                    + stopReason + "): there is no average");
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "StochasticResult(%s%s): %d of %d trajectories (%s%s), %d times, %d e-ops, "
                        + "master seed %d; %s", operation, heterodyne ? ", heterodyne" : "", indices.length, requested,
                stopReason, failures.isEmpty() ? "" : ", " + failures.size() + " failed", times.length, mean.length,
                masterSeed, stats);
    }
}
