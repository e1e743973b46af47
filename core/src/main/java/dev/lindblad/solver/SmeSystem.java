package dev.lindblad.solver;

/**
 * QuTiP 5's stochastic master equation for a density matrix ρ (n×n, column-major
 * interleaved):
 * <pre>
 * dρ = L(ρ) dt + sum_i (s_i ρ + ρ s_i^† - e_i ρ) dW_i,   e_i = tr(s_i ρ + ρ s_i^†),
 * L(ρ) = Aρ + ρA^† + sum_{c ∈ cOps ∪ sOps} cρc^†,     A = -iH - ½ sum c^†c.
 * </pre>
 * With constant operators the drift is one product of the sparse Liouvillian (n²×n², in the
 * storage {@link dev.lindblad.data.Data#prepareProduct} chooses) with vec(ρ). With
 * time-dependent ones it is formed by products on ρ: every state the methods form is a real
 * combination of Hermitian matrices, so ρ stays Hermitian and the products are halved: {@code ρA^† = (Aρ)^†}, {@code ρ s^† = (sρ)^†},
 * {@code cρc^† = c (cρ)^†}; every result is made exactly Hermitian ({@code (Z + Z^†)/2}).
 */
final class SmeSystem extends QuantumSde {
    private final int n;
    private final EvoOp a;
    private final EvoOp[] c;
    private final EvoOp[] s;
    /** The constant Liouvillian on vec(ρ), prepared for repeated products; null when time-dependent. */
    private final dev.lindblad.data.LinearMap liouvillian;
    /** {@code s_i ρ + ρ s_i^†} as prepared superoperators on vec(ρ); null when time-dependent. */
    private final dev.lindblad.data.LinearMap[] diffusionMaps;
    /**
     * Whether the state is held in split layout (the n² real parts, then the n² imaginary
     * parts, column-major) rather than interleaved: with constant operators, so that the
     * prepared products need no de-interleaving (see {@link #internalState}).
     */
    private final boolean split;
    private final double[] ar, x, xd, z, kr, kd, comb;
    private final double[][] xs;
    /** The linear solve of the implicit methods with the Liouvillian L(t); null when not set up. */
    private final ImplicitSolve implicit;

    /**
     * @param liouvillian the constant Liouvillian as a superoperator on vec(ρ) (null: the drift
     *                    by products, for time-dependent operators)
     * @param diffusionMaps {@code s_i ρ + ρ s_i^†} as superoperators on vec(ρ), one per
     *                    monitored operator (null: by products on ρ, for time-dependent operators)
     * @param implicit    the solve {@code (I - s L(t)) x = r} of the implicit methods (null: none)
     * @param split       hold the state in split layout (needs the Liouvillian and the diffusion
     *                    maps; every method works in it, the Rouchon and implicit steps by
     *                    converting)
     */
    SmeSystem(int n, EvoOp a, EvoOp[] c, EvoOp[] s, dev.lindblad.data.LinearMap liouvillian,
              dev.lindblad.data.LinearMap[] diffusionMaps, ImplicitSolve implicit, boolean split) {
        super(2 * n * n, s.length);
        if (diffusionMaps != null && diffusionMaps.length != s.length) {
            throw new IllegalArgumentException("SmeSystem: " + diffusionMaps.length + " diffusion maps for "
                    + s.length + " monitored operators");
        }
        this.liouvillian = liouvillian;
        this.diffusionMaps = diffusionMaps;
        if (split && (liouvillian == null || diffusionMaps == null)) {
            throw new IllegalArgumentException("SmeSystem: the split layout needs the constant Liouvillian and the "
                    + "diffusion maps");
        }
        this.split = split;
        this.implicit = implicit;
        this.n = n;
        this.a = a;
        this.c = c;
        this.s = s;
        int len = 2 * n * n;
        ar = new double[len];
        x = new double[len];
        xd = new double[len];
        z = new double[len];
        kr = new double[len];
        kd = new double[len];
        comb = new double[len];
        xs = new double[s.length][len];
    }

    /** Whether the state is in split layout. */
    boolean split() {
        return split;
    }

    @Override
    QuantumSde forOneRun() {
        return new SmeSystem(n, a, c, s, liouvillian, diffusionMaps, implicit, split);
    }

    @Override
    boolean isTimeDependent() {
        if (!a.isConstant()) {
            return true;
        }
        for (EvoOp op : c) {
            if (!op.isConstant()) {
                return true;
            }
        }
        for (EvoOp op : s) {
            if (!op.isConstant()) {
                return true;
            }
        }
        return false;
    }

    /** {@code dst = src^†}. */
    private void adjoint(double[] src, double[] dst) {
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                int p = 2 * (j * n + i), q = 2 * (i * n + j);
                dst[q] = src[p];
                dst[q + 1] = -src[p + 1];
            }
        }
    }

    /** {@code out = scale (src + src^†) + (accumulate ? out : 0)}; out must differ from src. */
    private void hermitianPart(double[] src, double scale, double[] out, boolean accumulate) {
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                int p = 2 * (j * n + i), q = 2 * (i * n + j);
                double re = scale * (src[p] + src[q]);
                double im = scale * (src[p + 1] - src[q + 1]);
                if (accumulate) {
                    out[p] += re;
                    out[p + 1] += im;
                } else {
                    out[p] = re;
                    out[p + 1] = im;
                }
            }
        }
    }

    private double traceInterleaved(double[] m) {
        double tr = 0;
        for (int i = 0; i < n; i++) {
            tr += m[2 * (i * n + i)];
        }
        return tr;
    }

    /** The real part of the trace of a state in this equation's layout. */
    private double trace(double[] m) {
        if (!split) {
            return traceInterleaved(m);
        }
        double tr = 0;
        for (int i = 0; i < n; i++) {
            tr += m[i * n + i];
        }
        return tr;
    }

    /** {@code out = s_k v + v s_k^†} by the prepared superoperator, in this equation's layout. */
    private void diffusionProduct(int k, double[] v, double[] out) {
        if (split) {
            dev.lindblad.data.Data.matvecSplitLayout(diffusionMaps[k], v, out);
        } else {
            dev.lindblad.data.Data.matvec(diffusionMaps[k], v, 0, out, 0, 1, 0, 0, 0);
        }
    }

    /** {@code e_k(v) = tr(s_k v + v s_k^†)} for a state v in this equation's layout. */
    private double measured(double t, int k, double[] v) {
        if (diffusionMaps != null) {
            diffusionProduct(k, v, z);
            return trace(z);
        }
        s[k].apply(t, v, n, z, 1, 0, false);
        return 2 * traceInterleaved(z);
    }

    @Override
    double[] internalState(double[] interleaved) {
        double[] out = new double[interleaved.length];
        if (split) {
            toSplit(interleaved, out);
        } else {
            System.arraycopy(interleaved, 0, out, 0, out.length);
        }
        return out;
    }

    @Override
    double[] externalState(double[] internal, double[] out) {
        if (split) {
            toInterleaved(internal, out);
        } else {
            System.arraycopy(internal, 0, out, 0, out.length);
        }
        return out;
    }

    private void toSplit(double[] interleaved, double[] out) {
        int m = n * n;
        for (int k = 0; k < m; k++) {
            out[k] = interleaved[2 * k];
            out[m + k] = interleaved[2 * k + 1];
        }
    }

    private void toInterleaved(double[] split, double[] out) {
        int m = n * n;
        for (int k = 0; k < m; k++) {
            out[2 * k] = split[k];
            out[2 * k + 1] = split[m + k];
        }
    }

    /** {@code out += scale · op ρ op^†} from {@code xρ = op ρ} (given), made Hermitian. */
    private void addSandwich(double t, EvoOp op, double[] opRho, double scale, double[] out) {
        adjoint(opRho, xd);
        op.apply(t, xd, n, z, 1, 0, false);
        hermitianPart(z, 0.5 * scale, out, true);
    }

    @Override
    void evaluate(double t, double[] y, double[] drift, double[][] diffusion) {
        boolean bySuper = drift != null && liouvillian != null;
        if (bySuper) {
            // one sparse product on vec(ρ): measured 2-3 times faster than the products below (N = 50)
            if (split) {
                dev.lindblad.data.Data.matvecSplitLayout(liouvillian, y, drift);
            } else {
                dev.lindblad.data.Data.matvec(liouvillian, y, 0, drift, 0, 1, 0, 0, 0);
            }
        } else if (drift != null) {
            a.apply(t, y, n, ar, 1, 0, false);
            hermitianPart(ar, 1, drift, false);
            for (EvoOp op : c) {
                op.apply(t, y, n, x, 1, 0, false);
                addSandwich(t, op, x, 1, drift);
            }
        }
        if (liouvillian != null && diffusionMaps != null) {
            for (int i = 0; diffusion != null && i < s.length; i++) {
                // b_i = (s_i ρ + ρ s_i^†) - e_i ρ with e_i the trace of the first term
                double[] bi = diffusion[i];
                diffusionProduct(i, y, bi);
                double e = trace(bi);
                for (int k = 0; k < bi.length; k++) {
                    bi[k] -= e * y[k];
                }
            }
            return;
        }
        for (int i = 0; i < s.length && (diffusion != null || !bySuper); i++) {
            s[i].apply(t, y, n, x, 1, 0, false);
            if (diffusion != null) {
                double e = 2 * traceInterleaved(x);
                double[] bi = diffusion[i];
                hermitianPart(x, 1, bi, false);
                for (int k = 0; k < bi.length; k++) {
                    bi[k] -= e * y[k];
                }
            }
            if (drift != null && !bySuper) {
                addSandwich(t, s[i], x, 1, drift);
            }
        }
    }

    /** {@code Db_j[v] = s_j v + v s_j^† - e_j(v) ρ - e_j(ρ) v}. */
    @Override
    void diffusionDerivative(double t, double[] y, int j, double[] v, double[] out) {
        if (diffusionMaps != null) {
            diffusionProduct(j, y, z);
            double ey = trace(z);
            diffusionProduct(j, v, out);
            double ev = trace(out);
            for (int k = 0; k < out.length; k++) {
                out[k] -= ev * y[k] + ey * v[k];
            }
            return;
        }
        s[j].apply(t, y, n, z, 1, 0, false);
        double ey = 2 * traceInterleaved(z);
        s[j].apply(t, v, n, x, 1, 0, false);
        double ev = 2 * traceInterleaved(x);
        hermitianPart(x, 1, out, false);
        for (int k = 0; k < out.length; k++) {
            out[k] -= ev * y[k] + ey * v[k];
        }
    }

    @Override
    boolean hasSecondDerivatives() {
        return true;
    }

    /** The drift is linear: {@code Da[v] = L(v)}. */
    @Override
    void driftDerivative(double t, double[] y, double[] v, double[] out) {
        evaluate(t, v, out, null);
    }

    /** The drift is linear, {@code L(t)ρ}: the implicit methods apply once their solve is set up. */
    @Override
    boolean hasLinearDrift() {
        return implicit != null;
    }

    /** {@code out = (I - scale L(t))^{-1} rhs}, by {@link ImplicitSolve}. */
    @Override
    void solveImplicit(double t, double scale, double[] rhs, double[] out) {
        if (!split) {
            implicit.solve(t, scale, rhs, out);
            return;
        }
        toInterleaved(rhs, kr);
        implicit.solve(t, scale, kr, kd);
        toSplit(kd, out);
    }

    /** The drift is linear: {@code D²a = 0}. */
    @Override
    void addDriftSecondDerivative(double t, double[] y, double[] u, double[] v, double scale, double[] out) {
    }

    /** {@code D²b_k[u, v] = -e_k(u) v - e_k(v) u}. */
    @Override
    void addDiffusionSecondDerivative(double t, double[] y, int k, double[] u, double[] v, double scale, double[] out) {
        double eu = measured(t, k, u);
        double ev = measured(t, k, v);
        for (int p = 0; p < out.length; p++) {
            out[p] -= scale * (eu * v[p] + ev * u[p]);
        }
    }

    /**
     * {@code ½ sum_k D²b_i[b_k, b_k] = -sum_k e_i(b_k) b_k}, as QuTiP 5 forms it: for
     * {@code k < i} with {@code e_k(b_i)} in place of {@code e_i(b_k)} (it stores
     * {@code e_i(b_j)} for {@code i <= j} only; the same for commuting noise).
     */
    @Override
    void addL0bCurvature(double t, double[] y, int i, double[][] b, double[] out) {
        for (int k = 0; k < b.length; k++) {
            int p = Math.min(i, k);
            double e = measured(t, p, b[Math.max(i, k)]);
            double[] bk = b[k];
            for (int q = 0; q < out.length; q++) {
                out[q] -= e * bk[q];
            }
        }
    }

    @Override
    void measurementExpect(double t, double[] y, double[] out) {
        for (int i = 0; i < s.length; i++) {
            out[i] = measured(t, i, y);
        }
    }

    /** {@code out = K y} for the Rouchon operator K (see {@link QuantumSde#rouchonStep}). */
    private void applyK(double t, double dt, double[] dy, double[] y, double[] out) {
        a.apply(t, y, n, out, dt, 0, false);
        for (int i = 0; i < s.length; i++) {
            s[i].apply(t, y, n, xs[i], 1, 0, false);
        }
        for (int i = 0; i < s.length; i++) {
            double[] xi = xs[i];
            for (int k = 0; k < out.length; k++) {
                out[k] += dy[i] * xi[k];
            }
            double ci = 0.5 * (dy[i] * dy[i] - dt);
            for (int k = 0; k < comb.length; k++) {
                comb[k] = ci * xi[k];
            }
            for (int j = i + 1; j < s.length; j++) {   // s_i s_j for i < j, QuTiP's order
                double cij = dy[i] * dy[j];
                double[] xj = xs[j];
                for (int k = 0; k < comb.length; k++) {
                    comb[k] += cij * xj[k];
                }
            }
            s[i].apply(t, comb, n, out, 1, 0, true);
        }
        for (int k = 0; k < out.length; k++) {
            out[k] += y[k];
        }
    }

    @Override
    void rouchonStep(double t, double dt, double[] y, double[] dW, double[] out) {
        if (!split) {
            rouchonInterleaved(t, dt, y, dW, out);
            return;
        }
        double[] yi = new double[y.length], oi = new double[y.length];
        toInterleaved(y, yi);
        rouchonInterleaved(t, dt, yi, dW, oi);
        toSplit(oi, out);
    }

    private void rouchonInterleaved(double t, double dt, double[] y, double[] dW, double[] out) {
        double[] dy = new double[s.length];
        double tr = traceInterleaved(y);
        for (int i = 0; i < s.length; i++) {
            s[i].apply(t, y, n, x, 1, 0, false);
            dy[i] = 2 * traceInterleaved(x) / tr * dt + dW[i];
        }
        applyK(t, dt, dy, y, kr);          // K ρ
        adjoint(kr, kd);                   // ρ K^†
        applyK(t, dt, dy, kd, ar);         // K ρ K^†
        hermitianPart(ar, 0.5, out, false);
        for (EvoOp op : c) {
            op.apply(t, y, n, x, 1, 0, false);
            addSandwich(t, op, x, dt, out);
        }
        double total = traceInterleaved(out);
        double inv = 1 / total;
        for (int k = 0; k < out.length; k++) {
            out[k] *= inv;
        }
    }
}
