package org.medfed.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.medfed.engine.BadInputException;
import org.medfed.project.DefenceSection;
import org.medfed.project.PrivacySection;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;

class ProtectionCompatibilityTest {

    private static final Path PHANTOM = Path.of("sample-projects/phantom-4-hospitals/study.json");

    private static PrivacySection dpSgd() {
        return new PrivacySection(null, new PrivacySection.DpSgdSection(1.0, 1.1, null, 1e-5), null, null, "seeded");
    }

    @Test
    void dpSgdOnAnImageModelIsRefusedBeforeAnyImageIsRead() {
        Study cnn = StudyFile.load(PHANTOM).withPrivacy(dpSgd());
        assertThat(ProtectionCompatibility.problems(cnn, 4)).singleElement().satisfies(p -> {
            assertThat(p.text()).isEqualTo("DP-SGD inside each hospital's training is available for logistic "
                    + "regression and MLP models only");
            assertThat(p.screen()).isEqualTo(ProtectionCompatibility.TASK_AND_MODEL);
        });
        // the run refuses it by the same words, naming the study file, before reading the DICOM folders
        assertThatThrownBy(() -> PreparedStudy.prepare(cnn.withParticipants(cnn.participants().stream()
                .map(e -> new org.medfed.project.ParticipantEntry(e.name(), java.util.List.of("no-such-folder"), e.weight(), e.enabled(),
                        e.attack())).toList()), PHANTOM))
                .isInstanceOf(BadInputException.class).hasMessageContaining("study.json")
                .hasMessageContaining("available for logistic regression and MLP models only");
    }

    @Test
    void namesEveryProblemOfACombination() {
        Study s = StudyFile.load(Path.of("sample-projects/heart-4-hospitals/study.json"))
                .withDefence(new DefenceSection("krum:1", null))
                .withPrivacy(new PrivacySection(null, null, new PrivacySection.SecureAggregationSection(null, null),
                        new PrivacySection.PaillierSection(null, null, null, null), "seeded"));
        assertThat(ProtectionCompatibility.problems(s, 4)).extracting(ProtectionCompatibility.Problem::text)
                .satisfiesExactly(
                        krum -> assertThat(krum).contains("krum assumes up to f = 1 attacker"),
                        both -> assertThat(both).startsWith("choose secure aggregation or Paillier aggregation"),
                        robust -> assertThat(robust).startsWith("a robust rule must see each hospital's update"));
        assertThat(ProtectionCompatibility.problems(s.withDefence(null).withPrivacy(null), 4)).isEmpty();
    }
}
