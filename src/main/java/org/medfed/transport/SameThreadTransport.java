package org.medfed.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.medfed.engine.CallOutcome;
import org.medfed.engine.ParticipantCall;
import org.medfed.engine.ParticipantTransport;

/**
 * Runs participant calls one after another on the caller's thread. For tests and for machines where
 * parallel training is not wanted; the time limit is not enforced.
 */
public final class SameThreadTransport implements ParticipantTransport {

    @Override
    public <T> List<CallOutcome<T>> callAll(List<ParticipantCall<T>> calls, Duration timeLimit,
                                            Consumer<CallOutcome<T>> onOutcome) {
        List<CallOutcome<T>> out = new ArrayList<>(calls.size());
        for (ParticipantCall<T> call : calls) {
            CallOutcome<T> outcome = CallOutcome.of(call, System.nanoTime());
            onOutcome.accept(outcome);
            out.add(outcome);
        }
        return out;
    }
}
