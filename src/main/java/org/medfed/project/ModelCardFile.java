package org.medfed.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.medfed.engine.BadInputException;
import org.medfed.engine.Limit;
import org.medfed.io.AtomicFiles;

/** Reads and writes {@code model-card.json} beside an exported model. */
public final class ModelCardFile {

    public static final String NAME = "model-card.json";

    private ModelCardFile() {
    }

    public static void save(ModelCard card, Path modelDir) {
        Path file = modelDir.resolve(NAME);
        try {
            AtomicFiles.write(file, Json.reproducible().writeValueAsBytes(card));
        } catch (IOException e) {
            throw org.medfed.io.FileProblem.of(file, "could not be written", e);
        }
    }

    private static void check(Path file, String field, double value, Limit limit) {
        if (!limit.allows(value)) {
            throw new BadInputException(file, null, "field '" + field + "' is " + (long) value + "; it must be "
                    + limit.range());
        }
    }

    /** The card of an exported model, its values checked against the bounds a model can have. */
    public static ModelCard load(Path modelDir) {
        Path file = modelDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(modelDir, null, "has no " + NAME + ": is it a model folder exported by MedFed?");
        }
        try {
            ModelCard card = Json.MAPPER.readValue(file.toFile(), ModelCard.class);
            if (card == null) {
                // Jackson reads a file that is only "null" (or starts with it) as no object at all
                throw new BadInputException(file, null, "holds no JSON object; expected a model card "
                        + "({\"schemaVersion\": ..., \"model\": ...})");
            }
            if (card.schemaVersion() > ModelCard.CURRENT_SCHEMA) {
                throw new BadInputException(file, null, "was written by a newer MedFed (model card schema "
                        + card.schemaVersion() + "); this version reads up to " + ModelCard.CURRENT_SCHEMA);
            }
            if (card.model() == null) {
                throw new BadInputException(file, null, "has no \"model\": it does not say what model it describes");
            }
            check(file, "model.classCount", card.model().classCount(), Limit.CLASSES);
            check(file, "model.inputSize", card.model().inputSize(), Limit.INPUT_SIZE);
            try {
                Limit.checkLayers(StudyValidation.ints(card.model().hidden()), StudyValidation.ints(card.model().filters()));
            } catch (BadInputException e) {
                throw new BadInputException(file, null, e.getMessage(), e);
            }
            if (card.preprocessing() == null && card.imagePreprocessing() == null) {
                throw new BadInputException(file, null, "has neither \"preprocessing\" (a model of table columns) nor "
                        + "\"imagePreprocessing\" (a model of images): it does not say what data the model expects");
            }
            return card;
        } catch (IOException e) {
            throw Json.explain(file, e);
        }
    }
}
