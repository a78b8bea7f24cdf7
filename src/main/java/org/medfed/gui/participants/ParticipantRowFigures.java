package org.medfed.gui.participants;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.data.tabular.LabelCandidates;
import org.medfed.data.tabular.SchemaProblem;
import org.medfed.gui.common.DataKind;
import org.medfed.gui.common.HospitalDataCheck;
import org.medfed.gui.common.StudyDocument;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;

/**
 * What each hospital's row says: its sample count, class balance and check, from its file as read (or what its
 * node or its data kind's own pane reported) and the cross-hospital check's problems; and, from the same, what
 * stops a run and the columns the Task screen offers.
 */
final class ParticipantRowFigures {

    private final StudyDocument document;
    private final ObservableList<ParticipantRow> rows;
    private final ObservableValue<DataKind> kind;
    private final HospitalFiles files;
    private final Supplier<RemoteTables> remote;
    private final ObservableList<SchemaProblem> schemaProblems;
    private final ObservableList<String> knownColumns = FXCollections.observableArrayList();
    private final ObservableList<String> labelCandidates = FXCollections.observableArrayList();
    private final ObservableList<String> blockingProblems = FXCollections.observableArrayList();
    /** Sample counts and class balance that a data kind's own pane found in files this screen does not read. */
    private final Map<String, String[]> reportedFigures = new HashMap<>();

    ParticipantRowFigures(StudyDocument document, ObservableList<ParticipantRow> rows, ObservableValue<DataKind> kind,
                          HospitalFiles files, Supplier<RemoteTables> remote, ObservableList<SchemaProblem> schemaProblems) {
        this.document = document;
        this.rows = rows;
        this.kind = kind;
        this.files = files;
        this.remote = remote;
        this.schemaProblems = schemaProblems;
    }

    /** The columns of the first hospital file that could be read. */
    ObservableList<String> knownColumns() { return knownColumns; }
    /** The first hospital's columns that could be the label ("column2 (B, M)"). */
    ObservableList<String> labelCandidates() { return labelCandidates; }
    /** What in the hospitals' files stops a run (unreadable file, schema error). */
    ObservableList<String> blockingProblems() { return blockingProblems; }

    /** A study of another data kind than tables reads no columns here. */
    void forgetColumns() {
        knownColumns.clear();
        labelCandidates.clear();
    }

    /** The hospital's sample count and class balance as the pane of its data kind found them. */
    void report(String hospital, String samples, String balance) {
        reportedFigures.put(hospital, new String[] {samples, balance});
    }

    void update() {
        if (kind.getValue() != DataKind.TABLE) {
            updateFileOnlyRows();
            return;
        }
        Study study = document.study();
        Optional<DataFileSummary> firstRead = study.participants().stream().map(files::summaryOf)
                .filter(x -> x != null && x.ok()).findFirst();
        List<String> candidates = firstRead.map(x -> LabelCandidates.of(x.table(), x.profiles(), null)).orElse(List.of());
        if (!candidates.equals(labelCandidates)) {
            labelCandidates.setAll(candidates);
        }
        List<String> columns = firstRead.map(x -> x.table().columns())
                .or(() -> study.participants().stream().filter(ParticipantEntry::isRemote).map(remote.get()::overview)
                        .filter(Objects::nonNull).findFirst().map(o -> o.schema().columns()))
                .orElse(List.of());
        if (!columns.equals(knownColumns)) {
            knownColumns.setAll(columns);
        }
        String label = study.data() == null ? null : study.data().label();
        List<ParticipantEntry> ps = study.participants();
        List<String> blocking = new ArrayList<>();
        for (SchemaProblem sp : schemaProblems) {
            if (sp.severity() == SchemaProblem.Severity.ERROR && sp.studyWide()) {
                blocking.add(sp.message() + " (Participants).");
            }
        }
        Map<String, List<SchemaProblem>> byHospital = new HashMap<>();
        for (SchemaProblem sp : schemaProblems) {
            if (sp.participant() != null) {
                byHospital.computeIfAbsent(sp.participant(), k -> new ArrayList<>()).add(sp);
            }
        }
        for (int i = 0; i < ps.size() && i < rows.size(); i++) {
            ParticipantEntry p = ps.get(i);
            ParticipantRow row = rows.get(i);
            List<SchemaProblem> own = byHospital.getOrDefault(p.name(), List.of());
            if (p.isRemote()) {
                String stops = remoteRow(p, row, label, own);
                if (stops != null && p.enabled()) {
                    blocking.add("Hospital '" + p.name() + "' cannot take part as it is: " + stops + " (Participants).");
                }
                continue;
            }
            DataFileSummary s = files.summaryOfRow(i, p);
            List<String> problems = new ArrayList<>();
            boolean error = false;
            if (p.data().isEmpty()) {
                problems.add("Choose this hospital's data file.");
                error = true;
            } else if (s == null) {
                row.samplesProperty().set("reading…");
            } else if (!s.ok()) {
                problems.add(s.problem());
                error = true;
            }
            if (s != null && s.ok()) {
                row.samplesProperty().set(String.format(Locale.ROOT, "%,d", s.table().rowCount()));
                row.balanceProperty().set(label == null || label.isBlank() ? "choose the label (Task and model)"
                        : s.balance(label, study.data()::classOf, study.data()::className));
            } else {
                if (s != null || p.data().isEmpty()) {
                    row.samplesProperty().set("–");
                }
                row.balanceProperty().set("");
            }
            if (s != null && s.ok()) {
                var refused = TooManyValues.at(s, study.data(), SchemaProblem.leftOutAsIdentifiers(schemaProblems));
                problems.addAll(refused.values());
                error |= !refused.isEmpty();
            }
            for (SchemaProblem sp : own) {
                problems.add(rowText(sp));
                error |= sp.severity() == SchemaProblem.Severity.ERROR;
            }
            row.problemProperty().set(String.join("\n", problems));
            row.errorProperty().set(error);
            if (error && p.enabled() && !p.data().isEmpty()) {
                blocking.add("Hospital '" + p.name() + "' cannot take part as it is: " + problems.get(0)
                        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "") + " (Participants).");
            }
            boolean reading = s == null && !p.data().isEmpty();
            row.checkProperty().set(problems.isEmpty() ? (reading ? "" : "✔ ok")
                    : (error ? "✖ " : "⚠ ") + String.join(" ", problems));
        }
        if (!blocking.equals(blockingProblems)) {
            blockingProblems.setAll(blocking);
        }
    }

    /**
     * A hospital behind its node: its figures from the summary the node sent, its connection as the check. Not
     * being connected does not block Run: the run waits for the node and says so if it does not come. A node refused
     * or that cannot serve its data does: the run would stop at once on it.
     */
    private String remoteRow(ParticipantEntry p, ParticipantRow row, String label, List<SchemaProblem> own) {
        var o = remote.get().overview(p);
        row.samplesProperty().set(o == null ? "–" : String.format(Locale.ROOT, "%,d", o.rows()));
        row.balanceProperty().set(o == null ? "" : label == null || label.isBlank()
                ? "choose the label (Task and model)" : o.balanceText());
        List<String> problems = new ArrayList<>();
        boolean error = false;
        String away = remote.get().cannotTakePart(p);
        for (SchemaProblem sp : own) {
            problems.add(rowText(sp));
            error |= sp.severity() == SchemaProblem.Severity.ERROR;
        }
        error |= away != null;
        row.problemProperty().set(String.join("\n", away == null ? problems
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(away), problems.stream()).toList()));
        row.errorProperty().set(error);
        row.checkProperty().set((error ? "✖ " : problems.isEmpty() ? "" : "⚠ ") + remote.get().state(p)
                + (problems.isEmpty() ? "" : "; " + String.join(" ", problems)));
        return away != null ? away : error ? problems.get(0) : null;
    }

    /** Rows of a study whose files this screen does not read: whether the files are there, and reported figures. */
    private void updateFileOnlyRows() {
        List<ParticipantEntry> ps = document.study().participants();
        for (int i = 0; i < ps.size() && i < rows.size(); i++) {
            ParticipantEntry p = ps.get(i);
            ParticipantRow row = rows.get(i);
            String[] figures = reportedFigures.getOrDefault(p.name(), new String[] {"–", ""});
            row.samplesProperty().set(figures[0]);
            row.balanceProperty().set(figures[1]);
            var problem = HospitalDataCheck.problem(kind.getValue(), p, document);
            row.problemProperty().set(problem.orElse(""));
            row.errorProperty().set(problem.isPresent());
            row.checkProperty().set(problem.map(x -> "✖ " + x).orElse("✔ files found"));
        }
        if (!blockingProblems.isEmpty()) {
            blockingProblems.clear();
        }
    }

    /** A problem on its hospital's row: its column first, unless the message begins with it. */
    private static String rowText(SchemaProblem sp) {
        return (sp.column() == null || sp.message().startsWith("'" + sp.column() + "'") ? ""
                : "column '" + sp.column() + "': ") + sp.message();
    }
}
