package dev.lindblad.bench;

import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.Data;
import dev.lindblad.data.Matrix;
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
 * Kronecker products with a result of dimension {@code size}: the sparse
 * {@code tensor(destroy(size/2), qeye(2))} every cavity-QED script builds, and a dense
 * (size/2)×(size/2) matrix ⊗ a dense 2×2.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KronBenchmark {

    @Param({"16", "64", "256", "1024", "2048"})
    int size;

    private Matrix destroy;
    private Matrix identity;
    private Matrix denseLeft;
    private Matrix denseRight;

    @Setup
    public void setUp() {
        destroy = Inputs.destroy(size / 2);
        identity = CsrMatrix.identity(2);
        denseLeft = Inputs.dense(size / 2, 7);
        denseRight = Inputs.dense(2, 8);
    }

    @Benchmark
    public Matrix sparseDestroyTimesIdentity() {
        return Data.kron(destroy, identity);
    }

    @Benchmark
    public Matrix dense() {
        return Data.kron(denseLeft, denseRight);
    }

}
