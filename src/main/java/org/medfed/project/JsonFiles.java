package org.medfed.project;

import java.io.IOException;
import java.nio.file.Path;
import org.medfed.engine.BadInputException;
import org.medfed.io.AtomicFiles;

/** Writes any result object (run summaries, benchmark tables) as indented JSON, atomically. */
public final class JsonFiles {

    private JsonFiles() {
    }

    public static void write(Object value, Path file) {
        try {
            AtomicFiles.write(file, Json.reproducible().writeValueAsBytes(value));
        } catch (IOException e) {
            throw new BadInputException(file, null, "could not be written: " + e.getMessage(), e);
        }
    }

    public static <T> T read(Path file, Class<T> type) {
        T value;
        try {
            value = Json.MAPPER.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw Json.explain(file, e);
        }
        if (value == null) {
            throw new BadInputException(file, null, "holds JSON null where an object was expected");
        }
        return value;
    }
}
