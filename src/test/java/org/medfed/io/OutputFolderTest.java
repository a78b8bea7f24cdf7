package org.medfed.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.BadInputException;

class OutputFolderTest {

    private static final List<String> OUTPUTS = List.of("a.csv", "model");

    @TempDir
    Path tmp;

    @Test
    void aFolderIsFinishedOnlyOnceTheMarkerIsWrittenLast() throws Exception {
        Path dir = tmp.resolve("out");
        try (OutputFolder folder = OutputFolder.claim(dir, "test", OutputFolder.Mode.NEW, OUTPUTS)) {
            Files.writeString(dir.resolve("a.csv"), "x\n1\n");
            Files.createDirectories(dir.resolve("model"));
            Files.writeString(dir.resolve("model/m.zip"), "zip");
            assertThat(OutputFolder.isFinished(dir)).isFalse();
            folder.finish();
        }
        OutputFolder.requireFinished(dir);
        OutputFolder.requireFinishedPart(dir.resolve("model"));
        assertThat(Files.readString(dir.resolve(OutputFolder.MARKER))).contains("command=test")
                .contains("file.a.csv=4 ").contains("file.model/m.zip=3 ");
    }

    @Test
    void aFinishedFolderIsNotReplacedWithoutBeingAsked() throws Exception {
        Path dir = finished("out");
        assertThatThrownBy(() -> OutputFolder.claim(dir, "test", OutputFolder.Mode.NEW, OUTPUTS))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("already holds a finished test (finished ")
                .hasMessageContaining("add --force to replace it");
        assertThat(OutputFolder.isFinished(dir)).isTrue();
    }

    @Test
    void aFolderHoldingOtherFilesIsNotWrittenIntoWithoutBeingAsked() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(dir.resolve("thesis.docx"), "mine");
        assertThatThrownBy(() -> OutputFolder.claim(dir, "test", OutputFolder.Mode.NEW, OUTPUTS))
                .hasMessageContaining("notes: is not empty (thesis.docx)");
    }

    @Test
    void replacingRemovesTheMarkerAndTheEarlierOutputsFirstSoACrashLeavesNoMixedFolder() throws Exception {
        Path dir = finished("out");
        Files.writeString(dir.resolve("thesis.docx"), "not ours");
        OutputFolder folder = OutputFolder.claim(dir, "test", OutputFolder.Mode.REPLACE, OUTPUTS);
        // the new writer dies here, having written only part of its outputs
        Files.writeString(dir.resolve("a.csv"), "new\n");
        folder.close();
        assertThat(dir.resolve("model")).doesNotExist();
        assertThat(dir.resolve("thesis.docx")).exists();
        assertThat(OutputFolder.isFinished(dir)).isFalse();
        assertThatThrownBy(() -> OutputFolder.requireFinished(dir)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("is not a finished output folder (no finished.properties): the command that "
                        + "wrote it was interrupted");
    }

    @Test
    void aModelFolderFromAnEarlierBuildIsRefusedWithTheWayOut() throws Exception {
        Path old = Files.createDirectories(tmp.resolve("exported-model"));
        Files.writeString(old.resolve("model-card.json"), "{}");
        assertThatThrownBy(() -> OutputFolder.requireFinished(old)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("exported by an earlier MedFed build").hasMessageContaining("export it from its run");
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstHoldsTheLock() throws Exception {
        Path dir = tmp.resolve("out");
        try (OutputFolder first = OutputFolder.claim(dir, "test", OutputFolder.Mode.NEW, OUTPUTS)) {
            assertThatThrownBy(() -> OutputFolder.claim(dir, "test", OutputFolder.Mode.REPLACE, OUTPUTS))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("another MedFed command is writing into this folder right now");
        }
        // released: the next writer may come
        OutputFolder.claim(dir, "test", OutputFolder.Mode.NEW, OUTPUTS).close();
    }

    @Test
    void anOutputChangedAfterTheFinishIsNoticed() throws Exception {
        Path dir = finished("out");
        Files.writeString(dir.resolve("a.csv"), "an older, longer table\n");
        assertThatThrownBy(() -> OutputFolder.requireFinished(dir))
                .hasMessageContaining("a.csv: has changed since the command that wrote out finished");
        Files.delete(dir.resolve("a.csv"));
        assertThatThrownBy(() -> OutputFolder.requireFinished(dir)).hasMessageContaining("a.csv: is missing");
    }

    @Test
    void resumingTakesAnUnfinishedFolderAsItIsAndRefusesAFinishedOne() throws Exception {
        Path dir = tmp.resolve("out");
        try (OutputFolder interrupted = OutputFolder.claim(dir, "test", OutputFolder.Mode.NEW, OUTPUTS)) {
            Files.writeString(dir.resolve("a.csv"), "half");
        }
        OutputFolder.claim(dir, "test", OutputFolder.Mode.RESUME, OUTPUTS).close();
        assertThat(Files.readString(dir.resolve("a.csv"))).isEqualTo("half");
        Path done = finished("done");
        assertThatThrownBy(() -> OutputFolder.claim(done, "test", OutputFolder.Mode.RESUME, OUTPUTS))
                .hasMessageContaining("holds a finished test");
    }

    @Test
    void aFolderTheClaimMadeGoesAgainWhenNothingWasWrittenButAFolderThatWasThereStays() throws Exception {
        // a command that fails before writing anything (a missing data file) leaves no empty folder behind
        Path made = tmp.resolve("runs/20261207-220000");
        OutputFolder.claim(made, "test", OutputFolder.Mode.NEW, OUTPUTS).close();
        assertThat(tmp.resolve("runs")).doesNotExist();
        Path another = Files.createDirectories(tmp.resolve("runs/20261207-210000"));
        OutputFolder.claim(made, "test", OutputFolder.Mode.NEW, OUTPUTS).close();
        assertThat(made).doesNotExist();
        assertThat(another).isDirectory();
        Path chosen = Files.createDirectories(tmp.resolve("chosen"));
        OutputFolder.claim(chosen, "test", OutputFolder.Mode.NEW, OUTPUTS).close();
        assertThat(chosen).isDirectory();
        Path finished = tmp.resolve("finished");
        try (OutputFolder f = OutputFolder.claim(finished, "test", OutputFolder.Mode.NEW, List.of())) {
            f.finish();
        }
        assertThat(finished.resolve(OutputFolder.MARKER)).isRegularFile();
    }

    @Test
    void leftoversOfAKilledWriterAreNotOutputsAndAreCleanedByTheNext() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(dir.resolve(".a.csv.3f2a.tmp"), "half");
        Files.createDirectories(dir.resolve(".medfed-work-123"));
        try (OutputFolder folder = OutputFolder.claim(dir, "test", OutputFolder.Mode.NEW, OUTPUTS)) {
            assertThat(dir.resolve(".a.csv.3f2a.tmp")).doesNotExist();
            assertThat(dir.resolve(".medfed-work-123")).doesNotExist();
        }
    }

    @Test
    void aFileWhereTheFolderShouldBeIsNamed() throws Exception {
        Path file = Files.writeString(tmp.resolve("out"), "x");
        assertThatThrownBy(() -> OutputFolder.claim(file, "test", OutputFolder.Mode.NEW, OUTPUTS))
                .hasMessageContaining("out: is a file, not a folder");
    }

    private Path finished(String name) throws Exception {
        Path dir = tmp.resolve(name);
        try (OutputFolder folder = OutputFolder.claim(dir, "test", OutputFolder.Mode.NEW, OUTPUTS)) {
            Files.writeString(dir.resolve("a.csv"), "x\n1\n");
            Files.createDirectories(dir.resolve("model"));
            Files.writeString(dir.resolve("model/m.zip"), "zip");
            folder.finish();
        }
        return dir;
    }
}
