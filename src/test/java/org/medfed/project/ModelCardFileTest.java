package org.medfed.project;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.BadInputException;

class ModelCardFileTest {

    @TempDir
    Path dir;

    /** Found by ParserFuzzTest: a card that is only "null" (with anything after it) was read as no card at all. */
    @Test
    void aCardThatIsOnlyNullIsRefusedInWords() throws Exception {
        Files.writeString(dir.resolve(ModelCardFile.NAME), "null\" ]l");
        assertThatThrownBy(() -> ModelCardFile.load(dir)).isInstanceOf(BadInputException.class)
                .hasMessageEndingWith("model-card.json: holds no JSON object; expected a model card "
                        + "({\"schemaVersion\": ..., \"model\": ...})");
    }
}
