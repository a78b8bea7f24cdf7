package org.medfed.project;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.BadInputException;

/**
 * A file or message that holds only JSON null (ParserFuzzTest found one reader that took it for an object) is
 * refused in words.
 */
class JsonNullFilesTest {

    @TempDir
    Path dir;

    @Test
    void aNodesSavedSessionThatIsNullIsReportedWithWhatToDo() throws Exception {
        Path file = Files.writeString(dir.resolve("session.json"), "null");
        assertThatThrownBy(() -> NodeSessionFile.load(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("session.json: the node's saved study state is JSON null, not a saved session; "
                        + "delete it to start the study afresh at this hospital");
    }

    @Test
    void aMessageBetweenCoordinatorAndNodeThatIsNullIsRefused() {
        assertThatThrownBy(() -> ProtocolJson.read("null", Map.class))
                .hasMessageContaining("the message does not hold a Map: it is JSON null");
    }

    @Test
    void aRunOutputThatIsNullIsReportedByName() throws Exception {
        Path file = Files.writeString(dir.resolve("summary.json"), "null");
        assertThatThrownBy(() -> JsonFiles.read(file, Map.class)).isInstanceOf(BadInputException.class)
                .hasMessage("summary.json: holds JSON null where an object was expected");
    }
}
