package dev.lindblad.solver;

import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.data.DenseMatrix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a Monte Carlo wave-function run ({@link McSolver}): the e-op averages over
 * the trajectories and their spread, the jumps of every trajectory, the seeds that reproduce
 * them, and (when asked) every trajectory's own {@link Result}.
 *
 * <h2>Averages</h2>
 * With plain sampling the average of an e-op at a time is {@code (1/M) sum_j x_j} over the M
 * finished trajectories, summed in trajectory-index order (so the bits do not depend on the map
 * or the thread count), and {@link #stdExpect(int)} is QuTiP's {@code std_expect},
 * {@code sqrt(<x²> - <x>²)}. With improved sampling the no-jump trajectory (index 0, which
 * keeps its norm {@code p0 = ||psi_nojump(T)||²} at the last time) enters with weight
 * {@code p0} and the M jump trajectories with {@code (1 - p0)/M} each.
 * {@link #standardError(int)} is {@code (1 - p0) s / sqrt(M)} with s the sample standard
 * deviation of the jump trajectories ({@code p0 = 0} without improved sampling).
 */
public final class McResult {

    /** Why the run stopped starting trajectories. */
    public enum StopReason {
        /** every requested trajectory ran (failed ones skipped, if any) */
        COMPLETED,
        /** the standard error of every e-op fell below {@link McOptions#targetTol()} */
        TARGET_TOLERANCE,
        /** {@link McOptions#timeout()} passed before every trajectory was started */
        TIMEOUT,
        /** a trajectory failed and {@link McOptions#skipFailures()} was off */
        FAILURE,
        /**
         * the calling thread was interrupted: the trajectories that finished are in the result
         * of the {@link SolverInterruptedException}
         */
        INTERRUPTED
    }

    private final double[] times;
    private final double[][] mean;        // per e-op, interleaved (re, im) per time
    private final double[][] std;         // per e-op, interleaved (std re, std im) per time
    private final double[][] stdError;    // per e-op, interleaved
    private final boolean[] hermitian;
    private final int ntraj;
    private final int requested;
    private final long masterSeed;
    private final int[] indices;
    private final long[] seeds;
    private final List<List<Collapse>> collapses;
    private final List<Result> runs;
    private final List<Qobj> states;
    private final Qobj finalState;
    private final List<TrajectoryFailure> failures;
    private final StopReason stopReason;
    private final double noJumpProbability;
    private final Stats stats;

    McResult(double[] times, double[][] mean, double[][] std, double[][] stdError, boolean[] hermitian, int requested,
             long masterSeed, int[] indices, long[] seeds, List<List<Collapse>> collapses, List<Result> runs,
             List<Qobj> states, Qobj finalState, List<TrajectoryFailure> failures, StopReason stopReason,
             double noJumpProbability, Stats stats) {
        this.times = times;
        this.mean = mean;
        this.std = std;
        this.stdError = stdError;
        this.hermitian = hermitian;
        this.ntraj = indices.length;
        this.requested = requested;
        this.masterSeed = masterSeed;
        this.indices = indices;
        this.seeds = seeds;
        this.collapses = Collections.unmodifiableList(collapses);
        this.runs = runs == null ? null : Collections.unmodifiableList(runs);
        this.states = states == null ? null : Collections.unmodifiableList(states);
        this.finalState = finalState;
        this.failures = List.copyOf(failures);
        this.stopReason = stopReason;
        this.noJumpProbability = noJumpProbability;
        this.stats = stats;
    }

    /** @return the output times (a copy) */
    public double[] times() {
        return times.clone();
    }

    /** @return the number of trajectories in the averages (the no-jump one included) */
    public int ntraj() {
        return ntraj;
    }

    /** @return the number of trajectories asked for ({@link McOptions#ntraj()}) */
    public int requestedNtraj() {
        return requested;
    }

    /** @return why the run stopped */
    public StopReason stopReason() {
        return stopReason;
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
     *         {@link #trajectoryIndices()}; {@link McSolver#trajectorySeed(long, int)} of the
     *         master seed and the index
     */
    public long[] seeds() {
        return seeds.clone();
    }

    /** @return the number of e-ops */
    public int numExpect() {
        return mean.length;
    }

    /**
     * @param k index of the e-op
     * @return the average of its (real) expectation values at every output time
     * @throws IllegalStateException when the e-op is not Hermitian (use {@link #expectComplex(int)})
     *                               or no trajectory finished
     */
    public double[] expect(int k) {
        return realPart(mean, k, "expect");
    }

    /** @return the average complex expectation values of e-op k, interleaved {@code (re, im)} per time */
    public double[] expectComplex(int k) {
        checkIndex(k);
        checkNonEmpty();
        return mean[k].clone();
    }

    /**
     * @param k index of a Hermitian e-op
     * @return QuTiP's {@code std_expect}: the spread {@code sqrt(<x²> - <x>²)} of the trajectories'
     *         values at every output time (weighted as the average)
     */
    public double[] stdExpect(int k) {
        return realPart(std, k, "stdExpect");
    }

    /**
     * @param k index of a Hermitian e-op
     * @return the standard error of {@link #expect(int)} at every output time: the sample
     *         standard deviation over {@code sqrt(M)} (see the class comment); the quantity
     *         {@link McOptions#targetTol()} bounds
     */
    public double[] standardError(int k) {
        return realPart(stdError, k, "standardError");
    }

    private double[] realPart(double[][] values, int k, String what) {
        checkIndex(k);
        checkNonEmpty();
        if (!hermitian[k]) {
            throw new IllegalStateException("e-op " + k + " is not Hermitian; its expectation values are complex: "
                    + "use expectComplex(" + k + ")" + (what.equals("expect") ? "" : " (" + what + " is for Hermitian e-ops)"));
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
        if (ntraj == 0) {
            throw new IllegalStateException("no trajectory finished (" + failures.size() + " failed, stop reason "
                    + stopReason + "): there is no average");
        }
    }

    /**
     * @return the jumps of each trajectory, in the order of {@link #trajectoryIndices()}, each
     *         list in time order
     */
    public List<List<Collapse>> collapses() {
        return collapses;
    }

    /** @return the number of jumps of each trajectory, in the order of {@link #trajectoryIndices()} */
    public int[] collapseCounts() {
        int[] c = new int[collapses.size()];
        for (int j = 0; j < c.length; j++) {
            c[j] = collapses.get(j).size();
        }
        return c;
    }

    /**
     * @return every trajectory's own result (its e-op values, its normalised kets when states are
     *         stored, its final ket), in the order of {@link #trajectoryIndices()}
     * @throws IllegalStateException unless the run had {@link McOptions#keepRuns()}
     */
    public List<Result> runs() {
        if (runs == null) {
            throw new IllegalStateException("trajectories were not kept: run with McOptions.withKeepRuns(true)");
        }
        return runs;
    }

    /**
     * @param k index of a Hermitian e-op
     * @return {@code [trajectory][time]} values of e-op k, in the order of {@link #trajectoryIndices()}
     * @throws IllegalStateException unless the run had {@link McOptions#keepRuns()}
     */
    public double[][] runExpect(int k) {
        List<Result> r = runs();
        double[][] out = new double[r.size()][];
        for (int j = 0; j < out.length; j++) {
            out[j] = r.get(j).expect(k);
        }
        return out;
    }

    /**
     * Averages at several trajectory counts, as QuTiP's {@code mcsolve(..., ntraj=[1, 5, 15])}:
     * row i is {@code (1/n_i) Σ_{j < n_i} x_j(t)} over the first {@code n_i = counts[i]}
     * trajectories in the order of {@link #trajectoryIndices()}.
     *
     * @param k      index of a Hermitian e-op
     * @param counts trajectory counts, each from 1 to {@link #ntraj()}
     * @return {@code [count][time]} averages
     * @throws IllegalStateException    unless the run had {@link McOptions#keepRuns()} and plain
     *                                  sampling
     * @throws IllegalArgumentException when a count is out of range
     */
    public double[][] expectForNtraj(int k, int... counts) {
        java.util.Objects.requireNonNull(counts, "expectForNtraj: counts is null");
        if (!Double.isNaN(noJumpProbability)) {
            throw new IllegalStateException("expectForNtraj: the run used improved sampling, whose trajectories are "
                    + "weighted; partial averages need plain sampling");
        }
        double[][] x = runExpect(k);
        double[][] out = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            int c = counts[i];
            if (c < 1 || c > x.length) {
                throw new IllegalArgumentException("expectForNtraj: counts[" + i + "] = " + c + " must be in 1.."
                        + x.length + " (the trajectories run)");
            }
            double[] avg = new double[times.length];
            for (int j = 0; j < c; j++) {
                for (int t = 0; t < avg.length; t++) {
                    avg[t] += x[j][t];
                }
            }
            for (int t = 0; t < avg.length; t++) {
                avg[t] /= c;
            }
            out[i] = avg;
        }
        return out;
    }

    /**
     * @return the averaged density matrix {@code sum_j w_j |psi_j(t)><psi_j(t)|} at every output time
     * @throws IllegalStateException when states were not stored ({@link McOptions#withStoreStates(boolean)};
     *                               the default stores them only when no e-op is given)
     */
    public List<Qobj> states() {
        if (states == null) {
            throw new IllegalStateException("states were not stored: run with McOptions.withStoreStates(true)");
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

    /** @return {@code p0}, the no-jump probability up to the last time, with improved sampling; NaN otherwise */
    public double noJumpProbability() {
        return noJumpProbability;
    }

    /**
     * @return steps, right-hand-side calls and rejected steps summed over the trajectories, the
     *         wall time of the whole run, the method, and the right-hand side
     */
    public Stats stats() {
        return stats;
    }

    // the stored fields as they are, for DataFiles (no copies: the caller only reads them)
    double[] rawTimes() {
        return times;
    }

    double[][] rawMean() {
        return mean;
    }

    double[][] rawStd() {
        return std;
    }

    double[][] rawStdError() {
        return stdError;
    }

    boolean[] rawHermitian() {
        return hermitian;
    }

    List<Result> rawRuns() {
        return runs;
    }

    List<Qobj> rawStates() {
        return states;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "McResult: %d of %d trajectories (%s%s), %d times, %d e-ops, master seed %d; %s",
                ntraj, requested, stopReason, failures.isEmpty() ? "" : ", " + failures.size() + " failed",
                times.length, mean.length, masterSeed, stats);
    }

    /** Builds an averaged density matrix from an interleaved array. */
    static Qobj densityMatrix(double[] rho, int n, Dims ketDims) {
        return Qobj.of(DenseMatrix.wrap(n, n, rho), Dims.oper(ketDims.out()));
    }

    static List<Qobj> densityMatrices(double[][] rho, int n, Dims ketDims) {
        List<Qobj> out = new ArrayList<>(rho.length);
        for (double[] r : rho) {
            out.add(densityMatrix(r, n, ketDims));
        }
        return out;
    }
}
