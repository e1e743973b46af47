package dev.lindblad.plot;

import dev.lindblad.solver.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Pictures of solver results, written headless to PNG and SVG. The charts are plain line plots
 * of expectation values against time, as QuTiP users draw with matplotlib after a solve.
 */
public final class Plots {
    private Plots() {
    }

    /**
     * Expectation values of every e-op against time.
     *
     * @param result a solver result with real e-ops
     * @param labels one label per e-op, in order
     * @return the chart, to save with {@link #save}
     */
    public static XYChart expect(Result result, List<String> labels) {
        if (labels.size() != result.numExpect()) {
            throw new IllegalArgumentException("expect: " + result.numExpect() + " e-ops but " + labels.size()
                    + " labels " + labels);
        }
        XYChart chart = new XYChartBuilder().width(800).height(500).title("Expectation values")
                .xAxisTitle("t").yAxisTitle("expectation value").build();
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setAntiAlias(true);
        double[] t = result.times();
        for (int k = 0; k < labels.size(); k++) {
            XYSeries s = chart.addSeries(labels.get(k), t, result.expect(k));
            s.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /**
     * Lines y(x) for several named series on common axes.
     *
     * @param title  chart title
     * @param xLabel x-axis title
     * @param yLabel y-axis title
     * @param x      abscissae
     * @param ys     one array per series, each as long as x
     * @param labels one label per series
     * @return the chart
     */
    public static XYChart lines(String title, String xLabel, String yLabel, double[] x, List<double[]> ys,
                                List<String> labels) {
        if (ys.size() != labels.size()) {
            throw new IllegalArgumentException("lines: " + ys.size() + " series but " + labels.size() + " labels");
        }
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        chart.getStyler().setAntiAlias(true);
        for (int k = 0; k < ys.size(); k++) {
            if (ys.get(k).length != x.length) {
                throw new IllegalArgumentException("lines: series '" + labels.get(k) + "' has " + ys.get(k).length
                        + " points, x has " + x.length);
            }
            chart.addSeries(labels.get(k), x, ys.get(k)).setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /**
     * Writes the chart to {@code base.png} and {@code base.svg}.
     *
     * @param chart the chart
     * @param base  path without extension
     */
    public static void save(XYChart chart, Path base) {
        try {
            String b = base.toString();
            BitmapEncoder.saveBitmap(chart, b + ".png", BitmapEncoder.BitmapFormat.PNG);
            VectorGraphicsEncoder.saveVectorGraphic(chart, b + ".svg", VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + base + ".png/.svg", e);
        }
    }
}
