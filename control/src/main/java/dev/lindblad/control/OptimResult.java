package dev.lindblad.control;

import dev.lindblad.Qobj;

/**
 * The outcome of {@link PulseOptim}, as qtrl's {@code OptimResult}. Amplitudes are
 * {@code [nTs][nCtrls]}: {@code amps[k][j]} is control j's amplitude during slice k. With several
 * starts ({@link PulseOptions#numStarts()}) this is the best start's result (the lowest final
 * fidelity error; the lowest start index among equals).
 */
public final class OptimResult implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Why an optimisation ended; {@link #text()} is qtrl's {@code termination_reason}. */
    public enum Termination {
        /** The fidelity error reached {@code fidErrTarg}. */
        GOAL_ACHIEVED("Goal achieved"),
        /** The gradient's 2-norm fell below {@code minGrad}. */
        GRAD_MIN_REACHED("Gradient normal minimum reached"),
        /** {@code maxWallTime} passed. */
        MAX_WALL_TIME("Max wall time exceeded"),
        /** L-BFGS-B converged: projected gradient below {@code minGrad} or no relative progress. */
        FUNCTION_CONVERGED("function converged"),
        /** L-BFGS-B used {@code maxIter} iterations. */
        MAX_ITER("Iteration or fidelity function call limit reached"),
        /** L-BFGS-B's line search failed from steepest descent. */
        LINE_SEARCH_FAILED("ABNORMAL_TERMINATION_IN_LNSRCH"),
        /** Nelder–Mead (CRAB) converged within its tolerances. */
        SIMPLEX_CONVERGED("Function converged (within tolerance)"),
        /** Nelder–Mead (CRAB) used {@code maxIter} iterations. */
        SIMPLEX_MAX_ITER("Maximum number of iterations reached"),
        /** Nelder–Mead (CRAB) used its evaluations. */
        SIMPLEX_MAX_EVAL("Maximum number of function evaluations reached");

        private final String text;

        Termination(String text) {
            this.text = text;
        }

        /** @return qtrl's text for this reason */
        public String text() {
            return text;
        }
    }

    private final double fidErr;
    private final double initialFidErr;
    private final double gradNormFinal;
    private final double[][] initialAmps;
    private final double[][] finalAmps;
    private final Qobj evoFullInitial;
    private final Qobj evoFullFinal;
    private final int numIter;
    private final int numFidFuncCalls;
    private final Termination termination;
    private final double wallTime;
    private final double[] time;
    private final long seed;
    private final int start;
    private final double[] startFidErrs;

    OptimResult(double fidErr, double initialFidErr, double gradNormFinal, double[][] initialAmps,
                double[][] finalAmps, Qobj evoFullInitial, Qobj evoFullFinal, int numIter, int numFidFuncCalls,
                Termination termination, double wallTime, double[] time, long seed, int start, double[] startFidErrs) {
        this.fidErr = fidErr;
        this.initialFidErr = initialFidErr;
        this.gradNormFinal = gradNormFinal;
        this.initialAmps = initialAmps;
        this.finalAmps = finalAmps;
        this.evoFullInitial = evoFullInitial;
        this.evoFullFinal = evoFullFinal;
        this.numIter = numIter;
        this.numFidFuncCalls = numFidFuncCalls;
        this.termination = termination;
        this.wallTime = wallTime;
        this.time = time;
        this.seed = seed;
        this.start = start;
        this.startFidErrs = startFidErrs;
    }

    /** @return this result with the multi-start summary filled in */
    OptimResult withStarts(int bestStart, double[] errs, double totalWallTime) {
        return new OptimResult(fidErr, initialFidErr, gradNormFinal, initialAmps, finalAmps, evoFullInitial,
                evoFullFinal, numIter, numFidFuncCalls, termination, totalWallTime, time, seed, bestStart, errs);
    }

    /** @return the final fidelity error (the measure of {@link PulseOptions#fidType()}) */
    public double fidErr() {
        return fidErr;
    }

    /** @return the fidelity error of the initial pulse */
    public double initialFidErr() {
        return initialFidErr;
    }

    /** @return the 2-norm of the last gradient computed (0 for CRAB) */
    public double gradNormFinal() {
        return gradNormFinal;
    }

    /** @return a copy of the initial amplitudes, {@code [nTs][nCtrls]} */
    public double[][] initialAmps() {
        return copy(initialAmps);
    }

    /** @return a copy of the optimised amplitudes, {@code [nTs][nCtrls]} */
    public double[][] finalAmps() {
        return copy(finalAmps);
    }

    /** @return the evolution of the initial pulse, {@code P_{n-1} ... P_0 initial} */
    public Qobj evoFullInitial() {
        return evoFullInitial;
    }

    /** @return the evolution of the optimised pulse, {@code P_{n-1} ... P_0 initial} */
    public Qobj evoFullFinal() {
        return evoFullFinal;
    }

    /** @return the optimiser's iterations */
    public int numIter() {
        return numIter;
    }

    /** @return fidelity evaluations */
    public int numFidFuncCalls() {
        return numFidFuncCalls;
    }

    /** @return why it ended, as qtrl words it (e.g. "Goal achieved") */
    public String terminationReason() {
        return termination.text();
    }

    /** @return why it ended */
    public Termination termination() {
        return termination;
    }

    /** @return whether {@code fidErrTarg} was reached */
    public boolean goalAchieved() {
        return termination == Termination.GOAL_ACHIEVED;
    }

    /** @return seconds the optimisation took (all starts, with several) */
    public double wallTime() {
        return wallTime;
    }

    /** @return the slice boundaries {@code 0, τ_0, τ_0 + τ_1, ..., T} (length nTs + 1) */
    public double[] time() {
        return time.clone();
    }

    /** @return the master seed ({@link PulseOptions#seed()}, or the one drawn), from which every start's seed is drawn in order */
    public long seed() {
        return seed;
    }

    /** @return the index of the start kept (0 with one start) */
    public int start() {
        return start;
    }

    /** @return every start's final fidelity error, by start index */
    public double[] startFidErrs() {
        return startFidErrs.clone();
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    @Override
    public String toString() {
        return "OptimResult[fidErr=" + fidErr + ", numIter=" + numIter + ", numFidFuncCalls=" + numFidFuncCalls
                + ", terminationReason=" + termination.text() + ", wallTime=" + wallTime + " s]";
    }
}
