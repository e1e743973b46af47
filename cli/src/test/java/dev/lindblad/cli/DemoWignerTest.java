package dev.lindblad.cli;

import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Lindblad;
import dev.lindblad.Qobj;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lindblad demo --wigner}: the cavity's Wigner functions during the vacuum Rabi oscillations. */
class DemoWignerTest {

    /**
     * Without decay the cavity is cos²(gt)|0⟩⟨0| + sin²(gt)|1⟩⟨1|, so W(0,0) = (cos²(gt) − sin²(gt))/π:
     * 1/π at t = 0, −1/π at t = 5 (gt = π/2) where the photon is in the cavity.
     */
    @Test
    void cavityWignerAtTheOriginFollowsTheSwap(@TempDir Path dir) throws Exception {
        double g = 2 * Math.PI * 0.05;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        List<Qobj> cavity;
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            cavity = DemoCommand.wigner(6, g, 0, 0, dir, out);
        }
        assertEquals(DemoCommand.WIGNER_TIMES.length, cavity.size());
        for (int k = 0; k < cavity.size(); k++) {
            double t = DemoCommand.WIGNER_TIMES[k], c = Math.cos(g * t), s = Math.sin(g * t);
            double w00 = Lindblad.wigner(cavity.get(k), new double[] {0}, new double[] {0})[0][0];
            assertEquals((c * c - s * s) / Math.PI, w00, 1e-5, "t = " + t);
        }
        BufferedImage png = ImageIO.read(dir.resolve("demo-wigner.png").toFile());
        assertTrue(png.getWidth() >= 1000 && png.getHeight() >= 500, png.getWidth() + " x " + png.getHeight());
        String text = buf.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("W(0,0)") && text.contains("demo-wigner.png"), text);
    }

    @Test
    void theFlagIsListed() {
        assertTrue(new DemoCommand().options().stream().anyMatch(o -> o.name().equals("wigner")),
                "demo --wigner is an option");
    }
}
