package org.medfed.gui.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfed.gui.common.StudyDocument;
import org.medfed.project.ImagingSection;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;

class ImagingTaskViewModelTest {

    private static StudyDocument sample(String file) {
        StudyDocument d = new StudyDocument();
        d.replace(StudyFile.load(ImagingFixtures.SAMPLE.resolve(file)), ImagingFixtures.SAMPLE.resolve(file));
        return d;
    }

    @Test
    void showsTheStudysImagingSettings() {
        ImagingTaskViewModel vm = new ImagingTaskViewModel(sample("study.json"));
        assertThat(vm.taskProperty().get()).isEqualTo("classification");
        assertThat(vm.windowProperty().get()).isEqualTo("file");
        assertThat(vm.height().textProperty().get()).isEqualTo("48");
        assertThat(vm.width().textProperty().get()).isEqualTo("48");
        assertThat(vm.normalisationProperty().get()).isEqualTo("none");
        assertThat(vm.augmentationProperty().get()).isTrue();
        assertThat(vm.trainFraction().textProperty().get()).isEqualTo("0.75");
        assertThat(vm.splitSeed().textProperty().get()).isEqualTo("7");
        assertThat(vm.filters().textProperty().get()).isEqualTo("4,8");
        assertThat(vm.hidden().textProperty().get()).isEqualTo("16");
        assertThat(vm.seed().textProperty().get()).isEqualTo("42");
        assertThat(vm.valid().get()).isTrue();
    }

    /**
     * The batch-norm box writes the study's model section, survives edits of the filters, the dense sizes and the
     * task, and the Algorithm screen's FedBN stops saying the model has none.
     */
    @Test
    void batchNormIsAModelSettingThatOtherEditsKeepAndFedBnNeeds() {
        StudyDocument doc = sample("study.json");
        ImagingTaskViewModel vm = new ImagingTaskViewModel(doc);
        org.medfed.gui.algorithm.AlgorithmViewModel algorithm = new org.medfed.gui.algorithm.AlgorithmViewModel(doc);
        algorithm.strategyProperty().set(org.medfed.engine.strategy.StrategyCatalog.require("fedbn"));
        assertThat(algorithm.explanationProperty().get()).contains("Personalised", "batch norm");
        assertThat(vm.batchNormProperty().get()).isFalse();
        assertThat(algorithm.modelFitProperty().get()).contains("FedBN", "batch norm on", "Task screen");

        vm.batchNormProperty().set(true);
        assertThat(doc.study().model().hasBatchNorm()).isTrue();
        assertThat(algorithm.modelFitProperty().get()).isEmpty();
        vm.filters().textProperty().set("8, 16");
        vm.hidden().textProperty().set("4");
        vm.taskProperty().set(ImagingSection.SEGMENTATION);
        assertThat(doc.study().model().type()).isEqualTo("unet");
        assertThat(doc.study().model().hasBatchNorm()).isTrue();

        vm.batchNormProperty().set(false);
        assertThat(doc.study().model().batchNorm()).isNull();
        doc.edit(st -> st.withModel(st.model().withBatchNorm(true)));
        assertThat(vm.batchNormProperty().get()).as("shows a study changed elsewhere").isTrue();
    }

    @Test
    void checksAsYouTypeAndWritesOnlyValidValues() {
        StudyDocument doc = sample("study.json");
        ImagingTaskViewModel vm = new ImagingTaskViewModel(doc);

        vm.height().textProperty().set("4");
        assertThat(vm.height().errorProperty().get()).isEqualTo("The input height must be from 8 up to 512");
        assertThat(vm.valid().get()).isFalse();
        assertThat(doc.study().imaging().size()).containsExactly(48, 48);
        vm.height().textProperty().set("64");
        assertThat(vm.valid().get()).isTrue();
        assertThat(doc.study().imaging().size()).containsExactly(64, 48);
        assertThat(doc.isDirty()).isTrue();

        vm.trainFraction().textProperty().set("1.5");
        assertThat(vm.trainFraction().errorProperty().get()).contains("The training share");
        vm.trainFraction().textProperty().set("0,6");
        assertThat(doc.study().imaging().trainFraction()).isEqualTo(0.6);

        vm.filters().textProperty().set("4,x");
        assertThat(vm.filters().errorProperty().get()).startsWith("Write whole numbers");
        vm.filters().textProperty().set("8, 16");
        assertThat(doc.study().model().filters()).containsExactly(8, 16);
        vm.hidden().textProperty().set("");
        assertThat(doc.study().model().hidden()).isEmpty();
        vm.seed().textProperty().set("7");
        assertThat(doc.study().seed()).isEqualTo(7L);
        assertThat(vm.valid().get()).isTrue();
    }

    @Test
    void aFixedWindowNeedsACentreAndAWidth() {
        StudyDocument doc = sample("study.json");
        ImagingTaskViewModel vm = new ImagingTaskViewModel(doc);
        vm.windowProperty().set("fixed");
        assertThat(doc.study().imaging().window()).isEqualTo("fixed");
        assertThat(vm.valid().get()).isFalse();
        assertThat(vm.windowCenter().errorProperty().get()).isEqualTo("The window centre must be a number");
        vm.windowCenter().textProperty().set("400");
        vm.windowWidth().textProperty().set("0.5");
        assertThat(vm.windowWidth().errorProperty().get()).contains("The window width must be from 1");
        vm.windowWidth().textProperty().set("800");
        assertThat(vm.valid().get()).isTrue();
        ImagingSection s = doc.study().imaging();
        assertThat(s.windowCenter()).isEqualTo(400.0);
        assertThat(s.windowWidth()).isEqualTo(800.0);
        s.preprocessing(); // the study's own check agrees

        vm.windowProperty().set("file");
        vm.windowWidth().textProperty().set("");
        assertThat(vm.valid().get()).as("not checked while unused").isTrue();
    }

    @Test
    void choosingSegmentationTakesTheUnetAndAugmentationCanBeSwitchedOff() {
        StudyDocument doc = sample("study.json");
        ImagingTaskViewModel vm = new ImagingTaskViewModel(doc);
        vm.taskProperty().set("segmentation");
        assertThat(doc.study().imaging().task()).isEqualTo("segmentation");
        assertThat(doc.study().model().type()).isEqualTo("unet");
        vm.hidden().textProperty().set("abc");
        assertThat(vm.valid().get()).as("dense sizes are not used by the U-Net").isTrue();
        vm.taskProperty().set("classification");
        assertThat(doc.study().model().type()).isEqualTo("cnn");
        assertThat(vm.hidden().textProperty().get()).as("the study's sizes again, not the unused text").isEqualTo("16");
        assertThat(vm.valid().get()).isTrue();

        ImagingSection.AugmentationSection before = doc.study().imaging().augmentation();
        vm.augmentationProperty().set(false);
        assertThat(doc.study().imaging().augmentation()).isNull();
        vm.augmentationProperty().set(true);
        assertThat(doc.study().imaging().augmentation()).isEqualTo(before);
    }

    @Test
    void followsAStudyOpenedLater() {
        StudyDocument doc = new StudyDocument();
        ImagingTaskViewModel vm = new ImagingTaskViewModel(doc);
        Study seg = StudyFile.load(ImagingFixtures.SAMPLE.resolve("study-segmentation.json"));
        doc.replace(seg, null);
        assertThat(vm.taskProperty().get()).isEqualTo("segmentation");
        assertThat(vm.augmentationProperty().get()).isFalse();
        assertThat(doc.isDirty()).as("showing a study is not a change").isFalse();
        assertThat(ImagingTaskViewModel.parseSizes(" 4, 8 ")).isEqualTo(List.of(4, 8));
    }
}
