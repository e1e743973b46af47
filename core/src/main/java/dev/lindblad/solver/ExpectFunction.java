package dev.lindblad.solver;

import dev.lindblad.Qobj;

/**
 * An e-op given as a callback: a real value computed from the state at each output time, as
 * QuTiP accepts functions {@code f(t, state)} among its e-ops.
 */
@FunctionalInterface
public interface ExpectFunction {

    /**
     * @param t     the output time
     * @param state the state at t (a ket or density matrix)
     * @return the value to record
     */
    double apply(double t, Qobj state);
}
