package org.medfed.gui.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.testing.QueuedUi;
import org.medfed.project.ImagingSection;

class ImageFolderViewModelTest {

    @TempDir
    Path dir;

    private static ImagingSection manifest() {
        return new ImagingSection(ImagingSection.MANIFEST, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    @Test
    void countsEachClassAndMakesSmallThumbnailsGroupedByClass() {
        ImageFolderViewModel vm = new ImageFolderViewModel(BackgroundTasks.immediate());
        vm.load("hospital-a", ImagingFixtures.HOSPITAL_A, ImagingSection.defaults());

        assertThat(vm.classes()).containsExactly(new ImageFolderViewModel.ClassCount("lesion", 20),
                new ImageFolderViewModel.ClassCount("no-lesion", 20));
        assertThat(vm.thumbnails()).hasSize(40);
        assertThat(vm.thumbnails().get(0).className()).isEqualTo("lesion");
        assertThat(vm.thumbnails().get(39).className()).isEqualTo("no-lesion");
        assertThat(vm.thumbnails()).allSatisfy(t -> {
            assertThat(Math.max(t.picture().width(), t.picture().height())).isLessThanOrEqualTo(Thumbnails.SIZE);
            assertThat(java.util.Arrays.stream(t.picture().argb()).anyMatch(c -> (c & 0xFF) > 100)).isTrue(); // not a black square
        });
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.statusProperty().get()).isEqualTo("40 images in 2 classes");
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.classChoices()).containsExactly(ImageFolderViewModel.ALL_CLASSES, "lesion", "no-lesion");

        vm.shownClassProperty().set("no-lesion");
        assertThat(vm.shownThumbnails()).hasSize(20).allMatch(t -> t.className().equals("no-lesion"));
        vm.shownClassProperty().set(ImageFolderViewModel.ALL_CLASSES);
        assertThat(vm.shownThumbnails()).hasSize(40);
    }

    @Test
    void aManifestGivesTheClassesOfItsLabelColumn() {
        ImageFolderViewModel vm = new ImageFolderViewModel(BackgroundTasks.immediate());
        vm.load("hospital-a", ImagingFixtures.HOSPITAL_A, manifest());
        assertThat(vm.classes()).extracting(ImageFolderViewModel.ClassCount::count).containsExactly(20, 20);
    }

    @Test
    void countsFilesThatAreNotDicomAndNamesTheDamagedOne() {
        Path h = ImagingFixtures.folderWithBadFiles(dir);
        ImageFolderViewModel vm = new ImageFolderViewModel(BackgroundTasks.immediate());
        vm.load("hospital-x", h, ImagingSection.defaults());

        assertThat(vm.statusProperty().get()).contains("1 file(s) that are not DICOM skipped").contains("1 problem(s)");
        assertThat(vm.problems()).singleElement().asString().contains("cut.dcm");
        assertThat(vm.thumbnails()).extracting(ImageFolderViewModel.Thumbnail::fileName)
                .containsExactly("good.dcm", "fine.dcm");
    }

    @Test
    void aFolderWithoutDicomSaysSoInsteadOfFailing() throws Exception {
        Path h = dir.resolve("empty-hospital");
        Files.createDirectories(h.resolve("images/lesion"));
        Files.writeString(h.resolve("images/lesion/readme.txt"), "nothing here");
        ImageFolderViewModel vm = new ImageFolderViewModel(BackgroundTasks.immediate());
        vm.load("empty", h, ImagingSection.defaults());
        assertThat(vm.statusProperty().get()).startsWith("Could not read this folder: ")
                .contains("holds no DICOM image").contains("1 file(s) were not DICOM");
        assertThat(vm.runningProperty().get()).isFalse();

        vm.load("missing", dir.resolve("nowhere"), ImagingSection.defaults());
        assertThat(vm.statusProperty().get()).contains("nowhere").contains("folder not found");
    }

    @Test
    void cancellingStopsTheReadingAtTheNextFile() {
        ImageFolderViewModel vm = new ImageFolderViewModel(BackgroundTasks.immediate());
        // a person presses Cancel as soon as the first progress shows
        vm.progressProperty().addListener((obs, was, is) -> {
            if (is.doubleValue() > 0) {
                vm.cancel();
            }
        });
        vm.load("hospital-a", ImagingFixtures.HOSPITAL_A, ImagingSection.defaults());
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("Cancelled (reading the file headers: 1 of 40). Nothing was counted.");
        assertThat(vm.thumbnails()).isEmpty();
    }

    @Test
    void aNewHospitalReplacesTheReadingUnderWay() {
        try (QueuedUi ui = QueuedUi.worker()) {
            ImageFolderViewModel vm = new ImageFolderViewModel(ui);
            vm.load("hospital-a", ImagingFixtures.HOSPITAL_A, ImagingSection.defaults());
            vm.load("hospital-b", ImagingFixtures.SAMPLE.resolve("data/hospital-b"), ImagingSection.defaults());
            ui.until(() -> !vm.runningProperty().get(), Duration.ofSeconds(60));
            assertThat(vm.titleProperty().get()).startsWith("hospital-b");
            assertThat(vm.thumbnails()).hasSize(40).allMatch(t -> t.fileName().startsWith("hospital-b"));
            assertThat(vm.classes()).extracting(ImageFolderViewModel.ClassCount::count).containsExactly(14, 26);
        }
    }

    @Test
    void aLargeFolderShowsSomeOfEveryClass() {
        List<ImageFolderIndex.Item> items = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            items.add(new ImageFolderIndex.Item(Path.of("a" + i + ".dcm"), "common"));
        }
        for (int i = 0; i < 5; i++) {
            items.add(new ImageFolderIndex.Item(Path.of("b" + i + ".dcm"), "rare"));
        }
        var index = new ImageFolderIndex.Result(items, new java.util.TreeMap<>(java.util.Map.of("common", 1000, "rare", 5)),
                0, List.of());
        List<ImageFolderIndex.Item> chosen = ImageFolderViewModel.sample(index);
        assertThat(chosen).hasSize(ImageFolderViewModel.MAX_THUMBNAILS);
        assertThat(chosen.stream().filter(i -> i.className().equals("rare"))).hasSize(5);
        assertThat(ImageFolderViewModel.summary(index, chosen.size(), 0))
                .isEqualTo("1005 images in 2 classes; thumbnails of the first 240");
    }
}
