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
 *       {@code 2|2(y - ⌊y + 1/2⌋)| - 1} with {@code y = x + 1/4}.</li>
 * </ul>
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
