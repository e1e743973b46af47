package dev.lindblad.solver;

import dev.lindblad.DimensionMismatchException;
import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.QobjLike;
import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.Data;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.data.Matrix;
import dev.lindblad.linalg.GeneralEigen;
import dev.lindblad.parallel.TaskMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Floquet modes and quasienergies of a Hamiltonian of period T, as QuTiP 5's
 * {@code FloquetBasis}. With {@code U(t)} the propagator from 0 to t and
 * {@code U(T)|φ_k> = e^{-i ε_k T}|φ_k>}, the quasienergies are {@code ε_k = -arg(λ_k)/T}
 * in {@code (-π/T, π/T]}, sorted ascending; the Floquet modes
 * {@code φ_k(t) = e^{i ε_k t} U(t)|φ_k>} are T-periodic, and the Floquet states
 * {@code ψ_k(t) = e^{-i ε_k t} φ_k(t) = U(t)|φ_k>} solve the Schrödinger equation.
 *
 * <p>The propagators over one period are computed in parallel: the requested times are cut into
 * consecutive slices, each slice is integrated from its own start with the identity as initial
 * state (a task of the {@link TaskMap}), and the slices are chained,
 * {@code U(t) = U(t <- s) U(s)}. No time is integrated twice, and the slicing does not depend
 * on the map, so {@link TaskMap#serial()} gives the same bits. QuTiP computes them one after
 * the other. Propagators are cached: by default at {@code linspace(0, T, 101)}, as QuTiP.
 */
public final class FloquetBasis {

    /** Number of slices a set of times is cut into (fixed, so that the bits do not depend on the map). */
    static final int SLICES = 16;

    private final QobjEvo hamiltonian;
    private final double period;
    private final SolverOptions options;
    private final TaskMap map;
    private final Dims dims;
    private final int n;
    /** U(t) for t in [0, T], dense interleaved column-major. */
    private final TreeMap<Double, double[]> cache = new TreeMap<>();
    private final double[] quasi;
    /** Column k: the Floquet mode φ_k(0). */
    private final double[] evecs;

    /**
     * @param h the Hamiltonian, of period {@code t} ({@link QobjEvo} or a constant {@link Qobj})
     * @param t the period T, > 0
     */
    public FloquetBasis(QobjLike h, double t) {
        this(h, t, SolverOptions.defaults(), TaskMap.threads());
    }

    /**
     * @param h       the Hamiltonian, of period {@code t}
     * @param t       the period T, > 0
     * @param options options of the Schrödinger integrations that give the propagators
     * @param map     how the slices of the period are run
     */
    public FloquetBasis(QobjLike h, double t, SolverOptions options, TaskMap map) {
        Objects.requireNonNull(h, "FloquetBasis: h is null");
        if (!(t > 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("FloquetBasis: the period t = " + t + " must be finite and > 0");
        }
        this.options = Objects.requireNonNull(options, "FloquetBasis: options is null").withStoreStates(true)
                .withNormalizeOutput(false);
        this.map = Objects.requireNonNull(map, "FloquetBasis: map is null");
        this.hamiltonian = h.asEvo();
        this.period = t;
        this.dims = h.dims();
        if (dims.type() != Dims.Type.OPER || dims.rows() != dims.cols()) {
            throw new IllegalArgumentException("FloquetBasis needs a square Hamiltonian, got dims " + dims);
        }
        this.n = dims.rows();
        cache.put(0.0, CsrMatrix.identity(n).toDense().array().clone());
        double[] grid = new double[101];
        for (int i = 0; i <= 100; i++) {
            grid[i] = i == 100 ? t : t * i / 100;
        }
        precompute(grid);
        double[] ut = cache.get(t);
        GeneralEigen.Result eig = GeneralEigen.decompose(n, ut.clone(), true);
        double[] eps = new double[n];
        Integer[] idx = new Integer[n];
        for (int k = 0; k < n; k++) {
            eps[k] = -Math.atan2(eig.eigenvalue(k).im(), eig.eigenvalue(k).re()) / t;
            idx[k] = k;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(eps[a], eps[b]));
        quasi = new double[n];
        evecs = new double[2 * n * n];
        for (int k = 0; k < n; k++) {
            quasi[k] = eps[idx[k]];
            System.arraycopy(eig.eigenvector(idx[k]), 0, evecs, 2 * k * n, 2 * n);
        }
        orthonormalise(n, evecs);
    }

    /**
     * Modified Gram–Schmidt on the columns: the eigenvectors of a unitary are orthogonal, but a
     * general eigensolver returns any basis of a degenerate eigenspace.
     */
    private static void orthonormalise(int n, double[] v) {
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < k; j++) {
                double re = 0, im = 0;   // <v_j|v_k>
                for (int i = 0; i < n; i++) {
                    int p = 2 * (i + j * n), q = 2 * (i + k * n);
                    re += v[p] * v[q] + v[p + 1] * v[q + 1];
                    im += v[p] * v[q + 1] - v[p + 1] * v[q];
                }
                for (int i = 0; i < n; i++) {
                    int p = 2 * (i + j * n), q = 2 * (i + k * n);
                    v[q] -= re * v[p] - im * v[p + 1];
                    v[q + 1] -= re * v[p + 1] + im * v[p];
                }
            }
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += v[2 * (i + k * n)] * v[2 * (i + k * n)] + v[2 * (i + k * n) + 1] * v[2 * (i + k * n) + 1];
            }
            s = 1 / Math.sqrt(s);
            for (int i = 0; i < 2 * n; i++) {
                v[2 * k * n + i] *= s;
            }
        }
    }

    /** @return the period T */
    public double period() {
        return period;
    }

    /** @return the quasienergies {@code ε_k}, ascending, in {@code (-π/T, π/T]} (a copy) */
    public double[] quasienergies() {
        return quasi.clone();
    }

    /** @return the Hamiltonian's dims */
    public Dims dims() {
        return dims;
    }

    /**
     * Computes and caches the propagators {@code U(t mod T)}, in parallel over slices of the
     * period.
     *
     * @param times times (any real; reduced modulo T)
     */
    public void precompute(double[] times) {
        Objects.requireNonNull(times, "precompute: times is null");
        TreeSet<Double> wanted = new TreeSet<>();
        for (int i = 0; i < times.length; i++) {
            if (!Double.isFinite(times[i])) {
                throw new IllegalArgumentException("precompute: times[" + i + "] = " + times[i] + " is not finite");
            }
            wanted.add(times[i] == period ? period : reduce(times[i]));
        }
        synchronized (this) {
            wanted.removeAll(cache.keySet());
            if (wanted.isEmpty()) {
                return;
            }
            double[] missing = wanted.stream().mapToDouble(Double::doubleValue).toArray();
            int slices = Math.min(SLICES, missing.length);
            List<double[]> tasks = new ArrayList<>();
            double[] starts = new double[slices];
            for (int s = 0; s < slices; s++) {
                int lo = missing.length * s / slices, hi = missing.length * (s + 1) / slices;
                double start = cache.floorKey(missing[lo]);
                if (s > 0) {
                    start = Math.max(start, missing[lo - 1]);
                }
                starts[s] = start;
                double[] ts = new double[hi - lo + 1];
                ts[0] = start;
                System.arraycopy(missing, lo, ts, 1, hi - lo);
                tasks.add(ts);
            }
            Qobj identity = Qobj.of(CsrMatrix.identity(n).toDense(), dims);
            List<List<Qobj>> parts = map.map(tasks, ts -> new SeSolver(hamiltonian, options)
                    .run(identity, ts, List.of()).states());
            for (int s = 0; s < slices; s++) {
                double[] base = cache.get(starts[s]);   // cached before, or the last of slice s-1
                double[] ts = tasks.get(s);
                List<Qobj> rel = parts.get(s);
                for (int i = 1; i < ts.length; i++) {
                    Matrix u = Data.matmul(rel.get(i).data(), DenseMatrix.wrap(n, n, base));
                    cache.put(ts[i], u.toDense().array().clone());
                }
            }
        }
    }

    /** @return t reduced to [0, T) */
    private double reduce(double t) {
        double r = t - period * Math.floor(t / period);
        return r >= period || r < 0 ? 0 : r;
    }

    private double[] propagatorArray(double t) {
        double r = reduce(t);
        synchronized (this) {
            double[] u = cache.get(r);
            if (u != null) {
                return u;
            }
        }
        precompute(new double[] {r});
        synchronized (this) {
            return cache.get(r);
        }
    }

    /** @return the matrix whose column k is {@code φ_k(t)} */
    double[] modeMatrix(double t) {
        double r = reduce(t);
        double[] u = propagatorArray(r);
        double[] m = Data.matmul(DenseMatrix.wrap(n, n, u), DenseMatrix.wrap(n, n, evecs)).toDense().array().clone();
        scaleColumns(m, r);
        return m;
    }

    /** @return the matrix whose column k is {@code ψ_k(t) = e^{-i ε_k t} φ_k(t)} */
    double[] stateMatrix(double t) {
        double[] m = modeMatrix(t);
        scaleColumns(m, -t);
        return m;
    }

    /** Multiplies column k by {@code e^{i ε_k s}}. */
    private void scaleColumns(double[] m, double s) {
        for (int k = 0; k < n; k++) {
            double c = Math.cos(quasi[k] * s), si = Math.sin(quasi[k] * s);
            for (int i = 0; i < n; i++) {
                int p = 2 * (i + k * n);
                double re = m[p], im = m[p + 1];
                m[p] = re * c - im * si;
                m[p + 1] = re * si + im * c;
            }
        }
    }

    private List<Qobj> columns(double[] m) {
        Dims ket = Dims.of(dims.out(), new int[] {1});
        List<Qobj> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(Qobj.of(DenseMatrix.of(n, 1, Arrays.copyOfRange(m, 2 * k * n, 2 * (k + 1) * n)), ket));
        }
        return out;
    }

    /**
     * @param t the time
     * @return the Floquet modes {@code φ_k(t)}, T-periodic, in the order of the quasienergies
     */
    public List<Qobj> mode(double t) {
        checkTime("mode", t);
        return columns(modeMatrix(t));
    }

    /**
     * @param t the time
     * @return the Floquet states {@code ψ_k(t) = e^{-i ε_k t} φ_k(t)}
     */
    public List<Qobj> state(double t) {
        checkTime("state", t);
        return columns(stateMatrix(t));
    }

    /** @return the propagator {@code U(t mod T)} from 0 (cached) */
    public Qobj propagator(double t) {
        checkTime("propagator", t);
        return Qobj.of(DenseMatrix.of(n, n, propagatorArray(t).clone()), dims);
    }

    /**
     * A ket or density matrix of the lab basis in the basis of the Floquet states at t:
     * {@code W^† psi} or {@code W^† rho W}, W the matrix of the states {@code ψ_k(t)}.
     *
     * @param labState the state in the lab basis
     * @param t        the time
     * @return the state's components on the Floquet states
     */
    public Qobj toFloquetBasis(Qobj labState, double t) {
        Objects.requireNonNull(labState, "toFloquetBasis: labState is null");
        checkTime("toFloquetBasis", t);
        checkState("toFloquetBasis", labState);
        return labState.transform(Qobj.of(DenseMatrix.wrap(n, n, stateMatrix(t)), dims), true);
    }

    /**
     * The inverse of {@link #toFloquetBasis}: {@code W psi} or {@code W rho W^†}.
     *
     * @param floquetState the state in the basis of the Floquet states at t
     * @param t            the time
     * @return the state in the lab basis
     */
    public Qobj fromFloquetBasis(Qobj floquetState, double t) {
        Objects.requireNonNull(floquetState, "fromFloquetBasis: floquetState is null");
        checkTime("fromFloquetBasis", t);
        checkState("fromFloquetBasis", floquetState);
        return floquetState.transform(Qobj.of(DenseMatrix.wrap(n, n, stateMatrix(t)), dims), false);
    }

    private void checkState(String op, Qobj x) {
        if (!(x.isKet() || x.isOper()) || !Arrays.equals(x.dims().out(), dims.out())
                || (x.isOper() && !x.dims().equals(dims))) {
            throw new DimensionMismatchException(op + ": state and Hamiltonian", x.dims(), dims);
        }
    }

    private static void checkTime(String op, double t) {
        if (!Double.isFinite(t)) {
            throw new IllegalArgumentException(op + ": t = " + t + " is not finite");
        }
    }

    /** @return the number of cached propagators (for tests) */
    synchronized int cached() {
        return cache.size();
    }

    /** The cached map, for tests that compare maps. */
    synchronized Map<Double, double[]> cacheView() {
        return new TreeMap<>(cache);
    }
}
