package org.medfed.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.medfed.engine.protocol.ProcedureCall;
import org.medfed.engine.protocol.SiteRequest;

/**
 * The asynchronous side of {@link FederatedRun}: every hospital trains all the time from the newest global model
 * it was sent; its update arrives after its job's time on the run's clock; whenever the strategy's buffer holds
 * enough arrived updates, the strategy merges them into the next version of the global model (one record of the
 * run), and the hospitals whose updates were merged get that version to train from.
 *
 * <p>Arrivals are taken in order of the run's clock, ties by hospital name. On the simulated clock a job's time
 * is computed from its bytes and steps, never measured, so the order, and so the run, is the same for the same
 * seed on any machine, whatever the threads do. Over real nodes the clock is measured and the order is whatever
 * the network made it.
 *
 * <p>A hospital has one job at a time and contributes at most one update to a buffer: its update waits in the
 * buffer until the buffer is merged. A hospital that fails {@value #MAX_FAILURES} times in a row is not asked
 * again in the run.
 */
final class AsyncRounds {

    static final int MAX_FAILURES = 3;

    /** A job sent to a hospital: the model version it trains from and how it ended, at which time. */
    private record Job(String participant, int version, ModelVector base, CallOutcome<FederatedRun.Fit> outcome,
                       double arrival) {
    }

    private static final Comparator<Job> BY_ARRIVAL =
            Comparator.comparingDouble(Job::arrival).thenComparing(Job::participant);

    private final FederatedRun run;
    private final List<String> names;
    private final PriorityQueue<Job> inFlight = new PriorityQueue<>(BY_ARRIVAL);
    private final List<Job> buffer = new ArrayList<>();
    private final Map<String, Integer> jobsSent = new HashMap<>();
    private final Map<String, Integer> failuresInARow = new HashMap<>();
    private final List<String> idle;

    AsyncRounds(FederatedRun run, List<String> names) {
        this.run = run;
        this.names = List.copyOf(names);
        this.idle = new ArrayList<>(names);
    }

    /** Sends work to idle hospitals, then waits on the clock for the next buffer and merges it as {@code round}. */
    FederatedRun.RoundOutcome next(int round, ModelVector global, RoundRecord.Progress before, RunControl control) {
        long start = System.nanoTime();
        int version = round - 1;
        double clock = before.clockSeconds();
        dispatch(new ArrayList<>(idle), clock, global, version, control);
        idle.clear();
        run.publish(new RunEvent.RoundStarted(round, run.config().rounds(),
                inFlight.stream().map(Job::participant).sorted().toList()));

        int wanted = run.strategy().schedule().buffer();
        List<ParticipantFailure> failures = new ArrayList<>();
        Map<String, Long> down = new TreeMap<>();
        Map<String, Long> up = new TreeMap<>();
        Map<String, ClientUpdate> arrived = new TreeMap<>();
        long trainingNanos = 0;
        while (buffer.size() < wanted) {
            Job job = inFlight.poll();
            if (job == null) {
                throw new RoundFailedException("update " + round + ": no hospital is left to train (" + buffer.size()
                        + " of the " + wanted + " updates needed arrived). " + FederatedRun.describe(failures));
            }
            clock = job.arrival();
            trainingNanos += job.outcome().nanos();
            if (job.outcome().succeeded()) {
                down.merge(job.participant(), job.outcome().value().bytesDown(), Long::sum);
                up.merge(job.participant(), job.outcome().value().bytesUp(), Long::sum);
            }
            ClientUpdate update = run.accept(round, job.outcome(), job.base(), failures);
            if (update == null) {
                int inARow = failuresInARow.merge(job.participant(), 1, Integer::sum);
                if (inARow < MAX_FAILURES) {
                    dispatch(List.of(job.participant()), clock, global, version, control);
                } else {
                    failures.add(new ParticipantFailure(round, job.participant(), ParticipantFailure.Phase.FIT,
                            "failed " + MAX_FAILURES + " times in a row; not asked again in this run", false));
                }
            } else {
                failuresInARow.put(job.participant(), 0);
                buffer.add(job);
                arrived.put(job.participant(), update);
            }
            if (control.isCancelled()) {
                throw new RunCancelledException();
            }
        }

        Map<String, RoundContext.Start> starts = new TreeMap<>();
        Map<String, Integer> staleness = new TreeMap<>();
        Map<String, Double> trainLoss = new TreeMap<>();
        for (Job job : buffer) {
            int behind = version - job.version();
            starts.put(job.participant(), new RoundContext.Start(job.base(), behind));
            staleness.put(job.participant(), behind);
            double loss = arrived.get(job.participant()).trainLoss();
            if (Double.isFinite(loss)) {
                trainLoss.put(job.participant(), loss);
            }
            idle.add(job.participant());
        }
        buffer.clear();
        Map<String, Integer> versions = new TreeMap<>();
        inFlight.forEach(j -> versions.put(j.participant(), j.version()));
        idle.forEach(name -> versions.put(name, round));
        List<ClientUpdate> updates = new ArrayList<>(arrived.values());
        RoundRecord.Progress progress = new RoundRecord.Progress(clock, before.updatesApplied() + updates.size(),
                staleness, versions, down, up);
        RoundContext context = new RoundContext(round, global, names.size(), failures, run.gateway(round, control),
                starts);
        return run.merge(context, updates, List.copyOf(arrived.keySet()), trainLoss, trainingNanos, start, progress,
                control);
    }

    /** Sends {@code participants} a job from {@code global} (version {@code version}) at {@code clock}. */
    private void dispatch(List<String> participants, double clock, ModelVector global, int version,
                          RunControl control) {
        if (participants.isEmpty()) {
            return;
        }
        RunConfig config = run.config();
        ProcedureCall procedure = run.strategy().clientProcedure();
        List<ParticipantCall<FederatedRun.Fit>> calls = new ArrayList<>();
        for (String name : participants) {
            int job = jobsSent.merge(name, 1, Integer::sum) - 1;
            LocalTraining training = config.training().withSeed(Seeds.derive(config.seed(), "async:" + name, job));
            SiteRequest request = FitInstruction.request(version + 1, global, training, procedure,
                    run.strategy().clientFilters(name));
            calls.add(run.fitCall(version + 1, name, request, global, job, control));
        }
        List<CallOutcome<FederatedRun.Fit>> outcomes = run.transport().callAll(calls, config.participantTimeout(),
                o -> run.publishOutcome(version + 1, ParticipantFailure.Phase.FIT, o,
                        r -> Map.of("train_loss", r.result().trainLoss())));
        if (control.isCancelled()) {
            throw new RunCancelledException();
        }
        for (CallOutcome<FederatedRun.Fit> o : outcomes) {
            double seconds;
            if (o.succeeded()) {
                seconds = o.value().seconds();
            } else if (FederatedRun.DroppedOut.in(o.error()) != null) {
                seconds = FederatedRun.DroppedOut.in(o.error()).seconds;
            } else {
                seconds = config.timing().jobSeconds(o.participant(), 0, 0, 0, o.nanos());
            }
            inFlight.add(new Job(o.participant(), version, global, o, clock + seconds));
        }
    }
}
