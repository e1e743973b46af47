package dev.lindblad.heom;

/**
 * A function of the whole hierarchy recorded at every output time of a {@link HeomSolver#run},
 * as QuTiP's callable e-ops {@code f(t, ado_state)}: for example the current into a lead,
 * computed from the first-level ADOs of its exponents.
 */
@FunctionalInterface
public interface HeomExpectFunction {

    /**
     * @param t     the output time
     * @param state the state of every ADO at t (a copy the function may keep)
     * @return the value recorded, real
     */
    double apply(double t, HierarchyAdosState state);
}
