package org.medfed.gui.common;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;

/**
 * The study being edited, shared by every screen: its content, its file (null until first saved), whether it
 * has unsaved changes, and the history of its edits for Undo and Redo. Data paths stay relative to the study file
 * when it has one, absolute otherwise.
 *
 * <p>Every screen changes the study through {@link #edit}, so the history is kept here and nowhere else: each
 * edit is one step, except typing, whose keystrokes (edits of the same part of the study less than
 * {@link #TYPING_PAUSE_NANOS} apart) make one step. It holds at most {@link #MAX_STEPS} steps and starts empty
 * for every study opened or begun.
 */
public final class StudyDocument {

    static final int MAX_STEPS = 100;
    static final long TYPING_PAUSE_NANOS = 1_000_000_000L;

    private final ObjectProperty<Study> study = new SimpleObjectProperty<>(Study.empty());
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final IntegerProperty opened = new SimpleIntegerProperty();
    private final Deque<Study> undo = new ArrayDeque<>();
    private final Deque<Study> redo = new ArrayDeque<>();
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanProperty canRedo = new SimpleBooleanProperty();
    private final LongSupplier clock;
    /** The study as last saved or opened: undoing back to it leaves nothing to save. */
    private Study saved = study.get();
    /** When the last step was recorded, and which parts of the study it changed: for merging keystrokes. */
    private long lastEditAt;
    private Set<String> lastEditParts = Set.of();
    private boolean restoring;

    public StudyDocument() {
        this(System::nanoTime);
    }

    StudyDocument(LongSupplier clock) {
        this.clock = clock;
    }

    public ReadOnlyObjectProperty<Study> studyProperty() {
        return study;
    }

    public Study study() {
        return study.get();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file;
    }

    public Path file() {
        return file.get();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty;
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** A study just opened or created: nothing to save yet, nothing to undo. */
    public void replace(Study newStudy, Path newFile) {
        file.set(newFile == null ? null : newFile.toAbsolutePath().normalize());
        undo.clear();
        redo.clear();
        lastEditParts = Set.of();
        saved = Objects.requireNonNull(newStudy);
        set(newStudy);
        opened.set(opened.get() + 1);
    }

    /**
     * Counts the studies opened or begun: screens that show something of the last study (a run's progress) listen
     * to it to start afresh; an edit, an undo or a save does not change it.
     */
    public ReadOnlyIntegerProperty openedProperty() {
        return opened;
    }

    /** Applies a user's change as one step that Undo takes back; marks the document changed when the study differs. */
    public void edit(UnaryOperator<Study> change) {
        Study before = study.get();
        Study next = change.apply(before);
        if (next.equals(before)) {
            return;
        }
        if (!restoring) { // a screen that answers an undone step by adjusting the study adds no step of its own
            record(before, next);
        }
        set(next);
    }

    private void record(Study before, Study next) {
        long now = clock.getAsLong();
        Set<String> parts = changedParts(before, next);
        boolean typing = !undo.isEmpty() && parts.equals(lastEditParts) && now - lastEditAt < TYPING_PAUSE_NANOS
                && before.participants().size() == next.participants().size();
        if (!typing) {
            undo.push(before);
            if (undo.size() > MAX_STEPS) {
                undo.removeLast();
            }
        }
        redo.clear();
        lastEditAt = now;
        lastEditParts = parts;
    }

    /** The names of the study's parts (its record components) that differ. */
    private static Set<String> changedParts(Study a, Study b) {
        Set<String> out = new TreeSet<>();
        for (RecordComponent c : Study.class.getRecordComponents()) {
            try {
                if (!Objects.equals(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
                    out.add(c.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** Takes back the last step; false when there is none. */
    public boolean undo() {
        return step(undo, redo);
    }

    /** Does again the last step taken back; false when there is none. */
    public boolean redo() {
        return step(redo, undo);
    }

    private boolean step(Deque<Study> from, Deque<Study> to) {
        if (from.isEmpty()) {
            return false;
        }
        to.push(study.get());
        lastEditParts = Set.of(); // the next keystroke is a step of its own
        restoring = true;
        try {
            set(from.pop());
        } finally {
            restoring = false;
        }
        return true;
    }

    private void set(Study next) {
        study.set(next);
        dirty.set(!next.equals(saved));
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo;
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo;
    }

    /** The path the study's relative data paths are resolved against (a placeholder in the working folder until saved). */
    public Path base() {
        Path f = file.get();
        return f != null ? f : Path.of("untitled-study.json").toAbsolutePath();
    }

    public Path resolve(String dataPath) {
        return StudyFile.resolve(base(), dataPath);
    }

    /** How a chosen data file is written in the study: relative to the study file, or absolute before a first save. */
    public String dataPathFor(Path chosen) {
        return file.get() == null ? chosen.toAbsolutePath().normalize().toString() : StudyFile.relativize(file.get(), chosen);
    }

    /**
     * Saves atomically to {@code target}, rewriting data paths (and the coordinator's kit folder) relative to its
     * folder; the steps Undo and Redo keep are rewritten the same way, so that they still point at the same files.
     */
    public void saveAs(Path target) {
        Path absTarget = target.toAbsolutePath().normalize();
        Study toSave = movedTo(study.get(), absTarget);
        StudyFile.save(toSave, absTarget);
        for (Deque<Study> steps : List.of(undo, redo)) {
            List<Study> moved = steps.stream().map(s -> movedTo(s, absTarget)).toList();
            steps.clear();
            steps.addAll(moved);
        }
        file.set(absTarget);
        saved = toSave;
        lastEditParts = Set.of();
        set(toSave);
    }

    private Study movedTo(Study current, Path absTarget) {
        List<ParticipantEntry> moved = new ArrayList<>();
        for (ParticipantEntry p : current.participants()) {
            List<String> files = p.data().stream().map(d -> StudyFile.relativize(absTarget, resolve(d))).toList();
            moved.add(p.withData(files));
        }
        Study out = current.withParticipants(moved);
        var c = current.coordinator();
        if (c != null && c.tls() != null) { // the kit folder moves with the data: same rule
            out = out.withCoordinator(new org.medfed.project.CoordinatorSection(c.listen(), c.bind(),
                    StudyFile.relativize(absTarget, resolve(c.tls()))));
        }
        return out;
    }

    public void save() {
        if (file.get() == null) {
            throw new IllegalStateException("the study has no file yet: use Save As");
        }
        saveAs(file.get());
    }

    /** The file name people see in the title bar. */
    public String displayName() {
        Path f = file.get();
        return f == null ? "Untitled study" : String.valueOf(f.getFileName());
    }
}
