package org.medfed.study;

import java.time.Duration;
import java.util.List;
import org.medfed.engine.CallOutcome;
import org.medfed.engine.Participant;
import org.medfed.engine.ParticipantCall;
import org.medfed.engine.ParticipantTransport;
import org.medfed.engine.RunControl;
import org.medfed.engine.SiteFailure;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.SiteRequest;

/**
 * Requests to one hospital outside the rounds (preparing its table, its baseline), through the same transport and
 * under the same time limit as the rounds; a failure comes back in the hospital's words.
 */
final class MultiSiteCalls {

    private final ParticipantTransport transport;
    private final Duration limit;

    MultiSiteCalls(ParticipantTransport transport, Duration limit) {
        this.transport = transport;
        this.limit = limit;
    }

    Params call(Participant hospital, SiteRequest request) {
        CallOutcome<Params> o = transport.callAll(List.of(new ParticipantCall<>(hospital.name(),
                () -> hospital.call(request, RunControl.free()))), limit, x -> { }).get(0);
        if (o.succeeded()) {
            return o.value();
        }
        if (o.timedOut()) {
            throw SiteFailure.failed(hospital.name(), "did not answer '" + request.procedure().id() + "' within "
                    + limit.toSeconds() + " s");
        }
        Throwable e = o.error();
        while ((e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        throw SiteFailure.failed(hospital.name(), e.toString());
    }
}
