package dev.lindblad.solver;

/**
 * QuTiP 5's stochastic Schrödinger equation for a ket ψ (diffusive unravelling, homodyne
 * current of each monitored operator s_i):
 * <pre>
 * dψ = [Mψ + sum_i (e_i/2 s_i - e_i²/8) ψ] dt + sum_i (s_i - e_i/2) ψ dW_i,
 * M = -iH - ½ sum_i s_i^† s_i,   e_i = &lt;ψ|s_i + s_i^†|ψ&gt;.
 * </pre>
 * The state is a real vector of length 2n; e_i is quadratic and the equation nonlinear.
 */
final class SseSystem extends QuantumSde {
    private final int n;
    private final EvoOp m;
    private final EvoOp[] s;
    /**
     * M and the s_i prepared for products in split layout (the n real parts, then the n
     * imaginary parts); null unless every operator is constant and banded. With them the state
     * is held in that layout (see {@link #internalState}): the products then need no
     * de-interleaving, and every other operation on the state is element by element or a real
     * dot product, the same in either layout.
     */
    private final dev.lindblad.data.LinearMap mMap;
    private final dev.lindblad.data.LinearMap[] sMaps;
    private final double[][] x;
    private final double[] w;
    private final double[] e;
    private final double[] comb;

    SseSystem(int n, EvoOp m, EvoOp[] s) {
        this(n, m, s, splitMap(m), splitMaps(s));
    }

    private SseSystem(int n, EvoOp m, EvoOp[] s, dev.lindblad.data.LinearMap mMap,
                      dev.lindblad.data.LinearMap[] sMaps) {
        super(2 * n, s.length);
        this.n = n;
        this.m = m;
        this.s = s;
        this.mMap = sMaps == null ? null : mMap;
        this.sMaps = mMap == null ? null : sMaps;
        this.x = new double[s.length][2 * n];
        this.w = new double[2 * n];
        this.e = new double[s.length];
        this.comb = new double[2 * n];
    }

    private static dev.lindblad.data.LinearMap splitMap(EvoOp op) {
        return op.isConstant() && op.constantMatrix() != null
                ? dev.lindblad.data.Data.prepareSplitLayout(op.constantMatrix()) : null;
    }

    private static dev.lindblad.data.LinearMap[] splitMaps(EvoOp[] ops) {
        dev.lindblad.data.LinearMap[] maps = new dev.lindblad.data.LinearMap[ops.length];
        for (int i = 0; i < ops.length; i++) {
            maps[i] = splitMap(ops[i]);
            if (maps[i] == null) {
                return null;
            }
        }
        return maps;
    }

    @Override
    QuantumSde forOneRun() {
        return new SseSystem(n, m, s, mMap, sMaps);
    }

    /** Whether the state is in split layout. */
    boolean split() {
        return mMap != null;
    }

    @Override
    double[] internalState(double[] interleaved) {
        if (!split()) {
            return interleaved.clone();
        }
        double[] out = new double[2 * n];
        for (int k = 0; k < n; k++) {
            out[k] = interleaved[2 * k];
            out[n + k] = interleaved[2 * k + 1];
        }
        return out;
    }

    @Override
    double[] externalState(double[] internal, double[] out) {
        if (!split()) {
            System.arraycopy(internal, 0, out, 0, 2 * n);
            return out;
        }
        for (int k = 0; k < n; k++) {
            out[2 * k] = internal[k];
            out[2 * k + 1] = internal[n + k];
        }
        return out;
    }

    /** {@code out = s_i v} in this equation's layout. */
    private void applyS(double t, int i, double[] v, double[] out) {
        if (sMaps != null) {
            dev.lindblad.data.Data.matvecSplitLayout(sMaps[i], v, out);
        } else {
            s[i].apply(t, v, 1, out, 1, 0, false);
        }
    }

    /** {@code out = M v} in this equation's layout. */
    private void applyM(double t, double[] v, double[] out) {
        if (mMap != null) {
            dev.lindblad.data.Data.matvecSplitLayout(mMap, v, out);
        } else {
            m.apply(t, v, 1, out, 1, 0, false);
        }
    }

    @Override
    boolean isTimeDependent() {
        if (!m.isConstant()) {
            return true;
        }
        for (EvoOp op : s) {
            if (!op.isConstant()) {
                return true;
            }
        }
        return false;
    }

    @Override
    void evaluate(double t, double[] y, double[] drift, double[][] diffusion) {
        for (int i = 0; i < s.length; i++) {
            applyS(t, i, y, x[i]);
            e[i] = 2 * dot(y, x[i]);
        }
        if (drift != null) {
            applyM(t, y, drift);
            for (int i = 0; i < s.length; i++) {
                double h = 0.5 * e[i], q = -0.125 * e[i] * e[i];
                double[] xi = x[i];
                for (int k = 0; k < drift.length; k++) {
                    drift[k] += h * xi[k] + q * y[k];
                }
            }
        }
        if (diffusion != null) {
            for (int i = 0; i < s.length; i++) {
                double h = -0.5 * e[i];
                double[] xi = x[i], bi = diffusion[i];
                for (int k = 0; k < bi.length; k++) {
                    bi[k] = xi[k] + h * y[k];
                }
            }
        }
    }

    /**
     * {@code Db_j[v] = s_j v - (e_j/2) v - (De_j[v]/2) ψ} with
     * {@code De_j[v] = 2 Re(<v|s_j ψ> + <ψ|s_j v>)}.
     */
    @Override
    void diffusionDerivative(double t, double[] y, int j, double[] v, double[] out) {
        applyS(t, j, y, w);
        double ej = 2 * dot(y, w);
        double dej = 2 * dot(v, w);
        applyS(t, j, v, out);
        dej += 2 * dot(y, out);
        for (int k = 0; k < out.length; k++) {
            out[k] += -0.5 * ej * v[k] - 0.5 * dej * y[k];
        }
    }

    @Override
    void measurementExpect(double t, double[] y, double[] out) {
        for (int i = 0; i < s.length; i++) {
            applyS(t, i, y, w);
            out[i] = 2 * dot(y, w);
        }
    }

    @Override
    void rouchonStep(double t, double dt, double[] y, double[] dW, double[] out) {
        int ns = s.length;
        double[] dy = new double[ns];
        double norm = dot(y, y);
        for (int i = 0; i < ns; i++) {
            applyS(t, i, y, x[i]);
            dy[i] = 2 * dot(y, x[i]) / norm * dt + dW[i];
        }
        applyM(t, y, out);
        for (int k = 0; k < out.length; k++) {
            out[k] *= dt;
        }
        for (int i = 0; i < ns; i++) {
            double[] xi = x[i];
            double d = dy[i];
            for (int k = 0; k < out.length; k++) {
                out[k] += d * xi[k];
            }
            double ci = 0.5 * (dy[i] * dy[i] - dt);
            for (int k = 0; k < comb.length; k++) {
                comb[k] = ci * xi[k];
            }
            for (int j = i + 1; j < ns; j++) {   // s_i s_j for i < j, QuTiP's order
                double cij = dy[i] * dy[j];
                double[] xj = x[j];
                for (int k = 0; k < comb.length; k++) {
                    comb[k] += cij * xj[k];
                }
            }
            applyS(t, i, comb, w);
            for (int k = 0; k < out.length; k++) {
                out[k] += w[k];
            }
        }
        double total = 0;
        for (int k = 0; k < out.length; k++) {
            out[k] += y[k];
            total += out[k] * out[k];
        }
        double inv = 1 / Math.sqrt(total);
        for (int k = 0; k < out.length; k++) {
            out[k] *= inv;
        }
    }
}
