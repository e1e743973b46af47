package dev.lindblad.cli;

import dev.lindblad.plot.Plots;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outputs of {@code lindblad bench}: the terminal table, the Markdown and CSV files and the
 * plots of time against size.
 */
final class BenchReport {

    /** CSV columns, in order. Times in seconds, memory in bytes, ratios QuTiP / Lindblad. */
    static final List<String> CSV_COLUMNS = List.of("problem", "size", "lindblad_warm_s", "qutip_warm_s", "warm_ratio",
            "lindblad_cold_s", "qutip_cold_s", "cold_ratio", "lindblad_process_s", "qutip_process_s", "process_ratio",
            "lindblad_startup_s", "qutip_import_s", "lindblad_peak_bytes", "lindblad_live_bytes", "qutip_peak_bytes",
            "lindblad_reps", "qutip_reps", "lindblad_value", "qutip_value", "agreement", "note");

    private BenchReport() {
    }

    /** @return seconds in a readable unit, e.g. {@code 12.3 ms}; {@code -} for NaN */
    static String time(double seconds) {
        if (Double.isNaN(seconds)) {
            return "-";
        }
        if (seconds >= 1) {
            return String.format(Locale.ROOT, "%.3g s", seconds);
        }
        if (seconds >= 1e-3) {
            return String.format(Locale.ROOT, "%.3g ms", seconds * 1e3);
        }
        return String.format(Locale.ROOT, "%.3g µs", seconds * 1e6);
    }

    /** @return a ratio such as {@code 12.5x}, {@code -} for NaN */
    static String ratio(double r) {
        return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, r >= 10 ? "%.0fx" : "%.2gx", r);
    }

    /** @return bytes in MiB, {@code -} for NaN or a negative count */
    static String mebibytes(double bytes) {
        return Double.isNaN(bytes) || bytes < 0 ? "-" : String.format(Locale.ROOT, "%.1f MiB", bytes / (1 << 20));
    }

    /** @return the cells of one row for the tables, in the order of {@link #HEADER} */
    static List<String> cells(BenchRow row) {
        BenchRow.Side l = row.lindblad(), q = row.qutip();
        boolean memory = BenchProblems.measuresMemory(row.problem());
        String note = notes(row);
        return List.of(row.problem(), Integer.toString(row.size()),
                time(l.warmSeconds()), time(q.warmSeconds()), ratio(BenchRow.ratio(l.warmSeconds(), q.warmSeconds())),
                time(l.coldSeconds()), time(q.coldSeconds()), ratio(BenchRow.ratio(l.coldSeconds(), q.coldSeconds())),
                time(l.processSeconds()), time(q.processSeconds()),
                ratio(BenchRow.ratio(l.processSeconds(), q.processSeconds())),
                memory ? mebibytes(l.peakBytes()) : "", memory ? mebibytes(q.peakBytes()) : "",
                row.agreement().text() + (note.isEmpty() ? "" : "; " + note));
    }

    /** Column titles of the tables. */
    static final List<String> HEADER = List.of("problem", "size", "Lindblad warm", "QuTiP warm", "warm x",
            "Lindblad cold", "QuTiP cold", "cold x", "Lindblad process", "QuTiP process", "process x",
            "Lindblad mem", "QuTiP mem", "same values / notes");

    /** @return the rows as an aligned plain-text table */
    static String table(List<BenchRow> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(HEADER);
        for (BenchRow r : rows) {
            all.add(cells(r));
        }
        int[] width = new int[HEADER.size()];
        for (List<String> cells : all) {
            for (int c = 0; c < cells.size(); c++) {
                width[c] = Math.max(width[c], cells.get(c).length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (List<String> cells : all) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cells.size(); c++) {
                String cell = cells.get(c);
                boolean left = c == 0 || c == cells.size() - 1;
                line.append(left ? String.format("%-" + width[c] + "s", cell) : String.format("%" + width[c] + "s", cell));
                line.append(c + 1 < cells.size() ? "  " : "");
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    /**
     * @param rows    the rows
     * @param context lines about the machine and the command, printed above the table
     * @return the Markdown report
     */
    static String markdown(List<BenchRow> rows, List<String> context) {
        StringBuilder b = new StringBuilder("# lindblad bench: Lindblad vs QuTiP\n\n");
        for (String line : context) {
            b.append(line).append('\n');
        }
        b.append('\n');
        b.append(markdownTable(rows));
        b.append("""

                Warm: median of the timed repetitions (5; 3 where a first call lasted over 300 s),
                seconds per call, after an untimed warm-up (repetitions for at least 2 s, and
                on until the calls stop getting faster or 20 s have passed; micro
                problems repeat the call for about 0.1 s per repetition). Cold: the first call in
                a fresh process (JVM: class loading, interpreter and JIT included; Python: after
                `import qutip`). Process: the wall time from starting that fresh process to its
                first result, as the harness measured it (JVM start or Python start and
                `import qutip`, building the problem, one call). `x` is QuTiP's time over
                Lindblad's: above 1, Lindblad is faster. Memory (steadystate only): Lindblad's peak heap occupancy
                during the first call above the heap in use before it (GC notifications and 1 ms
                sampling of `MemoryMXBean`); QuTiP's growth of `ru_maxrss` during its first call.
                Same values: the final values agree to 1e-4 (relative above 1); Monte Carlo
                averages within 3 standard errors of the difference.
                """);
        return b.toString();
    }

    /** @return the rows as a Markdown table */
    static String markdownTable(List<BenchRow> rows) {
        StringBuilder b = new StringBuilder();
        b.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
        b.append("| --- | ---: ");
        b.append("| ---: ".repeat(HEADER.size() - 3)).append("| --- |\n");
        for (BenchRow r : rows) {
            b.append("| ");
            List<String> cells = cells(r);
            for (int c = 0; c < cells.size(); c++) {
                b.append(cells.get(c).replace("|", "\\|")).append(c + 1 < cells.size() ? " | " : " |\n");
            }
        }
        return b.toString();
    }

    /** @return the rows as CSV with {@link #CSV_COLUMNS}, full precision, empty cells for missing values */
    static String csv(List<BenchRow> rows) {
        StringBuilder b = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        for (BenchRow r : rows) {
            BenchRow.Side l = r.lindblad(), q = r.qutip();
            List<String> cells = List.of(r.problem(), Integer.toString(r.size()),
                    number(l.warmSeconds()), number(q.warmSeconds()), number(BenchRow.ratio(l.warmSeconds(), q.warmSeconds())),
                    number(l.coldSeconds()), number(q.coldSeconds()), number(BenchRow.ratio(l.coldSeconds(), q.coldSeconds())),
                    number(l.processSeconds()), number(q.processSeconds()),
                    number(BenchRow.ratio(l.processSeconds(), q.processSeconds())),
                    number(l.startSeconds()), number(q.startSeconds()),
                    number(l.peakBytes()), number(l.liveBytes()), number(q.peakBytes()),
                    number(reps(l)), number(reps(q)),
                    number(l.value()), number(q.value()), r.agreement().status().name().toLowerCase(Locale.ROOT),
                    notes(r));
            for (int c = 0; c < cells.size(); c++) {
                b.append(csvCell(cells.get(c))).append(c + 1 < cells.size() ? "," : "\n");
            }
        }
        return b.toString();
    }

    /** @return the cell quoted as RFC 4180 asks when it holds a comma, quote or line break */
    static String csvCell(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private static String number(double x) {
        if (Double.isNaN(x)) {
            return "";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return String.format(Locale.ROOT, "%.9g", x);
    }

    private static double reps(BenchRow.Side side) {
        return side.warm() == null ? Double.NaN : side.warm().number("reps");
    }

    /** @return the notes of both sides, and the repetition counts when below the default */
    static String notes(BenchRow row) {
        String l = row.lindblad().note(), q = row.qutip().note();
        String s = join(l == null ? null : "Lindblad: " + l, q == null ? null : "QuTiP: " + q);
        double lr = reps(row.lindblad()), qr = reps(row.qutip());
        if (lr < BenchCommand.DEFAULT_REPS || qr < BenchCommand.DEFAULT_REPS) {
            s = join(s.isEmpty() ? null : s, "warm reps: Lindblad " + number(lr) + ", QuTiP " + number(qr));
        }
        return s;
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b == null ? "" : b;
        }
        return b == null ? a : a + "; " + b;
    }

    /**
     * Writes one plot per problem measured at two or more sizes: warm time per call against size,
     * Lindblad and (where it ran) QuTiP, log time (and log size over a decade or more), as {@code base-PROBLEM.png}.
     *
     * @return the paths written, without extension
     */
    static List<Path> plots(List<BenchRow> rows, Path dir, String base) {
        Map<String, List<BenchRow>> byProblem = new LinkedHashMap<>();
        for (BenchRow r : rows) {
            byProblem.computeIfAbsent(r.problem(), k -> new ArrayList<>()).add(r);
        }
        List<Path> written = new ArrayList<>();
        for (var e : byProblem.entrySet()) {
            List<BenchRow> measured = e.getValue().stream().filter(r -> r.lindblad().warmSeconds() > 0).toList();
            if (measured.size() < 2) {
                continue;
            }
            List<BenchRow> both = measured.stream().filter(r -> r.qutip().warmSeconds() > 0).toList();
            List<double[]> ys = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            double[] x;
            if (both.size() == measured.size()) {
                x = both.stream().mapToDouble(BenchRow::size).toArray();
                ys.add(both.stream().mapToDouble(r -> r.lindblad().warmSeconds()).toArray());
                ys.add(both.stream().mapToDouble(r -> r.qutip().warmSeconds()).toArray());
                labels.add("Lindblad");
                labels.add("QuTiP " + both.get(0).qutip().warm().fields().getOrDefault("version", ""));
            } else {
                // QuTiP missing at some sizes: plot Lindblad alone rather than mismatched series
                x = measured.stream().mapToDouble(BenchRow::size).toArray();
                ys.add(measured.stream().mapToDouble(r -> r.lindblad().warmSeconds()).toArray());
                labels.add("Lindblad");
            }
            var axes = new dev.lindblad.plot.Axes().title(e.getKey() + ": warm time per call").xLabel("size")
                    .yLabel("seconds").markers(true).logY(true).logX(x[x.length - 1] >= 10 * x[0]);
            for (int k = 0; k < ys.size(); k++) {
                axes.line(x, ys.get(k), labels.get(k));
            }
            Path p = dir.resolve(base + "-" + e.getKey());
            dev.lindblad.plot.Figure.of(axes).save(Path.of(p + ".png"));
            written.add(p);
        }
        return written;
    }
}
