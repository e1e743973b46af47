package dev.lindblad.bench;

import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.Data;
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
 * The products inside every solver's right-hand side, into a preallocated output (no
 * allocation in the timed loop): a sparse band operator (5 entries a row) times a vector
 * ({@code spmv}, the Schrödinger equation) and times a dense size×size matrix
 * ({@code spmm}, {@code H rho} in the master equation).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SparseProductBenchmark {

    @Param({"16", "64", "256", "1024", "2048"})
    int size;

    private CsrMatrix operator;
    private double[] vector;
    private double[] vectorOut;
    private double[] matrix;
    private double[] matrixOut;

    @Setup
    public void setUp() {
        operator = Inputs.bandHermitian(size, 2, 9);
        vector = Inputs.ket(size, 10);
        vectorOut = new double[2 * size];
        matrix = Inputs.densityMatrix(size, 11);
        matrixOut = new double[2 * size * size];
    }

    /** {@code y = A x}. */
    @Benchmark
    public double[] spmv() {
        Data.matvec(operator, vector, 0, vectorOut, 0, 1, 0, 0, 0);
        return vectorOut;
    }

    /** {@code C = A B}, B dense size×size. */
    @Benchmark
    public double[] spmm() {
        Data.matmulInto(operator, matrix, size, matrixOut, 1, 0, 0, 0);
        return matrixOut;
    }
}
