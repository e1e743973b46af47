package dev.lindblad;

import dev.lindblad.data.Data;
import dev.lindblad.data.Matrix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * A time-dependent quantum object {@code A(t) = A_0 + sum_k f_k(t) A_k + sum_j F_j(t)}, as
 * QuTiP's {@code QobjEvo}. Terms are an operator times a coefficient: a real function
 * ({@link DoubleUnaryOperator}), a complex one ({@link Coefficient}), or samples on a time grid
 * (cubic spline or, as QuTiP's {@code order=0}, a step). A part may also be a whole function
 * {@code t -> Qobj} ({@link #of(DoubleFunction)}, QuTiP's {@code QobjEvo(func)}). Immutable:
 * every operation returns a new object.
 *
 * <pre>{@code
 * QobjEvo H = QobjEvo.of(H0).plus(H1, t -> Math.cos(w * t));
 * QobjEvo drive = QobjEvo.of(sigmax(), t -> Math.exp(-t * t));    // QuTiP's [[sigmax(), f]]
 * QobjEvo L = QobjEvo.liouvillian(H, List.of(QobjEvo.of(a, t -> Math.sqrt(kappa(t)))));
 * }</pre>
 *
 * <p>Arithmetic follows QuTiP: sums concatenate terms; products ({@link #times(QobjEvo)},
 * {@link #tensor}, {@link #sprepost}) expand into all pairs of terms with the product of their
 * coefficients; {@link #dag()} and {@link #conj()} conjugate the coefficients,
 * {@link #trans()} does not. A product or tensor with a function part becomes one function
 * part. {@link #at(double)} evaluates {@code A(t)}, as QuTiP's {@code H(t)}.
 *
 * <p>{@code sesolve} and {@code mesolve} (and the propagators built on them) take function parts
 * too, evaluating them at every right-hand-side call; {@link #terms()} refuses an object with
 * function parts, naming the function form, so code that needs operator terms (as
 * {@code mcsolve}'s collapse operators) cannot drop them silently.
 */
public final class QobjEvo implements QobjLike, java.io.Serializable {

    /**
     * One term {@code f(t) A} (f is null for the constant part).
     *
     * @param operator    the operator A
     * @param coefficient f, or null when the term is constant
     */
    public record Term(Qobj operator, Coefficient coefficient) implements java.io.Serializable {
        /** @return whether the term does not depend on time */
        public boolean isConstant() {
            return coefficient == null;
        }
    }

    private final Dims dims;
    private final List<Term> terms;
    private final List<DoubleFunction<Qobj>> functions;

    private QobjEvo(Dims dims, List<Term> terms, List<DoubleFunction<Qobj>> functions) {
        this.dims = dims;
        this.terms = Collections.unmodifiableList(terms);
        this.functions = Collections.unmodifiableList(functions);
    }

    private static QobjEvo ofTerms(Dims dims, List<Term> terms) {
        return new QobjEvo(dims, terms, new ArrayList<>());
    }

    // ---------------------------------------------------------------- construction

    /** @return the constant object {@code A_0} as a QobjEvo */
    public static QobjEvo of(Qobj constant) {
        Require.nonNull(constant, "QobjEvo.of", "constant");
        return ofTerms(constant.dims(), new ArrayList<>(List.of(new Term(constant, null))));
    }

    /**
     * A single time-dependent term with no constant part, QuTiP's {@code QobjEvo([[op, f]])}.
     *
     * @param op the operator A
     * @param f  a real coefficient
     * @return {@code f(t) A}
     */
    public static QobjEvo of(Qobj op, DoubleUnaryOperator f) {
        Require.nonNull(op, "QobjEvo.of", "op");
        Require.nonNull(f, "QobjEvo.of", "f");
        return ofComplex(op, Coefficient.of(f));
    }

    /**
     * @param op the operator A
     * @param f  a complex coefficient
     * @return {@code f(t) A}
     */
    public static QobjEvo ofComplex(Qobj op, Coefficient f) {
        Require.nonNull(op, "QobjEvo.ofComplex", "op");
        Require.nonNull(f, "QobjEvo.ofComplex", "f");
        return ofTerms(op.dims(), new ArrayList<>(List.of(new Term(op, f))));
    }

    /**
     * An array coefficient, as QuTiP's {@code QobjEvo([[op, values]], tlist=times, order=order)}.
     *
     * @param op     the operator A
     * @param times  sample times, strictly increasing
     * @param values the real coefficient at those times
     * @param order  0 for a step (zero-order hold, {@link Coefficient#step}), 3 for the cubic
     *               spline ({@link Coefficient#spline})
     * @return {@code f(t) A}
     */
    public static QobjEvo of(Qobj op, double[] times, double[] values, int order) {
        Require.nonNull(op, "QobjEvo.of", "op");
        Require.finite(times, "QobjEvo.of", "times");
        Require.finite(values, "QobjEvo.of", "values");
        return ofComplex(op, arrayCoefficient(times, values, order));
    }

    /** @return {@code f(t) A} with f the cubic spline through the samples (QuTiP's default order 3) */
    public static QobjEvo of(Qobj op, double[] times, double[] values) {
        Require.nonNull(op, "QobjEvo.of", "op");
        Require.finite(times, "QobjEvo.of", "times");
        Require.finite(values, "QobjEvo.of", "values");
        return of(op, times, values, 3);
    }

    private static Coefficient arrayCoefficient(double[] times, double[] values, int order) {
        return switch (order) {
            case 0 -> Coefficient.step(times, values);
            case 3 -> Coefficient.spline(times, values);
            default -> throw new IllegalArgumentException("array coefficient: order must be 0 (step) or 3 (cubic spline), got "
                    + order);
        };
    }

    /**
     * A function form, QuTiP's {@code QobjEvo(func)}: {@code A(t) = f(t)}. The dims are those
     * of {@code f(0)}; every later value must have the same dims. The solvers call f at every
     * right-hand-side evaluation, and parallel propagators from several threads at once, so f
     * must be a pure function of t.
     *
     * @param f the function of time; must not return null
     * @return the time-dependent object
     */
    public static QobjEvo of(DoubleFunction<Qobj> f) {
        Require.nonNull(f, "QobjEvo.of", "f");
        Qobj first = f.apply(0);
        if (first == null) {
            throw new IllegalArgumentException("QobjEvo.of(function): the function returned null at t = 0");
        }
        List<DoubleFunction<Qobj>> fs = new ArrayList<>();
        fs.add(f);
        return new QobjEvo(first.dims(), new ArrayList<>(), fs);
    }

    // ---------------------------------------------------------------- sums

    private QobjEvo with(Qobj op, Coefficient f) {
        if (!op.dims().equals(dims)) {
            throw new DimensionMismatchException("QobjEvo.plus", dims, op.dims());
        }
        List<Term> t = new ArrayList<>(terms);
        t.add(new Term(op, f));
        return new QobjEvo(dims, t, new ArrayList<>(functions));
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
        return with(a, Coefficient.of(f));
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
        return plus(a, times, values, 3);
    }

    /**
     * @param a      the operator
     * @param times  the sample times, strictly increasing
     * @param values the real coefficient at those times
     * @param order  0 for a step (QuTiP's {@code order=0}), 3 for the cubic spline
     * @return {@code this + f(t) A}
     */
    public QobjEvo plus(Qobj a, double[] times, double[] values, int order) {
        Require.nonNull(a, "plus", "a");
        Require.finite(times, "plus", "times");
        Require.finite(values, "plus", "values");
        return with(a, arrayCoefficient(times, values, order));
    }

    /** @return the sum of two time-dependent objects */
    public QobjEvo plus(QobjEvo other) {
        Require.nonNull(other, "plus", "other");
        if (!other.dims.equals(dims)) {
            throw new DimensionMismatchException("QobjEvo.plus", dims, other.dims);
        }
        List<Term> t = new ArrayList<>(terms);
        t.addAll(other.terms);
        List<DoubleFunction<Qobj>> f = new ArrayList<>(functions);
        f.addAll(other.functions);
        return new QobjEvo(dims, t, f);
    }

    /** @return {@code this - A} */
    public QobjEvo minus(Qobj a) {
        Require.nonNull(a, "QobjEvo.minus", "a");
        return plus(a.neg());
    }

    /** @return {@code this - other} */
    public QobjEvo minus(QobjEvo other) {
        Require.nonNull(other, "QobjEvo.minus", "other");
        return plus(other.neg());
    }

    /** @return {@code -A(t)} */
    public QobjEvo neg() {
        return times(-1);
    }

    // ---------------------------------------------------------------- scalings and products

    /** @return {@code x A(t)} */
    public QobjEvo times(double x) {
        return map(q -> q.times(x), false, dims);
    }

    /** @return {@code z A(t)} */
    public QobjEvo times(Complex z) {
        Require.finite(z, "QobjEvo.times", "z");
        return map(q -> q.times(z), false, dims);
    }

    /** @return {@code A(t) / x} */
    public QobjEvo div(double x) {
        Require.finite(x, "QobjEvo.div", "x");
        if (x == 0) {
            throw new IllegalArgumentException("QobjEvo.div: division by zero");
        }
        return times(1 / x);
    }

    /** @return {@code A(t) / z} */
    public QobjEvo div(Complex z) {
        Require.finite(z, "QobjEvo.div", "z");
        if (z.abs() == 0) {
            throw new IllegalArgumentException("QobjEvo.div: division by zero");
        }
        return times(Complex.ONE.div(z));
    }

    /**
     * Scaling by a real time-dependent coefficient, QuTiP's {@code qobjevo * coefficient}:
     * every term's coefficient is multiplied by g (a constant term gets g).
     *
     * @param g the real coefficient
     * @return {@code g(t) A(t)}
     */
    public QobjEvo times(DoubleUnaryOperator g) {
        Require.nonNull(g, "QobjEvo.times", "g");
        return timesComplex(Coefficient.of(g));
    }

    /**
     * @param g a complex coefficient
     * @return {@code g(t) A(t)}
     */
    public QobjEvo timesComplex(Coefficient g) {
        Require.nonNull(g, "QobjEvo.timesComplex", "g");
        List<Term> t = new ArrayList<>();
        for (Term term : terms) {
            t.add(new Term(term.operator(), product(term.coefficient(), g)));
        }
        List<DoubleFunction<Qobj>> fs = new ArrayList<>();
        for (DoubleFunction<Qobj> f : functions) {
            fs.add(s -> f.apply(s).times(g.at(s)));
        }
        return new QobjEvo(dims, t, fs);
    }

    /** @return the product {@code A(t) B} (QuTiP's {@code qobjevo @ qobj}) */
    public QobjEvo times(Qobj b) {
        Require.nonNull(b, "QobjEvo.times", "b");
        Dims d = dims.product(b.dims(), "QobjEvo.times");
        return map(q -> q.times(b), false, d);
    }

    /**
     * The product {@code A(t) B(t)}: every pair of terms, {@code f_j g_k A_j B_k}.
     *
     * @param other the right factor
     * @return the product
     */
    public QobjEvo times(QobjEvo other) {
        Require.nonNull(other, "QobjEvo.times", "other");
        Dims d = dims.product(other.dims, "QobjEvo.times");
        return bilinear(this, other, Qobj::times, d);
    }

    // ---------------------------------------------------------------- adjoints

    /** @return the adjoint {@code A(t)^†} (coefficients conjugated) */
    public QobjEvo dag() {
        return map(Qobj::dag, true, dims.dag());
    }

    /** @return the element-wise conjugate {@code A(t)^*} (coefficients conjugated) */
    public QobjEvo conj() {
        return map(Qobj::conj, true, dims);
    }

    /** @return the transpose {@code A(t)^T} (coefficients unchanged) */
    public QobjEvo trans() {
        return map(Qobj::trans, false, dims.dag());
    }

    /**
     * The same object with fewer terms, as QuTiP's {@code compress()}: constant terms summed
     * into one, terms sharing a coefficient (the same object) summed into one, terms with the
     * same operator merged into one with the sum of their coefficients, and function parts
     * summed into one. {@code at(t)} is unchanged (to rounding).
     *
     * @return the compressed object
     */
    public QobjEvo compress() {
        Qobj constant = null;
        Map<Coefficient, Qobj> byCoefficient = new IdentityHashMap<>();
        List<Coefficient> order = new ArrayList<>();
        for (Term term : terms) {
            if (term.isConstant()) {
                constant = constant == null ? term.operator() : constant.plus(term.operator());
            } else {
                Qobj prev = byCoefficient.get(term.coefficient());
                if (prev == null) {
                    order.add(term.coefficient());
                }
                byCoefficient.put(term.coefficient(), prev == null ? term.operator() : prev.plus(term.operator()));
            }
        }
        List<Term> merged = new ArrayList<>();
        for (Coefficient c : order) {
            Qobj op = byCoefficient.get(c);
            int same = -1;
            for (int k = 0; k < merged.size(); k++) {
                if (merged.get(k).operator().equals(op)) {
                    same = k;
                    break;
                }
            }
            if (same >= 0) {
                Coefficient f = merged.get(same).coefficient();
                merged.set(same, new Term(op, s -> f.at(s).plus(c.at(s))));
            } else {
                merged.add(new Term(op, c));
            }
        }
        List<Term> out = new ArrayList<>();
        if (constant != null) {
            out.add(new Term(constant, null));
        }
        out.addAll(merged);
        List<DoubleFunction<Qobj>> fs = new ArrayList<>();
        if (functions.size() == 1) {
            fs.add(functions.get(0));
        } else if (!functions.isEmpty()) {
            List<DoubleFunction<Qobj>> parts = List.copyOf(functions);
            fs.add(s -> {
                Qobj sum = parts.get(0).apply(s);
                for (int k = 1; k < parts.size(); k++) {
                    sum = sum.plus(parts.get(k).apply(s));
                }
                return sum;
            });
        }
        if (out.isEmpty() && fs.isEmpty()) {
            return this;
        }
        return new QobjEvo(dims, out, fs);
    }

    // ---------------------------------------------------------------- tensors and superoperators

    /**
     * Tensor product of constant and time-dependent factors, QuTiP's {@code tensor} of
     * {@code QobjEvo}: every combination of terms, coefficients multiplied.
     *
     * @param parts the factors, first leftmost (slowest index)
     * @return {@code parts[0](t) ⊗ parts[1](t) ⊗ ...}
     */
    public static QobjEvo tensor(QobjLike... parts) {
        Require.elements(parts, "QobjEvo.tensor", "parts");
        if (parts.length == 0) {
            throw new IllegalArgumentException("tensor needs at least one operand");
        }
        QobjEvo out = parts[0].asEvo();
        for (int k = 1; k < parts.length; k++) {
            QobjEvo next = parts[k].asEvo();
            Dims d = Dims.tensor(out.dims, next.dims);
            out = bilinear(out, next, (x, y) -> Qobj.tensor(x, y), d);
        }
        return out;
    }

    /** @return the tensor product of a list of factors; see {@link #tensor(QobjLike...)} */
    public static QobjEvo tensor(List<? extends QobjLike> parts) {
        Require.elements(parts, "QobjEvo.tensor", "parts");
        return tensor(parts.toArray(QobjLike[]::new));
    }

    /**
     * @param a a constant or time-dependent operator
     * @return the left multiplication {@code X -> A(t) X} as a time-dependent superoperator,
     *         {@link Superops#spre} of every term
     */
    public static QobjEvo spre(QobjLike a) {
        Require.nonNull(a, "QobjEvo.spre", "a");
        QobjEvo e = a.asEvo();
        requireOper("spre", e);
        return e.map(Superops::spre, false, Dims.superOf(e.dims));
    }

    /**
     * @param a a constant or time-dependent operator
     * @return the right multiplication {@code X -> X A(t)}, {@link Superops#spost} of every term
     */
    public static QobjEvo spost(QobjLike a) {
        Require.nonNull(a, "QobjEvo.spost", "a");
        QobjEvo e = a.asEvo();
        requireOper("spost", e);
        return e.map(Superops::spost, false, Dims.superOf(e.dims));
    }

    /**
     * @param a left factor, constant or time-dependent
     * @param b right factor, constant or time-dependent
     * @return {@code X -> A(t) X B(t)}, {@link Superops#sprepost} of every pair of terms
     */
    public static QobjEvo sprepost(QobjLike a, QobjLike b) {
        Require.nonNull(a, "QobjEvo.sprepost", "a");
        Require.nonNull(b, "QobjEvo.sprepost", "b");
        QobjEvo ea = a.asEvo(), eb = b.asEvo();
        requireOper("sprepost", ea);
        requireOper("sprepost", eb);
        Dims to = Dims.of(ea.dims.out(), eb.dims.in());
        Dims from = Dims.of(ea.dims.in(), eb.dims.out());
        return bilinear(ea, eb, Superops::sprepost, Dims.superOf(to, from));
    }

    /**
     * The Lindblad dissipator of a time-dependent collapse operator
     * {@code c(t) = Σ_a f_a(t) c_a}: {@code D[c] = Σ_{a,b} f_a conj(f_b)
     * (sprepost(c_a, c_b^†) - ½ spre(c_b^† c_a) - ½ spost(c_b^† c_a))}, the same cross terms
     * {@code mesolve} forms from the collapse operator.
     *
     * @param c the collapse operator, constant or time-dependent
     * @return {@code D[c(t)]}
     */
    public static QobjEvo lindbladDissipator(QobjLike c) {
        Require.nonNull(c, "QobjEvo.lindbladDissipator", "c");
        QobjEvo e = c.asEvo();
        requireOper("lindbladDissipator", e);
        Dims sd = Dims.superOf(e.dims);
        if (!e.functions.isEmpty()) {
            return new QobjEvo(sd, new ArrayList<>(), new ArrayList<>(List.of(s -> Superops.lindbladDissipator(e.at(s)))));
        }
        List<Term> out = new ArrayList<>();
        for (Term ta : e.terms) {
            for (Term tb : e.terms) {
                Qobj cbDag = tb.operator().dag();
                Qobj anti = cbDag.times(ta.operator());
                Qobj d = Superops.sprepost(ta.operator(), cbDag).minus(Superops.spre(anti).times(0.5))
                        .minus(Superops.spost(anti).times(0.5));
                out.add(new Term(d, product(ta.coefficient(), conjugate(tb.coefficient()))));
            }
        }
        return ofTerms(sd, out);
    }

    /**
     * The generalised dissipator of QuTiP's {@code lindblad_dissipator(a, b)},
     * {@code X -> a X b^† - ½ a^† b X - ½ X a^† b}, for time-dependent a and b (every pair of
     * terms).
     *
     * @param a left collapse operator
     * @param b right collapse operator, same dims as a
     * @return the time-dependent superoperator
     */
    public static QobjEvo lindbladDissipator(QobjLike a, QobjLike b) {
        Require.nonNull(a, "QobjEvo.lindbladDissipator", "a");
        Require.nonNull(b, "QobjEvo.lindbladDissipator", "b");
        QobjEvo ea = a.asEvo(), eb = b.asEvo();
        requireOper("lindbladDissipator", ea);
        if (!ea.dims.equals(eb.dims)) {
            throw new DimensionMismatchException("lindbladDissipator", ea.dims, eb.dims);
        }
        QobjEvo adb = ea.dag().times(eb);
        return sprepost(ea, eb.dag()).minus(spre(adb).times(0.5)).minus(spost(adb).times(0.5));
    }

    /**
     * The time-dependent Lindblad generator, as QuTiP's {@code liouvillian} of {@code QobjEvo}:
     * {@code L(t) = -i (spre(H(t)) - spost(H(t))) + Σ_k D[c_k(t)]} (each Hamiltonian term keeps
     * its coefficient; a superoperator H or collapse operator is added as it is). A
     * {@code mesolve} with this L and no collapse operators solves the same equation as one with
     * H and the collapse operators.
     *
     * @param h    Hamiltonian (operator or superoperator, constant or time-dependent), or null
     * @param cOps collapse operators (constant or time-dependent), may be empty
     * @return the time-dependent Liouvillian
     */
    public static QobjEvo liouvillian(QobjLike h, List<? extends QobjLike> cOps) {
        List<? extends QobjLike> cs = Require.elements(cOps, "QobjEvo.liouvillian", "cOps");
        QobjEvo l = null;
        if (h != null) {
            QobjEvo e = h.asEvo();
            if (e.dims.type() == Dims.Type.SUPER) {
                l = e;
            } else if (e.dims.type() == Dims.Type.OPER) {
                l = e.map(q -> Superops.spre(q).minus(Superops.spost(q)).times(Complex.of(0, -1)), false,
                        Dims.superOf(e.dims));
            } else {
                throw new IllegalArgumentException("liouvillian: H must be an operator or superoperator, got dims " + e.dims);
            }
        }
        for (int k = 0; k < cs.size(); k++) {
            QobjLike c = cs.get(k);
            QobjEvo d = c.dims().type() == Dims.Type.SUPER ? c.asEvo() : lindbladDissipator(c);
            if (l != null && !l.dims.equals(d.dims)) {
                throw new DimensionMismatchException("liouvillian: collapse operator " + k + " gives dims " + d.dims
                        + ", the Liouvillian so far has dims " + l.dims);
            }
            l = l == null ? d : l.plus(d);
        }
        if (l == null) {
            throw new IllegalArgumentException("liouvillian: needs a Hamiltonian or at least one collapse operator");
        }
        return l;
    }

    /** @return {@link #liouvillian(QobjLike, List)} of a Hamiltonian alone */
    public static QobjEvo liouvillian(QobjLike h) {
        Require.nonNull(h, "QobjEvo.liouvillian", "h");
        return liouvillian(h, List.of());
    }

    private static void requireOper(String function, QobjEvo e) {
        if (e.dims.type() != Dims.Type.OPER) {
            throw new IllegalArgumentException(function + " needs an operator, got dims " + e.dims);
        }
    }

    // ---------------------------------------------------------------- evaluation

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

    /** @return what {@code A(t)} is (operator, superoperator, ket, ...) */
    public Dims.Type type() {
        return dims.type();
    }

    /** @return whether {@code A(t)} is an operator */
    public boolean isOper() {
        return type() == Dims.Type.OPER;
    }

    /** @return whether {@code A(t)} is a superoperator */
    public boolean isSuper() {
        return type() == Dims.Type.SUPER;
    }

    /**
     * @return the terms, the constant ones included
     * @throws IllegalStateException if this object holds a function part
     *                               ({@link #of(DoubleFunction)}), which has no operator terms
     */
    public List<Term> terms() {
        if (!functions.isEmpty()) {
            throw new IllegalStateException("this QobjEvo holds " + functions.size() + " function part(s) t -> Qobj "
                    + "(QobjEvo.of(function)), which have no operator terms; build it from operators and coefficients "
                    + "(QobjEvo.of(op, f), plus(op, f)) where terms are needed, e.g. by the solvers");
        }
        return terms;
    }

    /**
     * @return the operator terms, without the function parts (for code that evaluates those
     *         apart, as the solvers do; {@link #terms()} refuses an object with function parts)
     */
    public List<Term> operatorTerms() {
        return terms;
    }

    /** @return the function parts {@code t -> Qobj} ({@link #of(DoubleFunction)}), each checked for dims when called */
    public List<DoubleFunction<Qobj>> functionParts() {
        List<DoubleFunction<Qobj>> out = new ArrayList<>();
        for (DoubleFunction<Qobj> f : functions) {
            out.add(s -> evaluate(f, s, dims));
        }
        return Collections.unmodifiableList(out);
    }

    /** @return whether this object holds a function part {@code t -> Qobj} */
    public boolean hasFunctionParts() {
        return !functions.isEmpty();
    }

    /** @return the number of parts (terms and function parts), QuTiP's {@code num_elements} */
    public int numElements() {
        return terms.size() + functions.size();
    }

    /** @return whether no term depends on time */
    public boolean isConstant() {
        return functions.isEmpty() && terms.stream().allMatch(Term::isConstant);
    }

    /** @return the sum of the constant terms (zero if none) */
    public Qobj constantPart() {
        Matrix m = null;
        for (Term term : terms) {
            if (term.isConstant()) {
                m = m == null ? term.operator().data() : Data.add(m, term.operator().data());
            }
        }
        if (m == null) {
            m = dev.lindblad.data.CsrMatrix.zeros(dims.rows(), dims.cols());
        }
        return Qobj.of(m, dims);
    }

    /**
     * @param t the time
     * @return {@code A(t)}, QuTiP's {@code H(t)}
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
        for (DoubleFunction<Qobj> f : functions) {
            Qobj q = f.apply(t);
            if (q == null) {
                throw new IllegalArgumentException("QobjEvo: the function part returned null at t = " + t);
            }
            if (!q.dims().equals(dims)) {
                throw new DimensionMismatchException("QobjEvo: the function part at t = " + t + " has dims " + q.dims()
                        + ", the object has dims " + dims);
            }
            m = m == null ? q.data() : Data.add(m, q.data());
        }
        return Qobj.of(m, dims);
    }

    /**
     * The expectation value at time t, as QuTiP's {@code QobjEvo.expect(t, state)}:
     * {@link Qobj#expect(Qobj, Qobj)} of {@code A(t)}; for a superoperator S and a density
     * matrix rho, {@code tr(S(rho))}, real when its imaginary part is rounding by the rule of
     * {@link Qobj#expect(Qobj, Qobj)}: {@code |Im| <= EXPECT_TOLERANCE sqrt(n) ||S||_F ||rho||_F}
     * (a bound on {@code |tr(S(rho))|} for n x n rho).
     *
     * @param t     the time
     * @param state a ket or density matrix
     * @return the real expectation value
     * @throws IllegalArgumentException when the value is complex beyond rounding (use
     *                                  {@link #expectComplex(double, Qobj)})
     */
    public double expect(double t, Qobj state) {
        Require.finite(t, "QobjEvo.expect", "t");
        Require.nonNull(state, "QobjEvo.expect", "state");
        Qobj a = at(t);
        if (isSuper()) {
            Complex z = superExpect(a, state);
            Qobj rho = state.isOperKet() ? Superops.vectorToOperator(state) : state;
            double tol = Qobj.EXPECT_TOLERANCE * Math.sqrt(rho.shape()[0]) * a.frobeniusNorm() * rho.frobeniusNorm();
            if (Math.abs(z.im()) > tol) {
                throw new IllegalArgumentException("QobjEvo.expect: tr(S(rho)) = " + z + " is complex (|Im| > " + tol
                        + "); use expectComplex");
            }
            return z.re();
        }
        return Qobj.expect(a, state);
    }

    /**
     * @param t     the time
     * @param state a ket or density matrix (for a superoperator: a density matrix or operator-ket)
     * @return the complex expectation value {@link Qobj#expectComplex(Qobj, Qobj)} of {@code A(t)},
     *         or {@code tr(S(rho))} for a superoperator
     */
    public Complex expectComplex(double t, Qobj state) {
        Require.finite(t, "QobjEvo.expectComplex", "t");
        Require.nonNull(state, "QobjEvo.expectComplex", "state");
        Qobj a = at(t);
        return isSuper() ? superExpect(a, state) : Qobj.expectComplex(a, state);
    }

    /** @return {@code tr(S(rho))} of the superoperator S = this at some time */
    private Complex superExpect(Qobj s, Qobj state) {
        Qobj v = state.isOperKet() ? state : Superops.operatorToVector(state);
        if (!v.dims().equals(Dims.operatorKetOf(dims.inSpace()))) {
            throw new DimensionMismatchException("QobjEvo.expect", dims, state.dims());
        }
        return Superops.vectorToOperator(s.times(v)).tr();
    }

    // ---------------------------------------------------------------- internals

    /** Applies a linear map to every term and function part. */
    private QobjEvo map(UnaryOperator<Qobj> op, boolean conjugateCoefficients, Dims newDims) {
        List<Term> t = new ArrayList<>();
        for (Term term : terms) {
            Coefficient f = term.coefficient();
            t.add(new Term(op.apply(term.operator()), conjugateCoefficients ? conjugate(f) : f));
        }
        List<DoubleFunction<Qobj>> fs = new ArrayList<>();
        for (DoubleFunction<Qobj> f : functions) {
            fs.add(s -> op.apply(evaluate(f, s, dims)));
        }
        return new QobjEvo(newDims, t, fs);
    }

    /** Applies a bilinear map to every pair of terms; with a function part, to the whole values. */
    private static QobjEvo bilinear(QobjEvo a, QobjEvo b, BinaryOperator<Qobj> op, Dims newDims) {
        if (!a.functions.isEmpty() || !b.functions.isEmpty()) {
            List<DoubleFunction<Qobj>> fs = new ArrayList<>();
            fs.add(s -> op.apply(a.at(s), b.at(s)));
            return new QobjEvo(newDims, new ArrayList<>(), fs);
        }
        List<Term> t = new ArrayList<>();
        for (Term x : a.terms) {
            for (Term y : b.terms) {
                t.add(new Term(op.apply(x.operator(), y.operator()), product(x.coefficient(), y.coefficient())));
            }
        }
        return ofTerms(newDims, t);
    }

    private static Qobj evaluate(DoubleFunction<Qobj> f, double s, Dims dims) {
        Qobj q = f.apply(s);
        if (q == null || !q.dims().equals(dims)) {
            throw new IllegalArgumentException("QobjEvo: the function part at t = " + s + " returned "
                    + (q == null ? "null" : "dims " + q.dims()) + ", expected dims " + dims);
        }
        return q;
    }

    /** {@code f g}, null standing for the constant 1. */
    private static Coefficient product(Coefficient f, Coefficient g) {
        if (f == null) {
            return g;
        }
        if (g == null) {
            return f;
        }
        return s -> f.at(s).times(g.at(s));
    }

    private static Coefficient conjugate(Coefficient f) {
        return f == null ? null : s -> f.at(s).conj();
    }

    @Override
    public String toString() {
        return "QobjEvo: dims = " + dims + ", " + numElements() + " part(s), "
                + (isConstant() ? "constant" : "time-dependent");
    }
}
