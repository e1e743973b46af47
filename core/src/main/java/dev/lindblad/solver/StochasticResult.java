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
     * The measured currents of one trajectory, QuTiP's {@code measurement} with
     * {@code store_measurement = True} ("end"): for channel i and output interval
     * {@code [t_k, t_{k+1}]},
     * {@code J_i = f (<s_i + s_i^†>(t_{k+1}) + ΔW_i / (t_{k+1} - t_k))}, with ΔW_i the Wiener
     * increment over the interval, {@code s_i} the monitored operator (for heterodyne detection
     * {@code c/√2} or {@code -i c/√2}) and {@code f = 1} (homodyne) or {@code √2} (heterodyne),
     * so that the mean current is {@code <c + c^†>} (or {@code <-i(c - c^†)>}).
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
