package org.medfed.gui;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import org.medfed.gui.algorithm.AlgorithmView;
import org.medfed.gui.algorithm.AlgorithmViewModel;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.DataKind;
import org.medfed.gui.common.ViewSwitch;
import org.medfed.gui.common.RecentStudies;
import org.medfed.gui.common.SampleStudies;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.StudyReadiness;
import org.medfed.gui.common.UserDialogs;
import org.medfed.gui.imaging.ImageFolderView;
import org.medfed.gui.imaging.ImageFolderViewModel;
import org.medfed.gui.imaging.ImagingTaskView;
import org.medfed.gui.imaging.ImagingTaskViewModel;
import org.medfed.gui.imaging.MaskComparisonView;
import org.medfed.gui.imaging.MaskComparisonViewModel;
import org.medfed.gui.imaging.SelectedHospitalImages;
import org.medfed.gui.genotypes.AssociationResultsView;
import org.medfed.gui.genotypes.AssociationResultsViewModel;
import org.medfed.gui.genotypes.AssociationRunView;
import org.medfed.gui.genotypes.AssociationRunViewModel;
import org.medfed.gui.genotypes.GenotypeFilesPane;
import org.medfed.gui.genotypes.GenotypeFilesViewModel;
import org.medfed.gui.genotypes.GenotypeTaskView;
import org.medfed.gui.genotypes.GenotypeTaskViewModel;
import org.medfed.gui.participants.ParticipantsView;
import org.medfed.gui.participants.ParticipantsViewModel;
import org.medfed.gui.remote.CoordinatorSettingsViewModel;
import org.medfed.gui.remote.ProvisionViewModel;
import org.medfed.gui.remote.RemoteHospitalsView;
import org.medfed.gui.remote.RemoteHospitalsViewModel;
import org.medfed.gui.remote.StudyCoordinator;
import org.medfed.gui.results.ResultsView;
import org.medfed.gui.results.ResultsViewModel;
import org.medfed.gui.results.RunHistoryStore;
import org.medfed.gui.run.RunView;
import org.medfed.gui.run.RunViewModel;
import org.medfed.gui.shell.MainWindow;
import org.medfed.gui.shell.StudyRunCommands;
import org.medfed.gui.shell.Screen;
import org.medfed.gui.shell.ShellViewModel;
import org.medfed.gui.start.StartView;
import org.medfed.gui.start.StartViewModel;
import org.medfed.gui.task.TaskView;
import org.medfed.gui.task.TaskViewModel;

/**
 * Wires the workbench: one study document, one background executor and one set of dialogs shared by every
 * screen's view-model, and a view per screen. The application and the TestFX tests build it the same way, with
 * their own executor and dialogs.
 */
public final class Workbench {

    private final StudyDocument document = new StudyDocument();
    private final ShellViewModel shell;
    private final StudyReadiness readiness;
    private final ParticipantsViewModel participants;
    private final TaskViewModel task;
    private final AlgorithmViewModel algorithm;
    private final RunViewModel run;
    private final ResultsViewModel results;
    private final StartViewModel start;
    private final RunView runView;
    private final java.util.concurrent.Executor chartDrawing;
    private final ResultsView resultsView;
    private final MainWindow window;
    private final ObjectProperty<DataKind> kind = new SimpleObjectProperty<>(DataKind.TABLE);
    private final BooleanProperty association = new SimpleBooleanProperty();
    private final Map<DataKind, Parent> taskScreens = new EnumMap<>(DataKind.class);
    private final Map<DataKind, ObservableBooleanValue> taskForms = new EnumMap<>(DataKind.class);
    private final ImageFolderViewModel imageFolder;
    private final ImagingTaskViewModel imagingTask;
    private final MaskComparisonViewModel masks;
    private final GenotypeTaskViewModel genotypeTask;
    private final GenotypeFilesViewModel genotypeFiles;
    private final AssociationRunViewModel associationRun;
    private final AssociationResultsViewModel associationResults;
    private final StudyCoordinator coordinator;
    private final RemoteHospitalsViewModel remote;
    private final CoordinatorSettingsViewModel coordinatorSettings;
    private final ProvisionViewModel provision;
    private final org.medfed.gui.help.HelpViewModel help;

    public Workbench(BackgroundTasks tasks, UserDialogs dialogs, RecentStudies recent, List<SampleStudies.Sample> samples,
                     RunHistoryStore history, Runnable quit) {
        kind.set(DataKind.of(document.study()));
        association.set(DataKind.isAssociation(document.study()));
        document.studyProperty().addListener((obs, was, is) -> {
            kind.set(DataKind.of(is));
            association.set(DataKind.isAssociation(is));
        });
        shell = new ShellViewModel(document, recent, dialogs);
        readiness = new StudyReadiness(document);
        participants = new ParticipantsViewModel(document, tasks, dialogs);
        // hospitals behind nodes: the workbench listens for them while their study is open
        coordinator = new StudyCoordinator(document, tasks);
        remote = new RemoteHospitalsViewModel(document, tasks, coordinator);
        coordinatorSettings = new CoordinatorSettingsViewModel(document, dialogs, coordinator);
        provision = new ProvisionViewModel(document, tasks, dialogs, coordinatorSettings);
        participants.showRemote(remote);
        task = new TaskViewModel(document, participants.knownColumns(), participants.schemaProblems(),
                participants.labelCandidates());
        algorithm = new AlgorithmViewModel(document);
        genotypeTask = new GenotypeTaskViewModel(document, tasks);
        imagingTask = new ImagingTaskViewModel(document);
        // The Task screen and its validity follow the study's data kind: each kind's form (its view is in
        // taskScreens below); a kind without a form of its own has nothing to validate there.
        taskForms.put(DataKind.TABLE, task.valid());
        taskForms.put(DataKind.IMAGES, imagingTask.valid());
        taskForms.put(DataKind.GENOTYPES, genotypeTask.valid());
        List<Observable> taskFormInputs = new java.util.ArrayList<>(taskForms.values());
        taskFormInputs.add(kind);
        readiness.addForm("Task and model", Bindings.createBooleanBinding(() -> {
            ObservableBooleanValue form = taskForms.get(kind.get());
            return form == null || form.get();
        }, taskFormInputs.toArray(Observable[]::new)));
        readiness.addForm("Algorithm", algorithm.valid());
        readiness.addProblems(algorithm.protections().problems());
        readiness.addProblems(algorithm.compression().problems());
        readiness.addProblems(algorithm.speeds().problems());
        readiness.addProblems(participants.blockingProblems());
        run = new RunViewModel(document, tasks, readiness);
        run.runThroughNodes(coordinator);
        run.keepRunsIn(history);
        results = new ResultsViewModel(document, tasks, dialogs, history);
        // Resume on an interrupted run of the history goes on with it on the Run screen, where its rounds show
        results.resumeWith(folder -> {
            shell.screenProperty().set(org.medfed.gui.shell.Screen.RUN);
            run.resume(folder);
        });
        // the hospital's side: a window of its own, sharing the workbench's background executor
        start = new StartViewModel(shell, samples, () -> org.medfed.gui.node.NodeWindowStage.show(
                new javafx.stage.Stage(), tasks));

        run.resultProperty().addListener((obs, was, is) -> {
            if (is != null) {
                results.show(is, run.keptFolderProperty().get());
            }
        });
        run.failureProperty().addListener((obs, was, is) -> {
            if (is != null) {
                dialogs.showError("The run could not start", is);
            }
        });
        document.fileProperty().addListener((obs, was, is) -> {
            if (!run.isActive()) {
                results.show(null);
            }
        });

        // the live charts are drawn on one low-priority thread, in order (OffThreadChartView)
        chartDrawing = tasks.workers().background("chart-drawing");
        runView = new RunView(run, chartDrawing);
        resultsView = new ResultsView(results);

        // What each data kind adds to the screens (see DataKind): a preview of the chosen hospital's data on the
        // Participants screen, and its own Task form. An association study (genotypes, task "association") is a
        // single federated analysis, not rounds of training: it has its own Run and Results views and Run command.
        Map<DataKind, Node> participantPreviews = new EnumMap<>(DataKind.class);
        taskScreens.put(DataKind.TABLE, new TaskView(task).root());
        imageFolder = new ImageFolderViewModel(tasks);
        new SelectedHospitalImages(document, participants.selectedProperty(), imageFolder, tasks,
                participants::reportFigures);
        participantPreviews.put(DataKind.IMAGES, new ImageFolderView(imageFolder).root());
        taskScreens.put(DataKind.IMAGES, new ImagingTaskView(imagingTask).root());
        masks = new MaskComparisonViewModel(tasks);
        results.resultProperty().addListener((obs, was, is) -> masks.show(is));
        resultsView.addSection(new MaskComparisonView(masks).root());
        taskScreens.put(DataKind.GENOTYPES, new GenotypeTaskView(genotypeTask).root());
        genotypeFiles = new GenotypeFilesViewModel(document, tasks, dialogs, participants.selectedProperty(),
                participants::reportFigures);
        participantPreviews.put(DataKind.GENOTYPES, new GenotypeFilesPane(genotypeFiles).root());
        readiness.addProblems(genotypeFiles.blockingProblems());
        associationRun = new AssociationRunViewModel(document, tasks, readiness.problems());
        associationResults = new AssociationResultsViewModel(tasks, dialogs);
        associationRun.resultProperty().addListener((obs, was, is) -> {
            if (is != null) {
                associationResults.show(is, associationRun.outputFolderProperty().get());
            }
        });
        associationRun.failureProperty().addListener((obs, was, is) -> {
            if (is != null) {
                dialogs.showError("The association study could not run", is);
            }
        });
        document.fileProperty().addListener((obs, was, is) -> {
            if (!associationRun.isActive()) {
                associationResults.show(null, null);
            }
        });
        shell.setBeforeClose(() -> {
            run.stop();
            associationRun.stop();
            coordinator.close();
        });
        shell.setRunningWork(new StudyRuns(() -> run.isActive() || associationRun.isActive(), () -> {
            run.stop();
            associationRun.stop();
        }, List.of(run.phaseProperty(), associationRun.phaseProperty()), tasks.ui()));
        shell.setExit(quit);
        Node associationRunView = new AssociationRunView(associationRun,
                () -> shell.screenProperty().set(Screen.RESULTS)).root();
        Node associationResultsView = new AssociationResultsView(associationResults).root();

        Map<Screen, Parent> screens = new EnumMap<>(Screen.class);
        screens.put(Screen.START, new StartView(start).root());
        ParticipantsView participantsView = new ParticipantsView(participants, participantPreviews);
        RemoteHospitalsView remoteView = new RemoteHospitalsView(remote, coordinatorSettings, provision);
        participantsView.addButton(remoteView.addButton());
        participantsView.addButton(remoteView.provisionButton());
        participantsView.addSection(remoteView.participantsPane());
        runView.addLowerTab("tab-nodes", "Hospital nodes", remoteView.runPane());
        screens.put(Screen.PARTICIPANTS, participantsView.root());
        screens.put(Screen.TASK, new ViewSwitch<>(kind, taskScreens, taskScreens.get(DataKind.TABLE)).root());
        screens.put(Screen.ALGORITHM, new AlgorithmView(algorithm).root());
        screens.put(Screen.RUN, associationSwitch(associationRunView, runView.root()));
        screens.put(Screen.RESULTS, associationSwitch(associationResultsView, resultsView.root()));
        StudyRunCommands commands = new StudyRunCommands(this::startRun, () -> {
            run.stop();
            associationRun.stop();
        }, Bindings.when(association).then(associationRun.canStartProperty()).otherwise(run.canStartProperty()),
                Bindings.createBooleanBinding(() -> run.canStopProperty().get() || associationRun.isActive(),
                        run.canStopProperty(), associationRun.phaseProperty()),
                Bindings.createBooleanBinding(() -> run.phaseProperty().get() == RunViewModel.Phase.PAUSED,
                        run.phaseProperty()),
                Bindings.when(association).then(Bindings.createStringBinding(() -> associationProgress(),
                        associationRun.phaseProperty(), associationRun.stageProperty())).otherwise(run.progressTextProperty()));
        window = new MainWindow(shell, run, readiness, screens, shell::quit, commands);
        help = new org.medfed.gui.help.HelpViewModel(shell, dialogs, () -> samples.stream()
                .filter(s -> s.studyFile().getParent().getFileName().toString().equals(SampleStudies.DEFAULT_SAMPLE))
                .map(SampleStudies.Sample::studyFile).findFirst());
        org.medfed.gui.help.HelpView helpView = new org.medfed.gui.help.HelpView(help);
        window.addMenu(helpView.menu());
        window.addBand(helpView.tourBand());
    }

    private String associationProgress() {
        return switch (associationRun.phaseProperty().get()) {
            case IDLE -> "Not started";
            case RUNNING, STOPPING -> associationRun.stageProperty().get();
            case DONE -> "Association study finished";
            case STOPPED -> "Association study stopped";
            case FAILED -> "Association study failed";
        };
    }

    /** The Run command (F5, the Run menu): the association analysis for an association study, else a run in rounds. */
    public void startRun() {
        if (DataKind.isAssociation(document.study())) {
            associationRun.start();
        } else {
            run.start();
        }
    }

    private Parent associationSwitch(Node associationView, Parent roundsView) {
        return new ViewSwitch<>(association, Map.of(Boolean.TRUE, associationView), roundsView).root();
    }

    /** Opens a study at start-up (no unsaved-changes question: nothing is open yet). */
    public boolean open(Path studyFile) {
        return shell.load(studyFile);
    }

    public Parent root() { return window.root(); }
    public StudyDocument document() { return document; }
    public ShellViewModel shell() { return shell; }
    public StudyReadiness readiness() { return readiness; }
    public ParticipantsViewModel participants() { return participants; }
    public TaskViewModel task() { return task; }
    public AlgorithmViewModel algorithm() { return algorithm; }
    public RunViewModel run() { return run; }
    public ResultsViewModel results() { return results; }
    public RunView runView() { return runView; }

    /** Draws a throwaway chart on the live charts' thread so the first run's charts are not drawn cold. */
    public void warmUpCharts() {
        org.medfed.gui.common.ChartWarmUp.start(chartDrawing);
    }
    public ResultsView resultsView() { return resultsView; }
    public ImageFolderViewModel imageFolder() { return imageFolder; }
    public ImagingTaskViewModel imagingTask() { return imagingTask; }
    public MaskComparisonViewModel masks() { return masks; }
    public GenotypeTaskViewModel genotypeTask() { return genotypeTask; }
    public GenotypeFilesViewModel genotypeFiles() { return genotypeFiles; }
    public AssociationRunViewModel associationRun() { return associationRun; }
    public AssociationResultsViewModel associationResults() { return associationResults; }
    public StudyCoordinator coordinator() { return coordinator; }
    public RemoteHospitalsViewModel remote() { return remote; }
    public CoordinatorSettingsViewModel coordinatorSettings() { return coordinatorSettings; }
    public ProvisionViewModel provision() { return provision; }
    public org.medfed.gui.help.HelpViewModel help() { return help; }
}
