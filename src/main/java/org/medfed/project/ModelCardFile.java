package org.medfed.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.medfed.engine.BadInputException;
import org.medfed.io.AtomicFiles;

/** Reads and writes {@code model-card.json} beside an exported model. */
public final class ModelCardFile {

    public static final String NAME = "model-card.json";

    private ModelCardFile() {
    }

    public static void save(ModelCard card, Path modelDir) {
        Path file = modelDir.resolve(NAME);
        try {
            AtomicFiles.write(file, Json.MAPPER.writeValueAsBytes(card));
        } catch (IOException e) {
            throw new BadInputException(file, null, "could not be written: " + e.getMessage(), e);
        }
    }

    public static ModelCard load(Path modelDir) {
        Path file = modelDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(modelDir, null, "has no " + NAME + ": is it a model folder exported by MedFed?");
        }
        try {
            ModelCard card = Json.MAPPER.readValue(file.toFile(), ModelCard.class);
            if (card.schemaVersion() > ModelCard.CURRENT_SCHEMA) {
                throw new BadInputException(file, null, "was written by a newer MedFed (model card schema "
                        + card.schemaVersion() + "); this version reads up to " + ModelCard.CURRENT_SCHEMA);
            }
            if (card.preprocessing() == null) {
                throw new BadInputException(file, null, "has no \"preprocessing\": it cannot be used to predict on CSV files");
            }
            return card;
        } catch (IOException e) {
            throw Json.explain(file, e);
        }
    }
}
