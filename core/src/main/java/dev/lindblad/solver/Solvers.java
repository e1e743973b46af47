package dev.lindblad.solver;

import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.QobjLike;
import java.util.List;
import java.util.Objects;

/**
 * QuTiP's solver functions, each a one-shot façade over a reusable solver object:
 * {@code sesolve} over {@link SeSolver}, {@code mesolve} over {@link MeSolver}, {@code mcsolve} over
 * {@link McSolver}.
 */
public final class Solvers {
    private Solvers() {
    }

    /**
     * Schrödinger equation {@code d|psi>/dt = -i H(t)|psi>}.
     *
     * @param h     Hamiltonian, {@link Qobj} or {@link dev.lindblad.QobjEvo}
     * @param psi0  initial ket (or operator, for a propagator)
     * @param tlist output times
     * @param eOps  operators whose expectation values are recorded
     * @return the result
     */
    public static Result sesolve(QobjLike h, Qobj psi0, double[] tlist, List<Qobj> eOps) {
        return sesolve(h, psi0, tlist, eOps, SolverOptions.defaults());
    }

    /** {@link #sesolve(QobjLike, Qobj, double[], List)} with options. */
    public static Result sesolve(QobjLike h, Qobj psi0, double[] tlist, List<Qobj> eOps, SolverOptions options) {
        return new SeSolver(h, options).run(psi0, tlist, eOps);
    }

    /** {@link #sesolve(QobjLike, Qobj, double[], List)} with callbacks among the e-ops. */
    public static Result sesolve(QobjLike h, Qobj psi0, double[] tlist, List<Qobj> eOps, List<ExpectFunction> eFuncs,
                                 SolverOptions options) {
        return new SeSolver(h, options).run(psi0, tlist, eOps, eFuncs);
    }

    /**
     * Lindblad master equation. As QuTiP, a ket with no collapse operators and a Hamiltonian
     * (not a Liouvillian) is evolved by the Schrödinger equation, and the states are kets.
     *
     * @param h     Hamiltonian or Liouvillian, constant or time-dependent
     * @param rho0  initial density matrix or ket
     * @param tlist output times
     * @param cOps  collapse operators, constant or time-dependent
     * @param eOps  operators whose expectation values are recorded
     * @return the result
     */
    public static Result mesolve(QobjLike h, Qobj rho0, double[] tlist, List<? extends QobjLike> cOps,
                                 List<Qobj> eOps) {
        return mesolve(h, rho0, tlist, cOps, eOps, SolverOptions.defaults());
    }

    /** {@link #mesolve(QobjLike, Qobj, double[], List, List)} with options. */
    public static Result mesolve(QobjLike h, Qobj rho0, double[] tlist, List<? extends QobjLike> cOps, List<Qobj> eOps,
                                 SolverOptions options) {
        return mesolve(h, rho0, tlist, cOps, eOps, List.of(), options);
    }

    /** {@link #mesolve(QobjLike, Qobj, double[], List, List)} with callbacks among the e-ops. */
    public static Result mesolve(QobjLike h, Qobj rho0, double[] tlist, List<? extends QobjLike> cOps, List<Qobj> eOps,
                                 List<ExpectFunction> eFuncs, SolverOptions options) {
        boolean noCollapse = cOps == null || cOps.isEmpty();
        if (noCollapse && rho0 != null && rho0.isKet() && h != null && h.dims().type() != dev.lindblad.Dims.Type.SUPER) {
            return new SeSolver(h, options).run(rho0, tlist, eOps, eFuncs);
        }
        return new MeSolver(h, cOps, options).run(rho0, tlist, eOps, eFuncs);
    }

    /**
     * Quantum trajectories by the Monte Carlo wave-function method, as QuTiP's {@code mcsolve}:
     * the trajectory average of {@code <psi|e|psi>/<psi|psi>} approaches {@code tr(e rho(t))} of
     * the Lindblad equation with the same H and collapse operators. 500 trajectories, a random
     * master seed, every core; see {@link McSolver}.
     *
     * @param h     Hamiltonian, constant or time-dependent
     * @param psi0  initial ket, or density matrix (sampled from its eigen-decomposition)
     * @param tlist output times
     * @param cOps  collapse operators, constant or time-dependent
     * @param eOps  operators whose expectation values are averaged
     * @return the averages, their spread, the jumps and the seeds
     */
    public static McResult mcsolve(QobjLike h, Qobj psi0, double[] tlist, List<? extends QobjLike> cOps,
                                   List<Qobj> eOps) {
        return mcsolve(h, psi0, tlist, cOps, eOps, McOptions.defaults());
    }

    /** {@link #mcsolve(QobjLike, Qobj, double[], List, List)} with {@code ntraj} trajectories. */
    public static McResult mcsolve(QobjLike h, Qobj psi0, double[] tlist, List<? extends QobjLike> cOps,
                                   List<Qobj> eOps, int ntraj) {
        return mcsolve(h, psi0, tlist, cOps, eOps, McOptions.defaults().withNtraj(ntraj));
    }

    /** {@link #mcsolve(QobjLike, Qobj, double[], List, List)} with options. */
    public static McResult mcsolve(QobjLike h, Qobj psi0, double[] tlist, List<? extends QobjLike> cOps,
                                   List<Qobj> eOps, McOptions options) {
        return new McSolver(h, cOps, options).run(psi0, tlist, eOps);
    }

    /**
     * The steady state of a time-independent Lindblad equation, as QuTiP's {@code steadystate}.
     *
     * @param h    Hamiltonian or Liouvillian
     * @param cOps collapse operators
     * @return the steady-state density matrix (Hermitian, trace one)
     */
    public static Qobj steadystate(QobjLike h, List<? extends QobjLike> cOps) {
        return steadystate(h, cOps, SteadyStateOptions.defaults());
    }

    /** {@link #steadystate(QobjLike, List)} with options. */
    public static Qobj steadystate(QobjLike h, List<? extends QobjLike> cOps, SteadyStateOptions options) {
        return new SteadyStateSolver(h, cOps, options).solve().state();
    }

    /**
     * The propagator at one time: the unitary {@code U(t)} without collapse operators, else the
     * superoperator {@code S(t)} with {@code vec(rho(t)) = S(t) vec(rho(0))}.
     */
    public static Qobj propagator(QobjLike h, double t, List<? extends QobjLike> cOps) {
        return new Propagator(h, cOps, SolverOptions.defaults()).at(t);
    }

    /** Propagators at several times, computed in parallel over the times with {@code map}. */
    public static List<Qobj> propagator(QobjLike h, double[] times, List<? extends QobjLike> cOps, SolverOptions options,
                                        dev.lindblad.parallel.TaskMap map) {
        return new Propagator(h, cOps, options).at(times, map);
    }

    // ---- solver entry points (issue #15) ----

    /**
     * Quantum trajectories with explicit per-trajectory seeds, as QuTiP's {@code mcsolve(...,
     * seeds=[...])}: trajectory i draws its random numbers from {@code new SplittableRandom(seeds[i])},
     * so {@code seeds} taken from an earlier {@link McResult#seeds()} rerun those trajectories
     * exactly; the number of trajectories is {@code seeds.length} (the options' {@code ntraj} and
     * {@code seed} are not used).
     *
     * @param h       Hamiltonian, constant or time-dependent
     * @param psi0    initial ket or density matrix
     * @param tlist   output times
     * @param cOps    collapse operators
     * @param eOps    operators whose expectation values are averaged
     * @param seeds   one seed per trajectory, at least one
     * @param options the other options
     * @return the averages over the seeded trajectories
     */
    public static McResult mcsolve(QobjLike h, Qobj psi0, double[] tlist, List<? extends QobjLike> cOps,
                                   List<Qobj> eOps, long[] seeds, McOptions options) {
        Objects.requireNonNull(seeds, "mcsolve: seeds is null");
        Objects.requireNonNull(options, "mcsolve: options is null");
        return new McSolver(h, cOps, options).run(psi0, tlist, eOps, seeds);
    }

    /**
     * Quantum trajectories averaged at several trajectory counts, as QuTiP's
     * {@code mcsolve(..., ntraj=[1, 5, 15, 904])}: {@code max(ntraj)} trajectories are run (each
     * kept, {@link McOptions#withKeepRuns(boolean)}), and
     * {@link McResult#expectForNtraj(int, int...)} gives the average of e-op k over the first
     * {@code ntraj[i]} trajectories (in trajectory-index order) for every i.
     *
     * @param h       Hamiltonian, constant or time-dependent
     * @param psi0    initial ket or density matrix
     * @param tlist   output times
     * @param cOps    collapse operators
     * @param eOps    operators whose expectation values are averaged
     * @param ntraj   trajectory counts, each at least 1
     * @param options the other options (plain sampling: improved sampling weights the
     *                trajectories, so partial averages would not be QuTiP's)
     * @return the run of {@code max(ntraj)} trajectories, its runs kept
     */
    public static McResult mcsolve(QobjLike h, Qobj psi0, double[] tlist, List<? extends QobjLike> cOps,
                                   List<Qobj> eOps, int[] ntraj, McOptions options) {
        Objects.requireNonNull(ntraj, "mcsolve: ntraj is null");
        Objects.requireNonNull(options, "mcsolve: options is null");
        if (ntraj.length == 0) {
            throw new IllegalArgumentException("mcsolve: ntraj must list at least one trajectory count");
        }
        int max = 0;
        for (int i = 0; i < ntraj.length; i++) {
            if (ntraj[i] < 1) {
                throw new IllegalArgumentException("mcsolve: ntraj[" + i + "] = " + ntraj[i] + " must be >= 1");
            }
            max = Math.max(max, ntraj[i]);
        }
        if (options.improvedSampling()) {
            throw new IllegalArgumentException("mcsolve: a list of trajectory counts needs plain sampling "
                    + "(improved sampling weights the trajectories)");
        }
        if (options.targetTol() > 0) {
            throw new IllegalArgumentException("mcsolve: a list of trajectory counts runs every trajectory; "
                    + "targetTol must be 0, got " + options.targetTol());
        }
        return new McSolver(h, cOps, options.withNtraj(max).withKeepRuns(true)).run(psi0, tlist, eOps);
    }

    /** {@link #propagator(QobjLike, double, List)} with options (e.g. the method, tolerances). */
    public static Qobj propagator(QobjLike h, double t, List<? extends QobjLike> cOps, SolverOptions options) {
        Objects.requireNonNull(options, "propagator: options is null");
        return new Propagator(h, cOps, options).at(t);
    }

    /**
     * The two-time propagator {@code U(t, t0)}; see {@link Propagator#at(double, double)}.
     *
     * @param h       Hamiltonian or Liouvillian
     * @param t       final time
     * @param t0      initial time
     * @param cOps    collapse operators (none: a unitary)
     * @param options integration options
     * @return {@code U(t, t0)}
     */
    public static Qobj propagator(QobjLike h, double t, double t0, List<? extends QobjLike> cOps,
                                  SolverOptions options) {
        Objects.requireNonNull(options, "propagator: options is null");
        return new Propagator(h, cOps, options).at(t, t0);
    }

    /** Propagators at several times with options, on the default {@link dev.lindblad.parallel.TaskMap#threads()}. */
    public static List<Qobj> propagator(QobjLike h, double[] times, List<? extends QobjLike> cOps,
                                        SolverOptions options) {
        Objects.requireNonNull(options, "propagator: options is null");
        return new Propagator(h, cOps, options).at(times, dev.lindblad.parallel.TaskMap.threads());
    }

    /**
     * The steady state of repeated applications of a superoperator propagator, QuTiP's
     * {@code propagator_steadystate}: the eigenvector {@code v} of U whose eigenvalue is closest
     * to 1, unstacked by columns to {@code r}, returned as {@code (r/tr r + (r/tr r)^†)/2}.
     *
     * @param u a superoperator mapping operators to operators of the same dims
     * @return the Hermitian, trace-one fixed point
     * @throws IllegalArgumentException when U is not such a superoperator, or the eigenvector has
     *                                  zero trace
     */
    public static Qobj propagatorSteadystate(Qobj u) {
        Objects.requireNonNull(u, "propagatorSteadystate: u is null");
        if (!u.isSuper() || !u.dims().outSpace().equals(u.dims().inSpace())) {
            throw new IllegalArgumentException("propagatorSteadystate needs a superoperator propagator mapping operators "
                    + "to operators of the same dims, got a " + u.type() + " with dims " + u.dims());
        }
        int m = u.shape()[0];
        Dims od = u.dims().outSpace();
        int n = od.rows();
        dev.lindblad.MemoryCheck.require("propagatorSteadystate", "a dense eigen-decomposition of the " + m + "x" + m
                + " propagator", dev.lindblad.MemoryCheck.product(8, (double) m * m, 16),
                "steadystate of the Liouvillian instead");
        dev.lindblad.linalg.GeneralEigen.Result e = dev.lindblad.linalg.GeneralEigen.decompose(m, u.toArray(), true);
        int best = 0;
        double dist = Double.POSITIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            dev.lindblad.Complex z = e.eigenvalue(k);
            double d = Math.hypot(z.re() - 1, z.im());
            if (d < dist) {
                dist = d;
                best = k;
            }
        }
        double[] v = e.eigenvector(best);
        double tr = 0, ti = 0;
        for (int i = 0; i < n; i++) {
            tr += v[2 * (i + i * n)];
            ti += v[2 * (i + i * n) + 1];
        }
        double t2 = tr * tr + ti * ti;
        if (!(t2 > 0)) {
            throw new IllegalArgumentException("propagatorSteadystate: the eigenvector of eigenvalue " + e.eigenvalue(best)
                    + " has zero trace");
        }
        double[] rho = new double[2 * n * n];
        for (int k = 0; k < n * n; k++) {
            // v / tr
            rho[2 * k] = (v[2 * k] * tr + v[2 * k + 1] * ti) / t2;
            rho[2 * k + 1] = (v[2 * k + 1] * tr - v[2 * k] * ti) / t2;
        }
        double[] h = new double[2 * n * n];
        for (int c = 0; c < n; c++) {
            for (int r = 0; r < n; r++) {
                int a = 2 * (r + c * n), b = 2 * (c + r * n);
                h[a] = (rho[a] + rho[b]) / 2;
                h[a + 1] = (rho[a + 1] - rho[b + 1]) / 2;
            }
        }
        return Qobj.of(dev.lindblad.data.DenseMatrix.of(n, n, h), od);
    }

    /** {@link #pseudoInverse(Qobj, Qobj, double)} with the steady state computed and {@code w = 0}. */
    public static Qobj pseudoInverse(Qobj l) {
        Objects.requireNonNull(l, "pseudoInverse: l is null");
        requireLiouvillian(l);
        return pseudoInverse(l, steadystate(l, List.of()), 0);
    }

    /** {@link #pseudoInverse(Qobj, Qobj, double)} with {@code w = 0}. */
    public static Qobj pseudoInverse(Qobj l, Qobj rhoss) {
        return pseudoInverse(l, rhoss, 0);
    }

    /**
     * The pseudo-inverse of a Liouvillian, QuTiP's {@code pseudo_inverse}: with
     * {@code P = |rho_ss>><<1|} (column-stacked {@code rho_ss} times the vectorised identity's
     * transpose) and {@code Q = 1 - P},
     * <pre>
     *   R(w) = Q (L + i w)^{-1} Q          (w != 0)
     *   R(0) = Q L^+ Q = (L + P)^{-1} - P  (the Drazin inverse of L)
     * </pre>
     * ({@code L + P} is invertible when the steady state is unique, and Q L^+ Q with the
     * Moore–Penrose inverse equals that Drazin inverse because Q projects onto the range of L
     * along its kernel). Dense: {@code N² × N²} for N-level systems.
     *
     * @param l     a Liouvillian (superoperator)
     * @param rhoss its steady state (trace one)
     * @param w     frequency
     * @return R, with L's dims
     * @throws IllegalArgumentException when L is not a superoperator, rhoss does not fit, w is
     *                                  not finite, or the matrix to invert is singular
     */
    public static Qobj pseudoInverse(Qobj l, Qobj rhoss, double w) {
        Objects.requireNonNull(l, "pseudoInverse: l is null");
        Objects.requireNonNull(rhoss, "pseudoInverse: rhoss is null");
        if (!Double.isFinite(w)) {
            throw new IllegalArgumentException("pseudoInverse: w = " + w + " is not finite");
        }
        requireLiouvillian(l);
        Dims od = l.dims().outSpace();
        if (!rhoss.isOper() || !rhoss.dims().equals(od)) {
            throw new IllegalArgumentException("pseudoInverse: rhoss must be an operator with dims " + od + ", got "
                    + rhoss.type() + " with dims " + rhoss.dims());
        }
        int n = od.rows(), m = n * n;
        dev.lindblad.MemoryCheck.require("pseudoInverse", "4 dense " + m + "x" + m + " matrices",
                dev.lindblad.MemoryCheck.product(4, (double) m * m, 16), "a smaller system");
        double[] r = rhoss.toArray();
        double[] p = new double[2 * m * m];
        for (int c = 0; c < n; c++) {
            int col = c + c * n;   // vec(I) has ones at the diagonal positions
            System.arraycopy(r, 0, p, 2 * col * m, 2 * m);
        }
        Qobj pq = Qobj.of(dev.lindblad.data.DenseMatrix.of(m, m, p), l.dims());
        Qobj inv;
        try {
            if (w == 0) {
                return l.plus(pq).inv().minus(pq);
            }
            Qobj id = Qobj.of(dev.lindblad.data.DenseMatrix.of(m, m, identityArray(m)), l.dims());
            Qobj q = id.minus(pq);
            inv = l.plus(id.times(new dev.lindblad.Complex(0, w))).inv();
            return q.times(inv).times(q);
        } catch (ArithmeticException | IllegalArgumentException e) {
            throw new IllegalArgumentException("pseudoInverse: the matrix to invert is singular (" + e.getMessage()
                    + "); is the steady state unique" + (w == 0 ? "" : ", or -i w an eigenvalue of L") + "?", e);
        }
    }

    private static void requireLiouvillian(Qobj l) {
        if (!l.isSuper() || !l.dims().outSpace().equals(l.dims().inSpace())) {
            throw new IllegalArgumentException("pseudoInverse needs a Liouvillian (a superoperator on one operator space), "
                    + "got a " + l.type() + " with dims " + l.dims());
        }
    }

    private static double[] identityArray(int m) {
        double[] a = new double[2 * m * m];
        for (int k = 0; k < m; k++) {
            a[2 * (k + k * m)] = 1;
        }
        return a;
    }

    /**
     * The Bloch–Redfield master equation, as QuTiP 5's {@code brmesolve}: in the eigenbasis of H,
     * {@code d rho_ab/dt = -i ω_ab rho_ab + sum_cd R_abcd rho_cd} with the tensor of
     * {@link BlochRedfield} (secular cutoff 0.1, QuTiP's default); states and e-ops in the lab basis.
     *
     * @param h     the Hamiltonian (Hermitian, constant)
     * @param psi0  initial ket or density matrix
     * @param tlist output times
     * @param aOps  bath couplings {@link BrOperator#of(Qobj, java.util.function.DoubleUnaryOperator)}, or
     *              time-dependent ones ({@link BrOperator#of(dev.lindblad.QobjEvo, java.util.function.DoubleUnaryOperator)},
     *              {@link BrOperator#of(dev.lindblad.QobjEvo, java.util.function.DoubleBinaryOperator)}): the
     *              tensor at t is that of the couplings frozen at t (see {@link BrSolver})
     * @param eOps  operators whose expectation values are recorded
     * @return the result
     */
    public static Result brmesolve(Qobj h, Qobj psi0, double[] tlist, List<BrOperator> aOps, List<Qobj> eOps) {
        return brmesolve(h, psi0, tlist, aOps, eOps, List.of(), 0.1, SolverOptions.defaults());
    }

    /**
     * {@link #brmesolve(Qobj, Qobj, double[], List, List)} with Lindblad collapse operators, a
     * secular cutoff (in units of the smallest gap of H; negative: none) and options.
     */
    public static Result brmesolve(Qobj h, Qobj psi0, double[] tlist, List<BrOperator> aOps, List<Qobj> eOps,
                                   List<Qobj> cOps, double secCutoff, SolverOptions options) {
        java.util.Objects.requireNonNull(h, "brmesolve: h is null");
        java.util.Objects.requireNonNull(psi0, "brmesolve: psi0 is null");
        Evolution.checkTimes("brmesolve", tlist);
        java.util.Objects.requireNonNull(aOps, "brmesolve: aOps is null");
        Evolution.elements("brmesolve", "aOps", aOps);
        Evolution.elements("brmesolve", "eOps", eOps);
        Evolution.elements("brmesolve", "cOps", cOps);
        if (Double.isNaN(secCutoff)) {
            throw new IllegalArgumentException("brmesolve: secCutoff = NaN; expected a number (negative: no secular "
                    + "approximation)");
        }
        java.util.Objects.requireNonNull(options, "brmesolve: options is null");
        return new BrSolver(h, aOps, cOps, secCutoff, options).run(psi0, tlist, eOps);
    }

    /**
     * The Bloch–Redfield master equation with a Hamiltonian that may depend on time, as QuTiP 5's
     * {@code brmesolve(QobjEvo H, ...)}: at each time t the tensor is built in the eigenbasis of
     * {@code H(t)} (secular cutoff 0.1 of the smallest gap of {@code H(t)}) and
     * {@code dρ/dt = -i[H(t), ρ] + V(t) R(t)[V(t)^† ρ V(t)] V(t)^†} is integrated in the basis H was
     * given in (see {@link BrSolver}). A constant {@code h} gives the bits of
     * {@link #brmesolve(Qobj, Qobj, double[], List, List)}.
     *
     * @param h     the Hamiltonian {@code H(t)}, Hermitian at every time
     * @param psi0  initial ket or density matrix
     * @param tlist output times
     * @param aOps  bath couplings, constant or time-dependent
     * @param eOps  operators whose expectation values are recorded
     * @return the result
     */
    public static Result brmesolve(QobjEvo h, Qobj psi0, double[] tlist, List<BrOperator> aOps, List<Qobj> eOps) {
        return brmesolve(h, psi0, tlist, aOps, eOps, List.of(), 0.1, SolverOptions.defaults());
    }

    /**
     * {@link #brmesolve(QobjEvo, Qobj, double[], List, List)} with Lindblad collapse operators
     * (added in the basis H was given in), a secular cutoff (in units of the smallest gap of
     * {@code H(t)}; negative: none) and options (an ODE method: {@code "diag"} and {@code "krylov"}
     * refuse a time-dependent H).
     */
    public static Result brmesolve(QobjEvo h, Qobj psi0, double[] tlist, List<BrOperator> aOps, List<Qobj> eOps,
                                   List<Qobj> cOps, double secCutoff, SolverOptions options) {
        java.util.Objects.requireNonNull(h, "brmesolve: h is null");
        java.util.Objects.requireNonNull(psi0, "brmesolve: psi0 is null");
        Evolution.checkTimes("brmesolve", tlist);
        java.util.Objects.requireNonNull(aOps, "brmesolve: aOps is null");
        Evolution.elements("brmesolve", "aOps", aOps);
        Evolution.elements("brmesolve", "eOps", eOps);
        Evolution.elements("brmesolve", "cOps", cOps);
        if (Double.isNaN(secCutoff)) {
            throw new IllegalArgumentException("brmesolve: secCutoff = NaN; expected a number (negative: no secular "
                    + "approximation)");
        }
        java.util.Objects.requireNonNull(options, "brmesolve: options is null");
        return new BrSolver(h, aOps, cOps, secCutoff, options).run(psi0, tlist, eOps);
    }

    /**
     * The Bloch–Redfield tensor in the eigenbasis of H, QuTiP's
     * {@code bloch_redfield_tensor(H, a_ops, c_ops, sec_cutoff)}; see {@link BlochRedfield}.
     * {@link BlochRedfield.BrTensor#fockBasis()} gives QuTiP's {@code fock_basis=True}.
     *
     * @param h         the Hamiltonian
     * @param aOps      bath couplings
     * @param cOps      collapse operators (null or empty: none)
     * @param secCutoff secular cutoff in units of the smallest gap; negative: none
     * @return the tensor with its eigenbasis
     */
    public static BlochRedfield.BrTensor blochRedfieldTensor(Qobj h, List<BrOperator> aOps, List<Qobj> cOps,
                                                             double secCutoff) {
        java.util.Objects.requireNonNull(h, "blochRedfieldTensor: h is null");
        return BlochRedfield.build("blochRedfieldTensor", h, aOps, cOps, secCutoff, BlochRedfield.defaultMap(h));
    }

    /** Floquet Schrödinger solver; see {@link Floquet#fsesolve(QobjLike, Qobj, double[], List, double)}. */
    public static Result fsesolve(QobjLike h, Qobj psi0, double[] tlist, List<Qobj> eOps, double t) {
        return Floquet.fsesolve(h, psi0, tlist, eOps, t);
    }

    /** Floquet–Markov master equation; see {@link Floquet#fmmesolve(QobjLike, Qobj, double[], List, List, List, double, double)}. */
    public static Result fmmesolve(QobjLike h, Qobj rho0, double[] tlist, List<Qobj> cOps, List<Qobj> eOps,
                                   List<java.util.function.DoubleUnaryOperator> spectra, double t, double wTh) {
        return Floquet.fmmesolve(h, rho0, tlist, cOps, eOps, spectra, t, wTh);
    }
}
