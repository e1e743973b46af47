package dev.lindblad.plot;

import static dev.lindblad.Lindblad.basis;
import static dev.lindblad.Lindblad.coherent;
import static dev.lindblad.Lindblad.destroy;
import static dev.lindblad.Lindblad.fock;
import static dev.lindblad.Lindblad.linspace;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;
import dev.lindblad.solver.McOptions;
import dev.lindblad.solver.McResult;
import dev.lindblad.solver.Solvers;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.InflaterInputStream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Each kind of picture rendered to pixels and checked where the data says what colour to expect. */
class PlotsTest {

    private static Color pixel(BufferedImage img, double x, double y) {
        return new Color(img.getRGB((int) Math.round(x), (int) Math.round(y)));
    }

    private static void assertColour(Color expected, Color actual, int tol, String where) {
        assertTrue(Math.abs(expected.getRed() - actual.getRed()) <= tol
                        && Math.abs(expected.getGreen() - actual.getGreen()) <= tol
                        && Math.abs(expected.getBlue() - actual.getBlue()) <= tol,
                where + ": expected " + expected + " but found " + actual);
    }

    private static boolean blue(Color c) {
        return c.getBlue() > c.getRed() + 40;
    }

    private static boolean red(Color c) {
        return c.getRed() > c.getBlue() + 40;
    }

    private static boolean white(Color c) {
        return c.getRed() > 245 && c.getGreen() > 245 && c.getBlue() > 245;
    }

    /** Pixels that differ from the white background. */
    private static int inked(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int count(BufferedImage img, Color c, int tol) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                Color p = new Color(img.getRGB(x, y));
                if (Math.abs(p.getRed() - c.getRed()) <= tol && Math.abs(p.getGreen() - c.getGreen()) <= tol
                        && Math.abs(p.getBlue() - c.getBlue()) <= tol) {
                    n++;
                }
            }
        }
        return n;
    }

    // ---- ticks and labels ----

    @Test
    void tickLabelsAreRounded() {
        List<Ticks.Tick> t = Ticks.linear(0, 25.125628140703515, 6);
        assertEquals(List.of("0", "5", "10", "15", "20", "25"), t.stream().map(Ticks.Tick::label).toList());
        assertEquals(List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0"),
                Ticks.linear(-0.01, 1.01, 6).stream().map(Ticks.Tick::label).toList());
        assertEquals(List.of("−0.3", "−0.2", "−0.1", "0.0", "0.1", "0.2", "0.3"),
                Ticks.linear(-1 / Math.PI, 1 / Math.PI, 7).stream().map(Ticks.Tick::label).toList());
        assertEquals(List.of("−2.5", "0.0", "2.5"), Ticks.linear(-4, 4, 4).stream().map(Ticks.Tick::label).toList());
        for (double hi : new double[] {0.3, 7.7, 1234.5, 3e-4}) {
            for (Ticks.Tick k : Ticks.linear(0, hi, 8)) {
                assertTrue(k.label().length() <= 7, "label " + k.label() + " for [0, " + hi + "]");
            }
        }
        assertEquals(List.of("0", "5", "10", "15"), Ticks.linear(-0.5, 19.5, 9, true).stream().map(Ticks.Tick::label).toList());
        assertEquals(List.of("0", "1", "2"), Ticks.linear(-0.4, 2.4, 8, true).stream().map(Ticks.Tick::label).toList());
        assertEquals(List.of("10⁻³", "10⁻²", "10⁻¹"), Ticks.log(1e-3, 0.5).stream().map(Ticks.Tick::label).toList());
    }

    @Test
    void texLikeLabelsBecomeUnicode() {
        assertEquals("⟨a†a⟩", Tex.toUnicode("$\\langle a^\\dagger a\\rangle$"));
        assertEquals("⟨σ₊σ₋⟩", Tex.toUnicode("\\langle\\sigma_+\\sigma_-\\rangle"));
        assertEquals("ħω₀ x²", Tex.toUnicode("\\hbar\\omega_0 x^2"));
        assertEquals("plain label", Tex.toUnicode("plain label"));
        assertEquals(-1, Style.LABEL.canDisplayUpTo("⟨a†a⟩ ψ ħω ₀₁ ²"), "font " + Style.FAMILY + " lacks a glyph");
    }

    // ---- lines ----

    @Test
    void linesHaveNoMarkersUnlessAsked() {
        double[] x = linspace(0, 10, 11), y = new double[11];
        java.util.Arrays.fill(y, 1);
        BufferedImage plain = Plots.lines("t", "x", "y", x, List.of(y), List.of("")).toImage();
        Figure withMarkers = Figure.of(new Axes().markers(true).line(x, y, ""));
        BufferedImage marked = withMarkers.toImage();
        Color line = Style.CYCLE[0];
        int a = count(plain, line, 30), b = count(marked, line, 30);
        assertTrue(a > 500, "the line is drawn: " + a);
        assertTrue(b > a + 11 * 10, "markers add pixels: " + a + " vs " + b);
        // 3 px below a data point: white without markers, the line colour with them
        double[] p = withMarkers.axes().toPixel(5, 1);
        assertTrue(white(pixel(plain, p[0], p[1] + 2.6)), "no marker expected: " + pixel(plain, p[0], p[1] + 2.6));
        assertColour(line, pixel(marked, p[0], p[1] + 2.4), 60, "marker");
    }

    @Test
    void bandShowsPlusMinusOneStandardError() {
        double[] t = linspace(0, 1, 50), m = new double[50], e = new double[50];
        java.util.Arrays.fill(m, 0.5);
        java.util.Arrays.fill(e, 0.2);
        Figure f = Plots.plotExpectation(t, List.of(m), List.of(e), List.of("⟨n⟩")).size(400, 400);
        f.axes().yRange(0, 1);
        BufferedImage img = f.toImage();
        Color inBand = pixel(img, f.axes().toPixel(0.3, 0.62)[0], f.axes().toPixel(0.3, 0.62)[1]);
        Color outside = pixel(img, f.axes().toPixel(0.3, 0.8)[0], f.axes().toPixel(0.3, 0.8)[1]);
        // the line's colour at alpha 64/255 over white
        assertColour(new Color(199, 221, 236), inBand, 4, "inside the band");
        assertTrue(white(outside) || outside.equals(Style.GRID), "white outside the band: " + outside);
    }

    @Test
    void monteCarloResultGetsItsStandardErrorBand() {
        Qobj a = destroy(4);
        McResult r = Solvers.mcsolve(a.dag().times(a), fock(4, 3), linspace(0, 2, 21), List.of(a.times(0.7)),
                List.of(a.dag().times(a)), McOptions.defaults().withNtraj(40).withSeed(7));
        Figure f = Plots.plotExpectation(r, "⟨n⟩");
        BufferedImage img = f.toImage();
        // at t = 1 the band spans mean ± standard error; halfway between the mean and its edge is tinted
        double mean = r.expect(0)[10], se = r.standardError(0)[10];
        assertTrue(se > 0.05, "trajectories spread: " + se);
        double[] p = f.axes().toPixel(1.0, mean + 0.7 * se);
        assertColour(new Color(199, 221, 236), pixel(img, p[0], p[1]), 4, "band pixel");
        var e = assertThrows(IllegalArgumentException.class, () -> Plots.plotExpectation(r, "a", "b"));
        assertTrue(e.getMessage().startsWith("plotExpectation: 1 e-ops but 2 labels"), e.getMessage());
    }

    // ---- Wigner ----

    @Test
    void wignerOfFockOneIsBlueAtTheOriginAndRedOnTheRing() {
        Figure f = Plots.plotWigner(fock(5, 1));
        BufferedImage img = f.toImage();
        double[] o = f.axes().toPixel(0, 0);
        assertTrue(blue(pixel(img, o[0], o[1])), "W(0,0) = -1/π should be blue: " + pixel(img, o[0], o[1]));
        assertColour(Colormap.DIVERGING.at(0.5 / 21), pixel(img, o[0], o[1]), 12, "the most negative band at the origin");
        // W = e^{-r²}(2r² - 1)/π is largest (positive) at r = 1
        double[] ring = f.axes().toPixel(1, 0);
        assertTrue(red(pixel(img, ring[0], ring[1])), "W(1,0) > 0 should be red: " + pixel(img, ring[0], ring[1]));
        double[] far = f.axes().toPixel(4.5, 4.5);
        assertColour(Colormap.DIVERGING.at(0.5), pixel(img, far[0], far[1]), 6, "W ≈ 0 is the map's centre");
        // vacuum: red at the origin
        Figure v = Plots.plotWigner(fock(5, 0));
        BufferedImage vi = v.toImage();
        double[] vo = v.axes().toPixel(0, 0);
        assertTrue(red(pixel(vi, vo[0], vo[1])));
    }

    @Test
    void smoothHeatMapKeepsTheSign() {
        double[] xv = linspace(-3, 3, 61);
        Figure f = Plots.plotWigner(coherent(15, 1.5).plus(coherent(15, -1.5)).unit(), xv, xv, false);
        BufferedImage img = f.toImage();
        double[] blob = f.axes().toPixel(2.12, 0);
        assertTrue(red(pixel(img, blob[0], blob[1])), "a coherent blob at x = √2·1.5: " + pixel(img, blob[0], blob[1]));
    }

    // ---- bars, Hinton, histogram, spectrum, levels ----

    @Test
    void fockDistributionBarsHaveTheirHeights() {
        Figure f = Plots.plotFockDistribution(coherent(20, 2.0));
        BufferedImage img = f.toImage();
        double p4 = Math.exp(-4) * Math.pow(4, 4) / 24;
        double[] in = f.axes().toPixel(4, 0.9 * p4), above = f.axes().toPixel(4, 1.05 * p4);
        assertColour(Style.CYCLE[0], pixel(img, in[0], in[1]), 10, "inside bar 4");
        assertFalse(pixel(img, above[0], above[1]).equals(Style.CYCLE[0]), "above bar 4");
        double[] zero = f.axes().toPixel(0, 0.1);
        assertFalse(pixel(img, zero[0], zero[1]).equals(Style.CYCLE[0]), "P(0) = e^-4 is short");
    }

    @Test
    void hintonColoursBySign() {
        Qobj rho = Qobj.fromArray(new double[][] {{0.6, -0.3}, {-0.3, 0.4}});
        Figure f = Plots.hinton(rho);
        BufferedImage img = f.toImage();
        double[] d00 = f.axes().toPixel(0.5, 0.5), d01 = f.axes().toPixel(1.5, 0.5), d11 = f.axes().toPixel(1.5, 1.5);
        assertTrue(red(pixel(img, d00[0], d00[1])), "ρ00 > 0: " + pixel(img, d00[0], d00[1]));
        assertTrue(blue(pixel(img, d01[0], d01[1])), "ρ01 < 0: " + pixel(img, d01[0], d01[1]));
        assertTrue(red(pixel(img, d11[0], d11[1])));
        // the largest square fills 90% of its cell: near the cell's corner it is background
        double[] corner = f.axes().toPixel(1.03, 0.03);
        assertFalse(blue(pixel(img, corner[0], corner[1])), "the 0.3 square is smaller than its cell");
    }

    @Test
    void matrixHistogramTopsShowThePhase() {
        Qobj m = Qobj.fromArray(new double[][] {{1, 0}, {0, 0}}).plus(
                basis(2, 1).times(basis(2, 1).dag()).times(Complex.I));
        Figure f = Plots.matrixHistogram(m);
        BufferedImage img = f.toImage();
        MatrixHistogram h = (MatrixHistogram) f.panel(0);
        Rectangle2D area = new Rectangle2D.Double(0, 0, f.width(), f.height());
        double[] t00 = h.topCentre(area, 0, 0), t11 = h.topCentre(area, 1, 1);
        assertColour(MatrixHistogram.phaseColour(0), pixel(img, t00[0], t00[1]), 8, "phase 0");
        assertColour(MatrixHistogram.phaseColour(Math.PI / 2), pixel(img, t11[0], t11[1]), 8, "phase π/2");
        assertNotEquals(MatrixHistogram.phaseColour(0), MatrixHistogram.phaseColour(Math.PI / 2));
    }

    @Test
    void spectrumPeakAndEnergyLevels() {
        double[] w = linspace(-2, 2, 401), s = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            s[i] = 0.1 / Math.PI / ((w[i] - 1) * (w[i] - 1) + 0.01);
        }
        Figure f = Plots.plotSpectrum(w, s);
        BufferedImage img = f.toImage();
        double[] peak = f.axes().toPixel(1, s[300]);
        assertColour(Style.CYCLE[0], pixel(img, peak[0], peak[1] + 1), 60, "the peak");

        Qobj h0 = Qobj.fromArray(new double[][] {{0, 0}, {0, 1}});
        Qobj h1 = Qobj.fromArray(new double[][] {{0, 0.5}, {0.5, 0}});
        Figure e = Plots.plotEnergyLevels(List.of(h0, h1), 0, "H0", "H0 + V");
        BufferedImage ei = e.toImage();
        // H0 + V has eigenvalues (1 ± √2)/2
        double[] lvl = e.axes().toPixel(2.6, (1 + Math.sqrt(2)) / 2), gap = e.axes().toPixel(2.6, 0.5);
        assertColour(Style.CYCLE[0], pixel(ei, lvl[0], lvl[1]), 30, "upper level");
        assertTrue(white(pixel(ei, gap[0], gap[1])), "no level at 0.5");
    }

    // ---- Bloch ----

    @Test
    void blochVectorTipHasItsColour() {
        Bloch b = new Bloch().addVector(1, 0, 0).addStates(basis(2, 0));
        Figure f = b.figure();
        BufferedImage img = f.toImage();
        Rectangle2D area = new Rectangle2D.Double(0, 0, f.width(), f.height());
        double[] tip = b.screen(area, 0.93, 0, 0);
        assertColour(new Color(0x008000), pixel(img, tip[0], tip[1]), 40, "first vector (green) near its tip");
        // basis(2,0) is |0⟩, the north pole: the second vector (orange) points up
        double[] north = b.screen(area, 0, 0, 0.6);
        assertColour(new Color(0xcc6600), pixel(img, north[0], north[1]), 50, "second vector towards +z");
        assertArrayEquals(new double[] {0, 0, -1}, Bloch.blochVector(basis(2, 1)), 1e-12);
        double[] plus = Bloch.blochVector(basis(2, 0).plus(basis(2, 1)).unit());
        assertArrayEquals(new double[] {1, 0, 0}, plus, 1e-12);
        // another view moves the tip
        double[] other = new Bloch().view(0, 0).screen(area, 1, 0, 0);
        assertEquals(area.getCenterX(), other[0], 1e-9, "seen from +x the x axis points at the eye");
    }

    @Test
    void blochPointsBehindTheSphereAreFaded() {
        Bloch front = new Bloch().addPoints(new double[] {0.8}, new double[] {-0.6}, new double[] {0});
        Bloch back = new Bloch().addPoints(new double[] {-0.8}, new double[] {0.6}, new double[] {0});
        Rectangle2D area = new Rectangle2D.Double(0, 0, 560, 560);
        double[] pf = front.screen(area, 0.8, -0.6, 0), pb = back.screen(area, -0.8, 0.6, 0);
        assertTrue(pf[2] > 0 && pb[2] < 0, "one in front, one behind");
        Color cf = pixel(front.figure().toImage(), pf[0], pf[1]), cb = pixel(back.figure().toImage(), pb[0], pb[1]);
        assertColour(Color.BLUE, cf, 10, "front point");
        assertTrue(blue(cb) && cb.getRed() > 40, "back point seen faded through the sphere: " + cb);
    }

    // ---- grids ----

    @Test
    void gridSharesAxesAndKeepsTitles() {
        Figure a = Plots.lines("one", "t", "y", new double[] {0, 1}, List.of(new double[] {0, 1}), List.of(""));
        Figure b = Plots.lines("two", "t", "y", new double[] {0, 3}, List.of(new double[] {0, 2}), List.of(""));
        Figure c = Plots.lines("three", "t", "y", new double[] {-1, 1}, List.of(new double[] {0, 1}), List.of(""));
        Figure g = Plots.grid(2, 2, Figure.Share.BOTH, a, b, c);
        assertEquals(3, g.panels().size());
        double[] r0 = ((Axes) g.panel(0)).range(), r2 = ((Axes) g.panel(2)).range();
        assertArrayEquals(r0, r2, 1e-12);
        assertEquals(-1, r0[0], 1e-12);
        assertEquals(3, r0[1], 1e-12);
        assertEquals("two", g.panel(1).title());
        assertTrue(((Axes) g.panel(0)).hideXTickLabels, "nothing below panel 2? panel 0 has panel 2 below");
        assertFalse(((Axes) g.panel(1)).hideXTickLabels, "no panel below the top-right one");
        assertTrue(((Axes) g.panel(1)).hideYTickLabels);
        BufferedImage img = g.toImage();
        assertTrue(inked(img) > 5000);
        var e = assertThrows(IllegalArgumentException.class, () -> Plots.grid(1, 2, a, b, c));
        assertTrue(e.getMessage().contains("3 panels for a 1 x 2 grid"), e.getMessage());
    }

    // ---- files ----

    @Test
    void savesPngByDefaultAndSvgOrPdfByName(@TempDir Path dir) throws Exception {
        Figure f = Plots.plotWigner(fock(4, 1), linspace(-3, 3, 31), linspace(-3, 3, 31), true);
        f.axes().xLabel("$x$ ⟨a†a⟩");
        Path png = f.save(dir.resolve("w"));
        assertEquals(dir.resolve("w.png"), png);
        try (var files = Files.list(dir)) {
            assertEquals(List.of(png), files.toList(), "only the PNG is written");
        }
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(640, img.getWidth());

        Path svg = f.save(dir.resolve("w.svg"));
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Document doc = dbf.newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertTrue(doc.getElementsByTagName("path").getLength() > 10);
        assertTrue(doc.getElementsByTagName("image").getLength() >= 2, "heat map and colour bar");
        assertTrue(Files.readString(svg).contains("⟨a†a⟩"), "text stays text");

        Path pdf = f.save(dir.resolve("w.pdf"));
        checkPdf(Files.readAllBytes(pdf));
        try (var pd = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, pd.getNumberOfPages());
            var box = pd.getPage(0).getMediaBox();
            assertEquals(0.75 * 640, box.getWidth(), 1e-3, "one pixel is 0.75 pt");
            assertEquals(0.75 * 540, box.getHeight(), 1e-3);
            var images = pd.getPage(0).getResources().getXObjectNames();
            assertTrue(images.iterator().hasNext(), "the heat map is an image XObject");
            var xo = (org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) pd.getPage(0).getResources()
                    .getXObject(images.iterator().next());
            assertTrue(xo.getImage().getWidth() > 100, "the image decodes");
            // PDFBox renders the page: at the origin of phase space the Fock-1 Wigner function is blue
            BufferedImage page = new org.apache.pdfbox.rendering.PDFRenderer(pd).renderImage(0, 4f / 3);
            double[] o = f.axes().toPixel(0, 0);
            assertTrue(blue(pixel(page, o[0], o[1])), "PDF rendered by PDFBox, origin: " + pixel(page, o[0], o[1]));
        }
    }

    /** Structure of a PDF: header, objects at the offsets the xref table gives, a trailer, streams that inflate. */
    static void checkPdf(byte[] bytes) throws Exception {
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        assertTrue(s.startsWith("%PDF-1."), "header");
        assertTrue(s.endsWith("%%EOF\n"), "end marker");
        Matcher sx = Pattern.compile("startxref\\n(\\d+)\\n%%EOF\\n$").matcher(s);
        assertTrue(sx.find(), "startxref");
        int xref = Integer.parseInt(sx.group(1));
        assertTrue(s.startsWith("xref\n", xref), "startxref points at the xref table");
        Matcher head = Pattern.compile("xref\\n0 (\\d+)\\n").matcher(s);
        assertTrue(head.find(xref));
        int n = Integer.parseInt(head.group(1));
        int pos = head.end() + 20;
        for (int k = 1; k < n; k++) {
            String entry = s.substring(pos, pos + 20);
            pos += 20;
            int off = Integer.parseInt(entry.substring(0, 10));
            assertTrue(s.startsWith(k + " 0 obj", off), "object " + k + " at " + off);
        }
        assertTrue(s.contains("/Root 1 0 R"));
        assertTrue(s.contains("/Type /Catalog"));
        Matcher stream = Pattern.compile("/Length (\\d+) >>\\nstream\\n").matcher(s);
        int streams = 0;
        while (stream.find()) {
            int len = Integer.parseInt(stream.group(1));
            assertTrue(s.startsWith("\nendstream", stream.end() + len), "stream length");
            try (var in = new InflaterInputStream(new ByteArrayInputStream(bytes, stream.end(), len))) {
                byte[] data = in.readAllBytes();
                assertTrue(data.length > 0);
                if (streams == 0) {
                    String content = new String(data, StandardCharsets.ISO_8859_1);
                    assertTrue(content.contains(" re W n") && content.contains("\nf\n") && content.contains("/Im0 Do"),
                            "the content stream draws paths, fills and the image");
                }
            }
            streams++;
        }
        assertTrue(streams >= 2, "content and images");
    }

    @Test
    void showWritesATemporaryFileAndSaysWhereWhenHeadless() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Path p;
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            p = Plots.show(Plots.plotFockDistribution(fock(3, 1)), out);
        }
        try {
            assertTrue(Files.size(p) > 1000);
            assertTrue(buf.toString(StandardCharsets.UTF_8).contains(p.toAbsolutePath().toString()),
                    buf.toString(StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(p);
        }
    }

    @Test
    void badInputIsRefusedWithTheMethodName() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Plots.lines("t", "x", "y", new double[] {0, 1}, List.of(new double[] {1}), List.of("a")));
        assertTrue(e.getMessage().contains("1 points, x has 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Axes().xRange(1, 1));
        assertTrue(e.getMessage().startsWith("xRange:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Bloch.blochVector(fock(3, 0)));
        assertTrue(e.getMessage().startsWith("blochVector:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Axes().heatMap(new double[][] {{1, 2}, {3, 4}},
                new double[] {0, 1}, new double[] {1, 0}, Colormap.DIVERGING, -1, 1, 0, ""));
        assertTrue(e.getMessage().startsWith("heatMap: ys must increase"), e.getMessage());
        assertThrows(NullPointerException.class, () -> Plots.plotWigner(null));
    }
}
