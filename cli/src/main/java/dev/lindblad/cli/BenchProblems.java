package dev.lindblad.cli;

import static dev.lindblad.Lindblad.basis;
import static dev.lindblad.Lindblad.destroy;
import static dev.lindblad.Lindblad.expect;
import static dev.lindblad.Lindblad.fock;
import static dev.lindblad.Lindblad.ketToDm;
import static dev.lindblad.Lindblad.linspace;
import static dev.lindblad.Lindblad.num;
import static dev.lindblad.Lindblad.qeye;
import static dev.lindblad.Lindblad.sigmam;
import static dev.lindblad.Lindblad.sigmax;
import static dev.lindblad.Lindblad.sigmaz;
import static dev.lindblad.Lindblad.tensor;

import dev.lindblad.Complex;
import dev.lindblad.Lindblad;
import dev.lindblad.Qobj;
import dev.lindblad.heom.Bath;
import dev.lindblad.heom.HeomOptions;
import dev.lindblad.heom.HeomResult;
import dev.lindblad.heom.HeomSolver;
import dev.lindblad.solver.McResult;
import dev.lindblad.solver.Result;
import dev.lindblad.solver.SteadyStateOptions;
import dev.lindblad.solver.StochasticOptions;
import dev.lindblad.solver.StochasticResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The problems of {@code lindblad bench}, built exactly as {@code bench/qutip_peer.py} builds
 * them for QuTiP, so that both sides compute the same numbers.
 *
 * <ul>
 *   <li>{@code nho-mesolve}, {@code nho-mcsolve}, {@code nho-steadystate} (size N = Fock levels):
 *       QuantumToolbox.jl's "nho" Kerr resonator, {@code H = 0.1 a†a + 0.025 a†²a² + 2(a + a†)}
 *       (Δ = 0.1, U = -0.05 in {@code Δ a†a - U/2 a†²a² + F(a + a†)}, F = 2),
 *       {@code c = sqrt(1.2) a, sqrt(0.2) a†} (γ = 1, n_th = 0.2), {@code psi0 = fock(N, 0)},
 *       {@code tlist = linspace(0, 10, 100)}, e-op {@code a†a}; mcsolve with 100 trajectories;
 *       the value is {@code <a†a>} at t = 10 (steadystate: in the steady state).</li>
 *   <li>{@code ising-mesolve} (size N = spins): QuantumToolbox.jl's dissipative Ising chain,
 *       {@code H = 50 Σ_i sz_i + 25 Σ_i sx_i sx_{i+1}} (open chain), {@code c_i = sm_i},
 *       {@code psi0 = basis(2,0)^⊗N}, {@code tlist = linspace(0, 10, 100)}; the value is
 *       {@code <sz>} of the last site at t = 10.</li>
 *   <li>QuantumOptics.jl's micro set (size n = Hilbert-space dimension), on the explicit ket
 *       {@code c_k = (1 + 0.5 cos(0.3 k)) e^{0.7 i k}} (normalised), whose density matrix
 *       {@code rho} has no zero entry:
 *       {@code ptrace} of the normalised {@code a ⊗ |0> + b ⊗ |1>} (dims [n/2, 2],
 *       {@code a_k} as above, {@code b_k = (1 + 0.5 sin(0.2 k)) e^{-0.4 i k}}), keeping the
 *       first factor, value {@code <num>} of the result; {@code expect(H_nho, rho)};
 *       {@code spmm}: {@code H_nho · rho} (sparse × dense), value its trace; {@code wigner} of
 *       {@code rho} on a 101 × 101 grid over [-5, 5]², value its maximum.</li>
 *   <li>Optimal control (size = slices): {@code grape-cnot}, GRAPE for a CNOT from the drift
 *       {@code 0.5 (XX + YY + ZZ)} with controls X1, Y1, X2, Y2, T = 6, bounds ±5, from the fixed
 *       start {@code u_kj = sin(0.37 k + 1.1 j + 0.3)}, to a fidelity error of 1e-10 (PSU;
 *       {@code accuracyFactor} 1e3 on both sides, since qtrl's default 1e7 stops L-BFGS-B at about
 *       2e-10); the value is 1 when the target was reached, else the error reached.
 *       {@code grape-grad-3q}: one fidelity error and gradient of a Toffoli on a Heisenberg chain
 *       of three qubits (drift {@code 0.5 Σ (XX + YY + ZZ)} on neighbours, X and Y on each qubit,
 *       T = 10); {@code grape-grad-open2q}: the same for the CNOT channel of two dephased qubits
 *       (drift {@code liouvillian(0.5 (XX + YY + ZZ), [sqrt(0.05) Z1, sqrt(0.05) Z2])}, controls
 *       the Liouvillians of X1, Y1, X2, Y2, T = 6, start the identity superoperator); both at
 *       {@code u_kj = sin(0.37 k + 1.1 j + 0.3)}, alternately shifted by 1e-12 so that no side
 *       reuses the last evaluation; the value is the fidelity error.</li>
 *   <li>{@code fmo-heom} (size = hierarchy depth): the FMO complex of QuTiP's HEOM tutorial
 *       (Ishizaki &amp; Fleming, 7 sites) in rad/ps and ps, one Drude–Lorentz bath per site
 *       (λ = 35 cm⁻¹, 1/γ = 166 fs, T = 300 K, Matsubara Nk = 1: 14 exponents), from site 1,
 *       {@code tlist = linspace(0, 1, 101)} ps, e-ops the site populations; building the solver
 *       is part of the call; the value is the population of site 1 at 1 ps.</li>
 *   <li>The dense set of the native backends (size n = dimension), on the Hermitian matrix
 *       {@code H_jk = sin(0.7 j + 1.3 k + 0.01 j k) + i cos(0.3 j + 0.9 k + 0.02 j k)} for
 *       j &lt; k, {@code H_kj = conj(H_jk)}, {@code H_jj = sin(1.1 j)} (entries spread like random
 *       ones, but the same numbers on both sides): {@code herm-eigenenergies} (value: the largest
 *       eigenvalue), {@code herm-eigenstates} (value: {@code |<0|v_0>|²} of the lowest eigenvector),
 *       {@code herm-expm} of {@code -i H} (value: {@code Re U_00}).</li>
 *   <li>{@code nho-ssesolve}, {@code nho-smesolve} (size N = Fock levels; issue #22): the nho
 *       Hamiltonian under homodyne detection of {@code sqrt(1.2) a}, smesolve with the collapse
 *       operator {@code sqrt(0.2) a†} besides, from {@code fock(N, 0)},
 *       {@code tlist = linspace(0, 2, 101)}, 100 trajectories, {@code "platen"}, dt = 1e-3 (QuTiP
 *       4.7: 20 substeps); the value is {@code <a†a>} at t = 2, a Monte Carlo average.</li>
 *   <li>{@code nho-steadystate-direct}: the nho steady state with method {@code "direct"} (QuTiP's
 *       sparse LU, SuperLU); {@code jc3-steadystate-direct} (size N = cavity levels): a driven
 *       Jaynes–Cummings system with a three-level ladder atom ({@link #jaynesCummings3}), method
 *       {@code "direct"}, value {@code <a†a>}.</li>
 *   <li>{@code jc-brmesolve} (size N = cavity levels): Bloch–Redfield (issue #20) for the
 *       Jaynes–Cummings system {@code H = a†a + σ+σ- + 0.05 (a†σ- + aσ+)} with the cavity's
 *       {@code a + a†} coupled to a zero-temperature Ohmic bath
 *       {@code S(ω) = 0.01 ω e^{-ω/3}} (ω &gt; 0, else 0), secular cutoff 0.1, from
 *       {@code |1>|g>} ({@code basis(N,1) ⊗ basis(2,0)}), {@code tlist = linspace(0, 50, 100)};
 *       building the tensor is part of the call; the value is {@code <a†a>} at t = 50.</li>
 *   <li>{@code cavity-correlation2op2t} (size N = Fock levels; issue #20): a driven thermal cavity,
 *       {@code H = 0.5 a†a + 0.8 (a + a†)}, {@code c = sqrt(1.2) a, sqrt(0.2) a†}, from
 *       {@code fock(N, 0)}, {@code <a†(t+tau) a(t)>} on the 200 × 200 grid
 *       {@code tlist = taulist = linspace(0, 10, 200)}; value the real part at the last t and tau.</li>
 * </ul>
 * The ratios 0.1, 0.025, 2, 1.2, 0.2, 50 and 25 are those of QuantumToolbox.jl's benchmark
 * script (albertomercurio/QuantumToolbox-Benchmarks, {@code quantumtoolbox} script: Jx = 25,
 * hz = 50, Δ = 0.1, U = -0.05, F = 2, γ = 1, nth = 0.2, ntraj = 100, tlist = range(0, 10, 100)).
 */
final class BenchProblems {

    /** Every problem name, in the order of a full run. */
    static final List<String> NAMES = List.of("nho-mesolve", "nho-mcsolve", "ising-mesolve", "nho-steadystate",
            "ptrace", "expect", "spmm", "wigner", "grape-cnot", "grape-grad-3q", "grape-grad-open2q",
            "fmo-heom", "herm-eigenenergies", "herm-eigenstates", "herm-expm", "nho-steadystate-direct",
            "jc3-steadystate-direct", "jc-brmesolve", "cavity-correlation2op2t",
            "nho-ssesolve", "nho-smesolve");

    private BenchProblems() {
    }

    /**
     * A problem ready to run.
     *
     * @param solver whether a call is a whole solver run (timed once per repetition) rather than
     *               a micro operation (repeated until a repetition lasts about 0.1 s)
     * @param call   the timed work
     * @param value  the check value of a call's result
     * @param spread the standard error of the value for a stochastic problem, else null
     */
    record Prepared(boolean solver, Supplier<Object> call, ToDoubleFunction<Object> value,
                    ToDoubleFunction<Object> spread) {
    }

    /** @return whether the problem is one of {@link #NAMES} */
    static boolean exists(String name) {
        return NAMES.contains(name);
    }

    /** @return whether the problem's value is a Monte Carlo average */
    static boolean stochastic(String name) {
        return name.equals("nho-mcsolve") || name.equals("nho-ssesolve") || name.equals("nho-smesolve");
    }

    /** @return whether the benchmark reports the problem's memory */
    static boolean measuresMemory(String name) {
        return name.equals("nho-steadystate");
    }

    /**
     * Builds the operators and states of a problem (not timed).
     *
     * @param name one of {@link #NAMES}
     * @param size its size parameter (levels, spins or dimension)
     * @return the problem
     * @throws IllegalArgumentException for an unknown name or a size the problem cannot take
     */
    static Prepared prepare(String name, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("bench problem '" + name + "' needs a size >= 1, got " + size);
        }
        double[] tlist = linspace(0, 10, 100);
        switch (name) {
            case "nho-mesolve", "nho-mcsolve", "nho-steadystate" -> {
                Qobj a = destroy(size);
                Qobj ad = a.dag();
                Qobj h = nhoHamiltonian(size);
                List<Qobj> cOps = List.of(a.times(Math.sqrt(1.2)), ad.times(Math.sqrt(0.2)));
                Qobj n = ad.times(a);
                Qobj psi0 = fock(size, 0);
                return switch (name) {
                    case "nho-mesolve" -> new Prepared(true, () -> Lindblad.mesolve(h, psi0, tlist, cOps, List.of(n)),
                            r -> last(((Result) r).expect(0)), null);
                    case "nho-mcsolve" -> new Prepared(true, () -> Lindblad.mcsolve(h, psi0, tlist, cOps, List.of(n), 100),
                            r -> last(((McResult) r).expect(0)), r -> last(((McResult) r).standardError(0)));
                    default -> new Prepared(true, () -> Lindblad.steadystate(h, cOps), r -> expect(n, (Qobj) r), null);
                };
            }
            case "ising-mesolve" -> {
                Qobj h = null;
                for (int i = 0; i < size; i++) {
                    Qobj term = site(sigmaz(), i, size).times(50);
                    h = h == null ? term : h.plus(term);
                }
                for (int i = 0; i + 1 < size; i++) {
                    h = h.plus(site(sigmax(), i, size).times(site(sigmax(), i + 1, size)).times(25));
                }
                List<Qobj> cOps = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    cOps.add(site(sigmam(), i, size));
                }
                List<Qobj> zeros = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    zeros.add(basis(2, 0));
                }
                Qobj psi0 = tensor(zeros);
                Qobj hamiltonian = h;
                List<Qobj> eOps = List.of(site(sigmaz(), size - 1, size));
                return new Prepared(true, () -> Lindblad.mesolve(hamiltonian, psi0, tlist, cOps, eOps),
                        r -> last(((Result) r).expect(0)), null);
            }
            case "ptrace" -> {
                if (size % 2 != 0 || size < 2) {
                    throw new IllegalArgumentException("bench problem 'ptrace' needs an even size >= 2, got " + size);
                }
                int m = size / 2;
                Qobj ka = filledKet(m, 0.7, k -> Math.cos(0.3 * k));
                Qobj kb = filledKet(m, -0.4, k -> Math.sin(0.2 * k));
                Qobj psi = tensor(ka, basis(2, 0)).plus(tensor(kb, basis(2, 1))).unit();
                Qobj rho = ketToDm(psi);
                Qobj number = num(m);
                return new Prepared(false, () -> rho.ptrace(0), r -> expect(number, (Qobj) r), null);
            }
            case "expect", "spmm", "wigner" -> {
                Qobj rho = ketToDm(filledKet(size, 0.7, k -> Math.cos(0.3 * k)).unit());
                return switch (name) {
                    case "expect" -> {
                        Qobj h = nhoHamiltonian(size);
                        yield new Prepared(false, () -> expect(h, rho), r -> (Double) r, null);
                    }
                    case "spmm" -> {
                        Qobj h = nhoHamiltonian(size);
                        yield new Prepared(false, () -> h.times(rho), r -> ((Qobj) r).tr().re(), null);
                    }
                    default -> {
                        double[] x = linspace(-5, 5, 101);
                        yield new Prepared(false, () -> Lindblad.wigner(rho, x, x), r -> max((double[][]) r), null);
                    }
                };
            }
            case "grape-cnot", "grape-grad-3q", "grape-grad-open2q" -> {
                return ControlBench.prepare(name, size);
            }
            case "fmo-heom" -> {
                Qobj h = FmoModel.hamiltonian();
                List<Bath> baths = FmoModel.baths();
                List<Qobj> pops = FmoModel.populations();
                double[] ps = linspace(0, 1, 101);
                return new Prepared(true, () -> new HeomSolver(h, baths, size, HeomOptions.defaults()).run(pops.get(0), ps, pops),
                        r -> last(((HeomResult) r).expect(0)), null);
            }
            case "herm-eigenenergies", "herm-eigenstates", "herm-expm" -> {
                Qobj h = denseHermitian(size);
                return switch (name) {
                    case "herm-eigenenergies" -> new Prepared(true, h::eigenenergies, r -> last((double[]) r), null);
                    case "herm-eigenstates" -> new Prepared(true, h::eigenstates, r -> {
                        Qobj v = ((Qobj.Eigen) r).states().get(0);
                        return v.get(0, 0).abs() * v.get(0, 0).abs();
                    }, null);
                    default -> {
                        Qobj minusIH = h.times(new Complex(0, -1));
                        yield new Prepared(true, minusIH::expm, r -> ((Qobj) r).get(0, 0).re(), null);
                    }
                };
            }
            case "nho-steadystate-direct" -> {
                Qobj a = destroy(size);
                List<Qobj> cOps = List.of(a.times(Math.sqrt(1.2)), a.dag().times(Math.sqrt(0.2)));
                Qobj h = nhoHamiltonian(size);
                Qobj n = a.dag().times(a);
                SteadyStateOptions direct = SteadyStateOptions.defaults().withMethod("direct");
                return new Prepared(true, () -> Lindblad.steadystate(h, cOps, direct), r -> expect(n, (Qobj) r), null);
            }
            case "jc3-steadystate-direct" -> {
                List<Qobj> sys = jaynesCummings3(size);
                Qobj n = tensor(num(size), qeye(3));
                SteadyStateOptions direct = SteadyStateOptions.defaults().withMethod("direct");
                return new Prepared(true, () -> Lindblad.steadystate(sys.get(0), sys.subList(1, sys.size()), direct),
                        r -> expect(n, (Qobj) r), null);
            }
            case "jc-brmesolve" -> {
                Qobj a = tensor(destroy(size), qeye(2));
                Qobj sm = tensor(qeye(size), destroy(2));
                Qobj h = a.dag().times(a).plus(sm.dag().times(sm))
                        .plus(a.dag().times(sm).plus(a.times(sm.dag())).times(0.05));
                Qobj psi0 = tensor(basis(size, 1), basis(2, 0));
                Qobj n = a.dag().times(a);
                List<dev.lindblad.solver.BrOperator> aOps = List.of(dev.lindblad.solver.BrOperator.of(a.plus(a.dag()),
                        w -> w > 0 ? 0.01 * w * Math.exp(-w / 3) : 0.0));
                double[] ts = linspace(0, 50, 100);
                return new Prepared(true, () -> Lindblad.brmesolve(h, psi0, ts, aOps, List.of(n)),
                        r -> last(((dev.lindblad.solver.Result) r).expect(0)), null);
            }
            case "cavity-correlation2op2t" -> {
                Qobj a = destroy(size);
                Qobj ad = a.dag();
                Qobj h = ad.times(a).times(0.5).plus(a.plus(ad).times(0.8));
                List<Qobj> cOps = List.of(a.times(Math.sqrt(1.2)), ad.times(Math.sqrt(0.2)));
                Qobj psi0 = fock(size, 0);
                double[] grid = linspace(0, 10, 200);
                return new Prepared(true, () -> Lindblad.correlation2op2t(h, psi0, grid, grid, cOps, ad, a),
                        r -> {
                            Complex[][] c = (Complex[][]) r;
                            return c[c.length - 1][c[0].length - 1].re();
                        }, null);
            }
            case "nho-ssesolve", "nho-smesolve" -> {
                Qobj a = destroy(size);
                Qobj h = nhoHamiltonian(size);
                List<Qobj> scOps = List.of(a.times(Math.sqrt(1.2)));
                List<Qobj> cOps = List.of(a.dag().times(Math.sqrt(0.2)));
                Qobj n = a.dag().times(a);
                Qobj psi0 = fock(size, 0);
                double[] t2 = linspace(0, 2, 101);
                StochasticOptions o = StochasticOptions.defaults().withNtraj(100).withMethod("platen").withDt(1e-3);
                return new Prepared(true, name.equals("nho-ssesolve")
                        ? () -> Lindblad.ssesolve(h, psi0, t2, scOps, List.of(n), o)
                        : () -> Lindblad.smesolve(h, psi0, t2, cOps, scOps, List.of(n), o),
                        r -> last(((StochasticResult) r).expect(0)), r -> last(((StochasticResult) r).standardError(0)));
            }
            default -> throw new IllegalArgumentException("unknown bench problem '" + name + "'; problems are "
                    + String.join(", ", NAMES));
        }
    }

    /** @return {@code 0.1 a†a + 0.025 a†²a² + 2(a + a†)} in N levels */
    static Qobj nhoHamiltonian(int n) {
        Qobj a = destroy(n);
        Qobj ad = a.dag();
        return ad.times(a).times(0.1).plus(ad.times(ad).times(a).times(a).times(0.025)).plus(a.plus(ad).times(2));
    }

    /** @return the dense Hermitian matrix of the herm-* problems (see the class comment) */
    static Qobj denseHermitian(int n) {
        double[] a = new double[2 * n * n];
        for (int j = 0; j < n; j++) {
            a[2 * (j + j * n)] = Math.sin(1.1 * j);
            for (int k = j + 1; k < n; k++) {
                double re = Math.sin(0.7 * j + 1.3 * k + 0.01 * j * k), im = Math.cos(0.3 * j + 0.9 * k + 0.02 * j * k);
                a[2 * (j + k * n)] = re;
                a[2 * (j + k * n) + 1] = im;
                a[2 * (k + j * n)] = re;
                a[2 * (k + j * n) + 1] = -im;
            }
        }
        return Qobj.of(dev.lindblad.data.DenseMatrix.wrap(n, n, a), dev.lindblad.Dims.oper(n));
    }

    /**
     * A driven Jaynes–Cummings system with a three-level ladder atom: cavity of N levels, atom
     * levels g, e, f at 0, 1, 1.8, lowering {@code s = |g><e| + sqrt(2) |e><f|},
     * {@code H = a†a + Σ E_k |k><k| + 0.1 (a† s + a s†) + 0.2 (a + a†)}, collapse operators
     * {@code sqrt(0.1) a}, {@code sqrt(0.05) s}, {@code sqrt(0.02) |f><f|}.
     *
     * @return H followed by the collapse operators
     */
    static List<Qobj> jaynesCummings3(int levels) {
        double[] lower = new double[18], energy = new double[18], pf = new double[18];   // 3x3, column-major
        lower[2 * (0 + 3 * 1)] = 1;
        lower[2 * (1 + 3 * 2)] = Math.sqrt(2);
        energy[2 * (1 + 3 * 1)] = 1;
        energy[2 * (2 + 3 * 2)] = 1.8;
        pf[2 * (2 + 3 * 2)] = 1;
        Qobj s = Qobj.of(dev.lindblad.data.DenseMatrix.wrap(3, 3, lower));
        Qobj e = Qobj.of(dev.lindblad.data.DenseMatrix.wrap(3, 3, energy));
        Qobj f = Qobj.of(dev.lindblad.data.DenseMatrix.wrap(3, 3, pf));
        Qobj a = tensor(destroy(levels), qeye(3));
        Qobj sm = tensor(qeye(levels), s);
        Qobj h = a.dag().times(a).plus(tensor(qeye(levels), e)).plus(a.dag().times(sm).plus(a.times(sm.dag())).times(0.1))
                .plus(a.plus(a.dag()).times(0.2));
        return List.of(h, a.times(Math.sqrt(0.1)), sm.times(Math.sqrt(0.05)), tensor(qeye(levels), f).times(Math.sqrt(0.02)));
    }

    /** @return the operator on site i of an N-spin chain, identity elsewhere */
    private static Qobj site(Qobj op, int i, int n) {
        List<Qobj> parts = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            parts.add(k == i ? op : qeye(2));
        }
        return tensor(parts);
    }

    /** @return the ket {@code c_k = (1 + 0.5 amplitude(k)) e^{i phase k}}, k < n, not normalised */
    static Qobj filledKet(int n, double phase, DoubleUnaryOperator amplitude) {
        Complex[] c = new Complex[n];
        for (int k = 0; k < n; k++) {
            double r = 1 + 0.5 * amplitude.applyAsDouble(k);
            c[k] = new Complex(r * Math.cos(phase * k), r * Math.sin(phase * k));
        }
        return Qobj.ket(c);
    }

    private static double last(double[] v) {
        return v[v.length - 1];
    }

    private static double max(double[][] w) {
        double m = Double.NEGATIVE_INFINITY;
        for (double[] row : w) {
            for (double x : row) {
                m = Math.max(m, x);
            }
        }
        return m;
    }
}
