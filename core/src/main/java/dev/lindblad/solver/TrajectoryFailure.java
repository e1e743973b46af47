package dev.lindblad.solver;

/**
 * A Monte Carlo trajectory that threw. Rerunning it alone with the same seed reproduces it:
 * the trajectory's random stream depends only on {@code seed}.
 *
 * @param index the trajectory index
 * @param seed  the trajectory's seed (see {@link McResult#seeds()})
 * @param cause what it threw
 */
public record TrajectoryFailure(int index, long seed, Throwable cause) {
}
