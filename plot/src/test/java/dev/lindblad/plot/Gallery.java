package dev.lindblad.plot;

import static dev.lindblad.Lindblad.*;

import dev.lindblad.Complex;
import dev.lindblad.Qobj;
import dev.lindblad.solver.McOptions;
import dev.lindblad.solver.McResult;
import dev.lindblad.solver.Result;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes the pictures of docs/gallery.md (not a test): run from the repository root with
 * {@code java -cp core/target/classes:plot/target/classes:plot/target/test-classes dev.lindblad.plot.Gallery docs/gallery}.
 * Each block below is the code the gallery page shows.
 */
public final class Gallery {
    private Gallery() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/gallery");

        // expectation values: vacuum Rabi oscillations with decay
        int n = 10;
        Qobj a = tensor(destroy(n), qeye(2));
        Qobj sm = tensor(qeye(n), sigmam());
        double g = 2 * Math.PI * 0.05, w = 2 * Math.PI;
        Qobj h = a.dag().times(a).times(w).plus(sm.dag().times(sm).times(w))
                .plus(a.dag().times(sm).plus(a.times(sm.dag())).times(g));
        Qobj psi0 = tensor(basis(n, 0), basis(2, 0));
        double[] t = linspace(0, 25, 201);
        Result r = mesolve(h, psi0, t, List.of(a.times(Math.sqrt(0.005)), sm.times(Math.sqrt(0.05))),
                List.of(a.dag().times(a), sm.dag().times(sm)));
        Plots.plotExpectation(r, "$\\langle a^\\dagger a\\rangle$", "$\\langle\\sigma_+\\sigma_-\\rangle$")
                .title("Vacuum Rabi oscillations").save(dir.resolve("expectation.png"));

        // Monte Carlo: the mean of 200 trajectories with a band of ± one standard error
        Qobj c = destroy(n);
        McResult mc = mcsolve(c.dag().times(c), fock(n, 5), linspace(0, 10, 101), List.of(c.times(Math.sqrt(0.3))),
                List.of(c.dag().times(c)), McOptions.defaults().withNtraj(200).withSeed(1));
        Figure fmc = Plots.plotExpectation(mc, "$\\langle n\\rangle$ (200 trajectories)");
        fmc.axes().line(mc.times(), java.util.Arrays.stream(mc.times()).map(x -> 5 * Math.exp(-0.3 * x)).toArray(),
                "5 exp(−κt)", java.awt.Color.BLACK, true);
        fmc.title("Cavity decay by mcsolve").save(dir.resolve("mc-expectation.png"));

        // Wigner function of a cat state: negative (blue) fringes between the two blobs
        Qobj cat = coherent(30, 2.0).plus(coherent(30, -2.0)).unit();
        Plots.plotWigner(cat).title("Wigner function of a cat state").save(dir.resolve("wigner-cat.png"));

        // photon-number distribution of a coherent state
        Plots.plotFockDistribution(coherent(20, Math.sqrt(4))).title("Coherent state, ⟨n⟩ = 4")
                .save(dir.resolve("fock.png"));

        // Hinton diagram of a noisy Bell state
        Qobj bell = ketToDm(bellState("00"));
        Qobj noisy = bell.times(0.8).plus(tensor(qeye(2), qeye(2)).times(0.05));
        Plots.hinton(noisy).title("Noisy Bell state").save(dir.resolve("hinton.png"));

        // matrix histogram: heights |ρ_ij|, colours the phase
        Qobj psi = basis(4, 0).plus(basis(4, 1).times(Complex.I)).plus(basis(4, 2).times(-1)).plus(basis(4, 3)).unit();
        Plots.matrixHistogram(ketToDm(psi)).title("ρ of (|0⟩ + i|1⟩ − |2⟩ + |3⟩)/2").save(dir.resolve("matrix-histogram.png"));

        // spectrum: the vacuum Rabi doublet, two Lorentzians at ±g of half-width (κ + γ)/4
        double[] omega = linspace(-1, 1, 1001);
        double hw = (0.005 + 0.05) / 4;
        double[] s = java.util.Arrays.stream(omega).map(x -> hw / Math.PI / ((x - g) * (x - g) + hw * hw)
                + hw / Math.PI / ((x + g) * (x + g) + hw * hw)).toArray();
        Plots.plotSpectrum(omega, s).title("Vacuum Rabi splitting").save(dir.resolve("spectrum.png"));

        // energy levels of the Jaynes-Cummings model, term by term
        int m = 4;
        Qobj am = tensor(destroy(m), qeye(2)), smm = tensor(qeye(m), sigmam());
        Qobj h0 = am.dag().times(am), h1 = smm.dag().times(smm).times(1.0),
                hc = am.dag().times(smm).plus(am.times(smm.dag())).times(0.2);
        Plots.plotEnergyLevels(List.of(h0, h1, hc), 6, "ωc a†a", "+ ωa σ+σ−", "+ g (a†σ− + aσ+)")
                .save(dir.resolve("energy-levels.png"));

        // Bloch sphere: a decaying precession, the start and end states and the poles
        double[] bt = linspace(0, 20, 400);
        double[] bx = new double[bt.length], by = new double[bt.length], bz = new double[bt.length];
        for (int i = 0; i < bt.length; i++) {
            // T1 = 6 relaxation towards |0> (+z), T2 = 2 T1, precession at frequency 2
            double damp = Math.exp(-bt[i] / 12);
            bx[i] = damp * Math.cos(2 * bt[i]);
            by[i] = damp * Math.sin(2 * bt[i]);
            bz[i] = 1 - Math.exp(-bt[i] / 6);
        }
        new Bloch().addTrajectory(bx, by, bz).addStates(basis(2, 0), basis(2, 0).plus(basis(2, 1)).unit())
                .addPoints(new double[] {0, 0}, new double[] {0, 0}, new double[] {1, -1})
                .title("Bloch sphere").save(dir.resolve("bloch.png"));

        // a grid: Wigner functions of Fock states 0 to 5, sharing axes
        Figure[] panels = new Figure[6];
        for (int k = 0; k < 6; k++) {
            panels[k] = Plots.plotWigner(fock(10, k), linspace(-4, 4, 121), linspace(-4, 4, 121), true)
                    .title("|" + k + "⟩");
        }
        Plots.grid(2, 3, Figure.Share.BOTH, panels).title("Wigner functions of Fock states")
                .save(dir.resolve("grid-fock.png"));
        System.out.println("wrote the gallery into " + dir);
    }
}
