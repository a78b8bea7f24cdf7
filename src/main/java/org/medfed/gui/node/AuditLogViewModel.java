package org.medfed.gui.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.data.csv.CsvWriter;
import org.medfed.engine.BadInputException;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.ErrorText;
import org.medfed.gui.common.UserDialogs;
import org.medfed.project.AuditEntry;
import org.medfed.project.AuditLogContents;
import org.medfed.project.AuditLogFile;
import org.medfed.project.AuditOutcome;

/**
 * The node's audit log as a table: what was read from the file when the settings were opened, then each entry
 * as the running node writes it. Exports to CSV for the hospital's records. Only the log's own entries are shown:
 * what left this computer, never any row.
 */
public final class AuditLogViewModel {

    static final List<String> CSV_COLUMNS = List.of("time", "study", "dataset", "round", "procedure", "bytes_in",
            "bytes_out", "outcome", "reason");

    private final BackgroundTasks tasks;
    private final UserDialogs dialogs;
    private final ObservableList<AuditRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private int generation;
    private Path file;

    public AuditLogViewModel(NodeSettingsViewModel settings, BackgroundTasks tasks, UserDialogs dialogs) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        settings.configProperty().addListener((obs, was, is) -> {
            if (is != null && (was == null || !was.auditLog().equals(is.auditLog()))) {
                load(is.auditLog());
            }
        });
        if (settings.config() != null) {
            load(settings.config().auditLog());
        }
        summarise();
    }

    /** Reads the log written so far (by earlier runs of the node, in the window or on the command line). */
    void load(Path file) {
        int mine = ++generation;
        this.file = file;
        rows.clear();
        note.set("");
        summarise();
        if (!Files.exists(file)) {
            note.set("No requests yet: " + file + " is written when the node serves its first request.");
            return;
        }
        tasks.run(() -> AuditLogFile.read(file), contents -> {
            if (mine != generation) {
                return;
            }
            List<AuditRow> all = new ArrayList<>();
            contents.entries().forEach(e -> all.add(new AuditRow(e)));
            // entries that arrived live while the file was read may be in the file too: each is shown once
            java.util.Set<AuditRow> fromFile = new java.util.HashSet<>(all);
            rows.stream().filter(r -> !fromFile.contains(r)).forEach(all::add);
            rows.setAll(all);
            note.set(notes(file, contents));
            summarise();
        }, e -> {
            if (mine == generation) {
                note.set(ErrorText.plain(e));
            }
        });
    }

    private static String notes(Path file, AuditLogContents contents) {
        String where = "From " + file;
        return contents.skippedLines().isEmpty() ? where : where + ". " + String.join("; ", contents.skippedLines());
    }

    /** An entry the running node has just written. */
    public void add(AuditEntry entry) {
        if (rows.isEmpty() && file != null) {
            note.set("From " + file); // no longer "no requests yet"
        }
        rows.add(new AuditRow(entry));
        summarise();
    }

    private void summarise() {
        long served = rows.stream().filter(r -> r.entry().outcome() == AuditOutcome.SERVED).count();
        long refused = rows.stream().filter(r -> r.entry().outcome() == AuditOutcome.REFUSED).count();
        long failed = rows.stream().filter(r -> r.entry().outcome() == AuditOutcome.FAILED).count();
        long out = rows.stream().mapToLong(r -> r.entry().bytesOut()).sum();
        summary.set(rows.isEmpty() ? "Nothing has left this computer yet."
                : rows.size() + " requests: " + served + " served, " + refused + " refused, " + failed + " failed; "
                + AuditRow.bytes(out) + " left this computer in replies.");
    }

    /** Asks where, then writes the table as CSV (atomically). */
    public void exportFromDialog() {
        dialogs.chooseSaveFile("Export the audit log", "audit-log.csv", "csv").ifPresent(this::export);
    }

    public void export(Path target) {
        List<String[]> lines = new ArrayList<>();
        for (AuditRow r : rows) {
            AuditEntry e = r.entry();
            lines.add(new String[] {e.time().toString(), e.study(), r.dataset(), String.valueOf(e.round()),
                    e.procedure(), String.valueOf(e.bytesIn()), String.valueOf(e.bytesOut()), e.outcome().id(),
                    e.reason() == null ? "" : e.reason()});
        }
        try {
            CsvWriter.write(target, CSV_COLUMNS, lines);
            note.set("Exported " + lines.size() + " entries to " + target);
        } catch (BadInputException e) {
            dialogs.showError("The audit log could not be exported", e);
        }
    }

    public ObservableList<AuditRow> rows() { return rows; }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    /** Where the entries come from, lines a crash cut short, or why the log could not be read. */
    public ReadOnlyStringProperty noteProperty() { return note.getReadOnlyProperty(); }
}
