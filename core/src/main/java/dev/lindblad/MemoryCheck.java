package dev.lindblad;

import java.util.Locale;

/**
 * Memory estimates made before a large allocation, and the refusal when it cannot fit: a
 * request that would end in an {@link OutOfMemoryError} after minutes of work is refused at
 * once with an {@link InsufficientMemoryException} that says how much it needs, how much there
 * is and what to do instead.
 *
 * <p>What the heap can give is {@code Runtime.maxMemory() - (totalMemory() - freeMemory())}.
 * Part of what is used may be garbage: when a request does not fit, one collection is asked
 * for ({@link System#gc()}) and the figure measured again before refusing. Requests below
 * {@link #CHECKED_ABOVE} are not checked (they cannot lose much work, and a nearly full heap
 * must not trigger a collection for every small call).
 *
 * <p>The estimates count the large arrays of each operation (16 bytes per complex entry; a
 * sparse entry 20 bytes, value and column index) with the temporaries alive at the peak; they
 * are estimates, meant to be within a small factor, not exact byte counts.
 */
public final class MemoryCheck {

    /** Requests smaller than this (32 MiB) are not checked. */
    public static final long CHECKED_ABOVE = 32L << 20;

    /** Bytes of one complex double. */
    public static final long COMPLEX = 16;

    private MemoryCheck() {
    }

    /** @return the bytes the heap can still give without a collection: max heap minus what is in use */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /**
     * Refuses a request that cannot fit.
     *
     * @param operation the operation the user called, named in the message
     * @param what      what the bytes are for
     * @param bytes     the estimated bytes ({@link Long#MAX_VALUE} when the estimate overflows)
     * @param wayOut    what the user can do instead (besides more heap, which the message adds)
     * @throws InsufficientMemoryException when {@code bytes} exceeds what the heap can give after a collection
     */
    public static void require(String operation, String what, long bytes, String wayOut) {
        if (bytes < CHECKED_ABOVE || bytes <= available()) {
            return;
        }
        System.gc();   // what is used may be garbage: count only what a collection cannot free
        long free = available();
        if (bytes > free) {
            throw new InsufficientMemoryException(operation, what, bytes, free, wayOut);
        }
    }

    /** @return whether {@code bytes} fits now, without a collection and without throwing */
    public static boolean fits(long bytes) {
        return bytes < CHECKED_ABOVE || bytes <= available();
    }

    /** @return {@code a * b * c} saturated at {@link Long#MAX_VALUE} (sizes of huge requests overflow) */
    public static long product(double a, double b, double c) {
        double p = a * b * c;
        return p >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(p);
    }

    /**
     * The check of {@link Qobj#expm()}: scaling and squaring with a Padé approximant keeps about
     * twelve dense n×n complex matrices alive at its peak.
     *
     * @param n the dimension
     */
    public static void expm(int n) {
        require("expm", n + "x" + n + " dense, about 12 work matrices of " + format(product(n, n, COMPLEX)),
                product(12, (double) n * n, COMPLEX), "a sparse exponential action instead of the matrix "
                        + "(sesolve/mesolve with method \"krylov\", or a propagator at the times needed)");
    }

    /**
     * The check of {@link Qobj#eigenstates()} (and the dense Hermitian eigen-decomposition it
     * makes): the dense copy, the reduction's real workspace, the eigenvectors and the kets
     * returned, about five dense n×n complex matrices.
     *
     * @param n the dimension
     */
    public static void eigenstates(int n) {
        require("eigenstates", n + "x" + n + " dense, about 5 matrices of " + format(product(n, n, COMPLEX)),
                product(5, (double) n * n, COMPLEX), "eigenenergies() when the vectors are not needed, or diagonalise each symmetry sector on its own");
    }

    /**
     * The check of {@link Qobj#eigenenergies()}: the dense copy and the reduction's workspace,
     * about two dense n×n complex matrices.
     *
     * @param n the dimension
     */
    public static void eigenenergies(int n) {
        require("eigenenergies", n + "x" + n + " dense, about 2 matrices of " + format(product(n, n, COMPLEX)),
                product(2, (double) n * n, COMPLEX), "a smaller problem: diagonalise each symmetry sector (conserved quantity) on its own");
    }

    /** @return bytes in binary units, e.g. {@code "1.5 GiB"} */
    public static String format(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 8 EiB";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
