package org.medfed.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunListener;
import org.medfed.engine.RunStatus;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Procedure;
import org.medfed.engine.protocol.SiteRequest;
import org.medfed.engine.protocol.Value;
import org.medfed.network.node.CallHandler;
import org.medfed.node.DatasetCallHandler;
import org.medfed.node.TableDataset;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.PrivacySection;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.testsupport.LoopbackFederation;
import org.medfed.testsupport.SmallImageStudies;
import org.medfed.testsupport.TestWorkers;

/**
 * Every message the hospitals' nodes send during a whole multi-site study, captured: nothing row-level leaves, and
 * no pixel. Replies are model-sized vectors, summaries and metrics; under secure aggregation the updates the coordinator
 * receives are masked.
 */
class WhatLeavesAHospitalTest {

    private static final Path SAMPLE = Path.of("sample-projects/heart-4-hospitals/study.json").toAbsolutePath();

    /** One reply as it left a node, with the request it answered. */
    private record Sent(String node, SiteRequest request, Params reply) {
    }

    private static List<Sent> runCapturing(Study study) throws Exception {
        List<ParticipantEntry> remote = new ArrayList<>();
        for (ParticipantEntry p : study.participants()) {
            remote.add(ParticipantEntry.remote(p.name(), p.name(), "heart"));
        }
        Study multi = study.withParticipants(remote).withTraining(study.training().withRounds(3));
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        try (LoopbackFederation net = new LoopbackFederation("capture", MultiSiteStudy.nodes(multi))) {
            for (ParticipantEntry p : study.participants()) {
                CallHandler served = new DatasetCallHandler(Map.of("heart", new TableDataset("heart",
                        StudyFile.resolve(SAMPLE, p.data().get(0)), null, 5, null)));
                net.startNode(p.name(), (dataset, request, control) -> {
                    Params reply = served.handle(dataset, request, control);
                    sent.add(new Sent(p.name(), request, reply));
                    return reply;
                });
            }
            PreparedStudy prepared = MultiSiteStudy.prepare(TestWorkers.shared(), multi, SAMPLE, net.server.nodes(),
                    Duration.ofSeconds(20), "capture", m -> { });
            StudyResult result = StudyRunner.run(TestWorkers.shared(), prepared, new RunOptions(null, null, true), RunListener.NONE,
                    RunControl.free(), m -> { });
            assertThat(result.history().status()).as(result.history().message()).isEqualTo(RunStatus.FINISHED);
            assertThat(prepared.spec().parameterCount()).isPositive();
            return List.copyOf(sent);
        }
    }

    /** Every single cell of every hospital's file, as text: none may appear in a reply's text. */
    private static Set<String> cells(Study study) throws Exception {
        Set<String> out = new HashSet<>();
        for (ParticipantEntry p : study.participants()) {
            List<String> lines = Files.readAllLines(StudyFile.resolve(SAMPLE, p.data().get(0)));
            for (String line : lines.subList(1, lines.size())) {
                for (String cell : line.split(",")) {
                    // numbers with a fraction identify a row; small integers and words are levels or counts
                    if (cell.contains(".")) {
                        out.add(cell);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void onlyModelSizedVectorsSummariesAndMetricsLeave() throws Exception {
        Study study = StudyFile.load(SAMPLE);
        List<Sent> sent = runCapturing(study);
        Set<String> cells = cells(study);
        assertThat(sent).isNotEmpty();
        for (Sent s : sent) {
            for (Map.Entry<String, Value> e : s.reply().asMap().entrySet()) {
                Value v = e.getValue();
                String where = s.node() + " " + s.request().procedure().id() + " " + e.getKey();
                if (v instanceof Value.Floats f) {
                    assertThat(s.request().procedure()).as(where).isIn(Procedure.TRAIN, Procedure.BASELINE_TRAIN);
                    assertThat(f.values().length).as(where).isEqualTo(
                            s.request().params().floats("model").length);
                } else if (v instanceof Value.Text t) {
                    for (String cell : cells) {
                        assertThat(t.text()).as(where + " must not quote a patient's value " + cell)
                                .doesNotContain("\"" + cell + "\"").doesNotContain(":" + cell + ",");
                    }
                } else {
                    assertThat(v).as(where).isInstanceOf(Value.Number.class);
                }
            }
        }
    }

    @Test
    void fromImagesOnlyModelSizedVectorsCountsAndMetricsLeaveNeverAPixelOrAFileName() throws Exception {
        Study study = SmallImageStudies.classification();
        Study multi = SmallImageStudies.behindNodes(study);
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        int parameters;
        try (LoopbackFederation net = new LoopbackFederation("capture", MultiSiteStudy.nodes(multi))) {
            for (ParticipantEntry p : study.participants()) {
                CallHandler served = new DatasetCallHandler(Map.of("phantom", SmallImageStudies.node(p, study, null)));
                net.startNode(p.name(), (dataset, request, control) -> {
                    Params reply = served.handle(dataset, request, control);
                    sent.add(new Sent(p.name(), request, reply));
                    return reply;
                });
            }
            PreparedStudy prepared = MultiSiteStudy.prepare(TestWorkers.shared(), multi, SmallImageStudies.STUDY, net.server.nodes(),
                    Duration.ofSeconds(20), "capture", m -> { });
            StudyResult result = StudyRunner.run(TestWorkers.shared(), prepared, new RunOptions(null, null, true), RunListener.NONE,
                    RunControl.free(), m -> { });
            assertThat(result.history().status()).as(result.history().message()).isEqualTo(RunStatus.FINISHED);
            parameters = prepared.spec().parameterCount();
        }
        assertThat(sent).extracting(s -> s.request().procedure()).contains(Procedure.IMAGES_SUMMARY,
                Procedure.MODEL_OPEN, Procedure.TRAIN, Procedure.EVALUATE, Procedure.BASELINE_TRAIN);
        int pixels = 16 * 16;
        assertThat(parameters).as("a model-sized vector is not an image's size").isNotEqualTo(pixels);
        for (Sent s : sent) {
            for (Map.Entry<String, Value> e : s.reply().asMap().entrySet()) {
                Value v = e.getValue();
                String where = s.node() + " " + s.request().procedure().id() + " " + e.getKey();
                if (v instanceof Value.Floats f) {
                    assertThat(f.values().length).as(where).isEqualTo(parameters);
                } else if (v instanceof Value.Text t) {
                    // class names and counts; the images' ids are their paths and must stay at the hospital
                    assertThat(t.text()).as(where).doesNotContain(".dcm", s.node() + "-0");
                    assertThat(t.text().length()).as(where + " is a summary, not an image").isLessThan(pixels);
                } else {
                    assertThat(v).as(where).isInstanceOf(Value.Number.class);
                }
            }
        }
    }

    @Test
    void underSecureAggregationTheCoordinatorReceivesOnlyMaskedUpdates() throws Exception {
        Study study = StudyFile.load(SAMPLE);
        study = study.withPrivacy(new PrivacySection(null, new PrivacySection.SecureAggregationSection(1.0, 32), null,
                "secure"));
        List<Sent> sent = runCapturing(study);
        List<Sent> updates = sent.stream().filter(s -> s.request().procedure() == Procedure.TRAIN).toList();
        assertThat(updates).hasSize(4 * 3);
        for (Sent s : updates) {
            // no plain update travels, only the mark that it is sealed; the masked values are 4 bytes each at 32 bits
            assertThat(s.reply().has("update")).isFalse();
            byte[] bytes = s.reply().bytes("extra.secagg.masked");
            assertThat(bytes.length % 4).isZero();
            java.nio.ByteBuffer little = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            long[] masked = new long[bytes.length / 4];
            for (int i = 0; i < masked.length; i++) {
                masked[i] = little.getInt(4 * i) & 0xffffffffL;
            }
            int reports = s.reply().text("extra.secagg.layout").split("\n").length;
            assertThat(masked).hasSize(s.request().params().floats("model").length + reports);
            // uniform over Z_(2^32): a real delta would be a few small integers around 0 or 2^32
            long spread = java.util.Arrays.stream(masked).filter(x -> x > (1L << 28) && x < (1L << 32) - (1L << 28))
                    .count();
            assertThat(spread).as(s.node()).isGreaterThan(masked.length / 2);
            assertThat(s.reply().keys()).containsOnly("update.sealed", "kind", "examples", "steps", "train_loss",
                    "extra.secagg.masked", "extra.secagg.layout");
        }
    }
}
