package dev.lindblad.solver;

import dev.lindblad.Complex;
import dev.lindblad.DimensionMismatchException;
import dev.lindblad.Dims;
import dev.lindblad.Operators;
import dev.lindblad.Qobj;
import dev.lindblad.QobjLike;
import dev.lindblad.Superops;
import dev.lindblad.data.Data;
import dev.lindblad.data.Matrix;
import dev.lindblad.linalg.GeneralEigen;
import dev.lindblad.linalg.LuDecomposition;
import dev.lindblad.parallel.TaskMap;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Two-time correlation functions and spectra by the quantum regression theorem, as QuTiP 5's
 * {@code qutip.solver.correlation} and {@code qutip.solver.spectrum} (hbar = 1, Schrödinger-picture
 * operators):
 * <pre>
 *   &lt;A(t) B(t+tau) C(t)&gt; = tr( B  V(t+tau, t)[ C rho(t) A ] )
 * </pre>
 * with {@code V(t+tau, t)} the master-equation propagator of H and the collapse operators
 * (Gardiner, <i>Quantum Noise</i>, section 5.2). The two-operator forms are
 * {@code <A(t+tau) B(t)>} (A, B, C = 1, A, B) and, with {@code reverse}, {@code <A(t) B(t+tau)>}
 * (A, B, C = A, B, 1). As in QuTiP, {@code rho(t)} starts from {@code state0} at {@code tlist[0]}
 * (a ket is taken as {@code |psi><psi|}; null means the steady state of a time-independent
 * system), each row starts at {@code t + taulist[0]} (taulist should start at 0), and H may be a
 * Liouvillian (then the collapse operators add their dissipators).
 *
 * <p><b>How it is computed.</b> The rows for the initial times t are independent and run in
 * parallel through a {@link TaskMap} (each task's kernels on one thread); rows are returned in
 * the order of {@code tlist}, so a result does not depend on the map. When the system is
 * time-independent the whole matrix comes from two integrations instead of one per row: the
 * forward run for {@code rho(t)} and one run of the adjoint (Heisenberg-picture) equation
 * {@code dB/dtau = L^†(B)} from {@code B^†}, since {@code tr(B e^{L tau} X) = <e^{L^† tau} vec(B^†), vec(X)>};
 * every entry is then an inner product. Both paths agree within the integrator's tolerances.
 *
 * <p>Every argument is checked at once; messages start with the function's name and name the
 * argument.
 */
public final class Correlations {

    private Correlations() {
    }

    /** How a correlation matrix is computed; package-private so tests can compare the two. */
    enum Path {
        /** Heisenberg picture for a time-independent system, rows otherwise. */
        AUTO,
        /** One forward integration per initial time (QuTiP's way). */
        ROWS,
        /** One adjoint integration of B; time-independent systems only. */
        HEISENBERG
    }

    // ---------------------------------------------------------------- two operators, one time

    /**
     * {@code <A(tau) B(0)>} at each tau, QuTiP's {@code correlation_2op_1t} with default options.
     *
     * @param h       Hamiltonian or Liouvillian, constant or time-dependent
     * @param state0  initial density matrix or ket at time 0; null for the steady state
     * @param taulist delays, non-decreasing, starting at 0
     * @param cOps    collapse operators (null: none)
     * @param a       operator A
     * @param b       operator B
     * @return the correlation at each tau
     */
    public static Complex[] correlation2op1t(QobjLike h, Qobj state0, double[] taulist, List<? extends QobjLike> cOps,
                                            Qobj a, Qobj b) {
        return correlation2op1t(h, state0, taulist, cOps, a, b, false, SolverOptions.defaults());
    }

    /**
     * {@code <A(tau) B(0)>}, or {@code <A(0) B(tau)>} when {@code reverse}, at each tau.
     *
     * @param h       Hamiltonian or Liouvillian, constant or time-dependent
     * @param state0  initial density matrix or ket at time 0; null for the steady state
     * @param taulist delays, non-decreasing, starting at 0
     * @param cOps    collapse operators (null: none)
     * @param a       operator A
     * @param b       operator B
     * @param reverse whether to compute {@code <A(0) B(tau)>}
     * @param options integrator options (output normalisation is always off here)
     * @return the correlation at each tau
     */
    public static Complex[] correlation2op1t(QobjLike h, Qobj state0, double[] taulist, List<? extends QobjLike> cOps,
                                            Qobj a, Qobj b, boolean reverse, SolverOptions options) {
        String op = "correlation2op1t";
        nonNull(h, op, "h");
        finite(taulist, op, "taulist");
        nonNull(a, op, "a");
        nonNull(b, op, "b");
        nonNull(options, op, "options");
        List<? extends QobjLike> cs = elements(cOps, op, "cOps");
        Qobj[] abc = reverse ? new Qobj[] {a, b, null} : new Qobj[] {null, a, b};
        return compute(op, h, state0, new double[] {0}, taulist, cs, abc, names(reverse), options, TaskMap.serial(),
                Path.AUTO)[0];
    }

    // ---------------------------------------------------------------- two operators, two times

    /**
     * {@code <A(t+tau) B(t)>} for every t and tau, QuTiP's {@code correlation_2op_2t}, with default
     * options, rows in parallel on every core.
     *
     * @param h       Hamiltonian or Liouvillian, constant or time-dependent
     * @param state0  initial density matrix or ket at {@code tlist[0]}; null for the steady state
     * @param tlist   times t, non-decreasing
     * @param taulist delays, non-decreasing, starting at 0
     * @param cOps    collapse operators (null: none)
     * @param a       operator A
     * @param b       operator B
     * @return {@code [t index][tau index]}
     */
    public static Complex[][] correlation2op2t(QobjLike h, Qobj state0, double[] tlist, double[] taulist,
                                              List<? extends QobjLike> cOps, Qobj a, Qobj b) {
        return correlation2op2t(h, state0, tlist, taulist, cOps, a, b, false, SolverOptions.defaults(), TaskMap.threads());
    }

    /**
     * {@code <A(t+tau) B(t)>}, or {@code <A(t) B(t+tau)>} when {@code reverse}, for every t and tau.
     *
     * @param h       Hamiltonian or Liouvillian, constant or time-dependent
     * @param state0  initial density matrix or ket at {@code tlist[0]}; null for the steady state
     * @param tlist   times t, non-decreasing
     * @param taulist delays, non-decreasing, starting at 0
     * @param cOps    collapse operators (null: none)
     * @param a       operator A
     * @param b       operator B
     * @param reverse whether to compute {@code <A(t) B(t+tau)>}
     * @param options integrator options (output normalisation is always off here)
     * @param map     how the rows (one per t) are distributed
     * @return {@code [t index][tau index]}
     */
    public static Complex[][] correlation2op2t(QobjLike h, Qobj state0, double[] tlist, double[] taulist,
                                              List<? extends QobjLike> cOps, Qobj a, Qobj b, boolean reverse,
                                              SolverOptions options, TaskMap map) {
        String op = "correlation2op2t";
        nonNull(h, op, "h");
        finite(tlist, op, "tlist");
        finite(taulist, op, "taulist");
        nonNull(a, op, "a");
        nonNull(b, op, "b");
        nonNull(options, op, "options");
        nonNull(map, op, "map");
        List<? extends QobjLike> cs = elements(cOps, op, "cOps");
        Qobj[] abc = reverse ? new Qobj[] {a, b, null} : new Qobj[] {null, a, b};
        return compute(op, h, state0, tlist, taulist, cs, abc, names(reverse), options, map, Path.AUTO);
    }

    // ---------------------------------------------------------------- three operators

    /**
     * {@code <A(0) B(tau) C(0)>} at each tau, QuTiP's {@code correlation_3op_1t}.
     *
     * @param h       Hamiltonian or Liouvillian, constant or time-dependent
     * @param state0  initial density matrix or ket at time 0; null for the steady state
     * @param taulist delays, non-decreasing, starting at 0
     * @param cOps    collapse operators (null: none)
     * @param a       operator A
     * @param b       operator B
     * @param c       operator C
     * @return the correlation at each tau
     */
    public static Complex[] correlation3op1t(QobjLike h, Qobj state0, double[] taulist, List<? extends QobjLike> cOps,
                                            Qobj a, Qobj b, Qobj c) {
        return correlation3op1t(h, state0, taulist, cOps, a, b, c, SolverOptions.defaults());
    }

    /** {@link #correlation3op1t(QobjLike, Qobj, double[], List, Qobj, Qobj, Qobj)} with options. */
    public static Complex[] correlation3op1t(QobjLike h, Qobj state0, double[] taulist, List<? extends QobjLike> cOps,
                                            Qobj a, Qobj b, Qobj c, SolverOptions options) {
        String op = "correlation3op1t";
        nonNull(h, op, "h");
        finite(taulist, op, "taulist");
        nonNull(a, op, "a");
        nonNull(b, op, "b");
        nonNull(c, op, "c");
        nonNull(options, op, "options");
        List<? extends QobjLike> cs = elements(cOps, op, "cOps");
        return compute(op, h, state0, new double[] {0}, taulist, cs, new Qobj[] {a, b, c}, ABC, options,
                TaskMap.serial(), Path.AUTO)[0];
    }

    /**
     * {@code <A(t) B(t+tau) C(t)>} for every t and tau, QuTiP's {@code correlation_3op_2t}, with
     * default options, rows in parallel on every core.
     *
     * @param h       Hamiltonian or Liouvillian, constant or time-dependent
     * @param state0  initial density matrix or ket at {@code tlist[0]}; null for the steady state
     * @param tlist   times t, non-decreasing
     * @param taulist delays, non-decreasing, starting at 0
     * @param cOps    collapse operators (null: none)
     * @param a       operator A
     * @param b       operator B
     * @param c       operator C
     * @return {@code [t index][tau index]}
     */
    public static Complex[][] correlation3op2t(QobjLike h, Qobj state0, double[] tlist, double[] taulist,
                                              List<? extends QobjLike> cOps, Qobj a, Qobj b, Qobj c) {
        return correlation3op2t(h, state0, tlist, taulist, cOps, a, b, c, SolverOptions.defaults(), TaskMap.threads());
    }

    /** {@link #correlation3op2t(QobjLike, Qobj, double[], double[], List, Qobj, Qobj, Qobj)} with options and a map. */
    public static Complex[][] correlation3op2t(QobjLike h, Qobj state0, double[] tlist, double[] taulist,
                                              List<? extends QobjLike> cOps, Qobj a, Qobj b, Qobj c,
                                              SolverOptions options, TaskMap map) {
        String op = "correlation3op2t";
        nonNull(h, op, "h");
        finite(tlist, op, "tlist");
        finite(taulist, op, "taulist");
        nonNull(a, op, "a");
        nonNull(b, op, "b");
        nonNull(c, op, "c");
        nonNull(options, op, "options");
        nonNull(map, op, "map");
        List<? extends QobjLike> cs = elements(cOps, op, "cOps");
        return compute(op, h, state0, tlist, taulist, cs, new Qobj[] {a, b, c}, ABC, options, map, Path.AUTO);
    }

    /**
     * {@code <A(t) B(t+tau) C(t)>} from a master-equation solver, QuTiP's {@code correlation_3op};
     * a null operator is the identity (QuTiP's {@code None}), so {@code aOp = null} gives
     * {@code <B(t+tau) C(t)>}.
     *
     * @param solver  the master-equation solver (its options are used, output normalisation off)
     * @param state0  initial density matrix or ket at {@code tlist[0]}
     * @param tlist   times t, non-decreasing
     * @param taulist delays, non-decreasing, starting at 0
     * @param aOp     operator A, or null for the identity
     * @param bOp     operator B, or null for the identity
     * @param cOp     operator C, or null for the identity
     * @param map     how the rows are distributed
     * @return {@code [t index][tau index]}
     */
    public static Complex[][] correlation3op(MeSolver solver, Qobj state0, double[] tlist, double[] taulist, Qobj aOp,
                                            Qobj bOp, Qobj cOp, TaskMap map) {
        String op = "correlation3op";
        nonNull(solver, op, "solver");
        nonNull(state0, op, "state0");
        finite(tlist, op, "tlist");
        finite(taulist, op, "taulist");
        nonNull(map, op, "map");
        MeSolver s = solver.withOptions(quiet(solver.options()), op);
        return run3op(op, s, state0, tlist, taulist, new Qobj[] {aOp, bOp, cOp}, new String[] {"aOp", "bOp", "cOp"}, map,
                Path.AUTO);
    }

    // ---------------------------------------------------------------- coherence functions

    /**
     * First-order coherence {@code g1(tau) = <a^†(tau) a(0)> / sqrt(n(0) n(tau))}, QuTiP's
     * {@code coherence_function_g1}, with {@code n(tau) = <a^† a>(tau)}. (QuTiP 5.3.1's code divides
     * by {@code n(0)} alone, against its own docstring; the two agree for a stationary state, and
     * this follows the stated formula, as QuTiP 4.7 does.)
     *
     * @param h       Hamiltonian or Liouvillian, constant or time-dependent
     * @param state0  initial density matrix or ket; null for the steady state
     * @param taulist delays, non-decreasing, starting at 0
     * @param cOps    collapse operators (null: none)
     * @param a       the field operator
     * @return g1 and G1
     * @throws IllegalArgumentException when {@code <a^† a>} is not above 1e-12 at some tau (g1 undefined)
     */
    public static CoherenceFunction coherenceFunctionG1(QobjLike h, Qobj state0, double[] taulist,
                                                        List<? extends QobjLike> cOps, Qobj a) {
        return coherenceFunctionG1(h, state0, taulist, cOps, a, SolverOptions.defaults());
    }

    /** {@link #coherenceFunctionG1(QobjLike, Qobj, double[], List, Qobj)} with options. */
    public static CoherenceFunction coherenceFunctionG1(QobjLike h, Qobj state0, double[] taulist,
                                                        List<? extends QobjLike> cOps, Qobj a, SolverOptions options) {
        return coherence("coherenceFunctionG1", h, state0, taulist, cOps, a, options, 1);
    }

    /**
     * Second-order coherence {@code g2(tau) = <a^†(0) a^†(tau) a(tau) a(0)> / (n(0) n(tau))}, QuTiP's
     * {@code coherence_function_g2}, with {@code n(tau) = <a^† a>(tau)}: 1 for coherent light, 2 for
     * thermal light, {@code 1 - 1/n} for the Fock state n at tau = 0.
     *
     * @param h       Hamiltonian or Liouvillian, constant or time-dependent
     * @param state0  initial density matrix or ket; null for the steady state
     * @param taulist delays, non-decreasing, starting at 0
     * @param cOps    collapse operators (null: none)
     * @param a       the field operator
     * @return g2 and G2
     * @throws IllegalArgumentException when {@code <a^† a>} is not above 1e-12 at some tau (g2 undefined)
     */
    public static CoherenceFunction coherenceFunctionG2(QobjLike h, Qobj state0, double[] taulist,
                                                        List<? extends QobjLike> cOps, Qobj a) {
        return coherenceFunctionG2(h, state0, taulist, cOps, a, SolverOptions.defaults());
    }

    /** {@link #coherenceFunctionG2(QobjLike, Qobj, double[], List, Qobj)} with options. */
    public static CoherenceFunction coherenceFunctionG2(QobjLike h, Qobj state0, double[] taulist,
                                                        List<? extends QobjLike> cOps, Qobj a, SolverOptions options) {
        return coherence("coherenceFunctionG2", h, state0, taulist, cOps, a, options, 2);
    }

    private static CoherenceFunction coherence(String op, QobjLike h, Qobj state0, double[] taulist,
                                               List<? extends QobjLike> cOps, Qobj a, SolverOptions options, int order) {
        nonNull(h, op, "h");
        finite(taulist, op, "taulist");
        nonNull(a, op, "a");
        nonNull(options, op, "options");
        List<? extends QobjLike> cs = elements(cOps, op, "cOps");
        if (taulist.length == 0) {
            throw new IllegalArgumentException(op + ": taulist must hold at least one delay");
        }
        MeSolver solver = new MeSolver(h, cs, quiet(options), op);
        if (!a.dims().equals(solver.operatorDims())) {
            throw new DimensionMismatchException(op + ": operator a and the system", a.dims(), solver.operatorDims());
        }
        Qobj rho0 = initialState(op, solver, h, cs, state0);
        Qobj ad = a.dag();
        Qobj number = ad.times(a);
        double[] n;
        if (state0 == null) {
            double nss = Qobj.expectComplex(number, rho0).re();
            n = new double[taulist.length];
            java.util.Arrays.fill(n, nss);
        } else {
            double[] e = solver.run(rho0, taulist, List.of(number)).expectComplex(0);
            n = new double[taulist.length];
            for (int k = 0; k < n.length; k++) {
                n[k] = e[2 * k];
            }
        }
        Qobj[] abc = order == 1 ? new Qobj[] {null, ad, a} : new Qobj[] {ad, number, a};
        Complex[] g = run3op(op, solver, rho0, new double[] {0}, taulist, abc, new String[] {"a", "a", "a"},
                TaskMap.serial(), Path.AUTO)[0];
        for (int k = 0; k < n.length; k++) {
            if (!(n[k] > 1e-12)) {   // below this the ratio is rounding noise
                throw new IllegalArgumentException(op + ": <a^dag a> = " + n[k] + " at tau = " + taulist[k]
                        + " (state0 " + (state0 == null ? "the steady state" : "given") + "), so the normalised "
                        + "function is undefined there; use a correlation function for the unnormalised one");
            }
        }
        Complex[] norm = new Complex[g.length];
        for (int k = 0; k < g.length; k++) {
            double d = order == 1 ? Math.sqrt(n[0] * n[k]) : n[0] * n[k];
            norm[k] = new Complex(g[k].re() / d, g[k].im() / d);
        }
        return new CoherenceFunction(norm, g);
    }

    // ---------------------------------------------------------------- the engine

    /** QuTiP switches output normalisation off for correlations: C rho A has no unit trace. */
    private static SolverOptions quiet(SolverOptions options) {
        return options.withNormalizeOutput(false).withProgress(false);
    }

    /** The user's names of the operators in the places A, B, C (two-operator forms). */
    private static String[] names(boolean reverse) {
        return reverse ? new String[] {"a", "b", null} : new String[] {null, "a", "b"};
    }

    private static final String[] ABC = {"a", "b", "c"};

    static Complex[][] compute(String op, QobjLike h, Qobj state0, double[] tlist, double[] taulist,
                               List<? extends QobjLike> cOps, Qobj[] abc, String[] names, SolverOptions options,
                               TaskMap map, Path path) {
        MeSolver solver = new MeSolver(h, cOps, quiet(options), op);
        Qobj rho0 = initialState(op, solver, h, cOps, state0);
        return run3op(op, solver, rho0, tlist, taulist, abc, names, map, path);
    }

    private static Qobj initialState(String op, MeSolver solver, QobjLike h, List<? extends QobjLike> cOps, Qobj state0) {
        if (state0 != null) {
            return state0;
        }
        if (!solver.isConstant()) {
            throw new IllegalArgumentException(op + ": state0 is null (start from the steady state), which needs a "
                    + "time-independent system; give an initial state for a time-dependent one");
        }
        return new SteadyStateSolver(h, cOps, SteadyStateOptions.defaults()).solve().state();
    }

    static Complex[][] run3op(String op, MeSolver solver, Qobj state0, double[] tlist, double[] taulist, Qobj[] abc,
                              String[] names, TaskMap map, Path path) {
        if (tlist.length == 0) {
            throw new IllegalArgumentException(op + ": tlist must hold at least one time");
        }
        if (taulist.length == 0) {
            throw new IllegalArgumentException(op + ": taulist must hold at least one delay");
        }
        checkOrder(op, "tlist", tlist);
        checkOrder(op, "taulist", taulist);
        Dims dims = solver.operatorDims();
        Qobj rho0 = state0.isKet() ? state0.proj() : state0;
        if (!rho0.dims().equals(dims)) {
            throw new DimensionMismatchException(op + ": state0 and the system", rho0.dims(), dims);
        }
        Qobj[] ops = new Qobj[3];
        for (int k = 0; k < 3; k++) {
            ops[k] = abc[k] == null ? Operators.qeyeLike(rho0) : abc[k];
            if (!ops[k].dims().equals(dims)) {
                throw new DimensionMismatchException(op + ": operator " + names[k] + " and the system", ops[k].dims(),
                        dims);
            }
        }
        Qobj a = ops[0], b = ops[1], c = ops[2];
        List<Qobj> rhoT = tlist.length == 1 ? List.of(rho0)
                : solver.withOptions(solver.options().withStoreStates(true), op).run(rho0, tlist, List.of()).states();
        List<Integer> rows = IntStream.range(0, tlist.length).boxed().toList();
        boolean heisenberg = path == Path.HEISENBERG || (path == Path.AUTO && solver.isConstant());
        if (heisenberg) {
            if (!solver.isConstant()) {
                throw new IllegalArgumentException(op + ": the Heisenberg path needs a time-independent system");
            }
            // one adjoint run: y(tau) = exp(L^† (tau - tau_0)) vec(B^†), then <y(tau), vec(C rho(t) A)>
            Matrix adjoint = Data.adjoint(solver.constantLiouvillian());
            MeSolver back = new MeSolver(Qobj.of(adjoint, Dims.superOf(dims)), List.of(),
                    solver.options().withStoreStates(true), op);
            List<Qobj> ys = back.run(b.dag(), taulist, List.of()).states();
            double[][] y = new double[ys.size()][];
            for (int j = 0; j < y.length; j++) {
                y[j] = Evolution.stateArray(ys.get(j));
            }
            List<Complex[]> out = map.map(rows, i -> {
                double[] x = Evolution.stateArray(c.times(rhoT.get(i)).times(a));
                Complex[] row = new Complex[y.length];
                for (int j = 0; j < y.length; j++) {
                    double[] yj = y[j];
                    double re = 0, im = 0;
                    for (int k = 0; k < x.length; k += 2) {
                        re += yj[k] * x[k] + yj[k + 1] * x[k + 1];
                        im += yj[k] * x[k + 1] - yj[k + 1] * x[k];
                    }
                    row[j] = new Complex(re, im);
                }
                return row;
            });
            return out.toArray(new Complex[0][]);
        }
        List<Complex[]> out = map.map(rows, i -> {
            double t = tlist[i];
            double[] shifted = new double[taulist.length];
            for (int j = 0; j < shifted.length; j++) {
                shifted[j] = taulist[j] + t;
            }
            Qobj x = c.times(rhoT.get(i)).times(a);
            double[] e = solver.run(x, shifted, List.of(b)).expectComplex(0);
            Complex[] row = new Complex[taulist.length];
            for (int j = 0; j < row.length; j++) {
                row[j] = new Complex(e[2 * j], e[2 * j + 1]);
            }
            return row;
        });
        return out.toArray(new Complex[0][]);
    }

    // ---------------------------------------------------------------- spectra

    /**
     * The power spectrum {@code S(w) = 2 Re int_0^inf <A(tau) B(0)> e^{-i w tau} dtau} of the
     * steady state, with the stationary part {@code <A><B>} removed, by the eigen-decomposition of
     * the Liouvillian (QuTiP's {@code spectrum} with {@code solver="es"}).
     *
     * @param h     time-independent Hamiltonian or Liouvillian
     * @param wlist angular frequencies
     * @param cOps  collapse operators (null: none)
     * @param a     operator A
     * @param b     operator B
     * @return S at each frequency
     */
    public static double[] spectrum(Qobj h, double[] wlist, List<Qobj> cOps, Qobj a, Qobj b) {
        return spectrum(h, wlist, cOps, a, b, "es", TaskMap.serial());
    }

    /**
     * The power spectrum of the steady state, as QuTiP's {@code spectrum(H, wlist, c_ops, a, b, solver)}:
     * <ul>
     * <li>{@code "es"}: eigen-decomposition {@code L = V Λ V^{-1}}; with {@code vec(B rho_ss) = sum_k v_k V_k},
     *     {@code S(w) = Re sum_k 2 tr(A V_k) v_k / (i w - λ_k)}, the zero mode (steady state) left out,
     *     which removes {@code <A><B>};</li>
     * <li>{@code "pi"}: {@code S(w) = -2 Re tr(A (L - i w)^{-1} [B rho_ss])}, with the pseudo-inverse
     *     {@code Q (L - i w)^{-1} Q} ({@code Q = 1 - |rho_ss><1|}) at {@code |w| <= 1e-12} where
     *     {@code L} is singular;</li>
     * <li>{@code "solve"}: the pseudo-inverse form at every frequency.</li>
     * </ul>
     * The {@code "pi"} and {@code "solve"} forms factor one dense {@code N²×N²} matrix per
     * frequency, spread over {@code map}.
     *
     * @param h      time-independent Hamiltonian or Liouvillian
     * @param wlist  angular frequencies
     * @param cOps   collapse operators (null: none)
     * @param a      operator A
     * @param b      operator B
     * @param solver {@code "es"}, {@code "pi"} or {@code "solve"}
     * @param map    how the frequencies are distributed ({@code "pi"}, {@code "solve"})
     * @return S at each frequency
     */
    public static double[] spectrum(Qobj h, double[] wlist, List<Qobj> cOps, Qobj a, Qobj b, String solver,
                                    TaskMap map) {
        String op = "spectrum";
        nonNull(h, op, "h");
        finite(wlist, op, "wlist");
        nonNull(a, op, "a");
        nonNull(b, op, "b");
        nonNull(solver, op, "solver");
        nonNull(map, op, "map");
        List<Qobj> cs = elements(cOps, op, "cOps");
        if (!List.of("es", "pi", "solve").contains(solver)) {
            throw new IllegalArgumentException(op + ": unknown solver '" + solver + "'; expected \"es\", \"pi\" or \"solve\"");
        }
        Qobj l;
        if (h.isSuper()) {
            l = h;
            for (Qobj c : cs) {
                l = l.plus(Superops.lindbladDissipator(c));
            }
        } else {
            l = Superops.liouvillian(h, cs);
        }
        Dims dims = l.dims().outSpace();
        for (Qobj[] named : new Qobj[][] {{a}, {b}}) {
            if (!named[0].dims().equals(dims)) {
                throw new DimensionMismatchException(op + ": operator " + (named[0] == a ? "a" : "b") + " and the system",
                        named[0].dims(), dims);
            }
        }
        Qobj rho = new SteadyStateSolver(l, List.of(), SteadyStateOptions.defaults()).solve().state();
        int n = dims.rows();
        int m = n * n;
        dev.lindblad.MemoryCheck.require(op, "a dense " + m + "x" + m + " Liouvillian", dev.lindblad.MemoryCheck.product(
                16, (double) m * m, solver.equals("es") ? 4 : 2 + Math.min(map.parallelism(), Math.max(1, wlist.length))),
                "a smaller Hilbert space");
        double[] lDense = Evolution.stateArray(l);
        double[] ket = Evolution.stateArray(b.times(rho));
        double[] aArr = Evolution.stateArray(a);
        // bra . x = tr(A X) = sum_{p,q} A[q,p] X[p,q]
        double[] bra = new double[2 * m];
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                int k = p + n * q;
                bra[2 * k] = aArr[2 * (q + n * p)];
                bra[2 * k + 1] = aArr[2 * (q + n * p) + 1];
            }
        }
        if (solver.equals("es")) {
            return spectrumEs(op, m, lDense, bra, ket, wlist);
        }
        double[] rhoVec = Evolution.stateArray(rho);
        boolean pinvEverywhere = solver.equals("solve");
        List<Integer> idx = IntStream.range(0, wlist.length).boxed().toList();
        List<Double> out = map.map(idx, i -> spectrumPi(m, n, lDense, bra, ket, rhoVec, wlist[i], pinvEverywhere));
        double[] s = new double[wlist.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = out.get(i);
        }
        return s;
    }

    private static double[] spectrumEs(String op, int m, double[] l, double[] bra, double[] ket, double[] wlist) {
        GeneralEigen.Result eig = GeneralEigen.decompose(m, l, true);
        LuDecomposition lu = LuDecomposition.factor(m, eig.eigenvectors());
        if (lu.isSingular()) {
            throw new ArithmeticException(op + ": the Liouvillian is defective (its eigenvectors are linearly dependent);"
                    + " use solver \"pi\"");
        }
        double[] v0 = lu.solve(ket);
        double[] vecs = eig.eigenvectors();
        double[] lam = eig.eigenvalues();
        int zero = 0;
        for (int k = 1; k < m; k++) {
            if (Math.hypot(lam[2 * k], lam[2 * k + 1]) < Math.hypot(lam[2 * zero], lam[2 * zero + 1])) {
                zero = k;
            }
        }
        double[] ampl = new double[2 * m];
        for (int k = 0; k < m; k++) {
            if (k == zero) {
                continue;   // the steady state: its amplitude is <A><B>, the stationary part removed
            }
            double tr = 0, ti = 0;
            for (int j = 0; j < m; j++) {
                double vr = vecs[2 * (j + m * k)], vi = vecs[2 * (j + m * k) + 1];
                tr += bra[2 * j] * vr - bra[2 * j + 1] * vi;
                ti += bra[2 * j] * vi + bra[2 * j + 1] * vr;
            }
            ampl[2 * k] = tr * v0[2 * k] - ti * v0[2 * k + 1];
            ampl[2 * k + 1] = tr * v0[2 * k + 1] + ti * v0[2 * k];
        }
        double[] s = new double[wlist.length];
        for (int i = 0; i < wlist.length; i++) {
            double sum = 0;
            for (int k = 0; k < m; k++) {
                if (k == zero) {
                    continue;
                }
                // 2 ampl / (i w - λ): real part
                double dr = -lam[2 * k], di = wlist[i] - lam[2 * k + 1];
                double den = dr * dr + di * di;
                sum += 2 * (ampl[2 * k] * dr + ampl[2 * k + 1] * di) / den;
            }
            s[i] = sum;
        }
        return s;
    }

    private static double spectrumPi(int m, int n, double[] l, double[] bra, double[] ket, double[] rho, double w,
                                     boolean projectedEverywhere) {
        double[] mat = l.clone();
        for (int k = 0; k < m; k++) {
            mat[2 * (k + m * k) + 1] -= w;
        }
        boolean projected = projectedEverywhere || Math.abs(w) <= 1e-12;
        double[] rhs = ket;
        double[] left = bra;
        if (projected) {
            // L - i w - P with P = |rho><1| is invertible, and Q (L - i w - P)^{-1} Q = Q (L - i w)^+ Q
            for (int d = 0; d < n; d++) {
                int col = d + n * d;   // vec index of the diagonal entry (d, d): the trace functional
                for (int r = 0; r < m; r++) {
                    mat[2 * (r + m * col)] -= rho[2 * r];
                    mat[2 * (r + m * col) + 1] -= rho[2 * r + 1];
                }
            }
            double trRe = 0, trIm = 0, brRe = 0, brIm = 0;
            for (int d = 0; d < n; d++) {
                trRe += ket[2 * (d + n * d)];
                trIm += ket[2 * (d + n * d) + 1];
            }
            for (int r = 0; r < m; r++) {
                brRe += bra[2 * r] * rho[2 * r] - bra[2 * r + 1] * rho[2 * r + 1];
                brIm += bra[2 * r] * rho[2 * r + 1] + bra[2 * r + 1] * rho[2 * r];
            }
            rhs = ket.clone();
            for (int r = 0; r < m; r++) {
                rhs[2 * r] -= rho[2 * r] * trRe - rho[2 * r + 1] * trIm;
                rhs[2 * r + 1] -= rho[2 * r] * trIm + rho[2 * r + 1] * trRe;
            }
            left = bra.clone();
            for (int d = 0; d < n; d++) {
                left[2 * (d + n * d)] -= brRe;
                left[2 * (d + n * d) + 1] -= brIm;
            }
        }
        double[] z = LuDecomposition.factor(m, mat).solve(rhs);
        double re = 0;
        for (int r = 0; r < m; r++) {
            re += left[2 * r] * z[2 * r] - left[2 * r + 1] * z[2 * r + 1];
        }
        return -2 * re;
    }

    /**
     * The spectrum of a sampled correlation function by FFT, as QuTiP's
     * {@code spectrum_correlation_fft(tlist, y)}: {@code F_j = sum_k y_k e^{-2 pi i j k / N}},
     * {@code S = 2 dt Re F} at the angular frequencies {@code w = 2 pi fftfreq(N, dt)}, reordered
     * ascending.
     *
     * @param tlist equally spaced times (at least two)
     * @param y     the correlation at those times
     * @return frequencies and spectrum
     */
    public static FftSpectrum spectrumCorrelationFft(double[] tlist, Complex[] y) {
        return spectrumCorrelationFft(tlist, y, false);
    }

    /**
     * {@link #spectrumCorrelationFft(double[], Complex[])}; with {@code inverse} the transform is
     * {@code F_j = sum_k y_k e^{+2 pi i j k / N}} (numpy's {@code N ifft}).
     *
     * @param tlist   equally spaced times (at least two)
     * @param y       the correlation at those times
     * @param inverse whether to use the inverse transform's sign
     * @return frequencies and spectrum
     */
    public static FftSpectrum spectrumCorrelationFft(double[] tlist, Complex[] y, boolean inverse) {
        String op = "spectrumCorrelationFft";
        finite(tlist, op, "tlist");
        nonNull(y, op, "y");
        for (int k = 0; k < y.length; k++) {
            nonNull(y[k], op, "y[" + k + "]");
        }
        int n = tlist.length;
        if (n < 2) {
            throw new IllegalArgumentException(op + ": tlist needs at least two times, got " + n);
        }
        if (y.length != n) {
            throw new IllegalArgumentException(op + ": y has " + y.length + " values for " + n + " times in tlist");
        }
        double dt = tlist[1] - tlist[0];
        for (int k = 1; k < n; k++) {
            double d = tlist[k] - tlist[k - 1];
            if (!(Math.abs(d - dt) <= 1e-8 + 1e-5 * Math.abs(dt))) {
                throw new IllegalArgumentException(op + ": tlist must be equally spaced for the FFT; tlist[" + k
                        + "] - tlist[" + (k - 1) + "] = " + d + " differs from " + dt);
            }
        }
        double[] data = new double[2 * n];
        for (int k = 0; k < n; k++) {
            Complex z = y[k];
            if (!Double.isFinite(z.re()) || !Double.isFinite(z.im())) {
                throw new IllegalArgumentException(op + ": y[" + k + "] = " + z + " is not finite");
            }
            data[2 * k] = z.re();
            data[2 * k + 1] = z.im();
        }
        double[] f = Fft.transform(data, inverse);
        // numpy's fftfreq: 0, 1, ..., ceil(n/2)-1, then -floor(n/2), ..., -1, over n dt
        int positives = (n + 1) / 2;
        double[] w = new double[n];
        double[] s = new double[n];
        int out = 0;
        for (int k = positives; k < n; k++, out++) {
            w[out] = 2 * Math.PI * (k - n) / (n * dt);
            s[out] = 2 * dt * f[2 * k];
        }
        for (int k = 0; k < positives; k++, out++) {
            w[out] = 2 * Math.PI * k / (n * dt);
            s[out] = 2 * dt * f[2 * k];
        }
        return new FftSpectrum(w, s);
    }

    // ---------------------------------------------------------------- checks

    private static <T> T nonNull(T x, String op, String name) {
        if (x == null) {
            throw new NullPointerException(op + ": " + name + " is null");
        }
        return x;
    }

    private static <T> List<T> elements(List<T> xs, String op, String name) {
        if (xs == null) {
            return List.of();
        }
        List<T> out = new ArrayList<>(xs.size());
        for (int k = 0; k < xs.size(); k++) {
            if (xs.get(k) == null) {
                throw new NullPointerException(op + ": " + name + "[" + k + "] is null");
            }
            out.add(xs.get(k));
        }
        return out;
    }

    private static double[] finite(double[] xs, String op, String name) {
        nonNull(xs, op, name);
        for (int k = 0; k < xs.length; k++) {
            if (!Double.isFinite(xs[k])) {
                throw new IllegalArgumentException(op + ": " + name + "[" + k + "] = " + xs[k] + " is not finite");
            }
        }
        return xs;
    }

    private static void checkOrder(String op, String name, double[] xs) {
        for (int k = 1; k < xs.length; k++) {
            if (xs[k] < xs[k - 1]) {
                throw new IllegalArgumentException(op + ": " + name + " must be non-decreasing; " + name + "[" + (k - 1)
                        + "] = " + xs[k - 1] + " > " + name + "[" + k + "] = " + xs[k]);
            }
        }
    }
}
