package org.medfed.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.testsupport.TestWorkers;
import org.medfed.engine.BadInputException;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunListener;
import org.medfed.engine.RunStatus;
import org.medfed.network.coordinator.CoordinatorServer;
import org.medfed.node.LocalHospitals;
import org.medfed.project.CoordinatorSection;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.ProtocolJson;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.testsupport.KitNodes;

/**
 * A mixed study: two hospitals of the heart sample behind real nodes started from a provisioned kit on the
 * loopback, two with their files here. It agrees on the same preprocessing, trains the same model round for round
 * and the same hospitals alone as the simulation of the four files, bit for bit; there is no pooled model.
 */
class MixedStudyTest {

    private static final Path SAMPLE = Path.of("sample-projects/heart-4-hospitals/study.json").toAbsolutePath();
    private static final List<String> BEHIND_NODES = List.of("city-general", "mountain-hospital");

    @TempDir
    Path tmp;

    /** {@code study} with the hospitals of BEHIND_NODES named by their node and its dataset "heart". */
    private static Study behindNodes(Study study) {
        List<ParticipantEntry> mixed = new ArrayList<>();
        for (ParticipantEntry p : study.participants()) {
            mixed.add(BEHIND_NODES.contains(p.name()) ? ParticipantEntry.remote(p.name(), p.name(), "heart") : p);
        }
        return study.withParticipants(mixed);
    }

    /** A coordinator listening with the kit of {@code nodes} for the nodes of {@code study}. */
    private static CoordinatorServer listen(KitNodes nodes, Study study, ExecutorService executor) {
        return CoordinatorListening.start(new CoordinatorSection(nodes.port, "127.0.0.1",
                nodes.coordinatorFolder().toString()), SAMPLE, MultiSiteStudy.nodes(study), executor);
    }

    @Test
    void aStudyWithHospitalsHereAndBehindNodesEqualsItsSimulationBitForBit() {
        Study sample = StudyFile.load(SAMPLE);
        Study study = sample.withTraining(sample.training().withRounds(3));
        StudyResult local = StudyRunner.run(TestWorkers.shared(), PreparedStudy.prepare(study, SAMPLE), new RunOptions(null, null, true),
                RunListener.NONE, RunControl.free(), m -> { });

        Study multi = behindNodes(study);
        assertThat(MultiSiteStudy.isMultiSite(multi)).isTrue();
        ExecutorService executor = Executors.newCachedThreadPool();
        try (KitNodes nodes = new KitNodes(tmp, "heart", BEHIND_NODES);
             CoordinatorServer server = listen(nodes, multi, executor)) {
            for (String h : BEHIND_NODES) {
                nodes.configure(h, StudyFile.resolve(SAMPLE, sample.participants().stream()
                        .filter(p -> p.name().equals(h)).findFirst().orElseThrow().data().get(0)), null);
                nodes.start(h);
            }
            var here = LocalHospitals.of(multi, SAMPLE);
            assertThat(here).containsOnlyKeys("rural-clinic", "heart-centre");
            PreparedStudy prepared = MultiSiteStudy.prepare(TestWorkers.shared(), multi, SAMPLE, server.nodes(), Duration.ofSeconds(30),
                    "mixed-test", m -> { }, here);
            assertThat(prepared.participantNames()).isEqualTo(local.prepared().participantNames());
            assertThat(ProtocolJson.write(prepared.data().tabularPreprocessing()))
                    .isEqualTo(ProtocolJson.write(local.prepared().data().tabularPreprocessing()));
            StudyResult network = StudyRunner.run(TestWorkers.shared(), prepared, new RunOptions(null, null, true), RunListener.NONE,
                    RunControl.free(), m -> { });

            assertThat(network.history().status()).as(network.history().message()).isEqualTo(RunStatus.FINISHED);
            assertThat(network.history().rounds()).hasSize(3);
            SameRun.assertNodesEqualSimulation(network, local);
            assertThat(network.baselines()).noneMatch(b -> b.row().equals(BaselineResult.POOLED));
            // the nodes served the two hospitals behind them; the others never dialled anything
            assertThat(server.nodes().links()).extracting(l -> l.node()).containsExactlyElementsOf(BEHIND_NODES);
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * A hospital's node reads its table with the import options of its {@code node.json}: here files exported
     * without a header, with ';' between values and decimal commas, in windows-1252. The run equals the simulation
     * of the sample's own files bit for bit, so every option was applied as the Participants screen applies it.
     */
    @Test
    void aNodeReadsItsTableWithItsOwnImportOptions() throws Exception {
        Study sample = StudyFile.load(SAMPLE);
        Study study = sample.withTraining(sample.training().withRounds(2));
        StudyResult local = StudyRunner.run(TestWorkers.shared(), PreparedStudy.prepare(study, SAMPLE),
                new RunOptions(null, null, false), RunListener.NONE, RunControl.free(), m -> { });

        Study multi = behindNodes(study);
        ExecutorService executor = Executors.newCachedThreadPool();
        try (KitNodes nodes = new KitNodes(tmp, "heart", BEHIND_NODES);
             CoordinatorServer server = listen(nodes, multi, executor)) {
            for (String h : BEHIND_NODES) {
                Path original = StudyFile.resolve(SAMPLE, sample.participants().stream()
                        .filter(p -> p.name().equals(h)).findFirst().orElseThrow().data().get(0));
                List<String> lines = java.nio.file.Files.readAllLines(original);
                StringBuilder european = new StringBuilder();
                for (String line : lines.subList(1, lines.size())) {
                    european.append(line.replace(',', ';').replace('.', ',')).append("\r\n");
                }
                Path export = tmp.resolve(h + "-export.csv");
                java.nio.file.Files.write(export, european.toString().getBytes(java.nio.charset.Charset.forName("windows-1252")));
                String names = java.util.Arrays.stream(lines.get(0).split(",")).map(n -> "\"" + n + "\"")
                        .collect(java.util.stream.Collectors.joining(", "));
                nodes.configure(h, export, "{\"separator\": \";\", \"header\": \"no\", \"decimalComma\": true, "
                        + "\"encoding\": \"windows-1252\", \"columnNames\": [" + names + "]}", null);
                nodes.start(h);
            }
            PreparedStudy prepared = MultiSiteStudy.prepare(TestWorkers.shared(), multi, SAMPLE, server.nodes(),
                    Duration.ofSeconds(30), "import-options-test", m -> { }, LocalHospitals.of(multi, SAMPLE));
            assertThat(ProtocolJson.write(prepared.data().tabularPreprocessing()))
                    .isEqualTo(ProtocolJson.write(local.prepared().data().tabularPreprocessing()));
            StudyResult network = StudyRunner.run(TestWorkers.shared(), prepared, new RunOptions(null, null, false),
                    RunListener.NONE, RunControl.free(), m -> { });
            assertThat(network.history().status()).as(network.history().message()).isEqualTo(RunStatus.FINISHED);
            SameRun.assertNodesEqualSimulation(network, local);
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * A node whose table is missing cannot start; it tells the coordinator why before it stops, so that the researcher
     * reads the hospital's reason at once instead of waiting ten minutes for a node that will not come.
     */
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void aNodeThatCannotReadItsTableTellsTheCoordinatorWhoStopsWaitingForIt() throws InterruptedException {
        Study sample = StudyFile.load(SAMPLE);
        Study multi = behindNodes(sample);
        ExecutorService executor = Executors.newCachedThreadPool();
        try (KitNodes nodes = new KitNodes(tmp, "heart", BEHIND_NODES);
             CoordinatorServer server = listen(nodes, multi, executor)) {
            List<String> changes = java.util.Collections.synchronizedList(new ArrayList<>());
            server.nodes().onChange(c -> changes.add(c.describe()));
            nodes.configure("city-general", StudyFile.resolve(SAMPLE, "data/city-general.csv"), null);
            nodes.start("city-general");
            Path moved = tmp.resolve("moved-away.csv");
            nodes.configure("mountain-hospital", moved, null);
            assertThatThrownBy(() -> nodes.start("mountain-hospital")).isInstanceOf(BadInputException.class)
                    .hasMessageContaining("moved-away.csv");
            assertThat(nodes.log).anyMatch(l -> l.startsWith("mountain-hospital: told the coordinator"));

            long start = System.nanoTime();
            assertThatThrownBy(() -> MultiSiteStudy.prepare(TestWorkers.shared(), multi, SAMPLE, server.nodes(),
                    Duration.ofMinutes(10), "cannot-serve-test", m -> { }, LocalHospitals.of(multi, SAMPLE)))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("node mountain-hospital cannot take part: ")
                    .hasMessageContaining("moved-away.csv")
                    .hasMessageContaining("start its node again")
                    .hasMessageNotContaining("did not connect");
            // it did not wait out its ten minutes (the test's own limit is two)
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
            assertThat(changes).anyMatch(c -> c.startsWith("node mountain-hospital cannot take part: ")
                    && c.contains("moved-away.csv"));
            assertThat(server.nodes().links()).extracting(l -> l.node()).containsExactly("city-general");

            // mended and started again, the node is welcome: its earlier word no longer stands
            nodes.configure("mountain-hospital", StudyFile.resolve(SAMPLE, "data/mountain-hospital.csv"), null);
            nodes.start("mountain-hospital");
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (server.nodes().link("mountain-hospital").isEmpty() && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(server.nodes().cannotServe("mountain-hospital")).isEmpty();
            assertThat(server.nodes().awaitAll(BEHIND_NODES, Duration.ofSeconds(30))).isEmpty();
        } finally {
            executor.shutdownNow();
        }
    }

    /** A hospital whose policy stops after round 2 of a study of 3 says so when the study opens, before round 1. */
    @Test
    void aNodesLimitOfRoundsBelowTheStudysIsAWarningBeforeRoundOne() throws InterruptedException {
        Study sample = StudyFile.load(SAMPLE);
        Study study = sample.withTraining(sample.training().withRounds(3));
        Study multi = behindNodes(study);
        ExecutorService executor = Executors.newCachedThreadPool();
        try (KitNodes nodes = new KitNodes(tmp, "heart", BEHIND_NODES);
             CoordinatorServer server = listen(nodes, multi, executor)) {
            nodes.configure("city-general", StudyFile.resolve(SAMPLE, "data/city-general.csv"), null);
            nodes.configure("mountain-hospital", StudyFile.resolve(SAMPLE, "data/mountain-hospital.csv"),
                    "{\"dataKinds\": [\"table\"], \"procedures\": null, \"minimumCount\": 5, "
                            + "\"requireDifferentialPrivacy\": false, \"maxEpsilon\": null, \"maxRounds\": 2}");
            BEHIND_NODES.forEach(nodes::start);
            PreparedStudy prepared = MultiSiteStudy.prepare(TestWorkers.shared(), multi, SAMPLE, server.nodes(),
                    Duration.ofSeconds(30), "rounds-test", m -> { }, LocalHospitals.of(multi, SAMPLE));
            assertThat(prepared.data().warnings()).filteredOn(w -> w.contains("policy"))
                    .containsExactly("mountain-hospital: its policy takes part in rounds 1 to 2 only (maxRounds in its "
                            + "node.json), and this study plans 3: from round 3 on it refuses every request, so those "
                            + "rounds go on without it and the final results will not include it; run 2 rounds "
                            + "(--rounds 2), or ask the hospital to raise its limit");

            // the coordinator's end is told to the hospitals in its words, not as a failure
            server.closingBecause("the coordinator's run of the study is over");
            server.close();
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (nodes.log.stream().noneMatch(l -> l.startsWith("mountain-hospital: the coordinator closed"))
                    && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(nodes.log).contains("mountain-hospital: the coordinator closed the connection: the coordinator's "
                    + "run of the study is over; this node waits for it to listen again");
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * A hospital whose node requires differential privacy takes part in a study whose client-level noise the hospitals
     * add (what --dp-noise-at-hospitals sets), and refuses, naming that remedy, the same study with the noise added at
     * the coordinator.
     */
    @Test
    void aNodeThatRequiresDpServesClientLevelNoiseAddedAtTheHospitalsAndNamesItWhenRefusing() {
        Study sample = StudyFile.load(SAMPLE);
        Study base = behindNodes(sample.withTraining(sample.training().withRounds(2)));
        ExecutorService executor = Executors.newCachedThreadPool();
        try (KitNodes nodes = new KitNodes(tmp, "heart", BEHIND_NODES);
             CoordinatorServer server = listen(nodes, base, executor)) {
            nodes.configure("city-general", StudyFile.resolve(SAMPLE, "data/city-general.csv"), null);
            nodes.configure("mountain-hospital", StudyFile.resolve(SAMPLE, "data/mountain-hospital.csv"),
                    "{\"dataKinds\": [\"table\"], \"procedures\": null, \"minimumCount\": 5, "
                            + "\"requireDifferentialPrivacy\": true, \"maxEpsilon\": null, \"maxRounds\": 100}");
            BEHIND_NODES.forEach(nodes::start);
            for (String placement : List.of("participants", "aggregator")) {
                Study study = base.withPrivacy(new org.medfed.project.PrivacySection(
                        new org.medfed.project.PrivacySection.DpSection(null, null, null, 8.0, placement, null),
                        null, null, null));
                PreparedStudy prepared = MultiSiteStudy.prepare(TestWorkers.shared(), study, SAMPLE, server.nodes(),
                        Duration.ofSeconds(30), "dp-" + placement, m -> { }, LocalHospitals.of(study, SAMPLE));
                StudyResult r = StudyRunner.run(TestWorkers.shared(), prepared, new RunOptions(null, null, false),
                        RunListener.NONE, RunControl.free(), m -> { });
                if (placement.equals("participants")) {
                    assertThat(r.history().neverMerged()).as(r.history().message()).isEmpty();
                } else {
                    assertThat(r.history().neverMerged()).containsOnlyKeys("mountain-hospital");
                    assertThat(r.history().neverMerged().get("mountain-hospital"))
                            .contains("requires differential privacy").contains("--dp-noise-at-hospitals");
                }
            }
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * A node that leaves once the rounds are over is left out of the comparison with each hospital alone, in words;
     * the federated run and the other hospitals' own models stand (the workbench once lost the whole run).
     */
    @Test
    void aNodeAwayForTheComparisonIsLeftOutOfItAndTheRunStands() {
        Study sample = StudyFile.load(SAMPLE);
        Study multi = behindNodes(sample.withTraining(sample.training().withRounds(2)));
        ExecutorService executor = Executors.newCachedThreadPool();
        try (KitNodes nodes = new KitNodes(tmp, "heart", BEHIND_NODES);
             CoordinatorServer server = listen(nodes, multi, executor)) {
            for (String h : BEHIND_NODES) {
                nodes.configure(h, StudyFile.resolve(SAMPLE, "data/" + h + ".csv"), null);
                nodes.start(h);
            }
            PreparedStudy prepared = MultiSiteStudy.prepare(TestWorkers.shared(), multi, SAMPLE, server.nodes(),
                    Duration.ofSeconds(30), "away-test", m -> { }, LocalHospitals.of(multi, SAMPLE));
            List<String> progress = java.util.Collections.synchronizedList(new ArrayList<>());
            RunListener stopsMountainAtTheEnd = e -> {
                if (e instanceof org.medfed.engine.RunEvent.RunFinished) {
                    nodes.stop("mountain-hospital");
                }
            };
            StudyResult r = StudyRunner.run(TestWorkers.shared(), prepared, new RunOptions(null, null, true),
                    stopsMountainAtTheEnd, RunControl.free(), progress::add);

            assertThat(r.history().status()).isEqualTo(RunStatus.FINISHED);
            assertThat(r.baselines()).extracting(BaselineResult::row).contains("local:city-general")
                    .doesNotContain("local:mountain-hospital");
            assertThat(r.baselines()).allSatisfy(b -> assertThat(b.test()).doesNotContainKey("mountain-hospital"));
            assertThat(progress).anyMatch(l -> l.startsWith("mountain-hospital is left out of the comparison with "
                    + "each hospital alone: mountain-hospital: its node 'mountain-hospital' is not connected"));
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * A node the coordinator refuses stops dialling: the wait for it ends at once, with the refusal as the reason, when
     * the refused node is certainly that hospital's (here: set up for another study).
     */
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void aRefusedNodeEndsTheWaitWithTheRefusal() throws Exception {
        Study multi = behindNodes(StudyFile.load(SAMPLE));
        ExecutorService executor = Executors.newCachedThreadPool();
        try (KitNodes nodes = new KitNodes(tmp, "heart", BEHIND_NODES);
             CoordinatorServer server = listen(nodes, multi, executor)) {
            nodes.configure("city-general", StudyFile.resolve(SAMPLE, "data/city-general.csv"), null);
            nodes.start("city-general");
            nodes.configure("mountain-hospital", StudyFile.resolve(SAMPLE, "data/mountain-hospital.csv"), null);
            Path config = org.medfed.network.provision.KitLayout.hospitalFolder(nodes.kit, "mountain-hospital")
                    .resolve(org.medfed.network.provision.KitLayout.NODE_CONFIG);
            java.nio.file.Files.writeString(config, java.nio.file.Files.readString(config)
                    .replace("\"study\": \"heart\"", "\"study\": \"heart-2025\""));
            nodes.start("mountain-hospital");
            assertThatThrownBy(() -> MultiSiteStudy.prepare(TestWorkers.shared(), multi, SAMPLE, server.nodes(),
                    Duration.ofMinutes(10), "refused-test", m -> { }, LocalHospitals.of(multi, SAMPLE)))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("node mountain-hospital cannot take part: refused: this coordinator runs the "
                            + "study 'heart', but node 'mountain-hospital' is set up for the study 'heart-2025'");
        } finally {
            executor.shutdownNow();
        }
    }
}
