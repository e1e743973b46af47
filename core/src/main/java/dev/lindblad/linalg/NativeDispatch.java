package dev.lindblad.linalg;

import dev.lindblad.backend.Backend;
import dev.lindblad.backend.Backends;
import dev.lindblad.backend.Kernel;

/**
 * The one place where the dense linear algebra hands a call to a native {@link Backend}
 * ({@link Backends#select}): each method returns null (or false) when the Java kernel must run,
 * because no backend is chosen for that size, or because the native call failed. A numerical
 * failure ({@link ArithmeticException}) leaves that call to Java; any other failure also marks
 * the backend's kernel broken for the run ({@link Backends#failed}), so a broken library never
 * fails a computation. Inputs have been checked by the caller (square, finite).
 */
final class NativeDispatch {

    private NativeDispatch() {
    }

    /** {@code c = a b} for n×n matrices on a backend, or false. */
    static boolean multiply(int n, double[] a, double[] b, double[] c) {
        Backend be = Backends.select(Kernel.GEMM, (long) n * n * n);
        if (be == null) {
            return false;
        }
        try {
            be.gemm(n, n, n, a, b, c, 1, 0, 0, 0, Backends.callThreads(Kernel.GEMM, be, (long) n * n * n));
            return true;
        } catch (ArithmeticException e) {
            return false;
        } catch (RuntimeException | LinkageError e) {
            Backends.failed(be, Kernel.GEMM, e);
            return false;
        }
    }

    /** The Hermitian eigen-decomposition on a backend (only the lower triangle is read), or null. */
    static HermitianEigen.Result hermitian(int n, double[] a, boolean wantVectors) {
        Backend be = Backends.select(Kernel.HERMITIAN_EIGEN, n);
        if (be == null) {
            return null;
        }
        try {
            double[] vectors = wantVectors ? new double[2 * n * n] : null;
            double[] values = be.hermitianEigen(n, a, vectors, Backends.callThreads(Kernel.HERMITIAN_EIGEN, be, n));
            return new HermitianEigen.Result(values, vectors);
        } catch (ArithmeticException e) {
            return null;
        } catch (RuntimeException | LinkageError e) {
            Backends.failed(be, Kernel.HERMITIAN_EIGEN, e);
            return null;
        }
    }

    /**
     * The general eigen-decomposition on a backend, or null. Each eigenvector is put in the
     * Java kernel's convention: unit 2-norm (the library's), and its largest-modulus entry (the
     * first on a tie) made real and positive.
     */
    static GeneralEigen.Result general(int n, double[] a, boolean wantVectors) {
        Backend be = Backends.select(Kernel.GENERAL_EIGEN, n);
        if (be == null) {
            return null;
        }
        try {
            double[] vectors = wantVectors ? new double[2 * n * n] : null;
            double[] values = be.generalEigen(n, a, vectors, Backends.callThreads(Kernel.GENERAL_EIGEN, be, n));
            if (vectors != null) {
                for (int k = 0; k < n; k++) {
                    normalisePhase(vectors, 2 * k * n, n);
                }
            }
            return new GeneralEigen.Result(values, vectors);
        } catch (ArithmeticException e) {
            return null;
        } catch (RuntimeException | LinkageError e) {
            Backends.failed(be, Kernel.GENERAL_EIGEN, e);
            return null;
        }
    }

    /** Rotates the column so that its largest-modulus entry is real and positive, keeping its 2-norm. */
    private static void normalisePhase(double[] v, int from, int n) {
        int best = 0;
        double bestAbs = -1;
        for (int i = 0; i < n; i++) {
            double m = Math.hypot(v[from + 2 * i], v[from + 2 * i + 1]);
            if (m > bestAbs) {
                bestAbs = m;
                best = i;
            }
        }
        if (!(bestAbs > 0)) {
            return;
        }
        double cr = v[from + 2 * best] / bestAbs, ci = -v[from + 2 * best + 1] / bestAbs;   // conj(phase)
        for (int i = 0; i < n; i++) {
            double re = v[from + 2 * i], im = v[from + 2 * i + 1];
            v[from + 2 * i] = re * cr - im * ci;
            v[from + 2 * i + 1] = re * ci + im * cr;
        }
        v[from + 2 * best] = bestAbs;
        v[from + 2 * best + 1] = 0;
    }

    /** The LU factors and pivots on a backend ({@code zgetrf}), or null. */
    static LuDecomposition lu(int n, double[] a) {
        Backend be = Backends.select(Kernel.LU, n);
        if (be == null) {
            return null;
        }
        try {
            double[] lu = a.clone();
            int[] pivots = be.luFactor(n, lu, Backends.callThreads(Kernel.LU, be, n));
            return LuDecomposition.fromFactors(n, lu, pivots, n * Math.ulp(1.0) * Kernels.maxAbs(a));
        } catch (ArithmeticException e) {
            return null;
        } catch (RuntimeException | LinkageError e) {
            Backends.failed(be, Kernel.LU, e);
            return null;
        }
    }

    /** Solves with packed factors for several right-hand sides in place on a backend ({@code zgetrs}), or false. */
    static boolean luSolve(int n, double[] lu, int[] pivots, double[] x, int columns) {
        if (columns < 2) {
            return false;    // one column costs O(n²): not worth a native call
        }
        Backend be = Backends.select(Kernel.LU, n);
        if (be == null) {
            return false;
        }
        double[] original = x.clone();    // a failed call may have written part of x
        try {
            be.luSolve(n, lu, pivots, x, columns, Backends.callThreads(Kernel.LU, be, n));
            return true;
        } catch (ArithmeticException e) {
            System.arraycopy(original, 0, x, 0, x.length);
            return false;
        } catch (RuntimeException | LinkageError e) {
            System.arraycopy(original, 0, x, 0, x.length);
            Backends.failed(be, Kernel.LU, e);
            return false;
        }
    }
}
