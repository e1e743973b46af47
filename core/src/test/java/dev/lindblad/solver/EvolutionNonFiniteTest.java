package dev.lindblad.solver;

import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Dims;
import dev.lindblad.Operators;
import dev.lindblad.ode.IntegrationFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A NaN that reaches an output time from any propagation (an exact one checks nothing on its
 * own) ends the solve with an {@link IntegrationException} carrying the times before it, not
 * with {@code Qobj.of}'s refusal of a non-finite state (issue #14 item 6).
 */
class EvolutionNonFiniteTest {

    /** Keeps |0> until t = 2, then writes a NaN amplitude. */
    private static final class NaNFromTwo implements Propagation {
        @Override
        public void reset(double t0, double[] y0) {
        }

        @Override
        public void advance(double t, double[] out) {
            java.util.Arrays.fill(out, 0);
            out[0] = t >= 2 ? Double.NaN : 1;
        }

        @Override
        public long steps() {
            return 0;
        }

        @Override
        public long rhsCalls() {
            return 0;
        }

        @Override
        public long rejectedSteps() {
            return 0;
        }

        @Override
        public String method() {
            return "stub";
        }
    }

    @Test
    void aNaNStateEndsTheSolveWithThePartialResult() {
        double[] tlist = {0, 1, 2, 3};
        double[] y0 = {1, 0, 0, 0};
        for (boolean store : new boolean[] {true, false}) {
            SolverOptions opt = SolverOptions.defaults().withStoreStates(store).withNormalizeOutput(false);
            IntegrationException e = assertThrows(IntegrationException.class, () -> Evolution.run("sesolve",
                    new NaNFromTwo(), y0, tlist, Evolution.Kind.KET, Dims.ket(2), 2, 1, List.of(Operators.sigmaz()),
                    List.of(), opt, "stub", System.nanoTime(), 0));
            assertInstanceOf(IntegrationFailure.class, e.getCause());
            assertEquals(IntegrationFailure.Reason.NON_FINITE, ((IntegrationFailure) e.getCause()).reason());
            assertTrue(e.getMessage().startsWith("sesolve: integration failed at t = 2.0 (NON_FINITE)"), e.getMessage());
            assertArrayEquals(new double[] {0, 1}, e.partialResult().times());
            assertArrayEquals(new double[] {1, 1}, e.partialResult().expect(0), 0);
            if (store) {
                assertEquals(2, e.partialResult().states().size());
            }
        }
    }
}
