package dev.lindblad.solver;

import dev.lindblad.Coefficient;
import dev.lindblad.DimensionMismatchException;
import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.QobjLike;
import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.Data;
import dev.lindblad.data.Matrix;
import dev.lindblad.ode.OdeSystem;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The Lindblad master equation (hbar = 1)
 * <pre>
 *   d rho/dt = -i [H(t), rho] + sum_k ( c_k rho c_k^† - ½ {c_k^† c_k, rho} )
 * </pre>
 * as QuTiP's {@code MESolver}, for a Hamiltonian or a Liouvillian (then the collapse operators
 * add their dissipators), constant or time-dependent, with constant or time-dependent collapse
 * operators ({@code c(t) = sum_a f_a(t) c_a} contributes all cross terms
 * {@code f_a conj(f_b) (c_a rho c_b^† - ½ {c_b^† c_a, rho})}).
 *
 * <p>The right-hand side is chosen by cost: a sparse Liouvillian acting on {@code vec(rho)}
 * (column stacking), or operator products on rho, {@code -i(H_eff rho - rho H_eff^†) + sum c rho c^†}
 * with {@code H_eff = H - i/2 sum c^† c}, which never forms the N²×N² matrix. With
 * {@code rhs = "auto"} both are built when the Liouvillian is small enough
 * ({@link #LIOUVILLIAN_LIMIT} entries); when the Liouvillian costs at most half the multiply-adds
 * of the products it is taken at once, otherwise each is timed on the initial state and the
 * faster wins.
 * The choice shows in {@link Stats#rhs()}.
 */
public final class MeSolver {

    /**
     * Factor by which the Liouvillian's cost model (complex multiply-adds per evaluation) must be
     * below that of the operator products for the automatic choice to take it without timing both.
     */
    static final double COST_MARGIN = 2;

    /** Largest Liouvillian (stored entries, estimated before building) the automatic choice builds. */
    public static final long LIOUVILLIAN_LIMIT = 20_000_000L;

    private final SolverOptions options;
    private final Dims operDims;
    private final int n;
    private final QobjEvo hamiltonian;
    private final List<QobjEvo> cOps;
    private final boolean liouvillianGiven;
    private final Generator products;
    private volatile SuperGenerator liouvillian;
    /** Whether H or a collapse operator has function-form parts (then only products are used). */
    private final boolean functional;
    private volatile String choice;
    /** The operation the user called, named in every message: mesolve, steadystate, propagator. */
    private final String operation;

    /**
     * @param hamiltonian a Hamiltonian (operator) or Liouvillian (superoperator), constant or
     *                    time-dependent
     * @param cOps        collapse operators, constant or time-dependent (null or empty for none)
     * @param options     solver options
     * @throws NullPointerException     naming the argument when {@code hamiltonian}, {@code options}
     *                                  or a collapse operator is null
     * @throws IllegalArgumentException when the dims do not make a master equation
     */
    public MeSolver(QobjLike hamiltonian, List<? extends QobjLike> cOps, SolverOptions options) {
        this(hamiltonian, cOps, options, "mesolve");
    }

    MeSolver(QobjLike hamiltonian, List<? extends QobjLike> cOps, SolverOptions options, String operation) {
        this.operation = operation;
        Objects.requireNonNull(hamiltonian, operation + ": hamiltonian is null");
        this.options = Objects.requireNonNull(options, operation + ": options is null");
        this.hamiltonian = hamiltonian.asEvo();
        Dims hd = hamiltonian.dims();
        this.liouvillianGiven = hd.type() == Dims.Type.SUPER;
        if (liouvillianGiven) {
            operDims = hd.outSpace();
            if (!hd.outSpace().equals(hd.inSpace())) {
                throw new IllegalArgumentException(operation + " needs a Liouvillian mapping operators to operators of the same dims, got "
                        + hd);
            }
        } else if (hd.type() == Dims.Type.OPER && hd.rows() == hd.cols()) {
            operDims = hd;
        } else {
            throw new IllegalArgumentException(operation + " needs a square Hamiltonian or a Liouvillian, got dims " + hd);
        }
        this.n = operDims.rows();
        List<QobjEvo> cs = new ArrayList<>();
        if (cOps != null) {
            for (int k = 0; k < cOps.size(); k++) {
                QobjLike c = Objects.requireNonNull(cOps.get(k), operation + ": collapse operator " + k + " (cOps[" + k + "]) is null");
                if (!c.dims().equals(operDims)) {
                    throw new DimensionMismatchException(operation + ": collapse operator " + k + " and the system", c.dims(),
                            operDims);
                }
                cs.add(c.asEvo());
            }
        }
        this.cOps = List.copyOf(cs);
        this.functional = this.hamiltonian.hasFunctionParts() || this.cOps.stream().anyMatch(QobjEvo::hasFunctionParts);
        if (functional) {
            // a function-form QobjEvo has no fixed matrices to build a sparse Liouvillian from:
            // its values enter the right-hand side at each call, as products on rho (or, for a
            // Liouvillian, as left multiplications of vec(rho)), whatever rhs was asked for
            this.products = liouvillianGiven ? new Generator(n * n, 1, superTerms(), superFunctionTerms())
                    : new Generator(n, n, productTerms(), productFunctionTerms());
            choice = liouvillianGiven ? "liouvillian as products on vec(rho) (function-form QobjEvo, evaluated at each call)"
                    : "products (function-form QobjEvo, evaluated at each call)";
            return;
        }
        this.products = liouvillianGiven ? null : new Generator(n, n, productTerms());
        if (liouvillianGiven || options.rhs().equals("liouvillian")) {
            liouvillian = buildLiouvillian();
            choice = "liouvillian";
        } else if (options.rhs().equals("products")) {
            choice = "products";
        }
    }

    /** The master equation as left, right and sandwich products on rho. */
    private List<Generator.Term> productTerms() {
        List<Generator.Term> terms = new ArrayList<>();
        for (QobjEvo.Term t : hamiltonian.operatorTerms()) {
            Matrix h = t.operator().data();
            terms.add(new Generator.Term(Generator.Kind.LEFT, Data.scale(h, 0, -1), null, t.coefficient()));
            terms.add(new Generator.Term(Generator.Kind.RIGHT, null, Data.scale(h, 0, 1), t.coefficient()));
        }
        for (QobjEvo c : cOps) {
            if (c.hasFunctionParts()) {
                continue;   // the whole c(t) is in productFunctionTerms()
            }
            List<QobjEvo.Term> parts = c.terms();
            for (QobjEvo.Term a : parts) {
                for (QobjEvo.Term b : parts) {
                    Coefficient g = pairCoefficient(a.coefficient(), b.coefficient());
                    Matrix ca = a.operator().data();
                    Matrix cbDag = Data.adjoint(b.operator().data());
                    Matrix anti = Data.scale(Data.matmul(cbDag, ca), -0.5, 0);
                    terms.add(new Generator.Term(Generator.Kind.SANDWICH, ca, cbDag, g));
                    terms.add(new Generator.Term(Generator.Kind.LEFT, anti, null, g));
                    terms.add(new Generator.Term(Generator.Kind.RIGHT, null, anti, g));
                }
            }
        }
        return terms;
    }

    /**
     * The coefficient {@code f_a(t) conj(f_b(t))} of the cross term of two parts of a
     * time-dependent collapse operator; null when both are constant.
     */
    static Coefficient pairCoefficient(Coefficient fa, Coefficient fb) {
        if (fa == null && fb == null) {
            return null;
        }
        if (fb == null) {
            return fa;
        }
        if (fa == null) {
            return t -> fb.at(t).conj();
        }
        return t -> fa.at(t).times(fb.at(t).conj());
    }

    /**
     * The function-form parts as products on rho, evaluated at each t: {@code -i[H(t), rho]}
     * for each function part of H, and for a collapse operator with a function part the whole
     * {@code c(t) rho c(t)^† - ½ {c(t)^† c(t), rho}} from one evaluation of {@code c(t)}.
     */
    private List<Generator.FunctionTerms> productFunctionTerms() {
        List<Generator.FunctionTerms> out = new ArrayList<>();
        for (java.util.function.DoubleFunction<Qobj> part : hamiltonian.functionParts()) {
            out.add(new Generator.FunctionTerms(t -> {
                Matrix h = part.apply(t).data();
                return List.of(new Generator.Term(Generator.Kind.LEFT, Data.scale(h, 0, -1), null, null),
                        new Generator.Term(Generator.Kind.RIGHT, null, Data.scale(h, 0, 1), null));
            }));
        }
        for (QobjEvo c : cOps) {
            if (c.hasFunctionParts()) {
                out.add(new Generator.FunctionTerms(t -> {
                    Matrix cm = c.at(t).data();
                    Matrix cd = Data.adjoint(cm);
                    Matrix anti = Data.scale(Data.matmul(cd, cm), -0.5, 0);
                    return List.of(new Generator.Term(Generator.Kind.SANDWICH, cm, cd, null),
                            new Generator.Term(Generator.Kind.LEFT, anti, null, null),
                            new Generator.Term(Generator.Kind.RIGHT, null, anti, null));
                }));
            }
        }
        return out;
    }

    /** A product term as a superoperator on vec(rho) (column stacking). */
    private static Matrix toSuper(Generator.Kind kind, Matrix a, Matrix b, Matrix id) {
        return switch (kind) {
            case LEFT -> Data.kron(id, a);
            case RIGHT -> Data.kron(Data.transpose(b), id);
            case SANDWICH -> Data.kron(Data.transpose(b), a);
        };
    }

    /** The dissipator {@code D[c_a, c_b]} cross term as a superoperator. */
    private Matrix dissipatorSuper(Matrix ca, Matrix cb) {
        CsrMatrix id = CsrMatrix.identity(n);
        Matrix cbDag = Data.adjoint(cb);
        Matrix anti = Data.scale(Data.matmul(cbDag, ca), -0.5, 0);
        return Data.add(Data.kron(Data.transpose(cbDag), ca), Data.add(Data.kron(id, anti), Data.kron(Data.transpose(anti), id)));
    }

    /**
     * The operator-term part of the equation as left multiplications on vec(rho) (n²×m
     * states): the given Liouvillian's terms and the collapse operators' dissipators, or the
     * product terms turned into superoperators.
     */
    private List<Generator.Term> superTerms() {
        CsrMatrix id = CsrMatrix.identity(n);
        List<Generator.Term> out = new ArrayList<>();
        if (liouvillianGiven) {
            for (QobjEvo.Term t : hamiltonian.operatorTerms()) {
                out.add(new Generator.Term(Generator.Kind.LEFT, t.operator().data(), null, t.coefficient()));
            }
            for (QobjEvo c : cOps) {
                if (c.hasFunctionParts()) {
                    continue;
                }
                for (QobjEvo.Term a : c.terms()) {
                    for (QobjEvo.Term b : c.terms()) {
                        out.add(new Generator.Term(Generator.Kind.LEFT, dissipatorSuper(a.operator().data(), b.operator().data()),
                                null, pairCoefficient(a.coefficient(), b.coefficient())));
                    }
                }
            }
        } else {
            for (Generator.Term t : productTerms()) {
                out.add(new Generator.Term(Generator.Kind.LEFT, toSuper(t.kind(), t.a(), t.b(), id), null, t.f()));
            }
        }
        return out;
    }

    /** The function-form parts as left multiplications on vec(rho), evaluated at each t. */
    private List<Generator.FunctionTerms> superFunctionTerms() {
        CsrMatrix id = CsrMatrix.identity(n);
        List<Generator.FunctionTerms> out = new ArrayList<>();
        if (liouvillianGiven) {
            for (java.util.function.DoubleFunction<Qobj> part : hamiltonian.functionParts()) {
                out.add(new Generator.FunctionTerms(t -> List.of(
                        new Generator.Term(Generator.Kind.LEFT, part.apply(t).data(), null, null))));
            }
            for (QobjEvo c : cOps) {
                if (c.hasFunctionParts()) {
                    out.add(new Generator.FunctionTerms(t -> {
                        Matrix cm = c.at(t).data();
                        return List.of(new Generator.Term(Generator.Kind.LEFT, dissipatorSuper(cm, cm), null, null));
                    }));
                }
            }
        } else {
            for (Generator.FunctionTerms group : productFunctionTerms()) {
                out.add(new Generator.FunctionTerms(t -> {
                    List<Generator.Term> supers = new ArrayList<>();
                    for (Generator.Term term : group.at().apply(t)) {
                        supers.add(new Generator.Term(Generator.Kind.LEFT, toSuper(term.kind(), term.a(), term.b(), id), null,
                                null));
                    }
                    return supers;
                }));
            }
        }
        return out;
    }

    /** The same equation as superoperators on vec(rho), terms sharing a coefficient merged. */
    private SuperGenerator buildLiouvillian() {
        dev.lindblad.MemoryCheck.require(operation, String.format(Locale.ROOT,
                "the %dx%d Liouvillian, about %.3g stored entries and its temporaries", (long) n * n, (long) n * n,
                liouvillianEstimate()), liouvillianBytes(), operation.equals("mesolve")
                ? "the operator-products right-hand side, withRhs(\"products\") (no N²xN² matrix), or sparse operators "
                + "(Qobj.toSparse())"
                : "sparse operators (Qobj.toSparse(): the Liouvillian's size follows their non-zeros), or a smaller "
                        + "Hilbert space");
        CsrMatrix id = CsrMatrix.identity(n);
        Matrix constant = null;
        List<Coefficient> order = new ArrayList<>();
        List<Object[]> parts = new ArrayList<>();   // {Matrix superop, Coefficient or null}
        if (liouvillianGiven) {
            for (QobjEvo.Term t : hamiltonian.terms()) {
                parts.add(new Object[] {t.operator().data(), t.coefficient()});
            }
            for (QobjEvo c : cOps) {
                for (QobjEvo.Term a : c.terms()) {
                    for (QobjEvo.Term b : c.terms()) {
                        Matrix ca = a.operator().data(), cbDag = Data.adjoint(b.operator().data());
                        Matrix anti = Data.scale(Data.matmul(cbDag, ca), -0.5, 0);
                        Matrix d = Data.add(Data.kron(Data.transpose(cbDag), ca),
                                Data.add(Data.kron(id, anti), Data.kron(Data.transpose(anti), id)));
                        parts.add(new Object[] {d, pairCoefficient(a.coefficient(), b.coefficient())});
                    }
                }
            }
        } else {
            for (Generator.Term t : productTerms()) {
                Matrix s = switch (t.kind()) {
                    case LEFT -> Data.kron(id, t.a());
                    case RIGHT -> Data.kron(Data.transpose(t.b()), id);
                    case SANDWICH -> Data.kron(Data.transpose(t.b()), t.a());
                };
                parts.add(new Object[] {s, t.f()});
            }
        }
        // the parts of each coefficient summed in one pass (Data.sum), in the order given
        List<Matrix> constantParts = new ArrayList<>();
        Map<Coefficient, List<Matrix>> byCoefficient = new IdentityHashMap<>();
        for (Object[] p : parts) {
            Matrix s = (Matrix) p[0];
            Coefficient f = (Coefficient) p[1];
            if (f == null) {
                constantParts.add(s);
            } else {
                byCoefficient.computeIfAbsent(f, g -> {
                    order.add(g);
                    return new ArrayList<>();
                }).add(s);
            }
        }
        if (!constantParts.isEmpty()) {
            constant = Data.sum(constantParts);
        }
        List<SuperGenerator.Term> terms = new ArrayList<>();
        for (Coefficient f : order) {
            terms.add(new SuperGenerator.Term(Data.sum(byCoefficient.get(f)), f));
        }
        return new SuperGenerator(constant == null ? null : constant.toCsr(), terms);
    }

    /**
     * Upper bound on the Liouvillian's stored entries, from the factors: {@code 2 n nnz(H)} for
     * {@code -i(H⊗1 - 1⊗H^T)}, and for each pair of terms of a collapse operator
     * {@code nnz(c_a) nnz(c_b)} for {@code c_a⊗c_b^*} plus {@code 2 n nnz(c_a^† c_b)} for the
     * anticommutator. The products {@code c_a^† c_b} are formed when that is cheap (about
     * {@code nnz(c_a) nnz(c_b) / n} multiply-adds, at most 10^8): bounding them by
     * {@code min(n^2, nnz(c_a) nnz(c_b))} overestimated the Ising chain's Liouvillian 40-fold and
     * sent N = 8 to the operator products, five times slower there.
     */
    double liouvillianEstimate() {
        double e = estimate;
        if (e < 0) {
            estimate = e = estimateLiouvillian();
        }
        return e;
    }

    /** The Liouvillian's estimated entries, computed once (it forms the products c^† c). */
    private volatile double estimate = -1;

    private double estimateLiouvillian() {
        double est = 0;
        for (QobjEvo.Term t : hamiltonian.terms()) {
            // a Liouvillian given is stored as it is; a Hamiltonian gives -i(H⊗1 - 1⊗H^T)
            est += (liouvillianGiven ? 1.0 : 2.0 * n) * t.operator().data().nnz();
        }
        for (QobjEvo c : cOps) {
            for (QobjEvo.Term a : c.terms()) {
                Matrix ad = Data.adjoint(a.operator().data());
                for (QobjEvo.Term b : c.terms()) {
                    Matrix bd = b.operator().data();
                    double pairs = (double) ad.nnz() * bd.nnz();
                    double anti = pairs / n <= 1e8 ? Data.matmul(ad, bd).nnz() : Math.min((double) n * n, pairs);
                    est += pairs + 2.0 * n * anti;
                }
            }
        }
        return est;
    }

    /** Chooses the right-hand side once, by timing both on the initial state when allowed. */
    private synchronized void choose(double[] y0) {
        if (choice != null) {
            return;
        }
        if (liouvillianEstimate() > LIOUVILLIAN_LIMIT) {
            choice = String.format(Locale.ROOT, "products (auto: Liouvillian estimated above %d entries)",
                    LIOUVILLIAN_LIMIT);
            return;
        }
        if (!dev.lindblad.MemoryCheck.fits(liouvillianBytes())) {
            choice = String.format(Locale.ROOT, "products (auto: the Liouvillian, about %s, does not fit in the heap)",
                    dev.lindblad.MemoryCheck.format(liouvillianBytes()));
            return;
        }
        SuperGenerator l = buildLiouvillian();
        // A clear difference in the cost model decides without timing (a few milliseconds, a
        // tenth of a small run, and noisy on a loaded machine): per multiply-add the Liouvillian
        // product is the faster of the two (measured 1.4 ns against 1.9 ns on the Ising chain).
        double cl = l.cost(), cp = products.cost();
        if (cl * COST_MARGIN <= cp) {
            liouvillian = l;
            choice = String.format(Locale.ROOT, "liouvillian (auto: cost %.3g vs %.3g multiply-adds for products)", cl, cp);
            return;
        }
        double tl = time(l, y0), tp = time(products, y0);
        if (tl <= tp) {
            liouvillian = l;
            choice = String.format(Locale.ROOT, "liouvillian (auto: %.3g us vs %.3g us for products)", tl * 1e6, tp * 1e6);
        } else {
            choice = String.format(Locale.ROOT, "products (auto: %.3g us vs %.3g us for the Liouvillian)", tp * 1e6,
                    tl * 1e6);
        }
    }

    /** Seconds per evaluation: best of a few rounds, each about a millisecond long. */
    private static double time(OdeSystem f, double[] y) {
        double[] out = new double[y.length];
        int reps = 1;
        long t0 = System.nanoTime();
        f.apply(0, y, out);
        long once = Math.max(1, System.nanoTime() - t0);
        reps = (int) Math.max(1, Math.min(1000, 1_000_000L / once));
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long s = System.nanoTime();
            for (int r = 0; r < reps; r++) {
                f.apply(0, y, out);
            }
            best = Math.min(best, (System.nanoTime() - s) / 1e9 / reps);
        }
        return best;
    }

    /**
     * The Liouvillian as left-multiplication terms on an n²×m matrix of column-stacked operators:
     * the generator of the superoperator propagator {@code dS/dt = L(t) S} when m = n².
     */
    Generator superoperatorGenerator(int columns) {
        if (functional) {
            return new Generator(n * n, columns, superTerms(), superFunctionTerms());
        }
        SuperGenerator l = liouvillian != null ? liouvillian : buildLiouvillian();
        List<Generator.Term> terms = new ArrayList<>();
        if (l.constantPart() != null) {
            terms.add(new Generator.Term(Generator.Kind.LEFT, l.constantPart(), null, null));
        }
        for (SuperGenerator.Term t : l.terms()) {
            terms.add(new Generator.Term(Generator.Kind.LEFT, t.l(), null, t.f()));
        }
        return new Generator(n * n, columns, terms);
    }

    /** @return whether the Hamiltonian (or Liouvillian) and every collapse operator are constant */
    boolean isConstant() {
        return hamiltonian.isConstant() && cOps.stream().allMatch(QobjEvo::isConstant);
    }

    /** @return the constant Liouvillian as a sparse matrix (zeros when there are no terms) */
    Matrix constantLiouvillian() {
        SuperGenerator l = liouvillian != null ? liouvillian : buildLiouvillian();
        if (!l.isConstant()) {
            throw new IllegalStateException(operation + ": the Liouvillian is time-dependent");
        }
        return l.constantPart() == null ? CsrMatrix.zeros(n * n, n * n) : l.constantPart();
    }

    /** @return the dims of the operators the equation acts on */
    Dims operatorDims() {
        return operDims;
    }

    /** @return the options */
    public SolverOptions options() {
        return options;
    }

    /**
     * The same system with other options, for a caller that needs its own settings (the
     * correlation functions turn off output normalisation and progress, as QuTiP does).
     */
    MeSolver withOptions(SolverOptions other, String otherOperation) {
        return new MeSolver(hamiltonian, cOps, other, otherOperation);
    }

    /**
     * @return the Liouvillian as a superoperator when it is constant (built on demand), for
     *         steady states and propagators
     * @throws IllegalArgumentException when an entry is NaN or infinite (an operator's entries so
     *                                  large that {@code c^†c} overflows)
     */
    public Qobj liouvillianSuperoperator() {
        if (functional) {
            throw new IllegalStateException("the Liouvillian is time-dependent (a function-form QobjEvo)");
        }
        SuperGenerator l = liouvillian != null ? liouvillian : buildLiouvillian();
        if (!l.isConstant()) {
            throw new IllegalStateException("the Liouvillian is time-dependent");
        }
        Matrix m = l.constantPart() == null ? CsrMatrix.zeros(n * n, n * n) : l.constantPart().toCsr();
        // checked here, before Qobj.of (which would name its own argument): finite operators can still
        // overflow in c^dag c
        double max = Data.maxAbs(m);
        if (!(max < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(operation + ": the Liouvillian built from the Hamiltonian and the "
                    + "collapse operators has a non-finite entry (max |L_ij| = " + max + "): an entry of "
                    + "them is NaN or infinite, or so large that c^†c overflows");
        }
        return Qobj.of(m, Dims.superOf(operDims));
    }

    /**
     * Evolves a density matrix (a ket is promoted to {@code |psi><psi|}) through the output times.
     *
     * @param rho0  initial density matrix or ket
     * @param tlist output times, non-decreasing
     * @param eOps  operators whose expectation values are recorded
     * @return the result
     */
    public Result run(Qobj rho0, double[] tlist, List<Qobj> eOps) {
        return run(rho0, tlist, eOps, List.of());
    }

    /**
     * @param rho0   initial density matrix or ket
     * @param tlist  output times
     * @param eOps   operators whose expectation values are recorded
     * @param eFuncs callbacks {@code (t, rho) -> value}, recorded after the operators
     * @return the result
     */
    public Result run(Qobj rho0, double[] tlist, List<Qobj> eOps, List<ExpectFunction> eFuncs) {
        long start = System.nanoTime();
        Objects.requireNonNull(rho0, () -> operation + ": rho0 is null");
        double[] times = Evolution.checkTimes(operation, tlist);
        List<Qobj> ops = Evolution.elements(operation, "eOps", eOps);
        List<ExpectFunction> funcs = Evolution.elements(operation, "eFuncs", eFuncs);
        if (rho0.isSuper()) {
            return runSuper(rho0, times, ops, funcs, start);
        }
        if (rho0.isKet()) {
            if (!java.util.Arrays.equals(rho0.dims().out(), operDims.in())) {
                throw new DimensionMismatchException(operation + ": system and initial state", operDims, rho0.dims());
            }
            rho0 = rho0.times(rho0.dag());
        }
        if (!rho0.isOper()) {
            throw new IllegalArgumentException(operation + " needs a density matrix or ket as initial state, got a "
                    + rho0.type() + " with dims " + rho0.dims());
        }
        if (!rho0.dims().equals(operDims)) {
            throw new DimensionMismatchException(operation + ": system and initial state", operDims, rho0.dims());
        }
        for (Qobj e : ops) {
            if (!e.dims().equals(operDims)) {
                throw new DimensionMismatchException(operation + ": e-op and system", e.dims(), operDims);
            }
        }
        String method = options.method();
        checkRunMemory(times.length, !ops.isEmpty() || !funcs.isEmpty(), method);
        double[] y0 = Evolution.stateArray(rho0);
        choose(y0);
        Propagation prop;
        String rhsName = choice;
        // a function-form QobjEvo always runs on products (see the constructor)
        OdeSystem f = choice.startsWith("liouvillian") && !functional ? liouvillian : products.forOneRun();
        if (method.equals("krylov") || method.equals("diag")) {
            if (!isConstant()) {
                throw new IllegalArgumentException(operation + ": method '" + method + "' needs a time-independent "
                        + "system; use an adaptive method (e.g. 'adams') for a time-dependent one");
            }
            Matrix l = constantLiouvillian();
            if (method.equals("krylov")) {
                prop = ExactPropagation.krylovGeneral(l, 1, options);
            } else {
                long dim = (long) n * n;
                dev.lindblad.MemoryCheck.require(operation, "method 'diag': a dense eigen-decomposition of the "
                        + dim + "x" + dim + " Liouvillian", dev.lindblad.MemoryCheck.product(8, (double) dim * dim, 16),
                        "method 'krylov' or an adaptive method (no dense Liouvillian)");
                prop = ExactPropagation.diagGeneral(l, operation).apply(1);
            }
            rhsName = "liouvillian (" + method + ")";
        } else {
            if (f == liouvillian && rho0.isHerm()) {
                // Hermitian rho stays Hermitian: compute half of each product, mirror the rest
                OdeSystem half = liouvillian.hermitian(n);
                if (half != null) {
                    symmetrise(y0, n);
                    f = half;
                    rhsName += "; Hermitian: upper triangle computed";
                }
            }
            if (!(f instanceof Generator)) {
                rhsName += "; storage: " + liouvillian.storage();
            }
            prop = Propagation.ode(method, 2 * n * n, f, options.integratorOptions());
        }
        double setup = (System.nanoTime() - start) / 1e9;
        return Evolution.run(operation, prop, y0, times, Evolution.Kind.DENSITY, operDims, n, n, ops, funcs, options, rhsName,
                start, setup);
    }

    /**
     * Propagator evolution, as QuTiP's {@code mesolve} from a superoperator: {@code S(t)} solves
     * {@code dS/dt = L(t) S} from {@code S(t0) = S0}, so {@code S(t) = P(t, t0) S0} with P the
     * propagator of the Lindblad equation; S0's input space is arbitrary, its output space is
     * the system's operator space. E-op operators are refused (QuTiP has no expectation value of
     * a superoperator); callbacks receive {@code S(t)}.
     */
    private Result runSuper(Qobj s0, double[] times, List<Qobj> ops, List<ExpectFunction> funcs, long start) {
        if (!ops.isEmpty()) {
            throw new IllegalArgumentException(operation + ": e-op operators need a density matrix; from a superoperator "
                    + "initial state (propagator evolution) pass e-op callbacks (ExpectFunction) instead");
        }
        Dims sd = s0.dims();
        if (!sd.outSpace().equals(operDims)) {
            throw new DimensionMismatchException(operation + ": system and initial superoperator", Dims.superOf(operDims),
                    sd);
        }
        int rows = n * n, cols = sd.cols();
        String method = options.method();
        boolean store = options.storeStates() != null ? options.storeStates() : funcs.isEmpty();
        long one = dev.lindblad.MemoryCheck.product(16, rows, cols);
        int arrays = options.isOdeMethod() ? dev.lindblad.ode.Integrators.stateArrays(method) + 3 : 6;
        dev.lindblad.MemoryCheck.require(operation, (store ? times.length + " stored " : "") + rows + "x" + cols
                + " superoperator states and " + arrays + " work arrays of " + dev.lindblad.MemoryCheck.format(one),
                dev.lindblad.MemoryCheck.product(one, arrays + (store ? times.length : 1), 1),
                "store no states (withStoreStates(false)) or evolve density matrices");
        Propagation prop;
        String rhsName;
        if (method.equals("krylov") || method.equals("diag")) {
            if (!isConstant()) {
                throw new IllegalArgumentException(operation + ": method '" + method + "' needs a time-independent "
                        + "system; use an adaptive method (e.g. 'adams') for a time-dependent one");
            }
            Matrix l = constantLiouvillian();
            prop = method.equals("krylov") ? ExactPropagation.krylovGeneral(l, cols, options)
                    : ExactPropagation.diagGeneral(l, operation).apply(cols);
            rhsName = "superoperator state; liouvillian (" + method + ")";
        } else {
            prop = Propagation.ode(method, 2 * rows * cols, superoperatorGenerator(cols), options.integratorOptions());
            rhsName = "superoperator state; liouvillian";
        }
        double[] y0 = Evolution.stateArray(s0);
        double setup = (System.nanoTime() - start) / 1e9;
        return Evolution.run(operation, prop, y0, times, Evolution.Kind.OPERATOR, sd, rows, cols, List.of(), funcs,
                options, rhsName, start, setup);
    }

    /**
     * Refuses a run whose states cannot fit, before it starts: the integrator's work arrays and,
     * when states are stored, one dense n×n state per output time.
     */
    private void checkRunMemory(int times, boolean hasEOps, String method) {
        boolean store = options.storeStates() != null ? options.storeStates() : !hasEOps;
        int arrays = options.isOdeMethod() ? dev.lindblad.ode.Integrators.stateArrays(method) + 3 : 6;
        long state = 16L * n * n;
        long bytes = dev.lindblad.MemoryCheck.product(state, arrays + (store ? times : 1), 1);
        dev.lindblad.MemoryCheck.require(operation, (store ? times + " stored states and " : "") + arrays
                + " work arrays of " + dev.lindblad.MemoryCheck.format(state) + " (one " + n + "x" + n
                + " density matrix each)", bytes, store
                ? "store no states (withStoreStates(false)) and record e-ops or callbacks instead, or fewer output times"
                : "a smaller Hilbert space, or mcsolve (kets instead of density matrices)");
    }

    /** Bytes the Liouvillian's construction keeps alive at its peak: about three copies of 20 bytes per entry. */
    private long liouvillianBytes() {
        return dev.lindblad.MemoryCheck.product(liouvillianEstimate(), 3, 20);
    }

    /** Makes vec(rho) exactly Hermitian: (rho + rho^†) / 2, entry pairs conjugate to the bit. */
    private static void symmetrise(double[] y, int n) {
        for (int j = 0; j < n; j++) {
            y[2 * (j + n * j) + 1] = 0;
            for (int i = j + 1; i < n; i++) {
                int lower = 2 * (i + n * j), upper = 2 * (j + n * i);
                double re = 0.5 * (y[upper] + y[lower]), im = 0.5 * (y[upper + 1] - y[lower + 1]);
                y[upper] = re;
                y[upper + 1] = im;
                y[lower] = re;
                y[lower + 1] = -im;
            }
        }
    }

    /** @return whether the system is a master equation with dissipation (false: Schrödinger suffices for kets) */
    boolean hasDissipation() {
        return liouvillianGiven || !cOps.isEmpty();
    }
}
