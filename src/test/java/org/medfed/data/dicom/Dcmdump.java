package org.medfed.data.dicom;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs DCMTK's {@code dcmdump} as an independent check of files we write. Without dcmdump on the PATH the
 * test is skipped with a message, unless MEDFED_REQUIRE_SHARED=1 (CI installs dcmtk), where it fails.
 */
public final class Dcmdump {

    /** What dcmdump printed and returned. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    private Dcmdump() {
    }

    public static Path require() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, "dcmdump");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        String message = "dcmdump (Debian package dcmtk) is not on the PATH: apt-get install -y dcmtk";
        if ("1".equals(System.getenv("MEDFED_REQUIRE_SHARED"))) {
            fail(message + "; MEDFED_REQUIRE_SHARED=1, so this is a failure");
        }
        Assumptions.abort(message + "; skipping");
        return null;
    }

    /** dcmdump in its strict default mode on the files, one process for all. */
    public static Result run(List<Path> files) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(require().toString());
        for (Path f : files) {
            cmd.add(f.toString());
        }
        Process p = new ProcessBuilder(cmd).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("dcmdump did not finish within 60 s");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }
}
