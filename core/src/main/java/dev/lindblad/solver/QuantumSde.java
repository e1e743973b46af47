package dev.lindblad.solver;

/**
 * The stochastic Schrödinger ({@link SseSystem}) or master ({@link SmeSystem}) equation of
 * QuTiP 5, for monitored operators {@code s_i} (for heterodyne detection already split into
 * {@code c/√2} and {@code -i c/√2}), with what the solvers need besides drift and diffusion:
 * the measured expectations {@code <s_i + s_i^†>} and the Rouchon step.
 */
abstract class QuantumSde extends SdeSystem {

    QuantumSde(int size, int noises) {
        super(size, noises);
    }

    /**
     * The state in the layout this equation integrates (every other method takes and returns
     * states in it), from an interleaved complex ket or column-major density matrix; a new
     * array. By default the layout is the interleaved one.
     */
    double[] internalState(double[] interleaved) {
        return interleaved.clone();
    }

    /** The state as interleaved complex numbers, from this equation's layout; a new array. */
    final double[] externalState(double[] internal) {
        return externalState(internal, new double[internal.length]);
    }

    /**
     * The state as interleaved complex numbers, from this equation's layout, written into
     * {@code out} (as long as the state, not {@code internal}): the trajectories reuse one
     * buffer for every output time instead of allocating one per output.
     *
     * @return out
     */
    double[] externalState(double[] internal, double[] out) {
        System.arraycopy(internal, 0, out, 0, internal.length);
        return out;
    }

    /** {@code out[i] = <s_i + s_i^†>} on the state as given ({@code ψ^†(s + s^†)ψ} or {@code tr((s + s^†)ρ)}). */
    abstract void measurementExpect(double t, double[] y, double[] out);

    /**
     * One step of Rouchon and Ralph's positivity-preserving scheme (PRA 91, 012118 (2015),
     * eq. 4): with {@code dy_i = <s_i + s_i^†> dt + dW_i} and
     * {@code K = 1 + M dt + sum_i s_i dy_i + sum_i s_i² (dy_i² - dt)/2 + sum_{i<j} s_i s_j dy_i dy_j}
     * (the order of QuTiP 5's products),
     * {@code M = -iH - ½ sum c^†c} (all operators), the ket becomes {@code Kψ/||Kψ||} and the
     * density matrix {@code (KρK^† + dt sum_c cρc^†)/tr(...)}.
     */
    abstract void rouchonStep(double t, double dt, double[] y, double[] dW, double[] out);

    /** A fresh instance with its own scratch buffers, sharing the (immutable) operators. */
    abstract QuantumSde forOneRun();

    /**
     * Real dot product, {@code Re <x|y>} for complex vectors in either layout (interleaved or
     * split: the same pairs of reals are multiplied). Four independent sums, so that the adds
     * do not wait on each other (a single sum is one long chain of dependent adds: the SSE
     * step evaluates four of these per step); a fixed order, so the bits depend only on x, y.
     */
    static double dot(double[] x, double[] y) {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int len = x.length, k = 0;
        for (; k + 3 < len; k += 4) {
            s0 += x[k] * y[k];
            s1 += x[k + 1] * y[k + 1];
            s2 += x[k + 2] * y[k + 2];
            s3 += x[k + 3] * y[k + 3];
        }
        for (; k < len; k++) {
            s0 += x[k] * y[k];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
