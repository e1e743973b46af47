package dev.lindblad.solver;

import dev.lindblad.Qobj;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of a time evolution: the output times, the expectation values of the e-ops at
 * those times (operators first, in the order given, then callbacks), the states when they were
 * stored, the final state and the run's {@link Stats}.
 */
public final class Result {

    private final double[] times;
    private final double[][] expect;      // per e-op, interleaved complex values per time
    private final boolean[] hermitian;    // per e-op: whether expect(k) may drop the imaginary part
    private final List<Qobj> states;
    private final Qobj finalState;
    private final Stats stats;

    Result(double[] times, double[][] expect, boolean[] hermitian, List<Qobj> states, Qobj finalState, Stats stats) {
        this.times = times;
        this.expect = expect;
        this.hermitian = hermitian;
        this.states = states == null ? null : Collections.unmodifiableList(states);
        this.finalState = finalState;
        this.stats = stats;
    }

    /** @return the output times (a copy) */
    public double[] times() {
        return times.clone();
    }

    /** @return the number of e-ops (operators and callbacks) */
    public int numExpect() {
        return expect.length;
    }

    /**
     * @param k index of the e-op
     * @return its real expectation values at every output time
     * @throws IllegalStateException when the e-op is an operator that is not Hermitian (use
     *                               {@link #expectComplex(int)})
     */
    public double[] expect(int k) {
        checkIndex(k);
        if (!hermitian[k]) {
            throw new IllegalStateException("e-op " + k + " is not Hermitian; its expectation values are complex: "
                    + "use expectComplex(" + k + ")");
        }
        double[] e = expect[k];
        double[] r = new double[e.length / 2];
        for (int i = 0; i < r.length; i++) {
            r[i] = e[2 * i];
        }
        return r;
    }

    /** @return the complex expectation values of e-op k, interleaved {@code (re, im)} per output time */
    public double[] expectComplex(int k) {
        checkIndex(k);
        return expect[k].clone();
    }

    private void checkIndex(int k) {
        if (k < 0 || k >= expect.length) {
            throw new IndexOutOfBoundsException("e-op index " + k + " out of range: the run had " + expect.length
                    + " e-ops");
        }
    }

    /**
     * @return the states at every output time
     * @throws IllegalStateException when the run did not store them (see
     *                               {@link SolverOptions#withStoreStates(boolean)})
     */
    public List<Qobj> states() {
        if (states == null) {
            throw new IllegalStateException("states were not stored: run with SolverOptions.withStoreStates(true)");
        }
        return states;
    }

    /** @return the state at the last output time reached, or null when not stored */
    public Qobj finalState() {
        return finalState;
    }

    /** @return steps, right-hand-side calls, rejected steps, wall time, method and right-hand side */
    public Stats stats() {
        return stats;
    }

    @Override
    public String toString() {
        return "Result: " + times.length + " times in [" + (times.length > 0 ? times[0] : "") + ", "
                + (times.length > 0 ? times[times.length - 1] : "") + "], " + expect.length + " e-ops, "
                + (states == null ? "no states" : states.size() + " states") + "; " + stats;
    }

    /** Collects output while a run goes on, so a failure can return what was reached. */
    static final class Builder {
        private final double[] times;
        private final double[][] expect;
        private final boolean[] hermitian;
        private final List<Qobj> states;
        private Qobj last;
        private int count;

        Builder(double[] times, boolean[] hermitian, boolean storeStates) {
            this.times = times;
            this.hermitian = hermitian;
            this.expect = new double[hermitian.length][2 * times.length];
            this.states = storeStates ? new ArrayList<>(times.length) : null;
        }

        void record(int i, double[] values, Qobj state, boolean keepLast) {
            for (int k = 0; k < expect.length; k++) {
                expect[k][2 * i] = values[2 * k];
                expect[k][2 * i + 1] = values[2 * k + 1];
            }
            if (states != null) {
                states.add(state);
            }
            if (keepLast) {
                last = state;
            }
            count = i + 1;
        }

        int count() {
            return count;
        }

        Result build(Stats stats) {
            double[] t = Arrays.copyOf(times, count);
            double[][] e = new double[expect.length][];
            for (int k = 0; k < e.length; k++) {
                e[k] = Arrays.copyOf(expect[k], 2 * count);
            }
            return new Result(t, e, hermitian, states, last, stats);
        }
    }
}
