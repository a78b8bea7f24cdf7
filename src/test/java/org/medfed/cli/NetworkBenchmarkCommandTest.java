package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code medfed benchmark network} needs no data, prints its tables and writes network.md and network.csv. */
class NetworkBenchmarkCommandTest {

    @Test
    void printsAndWritesTheReport(@TempDir Path dir) throws Exception {
        CliRunner r = CliRunner.run("benchmark", "network", "--nodes", "2", "--rounds", "1", "--repetitions", "1",
                "--out", dir.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("### Network: nodes on loopback",
                "Command: `java -jar target/medfed.jar benchmark network --nodes 2 --rounds 1 --repetitions 1`");
        assertThat(Files.readString(dir.resolve("network.md"))).contains("#### Bytes per round per hospital");
        assertThat(Files.readString(dir.resolve("network.csv"))).startsWith("hospitals,variant,");
    }

    @Test
    void theOtherBenchmarksStillAskForTheirData() {
        CliRunner r = CliRunner.run("benchmark", "privacy");

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err()).contains("needs --data DIR");
    }
}
