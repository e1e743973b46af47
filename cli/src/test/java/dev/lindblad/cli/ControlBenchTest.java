package dev.lindblad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.control.OptimResult;
import dev.lindblad.control.PulseDynamics;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optimal-control rows of {@code lindblad bench} and the {@code grad} plan. No timings. */
class ControlBenchTest {

    private static BenchCommand.Plan plan(String... args) throws UsageException {
        BenchCommand bench = new BenchCommand();
        return bench.plan(Arguments.parse(bench, List.of(args)));
    }

    @Test
    void gradPlanTakesThreadCounts() throws UsageException {
        assertEquals(List.of("grad", "1", "2"), plan("grad", "1", "2").spmv());
        assertEquals(List.of("grad"), plan("grad").spmv());
        assertEquals(List.of("1", "4"), plan("spmv", "1", "4").spmv());
        UsageException e = assertThrows(UsageException.class, () -> plan("grad", "two"));
        assertTrue(e.getMessage().contains("bench grad takes thread counts"), e.getMessage());
        assertThrows(UsageException.class, () -> plan("gradient"));
    }

    @Test
    void gradientRowsAlternateTheStartAndReturnTheFidelityError() {
        BenchProblems.Prepared p = BenchProblems.prepare("grape-grad-open2q", 10);
        double first = (Double) p.call().get();
        double second = (Double) p.call().get();
        PulseDynamics d = ControlBench.openPair(10);
        assertEquals(d.fidErr(ControlBench.start(10, 4)), first, 0.0);
        assertTrue(first != second, "the second call is shifted by 1e-12, so nothing is reused");
        assertEquals(first, second, 1e-10);
        assertEquals(first, p.value().applyAsDouble(first), 0.0);
        assertTrue(!p.solver());
    }

    @Test
    void cnotRowReachesTheTarget() {
        BenchProblems.Prepared p = BenchProblems.prepare("grape-cnot", 100);
        OptimResult r = (OptimResult) p.call().get();
        assertTrue(r.fidErr() <= 1e-10, r.toString());
        assertEquals(1.0, p.value().applyAsDouble(r), 0.0);
        assertTrue(p.solver());
        assertEquals(100, r.finalAmps().length);
    }

    @Test
    void threeQubitRowIsAToffoliOnAChain() {
        PulseDynamics d = ControlBench.toffoliChain(5);
        assertEquals(6, d.nCtrls());
        assertEquals(5, d.nTs());
        assertEquals("PSU", d.fidType());
        double err = (Double) BenchProblems.prepare("grape-grad-3q", 5).call().get();
        assertEquals(d.fidErr(ControlBench.start(5, 6)), err, 0.0);
    }
}
