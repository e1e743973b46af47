package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.ode.IntegrationFailure;
import dev.lindblad.parallel.TaskMap;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No lost work (issue 14, items 10 and 11): a coefficient function or an e-op callback that
 * throws, or returns NaN, part-way through a solve ends it with an {@link IntegrationException}
 * carrying the partial result and the cause, never the internal {@link IntegrationFailure}; any
 * {@link Throwable} in a Monte Carlo trajectory keeps the finished trajectories.
 */
class SolverFailureTest {

    private static final double[] TIMES = linspace(0, 4, 9);

    /** Asserts the partial result holds exactly the output times before {@code limit}, with values. */
    private static void partialBefore(IntegrationException e, double limit) {
        Result partial = e.partialResult();
        assertNotNull(partial, "no partial result");
        double[] t = partial.times();
        assertTrue(t.length >= 1, "the partial result is empty");
        for (double v : t) {
            assertTrue(v < limit, "time " + v + " past the failure at " + limit);
        }
        assertEquals(Arrays.stream(TIMES).filter(v -> v < limit).count(), t.length, "times reached");
    }

    @Test
    void coefficientThatThrowsKeepsThePartialResult() {
        IllegalStateException boom = new IllegalStateException("table lookup out of range");
        QobjEvo h = QobjEvo.of(sigmaz()).plus(sigmax(), t -> {
            if (t > 2.2) {
                throw boom;
            }
            return Math.cos(t);
        });
        IntegrationException e = assertThrows(IntegrationException.class,
                () -> sesolve(h, basis(2, 0), TIMES, List.of(sigmaz())));
        assertSame(boom, e.getCause());
        assertTrue(e.getMessage().startsWith("sesolve: "), e.getMessage());
        partialBefore(e, 2.2);
        IntegrationException me = assertThrows(IntegrationException.class,
                () -> mesolve(h, basis(2, 0), TIMES, List.of(sigmam().times(0.3)), List.of(sigmaz())));
        assertSame(boom, me.getCause());
        assertTrue(me.getMessage().startsWith("mesolve: "), me.getMessage());
        partialBefore(me, 2.2);
    }

    @Test
    void eOpCallbackThatThrowsKeepsThePartialResult() {
        ArithmeticException boom = new ArithmeticException("callback bug");
        ExpectFunction f = (t, rho) -> {
            if (t >= 2) {
                throw boom;
            }
            return rho.tr().re();
        };
        IntegrationException e = assertThrows(IntegrationException.class, () -> Solvers.mesolve(sigmax(), basis(2, 0),
                TIMES, List.of(sigmam().times(0.3)), List.of(sigmaz()), List.of(f), SolverOptions.defaults()));
        assertSame(boom, e.getCause());
        assertTrue(e.getMessage().contains("e-op callback 0 threw at t = 2.0"), e.getMessage());
        partialBefore(e, 2);
        assertEquals(1.0, e.partialResult().expect(1)[3], 1e-9, "the callback's values before the failure are kept");
    }

    /** A NaN returned by a callback used to be recorded in the Result without a word. */
    @Test
    void eOpCallbackReturningNaNEndsTheSolve() {
        ExpectFunction f = (t, psi) -> t >= 3 ? Double.NaN : 1.0;
        IntegrationException e = assertThrows(IntegrationException.class, () -> Solvers.sesolve(sigmax(), basis(2, 0),
                TIMES, List.of(), List.of(f), SolverOptions.defaults()));
        assertTrue(e.getMessage().contains("e-op callback 0 returned NaN at t = 3.0"), e.getMessage());
        partialBefore(e, 3);
    }

    /** A coefficient that is NaN part-way, or from the start (the latter escaped as IntegrationFailure). */
    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.2})
    void nanCoefficientEndsTheSolveWithThePartialResult(double from) {
        QobjEvo h = QobjEvo.of(sigmaz()).plus(sigmax(), t -> t >= from ? Double.NaN : 1.0);
        for (Supplier<Result> solve : List.<Supplier<Result>>of(
                () -> sesolve(h, basis(2, 0), TIMES, List.of(sigmaz())),
                () -> mesolve(h, basis(2, 0), TIMES, List.of(sigmam()), List.of(sigmaz())),
                () -> mesolve(h, basis(2, 0), TIMES, List.of(sigmam()), List.of(sigmaz()),
                        SolverOptions.defaults().withRhs("products")))) {
            IntegrationException e = assertThrows(IntegrationException.class, solve::get);
            assertInstanceOf(IntegrationFailure.class, e.getCause());
            assertEquals(IntegrationFailure.Reason.NON_FINITE, ((IntegrationFailure) e.getCause()).reason());
            double[] t = e.partialResult().times();
            assertEquals(Arrays.stream(TIMES).filter(v -> v < from).count(), t.length, "times before " + from);
        }
        QobjEvo c = QobjEvo.of(sigmam()).plus(sigmam(), t -> t >= from ? Double.NaN : 0.0);
        IntegrationException e = assertThrows(IntegrationException.class,
                () -> mesolve(sigmax(), basis(2, 0), TIMES, List.of(c), List.of(sigmaz())));
        assertEquals(Arrays.stream(TIMES).filter(v -> v < from).count(), e.partialResult().times().length);
    }

    /**
     * Finite input whose right-hand side overflows to infinity at the first evaluation: an
     * IntegrationException with an empty partial result, not the internal IntegrationFailure.
     */
    @Test
    void overflowAtTheStartIsAnIntegrationException() {
        Qobj huge = qeye(2).plus(sigmax()).times(1e308);
        Qobj psi = basis(2, 0).plus(basis(2, 1));
        IntegrationException e = assertThrows(IntegrationException.class,
                () -> sesolve(huge, psi, TIMES, List.of(sigmaz())));
        assertEquals(0, e.partialResult().times().length);
        IntegrationException me = assertThrows(IntegrationException.class,
                () -> mesolve(sigmaz(), basis(2, 0), TIMES, List.of(sigmam().times(1e200)), List.of(sigmaz())));
        assertEquals(0, me.partialResult().times().length);
        assertTrue(me.getMessage().startsWith("mesolve: "), me.getMessage());
    }

    // ---------------------------------------------------------------- Monte Carlo (item 10)

    private static final int NTRAJ = 8;
    private static final int FAILING = 3;

    /** H(t) = σz + cos(t) σx, decay σ-: each right-hand side evaluates the coefficient once. */
    private static McSolver counting(AtomicLong calls, long throwAt, Supplier<Throwable> error, McOptions o) {
        QobjEvo h = QobjEvo.of(sigmaz()).plus(sigmax(), t -> {
            if (calls.incrementAndGet() == throwAt) {
                Throwable x = error.get();
                if (x instanceof Error err) {
                    throw err;
                }
                throw (RuntimeException) x;
            }
            return Math.cos(t);
        });
        return new McSolver(h, List.of(sigmam().times(0.7)), o);
    }

    private static Supplier<Throwable> error(String kind) {
        return switch (kind) {
            case "assertion" -> () -> new AssertionError("a broken invariant in a coefficient");
            case "stackoverflow" -> StackOverflowError::new;
            default -> () -> new IllegalStateException("a coefficient bug");
        };
    }

    /**
     * Trajectory 3 throws an Error at its first right-hand side (the count of calls before it is
     * taken from a clean serial run): trajectories 0–2 are kept, bit for bit, in the partial result.
     */
    @ParameterizedTest
    @ValueSource(strings = {"assertion", "stackoverflow", "runtime"})
    void anyThrowableInATrajectoryKeepsTheFinishedOnes(String kind) {
        McOptions o = McOptions.defaults().withNtraj(NTRAJ).withSeed(5).withMap(TaskMap.serial()).withKeepRuns(true);
        McResult clean = counting(new AtomicLong(), -1, null, o).run(basis(2, 0), TIMES, List.of(sigmaz()));
        long before = 0;
        for (int j = 0; j < FAILING; j++) {
            before += clean.runs().get(j).stats().rhsCalls();
        }
        long throwAt = before + 1;
        TrajectoryException stop = assertThrows(TrajectoryException.class,
                () -> counting(new AtomicLong(), throwAt, error(kind), o).run(basis(2, 0), TIMES, List.of(sigmaz())));
        assertEquals(FAILING, stop.trajectoryIndex());
        assertEquals(error(kind).get().getClass(), stop.getCause().getClass());
        McResult partial = stop.partialResult();
        assertEquals(FAILING, partial.ntraj());
        for (int j = 0; j < FAILING; j++) {
            assertArrayEquals(clean.runs().get(j).expectComplex(0), partial.runs().get(j).expectComplex(0),
                    "trajectory " + j);
        }
        McResult skipped = counting(new AtomicLong(), throwAt, error(kind), o.withSkipFailures(true))
                .run(basis(2, 0), TIMES, List.of(sigmaz()));
        assertEquals(NTRAJ - 1, skipped.ntraj());
        assertEquals(1, skipped.failures().size());
        assertEquals(FAILING, skipped.failures().get(0).index());
        assertEquals(error(kind).get().getClass(), skipped.failures().get(0).cause().getClass());
        int[] kept = skipped.trajectoryIndices();
        assertFalse(Arrays.stream(kept).anyMatch(i -> i == FAILING));
    }

    /** The same on 4 threads: whichever trajectory the Error hits, the others are averaged. */
    @Test
    void anErrorOnAThreadKeepsTheOtherTrajectories() {
        McOptions o = McOptions.defaults().withNtraj(24).withSeed(5).withMap(TaskMap.threads(4)).withSkipFailures(true);
        McResult r = counting(new AtomicLong(), 500, error("assertion"), o).run(basis(2, 0), TIMES, List.of(sigmaz()));
        assertEquals(23, r.ntraj());
        assertEquals(1, r.failures().size());
        assertInstanceOf(AssertionError.class, r.failures().get(0).cause());
    }
}
