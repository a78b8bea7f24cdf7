package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfed.testsupport.TestWorkers;
import picocli.CommandLine;

/** {@code medfed node --gui}: the window the entry point gives, with or without a node.json. */
class NodeGuiOptionTest {

    @Test
    void guiOpensTheWindowGivenByTheEntryPoint() {
        List<Path> opened = new ArrayList<>();
        CommandLine cl = MedFedCommand.commandLine(TestWorkers.shared(), config -> {
            opened.add(config);
            return 0;
        }, "node");
        assertThat(cl.execute("node", "--gui", "--config", "kit/node.json")).isZero();
        assertThat(cl.execute("node", "--gui")).isZero();
        assertThat(opened).containsExactly(Path.of("kit/node.json"), null);
    }

    @Test
    void withoutGuiTheConfigIsRequiredAndSaidSo() {
        CliRunner r = CliRunner.run("node");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option: '--config=node.json' (or --gui to open the node's "
                + "window)");
        CliRunner help = CliRunner.run("node", "--help");
        assertThat(help.out()).contains("--gui").contains("open the node's window");
    }

    @Test
    void theCommandListKeepsItsOrder() {
        StringWriter out = new StringWriter();
        CommandLine cl = MedFedCommand.commandLine(TestWorkers.shared());
        cl.setOut(new PrintWriter(out));
        cl.execute("--help");
        String text = out.toString();
        assertThat(text.indexOf("  provision")).isLessThan(text.indexOf("  node"));
        assertThat(text.indexOf("  node")).isLessThan(text.indexOf("  benchmark"));
        assertThat(text.indexOf("  benchmark")).isLessThan(text.indexOf("  help"));
    }
}
