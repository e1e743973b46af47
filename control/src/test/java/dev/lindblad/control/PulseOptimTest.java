package dev.lindblad.control;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.Qobj;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GRAPE and CRAB reaching gates. */
class PulseOptimTest {

    static final Qobj X = sigmax();
    static final Qobj Y = sigmay();
    static final Qobj Z = sigmaz();
    static final Qobj I = qeye(2);

    static Qobj cnot() {
        return Qobj.fromArray(new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 0, 1}, {0, 0, 1, 0}});
    }

    static Qobj exchange() {
        return tensor(X, X).plus(tensor(Y, Y)).plus(tensor(Z, Z)).times(0.5);
    }

    static List<Qobj> localControls() {
        return List.of(tensor(X, I), tensor(Y, I), tensor(I, X), tensor(I, Y));
    }

    @Test
    void cnotToBelow1e10() {
        PulseOptions o = PulseOptions.defaults().withAmpBounds(-5, 5).withSeed(1L).withAccuracyFactor(1e3)
                .withMinGrad(1e-20);
        long t0 = System.nanoTime();
        OptimResult r = PulseOptim.optimizePulseUnitary(exchange(), localControls(), tensor(I, I), cnot(), 100, 6.0, o);
        System.out.println(r + " " + (System.nanoTime() - t0) / 1e6 + " ms");
        assertTrue(r.fidErr() < 1e-10, r.toString());
        assertEquals("Goal achieved", r.terminationReason());
    }
}
