package org.medfed.gui.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.data.dicom.DicomImage;
import org.medfed.data.dicom.Window;
import org.medfed.gui.common.BackgroundTasks;

class ImageViewerViewModelTest {

    @TempDir
    Path dir;

    private static String tag(ImageViewerViewModel vm, String name) {
        return vm.tags().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().value();
    }

    @Test
    void startsAtTheFilesWindowAndShowsTheTagsThatMatter() {
        Window file = DicomImage.read(ImagingFixtures.LESION_FILE).fileWindow().orElseThrow();
        ImageViewerViewModel vm = new ImageViewerViewModel(BackgroundTasks.immediate());
        vm.open(ImagingFixtures.LESION_FILE);

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.titleProperty().get()).isEqualTo("hospital-a-001.dcm");
        assertThat(vm.centerProperty().get()).isEqualTo(file.center());
        assertThat(vm.widthProperty().get()).isEqualTo(file.width());
        PixelPicture picture = vm.pictureProperty().get();
        assertThat(picture.width()).isEqualTo(DicomImage.read(ImagingFixtures.LESION_FILE).columns());
        assertThat(tag(vm, "Modality")).isEqualTo("MR");
        assertThat(tag(vm, "Patient ID")).isNotBlank().isNotEqualTo("–");
        assertThat(tag(vm, "Transfer syntax")).contains("Little Endian");
        assertThat(tag(vm, "Photometric interpretation")).isEqualTo("MONOCHROME2");
        assertThat(tag(vm, "Rescale slope / intercept")).contains("/");
        assertThat(vm.tags()).extracting(ImageViewerViewModel.TagRow::name).contains("Study instance UID",
                "Series instance UID", "Rows", "Columns", "Pixel spacing (mm)", "Bits allocated / stored");
        assertThat(vm.rangeProperty().get()).startsWith("after rescale: min ");
        assertThat(vm.rangeMinProperty().get()).isLessThan(file.center());
        assertThat(vm.rangeMaxProperty().get()).isGreaterThan(file.center());
    }

    @Test
    void aNarrowerWindowRedrawsWithMoreContrastAndResetGoesBack() {
        ImageViewerViewModel vm = new ImageViewerViewModel(BackgroundTasks.immediate());
        vm.open(ImagingFixtures.LESION_FILE);
        PixelPicture original = vm.pictureProperty().get();
        double width = vm.widthProperty().get();

        vm.widthProperty().set(width / 4);
        PixelPicture narrow = vm.pictureProperty().get();
        assertThat(narrow.argb()).isNotEqualTo(original.argb());
        assertThat(countOf(narrow, 0xFFFFFFFF)).isGreaterThan(countOf(original, 0xFFFFFFFF));

        vm.reset();
        assertThat(vm.widthProperty().get()).isEqualTo(width);
        assertThat(vm.pictureProperty().get().argb()).isEqualTo(original.argb());

        vm.drag(100, -50);
        assertThat(vm.widthProperty().get()).isGreaterThan(width);
        assertThat(vm.centerProperty().get()).isLessThan(DicomImage.read(ImagingFixtures.LESION_FILE).fileWindow()
                .orElseThrow().center());
    }

    @Test
    void aDamagedFileIsAMessageNamingIt() throws Exception {
        Path h = ImagingFixtures.folderWithBadFiles(dir);
        ImageViewerViewModel vm = new ImageViewerViewModel(BackgroundTasks.immediate());
        vm.open(h.resolve("images/no-lesion/cut.dcm"));
        assertThat(vm.errorProperty().get()).startsWith("cut.dcm");
        assertThat(vm.pictureProperty().get()).isNull();
        assertThat(vm.tags()).isEmpty();

        vm.open(h.resolve("images/lesion/notes.txt"));
        assertThat(vm.errorProperty().get()).startsWith("notes.txt");
    }

    private static long countOf(PixelPicture p, int argb) {
        return java.util.Arrays.stream(p.argb()).filter(c -> c == argb).count();
    }
}
