package dev.lindblad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the demo's printed numbers against the Jaynes–Cummings spectrum worked out here.
 *
 * <p>H = wc a†a + wa σ+σ- + g(a†σ- + aσ+) with σ- = sigmam() mapping |e> = basis(2,0) to
 * |g> = basis(2,1). The excitation number a†a + σ+σ- commutes with H. Zero excitations: |0,g>,
 * E = 0, σz = -1. m excitations (1 <= m <= N-1): the block on {|m-1,e>, |m,g>} is
 * [[(m-1)wc + wa, g√m], [g√m, m wc]]; its eigenvalues are T/2 ± sqrt(T²/4 - D) with T the
 * trace and D the determinant. On resonance the eigenvectors are (|m-1,e> ± |m,g>)/√2, so
 * <a†a> = m - 1/2, <σz> = 0, and the qubit's reduced state is I/2 with entropy ln 2.
 * m = N: only |N-1,e> fits in the truncated cavity, E = (N-1)wc + wa.
 */
class DemoCommandTest {

    private static final Pattern ROW = Pattern.compile(
            "(?m)^\\s*(\\d+)\\s+(-?\\d+\\.\\d+)\\s+(-?\\d+\\.\\d+)\\s+(-?\\d+\\.\\d+)\\s+(-?\\d+\\.\\d+)\\s*$");

    private record Row(int k, double energy, double analytic, double photons, double sigmaZ) {
    }

    private static String demo(int n, double wc, double wa, double g, int levels) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            DemoCommand.run(n, wc, wa, g, levels, out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<Row> rows(String output) {
        List<Row> rows = new ArrayList<>();
        Matcher m = ROW.matcher(output);
        while (m.find()) {
            rows.add(new Row(Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                    Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5))));
        }
        return rows;
    }

    /** Every eigenvalue of the truncated model, from its 1x1 and 2x2 blocks, ascending. */
    private static double[] exactSpectrum(int n, double wc, double wa, double g) {
        List<Double> e = new ArrayList<>();
        e.add(0.0);
        for (int m = 1; m < n; m++) {
            double a = (m - 1) * wc + wa, d = m * wc, c = g * Math.sqrt(m);
            double trace = a + d, det = a * d - c * c;
            double root = Math.sqrt(trace * trace / 4 - det);
            e.add(trace / 2 - root);
            e.add(trace / 2 + root);
        }
        e.add((n - 1) * wc + wa);
        double[] sorted = e.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    @Test
    void defaultDemoMatchesTheDressedStatesOnResonance() {
        CliRunner.Outcome r = CliRunner.inProcess("demo", "--spectrum");
        assertEquals(0, r.status(), r.err());
        List<Row> rows = rows(r.out());
        assertEquals(DemoCommand.DEFAULT_LEVELS_SHOWN, rows.size(), r.out());
        double g = 0.05;
        // ground 0, then 1 -+ g, 2 -+ g√2, 3 -+ g√3, 4 - 2g
        double[] expected = {0, 1 - g, 1 + g, 2 - g * Math.sqrt(2), 2 + g * Math.sqrt(2), 3 - g * Math.sqrt(3),
            3 + g * Math.sqrt(3), 4 - 2 * g};
        for (int k = 0; k < expected.length; k++) {
            Row row = rows.get(k);
            assertEquals(k, row.k());
            // printed with 8 decimals
            assertEquals(expected[k], row.energy(), 1e-8, "E_" + k);
            assertEquals(expected[k], row.analytic(), 1e-8, "analytic E_" + k);
            int excitations = (k + 1) / 2;
            assertEquals(k == 0 ? 0 : excitations - 0.5, row.photons(), 1e-5, "<a+a> of state " + k);
            assertEquals(k == 0 ? -1 : 0, row.sigmaZ(), 1e-5, "<sigma_z> of state " + k);
        }
        Matcher s0 = Pattern.compile("S\\(ptrace\\(psi_0, qubit\\)\\) = (\\d+\\.\\d+)").matcher(r.out());
        Matcher s1 = Pattern.compile("S\\(ptrace\\(psi_1, qubit\\)\\) = (\\d+\\.\\d+)").matcher(r.out());
        assertTrue(s0.find() && s1.find(), r.out());
        assertEquals(0, Double.parseDouble(s0.group(1)), 1e-8);
        assertEquals(Math.log(2), Double.parseDouble(s1.group(1)), 1e-8);
    }

    @Test
    void detunedAndTruncatedSpectrumMatchesTheBlocks() {
        // a small cavity so the lone |N-1,e> level appears in the listing; wa != wc
        int n = 4;
        double wc = 1, wa = 1.3, g = 0.2;
        List<Row> rows = rows(demo(n, wc, wa, g, 2 * n));
        double[] exact = exactSpectrum(n, wc, wa, g);
        assertEquals(2 * n, rows.size());
        for (int k = 0; k < 2 * n; k++) {
            assertEquals(exact[k], rows.get(k).energy(), 1e-8, "E_" + k);
            assertEquals(exact[k], rows.get(k).analytic(), 1e-8, "analytic E_" + k);
        }
        assertEquals((n - 1) * wc + wa, rows.get(2 * n - 1).energy(), 1e-8);
        assertEquals(n - 1, rows.get(2 * n - 1).photons(), 1e-5);
        assertEquals(1, rows.get(2 * n - 1).sigmaZ(), 1e-5);
    }
}
