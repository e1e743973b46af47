package dev.lindblad.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A minimal PDF 1.4 writer of our own (no dependency): one page, one Flate-compressed content
 * stream of paths, RGB image XObjects for raster layers and ExtGState entries for transparency.
 * Text is drawn as the glyph outlines of the font that the PNG uses, so any Unicode label
 * (⟨a†a⟩, ψ, ħω) looks the same as on screen and no font has to be embedded. One pixel is 0.75 pt
 * (96 dpi), so an 800 × 500 picture is an 8.3 × 5.2 inch page.
 */
final class PdfCanvas implements Canvas {
    private final int width;
    private final int height;
    private final StringBuilder content = new StringBuilder(1 << 16);
    private final List<BufferedImage> images = new ArrayList<>();
    private final Map<Integer, String> alphas = new LinkedHashMap<>();
    private boolean clipped;

    PdfCanvas(int width, int height) {
        this.width = width;
        this.height = height;
        content.append("0.75 0 0 -0.75 0 ").append(num(0.75 * height)).append(" cm\n");
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private void colour(Color c, String op) {
        content.append(num(c.getRed() / 255.0)).append(' ').append(num(c.getGreen() / 255.0)).append(' ')
                .append(num(c.getBlue() / 255.0)).append(' ').append(op).append('\n');
        if (c.getAlpha() < 255) {
            String name = alphas.computeIfAbsent(c.getAlpha(), a -> "A" + alphas.size());
            content.append('/').append(name).append(" gs\n");
        }
    }

    private void path(Shape s) {
        double[] p = new double[6];
        double cx = 0, cy = 0, sx = 0, sy = 0;
        for (PathIterator it = s.getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(p)) {
                case PathIterator.SEG_MOVETO -> {
                    content.append(num(p[0])).append(' ').append(num(p[1])).append(" m\n");
                    cx = sx = p[0];
                    cy = sy = p[1];
                }
                case PathIterator.SEG_LINETO -> {
                    content.append(num(p[0])).append(' ').append(num(p[1])).append(" l\n");
                    cx = p[0];
                    cy = p[1];
                }
                case PathIterator.SEG_QUADTO -> {
                    // a quadratic Bézier is the cubic with controls 2/3 of the way to its control point
                    double c1x = cx + 2.0 / 3 * (p[0] - cx), c1y = cy + 2.0 / 3 * (p[1] - cy);
                    double c2x = p[2] + 2.0 / 3 * (p[0] - p[2]), c2y = p[3] + 2.0 / 3 * (p[1] - p[3]);
                    content.append(num(c1x)).append(' ').append(num(c1y)).append(' ').append(num(c2x)).append(' ')
                            .append(num(c2y)).append(' ').append(num(p[2])).append(' ').append(num(p[3])).append(" c\n");
                    cx = p[2];
                    cy = p[3];
                }
                case PathIterator.SEG_CUBICTO -> {
                    for (int i = 0; i < 6; i++) {
                        content.append(num(p[i])).append(i == 5 ? " c\n" : " ");
                    }
                    cx = p[4];
                    cy = p[5];
                }
                default -> {
                    content.append("h\n");
                    cx = sx;
                    cy = sy;
                }
            }
        }
    }

    @Override
    public void fill(Shape shape, Color color) {
        content.append("q\n");
        colour(color, "rg");
        path(shape);
        boolean evenOdd = shape.getPathIterator(null).getWindingRule() == PathIterator.WIND_EVEN_ODD;
        content.append(evenOdd ? "f*\nQ\n" : "f\nQ\n");
    }

    @Override
    public void stroke(Shape shape, Color color, double w, float[] dash) {
        content.append("q\n0 J 1 j ").append(num(w)).append(" w\n");
        if (dash != null) {
            content.append('[');
            for (float d : dash) {
                content.append(num(d)).append(' ');
            }
            content.append("] 0 d\n");
        }
        colour(color, "RG");
        path(shape);
        content.append("S\nQ\n");
    }

    @Override
    public void text(String s, double x, double y, Font font, Color color, double ax, double ay, double angle) {
        if (s.isEmpty()) {
            return;
        }
        double[] o = Canvas.baselineOffset(s, font, ax, ay);
        Shape glyphs = font.createGlyphVector(FRC, s).getOutline((float) o[0], (float) o[1]);
        AffineTransform at = AffineTransform.getTranslateInstance(x, y);
        at.rotate(angle);
        fill(at.createTransformedShape(glyphs), color);
    }

    @Override
    public void image(BufferedImage img, double x, double y, double w, double h) {
        images.add(img);
        content.append("q\n").append(num(w)).append(" 0 0 ").append(num(-h)).append(' ').append(num(x)).append(' ')
                .append(num(y + h)).append(" cm\n/Im").append(images.size() - 1).append(" Do\nQ\n");
    }

    @Override
    public void clip(Rectangle2D r) {
        unclip();
        content.append("q\n").append(num(r.getX())).append(' ').append(num(r.getY())).append(' ')
                .append(num(r.getWidth())).append(' ').append(num(r.getHeight())).append(" re W n\n");
        clipped = true;
    }

    @Override
    public void unclip() {
        if (clipped) {
            content.append("Q\n");
            clipped = false;
        }
    }

    private static byte[] deflate(byte[] data) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(data.length / 4 + 64);
        try (DeflaterOutputStream d = new DeflaterOutputStream(b, new Deflater(Deflater.BEST_SPEED))) {
            d.write(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /** The finished file: header, objects, cross-reference table and trailer. */
    byte[] finish() {
        unclip();
        Pdf pdf = new Pdf();
        int firstImage = 5;
        StringBuilder xobjects = new StringBuilder();
        for (int i = 0; i < images.size(); i++) {
            xobjects.append("/Im").append(i).append(' ').append(firstImage + i).append(" 0 R ");
        }
        StringBuilder gs = new StringBuilder();
        alphas.forEach((a, name) -> gs.append('/').append(name).append(" << /ca ").append(num(a / 255.0))
                .append(" /CA ").append(num(a / 255.0)).append(" >> "));
        pdf.object("<< /Type /Catalog /Pages 2 0 R >>");
        pdf.object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        pdf.object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + num(0.75 * width) + " " + num(0.75 * height)
                + "] /Resources << /XObject << " + xobjects + ">> /ExtGState << " + gs + ">> >> /Contents 4 0 R >>");
        pdf.stream("", deflate(content.toString().getBytes(StandardCharsets.ISO_8859_1)));
        for (BufferedImage img : images) {
            int w = img.getWidth(), h = img.getHeight();
            byte[] rgb = new byte[3 * w * h];
            int k = 0;
            for (int yy = 0; yy < h; yy++) {
                for (int xx = 0; xx < w; xx++) {
                    int p = img.getRGB(xx, yy);
                    rgb[k++] = (byte) (p >> 16);
                    rgb[k++] = (byte) (p >> 8);
                    rgb[k++] = (byte) p;
                }
            }
            pdf.stream("/Type /XObject /Subtype /Image /Width " + w + " /Height " + h
                    + " /ColorSpace /DeviceRGB /BitsPerComponent 8 ", deflate(rgb));
        }
        return pdf.finish();
    }

    /** Object bookkeeping: numbers from 1, byte offsets for the cross-reference table. */
    private static final class Pdf {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
        private final List<Integer> offsets = new ArrayList<>();

        Pdf() {
            write("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        }

        private void write(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        }

        void object(String body) {
            offsets.add(out.size());
            write(offsets.size() + " 0 obj\n" + body + "\nendobj\n");
        }

        void stream(String dict, byte[] data) {
            offsets.add(out.size());
            write(offsets.size() + " 0 obj\n<< " + dict + "/Filter /FlateDecode /Length " + data.length + " >>\nstream\n");
            out.writeBytes(data);
            write("\nendstream\nendobj\n");
        }

        byte[] finish() {
            int xref = out.size();
            StringBuilder x = new StringBuilder("xref\n0 ").append(offsets.size() + 1).append("\n0000000000 65535 f \n");
            for (int off : offsets) {
                x.append(String.format(Locale.ROOT, "%010d 00000 n \n", off));
            }
            x.append("trailer\n<< /Size ").append(offsets.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                    .append(xref).append("\n%%EOF\n");
            write(x.toString());
            return out.toByteArray();
        }
    }
}
