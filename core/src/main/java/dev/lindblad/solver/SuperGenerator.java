package dev.lindblad.solver;

import dev.lindblad.Coefficient;
import dev.lindblad.Complex;
import dev.lindblad.data.Data;
import dev.lindblad.data.Matrix;
import dev.lindblad.ode.OdeSystem;
import java.util.List;

/**
 * The right-hand side {@code d vec(rho)/dt = (L_0 + sum_k f_k(t) L_k) vec(rho)} with sparse
 * superoperators: one matrix-vector product per term. Cheapest for small systems, where the
 * N²×N² Liouvillian is small and one product replaces several.
 */
final class SuperGenerator implements OdeSystem {

    /** A time-dependent part {@code f(t) L}. */
    record Term(Matrix l, Coefficient f) {
    }

    private final Matrix constant;
    private final List<Term> terms;

    SuperGenerator(Matrix constant, List<Term> terms) {
        // storage chosen once, here (Data.toBestFormat: DIA for banded Liouvillians, else CSR)
        this.constant = constant == null ? null : Data.toBestFormat(constant);
        this.terms = terms.stream().map(t -> new Term(Data.toBestFormat(t.l()), t.f())).toList();
    }

    /** @return stored entries of all superoperators, the cost model of one evaluation */
    double cost() {
        double c = constant == null ? 0 : constant.nnz();
        for (Term t : terms) {
            c += t.l().nnz();
        }
        return c;
    }

    Matrix constantPart() {
        return constant;
    }

    List<Term> terms() {
        return terms;
    }

    boolean isConstant() {
        return terms.isEmpty();
    }

    @Override
    public void apply(double t, double[] y, double[] out) {
        boolean written = false;
        if (constant != null) {
            Data.matvec(constant, y, 0, out, 0, 1, 0, 0, 0);
            written = true;
        }
        for (Term term : terms) {
            Complex z = term.f().at(t);
            Data.matvec(term.l(), y, 0, out, 0, z.re(), z.im(), written ? 1 : 0, 0);
            written = true;
        }
        if (!written) {
            java.util.Arrays.fill(out, 0.0);
        }
    }
}
