package dev.lindblad.solver;

import dev.lindblad.DimensionMismatchException;
import dev.lindblad.Qobj;
import dev.lindblad.parallel.TaskMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Bloch–Redfield master equation, as QuTiP 5's {@code BRSolver}: the tensor of
 * {@link BlochRedfield} (built once, sparse, in parallel) drives {@code vec(rho)} in the
 * eigenbasis of H, where its Hamiltonian part is diagonal, so each step costs one sparse
 * product (half of one for a Hermitian state, see {@link MeSolver}). The initial state and the
 * e-ops are turned into the eigenbasis once ({@code V^† X V}); stored states are turned back
 * ({@code V rho V^†}), so every output is in the basis H was given in. QuTiP's own solver
 * instead turns the state back and forth at every right-hand-side call.
 *
 * <p>H and the couplings are constant (QuTiP 5 also allows time-dependent ones; not here).
 */
public final class BrSolver {

    private final BlochRedfield.BrTensor tensor;
    private final MeSolver solver;
    private final Qobj hamiltonian;

    /**
     * @param h         the Hamiltonian (Hermitian, constant)
     * @param aOps      bath couplings with their spectra
     * @param cOps      Lindblad collapse operators (null or empty for none)
     * @param secCutoff secular cutoff in units of the smallest gap of H (QuTiP's default 0.1);
     *                  negative for none
     * @param options   solver options
     */
    public BrSolver(Qobj h, List<BrOperator> aOps, List<Qobj> cOps, double secCutoff, SolverOptions options) {
        this(h, aOps, cOps, secCutoff, options, TaskMap.threads());
    }

    /** {@link #BrSolver(Qobj, List, List, double, SolverOptions)} with the tensor built by {@code map}. */
    public BrSolver(Qobj h, List<BrOperator> aOps, List<Qobj> cOps, double secCutoff, SolverOptions options,
                    TaskMap map) {
        Objects.requireNonNull(h, "BrSolver: h is null");
        Objects.requireNonNull(aOps, "BrSolver: aOps is null");
        Evolution.elements("BrSolver", "aOps", aOps);
        Evolution.elements("BrSolver", "cOps", cOps);
        Objects.requireNonNull(options, "BrSolver: options is null");
        Objects.requireNonNull(map, "BrSolver: map is null");
        this.hamiltonian = h;
        this.tensor = BlochRedfield.build("brmesolve", h, aOps, cOps, secCutoff, map);
        this.solver = new MeSolver(tensor.tensor(), List.of(), options, "brmesolve");
    }

    /** @return the tensor this solver integrates, with its eigenbasis */
    public BlochRedfield.BrTensor tensor() {
        return tensor;
    }

    /**
     * @param rho0  initial density matrix or ket (lab basis)
     * @param tlist output times
     * @param eOps  operators whose expectation values are recorded (lab basis)
     * @return the result, states in the lab basis
     */
    public Result run(Qobj rho0, double[] tlist, List<Qobj> eOps) {
        return run(rho0, tlist, eOps, List.of());
    }

    /** {@link #run(Qobj, double[], List)} with callbacks, which receive lab-basis states. */
    public Result run(Qobj rho0, double[] tlist, List<Qobj> eOps, List<ExpectFunction> eFuncs) {
        Objects.requireNonNull(rho0, "brmesolve: rho0 is null");
        List<Qobj> ops = Evolution.elements("brmesolve", "eOps", eOps);
        List<ExpectFunction> funcs = Evolution.elements("brmesolve", "eFuncs", eFuncs);
        if (!(rho0.isKet() || rho0.isOper()) || !java.util.Arrays.equals(rho0.dims().out(), hamiltonian.dims().out())) {
            throw new DimensionMismatchException("brmesolve: system and initial state", hamiltonian.dims(), rho0.dims());
        }
        Qobj rho = rho0.isKet() ? rho0.times(rho0.dag()) : rho0;
        List<Qobj> eigOps = new ArrayList<>();
        for (Qobj e : ops) {
            if (!e.dims().equals(hamiltonian.dims())) {
                throw new DimensionMismatchException("brmesolve: e-op and system", e.dims(), hamiltonian.dims());
            }
            eigOps.add(tensor.toEigenbasis(e));
        }
        List<ExpectFunction> eigFuncs = new ArrayList<>();
        for (ExpectFunction f : funcs) {
            eigFuncs.add((t, s) -> f.apply(t, tensor.fromEigenbasis(s)));
        }
        Result r = solver.run(tensor.toEigenbasis(rho), tlist, eigOps, eigFuncs);
        return r.mapStates(tensor::fromEigenbasis);
    }
}
