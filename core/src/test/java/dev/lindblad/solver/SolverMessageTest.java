package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.DimensionMismatchException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Messages name the operation the user called and the user's argument, not the solver used
 * inside or an internal matrix (issue 14, item 15): steadystate and propagator errors used to
 * say "mesolve:" or "sesolve:", and a steady state of an overflowing Liouvillian "matrix a has a
 * non-finite entry".
 */
class SolverMessageTest {

    @Test
    void steadystateNamesItself() {
        DimensionMismatchException e = assertThrows(DimensionMismatchException.class,
                () -> steadystate(sigmaz(), List.of(destroy(3))));
        assertTrue(e.getMessage().startsWith("steadystate: collapse operator 0"), e.getMessage());
        NullPointerException n = assertThrows(NullPointerException.class,
                () -> steadystate(sigmaz(), java.util.Arrays.asList(sigmam(), null)));
        assertEquals("steadystate: cOps[1] is null", n.getMessage());
    }

    @Test
    void steadystateOfAnOverflowingLiouvillianNamesTheInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> steadystate(sigmaz(), List.of(sigmam().times(1e200))));
        assertTrue(e.getMessage().startsWith("steadystate: the Liouvillian built from the Hamiltonian and the "
                + "collapse operators has a non-finite entry"), e.getMessage());
    }

    @Test
    void propagatorNamesItself() {
        DimensionMismatchException open = assertThrows(DimensionMismatchException.class,
                () -> propagator(sigmaz(), 1.0, List.of(destroy(3))));
        assertTrue(open.getMessage().startsWith("propagator: collapse operator 0"), open.getMessage());
        IllegalArgumentException closed = assertThrows(IllegalArgumentException.class,
                () -> propagator(basis(2, 0), 1.0, List.of()));
        assertTrue(closed.getMessage().startsWith("propagator needs a square Hamiltonian"), closed.getMessage());
        IllegalArgumentException time = assertThrows(IllegalArgumentException.class,
                () -> propagator(sigmaz(), -1.0, List.of()));
        assertTrue(time.getMessage().startsWith("propagator: the time must be finite and >= 0, got -1.0"),
                time.getMessage());
    }

    @Test
    void solveMessagesNameTheArgument() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> mesolve(sigmaz(), basis(2, 0), linspace(0, 1, 3), List.of(sigmam()),
                        java.util.Arrays.asList(sigmaz(), null)));
        assertEquals("mesolve: eOps[1] is null", e.getMessage());
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
                () -> sesolve(sigmaz(), basis(2, 0), new double[] {0, Double.NaN}, List.of()));
        assertEquals("sesolve: tlist[1] = NaN is not finite", t.getMessage());
    }
}
