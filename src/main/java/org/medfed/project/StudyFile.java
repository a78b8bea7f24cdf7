package org.medfed.project;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.medfed.engine.BadInputException;
import org.medfed.io.FileProblem;
import org.medfed.io.AtomicFiles;

/**
 * Loads and saves study files. Saving is atomic, so a crash never leaves half a study; loading checks the
 * schema version first, so that a file from a newer MedFed or not a study at all gets a plain message.
 */
public final class StudyFile {

    private StudyFile() {
    }

    public static Study load(Path file) {
        FileProblem.refuseNonFile(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, null, "study file not found (looked for " + file.toAbsolutePath() + ")");
        } catch (IOException e) {
            throw new BadInputException(file, null, "could not be read: " + e.getMessage(), e);
        }
        if (bytes.length == 0) {
            throw new BadInputException(file, null, "the study file is empty");
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw Json.explain(file, e);
        }
        if (tree == null || !tree.isObject()) {
            throw new BadInputException(file, null, "is not a MedFed study: expected a JSON object { ... }");
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null) {
            throw new BadInputException(file, null, "is not a MedFed study file: it has no \"schemaVersion\"");
        }
        if (!version.isInt() || version.intValue() < 1) {
            throw new BadInputException(file, null, "\"schemaVersion\" is " + version + ", expected a whole number from 1");
        }
        if (version.intValue() > Study.CURRENT_SCHEMA) {
            throw new BadInputException(file, null, "was written by a newer MedFed (study schema " + version.intValue()
                    + "); this version reads schemas up to " + Study.CURRENT_SCHEMA + ". Update MedFed Workbench.");
        }
        try {
            Study study = Json.MAPPER.readValue(bytes, Study.class);
            StudyValidation.check(file, study);
            return study.migrated();
        } catch (IOException e) {
            throw Json.explain(file, e);
        }
    }

    public static void save(Study study, Path file) {
        try {
            AtomicFiles.write(file, Json.MAPPER.writeValueAsBytes(study));
        } catch (IOException e) {
            throw new BadInputException(file, null, "could not be saved: " + e.getMessage(), e);
        }
    }

    /** A data file path of a study, resolved against the folder of the study file. */
    public static Path resolve(Path studyFile, String dataPath) {
        Path p = Path.of(dataPath);
        if (p.isAbsolute()) {
            return p;
        }
        Path dir = studyFile.toAbsolutePath().getParent();
        return dir.resolve(p).normalize();
    }

    /** {@code target} written relative to the study file's folder when it lies below it. */
    public static String relativize(Path studyFile, Path target) {
        Path dir = studyFile.toAbsolutePath().getParent();
        Path abs = target.toAbsolutePath().normalize();
        return abs.startsWith(dir) ? dir.relativize(abs).toString().replace('\\', '/') : abs.toString();
    }
}
