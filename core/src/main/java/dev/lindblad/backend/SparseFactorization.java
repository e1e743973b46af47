package dev.lindblad.backend;

/**
 * A sparse direct factorisation of a general complex n×n matrix A held by a native library
 * ({@link Backend#factorSparse}). It owns native memory: close it when done (a
 * try-with-resources block); solving after {@link #close()} throws {@link IllegalStateException}.
 */
public interface SparseFactorization extends AutoCloseable {

    /**
     * Solves {@code A x = b}.
     *
     * @param b right-hand side, interleaved complex, length 2n; not modified
     * @param x solution, interleaved complex, length 2n
     * @throws ArithmeticException when the library reports the matrix singular
     */
    void solve(double[] b, double[] x);

    /** @return stored entries of the factors L and U (NaN-free; -1 when the library does not say) */
    long factorNonzeros();

    /** @return what solved it, for results and reports, e.g. {@code "PARDISO (MKL 2025.2)"} */
    String description();

    /** Frees the native memory; further calls to {@link #solve} throw. Idempotent. */
    @Override
    void close();
}
