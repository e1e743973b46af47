package dev.lindblad.solver;

/**
 * A Monte Carlo trajectory threw and {@link McOptions#skipFailures()} was off: the run stopped
 * starting trajectories. It names the trajectory's index and seed and carries the average of
 * every trajectory that finished ({@link #partialResult()}), so no finished work is lost.
 */
public class TrajectoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int trajectoryIndex;
    private final long seed;
    private final transient McResult partial;
    private final transient StochasticResult partialStochastic;

    /**
     * @param trajectoryIndex index of the failed trajectory
     * @param seed            its seed
     * @param partial         the result over the trajectories that finished (may hold none)
     * @param cause           what the trajectory threw
     */
    public TrajectoryException(int trajectoryIndex, long seed, McResult partial, Throwable cause) {
        super("mcsolve: trajectory " + trajectoryIndex + " (seed " + seed + ") failed: " + cause
                + "; the partial result holds " + (partial == null ? 0 : partial.ntraj()) + " finished trajectories",
                cause);
        this.trajectoryIndex = trajectoryIndex;
        this.seed = seed;
        this.partial = partial;
        this.partialStochastic = null;
    }

    /**
     * A stochastic trajectory ({@code ssesolve}, {@code smesolve}; issue #22) threw.
     *
     * @param operation       {@code "ssesolve"} or {@code "smesolve"}
     * @param trajectoryIndex index of the failed trajectory
     * @param seed            its seed
     * @param partial         the result over the trajectories that finished (may hold none)
     * @param cause           what the trajectory threw
     */
    public TrajectoryException(String operation, int trajectoryIndex, long seed, StochasticResult partial,
                               Throwable cause) {
        super(operation + ": trajectory " + trajectoryIndex + " (seed " + seed + ") failed: " + cause
                + "; the partial result holds " + (partial == null ? 0 : partial.ntraj()) + " finished trajectories",
                cause);
        this.trajectoryIndex = trajectoryIndex;
        this.seed = seed;
        this.partial = null;
        this.partialStochastic = partial;
    }

    /** @return for ssesolve and smesolve, the result over the trajectories that finished; else null */
    public StochasticResult partialStochasticResult() {
        return partialStochastic;
    }

    /** @return index of the failed trajectory */
    public int trajectoryIndex() {
        return trajectoryIndex;
    }

    /** @return seed of the failed trajectory */
    public long seed() {
        return seed;
    }

    /** @return for mcsolve, the result averaged over the trajectories that finished; else null */
    public McResult partialResult() {
        return partial;
    }
}
