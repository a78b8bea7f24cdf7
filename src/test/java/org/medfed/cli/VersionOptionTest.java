package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code medfed --version} names the program and the libraries that do the work, each with the version found. */
class VersionOptionTest {

    @Test
    void versionListsTheProgramAndEachComponentWithAVersion() {
        CliRunner r = CliRunner.run("--version");

        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("MedFed Workbench ");
        for (String component : List.of("Java ", "DL4J ", "gRPC ", "ONNX Runtime ")) {
            assertThat(lines).as(component).anySatisfy(line -> assertThat(line).startsWith(component)
                    .doesNotContain("not found").matches(".*\\d+\\.\\d+.*"));
        }
    }
}
