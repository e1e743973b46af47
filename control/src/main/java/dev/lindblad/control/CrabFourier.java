package dev.lindblad.control;

import java.util.SplittableRandom;

/**
 * One control's CRAB pulse (qtrl's {@code PulseGenCrabFourier}): a Fourier series with
 * randomised frequencies,
 * {@code u(t_k) = Σ_{i<n} a_i sin(ω_i t_k) + b_i cos(ω_i t_k)},
 * {@code ω_i = 2π (i + 1) / T + r_i - 1/2} (r_i uniform in [0, 1)), at the slices' start times;
 * optionally modulating a guess pulse g ({@code (1 + u) g}); then bounded smoothly:
 * with both bounds {@code tanh(u) (ub - lb)/2 + (ub + lb)/2}; with one bound, the values on its
 * wrong side of qtrl's mean are squashed by tanh. The optimisation variables are
 * {@code (a_0, b_0, a_1, b_1, ...)}, drawn as {@code s (2r - 1)}.
 */
final class CrabFourier {

    private enum BoundMode {
        NONE, ALL, ABOVE_MEAN, BELOW_MEAN
    }

    final int numCoeffs;
    final double[] freqs;
    final double[] initialCoeffs;
    private final double[] time;
    private final double[] guess;
    private final BoundMode mode;
    private final double boundMean;
    private final double boundScale;

    /**
     * A basis whose coefficients, then frequencies, are drawn from rnd (qtrl's order).
     *
     * @param numCoeffs coefficients per basis function
     * @param tau       slice durations
     * @param scaling   the coefficients' scale
     * @param lb        lower bound or {@code -∞}
     * @param ub        upper bound or {@code +∞}
     * @param guess     the guess pulse, or null
     * @param rnd       the random stream
     */
    static CrabFourier random(int numCoeffs, double[] tau, double scaling, double lb, double ub, double[] guess,
                              SplittableRandom rnd) {
        double total = 0;
        for (double t : tau) {
            total += t;
        }
        double[] coeffs = new double[2 * numCoeffs];
        for (int i = 0; i < coeffs.length; i++) {
            coeffs[i] = (2 * rnd.nextDouble() - 1) * scaling;
        }
        double[] freqs = new double[numCoeffs];
        for (int i = 0; i < numCoeffs; i++) {
            freqs[i] = 2 * Math.PI / total * (i + 1) + rnd.nextDouble() - 0.5;
        }
        return new CrabFourier(freqs, coeffs, tau, scaling, lb, ub, guess);
    }

    /**
     * A basis with given frequencies and initial coefficients.
     *
     * @param freqs   ω_i
     * @param coeffs  {@code (a_0, b_0, a_1, b_1, ...)}, the initial coefficients
     * @param tau     slice durations
     * @param scaling the coefficients' scale (enters qtrl's one-sided bounds)
     * @param lb      lower bound or {@code -∞}
     * @param ub      upper bound or {@code +∞}
     * @param guess   the guess pulse, or null
     */
    CrabFourier(double[] freqs, double[] coeffs, double[] tau, double scaling, double lb, double ub, double[] guess) {
        this.numCoeffs = freqs.length;
        this.freqs = freqs.clone();
        this.initialCoeffs = coeffs.clone();
        this.time = PulseGen.startTimes(tau);
        this.guess = guess == null ? null : guess.clone();
        boolean hasLb = lb > Double.NEGATIVE_INFINITY;
        boolean hasUb = ub < Double.POSITIVE_INFINITY;
        double guessScale = 0;
        if (guess != null) {
            double max = Double.NEGATIVE_INFINITY;
            double min = Double.POSITIVE_INFINITY;
            for (double v : guess) {
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
            guessScale = Math.max(max - min, max);
        }
        if (!hasLb && !hasUb) {
            mode = BoundMode.NONE;
            boundMean = 0;
            boundScale = 0;
        } else if (!hasLb) {
            mode = BoundMode.ABOVE_MEAN;
            if (ub > 0) {
                boundMean = 0;
                boundScale = ub;
            } else {
                boundScale = scaling * numCoeffs + guessScale;
                boundMean = -Math.abs(boundScale) + ub;
            }
        } else if (!hasUb) {
            mode = BoundMode.BELOW_MEAN;
            if (lb < 0) {
                boundMean = 0;
                boundScale = Math.abs(lb);
            } else {
                boundScale = scaling * numCoeffs + guessScale;
                boundMean = Math.abs(boundScale) + lb;
            }
        } else {
            mode = BoundMode.ALL;
            boundMean = 0.5 * (ub + lb);
            boundScale = 0.5 * (ub - lb);
        }
    }

    /** @return the number of optimisation variables, 2 per coefficient */
    int numVars() {
        return 2 * numCoeffs;
    }

    /**
     * Writes the pulse for {@code coeffs[from .. from + numVars())} into column {@code col} of the
     * row-major amplitudes {@code amps[k nCtrls + col]}.
     */
    void pulse(double[] coeffs, int from, double[] amps, int col, int nCtrls) {
        for (int k = 0; k < time.length; k++) {
            double v = 0;
            for (int i = 0; i < numCoeffs; i++) {
                double ph = freqs[i] * time[k];
                v += coeffs[from + 2 * i] * Math.sin(ph) + coeffs[from + 2 * i + 1] * Math.cos(ph);
            }
            if (guess != null) {
                v = (1.0 + v) * guess[k];
            }
            v = switch (mode) {
                case NONE -> v;
                case ALL -> Math.tanh(v) * boundScale + boundMean;
                case ABOVE_MEAN -> v > boundMean ? Math.tanh(v) * boundScale + boundMean : v;
                case BELOW_MEAN -> v < boundMean ? Math.tanh(v) * boundScale + boundMean : v;
            };
            amps[k * nCtrls + col] = v;
        }
    }
}
