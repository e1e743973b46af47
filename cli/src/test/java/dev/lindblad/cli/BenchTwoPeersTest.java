package dev.lindblad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second QuTiP peer of {@code lindblad bench} ({@code --python5}): option and environment,
 * the faster-peer ratios, the table and CSV with two peers, and a run with fake peers.
 */
class BenchTwoPeersTest {

    private static BenchCommand.Plan plan(Map<String, String> env, String... args) throws UsageException {
        BenchCommand bench = new BenchCommand();
        return bench.plan(Arguments.parse(bench, List.of(args)), env::get);
    }

    @Test
    void secondPeerComesFromTheOptionElseTheEnvironment() throws UsageException {
        Map<String, String> none = Map.of();
        Map<String, String> env = Map.of(SideBySide.PYTHON5_ENVIRONMENT, "/work/venv/bin/python");
        assertNull(plan(none, "--quick").python5(), "no option, no variable: one peer");
        assertEquals("/work/venv/bin/python", plan(env, "--quick").python5());
        assertNull(plan(Map.of(SideBySide.PYTHON5_ENVIRONMENT, "  "), "--quick").python5(), "a blank variable is unset");
        assertEquals("/opt/q5/python", plan(env, "--quick", "--python5", "/opt/q5/python").python5(), "the option wins");
        assertEquals("/opt/q5/python", plan(none, "--quick", "--python5=/opt/q5/python").python5());
        assertNull(plan(env, "--quick", "--no-qutip").python5(), "--no-qutip drops both peers");
        UsageException e = assertThrows(UsageException.class, () -> plan(none, "--no-qutip", "--python5", "/p"));
        assertTrue(e.getMessage().contains("--no-qutip and --python5"), e.getMessage());
        e = assertThrows(UsageException.class, () -> plan(none, "--python5="));
        assertTrue(e.getMessage().contains("--python5 needs a path"), e.getMessage());
        assertNull(SideBySide.defaultPython5(null));
        assertEquals("/p", SideBySide.defaultPython5(" /p "));
        // the help lists the option with its variable
        CliRunner.Outcome help = CliRunner.inProcess("bench", "--help");
        assertTrue(help.out().contains("--python5") && help.out().contains(SideBySide.PYTHON5_ENVIRONMENT), help.out());
    }

    @Test
    void secondPeerMustBeQutipFive(@TempDir Path dir) {
        assertNull(SideBySide.qutip5Problem("/p", "5.3.1"));
        assertEquals("QuTiP 5 not run (/usr/bin/python3 imports QuTiP 4.7.1, not 5)",
                SideBySide.qutip5Problem("/usr/bin/python3", "4.7.1"));
        String missing = dir.resolve("no-such-python").toString();
        assertEquals("QuTiP 5 not run (no " + missing + ")", SideBySide.qutip5Problem(missing));
    }

    @Test
    void debiansPythonIsNoSecondPeer() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs /usr/bin/python3");
        String problem = SideBySide.qutip5Problem("/usr/bin/python3");
        // QuTiP 4.7 there, or no QuTiP at all: either way not a QuTiP 5
        assertTrue(problem != null && problem.startsWith("QuTiP 5 not run (/usr/bin/python3 "), String.valueOf(problem));
    }

    private static BenchRow.Side side(String output) {
        if (output == null) {
            return BenchRow.Side.absent("not installed");
        }
        BenchOutput o = BenchOutput.parse(output);
        return new BenchRow.Side(o, 0.6, o, o.error());
    }

    private static String peer(String version, double median, double value) {
        return "peer=qutip\nversion=" + version + "\nnumpy=1.24.2\nscipy=1.10.1\ncold_s=" + (3 * median)
                + "\nreps=5\nmedian_s=" + median + "\nvalue=" + value + "\n";
    }

    private static BenchRow.Side lindblad(double median, double value) {
        return side("peer=lindblad\ncold_s=" + (2 * median) + "\nreps=5\nmedian_s=" + median + "\nvalue=" + value
                + "\nstderr=0.05\n");
    }

    @Test
    void ratiosAreAgainstTheFasterQutipAndTheFasterMapCounts() {
        // QuTiP 5 faster on a deterministic row
        BenchRow a = new BenchRow("nho-mesolve", 20, lindblad(0.01, 8.0356), side(peer("4.7.1", 0.035, 8.0356)),
                side(peer("5.3.1", 0.02, 8.0356)), null);
        assertSame(a.qutip5(), a.reference());
        assertEquals("5.3", a.referenceLabel("4.7", "5.3"));
        assertNull(a.qutip5Map());
        // QuTiP 4.7 faster
        BenchRow b = new BenchRow("nho-mesolve", 50, lindblad(0.01, 8.0), side(peer("4.7.1", 0.02, 8.0)),
                side(peer("5.3.1", 0.03, 8.0)), null);
        assertSame(b.qutip(), b.reference());
        assertEquals("4.7", b.referenceLabel("4.7", "5.3"));
        // a trajectory row: QuTiP 5's parallel map is faster than its serial one and than QuTiP 4.7
        BenchRow c = new BenchRow("nho-mcsolve", 50, lindblad(0.15, 7.6), side(peer("4.7.1", 1.9, 7.7)),
                side(peer("5.3.1", 1.19, 7.65) + "map=parallel\n"), side(peer("5.3.1", 2.3, 7.6) + "map=serial\n"));
        assertSame(c.qutip5(), c.qutip5Counted());
        assertEquals("parallel", c.qutip5Map());
        assertSame(c.qutip5(), c.reference());
        assertEquals("5.3 parallel", c.referenceLabel("4.7", "5.3"));
        // ... and the serial map when it is the faster one
        BenchRow d = new BenchRow("nho-ssesolve", 50, lindblad(0.2, 7.6), side(peer("4.7.1", 9.0, 7.7)),
                side(peer("5.3.1", 2.5, 7.65)), side(peer("5.3.1", 2.19, 7.6)));
        assertSame(d.qutip5Serial(), d.qutip5Counted());
        assertEquals("serial", d.qutip5Map());
        assertEquals("5.3 serial", d.referenceLabel("4.7", "5.3"));
        // a peer without a time does not count; neither: the first peer (ratios missing)
        BenchRow e = new BenchRow("grape-cnot", 100, lindblad(0.1, 1), side(peer("4.7.1", 0.9, 1)),
                side("peer=qutip\nversion=5.3.1\nerror=RuntimeError: QuTiP 5.3.1 has no qutip.control\n"), null);
        assertSame(e.qutip(), e.reference());
        BenchRow f = new BenchRow("expect", 50, lindblad(1e-6, 2), side(null), side(peer("5.3.1", 2e-5, 2)), null);
        assertSame(f.qutip5(), f.reference());
        BenchRow g = new BenchRow("expect", 100, lindblad(1e-6, 2), side(null), side(null), null);
        assertSame(g.qutip(), g.reference());
        // with one peer nothing changes
        BenchRow one = new BenchRow("nho-mesolve", 20, lindblad(0.01, 8.0356), side(peer("4.7.1", 0.035, 8.0356)));
        assertFalse(one.twoPeers());
        assertSame(one.qutip(), one.reference());
        assertEquals(BenchRow.Status.MISSING, one.agreement5().status());
        assertTrue(BenchRow.trajectoryRow("nho-smesolve") && !BenchRow.trajectoryRow("nho-mesolve"));
    }

    @Test
    void tableAndCsvCarryBothPeersAndNameTheFasterOne() {
        List<BenchRow> rows = List.of(
                new BenchRow("nho-mesolve", 20, lindblad(0.01, 8.0356), side(peer("4.7.1", 0.035, 8.0356)),
                        side(peer("5.3.1", 0.02, 8.0356)), null),
                new BenchRow("nho-mcsolve", 50, lindblad(0.15, 7.6), side(peer("4.7.1", 1.9, 7.7)),
                        side(peer("5.3.1", 1.2, 7.65) + "map=parallel\n"), side(peer("5.3.1", 2.4, 7.6) + "map=serial\n")),
                new BenchRow("grape-cnot", 100, lindblad(0.1, 1), side(peer("4.7.1", 0.9, 1)),
                        side("peer=qutip\nversion=5.3.1\nerror=RuntimeError: QuTiP 5.3.1 has no qutip.control\n"), null));
        BenchReport.Labels labels = BenchReport.Labels.of(rows);
        assertEquals(new BenchReport.Labels("4.7", "5.3"), labels);
        List<String> header = BenchReport.header(labels);
        assertTrue(header.containsAll(List.of("QuTiP 4.7 warm", "QuTiP 5.3 warm", "warm x", "x vs", "QuTiP 5.3 mem")), header.toString());

        String table = BenchReport.table(rows);
        assertEquals(4, table.lines().count(), table);
        List<String> mesolve = BenchReport.cells(rows.get(0), labels);
        assertEquals(header.size(), mesolve.size());
        assertEquals("2.0x", mesolve.get(header.indexOf("warm x")), "0.02 / 0.01 against QuTiP 5, the faster");
        assertEquals("5.3", mesolve.get(header.indexOf("x vs")));
        assertEquals("35.0 ms", mesolve.get(header.indexOf("QuTiP 4.7 warm")));
        assertTrue(mesolve.get(header.size() - 1).startsWith("4.7: yes; 5.3: yes"), mesolve.toString());
        List<String> mc = BenchReport.cells(rows.get(1), labels);
        assertEquals("8.0x", mc.get(header.indexOf("warm x")), "1.2 / 0.15, QuTiP 5's parallel map");
        assertEquals("5.3 parallel", mc.get(header.indexOf("x vs")));
        assertTrue(mc.get(header.size() - 1).contains("QuTiP 5.3 maps: serial 2.40 s, parallel 1.20 s"), mc.toString());
        List<String> grape = BenchReport.cells(rows.get(2), labels);
        assertEquals("4.7", grape.get(header.indexOf("x vs")));
        assertEquals("-", grape.get(header.indexOf("QuTiP 5.3 warm")));
        assertTrue(grape.get(header.size() - 1).contains("QuTiP 5.3: RuntimeError: QuTiP 5.3.1 has no qutip.control"),
                grape.toString());

        String md = BenchReport.markdown(rows, List.of("- Machine: test"));
        assertTrue(md.contains("| nho-mesolve | 20 | 10.0 ms | 35.0 ms | 20.0 ms | 2.0x |"), md);
        assertTrue(md.contains("Two QuTiP peers") && md.contains("the faster map counts"), md);

        List<String> csv = BenchReport.csv(rows).lines().toList();
        List<String> columns = new java.util.ArrayList<>(BenchReport.CSV_COLUMNS);
        columns.addAll(BenchReport.CSV_COLUMNS_SECOND_PEER);
        assertEquals(String.join(",", columns), csv.get(0));
        assertEquals(4, csv.size());
        Map<String, String> first = csvRow(columns, csv.get(1));
        assertEquals(0.02 / 0.01, Double.parseDouble(first.get("warm_ratio")), 1e-9);
        assertEquals(0.06 / 0.02, Double.parseDouble(first.get("cold_ratio")), 1e-9, "cold against the same peer");
        assertEquals(0.035, Double.parseDouble(first.get("qutip_warm_s")));
        assertEquals(0.02, Double.parseDouble(first.get("qutip5_warm_s")));
        assertEquals("agree", first.get("qutip5_agreement"));
        assertEquals("5.3", first.get("ratio_against"));
        assertEquals("", first.get("qutip5_map"));
        Map<String, String> second = csvRow(columns, csv.get(2));
        assertEquals("parallel", second.get("qutip5_map"));
        assertEquals(2.4, Double.parseDouble(second.get("qutip5_serial_warm_s")));
        assertEquals(1.2, Double.parseDouble(second.get("qutip5_parallel_warm_s")));
        assertEquals(1.2, Double.parseDouble(second.get("qutip5_warm_s")));
        assertEquals(1.2 / 0.15, Double.parseDouble(second.get("warm_ratio")), 1e-9);
        assertEquals("statistical", second.get("qutip5_agreement"));
        Map<String, String> third = csvRow(columns, csv.get(3));
        assertEquals("missing", third.get("qutip5_agreement"));
        assertEquals(0.9 / 0.1, Double.parseDouble(third.get("warm_ratio")), 1e-9);
        assertEquals("4.7", third.get("ratio_against"));

        // one peer: the columns of before
        List<BenchRow> one = List.of(new BenchRow("nho-mesolve", 20, lindblad(0.01, 8.0356), side(peer("4.7.1", 0.035, 8.0356))));
        assertEquals(String.join(",", BenchReport.CSV_COLUMNS), BenchReport.csv(one).lines().findFirst().orElseThrow());
        assertEquals(BenchReport.HEADER, BenchReport.header(BenchReport.Labels.of(one)));
        assertFalse(BenchReport.markdown(one, List.of()).contains("Two QuTiP peers"));
    }

    @Test
    void plotsTakeTheSecondPeerWhereItRanAtEverySize(@TempDir Path dir) {
        List<BenchRow> rows = List.of(
                new BenchRow("ptrace", 50, lindblad(8e-6, 1), side(peer("4.7.1", 1.4e-4, 1)), side(peer("5.3.1", 9e-5, 1)), null),
                new BenchRow("ptrace", 100, lindblad(3e-5, 1), side(peer("4.7.1", 1.9e-4, 1)), side(peer("5.3.1", 1e-4, 1)), null),
                new BenchRow("expect", 50, lindblad(3e-7, 1), side(peer("4.7.1", 1e-5, 1)), side(null), null),
                new BenchRow("expect", 100, lindblad(6e-7, 1), side(peer("4.7.1", 2e-5, 1)), side(peer("5.3.1", 3e-5, 1)), null));
        List<Path> written = BenchReport.plots(rows, dir, "day");
        assertEquals(List.of(dir.resolve("day-ptrace"), dir.resolve("day-expect")), written);
        for (Path p : written) {
            assertTrue(Files.isRegularFile(Path.of(p + ".png")), p.toString());
        }
    }

    private static Map<String, String> csvRow(List<String> columns, String line) {
        // no cell of these rows holds a comma except the quoted note, which is last of CSV_COLUMNS
        List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        assertEquals(columns.size(), cells.size(), line);
        Map<String, String> m = new LinkedHashMap<>();
        for (int c = 0; c < cells.size(); c++) {
            m.put(columns.get(c), cells.get(c));
        }
        return m;
    }

    /** A peer script in sh: prints what qutip_peer.py prints, its times set by the map it was given. */
    private static final String FAKE_PEER = """
            echo "peer=qutip"
            echo "version=${FAKE_QUTIP_VERSION:-4.7.1}"
            echo "problem=$1"
            echo "size=$2"
            echo "import_s=0.1"
            echo "cold_s=0.5"
            case "${LINDBLAD_QUTIP_MAP:-unset}" in
              serial) m=0.9 ;;
              parallel) m=0.3 ;;
              *) m=0.6 ;;
            esac
            echo "map=${LINDBLAD_QUTIP_MAP:-unset}"
            echo "reps=$3"
            echo "warm_s=$m"
            echo "median_s=$m"
            """;

    @Test
    void eachRowRunsLindbladBothPeersAndOnTrajectoryRowsBothMaps(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        assumeTrue(System.getenv(SideBySide.MAP_ENVIRONMENT) == null, "the first peer must see no map variable");
        Path peer = Files.writeString(dir.resolve("fake_peer.sh"), FAKE_PEER);
        Path python5 = Files.writeString(dir.resolve("python5"), "#!/bin/sh\nFAKE_QUTIP_VERSION=5.3.1 exec /bin/sh \"$@\"\n");
        Files.setPosixFilePermissions(python5, PosixFilePermissions.fromString("rwxr-xr-x"));
        var log = new ByteArrayOutputStream();
        List<BenchRow> rows = SideBySide.run(new SideBySide.Setup(List.of(new SideBySide.Spec("expect", 10),
                new SideBySide.Spec("nho-mcsolve", 4)), 1, "/bin/sh", null, peer, 300, python5.toString(), null),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertEquals(2, rows.size());
        BenchRow expect = rows.get(0);
        assertNull(expect.lindblad().note(), String.valueOf(expect.lindblad().note()));
        assertEquals("4.7.1", expect.qutip().warm().fields().get("version"));
        assertEquals("unset", expect.qutip().warm().fields().get("map"));
        assertEquals("5.3.1", expect.qutip5().warm().fields().get("version"));
        assertEquals("unset", expect.qutip5().warm().fields().get("map"), "a non-trajectory row runs QuTiP 5 once, as given");
        assertNull(expect.qutip5Serial());
        BenchRow mc = rows.get(1);
        assertNull(mc.lindblad().note(), String.valueOf(mc.lindblad().note()));
        assertEquals("unset", mc.qutip().warm().fields().get("map"), "QuTiP 4.7 keeps its own map");
        assertEquals("parallel", mc.qutip5().warm().fields().get("map"));
        assertEquals(0.3, mc.qutip5().warmSeconds());
        assertEquals("serial", mc.qutip5Serial().warm().fields().get("map"));
        assertEquals(0.9, mc.qutip5Serial().warmSeconds());
        assertSame(mc.qutip5(), mc.qutip5Counted());
        assertEquals(BenchRow.ratio(mc.lindblad().warmSeconds(), 0.3),
                BenchRow.ratio(mc.lindblad().warmSeconds(), mc.reference().warmSeconds()));
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("QuTiP 5 300 ms (serial 900 ms, parallel 300 ms)"), text);

        // a second peer that cannot run: its columns say why, and no process is started for it
        List<BenchRow> without = SideBySide.run(new SideBySide.Setup(List.of(new SideBySide.Spec("expect", 10)), 1, "/bin/sh",
                null, peer, 300, null, "QuTiP 5 not run (no /x)"), new PrintStream(new ByteArrayOutputStream()));
        assertTrue(without.get(0).twoPeers());
        assertEquals("QuTiP 5 not run (no /x)", without.get(0).qutip5().note());
        assertTrue(BenchReport.notes(without.get(0), BenchReport.Labels.of(without)).contains("QuTiP 5: QuTiP 5 not run (no /x)"));
    }
}
