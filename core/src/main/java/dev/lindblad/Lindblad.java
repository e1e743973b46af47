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

    // ---- channels and metrics (issue #15) ----

    /** Supermatrix of a map; see {@link Superops#toSuper(Qobj)}. */
    public static Qobj toSuper(Qobj q) {
        return Superops.toSuper(q);
    }

    /** Choi matrix {@code J = Σ |k><l| ⊗ E(|k><l|)}; see {@link Superops#toChoi(Qobj)}. */
    public static Qobj toChoi(Qobj q) {
        return Superops.toChoi(q);
    }

    /** Chi (process) matrix in the Pauli basis, qubits only; see {@link Superops#toChi(Qobj)}. */
    public static Qobj toChi(Qobj q) {
        return Superops.toChi(q);
    }

    /** Kraus operators of a completely positive map; see {@link Superops#toKraus(Qobj)}. */
    public static List<Qobj> toKraus(Qobj q) {
        return Superops.toKraus(q);
    }

    /** Kraus operators, Choi eigenvalues below tol dropped; see {@link Superops#toKraus(Qobj, double)}. */
    public static List<Qobj> toKraus(Qobj q, double tol) {
        return Superops.toKraus(q, tol);
    }

    /** Choi matrix {@code Σ vec(K) vec(K)^†} of Kraus operators; see {@link Superops#krausToChoi(List)}. */
    public static Qobj krausToChoi(List<Qobj> kraus) {
        return Superops.krausToChoi(kraus);
    }

    /** Supermatrix {@code Σ sprepost(K, K^†)} of Kraus operators; see {@link Superops#krausToSuper(List)}. */
    public static Qobj krausToSuper(List<Qobj> kraus) {
        return Superops.krausToSuper(kraus);
    }

    /** Stinespring pair {@code E(X) = Tr_2(A X B^†)}; see {@link Superops#toStinespring(Qobj)}. */
    public static Superops.Stinespring toStinespring(Qobj q) {
        return Superops.toStinespring(q);
    }

    /** Stinespring pair with a threshold; see {@link Superops#toStinespring(Qobj, double)}. */
    public static Superops.Stinespring toStinespring(Qobj q, double threshold) {
        return Superops.toStinespring(q, threshold);
    }

    /** Column reshuffling of a superoperator or operator-ket; see {@link Superops#reshuffle(Qobj)}. */
    public static Qobj reshuffle(Qobj q) {
        return Superops.reshuffle(q);
    }

    /** Whether a map is completely positive; see {@link Superops#isCp(Qobj)}. */
    public static boolean isCp(Qobj q) {
        return Superops.isCp(q);
    }

    /** Whether a map is trace preserving; see {@link Superops#isTp(Qobj)}. */
    public static boolean isTp(Qobj q) {
        return Superops.isTp(q);
    }

    /** Whether a map is a quantum channel (CP and TP); see {@link Superops#isCptp(Qobj)}. */
    public static boolean isCptp(Qobj q) {
        return Superops.isCptp(q);
    }

    /** Composite-system object (tensor or superTensor); see {@link Superops#composite(Qobj...)}. */
    public static Qobj composite(Qobj... parts) {
        return Superops.composite(parts);
    }

    /** Hellinger distance {@code sqrt(2(1 - tr sqrt(A) sqrt(B)))}; see {@link Metrics#hellingerDist(Qobj, Qobj)}. */
    public static double hellingerDist(Qobj a, Qobj b) {
        return Metrics.hellingerDist(a, b);
    }

    /** Bures distance {@code sqrt(2(1 - F))}; see {@link Metrics#buresDist(Qobj, Qobj)}. */
    public static double buresDist(Qobj a, Qobj b) {
        return Metrics.buresDist(a, b);
    }

    /** Bures angle {@code arccos F}; see {@link Metrics#buresAngle(Qobj, Qobj)}. */
    public static double buresAngle(Qobj a, Qobj b) {
        return Metrics.buresAngle(a, b);
    }

    /** Process fidelity to the identity, {@code tr S / d²}; see {@link Metrics#processFidelity(Qobj)}. */
    public static double processFidelity(Qobj oper) {
        return Metrics.processFidelity(oper);
    }

    /** Process fidelity between channels; see {@link Metrics#processFidelity(Qobj, Qobj)}. */
    public static double processFidelity(Qobj oper, Qobj target) {
        return Metrics.processFidelity(oper, target);
    }

    /** Process fidelity of Kraus operators to the identity; see {@link Metrics#processFidelity(List)}. */
    public static double processFidelity(List<Qobj> kraus) {
        return Metrics.processFidelity(kraus);
    }

    /** Process fidelity of Kraus operators to a target; see {@link Metrics#processFidelity(List, Qobj)}. */
    public static double processFidelity(List<Qobj> kraus, Qobj target) {
        return Metrics.processFidelity(kraus, target);
    }

    /** Average gate fidelity {@code (d F_pro + 1)/(d + 1)}; see {@link Metrics#averageGateFidelity(Qobj)}. */
    public static double averageGateFidelity(Qobj oper) {
        return Metrics.averageGateFidelity(oper);
    }

    /** Average gate fidelity to a unitary target; see {@link Metrics#averageGateFidelity(Qobj, Qobj)}. */
    public static double averageGateFidelity(Qobj oper, Qobj target) {
        return Metrics.averageGateFidelity(oper, target);
    }

    /** Average gate fidelity of Kraus operators; see {@link Metrics#averageGateFidelity(List)}. */
    public static double averageGateFidelity(List<Qobj> kraus) {
        return Metrics.averageGateFidelity(kraus);
    }

    /** Average gate fidelity of Kraus operators to a unitary target; see {@link Metrics#averageGateFidelity(List, Qobj)}. */
    public static double averageGateFidelity(List<Qobj> kraus, Qobj target) {
        return Metrics.averageGateFidelity(kraus, target);
    }

    /** Unitarity {@code ||E_u||_F² / (d² - 1)}; see {@link Metrics#unitarity(Qobj)}. */
    public static double unitarity(Qobj oper) {
        return Metrics.unitarity(oper);
    }

    /** Diamond norm where it has a closed form; see {@link Metrics#dnorm(Qobj)}. */
    public static double dnorm(Qobj a) {
        return Metrics.dnorm(a);
    }

    /** Diamond norm of a difference (unitary channels: the numerical-range formula); see {@link Metrics#dnorm(Qobj, Qobj)}. */
    public static double dnorm(Qobj a, Qobj b) {
        return Metrics.dnorm(a, b);
    }

    /** Mutual information {@code S(A) + S(B) - S(AB)} in nats; see {@link Metrics#entropyMutual(Qobj, int[], int[])}. */
    public static double entropyMutual(Qobj rho, int[] selA, int[] selB) {
        return Metrics.entropyMutual(rho, selA, selB);
    }

    /** Mutual information in a base; see {@link Metrics#entropyMutual(Qobj, int[], int[], double)}. */
    public static double entropyMutual(Qobj rho, int[] selA, int[] selB, double base) {
        return Metrics.entropyMutual(rho, selA, selB, base);
    }

    /** Conditional entropy {@code S(AB) - S(B)} in nats; see {@link Metrics#entropyConditional(Qobj, int[])}. */
    public static double entropyConditional(Qobj rho, int[] selB) {
        return Metrics.entropyConditional(rho, selB);
    }

    /** Conditional entropy in a base; see {@link Metrics#entropyConditional(Qobj, int[], double)}. */
    public static double entropyConditional(Qobj rho, int[] selB, double base) {
        return Metrics.entropyConditional(rho, selB, base);
    }

    /** Relative entropy {@code tr rho (log rho - log sigma)} in nats; see {@link Metrics#entropyRelative(Qobj, Qobj)}. */
    public static double entropyRelative(Qobj rho, Qobj sigma) {
        return Metrics.entropyRelative(rho, sigma);
    }

    /** Relative entropy in a base; see {@link Metrics#entropyRelative(Qobj, Qobj, double)}. */
    public static double entropyRelative(Qobj rho, Qobj sigma, double base) {
        return Metrics.entropyRelative(rho, sigma, base);
    }

    // ---- phase space, tensors and solver entry points (issue #15) ----

    /** Wigner function by QuTiP's method name; see {@link Wigner#wigner(Qobj, double[], double[], String, double)}. */
    public static double[][] wigner(Qobj state, double[] xvec, double[] pvec, String method) {
        return Wigner.wigner(state, xvec, pvec, method);
    }

    /** Wigner function by method with scaling g; see {@link Wigner#wigner(Qobj, double[], double[], String, double)}. */
    public static double[][] wigner(Qobj state, double[] xvec, double[] pvec, String method, double g) {
        return Wigner.wigner(state, xvec, pvec, method, g);
    }

    /** Wigner function of a state whose row k is Fock state k + offset; see {@link Wigner#wigner(Qobj, double[], double[], String, double, int)}. */
    public static double[][] wigner(Qobj state, double[] xvec, double[] pvec, String method, double g, int offset) {
        return Wigner.wigner(state, xvec, pvec, method, g, offset);
    }

    /** Wigner function by QuTiP's {@code "fft"} method; see {@link Wigner#wignerFft(Qobj, double[], double)}. */
    public static Wigner.FftResult wignerFft(Qobj state, double[] xvec) {
        return Wigner.wignerFft(state, xvec);
    }

    /** Wigner function by {@code "fft"} with scaling g; see {@link Wigner#wignerFft(Qobj, double[], double)}. */
    public static Wigner.FftResult wignerFft(Qobj state, double[] xvec, double g) {
        return Wigner.wignerFft(state, xvec, g);
    }

    /** Husimi Q function, {@code Q[y][x]}; see {@link Wigner#qfunc(Qobj, double[], double[], double)}. */
    public static double[][] qfunc(Qobj state, double[] xvec, double[] yvec) {
        return Wigner.qfunc(state, xvec, yvec);
    }

    /** Husimi Q function with scaling g; see {@link Wigner#qfunc(Qobj, double[], double[], double)}. */
    public static double[][] qfunc(Qobj state, double[] xvec, double[] yvec, double g) {
        return Wigner.qfunc(state, xvec, yvec, g);
    }

    /** Spin Wigner function, {@code W[phi][theta]}; see {@link Wigner#spinWigner(Qobj, double[], double[])}. */
    public static double[][] spinWigner(Qobj state, double[] theta, double[] phi) {
        return Wigner.spinWigner(state, theta, phi);
    }

    /** Spin Husimi Q function, {@code Q[phi][theta]}; see {@link Wigner#spinQFunction(Qobj, double[], double[])}. */
    public static double[][] spinQFunction(Qobj state, double[] theta, double[] phi) {
        return Wigner.spinQFunction(state, theta, phi);
    }

    /** Contracts pairs of tensor indices; see {@link Tensors#tensorContract(Qobj, int[]...)}. */
    public static Qobj tensorContract(Qobj q, int[]... pairs) {
        return Tensors.tensorContract(q, pairs);
    }

    /** Expands an operator to a larger space; see {@link Tensors#expandOperator(Qobj, int[], int...)}. */
    public static Qobj expandOperator(Qobj oper, int[] dims, int... targets) {
        return Tensors.expandOperator(oper, dims, targets);
    }

    /** Quantum trajectories with one seed per trajectory; see {@link dev.lindblad.solver.Solvers#mcsolve(QobjLike, Qobj, double[], List, List, long[], dev.lindblad.solver.McOptions)}. */
    public static dev.lindblad.solver.McResult mcsolve(QobjLike h, Qobj psi0, double[] tlist,
            List<? extends QobjLike> cOps, List<Qobj> eOps, long[] seeds, dev.lindblad.solver.McOptions options) {
        return dev.lindblad.solver.Solvers.mcsolve(h, psi0, tlist, cOps, eOps, seeds, options);
    }

    /** Quantum trajectories averaged at several counts; see {@link dev.lindblad.solver.Solvers#mcsolve(QobjLike, Qobj, double[], List, List, int[], dev.lindblad.solver.McOptions)}. */
    public static dev.lindblad.solver.McResult mcsolve(QobjLike h, Qobj psi0, double[] tlist,
            List<? extends QobjLike> cOps, List<Qobj> eOps, int[] ntraj, dev.lindblad.solver.McOptions options) {
        return dev.lindblad.solver.Solvers.mcsolve(h, psi0, tlist, cOps, eOps, ntraj, options);
    }

    /** The propagator at one time with options; see {@link dev.lindblad.solver.Solvers#propagator(QobjLike, double, List, dev.lindblad.solver.SolverOptions)}. */
    public static Qobj propagator(QobjLike h, double t, List<? extends QobjLike> cOps,
                                  dev.lindblad.solver.SolverOptions options) {
        return dev.lindblad.solver.Solvers.propagator(h, t, cOps, options);
    }

    /** The two-time propagator U(t, t0); see {@link dev.lindblad.solver.Propagator#at(double, double)}. */
    public static Qobj propagator(QobjLike h, double t, double t0, List<? extends QobjLike> cOps,
                                  dev.lindblad.solver.SolverOptions options) {
        return dev.lindblad.solver.Solvers.propagator(h, t, t0, cOps, options);
    }

    /** Propagators at several times with options; see {@link dev.lindblad.solver.Solvers#propagator(QobjLike, double[], List, dev.lindblad.solver.SolverOptions)}. */
    public static List<Qobj> propagator(QobjLike h, double[] times, List<? extends QobjLike> cOps,
                                        dev.lindblad.solver.SolverOptions options) {
        return dev.lindblad.solver.Solvers.propagator(h, times, cOps, options);
    }

    /** Fixed point of a superoperator propagator; see {@link dev.lindblad.solver.Solvers#propagatorSteadystate(Qobj)}. */
    public static Qobj propagatorSteadystate(Qobj u) {
        return dev.lindblad.solver.Solvers.propagatorSteadystate(u);
    }

    /** Pseudo-inverse of a Liouvillian; see {@link dev.lindblad.solver.Solvers#pseudoInverse(Qobj, Qobj, double)}. */
    public static Qobj pseudoInverse(Qobj l) {
        return dev.lindblad.solver.Solvers.pseudoInverse(l);
    }

    /** Pseudo-inverse of a Liouvillian with its steady state; see {@link dev.lindblad.solver.Solvers#pseudoInverse(Qobj, Qobj, double)}. */
    public static Qobj pseudoInverse(Qobj l, Qobj rhoss) {
        return dev.lindblad.solver.Solvers.pseudoInverse(l, rhoss);
    }

    /** Pseudo-inverse at frequency w; see {@link dev.lindblad.solver.Solvers#pseudoInverse(Qobj, Qobj, double)}. */
    public static Qobj pseudoInverse(Qobj l, Qobj rhoss, double w) {
        return dev.lindblad.solver.Solvers.pseudoInverse(l, rhoss, w);
    }

    // ---- Bloch–Redfield and Floquet (issue #20) ----

    /**
     * Bloch–Redfield master equation with QuTiP's secular cutoff 0.1; see
     * {@link dev.lindblad.solver.Solvers#brmesolve(Qobj, Qobj, double[], List, List)}.
     */
    public static dev.lindblad.solver.Result brmesolve(Qobj h, Qobj psi0, double[] tlist,
                                                       List<dev.lindblad.solver.BrOperator> aOps, List<Qobj> eOps) {
        return dev.lindblad.solver.Solvers.brmesolve(h, psi0, tlist, aOps, eOps);
    }

    /**
     * Bloch–Redfield master equation with collapse operators, secular cutoff (units of the
     * smallest gap of H, negative for none) and options; see
     * {@link dev.lindblad.solver.Solvers#brmesolve(Qobj, Qobj, double[], List, List, List, double, dev.lindblad.solver.SolverOptions)}.
     */
    public static dev.lindblad.solver.Result brmesolve(Qobj h, Qobj psi0, double[] tlist,
                                                       List<dev.lindblad.solver.BrOperator> aOps, List<Qobj> eOps,
                                                       List<Qobj> cOps, double secCutoff,
                                                       dev.lindblad.solver.SolverOptions options) {
        return dev.lindblad.solver.Solvers.brmesolve(h, psi0, tlist, aOps, eOps, cOps, secCutoff, options);
    }

    /**
     * Bloch–Redfield master equation with a time-dependent Hamiltonian (QuTiP 5's
     * {@code brmesolve(QobjEvo H, ...)}: the tensor of {@code H(t)} at each t), secular cutoff 0.1;
     * see {@link dev.lindblad.solver.Solvers#brmesolve(QobjEvo, Qobj, double[], List, List)}.
     */
    public static dev.lindblad.solver.Result brmesolve(QobjEvo h, Qobj psi0, double[] tlist,
                                                       List<dev.lindblad.solver.BrOperator> aOps, List<Qobj> eOps) {
        return dev.lindblad.solver.Solvers.brmesolve(h, psi0, tlist, aOps, eOps);
    }

    /**
     * Bloch–Redfield master equation with a time-dependent Hamiltonian, collapse operators, secular
     * cutoff (units of the smallest gap of {@code H(t)}, negative for none) and options; see
     * {@link dev.lindblad.solver.Solvers#brmesolve(QobjEvo, Qobj, double[], List, List, List, double, dev.lindblad.solver.SolverOptions)}.
     */
    public static dev.lindblad.solver.Result brmesolve(QobjEvo h, Qobj psi0, double[] tlist,
                                                       List<dev.lindblad.solver.BrOperator> aOps, List<Qobj> eOps,
                                                       List<Qobj> cOps, double secCutoff,
                                                       dev.lindblad.solver.SolverOptions options) {
        return dev.lindblad.solver.Solvers.brmesolve(h, psi0, tlist, aOps, eOps, cOps, secCutoff, options);
    }

    /**
     * The Bloch–Redfield tensor in the eigenbasis of H (with the eigenvectors);
     * {@code .fockBasis()} gives it in the basis of H; see {@link dev.lindblad.solver.BlochRedfield}.
     */
    public static dev.lindblad.solver.BlochRedfield.BrTensor blochRedfieldTensor(
            Qobj h, List<dev.lindblad.solver.BrOperator> aOps, List<Qobj> cOps, double secCutoff) {
        return dev.lindblad.solver.Solvers.blochRedfieldTensor(h, aOps, cOps, secCutoff);
    }

    /**
     * Schrödinger equation of a T-periodic Hamiltonian through its Floquet states; see
     * {@link dev.lindblad.solver.Floquet}.
     */
    public static dev.lindblad.solver.Result fsesolve(QobjLike h, Qobj psi0, double[] tlist, List<Qobj> eOps,
                                                      double t) {
        return dev.lindblad.solver.Solvers.fsesolve(h, psi0, tlist, eOps, t);
    }

    /**
     * Floquet–Markov master equation (spectra one per c-op, or one for all; {@code wTh} the bath
     * temperature in frequency units); see {@link dev.lindblad.solver.Floquet}.
     */
    public static dev.lindblad.solver.Result fmmesolve(QobjLike h, Qobj rho0, double[] tlist, List<Qobj> cOps,
                                                       List<Qobj> eOps,
                                                       List<java.util.function.DoubleUnaryOperator> spectra,
                                                       double t, double wTh) {
        return dev.lindblad.solver.Solvers.fmmesolve(h, rho0, tlist, cOps, eOps, spectra, t, wTh);
    }

    /**
     * The Floquet–Markov tensor in the basis of the Floquet states; see
     * {@link dev.lindblad.solver.Floquet#floquetTensor}.
     */
    public static Qobj floquetTensor(dev.lindblad.solver.FloquetBasis basis, List<Qobj> cOps,
                                     List<java.util.function.DoubleUnaryOperator> spectra, double wTh, int kmax,
                                     int nT) {
        return dev.lindblad.solver.Floquet.floquetTensor(basis, cOps, spectra, wTh, kmax, nT);
    }

    // ---- correlations (issue #20) ----

    /** {@code <A(tau) B(0)>}; see {@link dev.lindblad.solver.Correlations#correlation2op1t(QobjLike, Qobj, double[], List, Qobj, Qobj)}. */
    public static Complex[] correlation2op1t(QobjLike h, Qobj state0, double[] taulist, List<? extends QobjLike> cOps,
                                            Qobj a, Qobj b) {
        return dev.lindblad.solver.Correlations.correlation2op1t(h, state0, taulist, cOps, a, b);
    }

    /** {@code <A(tau) B(0)>} or, reversed, {@code <A(0) B(tau)>}; see {@link dev.lindblad.solver.Correlations}. */
    public static Complex[] correlation2op1t(QobjLike h, Qobj state0, double[] taulist, List<? extends QobjLike> cOps,
                                            Qobj a, Qobj b, boolean reverse, dev.lindblad.solver.SolverOptions options) {
        return dev.lindblad.solver.Correlations.correlation2op1t(h, state0, taulist, cOps, a, b, reverse, options);
    }

    /** {@code <A(t+tau) B(t)>} as {@code [t][tau]}, rows in parallel; see {@link dev.lindblad.solver.Correlations}. */
    public static Complex[][] correlation2op2t(QobjLike h, Qobj state0, double[] tlist, double[] taulist,
                                              List<? extends QobjLike> cOps, Qobj a, Qobj b) {
        return dev.lindblad.solver.Correlations.correlation2op2t(h, state0, tlist, taulist, cOps, a, b);
    }

    /** {@code <A(t+tau) B(t)>} or, reversed, {@code <A(t) B(t+tau)>}, with options and a task map; see {@link dev.lindblad.solver.Correlations}. */
    public static Complex[][] correlation2op2t(QobjLike h, Qobj state0, double[] tlist, double[] taulist,
                                              List<? extends QobjLike> cOps, Qobj a, Qobj b, boolean reverse,
                                              dev.lindblad.solver.SolverOptions options,
                                              dev.lindblad.parallel.TaskMap map) {
        return dev.lindblad.solver.Correlations.correlation2op2t(h, state0, tlist, taulist, cOps, a, b, reverse, options,
                map);
    }

    /** {@code <A(0) B(tau) C(0)>}; see {@link dev.lindblad.solver.Correlations}. */
    public static Complex[] correlation3op1t(QobjLike h, Qobj state0, double[] taulist, List<? extends QobjLike> cOps,
                                            Qobj a, Qobj b, Qobj c) {
        return dev.lindblad.solver.Correlations.correlation3op1t(h, state0, taulist, cOps, a, b, c);
    }

    /** {@code <A(0) B(tau) C(0)>} with options; see {@link dev.lindblad.solver.Correlations}. */
    public static Complex[] correlation3op1t(QobjLike h, Qobj state0, double[] taulist, List<? extends QobjLike> cOps,
                                            Qobj a, Qobj b, Qobj c, dev.lindblad.solver.SolverOptions options) {
        return dev.lindblad.solver.Correlations.correlation3op1t(h, state0, taulist, cOps, a, b, c, options);
    }

    /** {@code <A(t) B(t+tau) C(t)>} as {@code [t][tau]}, rows in parallel; see {@link dev.lindblad.solver.Correlations}. */
    public static Complex[][] correlation3op2t(QobjLike h, Qobj state0, double[] tlist, double[] taulist,
                                              List<? extends QobjLike> cOps, Qobj a, Qobj b, Qobj c) {
        return dev.lindblad.solver.Correlations.correlation3op2t(h, state0, tlist, taulist, cOps, a, b, c);
    }

    /** {@code <A(t) B(t+tau) C(t)>} with options and a task map; see {@link dev.lindblad.solver.Correlations}. */
    public static Complex[][] correlation3op2t(QobjLike h, Qobj state0, double[] tlist, double[] taulist,
                                              List<? extends QobjLike> cOps, Qobj a, Qobj b, Qobj c,
                                              dev.lindblad.solver.SolverOptions options,
                                              dev.lindblad.parallel.TaskMap map) {
        return dev.lindblad.solver.Correlations.correlation3op2t(h, state0, tlist, taulist, cOps, a, b, c, options, map);
    }

    /** {@code <A(t) B(t+tau) C(t)>} from a solver, null operators the identity; see {@link dev.lindblad.solver.Correlations}. */
    public static Complex[][] correlation3op(dev.lindblad.solver.MeSolver solver, Qobj state0, double[] tlist,
                                            double[] taulist, Qobj aOp, Qobj bOp, Qobj cOp,
                                            dev.lindblad.parallel.TaskMap map) {
        return dev.lindblad.solver.Correlations.correlation3op(solver, state0, tlist, taulist, aOp, bOp, cOp, map);
    }

    /** {@code g1(tau) = <a^dag(tau) a(0)> / sqrt(n(0) n(tau))}; see {@link dev.lindblad.solver.Correlations}. */
    public static dev.lindblad.solver.CoherenceFunction coherenceFunctionG1(QobjLike h, Qobj state0, double[] taulist,
                                                                           List<? extends QobjLike> cOps, Qobj a) {
        return dev.lindblad.solver.Correlations.coherenceFunctionG1(h, state0, taulist, cOps, a);
    }

    /** g1 with options; see {@link dev.lindblad.solver.Correlations}. */
    public static dev.lindblad.solver.CoherenceFunction coherenceFunctionG1(QobjLike h, Qobj state0, double[] taulist,
                                                                           List<? extends QobjLike> cOps, Qobj a,
                                                                           dev.lindblad.solver.SolverOptions options) {
        return dev.lindblad.solver.Correlations.coherenceFunctionG1(h, state0, taulist, cOps, a, options);
    }

    /** {@code g2(tau) = <a^dag(0) a^dag(tau) a(tau) a(0)> / (n(0) n(tau))}; see {@link dev.lindblad.solver.Correlations}. */
    public static dev.lindblad.solver.CoherenceFunction coherenceFunctionG2(QobjLike h, Qobj state0, double[] taulist,
                                                                           List<? extends QobjLike> cOps, Qobj a) {
        return dev.lindblad.solver.Correlations.coherenceFunctionG2(h, state0, taulist, cOps, a);
    }

    /** g2 with options; see {@link dev.lindblad.solver.Correlations}. */
    public static dev.lindblad.solver.CoherenceFunction coherenceFunctionG2(QobjLike h, Qobj state0, double[] taulist,
                                                                           List<? extends QobjLike> cOps, Qobj a,
                                                                           dev.lindblad.solver.SolverOptions options) {
        return dev.lindblad.solver.Correlations.coherenceFunctionG2(h, state0, taulist, cOps, a, options);
    }

    /** Steady-state power spectrum of {@code <A(tau) B(0)>} by eigen-decomposition; see {@link dev.lindblad.solver.Correlations}. */
    public static double[] spectrum(Qobj h, double[] wlist, List<Qobj> cOps, Qobj a, Qobj b) {
        return dev.lindblad.solver.Correlations.spectrum(h, wlist, cOps, a, b);
    }

    /** Power spectrum by {@code "es"}, {@code "pi"} or {@code "solve"}; see {@link dev.lindblad.solver.Correlations}. */
    public static double[] spectrum(Qobj h, double[] wlist, List<Qobj> cOps, Qobj a, Qobj b, String solver,
                                    dev.lindblad.parallel.TaskMap map) {
        return dev.lindblad.solver.Correlations.spectrum(h, wlist, cOps, a, b, solver, map);
    }

    /** Spectrum of a sampled correlation by FFT; see {@link dev.lindblad.solver.Correlations#spectrumCorrelationFft(double[], Complex[])}. */
    public static dev.lindblad.solver.FftSpectrum spectrumCorrelationFft(double[] tlist, Complex[] y) {
        return dev.lindblad.solver.Correlations.spectrumCorrelationFft(tlist, y);
    }

    /** Spectrum by FFT with the inverse transform's sign; see {@link dev.lindblad.solver.Correlations}. */
    public static dev.lindblad.solver.FftSpectrum spectrumCorrelationFft(double[] tlist, Complex[] y, boolean inverse) {
        return dev.lindblad.solver.Correlations.spectrumCorrelationFft(tlist, y, inverse);
    }

    /**
     * Monte Carlo trajectories with rates that may be negative (influence martingale), QuTiP 5's
     * {@code nm_mcsolve}; see {@link dev.lindblad.solver.NmMcSolver}.
     */
    public static dev.lindblad.solver.NmMcResult nmMcsolve(QobjLike h, Qobj psi0, double[] tlist, List<Qobj> ops,
                                                          List<java.util.function.DoubleUnaryOperator> rates,
                                                          List<Qobj> eOps, dev.lindblad.solver.McOptions options) {
        return dev.lindblad.solver.NmMcSolver.nmMcsolve(h, psi0, tlist, ops, rates, eOps, options);
    }

    // ---- data files (issue #21) ----

    /**
     * Saves a {@link Qobj} or a solver result ({@link dev.lindblad.solver.Result},
     * {@link dev.lindblad.solver.McResult}, {@link dev.lindblad.solver.SteadyStateResult}) in
     * Lindblad's versioned binary format, as QuTiP's {@code qsave}; {@link #qload(java.nio.file.Path)}
     * gives it back bit for bit. See {@link dev.lindblad.solver.DataFiles#qsave} and docs/data-files.md.
     */
    public static void qsave(Object object, java.nio.file.Path path) {
        Require.nonNull(object, "qsave", "object");
        Require.nonNull(path, "qsave", "path");
        dev.lindblad.solver.DataFiles.qsave(object, path);
    }

    /** Loads what {@link #qsave} wrote, as QuTiP's {@code qload}; see {@link dev.lindblad.solver.DataFiles#qload(java.nio.file.Path)}. */
    public static Object qload(java.nio.file.Path path) {
        Require.nonNull(path, "qload", "path");
        return dev.lindblad.solver.DataFiles.qload(path);
    }

    /** {@link #qload(java.nio.file.Path)} checking the kind: {@code Result r = qload(p, Result.class)}. */
    public static <T> T qload(java.nio.file.Path path, Class<T> type) {
        Require.nonNull(path, "qload", "path");
        Require.nonNull(type, "qload", "type");
        return dev.lindblad.solver.DataFiles.qload(path, type);
    }

    /**
     * Exports a {@link Qobj} or a solver result to HDF5, complex arrays as float64 with a last
     * axis (re, im), for h5py: {@code h5py.File(p)['expect'][()].view(complex)[..., 0]}; see
     * {@link dev.lindblad.solver.DataFiles#saveHdf5} and docs/data-files.md.
     */
    public static void saveHdf5(Object object, java.nio.file.Path path) {
        Require.nonNull(object, "saveHdf5", "object");
        Require.nonNull(path, "saveHdf5", "path");
        dev.lindblad.solver.DataFiles.saveHdf5(object, path);
    }

    /**
     * Exports the expectation values of a {@link dev.lindblad.solver.Result} or
     * {@link dev.lindblad.solver.McResult} as CSV: {@code time, e0, e1, ...}, complex e-ops as
     * {@code _re}/{@code _im} columns; see {@link dev.lindblad.solver.DataFiles#saveCsv(Object, java.nio.file.Path, List)}.
     */
    public static void saveCsv(Object result, java.nio.file.Path path) {
        Require.nonNull(result, "saveCsv", "result");
        Require.nonNull(path, "saveCsv", "path");
        dev.lindblad.solver.DataFiles.saveCsv(result, path);
    }

    /** {@link #saveCsv(Object, java.nio.file.Path)} with a name per e-op for the header. */
    public static void saveCsv(Object result, java.nio.file.Path path, List<String> labels) {
        Require.nonNull(result, "saveCsv", "result");
        Require.nonNull(path, "saveCsv", "path");
        Require.elements(labels, "saveCsv", "labels");
        dev.lindblad.solver.DataFiles.saveCsv(result, path, labels);
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

    // ---- time-dependent Bloch–Redfield (issue #20) ----

    /**
     * The Bloch–Redfield tensor at time t of couplings that may depend on time, as QuTiP 5's
     * {@code bloch_redfield_tensor} with {@code QobjEvo} a_ops evaluated at t: the tensor of the
     * couplings frozen at t, {@code (A(t), S(t, ·))}; a coupling {@code f(t) A} contributes
     * {@code f(t)²} times the tensor of A. See
     * {@link dev.lindblad.solver.BlochRedfield#tensorAt(Qobj, List, List, double, double)}.
     *
     * @param h         the Hamiltonian (Hermitian, constant)
     * @param aOps      the couplings ({@link dev.lindblad.solver.BrOperator}), constant or time-dependent
     * @param cOps      Lindblad collapse operators (null: none)
     * @param secCutoff secular cutoff in units of the smallest gap of H; negative: none
     * @param t         the time
     * @return the tensor in the eigenbasis of H, with the eigenvectors and energies
     */
    public static dev.lindblad.solver.BlochRedfield.BrTensor blochRedfieldTensorAt(
            Qobj h, List<dev.lindblad.solver.BrOperator> aOps, List<Qobj> cOps, double secCutoff, double t) {
        Require.nonNull(h, "blochRedfieldTensorAt", "h");
        Require.elements(aOps, "blochRedfieldTensorAt", "aOps");
        if (Double.isNaN(secCutoff)) {
            throw new IllegalArgumentException("blochRedfieldTensorAt: secCutoff = NaN; expected a number (negative: "
                    + "no secular approximation)");
        }
        Require.finite(t, "blochRedfieldTensorAt", "t");
        return dev.lindblad.solver.BlochRedfield.tensorAt(h, aOps, cOps, secCutoff, t);
    }
}
