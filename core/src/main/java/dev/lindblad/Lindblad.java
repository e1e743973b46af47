package dev.lindblad;

import java.util.List;

/**
 * The one-import façade: {@code import static dev.lindblad.Lindblad.*;} brings every function
 * of Lindblad's public surface into scope, as {@code from qutip import *} does. Each method
 * forwards to its home class ({@link States}, {@link Operators}, {@link Superops},
 * {@link Metrics}, {@link Wigner}, {@link Qobj}), where the formula and convention are
 * documented; names and conventions are QuTiP 4.7's in camelCase.
 */
public final class Lindblad {

    private Lindblad() {
    }

    /** The tensor product {@code parts[0] ⊗ parts[1] ⊗ ...}; see {@link Qobj#tensor(Qobj...)}. */
    public static Qobj tensor(Qobj... parts) {
        return Qobj.tensor(parts);
    }

    /** The tensor product of a list; see {@link Qobj#tensor(List)}. */
    public static Qobj tensor(List<Qobj> parts) {
        return Qobj.tensor(parts);
    }

    /**
     * Real expectation value {@code <psi|A|psi>} or {@code tr(A rho)}, refused (with an
     * {@code IllegalArgumentException} naming {@code expectComplex}) when it is complex beyond
     * rounding; see {@link Qobj#expect(Qobj, Qobj)}.
     */
    public static double expect(Qobj oper, Qobj state) {
        return Qobj.expect(oper, state);
    }

    /** Complex expectation value; see {@link Qobj#expectComplex(Qobj, Qobj)}. */
    public static Complex expectComplex(Qobj oper, Qobj state) {
        return Qobj.expectComplex(oper, state);
    }

    /** Basis ket {@code |k>}; see {@link States#basis(int, int)}. */
    public static Qobj basis(int n, int k) {
        return States.basis(n, k);
    }

    /** Composite basis ket; see {@link States#basis(int[], int[])}. */
    public static Qobj basis(int[] dims, int[] k) {
        return States.basis(dims, k);
    }

    /** Fock ket {@code |k>}; see {@link States#fock(int, int)}. */
    public static Qobj fock(int n, int k) {
        return States.fock(n, k);
    }

    /** Fock density matrix {@code |k><k|}; see {@link States#fockDm(int, int)}. */
    public static Qobj fockDm(int n, int k) {
        return States.fockDm(n, k);
    }

    /** Coherent ket {@code D(α)|0>} (truncated-space operator method); see {@link States#coherent(int, Complex)}. */
    public static Qobj coherent(int n, Complex alpha) {
        return States.coherent(n, alpha);
    }

    /** Coherent ket for real α; see {@link States#coherent(int, double)}. */
    public static Qobj coherent(int n, double alpha) {
        return States.coherent(n, alpha);
    }

    /** Coherent ket by method "operator" or "analytic"; see {@link States#coherent(int, Complex, String)}. */
    public static Qobj coherent(int n, Complex alpha, String method) {
        return States.coherent(n, alpha, method);
    }

    /** Coherent density matrix; see {@link States#coherentDm(int, Complex)}. */
    public static Qobj coherentDm(int n, Complex alpha) {
        return States.coherentDm(n, alpha);
    }

    /** Coherent density matrix for real α; see {@link States#coherentDm(int, double)}. */
    public static Qobj coherentDm(int n, double alpha) {
        return States.coherentDm(n, alpha);
    }

    /** Coherent density matrix by method; see {@link States#coherentDm(int, Complex, String)}. */
    public static Qobj coherentDm(int n, Complex alpha, String method) {
        return States.coherentDm(n, alpha, method);
    }

    /** Thermal state, weights {@code ∝ (nMean/(1+nMean))^k} normalised; see {@link States#thermalDm(int, double)}. */
    public static Qobj thermalDm(int n, double nMean) {
        return States.thermalDm(n, nMean);
    }

    /** Thermal state by method; see {@link States#thermalDm(int, double, String)}. */
    public static Qobj thermalDm(int n, double nMean, String method) {
        return States.thermalDm(n, nMean, method);
    }

    /** {@code |psi><psi|}; see {@link States#ketToDm(Qobj)}. */
    public static Qobj ketToDm(Qobj psi) {
        return States.ketToDm(psi);
    }

    /** Bell state "00", "01", "10" or "11"; see {@link States#bellState(String)}. */
    public static Qobj bellState(String state) {
        return States.bellState(state);
    }

    /** Bell state {@code (|00> + |11>)/√2}; see {@link States#bellState()}. */
    public static Qobj bellState() {
        return States.bellState();
    }

    /** GHZ state of n qubits; see {@link States#ghzState(int)}. */
    public static Qobj ghzState(int n) {
        return States.ghzState(n);
    }

    /** Maximally mixed state {@code 1/n}; see {@link States#maximallyMixedDm(int)}. */
    public static Qobj maximallyMixedDm(int n) {
        return States.maximallyMixedDm(n);
    }

    /** {@code |i><j|}; see {@link States#projection(int, int, int)}. */
    public static Qobj projection(int n, int i, int j) {
        return States.projection(n, i, j);
    }

    /** Annihilation operator; see {@link Operators#destroy(int)}. */
    public static Qobj destroy(int n) {
        return Operators.destroy(n);
    }

    /** Creation operator; see {@link Operators#create(int)}. */
    public static Qobj create(int n) {
        return Operators.create(n);
    }

    /** Number operator; see {@link Operators#num(int)}. */
    public static Qobj num(int n) {
        return Operators.num(n);
    }

    /** Identity; see {@link Operators#qeye(int)}. */
    public static Qobj qeye(int n) {
        return Operators.qeye(n);
    }

    /** Identity on a composite space; see {@link Operators#qeye(int...)}. */
    public static Qobj qeye(int... dims) {
        return Operators.qeye(dims);
    }

    /** Pauli σx; see {@link Operators#sigmax()}. */
    public static Qobj sigmax() {
        return Operators.sigmax();
    }

    /** Pauli σy; see {@link Operators#sigmay()}. */
    public static Qobj sigmay() {
        return Operators.sigmay();
    }

    /** Pauli {@code σz = diag(1, -1)}; see {@link Operators#sigmaz()}. */
    public static Qobj sigmaz() {
        return Operators.sigmaz();
    }

    /** {@code σ+ = |0><1|}; see {@link Operators#sigmap()}. */
    public static Qobj sigmap() {
        return Operators.sigmap();
    }

    /** {@code σ- = |1><0|}; see {@link Operators#sigmam()}. */
    public static Qobj sigmam() {
        return Operators.sigmam();
    }

    /** Spin-j operator along "x", "y", "z", "+" or "-"; see {@link Operators#jmat(double, String)}. */
    public static Qobj jmat(double j, String axis) {
        return Operators.jmat(j, axis);
    }

    /** Spin-j operator; see {@link Operators#jmat(double, char)}. */
    public static Qobj jmat(double j, char axis) {
        return Operators.jmat(j, axis);
    }

    /** {@code {J_x, J_y, J_z}}; see {@link Operators#jmat(double)}. */
    public static Qobj[] jmat(double j) {
        return Operators.jmat(j);
    }

    /** Displacement {@code exp(α a^† - α^* a)}; see {@link Operators#displace(int, Complex)}. */
    public static Qobj displace(int n, Complex alpha) {
        return Operators.displace(n, alpha);
    }

    /** Displacement for real α; see {@link Operators#displace(int, double)}. */
    public static Qobj displace(int n, double alpha) {
        return Operators.displace(n, alpha);
    }

    /** Squeezing {@code exp((z^* a² - z a^†²)/2)}; see {@link Operators#squeeze(int, Complex)}. */
    public static Qobj squeeze(int n, Complex z) {
        return Operators.squeeze(n, z);
    }

    /** Squeezing for real z; see {@link Operators#squeeze(int, double)}. */
    public static Qobj squeeze(int n, double z) {
        return Operators.squeeze(n, z);
    }

    /** Pegg–Barnett phase operator; see {@link Operators#phase(int, double)}. */
    public static Qobj phase(int n, double phi0) {
        return Operators.phase(n, phi0);
    }

    /** {@code [A, B] = AB - BA}; see {@link Operators#commutator(Qobj, Qobj)}. */
    public static Qobj commutator(Qobj a, Qobj b) {
        return Operators.commutator(a, b);
    }

    /** {@code {A, B} = AB + BA}; see {@link Operators#anticommutator(Qobj, Qobj)}. */
    public static Qobj anticommutator(Qobj a, Qobj b) {
        return Operators.anticommutator(a, b);
    }

    /** {@code X -> A X}, matrix {@code 1 ⊗ A}; see {@link Superops#spre(Qobj)}. */
    public static Qobj spre(Qobj a) {
        return Superops.spre(a);
    }

    /** {@code X -> X A}, matrix {@code A^T ⊗ 1}; see {@link Superops#spost(Qobj)}. */
    public static Qobj spost(Qobj a) {
        return Superops.spost(a);
    }

    /** {@code X -> A X B}, matrix {@code B^T ⊗ A}; see {@link Superops#sprepost(Qobj, Qobj)}. */
    public static Qobj sprepost(Qobj a, Qobj b) {
        return Superops.sprepost(a, b);
    }

    /** {@code -i(spre(H) - spost(H)) + Σ D[c]}; see {@link Superops#liouvillian(Qobj, List)}. */
    public static Qobj liouvillian(Qobj h, List<Qobj> cOps) {
        return Superops.liouvillian(h, cOps);
    }

    /** Liouvillian with collapse operators inline; see {@link Superops#liouvillian(Qobj, Qobj...)}. */
    public static Qobj liouvillian(Qobj h, Qobj... cOps) {
        return Superops.liouvillian(h, cOps);
    }

    /** {@code D[c] rho = c rho c^† - ½{c^† c, rho}}; see {@link Superops#lindbladDissipator(Qobj)}. */
    public static Qobj lindbladDissipator(Qobj c) {
        return Superops.lindbladDissipator(c);
    }

    /** QuTiP's generalised dissipator; see {@link Superops#lindbladDissipator(Qobj, Qobj)}. */
    public static Qobj lindbladDissipator(Qobj a, Qobj b) {
        return Superops.lindbladDissipator(a, b);
    }

    /** Column-stacking {@code vec(rho)}; see {@link Superops#operatorToVector(Qobj)}. */
    public static Qobj operatorToVector(Qobj op) {
        return Superops.operatorToVector(op);
    }

    /** Inverse of {@code operatorToVector}; see {@link Superops#vectorToOperator(Qobj)}. */
    public static Qobj vectorToOperator(Qobj v) {
        return Superops.vectorToOperator(v);
    }

    /** Tensor product of superoperators; see {@link Superops#superTensor(Qobj, Qobj)}. */
    public static Qobj superTensor(Qobj s1, Qobj s2) {
        return Superops.superTensor(s1, s2);
    }

    /** Fidelity {@code tr sqrt(sqrt(A) B sqrt(A))} (not squared); see {@link Metrics#fidelity(Qobj, Qobj)}. */
    public static double fidelity(Qobj a, Qobj b) {
        return Metrics.fidelity(a, b);
    }

    /** Trace distance {@code ½||A - B||_tr}; see {@link Metrics#tracedist(Qobj, Qobj)}. */
    public static double tracedist(Qobj a, Qobj b) {
        return Metrics.tracedist(a, b);
    }

    /** Hilbert–Schmidt distance; see {@link Metrics#hilbertDist(Qobj, Qobj)}. */
    public static double hilbertDist(Qobj a, Qobj b) {
        return Metrics.hilbertDist(a, b);
    }

    /** Von Neumann entropy in nats; see {@link Metrics#entropyVn(Qobj)}. */
    public static double entropyVn(Qobj rho) {
        return Metrics.entropyVn(rho);
    }

    /** Von Neumann entropy in a base; see {@link Metrics#entropyVn(Qobj, double)}. */
    public static double entropyVn(Qobj rho, double base) {
        return Metrics.entropyVn(rho, base);
    }

    /** Linear entropy {@code 1 - tr rho²}; see {@link Metrics#entropyLinear(Qobj)}. */
    public static double entropyLinear(Qobj rho) {
        return Metrics.entropyLinear(rho);
    }

    /** Purity {@code tr rho²}; see {@link Metrics#purity(Qobj)}. */
    public static double purity(Qobj rho) {
        return Metrics.purity(rho);
    }

    /** Wootters concurrence of two qubits; see {@link Metrics#concurrence(Qobj)}. */
    public static double concurrence(Qobj rho) {
        return Metrics.concurrence(rho);
    }

    /** Wigner function, {@code W[p][x]}, {@code g = √2}; see {@link Wigner#wigner(Qobj, double[], double[])}. */
    public static double[][] wigner(Qobj state, double[] xvec, double[] pvec) {
        return Wigner.wigner(state, xvec, pvec);
    }

    /** Wigner function with scaling g; see {@link Wigner#wigner(Qobj, double[], double[], double)}. */
    public static double[][] wigner(Qobj state, double[] xvec, double[] pvec, double g) {
        return Wigner.wigner(state, xvec, pvec, g);
    }

    /**
     * Expectation values of one operator on several states, {@code out[k] = expect(oper,
     * states[k])}, each real by the rule of {@link Qobj#expect(Qobj, Qobj)}.
     *
     * @param oper   the operator
     * @param states kets or density matrices
     * @return the real expectation values, in order
     * @throws IllegalArgumentException naming the first state whose value is not real to
     *                                  rounding (use {@link #expectComplex(Qobj, List)})
     */
    public static double[] expect(Qobj oper, List<Qobj> states) {
        Require.nonNull(oper, "expect", "oper");
        Require.elements(states, "expect", "states");
        double[] out = new double[states.size()];
        for (int k = 0; k < out.length; k++) {
            try {
                out[k] = Qobj.expect(oper, states.get(k));
            } catch (DimensionMismatchException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " (states[" + k + "])", e);
            }
        }
        return out;
    }

    /**
     * Evenly spaced points as numpy's {@code linspace(start, stop, n)}: {@code start + i step}
     * with {@code step = (stop - start)/(n - 1)}, the last point set to {@code stop} exactly;
     * {@code n = 1} gives {@code [start]}, {@code n = 0} an empty array.
     *
     * @param start first point
     * @param stop  last point
     * @param n     number of points, {@code >= 0}
     * @return the points
     */
    public static double[] linspace(double start, double stop, int n) {
        Require.finite(start, "linspace", "start");
        Require.finite(stop, "linspace", "stop");
        if (n < 0) {
            throw new IllegalArgumentException("linspace: number of points must be >= 0, got n = " + n);
        }
        double[] y = new double[n];
        if (n == 0) {
            return y;
        }
        double delta = stop - start;
        double step = n > 1 ? delta / (n - 1) : delta;
        for (int i = 0; i < n; i++) {
            y[i] = step == 0 && n > 1 ? i / (double) (n - 1) * delta + start : i * step + start;
        }
        if (n > 1) {
            y[n - 1] = stop;
        }
        return y;
    }

    // ---------------------------------------------------------------- solvers

    /** Schrödinger equation; see {@link dev.lindblad.solver.Solvers#sesolve(QobjLike, Qobj, double[], java.util.List)}. */
    public static dev.lindblad.solver.Result sesolve(QobjLike h, Qobj psi0, double[] tlist, java.util.List<Qobj> eOps) {
        return dev.lindblad.solver.Solvers.sesolve(h, psi0, tlist, eOps);
    }

    /** Schrödinger equation with options. */
    public static dev.lindblad.solver.Result sesolve(QobjLike h, Qobj psi0, double[] tlist, java.util.List<Qobj> eOps,
                                                     dev.lindblad.solver.SolverOptions options) {
        return dev.lindblad.solver.Solvers.sesolve(h, psi0, tlist, eOps, options);
    }

    /** Lindblad master equation; see {@link dev.lindblad.solver.Solvers#mesolve(QobjLike, Qobj, double[], java.util.List, java.util.List)}. */
    public static dev.lindblad.solver.Result mesolve(QobjLike h, Qobj rho0, double[] tlist,
                                                     java.util.List<? extends QobjLike> cOps, java.util.List<Qobj> eOps) {
        return dev.lindblad.solver.Solvers.mesolve(h, rho0, tlist, cOps, eOps);
    }

    /** Lindblad master equation with options. */
    public static dev.lindblad.solver.Result mesolve(QobjLike h, Qobj rho0, double[] tlist,
                                                     java.util.List<? extends QobjLike> cOps, java.util.List<Qobj> eOps,
                                                     dev.lindblad.solver.SolverOptions options) {
        return dev.lindblad.solver.Solvers.mesolve(h, rho0, tlist, cOps, eOps, options);
    }

    /**
     * Monte Carlo quantum trajectories (500, every core, a random seed); see
     * {@link dev.lindblad.solver.Solvers#mcsolve(QobjLike, Qobj, double[], java.util.List, java.util.List)}.
     */
    public static dev.lindblad.solver.McResult mcsolve(QobjLike h, Qobj psi0, double[] tlist,
                                                       java.util.List<? extends QobjLike> cOps,
                                                       java.util.List<Qobj> eOps) {
        return dev.lindblad.solver.Solvers.mcsolve(h, psi0, tlist, cOps, eOps);
    }

    /** Monte Carlo quantum trajectories, {@code ntraj} of them. */
    public static dev.lindblad.solver.McResult mcsolve(QobjLike h, Qobj psi0, double[] tlist,
                                                       java.util.List<? extends QobjLike> cOps,
                                                       java.util.List<Qobj> eOps, int ntraj) {
        return dev.lindblad.solver.Solvers.mcsolve(h, psi0, tlist, cOps, eOps, ntraj);
    }

    /** Monte Carlo quantum trajectories with options (trajectories, seed, map, tolerances, ...). */
    public static dev.lindblad.solver.McResult mcsolve(QobjLike h, Qobj psi0, double[] tlist,
                                                       java.util.List<? extends QobjLike> cOps,
                                                       java.util.List<Qobj> eOps,
                                                       dev.lindblad.solver.McOptions options) {
        return dev.lindblad.solver.Solvers.mcsolve(h, psi0, tlist, cOps, eOps, options);
    }

    /** Steady state; see {@link dev.lindblad.solver.SteadyStateSolver}. */
    public static Qobj steadystate(QobjLike h, java.util.List<? extends QobjLike> cOps) {
        return dev.lindblad.solver.Solvers.steadystate(h, cOps);
    }

    /** Steady state with options. */
    public static Qobj steadystate(QobjLike h, java.util.List<? extends QobjLike> cOps,
                                   dev.lindblad.solver.SteadyStateOptions options) {
        return dev.lindblad.solver.Solvers.steadystate(h, cOps, options);
    }

    /** Propagator from 0 to t: unitary without collapse operators, superoperator with them. */
    public static Qobj propagator(QobjLike h, double t, java.util.List<? extends QobjLike> cOps) {
        return dev.lindblad.solver.Solvers.propagator(h, t, cOps);
    }

    /** Propagators at several times, in parallel over the times on all cores. */
    public static java.util.List<Qobj> propagator(QobjLike h, double[] times, java.util.List<? extends QobjLike> cOps) {
        return dev.lindblad.solver.Solvers.propagator(h, times, cOps, dev.lindblad.solver.SolverOptions.defaults(),
                dev.lindblad.parallel.TaskMap.threads());
    }

    /** QuTiP's {@code parallel_map}: {@code f} over {@code values} on all cores, results in input order. */
    public static <T, R> java.util.List<R> parallelMap(java.util.function.Function<? super T, ? extends R> f,
                                                        java.util.List<T> values) {
        return dev.lindblad.parallel.TaskMap.parallelMap(f, values);
    }

    /** {@code parallel_map} on the given map ({@code TaskMap.serial()}, {@code TaskMap.threads(n)}, ...). */
    public static <T, R> java.util.List<R> parallelMap(java.util.function.Function<? super T, ? extends R> f,
                                                        java.util.List<T> values, dev.lindblad.parallel.TaskMap map) {
        return dev.lindblad.parallel.TaskMap.parallelMap(f, values, map);
    }

    // ---------------------------------------------------------------- quantum objects, states, operators, random objects, QobjEvo (issue #15)

    /** Expectation values of several operators in one state; see {@link Qobj#expect(List, Qobj)}. */
    public static double[] expect(List<Qobj> ops, Qobj state) {
        return Qobj.expect(ops, state);
    }

    /** Complex expectation values of several operators in one state; see {@link Qobj#expectComplex(List, Qobj)}. */
    public static Complex[] expectComplex(List<Qobj> ops, Qobj state) {
        return Qobj.expectComplex(ops, state);
    }

    /**
     * Complex expectation values of one operator on several states,
     * {@code out[k] = expectComplex(oper, states[k])}; see {@link Qobj#expectComplex(Qobj, Qobj)}.
     *
     * @param oper   the operator
     * @param states kets, bras or operators on its space
     * @return the complex expectation values, in order
     */
    public static Complex[] expectComplex(Qobj oper, List<Qobj> states) {
        Require.nonNull(oper, "expectComplex", "oper");
        Require.elements(states, "expectComplex", "states");
        Complex[] out = new Complex[states.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = Qobj.expectComplex(oper, states.get(k));
        }
        return out;
    }

    /** Expectation values of several operators in several states, {@code out[i][k] = expect(ops[i], states[k])}. */
    public static double[][] expect(List<Qobj> ops, List<Qobj> states) {
        Require.elements(ops, "expect", "ops");
        Require.elements(states, "expect", "states");
        double[][] out = new double[ops.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = expect(ops.get(i), states);
        }
        return out;
    }

    /** The variance {@code <A²> - <A>²}; see {@link Qobj#variance(Qobj, Qobj)}. */
    public static double variance(Qobj oper, Qobj state) {
        return Qobj.variance(oper, state);
    }

    /** Basis ket of a space starting at {@code |offset>}; see {@link States#basis(int, int, int)}. */
    public static Qobj basis(int n, int k, int offset) {
        return States.basis(n, k, offset);
    }

    /** Composite basis ket with offsets; see {@link States#basis(int[], int[], int[])}. */
    public static Qobj basis(int[] dims, int[] k, int[] offset) {
        return States.basis(dims, k, offset);
    }

    /** Composite Fock ket; see {@link States#fock(int[], int[])}. */
    public static Qobj fock(int[] dims, int[] k) {
        return States.fock(dims, k);
    }

    /** Fock ket with an offset; see {@link States#fock(int, int, int)}. */
    public static Qobj fock(int n, int k, int offset) {
        return States.fock(n, k, offset);
    }

    /** Composite Fock ket with offsets; see {@link States#fock(int[], int[], int[])}. */
    public static Qobj fock(int[] dims, int[] k, int[] offset) {
        return States.fock(dims, k, offset);
    }

    /** {@code |i><j|} of a composite space with offsets; see {@link States#projection(int[], int[], int[], int[])}. */
    public static Qobj projection(int[] dims, int[] i, int[] j, int[] offset) {
        return States.projection(dims, i, j, offset);
    }

    /** Composite Fock density matrix; see {@link States#fockDm(int[], int[])}. */
    public static Qobj fockDm(int[] dims, int[] k) {
        return States.fockDm(dims, k);
    }

    /** Fock density matrix with an offset; see {@link States#fockDm(int, int, int)}. */
    public static Qobj fockDm(int n, int k, int offset) {
        return States.fockDm(n, k, offset);
    }

    /** Composite Fock density matrix with offsets; see {@link States#fockDm(int[], int[], int[])}. */
    public static Qobj fockDm(int[] dims, int[] k, int[] offset) {
        return States.fockDm(dims, k, offset);
    }

    /** {@code |i><j|} of a composite space; see {@link States#projection(int[], int[], int[])}. */
    public static Qobj projection(int[] dims, int[] i, int[] j) {
        return States.projection(dims, i, j);
    }

    /** {@code |i><j|} with an offset; see {@link States#projection(int, int, int, int)}. */
    public static Qobj projection(int n, int i, int j, int offset) {
        return States.projection(n, i, j, offset);
    }

    /** The zero ket; see {@link States#zeroKet(int...)}. */
    public static Qobj zeroKet(int... dims) {
        return States.zeroKet(dims);
    }

    /** The W state of n qubits; see {@link States#wState(int)}. */
    public static Qobj wState(int n) {
        return States.wState(n);
    }

    /** The spin state {@code |j, m>}; see {@link States#spinState(double, double)}. */
    public static Qobj spinState(double j, double m) {
        return States.spinState(j, m);
    }

    /** The spin state as "ket", "bra" or "dm"; see {@link States#spinState(double, double, String)}. */
    public static Qobj spinState(double j, double m, String type) {
        return States.spinState(j, m, type);
    }

    /** The spin coherent state; see {@link States#spinCoherent(double, double, double)}. */
    public static Qobj spinCoherent(double j, double theta, double phi) {
        return States.spinCoherent(j, theta, phi);
    }

    /** The spin coherent state as "ket", "bra" or "dm"; see {@link States#spinCoherent(double, double, double, String)}. */
    public static Qobj spinCoherent(double j, double theta, double phi, String type) {
        return States.spinCoherent(j, theta, phi, type);
    }

    /** A Pegg–Barnett phase basis ket; see {@link States#phaseBasis(int, int, double)}. */
    public static Qobj phaseBasis(int n, int m, double phi0) {
        return States.phaseBasis(n, m, phi0);
    }

    /** A phase basis ket with {@code φ0 = 0}; see {@link States#phaseBasis(int, int)}. */
    public static Qobj phaseBasis(int n, int m) {
        return States.phaseBasis(n, m);
    }

    /** The two-qubit singlet; see {@link States#singletState()}. */
    public static Qobj singletState() {
        return States.singletState();
    }

    /** The two-qubit triplet states; see {@link States#tripletStates()}. */
    public static List<Qobj> tripletStates() {
        return States.tripletStates();
    }

    /** The qutrit basis; see {@link States#qutritBasis()}. */
    public static List<Qobj> qutritBasis() {
        return States.qutritBasis();
    }

    /** A Fock state of an ENR space; see {@link States#enrFock(int[], int, int[])}. */
    public static Qobj enrFock(int[] dims, int excitations, int[] state) {
        return States.enrFock(dims, excitations, state);
    }

    /** The thermal state of an ENR space; see {@link States#enrThermalDm(int[], int, double[])}. */
    public static Qobj enrThermalDm(int[] dims, int excitations, double[] nMean) {
        return States.enrThermalDm(dims, excitations, nMean);
    }

    /** The thermal state of an ENR space, one occupation for all modes; see {@link States#enrThermalDm(int[], int, double)}. */
    public static Qobj enrThermalDm(int[] dims, int excitations, double nMean) {
        return States.enrThermalDm(dims, excitations, nMean);
    }

    /** Annihilation operators of an ENR space; see {@link Operators#enrDestroy(int[], int)}. */
    public static List<Qobj> enrDestroy(int[] dims, int excitations) {
        return Operators.enrDestroy(dims, excitations);
    }

    /** The identity of an ENR space; see {@link Operators#enrIdentity(int[], int)}. */
    public static Qobj enrIdentity(int[] dims, int excitations) {
        return Operators.enrIdentity(dims, excitations);
    }

    /** The number of ENR states; see {@link Operators#enrNstates(int[], int)}. */
    public static long enrNstates(int[] dims, int excitations) {
        return Operators.enrNstates(dims, excitations);
    }

    /** The zero operator; see {@link Operators#qzero(int...)}. */
    public static Qobj qzero(int... dims) {
        return Operators.qzero(dims);
    }

    /** The zero map between two spaces; see {@link Operators#qzero(int[], int[])}. */
    public static Qobj qzero(int[] dimsLeft, int[] dimsRight) {
        return Operators.qzero(dimsLeft, dimsRight);
    }

    /** The zero object shaped like q; see {@link Operators#qzeroLike(Qobj)}. */
    public static Qobj qzeroLike(Qobj q) {
        return Operators.qzeroLike(q);
    }

    /** The identity shaped like q; see {@link Operators#qeyeLike(Qobj)}. */
    public static Qobj qeyeLike(Qobj q) {
        return Operators.qeyeLike(q);
    }

    /** The identity, QuTiP's {@code identity}; see {@link Operators#identity(int...)}. */
    public static Qobj identity(int... dims) {
        return Operators.identity(dims);
    }

    /** A matrix from diagonals; see {@link Operators#qdiags(Complex[][], int[])}. */
    public static Qobj qdiags(Complex[][] diagonals, int[] offsets) {
        return Operators.qdiags(diagonals, offsets);
    }

    /** A matrix from real diagonals; see {@link Operators#qdiags(double[][], int[])}. */
    public static Qobj qdiags(double[][] diagonals, int[] offsets) {
        return Operators.qdiags(diagonals, offsets);
    }

    /** A matrix with one real diagonal; see {@link Operators#qdiags(double[], int)}. */
    public static Qobj qdiags(double[] diagonal, int offset) {
        return Operators.qdiags(diagonal, offset);
    }

    /** Annihilation operator with an offset; see {@link Operators#destroy(int, int)}. */
    public static Qobj destroy(int n, int offset) {
        return Operators.destroy(n, offset);
    }

    /** Creation operator with an offset; see {@link Operators#create(int, int)}. */
    public static Qobj create(int n, int offset) {
        return Operators.create(n, offset);
    }

    /** Number operator with an offset; see {@link Operators#num(int, int)}. */
    public static Qobj num(int n, int offset) {
        return Operators.num(n, offset);
    }

    /** Position operator; see {@link Operators#position(int)}. */
    public static Qobj position(int n) {
        return Operators.position(n);
    }

    /** Position operator with an offset; see {@link Operators#position(int, int)}. */
    public static Qobj position(int n, int offset) {
        return Operators.position(n, offset);
    }

    /** Momentum operator; see {@link Operators#momentum(int)}. */
    public static Qobj momentum(int n) {
        return Operators.momentum(n);
    }

    /** Momentum operator with an offset; see {@link Operators#momentum(int, int)}. */
    public static Qobj momentum(int n, int offset) {
        return Operators.momentum(n, offset);
    }

    /** Spin {@code J_x}; see {@link Operators#spinJx(double)}. */
    public static Qobj spinJx(double j) {
        return Operators.spinJx(j);
    }

    /** Spin {@code J_y}; see {@link Operators#spinJy(double)}. */
    public static Qobj spinJy(double j) {
        return Operators.spinJy(j);
    }

    /** Spin {@code J_z}; see {@link Operators#spinJz(double)}. */
    public static Qobj spinJz(double j) {
        return Operators.spinJz(j);
    }

    /** Spin {@code J_+}; see {@link Operators#spinJp(double)}. */
    public static Qobj spinJp(double j) {
        return Operators.spinJp(j);
    }

    /** Spin {@code J_-}; see {@link Operators#spinJm(double)}. */
    public static Qobj spinJm(double j) {
        return Operators.spinJm(j);
    }

    /** {@code {J_x, J_y, J_z}}; see {@link Operators#spinJSet(double)}. */
    public static Qobj[] spinJSet(double j) {
        return Operators.spinJSet(j);
    }

    /** Charge operator {@code diag(-nmax..nmax)}; see {@link Operators#charge(int)}. */
    public static Qobj charge(int nmax) {
        return Operators.charge(nmax);
    }

    /** Charge operator {@code diag(nmin..nmax)}; see {@link Operators#charge(int, int)}. */
    public static Qobj charge(int nmax, int nmin) {
        return Operators.charge(nmax, nmin);
    }

    /** Charge operator scaled by frac; see {@link Operators#charge(int, int, double)}. */
    public static Qobj charge(int nmax, int nmin, double frac) {
        return Operators.charge(nmax, nmin, frac);
    }

    /** Tunnelling of one pair; see {@link Operators#tunneling(int)}. */
    public static Qobj tunneling(int n) {
        return Operators.tunneling(n);
    }

    /** Tunnelling of m pairs; see {@link Operators#tunneling(int, int)}. */
    public static Qobj tunneling(int n, int m) {
        return Operators.tunneling(n, m);
    }

    /** Generalised squeezing; see {@link Operators#squeezing(Qobj, Qobj, Complex)}. */
    public static Qobj squeezing(Qobj a1, Qobj a2, Complex z) {
        return Operators.squeezing(a1, a2, z);
    }

    /** Generalised squeezing for real z; see {@link Operators#squeezing(Qobj, Qobj, double)}. */
    public static Qobj squeezing(Qobj a1, Qobj a2, double z) {
        return Operators.squeezing(a1, a2, z);
    }

    /** The six qutrit operators; see {@link Operators#qutritOps()}. */
    public static List<Qobj> qutritOps() {
        return Operators.qutritOps();
    }

    /** Jordan–Wigner fermion annihilation; see {@link Operators#fdestroy(int, int)}. */
    public static Qobj fdestroy(int nSites, int site) {
        return Operators.fdestroy(nSites, site);
    }

    /** Jordan–Wigner fermion creation; see {@link Operators#fcreate(int, int)}. */
    public static Qobj fcreate(int nSites, int site) {
        return Operators.fcreate(nSites, site);
    }

    /** Commutator of kind "normal" or "anti"; see {@link Operators#commutator(Qobj, Qobj, String)}. */
    public static Qobj commutator(Qobj a, Qobj b, String kind) {
        return Operators.commutator(a, b, kind);
    }

    /** Haar-random ket; see {@link RandomObjects#randKet(int, long)}. */
    public static Qobj randKet(int n, long seed) {
        return RandomObjects.randKet(n, seed);
    }

    /** Random ket by distribution; see {@link RandomObjects#randKet(int[], double, String, java.util.random.RandomGenerator)}. */
    public static Qobj randKet(int[] dims, double density, String distribution, java.util.random.RandomGenerator rng) {
        return RandomObjects.randKet(dims, density, distribution, rng);
    }

    /** Hilbert–Schmidt random density matrix; see {@link RandomObjects#randDm(int, long)}. */
    public static Qobj randDm(int n, long seed) {
        return RandomObjects.randDm(n, seed);
    }

    /** Ginibre random density matrix of a given rank; see {@link RandomObjects#randDm(int, int, long)}. */
    public static Qobj randDm(int n, int rank, long seed) {
        return RandomObjects.randDm(n, rank, seed);
    }

    /** Random density matrix by distribution; see {@link RandomObjects#randDm(int[], String, int, java.util.random.RandomGenerator)}. */
    public static Qobj randDm(int[] dims, String distribution, int rank, java.util.random.RandomGenerator rng) {
        return RandomObjects.randDm(dims, distribution, rank, rng);
    }

    /** Random Hermitian operator; see {@link RandomObjects#randHerm(int, double, long)}. */
    public static Qobj randHerm(int n, double density, long seed) {
        return RandomObjects.randHerm(n, density, seed);
    }

    /** Random Hermitian operator by distribution; see {@link RandomObjects#randHerm(int[], double, String, java.util.random.RandomGenerator)}. */
    public static Qobj randHerm(int[] dims, double density, String distribution, java.util.random.RandomGenerator rng) {
        return RandomObjects.randHerm(dims, density, distribution, rng);
    }

    /** Random Hermitian operator with a given spectrum; see {@link RandomObjects#randHermEigen(double[], java.util.random.RandomGenerator)}. */
    public static Qobj randHermEigen(double[] eigenvalues, java.util.random.RandomGenerator rng) {
        return RandomObjects.randHermEigen(eigenvalues, rng);
    }

    /** Random density matrix with a given spectrum; see {@link RandomObjects#randDmEigen(double[], java.util.random.RandomGenerator)}. */
    public static Qobj randDmEigen(double[] eigenvalues, java.util.random.RandomGenerator rng) {
        return RandomObjects.randDmEigen(eigenvalues, rng);
    }

    /** Random superoperator on composite dims; see {@link RandomObjects#randSuper(int[], java.util.random.RandomGenerator)}. */
    public static Qobj randSuper(int[] dims, java.util.random.RandomGenerator rng) {
        return RandomObjects.randSuper(dims, rng);
    }

    /** Random Kraus map on composite dims; see {@link RandomObjects#randKrausMap(int[], java.util.random.RandomGenerator)}. */
    public static List<Qobj> randKrausMap(int[] dims, java.util.random.RandomGenerator rng) {
        return RandomObjects.randKrausMap(dims, rng);
    }

    /** Haar-random unitary; see {@link RandomObjects#randUnitary(int, long)}. */
    public static Qobj randUnitary(int n, long seed) {
        return RandomObjects.randUnitary(n, seed);
    }

    /** Random unitary by distribution and density; see {@link RandomObjects#randUnitary(int[], double, String, java.util.random.RandomGenerator)}. */
    public static Qobj randUnitary(int[] dims, double density, String distribution, java.util.random.RandomGenerator rng) {
        return RandomObjects.randUnitary(dims, density, distribution, rng);
    }

    /** Random left stochastic matrix; see {@link RandomObjects#randStochastic(int, long)}. */
    public static Qobj randStochastic(int n, long seed) {
        return RandomObjects.randStochastic(n, seed);
    }

    /** Random stochastic matrix; see {@link RandomObjects#randStochastic(int[], double, String, java.util.random.RandomGenerator)}. */
    public static Qobj randStochastic(int[] dims, double density, String kind, java.util.random.RandomGenerator rng) {
        return RandomObjects.randStochastic(dims, density, kind, rng);
    }

    /** Random superoperator (a random Lindblad propagator); see {@link RandomObjects#randSuper(int, long)}. */
    public static Qobj randSuper(int n, long seed) {
        return RandomObjects.randSuper(n, seed);
    }

    /** BCSZ random CPTP superoperator; see {@link RandomObjects#randSuperBcsz(int, long)}. */
    public static Qobj randSuperBcsz(int n, long seed) {
        return RandomObjects.randSuperBcsz(n, seed);
    }

    /** BCSZ random superoperator with rank and trace preservation chosen; see {@link RandomObjects#randSuperBcsz(int[], boolean, int, java.util.random.RandomGenerator)}. */
    public static Qobj randSuperBcsz(int[] dims, boolean enforceTp, int rank, java.util.random.RandomGenerator rng) {
        return RandomObjects.randSuperBcsz(dims, enforceTp, rank, rng);
    }

    /** Random CPTP map in Kraus form; see {@link RandomObjects#randKrausMap(int, long)}. */
    public static List<Qobj> randKrausMap(int n, long seed) {
        return RandomObjects.randKrausMap(n, seed);
    }

    /** Time-dependent left multiplication; see {@link QobjEvo#spre(QobjLike)}. */
    public static QobjEvo spre(QobjEvo a) {
        return QobjEvo.spre(a);
    }

    /** Time-dependent right multiplication; see {@link QobjEvo#spost(QobjLike)}. */
    public static QobjEvo spost(QobjEvo a) {
        return QobjEvo.spost(a);
    }

    /** Time-dependent two-sided multiplication; see {@link QobjEvo#sprepost(QobjLike, QobjLike)}. */
    public static QobjEvo sprepost(QobjLike a, QobjEvo b) {
        return QobjEvo.sprepost(a, b);
    }

    /** Time-dependent two-sided multiplication; see {@link QobjEvo#sprepost(QobjLike, QobjLike)}. */
    public static QobjEvo sprepost(QobjEvo a, Qobj b) {
        return QobjEvo.sprepost(a, b);
    }

    /** Time-dependent Lindblad dissipator; see {@link QobjEvo#lindbladDissipator(QobjLike)}. */
    public static QobjEvo lindbladDissipator(QobjEvo c) {
        return QobjEvo.lindbladDissipator(c);
    }

    /**
     * Time-dependent Liouvillian, when H or a collapse operator is a {@link QobjEvo} (constant
     * ones take {@link #liouvillian(Qobj, List)}); see {@link QobjEvo#liouvillian(QobjLike, List)}.
     */
    public static QobjEvo liouvillian(QobjLike h, List<? extends QobjLike> cOps) {
        return QobjEvo.liouvillian(h, cOps);
    }

    /** Time-dependent Liouvillian of a time-dependent Hamiltonian alone; see {@link QobjEvo#liouvillian(QobjLike)}. */
    public static QobjEvo liouvillian(QobjEvo h) {
        return QobjEvo.liouvillian(h);
    }

    /** Tensor product with a time-dependent first factor; see {@link QobjEvo#tensor(QobjLike...)}. */
    public static QobjEvo tensor(QobjEvo first, QobjLike... rest) {
        Require.nonNull(first, "tensor", "first");
        Require.elements(rest, "tensor", "rest");
        QobjLike[] all = new QobjLike[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return QobjEvo.tensor(all);
    }

    /** Tensor product with a time-dependent second factor; see {@link QobjEvo#tensor(QobjLike...)}. */
    public static QobjEvo tensor(Qobj first, QobjEvo second, QobjLike... rest) {
        Require.nonNull(first, "tensor", "first");
        Require.nonNull(second, "tensor", "second");
        Require.elements(rest, "tensor", "rest");
        QobjLike[] all = new QobjLike[rest.length + 2];
        all[0] = first;
        all[1] = second;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return QobjEvo.tensor(all);
    }

    // ---- stochastic (issue #22) ----

    /**
     * QuTiP 5's {@code ssesolve}: trajectories of the stochastic Schrödinger equation under
     * homodyne (or, with {@link dev.lindblad.solver.StochasticOptions#withHeterodyne(boolean)},
     * heterodyne) detection of the monitored operators {@code scOps}; see
     * {@link dev.lindblad.solver.SseSolver} for the equation and the measured current
     * {@code J = <c + c^†> + dW/dt}.
     *
     * @param h       Hamiltonian, constant or time-dependent
     * @param psi0    initial ket
     * @param tlist   output times
     * @param scOps   monitored operators
     * @param eOps    operators whose expectation values are averaged (null: none)
     * @param options trajectories, seed, map, method ({@code "platen"}), dt (1e-3), ...
     * @return averages, standard errors, measurements when stored, seeds
     */
    public static dev.lindblad.solver.StochasticResult ssesolve(QobjLike h, Qobj psi0, double[] tlist,
                                                               java.util.List<? extends QobjLike> scOps,
                                                               java.util.List<Qobj> eOps,
                                                               dev.lindblad.solver.StochasticOptions options) {
        return new dev.lindblad.solver.SseSolver(h, scOps, options).run(psi0, tlist, eOps);
    }

    /**
     * QuTiP 5's {@code smesolve}: trajectories of the stochastic master equation with the
     * unmonitored collapse operators {@code cOps} and the monitored ones {@code scOps}; see
     * {@link dev.lindblad.solver.SmeSolver}. The average is {@code mesolve} with {@code cOps}
     * and {@code scOps} together.
     *
     * @param h       Hamiltonian, constant or time-dependent
     * @param rho0    initial density matrix or ket
     * @param tlist   output times
     * @param cOps    unmonitored collapse operators (null: none)
     * @param scOps   monitored operators
     * @param eOps    operators whose expectation values are averaged (null: none)
     * @param options trajectories, seed, map, method ({@code "platen"}), dt (1e-3), ...
     * @return averages, standard errors, measurements when stored, seeds
     */
    public static dev.lindblad.solver.StochasticResult smesolve(QobjLike h, Qobj rho0, double[] tlist,
                                                               java.util.List<? extends QobjLike> cOps,
                                                               java.util.List<? extends QobjLike> scOps,
                                                               java.util.List<Qobj> eOps,
                                                               dev.lindblad.solver.StochasticOptions options) {
        return new dev.lindblad.solver.SmeSolver(h, cOps, scOps, options).run(rho0, tlist, eOps);
    }
}
