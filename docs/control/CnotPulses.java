// Optimises the control pulses of a CNOT gate with GRAPE and plots them.
// Run from the repository root:  ./lindblad run docs/control/CnotPulses.java [output-dir]
import static dev.lindblad.Lindblad.*;

import dev.lindblad.Qobj;
import dev.lindblad.control.OptimResult;
import dev.lindblad.control.PulseOptim;
import dev.lindblad.control.PulseOptions;
import dev.lindblad.plot.Plots;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

void main(String[] args) {
    Path out = Path.of(args.length > 0 ? args[0] : ".");
    Qobj X = sigmax(), Y = sigmay(), Z = sigmaz(), I = qeye(2);
    // two qubits with an exchange coupling; each qubit driven along x and y
    Qobj hd = tensor(X, X).plus(tensor(Y, Y)).plus(tensor(Z, Z)).times(0.5);
    List<Qobj> hc = List.of(tensor(X, I), tensor(Y, I), tensor(I, X), tensor(I, Y));
    List<String> names = List.of("X1", "Y1", "X2", "Y2");
    Qobj cnot = Qobj.of(Qobj.fromArray(new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 0, 1}, {0, 0, 1, 0}}).data(),
            tensor(I, I).dims());

    int nTs = 100;
    double evoTime = 6.0;
    PulseOptions options = PulseOptions.defaults()
            .withAmpBounds(-5, 5)            // |u_j(t)| <= 5
            .withFidErrTarg(1e-10)           // stop at a fidelity error of 1e-10 ...
            .withAccuracyFactor(1e3)         // ... rather than at L-BFGS-B's default relative reduction
            .withInitPulseType("SINE")
            .withSeed(1L);
    OptimResult r = PulseOptim.optimizePulseUnitary(hd, hc, tensor(I, I), cnot, nTs, evoTime, options);

    IO.println(String.format("fidelity error %.3e -> %.3e in %d iterations (%d evaluations), %.2f s: %s",
            r.initialFidErr(), r.fidErr(), r.numIter(), r.numFidFuncCalls(), r.wallTime(), r.terminationReason()));
    IO.println(String.format("|tr(CNOT^dag U)| / 4 = %.12f", cnot.dag().times(r.evoFullFinal()).tr().abs() / 4));

    stepChart("Initial pulses (SINE)", r.time(), r.initialAmps(), names, out.resolve("cnot-initial-pulses"));
    stepChart("GRAPE pulses for a CNOT, fidelity error " + String.format("%.1e", r.fidErr()), r.time(),
            r.finalAmps(), names, out.resolve("cnot-pulses"));
    IO.println("wrote " + out.resolve("cnot-pulses") + ".png and cnot-initial-pulses.png");
}

/** Piecewise-constant amplitudes as steps: each slice's value held from t_k to t_{k+1}. */
void stepChart(String title, double[] time, double[][] amps, List<String> names, Path base) {
    int nTs = amps.length;
    double[] x = new double[2 * nTs];
    List<double[]> ys = new ArrayList<>();
    for (int j = 0; j < names.size(); j++) {
        ys.add(new double[2 * nTs]);
    }
    for (int k = 0; k < nTs; k++) {
        x[2 * k] = time[k];
        x[2 * k + 1] = time[k + 1];
        for (int j = 0; j < names.size(); j++) {
            ys.get(j)[2 * k] = amps[k][j];
            ys.get(j)[2 * k + 1] = amps[k][j];
        }
    }
    Plots.lines(title, "t", "amplitude u_j(t)", x, ys, names).save(Path.of(base + ".png"));
}
