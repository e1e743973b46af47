package dev.lindblad.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness of {@code lindblad bench}: arguments, parsing, agreement, tables and files. No timings. */
class BenchCommandTest {

    private static final String QUTIP_OUTPUT = """
            peer=qutip
            version=4.7.1
            numpy=1.24.2
            scipy=1.10.1
            problem=nho-mesolve
            size=20
            import_s=0.45
            some library warning without an equals sign
            Weird Key=ignored
            setup_s=0.001
            cold_s=0.0317
            peak_bytes=1093632
            inner=1
            warm_s=0.04,0.03,0.05,0.02,0.06,0.01
            median_s=0.035
            value=8.03561327155
            """;

    private static BenchCommand.Plan plan(String... args) throws UsageException {
        BenchCommand bench = new BenchCommand();
        return bench.plan(Arguments.parse(bench, List.of(args)));
    }

    @Test
    void quickPlanIsTheSubsetOfTheIssue() throws UsageException {
        BenchCommand.Plan p = plan("--quick", "--no-qutip");
        assertTrue(p.quick());
        assertNull(p.spmv());
        assertNull(p.python());
        assertEquals(BenchCommand.DEFAULT_REPS, p.reps());
        assertEquals(List.of(new SideBySide.Spec("nho-mesolve", 20), new SideBySide.Spec("ising-mesolve", 4),
                new SideBySide.Spec("nho-steadystate", 50), new SideBySide.Spec("ptrace", 50),
                new SideBySide.Spec("ptrace", 100), new SideBySide.Spec("expect", 50),
                new SideBySide.Spec("expect", 100)), p.specs());
    }

    @Test
    void fullPlanCoversEveryProblemWithIsingTwoToEightAndSteadystateSizes() throws UsageException {
        BenchCommand.Plan p = plan("--python", "/opt/py/bin/python3", "--reps", "7", "--out", "/tmp/x", "--timeout", "60");
        assertEquals("/opt/py/bin/python3", p.python());
        assertEquals(7, p.reps());
        assertEquals(Path.of("/tmp/x"), p.out());
        assertEquals(60, p.timeout());
        for (String name : BenchProblems.NAMES) {
            assertTrue(p.specs().stream().anyMatch(s -> s.problem().equals(name)), name);
        }
        assertArrayEquals(new int[] {2, 3, 4, 5, 6, 7, 8},
                p.specs().stream().filter(s -> s.problem().equals("ising-mesolve")).mapToInt(SideBySide.Spec::size).toArray());
        assertArrayEquals(new int[] {50, 100, 200, 400},
                p.specs().stream().filter(s -> s.problem().equals("nho-steadystate")).mapToInt(SideBySide.Spec::size).toArray());
        assertTrue(p.specs().stream().filter(s -> !s.problem().contains("-")).allMatch(s -> s.size() <= 1000));
    }

    @Test
    void onlySelectsProblemsAndRejectsUnknownOnes() throws UsageException {
        BenchCommand.Plan p = plan("--only", "ptrace, expect");
        assertTrue(p.specs().stream().allMatch(s -> s.problem().equals("ptrace") || s.problem().equals("expect")));
        assertEquals(10, p.specs().size());
        UsageException e = assertThrows(UsageException.class, () -> plan("--only", "ptrace,mesolve"));
        assertTrue(e.getMessage().contains("unknown problem 'mesolve'"), e.getMessage());
        e = assertThrows(UsageException.class, () -> plan("--quick", "--only", "wigner"));
        assertTrue(e.getMessage().contains("selects no row"), e.getMessage());
    }

    @Test
    void onlyCanNameSingleRows() throws UsageException {
        BenchCommand.Plan p = plan("--only", "ising-mesolve:8, nho-steadystate");
        assertEquals(1, p.specs().stream().filter(s -> s.problem().equals("ising-mesolve")).count());
        assertTrue(p.specs().contains(new SideBySide.Spec("ising-mesolve", 8)));
        assertEquals(4, p.specs().stream().filter(s -> s.problem().equals("nho-steadystate")).count());
        assertEquals(5, p.specs().size());
        UsageException e = assertThrows(UsageException.class, () -> plan("--only", "ising-mesolve:eight"));
        assertTrue(e.getMessage().contains("problem:size"), e.getMessage());
        e = assertThrows(UsageException.class, () -> plan("--only", "ising-mesolve:9"));
        assertTrue(e.getMessage().contains("selects no row"), e.getMessage());
    }

    @Test
    void badCountsAndContradictionsAreUsageErrors() {
        assertThrows(UsageException.class, () -> plan("--reps", "0"));
        assertThrows(UsageException.class, () -> plan("--reps", "five"));
        assertThrows(UsageException.class, () -> plan("--no-qutip", "--python", "python3"));
        UsageException e = assertThrows(UsageException.class, () -> plan("kernels"));
        assertTrue(e.getMessage().contains("'kernels'"), e.getMessage());
        CliRunner.Outcome r = CliRunner.inProcess("bench", "--reps", "0");
        assertEquals(Main.USAGE_ERROR, r.status());
        assertTrue(r.err().contains("--reps must be between 1 and 1000, got 0"), r.err());
    }

    @Test
    void spmvTakesThreadCountsOnly() throws UsageException {
        assertEquals(List.of("1", "2"), plan("spmv", "1", "2").spmv());
        assertEquals(List.of(), plan("spmv").spmv());
        UsageException e = assertThrows(UsageException.class, () -> plan("spmv", "--quick"));
        assertTrue(e.getMessage().contains("'--quick'"), e.getMessage());
        assertThrows(UsageException.class, () -> plan("--quick", "spmv"));
        assertThrows(UsageException.class, () -> plan("spmv", "0"));
    }

    @Test
    void parserReadsThePeersLinesAndSkipsNoise() {
        BenchOutput o = BenchOutput.parse(QUTIP_OUTPUT);
        assertEquals("4.7.1", o.fields().get("version"));
        assertEquals(0.0317, o.coldSeconds());
        assertEquals(0.035, o.medianSeconds());
        assertEquals(8.03561327155, o.value());
        assertEquals(0.45, o.startSeconds());
        assertEquals(1093632, o.number("peak_bytes"));
        assertArrayEquals(new double[] {0.04, 0.03, 0.05, 0.02, 0.06, 0.01}, o.warmSeconds());
        assertTrue(Double.isNaN(o.stderr()));
        assertNull(o.error());
        assertTrue(!o.fields().containsKey("Weird Key") && !o.fields().containsKey("some library warning without an equals sign"));
        BenchOutput failed = BenchOutput.parse("peer=qutip\nerror=ValueError: ptrace needs an even size, got 5\n");
        assertEquals("ValueError: ptrace needs an even size, got 5", failed.error());
        assertTrue(Double.isNaN(failed.value()));
        assertEquals(0, failed.warmSeconds().length);
        assertEquals(0, BenchOutput.parse("warm_s=0.1,oops").warmSeconds().length);
    }

    @Test
    void lindbladStartupTakesThePlaceOfPythonsImport() {
        assertEquals(0.07, BenchOutput.parse("startup_s=0.07\nimport_s=3").startSeconds());
    }

    @Test
    void warmUpGoesOnWhileTheCallsAreStillGettingFaster() {
        List<Double> falling = List.of(0.056, 0.055, 0.054, 0.040, 0.030, 0.020);
        List<Double> flat = List.of(0.056, 0.040, 0.011, 0.011, 0.011, 0.0105, 0.011, 0.011);
        // never before two seconds, always after one call and two seconds once the times settle
        assertFalse(BenchOutput.warmedUp(List.of(), 5));
        assertFalse(BenchOutput.warmedUp(flat, 1.9));
        assertTrue(BenchOutput.warmedUp(flat, 2.1));
        // still falling: the median of the last three (0.030) is below 0.9 of the three before (0.055)
        assertFalse(BenchOutput.settled(falling));
        assertFalse(BenchOutput.warmedUp(falling, 2.1));
        // ... until the cap
        assertTrue(BenchOutput.warmedUp(falling, BenchOutput.MAX_WARMUP_SECONDS));
        // fewer than six calls cannot show they have settled
        assertFalse(BenchOutput.settled(List.of(0.01, 0.01, 0.01, 0.01, 0.01)));
        assertTrue(BenchOutput.settled(List.of(0.01, 0.01, 0.01, 0.01, 0.01, 0.01)));
        // a slower last three (noise on a shared machine) counts as settled
        assertTrue(BenchOutput.settled(List.of(0.01, 0.01, 0.01, 0.012, 0.013, 0.011)));
    }

    @Test
    void medianAsNumpyAndStatistics() {
        assertEquals(3, BenchOutput.median(new double[] {5, 1, 3}));
        assertEquals(2.5, BenchOutput.median(new double[] {4, 1, 3, 2}));
        assertTrue(Double.isNaN(BenchOutput.median(new double[0])));
        // the parsed warm list of QUTIP_OUTPUT: sorted 0.01..0.06, median (0.03 + 0.04) / 2
        assertEquals(0.035, BenchOutput.median(BenchOutput.parse(QUTIP_OUTPUT).warmSeconds()), 1e-15);
    }

    @Test
    void agreementFlagsValuesThatDifferByMoreThanTheTolerance() {
        assertEquals(BenchRow.Status.AGREE, BenchRow.agreement(false, 0.5, 0.5 + 0.9e-4, Double.NaN).status());
        BenchRow.Agreement no = BenchRow.agreement(false, 0.5, 0.5 + 1.1e-4, Double.NaN);
        assertEquals(BenchRow.Status.DISAGREE, no.status());
        assertTrue(no.text().startsWith("NO"), no.text());
        // relative above 1: 8.0356 vs 8.0366 differ by 1e-3 > 1e-4 * 8.0366; 6e-4 is accepted
        assertEquals(BenchRow.Status.DISAGREE, BenchRow.agreement(false, 8.0356, 8.0366, Double.NaN).status());
        assertEquals(BenchRow.Status.AGREE, BenchRow.agreement(false, 8.0356, 8.0362, Double.NaN).status());
        assertEquals(BenchRow.Status.AGREE, BenchRow.agreement(false, 8.03561304, 8.03561327, Double.NaN).status());
        assertEquals(BenchRow.Status.MISSING, BenchRow.agreement(false, 1, Double.NaN, Double.NaN).status());
        // Monte Carlo: within 3 sqrt(2) sigma of the difference
        assertEquals(BenchRow.Status.STATISTICAL, BenchRow.agreement(true, 7.62, 7.9, 0.17).status());
        assertEquals(BenchRow.Status.DISAGREE, BenchRow.agreement(true, 7.62, 8.4, 0.17).status());
    }

    private static BenchRow row(String problem, int size, String lindblad, String qutip) {
        BenchOutput l = BenchOutput.parse(lindblad);
        BenchRow.Side q = qutip == null ? BenchRow.Side.absent("QuTiP not installed")
                : new BenchRow.Side(BenchOutput.parse(qutip), 0.6, BenchOutput.parse(qutip), null);
        return new BenchRow(problem, size, new BenchRow.Side(l, 0.25, l, null), q);
    }

    @Test
    void tableMarkdownAndCsvCarryTheRowsTheRatiosAndTheVerdicts() {
        List<BenchRow> rows = List.of(
                row("nho-mesolve", 20, "peer=lindblad\ncold_s=0.147\nmedian_s=0.0138\nvalue=8.03561304", QUTIP_OUTPUT),
                row("ptrace", 50, "peer=lindblad\ncold_s=0.004\nmedian_s=8e-6\nvalue=1.5", "peer=qutip\nmedian_s=1.4e-4\nvalue=1.7"),
                row("expect", 50, "peer=lindblad\ncold_s=0.001\nmedian_s=3.4e-7\nvalue=2", null));
        String table = BenchReport.table(rows);
        assertTrue(table.lines().allMatch(l -> !l.isBlank()));
        assertEquals(4, table.lines().count());
        assertTrue(table.contains("13.8 ms") && table.contains("35.0 ms") && table.contains("2.5x"), table);
        assertTrue(table.contains("NO: diff 0.2"), table);
        assertTrue(table.contains("QuTiP: QuTiP not installed"), table);

        String md = BenchReport.markdown(rows, List.of("- Machine: test"));
        assertTrue(md.contains("- Machine: test"));
        assertTrue(md.contains("| nho-mesolve | 20 | 13.8 ms | 35.0 ms | 2.5x |"), md);
        assertEquals(BenchReport.HEADER.size() + 1, md.lines().filter(l -> l.startsWith("| ---")).findFirst().orElseThrow()
                .chars().filter(c -> c == '|').count());

        List<String> csv = BenchReport.csv(rows).lines().toList();
        assertEquals(String.join(",", BenchReport.CSV_COLUMNS), csv.get(0));
        assertEquals(4, csv.size());
        Map<String, String> first = csvRow(csv.get(1));
        assertEquals("nho-mesolve", first.get("problem"));
        assertEquals(0.035 / 0.0138, Double.parseDouble(first.get("warm_ratio")), 1e-6);
        assertEquals("agree", first.get("agreement"));
        assertEquals("1093632", first.get("qutip_peak_bytes"));
        assertEquals("disagree", csvRow(csv.get(2)).get("agreement"));
        Map<String, String> third = csvRow(csv.get(3));
        assertEquals("", third.get("qutip_warm_s"));
        assertEquals("missing", third.get("agreement"));
        assertEquals("QuTiP: QuTiP not installed", third.get("note"));
    }

    private static Map<String, String> csvRow(String line) {
        String[] cells = line.split(",", -1);
        assertEquals(BenchReport.CSV_COLUMNS.size(), cells.length, line);
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int c = 0; c < cells.length; c++) {
            m.put(BenchReport.CSV_COLUMNS.get(c), cells[c]);
        }
        return m;
    }

    @Test
    void csvQuotesCellsWithCommasAndQuotes() {
        assertEquals("plain", BenchReport.csvCell("plain"));
        assertEquals("\"a, b\"", BenchReport.csvCell("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", BenchReport.csvCell("say \"hi\""));
    }

    @Test
    void humanUnits() {
        assertEquals("1.50 s", BenchReport.time(1.5));
        assertEquals("13.8 ms", BenchReport.time(0.0138));
        assertEquals("0.341 µs", BenchReport.time(3.41e-7));
        assertEquals("-", BenchReport.time(Double.NaN));
        assertEquals("12x", BenchReport.ratio(12.4));
        assertEquals("0.50x", BenchReport.ratio(0.5));
        assertEquals("1.0 MiB", BenchReport.mebibytes(1 << 20));
    }

    @Test
    void plotsOnePerProblemWithTwoOrMoreSizes(@TempDir Path dir) {
        List<BenchRow> rows = List.of(
                row("ptrace", 50, "median_s=8e-6\nvalue=1", "version=4.7.1\nmedian_s=1.4e-4\nvalue=1"),
                row("ptrace", 100, "median_s=3e-5\nvalue=1", "version=4.7.1\nmedian_s=1.9e-4\nvalue=1"),
                row("expect", 50, "median_s=3e-7\nvalue=1", null),
                row("expect", 100, "median_s=6e-7\nvalue=1", null),
                row("nho-mesolve", 20, "median_s=0.01\nvalue=1", null));
        List<Path> written = BenchReport.plots(rows, dir, "day");
        assertEquals(List.of(dir.resolve("day-ptrace"), dir.resolve("day-expect")), written);
        for (Path p : written) {
            assertTrue(Files.isRegularFile(Path.of(p + ".png")), p.toString());
            assertFalse(Files.exists(Path.of(p + ".svg")), "an SVG was written unasked: " + p);
        }
    }

    @Test
    void childReportsErrorsAsALineAndProblemsCheckTheirSize() {
        var bytes = new java.io.ByteArrayOutputStream();
        int status = BenchChild.run(new String[] {"ptrace", "5", "1"}, 0, new java.io.PrintStream(bytes, true));
        assertEquals(1, status);
        BenchOutput o = BenchOutput.parse(bytes.toString());
        assertEquals("lindblad", o.fields().get("peer"));
        assertTrue(o.error().contains("even size >= 2, got 5"), o.error());
        assertThrows(IllegalArgumentException.class, () -> BenchProblems.prepare("mesolve", 4));
        assertEquals(2, BenchChild.run(new String[] {"ptrace"}, 0, new java.io.PrintStream(new java.io.ByteArrayOutputStream())));
    }

    @Test
    void microProblemsGiveTheirDefiningValues() {
        // expect(H, rho) and tr(H rho) of the same rho are one number; the ptrace keeps the trace
        int n = 12;
        double e = BenchProblems.prepare("expect", n).value().applyAsDouble(BenchProblems.prepare("expect", n).call().get());
        BenchProblems.Prepared spmm = BenchProblems.prepare("spmm", n);
        assertEquals(e, spmm.value().applyAsDouble(spmm.call().get()), 1e-12 * Math.abs(e));
        // <H> by hand from the explicit ket: c_k = (1 + 0.5 cos 0.3k) e^{0.7ik}
        double[] re = new double[n], im = new double[n];
        double norm = 0;
        for (int k = 0; k < n; k++) {
            double r = 1 + 0.5 * Math.cos(0.3 * k);
            re[k] = r * Math.cos(0.7 * k);
            im[k] = r * Math.sin(0.7 * k);
            norm += r * r;
        }
        double byHand = 0;
        for (int k = 0; k < n; k++) {
            // diagonal 0.1 k + 0.025 k (k - 1); off-diagonal 2 sqrt(k+1) between k and k+1
            byHand += (0.1 * k + 0.025 * k * (k - 1)) * (re[k] * re[k] + im[k] * im[k]);
            if (k + 1 < n) {
                byHand += 2 * 2 * Math.sqrt(k + 1) * (re[k] * re[k + 1] + im[k] * im[k + 1]);
            }
        }
        assertEquals(byHand / norm, e, 1e-12 * Math.abs(e));
    }
}
