package dev.lindblad.solver;

import dev.lindblad.Complex;
import dev.lindblad.DimensionMismatchException;
import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.QobjLike;
import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.Data;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.parallel.TaskMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * Floquet solvers, as QuTiP 5's {@code fsesolve}, {@code fmmesolve} and {@code floquet_tensor}.
 *
 * <p>{@code fsesolve}: a state is expanded once on the Floquet states,
 * {@code psi(t) = sum_k c_k ψ_k(t)} with {@code c_k = <ψ_k(t0)|psi(t0)>}, exact up to the
 * propagators over one period.
 *
 * <p>{@code fmmesolve}: the Floquet–Markov master equation in its simplest secular form
 * (Grifoni and Hänggi, Phys. Rep. 304, 229 (1998)), as QuTiP. With the Floquet modes
 * {@code φ(t)}, the sideband matrices {@code X_c,k = (1/nT) sum_t e^{-ikΩt} φ(t)^† c φ(t)}
 * over {@code t = T/nT, ..., T} ({@code Ω = 2π/T}), the gaps
 * {@code Δ_abk = ε_a - ε_b + kΩ}, the rates
 * {@code γ_k,ab = 2π sum_c S_c(Δ_abk) |X_c,k,ab|²} and
 * {@code A = sum_k γ_k} (plus the thermal terms {@code n_th(|Δ|) = 1/(e^{|Δ|/w_th} - 1)} when
 * {@code w_th > 0}), the density matrix in the basis of the Floquet states obeys
 * <pre>
 *   d rho_aa/dt = sum_b A_ba rho_bb - sum_b A_ab rho_aa
 *   d rho_ab/dt = -½ sum_k (A_ak + A_bk) rho_ab        (a ≠ b)
 * </pre>
 * The states and e-ops are in the lab basis: each output state is turned back with the
 * Floquet states at its time.
 */
public final class Floquet {

    /** QuTiP's number of sidebands. */
    public static final int KMAX = 5;
    /** QuTiP's number of time points per period for the sideband matrices. */
    public static final int NT = 100;

    private Floquet() {
    }

    /**
     * The Schrödinger equation of a T-periodic Hamiltonian through its Floquet states.
     *
     * @param h     the Hamiltonian, of period {@code t}
     * @param psi0  initial ket (or density matrix) at {@code tlist[0]}
     * @param tlist output times
     * @param eOps  operators whose expectation values are recorded
     * @param t     the period T
     * @return the result
     */
    public static Result fsesolve(QobjLike h, Qobj psi0, double[] tlist, List<Qobj> eOps, double t) {
        return fsesolve(h, psi0, tlist, eOps, t, SolverOptions.defaults());
    }

    /** {@link #fsesolve(QobjLike, Qobj, double[], List, double)} with options (of the propagators and the output). */
    public static Result fsesolve(QobjLike h, Qobj psi0, double[] tlist, List<Qobj> eOps, double t,
                                  SolverOptions options) {
        Objects.requireNonNull(h, "fsesolve: h is null");
        Objects.requireNonNull(psi0, "fsesolve: psi0 is null");
        double[] times = Evolution.checkTimes("fsesolve", tlist);
        List<Qobj> ops = Evolution.elements("fsesolve", "eOps", eOps);
        if (!(t > 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("fsesolve: the period t = " + t + " must be finite and > 0");
        }
        Objects.requireNonNull(options, "fsesolve: options is null");
        long start = System.nanoTime();
        FloquetBasis fb = new FloquetBasis(h, t, options, TaskMap.threads());
        return fsesolve(fb, psi0, times, ops, options, start);
    }

    /** {@code fsesolve} on a Floquet basis already computed (QuTiP accepts a {@code FloquetBasis} as H). */
    public static Result fsesolve(FloquetBasis basis, Qobj psi0, double[] tlist, List<Qobj> eOps, SolverOptions options) {
        Objects.requireNonNull(basis, "fsesolve: basis is null");
        Objects.requireNonNull(psi0, "fsesolve: psi0 is null");
        double[] times = Evolution.checkTimes("fsesolve", tlist);
        List<Qobj> ops = Evolution.elements("fsesolve", "eOps", eOps);
        Objects.requireNonNull(options, "fsesolve: options is null");
        return fsesolve(basis, psi0, times, ops, options, System.nanoTime());
    }

    private static Result fsesolve(FloquetBasis fb, Qobj psi0, double[] times, List<Qobj> ops, SolverOptions options,
                                   long start) {
        checkOps("fsesolve", fb, psi0, ops);
        fb.precompute(times);
        Qobj coeff = fb.toFloquetBasis(psi0, times[0]);
        double setup = (System.nanoTime() - start) / 1e9;
        List<Qobj> states = new ArrayList<>(times.length);
        for (double ti : times) {
            states.add(fb.fromFloquetBasis(coeff, ti));
        }
        return record(times, states, ops, options, psi0.isKet(), start, setup, "floquet states");
    }

    /**
     * The Floquet–Markov master equation (see the class comment), as QuTiP's {@code fmmesolve}.
     *
     * @param h       the Hamiltonian, of period {@code t}
     * @param rho0    initial density matrix or ket at {@code tlist[0]}
     * @param tlist   output times
     * @param cOps    the system operators coupled to the baths (constant)
     * @param eOps    operators whose expectation values are recorded (lab basis)
     * @param spectra the noise power spectra {@code S_c(ω)}, one per c-op, or one for all
     * @param t       the period T
     * @param wTh     the bath temperature in units of frequency (0: zero temperature)
     * @return the result
     */
    public static Result fmmesolve(QobjLike h, Qobj rho0, double[] tlist, List<Qobj> cOps, List<Qobj> eOps,
                                   List<DoubleUnaryOperator> spectra, double t, double wTh) {
        return fmmesolve(h, rho0, tlist, cOps, eOps, spectra, t, wTh, SolverOptions.defaults());
    }

    /** {@link #fmmesolve(QobjLike, Qobj, double[], List, List, List, double, double)} with options. */
    public static Result fmmesolve(QobjLike h, Qobj rho0, double[] tlist, List<Qobj> cOps, List<Qobj> eOps,
                                   List<DoubleUnaryOperator> spectra, double t, double wTh, SolverOptions options) {
        Objects.requireNonNull(h, "fmmesolve: h is null");
        Objects.requireNonNull(rho0, "fmmesolve: rho0 is null");
        double[] times = Evolution.checkTimes("fmmesolve", tlist);
        List<Qobj> cs = Evolution.elements("fmmesolve", "cOps", cOps);
        List<Qobj> ops = Evolution.elements("fmmesolve", "eOps", eOps);
        Objects.requireNonNull(spectra, "fmmesolve: spectra is null");
        List<DoubleUnaryOperator> sp = Evolution.elements("fmmesolve", "spectra", spectra);
        if (!(t > 0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("fmmesolve: the period t = " + t + " must be finite and > 0");
        }
        if (!(wTh >= 0) || !Double.isFinite(wTh)) {
            throw new IllegalArgumentException("fmmesolve: wTh = " + wTh + " must be finite and >= 0");
        }
        Objects.requireNonNull(options, "fmmesolve: options is null");
        long start = System.nanoTime();
        FloquetBasis fb = new FloquetBasis(h, t, options, TaskMap.threads());
        checkOps("fmmesolve", fb, rho0, ops);
        fb.precompute(times);
        Qobj r = tensor("fmmesolve", fb, cs, sp, wTh, KMAX, NT, TaskMap.threads());
        Qobj rho = rho0.isKet() ? rho0.times(rho0.dag()) : rho0;
        Qobj rhoF = fb.toFloquetBasis(rho, times[0]);
        double setup = (System.nanoTime() - start) / 1e9;
        SolverOptions inner = options.withStoreStates(true).withProgress(false);
        Result inF = new MeSolver(r, List.of(), inner, "fmmesolve").run(rhoF, times, List.of());
        List<Qobj> states = new ArrayList<>(times.length);
        for (int i = 0; i < times.length; i++) {
            states.add(fb.fromFloquetBasis(inF.states().get(i), times[i]));
        }
        Stats st = inF.stats();
        Result out = record(times, states, ops, options, false, start, setup, "floquet-markov tensor");
        return out.withStats(new Stats(st.steps(), st.rhsCalls(), st.rejectedSteps(), out.stats().wallSeconds(),
                st.method(), "floquet-markov tensor (" + st.rhs() + ")", setup));
    }

    /**
     * The Floquet–Markov tensor (see the class comment), QuTiP's {@code floquet_tensor}: a
     * superoperator on {@code vec(rho)} in the basis of the Floquet states, sparse
     * ({@code n²} rows, {@code n² + n(n-1)} entries at most). The sideband matrices are
     * computed in parallel over the {@code nT} times of one period.
     *
     * @param basis   the Floquet basis
     * @param cOps    the system operators coupled to the baths
     * @param spectra their noise power spectra, one per c-op or one for all
     * @param wTh     bath temperature in units of frequency (0: none)
     * @param kmax    number of sidebands on each side (QuTiP's 5)
     * @param nT      number of time points in one period (QuTiP's 100)
     * @return the tensor
     */
    public static Qobj floquetTensor(FloquetBasis basis, List<Qobj> cOps, List<DoubleUnaryOperator> spectra,
                                     double wTh, int kmax, int nT) {
        Objects.requireNonNull(basis, "floquetTensor: basis is null");
        List<Qobj> cs = Evolution.elements("floquetTensor", "cOps", Objects.requireNonNull(cOps,
                "floquetTensor: cOps is null"));
        List<DoubleUnaryOperator> sp = Evolution.elements("floquetTensor", "spectra", Objects.requireNonNull(spectra,
                "floquetTensor: spectra is null"));
        if (!(wTh >= 0) || !Double.isFinite(wTh)) {
            throw new IllegalArgumentException("floquetTensor: wTh = " + wTh + " must be finite and >= 0");
        }
        if (kmax < 0) {
            throw new IllegalArgumentException("floquetTensor: kmax = " + kmax + " must be >= 0");
        }
        if (nT < 1) {
            throw new IllegalArgumentException("floquetTensor: nT = " + nT + " must be >= 1");
        }
        return tensor("floquetTensor", basis, cs, sp, wTh, kmax, nT, TaskMap.threads());
    }

    static Qobj tensor(String op, FloquetBasis fb, List<Qobj> cOps, List<DoubleUnaryOperator> spectra, double wTh,
                       int kmax, int nT, TaskMap map) {
        if (spectra.size() != 1 && spectra.size() != cOps.size()) {
            throw new IllegalArgumentException(op + ": give one spectrum per c-op or one for all; got " + spectra.size()
                    + " spectra for " + cOps.size() + " c-ops");
        }
        for (int c = 0; c < cOps.size(); c++) {
            if (!cOps.get(c).dims().equals(fb.dims())) {
                throw new DimensionMismatchException(op + ": cOps[" + c + "] and the Hamiltonian", cOps.get(c).dims(),
                        fb.dims());
            }
        }
        int n = fb.dims().rows();
        double period = fb.period();
        double omega = 2 * Math.PI / period;
        double[] eps = fb.quasienergies();
        int nk = 2 * kmax + 1;
        double[] ts = new double[nT];
        for (int i = 0; i < nT; i++) {
            ts[i] = i == nT - 1 ? period : period * (i + 1) / nT;
        }
        fb.precompute(ts);
        // F_c(t) = φ(t)^† c φ(t) at each time, in parallel over the times
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < nT; i++) {
            idx.add(i);
        }
        List<double[][]> f = map.map(idx, i -> {
            DenseMatrix m = DenseMatrix.wrap(n, n, fb.modeMatrix(ts[i]));
            var md = Data.adjoint(m);
            double[][] out = new double[cOps.size()][];
            for (int c = 0; c < cOps.size(); c++) {
                out[c] = Data.matmul(md, Data.matmul(cOps.get(c).data(), m)).toDense().array();
            }
            return out;
        });
        // X_c,k summed in time order (the same bits whatever the map)
        double[] a = new double[n * n];   // A_ab at a + b n (real: real spectra)
        double[][] gamma = new double[nk][n * n];
        for (int c = 0; c < cOps.size(); c++) {
            DoubleUnaryOperator s = spectra.size() == 1 ? spectra.get(0) : spectra.get(c);
            for (int kk = 0; kk < nk; kk++) {
                int k = kk - kmax;
                double[] x = new double[2 * n * n];
                for (int i = 0; i < nT; i++) {
                    double ph = -k * omega * ts[i];
                    double cr = Math.cos(ph) / nT, ci = Math.sin(ph) / nT;
                    double[] fi = f.get(i)[c];
                    for (int p = 0; p < n * n; p++) {
                        x[2 * p] += cr * fi[2 * p] - ci * fi[2 * p + 1];
                        x[2 * p + 1] += cr * fi[2 * p + 1] + ci * fi[2 * p];
                    }
                }
                for (int aa = 0; aa < n; aa++) {
                    for (int bb = 0; bb < n; bb++) {
                        int p = aa + bb * n;
                        double mod2 = x[2 * p] * x[2 * p] + x[2 * p + 1] * x[2 * p + 1];
                        if (mod2 == 0) {
                            continue;
                        }
                        double delta = eps[aa] - eps[bb] + k * omega;
                        double sv = s.applyAsDouble(delta);
                        if (!Double.isFinite(sv)) {
                            throw new IllegalArgumentException(op + ": spectra[" + (spectra.size() == 1 ? 0 : c)
                                    + "] returned " + sv + " at w = " + delta);
                        }
                        gamma[kk][p] += 2 * Math.PI * sv * mod2;
                    }
                }
            }
        }
        for (int kk = 0; kk < nk; kk++) {
            for (int p = 0; p < n * n; p++) {
                a[p] += gamma[kk][p];
            }
        }
        if (wTh > 0) {
            for (int kk = 0; kk < nk; kk++) {
                int k = kk - kmax;
                int mk = kmax - k;   // index of -k
                for (int aa = 0; aa < n; aa++) {
                    for (int bb = 0; bb < n; bb++) {
                        // thermal_k ∘ (γ_k + γ_{-k}^T), as QuTiP's _floquet_A_matrix for k ≥ 0 and
                        // its transpose for the negative sidebands
                        double delta = eps[aa] - eps[bb] + k * omega;
                        double nth = delta == 0 ? 0 : 1 / Math.expm1(Math.abs(delta) / wTh);
                        double g;
                        if (k > 0) {
                            g = gamma[kk][aa + bb * n] + gamma[mk][bb + aa * n];
                        } else if (k < 0) {
                            // (γ_{|k|} + γ_{-|k|}^T)^T at (a, b) = γ_{|k|}(b, a) + γ_{-|k|}(a, b)
                            g = gamma[mk][bb + aa * n] + gamma[kk][aa + bb * n];
                        } else {
                            g = gamma[kk][aa + bb * n] + gamma[kk][bb + aa * n];
                        }
                        a[aa + bb * n] += nth * g;
                    }
                }
            }
        }
        double[] rowSum = new double[n];
        for (int aa = 0; aa < n; aa++) {
            for (int bb = 0; bb < n; bb++) {
                rowSum[aa] += a[aa + bb * n];
            }
        }
        // R: population rows i + i n take A_ji from population j + j n; every element (i, j)
        // decays at ½ (rowSum_i + rowSum_j)
        int n2 = n * n;
        int[] rowPtr = new int[n2 + 1];
        int nnz = n2 + n * (n - 1);
        int[] cols = new int[nnz];
        double[] vals = new double[2 * nnz];
        int m = 0;
        for (int r = 0; r < n2; r++) {
            int i = r % n, j = r / n;
            if (i == j) {
                for (int jj = 0; jj < n; jj++) {
                    double v = a[jj + i * n] - (jj == i ? rowSum[i] : 0);
                    cols[m] = jj + jj * n;
                    vals[2 * m] = v;
                    m++;
                }
            } else {
                cols[m] = r;
                vals[2 * m] = -0.5 * (rowSum[i] + rowSum[j]);
                m++;
            }
            rowPtr[r + 1] = m;
        }
        return Qobj.of(CsrMatrix.of(n2, n2, rowPtr, cols, vals), Dims.superOf(fb.dims()));
    }

    private static void checkOps(String op, FloquetBasis fb, Qobj state, List<Qobj> ops) {
        Dims d = fb.dims();
        if (!(state.isKet() || state.isOper()) || !java.util.Arrays.equals(state.dims().out(), d.out())) {
            throw new DimensionMismatchException(op + ": system and initial state", d, state.dims());
        }
        for (Qobj e : ops) {
            if (!e.dims().equals(d)) {
                throw new DimensionMismatchException(op + ": e-op and system", e.dims(), d);
            }
        }
    }

    /** A result from states already in the lab basis. */
    private static Result record(double[] times, List<Qobj> states, List<Qobj> ops, SolverOptions options, boolean ket,
                                 long start, double setup, String rhs) {
        boolean store = options.storeStates() != null ? options.storeStates() : ops.isEmpty();
        Result.Builder b = new Result.Builder(times, ops, 0, store);
        double[] values = new double[2 * ops.size()];
        for (int i = 0; i < times.length; i++) {
            Qobj s = states.get(i);
            double[] y = s.data().toDense().array();
            for (int k = 0; k < ops.size(); k++) {
                Complex e = ket ? Data.expectKet(ops.get(k).data(), y) : Data.expectRho(ops.get(k).data(), y);
                values[2 * k] = e.re();
                values[2 * k + 1] = e.im();
            }
            b.record(i, values, y, ket, s.data().rows(), 1, s, options.storeFinalState());
        }
        return b.build(new Stats(0, 0, 0, (System.nanoTime() - start) / 1e9, "floquet", rhs, setup));
    }
}
