package org.medfed.gui.genotypes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The genotype sample study copied into a test's folder, so that runs and edits stay there. */
final class GenotypeSamples {

    static final Path SAMPLE = Path.of("sample-projects/genotypes-4-hospitals").toAbsolutePath();
    static final String[] CAUSAL = {"syn238", "syn511", "syn1164", "syn1507"};

    private GenotypeSamples() {
    }

    static Path copy(Path dir) {
        try {
            Path target = dir.resolve("genotypes");
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(SAMPLE)) {
                for (Path f : files.toList()) {
                    Files.copy(f, target.resolve(f.getFileName()));
                }
            }
            return target.resolve("study.json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
