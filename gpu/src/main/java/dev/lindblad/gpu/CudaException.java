package dev.lindblad.gpu;

/**
 * A CUDA, cuBLAS or cuSPARSE call returned an error status.
 */
public final class CudaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The library's status code (e.g. {@code cudaErrorNoDevice} = 100). */
    private final int code;

    /**
     * @param message what failed, with the status's name and text
     * @param code    the status code the call returned
     */
    public CudaException(String message, int code) {
        super(message);
        this.code = code;
    }

    /** @return the status code the failing call returned */
    public int code() {
        return code;
    }
}
