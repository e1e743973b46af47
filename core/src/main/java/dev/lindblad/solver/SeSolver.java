package dev.lindblad.solver;

import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.QobjLike;
import dev.lindblad.data.Data;
import dev.lindblad.data.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Schrödinger equation {@code d|psi>/dt = -i H(t) |psi>} (hbar = 1) for kets, and
 * {@code dU/dt = -i H(t) U} for operators (the propagator when {@code U(0) = 1}), as QuTiP's
 * {@code SESolver}. The system is built once; {@link #run} may be called for many initial
 * states.
 */
public final class SeSolver {

    private final QobjEvo hamiltonian;
    private final SolverOptions options;
    private final int n;
    private final List<Generator.Term> terms;
    private final List<Generator.FunctionTerms> functionTerms;
    /** The operation the user called, named in every message: sesolve, mesolve, propagator. */
    private final String operation;

    /**
     * @param hamiltonian the Hamiltonian, constant or time-dependent, an operator
     * @param options     solver options
     * @throws NullPointerException     naming the argument when one is null
     * @throws IllegalArgumentException when the Hamiltonian is not a square operator
     */
    public SeSolver(QobjLike hamiltonian, SolverOptions options) {
        this(hamiltonian, options, "sesolve");
    }

    SeSolver(QobjLike hamiltonian, SolverOptions options, String operation) {
        this.operation = operation;
        Objects.requireNonNull(hamiltonian, operation + ": hamiltonian is null");
        this.options = Objects.requireNonNull(options, operation + ": options is null");
        this.hamiltonian = hamiltonian.asEvo();
        Dims d = hamiltonian.dims();
        if (d.type() != Dims.Type.OPER || d.rows() != d.cols()) {
            throw new IllegalArgumentException(operation + " needs a square Hamiltonian operator, got dims " + d);
        }
        this.n = d.rows();
        List<Generator.Term> t = new ArrayList<>();
        for (QobjEvo.Term term : this.hamiltonian.operatorTerms()) {
            Matrix minusIH = Data.scale(term.operator().data(), 0, -1);
            t.add(new Generator.Term(Generator.Kind.LEFT, minusIH, null, term.coefficient()));
        }
        this.terms = t;
        // function-form parts H(t) (QobjEvo.of(t -> Qobj)) are evaluated at every call
        List<Generator.FunctionTerms> f = new ArrayList<>();
        for (java.util.function.DoubleFunction<dev.lindblad.Qobj> part : this.hamiltonian.functionParts()) {
            f.add(new Generator.FunctionTerms(s -> List.of(new Generator.Term(Generator.Kind.LEFT,
                    Data.scale(part.apply(s).data(), 0, -1), null, null))));
        }
        this.functionTerms = f;
    }

    /** @return the Hamiltonian */
    public QobjEvo hamiltonian() {
        return hamiltonian;
    }

    /** @return the options */
    public SolverOptions options() {
        return options;
    }

    /**
     * Evolves a ket (or an operator, for propagators) through the output times.
     *
     * @param psi0  initial ket, or an operator {@code U(t0)}
     * @param tlist output times, non-decreasing; the first is the initial time
     * @param eOps  operators whose expectation values are recorded (kets only)
     * @return the result
     */
    public Result run(Qobj psi0, double[] tlist, List<Qobj> eOps) {
        return run(psi0, tlist, eOps, List.of());
    }

    /**
     * @param psi0   initial ket or operator
     * @param tlist  output times
     * @param eOps   operators whose expectation values are recorded
     * @param eFuncs callbacks {@code (t, state) -> value} recorded after the operators
     * @return the result
     */
    public Result run(Qobj psi0, double[] tlist, List<Qobj> eOps, List<ExpectFunction> eFuncs) {
        long start = System.nanoTime();
        Objects.requireNonNull(psi0, () -> operation + ": psi0 is null");
        double[] times = Evolution.checkTimes(operation, tlist);
        List<Qobj> ops = Evolution.elements(operation, "eOps", eOps);
        List<ExpectFunction> funcs = Evolution.elements(operation, "eFuncs", eFuncs);
        Evolution.Kind kind;
        if (psi0.isKet()) {
            kind = Evolution.Kind.KET;
        } else if (psi0.isOper()) {
            kind = Evolution.Kind.OPERATOR;
            if (!ops.isEmpty()) {
                throw new IllegalArgumentException(operation + " of an operator (propagator) records no e-ops; got "
                        + ops.size());
            }
        } else {
            throw new IllegalArgumentException(operation + " needs a ket or an operator as initial state, got a "
                    + psi0.type() + " with dims " + psi0.dims());
        }
        Dims hd = hamiltonian.dims();
        if (!java.util.Arrays.equals(hd.in(), psi0.dims().out())) {
            throw new dev.lindblad.DimensionMismatchException(operation + ": Hamiltonian and initial state", hd, psi0.dims());
        }
        for (Qobj e : ops) {
            if (!e.dims().equals(hd)) {
                throw new dev.lindblad.DimensionMismatchException(operation + ": e-op and Hamiltonian", e.dims(), hd);
            }
        }
        int m = psi0.data().cols();
        checkMemory(m, times.length, !ops.isEmpty() || !funcs.isEmpty());
        double[] y0 = Evolution.stateArray(psi0);
        Propagation prop = propagation(m);
        double setup = (System.nanoTime() - start) / 1e9;
        return Evolution.run(operation, prop, y0, times, kind, psi0.dims(), n, m, ops, funcs, options, "schrodinger", start, setup);
    }

    /**
     * Refuses a run whose states cannot fit, before it starts: the integrator's work arrays and,
     * when states are stored, one n×m state per output time (m = n for a propagator).
     */
    private void checkMemory(int m, int times, boolean hasEOps) {
        boolean store = options.storeStates() != null ? options.storeStates() : !hasEOps;
        int arrays = options.isOdeMethod() ? dev.lindblad.ode.Integrators.stateArrays(options.method()) + 3 : 6;
        long state = 16L * n * m;
        dev.lindblad.MemoryCheck.require(operation, (store ? times + " stored states and " : "") + arrays
                + " work arrays of " + dev.lindblad.MemoryCheck.format(state) + " (" + n + "x" + m + " each)",
                dev.lindblad.MemoryCheck.product(state, arrays + (store ? times : 1), 1), store
                ? "store no states (withStoreStates(false)) and record e-ops or callbacks instead, or fewer output times"
                : "a smaller Hilbert space");
    }

    private Propagation propagation(int m) {
        String method = options.method();
        if (method.equals("diag") || method.equals("krylov")) {
            if (!hamiltonian.isConstant()) {
                throw new IllegalArgumentException(operation + ": method '" + method
                        + "' needs a time-independent Hamiltonian; use an adaptive method");
            }
            Qobj h = hamiltonian.constantPart();
            return method.equals("diag") ? ExactPropagation.diag(h, m, operation)
                    : ExactPropagation.krylovHermitian(h, m, options, operation);
        }
        return Propagation.ode(method, 2 * n * m, new Generator(n, m, terms, functionTerms), options.integratorOptions());
    }
}
