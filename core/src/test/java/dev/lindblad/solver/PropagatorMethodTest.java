package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The open-system {@link Propagator} honours {@code "diag"} and {@code "krylov"} (issue 14,
 * item 8; it used to integrate with {@code "adams"} whatever the method said) and refuses them
 * for a time-dependent system.
 */
class PropagatorMethodTest {

    /**
     * S(t) = e^{L t} for a constant Liouvillian: "diag" and "krylov" are exact to rounding (1e-10
     * here), where "adams" at the default rtol = 1e-6 is off by about 1e-7, so a silent fallback
     * to the integrator fails.
     */
    @ParameterizedTest
    @ValueSource(strings = {"diag", "krylov"})
    void openPropagatorIsTheExponentialOfTheLiouvillian(String method) {
        int n = 4;
        Qobj a = destroy(n);
        Qobj h = num(n).plus(a.plus(a.dag()).times(0.3));
        List<Qobj> c = List.of(a.times(0.5), a.dag().times(0.2));
        Propagator p = new Propagator(h, c, SolverOptions.defaults().withMethod(method).withAtol(1e-14));
        for (double t : new double[] {0.6, 1.7, 4.0}) {   // later times start from the cached ones
            Qobj exact = liouvillian(h, c).times(t).expm();
            Qobj s = p.at(t);
            assertTrue(s.isClose(exact, 1e-10), method + " at t = " + t + " is not e^{Lt}");
        }
        Qobj adams = new Propagator(h, c, SolverOptions.defaults()).at(1.7);
        assertFalse(adams.isClose(liouvillian(h, c).times(1.7).expm(), 1e-10),
                "the check must tell an integrator from the exact exponential");
    }

    /** A closed system with "diag" is e^{-iHt}, also from a cached start. */
    @ParameterizedTest
    @ValueSource(strings = {"diag", "krylov"})
    void closedPropagatorIsTheExponentialOfTheHamiltonian(String method) {
        int n = 5;
        Qobj a = destroy(n);
        Qobj h = num(n).plus(a.plus(a.dag()).times(0.3));
        Propagator p = new Propagator(h, List.of(), SolverOptions.defaults().withMethod(method).withAtol(1e-14));
        for (double t : new double[] {0.6, 1.7}) {
            assertTrue(p.at(t).isClose(h.times(-t).times(dev.lindblad.Complex.I).expm(), 1e-10), method + " t = " + t);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"diag", "krylov"})
    void timeDependentSystemsAreRefused(String method) {
        Qobj a = destroy(3);
        QobjEvo h = QobjEvo.of(num(3)).plus(a.plus(a.dag()), s -> Math.cos(s));
        SolverOptions o = SolverOptions.defaults().withMethod(method);
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class,
                () -> new Propagator(h, List.of(a), o));
        assertTrue(open.getMessage().startsWith("propagator: method '" + method + "' needs a time-independent"),
                open.getMessage());
        IllegalArgumentException closed = assertThrows(IllegalArgumentException.class,
                () -> new Propagator(h, List.of(), o));
        assertTrue(closed.getMessage().startsWith("propagator: method '" + method + "'"), closed.getMessage());
    }
}
