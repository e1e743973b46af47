package dev.lindblad.bench;

import dev.lindblad.linalg.HermitianEigen;
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
 * Dense Hermitian eigen-decomposition ({@code eigenenergies}, {@code eigenstates}) of a random
 * Hermitian matrix. Sizes stop at 1024: the pure-Java O(n³) decomposition at 2048 takes tens
 * of seconds per call, too long for a micro-benchmark (run it with {@code -p size=2048} when
 * wanted).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class EigenBenchmark {

    @Param({"16", "64", "256", "1024"})
    int size;

    private double[] matrix;

    @Setup
    public void setUp() {
        matrix = Inputs.hermitian(size, 12);
    }

    @Benchmark
    public double[] eigenvalues() {
        return HermitianEigen.eigenvalues(size, matrix);
    }

    @Benchmark
    public HermitianEigen.Result eigenvectors() {
        return HermitianEigen.decompose(size, matrix, true);
    }
}
