package dev.lindblad.bench;

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
 * Partial trace over the qubit of a cavity ⊗ qubit state of total dimension {@code size}
 * (dims {@code [size/2, 2]}, keep the cavity), as a density matrix and as a ket.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PtraceBenchmark {

    @Param({"16", "64", "256", "1024", "2048"})
    int size;

    private Matrix rho;
    private double[] psi;
    private int[] dims;
    private final int[] keep = {0};

    @Setup
    public void setUp() {
        rho = DenseMatrix.wrap(size, size, Inputs.densityMatrix(size, 1));
        psi = Inputs.ket(size, 2);
        dims = new int[] {size / 2, 2};
    }

    /** {@code rho.ptrace(0)} on a dense density matrix: O(size²/2) reads. */
    @Benchmark
    public DenseMatrix densityMatrix() {
        return Data.ptrace(rho, dims, keep);
    }

    /** {@code psi.ptrace(0)}: the reduced state without forming |psi><psi|, O(size²/2). */
    @Benchmark
    public DenseMatrix ket() {
        return Data.ptraceKet(psi, dims, keep);
    }
}
