package org.medfed.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.medfed.engine.ModelVector;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.checkpoint.Checkpoint;
import org.medfed.engine.checkpoint.ResumableRandom;
import org.medfed.engine.protocol.Params;

/**
 * The JSON form of a {@link Checkpoint}: a format name and version first (so that another file is recognised as
 * such), then the round, the checks (seed, strategy, participants), the model, the sampler's state, the saved
 * states, and which part of the run's {@link RoundsJournal} holds its round records. Schema 1 held the records
 * themselves, in a list; such a checkpoint is still read.
 */
final class CheckpointJson {

    static final String FORMAT = "medfed-checkpoint";
    static final int CURRENT_SCHEMA = 2;

    private CheckpointJson() {
    }

    /** The field that says where the round records are (schema 1: the list of them). */
    static final String ROUNDS = "rounds";

    /** The checkpoint, its round records being the {@code journal} extent of the run's {@link RoundsJournal}. */
    static ObjectNode write(Checkpoint c, RoundsJournal.Extent journal) {
        ObjectNode out = head(c);
        ObjectNode rounds = out.putObject(ROUNDS);
        rounds.put("count", journal.rounds());
        rounds.put("bytes", journal.bytes());
        rounds.put("sha256", journal.sha256());
        return out;
    }

    /** Every field of the checkpoint before its round records, in order. */
    static ObjectNode head(Checkpoint c) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("format", FORMAT);
        out.put("schemaVersion", CURRENT_SCHEMA);
        out.put("round", c.round());
        out.put("roundsPlanned", c.roundsPlanned());
        out.put("seed", c.seed());
        out.put("strategy", c.strategyId());
        ArrayNode participants = out.putArray("participants");
        c.participants().forEach(participants::add);
        ObjectNode model = out.putObject("model");
        model.put("size", c.model().size());
        model.set("floats", ExactJson.floats(c.model().toArray()));
        ObjectNode sampler = out.putObject("sampler");
        sampler.put("seed48", c.sampler().seed48());
        sampler.put("hasNextGaussian", c.sampler().hasNextGaussian());
        sampler.set("nextGaussian", ExactJson.number(c.sampler().nextGaussian()));
        out.set("strategyState", ParamsJson.write(c.strategyState()));
        ObjectNode sites = out.putObject("participantStates");
        c.participantStates().forEach((name, state) -> sites.set(name, ParamsJson.write(state)));
        return out;
    }

    /** Where a checkpoint's round records are read from. */
    @FunctionalInterface
    interface Journal {
        List<RoundRecord> read(RoundsJournal.Extent extent) throws java.io.IOException;
    }

    static Checkpoint read(JsonNode node, Journal journal) throws java.io.IOException {
        RoundRecordJson.object(node, "the file");
        JsonNode format = node.get("format");
        if (format == null || !FORMAT.equals(format.asText())) {
            throw new CheckpointFormatException("it is not a MedFed checkpoint (no \"format\": \"" + FORMAT + "\")");
        }
        int schema = ExactJson.integer(node.get("schemaVersion"), "schemaVersion");
        if (schema > CURRENT_SCHEMA) {
            throw new CheckpointFormatException("it was written by a newer MedFed (checkpoint schema " + schema
                    + "); this version reads schemas up to " + CURRENT_SCHEMA);
        }
        JsonNode model = RoundRecordJson.object(node.get("model"), "model");
        float[] values = ExactJson.floats(model.get("floats"), "model.floats");
        int size = ExactJson.integer(model.get("size"), "model.size");
        if (values.length != size) {
            throw new CheckpointFormatException("model.floats holds " + values.length + " values where model.size says "
                    + size + " (the file is damaged)");
        }
        JsonNode sampler = RoundRecordJson.object(node.get("sampler"), "sampler");
        ResumableRandom.State samplerState = new ResumableRandom.State(
                ExactJson.whole(sampler.get("seed48"), "sampler.seed48"),
                ExactJson.flag(sampler.get("hasNextGaussian"), "sampler.hasNextGaussian"),
                ExactJson.number(sampler.get("nextGaussian"), "sampler.nextGaussian"));
        Map<String, Params> sites = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : RoundRecordJson.object(node.get("participantStates"), "participantStates")
                .properties()) {
            sites.put(e.getKey(), ParamsJson.read(e.getValue(), "participantStates." + e.getKey()));
        }
        List<RoundRecord> rounds = schema == 1 ? listedRounds(node.get(ROUNDS))
                : journal.read(extent(node.get(ROUNDS)));
        try {
            return new Checkpoint(ExactJson.integer(node.get("round"), "round"),
                    ExactJson.integer(node.get("roundsPlanned"), "roundsPlanned"),
                    ExactJson.whole(node.get("seed"), "seed"), ExactJson.text(node.get("strategy"), "strategy"),
                    RoundRecordJson.texts(node.get("participants"), "participants"), ModelVector.wrap(values),
                    samplerState, ParamsJson.read(node.get("strategyState"), "strategyState"), sites, rounds);
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException(e.getMessage(), e);
        }
    }

    private static RoundsJournal.Extent extent(JsonNode node) {
        JsonNode rounds = RoundRecordJson.object(node, ROUNDS);
        return new RoundsJournal.Extent(ExactJson.integer(rounds.get("count"), "rounds.count"),
                ExactJson.whole(rounds.get("bytes"), "rounds.bytes"),
                ExactJson.text(rounds.get("sha256"), "rounds.sha256"));
    }

    /** Schema 1: the records in the checkpoint itself. */
    private static List<RoundRecord> listedRounds(JsonNode roundsNode) {
        if (roundsNode == null || !roundsNode.isArray()) {
            throw new CheckpointFormatException("rounds is " + ExactJson.describe(roundsNode) + ", expected a list");
        }
        List<RoundRecord> rounds = new ArrayList<>();
        for (int i = 0; i < roundsNode.size(); i++) {
            rounds.add(RoundRecordJson.read(roundsNode.get(i), "rounds[" + i + "]"));
        }
        return rounds;
    }
}
