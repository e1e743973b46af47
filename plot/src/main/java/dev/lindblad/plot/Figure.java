package dev.lindblad.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A picture: one panel, or a grid of panels (rows × columns, filled row by row), with an optional
 * overall title, of a given size in pixels. {@link #save(Path)} writes PNG, SVG or PDF by the file
 * name's extension (PNG when it has none of these). A figure is drawn when saved, so panels may
 * still be changed after it is made.
 */
public final class Figure {
    private final int rows;
    private final int cols;
    private final List<Panel> panels;
    private int width;
    private int height;
    private String title = "";

    Figure(int rows, int cols, List<Panel> panels, int width, int height) {
        this.rows = rows;
        this.cols = cols;
        this.panels = List.copyOf(panels);
        this.width = width;
        this.height = height;
    }

    /**
     * @param panel the one panel
     * @return a figure of 800 × 500 pixels holding it
     */
    public static Figure of(Panel panel) {
        if (panel == null) {
            throw new NullPointerException("Figure.of: panel is null");
        }
        return new Figure(1, 1, List.of(panel), panel instanceof Axes ? 800 : 560, panel instanceof Axes ? 500 : 560);
    }

    /** @return the width in pixels */
    public int width() {
        return width;
    }

    /** @return the height in pixels */
    public int height() {
        return height;
    }

    /** @return grid rows */
    public int rows() {
        return rows;
    }

    /** @return grid columns */
    public int cols() {
        return cols;
    }

    /** @return the panels, row by row */
    public List<Panel> panels() {
        return panels;
    }

    /**
     * @param i index, row by row
     * @return panel i
     */
    public Panel panel(int i) {
        if (i < 0 || i >= panels.size()) {
            throw new IndexOutOfBoundsException("panel: index " + i + " of " + panels.size() + " panels");
        }
        return panels.get(i);
    }

    /**
     * The first panel as {@link Axes}, to change labels, ranges or add lines.
     *
     * @return the first panel
     * @throws IllegalStateException if it is not an Axes
     */
    public Axes axes() {
        if (panels.get(0) instanceof Axes a) {
            return a;
        }
        throw new IllegalStateException("axes: the first panel is a " + panels.get(0).getClass().getSimpleName());
    }

    /**
     * Sets the size.
     *
     * @param w width in pixels, 50 to 20000
     * @param h height in pixels, 50 to 20000
     * @return this figure
     */
    public Figure size(int w, int h) {
        if (w < 50 || h < 50 || w > 20000 || h > 20000) {
            throw new IllegalArgumentException("size: " + w + " x " + h + " pixels, expected 50 to 20000 each");
        }
        this.width = w;
        this.height = h;
        return this;
    }

    /**
     * Sets the overall title, drawn above the panels (LaTeX-like markup is turned into Unicode,
     * see {@link Tex}). For a one-panel figure it is the panel's title.
     *
     * @param t the title
     * @return this figure
     */
    public Figure title(String t) {
        if (panels.size() == 1) {
            panels.get(0).title = Tex.toUnicode(t);
        } else {
            this.title = Tex.toUnicode(t);
        }
        return this;
    }

    void draw(Canvas c) {
        c.fill(new Rectangle2D.Double(0, 0, width, height), Color.WHITE);
        double top = 0;
        if (!title.isEmpty()) {
            c.text(title, width / 2.0, 8, Style.TITLE.deriveFont(17f), Style.AXIS, 0.5, 0, 0);
            top = 34;
        }
        double cw = (double) width / cols, ch = (height - top) / rows;
        for (int i = 0; i < panels.size(); i++) {
            int r = i / cols, col = i % cols;
            panels.get(i).draw(c, new Rectangle2D.Double(col * cw, top + r * ch, cw, ch));
        }
    }

    /**
     * Draws the figure on an image.
     *
     * @return an RGB image of {@link #width()} × {@link #height()} pixels
     */
    public BufferedImage toImage() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            draw(new Java2DCanvas(g));
        } finally {
            g.dispose();
        }
        return img;
    }

    /** @return the figure as a PNG file */
    public byte[] toPng() {
        return PngEncoder.encode(toImage());
    }

    /** @return the figure as an SVG document */
    public String toSvg() {
        SvgCanvas svg = new SvgCanvas(width, height);
        draw(svg);
        return svg.finish();
    }

    /** @return the figure as a one-page PDF file */
    public byte[] toPdf() {
        PdfCanvas pdf = new PdfCanvas(width, height);
        draw(pdf);
        return pdf.finish();
    }

    /**
     * Writes the figure. The format follows the file name: {@code .svg} SVG, {@code .pdf} PDF,
     * {@code .png} PNG; any other name gets {@code .png} appended. Parent folders are created.
     *
     * @param path the file
     * @return the path written (with {@code .png} appended where it was added)
     */
    public Path save(Path path) {
        if (path == null) {
            throw new NullPointerException("save: path is null");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        Path target = name.endsWith(".svg") || name.endsWith(".pdf") || name.endsWith(".png") ? path
                : path.resolveSibling(path.getFileName() + ".png");
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (name.endsWith(".svg")) {
                Files.writeString(target, toSvg(), StandardCharsets.UTF_8);
            } else if (name.endsWith(".pdf")) {
                Files.write(target, toPdf());
            } else {
                Files.write(target, toPng());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("save: could not write " + target, e);
        }
        return target;
    }

    static Figure grid(int rows, int cols, Share share, List<Panel> panels) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("grid: rows and cols must be >= 1, got " + rows + " x " + cols);
        }
        if (panels.isEmpty() || panels.size() > rows * cols) {
            throw new IllegalArgumentException("grid: " + panels.size() + " panels for a " + rows + " x " + cols + " grid");
        }
        List<Panel> list = new ArrayList<>(panels);
        if (share != Share.NONE) {
            List<Axes> axes = list.stream().filter(p -> p instanceof Axes).map(p -> (Axes) p).toList();
            double[] x = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            double[] y = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (Axes a : axes) {
                double[] r = a.range();
                x[0] = Math.min(x[0], r[0]);
                x[1] = Math.max(x[1], r[1]);
                y[0] = Math.min(y[0], r[2]);
                y[1] = Math.max(y[1], r[3]);
            }
            int n = list.size();
            for (int i = 0; i < n; i++) {
                if (!(list.get(i) instanceof Axes a)) {
                    continue;
                }
                int c = i % cols;
                if (share == Share.X || share == Share.BOTH) {
                    a.xRange(x[0], x[1]);
                    // tick labels only where no panel lies below
                    if (i + cols < n) {
                        a.hideXTickLabels = true;
                        a.xLabel("");
                    }
                }
                if (share == Share.Y || share == Share.BOTH) {
                    a.yRange(y[0], y[1]);
                    if (c > 0) {
                        a.hideYTickLabels = true;
                        a.yLabel("");
                    }
                }
            }
        }
        int w = Math.min(1800, cols * (list.get(0) instanceof Axes ? 420 : 360));
        int h = Math.min(1800, rows * (list.get(0) instanceof Axes ? 320 : 360));
        return new Figure(rows, cols, list, w, h);
    }

    /** Which axes the panels of a grid share: the same range, tick labels on the outer panels only. */
    public enum Share {
        /** each panel keeps its own ranges */
        NONE,
        /** common x range; x tick labels on the bottom row only */
        X,
        /** common y range; y tick labels on the left column only */
        Y,
        /** both */
        BOTH
    }
}
