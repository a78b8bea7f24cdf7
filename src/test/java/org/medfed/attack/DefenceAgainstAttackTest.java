package org.medfed.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medfed.engine.FederatedRun;
import org.medfed.engine.LocalOptimizer;
import org.medfed.site.InProcessParticipant;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.Participant;
import org.medfed.engine.ParticipantTransport;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunConfig;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunStatus;
import org.medfed.engine.Strategy;
import org.medfed.engine.strategy.robust.Krum;
import org.medfed.engine.strategy.robust.Median;
import org.medfed.engine.strategy.robust.MultiKrum;
import org.medfed.engine.strategy.robust.NormClipping;
import org.medfed.engine.strategy.robust.TestMean;
import org.medfed.engine.strategy.robust.TrimmedMean;
import org.medfed.testsupport.TestWorkers;
import org.medfed.transport.InProcessTransport;
import org.medfed.transport.SameThreadTransport;

/**
 * A small simulated federation through the real round loop: four honest hospitals fit the same linear model
 * y = 2 - x1 + 0.5 x2 (plus a little noise) on differently distributed data; a fifth hospital is a simulated
 * attacker. Plain averaging is pulled far off; the robust rules stay at the honest optimum.
 */
class DefenceAgainstAttackTest {

    private static final double[] TRUE_W = {2, -1, 0.5};
    /** What the poisoned hospital's data says, far from the truth. */
    private static final double[] POISON_W = {-6, 4, -3};
    private static final int ROUNDS = 40;

    private final List<LeastSquaresTrainer> honestData = new ArrayList<>();
    private double[] optimum;

    @BeforeEach
    void makeHospitals() {
        double[] shifts = {-1, 0, 0.5, 1.5};
        for (int h = 0; h < 4; h++) {
            honestData.add(LeastSquaresTrainer.synthetic(60, TRUE_W, shifts[h], 0.1, 100 + h));
        }
        optimum = LeastSquaresTrainer.pooledOptimum(honestData.toArray(new LeastSquaresTrainer[0]));
    }

    private List<Participant> federation(AttackSpec attack, boolean poisonedData) {
        List<Participant> all = new ArrayList<>();
        String[] names = {"hospital-a", "hospital-b", "hospital-c", "hospital-d"};
        for (int h = 0; h < 4; h++) {
            all.add(InProcessParticipant.of(names[h], 1, honestData.get(h)));
        }
        LeastSquaresTrainer attackerData = LeastSquaresTrainer.synthetic(60, poisonedData ? POISON_W : TRUE_W, 0, 0.1, 999);
        all.add(InProcessParticipant.of("mallory", 1, attackerData,
                attack == null ? null : new SimulatedAttacker("mallory", attack, 42)));
        return all;
    }

    private static RunHistory run(Strategy strategy, List<Participant> participants, ParticipantTransport transport) {
        LocalTraining training = new LocalTraining(5, 0, 60, LocalOptimizer.SGD, 0.05, 0);
        RunConfig config = new RunConfig(ROUNDS, 1.0, 5, training, 42, RunConfig.DEFAULT_TIMEOUT);
        RunHistory history = new FederatedRun(config, strategy, participants, transport, null)
                .execute(ModelVector.zeros(3), RunControl.free());
        assertThat(history.status()).as(history.message()).isEqualTo(RunStatus.FINISHED);
        return history;
    }

    private static RunHistory run(Strategy strategy, List<Participant> participants) {
        return run(strategy, participants, new SameThreadTransport());
    }

    private double distanceToOptimum(ModelVector w) {
        double s = 0;
        for (int j = 0; j < optimum.length; j++) {
            s += (w.get(j) - optimum[j]) * (w.get(j) - optimum[j]);
        }
        return Math.sqrt(s);
    }

    @Test
    void thePooledOptimumIsCloseToTheTrueModel() {
        // 240 rows with noise sd 0.1: the least-squares estimate lies within a few hundredths of (2, -1, 0.5)
        assertThat(optimum[0]).isCloseTo(2, org.assertj.core.data.Offset.offset(0.05));
        assertThat(optimum[1]).isCloseTo(-1, org.assertj.core.data.Offset.offset(0.05));
        assertThat(optimum[2]).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void withoutAnAttackPlainAveragingFindsTheOptimum() {
        RunHistory h = run(new TestMean(), federation(null, false));
        // measured 0.0055: local steps on differently shifted data leave a little client drift
        assertThat(distanceToOptimum(h.model())).isLessThan(0.02);
    }

    @Test
    void modelReplacementPullsPlainAveragingFarOffButNotTheRobustRules() {
        // mallory trains on poisoned data and multiplies its change by 5, the number of participants
        AttackSpec replacement = AttackSpec.parse("scale:5");
        double fedAvg = distanceToOptimum(run(new TestMean(), federation(replacement, true)).model());
        double median = distanceToOptimum(run(new Median(), federation(replacement, true)).model());
        double trimmed = distanceToOptimum(run(new TrimmedMean(0.2), federation(replacement, true)).model());
        double krum = distanceToOptimum(run(new Krum(1), federation(replacement, true)).model());
        double multiKrum = distanceToOptimum(run(new MultiKrum(1), federation(replacement, true)).model());

        // measured: FedAvg 5.98 (the poison is 10.1 away from the truth), median 0.0038, trimmed mean 0.0051,
        // Krum 0.0082 (one honest hospital's model each round), Multi-Krum 0.0008 (the four honest ones averaged)
        assertThat(fedAvg).as("FedAvg under attack").isGreaterThan(3);
        assertThat(median).as("median").isLessThan(0.03);
        assertThat(trimmed).as("trimmed mean").isLessThan(0.03);
        assertThat(krum).as("Krum").isLessThan(0.03);
        assertThat(multiKrum).as("Multi-Krum").isLessThan(0.01);
    }

    @Test
    void krumLeavesTheAttackerOutInEveryRound() {
        RunHistory h = run(new Krum(1, new TestMean()), federation(AttackSpec.scale(5), true));
        for (RoundRecord r : h.rounds()) {
            assertThat(r.diagnostics()).as("round " + r.round()).containsEntry("robust.rejected.mallory", 1.0);
        }
    }

    @Test
    void signFlippingAndNoiseAreHeldOffToo() {
        double fedAvgFlip = distanceToOptimum(run(new TestMean(), federation(AttackSpec.signFlip(10), false)).model());
        double medianFlip = distanceToOptimum(run(new Median(), federation(AttackSpec.signFlip(10), false)).model());
        double fedAvgNoise = distanceToOptimum(run(new TestMean(), federation(AttackSpec.noise(5), false)).model());
        RunHistory krumNoiseRun = run(new Krum(1), federation(AttackSpec.noise(5), false));
        double krumNoise = distanceToOptimum(krumNoiseRun.model());
        assertThat(krumNoiseRun.rounds()).allSatisfy(
                r -> assertThat(r.diagnostics()).containsEntry("robust.rejected.mallory", 1.0));
        // measured: FedAvg diverges under a 10x sign flip (3e8 after 40 rounds), median 0.0037;
        // FedAvg with noise sd 5 ends 1.93 away, Krum 0.0082
        assertThat(fedAvgFlip).isGreaterThan(1);
        assertThat(medianFlip).isLessThan(0.03);
        assertThat(fedAvgNoise).isGreaterThan(0.5);
        assertThat(krumNoise).isLessThan(0.03);
    }

    @Test
    void normClippingBoundsTheDamage() {
        double unclipped = distanceToOptimum(run(new TestMean(), federation(AttackSpec.scale(5), true)).model());
        double clipped = distanceToOptimum(
                run(new NormClipping(new TestMean(), 0.1), federation(AttackSpec.scale(5), true)).model());
        double clippedMedian = distanceToOptimum(
                run(new NormClipping(new Median(), 0.1), federation(AttackSpec.scale(5), true)).model());
        // measured 5.98 -> 0.41: clipping takes away the boost, but the poisoned direction still pulls, which is
        // why it is combined with a rule such as the median (0.0038 here)
        assertThat(clipped).isLessThan(unclipped / 10).isGreaterThan(0.1);
        assertThat(clippedMedian).isLessThan(0.03);
    }

    @Test
    void aRoundTooSmallForKrumStopsTheRunWithAPlainMessage() {
        List<Participant> four = federation(null, false).subList(0, 4);
        LocalTraining training = new LocalTraining(5, 0, 60, LocalOptimizer.SGD, 0.05, 0);
        RunConfig config = new RunConfig(3, 1.0, 4, training, 42, RunConfig.DEFAULT_TIMEOUT);
        RunHistory h = new FederatedRun(config, new Krum(1), four, new SameThreadTransport(), null)
                .execute(ModelVector.zeros(3), RunControl.free());
        assertThat(h.status()).isEqualTo(RunStatus.FAILED);
        assertThat(h.message()).isEqualTo("krum assumes up to f = 1 attacker and so needs more than 2f + 2 = 4 "
                + "updates per round, but round 1 has 4; lower f or add participants");
    }

    @Test
    void runsAreBitIdenticalWhateverTheTransport() throws Exception {
        Strategy s1 = new TrimmedMean(0.2);
        ModelVector first = run(s1, federation(AttackSpec.noise(1), false)).model();
        ModelVector second = run(new TrimmedMean(0.2), federation(AttackSpec.noise(1), false)).model();
        ModelVector threaded;
        try (InProcessTransport pool = new InProcessTransport(TestWorkers.shared(), 2)) {
            threaded = run(new TrimmedMean(0.2), federation(AttackSpec.noise(1), false), pool).model();
        }
        assertThat(second).isEqualTo(first);
        assertThat(threaded).isEqualTo(first);
    }
}
