package org.medfed.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real public data in {@code ../shared/data} (or {@code $MEDFED_SHARED/data}).
 *
 * <p>On a user's clone without it, tests that need it are skipped with a message saying so. CI sets
 * {@code MEDFED_REQUIRE_SHARED=1}: then a missing file fails the test, never a silent skip.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The shared folder: {@code $MEDFED_SHARED} if set, else {@code ../shared} beside the project. */
    public static Path root() {
        String env = System.getenv("MEDFED_SHARED");
        return (env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "shared")).toAbsolutePath().normalize();
    }

    /** A file or folder under {@code shared/data}, or the test is skipped (failed when required). */
    public static Path data(String relative) {
        return require(root().resolve("data").resolve(relative));
    }

    /** A file or folder under {@code shared/benchmarks}, or the test is skipped (failed when required). */
    public static Path benchmark(String relative) {
        return require(root().resolve("benchmarks").resolve(relative));
    }

    public static boolean required() {
        return "1".equals(System.getenv("MEDFED_REQUIRE_SHARED"));
    }

    private static Path require(Path p) {
        if (Files.exists(p)) {
            return p;
        }
        String message = "shared test data not found: " + p
                + " (clone the shared folder beside the project, or set MEDFED_SHARED)";
        if (required()) {
            fail(message + "; MEDFED_REQUIRE_SHARED=1, so this is a failure");
        }
        Assumptions.abort(message + "; skipping");
        return p;
    }
}
