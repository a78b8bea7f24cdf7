package org.medfed.privacy.secagg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.medfed.privacy.PrivacyFixtures.participant;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfed.engine.BadInputException;
import org.medfed.engine.LocalParticipant;
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

    /**
     * 24 bits: the default is 32 now that the protocol runs on longs, but inside a study masked values still travel
     * packed into floats (at most {@link MaskedPayload#MAX_BITS_IN_FLOAT} bits) until typed payloads replace them.
     */
    private static SecAggParameters studyParameters(double range) {
        return SecAggParameters.of(range).withBits(MaskedPayload.MAX_BITS_IN_FLOAT);
    }

    private static List<LocalParticipant> hospitals(int n) {
        List<LocalParticipant> ps = new ArrayList<>();
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
        List<LocalParticipant> ps = hospitals(5);
        ModelVector initial = ModelVector.of(PrivacyFixtures.filled(DIM, 0.5f));
        RunHistory plain = PrivacyFixtures.run(new MeanStrategy(), ps, 3, 1.0, 1, initial);
        SecAggParameters params = studyParameters(0.5);
        InProcessSecureAggregation secagg = InProcessSecureAggregation.of(ps, params, RandomSource.secure());
        MeanStrategy inner = new MeanStrategy();
        RunHistory secure = PrivacyFixtures.run(secagg.wrap(inner), secagg.participants(), 3, 1.0, 1, initial);
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
        List<LocalParticipant> ps = hospitals(4);
        InProcessSecureAggregation secagg = InProcessSecureAggregation.of(ps, studyParameters(0.5),
                RandomSource.secure());
        List<List<Float>> seen = new ArrayList<>();
        MeanStrategy inner = new MeanStrategy();
        SecureAggregation strategy = secagg.wrap(inner);
        // a spy between the engine and the strategy: what arrives at aggregate() is integers in [0, 2^24)
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
            public ModelVector aggregate(org.medfed.engine.RoundContext c, List<org.medfed.engine.ClientUpdate> us) {
                for (org.medfed.engine.ClientUpdate u : us) {
                    List<Float> v = new ArrayList<>();
                    for (float f : u.update().toArray()) {
                        v.add(f);
                    }
                    seen.add(v);
                }
                return strategy.aggregate(c, us);
            }
        };
        PrivacyFixtures.run(spy, secagg.participants(), 1, 1.0, 1, ModelVector.zeros(DIM));
        assertThat(seen).hasSize(4);
        for (List<Float> v : seen) {
            assertThat(v).allSatisfy(f -> assertThat(f).isBetween(0f, (float) (1 << 24)).isEqualTo((float) Math.rint(f)));
            // a true delta is within +-0.2; masked values are spread over 2^24
            assertThat(v.stream().mapToDouble(Float::doubleValue).max().orElseThrow()).isGreaterThan(1 << 20);
        }
    }

    @Test
    void aHospitalThatCrashesAfterSharingKeysDoesNotSpoilTheRound() {
        List<Participant> ps = new ArrayList<>(hospitals(5));
        ps.add(new LocalParticipant("hospital-crash", 1.0, new FailingTrainer(DIM)));
        InProcessSecureAggregation secagg = InProcessSecureAggregation.of(ps, studyParameters(0.5),
                RandomSource.secure());
        RunHistory secure = PrivacyFixtures.run(secagg.wrap(new MeanStrategy()), secagg.participants(), 1, 1.0, 1,
                ModelVector.zeros(DIM));
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
            ps.add(new LocalParticipant("crash-" + i, 1.0, new FailingTrainer(DIM)));
        }
        InProcessSecureAggregation secagg = InProcessSecureAggregation.of(ps, studyParameters(0.5),
                RandomSource.secure());
        ModelVector initial = ModelVector.zeros(DIM);
        RunHistory h = PrivacyFixtures.run(secagg.wrap(new MeanStrategy()), secagg.participants(), 2, 1.0, 1, initial);
        assertThat(h.status()).isEqualTo(RunStatus.FAILED);
        assertThat(h.message()).startsWith("secure aggregation, round 1: only 3 of 6 participants sent their masked "
                + "update; at least 4 are needed");
        assertThat(h.rounds()).isEmpty();
        assertThat(h.model()).isEqualTo(initial);
    }

    @Test
    void dropoutsDuringKeyExchangeAndUnmaskingBelowTheThreshold() {
        List<LocalParticipant> ps = hospitals(7);
        InProcessSecureAggregation secagg = InProcessSecureAggregation.of(ps, studyParameters(0.5),
                RandomSource.seeded(3));
        // one never advertises keys (not in the round at all), one shares keys then vanishes, one vanishes
        // only when asked to unmask: 6 in the directory, threshold 4, 5 inputs, 4 helpers
        secagg.channel().dropFrom("hospital-1", SecAggPhase.ADVERTISE_KEYS);
        secagg.channel().dropFrom("hospital-4", SecAggPhase.UNMASKING);
        // hospital-2 takes part in the key exchange, then its node crashes before sending its update
        List<Participant> run = new ArrayList<>(secagg.participants());
        run.set(2, crashing(secagg.participants().get(2)));
        RunHistory h = PrivacyFixtures.run(secagg.wrap(new MeanStrategy()), run, 1, 1.0, 1, ModelVector.zeros(DIM));
        assertThat(h.status()).isEqualTo(RunStatus.FINISHED);
        List<LocalParticipant> contributors = List.of(ps.get(0), ps.get(3), ps.get(4), ps.get(5), ps.get(6));
        RunHistory plain = PrivacyFixtures.run(new MeanStrategy(), contributors, 1, 1.0, 1, ModelVector.zeros(DIM));
        double step = new Quantizer(24, 0.5, 6).maxErrorPerValue();
        for (int i = 0; i < DIM; i++) {
            assertThat(h.model().get(i)).isCloseTo(plain.model().get(i), within((float) (step + 1e-6)));
        }
        assertThat(h.rounds().get(0).diagnostics()).containsEntry(SecureAggregation.PARTICIPANTS, 6.0)
                .containsEntry(SecureAggregation.CONTRIBUTORS, 5.0);
    }

    /** The same participant, whose fit now throws (its node crashed after the key exchange). */
    private static Participant crashing(Participant p) {
        return new Participant() {
            @Override
            public String name() {
                return p.name();
            }

            @Override
            public int trainSize() {
                return p.trainSize();
            }

            @Override
            public int testSize() {
                return p.testSize();
            }

            @Override
            public double weight() {
                return p.weight();
            }

            @Override
            public org.medfed.engine.FitResult fit(org.medfed.engine.FitInstruction i, org.medfed.engine.RunControl c) {
                throw new IllegalStateException("node crashed");
            }

            @Override
            public org.medfed.engine.Evaluation evaluate(ModelVector m, org.medfed.engine.DataSplit s) throws Exception {
                return p.evaluate(m, s);
            }
        };
    }

    @Test
    void withDistributedDpTheSumCarriesTheCalibratedNoiseAndTheAccountantCounts() {
        // 8 hospitals with zero deltas: what the model moves by is the DP noise alone, added by the hospitals
        // before masking (each N(0, (zC)^2 / 8)), so that the mean carries z C / m with m = 8
        int dim = 20_000;
        List<LocalParticipant> ps = new ArrayList<>();
        for (int h = 0; h < 8; h++) {
            ps.add(participant("h" + h, new float[dim]));
        }
        double z = 1.2;
        double c = 0.5;
        DpFedAvgSettings dps = DpFedAvgSettings.fixed(c, z, 1e-5).withPlacement(NoisePlacement.PARTICIPANTS);
        // values: clipped deltas plus noise of std zC/sqrt(8) = 0.21 per coordinate; range 2 is ~9 std
        InProcessSecureAggregation secagg = InProcessSecureAggregation.of(ps, studyParameters(2.0),
                RandomSource.seeded(4));
        DpFedAvg dp = new DpFedAvg(new MeanStrategy(), dps, RandomSource.seeded(5));
        RunHistory h = PrivacyFixtures.run(secagg.wrap(dp), secagg.participants(), 3, 1.0, 1, ModelVector.zeros(dim));
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
        List<LocalParticipant> ps = List.of(participant("a", new float[] {30, 40, 0, 0}),
                participant("b", new float[] {0, 0, 0, 50}), participant("c", new float[] {0, 0, -8, -6}));
        DpFedAvgSettings dps = DpFedAvgSettings.fixed(1.0, 0.001, 0.01).withPlacement(NoisePlacement.PARTICIPANTS);
        InProcessSecureAggregation secagg = InProcessSecureAggregation.of(ps, studyParameters(1.5),
                RandomSource.seeded(6));
        RunHistory h = PrivacyFixtures.run(secagg.wrap(new DpFedAvg(new MeanStrategy(), dps, RandomSource.seeded(7))),
                secagg.participants(), 1, 1.0, 1, ModelVector.zeros(dim));
        // clipped: (0.6, 0.8, 0, 0), (0, 0, 0, 1), (0, 0, -0.8, -0.6); mean over m = 3
        float[] expected = {0.2f, 0.8f / 3, -0.8f / 3, 0.4f / 3};
        for (int i = 0; i < dim; i++) {
            assertThat(h.model().get(i)).isCloseTo(expected[i], within(0.003f));
        }
    }

    @Test
    void moreBitsThanAFloatCarriesAreRefusedInAStudy() {
        assertThatThrownBy(() -> new SecureAggregation(new MeanStrategy(), SecAggParameters.of(1).withBits(32),
                new InProcessSecAggChannel(java.util.Map.of()))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("at most 24 bits");
        assertThatThrownBy(() -> SecAggParameters.of(1).withThresholdFraction(0.4))
                .isInstanceOf(BadInputException.class).hasMessageContaining("more than half");
    }
}
