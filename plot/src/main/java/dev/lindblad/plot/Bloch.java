package dev.lindblad.plot;

import dev.lindblad.Lindblad;
import dev.lindblad.Qobj;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Bloch sphere, as {@code qutip.Bloch}: points, vectors, trajectories and labels on a shaded
 * sphere seen from a chosen azimuth and elevation (default −60°, 30°, QuTiP's view). The north
 * pole +z is {@code |0⟩ = basis(2,0)} and the south pole {@code |1⟩}, QuTiP's convention, so
 * a state's vector is {@code (⟨σx⟩, ⟨σy⟩, ⟨σz⟩)}. Whatever lies behind the sphere is drawn first
 * and shows faded through it.
 *
 * <pre>
 *   Bloch b = new Bloch().addStates(basis(2, 0), (basis(2, 0).plus(basis(2, 1))).unit());
 *   b.save(Path.of("bloch.png"));
 * </pre>
 */
public final class Bloch extends Panel {
    private static final Color[] VECTOR_COLOURS = {new Color(0x008000), new Color(0xcc6600), new Color(0x0000ff),
            new Color(0xff0000)};
    private static final Color[] POINT_COLOURS = {new Color(0x0000ff), new Color(0xff0000), new Color(0x008000),
            new Color(0xcc6600)};
    private static final Color FRAME = new Color(0x808080);

    private View3d view = new View3d(-60, 30);
    private final List<double[][]> pointSets = new ArrayList<>();
    private final List<double[][]> trajectories = new ArrayList<>();
    private final List<double[]> vectors = new ArrayList<>();
    private final List<Object[]> annotations = new ArrayList<>();
    private String[] axisLabels = {"x", "", "y", "", "|0⟩", "|1⟩"};

    /** An empty sphere. */
    public Bloch() {
    }

    /**
     * @param azimuth   degrees, about z from the x axis (QuTiP's {@code view[0]}, default −60)
     * @param elevation degrees above the equator (QuTiP's {@code view[1]}, default 30)
     * @return this
     */
    public Bloch view(double azimuth, double elevation) {
        if (!Double.isFinite(azimuth) || !Double.isFinite(elevation)) {
            throw new IllegalArgumentException("view: azimuth and elevation must be finite, got " + azimuth + ", " + elevation);
        }
        this.view = new View3d(azimuth, elevation);
        return this;
    }

    /**
     * @param t title above the sphere
     * @return this
     */
    public Bloch title(String t) {
        this.title = Tex.toUnicode(t);
        return this;
    }

    /**
     * Axis labels at the ends of the axes: +x, −x, +y, −y, +z, −z ("" for none). Default
     * {@code x, "", y, "", |0⟩, |1⟩}.
     *
     * @param labels six labels
     * @return this
     */
    public Bloch axisLabels(String... labels) {
        if (labels == null || labels.length != 6) {
            throw new IllegalArgumentException("axisLabels: need 6 labels (+x, -x, +y, -y, +z, -z)");
        }
        this.axisLabels = new String[6];
        for (int i = 0; i < 6; i++) {
            axisLabels[i] = Tex.toUnicode(labels[i]);
        }
        return this;
    }

    private static void check(String op, double[] x, double[] y, double[] z) {
        if (x == null || y == null || z == null) {
            throw new NullPointerException(op + ": x, y and z must be given");
        }
        if (x.length != y.length || x.length != z.length) {
            throw new IllegalArgumentException(op + ": x, y, z have " + x.length + ", " + y.length + ", " + z.length + " values");
        }
    }

    /**
     * A set of points, drawn as dots in the set's colour (blue, red, green, orange in turn).
     *
     * @param x x coordinates
     * @param y y coordinates
     * @param z z coordinates
     * @return this
     */
    public Bloch addPoints(double[] x, double[] y, double[] z) {
        check("addPoints", x, y, z);
        pointSets.add(new double[][] {x.clone(), y.clone(), z.clone()});
        return this;
    }

    /**
     * A trajectory: the points joined by a line.
     *
     * @param x x coordinates
     * @param y y coordinates
     * @param z z coordinates
     * @return this
     */
    public Bloch addTrajectory(double[] x, double[] y, double[] z) {
        check("addTrajectory", x, y, z);
        trajectories.add(new double[][] {x.clone(), y.clone(), z.clone()});
        return this;
    }

    /**
     * An arrow from the centre to (x, y, z), in the next colour (green, orange, blue, red).
     *
     * @param x x
     * @param y y
     * @param z z
     * @return this
     */
    public Bloch addVector(double x, double y, double z) {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z)) {
            throw new IllegalArgumentException("addVector: coordinates must be finite, got " + x + ", " + y + ", " + z);
        }
        vectors.add(new double[] {x, y, z});
        return this;
    }

    /**
     * One arrow per qubit state (ket or density matrix) to its Bloch vector.
     *
     * @param states qubit states
     * @return this
     */
    public Bloch addStates(Qobj... states) {
        for (Qobj s : states) {
            double[] v = blochVector(s);
            addVector(v[0], v[1], v[2]);
        }
        return this;
    }

    /**
     * Text at a point of the sphere.
     *
     * @param x    x
     * @param y    y
     * @param z    z
     * @param text the label (LaTeX-like markup allowed)
     * @return this
     */
    public Bloch addAnnotation(double x, double y, double z, String text) {
        annotations.add(new Object[] {new double[] {x, y, z}, Tex.toUnicode(text)});
        return this;
    }

    /**
     * The Bloch vector {@code (⟨σx⟩, ⟨σy⟩, ⟨σz⟩)} of a qubit state.
     *
     * @param state a ket or density matrix of dimension 2
     * @return the three components
     */
    public static double[] blochVector(Qobj state) {
        if (state == null) {
            throw new NullPointerException("blochVector: state is null");
        }
        int n = state.shape()[0];
        if (n != 2) {
            throw new IllegalArgumentException("blochVector: need a qubit state (dimension 2), got shape "
                    + state.shape()[0] + " x " + state.shape()[1]);
        }
        return new double[] {Lindblad.expect(Lindblad.sigmax(), state), Lindblad.expect(Lindblad.sigmay(), state),
                Lindblad.expect(Lindblad.sigmaz(), state)};
    }

    /** @return a 560 × 560 figure of this sphere */
    public Figure figure() {
        return Figure.of(this);
    }

    /**
     * Saves the sphere alone (PNG, SVG or PDF by the name, see {@link Figure#save(Path)}).
     *
     * @param path the file
     * @return the path written
     */
    public Path save(Path path) {
        return figure().save(path);
    }

    /** Centre and radius in pixels of the sphere drawn in the area. */
    double[] geometry(Rectangle2D area) {
        double top = title.isEmpty() ? 0 : 30;
        double r = 0.36 * Math.min(area.getWidth(), area.getHeight() - top);
        return new double[] {area.getCenterX(), area.getY() + top + (area.getHeight() - top) / 2, r};
    }

    /** @return pixel position and depth of the point (x, y, z) drawn in the area */
    double[] screen(Rectangle2D area, double x, double y, double z) {
        double[] g = geometry(area);
        double[] p = view.project(x, y, z);
        return new double[] {g[0] + g[2] * p[0], g[1] - g[2] * p[1], p[2]};
    }

    @Override
    void draw(Canvas c, Rectangle2D area) {
        double[] g = geometry(area);
        if (!title.isEmpty()) {
            c.text(title, area.getCenterX(), area.getY() + 8, Style.TITLE, Style.AXIS, 0.5, 0, 0);
        }
        drawFrame(c, area, false);
        drawContent(c, area, false);
        // shaded sphere, translucent so that what lies behind shows faded, lighter towards the
        // upper left as if lit from there
        double r = g[2];
        c.fill(new Ellipse2D.Double(g[0] - r, g[1] - r, 2 * r, 2 * r), new Color(200, 212, 234, 80));
        for (int k = 1; k <= 10; k++) {
            double s = 1 - k * 0.085, off = (1 - s) * 0.45 * r;
            c.fill(new Ellipse2D.Double(g[0] - s * r - off, g[1] - s * r - off, 2 * s * r, 2 * s * r),
                    new Color(255, 255, 255, 18));
        }
        drawFrame(c, area, true);
        drawContent(c, area, true);
        String[] labels = axisLabels;
        double[][] ends = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
        for (int i = 0; i < 6; i++) {
            if (!labels[i].isEmpty()) {
                double[] p = screen(area, 1.22 * ends[i][0], 1.22 * ends[i][1], 1.22 * ends[i][2]);
                c.text(labels[i], p[0], p[1], Style.LABEL.deriveFont(16f), Style.AXIS, 0.5, 0.5, 0);
            }
        }
    }

    /** Equator, two meridians and the axes; back halves dashed and light, front halves solid. */
    private void drawFrame(Canvas c, Rectangle2D area, boolean front) {
        int n = 120;
        for (int circle = 0; circle < 3; circle++) {
            for (int i = 0; i < n; i++) {
                double a0 = 2 * Math.PI * i / n, a1 = 2 * Math.PI * (i + 1) / n;
                double[] p0 = circlePoint(circle, a0), p1 = circlePoint(circle, a1);
                double[] s0 = screen(area, p0[0], p0[1], p0[2]), s1 = screen(area, p1[0], p1[1], p1[2]);
                boolean isFront = s0[2] + s1[2] >= 0;
                if (isFront == front) {
                    c.stroke(new Line2D.Double(s0[0], s0[1], s1[0], s1[1]), front ? FRAME : new Color(0xb0b0b0), 1,
                            front ? null : new float[] {3, 3});
                }
            }
        }
        double[][] axes = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        for (double[] a : axes) {
            for (int sign = -1; sign <= 1; sign += 2) {
                double[] o = screen(area, 0, 0, 0), e = screen(area, sign * a[0], sign * a[1], sign * a[2]);
                if ((e[2] >= 0) == front) {
                    c.stroke(new Line2D.Double(o[0], o[1], e[0], e[1]), front ? FRAME : new Color(0xb0b0b0), 1, null);
                }
            }
        }
    }

    private static double[] circlePoint(int circle, double a) {
        return switch (circle) {
            case 0 -> new double[] {Math.cos(a), Math.sin(a), 0};
            case 1 -> new double[] {Math.cos(a), 0, Math.sin(a)};
            default -> new double[] {0, Math.cos(a), Math.sin(a)};
        };
    }

    private void drawContent(Canvas c, Rectangle2D area, boolean front) {
        for (int t = 0; t < trajectories.size(); t++) {
            double[][] s = trajectories.get(t);
            Color col = POINT_COLOURS[t % POINT_COLOURS.length];
            for (int i = 0; i + 1 < s[0].length; i++) {
                double[] a = screen(area, s[0][i], s[1][i], s[2][i]), b = screen(area, s[0][i + 1], s[1][i + 1], s[2][i + 1]);
                if ((a[2] + b[2] >= 0) == front) {
                    c.stroke(new Line2D.Double(a[0], a[1], b[0], b[1]), col, 2, null);
                }
            }
        }
        for (int k = 0; k < pointSets.size(); k++) {
            double[][] s = pointSets.get(k);
            Color col = POINT_COLOURS[(trajectories.size() + k) % POINT_COLOURS.length];
            Path2D.Double dots = new Path2D.Double();
            for (int i = 0; i < s[0].length; i++) {
                double[] p = screen(area, s[0][i], s[1][i], s[2][i]);
                if ((p[2] >= 0) == front) {
                    dots.append(new Ellipse2D.Double(p[0] - 4, p[1] - 4, 8, 8), false);
                }
            }
            c.fill(dots, col);
        }
        for (int k = 0; k < vectors.size(); k++) {
            double[] v = vectors.get(k);
            double[] o = screen(area, 0, 0, 0), tip = screen(area, v[0], v[1], v[2]);
            if ((tip[2] >= 0) != front) {
                continue;
            }
            Color col = VECTOR_COLOURS[k % VECTOR_COLOURS.length];
            double dx = tip[0] - o[0], dy = tip[1] - o[1], len = Math.hypot(dx, dy);
            if (len < 1) {
                c.fill(new Ellipse2D.Double(tip[0] - 4, tip[1] - 4, 8, 8), col);
                continue;
            }
            double ux = dx / len, uy = dy / len, head = Math.min(16, 0.4 * len);
            double bx = tip[0] - head * ux, by = tip[1] - head * uy;
            c.stroke(new Line2D.Double(o[0], o[1], bx, by), col, 3, null);
            Path2D.Double arrow = new Path2D.Double();
            arrow.moveTo(tip[0], tip[1]);
            arrow.lineTo(bx - 0.4 * head * uy, by + 0.4 * head * ux);
            arrow.lineTo(bx + 0.4 * head * uy, by - 0.4 * head * ux);
            arrow.closePath();
            c.fill(arrow, col);
        }
        for (Object[] a : annotations) {
            double[] v = (double[]) a[0];
            double[] p = screen(area, v[0], v[1], v[2]);
            if ((p[2] >= 0) == front) {
                c.text((String) a[1], p[0], p[1], Style.LABEL, Style.AXIS, 0.5, 0.5, 0);
            }
        }
    }
}
