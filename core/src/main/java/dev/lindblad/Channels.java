package dev.lindblad;

import dev.lindblad.data.DenseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The representations of quantum channels behind {@link Superops#toChoi} and friends, on dense
 * interleaved column-major arrays. Conventions (QuTiP 5's):
 * <ul>
 *   <li>supermatrix S of a map E from operators {@code No×Ni} to {@code Mo×Mi}:
 *       {@code E(X)[i, j] = Σ_{k,l} S[i + Mo j, k + No l] X[k, l]};</li>
 *   <li>Choi matrix {@code J = Σ_{k,l} |k><l| ⊗ E(|k><l|)}, the input index slow:
 *       {@code J[i + Mo k, j + Mi l] = S[i + Mo j, k + No l]};</li>
 *   <li>for {@code E(X) = Σ K X K^†}, {@code J = Σ vec(K) vec(K)^†}.</li>
 * </ul>
 */
final class Channels {

    /** Entrywise tolerance of {@link #isTp} and the eigenvalue floor of {@link #isCp}. */
    static final double TOLERANCE = 1e-10;

    private Channels() {
    }

    static int size(int[] d) {
        int p = 1;
        for (int x : d) {
            p *= x;
        }
        return p;
    }

    static double[] dense(Qobj q) {
        return q.data().toDense().array();
    }

    /** The Choi matrix of a supermatrix (rep "super"), or the supermatrix of a Choi matrix. */
    static Qobj superToChoi(Qobj s) {
        Dims d = s.dims();
        Dims to = d.outSpace(), from = d.inSpace();
        int mo = to.rows(), mi = to.cols(), no = from.rows(), ni = from.cols();
        double[] a = dense(s);
        double[] j = new double[a.length];
        int jr = mo * no;
        int sr = mo * mi;
        for (int l = 0; l < ni; l++) {
            for (int k = 0; k < no; k++) {
                int scol = k + no * l;
                for (int jj = 0; jj < mi; jj++) {
                    for (int i = 0; i < mo; i++) {
                        int src = 2 * ((i + mo * jj) + sr * scol);
                        int dst = 2 * ((i + mo * k) + jr * (jj + mi * l));
                        j[dst] = a[src];
                        j[dst + 1] = a[src + 1];
                    }
                }
            }
        }
        Dims jd = Dims.superOf(Dims.of(to.out(), from.out()), Dims.of(to.in(), from.in())).withSuperrep("choi");
        return Qobj.of(DenseMatrix.wrap(jr, mi * ni, j), jd);
    }

    static Qobj choiToSuper(Qobj c) {
        Dims d = c.dims();
        Dims p = d.outSpace(), q = d.inSpace();
        // J dims [[to.out, from.out], [to.in, from.in]]
        int mo = p.rows(), no = p.cols(), mi = q.rows(), ni = q.cols();
        double[] j = dense(c);
        double[] s = new double[j.length];
        int jr = mo * no;
        int sr = mo * mi;
        for (int l = 0; l < ni; l++) {
            for (int k = 0; k < no; k++) {
                int scol = k + no * l;
                for (int jj = 0; jj < mi; jj++) {
                    for (int i = 0; i < mo; i++) {
                        int dst = 2 * ((i + mo * jj) + sr * scol);
                        int src = 2 * ((i + mo * k) + jr * (jj + mi * l));
                        s[dst] = j[src];
                        s[dst + 1] = j[src + 1];
                    }
                }
            }
        }
        Dims sd = Dims.superOf(Dims.of(p.out(), q.out()), Dims.of(p.in(), q.in()));
        return Qobj.of(DenseMatrix.wrap(sr, no * ni, s), sd);
    }

    /**
     * QuTiP's Pauli basis for the chi matrix: column i is {@code vec(conj(P_i))} for
     * {@code P_i = σ_{i_1} ⊗ ... ⊗ σ_{i_n}}, {@code σ = (1, X, Y, Z)}, the first qubit's index
     * the most significant.
     */
    static double[] pauliBasis(int nq) {
        int d = 1 << nq;
        int n = d * d;
        double[][] sig = {
            {1, 0, 0, 0, 0, 0, 1, 0},      // I, column-major interleaved 2x2
            {0, 0, 1, 0, 1, 0, 0, 0},      // X
            {0, 0, 0, 1, 0, -1, 0, 0},     // Y: [[0, -i], [i, 0]]: (1,0) = i, (0,1) = -i
            {1, 0, 0, 0, 0, 0, -1, 0},     // Z
        };
        double[] b = new double[2 * n * n];
        for (int col = 0; col < n; col++) {
            int[] idx = new int[nq];
            for (int q = nq - 1, c = col; q >= 0; q--, c /= 4) {
                idx[q] = c % 4;
            }
            // P = kron over qubits; element (r, s) = Π σ_{idx[q]}(r_q, s_q), qubit 0 most significant
            for (int s = 0; s < d; s++) {
                for (int r = 0; r < d; r++) {
                    double re = 1, im = 0;
                    for (int q = 0; q < nq; q++) {
                        int bit = nq - 1 - q;
                        int rq = (r >> bit) & 1, sq = (s >> bit) & 1;
                        double[] m = sig[idx[q]];
                        double mr = m[2 * (rq + 2 * sq)], mi = m[2 * (rq + 2 * sq) + 1];
                        double nr = re * mr - im * mi;
                        im = re * mi + im * mr;
                        re = nr;
                    }
                    int row = r + d * s;
                    b[2 * (row + n * col)] = re;
                    b[2 * (row + n * col) + 1] = -im;   // conj
                }
            }
        }
        return b;
    }

    /** {@code A^† M B} for n×n interleaved column-major matrices. */
    static double[] adjointTimes(int n, double[] a, double[] m, double[] b) {
        return times(n, conjTranspose(n, a), times(n, m, b));
    }

    static double[] conjTranspose(int n, double[] a) {
        double[] t = new double[a.length];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                t[2 * (j + n * i)] = a[2 * (i + n * j)];
                t[2 * (j + n * i) + 1] = -a[2 * (i + n * j) + 1];
            }
        }
        return t;
    }

    static double[] times(int n, double[] a, double[] b) {
        double[] c = new double[2 * n * n];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < n; k++) {
                double br = b[2 * (k + n * j)], bi = b[2 * (k + n * j) + 1];
                if (br == 0 && bi == 0) {
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    double ar = a[2 * (i + n * k)], ai = a[2 * (i + n * k) + 1];
                    c[2 * (i + n * j)] += ar * br - ai * bi;
                    c[2 * (i + n * j) + 1] += ar * bi + ai * br;
                }
            }
        }
        return c;
    }

    /** Number of qubits of a square map on a space of dimension {@code 2^nq}, or -1. */
    static int qubits(Dims choiOrSuper) {
        Dims p = choiOrSuper.outSpace(), q = choiOrSuper.inSpace();
        if (!p.equals(q) || p.rows() != p.cols()) {
            return -1;
        }
        int d = p.rows();
        return Integer.bitCount(d) == 1 ? Integer.numberOfTrailingZeros(d) : -1;
    }

    static Qobj choiToChi(Qobj choi) {
        int nq = qubits(choi.dims());
        int n = choi.shape()[0];
        double[] b = pauliBasis(nq);
        double[] chi = adjointTimes(n, b, dense(choi), b);
        return Qobj.of(DenseMatrix.wrap(n, n, chi), choi.dims().withSuperrep("chi"));
    }

    static Qobj chiToChoi(Qobj chi) {
        int nq = qubits(chi.dims());
        int n = chi.shape()[0];
        double[] b = pauliBasis(nq);
        double[] j = times(n, times(n, b, dense(chi)), conjTranspose(n, b));
        for (int k = 0; k < j.length; k++) {
            j[k] /= n;
        }
        return Qobj.of(DenseMatrix.wrap(n, n, j), chi.dims().withSuperrep("choi"));
    }

    /** {@code Tr_out J}: T[k, l] = Σ_i J[i + Mo k, i + Mi l], which is {@code conj(Σ K^† K)}. */
    static double[] traceOverOutput(Qobj choi, String function) {
        Dims p = choi.dims().outSpace(), q = choi.dims().inSpace();
        int mo = p.rows(), no = p.cols(), mi = q.rows(), ni = q.cols();
        if (mo != mi) {
            throw new IllegalArgumentException(function + ": the map's output operators are not square (output dims "
                    + Dims.of(p.out(), q.out()) + ")");
        }
        double[] j = dense(choi);
        int jr = mo * no;
        double[] t = new double[2 * no * ni];
        for (int l = 0; l < ni; l++) {
            for (int k = 0; k < no; k++) {
                double re = 0, im = 0;
                for (int i = 0; i < mo; i++) {
                    int src = 2 * ((i + mo * k) + jr * (i + mi * l));
                    re += j[src];
                    im += j[src + 1];
                }
                t[2 * (k + no * l)] = re;
                t[2 * (k + no * l) + 1] = im;
            }
        }
        return t;
    }

    static boolean isHermitian(double[] a, int n, double tol) {
        for (int j = 0; j < n; j++) {
            for (int i = 0; i <= j; i++) {
                double dr = a[2 * (i + n * j)] - a[2 * (j + n * i)];
                double di = a[2 * (i + n * j) + 1] + a[2 * (j + n * i) + 1];
                if (Math.hypot(dr, di) > tol) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The Choi matrix of the map X -> Σ K X K^†. */
    static Qobj krausToChoi(List<Qobj> kraus, String function) {
        Dims kd = kraus.get(0).dims();
        for (int k = 0; k < kraus.size(); k++) {
            Qobj op = kraus.get(k);
            if (op.isSuper() || op.isOperKet() || op.isOperBra()) {
                throw new IllegalArgumentException(function + ": Kraus operator " + k + " must be an operator, got a "
                        + op.type() + " with dims " + op.dims());
            }
            if (!op.dims().equals(kd)) {
                throw new DimensionMismatchException(function + ": Kraus operator " + k + " has dims " + op.dims()
                        + ", Kraus operator 0 has dims " + kd);
            }
        }
        int n = kd.rows() * kd.cols();
        double[] j = new double[2 * n * n];
        for (Qobj op : kraus) {
            double[] v = dense(op);     // column-major = vec(K)
            for (int c = 0; c < n; c++) {
                double cr = v[2 * c], ci = -v[2 * c + 1];
                if (cr == 0 && ci == 0) {
                    continue;
                }
                for (int r = 0; r < n; r++) {
                    double vr = v[2 * r], vi = v[2 * r + 1];
                    j[2 * (r + n * c)] += vr * cr - vi * ci;
                    j[2 * (r + n * c) + 1] += vr * ci + vi * cr;
                }
            }
        }
        return Qobj.of(DenseMatrix.wrap(n, n, j), Dims.superOf(kd, kd).withSuperrep("choi"));
    }

    /** Kraus operators from the eigen-decomposition of a Hermitian Choi matrix. */
    static List<Qobj> choiToKraus(Qobj choi, double tol) {
        Dims kd = choi.dims().outSpace();
        if (!choi.dims().outSpace().equals(choi.dims().inSpace())) {
            throw new IllegalArgumentException("toKraus: the Choi matrix's dims " + choi.dims()
                    + " are not those of a map X -> Σ K X K^† (output and input operator spaces differ)");
        }
        int n = choi.shape()[0];
        double[] j = dense(choi);
        double scale = Math.max(1, choi.norm("max"));
        if (!isHermitian(j, n, TOLERANCE * scale)) {
            throw new IllegalArgumentException("toKraus: the map is not Hermiticity-preserving (its Choi matrix is not "
                    + "Hermitian), so it has no Kraus form X -> Σ K X K^†; use toStinespring");
        }
        Linalg.Eigensystem es = Linalg.eigh(Metrics.hermitianPart(DenseMatrix.wrap(n, n, j)));
        double[] lam = es.values(), v = es.vectors();
        List<Qobj> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (Math.abs(lam[k]) < tol) {
                continue;
            }
            // rounding leaves zero eigenvalues of a CP map slightly negative: they give zero
            // operators (kept when tol = 0, as QuTiP keeps them)
            double floor = Math.max(tol, TOLERANCE * scale);
            if (lam[k] < -floor) {
                throw new IllegalArgumentException("toKraus: the map is not completely positive (its Choi matrix has "
                        + "the eigenvalue " + lam[k] + " < " + (-floor) + "), so it has no Kraus form "
                        + "X -> Σ K X K^†; use toStinespring");
            }
            double w = Math.sqrt(Math.max(0, lam[k]));
            double[] kr = Arrays.copyOfRange(v, 2 * n * k, 2 * n * (k + 1));
            for (int i = 0; i < kr.length; i++) {
                kr[i] *= w;
            }
            out.add(Qobj.of(DenseMatrix.wrap(kd.rows(), kd.cols(), kr), Dims.of(kd.out(), kd.in())));
        }
        return out;
    }

    /**
     * Singular triplets of a square matrix from the eigen-decomposition of its Hermitian
     * dilation {@code [[0, J], [J^†, 0]]}, whose eigenpairs are {@code ±σ, (u, ±v)/√2} with
     * {@code J v = σ u}: returns the left and right vectors scaled by {@code sqrt(σ)} for σ above
     * the threshold, as columns, in descending σ.
     */
    static double[][] scaledSingularVectors(double[] j, int n, double threshold) {
        double scale = 0;
        for (double x : j) {
            scale = Math.max(scale, Math.abs(x));
        }
        if (isHermitian(j, n, 1e-13 * Math.max(1, scale))) {
            return hermitianScaledSingularVectors(j, n, threshold);
        }
        int m = 2 * n;
        double[] h = new double[2 * m * m];
        for (int c = 0; c < n; c++) {
            for (int r = 0; r < n; r++) {
                double re = j[2 * (r + n * c)], im = j[2 * (r + n * c) + 1];
                // block (0, 1): J at (r, n + c); block (1, 0): J^† at (n + c, r)
                h[2 * (r + m * (n + c))] = re;
                h[2 * (r + m * (n + c)) + 1] = im;
                h[2 * ((n + c) + m * r)] = re;
                h[2 * ((n + c) + m * r) + 1] = -im;
            }
        }
        Linalg.Eigensystem es = Linalg.eigh(DenseMatrix.wrap(m, m, h));
        double[] lam = es.values(), v = es.vectors();
        List<Integer> keep = new ArrayList<>();
        for (int k = m - 1; k >= 0 && lam[k] > threshold; k--) {
            keep.add(k);
        }
        int r = keep.size();
        double[] u = new double[2 * n * r], w = new double[2 * n * r];
        for (int c = 0; c < r; c++) {
            int k = keep.get(c);
            // (a, b) has unit norm, u = √2 a, v = √2 b; scaled by sqrt(σ)
            double s = Math.sqrt(2 * lam[k]);
            for (int i = 0; i < n; i++) {
                u[2 * (i + n * c)] = s * v[2 * (i + m * k)];
                u[2 * (i + n * c) + 1] = s * v[2 * (i + m * k) + 1];
                w[2 * (i + n * c)] = s * v[2 * (n + i + m * k)];
                w[2 * (i + n * c) + 1] = s * v[2 * (n + i + m * k) + 1];
            }
        }
        return new double[][] {u, w};
    }

    /**
     * For a Hermitian J (every Hermiticity-preserving map, CP maps among them), the singular
     * triplets come from {@code J = Σ λ_k w_k w_k^†}: {@code σ_k = |λ_k|}, {@code u_k = w_k},
     * {@code v_k = sign(λ_k) w_k}, with no dilation of twice the size.
     */
    private static double[][] hermitianScaledSingularVectors(double[] j, int n, double threshold) {
        Linalg.Eigensystem es = Linalg.eigh(Metrics.hermitianPart(DenseMatrix.wrap(n, n, j)));
        double[] lam = es.values(), v = es.vectors();
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (x, y) -> Double.compare(Math.abs(lam[y]), Math.abs(lam[x])));
        int r = 0;
        while (r < n && Math.abs(lam[order[r]]) > threshold) {
            r++;
        }
        double[] u = new double[2 * n * r], w = new double[2 * n * r];
        for (int c = 0; c < r; c++) {
            int k = order[c];
            double s = Math.sqrt(Math.abs(lam[k])), sign = lam[k] < 0 ? -1 : 1;
            for (int i = 0; i < 2 * n; i++) {
                u[2 * n * c + i] = s * v[2 * n * k + i];
                w[2 * n * c + i] = sign * s * v[2 * n * k + i];
            }
        }
        return new double[][] {u, w};
    }

    /** A = Σ_k K_k ⊗ |k> from the columns vec(K_k) (rows×cols operators), dims [[out..., r], [in...]]. */
    static Qobj stackKraus(double[] cols, int r, Dims kd) {
        int rows = kd.rows(), cc = kd.cols();
        double[] a = new double[2 * rows * r * cc];
        for (int k = 0; k < r; k++) {
            for (int n = 0; n < cc; n++) {
                for (int m = 0; m < rows; m++) {
                    int src = 2 * ((m + rows * n) + rows * cc * k);
                    int dst = 2 * ((m * r + k) + rows * r * n);
                    a[dst] = cols[src];
                    a[dst + 1] = cols[src + 1];
                }
            }
        }
        int[] out = Arrays.copyOf(kd.out(), kd.out().length + 1);
        out[out.length - 1] = r;
        return Qobj.of(DenseMatrix.wrap(rows * r, cc, a), Dims.of(out, kd.in()));
    }

    /**
     * Reorders the indices of a dense matrix seen as a tensor: the row index has digits
     * {@code rowSizes} (slowest first) and becomes the digits in the order {@code order} (new
     * digit t is old digit order[t]); the same for the columns.
     */
    static double[] permuteIndices(double[] a, int[] rowSizes, int[] rowOrder, int[] colSizes, int[] colOrder) {
        int nr = size(rowSizes), nc = size(colSizes);
        int[] rmap = digitMap(rowSizes, rowOrder), cmap = digitMap(colSizes, colOrder);
        double[] b = new double[a.length];
        for (int c = 0; c < nc; c++) {
            for (int r = 0; r < nr; r++) {
                int src = 2 * (r + nr * c), dst = 2 * (rmap[r] + nr * cmap[c]);
                b[dst] = a[src];
                b[dst + 1] = a[src + 1];
            }
        }
        return b;
    }

    /** For each old flat index, the new flat index after reordering its digits. */
    private static int[] digitMap(int[] sizes, int[] order) {
        int n = size(sizes), len = sizes.length;
        int[] map = new int[n];
        int[] digit = new int[len];
        for (int x = 0; x < n; x++) {
            for (int t = len - 1, y = x; t >= 0; t--) {
                digit[t] = y % sizes[t];
                y /= sizes[t];
            }
            int z = 0;
            for (int t = 0; t < len; t++) {
                z = z * sizes[order[t]] + digit[order[t]];
            }
            map[x] = z;
        }
        return map;
    }
}
