package dev.lindblad.solver;

import dev.lindblad.Coefficient;
import dev.lindblad.Complex;
import dev.lindblad.data.Data;
import dev.lindblad.data.Matrix;
import dev.lindblad.ode.OdeSystem;
import java.util.ArrayList;
import java.util.List;

/**
 * The right-hand side {@code dY/dt = sum_k f_k(t) A_k Y + sum_k g_k(t) Y B_k + sum_k h_k(t) C_k Y D_k}
 * acting on an n×m state matrix Y (column-major, interleaved): kets (m = 1) and propagators
 * under the Schrödinger equation, density matrices under the master equation written as
 * operator products, {@code -i(H_eff rho - rho H_eff^†) + sum c rho c^†}, with no N²×N²
 * matrix. Constant left and right terms are summed into one matrix each when built.
 *
 * <p>An instance holds a scratch buffer for the sandwich terms, so it serves one integration at
 * a time; {@link #forOneRun()} gives another instance sharing the (immutable) matrices with a
 * buffer of its own, which is what a reusable solver hands to each run.
 */
final class Generator implements OdeSystem {

    /** out += f(t) · A·Y (LEFT), Y·B (RIGHT) or A·Y·B (SANDWICH); f null for constant. */
    record Term(Kind kind, Matrix a, Matrix b, Coefficient f) {
    }

    enum Kind { LEFT, RIGHT, SANDWICH }

    /**
     * Terms whose matrices are known only at time t (a function-form {@code QobjEvo}): the
     * function returns, for each t, constant-coefficient terms applied like the others (their
     * {@code f} is ignored). One call per evaluation, so {@code c(t)} is formed once for
     * {@code c ρ c^†} and its anticommutator.
     */
    record FunctionTerms(java.util.function.DoubleFunction<List<Term>> at) {
    }

    private final int n;
    private final int m;
    private final Matrix constLeft;
    /**
     * The constant left term prepared for repeated products on a vector (kets, m = 1: the
     * Schrödinger equation and every Monte Carlo trajectory), in the solvers' split storage
     * ({@link Data#prepareProduct}); null for m > 1 or no such term.
     */
    private final dev.lindblad.data.LinearMap leftProduct;
    private final Matrix constRight;
    private final List<Term> others;
    private final double[] tmp;
    private final List<FunctionTerms> functionTerms;

    Generator(int n, int m, List<Term> terms) {
        this(n, m, terms, List.of());
    }

    /**
     * @param functionTerms terms evaluated at each t (function-form parts); their cost is not
     *                      in {@link #cost()}
     */
    Generator(int n, int m, List<Term> terms, List<FunctionTerms> functionTerms) {
        this.functionTerms = List.copyOf(functionTerms);
        this.n = n;
        this.m = m;
        Matrix l = null, r = null;
        List<Term> rest = new ArrayList<>();
        for (Term t : terms) {
            if (t.f() == null && t.kind() == Kind.LEFT) {
                l = l == null ? t.a() : Data.add(l, t.a());
            } else if (t.f() == null && t.kind() == Kind.RIGHT) {
                r = r == null ? t.b() : Data.add(r, t.b());
            } else {
                rest.add(t);
            }
        }
        // storage chosen once, here, never inside the right-hand side (Data.toBestFormat's rule)
        this.constLeft = l == null ? null : Data.toBestFormat(l);
        this.leftProduct = l == null || m != 1 ? null : Data.prepareProduct(constLeft);
        this.constRight = r == null ? null : Data.toBestFormat(r);
        List<Term> best = new ArrayList<>();
        for (Term t : rest) {
            best.add(new Term(t.kind(), t.a() == null ? null : Data.toBestFormat(t.a()),
                    t.b() == null ? null : Data.toBestFormat(t.b()), t.f()));
        }
        this.others = List.copyOf(best);
        boolean needTmp = !functionTerms.isEmpty() || rest.stream().anyMatch(t -> t.kind() == Kind.SANDWICH);
        this.tmp = needTmp ? new double[2 * n * m] : null;
    }

    private Generator(Generator shared) {
        this.n = shared.n;
        this.m = shared.m;
        this.constLeft = shared.constLeft;
        this.leftProduct = shared.leftProduct;
        this.constRight = shared.constRight;
        this.others = shared.others;
        this.functionTerms = shared.functionTerms;
        this.tmp = shared.tmp == null ? null : new double[shared.tmp.length];
    }

    /**
     * @return the same right-hand side with its own scratch buffer: concurrent runs of one solver
     *         must not share it (two threads writing one buffer gave wrong, changing results)
     */
    Generator forOneRun() {
        return tmp == null ? this : new Generator(this);
    }

    /** @return the number of complex multiply-adds of one evaluation (the cost model) */
    double cost() {
        double c = 0;
        if (constLeft != null) {
            c += (double) constLeft.nnz() * m;
        }
        if (constRight != null) {
            c += (double) constRight.nnz() * n;
        }
        for (Term t : others) {
            c += switch (t.kind()) {
                case LEFT -> (double) t.a().nnz() * m;
                case RIGHT -> (double) t.b().nnz() * n;
                case SANDWICH -> (double) t.a().nnz() * m + (double) t.b().nnz() * n;
            };
        }
        return c;
    }

    boolean isConstant() {
        return functionTerms.isEmpty() && others.stream().allMatch(t -> t.f() == null);
    }

    @Override
    public void apply(double t, double[] y, double[] out) {
        boolean written = false;
        if (leftProduct != null) {
            Data.matvec(leftProduct, y, 0, out, 0, 1, 0, 0, 0);
            written = true;
        } else if (constLeft != null) {
            Data.matmulInto(constLeft, y, m, out, 1, 0, 0, 0);
            written = true;
        }
        if (constRight != null) {
            Data.matmulRightInto(y, n, constRight, out, 1, 0, written ? 1 : 0, 0);
            written = true;
        }
        for (Term term : others) {
            double fr = 1, fi = 0;
            if (term.f() != null) {
                Complex z = term.f().at(t);
                fr = z.re();
                fi = z.im();
            }
            double beta = written ? 1 : 0;
            switch (term.kind()) {
                case LEFT -> Data.matmulInto(term.a(), y, m, out, fr, fi, beta, 0);
                case RIGHT -> Data.matmulRightInto(y, n, term.b(), out, fr, fi, beta, 0);
                case SANDWICH -> {
                    Data.matmulInto(term.a(), y, m, tmp, fr, fi, 0, 0);
                    Data.matmulRightInto(tmp, n, term.b(), out, 1, 0, beta, 0);
                }
            }
            written = true;
        }
        for (FunctionTerms group : functionTerms) {
            for (Term term : group.at().apply(t)) {
                double beta = written ? 1 : 0;
                switch (term.kind()) {
                    case LEFT -> Data.matmulInto(term.a(), y, m, out, 1, 0, beta, 0);
                    case RIGHT -> Data.matmulRightInto(y, n, term.b(), out, 1, 0, beta, 0);
                    case SANDWICH -> {
                        Data.matmulInto(term.a(), y, m, tmp, 1, 0, 0, 0);
                        Data.matmulRightInto(tmp, n, term.b(), out, 1, 0, beta, 0);
                    }
                }
                written = true;
            }
        }
        if (!written) {
            java.util.Arrays.fill(out, 0, 2 * n * m, 0.0);
        }
    }
}
