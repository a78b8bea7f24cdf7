package org.medfed.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.medfed.engine.protocol.Params;
import org.medfed.engine.protocol.Value;

/**
 * A strategy's or a hospital's saved state in a checkpoint: one object per key, whose one field names the kind,
 * {@code {"floats": "<base64>"}}, {@code {"longs": ...}}, {@code {"bytes": ...}}, {@code {"number": 0.5}} or
 * {@code {"text": "..."}}, so that every value reads back as the kind and the bits it was saved with.
 */
final class ParamsJson {

    private ParamsJson() {
    }

    static ObjectNode write(Params params) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        params.asMap().forEach((key, value) -> {
            ObjectNode v = out.putObject(key);
            if (value instanceof Value.Floats f) {
                v.set("floats", ExactJson.floats(f.values()));
            } else if (value instanceof Value.Longs l) {
                v.set("longs", ExactJson.longs(l.values()));
            } else if (value instanceof Value.Bytes b) {
                v.set("bytes", ExactJson.bytes(b.bytes()));
            } else if (value instanceof Value.Number n) {
                v.set("number", ExactJson.number(n.value()));
            } else if (value instanceof Value.Text t) {
                v.put("text", t.text());
            }
        });
        return out;
    }

    static Params read(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new CheckpointFormatException(what + " is " + ExactJson.describe(node) + ", expected an object");
        }
        Params.Builder b = Params.builder();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String where = what + "." + e.getKey();
            JsonNode v = e.getValue();
            if (!v.isObject() || v.size() != 1) {
                throw new CheckpointFormatException(where + " is " + ExactJson.describe(v)
                        + ", expected one of {\"floats\": ...}, {\"longs\": ...}, {\"bytes\": ...}, {\"number\": ...}, "
                        + "{\"text\": ...}");
            }
            Map.Entry<String, JsonNode> only = v.properties().iterator().next();
            String kind = only.getKey();
            JsonNode content = only.getValue();
            switch (kind) {
                case "floats" -> b.floats(e.getKey(), ExactJson.floats(content, where));
                case "longs" -> b.longs(e.getKey(), ExactJson.longs(content, where));
                case "bytes" -> b.bytes(e.getKey(), ExactJson.bytes(content, where));
                case "number" -> b.number(e.getKey(), ExactJson.number(content, where));
                case "text" -> b.text(e.getKey(), ExactJson.text(content, where));
                default -> throw new CheckpointFormatException(where + " is of unknown kind '" + kind + "'");
            }
        }
        return b.build();
    }
}
