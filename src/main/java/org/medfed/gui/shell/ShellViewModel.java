package org.medfed.gui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.engine.BadInputException;
import org.medfed.gui.common.RecentStudies;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.UserDialogs;
import org.medfed.project.DataSection;
import org.medfed.project.Study;
import org.medfed.project.StudyFile;

/**
 * The window's commands: New, Open, Save, Save As, the unsaved-changes prompt, recent studies, and which screen
 * shows. Every question goes through {@link UserDialogs}, so the whole flow is testable without a window.
 */
public final class ShellViewModel {

    private final StudyDocument document;
    private final RecentStudies recentStore;
    private final UserDialogs dialogs;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.START);
    private final StringBinding title;
    private Runnable beforeClose = () -> { };

    public ShellViewModel(StudyDocument document, RecentStudies recentStore, UserDialogs dialogs) {
        this.document = document;
        this.recentStore = recentStore;
        this.dialogs = dialogs;
        recent.setAll(recentStore.list());
        title = Bindings.createStringBinding(() -> (document.isDirty() ? "• " : "") + document.study().name()
                        + " (" + document.displayName() + ") — MedFed Workbench",
                document.studyProperty(), document.fileProperty(), document.dirtyProperty());
    }

    /** Called before the window closes or another study replaces this one, e.g. to stop a run. */
    public void setBeforeClose(Runnable action) {
        this.beforeClose = action;
    }

    public void newStudy() {
        newStudy(org.medfed.gui.common.DataKind.TABLE);
    }

    /**
     * A new, empty study of the given kind of data: a table study to fill on the Participants and Task screens, an
     * image study (a CNN on class folders) or a genotype study (an association study).
     */
    public void newStudy(org.medfed.gui.common.DataKind kind) {
        if (!confirmDiscard()) {
            return;
        }
        beforeClose.run();
        Study e = Study.empty();
        Study fresh = switch (kind) {
            case TABLE -> e.withName("New study").withData(DataSection.forLabel(null));
            case IMAGES -> new Study(null, "New image study", null, "classification", "images", null, null,
                    org.medfed.project.ImagingSection.defaults(), null,
                    new org.medfed.project.ModelSection("cnn", null, null), null, null, null, null, null, null, null);
            case GENOTYPES -> new Study(null, "New genotype study", null, "association", "genotypes", null, null, null,
                    null, null, null, null, null, null, null, null, null);
        };
        document.replace(fresh, null);
        screen.set(Screen.PARTICIPANTS);
    }

    public void open() {
        if (!confirmDiscard()) {
            return;
        }
        dialogs.chooseStudyToOpen().ifPresent(this::load);
    }

    /** Opens {@code file} after the unsaved-changes question. */
    public void open(Path file) {
        if (confirmDiscard()) {
            load(file);
        }
    }

    /** Opens {@code file} without asking (start-up, or after the question was answered). */
    public boolean load(Path file) {
        Study study;
        try {
            study = StudyFile.load(file);
        } catch (BadInputException e) {
            dialogs.showError("Could not open the study", e);
            return false;
        }
        beforeClose.run();
        document.replace(study.data() == null ? study.withData(DataSection.forLabel(null)) : study, file);
        recent.setAll(recentStore.add(file));
        screen.set(Screen.PARTICIPANTS);
        return true;
    }

    /** Saves to the study's file, or asks where when it has none. False when nothing was saved. */
    public boolean save() {
        if (document.file() == null) {
            return saveAs();
        }
        return saveTo(document.file());
    }

    public boolean saveAs() {
        String suggested = document.file() != null ? String.valueOf(document.file().getFileName())
                : fileNameFor(document.study().name());
        return dialogs.chooseStudySaveLocation(suggested).map(this::saveTo).orElse(false);
    }

    private boolean saveTo(Path target) {
        Path file = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json") ? target
                : target.resolveSibling(target.getFileName() + ".json");
        try {
            document.saveAs(file);
        } catch (BadInputException e) {
            dialogs.showError("Could not save the study", e);
            return false;
        }
        recent.setAll(recentStore.add(file));
        return true;
    }

    /** True when the current study may be replaced or closed: saved, discarded by choice, or unchanged. */
    public boolean confirmDiscard() {
        if (!document.isDirty()) {
            return true;
        }
        return switch (dialogs.askUnsavedChanges(document.study().name())) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    /** The window asks to close: false keeps it open. */
    public boolean requestClose() {
        if (!confirmDiscard()) {
            return false;
        }
        beforeClose.run();
        return true;
    }

    static String fileNameFor(String studyName) {
        String base = studyName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (base.isEmpty() ? "study" : base) + ".json";
    }

    public StudyDocument document() {
        return document;
    }

    public ObservableList<Path> recent() {
        return recent;
    }

    public List<Path> recentSnapshot() {
        return List.copyOf(recent);
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public StringBinding titleProperty() {
        return title;
    }
}
