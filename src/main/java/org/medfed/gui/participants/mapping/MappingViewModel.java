package org.medfed.gui.participants.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.medfed.data.csv.ColumnProfile;
import org.medfed.data.csv.ColumnType;
import org.medfed.data.csv.CsvTable;
import org.medfed.data.csv.TableProfiler;
import org.medfed.data.harmonise.SiteMapping;
import org.medfed.data.tabular.SchemaProblem;
import org.medfed.engine.BadInputException;
import org.medfed.gui.common.ErrorText;
import org.medfed.gui.common.NumberFields;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.StudyEdits;
import org.medfed.gui.participants.DataFileSummary;
import org.medfed.project.DataSection;
import org.medfed.project.ParticipantEntry;

/**
 * The 'Mapping' tab of the Participants screen: how the chosen hospital's columns and codes map onto the study's
 * (a column's name in the study, a unit factor for its numbers, the study's value for each of its outcome and
 * category values), and the names the outcome's classes are shown by in every table and chart. Each edit is
 * written to the study at once; the hospital's file is then read again with it and the check across hospitals
 * runs again.
 */
public final class MappingViewModel {

    private final StudyDocument document;
    private final IntegerProperty selected;
    private final ObjectProperty<DataFileSummary> preview;
    private final ObservableList<SchemaProblem> problems;
    private final Function<String, DataFileSummary> summaryOf;

    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty hint = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<ColumnMapRow> columns = FXCollections.observableArrayList();
    private final ObservableList<ValueMapRow> values = FXCollections.observableArrayList();
    private final ObservableList<ClassNameRow> classes = FXCollections.observableArrayList();

    /**
     * @param preview   the chosen hospital's file as read (its raw table is what the mapping starts from)
     * @param problems  the check across hospitals: its coding problems and unit hints of the chosen hospital are the hint
     * @param summaryOf any hospital's file as read, by name (for the classes of the outcome over all hospitals)
     * @param checked   changes when the check across hospitals has run again (all files have been read)
     */
    public MappingViewModel(StudyDocument document, IntegerProperty selected, ObjectProperty<DataFileSummary> preview,
                            ObservableList<SchemaProblem> problems, Function<String, DataFileSummary> summaryOf,
                            javafx.beans.Observable checked) {
        this.document = document;
        this.selected = selected;
        this.preview = preview;
        this.problems = problems;
        this.summaryOf = summaryOf;
        document.studyProperty().addListener((obs, was, is) -> show());
        selected.addListener((obs, was, is) -> show());
        preview.addListener((obs, was, is) -> show());
        problems.addListener((ListChangeListener<SchemaProblem>) c -> show());
        checked.addListener(o -> show());
        show();
    }

    // ---- commands

    /** The study's name of a column of the file; empty or the file's own name: not renamed. */
    public void rename(String fileColumn, String studyName) {
        String to = studyName == null ? "" : studyName.strip();
        editMapping(m -> {
            Map<String, String> rename = new LinkedHashMap<>(m.rename());
            if (to.isEmpty() || to.equals(fileColumn)) {
                rename.remove(fileColumn);
            } else {
                rename.put(fileColumn, to);
            }
            return new SiteMapping(rename, m.recode(), m.scale(), m.missing());
        });
    }

    /** The factor a column's numbers are multiplied by (by its study name); empty or 1: none. */
    public boolean setFactor(String studyColumn, String text) {
        String t = text == null ? "" : text.strip();
        double factor = t.isEmpty() ? 1 : NumberFields.parseDouble(t);
        if (Double.isNaN(factor) || !Double.isFinite(factor) || factor == 0) {
            message.set("The unit factor of '" + studyColumn + "' must be a number other than 0, e.g. 18 (mmol/L to "
                    + "mg/dL of glucose) or 0.01 (cm to m); '" + t + "' is not.");
            return false;
        }
        setFactor(studyColumn, factor);
        return true;
    }

    /**
     * Accepts the check's unit hint for the chosen hospital: its numbers of the column are multiplied by the
     * factor, on top of any factor its mapping has already (the check reads the file with it).
     */
    public void acceptUnitHint(SchemaProblem hint) {
        ParticipantEntry chosen = chosenFor(hint, SchemaProblem.Kind.UNIT);
        if (chosen == null || hint.unitFactor() == null) {
            return;
        }
        double now = chosen.siteMapping().scale().getOrDefault(hint.column(), 1.0);
        double factor = now * hint.unitFactor();
        setFactor(hint.column(), Math.abs(factor - 1) < 1e-9 ? 1 : factor);
    }

    /** The chosen hospital when {@code hint} is of {@code kind} and about it, else null. */
    private ParticipantEntry chosenFor(SchemaProblem hint, SchemaProblem.Kind kind) {
        List<ParticipantEntry> ps = document.study().participants();
        int i = selected.get();
        return hint.kind() == kind && i >= 0 && i < ps.size() && ps.get(i).name().equals(hint.participant())
                ? ps.get(i) : null;
    }

    private void setFactor(String studyColumn, double factor) {
        editMapping(m -> {
            Map<String, Double> scale = new LinkedHashMap<>(m.scale());
            if (factor == 1) {
                scale.remove(studyColumn);
            } else {
                scale.put(studyColumn, factor);
            }
            return new SiteMapping(m.rename(), m.recode(), scale, m.missing());
        });
    }

    /**
     * The values of a column that mean "not recorded" at this hospital, as typed (separated by commas; empty: none),
     * for a code in one column only (a cholesterol of 0); the file's missing-value texts hold for every column.
     */
    public void setNotRecorded(String studyColumn, String typed) {
        List<String> values = typed == null || typed.isBlank() ? List.of()
                : java.util.Arrays.stream(typed.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
        editMapping(m -> m.withMissing(studyColumn, values));
    }

    /**
     * Accepts a "not recorded" hint of the check for the chosen hospital: its value joins the column's values that
     * mean "not recorded" there, as typing it in the Mapping tab would.
     */
    public void acceptNotRecordedHint(SchemaProblem hint) {
        if (chosenFor(hint, SchemaProblem.Kind.NOT_RECORDED) == null || hint.notRecorded() == null) {
            return;
        }
        editMapping(m -> {
            List<String> values = new ArrayList<>(m.missing().getOrDefault(hint.column(), List.of()));
            if (!values.contains(hint.notRecorded())) {
                values.add(hint.notRecorded());
            }
            return m.withMissing(hint.column(), values);
        });
    }

    /** The study's value for a value of a column at this hospital; empty or the same value: stays as it is. */
    public void recode(String studyColumn, String value, String becomes) {
        String to = becomes == null ? "" : becomes.strip();
        editMapping(m -> {
            Map<String, Map<String, String>> recode = new LinkedHashMap<>();
            m.recode().forEach((c, v) -> recode.put(c, new LinkedHashMap<>(v)));
            Map<String, String> codes = recode.computeIfAbsent(studyColumn, c -> new LinkedHashMap<>());
            if (to.isEmpty() || to.equals(value)) {
                codes.remove(value);
            } else {
                codes.put(value, to);
            }
            return new SiteMapping(m.rename(), recode, m.scale(), m.missing());
        });
    }

    /** The name a class of the outcome is shown by in tables and charts; empty: the class as coded. */
    public void nameClass(String level, String shownAs) {
        String name = shownAs == null ? "" : shownAs.strip();
        document.edit(s -> {
            DataSection d = StudyEdits.data(s.data());
            Map<String, String> names = new LinkedHashMap<>(d.classNames());
            if (name.isEmpty() || name.equals(level)) {
                names.remove(level);
            } else {
                names.put(level, name);
            }
            return s.withData(d.withClassNames(names));
        });
    }

    private void editMapping(java.util.function.UnaryOperator<SiteMapping> change) {
        int index = selected.get();
        List<ParticipantEntry> ps = document.study().participants();
        if (index < 0 || index >= ps.size()) {
            return;
        }
        SiteMapping changed;
        try {
            changed = change.apply(ps.get(index).siteMapping());
        } catch (BadInputException e) {
            message.set(ErrorText.plain(e));
            return;
        }
        message.set("");
        document.edit(s -> {
            List<ParticipantEntry> all = new ArrayList<>(s.participants());
            all.set(index, all.get(index).withMapping(changed));
            return s.withParticipants(all);
        });
    }

    // ---- from the study and the file to the tables

    private void show() {
        List<ParticipantEntry> ps = document.study().participants();
        int i = selected.get();
        showClasses();
        if (i < 0 || i >= ps.size()) {
            title.set("Choose a hospital to map its columns and codes onto the study's.");
            hint.set("");
            columns.clear();
            values.clear();
            return;
        }
        ParticipantEntry p = ps.get(i);
        SiteMapping m = p.siteMapping();
        List<String> codings = problems.stream().filter(sp -> p.name().equals(sp.participant())
                && (sp.kind() == SchemaProblem.Kind.CODING || sp.kind() == SchemaProblem.Kind.UNIT)).map(sp -> (sp.severity() == SchemaProblem.Severity.ERROR
                ? "✖ " : "⚠ ") + sp.message()).toList();
        hint.set(String.join("\n", codings));
        DataFileSummary s = preview.get();
        if (s == null || !s.ok() || s.raw() == null) {
            title.set(p.isRemote() ? p.name() + " is behind its node: its mapping travels to the node with the study, "
                    + "which applies it to the table it reads (edit it in the study file)." : p.name()
                    + ": the mapping can be edited once the hospital's file has been read.");
            setIfChanged(columns, List.of());
            setIfChanged(values, List.of());
            return;
        }
        title.set(p.name() + ": its columns and codes in the study's terms" + (m.isEmpty() ? " (no mapping yet)"
                : " (" + m.describe().size() + " change" + (m.describe().size() == 1 ? "" : "s") + ")"));
        CsvTable raw = s.raw();
        Map<String, ColumnProfile> profiles = TableProfiler.profile(raw);
        DataSection data = document.study().data();
        List<ColumnMapRow> cols = new ArrayList<>();
        List<ValueMapRow> vals = new ArrayList<>();
        for (String c : raw.columns()) {
            ColumnProfile prof = profiles.get(c);
            String name = m.studyName(c);
            Double factor = m.scale().get(name);
            boolean numeric = prof.inferredType() == ColumnType.NUMERIC;
            cols.add(new ColumnMapRow(c, name, factor == null ? "" : NumberFields.format(factor), numeric,
                    String.join(", ", m.missing().getOrDefault(name, List.of()))));
            boolean outcome = data != null && name.equals(data.label());
            String typed = data == null ? null : data.types().get(name);
            boolean categories = typed != null ? typed.equalsIgnoreCase("categorical") : !numeric;
            if ((outcome || categories) && prof.distinct() > 0) {
                Map<String, String> codes = m.recode().getOrDefault(name, Map.of());
                prof.levelCounts().forEach((level, n) -> vals.add(new ValueMapRow(name, level, n,
                        codes.getOrDefault(level, ""))));
            }
        }
        // the outcome's values first: they are what a different coding breaks first
        String label = data == null ? null : data.label();
        vals.sort(java.util.Comparator.comparing((ValueMapRow r) -> !r.column().equals(label)));
        setIfChanged(columns, cols);
        setIfChanged(values, vals);
    }

    /** The outcome's classes over every hospital's file as read (after mappings), with their display names. */
    private void showClasses() {
        DataSection data = document.study().data();
        if (data == null || data.label() == null) {
            setIfChanged(classes, List.of());
            return;
        }
        Set<String> found = new TreeSet<>(TableProfiler::compareLevels);
        for (ParticipantEntry p : document.study().enabledParticipants()) {
            DataFileSummary s = summaryOf.apply(p.name());
            ColumnProfile prof = s == null || !s.ok() ? null : s.profiles().get(data.label());
            if (prof != null) {
                for (String level : prof.levelCounts().keySet()) {
                    String cls = data.classOf(level);
                    if (cls != null) {
                        found.add(cls);
                    }
                }
            }
        }
        found.addAll(data.classNames().keySet());
        List<ClassNameRow> rows = found.stream().map(c -> new ClassNameRow(c, data.classNames().getOrDefault(c, "")))
                .toList();
        setIfChanged(classes, rows);
    }

    private static <T> void setIfChanged(ObservableList<T> list, List<T> rows) {
        if (!list.equals(rows)) {
            list.setAll(rows);
        }
    }

    public StringProperty titleProperty() { return title; }
    /** The check's coding problems and unit hints of the chosen hospital, each on its line; empty when none. */
    public StringProperty hintProperty() { return hint; }
    public StringProperty messageProperty() { return message; }
    public ObservableList<ColumnMapRow> columns() { return columns; }
    public ObservableList<ValueMapRow> values() { return values; }
    public ObservableList<ClassNameRow> classes() { return classes; }
}
