package dev.lindblad.solver;

import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.QobjLike;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The stochastic Schrödinger equation of continuous measurement, as QuTiP 5's {@code ssesolve}:
 * each trajectory is a ket under diffusive (homodyne or heterodyne) monitoring of the operators
 * {@code c_i},
 * <pre>
 * dψ = [-iH - ½ sum_i (c_i^†c_i - e_i c_i + e_i²/4)] ψ dt + sum_i (c_i - e_i/2) ψ dW_i,
 * e_i = &lt;ψ|c_i + c_i^†|ψ&gt;,
 * </pre>
 * with independent Wiener increments {@code dW_i}; the measured current of channel i is
 * {@code J_i = e_i + dW_i/dt}. Heterodyne detection monitors {@code c/√2} and {@code -i c/√2}
 * for each c ({@link StochasticOptions#heterodyne()}). The average of {@code |ψ><ψ|} over
 * trajectories converges to {@code mesolve} with collapse operators {@code c_i}.
 *
 * <p>Integration is by fixed steps of {@link StochasticOptions#dt()} fitted to each output
 * interval, with the method of {@link StochasticOptions#method()} ({@code "platen"} by default;
 * {@code "taylor1.5"}, {@code "milstein_imp"} and {@code "taylor1.5_imp"} are for {@link SmeSolver}
 * only, as in QuTiP 5). Trajectories, seeds,
 * reproducibility on every {@link dev.lindblad.parallel.TaskMap}, target tolerance, timeout and
 * failures are those of {@link McSolver}. H and the c_i may depend on time ({@link QobjEvo}).
 * The solver is built once for a system and may run many initial states, concurrently.
 */
public final class SseSolver {
    static final String NAME = "ssesolve";

    private final StochasticOptions options;
    private final Dims operDims;
    private final int n;
    private final SseSystem system;
    /** The inputs as given, so that a cluster's executor can build the same solver again. */
    private final QobjEvo hamiltonianEvo;
    private final List<QobjEvo> monitoredEvos;
    /** QuTiP's {@code m_ops} and {@code dW_factors} when set ({@link #withMOps}, {@link #withDWFactors}); null: the defaults. */
    private final List<Qobj> mOps;
    private final double[] dWFactors;

    /**
     * @param hamiltonian the Hamiltonian, constant or time-dependent (an operator)
     * @param scOps       the monitored operators {@code c_i}; none (as QuTiP 5 allows) integrates the
     *                    deterministic equation with the stochastic method's fixed steps
     * @param options     the stochastic options
     */
    public SseSolver(QobjLike hamiltonian, List<? extends QobjLike> scOps, StochasticOptions options) {
        this.operDims = StochasticSystems.checkHamiltonian(NAME, hamiltonian);
        this.options = Objects.requireNonNull(options, NAME + ": options is null");
        Objects.requireNonNull(scOps, NAME + ": scOps (the monitored operators) is null");
        this.n = operDims.rows();
        List<QobjEvo> sc = StochasticSystems.operators(NAME, "scOps", scOps, operDims);
        List<QobjEvo> s = StochasticSystems.monitored(sc, options.heterodyne());
        EvoOp m = StochasticSystems.nonHermitian(hamiltonian.asEvo(), s);
        this.system = new SseSystem(n, m, StochasticSystems.ops(s));
        this.hamiltonianEvo = hamiltonian.asEvo();
        this.monitoredEvos = new ArrayList<>(sc);
        SdeStepper.create(options.method(), system.forOneRun(), NAME);
        this.mOps = null;
        this.dWFactors = null;
    }

    /** A copy of base with other measurement operators or noise factors (the equation is shared). */
    private SseSolver(SseSolver base, List<Qobj> mOps, double[] dWFactors) {
        this.options = base.options;
        this.operDims = base.operDims;
        this.n = base.n;
        this.system = base.system;
        this.hamiltonianEvo = base.hamiltonianEvo;
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
    public SseSolver withMOps(List<Qobj> mOps) {
        return new SseSolver(this, StochasticSystems.checkMOps(NAME, mOps, monitoredEvos.size(), options.heterodyne(), operDims),
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
    public SseSolver withDWFactors(double... dWFactors) {
        return new SseSolver(this, mOps, StochasticSystems.checkDWFactors(NAME, dWFactors, monitoredEvos.size(),
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

    /** @return the equation (for the tests of the methods) */
    SseSystem system() {
        return system;
    }

    /** @return the options */
    public StochasticOptions options() {
        return options;
    }

    /**
     * Runs the trajectories.
     *
     * @param psi0  initial ket (normalised here)
     * @param tlist output times, non-decreasing; the first is the initial time
     * @param eOps  operators whose expectation values are averaged (null or empty: none)
     * @return the averages, the measurements when stored, the seeds
     * @throws TrajectoryException        when a trajectory throws and failures are not skipped
     * @throws SolverInterruptedException when the calling thread is interrupted
     */
    public StochasticResult run(Qobj psi0, double[] tlist, List<Qobj> eOps) {
        return run(psi0, tlist, eOps, null, null);
    }

    /**
     * @param psi0   initial ket (normalised here)
     * @param tlist  output times, non-decreasing
     * @param eOps   operators (null: none)
     * @param eFuncs callbacks {@code f(t, ψ)} on the normalised ket, averaged after the operators
     *               (null: none)
     * @return the averages, the measurements when stored, the seeds
     */
    public StochasticResult run(Qobj psi0, double[] tlist, List<Qobj> eOps, List<ExpectFunction> eFuncs) {
        return run(psi0, tlist, eOps, eFuncs, null);
    }

    /**
     * Runs one trajectory per given seed (QuTiP's {@code seeds=}): trajectory i draws from
     * {@code new SplittableRandom(seeds[i])}, so the seeds of an earlier run
     * ({@link StochasticResult#seeds()}, or some of them) rerun those trajectories exactly. The
     * options' {@code ntraj} and master {@code seed} are not used.
     *
     * @param psi0   initial ket (normalised here)
     * @param tlist  output times, non-decreasing
     * @param eOps   operators (null: none)
     * @param eFuncs callbacks, averaged after the operators (null: none)
     * @param seeds  one seed per trajectory, at least one; null: {@code ntraj} seeds derived
     *               from the master seed, as the other forms
     * @return the averages, the measurements when stored, the seeds
     */
    public StochasticResult run(Qobj psi0, double[] tlist, List<Qobj> eOps, List<ExpectFunction> eFuncs,
                                long[] seeds) {
        long start = System.nanoTime();
        Objects.requireNonNull(psi0, NAME + ": psi0 (the initial state) is null");
        double[] times = Evolution.checkTimes(NAME, tlist);
        double[] y0 = StochasticSystems.initialKet(NAME, psi0, operDims);
        List<Qobj> ops = StochasticEngine.checkEOps(NAME, eOps, operDims);
        List<ExpectFunction> funcs = new ArrayList<>(Evolution.elements(NAME, "eFuncs", eFuncs));
        StochasticEngine engine = engine(y0, times, ops, funcs, start).shippable(rebuild(psi0, tlist, eOps, eFuncs));
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
     * @param psi0        initial ket (normalised here)
     * @param tlist       output times, evenly spaced
     * @param noise       {@code [channel][interval]}
     * @param eOps        operators (null: none)
     * @param measurement whether the noise is the measured currents (else the increments)
     * @return the trajectory
     * @throws IllegalArgumentException for noise of the wrong shape, uneven times, or a method
     *                                  that needs the double integral of the noise
     */
    public StochasticResult runFromExperiment(Qobj psi0, double[] tlist, double[][] noise, List<Qobj> eOps,
                                              boolean measurement) {
        long start = System.nanoTime();
        Objects.requireNonNull(psi0, NAME + ": psi0 (the initial state) is null");
        double[] times = Evolution.checkTimes(NAME, tlist);
        Objects.requireNonNull(noise, NAME + ": noise is null");
        double[] y0 = StochasticSystems.initialKet(NAME, psi0, operDims);
        List<Qobj> ops = StochasticEngine.checkEOps(NAME, eOps, operDims);
        return engine(y0, times, ops, new ArrayList<>(), start).fromExperiment(noise, measurement).execute();
    }

    private StochasticEngine engine(double[] y0, double[] times, List<Qobj> ops, List<ExpectFunction> funcs, long start) {
        return new StochasticEngine(NAME, system, false, n, operDims, options, y0, times, ops, funcs, start).measurementOps(mOps, dWFactors);
    }

    /** The same run built again from the inputs, on an executor (no map there: it runs serially). */
    private StochasticEngine.Rebuild rebuild(Qobj psi0, double[] tlist, List<Qobj> eOps, List<ExpectFunction> eFuncs) {
        QobjEvo h = hamiltonianEvo;
        List<QobjEvo> sc = monitoredEvos;
        StochasticOptions local = options.withoutMap();
        double[] times = tlist.clone();
        List<Qobj> ops = eOps == null ? null : new ArrayList<>(eOps);
        List<ExpectFunction> funcs = eFuncs == null ? null : new ArrayList<>(eFuncs);
        List<Qobj> m = mOps;
        double[] f = dWFactors;
        return () -> {
            SseSolver solver = new SseSolver(new SseSolver(h, sc, local), m, f);
            return solver.engine(StochasticSystems.initialKet(NAME, psi0, solver.operDims), times,
                    StochasticEngine.checkEOps(NAME, ops, solver.operDims),
                    new ArrayList<>(Evolution.elements(NAME, "eFuncs", funcs)), System.nanoTime());
        };
    }
}
