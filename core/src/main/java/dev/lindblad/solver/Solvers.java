package dev.lindblad.solver;

import dev.lindblad.Qobj;
import dev.lindblad.QobjLike;
import java.util.List;

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

    /**
     * The Bloch–Redfield master equation, as QuTiP 5's {@code brmesolve}: in the eigenbasis of H,
     * {@code d rho_ab/dt = -i ω_ab rho_ab + sum_cd R_abcd rho_cd} with the tensor of
     * {@link BlochRedfield} (secular cutoff 0.1, QuTiP's default); states and e-ops in the lab basis.
     *
     * @param h     the Hamiltonian (Hermitian, constant)
     * @param psi0  initial ket or density matrix
     * @param tlist output times
     * @param aOps  bath couplings {@link BrOperator#of(Qobj, java.util.function.DoubleUnaryOperator)}
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
