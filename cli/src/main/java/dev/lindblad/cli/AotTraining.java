package dev.lindblad.cli;

import static dev.lindblad.Lindblad.basis;
import static dev.lindblad.Lindblad.coherent;
import static dev.lindblad.Lindblad.destroy;
import static dev.lindblad.Lindblad.entropyVn;
import static dev.lindblad.Lindblad.expect;
import static dev.lindblad.Lindblad.fidelity;
import static dev.lindblad.Lindblad.linspace;
import static dev.lindblad.Lindblad.mcsolve;
import static dev.lindblad.Lindblad.mesolve;
import static dev.lindblad.Lindblad.num;
import static dev.lindblad.Lindblad.sesolve;
import static dev.lindblad.Lindblad.sigmax;
import static dev.lindblad.Lindblad.sigmaz;
import static dev.lindblad.Lindblad.steadystate;
import static dev.lindblad.Lindblad.tensor;
import static dev.lindblad.Lindblad.wigner;

import dev.lindblad.Qobj;
import dev.lindblad.solver.McOptions;
import java.util.List;

/**
 * The workload that trains the launcher's start-up cache ({@code cli/target/lindblad.aot},
 * JDK 25's AOT cache: classes loaded and linked, method profiles; see {@code ./lindblad}).
 * It runs the common calls of a script on small textbook models, different from the problems
 * of {@code lindblad bench}: a damped cavity relaxing ({@code mesolve}) and jumping
 * ({@code mcsolve}), a qubit's Rabi oscillation ({@code sesolve}), the coherent steady state
 * of a driven damped cavity ({@code steadystate} by the direct and the iterative method), and
 * the Wigner function, partial trace and metrics of a cavity–qubit product state. Each part is
 * checked against its analytic value by {@code AotTrainingTest}, so the training cannot rot
 * silently. It takes about a second.
 */
public final class AotTraining {
    private AotTraining() {
    }

    /**
     * What the workload computed, next to the analytic values the tests compare it with.
     *
     * @param relaxedPhotons   {@code <n>} of the damped cavity at the end, from mesolve
     * @param jumpedPhotons    the same from 40 Monte Carlo trajectories
     * @param expectedPhotons  the analytic {@code |alpha|^2 exp(-kappa t)}
     * @param rabiSigmaZ       {@code <sigma_z>} of the driven qubit at the end, from sesolve
     * @param expectedSigmaZ   the analytic {@code cos(Omega t)}
     * @param steadyPhotons    {@code <n>} of the driven cavity's steady state, for 12 and 30 levels
     * @param expectedSteady   the analytic {@code E^2 / (Delta^2 + kappa^2 / 4)}
     * @param wignerPeak       the largest value of the coherent state's Wigner function on the grid
     * @param reducedFidelity  fidelity of the cavity's reduced state with the coherent state
     * @param reducedEntropy   von Neumann entropy of that reduced state
     */
    public record Summary(double relaxedPhotons, double jumpedPhotons, double expectedPhotons, double rabiSigmaZ,
                          double expectedSigmaZ, double[] steadyPhotons, double expectedSteady, double wignerPeak,
                          double reducedFidelity, double reducedEntropy) {
    }

    /** Runs the workload three times (so that the profiles see the hot code), printing one line. */
    public static void main(String[] args) {
        Summary s = null;
        for (int round = 0; round < 3; round++) {
            s = run();
        }
        System.out.printf(java.util.Locale.ROOT, "AOT training workload done: <n> %.4f (analytic %.4f), steady <n> %.4f (%.4f)%n",
                s.relaxedPhotons(), s.expectedPhotons(), s.steadyPhotons()[1], s.expectedSteady());
    }

    /** @return the workload's results, once */
    public static Summary run() {
        int n = 12;
        double kappa = 0.5, alpha = 1.2, tEnd = 2.0;
        Qobj a = destroy(n);
        Qobj cavity = coherent(n, alpha);
        double[] t = linspace(0, tEnd, 21);
        List<Qobj> damping = List.of(a.times(Math.sqrt(kappa)));
        Qobj h0 = num(n);
        var relaxed = mesolve(h0, cavity, t, damping, List.of(num(n)));
        var jumped = mcsolve(h0, cavity, t, damping, List.of(num(n)),
                McOptions.defaults().withNtraj(40).withSeed(7));

        double omega = 1.3;
        var rabi = sesolve(sigmax().times(omega / 2), basis(2, 0), linspace(0, 3, 31), List.of(sigmaz()));

        double delta = 0.3, drive = 0.4;
        double[] steady = new double[2];
        int[] sizes = {12, 30};   // 144 unknowns: direct LU; 900: ILUT-preconditioned GMRES
        for (int k = 0; k < sizes.length; k++) {
            Qobj b = destroy(sizes[k]);
            Qobj h = num(sizes[k]).times(delta).plus(b.plus(b.dag()).times(drive));
            steady[k] = expect(num(sizes[k]), steadystate(h, List.of(b.times(Math.sqrt(kappa)))));
        }

        Qobj product = tensor(cavity, basis(2, 1));
        Qobj reduced = product.times(product.dag()).ptrace(0);
        double[] x = linspace(-1, 3, 41);
        double[][] w = wigner(cavity, x, linspace(-2, 2, 41));
        double peak = Double.NEGATIVE_INFINITY;
        for (double[] row : w) {
            for (double v : row) {
                peak = Math.max(peak, v);
            }
        }
        double[] rabiZ = rabi.expect(0), relaxedN = relaxed.expect(0), jumpedN = jumped.expect(0);
        return new Summary(relaxedN[relaxedN.length - 1], jumpedN[jumpedN.length - 1],
                alpha * alpha * Math.exp(-kappa * tEnd), rabiZ[rabiZ.length - 1], Math.cos(omega * 3),
                steady, drive * drive / (delta * delta + kappa * kappa / 4), peak,
                fidelity(reduced, cavity), entropyVn(reduced));
    }
}
