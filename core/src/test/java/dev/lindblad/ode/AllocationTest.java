package dev.lindblad.ode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.ThreadAllocation;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stepping, dense output and event location allocate nothing: the bytes this thread
 * allocates during a long integration, after a warm-up, average below 16 per step.
 *
 * <p>The counter is {@link ThreadAllocation}; its one reflective call inside the measured
 * interval allocates a few dozen bytes, against thousands of steps.
 */
class AllocationTest {

    static Stream<String> methods() {
        return Integrators.METHODS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void integrationAllocatesNothingPerStep(String method) {
        ThreadAllocation counter = ThreadAllocation.counter();
        TestProblems.Problem problem = TestProblems.complexRotation();
        Integrator integrator = Integrators.create(method, problem.dimension(), problem.system(),
                IntegratorOptions.defaults().withAtol(1e-10).withRtol(1e-10).withNsteps(1_000_000));
        double[] y = new double[problem.dimension()];
        EventFunction g = (t, state) -> state[0] - 0.25;
        run(integrator, problem, y, g); // warm-up: class loading, JIT compilation
        run(integrator, problem, y, g);
        long before = counter.bytes();
        int steps = run(integrator, problem, y, g);
        long allocated = counter.bytes() - before;
        double perStep = (double) allocated / steps;
        assertTrue(perStep < 16, method + ": " + allocated + " bytes in " + steps + " steps");
    }

    private static int run(Integrator integrator, TestProblems.Problem problem, double[] y, EventFunction g) {
        integrator.reset(problem.t0(), problem.y0());
        for (int i = 1; i <= 2000; i++) {
            integrator.integrate(0.05 * i, y);
        }
        int events = 0;
        while (integrator.integrateUntilEvent(300, g, 1e-10, y) < 300) {
            events++;
        }
        assertTrue(events > 10);
        return integrator.steps();
    }
}
