package dev.lindblad.ode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With fixed step sizes the global error of a Runge–Kutta method of order p scales as h^p.
 * The problem is the harmonic oscillator on [0, 60] (about ten periods; exact
 * {@code (cos t, -sin t)}), whose error is a phase error that grows smoothly; the step counts
 * are chosen per method so that the errors lie between about 1e-4 and 1e-11, in the
 * asymptotic regime and well above round-off (about 1e-12 for these step counts).
 */
class ConvergenceOrderTest {

    static Stream<Arguments> methods() {
        return Stream.of(
                Arguments.of("dopri5", 5, new int[] {171, 240, 333, 480, 667, 960}),
                Arguments.of("tsit5", 5, new int[] {171, 240, 333, 480, 667, 960}),
                Arguments.of("dop853", 8, new int[] {60, 86, 120, 171, 240}),
                Arguments.of("vern7", 7, new int[] {86, 120, 171, 240, 333}),
                Arguments.of("vern9", 9, new int[] {86, 120, 171, 240}));
    }

    @ParameterizedTest(name = "{0} has order {1}")
    @MethodSource("methods")
    void globalErrorScalesAsStepToTheOrder(String method, int order, int[] stepCounts) {
        TestProblems.Problem problem = TestProblems.harmonicOscillator();
        double tFinal = 60;
        double[] exact = new double[2];
        problem.exact(tFinal, exact);
        double[] logH = new double[stepCounts.length];
        double[] logError = new double[stepCounts.length];
        double[] y = new double[2];
        for (int i = 0; i < stepCounts.length; i++) {
            RungeKuttaIntegrator integrator = (RungeKuttaIntegrator) Integrators.create(method, 2, problem.system(),
                    IntegratorOptions.defaults().withNsteps(100000));
            double h = tFinal / stepCounts[i];
            integrator.setFixedStepSize(h);
            integrator.reset(0, problem.y0());
            integrator.integrate(tFinal, y);
            assertEquals(stepCounts[i], integrator.steps());
            logH[i] = Math.log(h);
            logError[i] = Math.log(Math.hypot(y[0] - exact[0], y[1] - exact[1]));
        }
        double slope = leastSquaresSlope(logH, logError);
        assertEquals(order, slope, 0.5, method + ": log-log slope " + slope);
    }

    private static double leastSquaresSlope(double[] x, double[] y) {
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < x.length; i++) {
            meanX += x[i] / x.length;
            meanY += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - meanX) * (y[i] - meanY);
            sxx += (x[i] - meanX) * (x[i] - meanX);
        }
        return sxy / sxx;
    }
}
