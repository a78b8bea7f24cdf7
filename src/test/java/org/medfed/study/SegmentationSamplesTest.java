package org.medfed.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfed.engine.ModelVector;
import org.medfed.metrics.SegmentationMetrics;
import org.medfed.model.ModelTrainer;
import org.medfed.project.StudyFile;

/** The test images shown beside their predicted masks are the ones the run evaluated, with their own Dice. */
class SegmentationSamplesTest {

    private static final Path SAMPLE = Path.of("sample-projects/phantom-4-hospitals");

    @Test
    void givesTheFirstTestImagesWithTruthPredictionAndDice() {
        Path file = SAMPLE.resolve("study-segmentation.json");
        PreparedStudy p = PreparedStudy.prepare(StudyFile.load(file), file);
        ModelVector model = StudyRunner.initialModel(p.spec(), 3);
        SiteData site = p.data().sites().get(1);

        List<SegmentationSamples.Sample> samples = SegmentationSamples.of(p, model, site.name(), 3);

        assertThat(samples).hasSize(3);
        float[][] all = ModelTrainer.create(p.spec(), site.train(), site.test()).predict(model, site.test());
        for (SegmentationSamples.Sample s : samples) {
            assertThat(s.height()).isEqualTo(48);
            assertThat(s.width()).isEqualTo(48);
            assertThat(s.image()).hasSize(48 * 48).isEqualTo(java.util.Arrays.copyOf(site.test().inputs()[s.index()], 48 * 48));
            assertThat(s.truth()).isSameAs(site.test().masks()[s.index()]);
            // predicted in a smaller batch than the whole split: equal up to float rounding
            assertThat(s.probability()).containsExactly(all[s.index()], org.assertj.core.api.Assertions.within(1e-4f));
            assertThat(s.dice()).isEqualTo(SegmentationMetrics.dice(s.probability(), s.truth()));
        }
        assertThat(SegmentationSamples.of(p, model, site.name(), 1000)).hasSize(site.test().size());
    }

    @Test
    void refusesAClassificationStudyAndAnUnknownHospital() {
        Path file = SAMPLE.resolve("study.json");
        PreparedStudy p = PreparedStudy.prepare(StudyFile.load(file), file);
        assertThat(SegmentationSamples.applies(p)).isFalse();
        assertThatThrownBy(() -> SegmentationSamples.of(p, StudyRunner.initialModel(p.spec(), 1), "hospital-a", 2))
                .hasMessageContaining("not a segmentation study");
        Path seg = SAMPLE.resolve("study-segmentation.json");
        PreparedStudy s = PreparedStudy.prepare(StudyFile.load(seg), seg);
        assertThatThrownBy(() -> SegmentationSamples.of(s, StudyRunner.initialModel(s.spec(), 1), "nowhere", 2))
                .hasMessageContaining("no hospital 'nowhere'");
    }
}
