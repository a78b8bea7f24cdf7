package org.medfed.node.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medfed.engine.DataSplit;
import org.medfed.engine.EvaluationRequest;
import org.medfed.engine.FitInstruction;
import org.medfed.engine.LocalOptimizer;
import org.medfed.engine.LocalTraining;
import org.medfed.engine.ModelVector;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProcedureCall;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.privacy.dp.DpClipNoise;
import org.medfed.privacy.dp.DpSgdPrivacy;
import org.medfed.privacy.random.RandomSource;
import org.medfed.project.DataKind;
import org.medfed.project.NodePolicySection;

class NodePolicyTest {

    private static final int TRAIN_SIZE = 300;
    private static final int ROUNDS = 30;
    private static final ModelVector MODEL = ModelVector.wrap(new float[4]);

    // ---- building policies and requests ----

    private static NodePolicy policy(boolean requireDp, Double maxEpsilon) {
        return policy(EnumSet.allOf(Procedure.class), requireDp, maxEpsilon, 1000, 5);
    }

    private static NodePolicy policy(Set<Procedure> procedures, boolean requireDp, Double maxEpsilon, int maxRounds,
                                     int minimumCount) {
        return new NodePolicy(new NodePolicySection(EnumSet.of(DataKind.TABLE), procedures, minimumCount, requireDp,
                maxEpsilon == null ? OptionalDouble.empty() : OptionalDouble.of(maxEpsilon),
                OptionalInt.of(maxRounds)));
    }

    private static DpSgdPrivacy dpSgd(double noiseMultiplier, RandomSource random) {
        return new DpSgdPrivacy(1.0, noiseMultiplier, null, 1e-5, ROUNDS, random);
    }

    private static LocalTraining plan(DpSgdPrivacy dp) {
        return new LocalTraining(0, 1, 32, LocalOptimizer.SGD, 0.1, 7L, dp);
    }

    private static SiteRequest training(int round, Procedure p, DpSgdPrivacy dp, ProcedureCall... filters) {
        return FitInstruction.request(round, MODEL, plan(dp), ProcedureCall.of(p), List.of(filters));
    }

    private static SiteRequest train(DpSgdPrivacy dp, ProcedureCall... filters) {
        return training(1, Procedure.TRAIN, dp, filters);
    }

    private static ProcedureCall clientNoise(double noiseStd, Double declaredEpsilon) {
        return DpClipNoise.call(1.0, noiseStd, RandomSource.secure(), declaredEpsilon);
    }

    /** What the hospital itself computes DP-SGD at {@code noise} to cost it over the planned rounds. */
    private static double epsilonOf(double noise) {
        DpSgdPrivacy dp = dpSgd(noise, RandomSource.secure());
        return dp.spentBy(TRAIN_SIZE, plan(dp)).epsilon();
    }

    @Test
    void aStudyPlanningMoreRoundsThanThePolicyTakesPartInIsToldBeforeRoundOne() {
        NodePolicy three = policy(EnumSet.allOf(Procedure.class), false, null, 3, 5);
        assertThat(three.noteOnStudy(3)).isEmpty();
        assertThat(three.noteOnStudy(8)).hasValueSatisfying(note -> assertThat(note)
                .contains("rounds 1 to 3 only").contains("plans 8").contains("from round 4 on it refuses")
                .contains("--rounds 3"));
        assertThat(new NodePolicy(new NodePolicySection(EnumSet.of(DataKind.TABLE), EnumSet.allOf(Procedure.class), 5,
                false, OptionalDouble.empty(), OptionalInt.empty())).noteOnStudy(1000)).isEmpty();
    }

    // ---- accepted ----

    @Test
    void aTrainingRequestWithinEveryRuleIsServed() {
        double spent = epsilonOf(1.1);
        NodePolicy p = policy(true, spent * 1.01);
        assertThat(p.refusal(train(dpSgd(1.1, RandomSource.secure())), "table", TRAIN_SIZE)).isEmpty();
    }

    @Test
    void withoutPrivacyDemandsPlainTrainingIsServed() {
        assertThat(policy(false, null).refusal(train(null), "table", TRAIN_SIZE)).isEmpty();
    }

    @Test
    void questionsThatSendNoModelAreNotHeldToDifferentialPrivacy() {
        NodePolicy p = policy(true, 1.0);
        assertThat(p.refusal(EvaluationRequest.of(3, MODEL, DataSplit.TEST), "table", TRAIN_SIZE)).isEmpty();
        assertThat(p.refusal(SiteRequest.of(0, Procedure.DESCRIBE, Params.EMPTY), "table", TRAIN_SIZE)).isEmpty();
        assertThat(p.refusal(SiteRequest.of(2, Procedure.SECAGG_ADVERTISE, Params.EMPTY), "table", TRAIN_SIZE))
                .isEmpty();
    }

    // ---- what the hospital serves ----

    @Test
    void aProcedureThePolicyDoesNotListIsRefusedNamingWhatItAllows() {
        NodePolicy p = policy(EnumSet.of(Procedure.TRAIN, Procedure.DP_CLIP_NOISE, Procedure.EVALUATE), false, null,
                1000, 5);
        assertThat(p.refusal(SiteRequest.of(2, Procedure.SECAGG_ADVERTISE, Params.EMPTY), "table", TRAIN_SIZE))
                .contains("this hospital does not serve 'secagg.advertise' (its policy allows: train, dp.clip-noise, "
                        + "evaluate)");
    }

    @Test
    void aFilterThePolicyDoesNotListIsRefusedToo() {
        NodePolicy p = policy(EnumSet.of(Procedure.TRAIN, Procedure.DP_CLIP_NOISE), false, null, 1000, 5);
        assertThat(p.refusal(train(null, ProcedureCall.of(Procedure.SECAGG_MASK)), "table", TRAIN_SIZE))
                .hasValueSatisfying(r -> assertThat(r).startsWith("this hospital does not serve 'secagg.mask'"));
        assertThat(p.refusal(train(null, clientNoise(0.5, null)), "table", TRAIN_SIZE)).isEmpty();
    }

    @Test
    void dataOfAKindThePolicyDoesNotServeIsRefused() {
        NodePolicy p = policy(false, null);
        assertThat(p.refusal(train(null), "images", TRAIN_SIZE))
                .contains("this hospital does not serve images data (its policy serves: table)");
        assertThat(p.refusal(train(null), "spreadsheets", TRAIN_SIZE)).hasValueSatisfying(
                r -> assertThat(r).startsWith("this hospital does not serve spreadsheets data"));
    }

    @Test
    void aRoundPastTheMaximumIsRefused() {
        NodePolicy p = policy(EnumSet.allOf(Procedure.class), false, null, 20, 5);
        assertThat(p.refusal(training(20, Procedure.TRAIN, null), "table", TRAIN_SIZE)).isEmpty();
        assertThat(p.refusal(training(21, Procedure.TRAIN, null), "table", TRAIN_SIZE))
                .contains("round 21 is past the 20 rounds this hospital's policy takes part in");
        assertThat(p.refusal(EvaluationRequest.of(21, MODEL, DataSplit.TEST), "table", TRAIN_SIZE)).isPresent();
    }

    @Test
    void trainingOnFewerRowsThanTheMinimumIsRefused() {
        NodePolicy p = policy(EnumSet.allOf(Procedure.class), false, null, 1000, 10);
        assertThat(p.refusal(train(null), "table", 9)).contains("this hospital's dataset has 9 training examples, "
                + "fewer than the 10 its policy requires before anything trained on them leaves ('train')");
        assertThat(p.refusal(train(null), "table", 10)).isEmpty();
    }

    // ---- differential privacy required ----

    @Test
    void dpRequiredRefusesTrainingWithoutAnyDp() {
        assertThat(policy(true, null).refusal(train(null), "table", TRAIN_SIZE)).contains("this hospital requires "
                + "differential privacy on anything trained on its rows, but this 'train' request carries neither "
                + "DP-SGD settings nor a dp.clip-noise filter with noise; a study meets it with DP-SGD at the "
                + "hospitals (--dp-sgd-epsilon, or privacy.dpSgd) or with client-level DP whose noise the hospitals add "
                + "(--dp-epsilon with --dp-noise-at-hospitals, or privacy.dp.noisePlacement \"participants\")");
    }

    @Test
    void clippingWithoutNoiseAtTheHospitalDoesNotCount() {
        // DP-FedAvg with the noise added by the coordinator: the hospital cannot see that noise
        assertThat(policy(true, null).refusal(train(null, clientNoise(0, null)), "table", TRAIN_SIZE))
                .hasValueSatisfying(r -> assertThat(r).contains("carries none that protects",
                        "client-level DP (dp.clip-noise): it adds no noise at this hospital"));
    }

    @Test
    void noiseAddedAtTheHospitalCounts() {
        assertThat(policy(true, null).refusal(train(null, clientNoise(0.3, null)), "table", TRAIN_SIZE)).isEmpty();
        assertThat(policy(true, null).refusal(train(dpSgd(1.1, RandomSource.secure())), "table", TRAIN_SIZE))
                .isEmpty();
    }

    @Test
    void seededNoiseIsNoProtection() {
        NodePolicy p = policy(true, null);
        assertThat(p.refusal(train(dpSgd(1.1, RandomSource.seeded(42))), "table", TRAIN_SIZE))
                .hasValueSatisfying(r -> assertThat(r).contains("DP-SGD: its noise would be drawn from a seed"));
        ProcedureCall seeded = DpClipNoise.call(1.0, 0.3, RandomSource.seeded(42), null);
        assertThat(p.refusal(train(null, seeded), "table", TRAIN_SIZE))
                .hasValueSatisfying(r -> assertThat(r).contains("dp.clip-noise", "seed the coordinator chose"));
    }

    @Test
    void dpSgdSettingsOnAGradientRequestProtectNothing() {
        NodePolicy p = policy(true, null);
        assertThat(p.refusal(training(1, Procedure.GRADIENT, dpSgd(1.1, RandomSource.secure())), "table",
                TRAIN_SIZE)).hasValueSatisfying(r -> assertThat(r).contains(
                        "'gradient' computes its gradient without DP-SGD"));
        assertThat(p.refusal(training(1, Procedure.GRADIENT, null, clientNoise(0.3, null)), "table", TRAIN_SIZE))
                .isEmpty();
    }

    @Test
    void aBaselineSendsAModelTrainedOnTheRowsSoItNeedsDpToo() {
        NodePolicy p = policy(true, null);
        SiteRequest plain = SiteRequest.of(0, Procedure.BASELINE_TRAIN,
                Params.builder().all(plan(null).toParams()).floats("model", MODEL.toArray()).build());
        SiteRequest private_ = SiteRequest.of(0, Procedure.BASELINE_TRAIN, Params.builder()
                .all(plan(dpSgd(1.1, RandomSource.secure())).toParams()).floats("model", MODEL.toArray()).build());
        assertThat(p.refusal(plain, "table", TRAIN_SIZE)).hasValueSatisfying(
                r -> assertThat(r).contains("'baseline.train' request carries neither"));
        assertThat(p.refusal(private_, "table", TRAIN_SIZE)).isEmpty();
    }

    @Test
    void unreadableDpSgdSettingsProtectNothing() {
        // DP-SGD settings without their clipping norm
        SiteRequest broken = new SiteRequest(1, ProcedureCall.of(Procedure.TRAIN, train(null).params().toBuilder()
                .number("dpsgd.noise_multiplier", 1.1).build()), List.of());
        assertThat(policy(true, null).refusal(broken, "table", TRAIN_SIZE))
                .hasValueSatisfying(r -> assertThat(r).contains("DP-SGD: its settings cannot be read", "'clip'"));
    }

    // ---- epsilon ----

    @Test
    void dpSgdAboveTheLimitIsRefusedWithTheEpsilonTheHospitalWouldSpend() {
        double spent = epsilonOf(1.1);
        double limit = spent / 2;
        assertThat(policy(false, limit).refusal(train(dpSgd(1.1, RandomSource.secure())), "table", TRAIN_SIZE))
                .contains("this hospital accepts at most epsilon " + Epsilons.show(limit) + ", but in this 'train' "
                        + "request DP-SGD would spend epsilon " + Epsilons.show(spent) + " at this hospital over its "
                        + ROUNDS + " planned rounds (" + TRAIN_SIZE + " training examples, delta 1.0E-5)");
    }

    @Test
    void moreNoiseBringsDpSgdWithinTheLimit() {
        double limit = epsilonOf(1.1);
        assertThat(epsilonOf(2.0)).isLessThan(limit);
        assertThat(policy(false, limit).refusal(train(dpSgd(2.0, RandomSource.secure())), "table", TRAIN_SIZE))
                .isEmpty();
    }

    @Test
    void dpSgdWithATargetEpsilonIsJudgedByWhatItReallySpendsHere() {
        DpSgdPrivacy targeted = new DpSgdPrivacy(1.0, null, 3.0, 1e-5, ROUNDS, RandomSource.secure());
        assertThat(policy(false, 3.01).refusal(train(targeted), "table", TRAIN_SIZE)).isEmpty();
        assertThat(policy(false, 2.0).refusal(train(targeted), "table", TRAIN_SIZE)).isPresent();
    }

    @Test
    void aRoundPastWhatDpSgdWasPlannedForIsNotCoveredByItsEpsilon() {
        NodePolicy p = policy(false, 1000.0);
        assertThat(p.refusal(training(ROUNDS, Procedure.TRAIN, dpSgd(1.1, RandomSource.secure())), "table",
                TRAIN_SIZE)).isEmpty();
        assertThat(p.refusal(training(ROUNDS + 1, Procedure.TRAIN, dpSgd(1.1, RandomSource.secure())), "table",
                TRAIN_SIZE)).hasValueSatisfying(r -> assertThat(r).contains("DP-SGD was planned for 30 rounds and "
                        + "this is round 31, past what its epsilon covers"));
    }

    @Test
    void clientLevelDpIsHeldToTheEpsilonTheStudyDeclares() {
        NodePolicy p = policy(true, 4.0);
        assertThat(p.refusal(train(null, clientNoise(0.3, 3.0)), "table", TRAIN_SIZE)).isEmpty();
        assertThat(p.refusal(train(null, clientNoise(0.3, 8.0)), "table", TRAIN_SIZE)).contains("this hospital "
                + "accepts at most epsilon 4, but in this 'train' request client-level DP (dp.clip-noise) declares "
                + "a target epsilon of 8 for the study");
    }

    @Test
    void clientLevelDpWithoutADeclaredEpsilonCannotMeetALimit() {
        assertThat(policy(true, 4.0).refusal(train(null, clientNoise(0.3, null)), "table", TRAIN_SIZE))
                .hasValueSatisfying(r -> assertThat(r).contains("declares no target epsilon"));
    }

    @Test
    void aLimitOnEpsilonAsksForDpEvenWhenDpIsNotRequired() {
        assertThat(policy(false, 4.0).refusal(train(null), "table", TRAIN_SIZE)).hasValueSatisfying(r -> assertThat(r)
                .startsWith("this hospital limits epsilon to 4, which needs differential privacy"));
    }

    @Test
    void oneMechanismWithinTheLimitIsEnough() {
        double spent = epsilonOf(1.1);
        NodePolicy p = policy(true, spent / 2);
        assertThat(p.refusal(train(dpSgd(1.1, RandomSource.secure()), clientNoise(0.3, spent / 3)), "table",
                TRAIN_SIZE)).isEmpty();
        assertThat(p.refusal(train(dpSgd(1.1, RandomSource.secure()), clientNoise(0.3, spent)), "table",
                TRAIN_SIZE)).hasValueSatisfying(r -> assertThat(r)
                .contains("DP-SGD would spend", "; and client-level"));
    }
}
