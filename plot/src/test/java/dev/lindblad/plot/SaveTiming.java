package dev.lindblad.plot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Time to save a chart of 1000 points (two lines of 1000 points each), not a test: run from the
 * repository root after {@code ./mvnw -pl plot -am test-compile} with
 * {@code java -Djava.awt.headless=true -cp core/target/classes:plot/target/classes:plot/target/test-classes dev.lindblad.plot.SaveTiming}.
 * Prints the first save in this JVM (cold: fonts and classes load) and the median of 20 warm
 * saves, for PNG, SVG and PDF.
 */
public final class SaveTiming {
    private SaveTiming() {
    }

    public static void main(String[] args) throws Exception {
        int n = 1000;
        double[] t = new double[n], a = new double[n], b = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 25.0 * i / (n - 1);
            a[i] = Math.exp(-t[i] / 20) * Math.pow(Math.sin(0.314 * t[i]), 2);
            b[i] = Math.exp(-t[i] / 20) * Math.pow(Math.cos(0.314 * t[i]), 2);
        }
        Path dir = Files.createTempDirectory("lindblad-timing");
        long c0 = System.nanoTime();
        Plots.lines("warm-up", "t", "y", t, List.of(a), List.of("a")).toImage();
        System.out.printf("first picture drawn in this JVM (Java2D and fonts start): %.0f ms%n",
                (System.nanoTime() - c0) / 1e6);
        for (String ext : new String[] {"png", "svg", "pdf"}) {
            long s0 = System.nanoTime();
            Figure f = Plots.lines("Vacuum Rabi", "t", "⟨a†a⟩", t, List.of(a, b), List.of("⟨a†a⟩", "⟨σ+σ−⟩"));
            Path p = f.save(dir.resolve("cold." + ext));
            double cold = (System.nanoTime() - s0) / 1e6;
            double[] warm = new double[20];
            for (int k = 0; k < warm.length; k++) {
                long s = System.nanoTime();
                Plots.lines("Vacuum Rabi", "t", "⟨a†a⟩", t, List.of(a, b), List.of("⟨a†a⟩", "⟨σ+σ−⟩"))
                        .save(dir.resolve("warm." + ext));
                warm[k] = (System.nanoTime() - s) / 1e6;
            }
            Arrays.sort(warm);
            System.out.printf("%s: first save %.0f ms, median of 20 warm saves %.1f ms, %d bytes%n", ext, cold,
                    warm[warm.length / 2], Files.size(p));
        }
        java.awt.image.BufferedImage img = Plots.lines("Vacuum Rabi", "t", "y", t, List.of(a, b), List.of("a", "b")).toImage();
        double[] draw = new double[20], own = new double[20], imageio = new double[20];
        for (int k = 0; k < 20; k++) {
            long s = System.nanoTime();
            Plots.lines("Vacuum Rabi", "t", "y", t, List.of(a, b), List.of("a", "b")).toImage();
            long s1 = System.nanoTime();
            PngEncoder.encode(img);
            long s2 = System.nanoTime();
            javax.imageio.ImageIO.write(img, "png", new java.io.ByteArrayOutputStream());
            long s3 = System.nanoTime();
            draw[k] = (s1 - s) / 1e6;
            own[k] = (s2 - s1) / 1e6;
            imageio[k] = (s3 - s2) / 1e6;
        }
        Arrays.sort(draw);
        Arrays.sort(own);
        Arrays.sort(imageio);
        System.out.printf("medians: draw %.1f ms, PNG encoding %.1f ms (ImageIO's writer: %.1f ms)%n", draw[10], own[10],
                imageio[10]);
    }
}
