package org.medfed.gui.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.medfed.project.ParticipantEntry;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;

/**
 * The study being edited, shared by every screen: its content, its file (null until first saved) and whether it
 * has unsaved changes. Data paths stay relative to the study file when it has one, absolute otherwise.
 */
public final class StudyDocument {

    private final ObjectProperty<Study> study = new SimpleObjectProperty<>(Study.empty());
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final BooleanProperty dirty = new SimpleBooleanProperty();

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

    /** A study just opened or created: nothing to save yet. */
    public void replace(Study newStudy, Path newFile) {
        file.set(newFile == null ? null : newFile.toAbsolutePath().normalize());
        study.set(Objects.requireNonNull(newStudy));
        dirty.set(false);
    }

    /** Applies a user's change; marks the document changed when the study differs. */
    public void edit(UnaryOperator<Study> change) {
        Study next = change.apply(study.get());
        if (!next.equals(study.get())) {
            study.set(next);
            dirty.set(true);
        }
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

    /** Saves atomically to {@code target}, rewriting data paths (and the coordinator's kit folder) relative to its folder. */
    public void saveAs(Path target) {
        Path absTarget = target.toAbsolutePath().normalize();
        Study current = study.get();
        List<ParticipantEntry> moved = new ArrayList<>();
        for (ParticipantEntry p : current.participants()) {
            List<String> files = p.data().stream().map(d -> StudyFile.relativize(absTarget, resolve(d))).toList();
            moved.add(p.withData(files));
        }
        Study toSave = current.withParticipants(moved);
        var c = current.coordinator();
        if (c != null && c.tls() != null) { // the kit folder moves with the data: same rule
            toSave = toSave.withCoordinator(new org.medfed.project.CoordinatorSection(c.listen(), c.bind(),
                    StudyFile.relativize(absTarget, resolve(c.tls()))));
        }
        StudyFile.save(toSave, absTarget);
        file.set(absTarget);
        study.set(toSave);
        dirty.set(false);
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
