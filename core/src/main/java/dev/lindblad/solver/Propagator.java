package dev.lindblad.solver;

import dev.lindblad.Dims;
import dev.lindblad.MemoryCheck;
import dev.lindblad.Qobj;
import dev.lindblad.QobjLike;
import dev.lindblad.data.CsrMatrix;
import dev.lindblad.ode.Integrators;
import dev.lindblad.parallel.TaskMap;
import dev.lindblad.parallel.TaskMapInterruptedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The propagator of a (possibly time-dependent) system from time 0, as QuTiP's
 * {@code Propagator}: the unitary {@code U(t)} with {@code |psi(t)> = U(t)|psi(0)>} when there
 * are no collapse operators, otherwise the superoperator {@code S(t)} with
 * {@code vec(rho(t)) = S(t) vec(rho(0))} (column stacking).
 *
 * <p>Computed propagators are cached: {@code at(t)} starts from the latest cached time
 * {@code t' <= t} and integrates {@code dU/dt = G(t) U} from {@code U(t')}, so increasing times
 * cost one interval each. {@link #at(double[], TaskMap)} computes many times in parallel, each
 * from the latest time cached before the call.
 *
 * <p>The method of the options is honoured: an adaptive integrator, or for a time-independent
 * system {@code "diag"} ({@code e^{-iHt}} or {@code e^{Lt}} from one eigen-decomposition, exact
 * to rounding) or {@code "krylov"} (a Krylov exponential of every column). A time-dependent
 * system with {@code "diag"} or {@code "krylov"} is refused when the propagator is built.
 *
 * <p>One object may be used from several threads: the cache is guarded, and each computation
 * has its own state. A result depends on the cached time it starts from (to the integrator's
 * tolerance, not to the bit), so concurrent {@link #at(double)} calls give the serial bits only
 * when they see the same cache; {@link #at(double[], TaskMap)} gives the same bits on every map.
 */
public final class Propagator {

    private final boolean open;
    private final SeSolver se;
    private final MeSolver me;
    private final Dims dims;
    private final int size;
    private final SolverOptions options;
    private final TreeMap<Double, Qobj> cache = new TreeMap<>();
    /** {@code "diag"} of an open system: the Liouvillian's eigen-decomposition, made once. */
    private final IntFunction<Propagation> diagonalised;
    /** Whether the generator is time-independent, so that {@code U(t, t0) = U(t - t0)}. */
    private final boolean constant;

    /**
     * @param hamiltonian Hamiltonian or Liouvillian, constant or time-dependent
     * @param cOps        collapse operators (null or empty for a unitary propagator)
     * @param options     integration options; {@code "diag"} and {@code "krylov"} need a
     *                    time-independent system
     * @throws NullPointerException     naming the argument when one is null
     * @throws IllegalArgumentException when the dims do not fit, or {@code "diag"}/{@code "krylov"}
     *                                  is asked for a time-dependent system
     */
    public Propagator(QobjLike hamiltonian, List<? extends QobjLike> cOps, SolverOptions options) {
        Objects.requireNonNull(hamiltonian, "propagator: hamiltonian is null");
        this.options = Objects.requireNonNull(options, "propagator: options is null").withStoreFinalState(true)
                .withNormalizeOutput(false);
        this.open = (cOps != null && !cOps.isEmpty()) || hamiltonian.dims().type() == Dims.Type.SUPER;
        String method = options.method();
        boolean exact = method.equals("diag") || method.equals("krylov");
        if (open) {
            me = new MeSolver(hamiltonian, cOps, this.options.withRhs("liouvillian"), "propagator");
            se = null;
            dims = Dims.superOf(me.operatorDims());
            if (exact && !me.isConstant()) {
                throw new IllegalArgumentException("propagator: method '" + method + "' needs a time-independent "
                        + "system; use an adaptive method (e.g. 'adams') for a time-dependent one");
            }
        } else {
            se = new SeSolver(hamiltonian, this.options, "propagator");
            me = null;
            dims = hamiltonian.dims();
            if (exact && !hamiltonian.asEvo().isConstant()) {
                throw new IllegalArgumentException("propagator: method '" + method + "' needs a time-independent "
                        + "Hamiltonian; use an adaptive method (e.g. 'adams') for a time-dependent one");
            }
        }
        constant = open ? me.isConstant() : hamiltonian.asEvo().isConstant();
        size = dims.rows();
        // the dense propagator, the integrator's copies of it (or the dense eigen-decomposition)
        int arrays = options.isOdeMethod() ? Integrators.stateArrays(method) + 3 : method.equals("diag") ? 12 : 6;
        long one = 16L * size * size;
        MemoryCheck.require("propagator", arrays + " dense " + size + "x" + size + " matrices of "
                + MemoryCheck.format(one) + (open ? " (a superoperator on " + me.operatorDims().rows() + "x"
                + me.operatorDims().rows() + " density matrices)" : ""), MemoryCheck.product(arrays, one, 1), open
                ? "mesolve from the initial states needed (a superoperator propagator is dense and N^4 in size)"
                : "sesolve from the kets needed (the propagator is a dense N x N matrix)");
        diagonalised = open && method.equals("diag")
                ? ExactPropagation.diagGeneral(me.constantLiouvillian(), "propagator") : null;
        cache.put(0.0, Qobj.of(CsrMatrix.identity(size).toDense(), dims));
    }

    /**
     * @param t a time {@code >= 0}
     * @return the propagator from 0 to t, cached
     * @throws IntegrationException       when the integration fails (the partial result is
     *                                    that of the interval from the cached start)
     * @throws SolverInterruptedException when the thread is interrupted (status kept)
     */
    public synchronized Qobj at(double t) {
        Qobj u = compute(t, cache.floorEntry(checkTime(t)));
        cache.put(t, u);
        return u;
    }

    /**
     * The two-time propagator {@code U(t, t0)} with {@code |psi(t)> = U(t, t0)|psi(t0)>} (or
     * {@code vec(rho(t)) = S(t, t0) vec(rho(t0))}), as QuTiP's {@code Propagator(t, t_start)}:
     * {@code U(t - t0)} for a time-independent system, otherwise {@code U(t) U(t0)^-1}. A time
     * before t0 is allowed for a time-independent system ({@code U(t0 - t)^-1}).
     *
     * @param t  the final time
     * @param t0 the initial time
     * @return {@code U(t, t0)}
     * @throws IllegalArgumentException when a time is not finite, or a time-dependent system is
     *                                  asked for a negative time
     */
    public Qobj at(double t, double t0) {
        if (!Double.isFinite(t) || !Double.isFinite(t0)) {
            throw new IllegalArgumentException("propagator: the times must be finite, got t = " + t + ", t0 = " + t0);
        }
        if (t0 == 0) {
            return at(t);
        }
        if (constant) {
            return t >= t0 ? at(t - t0) : at(t0 - t).inv();
        }
        return at(t).times(at(t0).inv());
    }

    /**
     * Propagators at several times, each task integrating from the latest time cached before
     * the call, run by {@code map} (kernels stay serial inside its tasks).
     *
     * @param times non-negative times
     * @param map   how to run the tasks, e.g. {@code TaskMap.threads()}
     * @return the propagators, in the order of {@code times}
     * @throws SolverInterruptedException when the thread is interrupted: the map's tasks are
     *                                    stopped, the propagators that finished are cached
     */
    public List<Qobj> at(double[] times, TaskMap map) {
        Objects.requireNonNull(times, "propagator: times is null");
        Objects.requireNonNull(map, "propagator: map is null");
        List<Map.Entry<Double, Qobj>> starts = new ArrayList<>();
        List<Double> ts = new ArrayList<>();
        synchronized (this) {
            for (double t : times) {
                ts.add(t);
                starts.add(cache.floorEntry(checkTime(t)));
            }
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            idx.add(i);
        }
        List<Qobj> out;
        try {
            out = map.map(idx, i -> compute(ts.get(i), starts.get(i)));
        } catch (TaskMapInterruptedException e) {
            int kept = 0;
            synchronized (this) {
                for (int i = 0; i < times.length; i++) {
                    if (e.results().get(i) instanceof Qobj u) {
                        cache.put(ts.get(i), u);
                        kept++;
                    }
                }
            }
            throw new SolverInterruptedException("propagator", kept + " of " + times.length
                    + " propagators finished and are cached", null, Double.NaN);
        }
        synchronized (this) {
            for (int i = 0; i < times.length; i++) {
                cache.put(ts.get(i), out.get(i));
            }
        }
        return out;
    }

    private static double checkTime(double t) {
        if (!(t >= 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("propagator: the time must be finite and >= 0, got " + t);
        }
        return t;
    }

    private Qobj compute(double t, Map.Entry<Double, Qobj> start) {
        double t0 = start.getKey();
        if (t == t0) {
            return start.getValue();
        }
        double[] tl = {t0, t};
        if (!open) {
            return se.run(start.getValue(), tl, List.of()).finalState();
        }
        double[] y0 = Evolution.stateArray(start.getValue());
        Propagation prop = switch (options.method()) {
            case "diag" -> diagonalised.apply(size);
            case "krylov" -> ExactPropagation.krylovGeneral(me.constantLiouvillian(), size, options);
            default -> Propagation.ode(options.method(), 2 * size * size, me.superoperatorGenerator(size),
                    options.integratorOptions());
        };
        long s = System.nanoTime();
        return Evolution.run("propagator", prop, y0, tl, Evolution.Kind.OPERATOR, dims, size, size, List.of(), List.of(),
                options, "liouvillian", s, 0).finalState();
    }

    /** @return the number of cached times (0 included) */
    public synchronized int cachedTimes() {
        return cache.size();
    }
}
