package org.medfed.project;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.medfed.engine.BadInputException;

/** The project's one JSON mapper, and its errors translated into messages that name the line and field. */
public final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // "rounds": 2.5 is a mistake to name, not a 2 to run
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.INCLUDE_SOURCE_IN_LOCATION)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    static {
        // "label": 5 is a number where a column name belongs: refused, not read as the text "5"
        MAPPER.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
    }

    private Json() {
    }

    /**
     * The writer of outputs a run must reproduce byte for byte (the model card, the summary): maps in key order, not
     * in the order threads happened to fill them.
     */
    static com.fasterxml.jackson.databind.ObjectWriter reproducible() {
        return MAPPER.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A Jackson error as "line 5: field 'rounds' in training: expected a number, found "ten"". */
    static BadInputException explain(Path file, IOException e) {
        if (e instanceof JsonProcessingException j) {
            JsonLocation at = j.getLocation();
            String where = at == null || at.getLineNr() < 0 ? null : "line " + at.getLineNr();
            String path = e instanceof MismatchedInputException m ? path(m.getPath()) : "";
            String problem;
            InputCoercionException tooLarge = coercion(e);
            if (e instanceof UnrecognizedPropertyException u) {
                problem = "unknown field '" + u.getPropertyName() + "'" + (path.contains(".") ? " in " + parent(path) : "")
                        + "; known fields here: " + u.getKnownPropertyIds().stream().map(Object::toString).sorted()
                        .collect(Collectors.joining(", "));
            } else if (e instanceof InvalidFormatException f) {
                problem = "field '" + path + "' is " + quote(f.getValue()) + ", expected "
                        + article(f.getTargetType().getSimpleName());
            } else if (e instanceof MismatchedInputException m && path.isEmpty()) {
                problem = "has the wrong kind of value at its top level, expected "
                        + article(m.getTargetType() == null ? "an object {...}" : m.getTargetType().getSimpleName());
            } else if (e instanceof MismatchedInputException m) {
                problem = "field '" + path + "' has the wrong kind of value, expected "
                        + article(m.getTargetType() == null ? "another value" : m.getTargetType().getSimpleName());
            } else if (tooLarge != null) {
                String field = e instanceof JsonMappingException m && !path(m.getPath()).isEmpty()
                        ? "field '" + path(m.getPath()) + "'" : named(tooLarge);
                problem = field + " is a number too large for " + article(tooLarge.getTargetType().getSimpleName())
                        + " (at most " + largest(tooLarge.getTargetType()) + ")";
            } else if (String.valueOf(j.getOriginalMessage()).startsWith("Non-standard token '")) {
                String token = j.getOriginalMessage().split("'", 3)[1];
                problem = named(j) + " is " + token + ", which is not a number: write a number";
            } else {
                problem = "is not valid JSON: " + j.getOriginalMessage();
            }
            return new BadInputException(file, where, problem, e);
        }
        return new BadInputException(file, null, "could not be read: " + e.getMessage(), e);
    }

    /**
     * "field 'training.rounds'" for an error the parser raised (no mapping path then): from where the parser stood;
     * "a value" when it stood nowhere in particular.
     */
    private static String named(JsonProcessingException e) {
        if (e.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null) {
            StringBuilder sb = new StringBuilder();
            for (com.fasterxml.jackson.core.JsonPointer p = parser.getParsingContext().pathAsPointer();
                    p != null && !p.matches(); p = p.tail()) {
                if (p.mayMatchElement()) {
                    sb.append('[').append(p.getMatchingIndex()).append(']');
                } else {
                    sb.append(sb.length() == 0 ? "" : ".").append(p.getMatchingProperty());
                }
            }
            if (sb.length() > 0) {
                return "field '" + sb + "'";
            }
        }
        return "a value";
    }

    /** The parser's "out of range" behind {@code e}, which the mapper may have wrapped with the field's path. */
    private static InputCoercionException coercion(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InputCoercionException c) {
                return c;
            }
        }
        return null;
    }

    private static String largest(Class<?> type) {
        return type == Long.class || type == long.class ? String.valueOf(Long.MAX_VALUE) : String.valueOf(Integer.MAX_VALUE);
    }

    /** "datasets[1].manifest", as a person writes it (not "datasets.[1].manifest"). */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String parent(String path) {
        return "'" + path.substring(0, path.lastIndexOf('.')) + "'";
    }

    private static String quote(Object v) {
        return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
    }

    private static String article(String type) {
        return switch (type) {
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "Double", "double", "Float", "float" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "text";
            case "List", "ArrayList" -> "a list [...]";
            default -> type;
        };
    }
}
