package org.medfed.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.data.image.ImageAgreement;
import org.medfed.data.image.ImageSummary;
import org.medfed.engine.DataSplit;
import org.medfed.engine.Evaluation;
import org.medfed.engine.EvaluationRequest;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RunControl;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.ProtocolException;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.model.ModelSpec;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.ProtocolJson;
import org.medfed.project.Study;
import org.medfed.study.StudyRunner;
import org.medfed.testsupport.SmallImageStudies;

/** A node's image folder: summaries of counts only, and a restarted node that rebuilds the same model. */
class ImageDatasetTest {

    private static final Study STUDY = SmallImageStudies.classification();
    private static final ParticipantEntry HOSPITAL_A = STUDY.participants().get(0);
    private static final ImageAgreement AGREED = new ImageAgreement(List.of("lesion", "no-lesion"), List.of(1, 16, 16));

    @TempDir
    Path state;

    private static Params call(ImageDataset d, Procedure p, Params params) {
        return d.handle(SiteRequest.of(0, p, params), RunControl.free());
    }

    private static void open(ImageDataset d, String run) {
        call(d, Procedure.IMAGES_OPEN, Params.builder().text("study", ProtocolJson.write(STUDY.withParticipants(
                List.of()))).text("participant", HOSPITAL_A.name()).text("run", run).build());
    }

    private static ImageSummary summary(ImageDataset d) {
        return ProtocolJson.read(call(d, Procedure.IMAGES_SUMMARY, Params.EMPTY).text("json"), ImageSummary.class);
    }

    private static Params openModel(ImageDataset d) {
        return call(d, Procedure.MODEL_OPEN, Params.builder().text("json", ProtocolJson.write(AGREED)).build());
    }

    @Test
    void theSummaryNamesClassesAndCountsAndWithholdsCountsUnderTheMinimum() {
        Path folder = SmallImageStudies.hospitalFolder(HOSPITAL_A);
        ImageDataset all = new ImageDataset("phantom", folder.resolve("images"), null, null, 1, null);
        open(all, "r");
        ImageSummary s = summary(all);
        // hospital-a: 40 images, half with a lesion
        assertThat(s.classes()).containsExactly("lesion", "no-lesion");
        assertThat(s.imagesPerClass()).containsEntry("lesion", 20).containsEntry("no-lesion", 20);
        assertThat(s.withheld()).isEmpty();
        assertThat(s.inputShape()).containsExactly(1, 16, 16);

        ImageDataset cautious = new ImageDataset("phantom", folder.resolve("images"), null, null, 25, null);
        open(cautious, "r");
        ImageSummary withheld = summary(cautious);
        assertThat(withheld.imagesPerClass()).isEmpty();
        assertThat(withheld.withheld()).containsExactly("lesion", "no-lesion");
        assertThat(withheld.has("lesion")).isTrue();

        // labels from the hospital's manifest give the same classes and counts as its class folders
        ImageDataset listed = new ImageDataset("phantom", folder.resolve("images"), folder.resolve("manifest.csv"),
                null, 1, null);
        open(listed, "r");
        assertThat(summary(listed)).isEqualTo(s);
    }

    @Test
    void nothingButOpeningComesBeforeTheStudyIsOpened() {
        ImageDataset d = SmallImageStudies.node(HOSPITAL_A, STUDY, null);
        assertThatThrownBy(() -> summary(d)).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("has not been opened for a study");
        open(d, "r");
        assertThatThrownBy(() -> d.handle(EvaluationRequest.of(0, ModelVector.wrap(new float[3]), DataSplit.TEST),
                RunControl.free())).isInstanceOf(ProtocolException.class)
                .hasMessageContaining("before the model was set up");
    }

    @Test
    void aRestartedNodeRebuildsTheSameImagesSplitAndModelFromItsSessionFile() {
        Path session = state.resolve("phantom.session.json");
        ImageDataset before = SmallImageStudies.node(HOSPITAL_A, STUDY, session);
        open(before, "run-1");
        summary(before);
        Params sizes = openModel(before);
        // 40 images: 30 for training (+ 30 augmented copies), 10 for testing
        assertThat(sizes.integer("train_size")).isEqualTo(60);
        assertThat(sizes.integer("test_size")).isEqualTo(10);
        assertThat(sizes.text("note")).isEqualTo("30 training images + 30 augmented copies");

        ModelSpec spec = STUDY.model().toSpec(new int[] {1, 16, 16}, 2);
        ModelVector initial = StudyRunner.initialModel(spec, 42);
        SiteRequest evaluate = EvaluationRequest.of(1, initial, DataSplit.TEST);
        SiteRequest baseline = SiteRequest.of(0, Procedure.BASELINE_TRAIN, Params.builder()
                .all(STUDY.baselines().localTraining(7).toParams()).floats("model", initial.toArray()).build());
        Evaluation evaluated = Evaluation.fromReply(before.handle(evaluate, RunControl.free()));
        float[] trained = before.handle(baseline, RunControl.free()).floats("model");

        ImageDataset after = SmallImageStudies.node(HOSPITAL_A, STUDY, session);
        assertThat(after.trainSize()).isEqualTo(60);
        assertThat(Evaluation.fromReply(after.handle(evaluate, RunControl.free()))).isEqualTo(evaluated);
        assertThat(after.handle(baseline, RunControl.free()).floats("model")).isEqualTo(trained);
    }
}
