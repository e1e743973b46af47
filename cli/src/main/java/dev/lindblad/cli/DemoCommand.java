package dev.lindblad.cli;

import static dev.lindblad.Lindblad.destroy;
import static dev.lindblad.Lindblad.entropyVn;
import static dev.lindblad.Lindblad.expect;
import static dev.lindblad.Lindblad.qeye;
import static dev.lindblad.Lindblad.sigmam;
import static dev.lindblad.Lindblad.sigmaz;
import static dev.lindblad.Lindblad.tensor;

import dev.lindblad.Qobj;
import dev.lindblad.plot.Plots;
import dev.lindblad.solver.Result;
import dev.lindblad.solver.Solvers;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Arrays;
import java.util.List;

/**
 * {@code lindblad demo}: the main job. By default, vacuum Rabi oscillations of the
 * Jaynes–Cummings model with cavity and atom decay, solved by {@code mesolve}: a short table on
 * the terminal, {@code demo.csv} and a plot ({@code demo.png}). With {@code --wigner}, a grid
 * of Wigner functions of the cavity during the same oscillations ({@code demo-wigner.png}). With
 * {@code --spectrum}, the Jaynes–Cummings spectrum and the entanglement of its dressed states.
 *
 * <p>The dynamics: a cavity of N levels and a qubit on resonance, {@code wc = wa = 2π},
 * {@code g = 0.05·2π}, cavity decay {@code sqrt(κ) a}, atom decay {@code sqrt(γ) σ-}, the atom
 * excited and the cavity empty at t = 0, as QuTiP's classic vacuum-Rabi example. Without decay
 * the excitation swaps as {@code <σ+σ->(t) = cos²(g t)}; with it, the total excitation
 * {@code <a†a> + <σ+σ->} only decreases.
 *
 * <p>The Hamiltonian, with QuTiP's conventions ({@code sigmam()} maps the excited state
 * {@code basis(2,0)} to the ground state {@code basis(2,1)}, the cavity is the first factor):
 * <pre>
 *   H = wc a†a + wa σ+σ- + g (a†σ- + a σ+)
 * </pre>
 * It conserves the excitation number. Its ground state is {@code |0,g>} with energy 0; the
 * n-excitation doublet, spanned by {@code |n-1,e>} and {@code |n,g>}, has energies
 * {@code n wc + Δ/2 ± sqrt(Δ²/4 + g² n)} with {@code Δ = wa - wc}, which on resonance is
 * {@code n wc ± g sqrt(n)}, and its eigenstates are maximally entangled: the qubit's reduced
 * state has entropy ln 2. Truncating the cavity at N levels leaves {@code |N-1,e>} alone, at
 * {@code (N-1) wc + wa}.
 */
final class DemoCommand implements Command {

    static final int DEFAULT_CAVITY_LEVELS = 15;
    static final double DEFAULT_COUPLING = 0.05;
    static final int DEFAULT_LEVELS_SHOWN = 8;
    static final int DEFAULT_DYNAMICS_LEVELS = 10;
    static final double DEFAULT_KAPPA = 0.005;
    static final double DEFAULT_GAMMA = 0.05;

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "vacuum Rabi oscillations by mesolve (table, demo.csv, demo.png); --wigner for the cavity's Wigner functions;"
                + " --spectrum for the dressed states";
    }

    @Override
    public String description() {
        return """
                By default: vacuum Rabi oscillations of the Jaynes-Cummings model with cavity and
                atom decay, solved by mesolve (wc = wa = 2 pi, g = 0.05 * 2 pi, kappa = 0.005,
                gamma = 0.05, atom excited, cavity empty, t in [0, 25]). Prints a short table of
                <a+a> and <s+s-> and writes demo.csv and demo.png into --out (default: the
                current directory).

                With --wigner: the same dynamics, with a grid of six Wigner functions of the
                cavity's reduced state at t = 0, 2.5, ..., 12.5 (vacuum, then the photon arrives:
                at t = 5 the cavity is nearly in |1>, negative at the origin, then it returns to
                the atom), written to demo-wigner.png, and a table of <a+a> and W(0, 0).

                With --spectrum: builds the Jaynes-Cummings Hamiltonian of a cavity (N levels) and a qubit,
                    H = wc a+a + wa s+s- + g (a+ s- + a s+),   wc = wa = 1,
                diagonalises it, prints the lowest eigenenergies next to the analytic dressed
                energies n wc +- g sqrt(n) with <a+a> and <sigma_z> of each eigenstate, and the
                von Neumann entropy of the qubit's reduced state for the ground state (0) and the
                first dressed state (ln 2). The source is cli/src/main/java/dev/lindblad/cli/DemoCommand.java.
                """;
    }

    @Override
    public List<Option> options() {
        return List.of(
                Option.flag("spectrum", "print the dressed-state spectrum instead of the dynamics"),
                Option.flag("wigner", "a grid of the cavity's Wigner functions during the dynamics (demo-wigner.png)"),
                Option.valued("cavity", "N", "cavity levels (default " + DEFAULT_DYNAMICS_LEVELS + " for the dynamics, "
                        + DEFAULT_CAVITY_LEVELS + " for --spectrum)"),
                Option.valued("kappa", "K", "cavity decay rate (default " + DEFAULT_KAPPA + ")"),
                Option.valued("gamma", "G", "atom decay rate (default " + DEFAULT_GAMMA + ")"),
                Option.valued("out", "DIR", "where demo.csv, demo.png and demo-wigner.png go (default: .)"),
                Option.valued("coupling", "G", "coupling g in units of wc (default " + DEFAULT_COUPLING + ")"),
                Option.valued("levels", "K", "eigenenergies to list (default " + DEFAULT_LEVELS_SHOWN + ")"));
    }

    @Override
    public int execute(Arguments args, PrintStream out, PrintStream err) throws UsageException {
        if (!args.positionals().isEmpty()) {
            throw new UsageException(this, "demo takes no arguments, got " + args.positionals());
        }
        if (args.has("spectrum")) {
            int n = args.intOption(this, "cavity", DEFAULT_CAVITY_LEVELS, 2, 2000);
            double g = args.doubleOption(this, "coupling", DEFAULT_COUPLING);
            int levels = args.intOption(this, "levels", DEFAULT_LEVELS_SHOWN, 1, 2 * n);
            run(n, 1.0, 1.0, g, levels, out);
            return 0;
        }
        int n = args.intOption(this, "cavity", DEFAULT_DYNAMICS_LEVELS, 2, 200);
        double g = 2 * Math.PI * args.doubleOption(this, "coupling", DEFAULT_COUPLING);
        double kappa = args.doubleOption(this, "kappa", DEFAULT_KAPPA);
        double gamma = args.doubleOption(this, "gamma", DEFAULT_GAMMA);
        if (kappa < 0 || gamma < 0) {
            throw new UsageException(this, "decay rates must be >= 0, got kappa = " + kappa + ", gamma = " + gamma);
        }
        Path dir = Path.of(args.options().getOrDefault("out", "."));
        if (args.has("wigner")) {
            wigner(n, g, kappa, gamma, dir, out);
            return 0;
        }
        dynamics(n, g, kappa, gamma, dir, out);
        return 0;
    }

    /**
     * Vacuum Rabi oscillations with decay: solves the master equation, prints every tenth time,
     * writes {@code demo.csv} and the plot.
     *
     * @return the solver result (e-ops {@code <a†a>}, {@code <σ+σ->})
     */
    static Result dynamics(int n, double g, double kappa, double gamma, Path dir, PrintStream out) {
        long start = System.nanoTime();
        double w = 2 * Math.PI;
        Qobj a = tensor(destroy(n), qeye(2));
        Qobj sm = tensor(qeye(n), sigmam());
        Qobj h = a.dag().times(a).times(w).plus(sm.dag().times(sm).times(w))
                .plus(a.dag().times(sm).plus(a.times(sm.dag())).times(g));
        Qobj psi0 = tensor(dev.lindblad.Lindblad.basis(n, 0), dev.lindblad.Lindblad.basis(2, 0));
        double[] t = dev.lindblad.Lindblad.linspace(0, 25, 101);
        List<Qobj> cOps = new java.util.ArrayList<>();
        if (kappa > 0) {
            cOps.add(a.times(Math.sqrt(kappa)));
        }
        if (gamma > 0) {
            cOps.add(sm.times(Math.sqrt(gamma)));
        }
        Result r = Solvers.mesolve(h, psi0, t, cOps, List.of(a.dag().times(a), sm.dag().times(sm)),
                dev.lindblad.solver.SolverOptions.defaults().withProgress(true));
        double[] cavity = r.expect(0), atom = r.expect(1);
        out.printf("Vacuum Rabi oscillations: cavity (%d levels) x atom, wc = wa = 2 pi, g = %.4f, kappa = %s, gamma = %s%n",
                n, g, kappa, gamma);
        out.println("mesolve from |0 photons, atom excited>, t in [0, 25]");
        out.println();
        out.println("      t      <a+a>   <s+ s->");
        for (int i = 0; i < t.length; i += 10) {
            out.printf(Locale.ROOT, "%7.2f  %9.5f  %8.5f%n", t[i], cavity[i], atom[i]);
        }
        try {
            Files.createDirectories(dir);
            StringBuilder csv = new StringBuilder("t,cavity_photons,atom_excitation\n");
            for (int i = 0; i < t.length; i++) {
                csv.append(String.format(Locale.ROOT, "%.6f,%.12g,%.12g%n", t[i], cavity[i], atom[i]));
            }
            Files.writeString(dir.resolve("demo.csv"), csv);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + dir.resolve("demo.csv"), e);
        }
        Plots.plotExpectation(r, "cavity photons ⟨a†a⟩", "atom excitation ⟨σ+σ−⟩")
                .title("Vacuum Rabi oscillations with decay (mesolve)").save(dir.resolve("demo.png"));
        out.println();
        out.printf("%s%nwrote %s and demo.png in %.0f ms%n", r.stats(), dir.resolve("demo.csv"),
                (System.nanoTime() - start) / 1e6);
        return r;
    }

    /** Times of the Wigner panels: a quarter of the swap time π/(2g) = 5 apart at the default g. */
    static final double[] WIGNER_TIMES = {0, 2.5, 5, 7.5, 10, 12.5};

    /**
     * The cavity's Wigner functions during the vacuum Rabi oscillations: the master equation with
     * the states stored at {@link #WIGNER_TIMES}, each reduced to the cavity by {@code ptrace(0)},
     * drawn as a 2 × 3 grid with shared axes and one colour scale (±1/π) into {@code demo-wigner.png}. Without decay the
     * cavity is {@code cos²(gt)|0⟩⟨0| + sin²(gt)|1⟩⟨1|}, whose Wigner function at the origin is
     * {@code (cos²(gt) − sin²(gt))/π}: negative once the photon is mostly in the cavity.
     *
     * @return the cavity states at the panel times
     */
    static List<Qobj> wigner(int n, double g, double kappa, double gamma, Path dir, PrintStream out) {
        long start = System.nanoTime();
        double w = 2 * Math.PI;
        Qobj a = tensor(destroy(n), qeye(2));
        Qobj sm = tensor(qeye(n), sigmam());
        Qobj h = a.dag().times(a).times(w).plus(sm.dag().times(sm).times(w))
                .plus(a.dag().times(sm).plus(a.times(sm.dag())).times(g));
        Qobj psi0 = tensor(dev.lindblad.Lindblad.basis(n, 0), dev.lindblad.Lindblad.basis(2, 0));
        List<Qobj> cOps = new java.util.ArrayList<>();
        if (kappa > 0) {
            cOps.add(a.times(Math.sqrt(kappa)));
        }
        if (gamma > 0) {
            cOps.add(sm.times(Math.sqrt(gamma)));
        }
        Result r = Solvers.mesolve(h, psi0, WIGNER_TIMES, cOps, List.of(a.dag().times(a)),
                dev.lindblad.solver.SolverOptions.defaults().withStoreStates(true));
        double[] xvec = dev.lindblad.Lindblad.linspace(-3, 3, 121);
        List<Qobj> cavity = new java.util.ArrayList<>();
        dev.lindblad.plot.Figure[] panels = new dev.lindblad.plot.Figure[WIGNER_TIMES.length];
        out.printf("Vacuum Rabi oscillations: the cavity's Wigner function (%d levels), g = %.4f, kappa = %s, gamma = %s%n",
                n, g, kappa, gamma);
        out.println();
        out.println("      t     <a+a>    W(0,0)");
        for (int k = 0; k < WIGNER_TIMES.length; k++) {
            Qobj rho = r.states().get(k);
            Qobj c = rho.isKet() ? dev.lindblad.Lindblad.ketToDm(rho).ptrace(0) : rho.ptrace(0);
            cavity.add(c);
            double w00 = dev.lindblad.Lindblad.wigner(c, new double[] {0}, new double[] {0})[0][0];
            out.printf(Locale.ROOT, "%7.2f  %8.5f  %8.5f%n", WIGNER_TIMES[k], r.expect(0)[k], w00);
            panels[k] = Plots.plotWigner(c, xvec, xvec, true, 1 / Math.PI).title(String.format(Locale.ROOT, "t = %.1f", WIGNER_TIMES[k]));
        }
        Path file = Plots.grid(2, 3, dev.lindblad.plot.Figure.Share.BOTH, panels)
                .title("Cavity Wigner function during vacuum Rabi oscillations").save(dir.resolve("demo-wigner.png"));
        out.println();
        out.printf("wrote %s in %.0f ms%n", file, (System.nanoTime() - start) / 1e6);
        return cavity;
    }

    /** Builds H, diagonalises it and prints the table and entropies. */
    static void run(int n, double wc, double wa, double g, int levels, PrintStream out) {
        long start = System.nanoTime();
        Qobj a = tensor(destroy(n), qeye(2));
        Qobj sm = tensor(qeye(n), sigmam());
        Qobj sz = tensor(qeye(n), sigmaz());
        Qobj h = a.dag().times(a).times(wc)
                .plus(sm.dag().times(sm).times(wa))
                .plus(a.dag().times(sm).plus(a.times(sm.dag())).times(g));
        Qobj.Eigen eigen = h.eigenstates();
        Qobj numberOperator = a.dag().times(a);
        double[] analytic = analyticEnergies(n, wc, wa, g);

        out.printf("Jaynes-Cummings model: cavity (%d levels) x qubit, wc = %s, wa = %s, g = %s%n", n, wc, wa, g);
        out.println("H = wc a+a + wa s+s- + g (a+ s- + a s+)    (QuTiP conventions; excited qubit = basis(2,0))");
        out.println();
        out.println("  k        E_k        analytic      <a+a>    <sigma_z>");
        for (int k = 0; k < levels; k++) {
            Qobj psi = eigen.states().get(k);
            out.printf("%3d  %12.8f  %12.8f  %9.5f  %9.5f%n", k, eigen.energies()[k], analytic[k],
                    withoutNegativeZero(expect(numberOperator, psi)), withoutNegativeZero(expect(sz, psi)));
        }
        out.println();
        out.println("analytic: ground |0,g> at 0; n-excitation doublet n wc + D/2 +- sqrt(D^2/4 + g^2 n), D = wa - wc");
        out.println();
        double s0 = entropyVn(eigen.states().get(0).ptrace(1));
        double s1 = entropyVn(eigen.states().get(1).ptrace(1));
        out.printf("entanglement entropy S(ptrace(psi_0, qubit)) = %.8f   (ground state |0,g>: 0)%n", s0);
        out.printf("entanglement entropy S(ptrace(psi_1, qubit)) = %.8f   (dressed state: ln 2 = %.8f on resonance)%n", s1,
                Math.log(2));
        out.printf("%ndiagonalised a %d x %d Hamiltonian in %.0f ms%n", 2 * n, 2 * n, (System.nanoTime() - start) / 1e6);
    }

    /** Rounding noise like -1e-17 would print as "-0.00000"; shown digits are kept as they are. */
    private static double withoutNegativeZero(double x) {
        return Math.abs(x) < 5e-9 ? 0.0 : x;
    }

    /**
     * The exact spectrum of the truncated model, ascending: 0, the doublets for
     * n = 1 .. N-1 excitations, and {@code (N-1) wc + wa} for the lone {@code |N-1,e>}.
     */
    static double[] analyticEnergies(int n, double wc, double wa, double g) {
        double[] e = new double[2 * n];
        double delta = wa - wc;
        e[0] = 0;
        for (int m = 1; m < n; m++) {
            double centre = m * wc + delta / 2;
            double split = Math.sqrt(delta * delta / 4 + g * g * m);
            e[2 * m - 1] = centre - split;
            e[2 * m] = centre + split;
        }
        e[2 * n - 1] = (n - 1) * wc + wa;
        Arrays.sort(e);
        return e;
    }
}
