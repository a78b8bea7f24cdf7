package org.medfed.gui.participants;

import org.medfed.attack.AttackCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.csv.CsvReader;
import org.medfed.data.csv.CsvTable;
import org.medfed.data.csv.TableProfiler;
import org.medfed.data.harmonise.SiteMapping;
import org.medfed.data.tabular.LabelCandidates;
import org.medfed.data.tabular.SchemaProblem;
import org.medfed.engine.BadInputException;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.DataKind;
import org.medfed.gui.common.HospitalDataCheck;
import org.medfed.gui.common.ErrorText;
import org.medfed.gui.common.ReadingGuess;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.UserDialogs;
import org.medfed.gui.participants.importing.ImportOptionsViewModel;
import org.medfed.gui.participants.mapping.MappingViewModel;
import org.medfed.project.CsvOptions;
import org.medfed.project.DataSection;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;

/**
 * The Participants screen: the hospitals with their files, sizes and class balance; add, remove, rename, assign
 * files; a preview of the chosen hospital's file; and the cross-hospital schema check. Files are read in the
 * background and remembered until the study's CSV format changes.
 */
public final class ParticipantsViewModel {

    /** A label value and how many rows carry it, for the balance chart. */
    public record LevelCount(String level, int count) {
    }

    /** Files read by one background task at least, and how often the rows are refreshed at most while they come. */
    static final int FILES_PER_TASK = 32;
    static final int MAX_REFRESHES = 6;

    private final StudyDocument document;
    private final BackgroundTasks tasks;
    private final UserDialogs dialogs;

    private final ObservableList<ParticipantRow> rows = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final ObservableList<SchemaProblem> schemaProblems = FXCollections.observableArrayList();
    private final StringProperty schemaStatus = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    /** What was just done and how to take it back ("Removed X — Undo (Ctrl+Z)"); gone with the next change. */
    private final StringProperty notice = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ObservableList<String> knownColumns = FXCollections.observableArrayList();
    private final ObservableList<String> labelCandidates = FXCollections.observableArrayList();
    private final ObservableList<String> blockingProblems = FXCollections.observableArrayList();
    private final ObjectProperty<DataKind> kind = new SimpleObjectProperty<>(DataKind.TABLE);
    /** Sample counts and class balance that a data kind's own pane found in files this class does not read. */
    private final Map<String, String[]> reportedFigures = new HashMap<>();

    /** A hospital's file as read with its format and mapping: edits to either make a new key. */
    record FileKey(Path file, CsvFormat format, SiteMapping mapping, String hospital) {
    }

    private final Map<FileKey, DataFileSummary> summaries = new HashMap<>();
    private final Set<FileKey> loading = new HashSet<>();
    private final CrossHospitalCheck schemaCheck;
    private final ImportOptionsViewModel importOptions;
    private final MappingViewModel mapping;
    private boolean syncing;
    /** Each row's file key as the study stands (made at each study change, not at each refresh of the rows). */
    private final List<FileKey> rowKeys = new ArrayList<>();
    private final Map<String, Integer> rowOf = new HashMap<>();
    private DataSection formatOf;
    private CsvFormat format;
    private RemoteTables remote = RemoteTables.NONE;
    private final HospitalDataPreview dataPreview;

    public ParticipantsViewModel(StudyDocument document, BackgroundTasks tasks, UserDialogs dialogs) {
        this.document = document;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.schemaCheck = new CrossHospitalCheck(tasks, this::setSchema, schemaStatus::set);
        document.studyProperty().addListener((obs, was, is) -> {
            notice.set("");
            refresh();
        });
        document.fileProperty().addListener((obs, was, is) -> refresh());
        this.dataPreview = new HospitalDataPreview(document, selected, kind, this::summaryOf, () -> remote,
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
        tables.onChange(() -> {
            updateRowFigures();
            refreshPreview();
            scheduleSchemaCheck();
        });
        refresh();
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
        Set<String> taken = new HashSet<>(names());
        List<ParticipantEntry> added = new ArrayList<>();
        List<String> guessed = new ArrayList<>();
        boolean genotypes = kind.get() == DataKind.GENOTYPES;
        List<Path> sheets = files.stream().filter(f -> !HospitalDataCheck.isGenotypeFile(f)).toList();
        for (Path f : files) {
            if (genotypes && !HospitalDataCheck.isGenotypeFile(f)) {
                continue;
            }
            String base = HospitalNames.baseName(f);
            String name = HospitalNames.uniqueName(base, taken);
            taken.add(name);
            List<String> data = new ArrayList<>(List.of(document.dataPathFor(f)));
            if (genotypes) {
                data.add(sheets.stream().filter(sh -> sh.getFileName().toString().startsWith(base)).findFirst()
                        .map(document::dataPathFor).orElse(""));
            }
            ParticipantEntry entry = new ParticipantEntry(name, data, 1.0, true, null);
            added.add(kind.get() == DataKind.TABLE ? withGuessedReading(entry, f, guessed) : entry);
        }
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

    /** {@code p} reading {@code file} as its first lines suggest (a European export is read at once). */
    private ParticipantEntry withGuessedReading(ParticipantEntry p, Path file, List<String> guessed) {
        CsvOptions o = ReadingGuess.apply(file, p.csvOptions(), studyFormat(), guessed);
        return o.equals(p.csvOptions()) ? p : p.withCsv(o);
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
        if (kind.get() == DataKind.GENOTYPES) {
            List<String> data = new ArrayList<>(document.study().participants().get(index).data());
            while (data.size() < 2) {
                data.add("");
            }
            for (Path f : files) {
                data.set(HospitalDataCheck.isGenotypeFile(f) ? 0 : 1, document.dataPathFor(f));
            }
            editParticipant(index, p -> p.withData(data));
            message.set("");
            return;
        }
        if (kind.get() == DataKind.IMAGES) {
            editParticipant(index, p -> p.withData(List.of(document.dataPathFor(files.get(0)))));
            message.set("");
            return;
        }
        String path = document.dataPathFor(files.get(0));
        List<String> guessed = new ArrayList<>();
        editParticipant(index, p -> withGuessedReading(p.withData(List.of(path)), files.get(0), guessed));
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
        rowKeys.clear();
        rowOf.clear();
        for (int i = 0; i < ps.size(); i++) {
            rowKeys.add(keyOf(ps.get(i)));
            rowOf.putIfAbsent(ps.get(i).name(), i);
        }
        summaries.keySet().retainAll(new HashSet<>(rowKeys));
        if (rows.size() != ps.size()) {
            List<ParticipantRow> fresh = new ArrayList<>();
            ps.forEach(p -> fresh.add(newRow()));
            rows.setAll(fresh);
            if (selected.get() >= rows.size()) {
                selected.set(rows.size() - 1);
            } else if (selected.get() < 0 && !rows.isEmpty()) {
                selected.set(0);
            }
        }
        syncing = true;
        for (int i = 0; i < ps.size(); i++) {
            ParticipantEntry p = ps.get(i);
            ParticipantRow row = rows.get(i);
            row.nameProperty().set(p.name());
            row.filesProperty().set(p.isRemote() ? "node " + p.node() + ", dataset " + p.dataset()
                    : p.data().isEmpty() ? "(no file yet)" : String.join(", ", p.data()));
            row.weightProperty().set(p.weight());
            row.enabledProperty().set(p.enabled());
            row.attackProperty().set(AttackCatalog.isAttack(p.attack()) ? p.attack() : "none");
        }
        syncing = false;
        kind.set(DataKind.of(study));
        if (kind.get() != DataKind.TABLE) {
            knownColumns.clear();
            labelCandidates.clear();
            schemaCheck.reset();
            updateRowFigures();
            refreshPreview();
            return;
        }
        load(rowKeys.stream().filter(Objects::nonNull).toList());
        updateRowFigures();
        refreshPreview();
        scheduleSchemaCheck();
    }

    private ParticipantRow newRow() {
        ParticipantRow row = new ParticipantRow();
        // the table's check box writes the row's property; the study follows, unless we are copying from it
        row.enabledProperty().addListener((obs, was, on) -> {
            if (!syncing) {
                setEnabled(rows.indexOf(row), on);
            }
        });
        return row;
    }

    /**
     * Reads the files not read yet, a share of them per background task: a study of thousands of hospitals then
     * refreshes its rows a few dozen times while the files come in, not once per file (which was quadratic).
     */
    private void load(List<FileKey> keys) {
        List<FileKey> todo = keys.stream().filter(k -> !summaries.containsKey(k) && !loading.contains(k)).distinct().toList();
        int share = Math.max(FILES_PER_TASK, (todo.size() + MAX_REFRESHES - 1) / MAX_REFRESHES);
        for (int from = 0; from < todo.size(); from += share) {
            List<FileKey> part = List.copyOf(todo.subList(from, Math.min(todo.size(), from + share)));
            loading.addAll(part);
            busy.set(true);
            tasks.run(() -> part.stream().map(ParticipantsViewModel::read).toList(), read -> loaded(part, read), e -> {
                String why = ErrorText.plain(e);
                loaded(part, part.stream().map(k -> DataFileSummary.failed(k.file(), why)).toList());
            });
        }
    }

    /** Keeps what was read for the hospitals whose file is still read that way, then refreshes once. */
    private void loaded(List<FileKey> keys, List<DataFileSummary> read) {
        loading.removeAll(keys);
        busy.set(!loading.isEmpty());
        boolean kept = false;
        for (int i = 0; i < keys.size(); i++) {
            FileKey key = keys.get(i);
            Integer row = rowOf.get(key.hospital());
            if (row != null && key.equals(rowKeys.get(row))) {
                summaries.put(key, read.get(i));
                kept = true;
            }
        }
        if (kept) {
            updateRowFigures();
            refreshPreview();
            scheduleSchemaCheck();
        }
    }

    /**
     * How a hospital's file is read now: the study's format with the hospital's import options over it, and its
     * mapping; null when it has no file yet (or its options cannot be read, which the study check reports).
     */
    private FileKey keyOf(ParticipantEntry p) {
        if (p == null || p.data().isEmpty() || p.data().get(0).isBlank()) {
            return null;
        }
        CsvFormat format;
        SiteMapping mapping;
        try {
            format = p.csvFormat(studyFormat());
            mapping = p.siteMapping();
        } catch (BadInputException e) {
            format = CsvFormat.defaults();
            mapping = SiteMapping.NONE;
        }
        return new FileKey(document.resolve(p.data().get(0)), format, mapping, p.name());
    }

    /** The study's CSV format, made once per data section: every row asks for it at each refresh. */
    private CsvFormat studyFormat() {
        DataSection data = document.study().data();
        if (data != formatOf || format == null) {
            format = data == null ? CsvFormat.defaults() : data.csvFormat();
            formatOf = data;
        }
        return format;
    }

    private ParticipantEntry participantNamed(String name) {
        return document.study().participants().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    static DataFileSummary read(Path file, CsvFormat format) {
        return read(new FileKey(file, format, SiteMapping.NONE, ""));
    }

    /** The file read with its format, then mapped; a failure as a plain message that names the control to use. */
    static DataFileSummary read(FileKey key) {
        Path file = key.file();
        if (!Files.isRegularFile(file)) {
            return DataFileSummary.failed(file, "The file " + file + " does not exist. Choose the file again.");
        }
        CsvTable raw;
        try {
            raw = CsvReader.read(file, key.format());
        } catch (BadInputException e) {
            return DataFileSummary.failed(file, ImportAdvice.withControl(ErrorText.plain(e)));
        }
        try {
            CsvTable table = key.mapping().apply(raw, key.hospital());
            return new DataFileSummary(file, table, TableProfiler.profile(table), null, raw);
        } catch (BadInputException e) {
            return DataFileSummary.failed(file, ErrorText.plain(e) + " Change it on the 'Mapping' tab below.");
        }
    }

    private void updateRowFigures() {
        if (kind.get() != DataKind.TABLE) {
            updateFileOnlyRows();
            return;
        }
        Study study = document.study();
        Optional<DataFileSummary> firstRead = study.participants().stream().map(this::summaryOf)
                .filter(x -> x != null && x.ok()).findFirst();
        List<String> candidates = firstRead.map(x -> LabelCandidates.of(x.table(), x.profiles(), null)).orElse(List.of());
        if (!candidates.equals(labelCandidates)) {
            labelCandidates.setAll(candidates);
        }
        List<String> columns = firstRead.map(x -> x.table().columns())
                .or(() -> study.participants().stream().filter(ParticipantEntry::isRemote).map(remote::overview)
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
            FileKey key = i < rowKeys.size() ? rowKeys.get(i) : keyOf(p);
            DataFileSummary s = key == null ? null : summaries.get(key);
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
     * being connected does not block Run: the run waits for the node and says so if it does not come.
     */
    private String remoteRow(ParticipantEntry p, ParticipantRow row, String label, List<SchemaProblem> own) {
        var o = remote.overview(p);
        row.samplesProperty().set(o == null ? "–" : String.format(Locale.ROOT, "%,d", o.rows()));
        row.balanceProperty().set(o == null ? "" : label == null || label.isBlank()
                ? "choose the label (Task and model)" : o.balanceText());
        List<String> problems = new ArrayList<>();
        boolean error = false;
        for (SchemaProblem sp : own) {
            problems.add(rowText(sp));
            error |= sp.severity() == SchemaProblem.Severity.ERROR;
        }
        row.problemProperty().set(String.join("\n", problems));
        row.errorProperty().set(error);
        row.checkProperty().set((error ? "✖ " : problems.isEmpty() ? "" : "⚠ ") + remote.state(p)
                + (problems.isEmpty() ? "" : "; " + String.join(" ", problems)));
        return error ? problems.get(0) : null;
    }

    /** Rows of a study whose files this class does not read: whether the files are there, and reported figures. */
    private void updateFileOnlyRows() {
        List<ParticipantEntry> ps = document.study().participants();
        for (int i = 0; i < ps.size() && i < rows.size(); i++) {
            ParticipantEntry p = ps.get(i);
            ParticipantRow row = rows.get(i);
            String[] figures = reportedFigures.getOrDefault(p.name(), new String[] {"–", ""});
            row.samplesProperty().set(figures[0]);
            row.balanceProperty().set(figures[1]);
            var problem = HospitalDataCheck.problem(kind.get(), p, document);
            row.problemProperty().set(problem.orElse(""));
            row.errorProperty().set(problem.isPresent());
            row.checkProperty().set(problem.map(x -> "✖ " + x).orElse("✔ files found"));
        }
        if (!blockingProblems.isEmpty()) {
            blockingProblems.clear();
        }
    }

    /**
     * For the pane of a data kind this class does not read (images, genotypes): the hospital's sample count and
     * class balance as that pane found them, shown in the hospitals table.
     */
    public void reportFigures(String hospital, String samples, String balance) {
        reportedFigures.put(hospital, new String[] {samples, balance});
        updateRowFigures();
    }

    private DataFileSummary summaryOf(ParticipantEntry p) {
        FileKey key = keyOf(p);
        return key == null ? null : summaries.get(key);
    }

    /** The hospital's file as read now (after its mapping), or null while it is read or when it has none. */
    public DataFileSummary summaryOfHospital(String name) {
        return summaryOf(participantNamed(name));
    }

    /** A problem on its hospital's row: its column first, unless the message begins with it. */
    private static String rowText(SchemaProblem sp) {
        return (sp.column() == null || sp.message().startsWith("'" + sp.column() + "'") ? ""
                : "column '" + sp.column() + "': ") + sp.message();
    }

    private void refreshPreview() {
        dataPreview.refresh();
    }

    // ---- the cross-hospital check

    private void scheduleSchemaCheck() {
        if (kind.get() == DataKind.TABLE) {
            schemaCheck.schedule(document.study(), this::summaryOf, remote::overview);
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
            updateRowFigures();
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
    public BooleanProperty busyProperty() { return busy; }
    /** The columns of the first hospital file that could be read: what the Task screen offers. */
    public ObservableList<String> knownColumns() { return knownColumns; }
    /** The first hospital's columns that could be the label ("column2 (B, M)"), for the Task screen's hint. */
    public ObservableList<String> labelCandidates() { return labelCandidates; }
    /** What in the hospitals' files stops a run (unreadable file, schema error), for the Run button and status line. */
    public ObservableList<String> blockingProblems() { return blockingProblems; }

    /** What the study's hospitals hold: decides which preview pane the screen shows. */
    public javafx.beans.property.ReadOnlyObjectProperty<DataKind> kindProperty() { return kind; }
}
