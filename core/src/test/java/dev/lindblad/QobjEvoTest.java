package dev.lindblad;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.solver.Result;
import dev.lindblad.solver.SolverOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class QobjEvoTest {

    @Test
    void evaluatesRealComplexAndConstantTerms() {
        QobjEvo h = QobjEvo.of(sigmaz()).plus(sigmax(), t -> 2 * t).plusComplex(sigmay(), t -> Complex.of(0, t));
        Qobj at = h.at(1.5);
        Qobj expected = sigmaz().plus(sigmax().times(3.0)).plus(sigmay().times(Complex.of(0, 1.5)));
        assertTrue(at.isClose(expected, 1e-15));
        assertFalse(h.isConstant());
        assertTrue(QobjEvo.of(sigmaz()).plus(sigmax()).isConstant());
        assertTrue(h.constantPart().isClose(sigmaz(), 0));
        assertTrue(h.dag().at(1.5).isClose(at.dag(), 1e-15));
    }

    /** A natural cubic spline reproduces a cubic's interior values closely and passes through its knots. */
    @Test
    void splineInterpolatesSamples() {
        double[] t = linspace(0, 2 * Math.PI, 201);
        double[] v = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            v[i] = Math.sin(t[i]);
        }
        CubicSpline s = new CubicSpline(t, v);
        for (int i = 0; i < t.length; i++) {
            assertEquals(v[i], s.value(t[i]), 1e-15);
        }
        for (double x = 0.05; x < 2 * Math.PI; x += 0.37) {
            assertEquals(Math.sin(x), s.value(x), 1e-7, "x=" + x);
        }
    }

    /** An array coefficient sampled finely gives the same evolution as the function it samples. */
    @Test
    void arrayCoefficientMatchesFunctionInSesolve() {
        double w = 1.1;
        double[] grid = linspace(0, 10, 2001);
        double[] samples = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            samples[i] = 0.3 * Math.cos(w * grid[i]);
        }
        QobjEvo fromFunction = QobjEvo.of(sigmaz().times(0.5)).plus(sigmax(), t -> 0.3 * Math.cos(w * t));
        QobjEvo fromArray = QobjEvo.of(sigmaz().times(0.5)).plus(sigmax(), grid, samples);
        double[] t = linspace(0, 10, 21);
        SolverOptions tight = SolverOptions.defaults().withAtol(1e-10).withRtol(1e-10);
        Result a = sesolve(fromFunction, basis(2, 0), t, List.of(sigmaz()), tight);
        Result b = sesolve(fromArray, basis(2, 0), t, List.of(sigmaz()), tight);
        for (int i = 0; i < t.length; i++) {
            assertEquals(a.expect(0)[i], b.expect(0)[i], 1e-6, "t=" + t[i]);
        }
    }

    @Test
    void badInputIsNamed() {
        var d = assertThrows(DimensionMismatchException.class, () -> QobjEvo.of(sigmaz()).plus(qeye(3), Math::cos));
        assertTrue(d.getMessage().contains("[[2], [2]]") && d.getMessage().contains("[[3], [3]]"), d.getMessage());
        var k = assertThrows(IllegalArgumentException.class, () -> new CubicSpline(new double[] {0, 1, 1}, new double[3]));
        assertTrue(k.getMessage().contains("t[1] = 1.0, t[2] = 1.0"), k.getMessage());
        var n = assertThrows(IllegalArgumentException.class, () -> new CubicSpline(new double[] {0, 1}, new double[3]));
        assertTrue(n.getMessage().contains("2 knots and 3 values"), n.getMessage());
    }
}
