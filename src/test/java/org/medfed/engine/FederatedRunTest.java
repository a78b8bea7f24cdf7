package org.medfed.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medfed.testsupport.Federations.config;
import static org.medfed.testsupport.Federations.quadratic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.medfed.engine.strategy.FedAvg;
import org.medfed.site.InProcessParticipant;
import org.medfed.testsupport.QuadraticTrainer;
import org.medfed.testsupport.TestWorkers;
import org.medfed.transport.InProcessTransport;
import org.medfed.transport.SameThreadTransport;

class FederatedRunTest {

    private static List<Participant> four() {
        return List.of(quadratic("hospital-d", 40, 3f, -1f), quadratic("hospital-a", 10, 0f, 0f),
                quadratic("hospital-c", 30, 2f, 2f), quadratic("hospital-b", 20, 1f, 5f));
    }

    /** A participant whose training always throws. */
    private static Participant broken(String name) {
        return new Participant() {
            public String name() {
                return name;
            }

            public int trainSize() {
                return 5;
            }

            public int testSize() {
                return 5;
            }

            public double weight() {
                return 1;
            }

            public org.medfed.engine.protocol.Params call(org.medfed.engine.protocol.SiteRequest request,
                                                          RunControl control) {
                if (request.procedure() == org.medfed.engine.protocol.Procedure.EVALUATE) {
                    return new Evaluation(5, java.util.Map.of("accuracy", 0.5)).toReply();
                }
                throw new BadInputException(java.nio.file.Path.of("/data/" + name + ".csv"), "line 17",
                        "column 'age' is 'abc', expected a number");
            }
        };
    }

    @Test
    void publishesEventsInOrderAndRecordsEveryRound() {
        List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        RunHistory h = new FederatedRun(config(3, 2, 0.1), FedAvg.bySamples(), four(), new SameThreadTransport(),
                events::add).execute(ModelVector.zeros(2), RunControl.free());

        assertThat(h.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(h.rounds()).hasSize(3);
        assertThat(h.participants()).containsExactly("hospital-a", "hospital-b", "hospital-c", "hospital-d");
        assertThat(events.get(0)).isInstanceOf(RunEvent.RunStarted.class);
        assertThat(events.get(1)).isInstanceOf(RunEvent.RoundStarted.class);
        assertThat(events.get(events.size() - 1)).isInstanceOf(RunEvent.RunFinished.class);
        assertThat(events.stream().filter(e -> e instanceof RunEvent.RoundAggregated).count()).isEqualTo(3);
        RoundRecord last = h.rounds().get(2);
        assertThat(last.test()).containsOnlyKeys("hospital-a", "hospital-b", "hospital-c", "hospital-d");
        double meanAccuracy = last.test().values().stream().mapToDouble(e -> e.metric("accuracy")).average().orElseThrow();
        assertThat(last.globalMetric("accuracy")).isCloseTo(meanAccuracy, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(last.global()).containsKeys("loss", "loss_weighted", "train_loss");
    }

    @Test
    void aFailingParticipantIsRecordedAndTheOthersGoOn() {
        List<Participant> participants = new ArrayList<>(four());
        participants.add(broken("hospital-e"));
        List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        RunHistory h = new FederatedRun(config(2, 1, 0.1), FedAvg.bySamples(), participants, new SameThreadTransport(),
                events::add).execute(ModelVector.zeros(2), RunControl.free());

        assertThat(h.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(h.rounds().get(0).failures()).singleElement().satisfies(f -> {
            assertThat(f.participant()).isEqualTo("hospital-e");
            assertThat(f.reason()).isEqualTo("hospital-e.csv line 17: column 'age' is 'abc', expected a number");
        });
        assertThat(h.rounds().get(0).trainLoss()).doesNotContainKey("hospital-e");
        assertThat(events).filteredOn(e -> e instanceof RunEvent.ParticipantFailed).hasSize(2);
    }

    @Test
    void tooFewAnswersStopTheRunWithAMessage() {
        List<Participant> participants = List.of(quadratic("hospital-a", 10, 0f), broken("hospital-b"),
                broken("hospital-c"));
        RunConfig config = new RunConfig(3, 1.0, 2, config(3, 1, 0.1).training(), 1, Duration.ofMinutes(1));
        RunHistory h = new FederatedRun(config, FedAvg.plain(), participants, new SameThreadTransport(), null)
                .execute(ModelVector.zeros(1), RunControl.free());

        assertThat(h.status()).isEqualTo(RunStatus.FAILED);
        assertThat(h.rounds()).isEmpty();
        assertThat(h.message()).startsWith("round 1: only 1 of 3 participants answered, at least 2 needed. "
                + "hospital-b failed: hospital-b.csv line 17");
    }

    @Test
    void theSameSeedGivesBitIdenticalRunsOnThreadsAsInSequence() {
        RunConfig sampled = new RunConfig(6, 0.5, 1, config(1, 3, 0.2).training(), 7, Duration.ofMinutes(1));
        RunHistory sequential = new FederatedRun(sampled, FedAvg.bySamples(), four(), new SameThreadTransport(), null)
                .execute(ModelVector.zeros(2), RunControl.free());
        RunHistory threaded;
        try (InProcessTransport transport = new InProcessTransport(TestWorkers.shared(), 3)) {
            threaded = new FederatedRun(sampled, FedAvg.bySamples(), four(), transport, null)
                    .execute(ModelVector.zeros(2), RunControl.free());
        }
        assertThat(threaded.model()).isEqualTo(sequential.model());
        for (int r = 0; r < 6; r++) {
            assertThat(threaded.rounds().get(r).selected()).hasSize(2).isEqualTo(sequential.rounds().get(r).selected());
            assertThat(threaded.rounds().get(r).global()).isEqualTo(sequential.rounds().get(r).global());
        }
        RunHistory otherSeed = new FederatedRun(sampled.withSeed(8), FedAvg.bySamples(), four(), new SameThreadTransport(),
                null).execute(ModelVector.zeros(2), RunControl.free());
        assertThat(otherSeed.rounds().stream().map(RoundRecord::selected).toList())
                .isNotEqualTo(sequential.rounds().stream().map(RoundRecord::selected).toList());
    }

    @Test
    void stopEndsTheRunAfterTheCurrentStep() {
        RunControl control = RunControl.free();
        RunListener stopAfterTwo = e -> {
            if (e instanceof RunEvent.RoundAggregated a && a.record().round() == 2) {
                control.cancel();
            }
        };
        RunHistory h = new FederatedRun(config(10, 1, 0.1), FedAvg.plain(), four(), new SameThreadTransport(),
                stopAfterTwo).execute(ModelVector.zeros(2), control);
        assertThat(h.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(h.rounds()).hasSize(2);
        assertThat(h.message()).isEqualTo("stopped by the user after round 2");
    }

    @Test
    void pauseHoldsTheLoopAndStepRunsExactlyOneRound() throws Exception {
        RunControl control = RunControl.free();
        control.pause();
        List<Integer> rounds = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch roundDone = new CountDownLatch(1);
        Thread runner = new Thread(() -> new FederatedRun(config(3, 1, 0.1), FedAvg.plain(), four(),
                new SameThreadTransport(), e -> {
                    if (e instanceof RunEvent.RoundAggregated a) {
                        rounds.add(a.record().round());
                        roundDone.countDown();
                    }
                }).execute(ModelVector.zeros(2), control));
        runner.start();
        assertThat(roundDone.await(300, TimeUnit.MILLISECONDS)).as("paused: no round may run").isFalse();
        control.step();
        assertThat(roundDone.await(10, TimeUnit.SECONDS)).isTrue();
        runner.join(300);
        assertThat(runner.isAlive()).as("held again after one stepped round").isTrue();
        assertThat(rounds).containsExactly(1);
        control.resume();
        runner.join(10_000);
        assertThat(rounds).containsExactly(1, 2, 3);
    }

    @Test
    void aParticipantPastItsTimeLimitIsReportedAndTheOthersGoOn() {
        Participant slow = InProcessParticipant.of("hospital-slow", 1, new QuadraticTrainer(5, 1f, 1f) {
            @Override
            public TrainingOutcome train(ModelVector start, LocalTraining plan, GradientAdjustment adjustment,
                                         RunControl control) {
                while (true) {
                    control.checkpoint(); // leaves by the interrupt the transport sends at the deadline
                    Thread.onSpinWait();
                }
            }
        });
        List<Participant> participants = new ArrayList<>(four());
        participants.add(slow);
        RunConfig config = new RunConfig(1, 1.0, 1, config(1, 1, 0.1).training(), 1, Duration.ofMillis(300));
        RunHistory h;
        try (InProcessTransport transport = new InProcessTransport(TestWorkers.shared(), 2)) {
            h = new FederatedRun(config, FedAvg.plain(), participants, transport, null)
                    .execute(ModelVector.zeros(2), RunControl.free());
        }
        assertThat(h.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(h.rounds().get(0).failures()).singleElement().satisfies(f -> {
            assertThat(f.participant()).isEqualTo("hospital-slow");
            assertThat(f.timedOut()).isTrue();
            assertThat(f.reason()).isEqualTo("did not answer within 0 s");
        });
        assertThat(h.rounds().get(0).trainLoss()).hasSize(4);
    }

    @Test
    void divergenceIsExplained() {
        RunHistory h = new FederatedRun(config(50, 5, 3.0), FedAvg.plain(), four(), new SameThreadTransport(), null)
                .execute(ModelVector.zeros(2), RunControl.free());
        assertThat(h.status()).isEqualTo(RunStatus.FAILED);
        assertThat(h.message()).contains("not finite").contains("learning rate");
    }

    @Test
    void eachRoundsAggregationCostIsPublishedBeforeItsRecordAndKeptOutOfTheHistory() {
        List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        RunHistory h = new FederatedRun(config(3, 2, 0.1), FedAvg.bySamples(), four(), new SameThreadTransport(),
                events::add).execute(ModelVector.zeros(2), RunControl.free());

        List<RunEvent.AggregationMeasured> costs = events.stream().filter(e -> e instanceof RunEvent.AggregationMeasured)
                .map(e -> (RunEvent.AggregationMeasured) e).toList();
        assertThat(costs).extracting(RunEvent.AggregationMeasured::round).containsExactly(1, 2, 3);
        for (RunEvent.AggregationMeasured c : costs) {
            assertThat(c.updates()).isEqualTo(4);
            assertThat(c.parameters()).isEqualTo(2);
            assertThat(c.plainBytes()).isEqualTo(4L * 2 * 4);
            assertThat(c.aggregation()).isPositive();
            assertThat(c.plainMean().isNegative()).isFalse();
            // the measurement comes just before the round's record
            int at = events.indexOf(c);
            assertThat(events.get(at + 1)).isInstanceOfSatisfying(RunEvent.RoundAggregated.class,
                    a -> assertThat(a.record().round()).isEqualTo(c.round()));
        }
        // timings are measurements: the round records' diagnostics carry none of them
        assertThat(h.rounds()).allSatisfy(r -> assertThat(r.diagnostics()).isEmpty());
    }
}
