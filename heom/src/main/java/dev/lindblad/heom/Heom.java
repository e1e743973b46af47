package dev.lindblad.heom;

import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import java.util.List;

/**
 * The one-call form of the HEOM solver, as QuTiP 5's {@code heomsolve}:
 * {@code new HeomSolver(H, baths, maxDepth, options).run(rho0, tlist, eOps)}.
 */
public final class Heom {
    private Heom() {
    }

    /**
     * @param H        the system Hamiltonian or Liouvillian
     * @param baths    the baths
     * @param maxDepth the hierarchy's depth
     * @param rho0     the system's initial state
     * @param tlist    the output times
     * @param eOps     operators whose expectation values are recorded
     * @return the result
     */
    public static HeomResult heomsolve(Qobj H, List<? extends Bath> baths, int maxDepth, Qobj rho0, double[] tlist,
            List<Qobj> eOps) {
        return heomsolve(H, baths, maxDepth, rho0, tlist, eOps, HeomOptions.defaults());
    }

    /** As {@link #heomsolve(Qobj, List, int, Qobj, double[], List)}, with options. */
    public static HeomResult heomsolve(Qobj H, List<? extends Bath> baths, int maxDepth, Qobj rho0, double[] tlist,
            List<Qobj> eOps, HeomOptions options) {
        return new HeomSolver(H, baths, maxDepth, options).run(rho0, tlist, eOps);
    }

    /** As {@link #heomsolve(Qobj, List, int, Qobj, double[], List)}, with a time-dependent system and options. */
    public static HeomResult heomsolve(QobjEvo H, List<? extends Bath> baths, int maxDepth, Qobj rho0, double[] tlist,
            List<Qobj> eOps, HeomOptions options) {
        return new HeomSolver(H, baths, maxDepth, options).run(rho0, tlist, eOps);
    }
}
