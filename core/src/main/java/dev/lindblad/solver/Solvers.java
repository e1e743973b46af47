package dev.lindblad.solver;

import dev.lindblad.Qobj;
import dev.lindblad.QobjLike;
import java.util.List;

/**
 * QuTiP's solver functions, each a one-shot façade over a reusable solver object:
 * {@code sesolve} over {@link SeSolver}, {@code mesolve} over {@link MeSolver}.
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
}
