package dev.lindblad.heom;

import static dev.lindblad.Lindblad.basis;
import static dev.lindblad.Lindblad.linspace;
import static dev.lindblad.Lindblad.saveCsv;
import static dev.lindblad.Lindblad.saveHdf5;
import static dev.lindblad.Lindblad.sigmam;
import static dev.lindblad.Lindblad.sigmax;
import static dev.lindblad.Lindblad.sigmaz;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;
import dev.lindblad.solver.DataFileException;
import io.jhdf.HdfFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HDF5 and CSV export of the HEOM results (issue #21) through the DataFileCodec this module
 * provides: read back with jhdf and with Debian's h5py (the one-liners of docs/data-files.md).
 */
class HeomDataExportTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    static HeomResult run() {
        DrudeLorentzBath bath = new DrudeLorentzBath(sigmaz(), 0.1, 0.5, 0.5, 2, false, "dl");
        HeomSolver solver = new HeomSolver(sigmaz().times(0.25).plus(sigmax().times(0.5)), List.of(bath), 3,
                HeomOptions.defaults().withAdoReturn(true).withStoreStates(true));
        return solver.run(basis(2, 0), linspace(0, 2, 9), List.of(sigmaz(), sigmam()));
    }

    private static void assertMatrix(Qobj q, double[][][] a, String what) {
        assertEquals(q.data().rows(), a.length, what);
        for (int i = 0; i < a.length; i++) {
            assertEquals(q.data().cols(), a[i].length, what);
            for (int j = 0; j < a[i].length; j++) {
                Complex z = q.get(i, j);
                assertEquals(Double.doubleToRawLongBits(z.re()), Double.doubleToRawLongBits(a[i][j][0]), what + " re " + i + "," + j);
                assertEquals(Double.doubleToRawLongBits(z.im()), Double.doubleToRawLongBits(a[i][j][1]), what + " im " + i + "," + j);
            }
        }
    }

    @Test
    void heomResultToHdf5ReadByJhdf() {
        HeomResult r = run();
        Path p = dir.resolve("heom.h5");
        saveHdf5(r, p);
        try (HdfFile f = new HdfFile(p)) {
            assertEquals("HeomResult", f.getAttribute("lindblad_type").getData());
            assertArrayEquals(r.times(), (double[]) f.getDatasetByPath("times").getData());
            double[][][] e = (double[][][]) f.getDatasetByPath("expect").getData();
            assertEquals(2, e.length);
            for (int k = 0; k < 2; k++) {
                double[] c = r.expectComplex(k);
                for (int i = 0; i < r.times().length; i++) {
                    assertEquals(c[2 * i], e[k][i][0]);
                    assertEquals(c[2 * i + 1], e[k][i][1]);
                }
            }
            assertArrayEquals(new int[] {1, 0}, (int[]) f.getAttribute("expect_is_real").getData());
            double[][][][] s = (double[][][][]) f.getDatasetByPath("states").getData();
            for (int t = 0; t < s.length; t++) {
                assertMatrix(r.states().get(t), s[t], "state " + t);
            }
            assertMatrix(r.finalState(), (double[][][]) f.getDatasetByPath("final_state").getData(), "final");
            // ADO states (times, ADOs, N, N, 2), ADO a of time t = r.ados(t).extract(a)
            double[][][][][] ados = (double[][][][][]) f.getDatasetByPath("ado_states").getData();
            HierarchyAdos h = r.ados(0).ados();
            assertEquals(r.adoStates().size(), ados.length);
            assertEquals(h.size(), ados[0].length);
            assertTrue(h.size() > 1, "a hierarchy with more than the system's ADO");
            for (int t = 0; t < ados.length; t += 4) {
                for (int a = 0; a < h.size(); a++) {
                    assertMatrix(r.ados(t).extract(a), ados[t][a], "ADO " + a + " at " + t);
                }
            }
            // ADO 0 is the system's density matrix
            assertMatrix(r.states().get(8), ados[8][0], "ADO 0 is rho");
            int[][] labels = (int[][]) f.getDatasetByPath("ado_labels").getData();
            for (int a = 0; a < h.size(); a++) {
                assertArrayEquals(h.label(a), labels[a], "label of ADO " + a);
            }
            assertEquals(3, ((Number) f.getAttribute("max_depth").getData()).intValue());
            assertEquals(h.size(), ((Number) f.getAttribute("num_ados").getData()).intValue());
            double[][] ck = (double[][]) f.getDatasetByPath("exponent_ck").getData();
            assertEquals(h.exponents().size(), ck.length);
            for (int k = 0; k < ck.length; k++) {
                assertEquals(h.exponents().get(k).ck().re(), ck[k][0]);
                assertEquals(h.exponents().get(k).ck().im(), ck[k][1]);
                assertEquals(h.exponents().get(k).vk().re(), ((double[][]) f.getDatasetByPath("exponent_vk").getData())[k][0]);
            }
            String types = (String) f.getAttribute("exponent_types").getData();
            assertEquals(h.exponents().stream().map(x -> x.type().name()).reduce((a, b) -> a + "," + b).orElseThrow(), types);
            assertEquals(r.stats().method(), f.getAttribute("stats_method").getData());
        }
    }

    @Test
    void heomSteadyStateToHdf5ReadByJhdf() {
        FermionicBath lead = new LorentzianBath(sigmam(), 0.5, 1.0, 0.0, 1.0, 2, "left");
        HeomSteadyState s = new HeomSolver(sigmaz().times(0.5), List.of(lead), 2, HeomOptions.defaults()).steadyState();
        Path p = dir.resolve("ss.h5");
        saveHdf5(s, p);
        try (HdfFile f = new HdfFile(p)) {
            assertEquals("HeomSteadyState", f.getAttribute("lindblad_type").getData());
            assertMatrix(s.rho(), (double[][][]) f.getDatasetByPath("state").getData(), "rho");
            double[][][][] ados = (double[][][][]) f.getDatasetByPath("ados").getData();
            assertEquals(s.ados().ados().size(), ados.length);
            for (int a = 0; a < ados.length; a++) {
                assertMatrix(s.ados().extract(a), ados[a], "ADO " + a);
            }
            assertEquals(s.residual(), ((Number) f.getAttribute("residual").getData()).doubleValue());
            assertEquals(s.method(), f.getAttribute("method").getData());
            assertEquals(s.iterations(), ((Number) f.getAttribute("iterations").getData()).intValue());
            String types = (String) f.getAttribute("exponent_types").getData();
            assertEquals(s.ados().ados().exponents().stream().map(x -> x.type().name()).reduce((a, b) -> a + "," + b)
                    .orElseThrow(), types);
            assertTrue(types.contains("PLUS") && types.contains("MINUS"), "a fermionic bath's exponents: " + types);
            int[][] labels = (int[][]) f.getDatasetByPath("ado_labels").getData();
            for (int a = 0; a < labels.length; a++) {
                assertArrayEquals(s.ados().ados().label(a), labels[a], "label of ADO " + a);
            }
        }
    }

    @Test
    void heomResultToCsvAndSteadyStateRefused() throws IOException {
        HeomResult r = run();
        Path p = dir.resolve("heom.csv");
        saveCsv(r, p, List.of("sz", "sm"));
        List<String> lines = Files.readAllLines(p);
        assertEquals("time,sz,sm_re,sm_im", lines.get(0));
        assertEquals(r.times().length + 1, lines.size());
        for (int i = 0; i < r.times().length; i++) {
            String[] w = lines.get(i + 1).split(",");
            assertEquals(r.times()[i], Double.parseDouble(w[0]));
            assertEquals(r.expect(0)[i], Double.parseDouble(w[1]), "bit for bit through Double.toString");
            assertEquals(r.expectComplex(1)[2 * i], Double.parseDouble(w[2]));
            assertEquals(r.expectComplex(1)[2 * i + 1], Double.parseDouble(w[3]));
        }
        FermionicBath lead = new LorentzianBath(sigmam(), 0.5, 1.0, 0.0, 1.0, 2, "left");
        HeomSteadyState s = new HeomSolver(sigmaz().times(0.5), List.of(lead), 2, HeomOptions.defaults()).steadyState();
        Path q = dir.resolve("ss.csv");
        DataFileException x = assertThrows(DataFileException.class, () -> saveCsv(s, q));
        assertTrue(x.getMessage().contains("HeomSteadyState"), x.getMessage());
        assertFalse(Files.exists(q), "nothing written");
    }

    private static boolean h5pyPresent() throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import h5py").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }

    private static List<String> python(String script, Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", script, file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python finished");
        assertEquals(0, p.exitValue(), "python failed:\n" + out);
        return out.lines().toList();
    }

    private static double[] parse(String line) {
        String[] w = line.trim().split(" ");
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = Double.parseDouble(w[i]);
        }
        return out;
    }

    @Test
    void h5pyReadsTheHeomResultInOneLineEach() throws Exception {
        Assumptions.assumeTrue(h5pyPresent(), "Debian's python3-h5py is not installed; .ci/run installs it");
        HeomResult r = run();
        Path p = dir.resolve("heom.h5");
        saveHdf5(r, p);
        // the one-liners of docs/data-files.md
        List<String> out = python("import h5py, sys\n"
                + "f = h5py.File(sys.argv[1], 'r')\n"
                + "e = f['expect'][()].view(complex)[..., 0]\n"
                + "ados = f['ado_states'][()].view(complex)[..., 0]\n"
                + "labels = f['ado_labels'][()]\n"
                + "print(f.attrs['lindblad_type'].decode(), e.shape, ados.shape, labels.shape)\n"
                + "print(' '.join(float(x).hex() for x in e[0].real))\n"
                + "a = ados[5, 3]\n"
                + "print(' '.join(float(z.real).hex() + ' ' + float(z.imag).hex() for z in a.ravel()))\n", p);
        int m = r.ados(0).ados().size();
        assertEquals("HeomResult (2, 9) (9, " + m + ", 2, 2) (" + m + ", " + r.ados(0).ados().exponents().size() + ")",
                out.get(0));
        assertArrayEquals(r.expect(0), parse(out.get(1)), "<sz> bit for bit");
        double[] a = parse(out.get(2));
        Qobj want = r.ados(5).extract(3);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(want.get(i, j), new Complex(a[2 * (2 * i + j)], a[2 * (2 * i + j) + 1]), "ADO 3 at 5 (" + i + ", " + j + ")");
            }
        }
    }
}
