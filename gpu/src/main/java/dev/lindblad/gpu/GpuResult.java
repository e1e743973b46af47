package dev.lindblad.gpu;

import dev.lindblad.Qobj;

/**
 * What {@link GpuMesolve} returns: the expectation values at the output times (computed on the
 * device; only these scalars come back during the run), the final state, and the step counts.
 *
 * @param times      the output times
 * @param expectRe   {@code expectRe[k][i]} = Re Tr(e_k ρ(t_i))
 * @param expectIm   {@code expectIm[k][i]} = Im Tr(e_k ρ(t_i)) (zero up to rounding for Hermitian e_k)
 * @param finalState ρ at the last output time (copied back once, at the end)
 * @param steps      accepted steps
 * @param rejected   rejected steps
 * @param rhsCalls   products with the Liouvillian
 * @param device     where it ran: the GPU's name, or {@code "host (Java twin)"}
 */
public record GpuResult(double[] times, double[][] expectRe, double[][] expectIm, Qobj finalState, long steps,
                        long rejected, long rhsCalls, String device) {

    /**
     * @param k the e-op's index
     * @return {@code Re Tr(e_k ρ(t_i))} at every output time
     */
    public double[] expect(int k) {
        return expectRe[k];
    }
}
