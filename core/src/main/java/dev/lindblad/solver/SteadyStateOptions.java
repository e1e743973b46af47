package dev.lindblad.solver;

import java.util.List;

/**
 * Options of {@link SteadyStateSolver}, with QuTiP's names and defaults where QuTiP has them.
 *
 * @param method        {@code "auto"} (by size: dense LU up to {@link #DENSE_LIMIT} unknowns, else
 *                      ILUT-preconditioned GMRES with the sparse LU as fallback), {@code "direct"}, {@code "eigen"},
 *                      {@code "power"}, {@code "iterative-gmres"} or {@code "iterative-bicgstab"}
 * @param tol           target of the iterative methods (relative residual) and of power iteration
 *                      (1e-12)
 * @param maxIter       most iterations of the iterative and power methods (1000)
 * @param dropTol       ILUT drop tolerance of the preconditioner (1e-4, as QuTiP's {@code drop_tol})
 * @param fillFactor    ILUT fill factor (10, as QuTiP's {@code fill_factor})
 * @param restart       GMRES restart length (20)
 * @param residualLimit largest accepted residual {@code max|L vec(rho)|} relative to {@code max|L|};
 *                      a larger one throws {@link SteadyStateException} (1e-6)
 */
public record SteadyStateOptions(String method, double tol, int maxIter, double dropTol, double fillFactor,
                                 int restart, double residualLimit) {

    /** Largest Liouvillian dimension (N² unknowns) solved by dense LU under {@code "auto"}. */
    public static final int DENSE_LIMIT = 400;
    /** The methods understood. */
    public static final List<String> METHODS = List.of("auto", "direct", "eigen", "power", "iterative-gmres",
            "iterative-bicgstab");

    /**
     * Checks the fields, so a wither refuses a bad value at once: NaN and infinity are refused.
     *
     * @throws IllegalArgumentException naming the field and the value
     * @throws NullPointerException     when {@code method} is null
     */
    public SteadyStateOptions {
        java.util.Objects.requireNonNull(method, "steady-state method is null; expected one of " + METHODS);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("unknown steady-state method '" + method + "'; expected one of " + METHODS);
        }
        if (!(tol > 0) || !Double.isFinite(tol)) {
            throw new IllegalArgumentException("tol must be finite and > 0, got " + tol);
        }
        if (maxIter < 1) {
            throw new IllegalArgumentException("maxIter must be >= 1, got " + maxIter);
        }
        if (!(dropTol >= 0) || !Double.isFinite(dropTol)) {
            throw new IllegalArgumentException("dropTol must be finite and >= 0, got " + dropTol);
        }
        if (!(fillFactor >= 1) || !Double.isFinite(fillFactor)) {
            throw new IllegalArgumentException("fillFactor must be finite and >= 1, got " + fillFactor);
        }
        if (restart < 1) {
            throw new IllegalArgumentException("restart must be >= 1, got " + restart);
        }
        if (!(residualLimit > 0) || !Double.isFinite(residualLimit)) {
            throw new IllegalArgumentException("residualLimit must be finite and > 0, got " + residualLimit);
        }
    }

    /** @return the defaults */
    public static SteadyStateOptions defaults() {
        return new SteadyStateOptions("auto", 1e-12, 1000, 1e-4, 10, 20, 1e-6);
    }

    /** @return a copy with {@code method} */
    public SteadyStateOptions withMethod(String v) {
        return new SteadyStateOptions(v, tol, maxIter, dropTol, fillFactor, restart, residualLimit);
    }

    /** @return a copy with {@code tol} */
    public SteadyStateOptions withTol(double v) {
        return new SteadyStateOptions(method, v, maxIter, dropTol, fillFactor, restart, residualLimit);
    }

    /** @return a copy with {@code maxIter} */
    public SteadyStateOptions withMaxIter(int v) {
        return new SteadyStateOptions(method, tol, v, dropTol, fillFactor, restart, residualLimit);
    }

    /** @return a copy with the ILUT parameters */
    public SteadyStateOptions withPreconditioner(double drop, double fill) {
        return new SteadyStateOptions(method, tol, maxIter, drop, fill, restart, residualLimit);
    }

    /** @return a copy with {@code restart} */
    public SteadyStateOptions withRestart(int v) {
        return new SteadyStateOptions(method, tol, maxIter, dropTol, fillFactor, v, residualLimit);
    }

    /** @return a copy with {@code residualLimit} */
    public SteadyStateOptions withResidualLimit(double v) {
        return new SteadyStateOptions(method, tol, maxIter, dropTol, fillFactor, restart, v);
    }
}
