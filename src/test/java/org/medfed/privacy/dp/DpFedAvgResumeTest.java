package org.medfed.privacy.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medfed.testsupport.Federations.quadratic;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.medfed.engine.FederatedRun;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.Participant;
import org.medfed.engine.RunConfig;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunListener;
import org.medfed.engine.Strategy;
import org.medfed.engine.checkpoint.CheckpointStore;
import org.medfed.engine.strategy.FedOpt;
import org.medfed.privacy.random.RandomSource;
import org.medfed.testsupport.CrashAfterCheckpoint;
import org.medfed.testsupport.LastCheckpoint;
import org.medfed.testsupport.RunFingerprint;
import org.medfed.testsupport.SimulatedCrash;
import org.medfed.transport.SameThreadTransport;

/**
 * DP-FedAvg resumed from a checkpoint spends and reports privacy exactly as a run never interrupted: the
 * accountant, the adaptive clip and the rounds completed are saved; the noise and Poisson sampling derive from
 * (seed, round) and need nothing saved.
 */
class DpFedAvgResumeTest {

    private static final int ROUNDS = 10;
    private static final ModelVector START = ModelVector.of(new float[] {0.5f, -0.5f});

    private static List<Participant> hospitals() {
        return List.of(quadratic("a", 10, 1f, 0f), quadratic("b", 20, 0f, 3f), quadratic("c", 30, 2f, 2f),
                quadratic("d", 15, -1f, 1f), quadratic("e", 25, 0.5f, -2f), quadratic("f", 12, 3f, 0f),
                quadratic("g", 40, -2f, -1f), quadratic("h", 18, 1f, 1f));
    }

    /** Half of the hospitals sampled per round (Poisson, from the seeded privacy randomness). */
    private static FederatedRun federation(Supplier<Strategy> strategy) {
        return new FederatedRun(new RunConfig(ROUNDS, 0.5, 1, new LocalTraining(3, 0, 1, LocalOptimizer.SGD, 0.2, 0), 42,
                Duration.ofMinutes(1)), strategy.get(), hospitals(), new SameThreadTransport(), RunListener.NONE);
    }

    private static RunHistory run(Supplier<Strategy> strategy, CheckpointStore store) {
        return federation(strategy).execute(START, RunControl.free(), store);
    }

    private static void assertResumesBitIdentical(Supplier<Strategy> strategy, int crashAfter) {
        String straight = RunFingerprint.of(run(strategy, CheckpointStore.NONE));
        LastCheckpoint saved = new LastCheckpoint();
        assertThatThrownBy(() -> run(strategy, new CrashAfterCheckpoint(saved, crashAfter)))
                .isInstanceOf(SimulatedCrash.class);
        RunHistory resumed = federation(strategy).resume(saved.get(), RunControl.free(), CheckpointStore.NONE);
        assertThat(RunFingerprint.of(resumed)).isEqualTo(straight);
    }

    @Test
    void adaptiveClippingAroundFedAdamResumesBitIdentical() {
        // count noise expected/20 = 0.2 needs a noise multiplier below 0.4
        DpFedAvgSettings settings = DpFedAvgSettings.fixed(1.0, 0.3, 1e-5).withAdaptive(AdaptiveClipping.recommended());
        Supplier<Strategy> strategy = () -> new DpFedAvg(new FedOpt(FedOpt.Kind.ADAM, 0.1, 0.9, 0.99, 1e-3), settings,
                RandomSource.seeded(42));
        assertResumesBitIdentical(strategy, 4);
        RunHistory h = run(strategy, CheckpointStore.NONE);
        assertThat(h.rounds().stream().map(r -> r.diagnostics().get(DpFedAvg.CLIP)).distinct().count())
                .as("the clip moves from round to round, so its saved value matters").isGreaterThan(2);
    }

    @Test
    void aBudgetStopsTheResumedRunInTheSameRound() {
        RdpAccountant accountant = new RdpAccountant();
        accountant.compose(0.5, 1.0, 7);
        double afterSeven = accountant.spent(1e-5).epsilon();
        DpFedAvgSettings settings = DpFedAvgSettings.fixed(1.0, 1.0, 1e-5).withTargetEpsilon(afterSeven * (1 + 1e-9));
        Supplier<Strategy> strategy = () -> new DpFedAvg(new FedOpt(FedOpt.Kind.ADAM, 0.1, 0.9, 0.99, 1e-3), settings,
                RandomSource.seeded(42));
        RunHistory straight = run(strategy, CheckpointStore.NONE);
        assertThat(straight.rounds()).hasSize(7);
        assertThat(straight.message()).contains("epsilon");
        assertResumesBitIdentical(strategy, 3);
    }
}
