package dev.lindblad.backend;

/**
 * The kernels a {@link Backend} may provide, and the measure of size each one's threshold is
 * stated in ({@link Backends#select}).
 */
public enum Kernel {
    /** Dense complex product {@code C = alpha A B + beta C} ({@code zgemm}); size: the work {@code m k n}. */
    GEMM("dense product (zgemm)", "m*k*n"),
    /**
     * Hermitian eigen-decomposition {@code A = V diag(λ) V^†} ({@code zheevd}, or {@code zheevd_2stage}
     * for eigenvalues alone); size: n.
     */
    HERMITIAN_EIGEN("Hermitian eigen (zheevd/2stage)", "n"),
    /** General eigen-decomposition {@code A V = V diag(λ)} ({@code zgeev}); size: n. */
    GENERAL_EIGEN("general eigen (zgeev)", "n"),
    /** Dense LU {@code P A = L U} and its solves ({@code zgetrf}/{@code zgetrs}); size: n. */
    LU("dense LU (zgetrf/zgetrs)", "n"),
    /** Sparse matrix–vector product of a prepared matrix; size: stored entries (nnz). */
    SPARSE_PRODUCT("sparse product", "nnz"),
    /** Sparse direct solve {@code A x = b} of a general complex matrix; size: n. */
    SPARSE_SOLVE("sparse direct solve", "n");

    private final String description;
    private final String sizeMeasure;

    Kernel(String description, String sizeMeasure) {
        this.description = description;
        this.sizeMeasure = sizeMeasure;
    }

    /** @return what the kernel computes, for people */
    public String description() {
        return description;
    }

    /** @return the quantity its size threshold counts ({@code "n"}, {@code "nnz"}, {@code "m*k*n"}) */
    public String sizeMeasure() {
        return sizeMeasure;
    }
}
