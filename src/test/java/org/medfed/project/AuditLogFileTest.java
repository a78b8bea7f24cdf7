package org.medfed.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.engine.BadInputException;

class AuditLogFileTest {

    private static final Instant T = Instant.parse("2027-03-01T10:15:30.123Z");

    @TempDir
    Path dir;

    private static AuditEntry served(int round) {
        return AuditEntry.served(T.plusSeconds(round), "heart-study", "hospital-a", "heart", round, "train", 4_000,
                1_200);
    }

    @Test
    void appendedEntriesReadBackInOrderOneJsonLineEach() throws Exception {
        Path file = dir.resolve("logs/audit.jsonl");
        AuditEntry refused = AuditEntry.refused(T, "heart-study", "hospital-a", "heart", 3, "secagg.advertise", 80,
                120, "this hospital does not serve 'secagg.advertise'");
        AuditEntry failed = AuditEntry.failed(T, "heart-study", "hospital-a", null, 0, "describe", 10, 60,
                "the dataset could not be read");
        try (AuditLogFile log = AuditLogFile.open(file)) {
            log.append(served(1));
            log.append(refused);
            log.append(failed);
        }
        AuditLogContents read = AuditLogFile.read(file);
        assertThat(read.entries()).containsExactly(served(1), refused, failed);
        assertThat(read.skippedLines()).isEmpty();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("{\"time\":\"2027-03-01T10:15:31.123Z\",\"study\":\"heart-study\","
                + "\"node\":\"hospital-a\",\"dataset\":\"heart\",\"round\":1,\"procedure\":\"train\",\"bytesIn\":4000,"
                + "\"bytesOut\":1200,\"outcome\":\"served\"}");
        assertThat(lines.get(1)).contains("\"outcome\":\"refused\"", "\"reason\":\"this hospital does not serve");
    }

    @Test
    void reopeningAppendsAfterWhatIsThere() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLogFile log = AuditLogFile.open(file)) {
            log.append(served(1));
        }
        try (AuditLogFile log = AuditLogFile.open(file)) {
            log.append(served(2));
        }
        assertThat(AuditLogFile.read(file).entries()).containsExactly(served(1), served(2));
    }

    @Test
    void aLastLineCutByACrashIsReportedAndSkipped() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLogFile log = AuditLogFile.open(file)) {
            log.append(served(1));
            log.append(served(2));
        }
        String whole = Files.readString(file);
        // the node died while writing a third entry: half a line, no newline
        String third = Files.readAllLines(file).get(1).replace("\"round\":2", "\"round\":3");
        Files.writeString(file, third.substring(0, third.length() / 2), StandardOpenOption.APPEND);

        AuditLogContents read = AuditLogFile.read(file);
        assertThat(read.entries()).containsExactly(served(1), served(2));
        assertThat(read.skippedLines()).singleElement().asString().contains("line 3", "cut short");
        assertThat(Files.readString(file)).startsWith(whole);
    }

    @Test
    void afterACrashTheNextEntryStartsOnItsOwnLineAndTheCutOneStaysVisible() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLogFile log = AuditLogFile.open(file)) {
            log.append(served(1));
        }
        Files.writeString(file, "{\"time\":\"2027-03-01T10:1", StandardOpenOption.APPEND);
        try (AuditLogFile log = AuditLogFile.open(file)) {
            log.append(served(2));
        }
        AuditLogContents read = AuditLogFile.read(file);
        assertThat(read.entries()).containsExactly(served(1), served(2));
        assertThat(read.skippedLines()).singleElement().asString().contains("line 2");
        assertThat(Files.readAllLines(file)).hasSize(3);
    }

    @Test
    void aLineCutInsideATextHoldingABraceIsStillSeenAsCut() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLogFile log = AuditLogFile.open(file)) {
            log.append(AuditEntry.refused(T, "s", "n", "d", 1, "train", 1, 1, "a reason with } inside"));
        }
        String line = Files.readAllLines(file).get(0);
        Files.writeString(file, line.substring(0, line.indexOf('}') + 1));
        AuditLogContents read = AuditLogFile.read(file);
        assertThat(read.entries()).isEmpty();
        assertThat(read.skippedLines()).hasSize(1);
    }

    @Test
    void aWholeLineThatIsNotAnEntryIsAnErrorNamingTheLine() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        try (AuditLogFile log = AuditLogFile.open(file)) {
            log.append(served(1));
        }
        Files.writeString(file, "{\"time\":\"yesterday\",\"study\":\"s\"}\n", StandardOpenOption.APPEND);
        try (AuditLogFile log = AuditLogFile.open(file)) {
            log.append(served(2));
        }
        assertThatThrownBy(() -> AuditLogFile.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("audit.jsonl line 2: is not an audit entry");
        // a line that is JSON null was a NullPointerException
        Files.writeString(file, "null\n");
        assertThatThrownBy(() -> AuditLogFile.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("audit.jsonl line 1: is not an audit entry: it is JSON null, not an object");
    }

    @Test
    void linesArePlainAsciiSoACrashCannotSplitACharacter() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        AuditEntry e = AuditEntry.refused(T, "Herz-Studie", "hôpital-a", "cœur", 1, "train", 1, 1,
                "la politique refuse « train »\nligne deux");
        try (AuditLogFile log = AuditLogFile.open(file)) {
            log.append(e);
        }
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, StandardCharsets.US_ASCII).getBytes(StandardCharsets.US_ASCII)).isEqualTo(bytes);
        assertThat(Files.readAllLines(file)).hasSize(1);
        assertThat(AuditLogFile.read(file).entries()).containsExactly(e);
    }

    @Test
    void aRefusalOrFailureMustSayWhy() {
        assertThatThrownBy(() -> AuditEntry.refused(T, "s", "n", "d", 1, "train", 1, 0, " "))
                .hasMessageContaining("needs its reason");
        assertThatThrownBy(() -> new AuditEntry(T, "s", "n", "d", 1, "train", 1, 0, AuditOutcome.SERVED, "why"))
                .hasMessageContaining("no reason");
    }

    @Test
    void aMissingLogIsNamed() {
        assertThatThrownBy(() -> AuditLogFile.read(dir.resolve("none.jsonl"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("none.jsonl: audit log not found");
    }
}
