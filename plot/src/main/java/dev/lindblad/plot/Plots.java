package dev.lindblad.plot;

import dev.lindblad.Complex;
import dev.lindblad.Lindblad;
import dev.lindblad.Qobj;
import dev.lindblad.solver.McResult;
import dev.lindblad.solver.Result;
import java.awt.Color;
import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Pictures of quantum objects and solver results, with QuTiP's names in camelCase:
 * {@link #plotExpectation}, {@link #plotWigner}, {@link #plotFockDistribution}, {@link #hinton},
 * {@link #matrixHistogram}, {@link #plotSpectrum}, {@link #plotEnergyLevels}, {@link Bloch}, and
 * {@link #grid} to put several in one picture. Every function returns a {@link Figure}; change
 * it through {@link Figure#axes()} and write it with {@link Figure#save(Path)} (PNG, SVG or PDF
 * by the file name) or {@link #show(Figure)}.
 *
 * <p>Everything is drawn by this module with Java2D, and written to SVG and PDF by its own small
 * writers, so there is no dependency beyond the JDK and no display is needed.
 *
 * <pre>
 *   Result r = mesolve(H, psi0, t, cOps, List.of(a.dag().times(a), sm.dag().times(sm)));
 *   Plots.plotExpectation(r, "$\\langle a^\\dagger a\\rangle$", "⟨σ+σ−⟩").save(Path.of("rabi.png"));
 *   Plots.plotWigner(rho.ptrace(0)).save(Path.of("wigner.pdf"));
 * </pre>
 */
public final class Plots {
    private Plots() {
    }

    private static String[] defaultLabels(int n, String[] labels, String op) {
        if (labels == null || labels.length == 0) {
            String[] l = new String[n];
            for (int k = 0; k < n; k++) {
                l[k] = "e-op " + k;
            }
            return l;
        }
        if (labels.length != n) {
            throw new IllegalArgumentException(op + ": " + n + " e-ops but " + labels.length + " labels "
                    + Arrays.toString(labels));
        }
        return labels;
    }

    /**
     * Expectation values of every e-op of a result against time, one line each.
     *
     * @param result a solver result with real (Hermitian) e-ops
     * @param labels one legend label per e-op, or none for "e-op k" (LaTeX-like markup allowed)
     * @return the figure
     */
    public static Figure plotExpectation(Result result, String... labels) {
        if (result == null) {
            throw new NullPointerException("plotExpectation: result is null");
        }
        String[] l = defaultLabels(result.numExpect(), labels, "plotExpectation");
        List<double[]> means = new ArrayList<>();
        for (int k = 0; k < l.length; k++) {
            means.add(result.expect(k));
        }
        return plotExpectation(result.times(), means, null, Arrays.asList(l));
    }

    /**
     * Trajectory averages of a Monte Carlo result, each with a shaded band of ± one standard error
     * ({@link McResult#standardError(int)}).
     *
     * @param result a Monte Carlo result with real e-ops
     * @param labels one label per e-op, or none
     * @return the figure
     */
    public static Figure plotExpectation(McResult result, String... labels) {
        if (result == null) {
            throw new NullPointerException("plotExpectation: result is null");
        }
        String[] l = defaultLabels(result.numExpect(), labels, "plotExpectation");
        List<double[]> means = new ArrayList<>(), errors = new ArrayList<>();
        for (int k = 0; k < l.length; k++) {
            means.add(result.expect(k));
            errors.add(result.standardError(k));
        }
        return plotExpectation(result.times(), means, errors, Arrays.asList(l));
    }

    /**
     * Lines of mean values against time, each with a band {@code mean ± error} where errors are
     * given: the form for any averaged result (a stochastic result passes its
     * {@code expect(k)} and {@code stdExpect(k) / sqrt(ntraj)}).
     *
     * @param times  output times
     * @param means  one array per e-op, as long as times
     * @param errors one array per e-op (the half-width of the band), or null for no bands
     * @param labels one label per e-op
     * @return the figure
     */
    public static Figure plotExpectation(double[] times, List<double[]> means, List<double[]> errors,
                                         List<String> labels) {
        if (times == null || means == null || labels == null) {
            throw new NullPointerException("plotExpectation: times, means and labels must be given");
        }
        if (means.size() != labels.size() || (errors != null && errors.size() != means.size())) {
            throw new IllegalArgumentException("plotExpectation: " + means.size() + " series, " + labels.size()
                    + " labels" + (errors == null ? "" : ", " + errors.size() + " error arrays"));
        }
        Axes ax = new Axes().title("Expectation values").xLabel("t").yLabel("expectation value");
        for (int k = 0; k < means.size(); k++) {
            ax.line(times, means.get(k), labels.get(k));
            if (errors != null) {
                double[] m = means.get(k), e = errors.get(k);
                if (e.length != m.length) {
                    throw new IllegalArgumentException("plotExpectation: error array " + k + " has " + e.length
                            + " values, the means " + m.length);
                }
                double[] lo = new double[m.length], hi = new double[m.length];
                for (int i = 0; i < m.length; i++) {
                    lo[i] = m[i] - e[i];
                    hi[i] = m[i] + e[i];
                }
                ax.band(times, lo, hi, "");
            }
        }
        return Figure.of(ax);
    }

    /**
     * Lines y(x) for several named series on common axes, without markers.
     *
     * @param title  title
     * @param xLabel x-axis label
     * @param yLabel y-axis label
     * @param x      abscissae
     * @param ys     one array per series, each as long as x
     * @param labels one label per series
     * @return the figure
     */
    public static Figure lines(String title, String xLabel, String yLabel, double[] x, List<double[]> ys,
                               List<String> labels) {
        if (ys == null || labels == null) {
            throw new NullPointerException("lines: ys and labels must be given");
        }
        if (ys.size() != labels.size()) {
            throw new IllegalArgumentException("lines: " + ys.size() + " series but " + labels.size() + " labels");
        }
        Axes ax = new Axes().title(title).xLabel(xLabel).yLabel(yLabel);
        for (int k = 0; k < ys.size(); k++) {
            if (ys.get(k).length != x.length) {
                throw new IllegalArgumentException("lines: series '" + labels.get(k) + "' has " + ys.get(k).length
                        + " points, x has " + x.length);
            }
            ax.line(x, ys.get(k), labels.get(k));
        }
        return Figure.of(ax);
    }

    /**
     * The Wigner function of a single-mode state on x, p ∈ [−5, 5] (201 × 201 points) as filled
     * contours, see {@link #plotWigner(Qobj, double[], double[], boolean)}.
     *
     * @param state a ket or density matrix in the Fock basis (take {@code ptrace} first for one mode of several)
     * @return the figure
     */
    public static Figure plotWigner(Qobj state) {
        double[] v = Lindblad.linspace(-5, 5, 201);
        return plotWigner(state, v, v, true);
    }

    /**
     * The Wigner function {@code W(x, p)} ({@link Lindblad#wigner}, QuTiP's convention
     * {@code g = √2}) as filled contours (21 bands) or a smooth heat map, on the diverging map
     * centred on zero: white is W = 0, blue negative, red positive, the scale symmetric
     * ({@code ±max|W|}), with a colour bar. Equal aspect, so a coherent state is round.
     *
     * @param state    a ket or density matrix in the Fock basis
     * @param xvec     x values, increasing
     * @param pvec     p values, increasing
     * @param contours filled contours (true) or a smooth heat map (false)
     * @return the figure
     */
    public static Figure plotWigner(Qobj state, double[] xvec, double[] pvec, boolean contours) {
        return plotWigner(state, xvec, pvec, contours, 0);
    }

    /**
     * As {@link #plotWigner(Qobj, double[], double[], boolean)} with a fixed colour scale
     * {@code [−wlim, wlim]}, so that several panels compare (|W| ≤ 1/π always, with g = √2).
     *
     * @param state    a ket or density matrix in the Fock basis
     * @param xvec     x values, increasing
     * @param pvec     p values, increasing
     * @param contours filled contours (true) or a smooth heat map (false)
     * @param wlim     half-range of the colour scale, or 0 for {@code max|W|}
     * @return the figure
     */
    public static Figure plotWigner(Qobj state, double[] xvec, double[] pvec, boolean contours, double wlim) {
        if (state == null || xvec == null || pvec == null) {
            throw new NullPointerException("plotWigner: state, xvec and pvec must be given");
        }
        if (!(wlim >= 0) || Double.isInfinite(wlim)) {
            throw new IllegalArgumentException("plotWigner: wlim must be finite and >= 0, got " + wlim);
        }
        return Figure.of(wignerAxes(Lindblad.wigner(state, xvec, pvec), xvec, pvec, contours, wlim)).size(640, 540);
    }

    static Axes wignerAxes(double[][] w, double[] xvec, double[] pvec, boolean contours, double wlim) {
        double m = wlim;
        if (m == 0) {
            for (double[] row : w) {
                for (double v : row) {
                    m = Math.max(m, Math.abs(v));
                }
            }
        }
        m = m > 0 ? m : 1;
        return new Axes().title("Wigner function").xLabel("x").yLabel("p").equalAspect(true)
                .heatMap(w, xvec, pvec, Colormap.DIVERGING, -m, m, contours ? 21 : 0, "W(x, p)");
    }

    /**
     * The photon-number distribution {@code P(n) = ⟨n|ρ|n⟩} (or {@code |⟨n|ψ⟩|²}) as bars.
     *
     * @param state a ket or density matrix in the Fock basis
     * @return the figure
     */
    public static Figure plotFockDistribution(Qobj state) {
        if (state == null) {
            throw new NullPointerException("plotFockDistribution: state is null");
        }
        double[] p = populations(state, "plotFockDistribution");
        double[] n = new double[p.length];
        Arrays.setAll(n, i -> i);
        Axes ax = new Axes().title("Fock distribution").xLabel("Fock number n").yLabel("occupation probability")
                .bars(n, p, 0.8, "").yRange(0, Math.max(1e-12, Arrays.stream(p).max().orElse(1)) * 1.08);
        ax.integerX = true;
        return Figure.of(ax);
    }

    static double[] populations(Qobj state, String op) {
        int d = state.shape()[0];
        double[] p = new double[d];
        if (state.isKet()) {
            for (int i = 0; i < d; i++) {
                p[i] = state.get(i, 0).abs2();
            }
        } else if (state.isOper()) {
            for (int i = 0; i < d; i++) {
                p[i] = state.get(i, i).re();
            }
        } else {
            throw new IllegalArgumentException(op + ": need a ket or density matrix, got " + state.type());
        }
        return p;
    }

    /**
     * A Hinton diagram of the real part of a matrix, as {@code qutip.hinton}: a square per element
     * with area proportional to {@code |Re ρ_ij|} (the largest fills its cell), red for positive
     * and blue for negative, row 0 at the top; rows and columns labelled by basis states
     * {@code |n⟩} (or {@code |n,m⟩} for composite dimensions).
     *
     * @param rho an operator (a ket is turned into its density matrix)
     * @return the figure
     */
    public static Figure hinton(Qobj rho) {
        if (rho == null) {
            throw new NullPointerException("hinton: rho is null");
        }
        Qobj m = rho.isKet() ? Lindblad.ketToDm(rho) : rho;
        int rows = m.shape()[0], cols = m.shape()[1];
        double max = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, Math.abs(m.get(i, j).re()));
            }
        }
        Axes ax = new Axes().title("Hinton diagram").equalAspect(true).invertY(true).grid(false)
                .xRange(0, cols).yRange(0, rows);
        ax.rect(0, 0, cols, rows, new Color(0xf2f2f2));
        Color pos = Colormap.DIVERGING.at(0.85), neg = Colormap.DIVERGING.at(0.15);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double v = m.get(i, j).re();
                if (max == 0 || v == 0) {
                    continue;
                }
                double s = 0.9 * Math.sqrt(Math.abs(v) / max);
                ax.rect(j + 0.5 - s / 2, i + 0.5 - s / 2, s, s, v > 0 ? pos : neg);
            }
        }
        String[] labels = basisLabels(m.dims().out(), rows);
        double[] centres = new double[rows];
        Arrays.setAll(centres, i -> i + 0.5);
        ax.yTicks(centres, labels);
        double[] cc = new double[cols];
        Arrays.setAll(cc, i -> i + 0.5);
        ax.xTicks(cc, cols == rows ? labels : basisLabels(m.dims().in(), cols));
        return Figure.of(ax).size(560, 520);
    }

    /** {@code |n⟩}, or {@code |n,m,…⟩} for a tensor product, in QuTiP's order (last factor fastest). */
    static String[] basisLabels(int[] dims, int n) {
        String[] out = new String[n];
        for (int k = 0; k < n; k++) {
            if (dims.length <= 1) {
                out[k] = "|" + k + "⟩";
                continue;
            }
            int[] idx = new int[dims.length];
            int r = k;
            for (int d = dims.length - 1; d >= 0; d--) {
                idx[d] = r % dims[d];
                r /= dims[d];
            }
            StringBuilder b = new StringBuilder("|");
            for (int d = 0; d < idx.length; d++) {
                b.append(d > 0 ? "," : "").append(idx[d]);
            }
            out[k] = b.append('⟩').toString();
        }
        return out;
    }

    /**
     * A 3-D bar chart of a complex matrix: height {@code |m_ij|}, colour the phase
     * {@code arg m_ij} (see {@link MatrixHistogram}).
     *
     * @param m an operator or density matrix
     * @return the figure
     */
    public static Figure matrixHistogram(Qobj m) {
        if (m == null) {
            throw new NullPointerException("matrixHistogram: m is null");
        }
        Qobj o = m.isKet() ? Lindblad.ketToDm(m) : m;
        int rows = o.shape()[0], cols = o.shape()[1];
        if (rows > 64 || cols > 64) {
            throw new IllegalArgumentException("matrixHistogram: " + rows + " x " + cols
                    + " is too large to read as bars (at most 64 x 64)");
        }
        double[][] re = new double[rows][cols], im = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                Complex z = o.get(i, j);
                re[i][j] = z.re();
                im[i][j] = z.im();
            }
        }
        MatrixHistogram h = new MatrixHistogram(re, im, basisLabels(o.dims().out(), rows), basisLabels(o.dims().in(), cols));
        h.title("Matrix elements");
        return Figure.of(h).size(640, 520);
    }

    /**
     * A spectrum {@code S(ω)} against frequency, as from {@code spectrum(...)}.
     *
     * @param omega frequencies
     * @param s     spectral density, as many values
     * @return the figure
     */
    public static Figure plotSpectrum(double[] omega, double[] s) {
        if (omega == null || s == null) {
            throw new NullPointerException("plotSpectrum: omega and s must be given");
        }
        return Figure.of(new Axes().title("Spectrum").xLabel("ω").yLabel("S(ω)").line(omega, s, ""));
    }

    /**
     * Energy-level diagrams as {@code qutip.plot_energy_levels}: column k shows the eigenenergies
     * of the cumulative Hamiltonian {@code H_0 + … + H_k} as horizontal lines, and dashed lines join
     * the k-th levels of neighbouring columns, so one sees how each term shifts and splits them.
     *
     * @param hList  Hermitian operators of one size
     * @param n      levels to show per column (the lowest n), 0 for all
     * @param labels one label per column, or none for "H0", "H0+H1", …
     * @return the figure
     */
    public static Figure plotEnergyLevels(List<Qobj> hList, int n, String... labels) {
        if (hList == null || hList.isEmpty()) {
            throw new IllegalArgumentException("plotEnergyLevels: hList must hold at least one operator");
        }
        if (n < 0) {
            throw new IllegalArgumentException("plotEnergyLevels: n must be >= 0, got " + n);
        }
        if (labels != null && labels.length != 0 && labels.length != hList.size()) {
            throw new IllegalArgumentException("plotEnergyLevels: " + hList.size() + " operators but " + labels.length
                    + " labels");
        }
        Axes ax = new Axes().title("Energy levels").yLabel("energy").grid(false);
        Qobj h = null;
        double[] prev = null;
        double[] centres = new double[hList.size()];
        String[] names = new String[hList.size()];
        for (int k = 0; k < hList.size(); k++) {
            Qobj term = hList.get(k);
            if (term == null) {
                throw new NullPointerException("plotEnergyLevels: hList[" + k + "] is null");
            }
            h = h == null ? term : h.plus(term);
            double[] e = h.eigenenergies();
            int m = n == 0 ? e.length : Math.min(n, e.length);
            double x0 = 2 * k, x1 = 2 * k + 1.2;
            for (int i = 0; i < m; i++) {
                ax.segment(x0, e[i], x1, e[i], Style.CYCLE[0], 2.5, false);
                if (prev != null && i < prev.length) {
                    ax.segment(x0 - 0.8, prev[i], x0, e[i], new Color(0x999999), 1, true);
                }
            }
            prev = Arrays.copyOf(e, m);
            centres[k] = x0 + 0.6;
            names[k] = labels != null && labels.length == hList.size() ? labels[k] : (k == 0 ? "H0" : "H0+…+H" + k);
        }
        ax.xTicks(centres, names).xRange(-0.4, 2 * hList.size() - 0.4);
        return Figure.of(ax);
    }

    /**
     * Several pictures as panels of one figure, row by row; each keeps its own axes.
     *
     * @param rows    grid rows
     * @param cols    grid columns
     * @param figures at most rows × cols figures (their panels are taken)
     * @return the figure
     */
    public static Figure grid(int rows, int cols, Figure... figures) {
        return grid(rows, cols, Figure.Share.NONE, figures);
    }

    /**
     * Panels in a grid with shared axes: with {@link Figure.Share#X} all 2-D panels get the same x
     * range and only the bottom row shows x tick labels; {@link Figure.Share#Y} likewise for y and
     * the left column; {@link Figure.Share#BOTH} both. Each panel keeps its own title.
     *
     * @param rows    grid rows
     * @param cols    grid columns
     * @param share   which axes are shared
     * @param figures at most rows × cols figures
     * @return the figure
     */
    public static Figure grid(int rows, int cols, Figure.Share share, Figure... figures) {
        if (figures == null || share == null) {
            throw new NullPointerException("grid: figures and share must be given");
        }
        List<Panel> panels = new ArrayList<>();
        for (Figure f : figures) {
            panels.addAll(f.panels());
        }
        return Figure.grid(rows, cols, share, panels);
    }

    /**
     * Writes a figure: PNG, SVG or PDF by the file name (see {@link Figure#save(Path)}).
     *
     * @param figure the figure
     * @param path   the file
     * @return the path written
     */
    public static Path save(Figure figure, Path path) {
        if (figure == null) {
            throw new NullPointerException("save: figure is null");
        }
        return figure.save(path);
    }

    /**
     * Shows a figure: writes it to a temporary PNG file, opens it with the desktop's viewer where
     * there is a display, and otherwise (headless, as on a server) prints where the file is.
     *
     * @param figure the figure
     * @return the file written
     */
    public static Path show(Figure figure) {
        return show(figure, System.out);
    }

    static Path show(Figure figure, PrintStream out) {
        if (figure == null) {
            throw new NullPointerException("show: figure is null");
        }
        Path file;
        try {
            file = Files.createTempFile("lindblad-", ".png");
        } catch (IOException e) {
            throw new UncheckedIOException("show: could not create a temporary file", e);
        }
        figure.save(file);
        if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                && Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            try {
                Desktop.getDesktop().open(file.toFile());
                return file;
            } catch (IOException | RuntimeException e) {
                out.println("show: could not open a viewer (" + e.getMessage() + "); the picture is " + file);
                return file;
            }
        }
        out.println("show: no display; the picture is " + file.toAbsolutePath());
        return file;
    }
}
