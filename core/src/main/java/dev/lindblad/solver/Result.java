package dev.lindblad.solver;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;
import dev.lindblad.data.Data;
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
    /** per e-op: the first output time whose value is complex beyond rounding, or -1 */
    private final int[] firstComplex;
    private final List<Qobj> states;
    private final Qobj finalState;
    private final Stats stats;

    /**
     * A result whose values of a Hermitian e-op ({@code hermitian[k]}) are real (the state was a
     * ket) and whose other values are complex unless their imaginary parts are exactly zero.
     */
    Result(double[] times, double[][] expect, boolean[] hermitian, List<Qobj> states, Qobj finalState, Stats stats) {
        this(times, expect, exactlyComplex(expect, hermitian), states, finalState, stats);
    }

    private Result(double[] times, double[][] expect, int[] firstComplex, List<Qobj> states, Qobj finalState,
                   Stats stats) {
        this.times = times;
        this.expect = expect;
        this.firstComplex = firstComplex;
        this.states = states == null ? null : Collections.unmodifiableList(states);
        this.finalState = finalState;
        this.stats = stats;
    }

    private static int[] exactlyComplex(double[][] expect, boolean[] hermitian) {
        int[] first = new int[expect.length];
        for (int k = 0; k < expect.length; k++) {
            first[k] = -1;
            for (int i = 0; !hermitian[k] && i < expect[k].length / 2; i++) {
                if (expect[k][2 * i + 1] != 0) {
                    first[k] = i;
                    break;
                }
            }
        }
        return first;
    }

    /**
     * The same result with every stored state (and the final state) mapped by f: a solver that
     * integrates in another basis (Bloch–Redfield's eigenbasis, Floquet's) hands back lab states.
     */
    Result mapStates(java.util.function.UnaryOperator<Qobj> f) {
        List<Qobj> s = states == null ? null : states.stream().map(f).toList();
        return new Result(times, expect, firstComplex, s, finalState == null ? null : f.apply(finalState), stats);
    }

    /** The same result with other statistics (a solver built of several runs reports them together). */
    Result withStats(Stats s) {
        return new Result(times, expect, firstComplex, states, finalState, s);
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
     * The real expectation values of e-op k, by the rule of {@link Qobj#expect(Qobj, Qobj)}:
     * the real parts, when every value is real to rounding. A value is real when the e-op and
     * the state are both Hermitian (a Hermitian e-op on a ket or density matrix), or when its
     * imaginary part is at most {@link Qobj#EXPECT_TOLERANCE}{@code ||A||_F ||state||}; a
     * callback's values are real.
     *
     * @param k index of the e-op
     * @return its real expectation values at every output time
     * @throws IllegalArgumentException when a value is complex beyond rounding (a non-Hermitian
     *                                  e-op, or an evolved operator that is not Hermitian, as in
     *                                  a correlation function): use {@link #expectComplex(int)}
     */
    public double[] expect(int k) {
        checkIndex(k);
        int c = firstComplex[k];
        if (c >= 0) {
            throw new IllegalArgumentException("expect(" + k + "): e-op " + k + " has the complex value "
                    + new Complex(expect[k][2 * c], expect[k][2 * c + 1]) + " at t = " + times[c]
                    + " (the e-op or the evolved state is not Hermitian); use expectComplex(" + k + ")");
        }
        double[] e = expect[k];
        double[] r = new double[e.length / 2];
        for (int i = 0; i < r.length; i++) {
            r[i] = e[2 * i];
        }
        return r;
    }

    /**
     * @return the complex expectation values of e-op k, interleaved {@code (re, im)} per output
     *         time; the imaginary part is set to zero only where the e-op and the state are both
     *         Hermitian (there it is rounding)
     */
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

    // the stored fields as they are, for DataFiles (no copies: the caller only reads them)
    double[] rawTimes() {
        return times;
    }

    double[][] rawExpect() {
        return expect;
    }

    int[] rawFirstComplex() {
        return firstComplex;
    }

    List<Qobj> rawStates() {
        return states;
    }

    /** Rebuilds a result from its stored fields (DataFiles.qload), keeping which e-ops were complex. */
    static Result restore(double[] times, double[][] expect, int[] firstComplex, List<Qobj> states, Qobj finalState,
                          Stats stats) {
        return new Result(times, expect, firstComplex, states, finalState, stats);
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
        private final boolean[] hermitian;   // per e-op operator
        private final double[] eOpNorms;     // Frobenius norm per e-op operator
        private final int[] firstComplex;
        private final List<Qobj> states;
        private Qobj last;
        private int count;

        /**
         * @param eOps   the e-op operators, recorded first
         * @param nFuncs the number of callbacks after them (real values)
         */
        Builder(double[] times, List<Qobj> eOps, int nFuncs, boolean storeStates) {
            this.times = times;
            int ne = eOps.size() + nFuncs;
            this.hermitian = new boolean[eOps.size()];
            this.eOpNorms = new double[eOps.size()];
            for (int k = 0; k < eOps.size(); k++) {
                hermitian[k] = eOps.get(k).isHerm();
                eOpNorms[k] = Data.frobeniusNorm(eOps.get(k).data());
            }
            this.firstComplex = new int[ne];
            Arrays.fill(firstComplex, -1);
            this.expect = new double[ne][2 * times.length];
            this.states = storeStates ? new ArrayList<>(times.length) : null;
        }

        /**
         * Records output time i. {@code values} holds the e-op values, interleaved, computed on
         * the state {@code y / scale} (a ket when {@code vector}, else a rows×rows column-major
         * operator); the imaginary part of an e-op value is zeroed where the e-op and the state
         * are both Hermitian, and a value complex beyond rounding is noted for {@link #expect}.
         */
        void record(int i, double[] values, double[] y, boolean vector, int rows, double scale, Qobj state,
                    boolean keepLast) {
            int hermState = vector ? 1 : 0;   // 0 not yet known, 1 Hermitian, 2 not
            double stateNorm = -1;
            for (int k = 0; k < hermitian.length; k++) {
                double im = values[2 * k + 1];
                if (im == 0) {
                    continue;
                }
                if (hermitian[k]) {
                    if (hermState == 0) {
                        hermState = isHermitian(y, rows) ? 1 : 2;
                    }
                    if (hermState == 1) {
                        values[2 * k + 1] = 0;
                        continue;
                    }
                }
                if (firstComplex[k] < 0) {
                    if (stateNorm < 0) {
                        double f = frobenius(y) / scale;
                        stateNorm = vector ? f * f : f;
                    }
                    if (Math.abs(im) > Qobj.EXPECT_TOLERANCE * eOpNorms[k] * stateNorm) {
                        firstComplex[k] = i;
                    }
                }
            }
            for (int k = hermitian.length; k < expect.length; k++) {
                if (values[2 * k + 1] != 0 && firstComplex[k] < 0) {
                    firstComplex[k] = i;
                }
            }
            record(i, values, state, keepLast);
        }

        /** Records output time i with the values as given. */
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

        /** Whether the rows×rows column-major y equals its adjoint to within {@link Qobj#HERMITIAN_TOLERANCE} of its largest entry. */
        private static boolean isHermitian(double[] y, int n) {
            double max = 0;
            for (double v : y) {
                max = Math.max(max, Math.abs(v));
            }
            double tol = Qobj.HERMITIAN_TOLERANCE * max;
            for (int j = 0; j < n; j++) {
                for (int i = 0; i <= j; i++) {
                    int a = 2 * (i + j * n), b = 2 * (j + i * n);
                    if (!(Math.abs(y[a] - y[b]) <= tol && Math.abs(y[a + 1] + y[b + 1]) <= tol)) {
                        return false;
                    }
                }
            }
            return true;
        }

        private static double frobenius(double[] y) {
            double s = 0;
            for (double v : y) {
                s += v * v;
            }
            return Math.sqrt(s);
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
            int[] first = firstComplex.clone();
            for (int k = 0; k < first.length; k++) {
                if (first[k] >= count) {
                    first[k] = -1;
                }
            }
            return new Result(t, e, first, states, last, stats);
        }
    }
}
