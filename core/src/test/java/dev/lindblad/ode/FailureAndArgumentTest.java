package dev.lindblad.ode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FailureAndArgumentTest {

    static Stream<String> methods() {
        return Integrators.METHODS.stream();
    }

    /** A right-hand side that turns NaN after t = 0.5 stops the integration there. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void nanInRightHandSideIsNonFinite(String method) {
        Integrator integrator = Integrators.create(method, 2, (t, y, out) -> {
            out[0] = t > 0.5 ? Double.NaN : -y[0];
            out[1] = y[0];
        }, IntegratorOptions.defaults());
        integrator.reset(0, new double[] {1, 0});
        IntegrationFailure failure = assertThrows(IntegrationFailure.class,
                () -> integrator.integrate(2, new double[2]));
        assertEquals(IntegrationFailure.Reason.NON_FINITE, failure.reason());
        assertTrue(failure.time() >= 0 && failure.time() <= 0.5, "failed at " + failure.time());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void nonFiniteInitialStateIsRejected(String method) {
        Integrator integrator = Integrators.create(method, 1, (t, y, out) -> out[0] = -y[0], IntegratorOptions.defaults());
        IntegrationFailure failure = assertThrows(IntegrationFailure.class,
                () -> integrator.reset(0, new double[] {Double.POSITIVE_INFINITY}));
        assertEquals(IntegrationFailure.Reason.NON_FINITE, failure.reason());
        Integrator singular = Integrators.create(method, 1, (t, y, out) -> out[0] = 1 / y[0], IntegratorOptions.defaults());
        failure = assertThrows(IntegrationFailure.class, () -> singular.reset(0, new double[] {0}));
        assertEquals(IntegrationFailure.Reason.NON_FINITE, failure.reason());
    }

    /**
     * nsteps limits the steps per call: 60 steps cannot cover 160 periods of an oscillator at
     * default tolerances, but suffice for each of many short calls covering the same span.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void tooManySteps(String method) {
        TestProblems.Problem problem = TestProblems.harmonicOscillator();
        Integrator integrator = Integrators.create(method, 2, problem.system(), IntegratorOptions.defaults().withNsteps(60));
        integrator.reset(0, problem.y0());
        double[] y = new double[2];
        IntegrationFailure failure = assertThrows(IntegrationFailure.class, () -> integrator.integrate(1000, y));
        assertEquals(IntegrationFailure.Reason.TOO_MANY_STEPS, failure.reason());
        assertTrue(failure.time() > 0 && failure.time() < 1000);
        // The limit is per call: many short calls each within the limit succeed.
        Integrator fresh = Integrators.create(method, 2, problem.system(), IntegratorOptions.defaults().withNsteps(60));
        fresh.reset(0, problem.y0());
        for (int i = 1; i <= 2000; i++) {
            fresh.integrate(0.5 * i, y);
        }
        assertEquals(Math.cos(1000), y[0], 1e-3);
    }

    /** {@code y' = y^2}, {@code y(0) = 1} blows up at t = 1: the step size underflows just before. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void blowUpUnderflowsTheStepSize(String method) {
        for (double minStep : new double[] {1e-6, 0}) {
            Integrator integrator = Integrators.create(method, 1, (t, y, out) -> out[0] = y[0] * y[0],
                    IntegratorOptions.defaults().withMinStep(minStep).withNsteps(1_000_000));
            integrator.reset(0, new double[] {1});
            IntegrationFailure failure = assertThrows(IntegrationFailure.class,
                    () -> integrator.integrate(2, new double[1]));
            assertEquals(IntegrationFailure.Reason.STEP_SIZE_UNDERFLOW, failure.reason(), failure.getMessage());
            // The numerical singularity sits within the tolerance-sized error of the exact one.
            assertEquals(1.0, failure.time(), 1e-3, "failed at " + failure.time());
        }
    }

    @Test
    void unknownMethodNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Integrators.create("rk45", 1, (t, y, out) -> out[0] = 0, IntegratorOptions.defaults()));
        assertTrue(e.getMessage().contains("rk45") && e.getMessage().contains("dopri5")
                && e.getMessage().contains("vern9"), e.getMessage());
    }

    @Test
    void optionsDefaultsAndChecks() {
        IntegratorOptions o = IntegratorOptions.defaults();
        assertEquals(1e-8, o.atol());
        assertEquals(1e-6, o.rtol());
        assertEquals(2500, o.nsteps());
        assertEquals(0, o.firstStep());
        assertEquals(0, o.minStep());
        assertEquals(0, o.maxStep());
        assertEquals(1e-3, o.withMaxStep(1e-3).maxStep());
        assertThrows(IllegalArgumentException.class, () -> o.withAtol(-1));
        assertThrows(IllegalArgumentException.class, () -> o.withRtol(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> o.withAtol(0).withRtol(0));
        assertThrows(IllegalArgumentException.class, () -> o.withNsteps(0));
        assertThrows(IllegalArgumentException.class, () -> o.withFirstStep(-1));
        assertThrows(IllegalArgumentException.class, () -> o.withMaxStep(1).withMinStep(2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void checksArguments(String method) {
        Integrator integrator = Integrators.create(method, 2, (t, y, out) -> {
            out[0] = y[1];
            out[1] = -y[0];
        }, IntegratorOptions.defaults());
        assertEquals(method, integrator.method());
        assertEquals(2, integrator.dimension());
        assertThrows(IllegalStateException.class, () -> integrator.integrate(1, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> integrator.reset(0, new double[3]));
        integrator.reset(0, new double[] {1, 0});
        assertThrows(IllegalArgumentException.class, () -> integrator.integrate(1, new double[1]));
        assertThrows(IllegalArgumentException.class, () -> integrator.integrate(Double.NaN, new double[2]));
        integrator.integrate(5, new double[2]);
        assertThrows(IllegalArgumentException.class, () -> integrator.integrate(-1, new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> Integrators.create(method, 0, (t, y, out) -> { }, IntegratorOptions.defaults()));
    }

    /** maxStep bounds every step: 10 time units need at least 100 steps of at most 0.1. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void maxStepIsHonoured(String method) {
        Integrator integrator = Integrators.create(method, 1, (t, y, out) -> out[0] = 0,
                IntegratorOptions.defaults().withMaxStep(0.1));
        integrator.reset(0, new double[] {1});
        double[] y = new double[1];
        integrator.integrate(10, y);
        assertTrue(integrator.steps() >= 100, "steps " + integrator.steps());
        assertEquals(1.0, y[0]);
    }
}
