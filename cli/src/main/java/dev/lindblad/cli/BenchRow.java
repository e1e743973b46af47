package dev.lindblad.cli;

import java.util.Locale;

/**
 * One row of {@code lindblad bench}: a problem at one size, measured on both sides.
 *
 * @param problem  the problem name ({@link BenchProblems#NAMES})
 * @param size     its size parameter
 * @param lindblad Lindblad's measurements
 * @param qutip    QuTiP's measurements
 */
record BenchRow(String problem, int size, Side lindblad, Side qutip) {

    /** Largest accepted difference of the final values: 1e-4, relative for values above 1. */
    static final double TOLERANCE = 1e-4;

    /** A stochastic value agrees within this many standard errors of the difference. */
    static final double SIGMAS = 3;

    /**
     * One side of a row.
     *
     * @param cold           the output of a fresh process that made one call (null if none ran)
     * @param processSeconds that process's wall time from start to exit, as the harness saw it
     *                       (NaN if none ran)
     * @param warm           the output of the process that made the warm repetitions (null if
     *                       none ran)
     * @param note           why there is nothing, or what went wrong (null when all is well)
     */
    record Side(BenchOutput cold, double processSeconds, BenchOutput warm, String note) {

        /** @return a side with no measurements, for the reason given */
        static Side absent(String note) {
            return new Side(null, Double.NaN, null, note);
        }

        double warmSeconds() {
            return warm == null ? Double.NaN : warm.medianSeconds();
        }

        double coldSeconds() {
            return cold == null ? Double.NaN : cold.coldSeconds();
        }

        double startSeconds() {
            return cold == null ? Double.NaN : cold.startSeconds();
        }

        /** @return the check value of the warm run, else of the cold run */
        double value() {
            double v = warm == null ? Double.NaN : warm.value();
            return Double.isNaN(v) && cold != null ? cold.value() : v;
        }

        double stderr() {
            double v = warm == null ? Double.NaN : warm.stderr();
            return Double.isNaN(v) && cold != null ? cold.stderr() : v;
        }

        double peakBytes() {
            return cold == null ? Double.NaN : cold.number("peak_bytes");
        }

        double liveBytes() {
            return cold == null ? Double.NaN : cold.number("live_bytes");
        }
    }

    /** Whether the two sides computed the same physics. */
    enum Status { AGREE, STATISTICAL, DISAGREE, MISSING }

    /**
     * The agreement of the final values.
     *
     * @param status     the verdict
     * @param difference {@code |lindblad - qutip|}
     * @param tolerance  the accepted difference
     */
    record Agreement(Status status, double difference, double tolerance) {

        /** @return a short text for the table */
        String text() {
            return switch (status) {
                case AGREE -> "yes";
                case STATISTICAL -> String.format(Locale.ROOT, "yes, within %.0f sigma (diff %.2g)", SIGMAS, difference);
                case DISAGREE -> String.format(Locale.ROOT, "NO: diff %.3g > %.1g", difference, tolerance);
                case MISSING -> "-";
            };
        }
    }

    /**
     * Checks the final values: deterministic problems agree when
     * {@code |l - q| <= 1e-4 max(1, |q|)}; a Monte Carlo average (both sides 100 trajectories,
     * independent random streams) agrees when {@code |l - q| <= 3 sqrt(2) σ}, σ being Lindblad's
     * standard error of its average, since QuTiP's has the same spread. A missing value on
     * either side gives {@link Status#MISSING}.
     *
     * @param stochastic whether the values are Monte Carlo averages
     * @param lindblad   Lindblad's value
     * @param qutip      QuTiP's value
     * @param stderr     Lindblad's standard error (used only when stochastic)
     * @return the verdict
     */
    static Agreement agreement(boolean stochastic, double lindblad, double qutip, double stderr) {
        if (Double.isNaN(lindblad) || Double.isNaN(qutip)) {
            return new Agreement(Status.MISSING, Double.NaN, Double.NaN);
        }
        double diff = Math.abs(lindblad - qutip);
        if (stochastic && stderr > 0) {
            double tol = SIGMAS * Math.sqrt(2) * stderr;
            return new Agreement(diff <= tol ? Status.STATISTICAL : Status.DISAGREE, diff, tol);
        }
        double tol = TOLERANCE * Math.max(1, Math.abs(qutip));
        return new Agreement(diff <= tol ? Status.AGREE : Status.DISAGREE, diff, tol);
    }

    /** @return this row's agreement */
    Agreement agreement() {
        return agreement(BenchProblems.stochastic(problem), lindblad.value(), qutip.value(), lindblad.stderr());
    }

    /** @return QuTiP's time over Lindblad's (above 1: Lindblad is faster), NaN if either is missing */
    static double ratio(double lindbladSeconds, double qutipSeconds) {
        return lindbladSeconds > 0 && qutipSeconds > 0 ? qutipSeconds / lindbladSeconds : Double.NaN;
    }
}
