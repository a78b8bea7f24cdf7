package org.medfed.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.medfed.engine.protocol.ProtocolException;

/**
 * Plain records (a study, an agreed preprocessing, a table summary) as JSON text inside a protocol message.
 * Doubles are written in their shortest exact form, so numbers arrive bit for bit.
 */
public final class ProtocolJson {

    private ProtocolJson() {
    }

    public static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        T value;
        try {
            value = Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("the message does not hold a " + type.getSimpleName() + ": "
                    + e.getOriginalMessage());
        }
        if (value == null) {
            // "null" reads as no object: a reply without its content, refused here rather than failing later
            throw new ProtocolException("the message does not hold a " + type.getSimpleName() + ": it is JSON null");
        }
        return value;
    }
}
