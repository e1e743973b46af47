package dev.lindblad.heom;

import dev.lindblad.Qobj;
import dev.lindblad.solver.Stats;
import java.util.Collections;
import java.util.List;

/**
 * The outcome of a {@link HeomSolver#run}: the output times, the expectation values of the
 * e-ops on the system state, the system states when stored, the state of every ADO when asked
 * for ({@link HeomOptions#adoReturn()}), and what the run cost.
 */
public final class HeomResult implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final double[] times;
    private final double[][] expect;     // per e-op, interleaved complex per time
    private final boolean[] hermitian;
    private final List<Qobj> states;
    private final List<HierarchyAdosState> adoStates;
    private final Qobj finalState;
    private final Stats stats;

    HeomResult(double[] times, double[][] expect, boolean[] hermitian, List<Qobj> states,
            List<HierarchyAdosState> adoStates, Qobj finalState, Stats stats) {
        this.times = times;
        this.expect = expect;
        this.hermitian = hermitian;
        this.states = states == null ? null : Collections.unmodifiableList(states);
        this.adoStates = adoStates == null ? null : Collections.unmodifiableList(adoStates);
        this.finalState = finalState;
        this.stats = stats;
    }

    /** @return the output times reached (a copy) */
    public double[] times() {
        return times.clone();
    }

    /** @return the number of e-ops */
    public int numExpect() {
        return expect.length;
    }

    /**
     * @param k the e-op's index (operators first, then the {@link HeomExpectFunction}s)
     * @return {@code tr(rho(t) e_k)} (or the function's value) at every output time, real
     * @throws IllegalStateException when e-op k is not Hermitian (use {@link #expectComplex})
     */
    public double[] expect(int k) {
        checkIndex(k);
        if (!hermitian[k]) {
            throw new IllegalStateException("e-op " + k + " is not Hermitian; its expectation values are complex: "
                    + "use expectComplex(" + k + ")");
        }
        double[] r = new double[expect[k].length / 2];
        for (int i = 0; i < r.length; i++) {
            r[i] = expect[k][2 * i];
        }
        return r;
    }

    /** @return {@code tr(rho(t) e_k)} at every output time, interleaved {@code (re, im)} */
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
     * @return the system's density matrix at every output time
     * @throws IllegalStateException when they were not stored
     */
    public List<Qobj> states() {
        if (states == null) {
            throw new IllegalStateException("states were not stored: run without e-ops or with "
                    + "HeomOptions.withStoreStates(true)");
        }
        return states;
    }

    /**
     * @param i an output time's index
     * @return the state of every ADO at that time
     * @throws IllegalStateException when ADO states were not kept
     */
    public HierarchyAdosState ados(int i) {
        return adoStates().get(i);
    }

    /**
     * @return the state of every ADO at every output time
     * @throws IllegalStateException when they were not kept ({@link HeomOptions#withAdoReturn})
     */
    public List<HierarchyAdosState> adoStates() {
        if (adoStates == null) {
            throw new IllegalStateException("ADO states were not kept: run with HeomOptions.withAdoReturn(true)");
        }
        return adoStates;
    }

    /** @return the system's density matrix at the last output time reached, or null when not kept */
    public Qobj finalState() {
        return finalState;
    }

    /** @return steps, right-hand-side calls, wall time (build time as {@code setupSeconds}) */
    public Stats stats() {
        return stats;
    }

    // the stored fields as they are, for HeomDataFiles (no copies: the caller only reads them)
    boolean[] rawHermitian() {
        return hermitian;
    }

    List<Qobj> rawStates() {
        return states;
    }

    List<HierarchyAdosState> rawAdoStates() {
        return adoStates;
    }

    @Override
    public String toString() {
        return "HeomResult: " + times.length + " times, " + expect.length + " e-ops, "
                + (states == null ? "no states" : states.size() + " states")
                + (adoStates == null ? "" : ", ADO states") + "; " + stats;
    }
}
