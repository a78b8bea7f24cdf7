package org.medfed.gui.participants;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.medfed.data.csv.CsvFormat;
import org.medfed.data.csv.CsvReader;
import org.medfed.data.csv.CsvTable;
import org.medfed.data.csv.TableProfiler;
import org.medfed.data.harmonise.SiteMapping;
import org.medfed.engine.BadInputException;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.ErrorText;
import org.medfed.gui.common.StudyDocument;
import org.medfed.project.DataSection;
import org.medfed.project.ParticipantEntry;

/**
 * The hospitals' table files as read: read in the background, a share of them per task, and remembered by how
 * they are read (file, format, mapping), so that a file is read again only when its reading changes. What a row
 * shows is what was read for the row's key as the study stands now: a file read the old way is not shown.
 */
final class HospitalFiles {

    /** Files read by one background task at least, and how often the rows are refreshed at most while they come. */
    static final int FILES_PER_TASK = 32;
    static final int MAX_REFRESHES = 6;

    /** A hospital's file as read with its format and mapping: edits to either make a new key. */
    record FileKey(Path file, CsvFormat format, SiteMapping mapping, String hospital) {
    }

    private final StudyDocument document;
    private final BackgroundTasks tasks;
    /** Called on the UI thread when files were read that rows still read that way. */
    private final Runnable onRead;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final Map<FileKey, DataFileSummary> summaries = new HashMap<>();
    private final Set<FileKey> loading = new HashSet<>();
    /** Each row's file key as the study stands (made at each study change, not at each refresh of the rows). */
    private final List<FileKey> rowKeys = new ArrayList<>();
    private final Map<String, Integer> rowOf = new HashMap<>();
    private DataSection formatOf;
    private CsvFormat format;

    HospitalFiles(StudyDocument document, BackgroundTasks tasks, Runnable onRead) {
        this.document = document;
        this.tasks = tasks;
        this.onRead = onRead;
    }

    /** Whether files are being read. */
    BooleanProperty busy() {
        return busy;
    }

    /** Takes each row's file key from the study's hospitals, and forgets what no row reads that way any more. */
    void follow(List<ParticipantEntry> ps) {
        rowKeys.clear();
        rowOf.clear();
        for (int i = 0; i < ps.size(); i++) {
            rowKeys.add(keyOf(ps.get(i)));
            rowOf.putIfAbsent(ps.get(i).name(), i);
        }
        summaries.keySet().retainAll(new HashSet<>(rowKeys));
    }

    /**
     * Reads the rows' files not read yet, a share of them per background task: a study of thousands of hospitals
     * then refreshes its rows a few dozen times while the files come in, not once per file (which was quadratic).
     */
    void readNew() {
        List<FileKey> todo = rowKeys.stream().filter(Objects::nonNull)
                .filter(k -> !summaries.containsKey(k) && !loading.contains(k)).distinct().toList();
        int share = Math.max(FILES_PER_TASK, (todo.size() + MAX_REFRESHES - 1) / MAX_REFRESHES);
        for (int from = 0; from < todo.size(); from += share) {
            List<FileKey> part = List.copyOf(todo.subList(from, Math.min(todo.size(), from + share)));
            loading.addAll(part);
            busy.set(true);
            tasks.run(() -> part.stream().map(HospitalFiles::read).toList(), read -> loaded(part, read), e -> {
                String why = ErrorText.plain(e);
                loaded(part, part.stream().map(k -> DataFileSummary.failed(k.file(), why)).toList());
            });
        }
    }

    /** Keeps what was read for the hospitals whose file is still read that way, then says so once. */
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
            onRead.run();
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
    CsvFormat studyFormat() {
        DataSection data = document.study().data();
        if (data != formatOf || format == null) {
            format = data == null ? CsvFormat.defaults() : data.csvFormat();
            formatOf = data;
        }
        return format;
    }

    /** The hospital's file as read now, or null while it is read or when it has none. */
    DataFileSummary summaryOf(ParticipantEntry p) {
        FileKey key = keyOf(p);
        return key == null ? null : summaries.get(key);
    }

    /** {@link #summaryOf} for hospital {@code p} of row {@code row}, with the key made at the last study change. */
    DataFileSummary summaryOfRow(int row, ParticipantEntry p) {
        FileKey key = row < rowKeys.size() ? rowKeys.get(row) : keyOf(p);
        return key == null ? null : summaries.get(key);
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
}
