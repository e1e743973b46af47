package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.parallel.TaskMap;
import dev.lindblad.testing.Reference;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PropagatorTest {

    private static final SolverOptions TIGHT = SolverOptions.defaults().withAtol(1e-12).withRtol(1e-10);

    private static Qobj randomDensityMatrix(int n, Random rnd) {
        double[][] re = new double[n][n], im = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                re[i][j] = rnd.nextGaussian();
                im[i][j] = rnd.nextGaussian();
            }
        }
        Qobj g = Qobj.fromArray(re, im);
        Qobj rho = g.times(g.dag());
        return Qobj.of(rho.div(rho.tr().re()).data(), Dims.oper(n));
    }

    /** S(t) vec(rho0) equals mesolve's rho(t) for random initial states. */
    @Test
    void superoperatorPropagatorMatchesMesolve() {
        int n = 4;
        Qobj a = destroy(n);
        Qobj h = num(n).plus(a.plus(a.dag()).times(0.3));
        List<Qobj> c = List.of(a.times(0.5));
        double t = 1.7;
        Qobj s = new Propagator(h, c, TIGHT).at(t);
        assertTrue(s.isSuper());
        assertTrue(propagator(h, t, c).isClose(s, 1e-6), "the façade with default tolerances");
        Random rnd = new Random(7);
        for (int k = 0; k < 3; k++) {
            Qobj rho0 = randomDensityMatrix(n, rnd);
            Qobj viaS = vectorToOperator(s.times(operatorToVector(rho0)));
            Qobj viaMe = mesolve(h, rho0, new double[] {0, t}, c, List.of(), TIGHT).finalState();
            assertTrue(viaS.isClose(viaMe, 1e-8), "S(t) rho0 differs from mesolve");
        }
    }

    @Test
    void drivenQubitUnitaryMatchesQutip() {
        Reference.Case c = Reference.load("steadystate").get("propagator_driven_qubit");
        double w0 = c.scalar("w0"), amp = c.scalar("A"), w = c.scalar("w");
        QobjEvo h = QobjEvo.of(sigmaz().times(0.5 * w0)).plus(sigmax().times(amp), s -> Math.cos(w * s));
        Qobj u = new Propagator(h, List.of(), TIGHT).at(c.scalar("t"));
        Qobj ref = Qobj.of(DenseMatrix.wrap(2, 2, c.complexes("U")), Dims.oper(2));
        assertTrue(u.isClose(ref, 1e-8), "U differs from QuTiP");
    }

    @Test
    void dampedQubitSuperoperatorMatchesQutip() {
        Reference.Case c = Reference.load("steadystate").get("propagator_damped_qubit");
        Qobj s = new Propagator(sigmaz().times(0.5 * c.scalar("w0")),
                List.of(sigmam().times(Math.sqrt(c.scalar("gamma")))), TIGHT).at(c.scalar("t"));
        Qobj ref = Qobj.of(DenseMatrix.wrap(4, 4, c.complexes("S_expm")), s.dims());
        assertTrue(s.isClose(ref, 1e-9), "S differs from expm(L t)");
    }

    /** Times computed in parallel give the same propagators as one by one, and are cached. */
    @Test
    void parallelOverTimesMatchesSerial() {
        Qobj h = sigmax().times(0.8).plus(sigmaz().times(0.1));
        List<Qobj> c = List.of(sigmam().times(0.3));
        double[] times = {0.5, 1.0, 2.5, 4.0};
        Propagator par = new Propagator(h, c, TIGHT);
        List<Qobj> ps = par.at(times, TaskMap.threads(2));
        Propagator ser = new Propagator(h, c, TIGHT);
        for (int i = 0; i < times.length; i++) {
            assertTrue(ps.get(i).isClose(ser.at(times[i]), 1e-9), "t=" + times[i]);
        }
        assertEquals(times.length + 1, par.cachedTimes());
        // the cache gives back the same object
        assertSame(ps.get(2), par.at(2.5));
    }

    @Test
    void negativeTimeRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> propagator(sigmax(), -1, List.of()));
        assertTrue(e.getMessage().contains("-1.0"), e.getMessage());
    }
}
