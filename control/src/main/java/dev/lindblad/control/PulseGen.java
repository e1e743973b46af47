package dev.lindblad.control;

import java.util.SplittableRandom;

/**
 * Initial pulse shapes, as qtrl's pulse generators ({@code qutip.control.pulsegen}), one
 * amplitude per slice, evaluated at the slice's start time {@code t_k = Σ_{i<k} τ_i}:
 * <ul>
 *   <li>{@code RND}: {@code s (2r - 1)}, r uniform in [0, 1);</li>
 *   <li>{@code ZERO}: 0;</li>
 *   <li>{@code LIN}: {@code s (-1 + 2 t_k / (T - τ_last))}, from -1 at the start to +1 at the
 *       start of the last slice;</li>
 *   <li>{@code SINE}, {@code SQUARE}, {@code SAW}, {@code TRIANGLE}: period-1 waves (qtrl's
 *       default frequency 1, start phase 0) of amplitude s, with {@code x = t}:
 *       {@code sin 2πx}; {@code 4⌊x⌋ - 2⌊2x⌋ + 1}; {@code 2(x - ⌊x + 1/2⌋)};
 *       {@code 2|2(y - ⌊y + 1/2⌋)| - 1} with {@code y = x + 1/4};</li>
 *   <li>{@code RNDFOURIER}: {@code Σ_w a_w sin(2π t_k / λ_w + φ_w)} over the wavelengths
 *       {@code λ = 2T, T, T/2, ...} above {@code T/10} (W of them), {@code a_w} uniform in
 *       {@code ±√8 s / W}, {@code φ_w} uniform in {@code [0, π/2)};</li>
 *   <li>{@code RNDWAVES}: the same sum over 20 waves of random wavelengths uniform in
 *       {@code [T/10, 2T)}, {@code a_w} uniform in {@code ±√8 s / 20};</li>
 *   <li>{@code RNDWALK1}: a random walk from a start uniform in ±s, each step uniform in
 *       {@code ±0.1 s};</li>
 *   <li>{@code RNDWALK2}: a walk whose slope starts at 0 and changes by a step uniform in
 *       {@code ±0.01} per slice (qtrl's code does not scale this step), start uniform in ±s;</li>
 *   <li>{@code GAUSSIAN}: {@code s exp(-(t_k - T/2)^2 / (2 · T/2))} (qtrl's default mean and
 *       variance, both T/2);</li>
 *   <li>{@code GAUSSIAN_EDGE}: {@code s (1 - exp(-t_k^2 / T_d) - exp(-(t_k - T)^2 / T_d))} with
 *       qtrl's default {@code T_d = T/10}: ramps in and out.</li>
 * </ul>
 * The random ones draw from the start's seeded stream in qtrl's order (not qtrl's numbers).
 * Then the offset is added and, when bounds are given, qtrl's rule fits the pulse in: a pulse
 * that already fits (after the offset) is kept; with one bound it is shifted to touch it; with
 * both it is scaled down to the bounds' width if wider, and shifted to start at the lower bound.
 */
final class PulseGen {

    private PulseGen() {
    }

    /**
     * @param type    one of {@link PulseOptions#PULSE_TYPES}
     * @param tau     slice durations
     * @param scaling s
     * @param offset  added after shaping
     * @param lb      lower bound or {@code -∞}
     * @param ub      upper bound or {@code +∞}
     * @param rnd     the random stream (RND only)
     * @return one amplitude per slice
     */
    static double[] generate(String type, double[] tau, double scaling, double offset, double lb, double ub,
                             SplittableRandom rnd) {
        int n = tau.length;
        double[] t = startTimes(tau);
        double total = t[n - 1] + tau[n - 1];
        double[] p = new double[n];
        switch (type) {
            case "RNDFOURIER", "RNDWAVES", "RNDWALK1", "RNDWALK2", "GAUSSIAN", "GAUSSIAN_EDGE" -> {
                return fit(shaped(type, t, total, scaling, rnd), offset, lb, ub);
            }
            default -> {
            }
        }
        for (int k = 0; k < n; k++) {
            double x = t[k];
            p[k] = switch (type) {
                case "RND" -> (2 * rnd.nextDouble() - 1) * scaling;
                case "ZERO" -> 0.0;
                case "LIN" -> scaling * (-1.0 + 2.0 / (total - tau[n - 1]) * x);
                case "SINE" -> scaling * Math.sin(2 * Math.PI * x);
                case "SQUARE" -> scaling * (4 * Math.floor(x) - 2 * Math.floor(2 * x) + 1);
                case "SAW" -> scaling * 2 * (x - Math.floor(0.5 + x));
                case "TRIANGLE" -> {
                    double y = x + 0.25;
                    yield scaling * (2 * Math.abs(2 * (y - Math.floor(0.5 + y))) - 1);
                }
                default -> throw new IllegalArgumentException("unknown pulse type \"" + type + "\"");
            };
        }
        if (n == 1 && type.equals("LIN")) {
            p[0] = -scaling;   // one slice: the line's start
        }
        return fit(p, offset, lb, ub);
    }

    /** The generators that shape the whole pulse at once (random sums, walks, Gaussians). */
    private static double[] shaped(String type, double[] t, double total, double s, SplittableRandom rnd) {
        int n = t.length;
        double[] p = new double[n];
        switch (type) {
            case "RNDFOURIER" -> {
                // wavelengths 2T, T, T/2, ... while above T/10
                int waves = 0;
                for (double wl = 2 * total; wl > total / 10; wl /= 2) {
                    waves++;
                }
                double ampScale = Math.sqrt(8) * s / waves;
                double wl = 2 * total;
                for (int w = 0; w < waves; w++, wl /= 2) {
                    double amp = ampScale * (2 * rnd.nextDouble() - 1);
                    double phase = rnd.nextDouble() * Math.PI / 2;
                    for (int k = 0; k < n; k++) {
                        p[k] += amp * Math.sin(2 * Math.PI * t[k] / wl + phase);
                    }
                }
            }
            case "RNDWAVES" -> {
                double minWl = total / 10;
                double maxWl = 2 * total;
                double ampScale = Math.sqrt(8) * s / RNDWAVES_COUNT;
                for (int w = 0; w < RNDWAVES_COUNT; w++) {
                    double amp = ampScale * (2 * rnd.nextDouble() - 1);
                    double phase = rnd.nextDouble() * Math.PI / 2;
                    double wl = minWl + rnd.nextDouble() * (maxWl - minWl);
                    for (int k = 0; k < n; k++) {
                        p[k] += amp * Math.sin(2 * Math.PI * t[k] / wl + phase);
                    }
                }
            }
            case "RNDWALK1" -> {
                double amp = s * (2 * rnd.nextDouble() - 1);
                for (int k = 0; k < n; k++) {
                    p[k] = amp;
                    amp += (2 * rnd.nextDouble() - 1) * RNDWALK1_STEP * s;
                }
            }
            case "RNDWALK2" -> {
                double amp = s * (2 * rnd.nextDouble() - 1);
                double grad = 0;
                for (int k = 0; k < n; k++) {
                    p[k] = amp;
                    grad += (2 * rnd.nextDouble() - 1) * RNDWALK2_STEP;
                    amp += grad;
                }
            }
            case "GAUSSIAN" -> {
                double mean = 0.5 * total;
                double variance = 0.5 * total;
                for (int k = 0; k < n; k++) {
                    double d = t[k] - mean;
                    p[k] = s * Math.exp(-d * d / (2 * variance));
                }
            }
            case "GAUSSIAN_EDGE" -> {
                double decay = total / 10;
                for (int k = 0; k < n; k++) {
                    double e = t[k] - total;
                    p[k] = s * (1.0 - Math.exp(-t[k] * t[k] / decay) - Math.exp(-e * e / decay));
                }
            }
            default -> throw new IllegalArgumentException("unknown pulse type \"" + type + "\"");
        }
        return p;
    }

    /** Component waves of RNDWAVES (qtrl's {@code num_comp_waves}). */
    static final int RNDWAVES_COUNT = 20;
    /** RNDWALK1's largest step, times the scaling (qtrl's {@code max_d_amp}). */
    static final double RNDWALK1_STEP = 0.1;
    /** RNDWALK2's largest change of the step (qtrl's {@code max_d2_amp}, not scaled, as qtrl's code). */
    static final double RNDWALK2_STEP = 0.01;

    /** @return {@code t_k = Σ_{i<k} τ_i} */
    static double[] startTimes(double[] tau) {
        double[] t = new double[tau.length];
        for (int k = 0; k + 1 < tau.length; k++) {
            t[k + 1] = t[k] + tau[k];
        }
        return t;
    }

    /** qtrl's {@code _apply_bounds_and_offset}. */
    static double[] fit(double[] pulse, double offset, double lb, double ub) {
        boolean hasLb = lb > Double.NEGATIVE_INFINITY;
        boolean hasUb = ub < Double.POSITIVE_INFINITY;
        double[] p = pulse.clone();
        if (!hasLb && !hasUb) {
            for (int k = 0; k < p.length; k++) {
                p[k] += offset;
            }
            return p;
        }
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double v : p) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        if ((!hasUb || max + offset <= ub) && (!hasLb || min + offset >= lb)) {
            for (int k = 0; k < p.length; k++) {
                p[k] += offset;
            }
            return p;
        }
        if (!hasLb || !hasUb) {
            double shift = !hasLb ? ub - max : lb - min;
            for (int k = 0; k < p.length; k++) {
                p[k] += shift;
            }
            return p;
        }
        double width = ub - lb;
        if (max - min > width) {
            double f = width / (max - min);
            for (int k = 0; k < p.length; k++) {
                p[k] *= f;
            }
            min *= f;
        }
        double shift = lb - min;
        for (int k = 0; k < p.length; k++) {
            p[k] = Math.min(ub, Math.max(lb, p[k] + shift));
        }
        return p;
    }
}
