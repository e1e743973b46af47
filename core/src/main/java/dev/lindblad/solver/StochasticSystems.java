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
}
