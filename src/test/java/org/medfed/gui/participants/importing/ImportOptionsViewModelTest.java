package org.medfed.gui.participants.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.StudyDocument;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;

class ImportOptionsViewModelTest {

    @TempDir
    Path dir;

    @Test
    void namesTakenFromAnotherHospitalAreShownInThePreviewAtOnce() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "age,sex,disease\n63,1,0\n67,1,1\n");
        Files.writeString(dir.resolve("b.csv"), "28,1,0\n29,0,1\n30,1,0\n");
        StudyDocument doc = new StudyDocument();
        doc.replace(Study.empty().withParticipants(List.of(
                new ParticipantEntry("a", List.of(dir.resolve("a.csv").toString()), null, null, null),
                new ParticipantEntry("b", List.of(dir.resolve("b.csv").toString()), null, null, null))), null);
        SimpleIntegerProperty selected = new SimpleIntegerProperty(1);
        ImportOptionsViewModel vm = new ImportOptionsViewModel(doc, selected, BackgroundTasks.immediate(),
                name -> name.equals("a") ? List.of("age", "sex", "disease") : List.of());

        vm.copyColumnNamesFrom("a");

        assertThat(doc.study().participants().get(1).csvOptions().columnNames()).containsExactly("age", "sex", "disease");
        assertThat(vm.columnNamesProperty().get()).isEqualTo("age, sex, disease");
        assertThat(vm.previewColumns()).containsExactly("age", "sex", "disease");
        assertThat(vm.previewRows()).hasSize(3);
        assertThat(vm.previewStatusProperty().get()).startsWith("✔ 3 rows, 3 columns, no header row: columns named as given");
    }
}
