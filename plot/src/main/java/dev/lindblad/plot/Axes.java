package dev.lindblad.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A 2-D plot: lines, bands, bars, rectangles, segments, text and a heat map on x/y axes with
 * rounded ticks (see {@link Ticks}), optional logarithmic scales, a legend and a colour bar.
 * Lines have no markers unless asked ({@link #markers(boolean)}). Labels may use LaTeX-like
 * markup ({@code "$\langle a^\dagger a\rangle$"}), written as Unicode (see {@link Tex}).
 * Methods return this Axes, so calls chain.
 *
 * <p>Ranges: unless set, x spans the data exactly (bars add half a bar) and y spans the data
 * with 5% margins; bars, bands and the zero line of bars count as data.
 */
public final class Axes extends Panel {
    private final List<Layer> layers = new ArrayList<>();
    private String xLabel = "";
    private String yLabel = "";
    private double[] xRange;
    private double[] yRange;
    private boolean logX;
    private boolean logY;
    private boolean markers;
    private boolean legend = true;
    private boolean grid = true;
    private boolean equalAspect;
    private boolean invertY;
    private double[] xTickValues;
    private String[] xTickLabels;
    private double[] yTickValues;
    private String[] yTickLabels;
    private int colourIndex;
    boolean hideXTickLabels;
    /** x ticks at whole numbers only (photon numbers). */
    boolean integerX;
    boolean hideYTickLabels;
    private Frame lastFrame;

    private sealed interface Layer {
    }

    private record Line(double[] x, double[] y, String label, Color color, double width, boolean dashed,
                        boolean markers) implements Layer {
    }

    private record Band(double[] x, double[] lo, double[] hi, Color color, String label) implements Layer {
    }

    private record Bars(double[] x, double[] h, double width, Color color, String label) implements Layer {
    }

    private record Rect(double x, double y, double w, double h, Color color) implements Layer {
    }

    private record Segment(double x0, double y0, double x1, double y1, Color color, double width, boolean dashed)
            implements Layer {
    }

    private record Text(double x, double y, String text, Color color, double ax, double ay) implements Layer {
    }

    private record Heat(double[][] z, double[] xs, double[] ys, Colormap map, double vmin, double vmax, int levels,
                        String label) implements Layer {
    }

    /** An empty plot. */
    public Axes() {
    }

    // ---- configuration ----

    /**
     * @param t panel title (LaTeX-like markup allowed)
     * @return this
     */
    public Axes title(String t) {
        this.title = Tex.toUnicode(t);
        return this;
    }

    /**
     * @param label x-axis label
     * @return this
     */
    public Axes xLabel(String label) {
        this.xLabel = Tex.toUnicode(label);
        return this;
    }

    /**
     * @param label y-axis label
     * @return this
     */
    public Axes yLabel(String label) {
        this.yLabel = Tex.toUnicode(label);
        return this;
    }

    /**
     * Fixes the x range.
     *
     * @param lo lower end
     * @param hi upper end, greater than lo
     * @return this
     */
    public Axes xRange(double lo, double hi) {
        this.xRange = checkRange("xRange", lo, hi);
        return this;
    }

    /**
     * Fixes the y range.
     *
     * @param lo lower end
     * @param hi upper end, greater than lo
     * @return this
     */
    public Axes yRange(double lo, double hi) {
        this.yRange = checkRange("yRange", lo, hi);
        return this;
    }

    private static double[] checkRange(String op, double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(hi > lo)) {
            throw new IllegalArgumentException(op + ": need finite lo < hi, got [" + lo + ", " + hi + "]");
        }
        return new double[] {lo, hi};
    }

    /**
     * @param on logarithmic x axis (non-positive values are left out)
     * @return this
     */
    public Axes logX(boolean on) {
        this.logX = on;
        return this;
    }

    /**
     * @param on logarithmic y axis (non-positive values are left out)
     * @return this
     */
    public Axes logY(boolean on) {
        this.logY = on;
        return this;
    }

    /**
     * @param on draw a marker on every point of the lines added after this call (default off)
     * @return this
     */
    public Axes markers(boolean on) {
        this.markers = on;
        return this;
    }

    /**
     * @param on show the legend of labelled layers (default on)
     * @return this
     */
    public Axes legend(boolean on) {
        this.legend = on;
        return this;
    }

    /**
     * @param on light grid lines at the ticks (default on)
     * @return this
     */
    public Axes grid(boolean on) {
        this.grid = on;
        return this;
    }

    /**
     * @param on one unit of x as long as one unit of y on screen (for phase space and matrices)
     * @return this
     */
    public Axes equalAspect(boolean on) {
        this.equalAspect = on;
        return this;
    }

    /**
     * @param on y grows downwards (matrix rows)
     * @return this
     */
    public Axes invertY(boolean on) {
        this.invertY = on;
        return this;
    }

    /**
     * Ticks at given positions with given labels (categories, basis states).
     *
     * @param values positions
     * @param labels one label per position
     * @return this
     */
    public Axes xTicks(double[] values, String[] labels) {
        checkTicks("xTicks", values, labels);
        this.xTickValues = values.clone();
        this.xTickLabels = unicode(labels);
        return this;
    }

    /**
     * Ticks at given positions with given labels.
     *
     * @param values positions
     * @param labels one label per position
     * @return this
     */
    public Axes yTicks(double[] values, String[] labels) {
        checkTicks("yTicks", values, labels);
        this.yTickValues = values.clone();
        this.yTickLabels = unicode(labels);
        return this;
    }

    private static void checkTicks(String op, double[] v, String[] l) {
        if (v == null || l == null || v.length != l.length) {
            throw new IllegalArgumentException(op + ": need as many labels as values");
        }
    }

    private static String[] unicode(String[] labels) {
        String[] out = new String[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = Tex.toUnicode(labels[i]);
        }
        return out;
    }

    private Color nextColour() {
        return Style.CYCLE[colourIndex++ % Style.CYCLE.length];
    }

    private static void sameLength(String op, double[] x, double[] y, String what) {
        if (x == null || y == null) {
            throw new NullPointerException(op + ": x or " + what + " is null");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException(op + ": " + what + " has " + y.length + " points, x has " + x.length);
        }
    }

    // ---- layers ----

    /**
     * A line y(x) in the next colour of the cycle, 2 px wide, without markers (unless
     * {@link #markers(boolean)} is on). NaN values break the line.
     *
     * @param x     abscissae
     * @param y     ordinates, as many as x
     * @param label legend label ("" for none)
     * @return this
     */
    public Axes line(double[] x, double[] y, String label) {
        return line(x, y, label, nextColour(), false);
    }

    /**
     * A line in a chosen colour.
     *
     * @param x      abscissae
     * @param y      ordinates
     * @param label  legend label
     * @param color  colour
     * @param dashed dashed instead of solid
     * @return this
     */
    public Axes line(double[] x, double[] y, String label, Color color, boolean dashed) {
        sameLength("line", x, y, "y");
        layers.add(new Line(x.clone(), y.clone(), Tex.toUnicode(label), color, 2, dashed, markers));
        return this;
    }

    /**
     * Markers only (no line) in the next colour.
     *
     * @param x     abscissae
     * @param y     ordinates
     * @param label legend label
     * @return this
     */
    public Axes points(double[] x, double[] y, String label) {
        sameLength("points", x, y, "y");
        layers.add(new Line(x.clone(), y.clone(), Tex.toUnicode(label), nextColour(), 0, false, true));
        return this;
    }

    /**
     * A shaded band between lo(x) and hi(x), translucent, in the colour of the last line (or the
     * next colour if there is none): an error band, e.g. mean ± one standard error.
     *
     * @param x     abscissae
     * @param lo    lower edge
     * @param hi    upper edge
     * @param label legend label ("" for none)
     * @return this
     */
    public Axes band(double[] x, double[] lo, double[] hi, String label) {
        sameLength("band", x, lo, "lo");
        sameLength("band", x, hi, "hi");
        Color c = null;
        for (int i = layers.size() - 1; i >= 0 && c == null; i--) {
            if (layers.get(i) instanceof Line l) {
                c = l.color();
            }
        }
        layers.add(new Band(x.clone(), lo.clone(), hi.clone(), Style.withAlpha(c == null ? nextColour() : c, 64),
                Tex.toUnicode(label)));
        return this;
    }

    /**
     * Vertical bars from 0 to h at x, in the next colour.
     *
     * @param x      bar centres
     * @param h      heights
     * @param width  bar width in x units, positive
     * @param label  legend label
     * @return this
     */
    public Axes bars(double[] x, double[] h, double width, String label) {
        sameLength("bars", x, h, "h");
        if (!(width > 0)) {
            throw new IllegalArgumentException("bars: width must be > 0, got " + width);
        }
        layers.add(new Bars(x.clone(), h.clone(), width, nextColour(), Tex.toUnicode(label)));
        return this;
    }

    /**
     * A filled rectangle in data coordinates.
     *
     * @param x     left (smaller x)
     * @param y     lower y
     * @param w     width
     * @param h     height
     * @param color fill colour
     * @return this
     */
    public Axes rect(double x, double y, double w, double h, Color color) {
        layers.add(new Rect(x, y, w, h, color));
        return this;
    }

    /**
     * A straight segment in data coordinates.
     *
     * @param x0     start x
     * @param y0     start y
     * @param x1     end x
     * @param y1     end y
     * @param color  colour
     * @param width  line width in pixels
     * @param dashed dashed instead of solid
     * @return this
     */
    public Axes segment(double x0, double y0, double x1, double y1, Color color, double width, boolean dashed) {
        layers.add(new Segment(x0, y0, x1, y1, color, width, dashed));
        return this;
    }

    /**
     * Text at a data point, centred on it.
     *
     * @param x    x
     * @param y    y
     * @param text the text (LaTeX-like markup allowed)
     * @return this
     */
    public Axes text(double x, double y, String text) {
        layers.add(new Text(x, y, Tex.toUnicode(text), Style.AXIS, 0.5, 0.5));
        return this;
    }

    /**
     * A heat map of {@code z[i][j]} at {@code (xs[j], ys[i])} (QuTiP's layout for Wigner
     * functions), bilinearly interpolated, with a colour bar. With {@code levels > 0} the values
     * are binned into that many equal bands between vmin and vmax (filled contours, as
     * matplotlib's {@code contourf}); with 0 the colours vary smoothly.
     *
     * @param z      values, {@code ys.length} rows of {@code xs.length}
     * @param xs     x coordinates, increasing
     * @param ys     y coordinates, increasing
     * @param map    colour map
     * @param vmin   value at the map's start
     * @param vmax   value at the map's end, greater than vmin
     * @param levels number of filled-contour bands, or 0 for a smooth heat map
     * @param label  colour-bar label
     * @return this
     */
    public Axes heatMap(double[][] z, double[] xs, double[] ys, Colormap map, double vmin, double vmax, int levels,
                        String label) {
        if (z == null || xs == null || ys == null || map == null) {
            throw new NullPointerException("heatMap: z, xs, ys and map must be given");
        }
        if (z.length != ys.length || ys.length < 2 || xs.length < 2) {
            throw new IllegalArgumentException("heatMap: z has " + z.length + " rows, ys has " + ys.length
                    + " values (need equal, at least 2)");
        }
        for (double[] row : z) {
            if (row.length != xs.length) {
                throw new IllegalArgumentException("heatMap: a row of z has " + row.length + " values, xs has " + xs.length);
            }
        }
        increasing("heatMap", "xs", xs);
        increasing("heatMap", "ys", ys);
        checkRange("heatMap", vmin, vmax);
        if (levels < 0) {
            throw new IllegalArgumentException("heatMap: levels must be >= 0, got " + levels);
        }
        double[][] copy = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            copy[i] = z[i].clone();
        }
        layers.add(new Heat(copy, xs.clone(), ys.clone(), map, vmin, vmax, levels, Tex.toUnicode(label)));
        return this;
    }

    private static void increasing(String op, String name, double[] v) {
        for (int i = 1; i < v.length; i++) {
            if (!(v[i] > v[i - 1])) {
                throw new IllegalArgumentException(op + ": " + name + " must increase, but [" + (i - 1) + "] = " + v[i - 1]
                        + " and [" + i + "] = " + v[i]);
            }
        }
    }

    // ---- ranges and mapping ----

    /** The ranges that will be drawn: {xlo, xhi, ylo, yhi}. */
    double[] range() {
        double[] x = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] y = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        boolean padY = false, padX = false;
        for (Layer l : layers) {
            switch (l) {
                case Line s -> {
                    grow(x, s.x(), logX);
                    grow(y, s.y(), logY);
                    padY = true;
                    padX |= s.markers() && s.width() == 0;
                }
                case Band b -> {
                    grow(x, b.x(), logX);
                    grow(y, b.lo(), logY);
                    grow(y, b.hi(), logY);
                    padY = true;
                }
                case Bars b -> {
                    for (int i = 0; i < b.x().length; i++) {
                        grow(x, new double[] {b.x()[i] - b.width() / 2, b.x()[i] + b.width() / 2}, logX);
                    }
                    grow(y, b.h(), logY);
                    if (!logY) {
                        grow(y, new double[] {0}, false);
                    }
                    padY = true;
                }
                case Rect r -> {
                    grow(x, new double[] {r.x(), r.x() + r.w()}, logX);
                    grow(y, new double[] {r.y(), r.y() + r.h()}, logY);
                }
                case Segment s -> {
                    grow(x, new double[] {s.x0(), s.x1()}, logX);
                    grow(y, new double[] {s.y0(), s.y1()}, logY);
                    padY = true;
                }
                case Text t -> {
                }
                case Heat h -> {
                    grow(x, new double[] {h.xs()[0], h.xs()[h.xs().length - 1]}, false);
                    grow(y, new double[] {h.ys()[0], h.ys()[h.ys().length - 1]}, false);
                }
            }
        }
        double[] rx = finish(x, padX, logX), ry = finish(y, padY, logY);
        if (xRange != null) {
            rx = xRange.clone();
        }
        if (yRange != null) {
            ry = yRange.clone();
        }
        return new double[] {rx[0], rx[1], ry[0], ry[1]};
    }

    private static void grow(double[] r, double[] v, boolean log) {
        for (double d : v) {
            if (Double.isFinite(d) && (!log || d > 0)) {
                r[0] = Math.min(r[0], d);
                r[1] = Math.max(r[1], d);
            }
        }
    }

    private static double[] finish(double[] r, boolean pad, boolean log) {
        if (r[0] > r[1]) {
            return log ? new double[] {1, 10} : new double[] {0, 1};
        }
        if (log) {
            double a = Math.log10(r[0]), b = Math.log10(r[1]);
            double m = b > a ? 0.05 * (b - a) : 0.5;
            return new double[] {Math.pow(10, a - (pad || b == a ? m : 0)), Math.pow(10, b + (pad || b == a ? m : 0))};
        }
        double span = r[1] - r[0];
        if (span == 0) {
            double d = r[0] == 0 ? 1 : Math.abs(r[0]) * 0.1;
            return new double[] {r[0] - d, r[1] + d};
        }
        double m = pad ? 0.05 * span : 0;
        return new double[] {r[0] - m, r[1] + m};
    }

    private record Frame(Rectangle2D p, double[] r, boolean logX, boolean logY, boolean invertY) {
        double x(double v) {
            double a = logX ? Math.log10(r[0]) : r[0], b = logX ? Math.log10(r[1]) : r[1];
            double u = logX ? Math.log10(v) : v;
            return p.getX() + (u - a) / (b - a) * p.getWidth();
        }

        double y(double v) {
            double a = logY ? Math.log10(r[2]) : r[2], b = logY ? Math.log10(r[3]) : r[3];
            double u = logY ? Math.log10(v) : v;
            double f = (u - a) / (b - a);
            return invertY ? p.getY() + f * p.getHeight() : p.getMaxY() - f * p.getHeight();
        }
    }

    /** Pixel position of a data point as last drawn (for tests that look at the picture). */
    double[] toPixel(double x, double y) {
        if (lastFrame == null) {
            throw new IllegalStateException("toPixel: not drawn yet");
        }
        return new double[] {lastFrame.x(x), lastFrame.y(y)};
    }

    private List<Ticks.Tick> xTicks(double[] r, double pixels) {
        if (xTickValues != null) {
            List<Ticks.Tick> t = new ArrayList<>();
            for (int i = 0; i < xTickValues.length; i++) {
                t.add(new Ticks.Tick(xTickValues[i], xTickLabels[i]));
            }
            return t;
        }
        return logX ? Ticks.log(r[0], r[1])
                : Ticks.linear(r[0], r[1], Math.max(3, Math.min(9, (int) (pixels / 80))), integerX);
    }

    private List<Ticks.Tick> yTicks(double[] r, double pixels) {
        if (yTickValues != null) {
            List<Ticks.Tick> t = new ArrayList<>();
            for (int i = 0; i < yTickValues.length; i++) {
                t.add(new Ticks.Tick(yTickValues[i], yTickLabels[i]));
            }
            return t;
        }
        return logY ? Ticks.log(r[2], r[3]) : Ticks.linear(r[2], r[3], Math.max(3, Math.min(9, (int) (pixels / 50))));
    }

    private Heat heat() {
        for (Layer l : layers) {
            if (l instanceof Heat h) {
                return h;
            }
        }
        return null;
    }

    // ---- drawing ----

    @Override
    void draw(Canvas c, Rectangle2D area) {
        double[] r = range();
        Heat heat = heat();
        double top = area.getY() + (title.isEmpty() ? 12 : 34);
        double bottom = area.getMaxY() - 26 - (xLabel.isEmpty() && !hideXTickLabels ? 4 : 22);
        List<Ticks.Tick> yt = yTicks(r, bottom - top);
        double tickWidth = 0;
        // the same room whether or not the labels are shown, so the panels of a grid line up
        for (Ticks.Tick t : yt) {
            tickWidth = Math.max(tickWidth, Canvas.width(t.label(), Style.TICK));
        }
        double left = area.getX() + 14 + tickWidth + (tickWidth > 0 ? 6 : 0) + (yLabel.isEmpty() && !hideYTickLabels ? 0 : 22);
        double right = area.getMaxX() - (heat != null ? 100 : 16);
        double pw = Math.max(10, right - left), ph = Math.max(10, bottom - top);
        if (equalAspect) {
            double sx = pw / (r[1] - r[0]), sy = ph / (r[3] - r[2]);
            double s = Math.min(sx, sy);
            double w = s * (r[1] - r[0]), h = s * (r[3] - r[2]);
            left += (pw - w) / 2;
            top += (ph - h) / 2;
            pw = w;
            ph = h;
        }
        Rectangle2D p = new Rectangle2D.Double(left, top, pw, ph);
        Frame f = new Frame(p, r, logX, logY, invertY);
        lastFrame = f;
        List<Ticks.Tick> xt = xTicks(r, pw);
        yt = yTicks(r, ph);

        if (grid && heat == null) {
            for (Ticks.Tick t : xt) {
                double x = f.x(t.value());
                if (x > p.getX() + 0.5 && x < p.getMaxX() - 0.5) {
                    c.stroke(new Line2D.Double(x, p.getY(), x, p.getMaxY()), Style.GRID, 1, null);
                }
            }
            for (Ticks.Tick t : yt) {
                double y = f.y(t.value());
                if (y > p.getY() + 0.5 && y < p.getMaxY() - 0.5) {
                    c.stroke(new Line2D.Double(p.getX(), y, p.getMaxX(), y), Style.GRID, 1, null);
                }
            }
        }
        c.clip(p);
        for (Layer l : layers) {
            drawLayer(c, f, l);
        }
        c.unclip();

        c.stroke(p, Style.AXIS, 1, null);
        for (Ticks.Tick t : xt) {
            double x = f.x(t.value());
            if (x < p.getX() - 0.5 || x > p.getMaxX() + 0.5) {
                continue;
            }
            c.stroke(new Line2D.Double(x, p.getMaxY(), x, p.getMaxY() + 4), Style.AXIS, 1, null);
            if (!hideXTickLabels) {
                c.text(t.label(), x, p.getMaxY() + 6, Style.TICK, Style.AXIS, 0.5, 0, 0);
            }
        }
        for (Ticks.Tick t : yt) {
            double y = f.y(t.value());
            if (y < p.getY() - 0.5 || y > p.getMaxY() + 0.5) {
                continue;
            }
            c.stroke(new Line2D.Double(p.getX() - 4, y, p.getX(), y), Style.AXIS, 1, null);
            if (!hideYTickLabels) {
                c.text(t.label(), p.getX() - 6, y, Style.TICK, Style.AXIS, 1, 0.5, 0);
            }
        }
        if (!xLabel.isEmpty()) {
            c.text(xLabel, p.getCenterX(), p.getMaxY() + 24, Style.LABEL, Style.AXIS, 0.5, 0, 0);
        }
        if (!yLabel.isEmpty()) {
            c.text(yLabel, p.getX() - tickWidth - 12, p.getCenterY(), Style.LABEL, Style.AXIS,
                    0.5, 1, -Math.PI / 2);
        }
        if (!title.isEmpty()) {
            c.text(title, p.getCenterX(), area.getY() + 8, Style.TITLE, Style.AXIS, 0.5, 0, 0);
        }
        if (legend) {
            drawLegend(c, p);
        }
        if (heat != null) {
            drawColourBar(c, heat, new Rectangle2D.Double(p.getMaxX() + 14, p.getY(), 16, p.getHeight()));
        }
    }

    private void drawLayer(Canvas c, Frame f, Layer l) {
        switch (l) {
            case Line s -> {
                if (s.width() > 0) {
                    Path2D.Double path = new Path2D.Double();
                    boolean pen = false;
                    for (int i = 0; i < s.x().length; i++) {
                        double x = s.x()[i], y = s.y()[i];
                        if (!Double.isFinite(x) || !Double.isFinite(y) || (logX && x <= 0) || (logY && y <= 0)) {
                            pen = false;
                            continue;
                        }
                        if (pen) {
                            path.lineTo(f.x(x), f.y(y));
                        } else {
                            path.moveTo(f.x(x), f.y(y));
                            pen = true;
                        }
                    }
                    c.stroke(path, s.color(), s.width(), s.dashed() ? new float[] {7, 4} : null);
                }
                if (s.markers()) {
                    Path2D.Double dots = new Path2D.Double();
                    for (int i = 0; i < s.x().length; i++) {
                        double x = s.x()[i], y = s.y()[i];
                        if (Double.isFinite(x) && Double.isFinite(y) && (!logX || x > 0) && (!logY || y > 0)) {
                            dots.append(new Ellipse2D.Double(f.x(x) - 3, f.y(y) - 3, 6, 6), false);
                        }
                    }
                    c.fill(dots, s.color());
                }
            }
            case Band b -> {
                Path2D.Double path = new Path2D.Double();
                int n = b.x().length;
                for (int i = 0; i < n; i++) {
                    if (i == 0) {
                        path.moveTo(f.x(b.x()[i]), f.y(b.hi()[i]));
                    } else {
                        path.lineTo(f.x(b.x()[i]), f.y(b.hi()[i]));
                    }
                }
                for (int i = n - 1; i >= 0; i--) {
                    path.lineTo(f.x(b.x()[i]), f.y(b.lo()[i]));
                }
                path.closePath();
                c.fill(path, b.color());
            }
            case Bars b -> {
                Path2D.Double path = new Path2D.Double();
                double base = logY ? f.r()[2] : 0;
                for (int i = 0; i < b.x().length; i++) {
                    double x0 = f.x(b.x()[i] - b.width() / 2), x1 = f.x(b.x()[i] + b.width() / 2);
                    double y0 = f.y(base), y1 = f.y(b.h()[i]);
                    path.append(new Rectangle2D.Double(x0, Math.min(y0, y1), x1 - x0, Math.abs(y1 - y0)), false);
                }
                c.fill(path, b.color());
            }
            case Rect rc -> {
                double x0 = f.x(rc.x()), x1 = f.x(rc.x() + rc.w()), y0 = f.y(rc.y()), y1 = f.y(rc.y() + rc.h());
                c.fill(new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0)),
                        rc.color());
            }
            case Segment s -> c.stroke(new Line2D.Double(f.x(s.x0()), f.y(s.y0()), f.x(s.x1()), f.y(s.y1())), s.color(),
                    s.width(), s.dashed() ? new float[] {4, 3} : null);
            case Text t -> c.text(t.text(), f.x(t.x()), f.y(t.y()), Style.LEGEND, t.color(), t.ax(), t.ay(), 0);
            case Heat h -> drawHeat(c, f, h);
        }
    }

    private void drawHeat(Canvas c, Frame f, Heat h) {
        Rectangle2D p = f.p();
        int w = (int) Math.max(2, Math.min(600, Math.round(p.getWidth())));
        int ht = (int) Math.max(2, Math.min(600, Math.round(p.getHeight())));
        double[] r = f.r();
        BufferedImage img = new BufferedImage(w, ht, BufferedImage.TYPE_INT_RGB);
        double[] xs = h.xs(), ys = h.ys();
        int[] ix = new int[w];
        double[] fx = new double[w];
        for (int i = 0; i < w; i++) {
            double x = r[0] + (i + 0.5) / w * (r[1] - r[0]);
            ix[i] = bracket(xs, x);
            fx[i] = Math.min(1, Math.max(0, (x - xs[ix[i]]) / (xs[ix[i] + 1] - xs[ix[i]])));
        }
        for (int jr = 0; jr < ht; jr++) {
            double u = (jr + 0.5) / ht;
            double y = invertY ? r[2] + u * (r[3] - r[2]) : r[3] - u * (r[3] - r[2]);
            int iy = bracket(ys, y);
            double fy = Math.min(1, Math.max(0, (y - ys[iy]) / (ys[iy + 1] - ys[iy])));
            double[] z0 = h.z()[iy], z1 = h.z()[iy + 1];
            for (int i = 0; i < w; i++) {
                int k = ix[i];
                double a = fx[i];
                double v = (1 - fy) * ((1 - a) * z0[k] + a * z0[k + 1]) + fy * ((1 - a) * z1[k] + a * z1[k + 1]);
                img.setRGB(i, jr, h.map().rgb(colourPosition(h, v)));
            }
        }
        c.image(img, p.getX(), p.getY(), p.getWidth(), p.getHeight());
    }

    private static int bracket(double[] v, double x) {
        int i = java.util.Arrays.binarySearch(v, x);
        if (i < 0) {
            i = -i - 2;
        }
        return Math.max(0, Math.min(v.length - 2, i));
    }

    /** Position in the colour map; with levels, the centre of the value's band. */
    static double colourPosition(double vmin, double vmax, int levels, double v) {
        double u = (v - vmin) / (vmax - vmin);
        if (levels > 0) {
            int band = (int) Math.floor(u * levels);
            band = Math.max(0, Math.min(levels - 1, band));
            return (band + 0.5) / levels;
        }
        return u;
    }

    private static double colourPosition(Heat h, double v) {
        return colourPosition(h.vmin(), h.vmax(), h.levels(), v);
    }

    private void drawColourBar(Canvas c, Heat h, Rectangle2D bar) {
        int n = 256;
        BufferedImage img = new BufferedImage(1, n, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < n; i++) {
            double v = h.vmax() - (i + 0.5) / n * (h.vmax() - h.vmin());
            img.setRGB(0, i, h.map().rgb(colourPosition(h, v)));
        }
        c.image(img, bar.getX(), bar.getY(), bar.getWidth(), bar.getHeight());
        c.stroke(bar, Style.AXIS, 1, null);
        double maxw = 0;
        for (Ticks.Tick t : Ticks.linear(h.vmin(), h.vmax(), Math.max(3, (int) (bar.getHeight() / 50)))) {
            double y = bar.getMaxY() - (t.value() - h.vmin()) / (h.vmax() - h.vmin()) * bar.getHeight();
            c.stroke(new Line2D.Double(bar.getMaxX(), y, bar.getMaxX() + 4, y), Style.AXIS, 1, null);
            c.text(t.label(), bar.getMaxX() + 6, y, Style.TICK, Style.AXIS, 0, 0.5, 0);
            maxw = Math.max(maxw, Canvas.width(t.label(), Style.TICK));
        }
        if (!h.label().isEmpty()) {
            c.text(h.label(), bar.getMaxX() + 12 + maxw, bar.getCenterY(), Style.LABEL, Style.AXIS, 0.5, 0, -Math.PI / 2);
        }
    }

    private void drawLegend(Canvas c, Rectangle2D p) {
        List<Object[]> entries = new ArrayList<>();
        for (Layer l : layers) {
            switch (l) {
                case Line s when !s.label().isEmpty() -> entries.add(new Object[] {s.label(), s.color(), s.width() > 0 ? 0 : 2});
                case Band b when !b.label().isEmpty() -> entries.add(new Object[] {b.label(), b.color(), 1});
                case Bars b when !b.label().isEmpty() -> entries.add(new Object[] {b.label(), b.color(), 1});
                default -> {
                }
            }
        }
        if (entries.isEmpty()) {
            return;
        }
        Font font = Style.LEGEND;
        double lh = Canvas.height(font) + 4, w = 0;
        for (Object[] e : entries) {
            w = Math.max(w, Canvas.width((String) e[0], font));
        }
        double bw = w + 44, bh = entries.size() * lh + 8;
        double x0 = p.getMaxX() - bw - 8, y0 = p.getY() + 8;
        c.fill(new Rectangle2D.Double(x0, y0, bw, bh), new Color(255, 255, 255, 220));
        c.stroke(new Rectangle2D.Double(x0, y0, bw, bh), new Color(0xcccccc), 1, null);
        for (int i = 0; i < entries.size(); i++) {
            Object[] e = entries.get(i);
            double y = y0 + 4 + (i + 0.5) * lh;
            Color col = (Color) e[1];
            switch ((int) e[2]) {
                case 0 -> c.stroke(new Line2D.Double(x0 + 8, y, x0 + 30, y), col, 2, null);
                case 1 -> c.fill(new Rectangle2D.Double(x0 + 10, y - 5, 18, 10), col);
                default -> c.fill(new Ellipse2D.Double(x0 + 16, y - 3, 6, 6), col);
            }
            c.text((String) e[0], x0 + 36, y, font, Style.AXIS, 0, 0.5, 0);
        }
    }
}
