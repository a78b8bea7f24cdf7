package org.medfed.study;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.medfed.concurrency.InOrder;
import org.medfed.concurrency.Workers;
import org.medfed.engine.CallOutcome;
import org.medfed.engine.Participant;
import org.medfed.engine.ParticipantCall;
import org.medfed.engine.RunControl;
import org.medfed.engine.SiteFailure;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.transport.InProcessTransport;

/**
 * Requests to the hospitals outside the rounds (preparing their tables, their baselines), through the same
 * transport and under the same time limit as the rounds; a failure comes back in the hospital's words.
 *
 * <p>The hospitals are asked at once ({@link #each}): each works on its own machine, so a study waits for the
 * slowest hospital rather than for all of them one after another. Answers are taken in the hospitals' order, so
 * whatever the coordinator adds up from them is added as a loop would, bit for bit.
 */
final class MultiSiteCalls implements AutoCloseable {

    private final InProcessTransport transport;
    private final ExecutorService asking;
    private final Duration limit;

    /** Calls to up to {@code hospitals} hospitals at once, each answer awaited for at most {@code limit}. */
    MultiSiteCalls(Workers workers, int hospitals, Duration limit) {
        this.transport = new InProcessTransport(workers, Math.max(1, hospitals));
        // the askers only wait on the transport's calls, so they must not be the transport's own bounded pool
        this.asking = workers.pool("asking-hospitals");
        this.limit = limit;
    }

    /**
     * {@code ask} of every hospital at once, answers in the hospitals' order; when some fail, the first failing
     * hospital's failure in that order, as a loop would have thrown it.
     */
    <H, T> List<T> each(List<H> hospitals, Function<? super H, ? extends T> ask) {
        return InOrder.map(hospitals, ask, asking);
    }

    /** Where questions to several hospitals run at once (for {@link InOrder#map}). */
    Executor atOnce() {
        return asking;
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

    @Override
    public void close() {
        asking.shutdownNow();
        transport.close();
    }
}
