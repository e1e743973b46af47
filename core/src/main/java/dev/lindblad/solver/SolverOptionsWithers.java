package dev.lindblad.solver;

/**
 * The withers of the {@link SolverOptions} fields, for an options record that holds a
 * {@code SolverOptions} and adds its own fields ({@link StochasticOptions}, and others later):
 * each default method replaces one field of {@link #solver()} and rebuilds the record through
 * {@link #withSolverOptions(SolverOptions)}, so that
 * {@code withAtol(v) == withSolverOptions(solver().withAtol(v))}, and the fifteen withers are
 * written once here instead of in every record. A record may override one (as
 * {@link StochasticOptions#withMethod(String)} does, whose method is a stochastic one).
 *
 * @param <T> the implementing record
 */
public interface SolverOptionsWithers<T extends SolverOptionsWithers<T>> {

    /** @return the shared integration and output options */
    SolverOptions solver();

    /**
     * @param v the new shared options
     * @return a copy with the shared options replaced
     */
    T withSolverOptions(SolverOptions v);

    /** @return a copy with {@link SolverOptions#atol()} */
    default T withAtol(double v) {
        return withSolverOptions(solver().withAtol(v));
    }

    /** @return a copy with {@link SolverOptions#rtol()} */
    default T withRtol(double v) {
        return withSolverOptions(solver().withRtol(v));
    }

    /** @return a copy with {@link SolverOptions#nsteps()} */
    default T withNsteps(int v) {
        return withSolverOptions(solver().withNsteps(v));
    }

    /** @return a copy with {@link SolverOptions#method()} (an ODE method) */
    default T withMethod(String v) {
        return withSolverOptions(solver().withMethod(v));
    }

    /** @return a copy storing (or not) the states at every output time ({@link SolverOptions#storeStates()}) */
    default T withStoreStates(boolean v) {
        return withSolverOptions(solver().withStoreStates(v));
    }

    /** @return a copy keeping (or not) the final state ({@link SolverOptions#storeFinalState()}) */
    default T withStoreFinalState(boolean v) {
        return withSolverOptions(solver().withStoreFinalState(v));
    }

    /** @return a copy with {@link SolverOptions#normalizeOutput()} */
    default T withNormalizeOutput(boolean v) {
        return withSolverOptions(solver().withNormalizeOutput(v));
    }

    /** @return a copy showing (or not) a progress bar with ETA */
    default T withProgress(boolean v) {
        return withSolverOptions(solver().withProgress(v));
    }

    /** @return a copy with {@link SolverOptions#firstStep()} */
    default T withFirstStep(double v) {
        return withSolverOptions(solver().withFirstStep(v));
    }

    /** @return a copy with {@link SolverOptions#minStep()} */
    default T withMinStep(double v) {
        return withSolverOptions(solver().withMinStep(v));
    }

    /** @return a copy with {@link SolverOptions#maxStep()} */
    default T withMaxStep(double v) {
        return withSolverOptions(solver().withMaxStep(v));
    }
}
