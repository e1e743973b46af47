package dev.lindblad.solver;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A text progress bar with ETA on standard error. It stays silent for the first second, so
 * short runs print nothing; on a terminal it redraws one line, elsewhere it prints a line every
 * tenth of the run. Public so that solvers in other modules (the HEOM) report the same way.
 */
public final class Progress implements AutoCloseable {
    private static final long QUIET_NANOS = 1_000_000_000L;

    private final boolean enabled;
    private final long total;
    private final long start = System.nanoTime();
    private final PrintStream out;
    private final boolean terminal = System.console() != null;
    private final String label;
    private boolean shown;
    private long lastDecile = -1;

    /**
     * @param enabled whether to show anything at all
     * @param total   the number of units of the whole run
     * @param label   the text in front of the bar
     */
    public Progress(boolean enabled, long total, String label) {
        this(enabled, total, label, System.err);
    }

    Progress(boolean enabled, long total, String label, PrintStream out) {
        this.enabled = enabled && total > 0;
        this.total = total;
        this.label = java.util.Objects.requireNonNull(label, "Progress: label is null");
        this.out = out;
    }

    /** Reports that {@code done} of {@code total} units are finished. */
    public synchronized void update(long done) {
        if (!enabled) {
            return;
        }
        long elapsed = System.nanoTime() - start;
        if (elapsed < QUIET_NANOS && done < total) {
            return;
        }
        if (!shown && done >= total) {
            return;   // finished within a second: stay quiet
        }
        long decile = done * 10 / total;
        if (!terminal && decile == lastDecile && done < total) {
            return;
        }
        lastDecile = decile;
        shown = true;
        double frac = (double) done / total;
        double secs = elapsed / 1e9;
        double eta = done > 0 ? secs * (1 - frac) / frac : Double.NaN;
        int width = 30, filled = (int) Math.round(frac * width);
        String bar = "#".repeat(filled) + "-".repeat(width - filled);
        String line = String.format(Locale.ROOT, "%s [%s] %5.1f%%  %d/%d  elapsed %s  ETA %s", label, bar, 100 * frac,
                done, total, clock(secs), done >= total ? "0s" : clock(eta));
        if (terminal) {
            out.print("\r" + line);
            if (done >= total) {
                out.println();
            }
        } else {
            out.println(line);
        }
        out.flush();
    }

    static String clock(double s) {
        if (Double.isNaN(s)) {
            return "?";
        }
        long t = Math.round(s);
        return t >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", t / 3600, t / 60 % 60)
                : t >= 60 ? String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60) : t + "s";
    }

    @Override
    public synchronized void close() {
        if (enabled && shown && terminal) {
            out.flush();
        }
    }
}
