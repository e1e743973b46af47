package dev.lindblad.solver;

import dev.lindblad.DimensionMismatchException;
import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.QobjEvo;
import dev.lindblad.Superops;
import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.Data;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.data.LinearMap;
import dev.lindblad.data.Matrix;
import dev.lindblad.linalg.HermitianEigen;
import dev.lindblad.ode.OdeSystem;
import dev.lindblad.parallel.TaskMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The Bloch–Redfield master equation with a time-dependent Hamiltonian, as QuTiP 5's
 * {@code brmesolve} with a {@code QobjEvo} H ({@link BrSolver}'s engine for it). In the basis H
 * was given in,
 * <pre>
 *   dρ/dt = -i [H(t), ρ] + V(t) R(t)[V(t)^† ρ V(t)] V(t)^† + Σ_c D[c] ρ
 * </pre>
 * where {@code H(t) V(t) = V(t) diag(E(t))} (eigenvalues ascending) and {@code R(t)} is the
 * dissipative Bloch–Redfield tensor of {@link BlochRedfield} in that eigenbasis, of the
 * couplings frozen at t, with the secular window {@code secCutoff · (smallest gap of H(t))}.
 * The eigendecomposition and {@code R(t)} are kept for the last t evaluated (an integrator that
 * asks for the same t again pays nothing); each new t costs one dense eigendecomposition, the
 * tensor build ({@code O(n³)} per coupling plus one term per kept entry) and four dense
 * products of n × n matrices.
 */
final class BrTimeDependentH {

    private final QobjEvo h;
    private final Dims dims;
    private final int n;
    private final List<BrOperator> aOps;
    /** The constant couplings frozen once; null where the coupling depends on time. */
    private final List<BrOperator> frozenConstant = new ArrayList<>();
    private final LinearMap collapse;   // Σ D[c] in the lab basis; null: no c_ops
    private final double secCutoff;
    private final SolverOptions options;
    private final TaskMap map;

    BrTimeDependentH(QobjEvo h, List<BrOperator> aOps, List<Qobj> cOps, double secCutoff, SolverOptions options,
                     TaskMap map) {
        this.h = h;
        this.dims = h.dims();
        if (!h.isOper() || dims.rows() != dims.cols()) {
            throw new IllegalArgumentException("brmesolve needs a square Hamiltonian, got a " + h.type() + " with dims "
                    + dims);
        }
        this.n = dims.rows();
        if ((long) n * n > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("brmesolve: a Hamiltonian of dimension " + n + " makes a tensor of "
                    + (long) n * n + " rows, beyond what one sparse matrix can index");
        }
        if (Double.isNaN(secCutoff)) {
            throw new IllegalArgumentException("brmesolve: secCutoff = NaN; expected a number (negative: no secular "
                    + "approximation)");
        }
        List<BrOperator> couplings = Evolution.elements("brmesolve", "aOps", aOps);
        List<Qobj> collapseOps = Evolution.elements("brmesolve", "cOps", cOps);
        for (int k = 0; k < couplings.size(); k++) {
            BrOperator op = couplings.get(k);
            if (!op.op().dims().equals(dims)) {
                throw new DimensionMismatchException("brmesolve: aOps[" + k + "] and the Hamiltonian", op.op().dims(),
                        dims);
            }
            frozenConstant.add(op.isTimeDependent() ? null : op.at(0));
        }
        Matrix l = null;
        for (int k = 0; k < collapseOps.size(); k++) {
            Qobj c = collapseOps.get(k);
            if (!c.dims().equals(dims)) {
                throw new DimensionMismatchException("brmesolve: cOps[" + k + "] and the Hamiltonian", c.dims(), dims);
            }
            Matrix d = Superops.lindbladDissipator(c).data();
            l = l == null ? d : Data.add(l, d);
        }
        Qobj h0 = h.at(0);
        if (!h0.isHerm()) {
            throw new IllegalArgumentException("brmesolve: the Hamiltonian must be Hermitian; H(t) is not at t = 0.0");
        }
        this.aOps = List.copyOf(couplings);
        this.collapse = l == null ? null : Data.prepareProduct(l);
        this.secCutoff = secCutoff;
        this.options = options;
        this.map = map;
    }

    Dims dims() {
        return dims;
    }

    /** H(t), its eigenbasis and the dissipative tensor there, for the last t asked for. */
    private final class Frame {
        private double t = Double.NaN;
        private Matrix hData;
        private DenseMatrix v;
        private DenseMatrix vd;
        private CsrMatrix r;

        /** Makes the frame hold time {@code time} (nothing to do when it already does). */
        void at(double time) {
            if (time == t) {
                return;
            }
            Qobj ht = h.at(time);
            if (!ht.isHerm()) {
                throw new IllegalArgumentException("brmesolve: the Hamiltonian must be Hermitian; H(t) is not at t = "
                        + time);
            }
            HermitianEigen.Result eig = HermitianEigen.decompose(n, ht.data().toDense().array().clone(), true);
            double[] e = eig.eigenvalues();
            DenseMatrix vm = DenseMatrix.of(n, n, eig.eigenvectors());
            List<BrOperator> frozen = new ArrayList<>(aOps.size());
            for (int k = 0; k < aOps.size(); k++) {
                BrOperator c = frozenConstant.get(k);
                frozen.add(c != null ? c : aOps.get(k).at(time));
            }
            CsrMatrix rt = BlochRedfield.couplingsTensor(e, Qobj.of(vm, dims), frozen, BlochRedfield.cutoff(e, secCutoff),
                    map, "brmesolve");
            hData = ht.data();
            v = vm;
            vd = (DenseMatrix) Data.adjoint(vm);
            r = rt;
            t = time;   // last: a failure above leaves the frame invalid
        }
    }

    /**
     * Integrates from a lab-basis density matrix; the caller has checked the arguments.
     *
     * @return the result, states and e-ops in the basis H was given in
     */
    Result run(Qobj rho, double[] times, List<Qobj> eOps, List<ExpectFunction> eFuncs, long start) {
        String method = options.method();
        if (method.equals("diag") || method.equals("krylov")) {
            throw new IllegalArgumentException("brmesolve: method \"" + method + "\" needs a constant generator, but "
                    + "the Hamiltonian depends on time; use an ODE method (e.g. \"adams\")");
        }
        int dim = 2 * n * n;
        Frame frame = new Frame();
        double[] tmp = new double[dim];
        double[] x = new double[dim];
        double[] z = new double[dim];
        OdeSystem f = (t, y, out) -> {
            frame.at(t);
            // -i [H, rho] = -i H rho + i rho H
            Data.matmulInto(frame.hData, y, n, out, 0, -1, 0, 0);
            Data.matmulRightInto(y, n, frame.hData, out, 0, 1, 1, 0);
            // V R(V^† rho V) V^†
            Data.matmulInto(frame.vd, y, n, tmp, 1, 0, 0, 0);
            Data.matmulRightInto(tmp, n, frame.v, x, 1, 0, 0, 0);
            Data.matvec(frame.r, x, 0, z, 0, 1, 0, 0, 0);
            Data.matmulInto(frame.v, z, n, tmp, 1, 0, 0, 0);
            Data.matmulRightInto(tmp, n, frame.vd, out, 1, 0, 1, 0);
            if (collapse != null) {
                Data.matvec(collapse, y, 0, out, 0, 1, 0, 1, 0);
            }
        };
        Propagation prop = Propagation.ode(method, dim, f, options.integratorOptions());
        double setup = (System.nanoTime() - start) / 1e9;
        return Evolution.run("brmesolve", prop, Evolution.stateArray(rho), times, Evolution.Kind.DENSITY, dims, n, n,
                eOps, eFuncs, options, "bloch-redfield tensor in the eigenbasis of H(t), rebuilt at each new t; "
                        + "lab basis", start, setup);
    }
}
