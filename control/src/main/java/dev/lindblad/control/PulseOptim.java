package dev.lindblad.control;

import dev.lindblad.Qobj;
import dev.lindblad.Superops;
import dev.lindblad.parallel.Parallelism;
import dev.lindblad.parallel.TaskMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * Quantum optimal control, QuTiP 4.7's {@code qutip.control.pulseoptim} (qtrl): find
 * piecewise-constant control amplitudes {@code u_kj} (slice k of {@code nTs}, control j) that
 * take the initial operator to the target in time {@code evoTime}.
 *
 * <ul>
 *   <li>GRAPE (the default): the fidelity error and its exact gradient (see
 *       {@link PulseDynamics}) minimised by the bounded quasi-Newton {@link LbfgsB};</li>
 *   <li>CRAB: each control a Fourier series with random frequencies ({@code numCoeffs} sine and
 *       cosine coefficients), the coefficients minimised by {@link NelderMead} (no gradient).</li>
 * </ul>
 * Termination as qtrl: the first evaluation whose error is at most {@code fidErrTarg}
 * ({@code "Goal achieved"}); a gradient whose 2-norm is below {@code minGrad}; L-BFGS-B's own
 * convergence ({@code "function converged"}); {@code maxIter}; {@code maxWallTime} checked after
 * each iteration. {@link OptimResult#terminationReason()} says which.
 *
 * <p>Parallel: inside one start, the slices' propagators and gradients run over the kernel
 * threads; several starts ({@code numStarts}) run at once on {@link PulseOptions#map()}, each
 * from its own random pulse (seeds drawn in order from the master seed), and the best is kept.
 * A seeded run gives the same bits on any thread count and map (a wall-time limit aside).
 *
 * <p>Example, a CNOT from an exchange drift and single-qubit controls:
 * <pre>{@code
 * Qobj hd = tensor(sigmax(), sigmax()).plus(tensor(sigmay(), sigmay())).plus(tensor(sigmaz(), sigmaz())).times(0.5);
 * List<Qobj> hc = List.of(tensor(sigmax(), qeye(2)), tensor(sigmay(), qeye(2)),
 *                         tensor(qeye(2), sigmax()), tensor(qeye(2), sigmay()));
 * OptimResult r = PulseOptim.optimizePulseUnitary(hd, hc, tensor(qeye(2), qeye(2)), cnot, 100, 6.0,
 *         PulseOptions.defaults().withAmpBounds(-5, 5).withSeed(1L));
 * r.fidErr(); r.finalAmps();   // [100][4]
 * }</pre>
 */
public final class PulseOptim {

    private PulseOptim() {
    }

    /**
     * Optimises the pulses of a closed system with qtrl's defaults ({@link PulseOptions#defaults()}).
     *
     * @see #optimizePulseUnitary(Qobj, List, Qobj, Qobj, int, double, PulseOptions)
     */
    public static OptimResult optimizePulseUnitary(Qobj hd, List<Qobj> hc, Qobj u0, Qobj uTarg, int nTs,
                                                   double evoTime) {
        return optimizePulseUnitary(hd, hc, u0, uTarg, nTs, evoTime, PulseOptions.defaults());
    }

    /**
     * QuTiP's {@code optimize_pulse_unitary}: a closed system {@code H(t) = H_d + Σ_j u_j(t) H_j},
     * fidelity {@code "PSU"} unless {@link PulseOptions#fidType()} says otherwise.
     *
     * @param hd      the drift Hamiltonian
     * @param hc      the control Hamiltonians
     * @param u0      the initial operator (usually the identity) or state
     * @param uTarg   the target gate or state
     * @param nTs     number of slices
     * @param evoTime total time
     * @param options the options
     * @return the result
     */
    public static OptimResult optimizePulseUnitary(Qobj hd, List<Qobj> hc, Qobj u0, Qobj uTarg, int nTs,
                                                   double evoTime, PulseOptions options) {
        Objects.requireNonNull(options, "options");
        return optimize(PulseDynamics.unitary(hd, hc, u0, uTarg, nTs, evoTime, options.fidType()), options);
    }

    /**
     * {@code optimize_pulse_unitary} with qtrl's {@code tau}: slices of given durations (slice k
     * lasts {@code tau[k]}, the total time is their sum), e.g. short slices where the pulse must
     * change fast. Gradients are exact for every slice. The initial pulses are evaluated at the
     * slices' start times.
     *
     * @param hd      the drift Hamiltonian
     * @param hc      the control Hamiltonians
     * @param u0      the initial operator or state
     * @param uTarg   the target gate or state
     * @param tau     the slice durations, each finite and positive
     * @param options the options
     * @return the result
     */
    public static OptimResult optimizePulseUnitary(Qobj hd, List<Qobj> hc, Qobj u0, Qobj uTarg, double[] tau,
                                                   PulseOptions options) {
        Objects.requireNonNull(options, "options");
        return optimize(PulseDynamics.unitary(hd, hc, u0, uTarg, tau, options.fidType()), options);
    }

    /**
     * {@code optimize_pulse} for general dynamics with qtrl's {@code tau}: slices of given
     * durations (see {@link #optimizePulse(Qobj, List, Qobj, Qobj, int, double, PulseOptions)}).
     *
     * @param drift   the drift generator
     * @param ctrls   the control generators
     * @param initial the initial matrix
     * @param target  the target
     * @param tau     the slice durations, each finite and positive
     * @param options the options ({@code fidType} null or {@code "TRACEDIFF"})
     * @return the result
     */
    public static OptimResult optimizePulse(Qobj drift, List<Qobj> ctrls, Qobj initial, Qobj target, double[] tau,
                                            PulseOptions options) {
        Objects.requireNonNull(options, "options");
        requireTraceDiff(options);
        return optimize(PulseDynamics.general(drift, ctrls, initial, target, tau), options);
    }

    private static void requireTraceDiff(PulseOptions options) {
        if (options.fidType() != null && !options.fidType().equals("TRACEDIFF")) {
            throw new IllegalArgumentException("general (open-system) dynamics take fidType \"TRACEDIFF\", got \""
                    + options.fidType() + "\"");
        }
    }

    /**
     * QuTiP's {@code optimize_pulse} for general dynamics {@code dX/dt = (L_d + Σ_j u_j L_j) X}:
     * the generators as given, e.g. Liouvillians ({@code liouvillian(H0, cOps)},
     * {@code liouvillian(Hj)}) with initial the identity superoperator and target
     * {@code sprepost(U, U.dag())}. The fidelity is {@code "TRACEDIFF"}.
     *
     * @param drift   the drift generator
     * @param ctrls   the control generators
     * @param initial the initial matrix
     * @param target  the target
     * @param nTs     number of slices
     * @param evoTime total time
     * @param options the options ({@code fidType} null or {@code "TRACEDIFF"})
     * @return the result
     */
    public static OptimResult optimizePulse(Qobj drift, List<Qobj> ctrls, Qobj initial, Qobj target, int nTs,
                                            double evoTime, PulseOptions options) {
        Objects.requireNonNull(options, "options");
        if (options.fidType() != null && !options.fidType().equals("TRACEDIFF")) {
            throw new IllegalArgumentException("general (open-system) dynamics take fidType \"TRACEDIFF\", got \""
                    + options.fidType() + "\"");
        }
        return optimize(PulseDynamics.general(drift, ctrls, initial, target, nTs, evoTime), options);
    }

    /**
     * An open system given by Hamiltonians and collapse operators: the drift is
     * {@code liouvillian(H0, cOps)}, control j is {@code liouvillian(Hc_j)} ({@code -i[Hc_j, ·]}).
     * An initial or target that is an operator on the system is taken as its channel
     * {@code ρ → A ρ A^†} ({@code sprepost(A, A.dag())}); a superoperator or operator-ket is used
     * as it is.
     *
     * @param h0      the drift Hamiltonian
     * @param hc      the control Hamiltonians
     * @param cOps    the collapse operators
     * @param initial the initial operator (e.g. the identity) or superoperator
     * @param target  the target gate or superoperator
     * @param nTs     number of slices
     * @param evoTime total time
     * @param options the options
     * @return the result
     */
    public static OptimResult optimizePulse(Qobj h0, List<Qobj> hc, List<Qobj> cOps, Qobj initial, Qobj target,
                                            int nTs, double evoTime, PulseOptions options) {
        return optimizePulse(h0, hc, cOps, initial, target, PulseDynamics.tau(nTs, evoTime), options);
    }

    /**
     * The open system of {@link #optimizePulse(Qobj, List, List, Qobj, Qobj, int, double, PulseOptions)}
     * with slices of given durations (qtrl's {@code tau}): slice k lasts {@code tau[k]}.
     *
     * @param h0      the drift Hamiltonian
     * @param hc      the control Hamiltonians
     * @param cOps    the collapse operators
     * @param initial the initial operator (e.g. the identity) or superoperator
     * @param target  the target gate or superoperator
     * @param tau     the slice durations, each finite and positive
     * @param options the options
     * @return the result
     */
    public static OptimResult optimizePulse(Qobj h0, List<Qobj> hc, List<Qobj> cOps, Qobj initial, Qobj target,
                                            double[] tau, PulseOptions options) {
        Objects.requireNonNull(h0, "H0");
        Objects.requireNonNull(hc, "Hc");
        Objects.requireNonNull(cOps, "cOps");
        Qobj drift = Superops.liouvillian(h0, cOps);
        List<Qobj> ctrls = new ArrayList<>();
        for (int j = 0; j < hc.size(); j++) {
            ctrls.add(Superops.liouvillian(Objects.requireNonNull(hc.get(j), "control Hamiltonian " + j)));
        }
        return optimizePulse(drift, ctrls, asChannel(initial, h0, "initial"), asChannel(target, h0, "target"), tau,
                options);
    }

    /**
     * GRAPE from given initial amplitudes, as qtrl's {@code create_pulse_optimizer} followed by
     * {@code dynamics.initialize_controls(amps)} and {@code run_optimization()}: a warm start, or
     * the same start on two programs. {@code initPulseType}, {@code pulseScaling},
     * {@code pulseOffset}, {@code seed} and {@code numStarts} do not apply (one start); amplitudes
     * outside the bounds are moved onto them.
     *
     * @param dynamics    the problem ({@link PulseDynamics#unitary} or {@link PulseDynamics#general});
     *                    its fidelity is the one it was made with
     * @param initialAmps {@code [nTs][nCtrls]} starting amplitudes
     * @param options     the options; {@code alg} must be GRAPE
     * @return the result
     */
    public static OptimResult optimizePulse(PulseDynamics dynamics, double[][] initialAmps, PulseOptions options) {
        Objects.requireNonNull(dynamics, "dynamics");
        Objects.requireNonNull(options, "options");
        if (!options.alg().equals("GRAPE")) {
            throw new IllegalArgumentException("optimizing from given amplitudes needs alg \"GRAPE\", got \""
                    + options.alg() + "\"");
        }
        double[] start = dynamics.flatten(initialAmps);
        checkBounds(options, dynamics.nCtrls());
        return runStart(dynamics.copy(), options, 0L, options.seed() == null ? 0L : options.seed(), start);
    }

    /** Refuses per-control bounds whose length is not the number of controls, before any work. */
    private static void checkBounds(PulseOptions o, int nCtrls) {
        o.lowerBounds(nCtrls);
        o.upperBounds(nCtrls);
    }

    private static Qobj asChannel(Qobj a, Qobj h0, String name) {
        Objects.requireNonNull(a, name);
        if (a.isOper() && a.dims().equals(h0.dims())) {
            return Superops.sprepost(a, a.dag());
        }
        return a;
    }

    /** Runs every start and keeps the best. */
    static OptimResult optimize(PulseDynamics problem, PulseOptions options) {
        long master = options.seed() != null ? options.seed() : ThreadLocalRandom.current().nextLong();
        SplittableRandom root = new SplittableRandom(master);
        int starts = options.numStarts();
        long[] seeds = new long[starts];
        for (int i = 0; i < starts; i++) {
            seeds[i] = root.nextLong();
        }
        checkBounds(options, problem.nCtrls());
        long t0 = System.nanoTime();
        if (starts == 1) {
            return runStart(problem, options, seeds[0], master, null);
        }
        TaskMap map = options.map() != null ? options.map()
                : TaskMap.threads(Math.min(starts, Parallelism.threads()));
        List<Integer> idx = IntStream.range(0, starts).boxed().toList();
        List<OptimResult> results = map.map(idx, new StartFunction(problem, options, seeds, master));
        int best = 0;
        double[] errs = new double[starts];
        for (int i = 0; i < starts; i++) {
            errs[i] = results.get(i).fidErr();
            if (errs[i] < errs[best]) {
                best = i;
            }
        }
        return results.get(best).withStarts(best, errs, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The per-start task function. It carries the problem (plain arrays), the options without
     * their map and the seeds, so that it can be serialised to a distributed map's executors
     * (e.g. {@code SparkTaskMap}); each task runs on its own {@link PulseDynamics#copy()}.
     */
    static final class StartFunction implements java.util.function.Function<Integer, OptimResult>,
            java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final PulseDynamics problem;
        private final PulseOptions options;
        private final long[] seeds;
        private final long master;

        StartFunction(PulseDynamics problem, PulseOptions options, long[] seeds, long master) {
            this.problem = problem;
            this.options = options.withMap(null);   // the map does not travel; a start runs on its task's thread
            this.seeds = seeds.clone();
            this.master = master;
        }

        @Override
        public OptimResult apply(Integer i) {
            return runStart(problem.copy(), options, seeds[i], master, null);
        }
    }

    /** One start: its own pulse from its own seed (or the given amplitudes), its own dynamics. */
    static OptimResult runStart(PulseDynamics problem, PulseOptions o, long seed, long master, double[] given) {
        long t0 = System.nanoTime();
        Dynamics dyn = problem.dynamics();
        double[] tau = problem.tauArray();
        int nTs = tau.length;
        int nc = problem.nCtrls();
        SplittableRandom rnd = new SplittableRandom(seed);
        double deadline = o.maxWallTime();
        double[] time = new double[nTs + 1];
        for (int k = 0; k < nTs; k++) {
            time[k + 1] = time[k] + tau[k];
        }
        double[] lbs = o.lowerBounds(nc);
        double[] ubs = o.upperBounds(nc);
        double[] initialAmps;
        double[] finalAmps;
        double initialErr;
        Qobj evoInitial;
        int iterations;
        int calls;
        double gradNorm = 0;
        OptimResult.Termination why;
        if (o.alg().equals("GRAPE")) {
            String type = o.initPulseType() == null ? "RND" : o.initPulseType();
            initialAmps = new double[nTs * nc];
            for (int j = 0; j < nc && given == null; j++) {
                double[] p = PulseGen.generate(type, tau, o.pulseScaling(), o.pulseOffset(), lbs[j], ubs[j], rnd);
                for (int k = 0; k < nTs; k++) {
                    initialAmps[k * nc + j] = p[k];
                }
            }
            if (given != null) {
                for (int p = 0; p < initialAmps.length; p++) {
                    initialAmps[p] = Math.min(ubs[p % nc], Math.max(lbs[p % nc], given[p]));
                }
            }
            initialErr = dyn.fidErr(initialAmps);
            evoInitial = problem.evo(dyn);
            double[] lo = new double[nTs * nc];
            double[] hi = new double[nTs * nc];
            for (int p = 0; p < lo.length; p++) {
                lo[p] = lbs[p % nc];
                hi[p] = ubs[p % nc];
            }
            double[] lastGradNorm = {0};
            LbfgsB.Objective obj = new LbfgsB.Objective() {
                @Override
                public double value(double[] x) {
                    return dyn.fidErr(x);
                }

                @Override
                public void gradient(double[] x, double[] g) {
                    dyn.fidErrGrad(g);
                }
            };
            LbfgsB.Monitor mon = new LbfgsB.Monitor() {
                @Override
                public String afterValue(double[] x, double f) {
                    return f <= o.fidErrTarg() ? OptimResult.Termination.GOAL_ACHIEVED.name() : null;
                }

                @Override
                public String afterGradient(double[] x, double f, double[] g) {
                    double s = 0;
                    for (double v : g) {
                        s += v * v;
                    }
                    lastGradNorm[0] = Math.sqrt(s);
                    return lastGradNorm[0] < o.minGrad() ? OptimResult.Termination.GRAD_MIN_REACHED.name() : null;
                }

                @Override
                public String afterIteration(int iteration, double[] x, double f) {
                    return (System.nanoTime() - t0) / 1e9 > deadline ? OptimResult.Termination.MAX_WALL_TIME.name()
                            : null;
                }
            };
            LbfgsB.Settings settings = new LbfgsB.Settings(o.maxMetricCorr(), o.accuracyFactor(), o.minGrad(),
                    o.maxIter(), Integer.MAX_VALUE, 20);
            LbfgsB.Result r = LbfgsB.minimize(obj, initialAmps, lo, hi, settings, mon);
            finalAmps = r.x();
            iterations = r.iterations();
            calls = r.evaluations();
            gradNorm = lastGradNorm[0];
            why = switch (r.status()) {
                case CONVERGED_PGTOL, CONVERGED_FACTR -> OptimResult.Termination.FUNCTION_CONVERGED;
                case MAX_ITER, MAX_EVAL -> OptimResult.Termination.MAX_ITER;
                case LINE_SEARCH_FAILED -> OptimResult.Termination.LINE_SEARCH_FAILED;
                case STOPPED -> OptimResult.Termination.valueOf(r.message());
            };
        } else {
            int numCoeffs = o.numCoeffs() > 0 ? o.numCoeffs() : Math.max(2, problem.dim() - 1);
            double[][] guesses = new double[nc][];
            if (o.initPulseType() != null) {
                for (int j = 0; j < nc; j++) {
                    guesses[j] = PulseGen.generate(o.initPulseType(), tau, o.pulseScaling(), o.pulseOffset(),
                            lbs[j], ubs[j], rnd);
                }
            }
            CrabFourier[] basis = new CrabFourier[nc];
            int nVars = 0;
            for (int j = 0; j < nc; j++) {
                basis[j] = CrabFourier.random(numCoeffs, tau, o.pulseScaling(), lbs[j], ubs[j], guesses[j], rnd);
                nVars += basis[j].numVars();
            }
            double[] x0 = new double[nVars];
            int at = 0;
            for (CrabFourier b : basis) {
                System.arraycopy(b.initialCoeffs, 0, x0, at, b.numVars());
                at += b.numVars();
            }
            initialAmps = crabAmps(basis, x0, nTs, nc);
            initialErr = dyn.fidErr(initialAmps);
            evoInitial = problem.evo(dyn);
            NelderMead.Monitor mon = new NelderMead.Monitor() {
                @Override
                public String afterValue(double[] x, double f) {
                    return f <= o.fidErrTarg() ? OptimResult.Termination.GOAL_ACHIEVED.name() : null;
                }

                @Override
                public String afterIteration(int iteration, double[] x, double f) {
                    return (System.nanoTime() - t0) / 1e9 > deadline ? OptimResult.Termination.MAX_WALL_TIME.name()
                            : null;
                }
            };
            NelderMead.Settings settings = new NelderMead.Settings(1e-4, 1e-4, Math.max(1, o.maxIter()),
                    Integer.MAX_VALUE);
            NelderMead.Result r = NelderMead.minimize(c -> dyn.fidErr(crabAmps(basis, c, nTs, nc)), x0, settings,
                    mon);
            finalAmps = crabAmps(basis, r.x(), nTs, nc);
            iterations = r.iterations();
            calls = r.evaluations();
            why = switch (r.status()) {
                case CONVERGED -> OptimResult.Termination.SIMPLEX_CONVERGED;
                case MAX_ITER -> OptimResult.Termination.SIMPLEX_MAX_ITER;
                case MAX_EVAL -> OptimResult.Termination.SIMPLEX_MAX_EVAL;
                case STOPPED -> OptimResult.Termination.valueOf(r.message());
            };
        }
        double err = dyn.fidErr(finalAmps);
        Qobj evoFinal = problem.evo(dyn);
        return new OptimResult(err, initialErr, gradNorm, PulseDynamics.unflatten(initialAmps, nc),
                PulseDynamics.unflatten(finalAmps, nc), evoInitial, evoFinal, iterations, calls, why,
                (System.nanoTime() - t0) / 1e9, time, master, 0, new double[] {err});
    }

    private static double[] crabAmps(CrabFourier[] basis, double[] coeffs, int nTs, int nc) {
        double[] amps = new double[nTs * nc];
        int at = 0;
        for (int j = 0; j < nc; j++) {
            basis[j].pulse(coeffs, at, amps, j, nc);
            at += basis[j].numVars();
        }
        return amps;
    }
}
