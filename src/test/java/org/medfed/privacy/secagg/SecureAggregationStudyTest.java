package org.medfed.privacy.secagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.medfed.privacy.PrivacyFixtures.participant;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfed.engine.protocol.Procedure;
import org.medfed.testsupport.Unreachable;
import org.medfed.engine.BadInputException;
import org.medfed.site.InProcessParticipant;
import org.medfed.engine.ModelVector;
import org.medfed.engine.Participant;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunStatus;
import org.medfed.privacy.PrivacyFixtures;
import org.medfed.privacy.PrivacyFixtures.FailingTrainer;
import org.medfed.privacy.PrivacyFixtures.MeanStrategy;
import org.medfed.privacy.SecureSum;
import org.medfed.privacy.dp.DpFedAvg;
import org.medfed.privacy.dp.DpFedAvgSettings;
import org.medfed.privacy.dp.EpsilonConversion;
import org.medfed.privacy.dp.NoiseCalibration;
import org.medfed.privacy.dp.NoisePlacement;
import org.medfed.privacy.dp.RdpOrders;
import org.medfed.privacy.random.RandomSource;

/** Secure aggregation inside the engine's round loop, alone and with DP-FedAvg. */
class SecureAggregationStudyTest {

    private static final int DIM = 64;

    private static List<InProcessParticipant> hospitals(int n) {
        List<InProcessParticipant> ps = new ArrayList<>();
        for (int h = 0; h < n; h++) {
            float[] delta = new float[DIM];
            for (int i = 0; i < DIM; i++) {
                delta[i] = (float) (0.01 * ((h * 7 + i * 3) % 41 - 20));
            }
            ps.add(participant("hospital-" + h, delta));
        }
        return ps;
    }

    @Test
    void theAggregateEqualsThePlainMeanWithinQuantisation() {
        List<InProcessParticipant> ps = hospitals(5);
        ModelVector initial = ModelVector.of(PrivacyFixtures.filled(DIM, 0.5f));
        RunHistory plain = PrivacyFixtures.run(new MeanStrategy(), ps, 3, 1.0, 1, initial);
        SecAggParameters params = SecAggParameters.of(0.5).withBits(24);
        MeanStrategy inner = new MeanStrategy();
        RunHistory secure = PrivacyFixtures.run(new SecureAggregation(inner, params, RandomSource.secure(), 0), ps, 3,
                1.0, 1, initial);
        assertThat(secure.status()).isEqualTo(RunStatus.FINISHED);
        // per round the mean of 5 values is off by at most half a quantisation step; over 3 rounds three times that
        double step = new Quantizer(24, 0.5, 5).maxErrorPerValue();
        for (int i = 0; i < DIM; i++) {
            assertThat(secure.model().get(i)).isCloseTo(plain.model().get(i), within((float) (3 * step + 1e-6)));
        }
        assertThat(inner.lastUpdates).singleElement()
                .satisfies(u -> assertThat(u.participant()).isEqualTo(SecureSum.PARTICIPANT));
        RoundRecord r = secure.rounds().get(0);
        assertThat(r.diagnostics()).containsEntry(SecureAggregation.CONTRIBUTORS, 5.0)
                .containsEntry(SecureAggregation.CLIPPED_FRACTION, 0.0);
        // bytes: every participant's upload and download by the cost formula (n = 5, 64 values + 1 report, 24 bits)
        long up = 5 * SecAggCost.bytesUpPerParticipant(5, DIM + 1, 24);
        long down = 5 * SecAggCost.bytesDownPerParticipant(5);
        assertThat(r.diagnostics().get(SecureAggregation.BYTES_UP)).isEqualTo((double) up);
        assertThat(r.diagnostics().get(SecureAggregation.BYTES_DOWN)).isEqualTo((double) down);
    }

    @Test
    void theAggregatorNeverSeesAnUnmaskedUpdate() {
        List<InProcessParticipant> ps = hospitals(4);
        List<long[]> seen = new ArrayList<>();
        List<ModelVector> carried = new ArrayList<>();
        MeanStrategy inner = new MeanStrategy();
        SecureAggregation strategy = new SecureAggregation(inner, SecAggParameters.of(0.5).withBits(24), RandomSource.secure(), 0);
        // a spy between the engine and the strategy: what arrives at aggregate() is integers in [0, 2^24) and a
        // plain field that carries the global model unchanged
        org.medfed.engine.Strategy spy = new org.medfed.engine.Strategy() {
            @Override
            public String id() {
                return strategy.id();
            }

            @Override
            public List<String> select(org.medfed.engine.SelectionContext c) {
                return strategy.select(c);
            }

            @Override
            public List<org.medfed.engine.protocol.ProcedureCall> clientFilters(String participant) {
                return strategy.clientFilters(participant);
            }

            @Override
            public ModelVector aggregate(org.medfed.engine.RoundContext c, List<org.medfed.engine.ClientUpdate> us) {
                for (org.medfed.engine.ClientUpdate u : us) {
                    seen.add(MaskedPayload.unpack(((org.medfed.engine.protocol.Value.Bytes) u.extras()
                            .get("secagg.masked")).bytes(), 24));
                    carried.add(u.update());
                }
                return strategy.aggregate(c, us);
            }
        };
        PrivacyFixtures.run(spy, ps, 1, 1.0, 1, ModelVector.zeros(DIM));
        assertThat(seen).hasSize(4);
        assertThat(carried).allSatisfy(v -> assertThat(v).isEqualTo(ModelVector.zeros(DIM)));
        for (long[] v : seen) {
            assertThat(java.util.Arrays.stream(v).allMatch(x -> x >= 0 && x < (1L << 24))).isTrue();
            // a true delta is within +-0.2; masked values are spread over 2^24
            assertThat(java.util.Arrays.stream(v).max().orElseThrow()).isGreaterThan(1 << 20);
        }
    }

    @Test
    void aHospitalThatCrashesAfterSharingKeysDoesNotSpoilTheRound() {
        List<Participant> ps = new ArrayList<>(hospitals(5));
        ps.add(InProcessParticipant.of("hospital-crash", 1.0, new FailingTrainer(DIM)));
        RunHistory secure = PrivacyFixtures.run(new SecureAggregation(new MeanStrategy(), SecAggParameters.of(0.5).withBits(24),
                RandomSource.secure(), 0), ps, 1, 1.0, 1, ModelVector.zeros(DIM));
        RunHistory plain = PrivacyFixtures.run(new MeanStrategy(), hospitals(5), 1, 1.0, 1, ModelVector.zeros(DIM));
        assertThat(secure.status()).isEqualTo(RunStatus.FINISHED);
        double step = new Quantizer(24, 0.5, 6).maxErrorPerValue();
        for (int i = 0; i < DIM; i++) {
            assertThat(secure.model().get(i)).isCloseTo(plain.model().get(i), within((float) (step + 1e-6)));
        }
        RoundRecord r = secure.rounds().get(0);
        assertThat(r.diagnostics()).containsEntry(SecureAggregation.PARTICIPANTS, 6.0)
                .containsEntry(SecureAggregation.CONTRIBUTORS, 5.0).containsEntry(SecureAggregation.DROPPED, 1.0);
        assertThat(r.failures()).extracting(f -> f.participant()).containsExactly("hospital-crash");
    }

    @Test
    void tooManyDropoutsEndTheRunWithAMessageAndNoPartialModel() {
        List<Participant> ps = new ArrayList<>(hospitals(3));
        for (int i = 0; i < 3; i++) {
            ps.add(InProcessParticipant.of("crash-" + i, 1.0, new FailingTrainer(DIM)));
        }
        ModelVector initial = ModelVector.zeros(DIM);
        RunHistory h = PrivacyFixtures.run(new SecureAggregation(new MeanStrategy(), SecAggParameters.of(0.5).withBits(24),
                RandomSource.secure(), 0), ps, 2, 1.0, 1, initial);
        assertThat(h.status()).isEqualTo(RunStatus.FAILED);
        assertThat(h.message()).startsWith("secure aggregation, round 1: only 3 of 6 participants sent their masked "
                + "update; at least 4 are needed");
        assertThat(h.rounds()).isEmpty();
        assertThat(h.model()).isEqualTo(initial);
    }

    @Test
    void dropoutsDuringKeyExchangeAndUnmaskingBelowTheThreshold() {
        List<InProcessParticipant> ps = hospitals(7);
        // one never advertises keys (not in the round at all), one shares keys then vanishes, one vanishes
        // only when asked to unmask: 6 in the directory, threshold 4, 5 inputs, 4 helpers
        List<Participant> run = new ArrayList<>(ps);
        run.set(1, Unreachable.on(ps.get(1), Procedure.SECAGG_ADVERTISE, Procedure.SECAGG_SHARE_KEYS,
                Procedure.SECAGG_UNMASK));
        run.set(4, Unreachable.on(ps.get(4), Procedure.SECAGG_UNMASK));
        // hospital-2 takes part in the key exchange, then its node crashes before sending its update
        run.set(2, Unreachable.on(ps.get(2), Procedure.TRAIN));
        RunHistory h = PrivacyFixtures.run(new SecureAggregation(new MeanStrategy(), SecAggParameters.of(0.5).withBits(24),
                RandomSource.seeded(3), 0), run, 1, 1.0, 1, ModelVector.zeros(DIM));
        assertThat(h.status()).isEqualTo(RunStatus.FINISHED);
        List<InProcessParticipant> contributors = List.of(ps.get(0), ps.get(3), ps.get(4), ps.get(5), ps.get(6));
        RunHistory plain = PrivacyFixtures.run(new MeanStrategy(), contributors, 1, 1.0, 1, ModelVector.zeros(DIM));
        double step = new Quantizer(24, 0.5, 6).maxErrorPerValue();
        for (int i = 0; i < DIM; i++) {
            assertThat(h.model().get(i)).isCloseTo(plain.model().get(i), within((float) (step + 1e-6)));
        }
        assertThat(h.rounds().get(0).diagnostics()).containsEntry(SecureAggregation.PARTICIPANTS, 6.0)
                .containsEntry(SecureAggregation.CONTRIBUTORS, 5.0);
    }

    @Test
    void withDistributedDpTheSumCarriesTheCalibratedNoiseAndTheAccountantCounts() {
        // 8 hospitals with zero deltas: what the model moves by is the DP noise alone, added by the hospitals
        // before masking (each N(0, (zC)^2 / 8)), so that the mean carries z C / m with m = 8
        int dim = 20_000;
        List<InProcessParticipant> ps = new ArrayList<>();
        for (int h = 0; h < 8; h++) {
            ps.add(participant("h" + h, new float[dim]));
        }
        double z = 1.2;
        double c = 0.5;
        DpFedAvgSettings dps = DpFedAvgSettings.fixed(c, z, 1e-5).withPlacement(NoisePlacement.PARTICIPANTS);
        // values: clipped deltas plus noise of std zC/sqrt(8) = 0.21 per coordinate; range 2 is ~9 std
        DpFedAvg dp = new DpFedAvg(new MeanStrategy(), dps, RandomSource.seeded(5));
        RunHistory h = PrivacyFixtures.run(new SecureAggregation(dp, SecAggParameters.of(2.0).withBits(24), RandomSource.seeded(4), 0),
                ps, 3, 1.0, 1, ModelVector.zeros(dim));
        assertThat(h.status()).isEqualTo(RunStatus.FINISHED);
        // after 3 rounds the model is the sum of 3 independent noise draws: std sqrt(3) z C / 8
        double sq = 0;
        for (int i = 0; i < dim; i++) {
            sq += (double) h.model().get(i) * h.model().get(i);
        }
        double expected = Math.sqrt(3) * z * c / 8;
        assertThat(Math.sqrt(sq / dim)).isCloseTo(expected, within(0.02 * expected));
        RoundRecord last = h.rounds().get(2);
        double eps = NoiseCalibration.epsilon(1.0, z, 3, 1e-5, RdpOrders.extended(), EpsilonConversion.BALLE_2020)
                .epsilon();
        assertThat(last.diagnostics().get(DpFedAvg.EPSILON)).isEqualTo(eps);
        assertThat(last.diagnostics().get(SecureAggregation.CLIPPED_FRACTION)).isZero();
        assertThat(last.diagnostics().get(SecureAggregation.CONTRIBUTORS)).isEqualTo(8.0);
    }

    @Test
    void withDistributedDpTheClippingHoldsForLargeDeltas() {
        // two hospitals far beyond the clip norm; with tiny noise relative to the clip, the model moves by about
        // (C * unit + C * unit) / 2 = C per round in the delta's direction
        int dim = 4;
        List<InProcessParticipant> ps = List.of(participant("a", new float[] {30, 40, 0, 0}),
                participant("b", new float[] {0, 0, 0, 50}), participant("c", new float[] {0, 0, -8, -6}));
        DpFedAvgSettings dps = DpFedAvgSettings.fixed(1.0, 0.001, 0.01).withPlacement(NoisePlacement.PARTICIPANTS);
        RunHistory h = PrivacyFixtures.run(new SecureAggregation(new DpFedAvg(new MeanStrategy(), dps,
                RandomSource.seeded(7)), SecAggParameters.of(1.5).withBits(24), RandomSource.seeded(6), 0), ps, 1, 1.0, 1,
                ModelVector.zeros(dim));
        // clipped: (0.6, 0.8, 0, 0), (0, 0, 0, 1), (0, 0, -0.8, -0.6); mean over m = 3
        float[] expected = {0.2f, 0.8f / 3, -0.8f / 3, 0.4f / 3};
        for (int i = 0; i < dim; i++) {
            assertThat(h.model().get(i)).isCloseTo(expected[i], within(0.003f));
        }
    }

    @Test
    void fortyEightBitsWorkInAStudyNowThatMaskedValuesTravelAsIntegers() {
        List<InProcessParticipant> ps = hospitals(5);
        ModelVector initial = ModelVector.zeros(DIM);
        RunHistory plain = PrivacyFixtures.run(new MeanStrategy(), ps, 1, 1.0, 1, initial);
        RunHistory secure = PrivacyFixtures.run(new SecureAggregation(new MeanStrategy(),
                SecAggParameters.of(0.5).withBits(48), RandomSource.secure(), 0), ps, 1, 1.0, 1, initial);
        double step = new Quantizer(48, 0.5, 5).maxErrorPerValue();
        assertThat(step).isLessThan(1e-13);
        for (int i = 0; i < DIM; i++) {
            assertThat(secure.model().get(i)).isCloseTo(plain.model().get(i), within((float) (step + 1e-6)));
        }
        assertThatThrownBy(() -> SecAggParameters.of(1).withThresholdFraction(0.4))
                .isInstanceOf(BadInputException.class).hasMessageContaining("more than half");
    }
}
