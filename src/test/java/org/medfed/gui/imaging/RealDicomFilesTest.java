package org.medfed.gui.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.project.ImagingSection;
import org.medfed.testsupport.SharedData;

/**
 * Real DICOM files of other makers (pydicom's test files: CT, MR, RGB, MONOCHROME1, compressed, damaged): the viewer
 * shows each or says in words what is wrong, and a folder of them reads without failing.
 */
class RealDicomFilesTest {

    private static final Path FILES = SharedData.data("dicom-pydicom-testfiles");

    @Test
    void theViewerShowsEveryFileOrSaysWhatIsWrongWithIt() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(FILES)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        int shown = 0;
        for (Path f : files) {
            ImageViewerViewModel vm = new ImageViewerViewModel(BackgroundTasks.immediate());
            vm.open(f);
            if (vm.pictureProperty().get() != null) {
                shown++;
                PixelPicture p = vm.pictureProperty().get();
                assertThat(p.width() * p.height()).as(f.toString()).isPositive();
                assertThat(vm.tags()).as(f.toString()).isNotEmpty();
            } else {
                assertThat(vm.errorProperty().get()).as(f.toString()).isNotBlank()
                        .doesNotContain("this is a bug");
            }
        }
        assertThat(shown).isGreaterThan(files.size() / 2);
    }

    @Test
    void aFolderOfMixedFilesReadsWithItsProblemsListed() {
        Path parent = FILES.getParent();
        // the pydicom folder as one hospital whose class folders are valid/, odd/ and series_CT5N/
        ImagingSection s = new ImagingSection(null, null, FILES.getFileName().toString(), null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
        ImageFolderViewModel vm = new ImageFolderViewModel(BackgroundTasks.immediate());
        vm.load("pydicom", parent, s);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.classes()).extracting(ImageFolderViewModel.ClassCount::name).contains("valid");
        assertThat(vm.statusProperty().get()).doesNotStartWith("Could not");
        assertThat(vm.problems()).allSatisfy(p -> assertThat(p).doesNotContain("this is a bug"));
    }
}
