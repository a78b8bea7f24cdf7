package org.medfed.gui.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medfed.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studies opened or saved lately, newest first, kept in {@code recent.txt} (one absolute path a line) in the
 * workbench's home folder ({@code ~/.medfed}, or {@code -Dmedfed.home}). Written atomically; an unreadable file
 * only means an empty list.
 */
public final class RecentStudies {

    public static final int MAX = 10;
    private static final Logger LOG = LoggerFactory.getLogger(RecentStudies.class);

    private final Path file;

    public RecentStudies(Path file) {
        this.file = file;
    }

    /** The list in the user's workbench home folder. */
    public static RecentStudies inHome() {
        return new RecentStudies(home().resolve("recent.txt"));
    }

    public static Path home() {
        String configured = System.getProperty("medfed.home");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".medfed");
    }

    public Path file() {
        return file;
    }

    /** The studies that still exist, newest first. */
    public List<Path> list() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::trim).filter(s -> !s.isEmpty())
                    .map(Path::of).filter(Files::isRegularFile).distinct().limit(MAX).toList();
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not read the recent studies list {}: {}", file, e.toString());
            return List.of();
        }
    }

    /** Puts {@code study} at the top; returns the new list. A failure to write is logged, never shown as an error. */
    public List<Path> add(Path study) {
        Path abs = study.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>();
        next.add(abs);
        list().stream().filter(p -> !p.toAbsolutePath().normalize().equals(abs)).limit(MAX - 1).forEach(next::add);
        StringBuilder sb = new StringBuilder();
        next.forEach(p -> sb.append(p).append('\n'));
        try {
            AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("could not write the recent studies list {}: {}", file, e.toString());
        }
        return next;
    }
}
