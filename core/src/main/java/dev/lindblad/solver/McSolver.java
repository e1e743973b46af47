package dev.lindblad.solver;

import dev.lindblad.Coefficient;
import dev.lindblad.Complex;
import dev.lindblad.DimensionMismatchException;
import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.QobjLike;
import dev.lindblad.data.Data;
import dev.lindblad.data.Matrix;
import dev.lindblad.ode.Integrators;
import dev.lindblad.parallel.TaskMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Quantum trajectories by the Monte Carlo wave-function method (Dalibard, Castin &amp; Mølmer,
 * PRL 68, 580 (1992)), as QuTiP's {@code mcsolve}: the average of the trajectories converges to
 * the solution of the Lindblad equation of {@link MeSolver} with the same H and collapse
 * operators.
 *
 * <h2>One trajectory</h2>
 * Between jumps the unnormalised ket follows {@code d psi/dt = -i H_eff(t) psi} with
 * {@code H_eff = H - (i/2) sum_k c_k^†(t) c_k(t)}; for {@code c(t) = sum_a f_a(t) c_a} the
 * anti-Hermitian part holds every cross term {@code f_a conj(f_b) c_b^† c_a}. The squared norm
 * decreases; a uniform number {@code r} in [0, 1) is drawn and the jump happens when
 * {@code ||psi||² = r}, found as the sign change of {@code ||psi||² - r} by the integrator's
 * event location on its dense output. The time tolerance is QuTiP's {@code norm_t_tol}
 * ({@link McOptions#normTimeTol()}), tightened so that the norm at the located time is within
 * QuTiP's {@code norm_tol} ({@link McOptions#normTol()}) of r, relatively: with constant
 * collapse operators the norm decays at most at the rate
 * {@code Γ = ||sum_k c_k^† c_k||_1} (which bounds the largest eigenvalue), so the time tolerance
 * is {@code min(norm_t_tol, norm_tol · r / Γ)}; with time-dependent ones no such bound is known
 * and {@code norm_t_tol} alone is used. The channel k is drawn with probability
 * {@code ||c_k psi||² / sum_l ||c_l psi||²}, the ket becomes {@code c_k psi / ||c_k psi||}, a
 * new r is drawn, and the integrator restarts from the jump. E-ops are evaluated on the
 * normalised ket at the output times. A mixed initial state {@code rho = sum_i p_i |i><i|} is
 * sampled: each trajectory starts from eigenket i with probability {@code p_i}.
 *
 * <h2>Many trajectories</h2>
 * Trajectory j has its own {@link SplittableRandom} seeded by
 * {@link #trajectorySeed(long, int)} of the master seed and j, a mix of the two that does not
 * depend on which thread or in which order trajectories run. The trajectories go through the
 * {@link TaskMap} of {@link McOptions#map()} as serialisable {@code (index, seed)} tasks; the
 * results come back in index order and are summed in that order, so a seeded run gives the same
 * bits on {@code serial()}, {@code threads(1)} and {@code threads(n)}.
 *
 * <p>Without a target tolerance all trajectories are handed to the map at once. With
 * {@link McOptions#targetTol()} they go in batches of {@code 4 × map.parallelism()}; between
 * batches the finished trajectories are added in index order and the run stops at the first
 * count M (at least {@value #MIN_TRAJECTORIES_FOR_TOLERANCE}) whose standard errors are all
 * below the tolerance; trajectories of the last batch beyond M are dropped, so the result is
 * again the same for every map. A timeout is checked by each task before it starts (trajectory
 * 0 always runs, so a result is never empty); trajectories already running finish and are
 * kept.
 *
 * <p>A trajectory that throws anything (a {@link RuntimeException}, or an {@link Error} such as
 * an {@link AssertionError} or a {@link StackOverflowError} in a coefficient function) stops the
 * run (no new trajectory starts) and a {@link TrajectoryException} names its index and seed and
 * carries the average of every trajectory that finished; with {@link McOptions#skipFailures()}
 * it is recorded in {@link McResult#failures()} and the run goes on.
 *
 * <p>An interrupt of the calling thread is checked before every trajectory and every step: the
 * map's threads are interrupted and waited for, and a {@link SolverInterruptedException}
 * carries the average of the trajectories that finished whole (the thread's interrupt status
 * stays set).
 *
 * <p>The solver is built once for a system and may run many initial states, concurrently.
 */
public final class McSolver {

    /** Trajectories that must finish before the target tolerance may end a run. */
    public static final int MIN_TRAJECTORIES_FOR_TOLERANCE = 10;

    private final QobjEvo hamiltonian;
    private final List<QobjEvo> cOps;
    private final McOptions options;
    private final Dims operDims;
    private final int n;
    private final Generator generator;
    /** Per channel: the parts {@code c_a} and their coefficients {@code f_a} (null: constant). */
    private final Matrix[][] channelParts;
    private final Coefficient[][] channelCoefficients;
    /** Upper bound on the decay rate of the squared norm; NaN when the collapse operators depend on time. */
    private final double decayBound;

    /**
     * @param hamiltonian the Hamiltonian, constant or time-dependent (an operator, not a Liouvillian)
     * @param cOps        collapse operators, constant or time-dependent (may be empty)
     * @param options     Monte Carlo and integration options
     */
    public McSolver(QobjLike hamiltonian, List<? extends QobjLike> cOps, McOptions options) {
        Objects.requireNonNull(hamiltonian, "mcsolve: hamiltonian is null");
        this.options = Objects.requireNonNull(options, "mcsolve: options is null");
        Dims hd = hamiltonian.dims();
        if (hd.type() != Dims.Type.OPER || hd.rows() != hd.cols()) {
            throw new IllegalArgumentException("mcsolve needs a square Hamiltonian operator (not a Liouvillian), got dims "
                    + hd);
        }
        if (!options.solver().isOdeMethod()) {
            throw new IllegalArgumentException("mcsolve needs an adaptive ODE method with events, one of "
                    + Integrators.METHODS + "; got '" + options.solver().method() + "'");
        }
        this.hamiltonian = hamiltonian.asEvo();
        this.operDims = hd;
        this.n = hd.rows();
        List<QobjEvo> cs = new ArrayList<>();
        if (cOps != null) {
            for (int k = 0; k < cOps.size(); k++) {
                QobjLike c = Objects.requireNonNull(cOps.get(k), "mcsolve: collapse operator " + k + " (cOps[" + k + "]) is null");
                if (!c.dims().equals(hd)) {
                    throw new DimensionMismatchException("mcsolve: collapse operator " + k + " and the Hamiltonian",
                            c.dims(), hd);
                }
                cs.add(c.asEvo());
            }
        }
        this.cOps = List.copyOf(cs);
        channelParts = new Matrix[this.cOps.size()][];
        channelCoefficients = new Coefficient[this.cOps.size()][];
        for (int k = 0; k < this.cOps.size(); k++) {
            List<QobjEvo.Term> parts = this.cOps.get(k).terms();
            channelParts[k] = new Matrix[parts.size()];
            channelCoefficients[k] = new Coefficient[parts.size()];
            for (int a = 0; a < parts.size(); a++) {
                channelParts[k][a] = Data.toBestFormat(parts.get(a).operator().data());
                channelCoefficients[k][a] = parts.get(a).coefficient();
            }
        }
        this.generator = new Generator(n, 1, effectiveTerms());
        double bound = 0;
        if (this.cOps.stream().allMatch(QobjEvo::isConstant)) {
            Matrix sum = null;
            for (QobjEvo c : this.cOps) {
                Matrix m = c.constantPart().data();
                Matrix cdc = Data.matmul(Data.adjoint(m), m);
                sum = sum == null ? cdc : Data.add(sum, cdc);
            }
            bound = sum == null ? 0 : Data.oneNorm(sum);
        } else {
            bound = Double.NaN;
        }
        this.decayBound = bound;
    }

    /**
     * The tolerance on the jump time for a jump at squared norm r: QuTiP's {@code norm_t_tol},
     * tightened so that the squared norm at the located time is within {@code norm_tol · r} of r.
     */
    double jumpTimeTolerance(double r) {
        double tol = options.normTimeTol();
        if (decayBound > 0) {
            tol = Math.min(tol, options.normTol() * r / decayBound);
        }
        return Math.max(tol, 1e-13);
    }

    /** {@code -i H_eff = -i H - ½ sum_k sum_{a,b} f_a conj(f_b) c_b^† c_a} as left products. */
    private List<Generator.Term> effectiveTerms() {
        List<Generator.Term> terms = new ArrayList<>();
        for (QobjEvo.Term t : hamiltonian.terms()) {
            terms.add(new Generator.Term(Generator.Kind.LEFT, Data.scale(t.operator().data(), 0, -1), null,
                    t.coefficient()));
        }
        for (QobjEvo c : cOps) {
            for (QobjEvo.Term a : c.terms()) {
                for (QobjEvo.Term b : c.terms()) {
                    Matrix product = Data.matmul(Data.adjoint(b.operator().data()), a.operator().data());
                    terms.add(new Generator.Term(Generator.Kind.LEFT, Data.scale(product, -0.5, 0), null,
                            MeSolver.pairCoefficient(a.coefficient(), b.coefficient())));
                }
            }
        }
        return terms;
    }

    /** @return the options */
    public McOptions options() {
        return options;
    }

    /**
     * The seed of trajectory {@code index}: SplitMix64's finaliser (Steele, Lea &amp; Flood,
     * OOPSLA 2014) applied to {@code masterSeed + (index + 1) γ} with γ the golden-ratio
     * increment {@code 0x9E3779B97F4A7C15}, then seeding a {@link SplittableRandom}. It depends on
     * the master seed and the index only, not on the order in which trajectories run.
     *
     * @param masterSeed the run's master seed
     * @param index      the trajectory index, {@code >= 0}
     * @return the trajectory's seed
     */
    public static long trajectorySeed(long masterSeed, int index) {
        long z = masterSeed + (index + 1L) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Runs the trajectories from an initial ket or density matrix.
     *
     * @param psi0   initial ket, or density matrix (sampled from its eigen-decomposition)
     * @param tlist  output times, non-decreasing; the first is the initial time
     * @param eOps   operators whose expectation values are averaged (may be empty)
     * @return the averages, the jumps and the seeds
     * @throws TrajectoryException          when a trajectory throws and failures are not skipped
     *                                      (it carries the average of the finished trajectories)
     * @throws SolverInterruptedException   when the calling thread is interrupted (it carries the
     *                                      average of the finished trajectories; status kept)
     * @throws dev.lindblad.InsufficientMemoryException when the stored states cannot fit in the heap
     */
    public McResult run(Qobj psi0, double[] tlist, List<Qobj> eOps) {
        return run(psi0, tlist, eOps, null, System.nanoTime());
    }

    /**
     * Runs one trajectory per given seed: trajectory i draws from
     * {@code new SplittableRandom(seeds[i])}, so the seeds of an earlier run
     * ({@link McResult#seeds()}) rerun its trajectories exactly. The options' {@code ntraj} and
     * master {@code seed} are not used; with improved sampling, {@code seeds[0]} seeds the
     * no-jump trajectory.
     *
     * @param psi0  initial ket or density matrix
     * @param tlist output times
     * @param eOps  operators whose expectation values are averaged
     * @param seeds one seed per trajectory, at least one
     * @return the averages over the seeded trajectories
     */
    public McResult run(Qobj psi0, double[] tlist, List<Qobj> eOps, long[] seeds) {
        Objects.requireNonNull(seeds, "mcsolve: seeds is null");
        if (seeds.length == 0) {
            throw new IllegalArgumentException("mcsolve: seeds must hold at least one seed");
        }
        return run(psi0, tlist, eOps, seeds.clone(), System.nanoTime());
    }

    private McResult run(Qobj psi0, double[] tlist, List<Qobj> eOps, long[] seeds, long start) {
        Objects.requireNonNull(psi0, "mcsolve: psi0 (the initial state) is null");
        double[] times = Evolution.checkTimes("mcsolve", tlist);
        List<Qobj> ops = Evolution.elements("mcsolve", "eOps", eOps);
        for (int k = 0; k < ops.size(); k++) {
            Qobj e = ops.get(k);
            if (!e.dims().equals(operDims)) {
                throw new DimensionMismatchException("mcsolve: e-op " + k + " and the Hamiltonian", e.dims(), operDims);
            }
        }
        checkMemory(times.length, ops.isEmpty());
        InitialState initial = InitialState.of(psi0, operDims);
        if (options.improvedSampling() && initial.isMixed()) {
            throw new IllegalArgumentException("mcsolve: improved sampling needs a pure initial state (a ket); "
                    + "got a density matrix of rank " + initial.kets.length);
        }
        Trajectories run = new Trajectories(this, initial, times, ops, start, seeds);
        return run.execute();
    }

    /**
     * Refuses, before any trajectory runs, a run whose stored states cannot fit: one averaged
     * density matrix per output time (and the copy the result makes), and the normalised kets of
     * every trajectory until they are averaged.
     */
    private void checkMemory(int times, boolean noEOps) {
        SolverOptions so = options.solver();
        boolean store = so.storeStates() != null ? so.storeStates() : noEOps;
        if (!store) {
            return;
        }
        long rho = 16L * n * n;
        long bytes = dev.lindblad.MemoryCheck.product(2.0 * times + 1, rho, 1)
                + dev.lindblad.MemoryCheck.product(options.ntraj(), times, 16.0 * n);
        dev.lindblad.MemoryCheck.require("mcsolve", 2 * times + " averaged " + n + "x" + n + " density matrices of "
                + dev.lindblad.MemoryCheck.format(rho) + " and the kets of " + options.ntraj() + " trajectories at "
                + times + " times", bytes < 0 ? Long.MAX_VALUE : bytes,
                "store no states (withStoreStates(false)) and average e-ops instead, or fewer output times");
    }

    // ---------------------------------------------------------------- internals used by Trajectories

    QobjEvo hamiltonianEvo() {
        return hamiltonian;
    }

    List<QobjEvo> collapseEvos() {
        return cOps;
    }

    int dimension() {
        return n;
    }

    Dims operatorDims() {
        return operDims;
    }

    Generator generator() {
        return generator;
    }

    int channels() {
        return channelParts.length;
    }

    /** Writes {@code c_k(t) psi} into out. */
    void applyChannel(int k, double t, double[] psi, double[] out) {
        Matrix[] parts = channelParts[k];
        Coefficient[] fs = channelCoefficients[k];
        for (int a = 0; a < parts.length; a++) {
            double fr = 1, fi = 0;
            if (fs[a] != null) {
                Complex z = fs[a].at(t);
                fr = z.re();
                fi = z.im();
            }
            Data.matvec(parts[a], psi, 0, out, 0, fr, fi, a == 0 ? 0 : 1, 0);
        }
    }

    /** The initial state: one ket, or the eigenkets of a density matrix with their weights. */
    static final class InitialState implements java.io.Serializable {
        final double[][] kets;
        final double[] cumulative;   // cumulative probabilities, last = 1
        final Dims ketDims;

        private InitialState(double[][] kets, double[] cumulative, Dims ketDims) {
            this.kets = kets;
            this.cumulative = cumulative;
            this.ketDims = ketDims;
        }

        boolean isMixed() {
            return kets.length > 1;
        }

        /** Picks the starting ket; draws from rng only for a mixed state. */
        double[] draw(SplittableRandom rng) {
            if (kets.length == 1) {
                return kets[0].clone();
            }
            double u = rng.nextDouble();
            for (int i = 0; i < cumulative.length; i++) {
                if (u < cumulative[i]) {
                    return kets[i].clone();
                }
            }
            return kets[kets.length - 1].clone();
        }

        static InitialState of(Qobj state, Dims operDims) {
            if (state.isKet()) {
                if (!java.util.Arrays.equals(state.dims().out(), operDims.in())) {
                    throw new DimensionMismatchException("mcsolve: Hamiltonian and initial state", operDims,
                            state.dims());
                }
                double[] psi = Evolution.stateArray(state);
                double norm = Math.sqrt(normSquared(psi));
                if (!(norm > 0) || !Double.isFinite(norm)) {
                    throw new IllegalArgumentException("mcsolve: the initial ket has norm " + norm);
                }
                for (int i = 0; i < psi.length; i++) {
                    psi[i] /= norm;
                }
                return new InitialState(new double[][] {psi}, new double[] {1}, state.dims());
            }
            if (!state.isOper()) {
                throw new IllegalArgumentException("mcsolve needs a ket or a density matrix as initial state, got a "
                        + state.type() + " with dims " + state.dims());
            }
            if (!state.dims().equals(operDims)) {
                throw new DimensionMismatchException("mcsolve: Hamiltonian and initial density matrix", operDims,
                        state.dims());
            }
            if (!state.isHerm()) {
                throw new IllegalArgumentException("mcsolve: the initial density matrix is not Hermitian");
            }
            Qobj.Eigen eigen = state.eigenstates();
            double[] p = eigen.energies();
            double max = 0, total = 0;
            for (double v : p) {
                max = Math.max(max, Math.abs(v));
            }
            for (int i = 0; i < p.length; i++) {
                if (p[i] < -1e-10 * max) {
                    throw new IllegalArgumentException("mcsolve: the initial density matrix has a negative eigenvalue "
                            + p[i] + " (largest magnitude " + max + ")");
                }
                if (p[i] > 1e-14 * max) {
                    total += p[i];
                }
            }
            if (!(total > 0)) {
                throw new IllegalArgumentException("mcsolve: the initial density matrix is zero");
            }
            List<double[]> kets = new ArrayList<>();
            List<Double> cum = new ArrayList<>();
            double c = 0;
            for (int i = p.length - 1; i >= 0; i--) {      // largest weight first
                if (p[i] > 1e-14 * max) {
                    c += p[i] / total;
                    kets.add(Evolution.stateArray(eigen.states().get(i)));
                    cum.add(c);
                }
            }
            double[] cumulative = new double[cum.size()];
            for (int i = 0; i < cumulative.length; i++) {
                cumulative[i] = cum.get(i);
            }
            cumulative[cumulative.length - 1] = 1;
            return new InitialState(kets.toArray(new double[0][]), cumulative,
                    Dims.ket(operDims.in()));
        }
    }

    static double normSquared(double[] y) {
        // four independent sums: the event function of every trajectory step calls this, and one
        // running sum waits on each addition (7% of an nho N = 50 mcsolve's time with one)
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int k = 0;
        for (; k + 3 < y.length; k += 4) {
            s0 += y[k] * y[k];
            s1 += y[k + 1] * y[k + 1];
            s2 += y[k + 2] * y[k + 2];
            s3 += y[k + 3] * y[k + 3];
        }
        for (; k < y.length; k++) {
            s0 += y[k] * y[k];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
