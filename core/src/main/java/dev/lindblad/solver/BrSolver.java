package dev.lindblad.solver;

import dev.lindblad.DimensionMismatchException;
import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.Data;
import dev.lindblad.data.LinearMap;
import dev.lindblad.ode.OdeSystem;
import dev.lindblad.parallel.TaskMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Bloch–Redfield master equation, as QuTiP 5's {@code BRSolver}, with the tensor of
 * {@link BlochRedfield} (built once, sparse, in parallel when it has at least
 * {@link BlochRedfield#PARALLEL_ROWS} rows or when a map is given).
 *
 * <p>It is integrated in the eigenbasis of H and in the interaction picture of H: with
 * {@code ρ~_ab(t) = e^{i ω_ab t} rho_ab(t)},
 * <pre>
 *   d ρ~_ab/dt = sum_cd e^{i (ω_ab - ω_cd) t} R_abcd ρ~_cd
 * </pre>
 * an exact change of variables. The secular approximation keeps only
 * {@code |ω_ab - ω_cd| < secCutoff · min gap}, so ρ~ moves at the pace of the dissipation and
 * of those small differences, not of the system's frequencies: the adaptive integrator takes far
 * fewer steps than on rho itself (QuTiP's way). Each right-hand side costs one sparse product
 * and 2n² phase factors built from n exponentials ({@code e^{-i ω_cd t} = e^{-i E_c t} e^{i E_d t}}).
 * At each output time ρ~ is turned back into rho; the initial state and the e-ops are turned into
 * the eigenbasis once ({@code V^† X V}); stored states are turned back ({@code V rho V^†}), so
 * every output is in the basis H was given in. With {@code method "diag"} or {@code "krylov"}
 * the full tensor (with {@code -i ω_ab}) is propagated as a constant Liouvillian instead.
 *
 * <p><b>Time-dependent couplings</b> ({@link BrOperator#of(dev.lindblad.QobjEvo, java.util.function.DoubleUnaryOperator)},
 * {@link BrOperator#of(dev.lindblad.QobjEvo, java.util.function.DoubleBinaryOperator)}), as QuTiP 5's
 * {@code brmesolve} with {@code QobjEvo} a_ops: the right-hand side at t uses the tensor of the
 * couplings frozen at t, {@code R(t) = R_const + Σ_k R_k(t)}. A coupling {@code f(t) A} whose
 * spectrum depends on ω alone has {@code R_k(t) = f(t)² R_A}: R_A is built once and scaled at
 * each evaluation. Any other one (a sum of terms, or a spectrum {@code S(t, ω)}) has its tensor
 * rebuilt at each evaluation from {@code A(t)} and {@code S(t, ·)} (as QuTiP does for every
 * time-dependent coupling), which costs {@code O(n⁴)} at most per evaluation. The
 * {@code "diag"} and {@code "krylov"} methods, which need a constant generator, refuse
 * time-dependent couplings.
 *
 * <p><b>Time-dependent Hamiltonian</b> ({@link #BrSolver(QobjEvo, List, List, double, SolverOptions)},
 * QuTiP 5's {@code brmesolve(QobjEvo H, ...)}): at each time t the tensor is the one of
 * {@code H(t)}: {@code H(t) = V(t) diag(E(t)) V(t)^†} (eigenvalues ascending), the dissipative
 * tensor {@code R(t)} of the couplings frozen at t is built in that eigenbasis with the secular
 * window {@code secCutoff · (smallest gap of H(t))}, and the equation is integrated in the basis
 * H was given in (QuTiP's {@code fock_basis=True}), with no interaction picture:
 * <pre>
 *   dρ/dt = -i [H(t), ρ] + V(t) R(t)[V(t)^† ρ V(t)] V(t)^† + Σ_c (c ρ c^† - ½ {c^† c, ρ})
 * </pre>
 * The eigendecomposition and {@code R(t)} are kept for the last t; each new t costs a dense
 * eigendecomposition, the sparse tensor build of {@link BlochRedfield} (rows on the solver's map,
 * the same bits on any map) and four dense n × n products. Time-dependent couplings and spectra
 * combine with it (frozen at t, as above). {@code H(t)} must be Hermitian: it is checked at
 * t = 0 when the solver is built and at each t the tensor is built (a non-Hermitian {@code H(t)}
 * stops the run with an {@link IntegrationException} whose cause names t). A constant
 * {@code QobjEvo} is solved as its {@code Qobj} (the same bits). The {@code "diag"} and
 * {@code "krylov"} methods refuse a time-dependent H.
 *
 * <p><i>Degeneracies and crossings</i> (as QuTiP): the tensor in the lab basis does not depend
 * on the eigenvectors chosen inside a degenerate eigenspace (all its pairs have the same
 * {@code ω_ab - ω_cd} and are kept together), so an exact degeneracy is harmless. The secular
 * window is relative to the smallest gap of {@code H(t)}, gaps below {@code 1e-12} of the largest
 * |E| counting as zero (QuTiP: exactly zero); near an avoided or actual crossing that gap goes to
 * zero and the window closes, so the secular tensor keeps only the exactly secular entries there
 * and changes abruptly when the gap passes other gaps or the crossing itself (the secular
 * approximation is not valid near a crossing: use {@code secCutoff < 0} there). When
 * {@code H(t)} has no gap at all (e.g. {@code H(t) = 0}) every entry is kept.
 */
public final class BrSolver {

    private final BlochRedfield.BrTensor dissipative;
    private volatile BlochRedfield.BrTensor full;
    private final Dims dims;
    /** The engine of a time-dependent H; null for a constant one (else the constant-H fields are null). */
    private final BrTimeDependentH varying;
    private final SolverOptions options;
    private final LinearMap product;
    private final double[] energies;
    private final int n;
    private final double cutoff;
    /** Time-dependent couplings {@code f(t) A}: f and the prepared product of R_A. */
    private final List<dev.lindblad.Coefficient> scaledCoefficients = new ArrayList<>();
    private final List<LinearMap> scaledProducts = new ArrayList<>();
    /** Time-dependent couplings whose tensor is rebuilt at each evaluation. */
    private final List<BrOperator> rebuilt = new ArrayList<>();
    private final List<Integer> rebuiltIndex = new ArrayList<>();

    /**
     * @param h         the Hamiltonian (Hermitian, constant)
     * @param aOps      bath couplings with their spectra
     * @param cOps      Lindblad collapse operators (null or empty for none)
     * @param secCutoff secular cutoff in units of the smallest gap of H (QuTiP's default 0.1);
     *                  negative for none
     * @param options   solver options
     */
    public BrSolver(Qobj h, List<BrOperator> aOps, List<Qobj> cOps, double secCutoff, SolverOptions options) {
        this(h, aOps, cOps, secCutoff, options, BlochRedfield.defaultMap(Objects.requireNonNull(h, "BrSolver: h is null")));
    }

    /** {@link #BrSolver(Qobj, List, List, double, SolverOptions)} with the tensor built by {@code map}. */
    public BrSolver(Qobj h, List<BrOperator> aOps, List<Qobj> cOps, double secCutoff, SolverOptions options,
                    TaskMap map) {
        this(Objects.requireNonNull(h, "BrSolver: h is null"), null, aOps, cOps, secCutoff, options, map);
    }

    /**
     * A Bloch–Redfield solver whose Hamiltonian may depend on time, as QuTiP 5's
     * {@code BRSolver(QobjEvo H, ...)}: at each time t the tensor is built in the eigenbasis of
     * {@code H(t)} (secular window relative to the gaps of {@code H(t)}) and the equation is
     * integrated in the basis H was given in (see the class comment). A constant {@code h}
     * ({@link QobjEvo#isConstant()}) is its constant part handed to
     * {@link #BrSolver(Qobj, List, List, double, SolverOptions)}: the same solver, the same bits.
     *
     * @param h         the Hamiltonian {@code H(t)}, Hermitian at every time (checked at t = 0
     *                  here and at each time the tensor is built)
     * @param aOps      bath couplings with their spectra, constant or time-dependent
     * @param cOps      Lindblad collapse operators (null or empty for none)
     * @param secCutoff secular cutoff in units of the smallest gap of {@code H(t)} (QuTiP's
     *                  default 0.1); negative for none
     * @param options   solver options; a non-constant H needs an ODE method (not {@code "diag"}
     *                  or {@code "krylov"})
     */
    public BrSolver(QobjEvo h, List<BrOperator> aOps, List<Qobj> cOps, double secCutoff, SolverOptions options) {
        this(h, aOps, cOps, secCutoff, options,
                BlochRedfield.defaultMap(Objects.requireNonNull(h, "BrSolver: h is null").dims().rows()));
    }

    /**
     * {@link #BrSolver(QobjEvo, List, List, double, SolverOptions)} with the tensor built by
     * {@code map} (at each time, for a time-dependent H; the same bits on any map).
     */
    public BrSolver(QobjEvo h, List<BrOperator> aOps, List<Qobj> cOps, double secCutoff, SolverOptions options,
                    TaskMap map) {
        this(constantOrNull(h), h, aOps, cOps, secCutoff, options, map);
    }

    /** @return the value of a constant h, null for one that depends on time */
    private static Qobj constantOrNull(QobjEvo h) {
        Objects.requireNonNull(h, "BrSolver: h is null");
        return h.isConstant() ? h.constantPart() : null;
    }

    /** h non-null: constant H (evo ignored); else the time-dependent {@code evo}. */
    private BrSolver(Qobj h, QobjEvo evo, List<BrOperator> aOps, List<Qobj> cOps, double secCutoff,
                     SolverOptions options, TaskMap map) {
        Objects.requireNonNull(aOps, "BrSolver: aOps is null");
        Evolution.elements("BrSolver", "aOps", aOps);
        Evolution.elements("BrSolver", "cOps", cOps);
        this.options = Objects.requireNonNull(options, "BrSolver: options is null");
        Objects.requireNonNull(map, "BrSolver: map is null");
        if (h == null) {
            this.varying = new BrTimeDependentH(evo, aOps, cOps, secCutoff, options, map);
            this.dims = varying.dims();
            this.dissipative = null;
            this.product = null;
            this.energies = null;
            this.n = dims.rows();
            this.cutoff = Double.NaN;
            return;
        }
        this.varying = null;
        this.dims = h.dims();
        List<BrOperator> constant = new ArrayList<>();
        List<BrOperator> timeDependent = new ArrayList<>();
        for (BrOperator op : aOps) {
            if (op.isTimeDependent()) {
                timeDependent.add(op);
            } else {
                constant.add(op.at(0));
            }
        }
        this.dissipative = BlochRedfield.build("brmesolve", h, constant, cOps, secCutoff, map, false);
        this.product = Data.prepareProduct(dissipative.tensor().data());
        this.energies = dissipative.energies();
        this.n = energies.length;
        this.cutoff = BlochRedfield.cutoff(energies, secCutoff);
        for (int k = 0; k < timeDependent.size(); k++) {
            BrOperator op = timeDependent.get(k);
            if (!op.evo().dims().equals(h.dims())) {
                throw new DimensionMismatchException("BrSolver: a time-dependent coupling and the Hamiltonian",
                        op.evo().dims(), h.dims());
            }
            dev.lindblad.Coefficient f = op.scalarCoefficient();
            if (f != null && op.scalarOperator().isHerm()) {
                BrOperator unit = BrOperator.of(op.scalarOperator(), op.spectrum());
                scaledCoefficients.add(f);
                scaledProducts.add(Data.prepareProduct(BlochRedfield.couplingTensor(energies,
                        dissipative.eigenvectors(), unit, cutoff, "brmesolve", aOps.indexOf(op))));
            } else {
                rebuilt.add(op);
                rebuiltIndex.add(aOps.indexOf(op));
            }
        }
    }

    /** @return whether some coupling depends on time */
    private boolean timeDependent() {
        return !scaledProducts.isEmpty() || !rebuilt.isEmpty();
    }

    /** @return the tensor this solver integrates (with {@code -i ω_ab}, as QuTiP's), with its eigenbasis */
    public BlochRedfield.BrTensor tensor() {
        if (varying != null) {
            throw new IllegalStateException("tensor: this solver's Hamiltonian depends on time, so its tensor and "
                    + "eigenbasis do; use BlochRedfield.tensorAt(h.at(t), aOps, cOps, secCutoff, t)");
        }
        if (timeDependent()) {
            throw new IllegalStateException("tensor: this solver has time-dependent couplings, so its tensor depends "
                    + "on time; use BlochRedfield.tensorAt");
        }
        BlochRedfield.BrTensor t = full;
        if (t == null) {
            double[] d = new double[2 * n * n];
            for (int b = 0; b < n; b++) {
                for (int a = 0; a < n; a++) {
                    d[2 * (a + b * n) + 1] = -(energies[a] - energies[b]);
                }
            }
            CsrMatrix diag = diagonal(d);
            Qobj r = Qobj.of(Data.add(dissipative.tensor().data(), diag), dissipative.tensor().dims());
            full = t = new BlochRedfield.BrTensor(r, dissipative.eigenvectors(), energies);
        }
        return t;
    }

    private static CsrMatrix diagonal(double[] interleaved) {
        int m = interleaved.length / 2;
        int[] rp = new int[m + 1], ci = new int[m];
        for (int i = 0; i < m; i++) {
            rp[i + 1] = i + 1;
            ci[i] = i;
        }
        return CsrMatrix.of(m, m, rp, ci, interleaved);
    }

    /**
     * @param rho0  initial density matrix or ket (lab basis)
     * @param tlist output times
     * @param eOps  operators whose expectation values are recorded (lab basis; null: none)
     * @return the result, states in the lab basis
     */
    public Result run(Qobj rho0, double[] tlist, List<Qobj> eOps) {
        return run(rho0, tlist, eOps, List.of());
    }

    /** {@link #run(Qobj, double[], List)} with callbacks, which receive lab-basis states. */
    public Result run(Qobj rho0, double[] tlist, List<Qobj> eOps, List<ExpectFunction> eFuncs) {
        long start = System.nanoTime();
        Objects.requireNonNull(rho0, "brmesolve: rho0 is null");
        double[] times = Evolution.checkTimes("brmesolve", tlist);
        List<Qobj> ops = Evolution.elements("brmesolve", "eOps", eOps);
        List<ExpectFunction> funcs = Evolution.elements("brmesolve", "eFuncs", eFuncs);
        if (!(rho0.isKet() || rho0.isOper()) || !java.util.Arrays.equals(rho0.dims().out(), dims.out())
                || (rho0.isOper() && !rho0.dims().equals(dims))) {
            throw new DimensionMismatchException("brmesolve: system and initial state", dims, rho0.dims());
        }
        Qobj rho = rho0.isKet() ? rho0.times(rho0.dag()) : rho0;
        for (Qobj e : ops) {
            if (!e.dims().equals(dims)) {
                throw new DimensionMismatchException("brmesolve: e-op and system", e.dims(), dims);
            }
        }
        if (varying != null) {
            return varying.run(rho, times, ops, funcs, start);
        }
        List<Qobj> eigOps = new ArrayList<>();
        for (Qobj e : ops) {
            eigOps.add(dissipative.toEigenbasis(e));
        }
        List<ExpectFunction> eigFuncs = new ArrayList<>();
        for (ExpectFunction f : funcs) {
            eigFuncs.add((t, s) -> f.apply(t, dissipative.fromEigenbasis(s)));
        }
        Qobj rhoEig = dissipative.toEigenbasis(rho);
        String method = options.method();
        Result r;
        if (method.equals("diag") || method.equals("krylov")) {
            if (timeDependent()) {
                throw new IllegalArgumentException("brmesolve: method \"" + method + "\" needs a constant generator, "
                        + "but a coupling depends on time; use an ODE method (e.g. \"adams\")");
            }
            r = new MeSolver(tensor().tensor(), List.of(), options, "brmesolve").run(rhoEig, times, eigOps, eigFuncs);
        } else {
            double[] y0 = Evolution.stateArray(rhoEig);
            Propagation prop = interactionPicture(method);
            double setup = (System.nanoTime() - start) / 1e9;
            r = Evolution.run("brmesolve", prop, y0, times, Evolution.Kind.DENSITY, dims, n, n, eigOps, eigFuncs,
                    options, "bloch-redfield tensor, interaction picture; storage: " + product.storage(), start, setup);
        }
        return r.mapStates(dissipative::fromEigenbasis);
    }

    /** Fills {@code p[2k], p[2k+1]} with {@code e^{-i E_k t}}. */
    private void phases(double t, double[] p) {
        for (int k = 0; k < n; k++) {
            double x = -energies[k] * t;
            p[2 * k] = Math.cos(x);
            p[2 * k + 1] = Math.sin(x);
        }
    }

    /**
     * Multiplies {@code y_ab} by {@code e^{s i ω_ab t}}: s = +1 gives ρ~ from rho, s = -1 rho from ρ~.
     * With {@code p_k = e^{-i E_k t}}, {@code e^{-i ω_ab t} = p_a conj(p_b)}.
     */
    private void rotate(double[] p, double[] y, double[] out, int s) {
        for (int b = 0; b < n; b++) {
            double br = p[2 * b], bi = p[2 * b + 1];
            for (int a = 0; a < n; a++) {
                double ar = p[2 * a], ai = p[2 * a + 1];
                // e^{-i ω_ab t} = p_a conj(p_b)
                double fr = ar * br + ai * bi, fi = ai * br - ar * bi;
                if (s > 0) {
                    fi = -fi;
                }
                int q = 2 * (a + b * n);
                double yr = y[q], yi = y[q + 1];
                out[q] = yr * fr - yi * fi;
                out[q + 1] = yr * fi + yi * fr;
            }
        }
    }

    private Propagation interactionPicture(String method) {
        int dim = 2 * n * n;
        double[] pf = new double[2 * n];
        double[] z = new double[dim];
        OdeSystem f = (t, y, out) -> {
            phases(t, pf);
            rotate(pf, y, z, -1);                    // z = rho = e^{-i ω t} ρ~
            Data.matvec(product, z, 0, out, 0, 1, 0, 0, 0);
            for (int k = 0; k < scaledProducts.size(); k++) {
                dev.lindblad.Complex c = scaledCoefficients.get(k).at(t);
                if (c == null || !Double.isFinite(c.re()) || !Double.isFinite(c.im())) {
                    throw new IllegalArgumentException("brmesolve: the coefficient of a time-dependent coupling is "
                            + c + " at t = " + t);
                }
                // f² (QuTiP's A_ac A_db without conjugation)
                double re = c.re() * c.re() - c.im() * c.im(), im = 2 * c.re() * c.im();
                Data.matvec(scaledProducts.get(k), z, 0, out, 0, re, im, 1, 0);
            }
            for (int k = 0; k < rebuilt.size(); k++) {
                CsrMatrix rk = BlochRedfield.couplingTensor(energies, dissipative.eigenvectors(), rebuilt.get(k).at(t),
                        cutoff, "brmesolve", rebuiltIndex.get(k));
                Data.matvec(rk, z, 0, out, 0, 1, 0, 1, 0);
            }
            rotate(pf, out, out, 1);                 // back to the interaction picture
        };
        Propagation inner = Propagation.ode(method, dim, f, options.integratorOptions());
        double[] pp = new double[2 * n];
        double[] tmp = new double[dim];
        return new Propagation() {
            @Override
            public void reset(double t0, double[] y0) {
                phases(t0, pp);
                rotate(pp, y0, tmp, 1);
                inner.reset(t0, tmp);
            }

            @Override
            public void advance(double t, double[] out) {
                inner.advance(t, out);
                phases(t, pp);
                rotate(pp, out, out, -1);
            }

            @Override
            public long steps() {
                return inner.steps();
            }

            @Override
            public long rhsCalls() {
                return inner.rhsCalls();
            }

            @Override
            public long rejectedSteps() {
                return inner.rejectedSteps();
            }

            @Override
            public String method() {
                return inner.method();
            }
        };
    }
}
