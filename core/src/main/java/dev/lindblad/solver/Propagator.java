package dev.lindblad.solver;

import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.QobjLike;
import dev.lindblad.data.CsrMatrix;
import dev.lindblad.parallel.TaskMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
 */
public final class Propagator {

    private final boolean open;
    private final SeSolver se;
    private final MeSolver me;
    private final Dims dims;
    private final int size;
    private final SolverOptions options;
    private final TreeMap<Double, Qobj> cache = new TreeMap<>();

    /**
     * @param hamiltonian Hamiltonian or Liouvillian, constant or time-dependent
     * @param cOps        collapse operators (empty for a unitary propagator)
     * @param options     integration options
     */
    public Propagator(QobjLike hamiltonian, List<? extends QobjLike> cOps, SolverOptions options) {
        Objects.requireNonNull(hamiltonian, "hamiltonian");
        this.options = Objects.requireNonNull(options, "options").withStoreFinalState(true).withNormalizeOutput(false);
        this.open = (cOps != null && !cOps.isEmpty()) || hamiltonian.dims().type() == Dims.Type.SUPER;
        if (open) {
            me = new MeSolver(hamiltonian, cOps, this.options.withRhs("liouvillian"));
            se = null;
            dims = Dims.superOf(me.operatorDims());
        } else {
            se = new SeSolver(hamiltonian, this.options);
            me = null;
            dims = hamiltonian.dims();
        }
        size = dims.rows();
        cache.put(0.0, Qobj.of(CsrMatrix.identity(size).toDense(), dims));
    }

    /** @return the propagator from 0 to t (t >= 0), cached */
    public synchronized Qobj at(double t) {
        Qobj u = compute(t, cache.floorEntry(checkTime(t)));
        cache.put(t, u);
        return u;
    }

    /**
     * Propagators at several times, each task integrating from the latest time cached before
     * the call, run by {@code map} (kernels stay serial inside its tasks).
     *
     * @param times non-negative times
     * @param map   how to run the tasks, e.g. {@code TaskMap.threads()}
     * @return the propagators, in the order of {@code times}
     */
    public List<Qobj> at(double[] times, TaskMap map) {
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
        List<Qobj> out = map.map(idx, i -> compute(ts.get(i), starts.get(i)));
        synchronized (this) {
            for (int i = 0; i < times.length; i++) {
                cache.put(ts.get(i), out.get(i));
            }
        }
        return out;
    }

    private static double checkTime(double t) {
        if (!(t >= 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("propagator time must be finite and >= 0, got " + t);
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
        Propagation prop = Propagation.ode(options.method().equals("diag") || options.method().equals("krylov")
                ? "adams" : options.method(), 2 * size * size, me.superoperatorGenerator(size), options.integratorOptions());
        long s = System.nanoTime();
        return Evolution.run(prop, y0, tl, Evolution.Kind.OPERATOR, dims, size, size, List.of(), List.of(), options,
                "liouvillian", s, 0).finalState();
    }

    /** @return the number of cached times (0 included) */
    public synchronized int cachedTimes() {
        return cache.size();
    }
}
