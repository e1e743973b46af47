package dev.lindblad.solver;

import dev.lindblad.Complex;
import dev.lindblad.DimensionMismatchException;
import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.QobjLike;
import dev.lindblad.data.Data;
import dev.lindblad.data.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Builds the operators of {@link SseSystem} and {@link SmeSystem} from the user's arguments. */
final class StochasticSystems {
    private StochasticSystems() {
    }

    static Dims checkHamiltonian(String operation, QobjLike h) {
        Objects.requireNonNull(h, operation + ": hamiltonian is null");
        Dims hd = h.dims();
        if (hd.type() != Dims.Type.OPER || hd.rows() != hd.cols()) {
            throw new IllegalArgumentException(operation + " needs a square Hamiltonian operator (not a Liouvillian), "
                    + "got dims " + hd);
        }
        return hd;
    }

    /** The operators of a list, checked (null list: none). */
    static List<QobjEvo> operators(String operation, String name, List<? extends QobjLike> ops, Dims hd) {
        List<QobjEvo> out = new ArrayList<>();
        if (ops == null) {
            return out;
        }
        for (int k = 0; k < ops.size(); k++) {
            QobjLike c = ops.get(k);
            if (c == null) {
                throw new NullPointerException(operation + ": " + name + "[" + k + "] is null");
            }
            if (!c.dims().equals(hd)) {
                throw new DimensionMismatchException(operation + ": " + name + "[" + k + "] and the Hamiltonian",
                        c.dims(), hd);
            }
            out.add(c.asEvo());
        }
        return out;
    }

    /**
     * The monitored operators the equation sees: c for homodyne detection; {@code c/√2} and
     * {@code -i c/√2} for heterodyne detection.
     */
    static List<QobjEvo> monitored(List<QobjEvo> scOps, boolean heterodyne) {
        if (!heterodyne) {
            return scOps;
        }
        double r = 1 / Math.sqrt(2);
        List<QobjEvo> out = new ArrayList<>();
        for (QobjEvo c : scOps) {
            out.add(c.times(new Complex(r, 0)));
            out.add(c.times(new Complex(0, -r)));
        }
        return out;
    }

    /** {@code A(t) = -iH(t) - ½ sum_c c(t)^† c(t)} as an {@link EvoOp}, cross terms included. */
    static EvoOp nonHermitian(QobjEvo h, List<QobjEvo> all) {
        EvoOp.Builder b = new EvoOp.Builder().add(h, new Complex(0, -1));
        for (QobjEvo c : all) {
            if (c.hasFunctionParts()) {
                b.add(t -> {
                    Matrix m = c.at(t).data();
                    return Data.scale(Data.matmul(Data.adjoint(m), m), -0.5, 0);
                });
                continue;
            }
            for (QobjEvo.Term a : c.terms()) {
                for (QobjEvo.Term bt : c.terms()) {
                    Matrix product = Data.matmul(Data.adjoint(bt.operator().data()), a.operator().data());
                    b.add(Data.scale(product, -0.5, 0), MeSolver.pairCoefficient(a.coefficient(), bt.coefficient()));
                }
            }
        }
        return b.build();
    }

    static EvoOp[] ops(List<QobjEvo> list) {
        EvoOp[] out = new EvoOp[list.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = EvoOp.of(list.get(k), Complex.ONE);
        }
        return out;
    }

    /** The initial ket, normalised, as an interleaved array. */
    static double[] initialKet(String operation, Qobj psi0, Dims hd) {
        Objects.requireNonNull(psi0, operation + ": psi0 (the initial state) is null");
        if (!psi0.isKet()) {
            throw new IllegalArgumentException(operation + " needs a ket as initial state, got a " + psi0.type()
                    + " with dims " + psi0.dims());
        }
        if (!java.util.Arrays.equals(psi0.dims().out(), hd.in())) {
            throw new DimensionMismatchException(operation + ": Hamiltonian and initial state", hd, psi0.dims());
        }
        double[] psi = Evolution.stateArray(psi0);
        double norm = Math.sqrt(QuantumSde.dot(psi, psi));
        if (!(norm > 0) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException(operation + ": the initial ket has norm " + norm);
        }
        for (int i = 0; i < psi.length; i++) {
            psi[i] /= norm;
        }
        return psi;
    }

    /** The initial density matrix (a ket becomes its projector), as an interleaved array. */
    static double[] initialDensity(String operation, Qobj rho0, Dims hd) {
        Objects.requireNonNull(rho0, operation + ": rho0 (the initial state) is null");
        if (rho0.isKet()) {
            double[] psi = initialKet(operation, rho0, hd);
            int n = psi.length / 2;
            double[] rho = new double[2 * n * n];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    int p = 2 * (j * n + i);
                    rho[p] = psi[2 * i] * psi[2 * j] + psi[2 * i + 1] * psi[2 * j + 1];
                    rho[p + 1] = psi[2 * i + 1] * psi[2 * j] - psi[2 * i] * psi[2 * j + 1];
                }
            }
            return rho;
        }
        if (!rho0.isOper() || !rho0.dims().equals(hd)) {
            throw new DimensionMismatchException(operation + ": Hamiltonian and initial density matrix", hd,
                    rho0.dims());
        }
        if (!rho0.isHerm()) {
            throw new IllegalArgumentException(operation + ": the initial density matrix is not Hermitian");
        }
        double[] rho = Evolution.stateArray(rho0);
        double tr = rho0.tr().re();
        if (!(tr > 0) || !Double.isFinite(tr)) {
            throw new IllegalArgumentException(operation + ": the initial density matrix has trace " + tr);
        }
        return rho;
    }

    /**
     * QuTiP's default measurement operators: {@code c + c†} of each monitored operator, and for
     * heterodyne detection also {@code -i(c - c†)}, in the order of the records' channels.
     */
    static List<QobjEvo> defaultMOps(List<QobjEvo> scOps, boolean heterodyne) {
        List<QobjEvo> out = new ArrayList<>();
        for (QobjEvo c : scOps) {
            out.add(c.plus(c.dag()));
            if (heterodyne) {
                out.add(c.minus(c.dag()).times(new Complex(0, -1)));
            }
        }
        return out;
    }

    /** QuTiP's default noise factors: 1 per channel, √2 for heterodyne detection. */
    static double[] defaultDWFactors(int scCount, boolean heterodyne) {
        double[] f = new double[scCount * (heterodyne ? 2 : 1)];
        java.util.Arrays.fill(f, heterodyne ? Math.sqrt(2) : 1);
        return f;
    }

    /** The given m_ops checked as QuTiP's setter does: one per channel, operators of H's dimensions. */
    static List<Qobj> checkMOps(String operation, List<Qobj> mOps, int scCount, boolean heterodyne, Dims hd) {
        Objects.requireNonNull(mOps, operation + ": mOps is null");
        int channels = scCount * (heterodyne ? 2 : 1);
        if (mOps.size() != channels) {
            throw new IllegalArgumentException(operation + ": " + (heterodyne ? "2 mOps per monitored operator, "
                    + channels + " operators are expected for heterodyne measurement" : channels
                    + " measurement operators are expected (one per monitored operator)") + ", got " + mOps.size());
        }
        for (int k = 0; k < mOps.size(); k++) {
            Qobj m = Objects.requireNonNull(mOps.get(k), operation + ": mOps[" + k + "] is null");
            if (!m.dims().equals(hd)) {
                throw new DimensionMismatchException(operation + ": mOps[" + k + "] and the Hamiltonian", m.dims(), hd);
            }
        }
        return List.copyOf(mOps);
    }

    /** The given dW_factors checked: one finite factor per channel. */
    static double[] checkDWFactors(String operation, double[] factors, int scCount, boolean heterodyne) {
        Objects.requireNonNull(factors, operation + ": dWFactors is null");
        int channels = scCount * (heterodyne ? 2 : 1);
        if (factors.length != channels) {
            throw new IllegalArgumentException(operation + ": " + channels + " dWFactors are expected ("
                    + (heterodyne ? "2 per monitored operator for heterodyne measurement" : "one per monitored operator")
                    + "), got " + factors.length);
        }
        for (double f : factors) {
            if (!Double.isFinite(f)) {
                throw new IllegalArgumentException(operation + ": dWFactors must be finite, got "
                        + java.util.Arrays.toString(factors));
            }
        }
        return factors.clone();
    }
}
