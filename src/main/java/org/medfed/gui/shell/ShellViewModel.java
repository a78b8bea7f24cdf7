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
    private RunningWork running = RunningWork.NONE;
    private Runnable exit = () -> { };
    /** Set while a run stops before the window closes: a second close request closes at once. */
    private boolean closing;
    private final javafx.beans.property.StringProperty notice = new javafx.beans.property.SimpleStringProperty("");

    public ShellViewModel(StudyDocument document, RecentStudies recentStore, UserDialogs dialogs) {
        this.document = document;
        this.recentStore = recentStore;
        this.dialogs = dialogs;
        recent.setAll(recentStore.list());
        title = Bindings.createStringBinding(() -> (document.isDirty() ? "• " : "") + document.study().name()
                        + " (" + document.displayName() + ") — MedFed Workbench",
                document.studyProperty(), document.fileProperty(), document.dirtyProperty());
    }

    /** Called before the window closes or another study replaces this one, e.g. to stop listening for nodes. */
    public void setBeforeClose(Runnable action) {
        this.beforeClose = action;
    }

    /** The run that New, Open and closing the window ask about, and stop before they go on. */
    public void setRunningWork(RunningWork work) {
        this.running = work;
    }

    /** Closes the application for real: called when closing had to wait for a run to stop. */
    public void setExit(Runnable exit) {
        this.exit = exit;
    }

    /**
     * Runs {@code then} at once when nothing runs; otherwise asks whether to stop the run, and if so stops it and
     * runs {@code then} once it has ended (its rounds kept, shown and saved in the run history).
     */
    private void whenNoRun(String action, Runnable then) {
        if (!running.isRunning()) {
            then.run();
            return;
        }
        if (!dialogs.confirm("A run is going on", "A run is going on: stop it and " + action + "?",
                "Stopping keeps the rounds done so far: they are shown on the Results screen and kept in the study's "
                        + "run history. To let the run finish, choose \"Keep running\".",
                "Stop the run and " + action, "Keep running")) {
            return;
        }
        notice.set("Stopping the run: the hospitals stop after their current training step…");
        running.stopThen(() -> {
            notice.set("");
            then.run();
        });
    }

    public void newStudy() {
        newStudy(org.medfed.gui.common.DataKind.TABLE);
    }

    /**
     * A new, empty study of the given kind of data: a table study to fill on the Participants and Task screens, an
     * image study (a CNN on class folders) or a genotype study (an association study).
     */
    public void newStudy(org.medfed.gui.common.DataKind kind) {
        whenNoRun("begin a new study", () -> {
            if (confirmDiscard()) {
                begin(kind);
            }
        });
    }

    private void begin(org.medfed.gui.common.DataKind kind) {
        beforeClose.run();
        Study e = Study.empty();
        Study fresh = switch (kind) {
            case TABLE -> e.withName("New study").withData(DataSection.forLabel(null));
            case IMAGES -> new Study(null, "New image study", null, "classification", "images", null, null,
                    org.medfed.project.ImagingSection.defaults(), null,
                    new org.medfed.project.ModelSection("cnn", null, null), null, null, null, null, null, null);
            case GENOTYPES -> new Study(null, "New genotype study", null, "association", "genotypes", null, null, null,
                    null, null, null, null, null, null, null, null);
        };
        document.replace(fresh, null);
        screen.set(Screen.PARTICIPANTS);
    }

    public void open() {
        whenNoRun("open another study", () -> {
            if (confirmDiscard()) {
                dialogs.chooseStudyToOpen().ifPresent(this::load);
            }
        });
    }

    /** Opens {@code file} after the questions about a run going on and unsaved changes. */
    public void open(Path file) {
        whenNoRun("open another study", () -> {
            if (confirmDiscard()) {
                load(file);
            }
        });
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

    /**
     * The window asks to close: true when it may close now. During a run it asks whether to stop the run and
     * returns false; once the run has stopped and the unsaved-changes question is answered, it closes through the
     * exit action. Asked again while the run stops, it closes at once.
     */
    public boolean requestClose() {
        if (closing) {
            beforeClose.run();
            return true;
        }
        if (!running.isRunning()) {
            return closeNow();
        }
        closing = true;
        whenNoRun("close", () -> {
            closing = false;
            if (closeNow()) {
                exit.run();
            }
        });
        if (notice.get().isEmpty()) { // kept running
            closing = false;
        }
        return false;
    }

    /** File > Quit: closes the application when {@link #requestClose} allows it now. */
    public void quit() {
        if (requestClose()) {
            exit.run();
        }
    }

    private boolean closeNow() {
        if (!confirmDiscard()) {
            return false;
        }
        beforeClose.run();
        return true;
    }

    /** What the window is waiting for (a run stopping before it closes), or empty. */
    public javafx.beans.property.ReadOnlyStringProperty noticeProperty() {
        return notice;
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
