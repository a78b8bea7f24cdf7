package org.medfed.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunListener;
import org.medfed.engine.RunStatus;
import org.medfed.project.DefenceSection;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.PrivacySection;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.testsupport.TestWorkers;

/** The sample study with each protection switched on through its study file sections. */
class ProtectionsTest {

    static final Path FILE = Path.of("sample-projects/heart-4-hospitals/study.json");

    private static Study sample(int rounds) {
        Study s = StudyFile.load(FILE);
        return s.withTraining(s.training().withRounds(rounds));
    }

    private static StudyResult run(Study study) {
        return StudyRunner.run(TestWorkers.shared(), PreparedStudy.prepare(study, FILE), RunOptions.defaults(), RunListener.NONE,
                RunControl.free(), m -> { });
    }

    @Test
    void differentialPrivacyReportsEpsilonEveryRoundAndRecordsItInTheCard() {
        Study dp = sample(3).withPrivacy(new PrivacySection(
                new PrivacySection.DpSection(1.0, 1.5, 1e-3, null, null, null), null, null, "seeded"));
        StudyResult r = run(dp);
        assertThat(r.history().status()).isEqualTo(RunStatus.FINISHED);
        List<Double> eps = r.history().rounds().stream().map(x -> x.diagnostics().get("dp.epsilon")).toList();
        assertThat(eps).hasSize(3).isSorted();
        assertThat(eps.get(0)).isPositive();
        Map<String, Object> card = RunOutputs.protections(r);
        assertThat(card).containsKeys("differentialPrivacy", "warning");
        @SuppressWarnings("unchecked")
        Map<String, Object> dpCard = (Map<String, Object>) card.get("differentialPrivacy");
        assertThat((Double) dpCard.get("epsilonSpent")).isEqualTo(eps.get(2));
        assertThat(dpCard.get("noiseMultiplier")).isEqualTo(1.5);
    }

    @Test
    void aTargetEpsilonDerivesTheNoiseAndIsNeverExceeded() {
        Study dp = sample(4).withPrivacy(new PrivacySection(
                new PrivacySection.DpSection(1.0, null, 1e-3, 8.0, null, null), null, null, "seeded"));
        StudyResult r = run(dp);
        double last = r.history().lastRound().orElseThrow().diagnostics().get("dp.epsilon");
        assertThat(last).isLessThanOrEqualTo(8.0).isGreaterThan(6.0);
    }

    @Test
    void secureAggregationGivesThePlainResultUpToQuantisation() {
        StudyResult plain = run(sample(2));
        StudyResult secure = run(sample(2).withPrivacy(new PrivacySection(null,
                new PrivacySection.SecureAggregationSection(2.0, 24), null, "seeded")));
        for (int i = 0; i < plain.history().model().size(); i++) {
            // 24 bits over [-2, 2] for 4 hospitals: steps of 4 / 2^21 per value
            assertThat(secure.history().model().get(i)).isCloseTo(plain.history().model().get(i), within(1e-4f));
        }
        assertThat(RunOutputs.protections(secure)).containsKey("secureAggregation");
    }

    @Test
    void aMedianHoldsOffAScalingAttackerThatPullsFedAvgAway() {
        Study attacked = withAttack(sample(6), "rural-clinic", "sign-flip:20");
        double honest = accuracy(run(sample(6)));
        double undefended = accuracy(run(attacked));
        double defended = accuracy(run(attacked.withDefence(new DefenceSection("median", null))));
        assertThat(undefended).isLessThan(honest - 0.1);
        assertThat(defended).isGreaterThan(undefended + 0.1);
        assertThat(RunOutputs.protections(run(attacked))).containsKey("simulatedAttacks");
    }

    @Test
    void impossibleCombinationsAreRefusedInPlainWords() {
        Study both = sample(1).withDefence(new DefenceSection("median", null)).withPrivacy(new PrivacySection(null,
                new PrivacySection.SecureAggregationSection(null, null), null, "seeded"));
        assertThatThrownBy(() -> run(both)).hasMessageContaining("a robust rule must see each hospital's update");
        Study dpAndMedian = sample(1).withDefence(new DefenceSection("median", null)).withPrivacy(new PrivacySection(
                new PrivacySection.DpSection(1.0, 1.5, 1e-3, null, null, null), null, null, "seeded"));
        assertThatThrownBy(() -> run(dpAndMedian))
                .hasMessageContaining("a robust rule cannot be combined with client-level differential privacy");
        Study krum = sample(1).withDefence(new DefenceSection("krum:1", null));
        assertThatThrownBy(() -> run(krum)).hasMessageContaining("krum assumes up to f = 1 attacker");
    }

    private static double accuracy(StudyResult r) {
        return r.history().lastRound().orElseThrow().globalMetric("accuracy");
    }

    private static Study withAttack(Study s, String name, String attack) {
        List<ParticipantEntry> out = new ArrayList<>();
        for (ParticipantEntry e : s.participants()) {
            out.add(e.name().equals(name) ? new ParticipantEntry(e.name(), e.data(), e.weight(), e.enabled(), attack) : e);
        }
        return s.withParticipants(out);
    }

    @Test
    void dpSgdReachesEveryHospitalsTargetEpsilonWithItsOwnNoise() {
        Study dpSgd = sample(3).withPrivacy(new PrivacySection(null, null, null, "seeded")
                .withDpSgd(new PrivacySection.DpSgdSection(1.0, null, 2.0, 1e-3)));
        StudyResult r = run(dpSgd);
        assertThat(r.history().status()).isEqualTo(RunStatus.FINISHED);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Double>> perHospital = (Map<String, Map<String, Double>>)
                ((Map<String, Object>) RunOutputs.protections(r).get("dpSgd")).get("perHospital");
        assertThat(perHospital).hasSize(4);
        perHospital.values().forEach(h -> assertThat(h.get("epsilonAfterPlannedRounds")).isBetween(1.9, 2.0));
        // smaller hospitals sample a larger share per batch and need more noise for the same epsilon
        assertThat(perHospital.get("mountain-hospital").get("noiseMultiplier"))
                .isGreaterThan(perHospital.get("city-general").get("noiseMultiplier"));
    }
}
