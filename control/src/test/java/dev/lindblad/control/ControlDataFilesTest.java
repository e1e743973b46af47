package dev.lindblad.control;

import static dev.lindblad.Lindblad.qeye;
import static dev.lindblad.Lindblad.qload;
import static dev.lindblad.Lindblad.qsave;
import static dev.lindblad.Lindblad.saveCsv;
import static dev.lindblad.Lindblad.saveHdf5;
import static dev.lindblad.Lindblad.sigmax;
import static dev.lindblad.Lindblad.sigmay;
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

/** qsave/qload and HDF5 export of an {@link OptimResult} (issue #21), through {@link ControlDataFiles}. */
class ControlDataFilesTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    /** A Hadamard gate from σz drift and σx, σy controls, two starts (so the multi-start summary is filled). */
    static OptimResult hadamard() {
        double s = 1 / Math.sqrt(2);
        Qobj had = Qobj.fromArray(new double[][] {{s, s}, {s, -s}});
        return PulseOptim.optimizePulseUnitary(sigmaz(), List.of(sigmax(), sigmay()), qeye(2), had, 12, 6.0,
                PulseOptions.defaults().withSeed(5L).withNumStarts(2).withFidErrTarg(1e-12));
    }

    private static void assertBits(double[] e, double[] a, String what) {
        assertEquals(e.length, a.length, what);
        for (int i = 0; i < e.length; i++) {
            assertEquals(Double.doubleToRawLongBits(e[i]), Double.doubleToRawLongBits(a[i]), what + "[" + i + "]");
        }
    }

    private static void assertBits(double[][] e, double[][] a, String what) {
        assertEquals(e.length, a.length, what);
        for (int i = 0; i < e.length; i++) {
            assertBits(e[i], a[i], what + "[" + i + "]");
        }
    }

    @Test
    void optimResultComesBackBitForBit() {
        OptimResult r = hadamard();
        assertEquals(12, r.finalAmps().length);
        assertEquals(2, r.finalAmps()[0].length);
        Path p = dir.resolve("grape.qsave");
        qsave(r, p);
        OptimResult b = qload(p, OptimResult.class);
        assertEquals(Double.doubleToRawLongBits(r.fidErr()), Double.doubleToRawLongBits(b.fidErr()));
        assertEquals(Double.doubleToRawLongBits(r.initialFidErr()), Double.doubleToRawLongBits(b.initialFidErr()));
        assertEquals(Double.doubleToRawLongBits(r.gradNormFinal()), Double.doubleToRawLongBits(b.gradNormFinal()));
        assertBits(r.initialAmps(), b.initialAmps(), "initialAmps");
        assertBits(r.finalAmps(), b.finalAmps(), "finalAmps");
        assertBits(r.evoFullInitial().toArray(), b.evoFullInitial().toArray(), "evoFullInitial");
        assertBits(r.evoFullFinal().toArray(), b.evoFullFinal().toArray(), "evoFullFinal");
        assertEquals(r.evoFullFinal().dims(), b.evoFullFinal().dims());
        assertEquals(r.evoFullFinal().data().getClass(), b.evoFullFinal().data().getClass(), "storage format kept");
        assertEquals(r.numIter(), b.numIter());
        assertEquals(r.numFidFuncCalls(), b.numFidFuncCalls());
        assertEquals(r.termination(), b.termination());
        assertEquals(r.terminationReason(), b.terminationReason());
        assertEquals(Double.doubleToRawLongBits(r.wallTime()), Double.doubleToRawLongBits(b.wallTime()));
        assertBits(r.time(), b.time(), "time");
        assertEquals(r.seed(), b.seed());
        assertEquals(r.start(), b.start());
        assertBits(r.startFidErrs(), b.startFidErrs(), "startFidErrs");
        assertEquals(2, b.startFidErrs().length);
        assertEquals(r.toString(), b.toString());
    }

    @Test
    void optimResultToHdf5ReadByJhdfAndCsvRefused() {
        OptimResult r = hadamard();
        Path p = dir.resolve("grape.h5");
        saveHdf5(r, p);
        try (HdfFile f = new HdfFile(p)) {
            assertEquals("OptimResult", f.getAttribute("lindblad_type").getData());
            assertBits(r.initialAmps(), (double[][]) f.getDatasetByPath("initial_amps").getData(), "initial_amps");
            assertBits(r.finalAmps(), (double[][]) f.getDatasetByPath("final_amps").getData(), "final_amps");
            assertBits(r.time(), (double[]) f.getDatasetByPath("time").getData(), "time");
            assertBits(r.startFidErrs(), (double[]) f.getDatasetByPath("start_fid_errs").getData(), "start_fid_errs");
            double[][][] u = (double[][][]) f.getDatasetByPath("evo_full_final").getData();
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    assertEquals(r.evoFullFinal().get(i, j), new Complex(u[i][j][0], u[i][j][1]));
                }
            }
            assertEquals("[[2], [2]]", f.getDatasetByPath("evo_full_final").getAttribute("dims").getData());
            assertEquals(r.fidErr(), ((Number) f.getAttribute("fid_err").getData()).doubleValue());
            assertEquals(r.numIter(), ((Number) f.getAttribute("num_iter").getData()).intValue());
            assertEquals(r.terminationReason(), f.getAttribute("termination_reason").getData());
            assertEquals(r.termination().name(), f.getAttribute("termination").getData());
            assertEquals(r.wallTime(), ((Number) f.getAttribute("wall_time").getData()).doubleValue());
            assertEquals(r.seed(), ((Number) f.getAttribute("seed").getData()).longValue());
        }
        Path c = dir.resolve("grape.csv");
        DataFileException x = assertThrows(DataFileException.class, () -> saveCsv(r, c));
        assertTrue(x.getMessage().contains("OptimResult"), x.getMessage());
        assertFalse(Files.exists(c), "nothing written");
    }

    @Test
    void h5pyReadsTheAmplitudesInOneLine() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON) && run("import h5py", null).exit == 0,
                "Debian's python3-h5py is not installed; .ci/run installs it");
        OptimResult r = hadamard();
        Path p = dir.resolve("grape.h5");
        saveHdf5(r, p);
        Out out = run("import h5py, sys\n"
                + "f = h5py.File(sys.argv[1], 'r')\n"
                + "u = f['final_amps'][()]\n"
                + "U = f['evo_full_final'][()].view(complex)[..., 0]\n"
                + "print(u.shape, U.shape, f.attrs['termination_reason'].decode())\n"
                + "print(' '.join(float(x).hex() for x in u[:, 1]))\n"
                + "print(float(f.attrs['fid_err']).hex(), float(U[1, 0].real).hex(), float(U[1, 0].imag).hex())\n", p);
        assertEquals(0, out.exit, out.text);
        List<String> lines = out.text.lines().toList();
        assertEquals("(12, 2) (2, 2) " + r.terminationReason(), lines.get(0));
        double[] col = new double[12];
        for (int i = 0; i < 12; i++) {
            col[i] = r.finalAmps()[i][1];
        }
        String[] w = lines.get(1).split(" ");
        for (int i = 0; i < 12; i++) {
            assertEquals(Double.doubleToRawLongBits(col[i]), Double.doubleToRawLongBits(Double.parseDouble(w[i])), "u[" + i + ", 1]");
        }
        String[] z = lines.get(2).split(" ");
        assertEquals(r.fidErr(), Double.parseDouble(z[0]));
        assertEquals(r.evoFullFinal().get(1, 0), new Complex(Double.parseDouble(z[1]), Double.parseDouble(z[2])));
    }

    private record Out(int exit, String text) {
    }

    private static Out run(String script, Path file) throws IOException, InterruptedException {
        ProcessBuilder b = file == null ? new ProcessBuilder(PYTHON.toString(), "-c", script)
                : new ProcessBuilder(PYTHON.toString(), "-c", script, file.toString());
        Process p = b.redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python finished");
        return new Out(p.exitValue(), text);
    }
}
