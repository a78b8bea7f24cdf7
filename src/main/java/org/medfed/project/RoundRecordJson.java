package org.medfed.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfed.engine.Evaluation;
import org.medfed.engine.ParticipantFailure;
import org.medfed.engine.RoundRecord;

/**
 * A round's record in a checkpoint, with every figure exact and every map in its order (metrics.csv lists metrics
 * in the order the round produced them), so that a resumed run writes the same metrics as one never interrupted.
 */
final class RoundRecordJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RoundRecordJson() {
    }

    static ObjectNode write(RoundRecord r) {
        ObjectNode out = NODES.objectNode();
        out.put("round", r.round());
        ArrayNode selected = out.putArray("selected");
        r.selected().forEach(selected::add);
        out.set("trainLoss", figures(r.trainLoss()));
        ObjectNode test = out.putObject("test");
        r.test().forEach((participant, e) -> {
            ObjectNode evaluation = test.putObject(participant);
            evaluation.put("examples", e.examples());
            evaluation.set("metrics", figures(e.metrics()));
        });
        out.set("global", figures(r.global()));
        ArrayNode failures = out.putArray("failures");
        for (ParticipantFailure f : r.failures()) {
            ObjectNode o = failures.addObject();
            o.put("round", f.round());
            o.put("participant", f.participant());
            o.put("phase", f.phase().name());
            o.put("reason", f.reason());
            o.put("timedOut", f.timedOut());
        }
        out.put("durationNanos", r.duration().toNanos());
        out.put("trainingNanos", r.trainingNanos());
        out.set("diagnostics", figures(r.diagnostics()));
        RoundRecord.Progress p = r.progress();
        ObjectNode progress = out.putObject("progress");
        progress.set("clockSeconds", ExactJson.number(p.clockSeconds()));
        progress.put("updatesApplied", p.updatesApplied());
        ObjectNode staleness = progress.putObject("staleness");
        p.staleness().forEach(staleness::put);
        ObjectNode versions = progress.putObject("modelVersion");
        p.modelVersion().forEach(versions::put);
        ObjectNode down = progress.putObject("bytesDown");
        p.bytesDown().forEach(down::put);
        ObjectNode up = progress.putObject("bytesUp");
        p.bytesUp().forEach(up::put);
        return out;
    }

    static RoundRecord read(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new CheckpointFormatException(what + " is " + ExactJson.describe(node) + ", expected an object");
        }
        int round = ExactJson.integer(node.get("round"), what + ".round");
        List<String> selected = texts(node.get("selected"), what + ".selected");
        Map<String, Double> trainLoss = figures(node.get("trainLoss"), what + ".trainLoss");
        Map<String, Evaluation> test = new LinkedHashMap<>();
        JsonNode testNode = object(node.get("test"), what + ".test");
        for (Map.Entry<String, JsonNode> e : testNode.properties()) {
            String where = what + ".test." + e.getKey();
            JsonNode evaluation = object(e.getValue(), where);
            test.put(e.getKey(), new Evaluation(ExactJson.integer(evaluation.get("examples"), where + ".examples"),
                    figures(evaluation.get("metrics"), where + ".metrics")));
        }
        Map<String, Double> global = figures(node.get("global"), what + ".global");
        List<ParticipantFailure> failures = new ArrayList<>();
        JsonNode failuresNode = node.get("failures");
        if (failuresNode == null || !failuresNode.isArray()) {
            throw new CheckpointFormatException(what + ".failures is " + ExactJson.describe(failuresNode)
                    + ", expected a list");
        }
        for (int i = 0; i < failuresNode.size(); i++) {
            String where = what + ".failures[" + i + "]";
            JsonNode f = object(failuresNode.get(i), where);
            failures.add(new ParticipantFailure(ExactJson.integer(f.get("round"), where + ".round"),
                    ExactJson.text(f.get("participant"), where + ".participant"),
                    phase(ExactJson.text(f.get("phase"), where + ".phase"), where),
                    ExactJson.text(f.get("reason"), where + ".reason"),
                    ExactJson.flag(f.get("timedOut"), where + ".timedOut")));
        }
        Duration duration = Duration.ofNanos(ExactJson.whole(node.get("durationNanos"), what + ".durationNanos"));
        long trainingNanos = ExactJson.whole(node.get("trainingNanos"), what + ".trainingNanos");
        Map<String, Double> diagnostics = figures(node.get("diagnostics"), what + ".diagnostics");
        return new RoundRecord(round, selected, trainLoss, test, global, failures, duration, trainingNanos,
                diagnostics, progress(node.get("progress"), what + ".progress"));
    }

    /** A record's clock and traffic; checkpoints written before they were recorded have none. */
    private static RoundRecord.Progress progress(JsonNode node, String what) {
        if (node == null) {
            return RoundRecord.Progress.NONE;
        }
        JsonNode p = object(node, what);
        Map<String, Integer> staleness = wholes(p, "staleness", what, ExactJson::integer);
        Map<String, Integer> versions = wholes(p, "modelVersion", what, ExactJson::integer);
        Map<String, Long> down = wholes(p, "bytesDown", what, ExactJson::whole);
        Map<String, Long> up = wholes(p, "bytesUp", what, ExactJson::whole);
        return new RoundRecord.Progress(ExactJson.number(p.get("clockSeconds"), what + ".clockSeconds"),
                ExactJson.integer(p.get("updatesApplied"), what + ".updatesApplied"), staleness, versions, down, up);
    }

    /** The whole numbers of object {@code field} of {@code parent}, by key, in their order. */
    private static <T> Map<String, T> wholes(JsonNode parent, String field, String what,
                                             java.util.function.BiFunction<JsonNode, String, T> read) {
        Map<String, T> out = new LinkedHashMap<>();
        String where = what + "." + field;
        object(parent.get(field), where).properties().forEach(e -> out.put(e.getKey(),
                read.apply(e.getValue(), where + "." + e.getKey())));
        return out;
    }

    private static ObjectNode figures(Map<String, Double> values) {
        ObjectNode out = NODES.objectNode();
        values.forEach((k, v) -> out.set(k, ExactJson.number(v)));
        return out;
    }

    private static Map<String, Double> figures(JsonNode node, String what) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object(node, what).properties()) {
            out.put(e.getKey(), ExactJson.number(e.getValue(), what + "." + e.getKey()));
        }
        return out;
    }

    static List<String> texts(JsonNode node, String what) {
        if (node == null || !node.isArray()) {
            throw new CheckpointFormatException(what + " is " + ExactJson.describe(node) + ", expected a list");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(ExactJson.text(node.get(i), what + "[" + i + "]"));
        }
        return out;
    }

    static JsonNode object(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new CheckpointFormatException(what + " is " + ExactJson.describe(node) + ", expected an object");
        }
        return node;
    }

    private static ParticipantFailure.Phase phase(String text, String where) {
        try {
            return ParticipantFailure.Phase.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException(where + ".phase is '" + text + "', expected FIT or EVALUATE", e);
        }
    }
}
