package org.medfed.privacy.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.medfed.privacy.PrivacyFixtures.filled;
import static org.medfed.privacy.PrivacyFixtures.participant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.medfed.testsupport.Sites;
import org.medfed.engine.BadInputException;
import org.medfed.engine.ClientUpdate;
import org.medfed.engine.FitInstruction;
import org.medfed.engine.FitResult;
import org.medfed.site.InProcessParticipant;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RoundContext;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunHistory;
import org.medfed.engine.RunStatus;
import org.medfed.engine.SelectionContext;
import org.medfed.engine.UpdateKind;
import org.medfed.privacy.PrivacyFixtures;
import org.medfed.privacy.PrivacyFixtures.MeanStrategy;
import org.medfed.privacy.random.CryptoRandom;
import org.medfed.privacy.random.RandomSource;

class DpFedAvgTest {

    private static final long SEED = 42;

    private static SelectionContext everyone(int round, List<String> names) {
        return new SelectionContext(round, names, 1.0, 1, new Random(0));
    }

    private static ClientUpdate modelUpdate(String name, ModelVector global, float[] delta) {
        float[] v = global.toArray();
        for (int i = 0; i < v.length; i++) {
            v[i] += delta[i];
        }
        return new ClientUpdate(name, ModelVector.of(v), UpdateKind.MODEL, 10, 1, 1, 0.5, Map.of());
    }

    @Test
    void aggregatorClipsEachDeltaAndAddsTheCalibratedNoiseToTheSum() {
        // three hospitals with deltas of norm 5 (3-4 triangle), 0.5 and 10, clip 1, noise multiplier 0.8
        DpFedAvg dp = new DpFedAvg(new MeanStrategy(), DpFedAvgSettings.fixed(1.0, 0.8, 1e-5),
                RandomSource.seeded(SEED));
        ModelVector global = ModelVector.of(new float[] {1, 2});
        List<String> names = List.of("a", "b", "c");
        assertThat(dp.select(everyone(1, names))).containsExactly("a", "b", "c");
        dp.clientFilters("a");
        ModelVector next = dp.aggregate(new RoundContext(1, global, 3, List.of()), List.of(
                modelUpdate("a", global, new float[] {3, 4}),
                modelUpdate("b", global, new float[] {0.3f, 0.4f}),
                modelUpdate("c", global, new float[] {0, -10})));
        // by hand: clipped deltas (0.6, 0.8) + (0.3, 0.4) + (0, -1) = (0.9, 0.2); noise 0.8 * 1 on the sum,
        // from the same seeded stream the strategy uses; denominator = expected participants = 1.0 * 3
        CryptoRandom noise = RandomSource.seeded(SEED).stream("dp.aggregator-noise", 1);
        double n0 = 0.8 * noise.nextGaussian();
        double n1 = 0.8 * noise.nextGaussian();
        assertThat(next.get(0)).isCloseTo((float) (1 + (0.9 + n0) / 3), within(1e-6f));
        assertThat(next.get(1)).isCloseTo((float) (2 + (0.2 + n1) / 3), within(1e-6f));
        assertThat(dp.roundDiagnostics()).containsEntry(DpFedAvg.NOISE_STD, 0.8 / 3)
                .containsEntry(DpFedAvg.CLIP, 1.0).containsEntry(DpFedAvg.CONTRIBUTORS, 3.0);
    }

    @Test
    void noiseStandardDeviationMatchesTheCalibration() {
        // one participant with a zero delta, 200 000 coordinates: the spread of the result is the noise alone,
        // z * C / m with m = expected participants (fraction 1 of 4 participants)
        int dim = 200_000;
        double z = 1.3;
        double c = 0.7;
        DpFedAvg dp = new DpFedAvg(new MeanStrategy(), DpFedAvgSettings.fixed(c, z, 1e-5), RandomSource.seeded(7));
        ModelVector global = ModelVector.zeros(dim);
        dp.select(everyone(1, List.of("a", "b", "c", "d")));
        ModelVector next = dp.aggregate(new RoundContext(1, global, 4, List.of()),
                List.of(modelUpdate("a", global, new float[dim])));
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < dim; i++) {
            sum += next.get(i);
            sq += (double) next.get(i) * next.get(i);
        }
        double mean = sum / dim;
        double std = Math.sqrt(sq / dim - mean * mean);
        double expected = z * c / 4;
        // standard error of a standard deviation over n draws is std / sqrt(2n) = 0.16 %; allow 1 %
        assertThat(std).isCloseTo(expected, within(0.01 * expected));
        assertThat(mean).isCloseTo(0, within(5 * expected / Math.sqrt(dim)));
    }

    @Test
    void participantSideClipsBeforeTheUpdateLeavesTheHospital() {
        DpFedAvg dp = new DpFedAvg(new MeanStrategy(), DpFedAvgSettings.fixed(2.0, 1.0, 1e-5), RandomSource.seeded(1));
        dp.select(everyone(1, List.of("a")));
        ModelVector global = ModelVector.of(new float[] {10, 10, 10});
        InProcessParticipant far = participant("a", new float[] {6, 0, 8});
        FitResult r = Sites.fit(far, dp, 1, global, PrivacyFixtures.training());
        float[] delta = new float[3];
        for (int i = 0; i < 3; i++) {
            delta[i] = r.update().get(i) - global.get(i);
        }
        assertThat(L2Clip.norm(delta)).isCloseTo(2.0, within(1e-5));
        assertThat(delta).containsExactly(new float[] {1.2f, 0, 1.6f}, within(1e-5f));
        assertThat(r.vectorExtra(DpClipNoise.UNCLIPPED_KEY).get(0)).isZero();

        FitResult near = Sites.fit(participant("b", new float[] {0.5f, 0, 0}), dp, 1, global,
                PrivacyFixtures.training());
        assertThat(near.update().get(0)).isEqualTo(10.5f);
        assertThat(near.vectorExtra(DpClipNoise.UNCLIPPED_KEY).get(0)).isEqualTo(1f);
    }

    @Test
    void epsilonAfterEveryRoundMatchesTheOpacusReference() {
        // 25 hospitals, fraction 0.04 (one expected per round), noise 1.5, 2250 rounds: Opacus reports 7.32911117143
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            names.add(String.format("h%02d", i));
        }
        DpFedAvg dp = new DpFedAvg(new MeanStrategy(), DpFedAvgSettings.fixed(1, 1.5, 1e-5), RandomSource.seeded(3));
        ModelVector global = ModelVector.zeros(2);
        double previous = 0;
        for (int round = 1; round <= 2250; round++) {
            List<String> chosen = dp.select(new SelectionContext(round, names, 0.04, 1, new Random(0)));
            List<ClientUpdate> ups = new ArrayList<>();
            for (String n : chosen) {
                ups.add(modelUpdate(n, global, new float[] {0.1f, 0.1f}));
            }
            dp.aggregate(new RoundContext(round, global, 25, List.of()), ups);
            double eps = dp.roundDiagnostics().get(DpFedAvg.EPSILON);
            assertThat(eps).isGreaterThanOrEqualTo(previous);
            previous = eps;
        }
        assertThat(previous).isCloseTo(7.32911117143, within(1e-6));
    }

    @Test
    void poissonSamplingSelectsTheFractionOnAverage() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            names.add("p" + i);
        }
        DpFedAvg dp = new DpFedAvg(new MeanStrategy(), DpFedAvgSettings.fixed(1, 1, 1e-5), RandomSource.seeded(9));
        long total = 0;
        for (int round = 1; round <= 400; round++) {
            total += dp.select(new SelectionContext(round, names, 0.2, 1, new Random(0))).size();
            dp.aggregate(new RoundContext(round, ModelVector.zeros(1), 50, List.of()), List.of());
        }
        // 400 rounds x 50 x 0.2 = 4000 expected; binomial std = sqrt(20000 * 0.2 * 0.8) = 57
        assertThat(total).isBetween(4000L - 300, 4000L + 300);
    }

    @Test
    void runFinishesEarlyBeforeTheTargetEpsilonIsExceeded() {
        double target = 2.0;
        double z = 5.0;
        long allowed = NoiseCalibration.maxSteps(target, 1e-5, 1.0, z, RdpOrders.extended(),
                EpsilonConversion.BALLE_2020);
        assertThat(allowed).isBetween(1L, 10L);
        DpFedAvg dp = new DpFedAvg(new MeanStrategy(),
                DpFedAvgSettings.fixed(1, z, 1e-5).withTargetEpsilon(target), RandomSource.seeded(5));
        RunHistory h = PrivacyFixtures.run(dp, List.of(participant("a", filled(3, 0.1f)),
                participant("b", filled(3, -0.2f))), 50, 1.0, SEED, ModelVector.zeros(3));
        assertThat(h.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(h.message()).contains("privacy budget reached").contains("after round " + allowed);
        assertThat(h.rounds()).hasSize((int) allowed);
        double lastEps = h.rounds().get(h.rounds().size() - 1).diagnostics().get(DpFedAvg.EPSILON);
        assertThat(lastEps).isLessThanOrEqualTo(target);
        assertThat(h.rounds().get(h.rounds().size() - 1).diagnostics().get(DpFedAvg.ROUNDS_LEFT)).isZero();
    }

    @Test
    void adaptiveClipFollowsAndreiEtAlUpdate() {
        // ten participants, all far beyond the clip: true unclipped share 0, noised share b~; new clip =
        // C * exp(-0.2 * (b~ - 0.5)) with b~ = clamp((0 - 0.5 * 10 + N(0, sigma_b)) / 10 + 0.5)
        AdaptiveClipping adaptive = new AdaptiveClipping(0.5, 0.2, 2.0);
        DpFedAvg dp = new DpFedAvg(new MeanStrategy(),
                DpFedAvgSettings.fixed(1.0, 1.0, 1e-5).withAdaptive(adaptive), RandomSource.seeded(11));
        List<String> names = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        ModelVector global = ModelVector.zeros(2);
        dp.select(everyone(1, names));
        List<ClientUpdate> ups = new ArrayList<>();
        for (String n : names) {
            ups.add(modelUpdate(n, global, new float[] {30, 40}));
        }
        dp.aggregate(new RoundContext(1, global, 10, List.of()), ups);
        double g = RandomSource.seeded(11).stream("dp.count-noise", 1).nextGaussian();
        double estimate = Math.min(1, Math.max(0, (-5 + 2.0 * g) / 10 + 0.5));
        assertThat(dp.roundDiagnostics().get(DpFedAvg.UNCLIPPED_ESTIMATE)).isCloseTo(estimate, within(1e-12));
        assertThat(dp.roundDiagnostics().get(DpFedAvg.NEXT_CLIP))
                .isCloseTo(Math.exp(-0.2 * (estimate - 0.5)), within(1e-12));
        // the deltas' own noise multiplier is raised so that both queries together have z = 1:
        // (1 - 1/(4 * 2^2))^-1/2 = 1.0328
        assertThat(dp.roundDiagnostics().get(DpFedAvg.NOISE_STD) * 10)
                .isCloseTo(1 / Math.sqrt(1 - 1 / 16.0), within(1e-12));
    }

    @Test
    void adaptiveClipConvergesToTheMedianNorm() {
        // 101 participants with delta norms 1..101 (median 51); target quantile 0.5
        List<String> names = new ArrayList<>();
        List<float[]> deltas = new ArrayList<>();
        for (int i = 1; i <= 101; i++) {
            names.add(String.format("p%03d", i));
            deltas.add(new float[] {i, 0});
        }
        DpFedAvg dp = new DpFedAvg(new MeanStrategy(),
                DpFedAvgSettings.fixed(1.0, 1.0, 1e-5).withAdaptive(AdaptiveClipping.recommended()),
                RandomSource.seeded(13));
        ModelVector global = ModelVector.zeros(2);
        for (int round = 1; round <= 150; round++) {
            dp.select(everyone(round, names));
            List<ClientUpdate> ups = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                ups.add(modelUpdate(names.get(i), global, deltas.get(i)));
            }
            dp.aggregate(new RoundContext(round, global, names.size(), List.of()), ups);
        }
        // geometric steps of at most exp(0.1) near the target, count noise 101/20 ~ 5 participants
        assertThat(dp.roundDiagnostics().get(DpFedAvg.NEXT_CLIP)).isBetween(40.0, 63.0);
    }

    @Test
    void theClientFilterDeclaresTheTargetEpsilonSoThatAHospitalCanHoldItToItsLimit() {
        DpFedAvgSettings s = DpFedAvgSettings.fixed(1.0, 1.0, 1e-5).withPlacement(NoisePlacement.PARTICIPANTS);
        DpFedAvg targeted = new DpFedAvg(new MeanStrategy(), s.withTargetEpsilon(6), RandomSource.seeded(1));
        targeted.select(everyone(1, List.of("a", "b")));
        assertThat(targeted.clientFilters("a").get(0).params().number(DpClipNoise.TARGET_EPSILON)).isEqualTo(6.0);
        DpFedAvg open = new DpFedAvg(new MeanStrategy(), s, RandomSource.seeded(1));
        open.select(everyone(1, List.of("a", "b")));
        assertThat(open.clientFilters("a").get(0).params().has(DpClipNoise.TARGET_EPSILON)).isFalse();
    }

    @Test
    void distributedNoiseSumsToTheFullVarianceAndIsToppedUpForDropouts() {
        int dim = 100_000;
        double z = 1.0;
        double c = 1.0;
        DpFedAvgSettings s = DpFedAvgSettings.fixed(c, z, 1e-5).withPlacement(NoisePlacement.PARTICIPANTS);
        for (int dropped = 0; dropped <= 2; dropped += 2) {
            DpFedAvg dp = new DpFedAvg(new MeanStrategy(), s, RandomSource.seeded(17 + dropped));
            List<String> names = List.of("a", "b", "c", "d");
            dp.select(everyone(1, names));
            ModelVector global = ModelVector.zeros(dim);
            assertThat(dp.clientFilters("a").get(0).params().number("noise_std"))
                    .isCloseTo((float) (z * c / 2), within(1e-7));
            List<ClientUpdate> ups = new ArrayList<>();
            for (int i = 0; i < names.size() - dropped; i++) {
                FitResult r = Sites.fit(participant(names.get(i), new float[dim]), dp, 1, global,
                        PrivacyFixtures.training().withSeed(i));
                ups.add(ClientUpdate.of(names.get(i), 1, r));
            }
            ModelVector next = dp.aggregate(new RoundContext(1, global, 4, List.of()), ups);
            double sq = 0;
            for (int i = 0; i < dim; i++) {
                sq += (double) next.get(i) * next.get(i);
            }
            double std = Math.sqrt(sq / dim);
            assertThat(std).as("dropped %d", dropped).isCloseTo(z * c / 4, within(0.015 * z * c / 4));
        }
    }

    @Test
    void sameSeedGivesBitIdenticalRunsAndAnotherSeedDoesNot() {
        List<InProcessParticipant> ps = List.of(participant("a", filled(50, 0.3f)), participant("b", filled(50, -0.1f)),
                participant("c", filled(50, 0.05f)));
        DpFedAvgSettings s = DpFedAvgSettings.fixed(0.5, 1.1, 1e-5);
        RunHistory h1 = PrivacyFixtures.run(new DpFedAvg(new MeanStrategy(), s, RandomSource.seeded(21)), ps, 5, 0.7,
                SEED, ModelVector.zeros(50));
        RunHistory h2 = PrivacyFixtures.run(new DpFedAvg(new MeanStrategy(), s, RandomSource.seeded(21)), ps, 5, 0.7,
                SEED, ModelVector.zeros(50));
        RunHistory h3 = PrivacyFixtures.run(new DpFedAvg(new MeanStrategy(), s, RandomSource.seeded(22)), ps, 5, 0.7,
                SEED, ModelVector.zeros(50));
        assertThat(h1.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(h1.model()).isEqualTo(h2.model());
        assertThat(h1.model()).isNotEqualTo(h3.model());
        assertThat(h1.rounds().get(4).diagnostics()).containsKey(DpFedAvg.EPSILON);
    }

    @Test
    void theWrappedStrategySeesOnlyTheNoisedAverage() {
        MeanStrategy inner = new MeanStrategy();
        PrivacyFixtures.run(new DpFedAvg(inner, DpFedAvgSettings.fixed(1, 1, 1e-5), RandomSource.secure()),
                List.of(participant("a", filled(4, 1)), participant("b", filled(4, 2))), 2, 1.0, SEED,
                ModelVector.zeros(4));
        assertThat(inner.calls).isEqualTo(2);
        assertThat(inner.lastUpdates).singleElement()
                .satisfies(u -> assertThat(u.participant()).isEqualTo(DpFedAvg.AVERAGE_PARTICIPANT));
    }

    @Test
    void impossibleSettingsAreRefusedWithAReason() {
        assertThatThrownBy(() -> DpFedAvgSettings.fixed(0, 1, 1e-5)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("clipping norm");
        assertThatThrownBy(() -> DpFedAvgSettings.fixed(1, 0, 1e-5)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no privacy");
        assertThatThrownBy(() -> DpFedAvgSettings.fixed(1, 1, 2)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("delta");
        // count noise 0.4 cannot leave room for z = 1 (needs more than z / 2 = 0.5)
        DpFedAvg dp = new DpFedAvg(new MeanStrategy(), DpFedAvgSettings.fixed(1, 1, 1e-5)
                .withAdaptive(new AdaptiveClipping(0.5, 0.2, 0.4)), RandomSource.seeded(1));
        assertThatThrownBy(() -> dp.select(everyone(1, List.of("a", "b")))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("too small");
    }
}
