package dev.lindblad.plot;

import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A 3-D bar chart of a complex matrix, as {@code qutip.matrix_histogram_complex}: bar (i, j)
 * has height {@code |m_ij|} and the colour of its phase {@code arg m_ij} on the cyclic
 * {@link Colormap#PHASE} map (colour bar from −π to π), seen from an azimuth and elevation
 * (default −35°, 35°). Row i runs along the y axis, column j along x. Bars are drawn back to
 * front with their top and the two sides that face the viewer, the sides shaded darker.
 * Made by {@link Plots#matrixHistogram}.
 */
public final class MatrixHistogram extends Panel {
    private final double[][] re;
    private final double[][] im;
    private View3d view = new View3d(-35, 35);
    private String[] rowLabels;
    private String[] colLabels;
    private final double maxAbs;

    MatrixHistogram(double[][] re, double[][] im, String[] rowLabels, String[] colLabels) {
        this.re = re;
        this.im = im;
        this.rowLabels = rowLabels;
        this.colLabels = colLabels;
        double m = 0;
        for (int i = 0; i < re.length; i++) {
            for (int j = 0; j < re[i].length; j++) {
                m = Math.max(m, Math.hypot(re[i][j], im[i][j]));
            }
        }
        this.maxAbs = m;
    }

    /**
     * @param azimuth   degrees (default −35)
     * @param elevation degrees, above 0 to see the tops (default 35)
     * @return this
     */
    public MatrixHistogram view(double azimuth, double elevation) {
        if (!Double.isFinite(azimuth) || !(elevation > 0 && elevation <= 90)) {
            throw new IllegalArgumentException("view: need a finite azimuth and 0 < elevation <= 90, got " + azimuth
                    + ", " + elevation);
        }
        this.view = new View3d(azimuth, elevation);
        return this;
    }

    /**
     * @param t title
     * @return this
     */
    public MatrixHistogram title(String t) {
        this.title = Tex.toUnicode(t);
        return this;
    }

    private double heightScale() {
        int n = Math.max(re.length, re[0].length);
        return maxAbs > 0 ? 0.6 * n / maxAbs : 1;
    }

    private record Layout(double cx, double cy, double scale) {
    }

    private Layout layout(Rectangle2D area) {
        int rows = re.length, cols = re[0].length;
        double zTop = maxAbs * heightScale();
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (double x : new double[] {-0.6, cols + 0.6}) {
            for (double y : new double[] {-0.6, rows + 0.6}) {
                for (double z : new double[] {0, zTop}) {
                    double[] p = view.project(x, y, z);
                    minX = Math.min(minX, p[0]);
                    maxX = Math.max(maxX, p[0]);
                    minY = Math.min(minY, p[1]);
                    maxY = Math.max(maxY, p[1]);
                }
            }
        }
        double top = title.isEmpty() ? 10 : 36, right = 90;
        double w = area.getWidth() - right - 30, h = area.getHeight() - top - 20;
        double s = Math.min(w / (maxX - minX), h / (maxY - minY));
        double cx = area.getX() + 20 + w / 2 - s * (minX + maxX) / 2;
        double cy = area.getY() + top + h / 2 + s * (minY + maxY) / 2;
        return new Layout(cx, cy, s);
    }

    private static double[] px(Layout l, double[] p) {
        return new double[] {l.cx() + l.scale() * p[0], l.cy() - l.scale() * p[1]};
    }

    /** Pixel position of the centre of the top of bar (i, j) drawn in the area. */
    double[] topCentre(Rectangle2D area, int i, int j) {
        Layout l = layout(area);
        double h = Math.hypot(re[i][j], im[i][j]) * heightScale();
        return px(l, view.project(j + 0.5, i + 0.5, h));
    }

    /** The bar colour of a phase in (−π, π]. */
    static Color phaseColour(double phase) {
        return Colormap.PHASE.at((phase + Math.PI) / (2 * Math.PI));
    }

    @Override
    void draw(Canvas c, Rectangle2D area) {
        Layout l = layout(area);
        int rows = re.length, cols = re[0].length;
        double hs = heightScale();
        if (!title.isEmpty()) {
            c.text(title, area.getCenterX(), area.getY() + 8, Style.TITLE, Style.AXIS, 0.5, 0, 0);
        }
        // floor grid
        for (int j = 0; j <= cols; j++) {
            double[] a = px(l, view.project(j, 0, 0)), b = px(l, view.project(j, rows, 0));
            c.stroke(new Line2D.Double(a[0], a[1], b[0], b[1]), Style.GRID.darker(), 1, null);
        }
        for (int i = 0; i <= rows; i++) {
            double[] a = px(l, view.project(0, i, 0)), b = px(l, view.project(cols, i, 0));
            c.stroke(new Line2D.Double(a[0], a[1], b[0], b[1]), Style.GRID.darker(), 1, null);
        }
        double[] e = view.eye();
        // labels on the floor edges nearest the viewer
        double yEdge = e[1] < 0 ? -0.45 : rows + 0.45, xEdge = e[0] < 0 ? -0.45 : cols + 0.45;
        for (int j = 0; j < cols; j++) {
            double[] p = px(l, view.project(j + 0.5, yEdge, 0));
            c.text(colLabels[j], p[0], p[1], Style.TICK, Style.AXIS, 0.5, 0.5, 0);
        }
        for (int i = 0; i < rows; i++) {
            double[] p = px(l, view.project(xEdge, i + 0.5, 0));
            c.text(rowLabels[i], p[0], p[1], Style.TICK, Style.AXIS, 0.5, 0.5, 0);
        }
        // height axis at the leftmost floor corner on screen
        double bestDepth = Double.POSITIVE_INFINITY;
        double[] corner = null;
        for (double x : new double[] {0, cols}) {
            for (double y : new double[] {0, rows}) {
                double d = view.project(x, y, 0)[0];
                if (d < bestDepth) {
                    bestDepth = d;
                    corner = new double[] {x, y};
                }
            }
        }
        if (maxAbs > 0) {
            double[] a = px(l, view.project(corner[0], corner[1], 0)), b = px(l, view.project(corner[0], corner[1], maxAbs * hs));
            c.stroke(new Line2D.Double(a[0], a[1], b[0], b[1]), Style.AXIS, 1, null);
            for (Ticks.Tick t : Ticks.linear(0, maxAbs, 4)) {
                double[] p = px(l, view.project(corner[0], corner[1], t.value() * hs));
                c.stroke(new Line2D.Double(p[0] - 4, p[1], p[0], p[1]), Style.AXIS, 1, null);
                c.text(t.label(), p[0] - 6, p[1], Style.TICK, Style.AXIS, 1, 0.5, 0);
            }
        }
        // bars, far to near
        List<int[]> order = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                order.add(new int[] {i, j});
            }
        }
        order.sort(Comparator.comparingDouble(ij -> view.project(ij[1] + 0.5, ij[0] + 0.5, 0)[2]));
        for (int[] ij : order) {
            int i = ij[0], j = ij[1];
            double h = Math.hypot(re[i][j], im[i][j]) * hs;
            if (h <= 1e-12 * maxAbs * hs) {
                continue;
            }
            Color col = phaseColour(Math.atan2(im[i][j], re[i][j]));
            double x0 = j + 0.15, x1 = j + 0.85, y0 = i + 0.15, y1 = i + 0.85;
            double xs = e[0] < 0 ? x0 : x1, ys = e[1] < 0 ? y0 : y1;
            face(c, l, new double[][] {{xs, y0, 0}, {xs, y1, 0}, {xs, y1, h}, {xs, y0, h}}, Style.darker(col, 0.78));
            face(c, l, new double[][] {{x0, ys, 0}, {x1, ys, 0}, {x1, ys, h}, {x0, ys, h}}, Style.darker(col, 0.62));
            face(c, l, new double[][] {{x0, y0, h}, {x1, y0, h}, {x1, y1, h}, {x0, y1, h}}, col);
        }
        drawPhaseBar(c, new Rectangle2D.Double(area.getMaxX() - 80, area.getY() + (title.isEmpty() ? 20 : 44), 16,
                area.getHeight() - (title.isEmpty() ? 40 : 64)));
    }

    private void face(Canvas c, Layout l, double[][] corners, Color col) {
        Path2D.Double p = new Path2D.Double();
        for (int k = 0; k < corners.length; k++) {
            double[] s = px(l, view.project(corners[k][0], corners[k][1], corners[k][2]));
            if (k == 0) {
                p.moveTo(s[0], s[1]);
            } else {
                p.lineTo(s[0], s[1]);
            }
        }
        p.closePath();
        c.fill(p, col);
        c.stroke(p, Style.darker(col, 0.5), 0.6, null);
    }

    private static void drawPhaseBar(Canvas c, Rectangle2D bar) {
        int n = 256;
        BufferedImage img = new BufferedImage(1, n, BufferedImage.TYPE_INT_RGB);
        for (int k = 0; k < n; k++) {
            img.setRGB(0, k, phaseColour(Math.PI - (k + 0.5) / n * 2 * Math.PI).getRGB());
        }
        c.image(img, bar.getX(), bar.getY(), bar.getWidth(), bar.getHeight());
        c.stroke(bar, Style.AXIS, 1, null);
        String[] labels = {"−π", "−π/2", "0", "π/2", "π"};
        for (int k = 0; k < 5; k++) {
            double y = bar.getMaxY() - k / 4.0 * bar.getHeight();
            c.stroke(new Line2D.Double(bar.getMaxX(), y, bar.getMaxX() + 4, y), Style.AXIS, 1, null);
            c.text(labels[k], bar.getMaxX() + 6, y, Style.TICK, Style.AXIS, 0, 0.5, 0);
        }
        c.text("arg", bar.getCenterX(), bar.getY() - 4, Style.TICK, Style.AXIS, 0.5, 1, 0);
    }

    static String[] indexLabels(int n) {
        String[] s = new String[n];
        Arrays.setAll(s, Integer::toString);
        return s;
    }
}
