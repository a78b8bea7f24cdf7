package org.medfed.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfed.testsupport.TestWorkers;

class WorkbenchLauncherTest {

    @Test
    void moreThanOneStudyOrAnUnknownOptionIsRefusedWithTheUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = WorkbenchLauncher.launch(TestWorkers.shared(), List.of("a.json", "b.json"), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("expected at most one study file").contains("Usage: medfed gui");
        err.reset();
        assertThat(WorkbenchLauncher.launch(TestWorkers.shared(), List.of("--fast"), new PrintStream(err, true, StandardCharsets.UTF_8))).isEqualTo(2);
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(WorkbenchLauncher.launch(TestWorkers.shared(), List.of("--help"), System.err)).isZero();
    }
}
