package dev.lindblad.ode;

/**
 * Tolerances and step limits of an adaptive integrator, with QuTiP's defaults.
 *
 * <p>A step is accepted when the error estimate {@code e} satisfies
 * {@code sqrt(1/n * sum_i (e_i / (atol + rtol * max(|y_i(t)|, |y_i(t+h)|)))^2) <= 1}
 * (Hairer, Nørsett &amp; Wanner, <i>Solving ODEs I</i>, eq. II.4.11, root-mean-square form).
 *
 * @param atol      absolute tolerance, {@code >= 0} (QuTiP default {@code 1e-8})
 * @param rtol      relative tolerance, {@code >= 0} (QuTiP default {@code 1e-6}); {@code atol}
 *                  and {@code rtol} may not both be zero
 * @param nsteps    the most steps one call of {@link Integrator#integrate} or
 *                  {@link Integrator#integrateUntilEvent} may take, i.e. between two output
 *                  times, as QuTiP's {@code nsteps} (default 2500); {@code >= 1}
 * @param firstStep the first step size to try; {@code 0} chooses it automatically
 * @param minStep   the smallest step size allowed before failing with
 *                  {@link IntegrationFailure.Reason#STEP_SIZE_UNDERFLOW}; {@code 0} means only
 *                  the resolution of {@code t} limits it
 * @param maxStep   the largest step size; {@code 0} means unbounded
 */
public record IntegratorOptions(double atol, double rtol, int nsteps, double firstStep, double minStep,
        double maxStep) {

    /** Checks the arguments; see the record description for the allowed values. */
    public IntegratorOptions {
        if (!(atol >= 0) || !Double.isFinite(atol)) {
            throw new IllegalArgumentException("atol must be finite and >= 0, got " + atol);
        }
        if (!(rtol >= 0) || !Double.isFinite(rtol)) {
            throw new IllegalArgumentException("rtol must be finite and >= 0, got " + rtol);
        }
        if (atol == 0 && rtol == 0) {
            throw new IllegalArgumentException("atol and rtol may not both be 0");
        }
        if (nsteps < 1) {
            throw new IllegalArgumentException("nsteps must be >= 1, got " + nsteps);
        }
        if (!(firstStep >= 0) || !Double.isFinite(firstStep)) {
            throw new IllegalArgumentException("firstStep must be finite and >= 0 (0 = automatic), got " + firstStep);
        }
        if (!(minStep >= 0) || !Double.isFinite(minStep)) {
            throw new IllegalArgumentException("minStep must be finite and >= 0, got " + minStep);
        }
        if (!(maxStep >= 0) || !Double.isFinite(maxStep)) {
            throw new IllegalArgumentException("maxStep must be finite and >= 0 (0 = unbounded), got " + maxStep);
        }
        if (maxStep > 0 && minStep > maxStep) {
            throw new IllegalArgumentException("minStep " + minStep + " exceeds maxStep " + maxStep);
        }
    }

    /**
     * @return QuTiP's defaults: {@code atol = 1e-8}, {@code rtol = 1e-6}, {@code nsteps = 2500},
     *         automatic first step, no minimum and no maximum step size
     */
    public static IntegratorOptions defaults() {
        return new IntegratorOptions(1e-8, 1e-6, 2500, 0, 0, 0);
    }

    /** @param value the new absolute tolerance @return a copy with {@code atol = value} */
    public IntegratorOptions withAtol(double value) {
        return new IntegratorOptions(value, rtol, nsteps, firstStep, minStep, maxStep);
    }

    /** @param value the new relative tolerance @return a copy with {@code rtol = value} */
    public IntegratorOptions withRtol(double value) {
        return new IntegratorOptions(atol, value, nsteps, firstStep, minStep, maxStep);
    }

    /** @param value the new step limit per call @return a copy with {@code nsteps = value} */
    public IntegratorOptions withNsteps(int value) {
        return new IntegratorOptions(atol, rtol, value, firstStep, minStep, maxStep);
    }

    /** @param value the first step ({@code 0} = automatic) @return a copy with {@code firstStep = value} */
    public IntegratorOptions withFirstStep(double value) {
        return new IntegratorOptions(atol, rtol, nsteps, value, minStep, maxStep);
    }

    /** @param value the smallest step allowed @return a copy with {@code minStep = value} */
    public IntegratorOptions withMinStep(double value) {
        return new IntegratorOptions(atol, rtol, nsteps, firstStep, value, maxStep);
    }

    /** @param value the largest step ({@code 0} = unbounded) @return a copy with {@code maxStep = value} */
    public IntegratorOptions withMaxStep(double value) {
        return new IntegratorOptions(atol, rtol, nsteps, firstStep, minStep, value);
    }
}
