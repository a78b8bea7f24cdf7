package org.medfed.data.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.BadInputException;

class ImageManifestTest {

    @TempDir
    Path dir;

    @Test
    void readsTheListedImagesRelativeToTheManifest() throws IOException {
        Path csv = Files.writeString(dir.resolve("labels.csv"), "file,label\nimages/a.dcm,benign\n\nb.dcm , malignant\n");
        assertThat(ImageManifest.read(csv)).containsExactly(
                new ImageManifest.Entry(dir.resolve("images/a.dcm"), "benign", "images/a.dcm", "line 2"),
                new ImageManifest.Entry(dir.resolve("b.dcm"), "malignant", "b.dcm", "line 4"));
    }

    /** The preview used to skip such rows while the run refused them; both read through this now. */
    @Test
    void refusesMalformedRowsNamingTheLine() throws IOException {
        Path csv = Files.writeString(dir.resolve("labels.csv"), "file,label\na.dcm,benign\nb.dcm\n");
        assertThatThrownBy(() -> ImageManifest.read(csv)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("labels.csv").hasMessageContaining("line 3")
                .hasMessageContaining("expected 2 columns, found 1");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "file,label\na.dcm,\n");
        assertThatThrownBy(() -> ImageManifest.read(empty)).hasMessageContaining("line 2")
                .hasMessageContaining("the file and the label must both be given");
        Path header = Files.writeString(dir.resolve("header.csv"), "path,class\na.dcm,x\n");
        assertThatThrownBy(() -> ImageManifest.read(header)).hasMessageContaining("must name the columns 'file' and 'label'");
    }
}
