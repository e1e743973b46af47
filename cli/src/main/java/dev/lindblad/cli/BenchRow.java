package dev.lindblad.cli;

import java.util.Locale;

/**
 * One row of {@code lindblad bench}: a problem at one size, measured by Lindblad and by one or
 * two QuTiP peers.
 *
 * <p>With a second peer (QuTiP 5, {@code --python5}) the ratios are taken against the faster
 * QuTiP of the row ({@link #reference()}): the peer whose warm median is smaller. A trajectory
 * row ({@link #trajectoryRow}) runs QuTiP 5 twice, with its parallel map ({@code qutip5}) and
 * its serial map ({@code qutip5Serial}); the faster of the two is QuTiP 5's time
 * ({@link #qutip5Counted()}).
 *
 * @param problem     the problem name ({@link BenchProblems#NAMES})
 * @param size        its size parameter
 * @param lindblad    Lindblad's measurements
 * @param qutip       the first peer's measurements (QuTiP 4.7, {@code --python})
 * @param qutip5      the second peer's measurements (QuTiP 5, {@code --python5}; on a trajectory
 *                    row with its parallel map), or null when no second peer was given
 * @param qutip5Serial the second peer's measurements with its serial map on a trajectory row;
 *                    null on every other row and without a second peer
 */
record BenchRow(String problem, int size, Side lindblad, Side qutip, Side qutip5, Side qutip5Serial) {

    /** A row of a run with one peer. */
    BenchRow(String problem, int size, Side lindblad, Side qutip) {
        this(problem, size, lindblad, qutip, null, null);
    }

    /**
     * @return whether QuTiP 5 measures the problem with both its serial and its parallel map:
     *         mcsolve, ssesolve and smesolve
     */
    static boolean trajectoryRow(String problem) {
        return BenchProblems.stochastic(problem);
    }

    /** @return whether the row has a second peer */
    boolean twoPeers() {
        return qutip5 != null;
    }

    /**
     * @return QuTiP 5's side that counts: on a trajectory row the map with the smaller warm
     *         median (the parallel one when only it, or neither, has one), else {@link #qutip5};
     *         null without a second peer
     */
    Side qutip5Counted() {
        if (qutip5Serial == null || qutip5 == null) {
            return qutip5;
        }
        return faster(qutip5, qutip5Serial);
    }

    /** @return {@code "serial"} or {@code "parallel"} for the map that counts on a trajectory row, else null */
    String qutip5Map() {
        if (qutip5Serial == null || qutip5 == null) {
            return null;
        }
        return qutip5Counted() == qutip5Serial ? "serial" : "parallel";
    }

    /**
     * The QuTiP the ratios are taken against: {@link #qutip} with one peer; with two, the one
     * with the smaller warm median ({@link #qutip5Counted()} on a tie, the one that has a warm
     * median when only one has).
     *
     * @return that side
     */
    Side reference() {
        if (!twoPeers()) {
            return qutip;
        }
        Side q5 = qutip5Counted();
        if (Double.isNaN(q5.warmSeconds())) {
            return qutip;
        }
        return faster(q5, qutip);
    }

    /**
     * @return which QuTiP {@link #reference()} is, for the table: the first peer's label, or the
     *         second's with the map on a trajectory row (e.g. {@code "5 parallel"})
     */
    String referenceLabel(String firstLabel, String secondLabel) {
        if (!twoPeers() || reference() == qutip) {
            return firstLabel;
        }
        return qutip5Map() == null ? secondLabel : secondLabel + " " + qutip5Map();
    }

    /** @return the side with the smaller warm median ({@code a} on a tie or when neither has one; the one that has one otherwise) */
    static Side faster(Side a, Side b) {
        double ta = a.warmSeconds(), tb = b.warmSeconds();
        if (Double.isNaN(tb)) {
            return a;
        }
        if (Double.isNaN(ta)) {
            return b;
        }
        return tb < ta ? b : a;
    }

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

    /** @return this row's agreement of Lindblad with the first peer */
    Agreement agreement() {
        return agreement(BenchProblems.stochastic(problem), lindblad.value(), qutip.value(), lindblad.stderr());
    }

    /**
     * @return the agreement of Lindblad with the second peer's side that counts
     *         ({@link #qutip5Counted()}); {@link Status#MISSING} without a second peer
     */
    Agreement agreement5() {
        if (!twoPeers()) {
            return new Agreement(Status.MISSING, Double.NaN, Double.NaN);
        }
        return agreement(BenchProblems.stochastic(problem), lindblad.value(), qutip5Counted().value(), lindblad.stderr());
    }

    /** @return QuTiP's time over Lindblad's (above 1: Lindblad is faster), NaN if either is missing */
    static double ratio(double lindbladSeconds, double qutipSeconds) {
        return lindbladSeconds > 0 && qutipSeconds > 0 ? qutipSeconds / lindbladSeconds : Double.NaN;
    }
}
