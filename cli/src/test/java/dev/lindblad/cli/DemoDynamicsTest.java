package dev.lindblad.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.solver.Result;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job: vacuum Rabi oscillations by mesolve, its table, CSV and plot. */
class DemoDynamicsTest {

    private static Result run(double kappa, double gamma, Path dir, StringBuilder text) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Result r;
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            r = DemoCommand.dynamics(8, 2 * Math.PI * 0.05, kappa, gamma, dir, out);
        }
        text.append(buf.toString(StandardCharsets.UTF_8));
        return r;
    }

    /** Without decay the excitation swaps between atom and cavity: <σ+σ-> = cos²(g t), <a†a> = sin²(g t). */
    @Test
    void withoutDecayTheExcitationSwapsAsCosSquared(@TempDir Path dir) {
        double g = 2 * Math.PI * 0.05;
        Result r = run(0, 0, dir, new StringBuilder());
        double[] t = r.times(), cavity = r.expect(0), atom = r.expect(1);
        for (int i = 0; i < t.length; i++) {
            double c = Math.cos(g * t[i]);
            assertEquals(c * c, atom[i], 1e-5, "t=" + t[i]);
            assertEquals(1 - c * c, cavity[i], 1e-5, "t=" + t[i]);
        }
    }

    /** With decay the total excitation never grows; the files hold the same numbers as the result. */
    @Test
    void withDecayTheExcitationDecaysAndFilesAreWritten(@TempDir Path dir) throws Exception {
        StringBuilder text = new StringBuilder();
        Result r = run(DemoCommand.DEFAULT_KAPPA, DemoCommand.DEFAULT_GAMMA, dir, text);
        double[] cavity = r.expect(0), atom = r.expect(1);
        assertEquals(1.0, atom[0], 1e-12);
        for (int i = 1; i < cavity.length; i++) {
            assertTrue(cavity[i] + atom[i] <= cavity[i - 1] + atom[i - 1] + 1e-7, "excitation grew at index " + i);
        }
        assertTrue(cavity[100] + atom[100] < 0.7, "excitation after t = 25: " + (cavity[100] + atom[100]));
        List<String> csv = Files.readAllLines(dir.resolve("demo.csv"));
        assertEquals("t,cavity_photons,atom_excitation", csv.get(0));
        assertEquals(102, csv.size());
        String[] last = csv.get(101).split(",");
        assertEquals(25.0, Double.parseDouble(last[0]), 1e-9);
        assertEquals(atom[100], Double.parseDouble(last[2]), 1e-10);
        BufferedImage png = ImageIO.read(dir.resolve("demo.png").toFile());
        assertEquals(800, png.getWidth());
        assertFalse(Files.exists(dir.resolve("demo.svg")), "no SVG unless asked");
        assertTrue(text.toString().contains("<a+a>"), text.toString());
    }
}
