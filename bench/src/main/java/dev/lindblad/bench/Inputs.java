package dev.lindblad.bench;

import dev.lindblad.data.CsrMatrix;
import dev.lindblad.data.DenseMatrix;
import java.util.SplittableRandom;

/**
 * Reproducible benchmark inputs (fixed seeds), in Lindblad's storage: interleaved complex,
 * column-major dense.
 */
final class Inputs {

    private Inputs() {
    }

    /** @return a normalised random complex vector of n entries */
    static double[] ket(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[2 * n];
        double norm = 0;
        for (int k = 0; k < v.length; k++) {
            v[k] = r.nextDouble(-1, 1);
            norm += v[k] * v[k];
        }
        norm = Math.sqrt(norm);
        for (int k = 0; k < v.length; k++) {
            v[k] /= norm;
        }
        return v;
    }

    /**
     * A density matrix of rank 4, {@code rho = sum_k p_k |psi_k><psi_k|}: positive, unit
     * trace, Hermitian, built in O(n²) rather than the O(n³) of {@code A A†}.
     *
     * @return the n×n matrix, interleaved column-major
     */
    static double[] densityMatrix(int n, long seed) {
        double[] rho = new double[2 * n * n];
        double[] weights = {0.4, 0.3, 0.2, 0.1};
        for (int k = 0; k < weights.length; k++) {
            double[] psi = ket(n, seed + k);
            for (int j = 0; j < n; j++) {
                double bjr = psi[2 * j], bji = -psi[2 * j + 1];
                for (int i = 0; i < n; i++) {
                    double ar = psi[2 * i], ai = psi[2 * i + 1];
                    int p = 2 * (i + j * n);
                    rho[p] += weights[k] * (ar * bjr - ai * bji);
                    rho[p + 1] += weights[k] * (ar * bji + ai * bjr);
                }
            }
        }
        return rho;
    }

    /** @return a dense random Hermitian matrix with entries of modulus at most about 1 */
    static double[] hermitian(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[2 * n * n];
        for (int j = 0; j < n; j++) {
            a[2 * (j + j * n)] = r.nextDouble(-1, 1);
            for (int i = j + 1; i < n; i++) {
                double re = r.nextDouble(-1, 1), im = r.nextDouble(-1, 1);
                a[2 * (i + j * n)] = re;
                a[2 * (i + j * n) + 1] = im;
                a[2 * (j + i * n)] = re;
                a[2 * (j + i * n) + 1] = -im;
            }
        }
        return a;
    }

    /**
     * A sparse Hermitian band matrix with {@code 2 halfBandwidth + 1} entries per interior row,
     * the shape of a Hamiltonian of coupled oscillators (Jaynes–Cummings, a chain of spins
     * with nearest-neighbour coupling).
     */
    static CsrMatrix bandHermitian(int n, int halfBandwidth, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] rowPtr = new int[n + 1];
        int nnzMax = n * (2 * halfBandwidth + 1);
        int[] cols = new int[nnzMax];
        double[] values = new double[2 * nnzMax];
        // upper band drawn first, so that the lower band can mirror it
        double[][] upper = new double[halfBandwidth + 1][2 * n];
        for (int d = 0; d <= halfBandwidth; d++) {
            for (int i = 0; i + d < n; i++) {
                upper[d][2 * i] = r.nextDouble(-1, 1);
                upper[d][2 * i + 1] = d == 0 ? 0 : r.nextDouble(-1, 1);
            }
        }
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = Math.max(0, i - halfBandwidth); j <= Math.min(n - 1, i + halfBandwidth); j++) {
                cols[p] = j;
                if (j >= i) {
                    values[2 * p] = upper[j - i][2 * i];
                    values[2 * p + 1] = upper[j - i][2 * i + 1];
                } else {
                    values[2 * p] = upper[i - j][2 * j];
                    values[2 * p + 1] = -upper[i - j][2 * j + 1];
                }
                p++;
            }
            rowPtr[i + 1] = p;
        }
        return CsrMatrix.of(n, n, rowPtr, cols, values);
    }

    /** @return {@code destroy(n)}: sqrt(k) on the first superdiagonal */
    static CsrMatrix destroy(int n) {
        double[] diag = new double[2 * (n - 1)];
        for (int k = 1; k < n; k++) {
            diag[2 * (k - 1)] = Math.sqrt(k);
        }
        return CsrMatrix.diagonal(n, 1, diag);
    }

    /** @return a dense random (not Hermitian) matrix */
    static DenseMatrix dense(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] a = new double[2 * n * n];
        for (int k = 0; k < a.length; k++) {
            a[k] = r.nextDouble(-1, 1);
        }
        return DenseMatrix.wrap(n, n, a);
    }
}
