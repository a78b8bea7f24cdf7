package org.medfed.gui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.gui.testing.Samples;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.StudyFile;

class StudyDocumentTest {

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong();
    private final StudyDocument doc = new StudyDocument(now::get);

    private void later() {
        now.addAndGet(StudyDocument.TYPING_PAUSE_NANOS);
    }

    private void removeFirstHospital() {
        doc.edit(s -> {
            List<ParticipantEntry> all = new ArrayList<>(s.participants());
            all.remove(0);
            return s.withParticipants(all);
        });
    }

    @Test
    void undoAndRedoWalkTheEditsAndTheUnsavedFlagFollowsTheSavedStudy() {
        Path file = Samples.copy(dir, 3);
        doc.replace(StudyFile.load(file), file);
        String first = doc.study().participants().get(0).name();
        assertThat(doc.canUndoProperty().get()).isFalse();

        removeFirstHospital();
        later();
        doc.edit(s -> s.withSeed(99L));
        assertThat(doc.isDirty()).isTrue();
        assertThat(doc.canUndoProperty().get()).isTrue();

        assertThat(doc.undo()).isTrue();
        assertThat(doc.study().seed()).isNotEqualTo(99L);
        assertThat(doc.canRedoProperty().get()).isTrue();
        assertThat(doc.undo()).isTrue();
        assertThat(doc.study().participants()).hasSize(4);
        assertThat(doc.study().participants().get(0).name()).isEqualTo(first);
        assertThat(doc.isDirty()).as("back to the study as opened").isFalse();
        assertThat(doc.undo()).isFalse();

        assertThat(doc.redo()).isTrue();
        assertThat(doc.study().participants()).hasSize(3);
        assertThat(doc.isDirty()).isTrue();
        later();
        doc.edit(s -> s.withName("Another edit"));
        assertThat(doc.canRedoProperty().get()).as("a new edit ends what could be redone").isFalse();
        assertThat(doc.redo()).isFalse();
    }

    @Test
    void keystrokesMakeOneStepButQuickRemovalsStaySeparate() {
        Path file = Samples.copy(dir, 3);
        doc.replace(StudyFile.load(file), file);
        String name = doc.study().name();
        for (String typed : List.of("H", "He", "Hea", "Heart")) {
            now.addAndGet(StudyDocument.TYPING_PAUSE_NANOS / 5);
            doc.edit(s -> s.withName(typed));
        }
        now.addAndGet(StudyDocument.TYPING_PAUSE_NANOS / 5);
        doc.edit(s -> s.withSeed(5L)); // another field at once: a step of its own
        doc.undo();
        assertThat(doc.study().name()).isEqualTo("Heart");
        doc.undo();
        assertThat(doc.study().name()).isEqualTo(name);

        removeFirstHospital();
        removeFirstHospital();
        doc.undo();
        assertThat(doc.study().participants()).hasSize(3);
    }

    @Test
    void theHistoryIsBoundedAndStartsAfreshForEveryStudyOpenedOrBegun() {
        Path file = Samples.copy(dir, 3);
        doc.replace(StudyFile.load(file), file);
        int opened = doc.openedProperty().get();
        for (int i = 1; i <= StudyDocument.MAX_STEPS + 20; i++) {
            later();
            long seed = 1000 + i;
            doc.edit(s -> s.withSeed(seed));
        }
        int undone = 0;
        while (doc.undo()) {
            undone++;
        }
        assertThat(undone).isEqualTo(StudyDocument.MAX_STEPS);
        assertThat(doc.study().seed()).isEqualTo(1020L);
        assertThat(doc.openedProperty().get()).as("edits and undo open nothing").isEqualTo(opened);

        later();
        doc.edit(s -> s.withSeed(1L));
        doc.replace(StudyFile.load(file), null);
        assertThat(doc.canUndoProperty().get()).isFalse();
        assertThat(doc.canRedoProperty().get()).isFalse();
        assertThat(doc.openedProperty().get()).isEqualTo(opened + 1);
    }

    @Test
    void saveAsRewritesTheStepsPathsSoThatUndoStillFindsTheFiles() {
        Path file = Samples.copy(dir, 3);
        doc.replace(StudyFile.load(file), file);
        Path firstData = doc.resolve(doc.study().participants().get(0).data().get(0));
        removeFirstHospital();
        doc.saveAs(dir.resolve("elsewhere/deeper/study.json"));
        assertThat(doc.isDirty()).isFalse();
        doc.undo();
        assertThat(doc.study().participants()).hasSize(4);
        assertThat(doc.resolve(doc.study().participants().get(0).data().get(0))).isEqualTo(firstData);
        assertThat(doc.isDirty()).isTrue();
    }
}
