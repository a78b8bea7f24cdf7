package org.medfed.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.data.harmonise.SiteMapping;
import org.medfed.node.DatasetCallHandler;
import org.medfed.node.TableDataset;
import org.medfed.project.DataSection;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.ProtocolJson;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.testsupport.LoopbackFederation;
import org.medfed.testsupport.MixedCoding;
import org.medfed.testsupport.TestWorkers;

/**
 * A hospital's mapping travels to its node with the study (its own entry only) and the node applies it to the
 * table it reads: the mixed-coding study agrees on the same two classes and the same preprocessing over nodes as in
 * the simulation.
 */
class MappingOverNodesTest {

    @TempDir
    Path tmp;

    @Test
    void theNodeAppliesItsHospitalsMappingAsTheSimulationDoes() {
        List<Path> files = MixedCoding.write(tmp);
        SiteMapping rural = new SiteMapping(null, Map.of("class", Map.of("benign", "2", "malignant", "4")), null);
        List<ParticipantEntry> local = new ArrayList<>();
        List<ParticipantEntry> remote = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String name = MixedCoding.HOSPITALS.get(i);
            ParticipantEntry p = new ParticipantEntry(name, files.get(i).getFileName().toString());
            ParticipantEntry r = ParticipantEntry.remote(name, name + "-node", "breast");
            local.add(i == 2 ? p.withMapping(rural) : p);
            remote.add(i == 2 ? r.withMapping(rural) : r);
        }
        Path studyFile = tmp.resolve("study.json");
        Study study = Study.empty().withData(DataSection.forLabel("class")).withParticipants(local);
        PreparedStudy simulated = PreparedStudy.prepare(study, studyFile);
        assertThat(simulated.data().classes()).containsExactly("2", "4");

        Study multi = study.withParticipants(remote);
        try (LoopbackFederation net = new LoopbackFederation("breast", MultiSiteStudy.nodes(multi))) {
            for (int i = 0; i < files.size(); i++) {
                net.startNode(MixedCoding.HOSPITALS.get(i) + "-node", new DatasetCallHandler(Map.of("breast",
                        new TableDataset("breast", files.get(i), null, 1, null))));
            }
            PreparedStudy prepared = MultiSiteStudy.prepare(TestWorkers.shared(), multi, studyFile, net.server.nodes(),
                    Duration.ofSeconds(20), "test-run", m -> { });
            assertThat(prepared.data().classes()).containsExactly("2", "4");
            assertThat(ProtocolJson.write(prepared.data().tabularPreprocessing()))
                    .isEqualTo(ProtocolJson.write(simulated.data().tabularPreprocessing()));
        }
    }
}
