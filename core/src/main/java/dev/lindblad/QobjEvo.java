package dev.lindblad;

import dev.lindblad.data.Data;
import dev.lindblad.data.Matrix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A time-dependent quantum object {@code A(t) = A_0 + sum_k f_k(t) A_k}, as QuTiP's
 * {@code QobjEvo}. Coefficients are real functions ({@link DoubleUnaryOperator}), complex
 * functions ({@link Coefficient}), or arrays sampled on a time grid and interpolated by a cubic
 * spline. Immutable: every {@code plus} returns a new object.
 *
 * <pre>{@code
 * QobjEvo H = QobjEvo.of(H0).plus(H1, t -> Math.cos(w * t));
 * }</pre>
 */
public final class QobjEvo implements QobjLike {

    /**
     * One term {@code f(t) A} (f is null for the constant part).
     *
     * @param operator    the operator A
     * @param coefficient f, or null when the term is constant
     */
    public record Term(Qobj operator, Coefficient coefficient) {
        /** @return whether the term does not depend on time */
        public boolean isConstant() {
            return coefficient == null;
        }
    }

    private final Dims dims;
    private final List<Term> terms;

    private QobjEvo(Dims dims, List<Term> terms) {
        this.dims = dims;
        this.terms = terms;
    }

    /** @return the constant object {@code A_0} as a QobjEvo */
    public static QobjEvo of(Qobj constant) {
        Require.nonNull(constant, "QobjEvo.of", "constant");
        return new QobjEvo(constant.dims(), List.of(new Term(constant, null)));
    }

    private QobjEvo with(Qobj op, Coefficient f) {
        if (!op.dims().equals(dims)) {
            throw new DimensionMismatchException("QobjEvo.plus", dims, op.dims());
        }
        List<Term> t = new ArrayList<>(terms);
        t.add(new Term(op, f));
        return new QobjEvo(dims, Collections.unmodifiableList(t));
    }

    /** @return {@code this + A} with A constant */
    public QobjEvo plus(Qobj a) {
        Require.nonNull(a, "plus", "a");
        return with(a, null);
    }

    /** @return {@code this + f(t) A} for a real coefficient */
    public QobjEvo plus(Qobj a, DoubleUnaryOperator f) {
        Require.nonNull(a, "plus", "a");
        Require.nonNull(f, "plus", "f");
        return with(a, t -> Complex.of(f.applyAsDouble(t)));
    }

    /** @return {@code this + f(t) A} for a complex coefficient */
    public QobjEvo plusComplex(Qobj a, Coefficient f) {
        Require.nonNull(a, "plusComplex", "a");
        return with(a, Require.nonNull(f, "plusComplex", "f"));
    }

    /**
     * @param a      the operator
     * @param times  the sample times, strictly increasing
     * @param values the real coefficient at those times, cubic-spline interpolated
     * @return {@code this + f(t) A}
     */
    public QobjEvo plus(Qobj a, double[] times, double[] values) {
        Require.nonNull(a, "plus", "a");
        Require.finite(times, "plus", "times");
        Require.finite(values, "plus", "values");
        CubicSpline s = new CubicSpline(times, values);
        return with(a, t -> Complex.of(s.value(t)));
    }

    /** @return the sum of two time-dependent objects */
    public QobjEvo plus(QobjEvo other) {
        Require.nonNull(other, "plus", "other");
        if (!other.dims.equals(dims)) {
            throw new DimensionMismatchException("QobjEvo.plus", dims, other.dims);
        }
        List<Term> t = new ArrayList<>(terms);
        t.addAll(other.terms);
        return new QobjEvo(dims, Collections.unmodifiableList(t));
    }

    /** @return the dims of {@code A(t)} */
    @Override
    public Dims dims() {
        return dims;
    }

    /** @return this object */
    @Override
    public QobjEvo asEvo() {
        return this;
    }

    /** @return the terms, the constant ones included */
    public List<Term> terms() {
        return terms;
    }

    /** @return whether no term depends on time */
    public boolean isConstant() {
        return terms.stream().allMatch(Term::isConstant);
    }

    /** @return the sum of the constant terms (zero if none) */
    public Qobj constantPart() {
        Matrix m = null;
        for (Term term : terms) {
            if (term.isConstant()) {
                m = m == null ? term.operator().data() : Data.add(m, term.operator().data());
            }
        }
        return Qobj.of(m == null ? Data.scale(terms.get(0).operator().data(), 0, 0) : m, dims);
    }

    /**
     * @return {@code A(t)}
     * @throws IllegalArgumentException when t is not finite, or a coefficient is NaN or
     *                                  infinite (or null) at t
     */
    public Qobj at(double t) {
        Require.finite(t, "QobjEvo.at", "t");
        Matrix m = null;
        for (int k = 0; k < terms.size(); k++) {
            Term term = terms.get(k);
            Complex c = term.isConstant() ? Complex.ONE : term.coefficient().at(t);
            if (c == null || !Double.isFinite(c.re()) || !Double.isFinite(c.im())) {
                throw new IllegalArgumentException("QobjEvo.at: the coefficient of term " + k + " is " + c + " at t = " + t);
            }
            Matrix d = term.operator().data();
            m = m == null ? Data.scale(d, c) : Data.add(m, d, c.re(), c.im());
        }
        return Qobj.of(m, dims);
    }

    /** @return the adjoint {@code A(t)^†} (coefficients conjugated) */
    public QobjEvo dag() {
        List<Term> t = new ArrayList<>();
        for (Term term : terms) {
            Coefficient f = term.coefficient();
            t.add(new Term(term.operator().dag(), f == null ? null : s -> f.at(s).conj()));
        }
        return new QobjEvo(dims.dag(), Collections.unmodifiableList(t));
    }

    @Override
    public String toString() {
        return "QobjEvo: dims = " + dims + ", " + terms.size() + " term(s), " + (isConstant() ? "constant" : "time-dependent");
    }
}
