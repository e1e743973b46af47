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

    /**
     * CSV columns, in order. Times in seconds, memory in bytes, ratios QuTiP / Lindblad; with a
     * second peer the {@code qutip_*} columns are the first peer's (QuTiP 4.7) and the ratios
     * are against the faster QuTiP of the row (named in {@code ratio_against}).
     */
    static final List<String> CSV_COLUMNS = List.of("problem", "size", "lindblad_warm_s", "qutip_warm_s", "warm_ratio",
            "lindblad_cold_s", "qutip_cold_s", "cold_ratio", "lindblad_process_s", "qutip_process_s", "process_ratio",
            "lindblad_startup_s", "qutip_import_s", "lindblad_peak_bytes", "lindblad_live_bytes", "qutip_peak_bytes",
            "lindblad_reps", "qutip_reps", "lindblad_value", "qutip_value", "agreement", "note");

    /**
     * The columns a run with a second peer (QuTiP 5) adds after {@link #CSV_COLUMNS}: its side
     * that counts (on a trajectory row the faster map, named in {@code qutip5_map}), the warm
     * medians of both maps on a trajectory row, and the peer the ratios are taken against.
     */
    static final List<String> CSV_COLUMNS_SECOND_PEER = List.of("qutip5_warm_s", "qutip5_cold_s", "qutip5_process_s",
            "qutip5_import_s", "qutip5_peak_bytes", "qutip5_reps", "qutip5_value", "qutip5_agreement", "qutip5_map",
            "qutip5_serial_warm_s", "qutip5_parallel_warm_s", "ratio_against");

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

    /**
     * The names of the peers in the tables: the major.minor version each reported in the first
     * row that has one (e.g. {@code 4.7}, {@code 5.3}); without a version the first peer is
     * unnamed (its columns say "QuTiP") and the second is "5".
     *
     * @param first  the first peer's label, possibly empty
     * @param second the second peer's label, null in a run with one peer
     */
    record Labels(String first, String second) {

        /** @return the labels of these rows */
        static Labels of(List<BenchRow> rows) {
            boolean two = rows.stream().anyMatch(BenchRow::twoPeers);
            return new Labels(version(rows, BenchRow::qutip, ""), two ? version(rows, BenchRow::qutip5Counted, "5") : null);
        }

        private static String version(List<BenchRow> rows, java.util.function.Function<BenchRow, BenchRow.Side> side,
                                      String fallback) {
            for (BenchRow r : rows) {
                BenchRow.Side s = side.apply(r);
                BenchOutput o = s == null ? null : s.warm() != null ? s.warm() : s.cold();
                String v = o == null ? null : o.fields().get("version");
                if (v != null && !v.isBlank()) {
                    String[] parts = v.strip().split("\\.");
                    return parts.length >= 2 ? parts[0] + "." + parts[1] : parts[0];
                }
            }
            return fallback;
        }

        boolean two() {
            return second != null;
        }

        /** @return the first peer's column prefix, e.g. {@code "QuTiP 4.7"} */
        String firstColumn() {
            return first.isEmpty() ? "QuTiP" : "QuTiP " + first;
        }

        /** @return the second peer's column prefix, e.g. {@code "QuTiP 5.3"} */
        String secondColumn() {
            return "QuTiP " + second;
        }
    }

    /** @return the cells of one row of a run with one peer, in the order of {@link #HEADER} */
    static List<String> cells(BenchRow row) {
        return cells(row, new Labels("", null));
    }

    /** @return the cells of one row, in the order of {@link #header(Labels)} */
    static List<String> cells(BenchRow row, Labels labels) {
        BenchRow.Side l = row.lindblad(), q = row.qutip(), ref = row.reference();
        boolean memory = BenchProblems.measuresMemory(row.problem());
        String note = notes(row, labels);
        if (!labels.two()) {
            return List.of(row.problem(), Integer.toString(row.size()),
                    time(l.warmSeconds()), time(q.warmSeconds()), ratio(BenchRow.ratio(l.warmSeconds(), q.warmSeconds())),
                    time(l.coldSeconds()), time(q.coldSeconds()), ratio(BenchRow.ratio(l.coldSeconds(), q.coldSeconds())),
                    time(l.processSeconds()), time(q.processSeconds()),
                    ratio(BenchRow.ratio(l.processSeconds(), q.processSeconds())),
                    memory ? mebibytes(l.peakBytes()) : "", memory ? mebibytes(q.peakBytes()) : "",
                    row.agreement().text() + (note.isEmpty() ? "" : "; " + note));
        }
        BenchRow.Side q5 = row.qutip5() == null ? BenchRow.Side.absent(null) : row.qutip5Counted();
        String agreement = labels.first().isEmpty() ? "QuTiP" : labels.first();
        agreement += ": " + row.agreement().text() + "; " + labels.second() + ": " + row.agreement5().text();
        return List.of(row.problem(), Integer.toString(row.size()),
                time(l.warmSeconds()), time(q.warmSeconds()), time(q5.warmSeconds()),
                ratio(BenchRow.ratio(l.warmSeconds(), ref.warmSeconds())),
                time(l.coldSeconds()), time(q.coldSeconds()), time(q5.coldSeconds()),
                ratio(BenchRow.ratio(l.coldSeconds(), ref.coldSeconds())),
                time(l.processSeconds()), time(q.processSeconds()), time(q5.processSeconds()),
                ratio(BenchRow.ratio(l.processSeconds(), ref.processSeconds())),
                row.referenceLabel(labels.first().isEmpty() ? "QuTiP" : labels.first(), labels.second()),
                memory ? mebibytes(l.peakBytes()) : "", memory ? mebibytes(q.peakBytes()) : "",
                memory ? mebibytes(q5.peakBytes()) : "",
                agreement + (note.isEmpty() ? "" : "; " + note));
    }

    /** Column titles of the tables of a run with one peer. */
    static final List<String> HEADER = List.of("problem", "size", "Lindblad warm", "QuTiP warm", "warm x",
            "Lindblad cold", "QuTiP cold", "cold x", "Lindblad process", "QuTiP process", "process x",
            "Lindblad mem", "QuTiP mem", "same values / notes");

    /**
     * @return the column titles: {@link #HEADER} with one peer; with two, each time for Lindblad
     *         and both peers, the ratio against the faster QuTiP ({@code x}) and a column
     *         {@code x vs} naming it
     */
    static List<String> header(Labels labels) {
        if (!labels.two()) {
            return HEADER;
        }
        String a = labels.firstColumn(), b = labels.secondColumn();
        return List.of("problem", "size", "Lindblad warm", a + " warm", b + " warm", "warm x",
                "Lindblad cold", a + " cold", b + " cold", "cold x", "Lindblad process", a + " process", b + " process",
                "process x", "x vs", "Lindblad mem", a + " mem", b + " mem", "same values / notes");
    }

    /** @return the rows as an aligned plain-text table */
    static String table(List<BenchRow> rows) {
        Labels labels = Labels.of(rows);
        List<String> header = header(labels);
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        for (BenchRow r : rows) {
            all.add(cells(r, labels));
        }
        int[] width = new int[header.size()];
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
        Labels labels = Labels.of(rows);
        if (labels.two()) {
            b.append("""

                    Two QuTiP peers: each row ran Lindblad, %1$s and %2$s in turn, each in fresh
                    processes. `x` is taken against the faster QuTiP of the row (smaller warm
                    median; `x vs` names it, and the cold and process ratios use the same peer).
                    %2$s ran mcsolve, ssesolve and smesolve twice, with `options={"map": "serial"}`
                    and `{"map": "parallel"}`; the faster map counts (both times in the notes).
                    Same values compares Lindblad with each peer.
                    """.formatted(labels.firstColumn(), labels.secondColumn()));
        }
        return b.toString();
    }

    /** @return the rows as a Markdown table */
    static String markdownTable(List<BenchRow> rows) {
        Labels labels = Labels.of(rows);
        List<String> header = header(labels);
        StringBuilder b = new StringBuilder();
        b.append("| ").append(String.join(" | ", header)).append(" |\n");
        b.append("| --- | ---: ");
        b.append("| ---: ".repeat(header.size() - 3)).append("| --- |\n");
        for (BenchRow r : rows) {
            b.append("| ");
            List<String> cells = cells(r, labels);
            for (int c = 0; c < cells.size(); c++) {
                b.append(cells.get(c).replace("|", "\\|")).append(c + 1 < cells.size() ? " | " : " |\n");
            }
        }
        return b.toString();
    }

    /** @return the rows as CSV with {@link #CSV_COLUMNS} (and {@link #CSV_COLUMNS_SECOND_PEER} in a run with two peers), full precision, empty cells for missing values */
    static String csv(List<BenchRow> rows) {
        Labels labels = Labels.of(rows);
        List<String> columns = new ArrayList<>(CSV_COLUMNS);
        if (labels.two()) {
            columns.addAll(CSV_COLUMNS_SECOND_PEER);
        }
        StringBuilder b = new StringBuilder(String.join(",", columns)).append('\n');
        for (BenchRow r : rows) {
            BenchRow.Side l = r.lindblad(), q = r.qutip(), ref = r.reference();
            List<String> cells = new ArrayList<>(List.of(r.problem(), Integer.toString(r.size()),
                    number(l.warmSeconds()), number(q.warmSeconds()), number(BenchRow.ratio(l.warmSeconds(), ref.warmSeconds())),
                    number(l.coldSeconds()), number(q.coldSeconds()), number(BenchRow.ratio(l.coldSeconds(), ref.coldSeconds())),
                    number(l.processSeconds()), number(q.processSeconds()),
                    number(BenchRow.ratio(l.processSeconds(), ref.processSeconds())),
                    number(l.startSeconds()), number(q.startSeconds()),
                    number(l.peakBytes()), number(l.liveBytes()), number(q.peakBytes()),
                    number(reps(l)), number(reps(q)),
                    number(l.value()), number(q.value()), r.agreement().status().name().toLowerCase(Locale.ROOT),
                    notes(r, labels)));
            if (labels.two()) {
                BenchRow.Side q5 = r.qutip5() == null ? BenchRow.Side.absent(null) : r.qutip5Counted();
                boolean maps = r.qutip5Serial() != null;
                cells.addAll(List.of(number(q5.warmSeconds()), number(q5.coldSeconds()), number(q5.processSeconds()),
                        number(q5.startSeconds()), number(q5.peakBytes()), number(reps(q5)), number(q5.value()),
                        r.agreement5().status().name().toLowerCase(Locale.ROOT), r.qutip5Map() == null ? "" : r.qutip5Map(),
                        maps ? number(r.qutip5Serial().warmSeconds()) : "", maps ? number(r.qutip5().warmSeconds()) : "",
                        r.referenceLabel(labels.first().isEmpty() ? "QuTiP" : labels.first(), labels.second())));
            }
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

    /** @return the notes of a row of a run with one peer */
    static String notes(BenchRow row) {
        return notes(row, new Labels("", null));
    }

    /**
     * @return the notes of every side, the repetition counts when below the default, and on a
     *         trajectory row with a second peer the warm times of both its maps
     */
    static String notes(BenchRow row, Labels labels) {
        String first = labels.two() ? labels.firstColumn() : "QuTiP";
        String l = row.lindblad().note(), q = row.qutip().note();
        String s = join(l == null ? null : "Lindblad: " + l, q == null ? null : first + ": " + q);
        if (labels.two() && row.qutip5() != null) {
            BenchRow.Side p = row.qutip5(), serial = row.qutip5Serial();
            String second = labels.secondColumn();
            if (serial == null) {
                s = join(s.isEmpty() ? null : s, p.note() == null ? null : second + ": " + p.note());
            } else {
                s = join(s.isEmpty() ? null : s, p.note() == null ? null : second + " parallel: " + p.note());
                s = join(s.isEmpty() ? null : s, serial.note() == null ? null : second + " serial: " + serial.note());
                s = join(s.isEmpty() ? null : s, second + " maps: serial " + time(serial.warmSeconds()) + ", parallel "
                        + time(p.warmSeconds()));
            }
        }
        double lr = reps(row.lindblad()), qr = reps(row.qutip());
        double q5r = row.qutip5() == null ? Double.NaN : reps(row.qutip5Counted());
        if (lr < BenchCommand.DEFAULT_REPS || qr < BenchCommand.DEFAULT_REPS || q5r < BenchCommand.DEFAULT_REPS) {
            s = join(s.isEmpty() ? null : s, "warm reps: Lindblad " + count(lr) + ", " + first + " " + count(qr)
                    + (labels.two() ? ", " + labels.secondColumn() + " " + count(q5r) : ""));
        }
        return s;
    }

    /** @return a repetition count, {@code -} when the side has none */
    private static String count(double reps) {
        return Double.isNaN(reps) ? "-" : number(reps);
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b == null ? "" : b;
        }
        return b == null ? a : a + "; " + b;
    }

    /**
     * Writes one plot per problem measured at two or more sizes: warm time per call against size,
     * Lindblad and (where they ran at every size) the QuTiP peers, log time (and log size over a decade or more), as {@code base-PROBLEM.png}.
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
            List<double[]> ys = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            // a peer missing at some sizes is left out rather than plotted as a mismatched series
            double[] x = measured.stream().mapToDouble(BenchRow::size).toArray();
            ys.add(measured.stream().mapToDouble(r -> r.lindblad().warmSeconds()).toArray());
            labels.add("Lindblad");
            if (measured.stream().allMatch(r -> r.qutip().warmSeconds() > 0)) {
                ys.add(measured.stream().mapToDouble(r -> r.qutip().warmSeconds()).toArray());
                labels.add("QuTiP " + measured.get(0).qutip().warm().fields().getOrDefault("version", ""));
            }
            if (measured.stream().allMatch(r -> r.qutip5() != null && r.qutip5Counted().warmSeconds() > 0)) {
                ys.add(measured.stream().mapToDouble(r -> r.qutip5Counted().warmSeconds()).toArray());
                labels.add("QuTiP " + measured.get(0).qutip5Counted().warm().fields().getOrDefault("version", "5"));
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
