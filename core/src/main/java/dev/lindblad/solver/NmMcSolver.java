package dev.lindblad.solver;

import dev.lindblad.DimensionMismatchException;
import dev.lindblad.Dims;
import dev.lindblad.Operators;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.QobjLike;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Quantum trajectories for a master equation whose rates may turn negative, by the influence
 * martingale of Donvil and Muratore-Ginanneschi (Nat. Commun. 13, 4140 (2022)), as QuTiP 5's
 * {@code nm_mcsolve}:
 * <pre>
 *   d rho/dt = -i [H(t), rho] + sum_i gamma_i(t) ( L_i rho L_i^† - ½ {L_i^† L_i, rho} ),   gamma_i(t) real, any sign
 * </pre>
 * <ol>
 * <li>If {@code sum_i L_i^† L_i} is not {@code a·1} (to a relative 1e-5, absolute 1e-8), an operator
 *     {@code L_extra = sqrt(a·1 - sum_i L_i^† L_i)} with rate 0 is added, {@code a} the largest
 *     eigenvalue of the sum, so that it is.</li>
 * <li>Every rate is shifted by {@code s(t) = 2 |min(0, gamma_1(t), ..., gamma_n(t))|}, and
 *     {@link McSolver} runs ordinary trajectories with the collapse operators
 *     {@code sqrt(gamma_i(t) + s(t)) L_i}, seeded and parallel as {@code mcsolve}.</li>
 * <li>Each trajectory carries the martingale
 *     {@code mu(t) = exp(a int_{t0}^t s) · prod_{jumps t_k < t} gamma_{i_k}(t_k) / (gamma_{i_k}(t_k) + s(t_k))},
 *     and {@code rho(t) = E[ mu(t) |psi(t)><psi(t)| ]}; see {@link NmMcResult}.</li>
 * </ol>
 * The integral of s is computed by adaptive Simpson quadrature between output times (relative
 * tolerance 1e-10). Improved sampling is not supported (nor is it in QuTiP 5.3).
 */
public final class NmMcSolver {

    private final List<Qobj> ops;
    private final List<DoubleUnaryOperator> rates;
    private final double a;
    private final McSolver mc;

    /**
     * @param hamiltonian Hamiltonian, constant or time-dependent
     * @param ops         the Lindblad operators L_i
     * @param rates       their rates gamma_i(t), real and of any sign, one per operator
     * @param options     Monte Carlo options (trajectories, seed, map, integrator); runs are kept
     *                    internally to weigh them
     * @throws NullPointerException     naming a null argument or element
     * @throws IllegalArgumentException when the lists differ in length, the dims disagree, or
     *                                  improved sampling is asked for
     */
    public NmMcSolver(QobjLike hamiltonian, List<Qobj> ops, List<DoubleUnaryOperator> rates, McOptions options) {
        String op = "nmMcsolve";
        if (hamiltonian == null) {
            throw new NullPointerException(op + ": hamiltonian is null");
        }
        if (ops == null) {
            throw new NullPointerException(op + ": ops is null");
        }
        if (rates == null) {
            throw new NullPointerException(op + ": rates is null");
        }
        if (options == null) {
            throw new NullPointerException(op + ": options is null");
        }
        if (ops.size() != rates.size()) {
            throw new IllegalArgumentException(op + ": " + ops.size() + " operators (ops) but " + rates.size()
                    + " rates; give one rate per operator");
        }
        if (options.improvedSampling()) {
            throw new IllegalArgumentException(op + ": improved sampling is not supported with negative rates");
        }
        Dims dims = hamiltonian.dims();
        List<Qobj> ls = new ArrayList<>();
        List<DoubleUnaryOperator> gs = new ArrayList<>();
        for (int k = 0; k < ops.size(); k++) {
            Qobj l = ops.get(k);
            if (l == null) {
                throw new NullPointerException(op + ": ops[" + k + "] is null");
            }
            if (rates.get(k) == null) {
                throw new NullPointerException(op + ": rates[" + k + "] is null");
            }
            if (!l.dims().equals(dims)) {
                throw new DimensionMismatchException(op + ": ops[" + k + "] and the Hamiltonian", l.dims(), dims);
            }
            ls.add(l);
            gs.add(rates.get(k));
        }
        double aParameter = 0;
        if (!ls.isEmpty()) {
            Qobj sum = null;
            for (Qobj l : ls) {
                Qobj ldl = l.dag().times(l);
                sum = sum == null ? ldl : sum.plus(ldl);
            }
            int n = dims.rows();
            double candidate = sum.tr().re() / n;
            Qobj id = Operators.qeyeLike(sum);
            if (closeTo(sum, id.times(candidate), 1e-5, 1e-8)) {
                aParameter = candidate;
            } else {
                Qobj.Eigen eig = sum.eigenstates();
                double[] e = eig.energies();
                aParameter = e[e.length - 1];
                // sqrt(a - S) from the eigen-decomposition: a - S is positive semidefinite
                Qobj extra = null;
                for (int i = 0; i < e.length; i++) {
                    double w = Math.sqrt(Math.max(0, aParameter - e[i]));
                    if (w == 0) {
                        continue;
                    }
                    Qobj v = eig.states().get(i);
                    Qobj term = v.times(v.dag()).times(w);
                    extra = extra == null ? term : extra.plus(term);
                }
                if (extra != null) {
                    ls.add(extra);
                    gs.add(t -> 0);
                }
            }
        }
        this.ops = List.copyOf(ls);
        this.rates = List.copyOf(gs);
        this.a = aParameter;
        List<QobjEvo> cOps = new ArrayList<>();
        for (int k = 0; k < this.ops.size(); k++) {
            DoubleUnaryOperator g = this.rates.get(k);
            cOps.add(QobjEvo.of(this.ops.get(k), t -> Math.sqrt(Math.max(0, g.applyAsDouble(t) + shift(t)))));
        }
        this.mc = new McSolver(hamiltonian, cOps, options.withKeepRuns(true));
    }

    /**
     * QuTiP's {@code nm_mcsolve(H, state, tlist, ops_and_rates, e_ops, ntraj, ...)}: the one-shot
     * form of {@code new NmMcSolver(h, ops, rates, options).run(psi0, tlist, eOps)}.
     *
     * @param h       Hamiltonian, constant or time-dependent
     * @param psi0    initial ket or density matrix
     * @param tlist   output times
     * @param ops     Lindblad operators L_i
     * @param rates   their rates gamma_i(t), of any sign
     * @param eOps    operators whose weighted averages are recorded
     * @param options Monte Carlo options (ntraj, seed, map, integrator)
     * @return the weighted averages
     */
    public static NmMcResult nmMcsolve(QobjLike h, Qobj psi0, double[] tlist, List<Qobj> ops,
                                       List<DoubleUnaryOperator> rates, List<Qobj> eOps, McOptions options) {
        if (psi0 == null) {
            throw new NullPointerException("nmMcsolve: psi0 is null");
        }
        if (tlist == null) {
            throw new NullPointerException("nmMcsolve: tlist is null");
        }
        if (eOps == null) {
            throw new NullPointerException("nmMcsolve: eOps is null");
        }
        return new NmMcSolver(h, ops, rates, options).run(psi0, tlist, eOps);
    }

    private static boolean closeTo(Qobj x, Qobj y, double rtol, double atol) {
        int n = x.dims().rows();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                dev.lindblad.Complex p = x.get(i, j), q = y.get(i, j);
                double d = Math.hypot(p.re() - q.re(), p.im() - q.im());
                if (d > atol + rtol * Math.hypot(q.re(), q.im())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** @return {@code s(t) = 2 |min(0, gamma_i(t))|} */
    double shift(double t) {
        double min = 0;
        for (DoubleUnaryOperator g : rates) {
            double v = g.applyAsDouble(t);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("nmMcsolve: a rate is " + v + " at t = " + t);
            }
            min = Math.min(min, v);
        }
        return -2 * min;
    }

    /** @return the completeness constant a, {@code sum_i L_i^† L_i = a·1} (with the extra operator) */
    public double completenessConstant() {
        return a;
    }

    /** @return the Lindblad operators used, with the extra one last when it was added */
    public List<Qobj> operators() {
        return ops;
    }

    /**
     * Runs the trajectories and weighs them by their martingales.
     *
     * @param psi0  initial ket or density matrix
     * @param tlist output times, non-decreasing
     * @param eOps  operators whose weighted averages are recorded
     * @return the weighted averages, the average martingale and the trajectories
     */
    public NmMcResult run(Qobj psi0, double[] tlist, List<Qobj> eOps) {
        String op = "nmMcsolve";
        if (psi0 == null) {
            throw new NullPointerException(op + ": psi0 is null");
        }
        if (tlist == null) {
            throw new NullPointerException(op + ": tlist is null");
        }
        McResult r = mc.run(psi0, tlist, eOps);
        double[] times = r.times();
        int nt = times.length;
        double[] continuous = new double[nt];
        continuous[0] = 1;
        for (int i = 1; i < nt; i++) {
            continuous[i] = continuous[i - 1] * Math.exp(a * integrate(times[i - 1], times[i]));
        }
        List<List<Collapse>> jumps = r.collapses();
        int ntraj = jumps.size();
        double[][] weights = new double[ntraj][nt];
        for (int j = 0; j < ntraj; j++) {
            List<Collapse> cs = jumps.get(j);
            double[] factors = new double[cs.size()];
            for (int c = 0; c < factors.length; c++) {
                Collapse jump = cs.get(c);
                double g = rates.get(jump.channel()).applyAsDouble(jump.time());
                double den = g + shift(jump.time());
                factors[c] = den == 0 ? 0 : g / den;
            }
            for (int i = 0; i < nt; i++) {
                double d = 1;
                for (int c = 0; c < factors.length; c++) {
                    if (times[i] > cs.get(c).time()) {
                        d *= factors[c];
                    }
                }
                weights[j][i] = continuous[i] * d;
            }
        }
        int ne = r.numExpect();
        List<Result> runs = r.runs();
        double[][] mean = new double[ne][2 * nt];
        double[][] se = new double[ne][2 * nt];
        for (int k = 0; k < ne; k++) {
            double[][] x = new double[ntraj][];
            for (int j = 0; j < ntraj; j++) {
                x[j] = runs.get(j).expectComplex(k);
            }
            for (int c = 0; c < 2 * nt; c++) {
                double s = 0, q = 0;
                for (int j = 0; j < ntraj; j++) {
                    double v = weights[j][c / 2] * x[j][c];
                    s += v;
                    q += v * v;
                }
                mean[k][c] = s / ntraj;
                se[k][c] = standardError(s, q, ntraj);
            }
        }
        double[] trace = new double[nt];
        double[] traceError = new double[nt];
        for (int i = 0; i < nt; i++) {
            double s = 0, q = 0;
            for (int j = 0; j < ntraj; j++) {
                s += weights[j][i];
                q += weights[j][i] * weights[j][i];
            }
            trace[i] = s / ntraj;
            traceError[i] = standardError(s, q, ntraj);
        }
        return new NmMcResult(times, mean, se, trace, traceError, r);
    }

    private static double standardError(double sum, double sumSquares, int n) {
        if (n < 2) {
            return 0;
        }
        double m = sum / n;
        double var = Math.max(0, (sumSquares - n * m * m) / (n - 1));
        return Math.sqrt(var / n);
    }

    /** {@code int_t0^t1 s(t) dt} by adaptive Simpson quadrature. */
    double integrate(double t0, double t1) {
        if (t1 == t0) {
            return 0;
        }
        double f0 = shift(t0), f1 = shift(t1), fm = shift(0.5 * (t0 + t1));
        double whole = (t1 - t0) / 6 * (f0 + 4 * fm + f1);
        return simpson(t0, t1, f0, fm, f1, whole, 1e-12 * Math.max(1, Math.abs(t1 - t0)), 40);
    }

    private double simpson(double a0, double b0, double fa, double fm, double fb, double whole, double tol, int depth) {
        double m = 0.5 * (a0 + b0);
        double lm = 0.5 * (a0 + m), rm = 0.5 * (m + b0);
        double flm = shift(lm), frm = shift(rm);
        double left = (m - a0) / 6 * (fa + 4 * flm + fm);
        double right = (b0 - m) / 6 * (fm + 4 * frm + fb);
        double delta = left + right - whole;
        if (depth <= 0 || Math.abs(delta) <= 15 * tol) {
            return left + right + delta / 15;
        }
        return simpson(a0, m, fa, flm, fm, left, tol / 2, depth - 1) + simpson(m, b0, fm, frm, fb, right, tol / 2,
                depth - 1);
    }
}
