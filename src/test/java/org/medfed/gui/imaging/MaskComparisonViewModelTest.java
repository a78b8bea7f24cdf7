package org.medfed.gui.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.study.SegmentationSamples;
import org.medfed.study.StudyResult;

class MaskComparisonViewModelTest {

    @Test
    void showsTheChosenHospitalsTestImagesWithBothMasksAndTheirDice() {
        StudyResult r = ImagingFixtures.untrainedSegmentation();
        MaskComparisonViewModel vm = new MaskComparisonViewModel(BackgroundTasks.immediate());
        vm.show(r);

        assertThat(vm.availableProperty().get()).isTrue();
        assertThat(vm.hospitals()).containsExactly("hospital-a", "hospital-b", "hospital-c", "hospital-d");
        assertThat(vm.hospitalProperty().get()).isEqualTo("hospital-a");
        assertThat(vm.pairs()).hasSize(MaskComparisonViewModel.IMAGES);
        List<SegmentationSamples.Sample> expected = SegmentationSamples.of(r, "hospital-a", MaskComparisonViewModel.IMAGES);
        for (int i = 0; i < expected.size(); i++) {
            MaskComparisonViewModel.Pair p = vm.pairs().get(i);
            assertThat(p.truth().width()).isEqualTo(48);
            assertThat(p.predicted().height()).isEqualTo(48);
            assertThat(p.dice()).isEqualTo(expected.get(i).dice());
            assertThat(p.caption()).startsWith("Test image " + (i + 1)).contains("Dice");
        }
        assertThat(vm.statusProperty().get()).contains("Green: the true lesion");

        vm.hospitalProperty().set("hospital-c");
        assertThat(vm.pairs()).hasSize(MaskComparisonViewModel.IMAGES);
        assertThat(vm.pairs().get(0).dice()).isEqualTo(SegmentationSamples.of(r, "hospital-c", 1).get(0).dice());
    }

    @Test
    void theTrueMaskIsTintedGreenWhereTheLesionIs() {
        float[] image = new float[16];
        float[] truth = new float[16];
        float[] predicted = new float[16];
        truth[5] = 1;
        predicted[6] = 0.9f;
        List<MaskComparisonViewModel.Pair> pairs = MaskComparisonViewModel.pairs(List.of(
                new SegmentationSamples.Sample(0, 4, 4, image, truth, predicted, 0.0)));
        MaskComparisonViewModel.Pair p = pairs.get(0);
        int green = p.truth().argb()[5];
        assertThat((green >> 8) & 0xFF).isGreaterThan((green >> 16) & 0xFF);
        assertThat(p.truth().argb()[6]).isEqualTo(p.truth().argb()[0]);
        int orange = p.predicted().argb()[6];
        assertThat((orange >> 16) & 0xFF).isGreaterThan(orange & 0xFF);
        assertThat(p.caption()).isEqualTo("Test image 1: Dice 0.000");
        assertThat(p.nothingPredicted()).isFalse();
        assertThat(MaskComparisonViewModel.pairs(List.of(new SegmentationSamples.Sample(0, 4, 4, image, truth,
                new float[16], 0.0))).get(0).nothingPredicted()).isTrue();
    }

    @Test
    void aClassificationRunShowsNoMasks() {
        Path file = ImagingFixtures.SAMPLE.resolve("study.json");
        var p = org.medfed.study.PreparedStudy.prepare(org.medfed.project.StudyFile.load(file), file);
        StudyResult seg = ImagingFixtures.untrainedSegmentation();
        StudyResult r = new StudyResult(p, 1, seg.history(), List.of(), java.util.Map.of(), seg.started(), seg.finished());
        MaskComparisonViewModel vm = new MaskComparisonViewModel(BackgroundTasks.immediate());
        vm.show(seg);
        vm.show(r);
        assertThat(vm.availableProperty().get()).isFalse();
        assertThat(vm.pairs()).isEmpty();
        vm.show(null);
        assertThat(vm.availableProperty().get()).isFalse();
    }
}
