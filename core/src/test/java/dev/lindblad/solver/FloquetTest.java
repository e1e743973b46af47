package dev.lindblad.solver;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.parallel.TaskMap;
import dev.lindblad.testing.Reference;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Floquet basis, fsesolve, fmmesolve: closed forms, sesolve, QuTiP 4.7 references, parallel vs serial. */
class FloquetTest {

    private static final SolverOptions TIGHT = SolverOptions.defaults().withAtol(1e-10).withRtol(1e-8)
            .withNsteps(100000);

    private static double maxDiff(double[] a, double[] b) {
        assertEquals(a.length, b.length);
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    /** The driven qubit of reference/make_brfloquet.py. */
    private static QobjEvo drivenQubit(Reference.Case c) {
        double delta = c.scalar("delta"), eps0 = c.scalar("eps0"), amp = c.scalar("A"), omega = c.scalar("omega");
        Qobj h0 = sigmax().times(-0.5 * delta).plus(sigmaz().times(-0.5 * eps0));
        return QobjEvo.of(h0).plus(sigmax().times(0.5 * amp), t -> Math.sin(omega * t));
    }

    /**
     * The rotating-wave Hamiltonian {@code H = ω0/2 σz + Ω/2 (σ+ e^{-iωt} + σ- e^{iωt})} has
     * {@code U(T) = -exp(-i H' T)}, {@code H' = δ/2 σz + Ω/2 σx}, {@code δ = ω0 - ω}, so its
     * quasienergies are exactly {@code ±(ω - sqrt(δ² + Ω²))/2}; a linear drive
     * {@code Ω cos(ωt) σx} tends to them as {@code Ω/ω -> 0} (Bloch–Siegert shift ~ {@code Ω²/(4ω)}).
     */
    @Test
    void quasienergiesOfADrivenQubitInTheRotatingWaveLimit() {
        double w = 2.0, w0 = 2.03, rabi = 0.02;
        double eff = Math.hypot(w0 - w, rabi);
        double expected = (w - eff) / 2;
        Qobj hz = sigmaz().times(0.5 * w0);
        QobjEvo rwa = QobjEvo.of(hz).plusComplex(sigmap().times(0.5 * rabi), t -> Complex.of(Math.cos(w * t), -Math.sin(w * t)))
                .plusComplex(sigmam().times(0.5 * rabi), t -> Complex.of(Math.cos(w * t), Math.sin(w * t)));
        FloquetBasis fb = new FloquetBasis(rwa, 2 * Math.PI / w, TIGHT, TaskMap.threads(2));
        double[] e = fb.quasienergies();
        assertEquals(-expected, e[0], 1e-7);
        assertEquals(expected, e[1], 1e-7);
        QobjEvo linear = QobjEvo.of(hz).plus(sigmax().times(rabi), t -> Math.cos(w * t));
        double[] el = new FloquetBasis(linear, 2 * Math.PI / w, TIGHT, TaskMap.threads(2)).quasienergies();
        double bs = rabi * rabi / (4 * w);
        assertEquals(-expected, el[0], 3 * bs);
        assertEquals(expected, el[1], 3 * bs);
        assertTrue(Math.abs(el[1] - expected) > 1e-8, "the linear drive's Bloch-Siegert shift is visible");
    }

    @ParameterizedTest
    @ValueSource(strings = {"brfloquet", "brfloquet5"})
    void quasienergiesAndFsesolveMatchQutip(String file) {
        Reference.Case c = Reference.load(file).get("floquet_qubit");
        QobjEvo h = drivenQubit(c);
        double period = 2 * Math.PI / c.scalar("omega");
        FloquetBasis fb = new FloquetBasis(h, period, TIGHT, TaskMap.threads());
        assertArrayEquals(c.reals("quasienergies"), fb.quasienergies(), 1e-6);
        Result r = Floquet.fsesolve(fb, basis(2, 0), c.reals("tlist"), List.of(sigmaz(), sigmax()), TIGHT);
        assertTrue(maxDiff(r.expect(0), c.reals("fse_sz")) < 1e-5, "sz " + maxDiff(r.expect(0), c.reals("fse_sz")));
        assertTrue(maxDiff(r.expect(1), c.reals("fse_sx")) < 1e-5, "sx");
    }

    /** fsesolve and sesolve solve the same equation on the same periodic H, over several periods. */
    @Test
    void fsesolveAgreesWithSesolve() {
        Qobj psi0 = basis(3, 0).plus(basis(3, 2).times(Complex.of(0.3, -0.4))).unit();
        Qobj j = jmat(1, "x");
        QobjEvo h = QobjEvo.of(jmat(1, "z").times(0.7).plus(jmat(1, "z").pow(2).times(0.2)))
                .plus(j.times(0.9), t -> Math.cos(3 * t));
        double[] t = linspace(0, 12, 49);
        List<Qobj> eOps = List.of(jmat(1, "z"), j, jmat(1, "y"));
        Result f = Floquet.fsesolve(h, psi0, t, eOps, 2 * Math.PI / 3, TIGHT);
        Result s = sesolve(h, psi0, t, eOps, TIGHT);
        for (int k = 0; k < eOps.size(); k++) {
            assertTrue(maxDiff(f.expect(k), s.expect(k)) < 1e-6, "e-op " + k + ": " + maxDiff(f.expect(k), s.expect(k)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"brfloquet", "brfloquet5"})
    void modesArePeriodicAndStatesSolveTheSchrodingerEquation(String file) {
        Reference.Case c = Reference.load(file).get("floquet_qubit");
        QobjEvo h = drivenQubit(c);
        FloquetBasis fb = new FloquetBasis(h, 1.0, TIGHT, TaskMap.threads(2));
        double t = 0.37;
        List<Qobj> m0 = fb.mode(t), m1 = fb.mode(t + 3.0);
        List<Qobj> s = fb.state(t + 3.0);
        double[] eps = fb.quasienergies();
        for (int k = 0; k < 2; k++) {
            assertTrue(m0.get(k).minus(m1.get(k)).norm() < 1e-7, "mode " + k + " is periodic");
            Result r = sesolve(h, fb.mode(0).get(k), new double[] {0, t + 3.0}, List.of(), TIGHT.withStoreStates(true));
            assertTrue(r.states().get(1).minus(s.get(k)).norm() < 1e-6, "state " + k);
            double ph = -eps[k] * (t + 3.0);
            Qobj phased = m1.get(k).times(Complex.of(Math.cos(ph), Math.sin(ph)));
            assertTrue(phased.minus(s.get(k)).norm() < 1e-12, "state = e^{-i eps t} mode");
        }
        Qobj rho = ketToDm(basis(2, 0).plus(basis(2, 1).times(0.5)).unit());
        Qobj back = fb.fromFloquetBasis(fb.toFloquetBasis(rho, 1.3), 1.3);
        assertTrue(back.minus(rho).norm() < 1e-7, "round trip (U(t) unitary to the integration tolerance)");
        Qobj ket = basis(2, 1);
        assertTrue(fb.fromFloquetBasis(fb.toFloquetBasis(ket, 0.2), 0.2).minus(ket).norm() < 1e-7);
    }

    /** The propagators over a period, built in parallel slices, are bit for bit those of the serial map. */
    @ParameterizedTest
    @ValueSource(strings = {"brfloquet", "brfloquet5"})
    void parallelModesEqualSerial(String file) {
        Reference.Case c = Reference.load(file).get("floquet_qubit");
        QobjEvo h = drivenQubit(c);
        FloquetBasis serial = new FloquetBasis(h, 1.0, TIGHT, TaskMap.serial());
        FloquetBasis parallel = new FloquetBasis(h, 1.0, TIGHT, TaskMap.threads(4));
        assertArrayEquals(serial.quasienergies(), parallel.quasienergies(), 0.0);
        Map<Double, double[]> a = serial.cacheView(), b = parallel.cacheView();
        assertEquals(a.keySet(), b.keySet());
        assertEquals(102, a.size() + 1, "0, T/100, ..., T");
        for (double t : a.keySet()) {
            assertArrayEquals(a.get(t), b.get(t), 0.0, "t = " + t);
        }
        Qobj ts = Floquet.tensor("t", serial, List.of(sigmax()), List.<DoubleUnaryOperator>of(w -> w > 0 ? 0.1 : 0), 0.2,
                5, 100, TaskMap.serial());
        Qobj tp = Floquet.tensor("t", parallel, List.of(sigmax()), List.<DoubleUnaryOperator>of(w -> w > 0 ? 0.1 : 0),
                0.2, 5, 100, TaskMap.threads(3));
        assertArrayEquals(ts.data().toDense().array(), tp.data().toDense().array(), 0.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"brfloquet", "brfloquet5"})
    void fmmesolveMatchesQutip(String file) {
        Reference.Case c = Reference.load(file).get("floquet_qubit");
        QobjEvo h = drivenQubit(c);
        DoubleUnaryOperator spec = w -> w > 0 ? 0.1 * w / (2 * Math.PI) : 0;
        Result r = fmmesolve(h, basis(2, 0), c.reals("tlist_fm"), List.of(sigmax()), List.of(sigmaz(), sigmax()),
                List.of(spec), 1.0, 0.0);
        assertTrue(maxDiff(r.expect(0), c.reals("fmm_sz")) < 1e-4, "sz " + maxDiff(r.expect(0), c.reals("fmm_sz")));
        assertTrue(maxDiff(r.expect(1), c.reals("fmm_sx")) < 1e-4, "sx " + maxDiff(r.expect(1), c.reals("fmm_sx")));
    }

    /** The Floquet–Markov tensor preserves the trace, and a static H reduces it to Bloch–Redfield's rates. */
    @Test
    void floquetTensorPreservesTraceAndReducesToGoldenRule() {
        double w = 1.0, g = 0.05;
        // a constant H is periodic with any T: the rates become |<a|σx|b>|² 2π S(ω_ab)
        Qobj h = sigmaz().times(0.5 * w);
        FloquetBasis fb = new FloquetBasis(h, 2 * Math.PI / 7.3, TIGHT, TaskMap.threads(2));
        DoubleUnaryOperator s = x -> x > 0 ? g : 0;
        Qobj r = floquetTensor(fb, List.of(sigmax()), List.of(s), 0.0, 5, 100);
        double[] l = r.data().toDense().array();
        int n2 = 4;
        for (int col = 0; col < n2; col++) {
            double tr = l[2 * (0 + col * n2)] + l[2 * (3 + col * n2)];
            assertEquals(0, tr, 1e-12, "trace preserved, column " + col);
        }
        Result res = fmmesolve(h, basis(2, 0), linspace(0, 5, 11), List.of(sigmax()), List.of(sigmaz()), List.of(s),
                fb.period(), 0.0);
        double gamma = 2 * Math.PI * g;
        for (int i = 0; i < 11; i++) {
            double t = 0.5 * i;
            assertEquals(2 * Math.exp(-gamma * t) - 1, res.expect(0)[i], 1e-6, "t = " + t);
        }
    }
}
