package dev.lindblad.parallel;

import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.Data;
import dev.lindblad.data.Matrix;

/**
 * The benchmark Liouvillians, built from the data layer alone (column stacking:
 * {@code vec(A X B) = (B^T ⊗ A) vec(X)}, so {@code spre(A) = 1 ⊗ A}, {@code spost(B) = B^T ⊗ 1}):
 * {@code L = -i (spre(H) - spost(H)) + sum_c [conj(c) ⊗ c - spre(c^† c)/2 - spost(c^† c)/2]}.
 */
final class BenchmarkModels {
    private BenchmarkModels() {
    }

    static CsrMatrix sigmaX() {
        return CsrMatrix.of(2, 2, new int[] {0, 1, 2}, new int[] {1, 0}, new double[] {1, 0, 1, 0});
    }

    static CsrMatrix sigmaZ() {
        return CsrMatrix.of(2, 2, new int[] {0, 1, 2}, new int[] {0, 1}, new double[] {1, 0, -1, 0});
    }

    /** sigma_- = |1><0| in QuTiP's basis (|0> = up): lowers the spin. */
    static CsrMatrix sigmaMinus() {
        return CsrMatrix.of(2, 2, new int[] {0, 0, 1}, new int[] {0}, new double[] {1, 0});
    }

    static CsrMatrix destroy(int n) {
        double[] d = new double[2 * (n - 1)];
        for (int k = 0; k < n - 1; k++) {
            d[2 * k] = Math.sqrt(k + 1);
        }
        return CsrMatrix.diagonal(n, 1, d);
    }

    /** op on site k of an n-site chain of 2-level systems. */
    static Matrix site(Matrix op, int k, int n) {
        Matrix m = k == 0 ? op : CsrMatrix.identity(2);
        for (int s = 1; s < n; s++) {
            m = Data.kron(m, s == k ? op : CsrMatrix.identity(2));
        }
        return m;
    }

    /** Transverse-field Ising chain: H = -J sum sz_k sz_k+1 - h sum sx_k, decay gamma on each spin. */
    static Matrix isingLiouvillian(int n) {
        double j = 1, h = 0.7, gamma = 0.1;
        int dim = 1 << n;
        Matrix hamiltonian = CsrMatrix.zeros(dim, dim);
        for (int k = 0; k < n; k++) {
            hamiltonian = Data.add(hamiltonian, site(sigmaX(), k, n), -h, 0);
            if (k + 1 < n) {
                hamiltonian = Data.add(hamiltonian, Data.matmul(site(sigmaZ(), k, n), site(sigmaZ(), k + 1, n)), -j, 0);
            }
        }
        Matrix[] c = new Matrix[n];
        for (int k = 0; k < n; k++) {
            c[k] = Data.scale(site(sigmaMinus(), k, n), Math.sqrt(gamma), 0);
        }
        return liouvillian(hamiltonian, c);
    }

    /** Driven Kerr resonator: H = D a^†a + K/2 a^†a^†aa + F (a + a^†), decay kappa. */
    static Matrix kerrLiouvillian(int n) {
        double detuning = 0.5, kerr = 0.1, drive = 1.0, kappa = 0.2;
        Matrix a = destroy(n), ad = Data.adjoint(a);
        Matrix num = Data.matmul(ad, a);
        Matrix h = Data.scale(num, detuning, 0);
        h = Data.add(h, Data.matmul(Data.matmul(ad, ad), Data.matmul(a, a)), kerr / 2, 0);
        h = Data.add(h, Data.add(a, ad), drive, 0);
        return liouvillian(h, new Matrix[] {Data.scale(a, Math.sqrt(kappa), 0)});
    }

    static Matrix liouvillian(Matrix h, Matrix[] collapse) {
        int n = h.rows();
        CsrMatrix id = CsrMatrix.identity(n);
        Matrix l = Data.add(Data.kron(id, h), Data.kron(Data.transpose(h), id), -1, 0);
        l = Data.scale(l, 0, -1);
        for (Matrix c : collapse) {
            Matrix cdc = Data.matmul(Data.adjoint(c), c);
            l = Data.add(l, Data.kron(Data.conj(c), c));
            l = Data.add(l, Data.kron(id, cdc), -0.5, 0);
            l = Data.add(l, Data.kron(Data.transpose(cdc), id), -0.5, 0);
        }
        return l.toCsr();
    }
}
