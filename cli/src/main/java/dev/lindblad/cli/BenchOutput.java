package dev.lindblad.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one side of a benchmark row printed: the {@code key=value} lines of
 * {@link BenchChild} (Lindblad) and {@code bench/qutip_peer.py} (QuTiP), parsed.
 *
 * <p>Keys: {@code peer}, {@code version}, {@code problem}, {@code size}, {@code startup_s}
 * (JVM) or {@code import_s} (Python), {@code setup_s}, {@code cold_s}, {@code peak_bytes},
 * {@code live_bytes}, {@code inner}, {@code reps}, {@code warm_s} (comma-separated seconds per call),
 * {@code median_s}, {@code value}, {@code stderr}, {@code error}. Lines without {@code =} and
 * unknown keys are ignored (a warning printed by a library must not break the parse); a later
 * line with the same key wins.
 *
 * @param fields every key and its value, in order
 */
record BenchOutput(Map<String, String> fields) {

    /**
     * A micro problem repeats its call until one repetition lasts about this long: the count is
     * {@code max(1, round(0.1 s / t))}, t the time of the second call, fixed for the run.
     */
    static final double MICRO_TARGET_SECONDS = 0.1;
    /**
     * The untimed warm-up runs repetitions until this many seconds have passed (at least one);
     * a solver whose first call lasted this long is warm after it and gets no more. Two seconds:
     * C2 needs about a second of calls before a steadystate of 10 ms reaches its final speed
     * (measured: 14 ms after 20 calls, 7 ms after 70).
     */
    static final double WARMUP_SECONDS = 2.0;
    /**
     * After {@link #WARMUP_SECONDS}, the warm-up goes on while the calls are still getting faster
     * ({@link #settled}), up to this many seconds in all: on a 2-core machine the JIT can take
     * longer than two seconds to compile a solver's set-up code (measured: a direct steadystate of
     * the Kerr oscillator, N = 50, took 56 ms per call for the first 40 calls, 2.2 s, and 11 ms
     * once compiled).
     */
    static final double MAX_WARMUP_SECONDS = 20.0;
    /** ... but no more than this many repetitions. */
    static final int MAX_WARMUP_REPS = 200;
    /** A problem whose first call lasts longer than this gets {@link #SLOW_REPS} timed repetitions. */
    static final double SLOW_SECONDS = 300;
    /** Timed repetitions of a slow problem (stated in the table). */
    static final int SLOW_REPS = 3;

    /**
     * @param asked       repetitions asked for
     * @param coldSeconds the first call's time
     * @return the repetitions to time: {@code asked}, or at most {@link #SLOW_REPS} after a
     *         first call above {@link #SLOW_SECONDS}
     */
    static int repetitions(int asked, double coldSeconds) {
        return coldSeconds > SLOW_SECONDS ? Math.min(asked, SLOW_REPS) : asked;
    }

    /**
     * @return the most untimed warm-up repetitions: none for a solver whose first call lasted
     *         {@link #WARMUP_SECONDS} or more, else {@link #MAX_WARMUP_REPS}
     */
    static int warmupLimit(boolean solver, double coldSeconds) {
        return solver && coldSeconds >= WARMUP_SECONDS ? 0 : MAX_WARMUP_REPS;
    }

    /**
     * Whether the warm-up may stop: at least one call, {@link #WARMUP_SECONDS} passed, and either
     * the calls have settled (the median of the last three is no more than 10 % below the median
     * of the three before) or {@link #MAX_WARMUP_SECONDS} passed.
     *
     * @param seconds the warm-up calls' times so far, in order
     * @param elapsed seconds since the warm-up started
     */
    static boolean warmedUp(java.util.List<Double> seconds, double elapsed) {
        if (seconds.isEmpty() || elapsed < WARMUP_SECONDS) {
            return false;
        }
        return elapsed >= MAX_WARMUP_SECONDS || settled(seconds);
    }

    /** @return whether the median of the last three times is at least 0.9 of the three before */
    static boolean settled(java.util.List<Double> seconds) {
        int n = seconds.size();
        if (n < 6) {
            return false;
        }
        double last = median(new double[] {seconds.get(n - 1), seconds.get(n - 2), seconds.get(n - 3)});
        double before = median(new double[] {seconds.get(n - 4), seconds.get(n - 5), seconds.get(n - 6)});
        return last >= 0.9 * before;
    }

    BenchOutput {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * @param text what the child printed on standard output
     * @return the parsed lines
     */
    static BenchOutput parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (!key.matches("[a-z_]+")) {
                continue;
            }
            fields.put(key, line.substring(eq + 1).strip());
        }
        return new BenchOutput(fields);
    }

    /** @return the error the child reported, or null */
    String error() {
        return fields.get("error");
    }

    /** @return the number under the key, or NaN when it is missing or not a number */
    double number(String key) {
        String v = fields.get(key);
        if (v == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** @return the first call's seconds, NaN if missing */
    double coldSeconds() {
        return number("cold_s");
    }

    /** @return the median of the warm repetitions, NaN if missing */
    double medianSeconds() {
        return number("median_s");
    }

    /** @return the check value, NaN if missing */
    double value() {
        return number("value");
    }

    /** @return the standard error of a stochastic value, NaN if missing */
    double stderr() {
        return number("stderr");
    }

    /** @return the seconds of each warm repetition, empty if missing or malformed */
    double[] warmSeconds() {
        String v = fields.get("warm_s");
        if (v == null || v.isBlank()) {
            return new double[0];
        }
        try {
            return Arrays.stream(v.split(",")).mapToDouble(s -> Double.parseDouble(s.strip())).toArray();
        } catch (NumberFormatException e) {
            return new double[0];
        }
    }

    /** @return the time before the problem could start: JVM start-up, or Python's import of QuTiP */
    double startSeconds() {
        double s = number("startup_s");
        return Double.isNaN(s) ? number("import_s") : s;
    }

    /**
     * @param x values, not changed
     * @return their median (the mean of the middle two for an even count), NaN for none
     */
    static double median(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double[] s = x.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
