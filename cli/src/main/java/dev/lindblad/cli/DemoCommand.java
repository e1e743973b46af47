package dev.lindblad.cli;

import static dev.lindblad.Lindblad.destroy;
import static dev.lindblad.Lindblad.entropyVn;
import static dev.lindblad.Lindblad.expect;
import static dev.lindblad.Lindblad.qeye;
import static dev.lindblad.Lindblad.sigmam;
import static dev.lindblad.Lindblad.sigmaz;
import static dev.lindblad.Lindblad.tensor;

import dev.lindblad.Qobj;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code lindblad demo}: the Jaynes–Cummings spectrum and the entanglement of its dressed
 * states, a first look at Lindblad that needs no input and finishes in about a second.
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

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "Jaynes-Cummings spectrum and the entanglement entropy of its dressed states";
    }

    @Override
    public String description() {
        return """
                Builds the Jaynes-Cummings Hamiltonian of a cavity (N levels) and a qubit,
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
                Option.valued("cavity", "N", "cavity levels (default " + DEFAULT_CAVITY_LEVELS + ")"),
                Option.valued("coupling", "G", "coupling g in units of wc (default " + DEFAULT_COUPLING + ")"),
                Option.valued("levels", "K", "eigenenergies to list (default " + DEFAULT_LEVELS_SHOWN + ")"));
    }

    @Override
    public int execute(Arguments args, PrintStream out, PrintStream err) throws UsageException {
        if (!args.positionals().isEmpty()) {
            throw new UsageException(this, "demo takes no arguments, got " + args.positionals());
        }
        int n = args.intOption(this, "cavity", DEFAULT_CAVITY_LEVELS, 2, 2000);
        double g = args.doubleOption(this, "coupling", DEFAULT_COUPLING);
        int levels = args.intOption(this, "levels", DEFAULT_LEVELS_SHOWN, 1, 2 * n);
        run(n, 1.0, 1.0, g, levels, out);
        return 0;
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
