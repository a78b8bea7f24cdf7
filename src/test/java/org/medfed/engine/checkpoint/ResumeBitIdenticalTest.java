package org.medfed.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medfed.testsupport.Federations.quadratic;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medfed.engine.FederatedRun;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.Participant;
import org.medfed.engine.RunConfig;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunListener;
import org.medfed.engine.RunStatus;
import org.medfed.engine.Strategy;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.strategy.Cyclic;
import org.medfed.engine.strategy.FedAvg;
import org.medfed.engine.strategy.FedOpt;
import org.medfed.engine.strategy.FedProx;
import org.medfed.engine.strategy.Scaffold;
import org.medfed.engine.strategy.robust.Krum;
import org.medfed.engine.strategy.robust.Median;
import org.medfed.engine.strategy.robust.NormClipping;
import org.medfed.testsupport.CrashAfterCheckpoint;
import org.medfed.testsupport.LastCheckpoint;
import org.medfed.testsupport.RunFingerprint;
import org.medfed.testsupport.SimulatedCrash;
import org.medfed.transport.SameThreadTransport;

/**
 * A run killed right after a checkpoint and resumed from it ends bit-identical to one never interrupted, for every
 * strategy that keeps state between rounds, with a participant fraction below 1 so that the sampler's state matters.
 */
class ResumeBitIdenticalTest {

    private static final int ROUNDS = 11;
    private static final int CRASH_AFTER = 4;

    /** Eight hospitals built afresh (nothing kept from an earlier run), of different sizes and optima. */
    private static List<Participant> hospitals() {
        return List.of(quadratic("h1", 10, 1f, 0f, 2f), quadratic("h2", 20, 0f, 3f, -1f),
                quadratic("h3", 30, 2f, 2f, 0f), quadratic("h4", 15, -1f, 1f, 1f), quadratic("h5", 25, 0.5f, -2f, 3f),
                quadratic("h6", 12, 3f, 0f, -2f), quadratic("h7", 40, -2f, -1f, 0.5f), quadratic("h8", 18, 1f, 1f, 1f));
    }

    /** Six of eight sampled per round; three local steps. */
    private static RunConfig config(long seed) {
        return new RunConfig(ROUNDS, 0.75, 1, new LocalTraining(3, 0, 1, LocalOptimizer.SGD, 0.2, 0), seed,
                Duration.ofMinutes(1));
    }

    private static FederatedRun federation(Strategy strategy, long seed) {
        return new FederatedRun(config(seed), strategy, hospitals(), new SameThreadTransport(), RunListener.NONE);
    }

    private static final ModelVector START = ModelVector.of(new float[] {0.3f, -0.2f, 0.1f});

    static Stream<Named<Supplier<Strategy>>> strategies() {
        return Stream.of(
                Named.of("weighted fedavg", FedAvg::bySamples),
                Named.of("fedprox", () -> new FedProx(0.1)),
                Named.of("fedadam", () -> new FedOpt(FedOpt.Kind.ADAM, 0.1, 0.9, 0.99, 1e-3)),
                Named.of("fedyogi", () -> new FedOpt(FedOpt.Kind.YOGI, 0.1, 0.9, 0.99, 1e-3)),
                Named.of("fedadagrad", () -> new FedOpt(FedOpt.Kind.ADAGRAD, 0.1, 0.9, 0, 1e-3)),
                Named.of("scaffold", () -> new Scaffold(1.0)),
                Named.of("cyclic, shuffled each cycle", () -> new Cyclic(true)),
                Named.of("krum around fedadam", () -> new Krum(1, new FedOpt(FedOpt.Kind.ADAM, 0.1, 0.9, 0.99, 1e-3))),
                Named.of("median around fedyogi", () -> new Median(new FedOpt(FedOpt.Kind.YOGI, 0.1, 0.9, 0.99, 1e-3))),
                Named.of("norm clipping around scaffold", () -> new NormClipping(new Scaffold(1.0), 0.5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void aRunKilledAfterACheckpointAndResumedEndsBitIdentical(Supplier<Strategy> strategy) {
        RunHistory straight = federation(strategy.get(), 42).execute(START, RunControl.free());
        assertThat(straight.status()).as(straight.message()).isEqualTo(RunStatus.FINISHED);

        LastCheckpoint saved = new LastCheckpoint();
        assertThatThrownBy(() -> federation(strategy.get(), 42).execute(START, RunControl.free(),
                new CrashAfterCheckpoint(saved, CRASH_AFTER))).isInstanceOf(SimulatedCrash.class);
        assertThat(saved.get().round()).isEqualTo(CRASH_AFTER);

        LastCheckpoint after = new LastCheckpoint();
        RunHistory resumed = federation(strategy.get(), 42).resume(saved.get(), RunControl.free(), after);

        assertThat(RunFingerprint.of(resumed)).isEqualTo(RunFingerprint.of(straight));
        assertThat(after.get().round()).isEqualTo(ROUNDS);
        assertThat(after.get().isLast()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strategies")
    void writingCheckpointsChangesNothing(Supplier<Strategy> strategy) {
        RunHistory plain = federation(strategy.get(), 42).execute(START, RunControl.free());
        LastCheckpoint saved = new LastCheckpoint();
        RunHistory checkpointed = federation(strategy.get(), 42).execute(START, RunControl.free(), saved);
        assertThat(RunFingerprint.of(checkpointed)).isEqualTo(RunFingerprint.of(plain));
        assertThat(RunFingerprint.model(saved.get().model())).isEqualTo(RunFingerprint.model(plain.model()));
        assertThat(saved.get().rounds()).hasSize(ROUNDS);
    }

    /** Each part of a checkpoint is needed: leaving one out changes the rest of the run (so the tests above bite). */
    @Test
    void everyPartOfTheCheckpointIsNeeded() {
        assertThat(resumedWithout(FedAvg::bySamples, c -> withSampler(c, new ResumableRandom(0).state())))
                .as("sampler").isNotEqualTo(straight(FedAvg::bySamples));
        Supplier<Strategy> adam = () -> new FedOpt(FedOpt.Kind.ADAM, 0.1, 0.9, 0.99, 1e-3);
        assertThat(resumedWithout(adam, c -> withStrategyState(c, Params.EMPTY)))
                .as("server moments").isNotEqualTo(straight(adam));
        Supplier<Strategy> scaffold = () -> new Scaffold(1.0);
        assertThat(resumedWithout(scaffold, c -> withParticipantStates(c, Map.of())))
                .as("hospitals' control variates").isNotEqualTo(straight(scaffold));
        assertThat(resumedWithout(scaffold, c -> withStrategyState(c, Params.EMPTY)))
                .as("server control variate").isNotEqualTo(straight(scaffold));
        Supplier<Strategy> cyclic = () -> new Cyclic(true);
        assertThat(resumedWithout(cyclic, c -> withStrategyState(c, Params.EMPTY)))
                .as("the rest of the cycle").isNotEqualTo(straight(cyclic));
    }

    @Test
    void aCheckpointOfAnotherRunIsRefusedWithAMessage() {
        LastCheckpoint saved = new LastCheckpoint();
        federation(FedAvg.bySamples(), 42).execute(START, RunControl.free(), saved);
        Checkpoint fedavg = saved.get();
        assertThatThrownBy(() -> federation(new Scaffold(1.0), 42).resume(fedavg, RunControl.free(),
                CheckpointStore.NONE))
                .isInstanceOf(CheckpointMismatchException.class)
                .hasMessageContaining("strategy 'weighted-fedavg', this run uses 'scaffold'");
        assertThatThrownBy(() -> federation(FedAvg.bySamples(), 7).resume(fedavg, RunControl.free(), CheckpointStore.NONE))
                .isInstanceOf(CheckpointMismatchException.class).hasMessageContaining("seed 42, this run uses 7");
        Checkpoint foreignState = withStrategyState(fedavg, Params.builder().number("fedopt.m", 1).build());
        assertThatThrownBy(() -> federation(FedAvg.bySamples(), 42).resume(foreignState, RunControl.free(),
                CheckpointStore.NONE)).isInstanceOf(CheckpointMismatchException.class).hasMessageContaining("keeps none");
    }

    private static String straight(Supplier<Strategy> strategy) {
        return RunFingerprint.of(federation(strategy.get(), 42).execute(START, RunControl.free()));
    }

    private static String resumedWithout(Supplier<Strategy> strategy, UnaryOperator<Checkpoint> damage) {
        LastCheckpoint saved = new LastCheckpoint();
        assertThatThrownBy(() -> federation(strategy.get(), 42).execute(START, RunControl.free(),
                new CrashAfterCheckpoint(saved, CRASH_AFTER))).isInstanceOf(SimulatedCrash.class);
        return RunFingerprint.of(federation(strategy.get(), 42).resume(damage.apply(saved.get()), RunControl.free(),
                CheckpointStore.NONE));
    }

    private static Checkpoint withSampler(Checkpoint c, ResumableRandom.State sampler) {
        return new Checkpoint(c.round(), c.roundsPlanned(), c.seed(), c.strategyId(), c.participants(), c.model(),
                sampler, c.strategyState(), c.participantStates(), c.rounds());
    }

    private static Checkpoint withStrategyState(Checkpoint c, Params state) {
        return new Checkpoint(c.round(), c.roundsPlanned(), c.seed(), c.strategyId(), c.participants(), c.model(),
                c.sampler(), state, c.participantStates(), c.rounds());
    }

    private static Checkpoint withParticipantStates(Checkpoint c, Map<String, Params> states) {
        return new Checkpoint(c.round(), c.roundsPlanned(), c.seed(), c.strategyId(), c.participants(), c.model(),
                c.sampler(), c.strategyState(), states, c.rounds());
    }
}
