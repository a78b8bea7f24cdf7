package org.medfed.gui.participants;

import org.medfed.attack.AttackCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.data.tabular.SchemaProblem;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.DataKind;
import org.medfed.gui.common.HospitalFinder;
import org.medfed.gui.common.ReadingGuess;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.UserDialogs;
import org.medfed.gui.participants.importing.ImportOptionsViewModel;
import org.medfed.gui.participants.mapping.MappingViewModel;
import org.medfed.project.DataSection;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;
import org.medfed.study.ResultsTable;

/**
 * The Participants screen: the hospitals with their files, sizes and class balance; add, remove, rename, assign
 * files; a preview of the chosen hospital's file; and the cross-hospital schema check. Files are read in the
 * background and remembered until the study's CSV format changes.
 */
public final class ParticipantsViewModel {

    /** A label value and how many rows carry it, for the balance chart. */
    public record LevelCount(String level, int count) {
    }

    private final StudyDocument document;
    private final UserDialogs dialogs;

    private final ObservableList<ParticipantRow> rows = FXCollections.observableArrayList();
    private final ParticipantRows rowsInStep = new ParticipantRows(rows, this::setEnabled);
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final ObservableList<SchemaProblem> schemaProblems = FXCollections.observableArrayList();
    private final StringProperty schemaStatus = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    /** What was just done and how to take it back ("Removed X — Undo (Ctrl+Z)"); gone with the next change. */
    private final StringProperty notice = new SimpleStringProperty("");
    private final HospitalFinder finder = new HospitalFinder();
    /** Past a dozen hospitals (where the other screens show their spread), the table is searched, not scrolled. */
    private final BooleanBinding manyHospitals = Bindings.size(rows).greaterThan(ResultsTable.MOST_COLUMNS);
    private final ObjectProperty<DataKind> kind = new SimpleObjectProperty<>(DataKind.TABLE);
    private final HospitalFiles hospitalFiles;
    private final ParticipantRowFigures figures;
    private final HospitalsFromFiles fromFiles;
    private final CrossHospitalCheck schemaCheck;
    private final ImportOptionsViewModel importOptions;
    private final MappingViewModel mapping;
    private RemoteTables remote = RemoteTables.NONE;
    private final HospitalDataPreview dataPreview;

    public ParticipantsViewModel(StudyDocument document, BackgroundTasks tasks, UserDialogs dialogs) {
        this.document = document;
        this.dialogs = dialogs;
        this.hospitalFiles = new HospitalFiles(document, tasks, this::figuresChanged);
        this.figures = new ParticipantRowFigures(document, rows, kind, hospitalFiles, () -> remote, schemaProblems);
        this.fromFiles = new HospitalsFromFiles(document, hospitalFiles::studyFormat);
        this.schemaCheck = new CrossHospitalCheck(tasks, this::setSchema, schemaStatus::set);
        document.studyProperty().addListener((obs, was, is) -> {
            notice.set("");
            refresh();
        });
        document.fileProperty().addListener((obs, was, is) -> refresh());
        this.dataPreview = new HospitalDataPreview(document, selected, kind, hospitalFiles::summaryOf, () -> remote,
                schemaProblems);
        selected.addListener((obs, was, is) -> refreshPreview());
        this.importOptions = new ImportOptionsViewModel(document, selected, tasks, name -> {
            DataFileSummary s = summaryOfHospital(name);
            return s == null || !s.ok() ? List.of() : s.table().columns();
        });
        this.mapping = new MappingViewModel(document, selected, dataPreview.summaryProperty(), schemaProblems,
                this::summaryOfHospital,
                schemaStatus);
        refresh();
    }

    /** Shows hospitals behind nodes with what their nodes sent, and checks them with the others. */
    public void showRemote(RemoteTables tables) {
        remote = tables;
        tables.onChange(this::figuresChanged);
        refresh();
    }

    /** Files were read, or a node sent its summary: the rows, the preview and the check show the new figures. */
    private void figuresChanged() {
        figures.update();
        refreshPreview();
        scheduleSchemaCheck();
    }

    // ---- commands

    public void addHospitalsFromDialog() {
        List<Path> files = chooseFiles();
        if (!files.isEmpty()) {
            addHospitals(files);
        }
    }

    /**
     * One new hospital per file (per folder in an image study), named after it. In a genotype study each VCF file
     * makes a hospital, and a phenotype sheet among the files whose name starts like the VCF's goes with it.
     */
    public void addHospitals(List<Path> files) {
        boolean genotypes = kind.get() == DataKind.GENOTYPES;
        List<String> guessed = new ArrayList<>();
        List<ParticipantEntry> added = fromFiles.newHospitals(files, kind.get(), names(), guessed);
        if (added.isEmpty()) {
            message.set(genotypes ? "A genotype study adds a hospital per VCF file (.vcf, .vcf.gz, .bcf): none was among the files." : "");
            return;
        }
        document.edit(s -> {
            List<ParticipantEntry> all = new ArrayList<>(s.participants());
            all.addAll(added);
            return s.withParticipants(all);
        });
        message.set("");
        tellGuesses(guessed);
        selected.set(rows.size() - 1);
    }

    private void tellGuesses(List<String> guessed) {
        if (!guessed.isEmpty()) {
            notice.set(ReadingGuess.notice(guessed));
        }
    }

    public void chooseFilesFor(int index) {
        List<Path> files = chooseFiles();
        if (!files.isEmpty()) {
            assignFiles(index, files);
        }
    }

    private List<Path> chooseFiles() {
        return switch (kind.get()) {
            case TABLE -> dialogs.chooseDataFiles();
            case IMAGES -> dialogs.chooseFolder("Choose the hospital's folder of DICOM images").map(List::of).orElse(List.of());
            case GENOTYPES -> dialogs.chooseGenotypeFiles();
        };
    }

    /**
     * Gives hospital {@code index} its data: a table study takes one file per hospital (the first is used), an image
     * study one folder, a genotype study a VCF file and a phenotype sheet (each file given replaces the one of its
     * kind, so they can be chosen one at a time).
     */
    public void assignFiles(int index, List<Path> files) {
        if (index < 0 || index >= rows.size() || files.isEmpty()) {
            return;
        }
        DataKind dataKind = kind.get();
        List<String> guessed = new ArrayList<>();
        editParticipant(index, p -> fromFiles.withFiles(p, files, dataKind, guessed));
        if (dataKind != DataKind.TABLE) {
            message.set("");
            return;
        }
        tellGuesses(guessed);
        message.set(files.size() > 1 ? "A table study takes one file per hospital: " + files.get(0).getFileName()
                + " was used. Drop the other files on the empty part of the table to add them as hospitals." : "");
        refreshPreview();
    }

    public void remove(int index) {
        if (index < 0 || index >= rows.size()) {
            return;
        }
        String name = document.study().participants().get(index).name();
        // no question first: Undo takes it back, with the hospital's file, mapping and settings
        document.edit(s -> {
            List<ParticipantEntry> all = new ArrayList<>(s.participants());
            all.remove(index);
            return s.withParticipants(all);
        });
        selected.set(Math.min(index, rows.size() - 1));
        message.set("");
        notice.set("Removed " + name + " — Undo (Ctrl+Z)");
    }

    /** Takes back the last change of the study (the Undo beside a removal's notice, as Edit > Undo). */
    public void undo() {
        document.undo();
    }

    /** Renames a hospital; false (with a message) when the name is empty or taken. */
    public boolean rename(int index, String newName) {
        String name = newName == null ? "" : newName.trim();
        if (name.isEmpty()) {
            message.set("A hospital needs a name.");
            return false;
        }
        List<String> others = new ArrayList<>(names());
        others.remove(index);
        if (others.contains(name)) {
            message.set("Another hospital is already called '" + name + "'.");
            return false;
        }
        editParticipant(index, p -> p.withName(name));
        message.set("");
        return true;
    }

    public boolean setWeight(int index, double weight) {
        if (!(weight > 0) || Double.isInfinite(weight)) {
            message.set("A hospital's weight must be a number above 0.");
            return false;
        }
        editParticipant(index, p -> p.withWeight(weight));
        message.set("");
        return true;
    }

    /**
     * The attacks the hospitals table offers: "none" and each ready-made setting of the catalogue, so a new attack
     * appears here without GUI code.
     */
    public java.util.List<String> attackChoices() {
        return AttackCatalog.offeredTexts();
    }

    /**
     * Makes a hospital a simulated attacker ({@link org.medfed.attack.AttackCatalog}), or honest again with "none": for teaching
     * how a robust rule copes. The Run screen warns while any attacker is set.
     */
    public boolean setAttack(int index, String attack) {
        String problem = AttackCatalog.problem(attack);
        if (problem != null) {
            message.set("Hospital attack: " + problem);
            return false;
        }
        String value = AttackCatalog.isAttack(attack) ? attack.strip() : null;
        editParticipant(index, p -> p.withAttack(value));
        message.set("");
        return true;
    }

    public void setEnabled(int index, boolean on) {
        editParticipant(index, p -> p.withEnabled(on));
    }

    public void select(int index) {
        selected.set(index);
    }

    /** Chooses the hospital of that name (a problem's hospital), if the study has it. */
    public void selectHospital(String name) {
        int i = names().indexOf(name);
        if (i >= 0) {
            selected.set(i);
        }
    }

    /**
     * Selects the first hospital whose name holds {@code text} (ignoring case), or with {@code next} the one after the
     * selected one, wrapping round; says which of how many it is, or that none matches. Returns its row, -1 when
     * none matches or nothing is searched (the selection then stays).
     */
    public int find(String text, boolean next) {
        int found = finder.find(names(), text, next ? selected.get() : -1);
        if (found >= 0) {
            selected.set(found);
        }
        return found;
    }

    /** Whether the study has more hospitals than a screen shows at once, so that finding one by name helps. */
    public BooleanBinding manyHospitals() {
        return manyHospitals;
    }

    /**
     * Keeps a column that the check left out as an identifier as a feature all the same: the one-click answer to
     * its note.
     */
    public void keepAsFeature(String column) {
        document.edit(s -> {
            DataSection d = org.medfed.gui.common.StudyEdits.data(s.data());
            List<String> keep = new ArrayList<>(d.keep());
            if (!keep.contains(column)) {
                keep.add(column);
            }
            return s.withData(d.withKeep(keep));
        });
    }

    /**
     * Accepts a unit hint of the check: chooses its hospital and sets the column's unit factor in the hospital's
     * mapping, as the Mapping tab's factor would; the file is read again with it and the check runs again.
     */
    public void acceptUnitHint(SchemaProblem hint) {
        selectHospital(hint.participant());
        mapping.acceptUnitHint(hint);
    }

    /**
     * Answers a decimal-comma problem of the check: chooses its hospital and reads its files with a decimal comma, as
     * the Import options tab's box would; the check runs again.
     */
    public void readWithDecimalComma(String participant) {
        if (!readsFilesHere(participant)) {
            return; // its node reads its file: the node's window has the option
        }
        selectHospital(participant);
        importOptions.decimalCommaProperty().set(true);
    }

    /** Whether the hospital's files are read here (not by its own node), so that their import options are ours. */
    public boolean readsFilesHere(String participant) {
        return document.study().participants().stream()
                .anyMatch(p -> p.name().equals(participant) && !p.isRemote());
    }

    /**
     * Accepts a "not recorded" hint of the check: chooses its hospital and marks the value as not recorded in the
     * column of its mapping; the file is read again with it and the check runs again.
     */
    public void acceptNotRecordedHint(SchemaProblem hint) {
        selectHospital(hint.participant());
        mapping.acceptNotRecordedHint(hint);
    }

    private void editParticipant(int index, java.util.function.UnaryOperator<ParticipantEntry> change) {
        document.edit(s -> {
            List<ParticipantEntry> all = new ArrayList<>(s.participants());
            if (index < 0 || index >= all.size()) {
                return s;
            }
            all.set(index, change.apply(all.get(index)));
            return s.withParticipants(all);
        });
    }

    // ---- keeping the table in step with the study

    private void refresh() {
        Study study = document.study();
        List<ParticipantEntry> ps = study.participants();
        hospitalFiles.follow(ps);
        if (rowsInStep.resize(ps.size())) {
            if (selected.get() >= rows.size()) {
                selected.set(rows.size() - 1);
            } else if (selected.get() < 0 && !rows.isEmpty()) {
                selected.set(0);
            }
        }
        rowsInStep.copy(ps);
        kind.set(DataKind.of(study));
        if (kind.get() != DataKind.TABLE) {
            figures.forgetColumns();
            schemaCheck.reset();
            figures.update();
            refreshPreview();
            return;
        }
        hospitalFiles.readNew();
        figures.update();
        refreshPreview();
        scheduleSchemaCheck();
    }

    /**
     * For the pane of a data kind this class does not read (images, genotypes): the hospital's sample count and
     * class balance as that pane found them, shown in the hospitals table.
     */
    public void reportFigures(String hospital, String samples, String balance) {
        figures.report(hospital, samples, balance);
        figures.update();
    }

    /** The hospital's file as read now (after its mapping), or null while it is read or when it has none. */
    public DataFileSummary summaryOfHospital(String name) {
        return hospitalFiles.summaryOf(document.study().participants().stream().filter(p -> p.name().equals(name))
                .findFirst().orElse(null));
    }

    private void refreshPreview() {
        dataPreview.refresh();
    }

    // ---- the cross-hospital check

    private void scheduleSchemaCheck() {
        if (kind.get() == DataKind.TABLE) {
            schemaCheck.schedule(document.study(), hospitalFiles::summaryOf, remote::overview);
        }
    }

    private void setSchema(List<SchemaProblem> found, String status) {
        // what stops the run first, then the notes
        List<SchemaProblem> problems = found.stream()
                .sorted(java.util.Comparator.comparing(SchemaProblem::severity)).toList();
        schemaStatus.set(status);
        // the rows and the preview show the problems; whoever asked for the check has just refreshed them, so
        // they are refreshed again only when the verdict changes what they show
        if (!problems.equals(schemaProblems)) {
            schemaProblems.setAll(problems);
            figures.update();
            refreshPreview();
        }
    }

    // ---- helpers

    private List<String> names() {
        return document.study().participants().stream().map(ParticipantEntry::name).toList();
    }

    /** The first rows of the previewed file, for the data grid. */
    public List<String[]> previewRows() {
        return dataPreview.rows();
    }

    public List<String> previewColumnNames() {
        return dataPreview.columnNames();
    }

    public Map<String, Integer> labelCountsOfSelected() {
        return dataPreview.labelCounts();
    }

    public ObservableList<ParticipantRow> rows() { return rows; }
    /** The 'Import options' tab: how the chosen hospital's file is read. */
    public ImportOptionsViewModel importOptions() { return importOptions; }
    /** The 'Mapping' tab: the chosen hospital's columns and codes in the study's terms, and the classes' names. */
    public MappingViewModel mapping() { return mapping; }
    public IntegerProperty selectedProperty() { return selected; }
    public ObjectProperty<DataFileSummary> previewProperty() { return dataPreview.summaryProperty(); }
    public ObservableList<ColumnRow> previewColumns() { return dataPreview.columns(); }
    public ObservableList<LevelCount> previewBalance() { return dataPreview.balance(); }
    public StringProperty previewTitleProperty() { return dataPreview.titleProperty(); }
    public ObservableList<SchemaProblem> schemaProblems() { return schemaProblems; }
    public StringProperty schemaStatusProperty() { return schemaStatus; }
    public StringProperty messageProperty() { return message; }
    public StringProperty noticeProperty() { return notice; }
    /** What the search for a hospital by name found ("3 of 11 matches"), empty when nothing is searched. */
    public ReadOnlyStringProperty findStatusProperty() { return finder.statusProperty(); }
    public BooleanProperty busyProperty() { return hospitalFiles.busy(); }
    /** The columns of the first hospital file that could be read: what the Task screen offers. */
    public ObservableList<String> knownColumns() { return figures.knownColumns(); }
    /** The first hospital's columns that could be the label ("column2 (B, M)"), for the Task screen's hint. */
    public ObservableList<String> labelCandidates() { return figures.labelCandidates(); }
    /** What in the hospitals' files stops a run (unreadable file, schema error), for the Run button and status line. */
    public ObservableList<String> blockingProblems() { return figures.blockingProblems(); }

    /** What the study's hospitals hold: decides which preview pane the screen shows. */
    public javafx.beans.property.ReadOnlyObjectProperty<DataKind> kindProperty() { return kind; }
}
