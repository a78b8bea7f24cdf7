package org.medfed.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.PersonalModel;
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
import org.medfed.project.ModelSection;
import org.medfed.project.NodeSessionFile;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.StrategySection;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;
import org.medfed.testsupport.LoopbackFederation;
import org.medfed.testsupport.SmallImageStudies;
import org.medfed.testsupport.TestWorkers;

/**
 * A personalising study over real nodes, every message the nodes send captured: no value of any hospital's personal
 * part (FedPer's own last layer, FedBN's batch normalisations, the Ditto model, the personal model made at the end)
 * appears in any reply, and the
 * personal models are kept at the nodes only. The personal parts are read afterwards from each node's own state
 * file, where the node keeps them across restarts.
 */
class PersonalPartsStayAtTheHospitalTest {

    private static final Path SAMPLE = Path.of("sample-projects/heart-4-hospitals/study.json").toAbsolutePath();

    @TempDir
    Path nodeState;

    private record Sent(String node, SiteRequest request, Params reply) {
    }

    private record Captured(List<Sent> sent, Map<String, Map<String, float[]>> keptAtNodes, StudyResult result) {
    }

    private Captured runCapturing(String strategy) throws Exception {
        Study study = StudyFile.load(SAMPLE);
        List<ParticipantEntry> remote = new ArrayList<>();
        for (ParticipantEntry p : study.participants()) {
            remote.add(ParticipantEntry.remote(p.name(), p.name(), "heart"));
        }
        Study multi = study.withParticipants(remote).withTraining(study.training().withRounds(3))
                .withModel(new ModelSection("mlp", List.of(6), null))
                .withStrategy(new StrategySection(strategy, Map.of()));
        return runCapturing(multi, SAMPLE, study.participants(), "heart", (p, session) -> new DatasetCallHandler(
                Map.of("heart", new TableDataset("heart", StudyFile.resolve(SAMPLE, p.data().get(0)), null, 5, session))));
    }

    /**
     * {@code multi} over loopback nodes, each serving its hospital ({@code participants}, as in the simulated study)
     * with the handler {@code node} makes for its state file; every reply captured.
     */
    private Captured runCapturing(Study multi, Path studyFile, List<ParticipantEntry> participants, String dataset,
                                  BiFunction<ParticipantEntry, Path, CallHandler> node) throws Exception {
        String strategy = multi.strategy().id();
        List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        StudyResult result;
        try (LoopbackFederation net = new LoopbackFederation("personal", MultiSiteStudy.nodes(multi))) {
            for (ParticipantEntry p : participants) {
                CallHandler served = node.apply(p, session(strategy, p.name(), dataset));
                net.startNode(p.name(), (ds, request, control) -> {
                    Params reply = served.handle(ds, request, control);
                    sent.add(new Sent(p.name(), request, reply));
                    return reply;
                });
            }
            PreparedStudy prepared = MultiSiteStudy.prepare(TestWorkers.shared(), multi, studyFile, net.server.nodes(),
                    Duration.ofSeconds(20), "personal", m -> { });
            result = StudyRunner.run(TestWorkers.shared(), prepared, new RunOptions(null, null, false), RunListener.NONE, RunControl.free(),
                    m -> { });
            assertThat(result.history().status()).as(result.history().message()).isEqualTo(RunStatus.FINISHED);
        }
        Map<String, Map<String, float[]>> kept = new TreeMap<>();
        for (ParticipantEntry p : participants) {
            kept.put(p.name(), NodeSessionFile.load(session(strategy, p.name(), dataset)).orElseThrow().decodedVectors());
        }
        return new Captured(List.copyOf(sent), kept, result);
    }

    private Path session(String strategy, String node) {
        return session(strategy, node, "heart");
    }

    /** Each node's own state folder, as on separate machines. */
    private Path session(String strategy, String node, String dataset) {
        return nodeState.resolve(strategy).resolve(node).resolve(dataset + ".session.json");
    }

    /** Whether {@code part} appears, value for value, anywhere in {@code values}. */
    private static boolean contains(float[] values, float[] part) {
        outer:
        for (int start = 0; start + part.length <= values.length; start++) {
            for (int i = 0; i < part.length; i++) {
                if (Float.floatToIntBits(values[start + i]) != Float.floatToIntBits(part[i])) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void noReplyCarries(List<Sent> sent, String what, float[] part) {
        for (Sent s : sent) {
            for (Map.Entry<String, Value> e : s.reply().asMap().entrySet()) {
                if (e.getValue() instanceof Value.Floats f) {
                    assertThat(contains(f.values(), part)).as(s.node() + " " + s.request().procedure().id() + " "
                            + e.getKey() + " carries " + what).isFalse();
                }
            }
        }
    }

    @Test
    void fedPerHeadsAndPersonalModelsNeverLeaveANode() throws Exception {
        Captured c = runCapturing("fedper");
        int parameters = c.result().prepared().spec().parameterCount();
        int headStart = c.result().prepared().spec().layout().startOfLast(1, "test");
        assertThat(c.sent()).extracting(s -> s.request().procedure())
                .contains(Procedure.TRAIN_PERSONAL_HEAD, Procedure.PERSONALISE);
        for (Sent s : c.sent()) {
            if (s.request().procedure() == Procedure.TRAIN_PERSONAL_HEAD) {
                // the head positions of the update are exactly the shared head the node was sent
                float[] sentModel = s.request().params().floats("model");
                float[] update = s.reply().floats("update");
                assertThat(Arrays.copyOfRange(update, headStart, parameters)).as(s.node())
                        .isEqualTo(Arrays.copyOfRange(sentModel, headStart, parameters));
            }
            if (s.request().procedure() == Procedure.PERSONALISE) {
                // the evaluation's figures and the list of their names, no vector
                assertThat(s.reply().asMap().values()).as(s.node() + ": metrics only")
                        .noneMatch(v -> v instanceof Value.Floats);
            }
        }
        c.keptAtNodes().forEach((node, kept) -> {
            float[] head = kept.get("fedper.head");
            assertThat(head).as(node).hasSize(parameters - headStart);
            assertThat(kept.get(PersonalModel.KEPT)).as(node).hasSize(parameters);
            assertThat(Arrays.copyOfRange(kept.get(PersonalModel.KEPT), headStart, parameters)).isEqualTo(head);
            noReplyCarries(c.sent(), node + "'s own head", head);
        });
        // each hospital's own model scored at its node, and none of them is in this process
        assertThat(c.result().personal().test()).containsOnlyKeys(c.keptAtNodes().keySet());
        assertThat(c.result().personalModels()).isEmpty();
        // each node exported its own model into its own state folder, with a card of its own figures
        for (String node : c.keptAtNodes().keySet()) {
            Path own = session("fedper", node).getParent().resolve("personal-heart");
            assertThat(own.resolve("model.zip")).isRegularFile();
            assertThat(own.resolve("model.onnx")).isRegularFile();
            org.medfed.io.OutputFolder.requireFinished(own);
            var card = org.medfed.project.ModelCardFile.load(own);
            assertThat(card.personalisation().hospital()).isEqualTo(node);
            assertThat(card.personalisation().method()).isEqualTo("head");
            assertThat(card.metrics().get(node)).isEqualTo(c.result().personal().test().get(node).metrics());
        }
    }

    /**
     * FedBN on the phantom CNN with batch norm: each node's batch normalisations (scale, shift, running statistics)
     * are trained and kept there; every update carries them exactly as the node was sent them, none of a node's own
     * appears in any reply, and the model each node exports holds its own.
     */
    @Test
    void fedBnNormalisationsNeverLeaveANodeAndEachNodesModelHoldsItsOwn() throws Exception {
        Study study = SmallImageStudies.classification();
        Study multi = SmallImageStudies.behindNodes(study).withModel(study.model().withBatchNorm(true))
                .withStrategy(new StrategySection("fedbn", Map.of()));
        Captured c = runCapturing(multi, SmallImageStudies.STUDY, study.participants(), "phantom",
                (p, session) -> new DatasetCallHandler(Map.of("phantom", SmallImageStudies.node(p, study, session))));
        org.medfed.model.ModelSpec spec = c.result().prepared().spec();
        assertThat(spec.batchNorm()).isTrue();
        List<int[]> ranges = spec.layout().normalisationRanges("test");
        int normalised = ranges.stream().mapToInt(r -> r[1] - r[0]).sum();
        assertThat(c.sent()).extracting(s -> s.request().procedure()).contains(Procedure.TRAIN_FEDBN, Procedure.PERSONALISE);
        for (Sent s : c.sent()) {
            if (s.request().procedure() == Procedure.TRAIN_FEDBN) {
                float[] sentModel = s.request().params().floats("model");
                float[] update = s.reply().floats("update");
                for (int[] r : ranges) {
                    assertThat(Arrays.copyOfRange(update, r[0], r[1])).as(s.node())
                            .isEqualTo(Arrays.copyOfRange(sentModel, r[0], r[1]));
                }
            }
            if (s.request().procedure() == Procedure.PERSONALISE) {
                assertThat(s.reply().asMap().values()).as(s.node() + ": metrics only")
                        .noneMatch(v -> v instanceof Value.Floats);
            }
        }
        float[] shared = c.result().history().model().toArray();
        Map<String, float[]> own = new TreeMap<>();
        c.keptAtNodes().forEach((node, kept) -> {
            float[] norm = kept.get("fedbn.norm");
            assertThat(norm).as(node).hasSize(normalised);
            own.put(node, norm);
            float[] personal = kept.get(PersonalModel.KEPT);
            int k = 0;
            for (int[] r : ranges) {
                for (int i = r[0]; i < r[1]; i++) {
                    assertThat(personal[i]).as(node + " position " + i).isEqualTo(norm[k++]);
                }
            }
            // everything else is the shared model's
            for (int i = 0; i < ranges.get(0)[0]; i++) {
                assertThat(personal[i]).isEqualTo(shared[i]);
            }
            // each channel's running statistics on their own: none of them in any reply
            int c0 = (ranges.get(0)[1] - ranges.get(0)[0]) / 4;
            noReplyCarries(c.sent(), node + "'s running means", Arrays.copyOfRange(norm, 2 * c0, 3 * c0));
            noReplyCarries(c.sent(), node + "'s running variances", Arrays.copyOfRange(norm, 3 * c0, 4 * c0));
        });
        assertThat(own.values().stream().map(Arrays::toString).distinct()).as("each node's own").hasSize(own.size());
        assertThat(c.result().personalModels()).isEmpty();
        for (String node : c.keptAtNodes().keySet()) {
            Path folder = session("fedbn", node, "phantom").getParent().resolve("personal-phantom");
            assertThat(folder.resolve("model.onnx")).isRegularFile();
            assertThat(org.medfed.model.ModelFiles.load(folder).parameters().toArray()).as(node + "'s exported model")
                    .isEqualTo(c.keptAtNodes().get(node).get(PersonalModel.KEPT));
            // an image card has no table preprocessing, which ModelCardFile.load asks for: read as JSON
            var card = new com.fasterxml.jackson.databind.ObjectMapper().readTree(folder.resolve("model-card.json").toFile());
            assertThat(card.at("/personalisation/method").asText()).isEqualTo("batchnorm");
            assertThat(card.at("/personalisation/hospital").asText()).isEqualTo(node);
            assertThat(card.at("/model/batchNorm").asBoolean()).isTrue();
        }
    }

    @Test
    void dittoModelsNeverLeaveANode() throws Exception {
        Captured c = runCapturing("ditto");
        assertThat(c.sent()).extracting(s -> s.request().procedure()).contains(Procedure.TRAIN_DITTO);
        c.keptAtNodes().forEach((node, kept) -> {
            float[] own = kept.get("ditto.model");
            assertThat(own).as(node).isNotNull();
            assertThat(kept.get(PersonalModel.KEPT)).isEqualTo(own);
            noReplyCarries(c.sent(), node + "'s Ditto model", own);
            // not even its last layer on its own
            int head = c.result().prepared().spec().layout().startOfLast(1, "test");
            noReplyCarries(c.sent(), node + "'s Ditto last layer", Arrays.copyOfRange(own, head, own.length));
        });
        assertThat(c.result().personalModels()).isEmpty();
    }

    @Test
    void aModelChosenAtANodeIsMadeAndKeptThereAndOnlyItsTestFiguresLeave() throws Exception {
        Captured c = runCapturing("fedavg-choose");
        float[] shared = c.result().history().model().toArray();
        for (Sent s : c.sent()) {
            if (s.request().procedure() == Procedure.PERSONALISE) {
                assertThat(s.reply().asMap().values()).as(s.node() + ": metrics only")
                        .noneMatch(v -> v instanceof Value.Floats);
            }
        }
        c.keptAtNodes().forEach((node, kept) -> {
            float[] own = kept.get(PersonalModel.KEPT);
            assertThat(own).as(node).hasSameSizeAs(shared);
            assertThat(kept.get("choice.chosen")).as(node + " noted its choice").hasSize(1);
            // the card of the model the node exported names that choice
            String label = org.medfed.engine.strategy.personal.HeldOutChoice.Candidate.values()[
                    (int) kept.get("choice.chosen")[0]].label();
            Path folder = session("fedavg-choose", node).getParent().resolve("personal-heart");
            assertThat(org.medfed.project.ModelCardFile.load(folder).personalisation().kept()).as(node).isEqualTo(label);
            if (!Arrays.equals(own, shared)) {
                noReplyCarries(c.sent(), node + "'s chosen model", own);
            }
        });
        assertThat(c.result().personal().test()).containsOnlyKeys(c.keptAtNodes().keySet());
        assertThat(c.result().personalModels()).isEmpty();
    }
}
