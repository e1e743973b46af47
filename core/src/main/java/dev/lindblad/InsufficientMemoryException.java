package dev.lindblad;

import java.util.Locale;

/**
 * A request refused before it started because it would not fit in the heap: the operation
 * estimated the bytes it needs (a Liouvillian, a dense superoperator or propagator, an
 * exponential, an eigen-decomposition, the stored states of a run) and the heap could not give
 * them, even after a garbage collection. Nothing was computed, so nothing is lost; the message
 * names the operation, both sizes and the way out (more heap with {@code -Xmx} through
 * {@code LINDBLAD_JAVA_OPTS}, sparse input, {@code withStoreStates(false)}, the
 * {@code products} right-hand side, ...). See {@link MemoryCheck}.
 */
public class InsufficientMemoryException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final long bytesNeeded;
    private final long bytesAvailable;

    /**
     * @param operation      the operation refused, e.g. {@code "mesolve"} or {@code "expm"}
     * @param what           what the bytes are for, e.g. {@code "101 stored states of 16 MiB"}
     * @param bytesNeeded    the estimated bytes
     * @param bytesAvailable what the heap could still give
     * @param wayOut         what the user can do instead
     */
    public InsufficientMemoryException(String operation, String what, long bytesNeeded, long bytesAvailable,
                                       String wayOut) {
        super(String.format(Locale.ROOT,
                "%s: needs about %s (%s) but the heap can give only %s (max heap %s); refused before starting. "
                        + "Way out: %s; or a larger heap, -Xmx through LINDBLAD_JAVA_OPTS (e.g. LINDBLAD_JAVA_OPTS=-Xmx%dg)",
                operation, MemoryCheck.format(bytesNeeded), what, MemoryCheck.format(bytesAvailable),
                MemoryCheck.format(Runtime.getRuntime().maxMemory()), wayOut,
                Math.max(2, (long) Math.ceil(1.25 * (bytesNeeded + (Runtime.getRuntime().maxMemory() - bytesAvailable))
                        / (double) (1L << 30)))));
        this.operation = operation;
        this.bytesNeeded = bytesNeeded;
        this.bytesAvailable = bytesAvailable;
    }

    /** @return the operation refused */
    public String operation() {
        return operation;
    }

    /** @return the estimated bytes the operation needs */
    public long bytesNeeded() {
        return bytesNeeded;
    }

    /** @return the bytes the heap could give when the request was refused */
    public long bytesAvailable() {
        return bytesAvailable;
    }
}
