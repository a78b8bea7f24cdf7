package org.medfed.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.medfed.concurrency.Workers;
import org.medfed.engine.CallOutcome;
import org.medfed.engine.ParticipantCall;
import org.medfed.engine.ParticipantTransport;

/**
 * Runs participant calls concurrently on a pool of threads in this process, each under the time limit. A
 * participant past its limit is interrupted (trainers stop at their next step) and reported as timed out;
 * the others go on.
 */
public final class InProcessTransport implements ParticipantTransport, AutoCloseable {

    private final ExecutorService pool;

    /** At most {@code threads} participants at once, on threads of {@code workers}; closing ends them. */
    public InProcessTransport(Workers workers, int threads) {
        this.pool = workers.fixed("participant", threads);
    }

    @Override
    public <T> List<CallOutcome<T>> callAll(List<ParticipantCall<T>> calls, Duration timeLimit,
                                            Consumer<CallOutcome<T>> onOutcome) {
        List<Future<CallOutcome<T>>> futures = new ArrayList<>(calls.size());
        List<AtomicLong> startTimes = new ArrayList<>(calls.size());
        for (ParticipantCall<T> call : calls) {
            AtomicLong started = new AtomicLong();
            startTimes.add(started);
            futures.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                started.set(t0);
                CallOutcome<T> outcome = CallOutcome.of(call, t0);
                onOutcome.accept(outcome);
                return outcome;
            }));
        }
        List<CallOutcome<T>> out = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            out.add(await(calls.get(i).participant(), futures.get(i), startTimes.get(i), timeLimit, onOutcome));
        }
        return out;
    }

    /** Waits for one call; its time limit counts from when it started, not from when it was queued. */
    private static <T> CallOutcome<T> await(String participant, Future<CallOutcome<T>> f, AtomicLong started,
                                            Duration timeLimit, Consumer<CallOutcome<T>> onOutcome) {
        long limit = timeLimit.toNanos();
        while (true) {
            long t0 = started.get();
            long wait = t0 == 0 ? limit : t0 + limit - System.nanoTime();
            try {
                return f.get(Math.max(0, wait), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (started.get() == 0) {
                    continue; // still queued behind other participants
                }
                if (started.get() + limit - System.nanoTime() > 0) {
                    continue; // started while we waited: give it its full limit
                }
                f.cancel(true);
                CallOutcome<T> timedOut = CallOutcome.failure(participant, e, true, System.nanoTime() - started.get());
                onOutcome.accept(timedOut);
                return timedOut;
            } catch (ExecutionException | CancellationException e) {
                return CallOutcome.failure(participant, e, false, 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                f.cancel(true);
                return CallOutcome.failure(participant, e, false, 0);
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
