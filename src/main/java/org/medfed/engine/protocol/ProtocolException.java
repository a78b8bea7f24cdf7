package org.medfed.engine.protocol;

/**
 * A request or a reply that does not hold what its procedure needs: a missing or mistyped field, an unknown
 * procedure. Raised on whichever side reads the message; its text names the procedure and the field.
 */
public final class ProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }
}
