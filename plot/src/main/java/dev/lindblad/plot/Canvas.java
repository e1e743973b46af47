package dev.lindblad.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * The few drawing operations every picture is made of, in pixel coordinates with y downwards.
 * One implementation draws on a {@link java.awt.Graphics2D} (PNG), one writes SVG and one PDF, so a
 * picture is laid out once and looks the same in every format.
 */
interface Canvas {

    /** Measures text the same way for every format (antialiased, fractional metrics). */
    FontRenderContext FRC = new FontRenderContext(null, true, true);

    void fill(Shape shape, Color color);

    void stroke(Shape shape, Color color, double width, float[] dash);

    /**
     * Draws a line of text.
     *
     * @param ax horizontal anchor: 0 puts the left end at x, 0.5 the centre, 1 the right end
     * @param ay vertical anchor: 0 puts the top at y, 0.5 the middle, 1 the bottom
     * @param angle rotation about (x, y), radians, positive clockwise on screen
     */
    void text(String s, double x, double y, Font font, Color color, double ax, double ay, double angle);

    /** Draws an image scaled into the rectangle (x, y, w, h). */
    void image(BufferedImage img, double x, double y, double w, double h);

    /** Restricts drawing to the rectangle until {@link #unclip()}. */
    void clip(Rectangle2D r);

    void unclip();

    static double width(String s, Font font) {
        return font.getStringBounds(s, FRC).getWidth();
    }

    static double height(Font font) {
        LineMetrics m = font.getLineMetrics("Hg", FRC);
        return m.getAscent() + m.getDescent();
    }

    static double ascent(Font font) {
        return font.getLineMetrics("Hg", FRC).getAscent();
    }

    /** Offset from the anchor point to the baseline start, in the text's own unrotated frame. */
    static double[] baselineOffset(String s, Font font, double ax, double ay) {
        LineMetrics m = font.getLineMetrics(s.isEmpty() ? "Hg" : s, FRC);
        double h = m.getAscent() + m.getDescent();
        return new double[] {-ax * width(s, font), -ay * h + m.getAscent()};
    }
}
