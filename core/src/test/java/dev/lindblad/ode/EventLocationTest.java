package dev.lindblad.ode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventLocationTest {

    static Stream<String> methods() {
        return Integrators.METHODS.stream();
    }

    private static IntegratorOptions tight() {
        return IntegratorOptions.defaults().withAtol(1e-12).withRtol(1e-12).withNsteps(100000);
    }

    /**
     * {@code y' = -sin t}, {@code y(0) = 1}, so {@code y = cos t}; the event {@code g = y}
     * fires at {@code pi/2 + j pi}. Three events in one run up to t = 10, each within 1e-10.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void findsEveryZeroOfCosine(String method) {
        Integrator integrator = Integrators.create(method, 1, (t, y, out) -> out[0] = -Math.sin(t), tight());
        integrator.reset(0, new double[] {1});
        double[] y = new double[1];
        EventFunction g = (t, state) -> state[0];
        for (int j = 0; j < 3; j++) {
            double tEvent = integrator.integrateUntilEvent(10, g, 1e-12, y);
            assertEquals(Math.PI / 2 + j * Math.PI, tEvent, 1e-10, method + " event " + j);
            assertEquals(tEvent, integrator.time());
            assertEquals(Math.cos(tEvent), y[0], 1e-10);
        }
        assertEquals(10.0, integrator.integrateUntilEvent(10, g, 1e-12, y));
        assertEquals(Math.cos(10), y[0], 1e-9);
    }

    /**
     * A two-dimensional oscillator where the event depends on both components:
     * {@code g = x + v = cos t - sin t}, zero at {@code pi/4 + j pi}. Ordinary output
     * calls between event searches do not disturb the search.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void mixesOutputCallsAndEventSearches(String method) {
        TestProblems.Problem problem = TestProblems.harmonicOscillator();
        Integrator integrator = Integrators.create(method, 2, problem.system(), tight());
        integrator.reset(0, problem.y0());
        double[] y = new double[2];
        integrator.integrate(0.3, y);
        double tEvent = integrator.integrateUntilEvent(20, (t, s) -> s[0] + s[1], 1e-12, y);
        assertEquals(Math.PI / 4, tEvent, 1e-10);
        integrator.integrate(2.0, y);
        assertEquals(Math.cos(2.0), y[0], 1e-10);
        tEvent = integrator.integrateUntilEvent(20, (t, s) -> s[0] + s[1], 1e-12, y);
        assertEquals(Math.PI / 4 + Math.PI, tEvent, 1e-10);
    }

    /**
     * A jump-like use as in Monte Carlo trajectories: {@code y' = -y}, event when {@code y}
     * falls to {@code r = 0.3}, then the state is reset to 1 and the integration restarted; the
     * events fall at {@code j ln(1/r)}.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void restartsAfterJumps(String method) {
        Integrator integrator = Integrators.create(method, 1, (t, y, out) -> out[0] = -y[0], tight());
        integrator.reset(0, new double[] {1});
        double threshold = 0.3;
        double[] y = new double[1];
        int rhsBefore = 0;
        for (int j = 1; j <= 4; j++) {
            double tEvent = integrator.integrateUntilEvent(100, (t, s) -> s[0] - threshold, 1e-13, y);
            assertEquals(j * Math.log(1 / threshold), tEvent, 1e-10, "jump " + j);
            assertEquals(threshold, y[0], 1e-10);
            integrator.restart(tEvent, new double[] {1});
            assertEquals(tEvent, integrator.time());
            // restart keeps the counters cumulative
            assertEquals(true, integrator.rhsCalls() > rhsBefore);
            rhsBefore = integrator.rhsCalls();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void rejectsBadEventArguments(String method) {
        Integrator integrator = Integrators.create(method, 1, (t, y, out) -> out[0] = -y[0], tight());
        integrator.reset(1, new double[] {1});
        double[] y = new double[1];
        assertThrows(IllegalArgumentException.class, () -> integrator.integrateUntilEvent(2, (t, s) -> s[0], 0, y));
        assertThrows(IllegalArgumentException.class, () -> integrator.integrateUntilEvent(0.5, (t, s) -> s[0], 1e-9, y));
        IntegrationFailure failure = assertThrows(IntegrationFailure.class,
                () -> integrator.integrateUntilEvent(2, (t, s) -> Double.NaN, 1e-9, y));
        assertEquals(IntegrationFailure.Reason.NON_FINITE, failure.reason());
    }
}
