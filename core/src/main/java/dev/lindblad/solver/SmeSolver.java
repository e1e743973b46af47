package dev.lindblad.solver;

import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.QobjLike;
import dev.lindblad.Superops;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The stochastic master equation of continuous measurement, as QuTiP 5's {@code smesolve}:
 * each trajectory is a density matrix conditioned on the diffusive (homodyne or heterodyne)
 * record of the monitored operators {@code s_i}, with unmonitored collapse operators
 * {@code c_k} besides,
 * <pre>
 * dρ = L(ρ) dt + sum_i (s_i ρ + ρ s_i^† - e_i ρ) dW_i,   e_i = tr((s_i + s_i^†) ρ),
 * L(ρ) = -i[H, ρ] + sum_{x ∈ c ∪ s} (x ρ x^† - ½{x^†x, ρ}),
 * </pre>
 * with independent Wiener increments {@code dW_i}; the measured current of channel i is
 * {@code J_i = e_i + dW_i/dt}. Heterodyne detection monitors {@code s/√2} and {@code -i s/√2}
 * for each s ({@link StochasticOptions#heterodyne()}). The average over trajectories is
 * {@code mesolve} with collapse operators {@code c ∪ s}.
 *
 * <p>Fixed steps of {@link StochasticOptions#dt()} fitted to each output interval; every
 * method of {@link StochasticOptions#METHODS}, the drift-implicit {@code "milstein_imp"} and
 * {@code "taylor1.5_imp"} included (one linear solve with {@code I - (dt/2) L(t + dt)} per step,
 * {@link StochasticOptions#solveMethod()}). The trajectory
 * machinery is {@link McSolver}'s (see {@link SseSolver}). Reusable and thread-safe.
 */
public final class SmeSolver {
    static final String NAME = "smesolve";

    private final StochasticOptions options;
    private final Dims operDims;
    private final int n;
    private final SmeSystem system;
    /** The inputs as given, so that a cluster's executor can build the same solver again. */
    private final QobjEvo hamiltonianEvo;
    private final List<QobjEvo> collapseEvos;
    private final List<QobjEvo> monitoredEvos;
    /** QuTiP's {@code m_ops} and {@code dW_factors} when set ({@link #withMOps}, {@link #withDWFactors}); null: the defaults. */
    private final List<Qobj> mOps;
    private final double[] dWFactors;

    /**
     * @param hamiltonian the Hamiltonian, constant or time-dependent (an operator)
     * @param cOps        unmonitored collapse operators (null or empty: none)
     * @param scOps       the monitored operators; none (as QuTiP 5 allows) integrates the master
     *                    equation with the stochastic method's fixed steps
     * @param options     the stochastic options
     */
    public SmeSolver(QobjLike hamiltonian, List<? extends QobjLike> cOps, List<? extends QobjLike> scOps,
                     StochasticOptions options) {
        this.operDims = StochasticSystems.checkHamiltonian(NAME, hamiltonian);
        this.options = Objects.requireNonNull(options, NAME + ": options is null");
        Objects.requireNonNull(scOps, NAME + ": scOps (the monitored operators) is null");
        this.n = operDims.rows();
        List<QobjEvo> c = StochasticSystems.operators(NAME, "cOps", cOps, operDims);
        List<QobjEvo> sc = StochasticSystems.operators(NAME, "scOps", scOps, operDims);
        List<QobjEvo> s = StochasticSystems.monitored(sc, options.heterodyne());
        List<QobjEvo> all = new ArrayList<>(c);
        all.addAll(s);
        EvoOp a = StochasticSystems.nonHermitian(hamiltonian.asEvo(), all);
        dev.lindblad.data.LinearMap superoperator = null;
        boolean constant = hamiltonian.asEvo().isConstant() && all.stream().allMatch(QobjEvo::isConstant);
        QobjEvo generator = constant || isImplicit(options.method())
                ? QobjEvo.liouvillian(hamiltonian.asEvo(), all) : null;
        dev.lindblad.data.LinearMap[] diffusionMaps = null;
        if (constant) {
            superoperator = dev.lindblad.data.Data.prepareProduct(dev.lindblad.data.Data.toBestFormat(
                    generator.constantPart().data()));
            // s ρ + ρ s^† as one superoperator each: one prepared product in place of a sparse
            // operator-times-matrix product and a transposing pass
            diffusionMaps = new dev.lindblad.data.LinearMap[s.size()];
            for (int i = 0; i < diffusionMaps.length; i++) {
                Qobj si = s.get(i).constantPart();
                diffusionMaps[i] = dev.lindblad.data.Data.prepareProduct(dev.lindblad.data.Data.toBestFormat(
                        Superops.spre(si).plus(Superops.spost(si.dag())).data()));
            }
        }
        // the implicit methods solve (I - dt/2 L(t + dt)) ρ' = r with L the whole Liouvillian (QuTiP's system.L)
        ImplicitSolve implicit = isImplicit(options.method()) ? new ImplicitSolve(NAME, generator, options) : null;
        this.system = new SmeSystem(n, a, StochasticSystems.ops(c), StochasticSystems.ops(s), superoperator, diffusionMaps,
                implicit, constant && !isImplicit(options.method()) && !options.method().equals("rouchon")
                && splitLayout(superoperator, diffusionMaps));
        this.hamiltonianEvo = hamiltonian.asEvo();
        this.collapseEvos = new ArrayList<>(c);
        this.monitoredEvos = new ArrayList<>(sc);
        SdeStepper.create(options.method(), system.forOneRun(), NAME);
        this.mOps = null;
        this.dWFactors = null;
    }

    /** A copy of base with other measurement operators or noise factors (the equation is shared). */
    private SmeSolver(SmeSolver base, List<Qobj> mOps, double[] dWFactors) {
        this.options = base.options;
        this.operDims = base.operDims;
        this.n = base.n;
        this.system = base.system;
        this.hamiltonianEvo = base.hamiltonianEvo;
        this.collapseEvos = base.collapseEvos;
        this.monitoredEvos = base.monitoredEvos;
        this.mOps = mOps;
        this.dWFactors = dWFactors;
    }

    /**
     * QuTiP's {@code solver.m_ops = ...}: the operators whose expectations the measurement
     * records carry, one per record channel (for heterodyne detection two per monitored
     * operator), operators of the Hamiltonian's dimensions; record k over an output interval is
     * {@code Re <m_k> + f_k ΔW_k / Δt} ({@link #withDWFactors}). The expectation's real part is
     * kept (QuTiP keeps a complex value for a non-Hermitian m_k).
     *
     * @param mOps the measurement operators
     * @return a solver with them (this one is unchanged)
     * @throws IllegalArgumentException for the wrong number of operators
     * @throws dev.lindblad.DimensionMismatchException for an operator of other dimensions
     */
    public SmeSolver withMOps(List<Qobj> mOps) {
        return new SmeSolver(this, StochasticSystems.checkMOps(NAME, mOps, monitoredEvos.size(), options.heterodyne(), operDims),
                dWFactors);
    }

    /**
     * QuTiP's {@code solver.dW_factors = ...}: the factors of the noise in the measurement
     * records, one per record channel (default 1, and √2 for heterodyne detection); 0 makes
     * the records the measured expectations alone.
     *
     * @param dWFactors one finite factor per record channel
     * @return a solver with them (this one is unchanged)
     */
    public SmeSolver withDWFactors(double... dWFactors) {
        return new SmeSolver(this, mOps, StochasticSystems.checkDWFactors(NAME, dWFactors, monitoredEvos.size(),
                options.heterodyne()));
    }

    /** @return the measurement operators of the records: those given, or QuTiP's defaults ({@code c + c†}, {@code -i(c - c†)}) */
    public List<? extends dev.lindblad.QobjLike> mOps() {
        return mOps != null ? mOps : StochasticSystems.defaultMOps(monitoredEvos, options.heterodyne());
    }

    /** @return the noise factors of the records: those given, or QuTiP's defaults (1, √2 for heterodyne) */
    public double[] dWFactors() {
        return dWFactors != null ? dWFactors.clone()
                : StochasticSystems.defaultDWFactors(monitoredEvos.size(), options.heterodyne());
    }

    /** Whether every constant product has a kernel in split layout (banded operators: split-DIA storage). */
    private static boolean splitLayout(dev.lindblad.data.LinearMap superoperator,
                                       dev.lindblad.data.LinearMap[] diffusionMaps) {
        if (!dev.lindblad.data.Data.hasSplitLayoutKernel(superoperator)) {
            return false;
        }
        for (dev.lindblad.data.LinearMap d : diffusionMaps) {
            if (!dev.lindblad.data.Data.hasSplitLayoutKernel(d)) {
                return false;
            }
        }
        return true;
    }

    static boolean isImplicit(String method) {
        return method.equals("milstein_imp") || method.equals("taylor1.5_imp");
    }

    /** @return the equation (for the tests of the methods) */
    SmeSystem system() {
        return system;
    }

    /** @return the options */
    public StochasticOptions options() {
        return options;
    }

    /**
     * Runs the trajectories.
     *
     * @param rho0  initial density matrix, or a ket (its projector)
     * @param tlist output times, non-decreasing; the first is the initial time
     * @param eOps  operators whose expectation values are averaged (null or empty: none)
     * @return the averages, the measurements when stored, the seeds
     * @throws TrajectoryException        when a trajectory throws and failures are not skipped
     * @throws SolverInterruptedException when the calling thread is interrupted
     */
    public StochasticResult run(Qobj rho0, double[] tlist, List<Qobj> eOps) {
        return run(rho0, tlist, eOps, null, null);
    }

    /**
     * @param rho0   initial density matrix, or a ket
     * @param tlist  output times, non-decreasing
     * @param eOps   operators (null: none)
     * @param eFuncs callbacks {@code f(t, ρ)}, averaged after the operators (null: none)
     * @return the averages, the measurements when stored, the seeds
     */
    public StochasticResult run(Qobj rho0, double[] tlist, List<Qobj> eOps, List<ExpectFunction> eFuncs) {
        return run(rho0, tlist, eOps, eFuncs, null);
    }

    /**
     * Runs one trajectory per given seed (QuTiP's {@code seeds=}): trajectory i draws from
     * {@code new SplittableRandom(seeds[i])}, so the seeds of an earlier run
     * ({@link StochasticResult#seeds()}, or some of them) rerun those trajectories exactly. The
     * options' {@code ntraj} and master {@code seed} are not used.
     *
     * @param rho0   initial density matrix, or a ket
     * @param tlist  output times, non-decreasing
     * @param eOps   operators (null: none)
     * @param eFuncs callbacks, averaged after the operators (null: none)
     * @param seeds  one seed per trajectory, at least one; null: {@code ntraj} seeds derived
     *               from the master seed, as the other forms
     * @return the averages, the measurements when stored, the seeds
     */
    public StochasticResult run(Qobj rho0, double[] tlist, List<Qobj> eOps, List<ExpectFunction> eFuncs,
                                long[] seeds) {
        long start = System.nanoTime();
        Objects.requireNonNull(rho0, NAME + ": rho0 (the initial state) is null");
        double[] times = Evolution.checkTimes(NAME, tlist);
        double[] y0 = StochasticSystems.initialDensity(NAME, rho0, operDims);
        List<Qobj> ops = StochasticEngine.checkEOps(NAME, eOps, operDims);
        List<ExpectFunction> funcs = new ArrayList<>(Evolution.elements(NAME, "eFuncs", eFuncs));
        StochasticEngine engine = engine(y0, times, ops, funcs, start).shippable(rebuild(rho0, tlist, eOps, eFuncs));
        return (seeds == null ? engine : engine.seeds(seeds)).execute();
    }

    /**
     * QuTiP's {@code run_from_experiment}: one trajectory driven by given noise instead of random
     * noise, one step per output interval (evenly spaced output times; the options' {@code dt} is
     * not used). {@code noise[k][i]} belongs to record channel k (for heterodyne detection two per
     * monitored operator) and interval i: the Wiener increment ΔW, or with {@code measurement}
     * the measured current of the default records taken at the start of the interval (as
     * {@code withStoreMeasurement("start")} records them), from which each step recovers its
     * increment. A forward run's {@code wiener(0)} or {@code measurement(0)} thus replays it;
     * a laboratory's record gives the state it implies (quantum filtering). Methods
     * {@code euler}, {@code milstein}, {@code platen}, {@code pred_corr}, {@code rouchon} and the
     * implicit ones; the result holds one trajectory, its records as the options ask.
     *
     * @param rho0        initial density matrix, or a ket
     * @param tlist       output times, evenly spaced
     * @param noise       {@code [channel][interval]}
     * @param eOps        operators (null: none)
     * @param measurement whether the noise is the measured currents (else the increments)
     * @return the trajectory
     * @throws IllegalArgumentException for noise of the wrong shape, uneven times, or a method
     *                                  that needs the double integral of the noise
     */
    public StochasticResult runFromExperiment(Qobj rho0, double[] tlist, double[][] noise, List<Qobj> eOps,
                                              boolean measurement) {
        long start = System.nanoTime();
        Objects.requireNonNull(rho0, NAME + ": rho0 (the initial state) is null");
        double[] times = Evolution.checkTimes(NAME, tlist);
        Objects.requireNonNull(noise, NAME + ": noise is null");
        double[] y0 = StochasticSystems.initialDensity(NAME, rho0, operDims);
        List<Qobj> ops = StochasticEngine.checkEOps(NAME, eOps, operDims);
        return engine(y0, times, ops, new ArrayList<>(), start).fromExperiment(noise, measurement).execute();
    }

    private StochasticEngine engine(double[] y0, double[] times, List<Qobj> ops, List<ExpectFunction> funcs, long start) {
        return new StochasticEngine(NAME, system, true, n, operDims, options, y0, times, ops, funcs, start).measurementOps(mOps, dWFactors);
    }

    /** The same run built again from the inputs, on an executor (no map there: it runs serially). */
    private StochasticEngine.Rebuild rebuild(Qobj rho0, double[] tlist, List<Qobj> eOps, List<ExpectFunction> eFuncs) {
        QobjEvo h = hamiltonianEvo;
        List<QobjEvo> c = collapseEvos;
        List<QobjEvo> sc = monitoredEvos;
        StochasticOptions local = options.withoutMap();
        double[] times = tlist.clone();
        List<Qobj> ops = eOps == null ? null : new ArrayList<>(eOps);
        List<ExpectFunction> funcs = eFuncs == null ? null : new ArrayList<>(eFuncs);
        List<Qobj> m = mOps;
        double[] f = dWFactors;
        return () -> {
            SmeSolver solver = new SmeSolver(new SmeSolver(h, c, sc, local), m, f);
            return solver.engine(StochasticSystems.initialDensity(NAME, rho0, solver.operDims), times,
                    StochasticEngine.checkEOps(NAME, ops, solver.operDims),
                    new ArrayList<>(Evolution.elements(NAME, "eFuncs", funcs)), System.nanoTime());
        };
    }
}
