package dev.lindblad.heom;

import dev.lindblad.Complex;
import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.Superops;
import dev.lindblad.data.Data;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.ode.IntegrationFailure;
import dev.lindblad.ode.Integrator;
import dev.lindblad.ode.Integrators;
import dev.lindblad.solver.Progress;
import dev.lindblad.solver.SolverOptions;
import dev.lindblad.solver.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The hierarchical equations of motion (HEOM) solver, as QuTiP's {@code HEOMSolver}: a system
 * with Hamiltonian (or Liouvillian) {@code H}, coupled to one or more bosonic and fermionic
 * baths, each given by the exponential expansion of its correlation function. The hierarchy of
 * auxiliary density operators (ADOs) over the exponents of all baths, truncated at
 * {@code maxDepth} excitations, is built once ({@link HierarchyAdos}); its generator is the
 * matrix QuTiP assembles, applied here block by block on the kernel threads (see
 * {@code HierarchyGenerator}: {@code d rho_n/dt = (L_sys - sum_k n_k vk) rho_n + couplings to
 * rho_{n ± e_k}}).
 *
 * <pre>{@code
 * Qobj Q = sigmaz();
 * DrudeLorentzBath bath = new DrudeLorentzBath(Q, 0.1, 0.5, 0.5, 2);
 * HeomSolver solver = new HeomSolver(H, List.of(bath), 5, HeomOptions.defaults());
 * HeomResult r = solver.run(rho0, linspace(0, 20, 201), List.of(sigmaz()));
 * }</pre>
 *
 * <p>Bosonic and fermionic baths may be mixed (as QuTiP 5; QuTiP 4.7 allows one kind at a
 * time): the fermionic signs count fermionic excitations only. A time-dependent system
 * Hamiltonian is a {@link QobjEvo}; only the system part depends on time. The solver is
 * immutable after construction and {@link #run} may be called from several threads.
 */
public final class HeomSolver {

    private final HierarchyAdos ados;
    private final HierarchyGenerator generator;
    private final Dims dims;
    private final int n;
    private final HeomOptions options;
    private final double setupSeconds;

    /** A solver with one bath and the default options. */
    public HeomSolver(Qobj H, Bath bath, int maxDepth) {
        this(Objects.requireNonNull(H, "H").asEvo(), List.of(Objects.requireNonNull(bath, "bath")), maxDepth,
                HeomOptions.defaults());
    }

    /** A solver with the default options. */
    public HeomSolver(Qobj H, List<? extends Bath> baths, int maxDepth) {
        this(Objects.requireNonNull(H, "H").asEvo(), baths, maxDepth, HeomOptions.defaults());
    }

    /**
     * @param H        the system Hamiltonian (an operator) or Liouvillian (a superoperator)
     * @param baths    the baths, at least one
     * @param maxDepth the largest level of the hierarchy, {@code >= 0}
     * @param options  the options
     */
    public HeomSolver(Qobj H, List<? extends Bath> baths, int maxDepth, HeomOptions options) {
        this(Objects.requireNonNull(H, "H").asEvo(), baths, maxDepth, options);
    }

    /**
     * @param H        the system Hamiltonian or Liouvillian, time-dependent ({@code H_0 + sum f_k(t) H_k})
     * @param baths    the baths, at least one; their coupling operators act on the system
     * @param maxDepth the largest level of the hierarchy, {@code >= 0}
     * @param options  the options
     * @throws IllegalArgumentException when a bath's coupling operator does not fit the system, or
     *                                  the hierarchy would not fit in memory (the message gives
     *                                  the estimate)
     */
    public HeomSolver(QobjEvo H, List<? extends Bath> baths, int maxDepth, HeomOptions options) {
        long start = System.nanoTime();
        Objects.requireNonNull(H, "H");
        Objects.requireNonNull(baths, "baths");
        this.options = Objects.requireNonNull(options, "options");
        if (baths.isEmpty()) {
            throw new IllegalArgumentException("the HEOM needs at least one bath");
        }
        List<BathExponent> exponents = new ArrayList<>();
        for (int i = 0; i < baths.size(); i++) {
            Bath b = Objects.requireNonNull(baths.get(i), "bath " + i);
            exponents.addAll(b.exponents());
        }
        dims = exponents.get(0).Q().dims();
        n = dims.rows();
        for (int k = 0; k < exponents.size(); k++) {
            if (!exponents.get(k).Q().dims().equals(dims)) {
                throw new IllegalArgumentException("every bath's coupling operator must have the same dims; exponent "
                        + k + " has " + exponents.get(k).Q().dims() + ", exponent 0 has " + dims);
            }
        }
        List<Qobj> systemTerms = new ArrayList<>();
        List<HierarchyGenerator.TimeCoefficient> coefficients = new ArrayList<>();
        systemTerms.add(null);
        coefficients.add(null);
        Qobj constant = null;
        for (QobjEvo.Term term : H.terms()) {
            Qobj l = toLiouvillian(term.operator());
            if (term.isConstant()) {
                constant = constant == null ? l : constant.plus(l);
            } else {
                systemTerms.add(l);
                dev.lindblad.Coefficient f = term.coefficient();
                coefficients.add(f::at);
            }
        }
        if (constant == null) {
            constant = systemTerms.size() > 1 ? systemTerms.get(1).times(0) : null;
        }
        systemTerms.set(0, constant);
        long count = HierarchyAdos.count(exponents, maxDepth);
        checkMemory(count, exponents.size(), maxDepth);
        ados = new HierarchyAdos(exponents, maxDepth);
        try (Progress bar = new Progress(options.solver().progress(), ados.size(), "HEOM build")) {
            generator = new HierarchyGenerator(ados, systemTerms, coefficients, bar::update);
        }
        setupSeconds = (System.nanoTime() - start) / 1e9;
    }

    private Qobj toLiouvillian(Qobj h) {
        int n2 = n * n;
        if (h.isOper()) {
            if (!h.dims().equals(dims)) {
                throw new IllegalArgumentException("the Hamiltonian has dims " + h.dims()
                        + " but the baths' coupling operators have " + dims);
            }
            return Superops.liouvillian(h);
        }
        if (h.isSuper()) {
            if (h.shape()[0] != n2 || h.shape()[1] != n2) {
                throw new IllegalArgumentException("the Liouvillian is " + h.shape()[0] + "x" + h.shape()[1]
                        + " but the baths' coupling operators are " + n + "x" + n + " (expected " + n2 + "x" + n2 + ")");
            }
            return h;
        }
        throw new IllegalArgumentException("H must be an operator or a superoperator, got a " + h.type()
                + " with dims " + h.dims());
    }

    /** Vectors of the state's length an integrator holds (history, stages, scratch). */
    private static int integratorVectors(String method) {
        return switch (method) {
            case "adams" -> 22;
            case "dopri5", "tsit5" -> 12;
            case "dop853" -> 17;
            case "vern7" -> 15;
            default -> 20;
        };
    }

    /**
     * Estimates the memory a solver and one run need, before anything is built: the ADO labels
     * and their index, the links of the generator, and the integrator's vectors of
     * {@code 2 N² M} doubles (M ADOs).
     *
     * @param adoCount  the number of ADOs
     * @param exponents the number of exponents
     * @param n         the system dimension
     * @param method    the integration method
     * @return bytes
     */
    public static long estimateMemory(long adoCount, int exponents, int n, String method) {
        long vector = 16L * n * n * adoCount;
        long labels = adoCount * (4L * exponents + 16 + 64);   // arrays, and the hash index
        long links = adoCount * 2L * exponents * 24;
        return labels + links + vector * (integratorVectors(method) + 3);
    }

    private void checkMemory(long count, int exponents, int maxDepth) {
        long need = estimateMemory(count, exponents, n, options.solver().method());
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long limit = options.memoryLimitBytes() > 0 ? options.memoryLimitBytes() : free;
        if (need > limit || count * n * n * 2 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the hierarchy of %d exponents to depth %d has %d ADOs of %dx%d (%d complex unknowns) and needs"
                            + " about %.2f GiB with the '%s' integrator, but %s %.2f GiB; lower maxDepth or the"
                            + " number of exponents, or give the JVM more heap (-Xmx)",
                    exponents, maxDepth, count, n, n, count * n * n, need / 1073741824.0, options.solver().method(),
                    options.memoryLimitBytes() > 0 ? "the limit is" : "the heap has", limit / 1073741824.0));
        }
    }

    /** @return the hierarchy */
    public HierarchyAdos ados() {
        return ados;
    }

    /** @return the options */
    public HeomOptions options() {
        return options;
    }

    /** @return the system operators' dims */
    public Dims dims() {
        return dims;
    }

    /** @return seconds spent building the hierarchy and its generator */
    public double setupSeconds() {
        return setupSeconds;
    }

    /** @return the number of real unknowns of the hierarchy, {@code 2 N² M} */
    public int dimension() {
        return generator.dimension();
    }

    /**
     * Evaluates the hierarchy's right-hand side once, {@code out = f(t, y)} (for tests and
     * benchmarks of the product).
     *
     * @param t   the time
     * @param y   a hierarchy state, length {@link #dimension()}
     * @param out receives the derivative
     */
    public void applyGenerator(double t, double[] y, double[] out) {
        if (y.length != dimension() || out.length != dimension()) {
            throw new IllegalArgumentException("y and out must have length " + dimension() + ", got " + y.length
                    + " and " + out.length);
        }
        generator.apply(t, y, out);
    }

    /** @return {@link #run(Qobj, double[], List)} without e-ops (the states are stored) */
    public HeomResult run(Qobj rho0, double[] tlist) {
        return run(rho0, tlist, List.of());
    }

    /**
     * Evolves the hierarchy from the system state {@code rho0} (every other ADO zero).
     *
     * @param rho0  the system's initial density matrix (a ket is turned into {@code |psi><psi|})
     * @param tlist the output times, non-decreasing; the first is the initial time
     * @param eOps  operators whose expectation values {@code tr(rho e)} are recorded
     * @return the result
     * @throws HeomIntegrationException when the integration fails; it holds the partial result
     */
    public HeomResult run(Qobj rho0, double[] tlist, List<Qobj> eOps) {
        return run(rho0, tlist, eOps, List.of());
    }

    /**
     * As {@link #run(Qobj, double[], List)}, also recording functions of the whole hierarchy
     * (QuTiP's callable e-ops); their values follow the operators' in {@link HeomResult#expect}.
     *
     * @param eFuncs functions {@code f(t, adoState)} evaluated at every output time
     */
    public HeomResult run(Qobj rho0, double[] tlist, List<Qobj> eOps, List<HeomExpectFunction> eFuncs) {
        Objects.requireNonNull(rho0, "rho0");
        Qobj rho = rho0.isKet() ? rho0.times(rho0.dag()) : rho0;
        if (!rho.isOper() || !rho.dims().equals(dims)) {
            throw new IllegalArgumentException("rho0 must be a density matrix with dims " + dims + ", got a "
                    + rho0.type() + " with dims " + rho0.dims());
        }
        double[] y0 = new double[dimension()];
        double[] r = rho.data().toDense().array();
        System.arraycopy(r, 0, y0, 0, 2 * n * n);
        return evolve(y0, tlist, eOps, eFuncs);
    }

    /**
     * Evolves the hierarchy from the state of every ADO, e.g. one returned by an earlier run
     * (QuTiP's {@code ado_init=True}).
     *
     * @param initial the hierarchy's state; its hierarchy must have the same labels as this
     *                solver's
     * @param tlist   the output times
     * @param eOps    operators whose expectation values on the system state are recorded
     * @return the result
     */
    public HeomResult run(HierarchyAdosState initial, double[] tlist, List<Qobj> eOps) {
        return run(initial, tlist, eOps, List.of());
    }

    /**
     * As {@link #run(HierarchyAdosState, double[], List)}, also recording functions of the whole
     * hierarchy after the operators.
     *
     * @param eFuncs functions {@code f(t, adoState)} evaluated at every output time
     */
    public HeomResult run(HierarchyAdosState initial, double[] tlist, List<Qobj> eOps, List<HeomExpectFunction> eFuncs) {
        Objects.requireNonNull(initial, "initial");
        if (initial.ados().size() != ados.size() || !initial.dims().equals(dims)) {
            throw new IllegalArgumentException("the initial hierarchy has " + initial.ados().size() + " ADOs of dims "
                    + initial.dims() + ", this solver's has " + ados.size() + " of dims " + dims);
        }
        return evolve(initial.array().clone(), tlist, eOps, eFuncs);
    }

    private HeomResult evolve(double[] y0, double[] tlist, List<Qobj> eOps, List<HeomExpectFunction> eFuncs) {
        long start = System.nanoTime();
        double[] times = checkTimes(tlist);
        Objects.requireNonNull(eOps, "eOps");
        for (int k = 0; k < eOps.size(); k++) {
            Qobj e = Objects.requireNonNull(eOps.get(k), "e-op " + k);
            if (!e.dims().equals(dims)) {
                throw new IllegalArgumentException("e-op " + k + " has dims " + e.dims() + ", the system has " + dims);
            }
        }
        Objects.requireNonNull(eFuncs, "eFuncs");
        for (int k = 0; k < eFuncs.size(); k++) {
            Objects.requireNonNull(eFuncs.get(k), "e-function " + k);
        }
        SolverOptions so = options.solver();
        int nOps = eOps.size();
        int ne = nOps + eFuncs.size();
        boolean[] hermitian = new boolean[ne];
        for (int k = 0; k < ne; k++) {
            hermitian[k] = k >= nOps || eOps.get(k).isHerm();
        }
        boolean storeStates = so.storeStates() != null ? so.storeStates() : ne == 0;
        double[][] expect = new double[ne][2 * times.length];
        List<Qobj> states = storeStates ? new ArrayList<>() : null;
        List<HierarchyAdosState> adoStates = options.adoReturn() ? new ArrayList<>() : null;
        Qobj last = null;
        int reached = 0;
        Integrator integrator = Integrators.create(so.method(), dimension(), generator, so.integratorOptions());
        double[] y = new double[dimension()];
        double[] rho = new double[2 * n * n];
        try (Progress bar = new Progress(so.progress(), times.length, "HEOM")) {
            integrator.reset(times[0], y0);
            for (int i = 0; i < times.length; i++) {
                if (i == 0) {
                    System.arraycopy(y0, 0, y, 0, y.length);
                } else {
                    integrator.integrate(times[i], y);
                }
                System.arraycopy(y, 0, rho, 0, rho.length);
                for (int k = 0; k < nOps; k++) {
                    Complex v = Data.expectRho(eOps.get(k).data(), rho);
                    expect[k][2 * i] = v.re();
                    expect[k][2 * i + 1] = hermitian[k] ? 0 : v.im();
                }
                for (int k = nOps; k < ne; k++) {
                    expect[k][2 * i] = eFuncs.get(k - nOps).apply(times[i], new HierarchyAdosState(ados, dims, y.clone()));
                }
                Qobj state = null;
                if (storeStates || (i == times.length - 1 && so.storeFinalState())) {
                    state = Qobj.of(DenseMatrix.wrap(n, n, rho.clone()), dims);
                }
                if (storeStates) {
                    states.add(state);
                }
                if (state != null) {
                    last = state;
                }
                if (adoStates != null) {
                    adoStates.add(new HierarchyAdosState(ados, dims, y.clone()));
                }
                reached = i + 1;
                bar.update(i + 1);
            }
        } catch (IntegrationFailure f) {
            HeomResult partial = result(times, reached, expect, hermitian, states, adoStates, last, integrator, start);
            throw new HeomIntegrationException("HEOM integration failed at t = " + f.time() + " (" + f.reason() + "): "
                    + f.getMessage() + "; the partial result holds " + reached + " of " + times.length
                    + " output times", partial, f.time(), f);
        }
        return result(times, reached, expect, hermitian, states, adoStates, last, integrator, start);
    }

    private HeomResult result(double[] times, int reached, double[][] expect, boolean[] hermitian, List<Qobj> states,
            List<HierarchyAdosState> adoStates, Qobj last, Integrator integrator, long start) {
        double[][] e = new double[expect.length][];
        for (int k = 0; k < e.length; k++) {
            e[k] = java.util.Arrays.copyOf(expect[k], 2 * reached);
        }
        Stats stats = new Stats(integrator.steps(), integrator.rhsCalls(), integrator.rejectedSteps(),
                (System.nanoTime() - start) / 1e9, integrator.method(), "heom", setupSeconds);
        return new HeomResult(java.util.Arrays.copyOf(times, reached), e, hermitian, states, adoStates, last, stats);
    }

    private static double[] checkTimes(double[] tlist) {
        if (tlist == null || tlist.length == 0) {
            throw new IllegalArgumentException("tlist must hold at least one time");
        }
        for (int i = 0; i < tlist.length; i++) {
            if (!Double.isFinite(tlist[i])) {
                throw new IllegalArgumentException("tlist[" + i + "] = " + tlist[i] + " is not finite");
            }
            if (i > 0 && tlist[i] < tlist[i - 1]) {
                throw new IllegalArgumentException("tlist must be non-decreasing; tlist[" + (i - 1) + "] = "
                        + tlist[i - 1] + " > tlist[" + i + "] = " + tlist[i]);
            }
        }
        return tlist.clone();
    }

    /**
     * The steady state of the hierarchy: the solution of {@code L x = 0} with the system's
     * trace fixed to 1, solved as QuTiP does, with the first row of the hierarchy's generator
     * (at time 0 for a time-dependent H) replaced by {@code tr(rho) = 1}. The method follows
     * {@link HeomOptions#steadyStateMethod()}: a sparse direct solve of the assembled generator
     * (the native backend's PARDISO, UMFPACK or KLU where {@code dev.lindblad.backend.Backends}
     * chooses one for the size, as for the Lindblad steady state, else the Java sparse LU with
     * AMD ordering; {@link HeomSteadyState#method()} names the path), or GMRES preconditioned by
     * an incomplete LU for large hierarchies.
     *
     * @return the system's steady state and every ADO's
     * @throws ArithmeticException when the system is singular (no unique steady state)
     * @throws IllegalStateException when GMRES does not converge
     */
    public HeomSteadyState steadyState() {
        return SteadyState.solve(this, generator, ados, dims, options);
    }
}
