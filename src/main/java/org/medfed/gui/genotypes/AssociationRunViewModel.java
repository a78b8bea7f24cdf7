package org.medfed.gui.genotypes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import org.medfed.analytics.gwas.GwasResult;
import org.medfed.engine.BadInputException;
import org.medfed.engine.RunCancelledException;
import org.medfed.engine.RunControl;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.ErrorText;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.results.RunHistoryStore;
import org.medfed.project.Study;
import org.medfed.study.AssociationStudy;

/**
 * Runs the study's federated association analysis in the background, as the command line's {@code gwas} does,
 * with its stages as progress and a stop button. The output files (table, plots, summary) go beside a saved study,
 * in its runs folder, so that a finished study is on disk as well as on screen.
 */
public final class AssociationRunViewModel {

    public enum Phase { IDLE, RUNNING, STOPPING, DONE, STOPPED, FAILED }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final StudyDocument document;
    private final BackgroundTasks tasks;
    private final ObservableList<String> blockers;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    private final ReadOnlyStringWrapper stage = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<GwasResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Throwable> failure = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> outputFolder = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canStart;
    private RunControl control;

    /**
     * @param blockers what must be fixed before a run (empty when the study can run), e.g. the workbench's
     *        readiness problems
     */
    public AssociationRunViewModel(StudyDocument document, BackgroundTasks tasks, ObservableList<String> blockers) {
        this.document = document;
        this.tasks = tasks;
        this.blockers = blockers;
        canStart = Bindings.createBooleanBinding(() -> !isActive() && blockers.isEmpty(), phase, blockers);
        message.set("Run the study to test every variant at every hospital.");
    }

    public void start() {
        if (!canStart.get()) {
            if (!blockers.isEmpty()) {
                message.set("Not ready: " + blockers.get(0));
            }
            return;
        }
        Study study = document.study();
        Path base = document.base();
        Path out = outputFolderFor(document.file());
        RunControl run = RunControl.free();
        control = run;
        AtomicReference<String> latestStage = new AtomicReference<>("starting");
        AtomicReference<double[]> latestFraction = new AtomicReference<>(new double[] {-1});
        AtomicBoolean posted = new AtomicBoolean();
        phase.set(Phase.RUNNING);
        result.set(null);
        failure.set(null);
        outputFolder.set(null);
        stage.set("Starting…");
        progress.set(-1);
        message.set("");
        long started = System.nanoTime();
        tasks.run(() -> AssociationStudy.run(tasks.workers(), study, base, out, false, run, (what, done, total) -> {
            // the engine reports often; the screen takes the latest value once per UI turn
            latestStage.set(what);
            latestFraction.set(new double[] {total > 0 ? (double) done / total : -1});
            if (posted.compareAndSet(false, true)) {
                tasks.ui().execute(() -> {
                    posted.set(false);
                    if (control == run && isActive()) {
                        stage.set(stageText(latestStage.get()));
                        progress.set(latestFraction.get()[0]);
                    }
                });
            }
            run.checkpoint();
        }), r -> {
            if (control != run) {
                return;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            // the folder first: whoever shows the result makes its report from the folder
            outputFolder.set(out);
            result.set(r);
            phase.set(Phase.DONE);
            progress.set(1);
            stage.set(String.format(Locale.ROOT, "Finished in %.1f s", seconds));
            message.set("Results saved in " + out + ".");
        }, e -> {
            if (control != run) {
                return;
            }
            boolean stopped = e instanceof RunCancelledException;
            phase.set(stopped ? Phase.STOPPED : Phase.FAILED);
            progress.set(0);
            stage.set(stopped ? "Stopped" : "Failed");
            message.set(stopped ? "The study was stopped; nothing was saved." : ErrorText.plain(e));
            if (!stopped) {
                failure.set(e);
            }
        });
    }

    public void stop() {
        if (phase.get() == Phase.RUNNING && control != null) {
            control.cancel();
            phase.set(Phase.STOPPING);
            stage.set("Stopping…");
        }
    }

    public boolean isActive() {
        return phase.get() == Phase.RUNNING || phase.get() == Phase.STOPPING;
    }

    static String stageText(String engineStage) {
        return switch (engineStage) {
            case "reading genotypes" -> "Each hospital reads its genotypes and phenotypes…";
            case "counting genotypes" -> "Summing genotype counts over hospitals (quality control)…";
            case "regression" -> "Fitting the regression at every variant (federated Newton-Raphson)…";
            case "done" -> "Writing the results table and plots…";
            default -> Character.toUpperCase(engineStage.charAt(0)) + engineStage.substring(1) + "…";
        };
    }

    /** Beside a saved study, in its runs folder; a temporary folder for a study not saved yet. */
    static Path outputFolderFor(Path studyFile) {
        String stamp = "gwas-" + LocalDateTime.now().format(STAMP);
        if (studyFile != null) {
            Path dir = RunHistoryStore.folderFor(studyFile).resolve(stamp);
            for (int n = 2; Files.exists(dir); n++) {
                dir = RunHistoryStore.folderFor(studyFile).resolve(stamp + "-" + n);
            }
            return dir;
        }
        try {
            return Files.createTempDirectory("medfed-gwas-");
        } catch (IOException e) {
            throw new BadInputException("cannot create a folder for the results: " + e.getMessage());
        }
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() { return phase.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stageProperty() { return stage.getReadOnlyProperty(); }
    /** From 0 to 1 within the current stage; -1 when unknown. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<GwasResult> resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Throwable> failureProperty() { return failure.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Path> outputFolderProperty() { return outputFolder.getReadOnlyProperty(); }
    public BooleanBinding canStartProperty() { return canStart; }
}
