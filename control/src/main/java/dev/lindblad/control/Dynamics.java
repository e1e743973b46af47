package dev.lindblad.control;

import dev.lindblad.parallel.Parallelism;
import java.util.Arrays;

/**
 * The piecewise-constant evolution of a control problem and its fidelity error, with the exact
 * gradient with respect to every amplitude (qtrl's {@code Dynamics} with its fidelity and
 * propagator computers in one object).
 *
 * <p>Slice k (duration {@code τ_k}) has the generator {@code G_k = G_d + Σ_j u_kj G_j} and the
 * propagator {@code P_k}: {@code exp(-i H_k τ_k)} for a unitary problem
 * ({@link UnitaryDynamics}), {@code exp(L_k τ_k)} for a general one ({@link GeneralDynamics}).
 * The forward chain is {@code X_0 = initial}, {@code X_{k+1} = P_k X_k}; the backward chain
 * is {@code B_n = T}, {@code B_k = B_{k+1} P_k}, with {@code T = target^†} for the phase
 * fidelities and {@code T = 1} for the trace difference. Every fidelity used here is a function
 * of {@code φ = tr(A_k P_k X_k)} with {@code A_k} built from {@code B_{k+1}}, so the gradient
 * needs, per slice, the derivative of {@code tr(A P X)} along each control: the subclass
 * computes it for all controls at once from one matrix {@code M_k = X_k A_k}.
 *
 * <h2>Fidelities (qtrl's normalisations)</h2>
 * <ul>
 *   <li>{@code PSU}: {@code f = tr(target^† X_n)}, fidelity {@code |f| / |tr(target^† target)|},
 *       error {@code |1 - fidelity|}, global phase ignored;</li>
 *   <li>{@code SU}: fidelity {@code Re f / Re tr(target^† target)}, error {@code |1 - fidelity|};</li>
 *   <li>{@code TRACEDIFF}: error {@code s ||target - X_n||_F^2} with {@code s = 1 / (2 N)}, N the
 *       dimension of the drift generator.</li>
 * </ul>
 *
 * <h2>Parallelism</h2>
 * The slices' propagators and their gradient contributions are independent: they are computed
 * over the kernel threads ({@link Parallelism#forEachChunk}) in contiguous ranges of slices,
 * each slice by the same code whatever the range, so the bits do not depend on the thread count.
 * The forward and the backward chain run at the same time on two threads; each is one ordered
 * product, as on one thread.
 */
abstract class Dynamics {

    /** The fidelity measure. */
    enum FidType {
        PSU, SU, TRACEDIFF
    }

    final int dim;
    final int cols;
    final int nTs;
    final int nCtrls;
    final double[] tau;
    final FidType fidType;
    final double[] initial;
    final double[] target;
    /** {@code T}: target^† (cols×dim) or the dim×dim identity */
    private final double[] chainEnd;
    private final int chainRows;
    private final double normalisation;
    private final double scale;

    final double[][] prop;
    final double[][] fwd;
    final double[][] back;

    private double[] amps;
    private boolean evolved;
    private final double[] prenorm = new double[2];
    private double fidErr;
    private double fidelity;
    private int evolutions;
    private int gradients;

    /**
     * @param dim     dimension N of the generators
     * @param cols    columns of the initial and target (N for operators, 1 for states)
     * @param nCtrls  number of controls
     * @param tau     the slice durations
     * @param fidType the fidelity
     * @param initial the initial N×cols matrix, interleaved column-major
     * @param target  the target N×cols matrix
     */
    Dynamics(int dim, int cols, int nCtrls, double[] tau, FidType fidType, double[] initial, double[] target) {
        this.dim = dim;
        this.cols = cols;
        this.nTs = tau.length;
        this.nCtrls = nCtrls;
        this.tau = tau.clone();
        this.fidType = fidType;
        this.initial = initial.clone();
        this.target = target.clone();
        if (fidType == FidType.TRACEDIFF) {
            chainEnd = Zmat.identity(dim);
            chainRows = dim;
            normalisation = 1.0;
            scale = 1.0 / (2.0 * dim);
        } else {
            chainEnd = new double[2 * cols * dim];
            Zmat.adjoint(dim, cols, target, chainEnd);
            chainRows = cols;
            double[] tt = new double[2];
            Zmat.traceOfProduct(cols, dim, chainEnd, target, tt);
            normalisation = fidType == FidType.PSU ? Math.hypot(tt[0], tt[1]) : tt[0];
            if (!(normalisation > 0)) {
                throw new IllegalArgumentException("fidType " + fidType + ": the target's norm tr(target^dag target) is "
                        + normalisation + "; the target must not be zero");
            }
            scale = 1.0;
        }
        prop = new double[nTs][2 * dim * dim];
        fwd = new double[nTs + 1][2 * dim * cols];
        back = new double[nTs + 1][2 * chainRows * dim];
        System.arraycopy(this.initial, 0, fwd[0], 0, fwd[0].length);
        System.arraycopy(chainEnd, 0, back[nTs], 0, chainEnd.length);
    }

    /** Computes {@code P_k} for the amplitudes {@code amps[k nCtrls .. (k+1) nCtrls)}. */
    abstract void sliceProp(int k, double[] amps);

    /**
     * The derivative of {@code tr(A P_k X)} with respect to {@code u_kj} for every j, given
     * {@code m = X A} (dim×dim), into {@code out[2j], out[2j+1]} (complex). Called after
     * {@link #sliceProp} for the same amplitudes.
     *
     * @param scratch the object of {@link #newScratch()}, owned by the calling thread
     */
    abstract void sliceDerivative(int k, double[] m, double[] out, Object scratch);

    /** @return per-thread work space for {@link #sliceDerivative} */
    abstract Object newScratch();

    /** @return the rough cost of {@link #sliceProp}, in complex multiply-adds */
    abstract long propWork();

    /** @return the rough cost of {@link #sliceDerivative}, in complex multiply-adds */
    abstract long derivativeWork();

    /**
     * The fidelity error for the amplitudes, {@code amps[k nCtrls + j]} = {@code u_kj}
     * (evolves only when the amplitudes changed since the last call).
     */
    final double fidErr(double[] a) {
        if (evolved && Arrays.equals(a, amps)) {
            return fidErr;
        }
        amps = a.clone();
        double[] u = amps;
        forSlices(propWork(), (from, to) -> {
            for (int k = from; k < to; k++) {
                sliceProp(k, u);
            }
        });
        chains();
        if (fidType == FidType.TRACEDIFF) {
            double s = 0;
            double[] x = fwd[nTs];
            for (int p = 0; p < x.length; p++) {
                double d = target[p] - x[p];
                s += d * d;
            }
            fidErr = scale * s;
            fidelity = 1 - fidErr;
        } else {
            Zmat.traceOfProduct(cols, dim, chainEnd, fwd[nTs], prenorm);
            fidelity = (fidType == FidType.PSU ? Math.hypot(prenorm[0], prenorm[1]) : prenorm[0]) / normalisation;
            fidErr = Math.abs(1 - fidelity);
        }
        if (Double.isNaN(fidErr)) {
            fidErr = Double.POSITIVE_INFINITY;
        }
        evolved = true;
        evolutions++;
        return fidErr;
    }

    /**
     * The gradient of the fidelity error with respect to the amplitudes of the last
     * {@link #fidErr} call, {@code out[k nCtrls + j] = ∂ err / ∂ u_kj}.
     */
    final void fidErrGrad(double[] out) {
        if (!evolved) {
            throw new IllegalStateException("fidErrGrad needs fidErr first");
        }
        double[] diffAdj;
        if (fidType == FidType.TRACEDIFF) {
            // A_k = (target - X_n)^† B_{k+1}
            double[] diff = new double[target.length];
            double[] x = fwd[nTs];
            for (int p = 0; p < diff.length; p++) {
                diff[p] = target[p] - x[p];
            }
            diffAdj = new double[diff.length];
            Zmat.adjoint(dim, cols, diff, diffAdj);
        } else {
            diffAdj = null;
        }
        // the factor turning d tr(A P X) into d err: d|f| = Re(e^{-i arg f} df), sign from |1 - F|
        double cr;
        double ci;
        if (fidType == FidType.TRACEDIFF) {
            cr = -2 * scale;
            ci = 0;
        } else {
            double sign = fidelity >= 1 ? 1.0 : -1.0;
            if (fidType == FidType.PSU) {
                double mod = Math.hypot(prenorm[0], prenorm[1]);
                double pr = mod > 0 ? prenorm[0] / mod : 1.0;
                double pi = mod > 0 ? -prenorm[1] / mod : 0.0;
                cr = sign * pr / normalisation;
                ci = sign * pi / normalisation;
            } else {
                cr = sign / normalisation;
                ci = 0;
            }
        }
        long work = derivativeWork() + (long) dim * dim * cols + (diffAdj == null ? 0 : (long) cols * dim * dim);
        double fr = cr;
        double fi = ci;
        forSlices(work, (from, to) -> {
            Workspace ws = workspace.get();
            Object scratch = ws.scratch;
            double[] a = ws.a;
            double[] m = ws.m;
            double[] d = ws.d;
            for (int k = from; k < to; k++) {
                double[] ak = back[k + 1];
                if (diffAdj != null) {
                    Zmat.mul(cols, dim, dim, diffAdj, ak, a);
                    ak = a;
                }
                Zmat.mul(dim, cols, dim, fwd[k], ak, m);
                sliceDerivative(k, m, d, scratch);
                for (int j = 0; j < nCtrls; j++) {
                    // Re((fr + i fi) (dr + i di))
                    out[k * nCtrls + j] = fr * d[2 * j] - fi * d[2 * j + 1];
                }
            }
        });
        for (int p = 0; p < out.length; p++) {
            if (Double.isNaN(out[p])) {
                out[p] = Double.POSITIVE_INFINITY;
            }
        }
        gradients++;
    }

    /** @return the fidelity of the last evaluation (for TRACEDIFF: 1 - error) */
    final double fidelity() {
        return fidelity;
    }

    /** @return a copy of {@code X_n}, the full evolution of the last evaluation */
    final double[] evoFull() {
        return fwd[nTs].clone();
    }

    /** @return how many times the slices were evolved */
    final int evolutions() {
        return evolutions;
    }

    /** @return how many gradients were computed */
    final int gradients() {
        return gradients;
    }

    /** The forward and backward chains; on two threads at once when that pays. */
    private void chains() {
        long work = (long) nTs * dim * dim * Math.max(cols, chainRows);
        int chunks = Parallelism.chunksFor(2 * work);
        if (chunks > 1) {
            Parallelism.forEachChunk(2, c -> {
                if (c == 0) {
                    forwardChain();
                } else {
                    backwardChain();
                }
            });
        } else {
            forwardChain();
            backwardChain();
        }
    }

    private void forwardChain() {
        for (int k = 0; k < nTs; k++) {
            Zmat.mul(dim, dim, cols, prop[k], fwd[k], fwd[k + 1]);
        }
    }

    private void backwardChain() {
        for (int k = nTs - 1; k >= 0; k--) {
            Zmat.mul(chainRows, dim, dim, back[k + 1], prop[k], back[k]);
        }
    }

    /** One thread's work arrays for the gradient, kept between evaluations. */
    private final class Workspace {
        final Object scratch = newScratch();
        final double[] a = new double[2 * cols * dim];
        final double[] m = new double[2 * dim * dim];
        final double[] d = new double[2 * nCtrls];
    }

    private final ThreadLocal<Workspace> workspace = ThreadLocal.withInitial(Workspace::new);

    /** A range of slices. */
    @FunctionalInterface
    interface SliceRange {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over all slices, split into contiguous ranges over the kernel threads
     * when the work is above the measured threshold (sixteen ranges per thread, claimed in turn,
     * so that a thread that is slow or descheduled on a shared machine holds the others back by
     * at most one small range).
     *
     * @param workPerSlice complex multiply-adds per slice
     */
    final void forSlices(long workPerSlice, SliceRange body) {
        int threads = Parallelism.chunksFor(workPerSlice * nTs);
        if (threads <= 1 || nTs < 2) {
            body.run(0, nTs);
            return;
        }
        int pieces = Math.min(nTs, 16 * threads);
        Parallelism.forEachChunk(pieces, c -> body.run((int) ((long) nTs * c / pieces),
                (int) ((long) nTs * (c + 1) / pieces)));
    }
}
