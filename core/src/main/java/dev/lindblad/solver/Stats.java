package dev.lindblad.solver;

/**
 * What a solver run cost.
 *
 * @param steps         accepted integrator steps
 * @param rhsCalls      right-hand-side evaluations
 * @param rejectedSteps rejected step attempts
 * @param wallSeconds   wall-clock time of the run, preparation included
 * @param method        the integration method
 * @param rhs           the right-hand side used (e.g. {@code "liouvillian"}, {@code "products"},
 *                      {@code "schrodinger"})
 * @param setupSeconds  time spent building the system (and choosing the right-hand side)
 */
public record Stats(long steps, long rhsCalls, long rejectedSteps, double wallSeconds, String method, String rhs,
                    double setupSeconds) implements java.io.Serializable {

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "method=%s rhs=%s steps=%d rejected=%d rhsCalls=%d setup=%.3fs wall=%.3fs",
                method, rhs, steps, rejectedSteps, rhsCalls, setupSeconds, wallSeconds);
    }
}
