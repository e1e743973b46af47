package dev.lindblad.linalg;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test matrices and a plain dense complex reference solver, shared by the sparse tests. */
final class SparseTestMatrices {

    private SparseTestMatrices() {
    }

    /** A CSR matrix with interleaved complex values. */
    record Csr(int n, int[] rowPtr, int[] colIdx, double[] values) {

        /** y = A x, straight from the definition. */
        void multiply(double[] x, double[] y) {
            for (int i = 0; i < n; i++) {
                double re = 0;
                double im = 0;
                for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                    int j = colIdx[p];
                    double ar = values[2 * p];
                    double ai = values[2 * p + 1];
                    re += ar * x[2 * j] - ai * x[2 * j + 1];
                    im += ar * x[2 * j + 1] + ai * x[2 * j];
                }
                y[2 * i] = re;
                y[2 * i + 1] = im;
            }
        }

        /** Column-major dense copy, interleaved, duplicates summed. */
        double[] toDense() {
            double[] dense = new double[2 * n * n];
            for (int i = 0; i < n; i++) {
                for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                    int j = colIdx[p];
                    dense[2 * (i + j * n)] += values[2 * p];
                    dense[2 * (i + j * n) + 1] += values[2 * p + 1];
                }
            }
            return dense;
        }

        int nnz() {
            return rowPtr[n];
        }
    }

    /** Dense column-major interleaved matrix to CSR, keeping exact non-zeros only. */
    static Csr fromDense(int n, double[] dense) {
        int[] rowPtr = new int[n + 1];
        List<Integer> cols = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double re = dense[2 * (i + j * n)];
                double im = dense[2 * (i + j * n) + 1];
                if (re != 0 || im != 0) {
                    cols.add(j);
                    vals.add(re);
                    vals.add(im);
                }
            }
            rowPtr[i + 1] = cols.size();
        }
        int[] colIdx = cols.stream().mapToInt(Integer::intValue).toArray();
        double[] values = vals.stream().mapToDouble(Double::doubleValue).toArray();
        return new Csr(n, rowPtr, colIdx, values);
    }

    /**
     * Random sparse matrix: each entry present with the given density, plus (if dominant) a
     * diagonal exceeding the row sums, or (if not) a random permutation matrix of unit-modulus
     * entries that keeps it structurally regular while leaving many diagonals zero. Rows are
     * written with columns shuffled, to exercise the sorting of the input.
     */
    static Csr random(int n, double density, boolean diagonallyDominant, long seed) {
        Random random = new Random(seed);
        double[] dense = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (random.nextDouble() < density) {
                    dense[2 * (i + j * n)] = random.nextGaussian();
                    dense[2 * (i + j * n) + 1] = random.nextGaussian();
                }
            }
        }
        if (diagonallyDominant) {
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += Math.hypot(dense[2 * (i + j * n)], dense[2 * (i + j * n) + 1]);
                }
                dense[2 * (i + i * n)] = sum + 1;
            }
        } else {
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int k = random.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[k];
                perm[k] = t;
            }
            for (int i = 0; i < n; i++) {
                double phase = 2 * Math.PI * random.nextDouble();
                dense[2 * (i + perm[i] * n)] += 2 * Math.cos(phase);
                dense[2 * (i + perm[i] * n) + 1] += 2 * Math.sin(phase);
            }
        }
        Csr sorted = fromDense(n, dense);
        // Shuffle the columns of each row.
        int[] colIdx = sorted.colIdx().clone();
        double[] values = sorted.values().clone();
        for (int i = 0; i < n; i++) {
            int start = sorted.rowPtr()[i];
            int end = sorted.rowPtr()[i + 1];
            for (int p = end - 1; p > start; p--) {
                int q = start + random.nextInt(p - start + 1);
                int tc = colIdx[p];
                colIdx[p] = colIdx[q];
                colIdx[q] = tc;
                double tr = values[2 * p];
                double ti = values[2 * p + 1];
                values[2 * p] = values[2 * q];
                values[2 * p + 1] = values[2 * q + 1];
                values[2 * q] = tr;
                values[2 * q + 1] = ti;
            }
        }
        return new Csr(n, sorted.rowPtr(), colIdx, values);
    }

    /** 5-point Laplacian-like pattern on a side-by-side grid, complex shifted values. */
    static Csr gridLaplacian(int side) {
        int n = side * side;
        double[] dense = new double[2 * n * n];
        for (int x = 0; x < side; x++) {
            for (int y = 0; y < side; y++) {
                int i = x + side * y;
                dense[2 * (i + i * n)] = 4;
                dense[2 * (i + i * n) + 1] = 0.5;
                int[][] neighbours = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
                for (int[] nb : neighbours) {
                    if (nb[0] >= 0 && nb[0] < side && nb[1] >= 0 && nb[1] < side) {
                        int j = nb[0] + side * nb[1];
                        dense[2 * (i + j * n)] = -1;
                    }
                }
            }
        }
        return fromDense(n, dense);
    }

    /**
     * Dense complex Gaussian elimination with partial pivoting: solves A x = b for a column-major
     * interleaved A. The reference the sparse factorisation is checked against.
     */
    static double[] denseSolve(int n, double[] matrix, double[] rhs) {
        double[] a = matrix.clone();
        double[] b = rhs.clone();
        for (int k = 0; k < n; k++) {
            int pivot = k;
            double best = -1;
            for (int i = k; i < n; i++) {
                double m = Math.hypot(a[2 * (i + k * n)], a[2 * (i + k * n) + 1]);
                if (m > best) {
                    best = m;
                    pivot = i;
                }
            }
            if (best == 0) {
                throw new ArithmeticException("dense reference: singular at column " + k);
            }
            for (int j = 0; j < n; j++) {
                swap(a, 2 * (k + j * n), 2 * (pivot + j * n));
            }
            swap(b, 2 * k, 2 * pivot);
            double pr = a[2 * (k + k * n)];
            double pi = a[2 * (k + k * n) + 1];
            double d = pr * pr + pi * pi;
            for (int i = k + 1; i < n; i++) {
                double ar = a[2 * (i + k * n)];
                double ai = a[2 * (i + k * n) + 1];
                double fr = (ar * pr + ai * pi) / d;
                double fi = (ai * pr - ar * pi) / d;
                for (int j = k; j < n; j++) {
                    double kr = a[2 * (k + j * n)];
                    double ki = a[2 * (k + j * n) + 1];
                    a[2 * (i + j * n)] -= fr * kr - fi * ki;
                    a[2 * (i + j * n) + 1] -= fr * ki + fi * kr;
                }
                b[2 * i] -= fr * b[2 * k] - fi * b[2 * k + 1];
                b[2 * i + 1] -= fr * b[2 * k + 1] + fi * b[2 * k];
            }
        }
        double[] x = new double[2 * n];
        for (int i = n - 1; i >= 0; i--) {
            double re = b[2 * i];
            double im = b[2 * i + 1];
            for (int j = i + 1; j < n; j++) {
                double ar = a[2 * (i + j * n)];
                double ai = a[2 * (i + j * n) + 1];
                re -= ar * x[2 * j] - ai * x[2 * j + 1];
                im -= ar * x[2 * j + 1] + ai * x[2 * j];
            }
            double pr = a[2 * (i + i * n)];
            double pi = a[2 * (i + i * n) + 1];
            double d = pr * pr + pi * pi;
            x[2 * i] = (re * pr + im * pi) / d;
            x[2 * i + 1] = (im * pr - re * pi) / d;
        }
        return x;
    }

    private static void swap(double[] a, int p, int q) {
        double t = a[p];
        a[p] = a[q];
        a[q] = t;
        t = a[p + 1];
        a[p + 1] = a[q + 1];
        a[q + 1] = t;
    }

    // ---- Liouvillians, column stacking: vec(A X B) = (B^T kron A) vec(X) ----

    static double[] destroy(int dim) {
        double[] a = new double[2 * dim * dim];
        for (int k = 1; k < dim; k++) {
            a[2 * ((k - 1) + k * dim)] = Math.sqrt(k);
        }
        return a;
    }

    static double[] identity(int dim) {
        double[] a = new double[2 * dim * dim];
        for (int k = 0; k < dim; k++) {
            a[2 * (k + k * dim)] = 1;
        }
        return a;
    }

    static double[] multiply(int dim, double[] a, double[] b) {
        double[] c = new double[2 * dim * dim];
        for (int j = 0; j < dim; j++) {
            for (int k = 0; k < dim; k++) {
                double br = b[2 * (k + j * dim)];
                double bi = b[2 * (k + j * dim) + 1];
                if (br == 0 && bi == 0) {
                    continue;
                }
                for (int i = 0; i < dim; i++) {
                    double ar = a[2 * (i + k * dim)];
                    double ai = a[2 * (i + k * dim) + 1];
                    c[2 * (i + j * dim)] += ar * br - ai * bi;
                    c[2 * (i + j * dim) + 1] += ar * bi + ai * br;
                }
            }
        }
        return c;
    }

    static double[] dagger(int dim, double[] a) {
        double[] d = new double[2 * dim * dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                d[2 * (j + i * dim)] = a[2 * (i + j * dim)];
                d[2 * (j + i * dim) + 1] = -a[2 * (i + j * dim) + 1];
            }
        }
        return d;
    }

    static double[] transpose(int dim, double[] a) {
        double[] d = new double[2 * dim * dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                d[2 * (j + i * dim)] = a[2 * (i + j * dim)];
                d[2 * (j + i * dim) + 1] = a[2 * (i + j * dim) + 1];
            }
        }
        return d;
    }

    static double[] conjugate(double[] a) {
        double[] d = a.clone();
        for (int p = 1; p < d.length; p += 2) {
            d[p] = -d[p];
        }
        return d;
    }

    static double[] scale(double[] a, double re, double im) {
        double[] d = new double[a.length];
        for (int p = 0; p < a.length; p += 2) {
            d[p] = a[p] * re - a[p + 1] * im;
            d[p + 1] = a[p] * im + a[p + 1] * re;
        }
        return d;
    }

    static void addInto(double[] target, double[] a) {
        for (int p = 0; p < a.length; p++) {
            target[p] += a[p];
        }
    }

    /** kron(A, B) for dim-by-dim A and B: a dim^2 square matrix, column-major. */
    static double[] kron(int dim, double[] a, double[] b) {
        int big = dim * dim;
        double[] k = new double[2 * big * big];
        for (int ai = 0; ai < dim; ai++) {
            for (int aj = 0; aj < dim; aj++) {
                double ar = a[2 * (ai + aj * dim)];
                double aim = a[2 * (ai + aj * dim) + 1];
                if (ar == 0 && aim == 0) {
                    continue;
                }
                for (int bi = 0; bi < dim; bi++) {
                    for (int bj = 0; bj < dim; bj++) {
                        double br = b[2 * (bi + bj * dim)];
                        double bim = b[2 * (bi + bj * dim) + 1];
                        int row = ai * dim + bi;
                        int col = aj * dim + bj;
                        k[2 * (row + col * big)] = ar * br - aim * bim;
                        k[2 * (row + col * big) + 1] = ar * bim + aim * br;
                    }
                }
            }
        }
        return k;
    }

    /**
     * Dense Liouvillian {@code L = -i (I kron H - H^T kron I) + sum_c D[c]} with
     * {@code D[c] = conj(c) kron c - (I kron c^dag c)/2 - ((c^dag c)^T kron I)/2}: the column
     * stacking convention, vec(A X B) = (B^T kron A) vec(X).
     */
    static double[] liouvillian(int dim, double[] h, List<double[]> collapse) {
        double[] id = identity(dim);
        double[] l = scale(kron(dim, id, h), 0, -1);
        addInto(l, scale(kron(dim, transpose(dim, h), id), 0, 1));
        for (double[] c : collapse) {
            double[] cdc = multiply(dim, dagger(dim, c), c);
            addInto(l, kron(dim, conjugate(c), c));
            addInto(l, scale(kron(dim, id, cdc), -0.5, 0));
            addInto(l, scale(kron(dim, transpose(dim, cdc), id), -0.5, 0));
        }
        return l;
    }

    /** Replaces row 0 of a dense Liouvillian by the trace condition sum_k rho_kk. */
    static void replaceFirstRowWithTrace(int dim, double[] l) {
        int big = dim * dim;
        for (int j = 0; j < big; j++) {
            l[2 * (j * big)] = 0;
            l[2 * (j * big) + 1] = 0;
        }
        for (int k = 0; k < dim; k++) {
            int j = k + k * dim;
            l[2 * (j * big)] = 1;
        }
    }

    /** Damped harmonic oscillator in a thermal bath, mean occupation nTh, truncated at dim. */
    static double[] thermalOscillatorLiouvillian(int dim, double omega, double kappa, double nTh) {
        double[] a = destroy(dim);
        double[] h = scale(multiply(dim, dagger(dim, a), a), omega, 0);
        List<double[]> c = List.of(scale(a, Math.sqrt(kappa * (nTh + 1)), 0),
                scale(dagger(dim, a), Math.sqrt(kappa * nTh), 0));
        return liouvillian(dim, h, c);
    }

    /** Driven Kerr oscillator with loss: H = delta a^dag a + chi a^dag a^dag a a + F (a + a^dag). */
    static double[] kerrLiouvillian(int dim, double delta, double chi, double drive, double kappa) {
        double[] a = destroy(dim);
        double[] ad = dagger(dim, a);
        double[] n = multiply(dim, ad, a);
        double[] h = scale(n, delta, 0);
        addInto(h, scale(multiply(dim, multiply(dim, ad, ad), multiply(dim, a, a)), chi, 0));
        double[] x = a.clone();
        addInto(x, ad);
        addInto(h, scale(x, drive, 0));
        return liouvillian(dim, h, List.of(scale(a, Math.sqrt(kappa), 0)));
    }

    static double[] unitVector(int n, int k) {
        double[] e = new double[2 * n];
        e[2 * k] = 1;
        return e;
    }

    static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int p = 0; p < a.length; p += 2) {
            max = Math.max(max, Math.hypot(a[p] - b[p], a[p + 1] - b[p + 1]));
        }
        return max;
    }

    static double maxAbs(double[] a) {
        double max = 0;
        for (int p = 0; p < a.length; p += 2) {
            max = Math.max(max, Math.hypot(a[p], a[p + 1]));
        }
        return max;
    }

    static double[] randomVector(int n, long seed) {
        Random random = new Random(seed);
        double[] v = new double[2 * n];
        for (int p = 0; p < v.length; p++) {
            v[p] = random.nextGaussian();
        }
        return v;
    }
}
