package org.medfed.gui.common;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.medfed.engine.BadInputException;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;

/**
 * The sample studies shipped with MedFed: every {@code sample-projects/<name>/study.json}. The folder is looked
 * for in this order: {@code -Dmedfed.samples}, {@code sample-projects} in the working folder, then beside the jar
 * and one folder above it (so {@code java -jar target/medfed.jar} from the project folder and the installed
 * app-image both find it).
 */
public final class SampleStudies {

    /** A sample as the gallery shows it. */
    public record Sample(Path studyFile, String name, String description, String dataType, int hospitals) {
    }

    public static final String DEFAULT_SAMPLE = "heart-4-hospitals";

    private SampleStudies() {
    }

    public static Optional<Path> locateFolder() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty("medfed.samples");
        if (configured != null) {
            candidates.add(Path.of(configured));
        }
        candidates.add(Path.of("sample-projects"));
        jarFolder().ifPresent(dir -> {
            candidates.add(dir.resolve("sample-projects"));
            if (dir.getParent() != null) {
                candidates.add(dir.getParent().resolve("sample-projects"));
            }
        });
        return candidates.stream().filter(Files::isDirectory).map(p -> p.toAbsolutePath().normalize()).findFirst();
    }

    /** The built-in sample study file, when the samples folder is found. */
    public static Optional<Path> defaultSample() {
        return locateFolder().map(d -> d.resolve(DEFAULT_SAMPLE).resolve("study.json")).filter(Files::isRegularFile);
    }

    public static List<Sample> list() {
        return locateFolder().map(SampleStudies::list).orElse(List.of());
    }

    public static List<Sample> list(Path folder) {
        List<Sample> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(folder)) {
            for (Path dir : dirs.sorted().toList()) {
                Path file = dir.resolve("study.json");
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                try {
                    Study s = StudyFile.load(file);
                    out.add(new Sample(file, s.name(), s.description(), s.dataType(), s.participants().size()));
                } catch (BadInputException e) {
                    // a broken sample is left out of the gallery rather than breaking the start screen
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return out;
    }

    private static Optional<Path> jarFolder() {
        try {
            var source = SampleStudies.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path p = Path.of(source.getLocation().toURI());
            return Optional.ofNullable(Files.isDirectory(p) ? p : p.getParent());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
