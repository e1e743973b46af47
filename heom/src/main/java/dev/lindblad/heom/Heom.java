package dev.lindblad.heom;

import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import java.util.List;

/**
 * The one-call form of the HEOM solver, as QuTiP 5's {@code heomsolve}:
 * {@code new HeomSolver(H, baths, maxDepth, options).run(rho0, tlist, eOps)}.
 *
 * <p><b>Parameter scans.</b> A scan (over coupling strengths, temperatures, biases, ...) is
 * {@code TaskMap.parallelMap(f, values, map)} with {@code f} building and solving the problem for
 * one value. Each value is a task of its own, and the results come back in the values' order;
 * one HEOM run is deterministic, so every map ({@code TaskMap.serial()},
 * {@code TaskMap.threads(n)}, a {@code SparkTaskMap}) gives the same bits. For a map whose tasks
 * run in other JVMs (a cluster) the function must be serialisable: declare its type so, and
 * capture only serialisable values. {@link Bath} (every bath), {@link BathExponent},
 * {@link HeomOptions}, {@link HeomResult} and {@link HierarchyAdosState} are
 * {@link java.io.Serializable}, so baths built on the driver can be captured and whole results
 * returned:
 * <pre>{@code
 * Function<Double, HeomResult> run = (Function<Double, HeomResult> & Serializable) lam ->
 *         Heom.heomsolve(H, List.of(new DrudeLorentzBath(Q, lam, gamma, T, 2)), 3, rho0, tlist, List.of(sigmaz()));
 * List<HeomResult> scan = TaskMap.parallelMap(run, List.of(0.0, 0.05, 0.1, 0.2), spark);   // or threads(n)
 * }</pre>
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
