package dev.lindblad.linalg;

import java.util.Arrays;

/**
 * Eigenvalues and eigenvectors of a real symmetric tridiagonal matrix {@code T = Q Λ Q^T} by
 * Cuppen's divide and conquer (J. J. M. Cuppen, "A divide and conquer method for the symmetric
 * tridiagonal eigenproblem", Numer. Math. 36 (1981) 177) with the deflation and the
 * eigenvector construction of Gu and Eisenstat ("A divide-and-conquer algorithm for the
 * symmetric tridiagonal eigenproblem", SIAM J. Matrix Anal. Appl. 16 (1995) 172), which make
 * the computed eigenvectors orthogonal to working precision.
 *
 * <p>Tearing T at row k with {@code β = T(k, k+1)} gives
 * {@code T = diag(T_1, T_2) + |β| u u^T}, {@code u = e_k + sign(β) e_{k+1}}, where
 * {@code T_1}, {@code T_2} are the two halves with {@code |β|} taken off their touching
 * diagonal entries. With {@code T_i = Q_i D_i Q_i^T} solved recursively,
 * {@code T = Q (D + ρ z z^T) Q^T} with {@code Q = diag(Q_1, Q_2)},
 * {@code z = Q^T u / sqrt 2} (the last row of {@code Q_1} and the first of {@code Q_2}) and
 * {@code ρ = 2|β|}. Then, at each merge:
 *
 * <ol>
 *   <li>Deflation: a component with {@code ρ|z_j| <= tol} leaves {@code (d_j, q_j)} an
 *       eigenpair; two poles closer than {@code tol / |c s|} are rotated so that one weight
 *       vanishes, {@code tol = 8 ε max(max|d|, ρ)}. Each step perturbs the matrix by at most
 *       tol.</li>
 *   <li>The K remaining roots of the secular equation
 *       {@code f(λ) = 1 + ρ Σ_j z_j^2 / (d_j - λ) = 0}, one in each gap of the poles, are found
 *       relative to the nearer pole (so that {@code d_j - λ} is computed without cancellation)
 *       by a safeguarded two-pole rational model: the poles left and right of the root are
 *       kept exactly, the others are matched in value and slope (Bunch, Nielsen and Sorensen,
 *       Numer. Math. 31 (1978) 31), within a bracket that bisection shrinks when the model
 *       leaves it.</li>
 *   <li>The weights are recomputed from the roots by Löwner's formula
 *       {@code ẑ_i^2 = Π_j (λ_j - d_i) / (ρ Π_{j≠i} (d_j - d_i))}, so that the computed roots
 *       are the exact eigenvalues of {@code D + ρ ẑ ẑ^T}; its eigenvectors
 *       {@code ẑ_i / (d_i - λ_j)} are then orthogonal to working precision.</li>
 *   <li>The new eigenvectors {@code Q U} by a matrix product that skips the zero blocks of
 *       {@code Q}.</li>
 * </ol>
 *
 * <p>Subproblems of at most {@link #LEAF} rows are solved by {@link SymmetricTridiagonal}.
 * Cost: about {@code (4/3) n^3} flops without deflation, much less with it (the usual case for
 * physical spectra).
 */
final class TridiagonalDivideConquer {

    /** Subproblems up to this size are solved by implicit QL/QR. */
    static final int LEAF = 32;

    private static final double EPS = SymmetricTridiagonal.EPS;

    /** Iterations allowed per secular root; the model plus bisection needs under 10. */
    private static final int MAX_SECULAR_ITERATIONS = 200;

    private TridiagonalDivideConquer() {
    }

    /**
     * Diagonalises T (diagonal {@code d[0..n)}, off-diagonal {@code e[0..n-1)}, {@code e}
     * destroyed) into {@code d} ascending and the orthogonal eigenvector matrix {@code q}
     * (n×n, column-major, overwritten).
     */
    static void solve(int n, double[] d, double[] e, double[] q) {
        Arrays.fill(q, 0, n * n, 0.0);
        int start = 0;
        while (start < n) {
            int end = start;
            while (end < n - 1) {
                double off = Math.abs(e[end]);
                if (off == 0.0
                        || off <= Math.sqrt(Math.abs(d[end])) * Math.sqrt(Math.abs(d[end + 1])) * EPS) {
                    e[end] = 0.0;
                    break;
                }
                end++;
            }
            int lo = start;
            int m = end - lo + 1;
            start = end + 1;
            if (m == 1) {
                q[lo + lo * n] = 1.0;
                continue;
            }
            // Scale the block to entries of order one (a power of two: exact) so that the
            // products in the secular equation and Löwner's formula stay in range.
            double norm = 0.0;
            for (int i = lo; i <= end; i++) {
                norm = Math.max(norm, Math.abs(d[i]));
            }
            for (int i = lo; i < end; i++) {
                norm = Math.max(norm, Math.abs(e[i]));
            }
            int scale = -Math.getExponent(norm);
            scale(d, e, lo, end, scale);
            solveBlock(d, e, lo, m, q, n);
            scale(d, e, lo, end, -scale);
        }
        sortAscending(n, d, q);
    }

    private static void scale(double[] d, double[] e, int lo, int end, int scale) {
        for (int i = lo; i <= end; i++) {
            d[i] = Math.scalb(d[i], scale);
        }
        for (int i = lo; i < end; i++) {
            e[i] = Math.scalb(e[i], scale);
        }
    }

    /**
     * Solves the unreduced block of m rows starting at {@code lo}: eigenvalues ascending into
     * {@code d[lo..lo+m)}, eigenvectors into rows and columns {@code lo..lo+m} of q.
     */
    private static void solveBlock(double[] d, double[] e, int lo, int m, double[] q, int ld) {
        if (m <= LEAF) {
            double[] dl = Arrays.copyOfRange(d, lo, lo + m);
            double[] el = new double[m];
            System.arraycopy(e, lo, el, 0, m - 1);
            double[] z = new double[m * m];
            for (int i = 0; i < m; i++) {
                z[i + i * m] = 1.0;
            }
            SymmetricTridiagonal.diagonalize(m, dl, el, z, m);
            System.arraycopy(dl, 0, d, lo, m);
            for (int j = 0; j < m; j++) {
                System.arraycopy(z, j * m, q, lo + (lo + j) * ld, m);
            }
            return;
        }
        int m1 = m / 2;
        int k = lo + m1 - 1;
        double beta = e[k];
        double rho = Math.abs(beta);
        d[k] -= rho;
        d[k + 1] -= rho;
        solveBlock(d, e, lo, m1, q, ld);
        solveBlock(d, e, lo + m1, m - m1, q, ld);
        merge(d, lo, m1, m - m1, q, ld, beta);
    }

    /**
     * Merges the solved halves (eigenvalues ascending in {@code d[lo..lo+m1)} and
     * {@code d[lo+m1..lo+m)}, eigenvectors in the diagonal blocks of q) into the
     * eigen-decomposition of {@code diag(T_1, T_2) + |β| u u^T}.
     */
    private static void merge(double[] d, int lo, int m1, int m2, double[] q, int ld, double beta) {
        int m = m1 + m2;
        double[] pole = Arrays.copyOfRange(d, lo, lo + m);
        double[] z = new double[m];
        double sign = beta < 0 ? -1.0 : 1.0;
        double invSqrt2 = 1.0 / Math.sqrt(2.0);
        for (int j = 0; j < m1; j++) {
            z[j] = q[(lo + m1 - 1) + (lo + j) * ld] * invSqrt2;
        }
        for (int j = m1; j < m; j++) {
            z[j] = sign * q[(lo + m1) + (lo + j) * ld] * invSqrt2;
        }
        double rho = 2.0 * Math.abs(beta);
        // Where each column has nonzero rows: bit 1 the top half, bit 2 the bottom half.
        int[] rowsMask = new int[m];
        for (int j = 0; j < m; j++) {
            rowsMask[j] = j < m1 ? 1 : 2;
        }
        int[] order = mergeOrder(pole, m1, m);
        double dmax = Math.max(Math.abs(pole[order[0]]), Math.abs(pole[order[m - 1]]));
        double tol = 8.0 * EPS * Math.max(dmax, rho);

        int[] kept = new int[m];
        int keptCount = 0;
        int prev = -1;
        for (int s = 0; s < m; s++) {
            int j = order[s];
            if (rho * Math.abs(z[j]) <= tol) {
                continue;
            }
            if (prev >= 0) {
                double zp = z[prev];
                double zj = z[j];
                double tau = Math.hypot(zp, zj);
                double c = zj / tau;
                double sn = -zp / tau;
                double gap = pole[j] - pole[prev];
                if (Math.abs(gap * c * sn) <= tol) {
                    // Rotate so that prev's weight moves onto j: prev is then an eigenpair
                    // of a matrix within tol of this one.
                    z[j] = tau;
                    z[prev] = 0.0;
                    rotateColumns(q, ld, lo, m, lo + prev, lo + j, c, sn);
                    rowsMask[prev] |= rowsMask[j];
                    rowsMask[j] = rowsMask[prev];
                    double dp = pole[prev];
                    double dj = pole[j];
                    pole[prev] = c * c * dp + sn * sn * dj;
                    pole[j] = sn * sn * dp + c * c * dj;
                    prev = j;
                    continue;
                }
                kept[keptCount++] = prev;
            }
            prev = j;
        }
        if (prev >= 0) {
            kept[keptCount++] = prev;
        }
        int kk = keptCount;

        double[] values = new double[m];
        int[] source = new int[m];
        boolean[] deflated = new boolean[m];
        Arrays.fill(deflated, true);
        for (int i = 0; i < kk; i++) {
            deflated[kept[i]] = false;
        }
        double[] u = null;
        if (kk > 0) {
            double[] delta = new double[kk];
            double[] weight = new double[kk];
            for (int i = 0; i < kk; i++) {
                delta[i] = pole[kept[i]];
                weight[i] = z[kept[i]];
            }
            double[] roots = new double[kk];
            u = secularVectors(kk, delta, weight, rho, roots);
            for (int r = 0; r < kk; r++) {
                values[r] = roots[r];
                source[r] = -1 - r;
            }
        }
        int count = kk;
        for (int j = 0; j < m; j++) {
            if (deflated[j]) {
                values[count] = pole[j];
                source[count] = j;
                count++;
            }
        }
        writeBack(d, lo, m1, m, q, ld, kk, kept, rowsMask, u, values, source);
    }

    /** The stable merge of the two ascending halves {@code [0, m1)} and {@code [m1, m)}. */
    private static int[] mergeOrder(double[] pole, int m1, int m) {
        int[] order = new int[m];
        int a = 0;
        int b = m1;
        for (int s = 0; s < m; s++) {
            if (b >= m || (a < m1 && pole[a] <= pole[b])) {
                order[s] = a++;
            } else {
                order[s] = b++;
            }
        }
        return order;
    }

    /** Columns (a, b), rows [lo, lo+m), become (c q_a + s q_b, -s q_a + c q_b). */
    private static void rotateColumns(double[] q, int ld, int lo, int m, int a, int b, double c,
            double s) {
        int ca = lo + a * ld;
        int cb = lo + b * ld;
        for (int i = 0; i < m; i++) {
            double x = q[ca + i];
            double y = q[cb + i];
            q[ca + i] = c * x + s * y;
            q[cb + i] = -s * x + c * y;
        }
    }

    /**
     * Roots and eigenvectors of {@code D + ρ w w^T}, poles {@code delta} strictly ascending,
     * weights nonzero: {@code roots[r]} ascending, and the K×K orthogonal matrix (column-major)
     * whose column r is the eigenvector of root r.
     */
    private static double[] secularVectors(int kk, double[] delta, double[] weight, double rho,
            double[] roots) {
        double[] wsq = new double[kk];
        for (int j = 0; j < kk; j++) {
            wsq[j] = rho * weight[j] * weight[j];
        }
        // diff[p + r kk] = delta_p - lambda_r, formed from the pole the root is found next to.
        double[] diff = new double[kk * kk];
        double[] shifted = new double[kk];
        for (int r = 0; r < kk; r++) {
            int origin = secularRoot(kk, delta, wsq, r, shifted);
            double tau = shifted[0];
            roots[r] = delta[origin] + tau;
            int col = r * kk;
            for (int p = 0; p < kk; p++) {
                diff[col + p] = (delta[p] - delta[origin]) - tau;
            }
        }
        // Löwner: rho zhat_p^2 = prod_r (lambda_r - delta_p) / prod_{r != p} (delta_r - delta_p),
        // paired so that every factor lies in (0, 1]: no overflow, and the running product
        // stays above its final value, so no underflow either.
        double[] u = new double[kk * kk];
        double[] zhat = new double[kk];
        for (int p = 0; p < kk; p++) {
            double prod = -diff[p + (kk - 1) * kk];
            for (int r = 0; r < p; r++) {
                prod *= (-diff[p + r * kk]) / (delta[r] - delta[p]);
            }
            for (int r = p + 1; r < kk; r++) {
                prod *= (-diff[p + (r - 1) * kk]) / (delta[r] - delta[p]);
            }
            zhat[p] = Math.copySign(Math.sqrt(Math.max(prod, 0.0)), weight[p]);
        }
        for (int r = 0; r < kk; r++) {
            int col = r * kk;
            double norm = 0.0;
            for (int p = 0; p < kk; p++) {
                double v = zhat[p] / diff[col + p];
                u[col + p] = v;
                norm += v * v;
            }
            double inv = 1.0 / Math.sqrt(norm);
            for (int p = 0; p < kk; p++) {
                u[col + p] *= inv;
            }
        }
        return u;
    }

    /**
     * Root r of {@code 1 + Σ_j wsq_j / (delta_j - λ) = 0}: returns the index of the pole it is
     * measured from and stores the offset {@code λ - delta[origin]} in {@code out[0]}.
     */
    private static int secularRoot(int kk, double[] delta, double[] wsq, int r, double[] out) {
        boolean last = r == kk - 1;
        int origin;
        double lo;
        double hi;
        if (last) {
            origin = r;
            double sum = 0.0;
            for (int j = 0; j < kk; j++) {
                sum += wsq[j];
            }
            lo = 0.0;
            hi = sum;
        } else {
            double gap = delta[r + 1] - delta[r];
            double mid = 0.5 * gap;
            double f = 1.0;
            for (int j = 0; j < kk; j++) {
                f += wsq[j] / ((delta[j] - delta[r]) - mid);
            }
            if (f >= 0.0) {
                origin = r;
                lo = 0.0;
                hi = mid;
            } else {
                origin = r + 1;
                lo = -mid;
                hi = 0.0;
            }
        }
        double left = delta[r] - delta[origin];
        double right = last ? 0.0 : delta[r + 1] - delta[origin];
        double tau = 0.5 * (lo + hi);
        for (int it = 0; it < MAX_SECULAR_ITERATIONS; it++) {
            double psi = 0.0;
            double dpsi = 0.0;
            double phi = 0.0;
            double dphi = 0.0;
            for (int j = 0; j <= r; j++) {
                double dj = (delta[j] - delta[origin]) - tau;
                double t = wsq[j] / dj;
                psi += t;
                dpsi += t / dj;
            }
            for (int j = r + 1; j < kk; j++) {
                double dj = (delta[j] - delta[origin]) - tau;
                double t = wsq[j] / dj;
                phi += t;
                dphi += t / dj;
            }
            double f = 1.0 + psi + phi;
            if (f == 0.0) {
                break;
            }
            if (f < 0.0) {
                lo = tau;
            } else {
                hi = tau;
            }
            double bound = EPS * (8.0 * (1.0 + Math.abs(psi) + phi) + Math.abs(tau) * (dpsi + dphi));
            if (Math.abs(f) <= bound) {
                break;
            }
            // Model: E + A / (left - t) + C / (right - t), matching psi and phi in value and
            // slope at tau with the poles that bound the root kept exactly.
            double a = dpsi * (left - tau) * (left - tau);
            double b = psi - dpsi * (left - tau);
            double next;
            if (last) {
                double en = 1.0 + b + phi;
                next = en > 0.0 ? left + a / en : Double.NaN;
            } else {
                double c = dphi * (right - tau) * (right - tau);
                double dd = phi - dphi * (right - tau);
                double en = 1.0 + b + dd;
                next = modelRoot(en, a, c, left, right);
            }
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (next == tau || hi - lo <= 2.0 * EPS * Math.max(Math.abs(lo), Math.abs(hi))) {
                tau = next;
                break;
            }
            tau = next;
        }
        out[0] = tau;
        return origin;
    }

    /**
     * The root in {@code (left, right)} of {@code E + A / (left - t) + C / (right - t) = 0},
     * {@code A, C >= 0}, one of {@code left, right} zero; NaN if the quadratic has none.
     */
    private static double modelRoot(double en, double a, double c, double left, double right) {
        // E (left - t)(right - t) + A (right - t) + C (left - t) = 0, with left * right = 0.
        double qa = en;
        double qb = -(en * (left + right) + a + c);
        double qc = a * right + c * left;
        if (qa == 0.0) {
            return qb == 0.0 ? Double.NaN : -qc / qb;
        }
        double disc = qb * qb - 4.0 * qa * qc;
        if (disc < 0.0) {
            return Double.NaN;
        }
        double qq = -0.5 * (qb + Math.copySign(Math.sqrt(disc), qb));
        double t1 = qq / qa;
        double t2 = qq == 0.0 ? Double.NaN : qc / qq;
        if (t1 > left && t1 < right) {
            return t1;
        }
        return t2;
    }

    /**
     * Writes the merged block: column s of the result is root {@code -1-source[s]}'s
     * eigenvector {@code Q~ U} or the deflated column {@code source[s]}, ordered by
     * {@code values} ascending; the eigenvalues go to {@code d[lo..lo+m)}.
     */
    private static void writeBack(double[] d, int lo, int m1, int m, double[] q, int ld, int kk,
            int[] kept, int[] rowsMask, double[] u, double[] values, int[] source) {
        double[] block = new double[m * m];
        if (kk > 0) {
            productSkippingZeroRows(q, ld, lo, m1, m, kk, kept, rowsMask, u, block);
        }
        Integer[] byValue = new Integer[m];
        for (int s = 0; s < m; s++) {
            byValue[s] = s;
        }
        Arrays.sort(byValue, (x, y) -> Double.compare(values[x], values[y]));
        double[] out = new double[m * m];
        for (int t = 0; t < m; t++) {
            int s = byValue[t];
            d[lo + t] = values[s];
            if (source[s] < 0) {
                System.arraycopy(block, (-1 - source[s]) * m, out, t * m, m);
            } else {
                System.arraycopy(q, lo + (lo + source[s]) * ld, out, t * m, m);
            }
        }
        for (int t = 0; t < m; t++) {
            System.arraycopy(out, t * m, q, lo + (lo + t) * ld, m);
        }
    }

    /**
     * {@code block[:, r] = Σ_i Q~[:, kept[i]] U[i, r]} for the top m1 rows from the kept
     * columns that have top rows, and for the bottom rows from those with bottom rows.
     */
    private static void productSkippingZeroRows(double[] q, int ld, int lo, int m1, int m, int kk,
            int[] kept, int[] rowsMask, double[] u, double[] block) {
        for (int half = 0; half < 2; half++) {
            int bit = half == 0 ? 1 : 2;
            int rowStart = half == 0 ? 0 : m1;
            int rows = half == 0 ? m1 : m - m1;
            int inner = 0;
            for (int i = 0; i < kk; i++) {
                if ((rowsMask[kept[i]] & bit) != 0) {
                    inner++;
                }
            }
            if (inner == 0) {
                continue;
            }
            double[] a = new double[rows * inner];
            double[] b = new double[inner * kk];
            int col = 0;
            for (int i = 0; i < kk; i++) {
                if ((rowsMask[kept[i]] & bit) != 0) {
                    System.arraycopy(q, lo + rowStart + (lo + kept[i]) * ld, a, col * rows, rows);
                    for (int r = 0; r < kk; r++) {
                        b[col + r * inner] = u[i + r * kk];
                    }
                    col++;
                }
            }
            RealMatrices.multiply(rows, inner, kk, a, b, block, rowStart, m);
        }
    }

    /** Stable sort of the eigenvalues with their columns (already sorted within blocks). */
    private static void sortAscending(int n, double[] d, double[] q) {
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = d[i - 1] <= d[i];
        }
        if (sorted) {
            return;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(d[x], d[y]));
        double[] values = d.clone();
        double[] vectors = Arrays.copyOf(q, n * n);
        for (int t = 0; t < n; t++) {
            d[t] = values[order[t]];
            System.arraycopy(vectors, order[t] * n, q, t * n, n);
        }
    }
}
