package dev.lindblad.solver;

import dev.lindblad.Complex;

/**
 * The result of {@link NmMcSolver}: trajectory averages weighted by the influence martingale,
 * as QuTiP 5's {@code NmmcResult}. With {@code mu_j(t)} the martingale of trajectory j and
 * {@code psi_j(t)} its normalised ket, {@code rho(t) ≈ (1/N) sum_j mu_j(t) |psi_j(t)><psi_j(t)|}, so
 * <pre>
 *   expect_k(t) = (1/N) sum_j mu_j(t) &lt;psi_j(t)| e_k |psi_j(t)&gt;,     trace(t) = (1/N) sum_j mu_j(t)
 * </pre>
 * (the trace tends to 1 as N grows); each comes with its standard error
 * {@code sqrt(var_j(mu_j x_j) / N)}.
 */
public final class NmMcResult {
    private final double[] times;
    private final double[][] mean;       // [k] interleaved complex per time
    private final double[][] stdError;   // [k] interleaved per time
    private final double[] trace;
    private final double[] traceError;
    private final McResult trajectories;

    NmMcResult(double[] times, double[][] mean, double[][] stdError, double[] trace, double[] traceError,
               McResult trajectories) {
        this.times = times;
        this.mean = mean;
        this.stdError = stdError;
        this.trace = trace;
        this.traceError = traceError;
        this.trajectories = trajectories;
    }

    /** @return the output times; a copy */
    public double[] times() {
        return times.clone();
    }

    /** @return the number of trajectories averaged */
    public int ntraj() {
        return trajectories.ntraj();
    }

    /** @return the number of e-ops */
    public int numExpect() {
        return mean.length;
    }

    /**
     * @param k index of the e-op
     * @return the real parts of the weighted averages of e-op k (for a Hermitian e-op the values are real)
     */
    public double[] expect(int k) {
        double[] m = row(mean, k);
        double[] out = new double[times.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = m[2 * i];
        }
        return out;
    }

    /** @return the weighted averages of e-op k, interleaved {@code (re, im)} per time; a copy */
    public double[] expectComplex(int k) {
        return row(mean, k).clone();
    }

    /** @return the standard error of the real part of {@link #expect(int)} at each time */
    public double[] standardError(int k) {
        double[] s = row(stdError, k);
        double[] out = new double[times.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = s[2 * i];
        }
        return out;
    }

    /** @return the average martingale {@code (1/N) sum_j mu_j(t)} at each time (tends to 1); a copy */
    public double[] trace() {
        return trace.clone();
    }

    /** @return the standard error of {@link #trace()} at each time; a copy */
    public double[] traceStandardError() {
        return traceError.clone();
    }

    /** @return the average of e-op k at time index i as a complex number */
    public Complex expectAt(int k, int i) {
        double[] m = row(mean, k);
        if (i < 0 || 2 * i >= m.length) {
            throw new IndexOutOfBoundsException("expectAt: time index " + i + " out of range: " + times.length + " times");
        }
        return new Complex(m[2 * i], m[2 * i + 1]);
    }

    /**
     * @return the trajectories of the shifted, positive-rate problem as {@link McSolver} ran them
     *         (their seeds, jumps and unweighted values)
     */
    public McResult trajectories() {
        return trajectories;
    }

    /** @return the seeds of the trajectories, in the order of {@link McResult#trajectoryIndices()} */
    public long[] seeds() {
        return trajectories.seeds();
    }

    private double[] row(double[][] m, int k) {
        if (k < 0 || k >= m.length) {
            throw new IndexOutOfBoundsException("e-op index " + k + " out of range: the run had " + m.length + " e-ops");
        }
        return m[k];
    }
}
