package dev.lindblad.control;

import dev.lindblad.parallel.TaskMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Options of {@link PulseOptim}, with qtrl's defaults (QuTiP 4.7's
 * {@code optimize_pulse}). Immutable; change a field with its wither:
 * <pre>{@code
 * PulseOptions.defaults().withAmpBounds(-5, 5).withFidErrTarg(1e-10).withInitPulseType("SINE").withSeed(7L)
 * }</pre>
 * GRAPE has no integrator (each slice is an exact matrix exponential), so unlike the solvers'
 * option records this one holds no {@code SolverOptions}.
 *
 * @param alg            {@code "GRAPE"} (exact gradients, L-BFGS-B) or {@code "CRAB"} (Fourier
 *                       basis with random frequencies, Nelder–Mead); default GRAPE
 * @param fidErrTarg     stop as soon as an evaluation's fidelity error is at most this (1e-10)
 * @param minGrad        stop when the 2-norm of the fidelity error's gradient falls below this;
 *                       also L-BFGS-B's projected-gradient tolerance (1e-10; GRAPE only)
 * @param maxIter        iterations of the optimiser (500)
 * @param maxWallTime    seconds, checked after each iteration (180)
 * @param ampLbound      lower bound of every amplitude ({@code -∞}: none), unless
 *                       {@code ampLbounds} gives one per control
 * @param ampUbound      upper bound of every amplitude ({@code +∞}: none), unless
 *                       {@code ampUbounds} gives one per control
 * @param initPulseType  the initial pulse: {@code "RND"} (uniform in ±1), {@code "ZERO"},
 *                       {@code "LIN"}, {@code "SINE"}, {@code "SQUARE"}, {@code "SAW"},
 *                       {@code "TRIANGLE"}, {@code "RNDFOURIER"}, {@code "RNDWAVES"},
 *                       {@code "RNDWALK1"}, {@code "RNDWALK2"}, {@code "GAUSSIAN"},
 *                       {@code "GAUSSIAN_EDGE"} (see {@code PulseGen}); for CRAB the guess pulse that the Fourier series
 *                       modulates. null is qtrl's {@code "DEF"}: {@code "RND"} for GRAPE, no
 *                       guess pulse for CRAB
 * @param pulseScaling   the initial pulse's scale (1; for CRAB the coefficients' scale)
 * @param pulseOffset    added to the initial pulse (0)
 * @param fidType        {@code "PSU"} (global phase ignored; default for unitaries), {@code "SU"},
 *                       {@code "TRACEDIFF"} (default for general dynamics); null for the default
 * @param seed           seed of the random pulses, frequencies and coefficients; null draws one
 *                       (it is reported in {@link OptimResult#seed()})
 * @param map            runs the {@code numStarts} starts; null: {@link TaskMap#threads()} when
 *                       there are several, the calling thread for one. Inside a start on a
 *                       multi-threaded map the slices run serially; on the calling thread they
 *                       run over the kernel threads
 * @param numStarts      independent starts from different random pulses, the best kept (1)
 * @param accuracyFactor L-BFGS-B's {@code factr}: stop when the relative reduction of the error
 *                       is at most {@code accuracyFactor · ε} (10^7, qtrl's default)
 * @param maxMetricCorr  L-BFGS-B's memory m (10)
 * @param numCoeffs      CRAB: Fourier coefficients per basis function and control; 0 for qtrl's
 *                       {@code max(2, N - 1)}, N the dimension of the drift
 * @param ampLbounds     per-control lower bounds (qtrl's list {@code amp_lbound}), one per
 *                       control, overriding {@code ampLbound}; null: {@code ampLbound} for all
 * @param ampUbounds     per-control upper bounds, likewise; null: {@code ampUbound} for all
 */
public record PulseOptions(String alg, double fidErrTarg, double minGrad, int maxIter, double maxWallTime,
                           double ampLbound, double ampUbound, String initPulseType, double pulseScaling,
                           double pulseOffset, String fidType, Long seed, TaskMap map, int numStarts,
                           double accuracyFactor, int maxMetricCorr, int numCoeffs, List<Double> ampLbounds,
                           List<Double> ampUbounds)
        implements java.io.Serializable {

    /** The initial pulse shapes. */
    public static final Set<String> PULSE_TYPES = Set.of("RND", "ZERO", "LIN", "SINE", "SQUARE", "SAW", "TRIANGLE",
            "RNDFOURIER", "RNDWAVES", "RNDWALK1", "RNDWALK2", "GAUSSIAN", "GAUSSIAN_EDGE");

    /** Checks and normalises every field (names upper-cased). */
    public PulseOptions {
        alg = alg == null ? null : alg.toUpperCase(Locale.ROOT);
        if (!"GRAPE".equals(alg) && !"CRAB".equals(alg)) {
            throw new IllegalArgumentException("alg must be \"GRAPE\" or \"CRAB\", got " + (alg == null ? "null"
                    : "\"" + alg + "\""));
        }
        requireNonNegative("fidErrTarg", fidErrTarg);
        requireNonNegative("minGrad", minGrad);
        if (maxIter < 0) {
            throw new IllegalArgumentException("maxIter must be >= 0, got " + maxIter);
        }
        if (!(maxWallTime > 0)) {
            throw new IllegalArgumentException("maxWallTime must be > 0 seconds, got " + maxWallTime);
        }
        if (Double.isNaN(ampLbound) || Double.isNaN(ampUbound) || ampLbound > ampUbound
                || ampLbound == Double.POSITIVE_INFINITY || ampUbound == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("amplitude bounds must satisfy ampLbound <= ampUbound, got ["
                    + ampLbound + ", " + ampUbound + "]");
        }
        ampLbounds = perControl("ampLbounds", ampLbounds, ampUbounds, ampLbound, ampUbound, true);
        ampUbounds = perControl("ampUbounds", ampUbounds, ampLbounds, ampUbound, ampLbound, false);
        initPulseType = initPulseType == null ? null : initPulseType.toUpperCase(Locale.ROOT);
        if (initPulseType != null && !PULSE_TYPES.contains(initPulseType)) {
            throw new IllegalArgumentException("initPulseType must be one of RND, ZERO, LIN, SINE, SQUARE, SAW, "
                    + "TRIANGLE, RNDFOURIER, RNDWAVES, RNDWALK1, RNDWALK2, GAUSSIAN, GAUSSIAN_EDGE, got \""
                    + initPulseType + "\"");
        }
        if (!Double.isFinite(pulseScaling) || !Double.isFinite(pulseOffset)) {
            throw new IllegalArgumentException("pulseScaling and pulseOffset must be finite, got " + pulseScaling
                    + ", " + pulseOffset);
        }
        fidType = fidType == null ? null : fidType.toUpperCase(Locale.ROOT);
        if (fidType != null && !Set.of("PSU", "SU", "TRACEDIFF").contains(fidType)) {
            throw new IllegalArgumentException("fidType must be \"PSU\", \"SU\" or \"TRACEDIFF\" (or null for the "
                    + "default), got \"" + fidType + "\"");
        }
        if (numStarts < 1) {
            throw new IllegalArgumentException("numStarts must be >= 1, got " + numStarts);
        }
        requireNonNegative("accuracyFactor", accuracyFactor);
        if (maxMetricCorr < 1) {
            throw new IllegalArgumentException("maxMetricCorr must be >= 1, got " + maxMetricCorr);
        }
        if (numCoeffs < 0) {
            throw new IllegalArgumentException("numCoeffs must be >= 0 (0: max(2, N - 1)), got " + numCoeffs);
        }
    }

    /**
     * Checks one per-control list against the other side (its list, or its scalar) and returns
     * an immutable copy; null stays null.
     */
    private static List<Double> perControl(String name, List<Double> own, List<Double> other, double ownScalar,
                                           double otherScalar, boolean lower) {
        if (own == null) {
            return null;
        }
        if (own.isEmpty()) {
            throw new IllegalArgumentException(name + " must have one bound per control, got an empty list");
        }
        if (other != null && other.size() != own.size()) {
            throw new IllegalArgumentException("ampLbounds and ampUbounds must have the same length (one bound per "
                    + "control), got " + (lower ? own.size() : other.size()) + " and "
                    + (lower ? other.size() : own.size()));
        }
        for (int j = 0; j < own.size(); j++) {
            Double b = own.get(j);
            if (b == null || b.isNaN() || b == (lower ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY)) {
                throw new IllegalArgumentException(name + "[" + j + "] must be a number (" + (lower ? "-" : "+")
                        + "Infinity for none), got " + b);
            }
            Double o = other != null ? other.get(j) : Double.valueOf(otherScalar);
            if (o != null && (lower ? b > o : b < o)) {
                throw new IllegalArgumentException("amplitude bounds of control " + j + " must satisfy lower <= upper,"
                        + " got [" + (lower ? b : o) + ", " + (lower ? o : b) + "]");
            }
        }
        return List.copyOf(own);
    }

    /**
     * The lower bound of each control: {@link #ampLbounds()} when given, else {@link #ampLbound()}
     * for all.
     *
     * @param nCtrls the number of controls
     * @return one lower bound per control ({@code -∞}: none)
     * @throws IllegalArgumentException when a per-control list does not have nCtrls entries
     */
    public double[] lowerBounds(int nCtrls) {
        return bounds(ampLbounds, ampLbound, nCtrls, "ampLbounds");
    }

    /**
     * The upper bound of each control: {@link #ampUbounds()} when given, else {@link #ampUbound()}
     * for all.
     *
     * @param nCtrls the number of controls
     * @return one upper bound per control ({@code +∞}: none)
     * @throws IllegalArgumentException when a per-control list does not have nCtrls entries
     */
    public double[] upperBounds(int nCtrls) {
        return bounds(ampUbounds, ampUbound, nCtrls, "ampUbounds");
    }

    private static double[] bounds(List<Double> list, double scalar, int nCtrls, String name) {
        double[] b = new double[nCtrls];
        if (list == null) {
            java.util.Arrays.fill(b, scalar);
            return b;
        }
        if (list.size() != nCtrls) {
            throw new IllegalArgumentException(name + " must have one bound per control: the problem has " + nCtrls
                    + " controls, " + name + " has " + list.size() + " entries");
        }
        for (int j = 0; j < nCtrls; j++) {
            b[j] = list.get(j);
        }
        return b;
    }

    private static void requireNonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
        }
    }

    /**
     * qtrl's defaults: GRAPE, {@code fidErrTarg = minGrad = 1e-10}, 500 iterations, 180 s, no
     * bounds, the algorithm's default pulse ({@code "RND"} for GRAPE), scaling 1, offset 0, the default fidelity, a random seed, one
     * start, {@code accuracyFactor = 10^7}, memory 10, CRAB coefficients {@code max(2, N - 1)}.
     *
     * @return the defaults
     */
    public static PulseOptions defaults() {
        return new PulseOptions("GRAPE", 1e-10, 1e-10, 500, 180, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
                null, 1.0, 0.0, null, null, null, 1, 1e7, 10, 0, null, null);
    }

    /** @return a copy with alg replaced */
    public PulseOptions withAlg(String v) {
        return new PulseOptions(v, fidErrTarg, minGrad, maxIter, maxWallTime, ampLbound, ampUbound, initPulseType,
                pulseScaling, pulseOffset, fidType, seed, map, numStarts, accuracyFactor, maxMetricCorr, numCoeffs,
                ampLbounds, ampUbounds);
    }

    /** @return a copy with fidErrTarg replaced */
    public PulseOptions withFidErrTarg(double v) {
        return new PulseOptions(alg, v, minGrad, maxIter, maxWallTime, ampLbound, ampUbound, initPulseType,
                pulseScaling, pulseOffset, fidType, seed, map, numStarts, accuracyFactor, maxMetricCorr, numCoeffs,
                ampLbounds, ampUbounds);
    }

    /** @return a copy with minGrad replaced */
    public PulseOptions withMinGrad(double v) {
        return new PulseOptions(alg, fidErrTarg, v, maxIter, maxWallTime, ampLbound, ampUbound, initPulseType,
                pulseScaling, pulseOffset, fidType, seed, map, numStarts, accuracyFactor, maxMetricCorr, numCoeffs,
                ampLbounds, ampUbounds);
    }

    /** @return a copy with maxIter replaced */
    public PulseOptions withMaxIter(int v) {
        return new PulseOptions(alg, fidErrTarg, minGrad, v, maxWallTime, ampLbound, ampUbound, initPulseType,
                pulseScaling, pulseOffset, fidType, seed, map, numStarts, accuracyFactor, maxMetricCorr, numCoeffs,
                ampLbounds, ampUbounds);
    }

    /** @return a copy with maxWallTime (seconds) replaced */
    public PulseOptions withMaxWallTime(double v) {
        return new PulseOptions(alg, fidErrTarg, minGrad, maxIter, v, ampLbound, ampUbound, initPulseType,
                pulseScaling, pulseOffset, fidType, seed, map, numStarts, accuracyFactor, maxMetricCorr, numCoeffs,
                ampLbounds, ampUbounds);
    }

    /** @return a copy with ampLbound replaced (for every control: clears {@link #ampLbounds()}) */
    public PulseOptions withAmpLbound(double v) {
        return new PulseOptions(alg, fidErrTarg, minGrad, maxIter, maxWallTime, v, ampUbound, initPulseType,
                pulseScaling, pulseOffset, fidType, seed, map, numStarts, accuracyFactor, maxMetricCorr, numCoeffs, null,
                ampUbounds);
    }

    /** @return a copy with ampUbound replaced (for every control: clears {@link #ampUbounds()}) */
    public PulseOptions withAmpUbound(double v) {
        return new PulseOptions(alg, fidErrTarg, minGrad, maxIter, maxWallTime, ampLbound, v, initPulseType,
                pulseScaling, pulseOffset, fidType, seed, map, numStarts, accuracyFactor, maxMetricCorr, numCoeffs,
                ampLbounds, null);
    }

    /** @return a copy with both amplitude bounds replaced, the same for every control (clears the per-control lists) */
    public PulseOptions withAmpBounds(double lower, double upper) {
        return new PulseOptions(alg, fidErrTarg, minGrad, maxIter, maxWallTime, lower, upper, initPulseType,
                pulseScaling, pulseOffset, fidType, seed, map, numStarts, accuracyFactor, maxMetricCorr, numCoeffs, null,
                null);
    }

    /**
     * Per-control bounds, qtrl's lists for {@code amp_lbound}/{@code amp_ubound}: control j's
     * amplitudes lie in {@code [lower[j], upper[j]]} (for L-BFGS-B, the initial pulses and CRAB's
     * tanh bounding). Either array may be null (that side then takes the scalar
     * {@link #ampLbound()}/{@link #ampUbound()}); an entry {@code ±∞} is no bound. The arrays must
     * have one entry per control of the problem (checked when optimising) and the same length.
     * A later scalar wither replaces them.
     *
     * @param lower the lower bound of each control, or null
     * @param upper the upper bound of each control, or null
     * @return a copy with per-control bounds
     */
    public PulseOptions withAmpBounds(double[] lower, double[] upper) {
        return new PulseOptions(alg, fidErrTarg, minGrad, maxIter, maxWallTime, ampLbound, ampUbound, initPulseType,
                pulseScaling, pulseOffset, fidType, seed, map, numStarts, accuracyFactor, maxMetricCorr, numCoeffs,
                boxed(lower), boxed(upper));
    }

    private static List<Double> boxed(double[] a) {
        if (a == null) {
            return null;
        }
        List<Double> l = new java.util.ArrayList<>(a.length);
        for (double v : a) {
            l.add(v);
        }
        return l;
    }

    /** @return a copy with initPulseType replaced */
    public PulseOptions withInitPulseType(String v) {
        return new PulseOptions(alg, fidErrTarg, minGrad, maxIter, maxWallTime, ampLbound, ampUbound, v,
                pulseScaling, pulseOffset, fidType, seed, map, numStarts, accuracyFactor, maxMetricCorr, numCoeffs,
                ampLbounds, ampUbounds);
    }

    /** @return a copy with pulseScaling replaced */
    public PulseOptions withPulseScaling(double v) {
        return new PulseOptions(alg, fidErrTarg, minGrad, maxIter, maxWallTime, ampLbound, ampUbound, initPulseType,
                v, pulseOffset, fidType, seed, map, numStarts, accuracyFactor, maxMetricCorr, numCoeffs,
                ampLbounds, ampUbounds);
    }

    /** @return a copy with pulseOffset replaced */
    public PulseOptions withPulseOffset(double v) {
        return new PulseOptions(alg, fidErrTarg, minGrad, maxIter, maxWallTime, ampLbound, ampUbound, initPulseType,
                pulseScaling, v, fidType, seed, map, numStarts, accuracyFactor, maxMetricCorr, numCoeffs,
                ampLbounds, ampUbounds);
    }

    /** @return a copy with fidType replaced */
    public PulseOptions withFidType(String v) {
        return new PulseOptions(alg, fidErrTarg, minGrad, maxIter, maxWallTime, ampLbound, ampUbound, initPulseType,
                pulseScaling, pulseOffset, v, seed, map, numStarts, accuracyFactor, maxMetricCorr, numCoeffs,
                ampLbounds, ampUbounds);
    }

    /** @return a copy with seed replaced (null: a random one) */
    public PulseOptions withSeed(Long v) {
        return new PulseOptions(alg, fidErrTarg, minGrad, maxIter, maxWallTime, ampLbound, ampUbound, initPulseType,
                pulseScaling, pulseOffset, fidType, v, map, numStarts, accuracyFactor, maxMetricCorr, numCoeffs,
                ampLbounds, ampUbounds);
    }

    /** @return a copy with map replaced */
    public PulseOptions withMap(TaskMap v) {
        return new PulseOptions(alg, fidErrTarg, minGrad, maxIter, maxWallTime, ampLbound, ampUbound, initPulseType,
                pulseScaling, pulseOffset, fidType, seed, v, numStarts, accuracyFactor, maxMetricCorr, numCoeffs,
                ampLbounds, ampUbounds);
    }

    /** @return a copy with numStarts replaced */
    public PulseOptions withNumStarts(int v) {
        return new PulseOptions(alg, fidErrTarg, minGrad, maxIter, maxWallTime, ampLbound, ampUbound, initPulseType,
                pulseScaling, pulseOffset, fidType, seed, map, v, accuracyFactor, maxMetricCorr, numCoeffs,
                ampLbounds, ampUbounds);
    }

    /** @return a copy with accuracyFactor replaced */
    public PulseOptions withAccuracyFactor(double v) {
        return new PulseOptions(alg, fidErrTarg, minGrad, maxIter, maxWallTime, ampLbound, ampUbound, initPulseType,
                pulseScaling, pulseOffset, fidType, seed, map, numStarts, v, maxMetricCorr, numCoeffs,
                ampLbounds, ampUbounds);
    }

    /** @return a copy with maxMetricCorr replaced */
    public PulseOptions withMaxMetricCorr(int v) {
        return new PulseOptions(alg, fidErrTarg, minGrad, maxIter, maxWallTime, ampLbound, ampUbound, initPulseType,
                pulseScaling, pulseOffset, fidType, seed, map, numStarts, accuracyFactor, v, numCoeffs,
                ampLbounds, ampUbounds);
    }

    /** @return a copy with numCoeffs replaced */
    public PulseOptions withNumCoeffs(int v) {
        return new PulseOptions(alg, fidErrTarg, minGrad, maxIter, maxWallTime, ampLbound, ampUbound, initPulseType,
                pulseScaling, pulseOffset, fidType, seed, map, numStarts, accuracyFactor, maxMetricCorr, v,
                ampLbounds, ampUbounds);
    }
}
