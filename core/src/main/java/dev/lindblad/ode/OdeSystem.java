package dev.lindblad.ode;

/**
 * The right-hand side of an ordinary differential equation {@code y'(t) = f(t, y)} over a real
 * state vector. A complex state is passed as interleaved {@code (re, im)} doubles; the
 * integrators treat every entry as an independent real unknown.
 *
 * <p>The dimension is given separately to {@link Integrators#create}; {@code y} and
 * {@code out} always have exactly that length. Implementations must write every entry of
 * {@code out}, must not keep references to either array, and must not modify {@code y}.
 */
@FunctionalInterface
public interface OdeSystem {
    /**
     * Evaluates the derivative {@code out = f(t, y)}.
     *
     * @param t   the time
     * @param y   the state at {@code t} (read only)
     * @param out receives {@code dy/dt}; never the same array as {@code y}
     */
    void apply(double t, double[] y, double[] out);
}
