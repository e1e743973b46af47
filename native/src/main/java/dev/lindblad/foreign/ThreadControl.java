package dev.lindblad.foreign;

/**
 * How a library is told the threads one call may use: MKL per calling thread
 * ({@code mkl_set_num_threads_local}), OpenBLAS for the whole process
 * ({@code openblas_set_num_threads}).
 */
interface ThreadControl {

    /**
     * Sets the threads for the calls the current thread makes next.
     *
     * @param threads at least 1
     * @return a token for {@link #exit}
     */
    int enter(int threads);

    /** Restores what {@link #enter} changed. */
    void exit(int token);

    /** @return whether {@link #enter} affects the calling thread only */
    boolean threadLocal();
}
