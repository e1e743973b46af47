package dev.lindblad;

import dev.lindblad.data.Data;
import dev.lindblad.data.Matrix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
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
        Objects.requireNonNull(constant, "constant part");
        return new QobjEvo(constant.dims(), List.of(new Term(constant, null)));
    }

    private QobjEvo with(Qobj op, Coefficient f) {
        Objects.requireNonNull(op, "operator");
        if (!op.dims().equals(dims)) {
            throw new DimensionMismatchException("QobjEvo.plus", dims, op.dims());
        }
        List<Term> t = new ArrayList<>(terms);
        t.add(new Term(op, f));
        return new QobjEvo(dims, Collections.unmodifiableList(t));
    }

    /** @return {@code this + A} with A constant */
    public QobjEvo plus(Qobj a) {
        return with(a, null);
    }

    /** @return {@code this + f(t) A} for a real coefficient */
    public QobjEvo plus(Qobj a, DoubleUnaryOperator f) {
        Objects.requireNonNull(f, "coefficient");
        return with(a, t -> Complex.of(f.applyAsDouble(t)));
    }

    /** @return {@code this + f(t) A} for a complex coefficient */
    public QobjEvo plusComplex(Qobj a, Coefficient f) {
        return with(a, Objects.requireNonNull(f, "coefficient"));
    }

    /**
     * @param a      the operator
     * @param times  the sample times, strictly increasing
     * @param values the real coefficient at those times, cubic-spline interpolated
     * @return {@code this + f(t) A}
     */
    public QobjEvo plus(Qobj a, double[] times, double[] values) {
        CubicSpline s = new CubicSpline(times, values);
        return with(a, t -> Complex.of(s.value(t)));
    }

    /** @return the sum of two time-dependent objects */
    public QobjEvo plus(QobjEvo other) {
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

    /** @return {@code A(t)} */
    public Qobj at(double t) {
        Matrix m = null;
        for (Term term : terms) {
            Complex c = term.isConstant() ? Complex.ONE : term.coefficient().at(t);
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
