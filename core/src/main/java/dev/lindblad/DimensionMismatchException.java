package dev.lindblad;

/**
 * Two quantum objects whose dimensions do not fit the operation asked of them. The message
 * shows both dims in QuTiP's notation.
 */
public class DimensionMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient Dims left;
    private final transient Dims right;

    /**
     * @param operation what was attempted, e.g. "times" or "plus"
     * @param left      dims of the first operand
     * @param right     dims of the second operand
     */
    public DimensionMismatchException(String operation, Dims left, Dims right) {
        super(operation + ": incompatible dims " + left + " and " + right);
        this.left = left;
        this.right = right;
    }

    /** @param message the full message */
    public DimensionMismatchException(String message) {
        super(message);
        this.left = null;
        this.right = null;
    }

    /** @return dims of the first operand, or null */
    public Dims left() {
        return left;
    }

    /** @return dims of the second operand, or null */
    public Dims right() {
        return right;
    }
}
