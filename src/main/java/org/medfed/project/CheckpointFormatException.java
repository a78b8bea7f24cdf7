package org.medfed.project;

/**
 * A checkpoint file whose content is not what this version writes: a missing or mistyped field, a vector of the
 * wrong length. {@link CheckpointFile} turns it into a message naming the file.
 */
final class CheckpointFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CheckpointFormatException(String message) {
        super(message);
    }

    CheckpointFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
