package dev.lindblad.solver;

import dev.lindblad.QobjEvo;
import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.Data;
import dev.lindblad.linalg.BiCgStab;
import dev.lindblad.linalg.ComplexLinearMap;
import dev.lindblad.linalg.Gmres;
import dev.lindblad.linalg.IterativeResult;
import dev.lindblad.linalg.LuDecomposition;
import dev.lindblad.linalg.SparseLu;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The linear solve of the drift-implicit stochastic methods: {@code (I - s L(t)) x = r} for the
 * generator {@code L(t)} of a linear drift (the Liouvillian of {@code smesolve}, a
 * superoperator on vec(ρ)), by the method of {@link StochasticOptions#solveMethod()}. With a
 * constant generator the factors (or, for the iterative methods, the operator) of each distinct
 * {@code s} are made once and shared by every trajectory (they are immutable; the same bits
 * whoever made them); otherwise the matrix is formed and solved at every call, as QuTiP's
 * {@code data.solve(implicit(t + dt), target)}. Thread-safe.
 */
final class ImplicitSolve {
    /** Distinct step lengths kept at once; more (an irregular tlist) start the cache afresh. */
    private static final int CACHE_LIMIT = 64;

    private final QobjEvo generator;
    private final int dim;
    private final boolean constant;
    private final String method;
    private final double rtol;
    private final int maxIter;
    private final int restart;
    private final ConcurrentHashMap<Long, Object> cache = new ConcurrentHashMap<>();

    /**
     * @param operation the solver's name for messages
     * @param generator L(t), a square superoperator (or operator) on the state vector
     * @param options   the stochastic options (solve method and its options)
     * @throws IllegalArgumentException for {@code "inv"} with a time-dependent generator
     */
    ImplicitSolve(String operation, QobjEvo generator, StochasticOptions options) {
        this.generator = generator;
        this.dim = generator.dims().rows();
        this.constant = generator.isConstant();
        this.method = options.solveMethod();
        if (method.equals("inv") && !constant) {
            throw new IllegalArgumentException(operation + ": solveMethod 'inv' needs a constant Hamiltonian and "
                    + "constant collapse and monitored operators (as QuTiP), and this Liouvillian depends on time; use "
                    + "'spsolve'");
        }
        Map<String, Double> o = options.solveOptions();
        this.rtol = o.getOrDefault("rtol", o.getOrDefault("tol", 1e-5));
        this.maxIter = (int) (double) o.getOrDefault("maxiter", 10.0 * dim);
        this.restart = (int) (double) o.getOrDefault("restart", 20.0);
    }

    /** @return the length of the complex state vector */
    int dimension() {
        return dim;
    }

    /**
     * Writes {@code x} with {@code (I - scale L(t)) x = rhs}.
     *
     * @param rhs interleaved, length {@code 2 dim}
     * @param out interleaved, length {@code 2 dim}; may be rhs
     * @throws IllegalStateException when an iterative method misses its tolerance
     * @throws ArithmeticException   when the matrix is singular to working precision
     */
    void solve(double t, double scale, double[] rhs, double[] out) {
        Object solver;
        if (constant) {
            long key = Double.doubleToLongBits(scale);
            solver = cache.get(key);
            if (solver == null) {
                if (cache.size() >= CACHE_LIMIT) {
                    cache.clear();
                }
                solver = cache.computeIfAbsent(key, k -> prepare(0, scale));
            }
        } else {
            solver = prepare(t, scale);
        }
        switch (solver) {
            case SparseLu lu -> lu.solve(rhs, out);
            case LuDecomposition lu -> System.arraycopy(lu.solve(rhs), 0, out, 0, 2 * dim);
            case ComplexLinearMap op -> {
                IterativeResult r = method.equals("gmres")
                        ? Gmres.solve(op, rhs, null, null, restart, rtol, maxIter)
                        : BiCgStab.solve(op, rhs, null, null, rtol, maxIter);
                if (!r.converged()) {
                    throw new IllegalStateException("implicit step at t = " + t + ": " + method + " reached relative "
                            + "residual " + r.relativeResidual() + " after " + r.iterations() + " iterations, above rtol "
                            + rtol + " (solveOptions maxiter = " + maxIter + "); raise maxiter or use 'spsolve'");
                }
                System.arraycopy(r.solution(), 0, out, 0, 2 * dim);
            }
            default -> throw new IllegalStateException("unknown solver " + solver);
        }
    }

    /** The factors, or the operator, of {@code I - scale L(t)}. */
    private Object prepare(double t, double scale) {
        CsrMatrix m = Data.add(CsrMatrix.identity(dim), generator.at(t).data(), -scale, 0).toCsr();
        return switch (method) {
            case "spsolve", "splu", "inv" -> SparseLu.factor(dim, m.rowPointers(), m.columnIndices(), m.valueArray(),
                    SparseLu.Ordering.AMD);
            case "solve" -> LuDecomposition.factor(dim, m.toDense().array());
            case "gmres", "bicgstab" -> ComplexLinearMap.csr(dim, m.rowPointers(), m.columnIndices(), m.valueArray());
            default -> throw new IllegalArgumentException("unknown solveMethod '" + method + "'");
        };
    }
}
