package org.medfed.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path tmp;

    @Test
    void contentWrittenPieceByPieceArrivesWhole() throws IOException {
        Path file = tmp.resolve("sub").resolve("table.tsv");
        AtomicFiles.write(file, out -> {
            for (int i = 0; i < 100_000; i++) {
                out.write(("line " + i + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        });
        assertThat(Files.readAllLines(file)).hasSize(100_000).endsWith("line 99999");
        assertThat(tmp.resolve("sub")).isDirectoryContaining(p -> p.equals(file))
                .isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void contentThatFailsHalfWayLeavesNothingAndKeepsTheOldFile() throws IOException {
        Path file = tmp.resolve("table.tsv");
        AtomicFiles.write(file, "old".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write(new byte[1 << 20]);
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(file).hasContent("old");
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(file);
        }
    }
}
