package org.medfed.project;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfed.engine.BadInputException;
import org.medfed.io.AtomicFiles;

/**
 * What a node keeps of a study on disk so that it can take part again after a restart: the run it belongs to (a
 * resumed run keeps it), the study's settings,
 * the agreed column types, classes and preprocessing (from which it rebuilds the same rows, split and model), and
 * the strategy's vectors it keeps between rounds (SCAFFOLD's control variate). Written atomically; vectors as
 * base64 of little-endian floats, so they come back bit for bit.
 */
public final class NodeSessionFile {

    /** One dataset's session. */
    public record Session(String run, String study, String participant, Map<String, String> featureTypes,
                          List<String> classes, String preprocessing, Map<String, String> vectors) {

        public Session {
            featureTypes = new LinkedHashMap<>(featureTypes);
            classes = List.copyOf(classes);
            vectors = vectors == null ? Map.of() : new LinkedHashMap<>(vectors);
        }

        public Session withVectors(Map<String, float[]> values) {
            Map<String, String> encoded = new LinkedHashMap<>();
            values.forEach((k, v) -> encoded.put(k, encode(v)));
            return new Session(run, study, participant, featureTypes, classes, preprocessing, encoded);
        }

        public Map<String, float[]> decodedVectors() {
            Map<String, float[]> out = new LinkedHashMap<>();
            vectors.forEach((k, v) -> out.put(k, decode(v)));
            return out;
        }
    }

    private NodeSessionFile() {
    }

    public static void save(Session session, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, Json.mapper().writeValueAsBytes(session));
        } catch (IOException e) {
            throw new BadInputException(file, null, "the node's study state could not be written: " + e.getMessage(), e);
        }
    }

    /** The saved session, or empty when there is none; a damaged file is reported, naming it. */
    public static Optional<Session> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Session session;
        try {
            session = Json.mapper().readValue(file.toFile(), Session.class);
        } catch (IOException e) {
            throw new BadInputException(file, null, "the node's saved study state cannot be read (" + e.getMessage()
                    + "); delete it to start the study afresh at this hospital");
        }
        if (session == null) {
            throw new BadInputException(file, null, "the node's saved study state is JSON null, not a saved session; "
                    + "delete it to start the study afresh at this hospital");
        }
        return Optional.of(session);
    }

    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new BadInputException(file, null, "the node's old study state could not be removed: "
                    + e.getMessage(), e);
        }
    }

    private static String encode(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat(x);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    private static float[] decode(String s) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(s)).order(ByteOrder.LITTLE_ENDIAN);
        float[] v = new float[b.remaining() / 4];
        for (int i = 0; i < v.length; i++) {
            v[i] = b.getFloat();
        }
        return v;
    }
}
