package org.medfed.gui.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfed.gui.testing.QueuedUi;
import org.medfed.gui.testing.StubDialogs;
import org.medfed.project.AuditEntry;
import org.medfed.project.AuditLogFile;

class AuditLogViewModelTest {

    @TempDir
    Path dir;

    private static final Instant T = Instant.parse("2027-03-01T10:15:31Z");

    @Test
    void theLogWrittenSoFarIsReadThenEntriesArriveLiveAndExportAsCsv() throws Exception {
        StubDialogs dialogs = new StubDialogs();
        NodeSettingsViewModel settings = new NodeSettingsViewModel(dialogs);
        Path folder = NodeKits.hospital(NodeKits.provision(dir.resolve("kit"), "heart", 7443, "hospital-a"),
                "hospital-a");
        try (AuditLogFile log = AuditLogFile.open(folder.resolve("audit.jsonl"))) {
            log.append(AuditEntry.served(T, "heart", "hospital-a", "heart", 0, "table.schema", 120, 812));
            log.append(AuditEntry.refused(T.plusSeconds(5), "heart", "hospital-a", "heart", 3, "train", 4000, 40,
                    "round 3 is past this hospital's last round, 2"));
        }
        Files.writeString(folder.resolve("audit.jsonl"), "{\"time\":\"2027-03-01T10", java.nio.file.StandardOpenOption.APPEND);
        QueuedUi ui = QueuedUi.sameThread();
        AuditLogViewModel vm = new AuditLogViewModel(settings, ui, dialogs);
        assertThat(vm.summaryProperty().get()).isEqualTo("Nothing has left this computer yet.");
        settings.importKit(folder);
        ui.drain();

        assertThat(vm.rows()).hasSize(2);
        AuditRow refused = vm.rows().get(1);
        assertThat(refused.procedure()).isEqualTo("train");
        assertThat(refused.round()).isEqualTo("3");
        assertThat(refused.bytesIn()).isEqualTo("4.0 kB");
        assertThat(refused.outcome()).isEqualTo("refused: round 3 is past this hospital's last round, 2");
        assertThat(refused.refused()).isTrue();
        assertThat(vm.rows().get(0).round()).as("outside the rounds").isEmpty();
        assertThat(vm.noteProperty().get()).isEqualTo("From " + folder.resolve("audit.jsonl") + ". line 3 was cut "
                + "short (the node stopped while writing it); skipped");

        vm.add(AuditEntry.served(T.plusSeconds(9), "heart", "hospital-a", "heart", 1, "train", 4000, 1_234_567));
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.rows().get(2).bytesOut()).isEqualTo("1.2 MB");
        assertThat(vm.summaryProperty().get()).isEqualTo("3 requests: 2 served, 1 refused, 0 failed; 1.2 MB left "
                + "this computer in replies.");

        Path csv = dir.resolve("out/audit.csv");
        dialogs.saveFiles.add(csv);
        vm.exportFromDialog();
        assertThat(Files.readAllLines(csv)).containsExactly(
                "time,study,dataset,round,procedure,bytes_in,bytes_out,outcome,reason",
                "2027-03-01T10:15:31Z,heart,heart,0,table.schema,120,812,served,",
                "2027-03-01T10:15:36Z,heart,heart,3,train,4000,40,refused,\"round 3 is past this hospital's last round, 2\"",
                "2027-03-01T10:15:40Z,heart,heart,1,train,4000,1234567,served,");
        assertThat(vm.noteProperty().get()).isEqualTo("Exported 3 entries to " + csv);
    }

    @Test
    void aNodeThatNeverServedSaysSo() {
        NodeSettingsViewModel settings = new NodeSettingsViewModel(new StubDialogs());
        AuditLogViewModel vm = new AuditLogViewModel(settings, QueuedUi.sameThread(), new StubDialogs());
        Path folder = NodeKits.hospital(NodeKits.provision(dir.resolve("kit"), "heart", 7443, "hospital-a"),
                "hospital-a");
        settings.importKit(folder);
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.noteProperty().get()).isEqualTo("No requests yet: " + folder.resolve("audit.jsonl").toAbsolutePath()
                + " is written when the node serves its first request.");
        vm.add(AuditEntry.served(T, "heart", "hospital-a", "heart", 0, "describe", 10, 20));
        assertThat(vm.noteProperty().get()).isEqualTo("From " + folder.resolve("audit.jsonl").toAbsolutePath());
    }

    @Test
    void byteCountsReadAsFileSizes() {
        assertThat(AuditRow.bytes(0)).isEqualTo("0 B");
        assertThat(AuditRow.bytes(999)).isEqualTo("999 B");
        assertThat(AuditRow.bytes(1000)).isEqualTo("1.0 kB");
        assertThat(AuditRow.bytes(45_600)).isEqualTo("46 kB");
        assertThat(AuditRow.bytes(3_000_000_000L)).isEqualTo("3.0 GB");
    }
}
