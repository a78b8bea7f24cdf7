package org.medfed.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medfed.engine.BadInputException;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunListener;
import org.medfed.engine.RunStatus;
import org.medfed.node.DatasetCallHandler;
import org.medfed.node.ImageDataset;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.ProtocolJson;
import org.medfed.project.Study;
import org.medfed.testsupport.LoopbackFederation;
import org.medfed.testsupport.SmallImageStudies;
import org.medfed.testsupport.TestWorkers;

/**
 * The phantom sample studies with each hospital's images behind its own node on the loopback: the coordinator
 * agrees on the classes from counts only, and the run (model, every round's metrics, the hospitals' baselines,
 * the model card's image section) ends bit-identical to the simulation of the same folders.
 */
class ImageStudyThroughNodesTest {

    @Test
    void aClassificationOverNodesEqualsItsSimulationBitForBit() {
        assertNodesEqualSimulation(SmallImageStudies.classification());
    }

    @Test
    void aSegmentationOverNodesEqualsItsSimulationBitForBit() {
        assertNodesEqualSimulation(SmallImageStudies.segmentation());
    }

    @Test
    void aSegmentationAtAHospitalWithoutMasksIsRefusedInItsWords() {
        Study study = SmallImageStudies.segmentation();
        Study multi = SmallImageStudies.behindNodes(study);
        try (LoopbackFederation net = new LoopbackFederation("phantom", MultiSiteStudy.nodes(multi))) {
            for (ParticipantEntry p : study.participants()) {
                Path folder = SmallImageStudies.hospitalFolder(p);
                net.startNode(p.name(), new DatasetCallHandler(Map.of("phantom", new ImageDataset("phantom",
                        folder.resolve("images"), null, null, 1, null))));
            }
            assertThatThrownBy(() -> MultiSiteStudy.prepare(TestWorkers.shared(), multi, SmallImageStudies.STUDY, net.server.nodes(),
                    Duration.ofSeconds(20), "test-run", m -> { }))
                    .hasMessageContaining("hospital-a refused: dataset 'phantom' registers no masks folder");
        }
    }

    private static void assertNodesEqualSimulation(Study study) {
        StudyResult local = StudyRunner.run(TestWorkers.shared(), PreparedStudy.prepare(study, SmallImageStudies.STUDY),
                new RunOptions(null, null, true), RunListener.NONE, RunControl.free(), m -> { });

        Study multi = SmallImageStudies.behindNodes(study);
        try (LoopbackFederation net = new LoopbackFederation("phantom", MultiSiteStudy.nodes(multi))) {
            for (ParticipantEntry p : study.participants()) {
                net.startNode(p.name(), new DatasetCallHandler(Map.of("phantom",
                        SmallImageStudies.node(p, study, null))));
            }
            List<String> progress = new ArrayList<>();
            PreparedStudy prepared = MultiSiteStudy.prepare(TestWorkers.shared(), multi, SmallImageStudies.STUDY, net.server.nodes(),
                    Duration.ofSeconds(20), "test-run", progress::add);
            // the same agreement, as the model card records it, and the same counts and warnings
            assertThat(ProtocolJson.write(prepared.data().imagePreprocessing()))
                    .isEqualTo(ProtocolJson.write(local.prepared().data().imagePreprocessing()));
            assertThat(prepared.data().counts()).isEqualTo(local.prepared().data().counts());
            assertThat(prepared.data().warnings()).isEqualTo(local.prepared().data().warnings());
            assertThat(prepared.spec()).usingRecursiveComparison().isEqualTo(local.prepared().spec());

            StudyResult network = StudyRunner.run(TestWorkers.shared(), prepared, new RunOptions(null, null, true), RunListener.NONE,
                    RunControl.free(), progress::add);

            assertThat(network.history().status()).as(network.history().message()).isEqualTo(RunStatus.FINISHED);
            assertThat(network.history().rounds()).hasSameSizeAs(local.history().rounds());
            SameRun.assertNodesEqualSimulation(network, local);
            assertThat(progress).anyMatch(m -> m.startsWith("no pooled model"));
            assertThatThrownBy(() -> prepared.data().sites()).isInstanceOf(BadInputException.class);
        }
    }
}
