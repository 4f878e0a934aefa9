package dev.fluxion;

/**
 * Thrown when Fluxion cannot give a derivative: the method was not transformed, is not
 * annotated, or contains a construct Fluxion cannot differentiate. The message says which, where,
 * and what to do about it.
 */
public class FluxionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public FluxionException(String message) {
        super(message);
    }

    public FluxionException(String message, Throwable cause) {
        super(message, cause);
    }
}
