package dev.lindblad.bench;

import dev.lindblad.linalg.Expm;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matrix exponential of a propagator step {@code exp(-i H dt)}, H a random dense Hermitian
 * matrix scaled to spectral radius about 1 and dt = 1, so scaling and squaring does a few
 * squarings, as for a typical {@code propagator} step. Sizes stop at 1024 for the reason given
 * in {@link EigenBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ExpmBenchmark {

    @Param({"16", "64", "256", "1024"})
    int size;

    private double[] generator;

    @Setup
    public void setUp() {
        double[] h = Inputs.hermitian(size, 13);
        // off-diagonal entries with real and imaginary parts uniform in [-1, 1] have
        // E|h|² = 2/3, so by the semicircle law the spectral radius is about
        // 2 sqrt(2 n / 3); scale it to about 1
        double scale = 1 / (2 * Math.sqrt(2.0 * size / 3));
        generator = new double[h.length];
        for (int k = 0; k < h.length; k += 2) {
            // -i (x + i y) scale = (y - i x) scale
            generator[k] = h[k + 1] * scale;
            generator[k + 1] = -h[k] * scale;
        }
    }

    @Benchmark
    public double[] expm() {
        return Expm.expm(size, generator);
    }
}
