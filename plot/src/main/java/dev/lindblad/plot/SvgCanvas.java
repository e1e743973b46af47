package dev.lindblad.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Base64;
import java.util.Locale;

/**
 * Writes SVG 1.1: paths for shapes, {@code <text>} for labels (so they stay text), PNG data URIs
 * for raster layers such as a Wigner heat map.
 */
final class SvgCanvas implements Canvas {
    private final StringBuilder out = new StringBuilder(1 << 16);
    private int clips;
    private boolean clipped;

    SvgCanvas(int width, int height) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" ")
                .append("width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n");
    }

    String finish() {
        unclip();
        return out.append("</svg>\n").toString();
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String rgb(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    static String path(Shape s) {
        StringBuilder d = new StringBuilder();
        double[] p = new double[6];
        for (PathIterator it = s.getPathIterator(null); !it.isDone(); it.next()) {
            switch (it.currentSegment(p)) {
                case PathIterator.SEG_MOVETO -> d.append('M').append(num(p[0])).append(' ').append(num(p[1]));
                case PathIterator.SEG_LINETO -> d.append('L').append(num(p[0])).append(' ').append(num(p[1]));
                case PathIterator.SEG_QUADTO -> d.append('Q').append(num(p[0])).append(' ').append(num(p[1]))
                        .append(' ').append(num(p[2])).append(' ').append(num(p[3]));
                case PathIterator.SEG_CUBICTO -> d.append('C').append(num(p[0])).append(' ').append(num(p[1]))
                        .append(' ').append(num(p[2])).append(' ').append(num(p[3])).append(' ')
                        .append(num(p[4])).append(' ').append(num(p[5]));
                default -> d.append('Z');
            }
        }
        return d.toString();
    }

    private void paint(String attr, Color c) {
        out.append(' ').append(attr).append("=\"").append(rgb(c)).append('"');
        if (c.getAlpha() < 255) {
            out.append(' ').append(attr).append("-opacity=\"").append(num(c.getAlpha() / 255.0)).append('"');
        }
    }

    @Override
    public void fill(Shape shape, Color color) {
        out.append("<path d=\"").append(path(shape)).append('"');
        paint("fill", color);
        out.append("/>\n");
    }

    @Override
    public void stroke(Shape shape, Color color, double width, float[] dash) {
        out.append("<path d=\"").append(path(shape)).append("\" fill=\"none\"");
        paint("stroke", color);
        out.append(" stroke-width=\"").append(num(width)).append("\" stroke-linejoin=\"round\"");
        if (dash != null) {
            out.append(" stroke-dasharray=\"");
            for (int i = 0; i < dash.length; i++) {
                out.append(i > 0 ? "," : "").append(num(dash[i]));
            }
            out.append('"');
        }
        out.append("/>\n");
    }

    @Override
    public void text(String s, double x, double y, Font font, Color color, double ax, double ay, double angle) {
        double[] o = Canvas.baselineOffset(s, font, ax, ay);
        out.append("<text x=\"").append(num(o[0])).append("\" y=\"").append(num(o[1]))
                .append("\" transform=\"translate(").append(num(x)).append(',').append(num(y)).append(')');
        if (angle != 0) {
            out.append(" rotate(").append(num(Math.toDegrees(angle))).append(')');
        }
        out.append("\" font-family=\"").append(escape(font.getFamily())).append(", DejaVu Sans, sans-serif\" font-size=\"")
                .append(num(font.getSize2D())).append('"');
        if (font.isBold()) {
            out.append(" font-weight=\"bold\"");
        }
        paint("fill", color);
        out.append('>').append(escape(s)).append("</text>\n");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void image(BufferedImage img, double x, double y, double w, double h) {
        byte[] png = PngEncoder.encode(img);
        out.append("<image x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\" preserveAspectRatio=\"none\" xlink:href=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"/>\n");
    }

    @Override
    public void clip(Rectangle2D r) {
        unclip();
        int id = clips++;
        out.append("<clipPath id=\"c").append(id).append("\"><rect x=\"").append(num(r.getX())).append("\" y=\"")
                .append(num(r.getY())).append("\" width=\"").append(num(r.getWidth())).append("\" height=\"")
                .append(num(r.getHeight())).append("\"/></clipPath>\n<g clip-path=\"url(#c").append(id).append(")\">\n");
        clipped = true;
    }

    @Override
    public void unclip() {
        if (clipped) {
            out.append("</g>\n");
            clipped = false;
        }
    }
}
