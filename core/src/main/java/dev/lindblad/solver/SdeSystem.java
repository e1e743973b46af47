package dev.lindblad.solver;

/**
 * An Itô stochastic differential equation {@code dy = a(t, y) dt + sum_i b_i(t, y) dW_i} on a
 * real vector y (a ket or a density matrix, interleaved), with the directional derivatives the
 * higher-order methods need: {@code Db_j(y)[v]} ({@code L^i b_j = Db_j[b_i]}), and for the
 * order-1.5 Itô–Taylor scheme {@code Da[v]}, {@code D²a[u, v]} and {@code D²b_k[u, v]}.
 * An instance holds scratch buffers: one trajectory at a time.
 */
abstract class SdeSystem {
    /** Length of the real state vector. */
    final int size;
    /** Number of independent Wiener processes. */
    final int noises;

    SdeSystem(int size, int noises) {
        this.size = size;
        this.noises = noises;
    }

    /**
     * Writes the drift (when {@code drift} is not null) and the diffusions (when
     * {@code diffusion} is not null) at (t, y).
     */
    abstract void evaluate(double t, double[] y, double[] drift, double[][] diffusion);

    /** {@code out = Db_j(t, y)[v]}, the derivative of diffusion j at y along v. */
    abstract void diffusionDerivative(double t, double[] y, int j, double[] v, double[] out);

    /** @return whether the second derivatives of the order-1.5 Itô–Taylor scheme are known */
    boolean hasSecondDerivatives() {
        return false;
    }

    /** {@code out = Da(t, y)[v]}. */
    void driftDerivative(double t, double[] y, double[] v, double[] out) {
        throw new UnsupportedOperationException("driftDerivative");
    }

    /** {@code out += scale · D²a(t, y)[u, v]}. */
    void addDriftSecondDerivative(double t, double[] y, double[] u, double[] v, double scale, double[] out) {
        throw new UnsupportedOperationException("addDriftSecondDerivative");
    }

    /** {@code out += scale · D²b_k(t, y)[u, v]}. */
    void addDiffusionSecondDerivative(double t, double[] y, int k, double[] u, double[] v, double scale, double[] out) {
        throw new UnsupportedOperationException("addDiffusionSecondDerivative");
    }

    /**
     * @return whether the drift is linear in the state, {@code a(t, y) = A(t) y}, with the solve
     *         of {@link #solveImplicit} set up (what the drift-implicit methods need)
     */
    boolean hasLinearDrift() {
        return false;
    }

    /**
     * Writes {@code out} with {@code (I - scale A(t)) out = rhs}, for a linear drift
     * {@code a(t, y) = A(t) y} ({@link #hasLinearDrift()}).
     *
     * @param out may be rhs
     */
    void solveImplicit(double t, double scale, double[] rhs, double[] out) {
        throw new UnsupportedOperationException("solveImplicit");
    }

    /**
     * {@code out += ½ sum_k D²b_i[b_k, b_k]}, the second-order part of {@code L⁰b_i}, with the
     * diffusions {@code b} at (t, y). A system may take another form that agrees for commuting
     * noise ({@link SmeSystem} follows QuTiP 5's).
     */
    void addL0bCurvature(double t, double[] y, int i, double[][] b, double[] out) {
        for (int k = 0; k < noises; k++) {
            addDiffusionSecondDerivative(t, y, i, b[k], b[k], 0.5, out);
        }
    }

    /** @return whether the drift and diffusions depend on t explicitly */
    abstract boolean isTimeDependent();
}
