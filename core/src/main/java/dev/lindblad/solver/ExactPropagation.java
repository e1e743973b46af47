package dev.lindblad.solver;

import dev.lindblad.Qobj;
import dev.lindblad.data.Data;
import dev.lindblad.data.Matrix;
import dev.lindblad.linalg.HermitianEigen;
import dev.lindblad.linalg.Krylov;
import dev.lindblad.linalg.LinearOperator;
import java.util.function.IntFunction;

/**
 * Exact propagators for time-independent generators, used by the methods {@code "diag"} and
 * {@code "krylov"}: no step-size control, the error is that of the eigen-decomposition or of
 * the Krylov approximation.
 */
final class ExactPropagation {
    private ExactPropagation() {
    }

    /** What the exact propagators share: no step-size control, one evaluation per output time. */
    private abstract static class Exact implements Propagation {
        private final String method;
        long evaluations;

        Exact(String method) {
            this.method = method;
        }

        @Override
        public long steps() {
            return evaluations;
        }

        @Override
        public long rhsCalls() {
            return 0;
        }

        @Override
        public long rejectedSteps() {
            return 0;
        }

        @Override
        public String method() {
            return method;
        }
    }

    /**
     * {@code "diag"}: {@code H = V E V^†}, so {@code Y(t) = V e^{-i E (t - t0)} V^† Y(t0)} for an
     * n×m state; V^† Y(t0) is computed once at reset.
     */
    static Propagation diag(Qobj h, int m, String operation) {
        if (!h.isHerm()) {
            throw new IllegalArgumentException(operation + ": method 'diag' needs a Hermitian Hamiltonian; use an "
                    + "adaptive method for a non-Hermitian one");
        }
        int n = h.data().rows();
        HermitianEigen.Result es = HermitianEigen.decompose(n, h.data().toDense().array(), true);
        double[] e = es.eigenvalues();
        double[] v = es.eigenvectors();
        double[] vAdj = Data.adjoint(dev.lindblad.data.DenseMatrix.wrap(n, n, v)).toDense().array();
        return new Exact("diag") {
            private double t0;
            private final double[] c = new double[2 * n * m];
            private final double[] phased = new double[2 * n * m];

            @Override
            public void reset(double start, double[] y0) {
                t0 = start;
                java.util.Arrays.fill(c, 0);
                dev.lindblad.data.Data.matmulInto(dev.lindblad.data.DenseMatrix.wrap(n, n, vAdj), y0, m, c, 1, 0, 0, 0);
            }

            @Override
            public void advance(double t, double[] out) {
                double dt = t - t0;
                for (int j = 0; j < m; j++) {
                    for (int k = 0; k < n; k++) {
                        double ph = -e[k] * dt, cr = Math.cos(ph), ci = Math.sin(ph);
                        int p = 2 * (k + j * n);
                        phased[p] = c[p] * cr - c[p + 1] * ci;
                        phased[p + 1] = c[p] * ci + c[p + 1] * cr;
                    }
                }
                Data.matmulInto(dev.lindblad.data.DenseMatrix.wrap(n, n, v), phased, m, out, 1, 0, 0, 0);
                evaluations++;
            }

        };
    }

    /**
     * {@code "diag"} for a time-independent Liouvillian: {@code L = V Λ V^{-1}}, so
     * {@code Y(t) = V e^{Λ (t - t0)} V^{-1} Y(t0)} for an n×m state Y whose columns are
     * column-stacked operators (m = 1 for a density matrix, m = n for the superoperator
     * propagator). The decomposition is made once; the returned function makes a propagation for
     * m columns. A defective (non-diagonalisable) Liouvillian is reported with advice to use
     * another method.
     */
    static IntFunction<Propagation> diagGeneral(Matrix l, String operation) {
        int n = l.rows();
        dev.lindblad.linalg.GeneralEigen.Result es = dev.lindblad.linalg.GeneralEigen.decompose(n, l.toDense().array(), true);
        double[] lambda = es.eigenvalues();
        double[] v = es.eigenvectors();
        double[] vInv;
        try {
            vInv = es.inverseEigenvectors();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(operation + ": method 'diag': the Liouvillian is not diagonalisable ("
                    + e.getMessage() + "); use an adaptive method or 'krylov'", e);
        }
        dev.lindblad.data.DenseMatrix vm = dev.lindblad.data.DenseMatrix.wrap(n, n, v);
        dev.lindblad.data.DenseMatrix vInvM = dev.lindblad.data.DenseMatrix.wrap(n, n, vInv);
        return m -> new Exact("diag") {
            private double t0;
            private final double[] c = new double[2 * n * m];
            private final double[] phased = new double[2 * n * m];

            @Override
            public void reset(double start, double[] y0) {
                t0 = start;
                Data.matmulInto(vInvM, y0, m, c, 1, 0, 0, 0);
            }

            @Override
            public void advance(double t, double[] out) {
                double dt = t - t0;
                for (int k = 0; k < n; k++) {
                    double mag = Math.exp(lambda[2 * k] * dt), ph = lambda[2 * k + 1] * dt;
                    double er = mag * Math.cos(ph), ei = mag * Math.sin(ph);
                    for (int j = 0; j < m; j++) {
                        int p = 2 * (k + j * n);
                        phased[p] = c[p] * er - c[p + 1] * ei;
                        phased[p + 1] = c[p] * ei + c[p + 1] * er;
                    }
                }
                Data.matmulInto(vm, phased, m, out, 1, 0, 0, 0);
                evaluations++;
            }

        };
    }

    /** {@code "krylov"} for {@code Y' = -i H Y}: Lanczos exponential of each column over each interval. */
    static Propagation krylovHermitian(Qobj h, int m, SolverOptions options, String operation) {
        if (!h.isHerm()) {
            throw new IllegalArgumentException(operation + ": method 'krylov' needs a Hermitian Hamiltonian; use an "
                    + "adaptive method for a non-Hermitian one");
        }
        Matrix hm = h.data();
        int n = hm.rows();
        return krylov(n, m, hm, true, options);
    }

    /**
     * {@code "krylov"} for {@code Y' = L Y}, Y an n×m matrix of column-stacked operators: Arnoldi
     * exponential of each column over each interval.
     */
    static Propagation krylovGeneral(Matrix l, int m, SolverOptions options) {
        return krylov(l.rows(), m, l, false, options);
    }

    private static Propagation krylov(int n, int m, Matrix a, boolean hermitian, SolverOptions options) {
        long[] calls = new long[1];
        LinearOperator op = (x, y) -> {
            calls[0]++;
            Data.matvec(a, x, 0, y, 0, 1, 0, 0, 0);
        };
        double tol = Math.max(options.atol(), 1e-14);
        return new Exact("krylov") {
            private double t0;
            private double[] y;

            @Override
            public void reset(double start, double[] y0) {
                t0 = start;
                y = y0.clone();
            }

            @Override
            public void advance(double t, double[] out) {
                double dt = t - t0;
                if (dt != 0) {
                    double[] col = new double[2 * n];
                    for (int j = 0; j < m; j++) {
                        if (Thread.currentThread().isInterrupted()) {   // once per column: one exponential
                            throw new dev.lindblad.ode.IntegrationFailure(
                                    dev.lindblad.ode.IntegrationFailure.Reason.INTERRUPTED, t0, "the thread was interrupted");
                        }
                        System.arraycopy(y, 2 * j * n, col, 0, 2 * n);
                        double[] r = hermitian ? Krylov.expmv(op, dt, col, options.krylovDim(), tol)
                                : Krylov.expmvArnoldi(op, dt, col, options.krylovDim(), tol);
                        System.arraycopy(r, 0, y, 2 * j * n, 2 * n);
                    }
                    evaluations++;
                }
                t0 = t;
                System.arraycopy(y, 0, out, 0, y.length);
            }

            @Override
            public long rhsCalls() {
                return calls[0];
            }
        };
    }
}
