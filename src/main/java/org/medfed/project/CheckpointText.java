package org.medfed.project;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.checkpoint.Checkpoint;

/**
 * The bytes of the checkpoints of one run, written one after another. Each checkpoint repeats every earlier round's
 * record, which never changes once the round is over: its text is kept from the checkpoint that first wrote it and
 * copied into the later ones, so that a round costs the same to save at the end of a long run as at its start
 * (re-rendering every round each time made the checkpoints of a 30-round run cost 30 x 15 rounds' worth). The bytes
 * are those of the whole checkpoint written by the mapper in one go ({@code CheckpointFileTest} compares them).
 */
final class CheckpointText {

    /** The rounds whose text is kept, by identity (a {@link RoundRecord} is immutable), and their texts. */
    private final List<RoundRecord> rounds = new ArrayList<>();
    private final List<SerializedString> texts = new ArrayList<>();

    byte[] render(Checkpoint c) throws IOException {
        Buffer out = new Buffer(1024 + 2048 * c.rounds().size());
        try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> field : CheckpointJson.head(c).properties()) {
                g.writeFieldName(field.getKey());
                Json.MAPPER.writeTree(g, field.getValue());
            }
            g.writeFieldName(CheckpointJson.ROUNDS);
            g.writeStartArray();
            List<RoundRecord> all = c.rounds();
            for (int i = 0; i < all.size(); i++) {
                RoundRecord r = all.get(i);
                if (i < rounds.size() && rounds.get(i) == r) {
                    g.writeRawValue(texts.get(i));
                    continue;
                }
                forgetFrom(i);
                g.flush();
                int start = out.size();
                Json.MAPPER.writeTree(g, RoundRecordJson.write(r));
                g.flush();
                rounds.add(r);
                texts.add(new SerializedString(out.valueFrom(start)));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** Another run's rounds (a checkpoint that does not continue the last one): their texts are of no use. */
    private void forgetFrom(int i) {
        rounds.subList(i, rounds.size()).clear();
        texts.subList(i, texts.size()).clear();
    }

    /** The output, whose bytes since a position can be read without copying all of it. */
    private static final class Buffer extends ByteArrayOutputStream {

        Buffer(int size) {
            super(size);
        }

        /**
         * The value written since {@code start}, without the separator the pretty printer put before it (", " or
         * " ", which it writes again before a raw value).
         */
        String valueFrom(int start) {
            int from = start;
            while (buf[from] != '{') {
                from++;
            }
            return new String(buf, from, count - from, StandardCharsets.UTF_8);
        }
    }
}
