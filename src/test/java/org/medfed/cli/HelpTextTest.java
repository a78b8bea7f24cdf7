package org.medfed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medfed.concurrency.Workers;
import picocli.CommandLine;

/**
 * Every help page renders cleanly: picocli reads descriptions as format strings, so a lone {@code %} (as in
 * "95% intervals") makes it print a warning on the console before the help and leave the text unformatted.
 */
class HelpTextTest {

    @Test
    void everyCommandsHelpRendersWithoutAFormatWarning() {
        PrintStream console = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        List<String> pages = new ArrayList<>();
        try (Workers workers = new Workers()) {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            CommandLine root = MedFedCommand.commandLine(workers, allCommandNames(workers));
            collectUsage(root, pages);
        } finally {
            System.setErr(console);
        }

        assertThat(warnings.toString(StandardCharsets.UTF_8)).as("console while rendering help").isEmpty();
        assertThat(pages).hasSizeGreaterThan(10).allSatisfy(page -> assertThat(page).isNotBlank()
                .doesNotContain("%n").doesNotContain("%%"));
        assertThat(String.join("\n", pages)).contains("results with 95% intervals");
    }

    /**
     * picocli prints each element of a description on a line of its own: a sentence split over two elements breaks
     * mid-sentence on the screen ("... edit the" / "policy, start ...").
     */
    @Test
    void noDescriptionBreaksASentenceOverTwoLines() {
        List<String> broken = new ArrayList<>();
        try (Workers workers = new Workers()) {
            collectBrokenSentences(MedFedCommand.commandLine(workers, allCommandNames(workers)), broken);
        }
        assertThat(broken).as("description lines that go on in the next element").isEmpty();
    }

    private static void collectBrokenSentences(CommandLine command, List<String> broken) {
        String[] lines = command.getCommandSpec().usageMessage().description();
        for (int i = 0; i + 1 < lines.length; i++) {
            String next = lines[i + 1].strip();
            if (!next.isEmpty() && Character.isLowerCase(next.charAt(0)) && !next.contains(":")) {
                broken.add(command.getCommandName() + ": \"" + lines[i] + "\" / \"" + lines[i + 1] + "\"");
            }
        }
        for (CommandLine sub : command.getSubcommands().values()) {
            if (sub.getParent() == command) {
                collectBrokenSentences(sub, broken);
            }
        }
    }

    private static String[] allCommandNames(Workers workers) {
        return MedFedCommand.commandLine(workers).getSubcommands().keySet().toArray(String[]::new);
    }

    private static void collectUsage(CommandLine command, List<String> pages) {
        StringWriter page = new StringWriter();
        command.usage(new PrintWriter(page));
        pages.add(page.toString());
        for (CommandLine sub : command.getSubcommands().values()) {
            if (sub.getParent() == command) {
                collectUsage(sub, pages);
            }
        }
    }
}
