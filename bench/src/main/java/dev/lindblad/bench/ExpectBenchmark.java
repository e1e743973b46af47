package dev.lindblad.bench;

import dev.lindblad.Complex;
import dev.lindblad.data.Data;
import dev.lindblad.data.DenseMatrix;
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
 * Expectation values, the e-op evaluation a solver does at every output time:
 * {@code <psi|A|psi>} on a ket and {@code tr(A rho)} on a density matrix, for a sparse band
 * operator (5 entries a row, a Hamiltonian's shape) and a dense Hermitian one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExpectBenchmark {

    @Param({"16", "64", "256", "1024", "2048"})
    int size;

    private Matrix sparse;
    private Matrix dense;
    private double[] psi;
    private double[] rho;

    @Setup
    public void setUp() {
        sparse = Inputs.bandHermitian(size, 2, 3);
        dense = DenseMatrix.wrap(size, size, Inputs.hermitian(size, 4));
        psi = Inputs.ket(size, 5);
        rho = Inputs.densityMatrix(size, 6);
    }

    @Benchmark
    public Complex ketSparse() {
        return Data.expectKet(sparse, psi);
    }

    @Benchmark
    public Complex ketDense() {
        return Data.expectKet(dense, psi);
    }

    @Benchmark
    public Complex densityMatrixSparse() {
        return Data.expectRho(sparse, rho);
    }

    @Benchmark
    public Complex densityMatrixDense() {
        return Data.expectRho(dense, rho);
    }
}
