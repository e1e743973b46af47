package dev.lindblad.control;

import static dev.lindblad.Lindblad.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lindblad.Qobj;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The exact gradients against central finite differences. */
class DynamicsGradientTest {

    static double[] tau(int n, double t) {
        double[] tau = new double[n];
        Arrays.fill(tau, t / n);
        return tau;
    }

    static double[] randomAmps(int size, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[size];
        for (int i = 0; i < size; i++) {
            a[i] = 2 * r.nextDouble() - 1;
        }
        return a;
    }

    static void checkGradient(Dynamics d, double[] amps, double rel) {
        double[] g = new double[amps.length];
        d.fidErr(amps);
        d.fidErrGrad(g);
        double h = 1e-6;
        double maxErr = 0;
        double maxG = 0;
        for (int p = 0; p < amps.length; p++) {
            double[] ap = amps.clone();
            ap[p] += h;
            double fp = d.fidErr(ap);
            double[] am = amps.clone();
            am[p] -= h;
            double fm = d.fidErr(am);
            double fd = (fp - fm) / (2 * h);
            maxErr = Math.max(maxErr, Math.abs(fd - g[p]));
            maxG = Math.max(maxG, Math.abs(g[p]));
        }
        assertTrue(maxG > 1e-3, "gradient not trivially zero: " + maxG);
        assertTrue(maxErr <= rel * maxG, "max |fd - exact| = " + maxErr + " vs max |g| = " + maxG);
    }

    static Dynamics cnot(Dynamics.FidType type) {
        Qobj x = sigmax();
        Qobj y = sigmay();
        Qobj z = sigmaz();
        Qobj i = qeye(2);
        Qobj hd = tensor(x, x).plus(tensor(y, y)).plus(tensor(z, z)).times(0.5);
        List<Qobj> hc = List.of(tensor(x, i), tensor(y, i), tensor(i, x), tensor(i, y));
        Qobj cnot = Qobj.fromArray(new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 0, 1}, {0, 0, 1, 0}});
        double[][] c = hc.stream().map(Qobj::toArray).toArray(double[][]::new);
        return new UnitaryDynamics(hd.toArray(), c, 4, 4, tau(12, 6), type, tensor(i, i).toArray(), cnot.toArray());
    }

    @Test
    void unitaryPsuGradientMatchesFiniteDifferences() {
        checkGradient(cnot(Dynamics.FidType.PSU), randomAmps(48, 1), 1e-6);
    }

    @Test
    void unitarySuGradientMatchesFiniteDifferences() {
        checkGradient(cnot(Dynamics.FidType.SU), randomAmps(48, 2), 1e-6);
    }

    @Test
    void unitaryTraceDiffGradientMatchesFiniteDifferences() {
        checkGradient(cnot(Dynamics.FidType.TRACEDIFF), randomAmps(48, 3), 1e-6);
    }

    @Test
    void openSystemGradientMatchesFiniteDifferences() {
        Qobj h0 = sigmaz().times(0.3);
        List<Qobj> cOps = List.of(sigmaz().times(Math.sqrt(0.05)));
        Qobj l0 = liouvillian(h0, cOps);
        double[][] lc = {liouvillian(sigmax()).toArray(), liouvillian(sigmay()).toArray()};
        Qobj u = hadamard();
        Qobj target = sprepost(u, u.dag());
        Dynamics d = new GeneralDynamics(l0.toArray(), lc, 4, 4, tau(10, 2), Dynamics.FidType.TRACEDIFF,
                qeye(4).toArray(), target.toArray());
        checkGradient(d, randomAmps(20, 4), 1e-6);
    }

    static Qobj hadamard() {
        double s = 1 / Math.sqrt(2);
        return Qobj.fromArray(new double[][] {{s, s}, {s, -s}});
    }

    @Test
    void degenerateSpectrumGradient() {
        // zero amplitudes on a drift with degenerate levels: F's diagonal limit is exercised
        Dynamics d = cnot(Dynamics.FidType.PSU);
        double[] amps = new double[48];
        amps[5] = 0.3;
        checkGradient(d, amps, 1e-6);
    }
}
