package dev.lindblad.gpu;

import dev.lindblad.Qobj;
import dev.lindblad.Superops;
import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.Matrix;
import dev.lindblad.solver.SolverOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Lindblad master equation with a constant Liouvillian integrated on an NVIDIA GPU:
 * {@code dρ/dt = L ρ}, {@code L = -i(H⊗1 - 1⊗H^T) + Σ_c D[c]} on column-stacked {@code vec(ρ)}
 * ({@link Superops#liouvillian(Qobj, List)}).
 *
 * <p>The generator is uploaded once in CSR (cuSPARSE), the state and every integrator vector
 * stay on the device for the whole run, the stage combinations and norms are cuBLAS calls
 * ({@code zaxpy}, {@code zdscal}, {@code dznrm2}, {@code zcopy}), and each e-op is evaluated on
 * the device as {@code Tr(e ρ) = Σ_k vec(e^T)_k vec(ρ)_k} ({@code zdotu}); only those scalars,
 * the norms for the step control and the final state come back. The integrator is
 * {@link DormandPrince54}, whose step control runs on the host and is the same code for
 * {@link #mesolveOnHost}, the Java twin that runs everywhere and is what the CPU tests exercise.
 *
 * <p>Tolerances, {@code nsteps}, first/min/max step come from {@link SolverOptions}; its method
 * is ignored (always Dormand–Prince 5(4)); its error norm is norm-wise (see
 * {@link DormandPrince54}).
 */
public final class GpuMesolve {

    private GpuMesolve() {
    }

    /** The host-side preparation: the generator in CSR, the initial vector and the e-op weights. */
    record Problem(int dim, int n, int[] rowPtr, int[] colIdx, double[] values, double[] y0, double[][] weights,
                   double[] times, Qobj rho0) {
    }

    /**
     * Checks the arguments and builds the Liouvillian and the vectors (on the host).
     *
     * @throws NullPointerException     naming a null argument
     * @throws IllegalArgumentException for mismatched dimensions or bad output times
     */
    static Problem prepare(Qobj h, Qobj rho0, double[] tlist, List<Qobj> cOps, List<Qobj> eOps) {
        Objects.requireNonNull(h, "mesolve: h is null");
        Objects.requireNonNull(rho0, "mesolve: rho0 is null");
        Objects.requireNonNull(tlist, "mesolve: tlist is null");
        Objects.requireNonNull(cOps, "mesolve: cOps is null");
        Objects.requireNonNull(eOps, "mesolve: eOps is null");
        if (!h.isOper() || h.shape()[0] != h.shape()[1]) {
            throw new IllegalArgumentException("mesolve: h must be a square operator, got shape "
                    + h.shape()[0] + "x" + h.shape()[1]);
        }
        Qobj rho = rho0.isKet() ? rho0.times(rho0.dag()) : rho0;
        if (!rho.isOper() || !rho.dims().equals(h.dims())) {
            throw new IllegalArgumentException("mesolve: rho0 must be a ket or density matrix with h's dims "
                    + h.dims() + ", got " + rho0.dims());
        }
        if (tlist.length == 0) {
            throw new IllegalArgumentException("mesolve: tlist is empty");
        }
        for (int i = 0; i < tlist.length; i++) {
            if (!Double.isFinite(tlist[i])) {
                throw new IllegalArgumentException("mesolve: tlist[" + i + "] is " + tlist[i]);
            }
            if (i > 0 && !(tlist[i] > tlist[i - 1])) {
                throw new IllegalArgumentException("mesolve: tlist must be strictly increasing, tlist[" + (i - 1) + "] = "
                        + tlist[i - 1] + ", tlist[" + i + "] = " + tlist[i]);
            }
        }
        for (int i = 0; i < cOps.size(); i++) {
            Qobj c = Objects.requireNonNull(cOps.get(i), "mesolve: cOps[" + i + "] is null");
            if (!c.dims().equals(h.dims())) {
                throw new IllegalArgumentException("mesolve: cOps[" + i + "] has dims " + c.dims() + ", h has " + h.dims());
            }
        }
        int dim = h.shape()[0];
        double[][] weights = new double[eOps.size()][];
        for (int k = 0; k < eOps.size(); k++) {
            Qobj e = Objects.requireNonNull(eOps.get(k), "mesolve: eOps[" + k + "] is null");
            if (!e.dims().equals(h.dims())) {
                throw new IllegalArgumentException("mesolve: eOps[" + k + "] has dims " + e.dims() + ", h has " + h.dims());
            }
            weights[k] = traceWeights(e.data(), dim);
        }
        CsrMatrix l = Superops.liouvillian(h, cOps).data().toCsr();
        double[] y0 = rho.data().toDense().array().clone();
        return new Problem(dim, dim * dim, l.rowPointers(), l.columnIndices(), l.valueArray(), y0, weights,
                tlist.clone(), rho);
    }

    /**
     * @return {@code w} with {@code Σ_k w_k vec(ρ)_k = Tr(e ρ)} for column-stacked {@code vec(ρ)}:
     *         {@code w[i + j·dim] = e_{ji}}, that is {@code vec(e^T)}, interleaved
     */
    static double[] traceWeights(Matrix e, int dim) {
        double[] dense = e.toDense().array();
        double[] w = new double[2 * dim * dim];
        for (int j = 0; j < dim; j++) {
            for (int i = 0; i < dim; i++) {
                int src = 2 * (j + i * dim);     // e_{ji}, column-major
                int dst = 2 * (i + j * dim);
                w[dst] = dense[src];
                w[dst + 1] = dense[src + 1];
            }
        }
        return w;
    }

    /**
     * Device memory one run needs: the CSR generator ({@code nnz} complex values and column
     * indices, {@code n + 1} row pointers), the {@link DormandPrince54#VECTORS} integrator
     * vectors and one weight vector per e-op, each {@code n = dim²} complex values; cuSPARSE's
     * work buffer (queried at run time, typically small) is not included.
     *
     * @param dim  Hilbert-space dimension (ρ is dim × dim)
     * @param nnz  non-zeros of the Liouvillian
     * @param eOps number of e-ops
     * @return bytes
     */
    public static long memoryEstimate(int dim, long nnz, int eOps) {
        if (dim < 1 || nnz < 0 || eOps < 0) {
            throw new IllegalArgumentException("memoryEstimate: dim must be >= 1, nnz and eOps >= 0; got dim = " + dim
                    + ", nnz = " + nnz + ", eOps = " + eOps);
        }
        long n = (long) dim * dim;
        return nnz * (16 + 4) + (n + 1) * 4 + (DormandPrince54.VECTORS + eOps) * n * 16;
    }

    /**
     * Integrates on the first usable GPU.
     *
     * @param h       the Hamiltonian
     * @param rho0    the initial density matrix (or ket)
     * @param tlist   output times, strictly increasing
     * @param cOps    collapse operators
     * @param eOps    operators whose {@code Tr(e ρ(t))} is returned
     * @param options tolerances and step limits
     * @return the expectation values and the final state
     * @throws IllegalStateException when no GPU is usable (with {@link Gpu#status()}'s reason) or
     *                               the estimate exceeds the device's free memory
     */
    public static GpuResult mesolve(Qobj h, Qobj rho0, double[] tlist, List<Qobj> cOps, List<Qobj> eOps,
                                    SolverOptions options) {
        Objects.requireNonNull(options, "mesolve: options is null");
        GpuStatus status = Gpu.status();
        if (!status.usable()) {
            throw new IllegalStateException("mesolve on the GPU: no usable GPU (" + status.reason() + ")");
        }
        Problem p = prepare(h, rho0, tlist, cOps, eOps);
        GpuDevice device = status.devices().get(0);
        long need = memoryEstimate(p.dim(), p.values().length / 2, eOps.size());
        if (need > device.freeBytes()) {
            throw new IllegalStateException("mesolve on the GPU: needs about " + (need >> 20) + " MiB, device "
                    + device.name() + " has " + (device.freeBytes() >> 20) + " MiB free");
        }
        try (CudaVectors ops = CudaVectors.open(Gpu.runtime(), device.index(), p.n(), p.rowPtr(), p.colIdx(),
                p.values())) {
            return run(ops, p, options, device.name());
        }
    }

    /**
     * The same integration with the same host-side control on Java arrays ({@link HostVectors}):
     * the reference the GPU path is checked against, runnable anywhere. Serial and unoptimised.
     *
     * @see #mesolve
     */
    public static GpuResult mesolveOnHost(Qobj h, Qobj rho0, double[] tlist, List<Qobj> cOps, List<Qobj> eOps,
                                          SolverOptions options) {
        Objects.requireNonNull(options, "mesolveOnHost: options is null");
        Problem p = prepare(h, rho0, tlist, cOps, eOps);
        try (HostVectors ops = new HostVectors(p.n(), p.rowPtr(), p.colIdx(), p.values())) {
            return run(ops, p, options, "host (Java twin)");
        }
    }

    static <V> GpuResult run(VectorOps<V> ops, Problem p, SolverOptions o, String device) {
        int m = p.weights().length;
        double[][] re = new double[m][p.times().length];
        double[][] im = new double[m][p.times().length];
        List<V> w = new ArrayList<>();
        for (double[] weights : p.weights()) {
            V v = ops.allocate();
            ops.upload(weights, v);
            w.add(v);
        }
        double[][] last = new double[1][];
        DormandPrince54 dp = new DormandPrince54(o.atol(), o.rtol(), o.nsteps(), o.firstStep(), o.minStep(), o.maxStep());
        DormandPrince54.Counts c = dp.integrate(ops, p.y0(), p.times(), (i, y) -> {
            for (int k = 0; k < m; k++) {
                double[] z = ops.dotu(w.get(k), y);
                re[k][i] = z[0];
                im[k][i] = z[1];
            }
            if (i == p.times().length - 1) {
                last[0] = ops.download(y);
            }
        });
        Qobj fin = Qobj.of(dev.lindblad.data.DenseMatrix.of(p.dim(), p.dim(), last[0]), p.rho0().dims());
        return new GpuResult(p.times(), re, im, fin, c.steps(), c.rejected(), c.rhsCalls(), device);
    }
}
