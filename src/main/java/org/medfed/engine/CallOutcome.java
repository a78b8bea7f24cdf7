package org.medfed.engine;

/**
 * How one participant call ended: a value, or an error (with {@code timedOut} set when it ran past the time
 * limit).
 */
public record CallOutcome<T>(String participant, T value, Throwable error, boolean timedOut, long nanos) {

    public static <T> CallOutcome<T> success(String participant, T value, long nanos) {
        return new CallOutcome<>(participant, value, null, false, nanos);
    }

    public static <T> CallOutcome<T> failure(String participant, Throwable error, boolean timedOut, long nanos) {
        return new CallOutcome<>(participant, null, error, timedOut, nanos);
    }

    public boolean succeeded() {
        return error == null && !timedOut;
    }
}
