package org.medfed.gui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentStudiesTest {

    @TempDir
    Path dir;

    @Test
    void newestFirstWithoutDuplicatesAndOnlyExistingFiles() throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), "{}");
        Path b = Files.writeString(dir.resolve("b.json"), "{}");
        RecentStudies recent = new RecentStudies(dir.resolve("home/recent.txt"));
        recent.add(a);
        recent.add(b);
        assertThat(recent.add(a)).containsExactly(a, b);
        Files.delete(b);
        assertThat(new RecentStudies(dir.resolve("home/recent.txt")).list()).containsExactly(a);
    }

    @Test
    void anUnreadableListIsEmpty() throws Exception {
        Files.createDirectories(dir.resolve("recent.txt"));
        assertThat(new RecentStudies(dir.resolve("recent.txt")).list()).isEmpty();
    }

    @Test
    void findsTheSampleGallery() {
        assertThat(SampleStudies.list()).anySatisfy(s -> {
            assertThat(s.name()).contains("Coronary");
            assertThat(s.hospitals()).isEqualTo(4);
            assertThat(s.dataType()).isEqualTo("tabular");
        });
        assertThat(SampleStudies.defaultSample()).isPresent();
    }
}
