package dev.lindblad.solver;

import dev.lindblad.Complex;

/**
 * A normalised coherence function and its unnormalised correlation, as QuTiP's pair
 * {@code (g, G)} returned by {@code coherence_function_g1} and {@code coherence_function_g2}:
 * <pre>
 *   G1(tau) = &lt;a^†(tau) a(0)&gt;,                 g1(tau) = G1(tau) / sqrt(n(0) n(tau))
 *   G2(tau) = &lt;a^†(0) a^†(tau) a(tau) a(0)&gt;,    g2(tau) = G2(tau) / (n(0) n(tau))
 * </pre>
 * with {@code n(tau) = <a^† a>(tau)} (the steady-state value at every tau when the initial state
 * is the steady state).
 */
public final class CoherenceFunction {
    private final Complex[] normalized;
    private final Complex[] unnormalized;

    CoherenceFunction(Complex[] normalized, Complex[] unnormalized) {
        this.normalized = normalized;
        this.unnormalized = unnormalized;
    }

    /** @return g(tau) at each tau of the call (QuTiP's first return value); a copy */
    public Complex[] normalized() {
        return normalized.clone();
    }

    /** @return G(tau) at each tau of the call (QuTiP's second return value); a copy */
    public Complex[] unnormalized() {
        return unnormalized.clone();
    }
}
