package dev.lindblad.backend;

import java.util.List;
import java.util.Set;

/**
 * A provider of native kernels, found at run time by {@link java.util.ServiceLoader} (the
 * module {@code native} provides {@code mkl} and {@code openblas}). The pure-Java kernels are
 * always there; a backend only makes a call faster, and {@link Backends} decides per call
 * whether it runs.
 *
 * <p>Conventions, as in {@linkplain dev.lindblad.linalg the linear algebra}: complex numbers
 * interleaved {@code (re, im)} in {@code double[]}, dense matrices column-major; inputs are
 * not modified unless a parameter says so. Every kernel method takes the number of threads the
 * library may use for that call: {@link Backends#callThreads} gives 1 inside a task (no N×N
 * oversubscription) and {@code Parallelism.threads()} otherwise.
 *
 * <p>Implementations must be cheap to construct (the libraries are loaded on the first call of
 * {@link #available()}), thread-safe, and must never let a missing library fail a run: a
 * kernel the backend cannot run throws, and the caller falls back to Java.
 * Kernels of {@link #kernels()} throw {@link ArithmeticException} for a numerical failure
 * (no convergence, exactly singular), which makes the caller run the Java kernel for that call
 * only; any other exception marks the kernel broken for the rest of the run (and
 * {@code lindblad info} says why).
 */
public interface Backend {

    /** @return the name used by {@code -Dlindblad.backend}: {@code "mkl"}, {@code "openblas"} */
    String name();

    /** @return preference among available backends for {@code native}: lower first */
    int rank();

    /**
     * @return whether the libraries loaded and the kernels are usable; the first call loads
     *         them (may take a moment: MKL is unpacked once into the cache directory)
     */
    boolean available();

    /**
     * @return whether the libraries are already loaded (or their loading already failed) in this
     *         JVM, so that {@link #available()} costs nothing now. It must not load anything. A
     *         backend that loads lazily overrides it; the default says loaded.
     */
    default boolean loaded() {
        return true;
    }

    /** @return why the backend is not available, or null when it is */
    String unavailableReason();

    /** @return the libraries looked for, found or not, with paths and versions */
    List<NativeLibrary> libraries();

    /** @return the kernels this backend provides (empty when not available) */
    Set<Kernel> kernels();

    /**
     * @return whether one call can be limited to one thread without changing the thread count
     *         of other threads' calls (MKL's thread-local setting). A backend without it is not
     *         used inside tasks unless the whole run has one thread.
     */
    boolean threadLocalThreads();

    /**
     * A string that changes whenever the libraries do (paths, sizes, versions), so that measured
     * thresholds are taken again. It must be cheap and must not load the libraries: the
     * dispatcher reads a cached threshold with it before deciding to load anything, so that a
     * run whose problems are all below the thresholds never loads a library.
     *
     * @return the key
     */
    String versionKey();

    /**
     * {@code C = alpha A B + beta C} with A m×k, B k×n, C m×n (column-major, interleaved).
     *
     * @param threads threads for this call
     */
    default void gemm(int m, int k, int n, double[] a, double[] b, double[] c, double alphaRe, double alphaIm,
                      double betaRe, double betaIm, int threads) {
        throw new UnsupportedOperationException(name() + ": no " + Kernel.GEMM.description());
    }

    /**
     * Eigenvalues (ascending) and optionally eigenvectors of a Hermitian matrix, of which only
     * the lower triangle is read.
     *
     * @param vectors null for eigenvalues only, else an array of length 2n² that receives the
     *                orthonormal eigenvectors as columns
     * @return the n eigenvalues ascending
     */
    default double[] hermitianEigen(int n, double[] a, double[] vectors, int threads) {
        throw new UnsupportedOperationException(name() + ": no " + Kernel.HERMITIAN_EIGEN.description());
    }

    /**
     * Eigenvalues and optionally right eigenvectors of a general complex matrix.
     *
     * @param vectors null for eigenvalues only, else an array of length 2n² that receives the
     *                right eigenvectors as columns, each of unit 2-norm
     * @return the n eigenvalues, interleaved (length 2n)
     */
    default double[] generalEigen(int n, double[] a, double[] vectors, int threads) {
        throw new UnsupportedOperationException(name() + ": no " + Kernel.GENERAL_EIGEN.description());
    }

    /**
     * LU with partial pivoting in place, {@code P A = L U}, packed as LAPACK's {@code zgetrf}:
     * on return {@code lu} holds L (strictly below the diagonal, unit diagonal implied) and U.
     *
     * @param lu the matrix on entry, the factors on return
     * @return 0-based pivots: row k was exchanged with row {@code pivots[k]} at step k
     */
    default int[] luFactor(int n, double[] lu, int threads) {
        throw new UnsupportedOperationException(name() + ": no " + Kernel.LU.description());
    }

    /**
     * Solves {@code A X = B} in place with factors from {@link #luFactor} ({@code zgetrs}).
     *
     * @param b       n×columns right-hand sides on entry, the solutions on return
     * @param columns number of right-hand sides
     */
    default void luSolve(int n, double[] lu, int[] pivots, double[] b, int columns, int threads) {
        throw new UnsupportedOperationException(name() + ": no " + Kernel.LU.description());
    }

    /**
     * Factors a general complex n×n matrix given in CSR (sorted or not, no duplicate entries).
     *
     * @return the factorisation; the caller closes it
     * @throws ArithmeticException when the matrix is (numerically) singular
     */
    default SparseFactorization factorSparse(int n, int[] rowPointers, int[] columnIndices, double[] values,
                                             int threads) {
        throw new UnsupportedOperationException(name() + ": no " + Kernel.SPARSE_SOLVE.description());
    }

    /**
     * Prepares a CSR matrix for repeated products (the arrays are copied).
     *
     * @return the prepared product
     */
    default SparseProduct prepareSparseProduct(int rows, int cols, int[] rowPointers, int[] columnIndices,
                                               double[] values) {
        throw new UnsupportedOperationException(name() + ": no " + Kernel.SPARSE_PRODUCT.description());
    }
}
