package org.medfed.gui.participants.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.csv.CsvReader;
import org.medfed.data.csv.CsvTable;
import org.medfed.engine.BadInputException;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.ErrorText;
import org.medfed.gui.common.StudyDocument;
import org.medfed.project.CsvOptions;
import org.medfed.project.DataSection;
import org.medfed.project.ParticipantEntry;

/**
 * The 'Import options' tab of the Participants screen: how the chosen hospital's CSV file is read (separator,
 * decimal comma, header row, encoding, missing-value markers, quote character, column names of a file without a
 * header), with a live preview of its first rows read that way. Each change is written to the hospital's
 * {@code "csv"} options in the study at once; an option equal to the study's own setting is not written.
 */
public final class ImportOptionsViewModel {

    public static final List<String> SEPARATORS = List.of(",", ";", "tab", "|");
    public static final List<String> HEADERS = List.of("auto", "yes", "no");
    public static final List<String> ENCODINGS = List.of("UTF-8", "windows-1252", "ISO-8859-1", "UTF-16");
    public static final List<String> QUOTES = List.of("\"", "'", "none");
    /** How an empty missing-value marker is written in the field. */
    static final String EMPTY = "(empty)";
    static final int PREVIEW_ROWS = 12;

    private final StudyDocument document;
    private final IntegerProperty selected;
    private final BackgroundTasks tasks;
    private final Function<String, List<String>> columnsOf;

    private final StringProperty title = new SimpleStringProperty("");
    private final BooleanProperty available = new SimpleBooleanProperty();
    private final ObjectProperty<String> separator = new SimpleObjectProperty<>(",");
    private final ObjectProperty<String> header = new SimpleObjectProperty<>("auto");
    private final BooleanProperty decimalComma = new SimpleBooleanProperty();
    private final ObjectProperty<String> encoding = new SimpleObjectProperty<>("UTF-8");
    private final ObjectProperty<String> quote = new SimpleObjectProperty<>("\"");
    private final StringProperty missing = new SimpleStringProperty("");
    private final StringProperty columnNames = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<String> previewColumns = FXCollections.observableArrayList();
    private final ObservableList<String[]> previewRows = FXCollections.observableArrayList();
    private final StringProperty previewStatus = new SimpleStringProperty("");
    private final ObservableList<String> namesFrom = FXCollections.observableArrayList();

    private boolean showing;
    private Object previewKey;
    private int generation;

    /**
     * @param selected  the hospital chosen on the screen (its index in the study)
     * @param columnsOf the columns of another hospital's file as read, or an empty list while it cannot be read
     */
    public ImportOptionsViewModel(StudyDocument document, IntegerProperty selected, BackgroundTasks tasks,
                                  Function<String, List<String>> columnsOf) {
        this.document = document;
        this.selected = selected;
        this.tasks = tasks;
        this.columnsOf = columnsOf;
        document.studyProperty().addListener((obs, was, is) -> show());
        document.fileProperty().addListener((obs, was, is) -> show());
        selected.addListener((obs, was, is) -> show());
        separator.addListener((obs, was, is) -> write(o -> o.withSeparator(is)));
        header.addListener((obs, was, is) -> write(o -> o.withHeader(is)));
        decimalComma.addListener((obs, was, is) -> write(o -> o.withDecimalComma(is)));
        encoding.addListener((obs, was, is) -> write(o -> o.withEncoding(is)));
        quote.addListener((obs, was, is) -> write(o -> o.withQuote(is)));
        missing.addListener((obs, was, is) -> write(o -> o.withMissingValues(parseMissing(is))));
        columnNames.addListener((obs, was, is) -> write(o -> o.withColumnNames(parseNames(is))));
        show();
    }

    /** Names the columns of this hospital's file as another hospital's file names them (for a file without a header). */
    public void copyColumnNamesFrom(String hospital) {
        List<String> names = hospital == null ? List.of() : columnsOf.apply(hospital);
        if (names.isEmpty()) {
            message.set("The file of " + hospital + " has not been read yet, or could not be read.");
            return;
        }
        header.set("no");
        columnNames.set(String.join(", ", names));
    }

    // ---- from the study to the form

    private ParticipantEntry chosen() {
        List<ParticipantEntry> ps = document.study().participants();
        int i = selected.get();
        return i < 0 || i >= ps.size() ? null : ps.get(i);
    }

    private CsvFormat studyFormat() {
        DataSection data = document.study().data();
        try {
            return data == null ? CsvFormat.defaults() : data.csvFormat();
        } catch (BadInputException e) {
            return CsvFormat.defaults();
        }
    }

    private void show() {
        ParticipantEntry p = chosen();
        boolean has = p != null && !p.isRemote() && !p.data().isEmpty() && !p.data().get(0).isBlank();
        available.set(has);
        List<String> others = document.study().participants().stream().map(ParticipantEntry::name)
                .filter(n -> p == null || !n.equals(p.name())).toList();
        if (!others.equals(namesFrom)) {
            namesFrom.setAll(others);
        }
        if (!has) {
            title.set(p == null ? "Choose a hospital to set how its file is read."
                    : p.isRemote() ? p.name() + " keeps its data behind its node, which reads the file as its node.json says."
                    : p.name() + " has no data file yet.");
            previewKey = null;
            previewColumns.clear();
            previewRows.clear();
            previewStatus.set("");
            return;
        }
        CsvFormat format;
        try {
            format = p.csvFormat(studyFormat());
            message.set("");
        } catch (BadInputException e) {
            format = studyFormat();
            message.set(ErrorText.plain(e));
        }
        title.set("How " + p.name() + "'s file " + Path.of(p.data().get(0)).getFileName() + " is read");
        showing = true;
        try {
            separator.set(format.separator() == '\t' ? "tab" : String.valueOf(format.separator()));
            header.set(format.header().name().toLowerCase(java.util.Locale.ROOT));
            decimalComma.set(format.decimalComma());
            encoding.set(format.encoding().name());
            quote.set(format.quote() == null ? "none" : String.valueOf(format.quote()));
            if (!Objects.equals(parseMissing(missing.get()), sorted(format.missingTokens()))) {
                missing.set(String.join(", ", sorted(format.missingTokens()).stream()
                        .map(t -> t.isEmpty() ? EMPTY : t).toList()));
            }
            if (!parseNames(columnNames.get()).equals(format.columnNames())) {
                columnNames.set(String.join(", ", format.columnNames()));
            }
        } finally {
            showing = false;
        }
        preview(document.resolve(p.data().get(0)), format);
    }

    private static List<String> sorted(java.util.Set<String> tokens) {
        return tokens.stream().sorted().toList();
    }

    /** Reads the file with {@code format} in the background and shows its first rows, or why it cannot be read. */
    private void preview(Path file, CsvFormat format) {
        Object key = List.of(file, format);
        if (key.equals(previewKey)) {
            return;
        }
        previewKey = key;
        int mine = ++generation;
        previewStatus.set("Reading " + file.getFileName() + " …");
        tasks.run(() -> CsvReader.read(file, format), table -> {
            if (mine == generation) {
                showTable(table);
            }
        }, e -> {
            if (mine == generation) {
                previewColumns.clear();
                previewRows.clear();
                previewStatus.set("✖ " + ErrorText.plain(e));
            }
        });
    }

    private void showTable(CsvTable table) {
        previewColumns.setAll(table.columns());
        previewRows.setAll(table.rows().subList(0, Math.min(PREVIEW_ROWS, table.rowCount())));
        previewStatus.set("✔ " + table.rowCount() + " rows, " + table.columns().size() + " columns, "
                + (table.hadHeader() ? "names from the header row" : table.columns().get(0).equals("column1")
                ? "no header row: columns named column1, column2 … (give their names" + (namesFrom.isEmpty() ? ")"
                        : ", or take another hospital's)")
                : "no header row: columns named as given")
                + (table.rowCount() > PREVIEW_ROWS ? "; the first " + PREVIEW_ROWS + " rows are shown" : "") + ".");
    }

    // ---- from the form to the study

    private void write(java.util.function.UnaryOperator<CsvOptions> change) {
        ParticipantEntry p = chosen();
        if (showing || p == null || !available.get()) {
            return;
        }
        CsvOptions wanted = change.apply(p.csvOptions());
        CsvOptions stored;
        try {
            stored = withoutStudyDefaults(wanted);
            p.withCsv(stored).csvFormat(studyFormat());
        } catch (BadInputException e) {
            message.set(ErrorText.plain(e));
            return;
        }
        message.set("");
        int index = selected.get();
        document.edit(s -> {
            List<ParticipantEntry> all = new ArrayList<>(s.participants());
            all.set(index, all.get(index).withCsv(stored));
            return s.withParticipants(all);
        });
    }

    /** The options with every field that says what the study says anyway left out. */
    private CsvOptions withoutStudyDefaults(CsvOptions o) {
        CsvFormat base = studyFormat();
        String sep = o.separator() == null || CsvFormat.parseSeparator(o.separator()) == base.separator() ? null : o.separator();
        String head = o.header() == null || o.header().equalsIgnoreCase(base.header().name()) ? null : o.header();
        Boolean comma = o.decimalComma() == null || o.decimalComma() == base.decimalComma() ? null : o.decimalComma();
        String enc = o.encoding() == null || CsvFormat.parseEncoding(o.encoding()).equals(base.encoding()) ? null : o.encoding();
        String q = o.quote() == null || Objects.equals(CsvFormat.parseQuote(o.quote()), base.quote()) ? null : o.quote();
        List<String> miss = o.missingValues() == null || sorted(new java.util.HashSet<>(o.missingValues()))
                .equals(sorted(base.missingTokens())) ? null : o.missingValues();
        List<String> names = o.columnNames() == null || o.columnNames().equals(base.columnNames()) ? null : o.columnNames();
        return new CsvOptions(sep, head, comma, enc, q, miss, names);
    }

    static List<String> parseMissing(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).map(t -> t.equals(EMPTY) ? "" : t).distinct()
                .sorted().toList();
    }

    static List<String> parseNames(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).toList();
    }

    public StringProperty titleProperty() { return title; }
    /** Whether the chosen hospital has a file read here (not behind a node): the controls are enabled. */
    public BooleanProperty availableProperty() { return available; }
    public ObjectProperty<String> separatorProperty() { return separator; }
    public ObjectProperty<String> headerProperty() { return header; }
    public BooleanProperty decimalCommaProperty() { return decimalComma; }
    public ObjectProperty<String> encodingProperty() { return encoding; }
    public ObjectProperty<String> quoteProperty() { return quote; }
    public StringProperty missingProperty() { return missing; }
    public StringProperty columnNamesProperty() { return columnNames; }
    public StringProperty messageProperty() { return message; }
    public ObservableList<String> previewColumns() { return previewColumns; }
    public ObservableList<String[]> previewRows() { return previewRows; }
    public StringProperty previewStatusProperty() { return previewStatus; }
    /** The other hospitals, whose column names a file without a header can take. */
    public ObservableList<String> namesFrom() { return namesFrom; }
}
