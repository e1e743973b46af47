package dev.lindblad.ode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IntegratorAccuracyTest {

    static Stream<Arguments> methodsAndProblems() {
        List<Arguments> cases = new ArrayList<>();
        for (String method : Integrators.METHODS) {
            for (TestProblems.Problem problem : TestProblems.all()) {
                cases.add(Arguments.of(method, problem));
            }
        }
        return cases.stream();
    }

    /**
     * At atol = rtol = 1e-10 every method follows the exact solution to 1e-8 (relative to the
     * solution's size) at 1000 output times, most of which fall inside steps and so come from
     * the dense output.
     */
    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("methodsAndProblems")
    void matchesExactSolutionAtManyOutputTimes(String method, TestProblems.Problem problem) {
        IntegratorOptions options = IntegratorOptions.defaults().withAtol(1e-10).withRtol(1e-10).withNsteps(100000);
        Integrator integrator = Integrators.create(method, problem.dimension(), problem.system(), options);
        integrator.reset(problem.t0(), problem.y0());
        double tEnd = problem.name().equals("riccati") ? 1.5 : 10.0;
        int outputs = 1000;
        double[] y = new double[problem.dimension()];
        double[] exact = new double[problem.dimension()];
        int interpolated = 0;
        double worst = 0;
        for (int i = 1; i <= outputs; i++) {
            double t = problem.t0() + tEnd * i / outputs;
            assertEquals(t, integrator.integrate(t, y));
            assertEquals(t, integrator.time());
            if (t < ((AbstractIntegrator) integrator).tEnd) {
                interpolated++;
            }
            problem.exact(t, exact);
            for (int k = 0; k < y.length; k++) {
                double error = Math.abs(y[k] - exact[k]) / Math.max(1, Math.abs(exact[k]));
                worst = Math.max(worst, error);
            }
        }
        assertTrue(worst < 1e-8, method + " on " + problem.name() + ": worst error " + worst);
        assertTrue(interpolated > outputs / 2, "only " + interpolated + " outputs came from dense output");
        assertTrue(integrator.steps() > 0 && integrator.rhsCalls() > integrator.steps());
    }

    /** Default (QuTiP) tolerances still give about 1e-5 accuracy on the oscillator. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.lindblad.ode.IntegratorAccuracyTest#methods")
    void defaultTolerancesAreReasonable(String method) {
        TestProblems.Problem problem = TestProblems.harmonicOscillator();
        Integrator integrator = Integrators.create(method, 2, problem.system(), IntegratorOptions.defaults());
        integrator.reset(0, problem.y0());
        double[] y = new double[2];
        double[] exact = new double[2];
        for (int i = 1; i <= 20; i++) {
            double t = 0.5 * i;
            integrator.integrate(t, y);
            problem.exact(t, exact);
            assertEquals(exact[0], y[0], 1e-5);
            assertEquals(exact[1], y[1], 1e-5);
        }
    }

    static Stream<String> methods() {
        return Integrators.METHODS.stream();
    }
}
