package org.medfed.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.BadInputException;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunListener;
import org.medfed.engine.RunStatus;
import org.medfed.node.DatasetCallHandler;
import org.medfed.node.GenotypeDataset;
import org.medfed.node.TableDataset;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.PrivacySection;
import org.medfed.project.ProtocolJson;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.testsupport.LoopbackFederation;
import org.medfed.testsupport.TestWorkers;

/**
 * The sample study with each hospital's table behind its own node on the loopback: the coordinator prepares it
 * from summaries only and the run ends bit-identical to the simulation of the same files.
 */
class MultiSiteStudyTest {

    private static final Path SAMPLE = Path.of("sample-projects/heart-4-hospitals/study.json");

    @TempDir
    Path tmp;

    private static Study remote(Study study) {
        List<ParticipantEntry> remote = new ArrayList<>();
        for (ParticipantEntry p : study.participants()) {
            remote.add(ParticipantEntry.remote(p.name(), p.name() + "-node", "heart"));
        }
        return study.withParticipants(remote);
    }

    private static StudyResult simulate(Study study) {
        return StudyRunner.run(TestWorkers.shared(), PreparedStudy.prepare(study, SAMPLE.toAbsolutePath()),
                new RunOptions(null, null, true), RunListener.NONE, RunControl.free(), m -> { });
    }

    @Test
    void aStudyOverNodesEqualsItsSimulationBitForBit() {
        Study study = StudyFile.load(SAMPLE);
        assertNodesEqualSimulation(study.withTraining(study.training().withRounds(4)));
    }

    @Test
    void dpSgdAtTheHospitalsAndARobustRuleOverNodesEqualTheirSimulation() {
        // DP-SGD's settings travel and each node rebuilds it; seeded randomness, so both runs draw the same noise
        Study study = StudyFile.load(SAMPLE);
        study = study.withTraining(study.training().withRounds(3))
                .withPrivacy(new PrivacySection(null, null, null, null, "seeded")
                        .withDpSgd(new PrivacySection.DpSgdSection(1.0, 1.1, null, 1e-5)))
                .withDefence(new org.medfed.project.DefenceSection("median", null));
        assertNodesEqualSimulation(study);
    }

    @Test
    void aGenotypeRiskModelOverNodesEqualsItsSimulationBitForBit() {
        // each node builds its table itself from the VCF and phenotype sheet it registers
        Path sample = Path.of("sample-projects/genotypes-4-hospitals/study.json").toAbsolutePath();
        Study study = StudyFile.load(sample);
        study = study.withTraining(study.training().withRounds(3));
        StudyResult local = StudyRunner.run(TestWorkers.shared(), PreparedStudy.prepare(study, sample), new RunOptions(null, null, true),
                RunListener.NONE, RunControl.free(), m -> { });

        List<ParticipantEntry> remote = new ArrayList<>();
        for (ParticipantEntry p : study.participants()) {
            remote.add(ParticipantEntry.remote(p.name(), p.name() + "-node", "geno"));
        }
        Study multi = study.withParticipants(remote);
        try (LoopbackFederation net = new LoopbackFederation("genetics", MultiSiteStudy.nodes(multi))) {
            for (ParticipantEntry p : study.participants()) {
                net.startNode(p.name() + "-node", new DatasetCallHandler(Map.of("geno", new GenotypeDataset("geno",
                        StudyFile.resolve(sample, p.data().get(0)), StudyFile.resolve(sample, p.data().get(1)),
                        tmp.resolve(p.name() + "-work"), 1, null, org.medfed.concurrency.InOrder.HERE, m -> { }))));
            }
            PreparedStudy prepared = MultiSiteStudy.prepare(TestWorkers.shared(), multi, sample, net.server.nodes(),
                    Duration.ofSeconds(20), "test-run", m -> { });
            assertThat(ProtocolJson.write(prepared.data().tabularPreprocessing()))
                    .isEqualTo(ProtocolJson.write(local.prepared().data().tabularPreprocessing()));
            assertThat(prepared.data().counts()).extracting(SiteCounts::trainSize)
                    .isEqualTo(local.prepared().data().counts().stream().map(SiteCounts::trainSize).toList());
            StudyResult network = StudyRunner.run(TestWorkers.shared(), prepared, new RunOptions(null, null, true), RunListener.NONE,
                    RunControl.free(), m -> { });

            assertThat(network.history().status()).as(network.history().message()).isEqualTo(RunStatus.FINISHED);
            assertThat(network.history().rounds()).hasSize(3);
            SameRun.assertNodesEqualSimulation(network, local);
        }
    }

    @Test
    void aDatasetTheNodeDoesNotRegisterIsNamedWithTheNode() {
        Study study = StudyFile.load(SAMPLE);
        List<ParticipantEntry> remote = new ArrayList<>(remote(study).participants());
        remote.set(1, ParticipantEntry.remote("rural-clinic", "rural-clinic-node", "lungs"));
        Study multi = study.withParticipants(remote);
        try (LoopbackFederation net = new LoopbackFederation("heart", MultiSiteStudy.nodes(multi))) {
            for (ParticipantEntry p : study.participants()) {
                Path file = StudyFile.resolve(SAMPLE.toAbsolutePath(), p.data().get(0));
                net.startNode(p.name() + "-node", new DatasetCallHandler(Map.of("heart",
                        new TableDataset("heart", file, null, 1, null))));
            }
            assertThatThrownBy(() -> MultiSiteStudy.prepare(TestWorkers.shared(), multi, SAMPLE.toAbsolutePath(), net.server.nodes(),
                    Duration.ofSeconds(20), "test-run", m -> { }))
                    .isInstanceOf(org.medfed.engine.SiteFailure.class)
                    .hasMessage("rural-clinic-node: this node has no dataset 'lungs'; it registers 'heart' (the \"id\" of "
                            + "each entry of its node.json's \"datasets\"): name one of them as this hospital's "
                            + "\"dataset\" in the study");
        }
    }

    /** A measurement as the label: every value would leave the hospital as a class name, and the node refuses. */
    @Test
    void aNodeRefusesToSendAMeasurementAsClassNames() {
        Study study = StudyFile.load(SAMPLE);
        Study multi = remote(study).withData(study.data().withLabel("systolic_bp"));
        try (LoopbackFederation net = new LoopbackFederation("heart", MultiSiteStudy.nodes(multi))) {
            for (ParticipantEntry p : study.participants()) {
                Path file = StudyFile.resolve(SAMPLE.toAbsolutePath(), p.data().get(0));
                net.startNode(p.name() + "-node", new DatasetCallHandler(Map.of("heart",
                        new TableDataset("heart", file, null, 1, null))));
            }
            assertThatThrownBy(() -> MultiSiteStudy.prepare(TestWorkers.shared(), multi, SAMPLE.toAbsolutePath(),
                    net.server.nodes(), Duration.ofSeconds(20), "test-run", m -> { }))
                    .hasMessageContaining("label column 'systolic_bp' has ")
                    .hasMessageContaining("different values: a classification predicts one of a few classes");
        }
    }

    private static void assertNodesEqualSimulation(Study study) {
        StudyResult local = simulate(study);

        Study multi = remote(study);
        List<String> nodes = MultiSiteStudy.nodes(multi);
        try (LoopbackFederation net = new LoopbackFederation("heart", nodes)) {
            for (ParticipantEntry p : study.participants()) {
                Path file = StudyFile.resolve(SAMPLE.toAbsolutePath(), p.data().get(0));
                net.startNode(p.name() + "-node", new DatasetCallHandler(Map.of("heart",
                        new TableDataset("heart", file, null, 1, null))));
            }
            List<String> progress = new ArrayList<>();
            PreparedStudy prepared = MultiSiteStudy.prepare(TestWorkers.shared(), multi, SAMPLE.toAbsolutePath(), net.server.nodes(),
                    Duration.ofSeconds(20), "test-run", progress::add);
            // the same agreement, number for number (JSON writes each double in its exact shortest form)
            assertThat(ProtocolJson.write(prepared.data().tabularPreprocessing()))
                    .isEqualTo(ProtocolJson.write(local.prepared().data().tabularPreprocessing()));
            assertThat(prepared.data().counts()).extracting(SiteCounts::trainSize)
                    .isEqualTo(local.prepared().data().counts().stream().map(SiteCounts::trainSize).toList());
            StudyResult network = StudyRunner.run(TestWorkers.shared(), prepared, new RunOptions(null, null, true), RunListener.NONE,
                    RunControl.free(), progress::add);

            assertThat(network.history().status()).as(network.history().message()).isEqualTo(RunStatus.FINISHED);
            SameRun.assertNodesEqualSimulation(network, local);
            assertThat(progress).anyMatch(m -> m.startsWith("no pooled model"));
            assertThatThrownBy(() -> prepared.data().pooledTraining()).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("without moving the rows");
        }
    }

    @Test
    void aHospitalWithBothNodeAndFilesOrAnAttackIsRefusedBeforeAnythingRuns() {
        Study study = StudyFile.load(SAMPLE);
        List<ParticipantEntry> mixed = new ArrayList<>(remote(study).participants());
        mixed.set(0, study.participants().get(0));
        try (LoopbackFederation net = new LoopbackFederation("heart", List.of())) {
            assertThatThrownBy(() -> MultiSiteStudy.prepare(TestWorkers.shared(), study.withParticipants(mixed), SAMPLE,
                    net.server.nodes(), Duration.ofSeconds(1), "test-run", m -> { }))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("participant 'city-general' has data files while others are behind nodes");
            List<ParticipantEntry> waiting = remote(study).participants();
            assertThatThrownBy(() -> MultiSiteStudy.prepare(TestWorkers.shared(), study.withParticipants(waiting), SAMPLE,
                    net.server.nodes(), Duration.ofMillis(200), "test-run", m -> { }))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("nodes did not connect within 0 s: city-general-node, heart-centre-node");
        }
    }
}
