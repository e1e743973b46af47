package dev.lindblad.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Draws on a Graphics2D, antialiased; used for PNG and for {@link Figure#toImage()}. */
final class Java2DCanvas implements Canvas {
    private final Graphics2D g;

    Java2DCanvas(Graphics2D g) {
        this.g = g;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }

    @Override
    public void fill(Shape shape, Color color) {
        g.setColor(color);
        g.fill(shape);
    }

    @Override
    public void stroke(Shape shape, Color color, double width, float[] dash) {
        g.setColor(color);
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
        g.draw(shape);
    }

    @Override
    public void text(String s, double x, double y, Font font, Color color, double ax, double ay, double angle) {
        double[] o = Canvas.baselineOffset(s, font, ax, ay);
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        if (angle != 0) {
            g.rotate(angle);
        }
        g.setFont(font);
        g.setColor(color);
        g.drawString(s, (float) o[0], (float) o[1]);
        g.setTransform(saved);
    }

    @Override
    public void image(BufferedImage img, double x, double y, double w, double h) {
        AffineTransform at = new AffineTransform(w / img.getWidth(), 0, 0, h / img.getHeight(), x, y);
        g.drawImage(img, at, null);
    }

    @Override
    public void clip(Rectangle2D r) {
        g.setClip(r);
    }

    @Override
    public void unclip() {
        g.setClip(null);
    }
}
