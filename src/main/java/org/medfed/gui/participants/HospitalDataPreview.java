package org.medfed.gui.participants;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.data.csv.ColumnProfile;
import org.medfed.data.tabular.SchemaProblem;
import org.medfed.gui.common.DataKind;
import org.medfed.gui.common.StudyDocument;
import org.medfed.project.DataSection;
import org.medfed.gui.participants.ParticipantsViewModel.LevelCount;
import org.medfed.project.ParticipantEntry;

/**
 * The Participants screen's Data tab: the chosen hospital's file as read (its columns with type, missing values,
 * range, role and the check's word on each, its first rows, its label balance), or for a hospital behind a node
 * the summary its node sent.
 */
final class HospitalDataPreview {

    static final int PREVIEW_ROWS = 50;

    private final StudyDocument document;
    private final IntegerProperty selected;
    private final ReadOnlyObjectProperty<DataKind> kind;
    private final Function<ParticipantEntry, DataFileSummary> summaryOf;
    private final Supplier<RemoteTables> remote;
    private final ObservableList<SchemaProblem> schemaProblems;

    private final ObjectProperty<DataFileSummary> summary = new SimpleObjectProperty<>();
    private final ObservableList<ColumnRow> columns = FXCollections.observableArrayList();
    private final ObservableList<LevelCount> balance = FXCollections.observableArrayList();
    private final StringProperty title = new SimpleStringProperty("Choose a hospital to see its data.");

    /**
     * @param summaryOf      a hospital's file as read so far (null while it is being read)
     * @param remote         the hospitals behind nodes, as their nodes summarised them
     * @param schemaProblems the check across hospitals, whose words on a column show beside it
     */
    HospitalDataPreview(StudyDocument document, IntegerProperty selected, ReadOnlyObjectProperty<DataKind> kind,
                        Function<ParticipantEntry, DataFileSummary> summaryOf, Supplier<RemoteTables> remote,
                        ObservableList<SchemaProblem> schemaProblems) {
        this.document = document;
        this.selected = selected;
        this.kind = kind;
        this.summaryOf = summaryOf;
        this.remote = remote;
        this.schemaProblems = schemaProblems;
    }

    void refresh() {
        int i = selected.get();
        List<ParticipantEntry> ps = document.study().participants();
        if (kind.get() != DataKind.TABLE) {
            summary.set(null);
            columns.clear();
            balance.clear();
            title.set(i < 0 || i >= ps.size()
                    ? (ps.isEmpty() ? "Add hospitals with \"Add hospitals…\": one " + kind.get().dataNoun() + " each."
                    : "Choose a hospital to see its data.")
                    : ps.get(i).name() + ": " + (ps.get(i).data().isEmpty() ? "no " + kind.get().dataNoun() + " yet"
                    : String.join(", ", ps.get(i).data().stream().filter(d -> !d.isBlank()).toList())));
            return;
        }
        if (i < 0 || i >= ps.size()) {
            summary.set(null);
            columns.clear();
            balance.clear();
            title.set(ps.isEmpty() ? "Add hospitals with \"Add hospitals…\" or by dropping their CSV files here."
                    : "Choose a hospital to see its data.");
            return;
        }
        ParticipantEntry p = ps.get(i);
        if (p.isRemote()) {
            showRemote(p, document.study().data());
            return;
        }
        DataFileSummary s = summaryOf.apply(p);
        summary.set(s);
        DataSection data = document.study().data();
        String label = data == null ? null : data.label();
        List<ColumnRow> shownColumns = new ArrayList<>();
        List<LevelCount> shownBalance = new ArrayList<>();
        if (s == null) {
            title.set(p.data().isEmpty() ? p.name() + ": no data file yet. Choose one, or drop a CSV file on its row."
                    : p.name() + ": reading " + p.data().get(0) + " …");
        } else if (!s.ok()) {
            title.set(p.name() + ": " + s.problem());
        } else {
            title.set(p.name() + ": " + s.file().getFileName() + ", " + s.table().rowCount() + " rows, "
                    + s.table().columns().size() + " columns" + (s.table().rowCount() > PREVIEW_ROWS
                    ? " (first " + PREVIEW_ROWS + " rows shown)" : ""));
            List<String> identifiers = SchemaProblem.leftOutAsIdentifiers(schemaProblems);
            Map<String, String> refused = TooManyValues.at(s, data, identifiers);
            for (ColumnProfile c : s.profiles().values()) {
                String problem = columnProblem(p.name(), c.name());
                if (refused.containsKey(c.name())) {
                    problem = "✖ " + refused.get(c.name()) + (problem.isEmpty() ? "" : "; " + problem);
                }
                shownColumns.add(new ColumnRow(c.name(), ColumnDescriptions.typeText(c, data), c.missing(),
                        c.distinct() < 0 ? "> " + ColumnProfile.MAX_LEVELS : String.valueOf(c.distinct()), ColumnDescriptions.range(c),
                        ColumnDescriptions.role(c.name(), data, identifiers.contains(c.name())), problem));
            }
            if (label != null) {
                ColumnProfile lp = s.profiles().get(label);
                if (lp != null) {
                    DataFileSummary.classCounts(lp, data::classOf).forEach((cls, n) -> shownBalance.add(
                            new LevelCount(cls == null ? "not a class" : data.className(cls), n)));
                }
            }
        }
        columns.setAll(shownColumns);
        balance.setAll(shownBalance);
    }

    /** A hospital behind a node: no rows to show, only the summary its node sent. */
    private void showRemote(ParticipantEntry p, DataSection data) {
        summary.set(null);
        var o = remote.get().overview(p);
        List<ColumnRow> shownColumns = new ArrayList<>();
        List<LevelCount> shownBalance = new ArrayList<>();
        if (o == null) {
            title.set(p.name() + ": behind " + remote.get().state(p) + ". Its rows stay at the hospital; its "
                    + "summary shows here once its node is connected.");
        } else {
            title.set(p.name() + ": " + o.rows() + " rows, " + o.schema().columns().size() + " columns, as "
                    + "node " + p.node() + " summarised dataset '" + p.dataset() + "'. The rows stay at the hospital.");
            List<String> identifiers = SchemaProblem.leftOutAsIdentifiers(schemaProblems);
            for (String c : o.schema().columns()) {
                var f = o.schema().feature(c);
                shownColumns.add(new ColumnRow(c, f.map(x -> x.inferredType()).orElse("not sent"),
                        f.map(x -> x.missing()).orElse(0), "–", "–", ColumnDescriptions.role(c, data, identifiers.contains(c)),
                        columnProblem(p.name(), c)));
            }
            o.labelCounts().forEach((level, n) -> shownBalance.add(new LevelCount(level, n)));
        }
        columns.setAll(shownColumns);
        balance.setAll(shownBalance);
    }

    private String columnProblem(String participant, String column) {
        List<String> out = new ArrayList<>();
        for (SchemaProblem sp : schemaProblems) {
            if (column.equals(sp.column()) && sp.concerns(participant)) {
                out.add((sp.severity() == SchemaProblem.Severity.ERROR ? "✖ " : "⚠ ") + sp.message());
            }
        }
        return String.join("; ", out);
    }

    /** The first rows of the previewed file, for the data grid. */
    List<String[]> rows() {
        DataFileSummary s = summary.get();
        if (s == null || !s.ok()) {
            return List.of();
        }
        return s.table().rows().subList(0, Math.min(PREVIEW_ROWS, s.table().rowCount()));
    }

    List<String> columnNames() {
        DataFileSummary s = summary.get();
        return s == null || !s.ok() ? List.of() : s.table().columns();
    }

    Map<String, Integer> labelCounts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        balance.forEach(l -> out.put(l.level(), l.count()));
        return out;
    }

    ObjectProperty<DataFileSummary> summaryProperty() {
        return summary;
    }

    ObservableList<ColumnRow> columns() {
        return columns;
    }

    ObservableList<LevelCount> balance() {
        return balance;
    }

    StringProperty titleProperty() {
        return title;
    }
}
