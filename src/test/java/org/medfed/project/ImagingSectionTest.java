package org.medfed.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.data.image.Normalisation;
import org.medfed.data.image.Windowing;
import org.medfed.engine.BadInputException;

class ImagingSectionTest {

    @TempDir
    Path dir;

    @Test
    void anImagingStudySavesAndLoadsBackEqualAndOlderFilesHaveNoImagingSection() throws Exception {
        ImagingSection imaging = new ImagingSection("manifest", "segmentation", null, "list.csv", "labels", List.of("a", "b"),
                "fixed", 40.0, 400.0, List.of(32, 24), 1, "fixed", 0.5, 0.25,
                new ImagingSection.AugmentationSection(true, false, 5.0, 2, 3L), 0.8, 9L);
        Study study = Study.empty().withName("img").withParticipants(List.of(new ParticipantEntry("h", "data/h")))
                .withImaging(imaging).withModel(new ModelSection("unet", List.of(), List.of(4, 8)));
        Path file = dir.resolve("study.json");
        StudyFile.save(study, file);
        Study loaded = StudyFile.load(file);
        assertThat(loaded).isEqualTo(study);
        assertThat(loaded.dataType()).isEqualTo("images");
        assertThat(Files.readString(file)).contains("\"imaging\"", "\"filters\" : [ 4, 8 ]");
        assertThat(StudyFile.load(Path.of("sample-projects/heart-4-hospitals/study.json")).imaging()).isNull();

        var p = imaging.preprocessing();
        assertThat(p.height()).isEqualTo(32);
        assertThat(p.width()).isEqualTo(24);
        assertThat(p.windowing().mode()).isEqualTo(Windowing.Mode.FIXED);
        assertThat(p.normalisation()).isEqualTo(Normalisation.fixed(0.5, 0.25));
        assertThat(imaging.inputShape()).containsExactly(1, 32, 24);
    }

    @Test
    void batchNormIsWrittenOnlyWhenOnAndLoadsBackIntoTheModel() throws Exception {
        Study study = Study.empty().withName("img").withParticipants(List.of(new ParticipantEntry("h", "data/h")))
                .withModel(new ModelSection("cnn", List.of(16), List.of(4, 8)).withBatchNorm(true));
        Path file = dir.resolve("bn.json");
        StudyFile.save(study, file);
        assertThat(Files.readString(file)).contains("\"batchNorm\" : true");
        Study loaded = StudyFile.load(file);
        assertThat(loaded).isEqualTo(study);
        assertThat(loaded.model().toSpec(new int[] {1, 16, 16}, 2).batchNorm()).isTrue();
        StudyFile.save(study.withModel(study.model().withBatchNorm(false)), file);
        assertThat(Files.readString(file)).doesNotContain("batchNorm");
        assertThatThrownBy(() -> new ModelSection("mlp", List.of(4)).withBatchNorm(true).toSpec(new int[] {1, 8, 8}, 2))
                .isInstanceOf(BadInputException.class).hasMessageContaining("batchNorm").hasMessageContaining("image model");
    }

    @Test
    void wrongSettingsAreNamedWhenTheStudyLoads() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{ \"schemaVersion\" : 1, \"dataType\" : \"images\", \"participants\" : [ { \"name\" : \"h\", \"data\" : [ \"h\" ] } ],"
                + " \"imaging\" : { \"window\" : \"auto\" } }");
        assertThatThrownBy(() -> StudyFile.load(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("bad.json").hasMessageContaining("window \"auto\" is unknown; expected file, none or fixed");
        Files.writeString(file, "{ \"schemaVersion\" : 1, \"dataType\" : \"images\", \"participants\" : [ { \"name\" : \"h\", \"data\" : [ \"h\" ] } ],"
                + " \"imaging\" : { \"size\" : [ 28 ] } }");
        assertThatThrownBy(() -> StudyFile.load(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("imaging size must be [height, width]");
    }
}
