package dev.lindblad.control;

import dev.lindblad.DimensionMismatchException;
import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.data.DenseMatrix;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A control problem's piecewise-constant evolution, its fidelity error and the error's exact
 * gradient for given amplitudes, without optimising: what {@link PulseOptim} minimises, open for
 * checks, scans and benchmarks (qtrl's {@code Dynamics} with its fidelity computer).
 *
 * <p>Slice k lasts {@code τ_k}: {@code evoTime / nTs} for all, or the given {@code tau[k]}; it has the propagator
 * {@code P_k = exp(-i (H_d + Σ_j u_kj H_j) τ_k)} ({@link #unitary}) or
 * {@code exp((L_d + Σ_j u_kj L_j) τ_k)} ({@link #general}); the evolution is
 * {@code X_n = P_{n-1} ... P_0 X_0}. Fidelity errors as in qtrl: {@code "PSU"}
 * {@code |1 - |tr(U_targ^† X_n)| / |tr(U_targ^† U_targ)||}, {@code "SU"} the same with
 * {@code Re} in place of {@code |·|}, {@code "TRACEDIFF"}
 * {@code ||target - X_n||_F^2 / (2N)} with N the generators' dimension.
 *
 * <p>An instance keeps the last evaluation (the gradient reuses its eigen-decompositions), so it
 * is not safe for use by several threads at once; the slices inside one evaluation run over the
 * kernel threads, with the same bits on any thread count.
 */
public final class PulseDynamics implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final boolean unitary;
    private final double[] drift;
    private final double[][] ctrls;
    private final int dim;
    private final int cols;
    private final double[] tau;
    private final Dynamics.FidType fidType;
    private final double[] initial;
    private final double[] target;
    private final Dims evoDims;
    private final transient Dynamics dyn;   // rebuilt on deserialisation (readResolve)

    private PulseDynamics(boolean unitary, double[] drift, double[][] ctrls, int dim, int cols, double[] tau,
                          Dynamics.FidType fidType, double[] initial, double[] target, Dims evoDims) {
        this.unitary = unitary;
        this.drift = drift;
        this.ctrls = ctrls;
        this.dim = dim;
        this.cols = cols;
        this.tau = tau;
        this.fidType = fidType;
        this.initial = initial;
        this.target = target;
        this.evoDims = evoDims;
        this.dyn = unitary ? new UnitaryDynamics(drift, ctrls, dim, cols, tau, fidType, initial, target)
                : new GeneralDynamics(drift, ctrls, dim, cols, tau, fidType, initial, target);
    }

    /** A deserialised copy (e.g. on a Spark executor) gets its own evaluation state. */
    private Object readResolve() {
        return copy();
    }

    /** @return an independent copy (its own evaluation state), for another thread */
    public PulseDynamics copy() {
        return new PulseDynamics(unitary, drift, ctrls, dim, cols, tau, fidType, initial, target, evoDims);
    }

    /**
     * A closed system: {@code H(t) = H_d + Σ_j u_j(t) H_j}.
     *
     * @param hd      the drift Hamiltonian (Hermitian, N×N)
     * @param hc      the control Hamiltonians (Hermitian, the dims of hd), at least one
     * @param u0      the initial operator (N×N) or state (N×1)
     * @param uTarg   the target, the shape of u0
     * @param nTs     slices, at least 1
     * @param evoTime total time, positive
     * @param fidType {@code "PSU"}, {@code "SU"} or {@code "TRACEDIFF"}; null for {@code "PSU"}
     * @return the dynamics
     * @throws IllegalArgumentException for a non-Hermitian Hamiltonian, no controls, a bad count,
     *                                  time or fidelity name
     * @throws DimensionMismatchException when the objects' dims do not fit together
     */
    public static PulseDynamics unitary(Qobj hd, List<Qobj> hc, Qobj u0, Qobj uTarg, int nTs, double evoTime,
                                        String fidType) {
        return unitary(hd, hc, u0, uTarg, tau(nTs, evoTime), fidType);
    }

    /**
     * A closed system with slices of given durations (qtrl's {@code tau} array): slice k lasts
     * {@code tau[k]} and has {@code P_k = exp(-i (H_d + Σ_j u_kj H_j) tau[k])}; the total time
     * is {@code Σ_k tau[k]}. The gradient is exact: each slice's derivative is that of its own
     * exponential, {@code ∂P_k/∂u_kj} along {@code -i H_j tau[k]}.
     *
     * @param hd      the drift Hamiltonian (Hermitian, N×N)
     * @param hc      the control Hamiltonians (Hermitian, the dims of hd), at least one
     * @param u0      the initial operator (N×N) or state (N×1)
     * @param uTarg   the target, the shape of u0
     * @param tau     the slice durations, at least one, each finite and positive (copied)
     * @param fidType {@code "PSU"}, {@code "SU"} or {@code "TRACEDIFF"}; null for {@code "PSU"}
     * @return the dynamics
     * @throws IllegalArgumentException for a non-Hermitian Hamiltonian, no controls, a bad
     *                                  duration or fidelity name
     * @throws DimensionMismatchException when the objects' dims do not fit together
     */
    public static PulseDynamics unitary(Qobj hd, List<Qobj> hc, Qobj u0, Qobj uTarg, double[] tau, String fidType) {
        Objects.requireNonNull(hd, "Hd");
        Objects.requireNonNull(hc, "Hc");
        Objects.requireNonNull(u0, "U0");
        Objects.requireNonNull(uTarg, "Utarg");
        checkGenerators("Hd", hd, hc, true);
        Dynamics.FidType ft = fidType(fidType, Dynamics.FidType.PSU);
        checkEnds(hd, u0, uTarg, "U0", "Utarg");
        return new PulseDynamics(true, hd.toArray(), arrays(hc), hd.shape()[0], u0.shape()[1], tau(tau), ft,
                u0.toArray(), uTarg.toArray(), u0.dims());
    }

    /**
     * General dynamics {@code dX/dt = (L_d + Σ_j u_j(t) L_j) X}, e.g. Liouvillians of an open
     * system: {@code drift = liouvillian(H0, cOps)}, {@code ctrls = liouvillian(H_j)}, initial the
     * identity superoperator and target {@code sprepost(U, U.dag())} for a gate. The generators
     * are used as given (qtrl's {@code GEN_MAT} dynamics): no {@code -i} is applied.
     *
     * @param drift   the drift generator (N×N)
     * @param ctrls   the control generators (the dims of drift), at least one
     * @param initial the initial N×M matrix
     * @param target  the target, the shape of initial
     * @param nTs     slices, at least 1
     * @param evoTime total time, positive
     * @return the dynamics, with the {@code "TRACEDIFF"} fidelity
     */
    public static PulseDynamics general(Qobj drift, List<Qobj> ctrls, Qobj initial, Qobj target, int nTs,
                                        double evoTime) {
        return general(drift, ctrls, initial, target, tau(nTs, evoTime));
    }

    /**
     * General dynamics with slices of given durations (qtrl's {@code tau} array): slice k has
     * {@code P_k = exp((L_d + Σ_j u_kj L_j) tau[k])}. The gradient is exact: the Fréchet
     * derivative of each slice's exponential along {@code L_j tau[k]}.
     *
     * @param drift   the drift generator (N×N)
     * @param ctrls   the control generators (the dims of drift), at least one
     * @param initial the initial N×M matrix
     * @param target  the target, the shape of initial
     * @param tau     the slice durations, at least one, each finite and positive (copied)
     * @return the dynamics, with the {@code "TRACEDIFF"} fidelity
     */
    public static PulseDynamics general(Qobj drift, List<Qobj> ctrls, Qobj initial, Qobj target, double[] tau) {
        Objects.requireNonNull(drift, "drift");
        Objects.requireNonNull(ctrls, "ctrls");
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(target, "target");
        checkGenerators("drift", drift, ctrls, false);
        checkEnds(drift, initial, target, "initial", "target");
        return new PulseDynamics(false, drift.toArray(), arrays(ctrls), drift.shape()[0], initial.shape()[1],
                tau(tau), Dynamics.FidType.TRACEDIFF, initial.toArray(), target.toArray(),
                initial.dims());
    }

    static Dynamics.FidType fidType(String name, Dynamics.FidType fallback) {
        if (name == null) {
            return fallback;
        }
        try {
            return Dynamics.FidType.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fidType must be \"PSU\", \"SU\" or \"TRACEDIFF\", got \"" + name + "\"");
        }
    }

    private static void checkGenerators(String name, Qobj drift, List<Qobj> ctrls, boolean hermitian) {
        int[] s = drift.shape();
        if (s[0] != s[1]) {
            throw new DimensionMismatchException(name + " must be square, got dims " + drift.dims());
        }
        if (ctrls.isEmpty()) {
            throw new IllegalArgumentException("at least one control is needed, got none");
        }
        if (hermitian && !drift.isHerm()) {
            throw new IllegalArgumentException(name + " must be Hermitian (a Hamiltonian)");
        }
        for (int j = 0; j < ctrls.size(); j++) {
            Qobj c = Objects.requireNonNull(ctrls.get(j), "control " + j);
            if (!c.dims().equals(drift.dims())) {
                throw new DimensionMismatchException("control " + j, c.dims(), drift.dims());
            }
            if (hermitian && !c.isHerm()) {
                throw new IllegalArgumentException("control Hamiltonian " + j + " must be Hermitian");
            }
        }
    }

    private static void checkEnds(Qobj drift, Qobj initial, Qobj target, String iName, String tName) {
        if (initial.shape()[0] != drift.shape()[0]) {
            throw new DimensionMismatchException(iName + " must have the generators' " + drift.shape()[0]
                    + " rows: " + iName, initial.dims(), drift.dims());
        }
        if (!Arrays.equals(initial.shape(), target.shape())) {
            throw new DimensionMismatchException(tName + " must have the shape of " + iName, target.dims(),
                    initial.dims());
        }
    }

    private static double[][] arrays(List<Qobj> ops) {
        return ops.stream().map(Qobj::toArray).toArray(double[][]::new);
    }

    static double[] tau(int nTs, double evoTime) {
        if (nTs < 1) {
            throw new IllegalArgumentException("nTs must be >= 1, got " + nTs);
        }
        if (!(evoTime > 0) || Double.isInfinite(evoTime)) {
            throw new IllegalArgumentException("evoTime must be finite and > 0, got " + evoTime);
        }
        double[] t = new double[nTs];
        Arrays.fill(t, evoTime / nTs);
        return t;
    }

    /** Checks and copies given slice durations. */
    static double[] tau(double[] tau) {
        if (tau == null) {
            throw new NullPointerException("tau");
        }
        if (tau.length == 0) {
            throw new IllegalArgumentException("tau must have at least one slice duration, got none");
        }
        for (int k = 0; k < tau.length; k++) {
            if (!(tau[k] > 0) || Double.isInfinite(tau[k])) {
                throw new IllegalArgumentException("tau[" + k + "] must be finite and > 0, got " + tau[k]);
            }
        }
        return tau.clone();
    }

    /** @return a copy of the slice durations {@code tau[k]} */
    public double[] tau() {
        return tau.clone();
    }

    /** @return the number of slices */
    public int nTs() {
        return tau.length;
    }

    /** @return the number of controls */
    public int nCtrls() {
        return ctrls.length;
    }

    /** @return the fidelity measure, {@code "PSU"}, {@code "SU"} or {@code "TRACEDIFF"} */
    public String fidType() {
        return fidType.name();
    }

    /**
     * @param amps {@code [nTs][nCtrls]} amplitudes
     * @return the fidelity error
     */
    public double fidErr(double[][] amps) {
        return dyn.fidErr(flatten(amps));
    }

    /**
     * @param amps {@code [nTs][nCtrls]} amplitudes
     * @return {@code ∂ err / ∂ u_kj} as {@code [nTs][nCtrls]}
     */
    public double[][] fidErrGrad(double[][] amps) {
        double[] flat = flatten(amps);
        dyn.fidErr(flat);
        double[] g = new double[flat.length];
        dyn.fidErrGrad(g);
        return unflatten(g, ctrls.length);
    }

    /**
     * @param amps {@code [nTs][nCtrls]} amplitudes
     * @return {@code X_n = P_{n-1} ... P_0 X_0}
     */
    public Qobj evoFull(double[][] amps) {
        dyn.fidErr(flatten(amps));
        return evo(dyn);
    }

    Dynamics dynamics() {
        return dyn;
    }

    double[] tauArray() {
        return tau;
    }

    int dim() {
        return dim;
    }

    boolean isUnitary() {
        return unitary;
    }

    /** @return the last evolution of d as a Qobj with this problem's dims */
    Qobj evo(Dynamics d) {
        return Qobj.of(DenseMatrix.wrap(dim, cols, d.evoFull()), evoDims);
    }

    double[] flatten(double[][] amps) {
        Objects.requireNonNull(amps, "amps");
        int n = tau.length;
        int m = ctrls.length;
        if (amps.length != n) {
            throw new IllegalArgumentException("amps must have nTs = " + n + " rows, got " + amps.length);
        }
        double[] flat = new double[n * m];
        for (int k = 0; k < n; k++) {
            if (amps[k] == null || amps[k].length != m) {
                throw new IllegalArgumentException("amps[" + k + "] must have nCtrls = " + m + " entries, got "
                        + (amps[k] == null ? "null" : amps[k].length));
            }
            for (int j = 0; j < m; j++) {
                if (!Double.isFinite(amps[k][j])) {
                    throw new IllegalArgumentException("amps[" + k + "][" + j + "] must be finite, got " + amps[k][j]);
                }
                flat[k * m + j] = amps[k][j];
            }
        }
        return flat;
    }

    static double[][] unflatten(double[] flat, int m) {
        double[][] a = new double[flat.length / m][m];
        for (int k = 0; k < a.length; k++) {
            System.arraycopy(flat, k * m, a[k], 0, m);
        }
        return a;
    }
}
