package dev.lindblad.solver;

import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.QobjLike;
import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.Data;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.data.Matrix;
import dev.lindblad.linalg.BiCgStab;
import dev.lindblad.linalg.ComplexLinearMap;
import dev.lindblad.linalg.GeneralEigen;
import dev.lindblad.linalg.Gmres;
import dev.lindblad.linalg.IncompleteLu;
import dev.lindblad.linalg.IterativeResult;
import dev.lindblad.linalg.LuDecomposition;
import dev.lindblad.linalg.SparseLu;
import java.util.List;
import java.util.Objects;

/**
 * The steady state {@code L rho_ss = 0}, {@code tr rho_ss = 1} of a time-independent Lindblad
 * equation, as QuTiP's {@code steadystate}.
 *
 * <p>Direct and iterative methods solve {@code (L + w e_0 t^T) vec(rho) = w e_0}, where
 * {@code t^T vec(rho) = tr rho} and w = max|L_ij|: the first equation of the singular system is
 * replaced in effect by the trace condition, as QuTiP does. The system is regular exactly when
 * the steady state is unique. {@code "eigen"} takes the eigenvector of L whose eigenvalue has
 * the smallest modulus; {@code "power"} iterates {@code v <- (L - s)^{-1} v} with a tiny shift s.
 * Every result is made Hermitian, normalised to trace one, and its residual
 * {@code max|L vec(rho)|} is checked against {@link SteadyStateOptions#residualLimit()}.
 */
public final class SteadyStateSolver {

    private final Qobj liouvillian;
    private final Dims operDims;
    private final int n;
    private final SteadyStateOptions options;

    /**
     * @param hamiltonian a constant Hamiltonian or Liouvillian
     * @param cOps        constant collapse operators
     * @param options     options
     */
    public SteadyStateSolver(QobjLike hamiltonian, List<? extends QobjLike> cOps, SteadyStateOptions options) {
        Objects.requireNonNull(hamiltonian, "steadystate: hamiltonian is null");
        this.options = Objects.requireNonNull(options, "steadystate: options is null");
        List<QobjLike> cs = Evolution.elements("steadystate", "cOps", cOps);
        if (!hamiltonian.asEvo().isConstant() || cs.stream().anyMatch(c -> !c.asEvo().isConstant())) {
            throw new IllegalArgumentException("steadystate needs a time-independent system; a QobjEvo with "
                    + "coefficients has no steady state (see propagator or mesolve)");
        }
        checkInterrupt("building the Liouvillian");
        MeSolver me = new MeSolver(hamiltonian, cs, SolverOptions.defaults().withRhs("liouvillian"), "steadystate");
        this.liouvillian = me.liouvillianSuperoperator();
        this.operDims = liouvillian.dims().outSpace();
        this.n = operDims.rows();
    }

    /** Stops between the phases of a solve (and in every iteration) when the thread is interrupted. */
    private static void checkInterrupt(String phase) {
        if (Thread.currentThread().isInterrupted()) {
            throw interrupted(phase);
        }
    }

    private static SolverInterruptedException interrupted(String phase) {
        return new SolverInterruptedException("steadystate", "the thread was interrupted (" + phase
                + "); a steady state has no partial result", null, Double.NaN);
    }

    /** @return the Liouvillian whose null space is sought */
    public Qobj liouvillian() {
        return liouvillian;
    }

    /**
     * Solves with the configured method. {@code "auto"} uses dense LU up to
     * {@link SteadyStateOptions#DENSE_LIMIT} unknowns; above, ILUT-preconditioned GMRES (several
     * times faster than the sparse LU on oscillator and spin Liouvillians, and lighter in memory),
     * falling back to the sparse LU when GMRES does not converge or its residual is too large.
     * GMRES does not detect a non-unique steady state; ask for {@code "direct"} to have that
     * checked.
     *
     * @return the steady state with its residual and cost
     * @throws SteadyStateException       when the method fails (message names the method)
     * @throws SolverInterruptedException when the thread is interrupted (checked between phases
     *                                    and in every iteration; status kept)
     * @throws dev.lindblad.InsufficientMemoryException when a dense method cannot fit in the heap
     */
    public SteadyStateResult solve() {
        checkInterrupt("before the solve");
        if (!options.method().equals("auto")) {
            return solve(options.method());
        }
        if (n * n <= SteadyStateOptions.DENSE_LIMIT) {
            return solve("direct");
        }
        try {
            return solve("iterative-gmres");
        } catch (SteadyStateException e) {
            SteadyStateResult r = solve("direct");
            // "iterative-gmres: why" (the exception's message without the operation in front)
            String why = e.getMessage().replaceFirst("^steadystate \\(([^)]*)\\): ", "$1: ");
            return new SteadyStateResult(r.state(), r.residual(), r.method() + " after " + why,
                    r.iterations(), r.fill(), r.seconds());
        }
    }

    private SteadyStateResult solve(String method) {
        long start = System.nanoTime();
        int dim = n * n;
        Matrix l = liouvillian.data();
        double w = Math.max(Data.maxAbs(l), Double.MIN_NORMAL);
        double[] x;
        int iterations = 0;
        double fill = Double.NaN;
        switch (method) {
            case "direct" -> {
                CsrMatrix a = traceConditioned(l.toCsr(), w);
                double[] b = new double[2 * dim];
                b[0] = w;
                if (dim <= SteadyStateOptions.DENSE_LIMIT) {
                    checkInterrupt("before the dense LU");
                    LuDecomposition lu = LuDecomposition.factor(dim, a.toDense().array());
                    if (lu.isSingular()) {
                        throw singular("direct", null);
                    }
                    x = lu.solve(b);
                    method = "direct (dense LU)";
                } else if (NativeSparseSolve.solve(a, b) instanceof NativeSparseSolve.Solved viaBackend) {
                    x = viaBackend.x();    // PARDISO, UMFPACK or KLU, when the backend choice picks one
                    fill = viaBackend.fill();
                    method = "direct (" + viaBackend.description() + ")";
                } else {
                    SparseLu lu;
                    checkInterrupt("before the sparse LU");
                    try {
                        lu = SparseLu.factor(dim, a.rowPointers(), a.columnIndices(), a.valueArray(), SparseLu.Ordering.AMD);
                    } catch (ArithmeticException e) {
                        throw singular("direct", e);
                    } catch (java.util.concurrent.CancellationException e) {
                        throw interrupted("during the sparse LU: " + e.getMessage());
                    }
                    x = new double[2 * dim];
                    lu.solve(b, x);
                    fill = lu.fill();
                    method = "direct (sparse LU, AMD)";
                }
            }
            case "eigen" -> {
                dev.lindblad.MemoryCheck.require("steadystate", "method 'eigen': a dense eigen-decomposition of the "
                        + dim + "x" + dim + " Liouvillian", dev.lindblad.MemoryCheck.product(8, (double) dim * dim, 16),
                        "method 'direct' or 'iterative-gmres' (sparse)");
                checkInterrupt("before the eigen-decomposition");
                GeneralEigen.Result es = GeneralEigen.decompose(dim, l.toDense().array(), true);
                double[] ev = es.eigenvalues();
                int best = 0;
                for (int k = 1; k < dim; k++) {
                    if (Math.hypot(ev[2 * k], ev[2 * k + 1]) < Math.hypot(ev[2 * best], ev[2 * best + 1])) {
                        best = k;
                    }
                }
                x = es.eigenvector(best);
            }
            case "power" -> {
                double shift = 1e-12 * w;
                CsrMatrix shifted = Data.add(l.toCsr(), CsrMatrix.identity(dim), -shift, 0).toCsr();
                SparseLu lu;
                try {
                    lu = SparseLu.factor(dim, shifted.rowPointers(), shifted.columnIndices(), shifted.valueArray(),
                            SparseLu.Ordering.AMD);
                } catch (ArithmeticException e) {
                    throw singular("power", e);
                } catch (java.util.concurrent.CancellationException e) {
                    throw interrupted("during the sparse LU: " + e.getMessage());
                }
                fill = lu.fill();
                x = new double[2 * dim];
                for (int i = 0; i < n; i++) {
                    x[2 * (i + i * n)] = 1.0 / n;   // start from the maximally mixed state
                }
                double[] next = new double[2 * dim];
                double res = Double.NaN;
                for (iterations = 1; iterations <= options.maxIter(); iterations++) {
                    checkInterrupt("power iteration " + iterations);
                    lu.solve(x, next);
                    double norm = norm2(next);
                    for (int k = 0; k < next.length; k++) {
                        x[k] = next[k] / norm;
                    }
                    res = residual(l, x) / w;
                    if (res <= options.tol()) {
                        break;
                    }
                }
                if (iterations > options.maxIter()) {
                    throw new SteadyStateException("steadystate (power): no convergence in " + options.maxIter()
                            + " iterations; relative residual " + res, "power", res, null);
                }
            }
            case "iterative-gmres", "iterative-bicgstab" -> {
                CsrMatrix a = traceConditioned(l.toCsr(), w);
                double[] b = new double[2 * dim];
                b[0] = w;
                // the interrupt is checked in every product, i.e. every iteration of the solver
                String phase = method + " iteration";
                ComplexLinearMap op = (in, out) -> {
                    checkInterrupt(phase);
                    Data.matvec(a, in, 0, out, 0, 1, 0, 0, 0);
                };
                dev.lindblad.MemoryCheck.require("steadystate", "the ILUT preconditioner of the " + dim + "x" + dim
                        + " system, up to fill factor " + options.fillFactor() + " times its " + a.nnz() + " entries",
                        dev.lindblad.MemoryCheck.product(options.fillFactor() + 1, a.nnz(), 20),
                        "a smaller fill factor (withPreconditioner(dropTol, fillFactor)) or a larger dropTol");
                checkInterrupt("before the ILUT preconditioner");
                IncompleteLu ilu = IncompleteLu.ilut(dim, a.rowPointers(), a.columnIndices(), a.valueArray(),
                        options.dropTol(), options.fillFactor());
                IterativeResult r = method.equals("iterative-gmres")
                        ? Gmres.solve(op, b, null, ilu::apply, options.restart(), options.tol(), options.maxIter())
                        : BiCgStab.solve(op, b, null, ilu::apply, options.tol(), options.maxIter());
                iterations = r.iterations();
                if (!r.converged()) {
                    throw new SteadyStateException("steadystate (" + method + "): no convergence in " + r.iterations()
                            + " iterations; relative residual " + r.relativeResidual() + " (tol " + options.tol() + ")",
                            method, r.relativeResidual(), null);
                }
                x = r.solution();
            }
            default -> throw new IllegalStateException("unhandled method " + method);
        }
        Qobj rho = normalise(x);
        double res = residual(l, rho.data().toDense().array());
        if (!(res <= options.residualLimit() * w)) {
            throw new SteadyStateException("steadystate (" + method + "): residual max|L rho| = " + res + " exceeds " + options.residualLimit()
                    + " * max|L| = " + options.residualLimit() * w + " (no unique steady state?)", method, res, null);
        }
        return new SteadyStateResult(rho, res, method, iterations, fill, (System.nanoTime() - start) / 1e9);
    }

    /** L + w e_0 t^T, t^T vec(rho) = tr rho: adds w at (0, k(n+1)) for every diagonal position k. */
    private CsrMatrix traceConditioned(CsrMatrix l, double w) {
        int dim = n * n;
        int[] rp = new int[dim + 1];
        int[] ci = new int[n];
        double[] v = new double[2 * n];
        for (int k = 0; k < n; k++) {
            ci[k] = k * (n + 1);
            v[2 * k] = w;
        }
        for (int i = 0; i < dim; i++) {
            rp[i + 1] = n;
        }
        CsrMatrix row = CsrMatrix.of(dim, dim, rp, ci, v);
        return Data.add(l, row).toCsr();
    }

    private SteadyStateException singular(String method, Throwable cause) {
        return new SteadyStateException("steadystate (" + method + "): the Liouvillian with the trace condition is singular, so the "
                + "steady state is not unique (several stationary states, e.g. a conserved quantity or a decoherence-free "
                + "subspace)" + (cause == null ? "" : ": " + cause.getMessage()), method, Double.NaN, cause);
    }

    /** Divides by the (complex) trace first, so an eigenvector's arbitrary phase drops out, then symmetrises. */
    private Qobj normalise(double[] x) {
        DenseMatrix m = DenseMatrix.wrap(n, n, x.clone());
        dev.lindblad.Complex tr = Data.trace(m);
        if (!(tr.abs() > 0) || !Double.isFinite(tr.abs())) {
            throw new SteadyStateException("steadystate (" + options.method() + "): the solution has trace " + tr + " and cannot be normalised", options.method(),
                    Double.NaN, null);
        }
        dev.lindblad.Complex inv = dev.lindblad.Complex.ONE.div(tr);
        Matrix scaled = Data.scale(m, inv);
        Matrix h = Data.scale(Data.add(scaled, Data.adjoint(scaled)), 0.5, 0);
        return Qobj.of(h.toDense(), operDims);
    }

    private static double residual(Matrix l, double[] vecRho) {
        double[] out = new double[vecRho.length];
        Data.matvec(l, vecRho, 0, out, 0, 1, 0, 0, 0);
        double m = 0;
        for (int k = 0; k < out.length; k += 2) {
            m = Math.max(m, Math.hypot(out[k], out[k + 1]));
        }
        return m;
    }

    private static double norm2(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
