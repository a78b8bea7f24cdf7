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

    /**
     * Runs {@code call} here and now, begun at {@code startNanos} ({@link System#nanoTime}): its value, or whatever
     * it threw, a failed assertion or a missing class included, so that one hospital's fault never escapes the round.
     */
    public static <T> CallOutcome<T> of(ParticipantCall<T> call, long startNanos) {
        try {
            return success(call.participant(), call.work().call(), System.nanoTime() - startNanos);
        } catch (Exception | LinkageError | AssertionError e) {
            return failure(call.participant(), e, false, System.nanoTime() - startNanos);
        }
    }

    public boolean succeeded() {
        return error == null && !timedOut;
    }
}
