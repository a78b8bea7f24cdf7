package org.medfed.gui.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.Test;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.StudyDocument;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;

class SelectedHospitalImagesTest {

    @Test
    void readsTheChosenHospitalOnceAndCountsEveryHospital() {
        StudyDocument doc = new StudyDocument();
        SimpleIntegerProperty selected = new SimpleIntegerProperty(-1);
        ImageFolderViewModel folder = new ImageFolderViewModel(BackgroundTasks.immediate());
        Map<String, String> balance = new TreeMap<>();
        int[] loads = {0};
        folder.titleProperty().addListener((obs, was, is) -> loads[0]++);
        new SelectedHospitalImages(doc, selected, folder, BackgroundTasks.immediate(),
                (h, samples, b) -> balance.put(h, samples + ": " + b));

        doc.replace(StudyFile.load(ImagingFixtures.SAMPLE.resolve("study.json")), ImagingFixtures.SAMPLE.resolve("study.json"));
        assertThat(balance).containsEntry("hospital-a", "40: lesion 20 · no-lesion 20")
                .containsEntry("hospital-b", "40: lesion 14 · no-lesion 26").hasSize(4);
        assertThat(folder.titleProperty().get()).isEmpty();
        assertThat(folder.statusProperty().get()).isEqualTo("Choose a hospital above to see its images.");

        selected.set(2);
        assertThat(folder.titleProperty().get()).startsWith("hospital-c: ");
        assertThat(folder.thumbnails()).hasSize(40);
        int before = loads[0];
        doc.edit(s -> s.withSeed(99)); // a change that does not touch the images
        assertThat(loads[0]).isEqualTo(before);

        doc.edit(s -> s.withParticipants(List.of(s.participants().get(0), s.participants().get(1),
                s.participants().get(2).withData(List.of()))));
        assertThat(folder.titleProperty().get()).isEmpty();
        assertThat(folder.statusProperty().get()).isEqualTo("hospital-c has no image folder yet: choose one with "
                + "\"Choose data file…\".");

        doc.replace(Study.empty(), null); // a table study: nothing to show
        assertThat(folder.titleProperty().get()).isEmpty();
        assertThat(folder.thumbnails()).isEmpty();
    }
}
