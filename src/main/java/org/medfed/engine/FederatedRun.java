package org.medfed.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.medfed.engine.checkpoint.Checkpoint;
import org.medfed.engine.checkpoint.CheckpointMismatchException;
import org.medfed.engine.checkpoint.CheckpointStore;
import org.medfed.engine.checkpoint.ResumableRandom;
import org.medfed.engine.checkpoint.RestorableParticipant;
import org.medfed.engine.protocol.Exchange;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.ProcedureCall;
import org.medfed.engine.protocol.ProtocolException;
import org.medfed.engine.protocol.SiteGateway;
import org.medfed.engine.protocol.SiteRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The round loop: select participants, send them the global model, collect their updates, aggregate,
 * evaluate, publish. It owns the loop so that every strategy gets the same failure handling, cancellation
 * and determinism: updates reach the strategy sorted by participant name, and every random choice derives
 * from the run seed. Given a {@link CheckpointStore}, it leaves a checkpoint after every round, from which
 * {@link #resume} goes on bit-identically.
 */
public final class FederatedRun {


    private final RunConfig config;
    private final Strategy strategy;
    private final List<Participant> participants;
    private final Map<String, Participant> byName;
    private final ParticipantTransport transport;
    private final RunListener listener;

    public FederatedRun(RunConfig config, Strategy strategy, List<? extends Participant> participants,
                        ParticipantTransport transport, RunListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.listener = listener == null ? RunListener.NONE : listener;
        if (participants.isEmpty()) {
            throw new BadInputException("the study has no participants");
        }
        List<Participant> sorted = new ArrayList<>(participants);
        sorted.sort(Comparator.comparing(Participant::name));
        this.participants = List.copyOf(sorted);
        this.byName = new LinkedHashMap<>();
        for (Participant p : this.participants) {
            if (byName.put(p.name(), p) != null) {
                throw new BadInputException("two participants are named '" + p.name() + "'");
            }
        }
        Schedule schedule = strategy.schedule();
        if (schedule.asynchronous() && schedule.buffer() > participants.size()) {
            throw new BadInputException("strategy " + strategy.id() + " merges " + schedule.buffer() + " updates at a "
                    + "time, but the study has only " + participants.size() + " hospitals, each sending one update per "
                    + "merge: lower the buffer size");
        }
        if (!schedule.asynchronous() && config.minParticipants() > participants.size()) {
            throw new BadInputException("at least " + config.minParticipants() + " participants must answer each round, "
                    + "but the study has only " + participants.size());
        }
    }

    RunConfig config() {
        return config;
    }

    Strategy strategy() {
        return strategy;
    }

    ParticipantTransport transport() {
        return transport;
    }

    /** Runs every round from {@code initial}; returns the history however the run ended. */
    public RunHistory execute(ModelVector initial, RunControl control) {
        return execute(initial, control, CheckpointStore.NONE);
    }

    /**
     * Runs every round from {@code initial} and leaves a checkpoint in {@code checkpoints} after each one, so that a
     * run killed at any moment can be {@linkplain #resume resumed}; returns the history however the run ended.
     */
    public RunHistory execute(ModelVector initial, RunControl control, CheckpointStore checkpoints) {
        strategy.reset();
        ResumableRandom sampler = new ResumableRandom(Seeds.derive(config.seed(), "participant-sampling", 0));
        return loop(List.of(), initial, sampler, control, checkpoints);
    }

    /**
     * Goes on from the round after {@code from} and ends exactly as the interrupted run would have: same sampled
     * participants, same models, same records. The strategy and the participants must be built as they were for
     * that run (same study, same seed); a checkpoint of another run is refused with a message.
     */
    public RunHistory resume(Checkpoint from, RunControl control, CheckpointStore checkpoints) {
        if (strategy.schedule().asynchronous()) {
            throw new CheckpointMismatchException("an asynchronous run (" + strategy.id() + ") cannot be resumed: the "
                    + "hospitals' work in flight when it stopped is not kept in a checkpoint; start it again", null);
        }
        checkFits(from);
        strategy.reset();
        try {
            strategy.restoreState(from.strategyState());
        } catch (ProtocolException | BadInputException e) {
            throw new CheckpointMismatchException("the checkpoint's state of strategy '" + strategy.id()
                    + "' cannot be restored: " + e.getMessage(), e);
        }
        for (Participant p : participants) {
            Params saved = from.participantStates().getOrDefault(p.name(), Params.EMPTY);
            if (p instanceof RestorableParticipant restorable) {
                restorable.restoreState(saved);
            } else if (!saved.isEmpty()) {
                log().warn("participant {} keeps its own state; the checkpoint's copy is not sent to it", p.name());
            }
        }
        return loop(from.rounds(), from.model(), ResumableRandom.restore(from.sampler()), control, checkpoints);
    }

    private void checkFits(Checkpoint from) {
        String problem = null;
        if (!from.strategyId().equals(strategy.id())) {
            problem = "it is of strategy '" + from.strategyId() + "', this run uses '" + strategy.id() + "'";
        } else if (!from.participants().equals(List.copyOf(byName.keySet()))) {
            problem = "its participants are " + from.participants() + ", this run's " + byName.keySet();
        } else if (from.seed() != config.seed()) {
            problem = "it was made with seed " + from.seed() + ", this run uses " + config.seed();
        } else if (from.round() > config.rounds()) {
            problem = "it was made after round " + from.round() + ", this run has only " + config.rounds() + " rounds";
        }
        if (problem != null) {
            throw new CheckpointMismatchException("the checkpoint does not belong to this run: " + problem, null);
        }
    }

    /** The rounds after {@code done}, from {@code start}; returns the history however the run ended. */
    private RunHistory loop(List<RoundRecord> done, ModelVector start, ResumableRandom sampler, RunControl control,
                            CheckpointStore checkpoints) {
        // a resumed run's duration counts the rounds it had done before, not the time it lay interrupted
        long startNanos = System.nanoTime() - done.stream().mapToLong(r -> r.duration().toNanos()).sum();
        List<String> names = List.copyOf(byName.keySet());
        List<RoundRecord> rounds = new ArrayList<>(done);
        ModelVector global = start;
        AsyncRounds async = strategy.schedule().asynchronous() ? new AsyncRounds(this, names) : null;
        publish(new RunEvent.RunStarted(strategy.id(), config.rounds(), names));
        try {
            for (int round = rounds.size() + 1; round <= config.rounds(); round++) {
                if (control.isPaused()) {
                    publish(new RunEvent.RunPaused(round));
                }
                control.beforeRound();
                RoundRecord.Progress before = rounds.isEmpty() ? RoundRecord.Progress.NONE
                        : rounds.get(rounds.size() - 1).progress();
                RoundOutcome outcome = async != null ? async.next(round, global, before, control)
                        : runRound(round, global, names, sampler, control, before);
                global = outcome.model();
                rounds.add(outcome.record());
                // before the round is announced: once a round shows as done, the run can be resumed after it
                saveCheckpoint(checkpoints, names, rounds, global, sampler);
                publish(outcome.cost());
                publish(new RunEvent.RoundAggregated(outcome.record()));
            }
            RunHistory history = history(names, rounds, global, RunStatus.FINISHED, "", startNanos);
            publish(new RunEvent.RunFinished(history));
            return history;
        } catch (RunStoppedEarly e) {
            RunHistory history = history(names, rounds, global, RunStatus.FINISHED, e.getMessage(), startNanos);
            publish(new RunEvent.RunFinished(history));
            return history;
        } catch (RunCancelledException e) {
            RunHistory history = history(names, rounds, global, RunStatus.CANCELLED,
                    "stopped by the user after round " + rounds.size(), startNanos);
            publish(new RunEvent.RunCancelled(history));
            return history;
        } catch (RoundFailedException | BadInputException e) {
            RunHistory history = history(names, rounds, global, RunStatus.FAILED, e.getMessage(), startNanos);
            publish(new RunEvent.RunFailed(history, e.getMessage()));
            return history;
        } catch (RuntimeException e) {
            log().error("run failed in round {}", rounds.size() + 1, e);
            String message = "internal error in round " + (rounds.size() + 1) + ": " + e;
            RunHistory history = history(names, rounds, global, RunStatus.FAILED, message, startNanos);
            publish(new RunEvent.RunFailed(history, message));
            return history;
        }
    }

    /** Everything the next round depends on, into the store; skipped when nobody keeps it (it copies the state). */
    private void saveCheckpoint(CheckpointStore checkpoints, List<String> names, List<RoundRecord> rounds,
                                ModelVector global, ResumableRandom sampler) {
        if (checkpoints == CheckpointStore.NONE) {
            return;
        }
        if (strategy.schedule().asynchronous()) {
            // work in flight at the hospitals is not part of a checkpoint; resume refuses such runs
            return;
        }
        Map<String, Params> sites = new TreeMap<>();
        for (Participant p : participants) {
            if (p instanceof RestorableParticipant restorable) {
                Params state = restorable.saveState();
                if (!state.isEmpty()) {
                    sites.put(p.name(), state);
                }
            }
        }
        checkpoints.save(new Checkpoint(rounds.size(), config.rounds(), config.seed(), strategy.id(), names, global,
                sampler.state(), strategy.saveState(), sites, rounds));
    }

    /** A round's record and the model it produced (kept apart so that records stay small). */
    record RoundOutcome(RoundRecord record, ModelVector model, RunEvent.AggregationMeasured cost) {
    }

    private RoundOutcome runRound(int round, ModelVector global, List<String> names, ResumableRandom sampler,
                                 RunControl control, RoundRecord.Progress before) {
        long roundStart = System.nanoTime();
        SiteGateway gateway = gateway(round, control);
        List<String> selected = strategy.select(
                new SelectionContext(round, names, config.fraction(), config.minParticipants(), sampler, gateway));
        selected = selected.stream().sorted().distinct().toList();
        for (String s : selected) {
            if (!byName.containsKey(s)) {
                throw new IllegalStateException("strategy selected unknown participant " + s);
            }
        }
        publish(new RunEvent.RoundStarted(round, config.rounds(), selected));

        ProcedureCall procedure = strategy.clientProcedure();
        List<ParticipantCall<Fit>> fitCalls = new ArrayList<>();
        for (String name : selected) {
            LocalTraining training = config.training().withSeed(Seeds.derive(config.seed(), name, round));
            SiteRequest request = FitInstruction.request(round, global, training, procedure,
                    strategy.clientFilters(name));
            fitCalls.add(fitCall(round, name, request, global, round, control));
        }
        List<CallOutcome<Fit>> fitOutcomes = transport.callAll(fitCalls, config.participantTimeout(),
                outcome -> publishOutcome(round, ParticipantFailure.Phase.FIT, outcome,
                        r -> Map.of("train_loss", r.result().trainLoss())));
        if (control.isCancelled()) {
            throw new RunCancelledException();
        }

        List<ParticipantFailure> failures = new ArrayList<>();
        List<ClientUpdate> updates = new ArrayList<>();
        Map<String, Double> trainLoss = new TreeMap<>();
        Map<String, Long> down = new TreeMap<>();
        Map<String, Long> up = new TreeMap<>();
        long trainingNanos = 0;
        double slowest = 0;
        for (CallOutcome<Fit> o : fitOutcomes) {
            trainingNanos += o.nanos();
            if (o.succeeded()) {
                down.put(o.participant(), o.value().bytesDown());
                up.put(o.participant(), o.value().bytesUp());
                slowest = Math.max(slowest, o.value().seconds());
            } else if (DroppedOut.in(o.error()) != null) {
                slowest = Math.max(slowest, DroppedOut.in(o.error()).seconds);
            }
            ClientUpdate u = accept(round, o, global, failures);
            if (u != null) {
                updates.add(u);
                if (Double.isFinite(u.trainLoss())) {
                    trainLoss.put(u.participant(), u.trainLoss());
                }
            }
        }
        updates.sort(Comparator.comparing(ClientUpdate::participant));
        int needed = Math.min(config.minParticipants(), selected.size());
        if (updates.size() < needed) {
            throw new RoundFailedException("round " + round + ": only " + updates.size() + " of " + selected.size()
                    + " participants answered, at least " + needed + " needed. " + describe(failures));
        }
        Map<String, Integer> staleness = new TreeMap<>();
        updates.forEach(u -> staleness.put(u.participant(), 0));
        Map<String, Integer> versions = new TreeMap<>();
        selected.forEach(s -> versions.put(s, round - 1));
        RoundRecord.Progress progress = new RoundRecord.Progress(before.clockSeconds() + slowest,
                before.updatesApplied() + updates.size(), staleness, versions, down, up);
        return merge(new RoundContext(round, global, names.size(), failures, gateway), updates, selected, trainLoss,
                trainingNanos, roundStart, progress, control);
    }

    /** A hospital's reply to a training request, with its bytes each way and its job's time on the run's clock. */
    record Fit(FitResult result, long bytesDown, long bytesUp, double seconds) {
    }

    /**
     * The call that sends {@code request} (trained from {@code base}) to {@code name}; when the clock has the
     * hospital away for its {@code job}-th job, it trains but its update is lost on the way, and the coordinator
     * learns so when the update should have arrived.
     */
    ParticipantCall<Fit> fitCall(int round, String name, SiteRequest request, ModelVector base, long job,
                                 RunControl control) {
        Participant p = byName.get(name);
        return new ParticipantCall<>(name, () -> {
            publish(new RunEvent.ParticipantStarted(round, name, ParticipantFailure.Phase.FIT));
            long t0 = System.nanoTime();
            Exchange e = p.exchange(request, control);
            long nanos = System.nanoTime() - t0;
            FitResult r = FitResult.fromReply(e.reply(), base);
            double seconds = config.timing().jobSeconds(name, e.bytesDown(), r.steps(), e.bytesUp(), nanos);
            if (config.timing().away(name, config.seed(), job)) {
                throw new DroppedOut(name, seconds);
            }
            return new Fit(r, e.bytesDown(), e.bytesUp(), seconds);
        });
    }

    /** A simulated drop-out: the hospital's update was lost after {@code seconds} on the run's clock. */
    static final class DroppedOut extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final double seconds;

        DroppedOut(String participant, double seconds) {
            super(participant + " dropped out: its update was lost on the way (simulated drop-out)");
            this.seconds = seconds;
        }

        /** The drop-out behind a failed call, or null when it failed otherwise. */
        static DroppedOut in(Throwable error) {
            for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof DroppedOut d) {
                    return d;
                }
            }
            return null;
        }
    }

    /** The update of a successful call, or null after recording why it cannot be used. */
    ClientUpdate accept(int round, CallOutcome<Fit> o, ModelVector base, List<ParticipantFailure> failures) {
        if (!o.succeeded()) {
            failures.add(failure(round, ParticipantFailure.Phase.FIT, o));
            return null;
        }
        FitResult r = o.value().result();
        String problem = checkUpdate(r, base);
        if (problem != null) {
            ParticipantFailure f = new ParticipantFailure(round, o.participant(), ParticipantFailure.Phase.FIT,
                    problem, false);
            failures.add(f);
            publish(new RunEvent.ParticipantFailed(f, Duration.ofNanos(o.nanos())));
            return null;
        }
        return ClientUpdate.of(o.participant(), byName.get(o.participant()).weight(), r);
    }

    /** The strategy merges {@code updates}; the new model is checked and evaluated, and the record made. */
    RoundOutcome merge(RoundContext context, List<ClientUpdate> updates, List<String> selected,
                       Map<String, Double> trainLoss, long trainingNanos, long roundStart, RoundRecord.Progress progress,
                       RunControl control) {
        int round = context.round();
        ModelVector global = context.global();
        List<ParticipantFailure> failures = new ArrayList<>(context.failures());
        long aggregateStart = System.nanoTime();
        ModelVector next = strategy.aggregate(context, updates);
        long aggregateNanos = System.nanoTime() - aggregateStart;
        var cost = new RunEvent.AggregationMeasured(round, updates.size(), global.size(), Duration.ofNanos(aggregateNanos),
                Duration.ofNanos(plainMeanNanos(updates)));
        if (next.size() != global.size()) {
            throw new IllegalStateException("strategy " + strategy.id() + " returned " + next.size()
                    + " parameters instead of " + global.size());
        }
        if (!next.isFinite()) {
            throw new RoundFailedException("round " + round + ": the aggregated model has values that are not finite "
                    + "numbers; the learning rate is probably too high");
        }
        Map<String, Double> diagnostics = strategy.roundDiagnostics();

        Map<String, Evaluation> test = evaluate(round, next, failures, control);
        Map<String, Double> globalMetrics = new LinkedHashMap<>(MetricSummary.acrossParticipants(test));
        if (!trainLoss.isEmpty()) {
            double sum = 0;
            double n = 0;
            for (ClientUpdate u : updates) {
                if (Double.isFinite(u.trainLoss())) {
                    sum += u.trainLoss() * u.examples();
                    n += u.examples();
                }
            }
            if (n > 0) {
                globalMetrics.put("train_loss", sum / n);
            }
        }
        return new RoundOutcome(new RoundRecord(round, selected, trainLoss, test, globalMetrics, failures,
                Duration.ofNanos(System.nanoTime() - roundStart), trainingNanos, diagnostics, progress), next, cost);
    }

    /**
     * Times a plain mean of the round's update vectors, the cost of unprotected aggregation on this machine, so
     * that the cost of a protection can be shown next to it. One pass over the updates; the result is dropped.
     */
    private static long plainMeanNanos(List<ClientUpdate> updates) {
        if (updates.isEmpty()) {
            return 0;
        }
        long start = System.nanoTime();
        ModelVector mean = VectorMath.mean(updates.stream().map(ClientUpdate::update).toList());
        long nanos = System.nanoTime() - start;
        return mean.size() >= 0 ? nanos : 0; // uses the result, so the mean cannot be optimised away
    }

    /**
     * For a personalising strategy, once the rounds are over: asks every hospital to make its personal model from
     * {@code global} (the final shared model) by the strategy's method, each with its own seed and the run's local
     * plan without DP-SGD (the personal model never leaves), and gathers their test metrics. NONE for a strategy
     * that does not personalise.
     *
     * @param alone how each hospital's own model alone is trained, for a method that weighs it against the others
     */
    public PersonalResults personalise(ModelVector global, AloneTraining alone, RunControl control) {
        var call = strategy.personalisation();
        if (call.isEmpty()) {
            return PersonalResults.NONE;
        }
        int round = config.rounds();
        ProcedureCall withAlone = new ProcedureCall(call.get().procedure(), Params.builder().all(call.get().params())
                .all(alone.toParams()).build());
        List<ParticipantCall<Evaluation>> calls = new ArrayList<>();
        for (Participant p : participants) {
            LocalTraining plan = config.training().withSampleLevelPrivacy(null)
                    .withSeed(Seeds.derive(config.seed(), "personalise/" + p.name(), 0));
            SiteRequest request = FitInstruction.request(round, global, plan, withAlone, List.of());
            calls.add(new ParticipantCall<>(p.name(), () -> {
                publish(new RunEvent.ParticipantStarted(round, p.name(), ParticipantFailure.Phase.EVALUATE));
                return Evaluation.fromReply(p.call(request, control));
            }));
        }
        Map<String, Evaluation> test = new TreeMap<>();
        List<ParticipantFailure> failures = new ArrayList<>();
        for (CallOutcome<Evaluation> o : transport.callAll(calls, config.participantTimeout(),
                outcome -> publishOutcome(round, ParticipantFailure.Phase.EVALUATE, outcome, Evaluation::metrics))) {
            if (o.succeeded()) {
                test.put(o.participant(), o.value());
            } else {
                failures.add(failure(round, ParticipantFailure.Phase.EVALUATE, o));
            }
        }
        if (control.isCancelled()) {
            throw new RunCancelledException();
        }
        return new PersonalResults(call.get().params().text(PersonalModel.METHOD), test, failures);
    }

    private Map<String, Evaluation> evaluate(int round, ModelVector model, List<ParticipantFailure> failures,
                                             RunControl control) {
        List<ParticipantCall<Evaluation>> calls = new ArrayList<>();
        SiteRequest request = EvaluationRequest.of(round, model, DataSplit.TEST);
        for (Participant p : participants) {
            if (p.testSize() == 0) {
                continue;
            }
            calls.add(new ParticipantCall<>(p.name(), () -> {
                publish(new RunEvent.ParticipantStarted(round, p.name(), ParticipantFailure.Phase.EVALUATE));
                return Evaluation.fromReply(p.call(request, control));
            }));
        }
        List<CallOutcome<Evaluation>> outcomes = transport.callAll(calls, config.participantTimeout(),
                outcome -> publishOutcome(round, ParticipantFailure.Phase.EVALUATE, outcome, Evaluation::metrics));
        Map<String, Evaluation> test = new TreeMap<>();
        for (CallOutcome<Evaluation> o : outcomes) {
            if (o.succeeded()) {
                test.put(o.participant(), o.value());
            } else {
                failures.add(failure(round, ParticipantFailure.Phase.EVALUATE, o));
            }
        }
        return test;
    }

    <T> void publishOutcome(int round, ParticipantFailure.Phase phase, CallOutcome<T> outcome,
                                    Function<T, Map<String, Double>> metrics) {
        Duration took = Duration.ofNanos(outcome.nanos());
        if (outcome.succeeded()) {
            publish(new RunEvent.ParticipantFinished(round, outcome.participant(), phase, took,
                    finiteOnly(metrics.apply(outcome.value()))));
        } else if (!(outcome.error() instanceof RunCancelledException) || outcome.timedOut()) {
            publish(new RunEvent.ParticipantFailed(failure(round, phase, outcome), took));
        }
    }

    private static Map<String, Double> finiteOnly(Map<String, Double> metrics) {
        return metrics.entrySet().stream().filter(e -> e.getValue() != null && Double.isFinite(e.getValue()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    ParticipantFailure failure(int round, ParticipantFailure.Phase phase, CallOutcome<?> o) {
        String reason;
        if (o.timedOut()) {
            reason = "did not answer within " + humanDuration(config.participantTimeout());
        } else {
            reason = explain(o.error());
        }
        return new ParticipantFailure(round, o.participant(), phase, reason, o.timedOut());
    }

    /** The most useful message of an error chain: a user-facing one if any, else the root cause. */
    static String explain(Throwable error) {
        Throwable t = error;
        while (t != null) {
            if (t instanceof BadInputException || t instanceof SiteFailure || t instanceof DroppedOut) {
                return t.getMessage();
            }
            t = t.getCause();
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage();
        return root.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }

    static String describe(List<ParticipantFailure> failures) {
        return failures.stream().map(f -> f.participant() + " failed: " + f.reason())
                .collect(Collectors.joining("; "));
    }

    private static String checkUpdate(FitResult r, ModelVector global) {
        if (r == null || r.update() == null) {
            return "sent no update";
        }
        if (r.update().size() != global.size()) {
            return "sent " + r.update().size() + " parameters where the model has " + global.size();
        }
        if (!r.update().isFinite()) {
            return "sent values that are not finite numbers: its local training diverged; try a lower learning rate";
        }
        return null;
    }

    private static String humanDuration(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s") : Math.max(s, 0) + " s";
    }

    private RunHistory history(List<String> names, List<RoundRecord> rounds, ModelVector model, RunStatus status,
                               String message, long start) {
        return new RunHistory(strategy.id(), names, rounds, model, status, message,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * The round's way for a strategy to ask participants something besides training: through the same transport
     * and time limit as training, concurrently.
     */
    SiteGateway gateway(int round, RunControl control) {
        return requests -> {
            List<ParticipantCall<Params>> calls = new ArrayList<>();
            requests.forEach((name, request) -> {
                Participant p = byName.get(name);
                if (p == null) {
                    throw new IllegalStateException("strategy asked unknown participant " + name);
                }
                calls.add(new ParticipantCall<>(name, () -> p.call(request, control)));
            });
            Map<String, Params> replies = new LinkedHashMap<>();
            Map<String, String> failed = new LinkedHashMap<>();
            for (CallOutcome<Params> o : transport.callAll(calls, config.participantTimeout(), o -> { })) {
                if (o.succeeded()) {
                    replies.put(o.participant(), o.value());
                } else {
                    failed.put(o.participant(), failure(round, ParticipantFailure.Phase.FIT, o).reason());
                }
            }
            if (control.isCancelled()) {
                throw new RunCancelledException();
            }
            return new SiteGateway.Answers(replies, failed);
        };
    }

    void publish(RunEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            // a broken listener (a chart, a log) must not stop the study
            log().warn("run listener failed on {}", event.getClass().getSimpleName(), e);
        }
    }

    /**
     * The logger, fetched when something goes wrong: a static one would start the logging framework (hundreds of
     * classes) in every run, and a run that goes well logs nothing here.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(FederatedRun.class);
    }
}
