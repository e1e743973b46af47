package dev.lindblad.solver;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Option withers refuse NaN and infinity at once, with a message naming the field and the value
 * (issue 14, item 15): {@code withAtol(Double.POSITIVE_INFINITY)} and {@code withFirstStep(NaN)}
 * used to be accepted and to fail later, inside the integrator, or never.
 */
class OptionWitherTest {

    private static final List<Double> NON_FINITE = List.of(Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY);

    private static void refuses(String field, DoubleFunction<Object> wither) {
        for (double v : NON_FINITE) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> wither.apply(v),
                    field + " accepted " + v);
            assertTrue(e.getMessage().startsWith(field + " must be finite"), e.getMessage());
            assertTrue(e.getMessage().endsWith("got " + v), e.getMessage());
        }
    }

    @Test
    void solverOptions() {
        SolverOptions o = SolverOptions.defaults();
        Map<String, DoubleFunction<Object>> withers = Map.of("atol", o::withAtol, "rtol", o::withRtol,
                "firstStep", o::withFirstStep, "minStep", o::withMinStep, "maxStep", o::withMaxStep);
        withers.forEach(OptionWitherTest::refuses);
    }

    @Test
    void mcOptions() {
        McOptions o = McOptions.defaults();
        Map<String, DoubleFunction<Object>> withers = Map.of("atol", o::withAtol, "rtol", o::withRtol,
                "firstStep", o::withFirstStep, "minStep", o::withMinStep, "maxStep", o::withMaxStep,
                "targetTol", o::withTargetTol, "normTimeTol", o::withNormTimeTol);
        withers.forEach(OptionWitherTest::refuses);
        for (double v : NON_FINITE) {
            assertThrows(IllegalArgumentException.class, () -> o.withNormTol(v), "normTol " + v);
        }
    }

    @Test
    void stochasticOptions() {
        StochasticOptions o = StochasticOptions.defaults();
        Map<String, DoubleFunction<Object>> withers = Map.of("atol", o::withAtol, "rtol", o::withRtol,
                "dt", o::withDt, "targetTol", o::withTargetTol);
        withers.forEach(OptionWitherTest::refuses);
        // the generic withers of SolverOptionsWithers reach the shared options
        assertEquals(1e-9, o.withAtol(1e-9).solver().atol());
        assertTrue(o.withProgress(true).solver().progress());
        assertEquals(Boolean.TRUE, o.withStoreStates(true).solver().storeStates());
        // withMethod is the stochastic method, not the ODE one
        assertEquals("euler", o.withMethod("euler").method());
        assertEquals("adams", o.withMethod("euler").solver().method());
    }

    @Test
    void steadyStateOptions() {
        SteadyStateOptions o = SteadyStateOptions.defaults();
        Map<String, DoubleFunction<Object>> withers = Map.of("tol", o::withTol,
                "residualLimit", o::withResidualLimit, "dropTol", v -> o.withPreconditioner(v, 10),
                "fillFactor", v -> o.withPreconditioner(1e-4, v));
        withers.forEach(OptionWitherTest::refuses);
    }

    @Test
    void finiteValuesStillWork() {
        assertEquals(1e-12, SolverOptions.defaults().withAtol(1e-12).atol());
        assertEquals(0.5, SolverOptions.defaults().withMaxStep(0.5).maxStep());
        assertEquals(1e-3, McOptions.defaults().withFirstStep(1e-3).solver().firstStep());
        assertEquals(1e-9, SteadyStateOptions.defaults().withTol(1e-9).tol());
    }
}
