package dev.lindblad.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotsTest {

    @Test
    void writesPngAndSvg(@TempDir Path dir) throws Exception {
        double[] x = {0, 1, 2, 3};
        var chart = Plots.lines("decay", "t", "p", x, List.of(new double[] {1, 0.5, 0.25, 0.125}), List.of("p(t)"));
        Path base = dir.resolve("plot");
        Plots.save(chart, base);
        BufferedImage img = ImageIO.read(base.resolveSibling("plot.png").toFile());
        assertEquals(800, img.getWidth());
        assertEquals(500, img.getHeight());
        String svg = Files.readString(base.resolveSibling("plot.svg"));
        assertTrue(svg.contains("<svg"), "not an SVG file");
    }

    @Test
    void rejectsMismatchedLabels() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Plots.lines("t", "x", "y", new double[] {0, 1}, List.of(new double[] {1}), List.of("a")));
        assertTrue(e.getMessage().contains("1 points, x has 2"), e.getMessage());
    }
}
