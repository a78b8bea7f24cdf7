package org.medfed.engine;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * How the loop reaches participants: runs a batch of calls (concurrently or not), each under a time limit,
 * and reports every outcome. Implementations live in {@code org.medfed.transport}; strategies and trainers
 * cannot tell which one they run on.
 */
public interface ParticipantTransport {

    /**
     * Runs every call and returns their outcomes in the order of {@code calls}. {@code onOutcome} is told of
     * each as it ends, from any thread. Never throws for a failing call: the failure is an outcome.
     */
    <T> List<CallOutcome<T>> callAll(List<ParticipantCall<T>> calls, Duration timeLimit,
                                     Consumer<CallOutcome<T>> onOutcome);
}
