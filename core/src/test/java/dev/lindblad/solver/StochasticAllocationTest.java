package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Qobj;
import dev.lindblad.ThreadAllocation;
import dev.lindblad.parallel.TaskMap;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A stochastic trajectory allocates nothing per output time beyond its expectation values when
 * no states are kept: the same run with 401 output times instead of 5, over the same interval
 * and steps, may allocate at most 160 bytes more per extra output and trajectory: the
 * trajectory's e-op value (16 bytes) and the call's sums, means and errors over the
 * trajectories spread over the 4 of them (106 bytes in all, measured, for either solver).
 * Allocating the state twice per output (as before) cost 640 more bytes at N = 20 for ssesolve
 * and 12.8 kB for smesolve; on this kind of VM fresh heap pages fault in slowly, and the young generation
 * growing through them held the bench's warm ssesolve calls a quarter slower for seconds.
 */
class StochasticAllocationTest {
    private static final int N = 20;
    private static final Qobj A = destroy(N);
    private static final Qobj H = num(N).times(0.3).plus(A.plus(A.dag()).times(0.5));
    private static final List<Qobj> SC = List.of(A.times(Math.sqrt(0.5)));
    private static final List<Qobj> E = List.of(num(N));
    private static final int NTRAJ = 4;

    private static double[] times(int count) {
        double[] t = new double[count];
        for (int i = 0; i < count; i++) {
            t[i] = 0.4 * i / (count - 1);
        }
        return t;
    }

    private static void assertNoAllocationPerOutput(String what, Function<double[], StochasticResult> solve) {
        ThreadAllocation counter = ThreadAllocation.counter();
        double[] few = times(5), many = times(401);
        for (int i = 0; i < 3; i++) {   // warm-up: class loading, JIT compilation
            solve.apply(few);
            solve.apply(many);
        }
        long b0 = counter.bytes();
        StochasticResult r1 = solve.apply(few);
        long b1 = counter.bytes();
        StochasticResult r2 = solve.apply(many);
        long b2 = counter.bytes();
        assertEquals(r1.stats().steps(), r2.stats().steps(), what + ": the two runs take the same steps");
        double perOutput = (double) ((b2 - b1) - (b1 - b0)) / ((many.length - few.length) * NTRAJ);
        assertTrue(perOutput < 160, what + ": " + perOutput + " bytes per output and trajectory ("
                + (b1 - b0) + " bytes with 5 outputs, " + (b2 - b1) + " with 401)");
    }

    private static StochasticOptions options() {
        // dt divides every output interval of both time lists: the same 400 steps
        return StochasticOptions.defaults().withNtraj(NTRAJ).withSeed(5).withDt(1e-3).withMap(TaskMap.serial());
    }

    @Test
    void ssesolveAllocatesNothingPerOutput() {
        assertNoAllocationPerOutput("ssesolve", t -> ssesolve(H, fock(N, 0), t, SC, E, options()));
    }

    @Test
    void smesolveAllocatesNothingPerOutput() {
        List<Qobj> c = List.of(A.dag().times(Math.sqrt(0.1)));
        assertNoAllocationPerOutput("smesolve", t -> smesolve(H, fock(N, 0), t, c, SC, E, options()));
    }
}
