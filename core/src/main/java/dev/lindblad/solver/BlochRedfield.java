package dev.lindblad.solver;

import dev.lindblad.DimensionMismatchException;
import dev.lindblad.Dims;
import dev.lindblad.Qobj;
import dev.lindblad.Superops;
import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.Data;
import dev.lindblad.data.DenseMatrix;
import dev.lindblad.data.Matrix;
import dev.lindblad.linalg.HermitianEigen;
import dev.lindblad.parallel.TaskMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The Bloch–Redfield tensor, as QuTiP 5's {@code bloch_redfield_tensor}. In the eigenbasis of
 * H ({@code H|a> = E_a|a>}, {@code ω_ab = E_a - E_b}) the master equation reads
 * <pre>
 *   d rho_ab/dt = -i ω_ab rho_ab + sum_cd R_abcd rho_cd  (+ the Lindblad terms of the c_ops)
 *   R_abcd = sum over couplings (A, S) of
 *            ½ A_ac A_db [S(ω_ca) + S(ω_db)]
 *          - ½ δ_ac sum_k A_dk A_kb S(ω_dk)
 *          - ½ δ_bd sum_k A_ak A_kc S(ω_ck)
 * </pre>
 * with {@code A_xy = <x|A|y>}. The secular approximation keeps only the entries with
 * {@code |ω_ab - ω_cd| < secCutoff · min|ω|}, the smallest non-zero gap of H (QuTiP's rule; a
 * gap below {@code 1e-12} of the largest energy counts as zero); a negative {@code secCutoff}
 * keeps every entry (no secular approximation).
 *
 * <p>The superoperator acts on {@code vec(rho)} stacked by columns, as every Lindblad
 * superoperator: entry {@code R_abcd} sits at row {@code a + b n}, column {@code c + d n}. It is
 * built sparse, directly: the pairs {@code (c, d)} are sorted by {@code ω_cd} once, so each row
 * visits only the columns inside its secular window; rows are computed in parallel over a
 * {@link TaskMap}, each row independently, so the result has the same bits whatever the map.
 */
public final class BlochRedfield {

    /** Energy differences below this fraction of the largest |E| count as degenerate. */
    static final double DEGENERATE = 1e-12;

    private BlochRedfield() {
    }

    /**
     * The tensor and the eigenbasis it lives in.
     *
     * @param tensor       the Bloch–Redfield superoperator in the eigenbasis of H (Hamiltonian
     *                     part {@code -i ω_ab}, couplings, and the c_ops' dissipators), sparse
     * @param eigenvectors the unitary V whose column k is the eigenvector of {@code E_k}
     *                     (ascending), so an operator X of the lab basis is {@code V^† X V} in
     *                     the eigenbasis
     * @param energies     the eigenenergies {@code E_k}, ascending
     */
    public record BrTensor(Qobj tensor, Qobj eigenvectors, double[] energies) {

        /** Checks and copies. */
        public BrTensor {
            Objects.requireNonNull(tensor, "BrTensor: tensor is null");
            Objects.requireNonNull(eigenvectors, "BrTensor: eigenvectors is null");
            Objects.requireNonNull(energies, "BrTensor: energies is null");
            energies = energies.clone();
        }

        /** @return the eigenenergies (a copy) */
        @Override
        public double[] energies() {
            return energies.clone();
        }

        /**
         * The tensor in the basis H was given in, QuTiP's {@code fock_basis=True}:
         * {@code sprepost(V, V^†) · R · sprepost(V^†, V)}. Dense in general.
         *
         * @return the superoperator acting on {@code vec(rho)} of the lab basis
         */
        public Qobj fockBasis() {
            Qobj vd = eigenvectors.dag();
            return Superops.sprepost(eigenvectors, vd).times(tensor).times(Superops.sprepost(vd, eigenvectors));
        }

        /** @return {@code V^† x V} (an operator) or {@code V^† x} (a ket): x in the eigenbasis */
        public Qobj toEigenbasis(Qobj x) {
            Objects.requireNonNull(x, "toEigenbasis: x is null");
            return x.transform(eigenvectors, true);
        }

        /** @return {@code V x V^†} (an operator) or {@code V x} (a ket): x back in the lab basis */
        public Qobj fromEigenbasis(Qobj x) {
            Objects.requireNonNull(x, "fromEigenbasis: x is null");
            return x.transform(eigenvectors, false);
        }
    }

    /**
     * The Bloch–Redfield tensor in the eigenbasis of H, built in parallel over all cores.
     *
     * @param h         the Hamiltonian (Hermitian, constant)
     * @param aOps      the couplings to baths, each a Hermitian operator and its spectrum
     * @param cOps      Lindblad collapse operators added to the tensor (null or empty: none)
     * @param secCutoff secular cutoff in units of the smallest gap (QuTiP's 0.1); negative: none
     * @return the tensor, the eigenvectors and the energies
     */
    public static BrTensor tensor(Qobj h, List<BrOperator> aOps, List<Qobj> cOps, double secCutoff) {
        Objects.requireNonNull(h, "tensor: h is null");
        return tensor(h, aOps, cOps, secCutoff, defaultMap(h));
    }

    /**
     * Rows of the tensor ({@code n²}) from which the default build runs on all cores: below, a
     * pool's start costs more than the rows (a JC system of 20 levels builds in under a
     * millisecond on one core).
     */
    static final int PARALLEL_ROWS = 2500;

    /** @return {@link TaskMap#threads()} for a tensor of at least {@link #PARALLEL_ROWS} rows, else serial */
    static TaskMap defaultMap(Qobj h) {
        return defaultMap(h.data().rows());
    }

    /** @return {@link TaskMap#threads()} for a Hilbert space of dimension n with {@code n² >= PARALLEL_ROWS} */
    static TaskMap defaultMap(int n) {
        long rows = (long) n * n;
        return rows >= PARALLEL_ROWS ? TaskMap.threads() : TaskMap.serial();
    }

    /**
     * {@link #tensor(Qobj, List, List, double)} with the rows computed by {@code map}
     * ({@link TaskMap#serial()} gives the same bits).
     */
    public static BrTensor tensor(Qobj h, List<BrOperator> aOps, List<Qobj> cOps, double secCutoff, TaskMap map) {
        return build("blochRedfieldTensor", h, aOps, cOps, secCutoff, map);
    }

    static BrTensor build(String operation, Qobj h, List<BrOperator> aOps, List<Qobj> cOps, double secCutoff,
                          TaskMap map) {
        return build(operation, h, aOps, cOps, secCutoff, map, true);
    }

    /**
     * @param hamiltonian whether the tensor holds {@code -i ω_ab} on its diagonal (QuTiP's tensor
     *                    does; {@link BrSolver} integrates in the interaction picture without it)
     */
    static BrTensor build(String operation, Qobj h, List<BrOperator> aOps, List<Qobj> cOps, double secCutoff,
                          TaskMap map, boolean hamiltonian) {
        Objects.requireNonNull(h, operation + ": h is null");
        Objects.requireNonNull(aOps, operation + ": aOps is null");
        List<BrOperator> couplings = Evolution.elements(operation, "aOps", aOps);
        List<Qobj> collapse = Evolution.elements(operation, "cOps", cOps);
        if (Double.isNaN(secCutoff)) {
            throw new IllegalArgumentException(operation + ": secCutoff = NaN; expected a number (negative: no secular "
                    + "approximation)");
        }
        Objects.requireNonNull(map, operation + ": map is null");
        if (!h.isOper() || h.data().rows() != h.data().cols()) {
            throw new IllegalArgumentException(operation + " needs a square Hamiltonian, got a " + h.type() + " with dims "
                    + h.dims());
        }
        if (!h.isHerm()) {
            throw new IllegalArgumentException(operation + ": the Hamiltonian must be Hermitian");
        }
        for (int k = 0; k < couplings.size(); k++) {
            if (couplings.get(k).isTimeDependent()) {
                throw new IllegalArgumentException(operation + ": aOps[" + k + "] depends on time, so the tensor does "
                        + "too; take it at one time with BlochRedfield.tensorAt, or solve with brmesolve");
            }
            if (!couplings.get(k).op().dims().equals(h.dims())) {
                throw new DimensionMismatchException(operation + ": aOps[" + k + "] and the Hamiltonian",
                        couplings.get(k).op().dims(), h.dims());
            }
        }
        for (int k = 0; k < collapse.size(); k++) {
            if (!collapse.get(k).dims().equals(h.dims())) {
                throw new DimensionMismatchException(operation + ": cOps[" + k + "] and the Hamiltonian",
                        collapse.get(k).dims(), h.dims());
            }
        }
        int n = h.data().rows();
        long n2 = (long) n * n;
        if (n2 > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException(operation + ": a Hamiltonian of dimension " + n + " makes a tensor of "
                    + n2 + " rows, beyond what one sparse matrix can index");
        }
        HermitianEigen.Result eig = HermitianEigen.decompose(n, h.data().toDense().array().clone(), true);
        double[] e = eig.eigenvalues();
        Qobj v = Qobj.of(DenseMatrix.of(n, n, eig.eigenvectors()), h.dims());
        double cutoff = cutoff(e, secCutoff);
        Coupling[] cs = new Coupling[couplings.size()];
        for (int k = 0; k < cs.length; k++) {
            cs[k] = new Coupling(n, e, couplings.get(k).op().transform(v, true).data().toDense().array(),
                    couplings.get(k), operation, k);
        }
        CsrMatrix r = assemble(n, e, cs, cutoff, map, hamiltonian);
        Matrix total = r;
        for (Qobj c : collapse) {
            total = Data.add(total, Superops.lindbladDissipator(c.transform(v, true)).data());
        }
        return new BrTensor(Qobj.of(total, Dims.superOf(h.dims())), v, e);
    }

    /**
     * @return the secular window {@code secCutoff · min gap} of energies e (infinite for a
     *         negative secCutoff or no gap)
     */
    static double cutoff(double[] e, double secCutoff) {
        int n = e.length;
        double scale = 0;
        for (double x : e) {
            scale = Math.max(scale, Math.abs(x));
        }
        double tol = DEGENERATE * Math.max(scale, Double.MIN_NORMAL);
        double dwMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dw = Math.abs(e[j] - e[i]);
                if (dw > tol) {
                    dwMin = Math.min(dwMin, dw);
                }
            }
        }
        return secCutoff < 0 || dwMin == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : secCutoff * dwMin;
    }

    /**
     * The dissipative tensor of one constant coupling (no {@code -i ω_ab}, no c_ops) in the
     * eigenbasis {@code (v, e)}, built serially (it is rebuilt inside a right-hand side).
     */
    static CsrMatrix couplingTensor(double[] e, Qobj v, BrOperator op, double cutoff, String operation, int index) {
        int n = e.length;
        Coupling c = new Coupling(n, e, op.op().transform(v, true).data().toDense().array(), op, operation, index);
        return assemble(n, e, new Coupling[] {c}, cutoff, TaskMap.serial(), false);
    }

    /**
     * The dissipative tensor (no {@code -i ω_ab}, no c_ops) of constant couplings in the
     * eigenbasis {@code (v, e)}, rows computed by {@code map} (same bits on any map): what
     * {@link BrSolver} rebuilds at each time for a time-dependent H. {@code aOps[k]} in messages
     * is {@code ops.get(k)}.
     */
    static CsrMatrix couplingsTensor(double[] e, Qobj v, List<BrOperator> ops, double cutoff, TaskMap map,
                                     String operation) {
        int n = e.length;
        Coupling[] cs = new Coupling[ops.size()];
        for (int k = 0; k < cs.length; k++) {
            BrOperator op = ops.get(k);
            cs[k] = new Coupling(n, e, op.op().transform(v, true).data().toDense().array(), op, operation, k);
        }
        return assemble(n, e, cs, cutoff, map, false);
    }

    /**
     * The Bloch–Redfield tensor at time t of couplings that may depend on time (QuTiP 5's
     * {@code bloch_redfield_tensor(H, a_ops)} with {@code QobjEvo} couplings, called at t):
     * {@link #tensor(Qobj, List, List, double)} of the couplings frozen at t,
     * {@link BrOperator#at(double)}. A coupling {@code f(t) A} gives {@code f(t)²} times the
     * tensor of A.
     *
     * @param h         the Hamiltonian (Hermitian, constant)
     * @param aOps      the couplings, constant or time-dependent
     * @param cOps      Lindblad collapse operators (null or empty: none)
     * @param secCutoff secular cutoff in units of the smallest gap; negative: none
     * @param t         the time
     * @return the tensor at t, with the eigenvectors and energies of H
     */
    public static BrTensor tensorAt(Qobj h, List<BrOperator> aOps, List<Qobj> cOps, double secCutoff, double t) {
        Objects.requireNonNull(h, "tensorAt: h is null");
        Objects.requireNonNull(aOps, "tensorAt: aOps is null");
        if (!Double.isFinite(t)) {
            throw new IllegalArgumentException("tensorAt: t = " + t + "; expected a finite time");
        }
        List<BrOperator> frozen = new ArrayList<>();
        for (BrOperator op : Evolution.elements("tensorAt", "aOps", aOps)) {
            frozen.add(op.at(t));
        }
        return build("tensorAt", h, frozen, cOps, secCutoff, defaultMap(h), true);
    }

    /** One coupling in the eigenbasis, with its spectrum on the gaps and the two contracted terms. */
    private static final class Coupling {
        final double[] a;    // A_xy, interleaved column-major: index 2 (x + y n)
        final double[] s;    // S(E_x - E_y) at x + y n
        final double[] ac;   // sum_k A_xk A_ky S(ω_xk) at x + y n
        final double[] bd;   // sum_k A_xk A_ky S(ω_yk) at x + y n

        Coupling(int n, double[] e, double[] a, BrOperator op, String operation, int index) {
            this.a = a;
            s = new double[n * n];
            for (int x = 0; x < n; x++) {
                for (int y = 0; y < n; y++) {
                    double w = x == y ? 0 : e[x] - e[y];
                    try {
                        s[x + y * n] = op.spectrumAt(w);
                    } catch (IllegalArgumentException ex) {
                        throw new IllegalArgumentException(operation + ": aOps[" + index + "]: " + ex.getMessage(), ex);
                    }
                }
            }
            ac = new double[2 * n * n];
            bd = new double[2 * n * n];
            for (int x = 0; x < n; x++) {
                for (int y = 0; y < n; y++) {
                    double acr = 0, aci = 0, bdr = 0, bdi = 0;
                    for (int k = 0; k < n; k++) {
                        int p = 2 * (x + k * n), q = 2 * (k + y * n);
                        double pr = a[p] * a[q] - a[p + 1] * a[q + 1];
                        double pi = a[p] * a[q + 1] + a[p + 1] * a[q];
                        double sx = s[x + k * n], sy = s[y + k * n];
                        acr += pr * sx;
                        aci += pi * sx;
                        bdr += pr * sy;
                        bdi += pi * sy;
                    }
                    ac[2 * (x + y * n)] = acr;
                    ac[2 * (x + y * n) + 1] = aci;
                    bd[2 * (x + y * n)] = bdr;
                    bd[2 * (x + y * n) + 1] = bdi;
                }
            }
        }
    }

    /** The rows of one chunk: entries per row, their columns and interleaved values. */
    private record Rows(int[] counts, int[] cols, double[] values) {
    }

    private static CsrMatrix assemble(int n, double[] e, Coupling[] cs, double cutoff, TaskMap map,
                                      boolean hamiltonian) {
        int n2 = n * n;
        // column pairs p = c + d n sorted by ω_cd, so that a row's secular window is one slice
        Integer[] boxed = new Integer[n2];
        double[] w = new double[n2];
        for (int p = 0; p < n2; p++) {
            boxed[p] = p;
            w[p] = e[p % n] - e[p / n];
        }
        Arrays.sort(boxed, (x, y) -> Double.compare(w[x], w[y]));
        int[] order = new int[n2];
        double[] sortedW = new double[n2];
        for (int i = 0; i < n2; i++) {
            order[i] = boxed[i];
            sortedW[i] = w[order[i]];
        }
        int chunks = Math.max(1, Math.min(n2, 8 * Math.max(1, map.parallelism())));
        List<int[]> ranges = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            int lo = (int) ((long) n2 * c / chunks), hi = (int) ((long) n2 * (c + 1) / chunks);
            if (hi > lo) {
                ranges.add(new int[] {lo, hi});
            }
        }
        List<Rows> parts = map.map(ranges, rg -> rows(n, e, cs, cutoff, order, sortedW, rg[0], rg[1],
                hamiltonian));
        long nnz = 0;
        for (Rows p : parts) {
            nnz += p.cols().length;
        }
        if (nnz > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("blochRedfieldTensor: " + nnz + " entries do not fit one sparse matrix; "
                    + "use a smaller secCutoff");
        }
        int[] rowPtr = new int[n2 + 1];
        int[] cols = new int[(int) nnz];
        double[] vals = new double[2 * (int) nnz];
        int row = 0, at = 0;
        for (Rows p : parts) {
            for (int cnt : p.counts()) {
                rowPtr[row + 1] = rowPtr[row] + cnt;
                row++;
            }
            System.arraycopy(p.cols(), 0, cols, at, p.cols().length);
            System.arraycopy(p.values(), 0, vals, 2 * at, p.values().length);
            at += p.cols().length;
        }
        return CsrMatrix.of(n2, n2, rowPtr, cols, vals);
    }

    /** Rows {@code lo..hi-1} of the tensor; each row depends on nothing computed elsewhere. */
    private static Rows rows(int n, double[] e, Coupling[] cs, double cutoff, int[] order, double[] sortedW, int lo,
                             int hi, boolean hamiltonian) {
        int[] counts = new int[hi - lo];
        int[] cols = new int[16];
        double[] vals = new double[32];
        int m = 0;
        int[] window = new int[order.length];
        for (int r = lo; r < hi; r++) {
            int a = r % n, b = r / n;
            double wab = e[a] - e[b];
            int from, to;
            if (cutoff == Double.POSITIVE_INFINITY) {
                from = 0;
                to = order.length;
            } else {
                from = firstAbove(sortedW, wab - cutoff);
                to = firstAtLeast(sortedW, wab + cutoff);
            }
            int k = 0;
            boolean diagonal = false;
            for (int i = from; i < to; i++) {
                int p = order[i];
                if (Math.abs(wab - sortedW[i]) < cutoff) {
                    window[k++] = p;
                    diagonal |= p == r;
                }
            }
            if (!diagonal) {
                window[k++] = r;   // the Hamiltonian's -i ω_ab, even with secCutoff 0
            }
            Arrays.sort(window, 0, k);
            int start = m;
            for (int i = 0; i < k; i++) {
                int p = window[i];
                int c = p % n, d = p / n;
                double re = 0, im = 0;
                for (Coupling cp : cs) {
                    double[] x = cp.a;
                    int ac = 2 * (a + c * n), db = 2 * (d + b * n);
                    double pr = x[ac] * x[db] - x[ac + 1] * x[db + 1];
                    double pi = x[ac] * x[db + 1] + x[ac + 1] * x[db];
                    double f = 0.5 * (cp.s[c + a * n] + cp.s[d + b * n]);
                    re += pr * f;
                    im += pi * f;
                    if (a == c) {
                        re -= 0.5 * cp.ac[2 * (d + b * n)];
                        im -= 0.5 * cp.ac[2 * (d + b * n) + 1];
                    }
                    if (b == d) {
                        re -= 0.5 * cp.bd[2 * (a + c * n)];
                        im -= 0.5 * cp.bd[2 * (a + c * n) + 1];
                    }
                }
                if (p == r && hamiltonian) {
                    im -= wab;
                }
                if (re == 0 && im == 0 && p != r) {
                    continue;
                }
                if (m == cols.length) {
                    cols = Arrays.copyOf(cols, 2 * m);
                    vals = Arrays.copyOf(vals, 4 * m);
                }
                cols[m] = p;
                vals[2 * m] = re;
                vals[2 * m + 1] = im;
                m++;
            }
            counts[r - lo] = m - start;
        }
        return new Rows(counts, Arrays.copyOf(cols, m), Arrays.copyOf(vals, 2 * m));
    }

    /** @return the first index whose value is {@code > x} */
    private static int firstAbove(double[] sorted, double x) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** @return the first index whose value is {@code >= x} */
    private static int firstAtLeast(double[] sorted, double x) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] >= x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
