package dev.lindblad.linalg;

import java.util.Random;

/** Plain, obviously-correct dense reference routines for the tests (no shared code paths). */
final class TestMatrices {

    private TestMatrices() {
    }

    static double re(double[] a, int n, int i, int j) {
        return a[2 * (i + j * n)];
    }

    static double im(double[] a, int n, int i, int j) {
        return a[2 * (i + j * n) + 1];
    }

    static void set(double[] a, int n, int i, int j, double re, double im) {
        a[2 * (i + j * n)] = re;
        a[2 * (i + j * n) + 1] = im;
    }

    /** Random Hermitian matrix with entries of order 1. */
    static double[] randomHermitian(int n, Random random) {
        double[] a = new double[2 * n * n];
        for (int j = 0; j < n; j++) {
            set(a, n, j, j, random.nextGaussian(), 0.0);
            for (int i = j + 1; i < n; i++) {
                double r = random.nextGaussian();
                double m = random.nextGaussian();
                set(a, n, i, j, r, m);
                set(a, n, j, i, r, -m);
            }
        }
        return a;
    }

    /** Random general complex matrix with independent standard normal parts. */
    static double[] randomComplex(int rows, int cols, Random random) {
        double[] a = new double[2 * rows * cols];
        for (int p = 0; p < a.length; p++) {
            a[p] = random.nextGaussian();
        }
        return a;
    }

    /** (rows x inner) times (inner x cols), textbook triple loop. */
    static double[] multiply(int rows, int inner, int cols, double[] a, double[] b) {
        double[] c = new double[2 * rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double sr = 0;
                double si = 0;
                for (int k = 0; k < inner; k++) {
                    double ar = a[2 * (i + k * rows)];
                    double ai = a[2 * (i + k * rows) + 1];
                    double br = b[2 * (k + j * inner)];
                    double bi = b[2 * (k + j * inner) + 1];
                    sr += ar * br - ai * bi;
                    si += ar * bi + ai * br;
                }
                c[2 * (i + j * rows)] = sr;
                c[2 * (i + j * rows) + 1] = si;
            }
        }
        return c;
    }

    static double[] multiply(int n, double[] a, double[] b) {
        return multiply(n, n, n, a, b);
    }

    /** Conjugate transpose of a rows x cols matrix. */
    static double[] dagger(int rows, int cols, double[] a) {
        double[] t = new double[a.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[2 * (j + i * cols)] = a[2 * (i + j * rows)];
                t[2 * (j + i * cols) + 1] = -a[2 * (i + j * rows) + 1];
            }
        }
        return t;
    }

    static double[] identity(int n) {
        double[] id = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            id[2 * (i + i * n)] = 1;
        }
        return id;
    }

    static double[] scale(double[] a, double re, double im) {
        double[] b = new double[a.length];
        for (int p = 0; p < a.length; p += 2) {
            b[p] = a[p] * re - a[p + 1] * im;
            b[p + 1] = a[p] * im + a[p + 1] * re;
        }
        return b;
    }

    static double[] add(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int p = 0; p < a.length; p++) {
            c[p] = a[p] + b[p];
        }
        return c;
    }

    static double[] subtract(double[] a, double[] b) {
        double[] c = new double[a.length];
        for (int p = 0; p < a.length; p++) {
            c[p] = a[p] - b[p];
        }
        return c;
    }

    /** Frobenius norm. */
    static double frobenius(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** Frobenius norm of a - b. */
    static double distance(double[] a, double[] b) {
        return frobenius(subtract(a, b));
    }

    /** V diag(f) V^dagger for real diagonal weights. */
    static double[] fromSpectrum(int n, double[] vectors, double[] weightsRe, double[] weightsIm) {
        double[] scaled = new double[2 * n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double vr = re(vectors, n, i, j);
                double vi = im(vectors, n, i, j);
                set(scaled, n, i, j, vr * weightsRe[j] - vi * weightsIm[j],
                        vr * weightsIm[j] + vi * weightsRe[j]);
            }
        }
        return multiply(n, scaled, dagger(n, n, vectors));
    }

    /** Random unitary: eigenvectors of a random Hermitian matrix (via Gram-Schmidt on random columns). */
    static double[] randomUnitary(int n, Random random) {
        double[] q = randomComplex(n, n, random);
        for (int j = 0; j < n; j++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < j; k++) {
                    double dr = 0;
                    double di = 0;
                    for (int i = 0; i < n; i++) {
                        double kr = re(q, n, i, k);
                        double ki = im(q, n, i, k);
                        double jr = re(q, n, i, j);
                        double ji = im(q, n, i, j);
                        dr += kr * jr + ki * ji;
                        di += kr * ji - ki * jr;
                    }
                    for (int i = 0; i < n; i++) {
                        double kr = re(q, n, i, k);
                        double ki = im(q, n, i, k);
                        set(q, n, i, j, re(q, n, i, j) - (kr * dr - ki * di),
                                im(q, n, i, j) - (kr * di + ki * dr));
                    }
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += re(q, n, i, j) * re(q, n, i, j) + im(q, n, i, j) * im(q, n, i, j);
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                set(q, n, i, j, re(q, n, i, j) / norm, im(q, n, i, j) / norm);
            }
        }
        return q;
    }
}
