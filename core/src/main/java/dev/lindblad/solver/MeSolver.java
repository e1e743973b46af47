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
    private volatile String choice;

    /**
     * @param hamiltonian a Hamiltonian (operator) or Liouvillian (superoperator), constant or
     *                    time-dependent
     * @param cOps        collapse operators, constant or time-dependent (may be empty)
     * @param options     solver options
     */
    public MeSolver(QobjLike hamiltonian, List<? extends QobjLike> cOps, SolverOptions options) {
        Objects.requireNonNull(hamiltonian, "hamiltonian");
        this.options = Objects.requireNonNull(options, "options");
        this.hamiltonian = hamiltonian.asEvo();
        Dims hd = hamiltonian.dims();
        this.liouvillianGiven = hd.type() == Dims.Type.SUPER;
        if (liouvillianGiven) {
            operDims = hd.outSpace();
            if (!hd.outSpace().equals(hd.inSpace())) {
                throw new IllegalArgumentException("mesolve needs a Liouvillian mapping operators to operators of the same dims, got "
                        + hd);
            }
        } else if (hd.type() == Dims.Type.OPER && hd.rows() == hd.cols()) {
            operDims = hd;
        } else {
            throw new IllegalArgumentException("mesolve needs a square Hamiltonian or a Liouvillian, got dims " + hd);
        }
        this.n = operDims.rows();
        List<QobjEvo> cs = new ArrayList<>();
        if (cOps != null) {
            for (int k = 0; k < cOps.size(); k++) {
                QobjLike c = Objects.requireNonNull(cOps.get(k), "collapse operator " + k);
                if (!c.dims().equals(operDims)) {
                    throw new DimensionMismatchException("mesolve: collapse operator " + k + " and the system", c.dims(),
                            operDims);
                }
                cs.add(c.asEvo());
            }
        }
        this.cOps = List.copyOf(cs);
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
        for (QobjEvo.Term t : hamiltonian.terms()) {
            Matrix h = t.operator().data();
            terms.add(new Generator.Term(Generator.Kind.LEFT, Data.scale(h, 0, -1), null, t.coefficient()));
            terms.add(new Generator.Term(Generator.Kind.RIGHT, null, Data.scale(h, 0, 1), t.coefficient()));
        }
        for (QobjEvo c : cOps) {
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

    /** The same equation as superoperators on vec(rho), terms sharing a coefficient merged. */
    private SuperGenerator buildLiouvillian() {
        CsrMatrix id = CsrMatrix.identity(n);
        Matrix constant = null;
        Map<Coefficient, Matrix> timeDependent = new IdentityHashMap<>();
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
        for (Object[] p : parts) {
            Matrix s = (Matrix) p[0];
            Coefficient f = (Coefficient) p[1];
            if (f == null) {
                constant = constant == null ? s : Data.add(constant, s);
            } else {
                Matrix prev = timeDependent.get(f);
                if (prev == null) {
                    order.add(f);
                }
                timeDependent.put(f, prev == null ? s : Data.add(prev, s));
            }
        }
        List<SuperGenerator.Term> terms = new ArrayList<>();
        for (Coefficient f : order) {
            terms.add(new SuperGenerator.Term(timeDependent.get(f), f));
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
        double est = 0;
        for (QobjEvo.Term t : hamiltonian.terms()) {
            est += 2.0 * n * t.operator().data().nnz();
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

    /** @return the dims of the operators the equation acts on */
    Dims operatorDims() {
        return operDims;
    }

    /** @return the options */
    public SolverOptions options() {
        return options;
    }

    /**
     * @return the Liouvillian as a superoperator when it is constant (built on demand), for
     *         steady states and propagators
     */
    public Qobj liouvillianSuperoperator() {
        SuperGenerator l = liouvillian != null ? liouvillian : buildLiouvillian();
        if (!l.isConstant()) {
            throw new IllegalStateException("the Liouvillian is time-dependent");
        }
        return Qobj.of(l.constantPart() == null ? CsrMatrix.zeros(n * n, n * n) : l.constantPart().toCsr(),
                Dims.superOf(operDims));
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
        Objects.requireNonNull(rho0, "rho0");
        double[] times = Evolution.checkTimes(tlist);
        List<Qobj> ops = eOps == null ? List.of() : List.copyOf(eOps);
        List<ExpectFunction> funcs = eFuncs == null ? List.of() : List.copyOf(eFuncs);
        if (rho0.isKet()) {
            if (!java.util.Arrays.equals(rho0.dims().out(), operDims.in())) {
                throw new DimensionMismatchException("mesolve: system and initial state", operDims, rho0.dims());
            }
            rho0 = rho0.times(rho0.dag());
        }
        if (!rho0.isOper()) {
            throw new IllegalArgumentException("mesolve needs a density matrix or ket as initial state, got a "
                    + rho0.type() + " with dims " + rho0.dims());
        }
        if (!rho0.dims().equals(operDims)) {
            throw new DimensionMismatchException("mesolve: system and initial state", operDims, rho0.dims());
        }
        for (Qobj e : ops) {
            if (!e.dims().equals(operDims)) {
                throw new DimensionMismatchException("mesolve: e-op and system", e.dims(), operDims);
            }
        }
        double[] y0 = Evolution.stateArray(rho0);
        choose(y0);
        String method = options.method();
        Propagation prop;
        String rhsName = choice;
        OdeSystem f = choice.startsWith("liouvillian") ? liouvillian : products.forOneRun();
        if (method.equals("krylov")) {
            SuperGenerator l = liouvillian != null ? liouvillian : buildLiouvillian();
            if (!l.isConstant()) {
                throw new IllegalArgumentException("method 'krylov' needs a time-independent system");
            }
            prop = ExactPropagation.krylovGeneral(l.constantPart(), options);
            rhsName = "liouvillian (krylov)";
        } else if (method.equals("diag")) {
            SuperGenerator l = liouvillian != null ? liouvillian : buildLiouvillian();
            if (!l.isConstant()) {
                throw new IllegalArgumentException("method 'diag' needs a time-independent system");
            }
            prop = ExactPropagation.diagGeneral(l.constantPart());
            rhsName = "liouvillian (diag)";
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
        return Evolution.run(prop, y0, times, Evolution.Kind.DENSITY, operDims, n, n, ops, funcs, options, rhsName,
                start, setup);
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
