package dev.lindblad.plot;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Rounded ("nice") tick positions and their labels.
 *
 * <p>Linear axes: the step is the smallest of {1, 2, 2.5, 5} × 10^k that puts at most
 * {@code maxTicks} ticks inside the range; ticks are the multiples of the step inside the range,
 * and every label is written with the same number of decimals, the fewest that show the step
 * (so 0, 0.25, 0.5 … as "0.00", "0.25", "0.50"; 0, 5, 10 … as integers). Labels are built from
 * {@code k · step} in decimal, so no "0.30000000000000004" can appear. Logarithmic axes: ticks at
 * the powers of ten (every other one or more when there are many), labelled 10ⁿ.
 */
final class Ticks {
    private Ticks() {
    }

    record Tick(double value, String label) {
    }

    /** The smallest nice step, exact in decimal, that puts at most maxTicks ticks inside [lo, hi]. */
    static BigDecimal niceStep(double lo, double hi, int maxTicks) {
        return niceStep(lo, hi, maxTicks, false);
    }

    /** With {@code integer}, only whole steps of 1, 2, 5 × 10^k (for counts such as photon numbers). */
    static BigDecimal niceStep(double lo, double hi, int maxTicks, boolean integer) {
        double span = hi - lo;
        if (!(span > 0) || !Double.isFinite(span)) {
            return BigDecimal.ONE;
        }
        int k0 = (int) Math.floor(Math.log10(span / Math.max(1, maxTicks))) - 1;
        for (int k = k0; k < k0 + 4; k++) {
            for (String m : new String[] {"1", "2", "2.5", "5"}) {
                BigDecimal step = new BigDecimal(m).scaleByPowerOfTen(k);
                if (integer && (step.compareTo(BigDecimal.ONE) < 0 || m.equals("2.5"))) {
                    continue;
                }
                double st = step.doubleValue();
                long count = (long) Math.floor(hi / st + 1e-9) - (long) Math.ceil(lo / st - 1e-9) + 1;
                if (count <= maxTicks) {
                    return step;
                }
            }
        }
        return BigDecimal.TEN.scaleByPowerOfTen(k0 + 4);
    }

    static List<Tick> linear(double lo, double hi, int maxTicks) {
        return linear(lo, hi, maxTicks, false);
    }

    static List<Tick> linear(double lo, double hi, int maxTicks, boolean integer) {
        BigDecimal s = niceStep(lo, hi, maxTicks, integer).stripTrailingZeros();
        double step = s.doubleValue();
        int decimals = Math.max(0, s.scale());
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        List<Tick> ticks = new ArrayList<>();
        for (long k = first; k <= last && ticks.size() < 100; k++) {
            BigDecimal v = s.multiply(BigDecimal.valueOf(k));
            String label = v.setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
            if (label.startsWith("-") && v.signum() == 0) {
                label = label.substring(1);
            }
            ticks.add(new Tick(v.doubleValue(), label.replace('-', '−')));
        }
        return ticks;
    }

    static List<Tick> log(double lo, double hi) {
        int a = (int) Math.ceil(Math.log10(lo) - 1e-9), b = (int) Math.floor(Math.log10(hi) + 1e-9);
        List<Tick> ticks = new ArrayList<>();
        if (b < a) {
            // less than a decade: rounded linear ticks, labelled plainly
            for (Tick t : linear(lo, hi, 5)) {
                if (t.value() > 0) {
                    ticks.add(t);
                }
            }
            return ticks;
        }
        int every = Math.max(1, (b - a + 1 + 6) / 7);
        for (int e = a; e <= b; e++) {
            if ((e - a) % every == 0) {
                ticks.add(new Tick(Math.pow(10, e), "10" + superscript(e)));
            }
        }
        return ticks;
    }

    static String superscript(int n) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder b = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            b.append(c == '-' ? '⁻' : digits.charAt(c - '0'));
        }
        return b.toString();
    }
}
