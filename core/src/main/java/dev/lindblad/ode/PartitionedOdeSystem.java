package dev.lindblad.ode;

/**
 * An {@link OdeSystem} whose derivative is computed in fixed parts: part {@code p} writes the
 * components {@code [partStart(p), partStart(p + 1))} of {@code f(t, y)} (reading any component
 * of {@code y}), and different parts may run at the same time on different threads.
 *
 * <p>An integrator that knows the parts can fuse its own per-component work into the
 * evaluation: the Adams integrator ({@code "adams"}) forms the corrector and the error estimate
 * of a part right after that part's derivative, while it is still in cache, instead of sweeping
 * the whole state once more afterwards. The partition must not depend on the thread count (the
 * integrator sums its error estimate part by part, in part order, so that the result has the
 * same bits on any number of threads).
 *
 * <p>The parts together must compute exactly what {@link #apply} computes.
 */
public interface PartitionedOdeSystem extends OdeSystem {

    /** @return the number of parts, at least 1 */
    int parts();

    /**
     * @param p a part, {@code 0 <= p <= parts()}
     * @return the first component of part p; {@code partStart(0) = 0} and
     *         {@code partStart(parts())} is the dimension
     */
    int partStart(int p);

    /**
     * The per-evaluation constants at time t (as time-dependent coefficients), computed once
     * and handed to every part of the same evaluation.
     *
     * @param t the time
     * @return an object of the system's own, passed back to {@link #applyPart}
     */
    Object prepare(double t);

    /**
     * Writes part p of {@code f(t, y)}: the components {@code [partStart(p), partStart(p + 1))}
     * of out, every one of them.
     *
     * @param prepared the result of {@link #prepare} for this evaluation's t
     * @param y        the state (read only)
     * @param out      the derivative, never the same array as y
     * @param p        the part
     */
    void applyPart(Object prepared, double[] y, double[] out, int p);

    /**
     * @return the work of one whole evaluation in complex multiply-adds, the unit of
     *         {@link dev.lindblad.parallel.Parallelism#chunksFor}
     */
    long work();
}
