package org.medfed.gui;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Parent;
import org.medfed.gui.algorithm.AlgorithmView;
import org.medfed.gui.algorithm.AlgorithmViewModel;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.RecentStudies;
import org.medfed.gui.common.SampleStudies;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.StudyReadiness;
import org.medfed.gui.common.UserDialogs;
import org.medfed.gui.participants.ParticipantsView;
import org.medfed.gui.participants.ParticipantsViewModel;
import org.medfed.gui.results.ResultsView;
import org.medfed.gui.results.ResultsViewModel;
import org.medfed.gui.results.RunHistoryStore;
import org.medfed.gui.run.RunView;
import org.medfed.gui.run.RunViewModel;
import org.medfed.gui.shell.MainWindow;
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
    private final ResultsView resultsView;
    private final MainWindow window;

    public Workbench(BackgroundTasks tasks, UserDialogs dialogs, RecentStudies recent, List<SampleStudies.Sample> samples,
                     RunHistoryStore history, Runnable quit) {
        shell = new ShellViewModel(document, recent, dialogs);
        readiness = new StudyReadiness(document);
        participants = new ParticipantsViewModel(document, tasks, dialogs);
        task = new TaskViewModel(document, participants.knownColumns());
        algorithm = new AlgorithmViewModel(document);
        readiness.addForm("Task and model", task.valid());
        readiness.addForm("Algorithm", algorithm.valid());
        readiness.addProblems(participants.blockingProblems());
        run = new RunViewModel(document, tasks, readiness);
        results = new ResultsViewModel(document, tasks, dialogs, history);
        start = new StartViewModel(shell, samples);

        run.resultProperty().addListener((obs, was, is) -> {
            if (is != null) {
                results.show(is);
            }
        });
        run.failureProperty().addListener((obs, was, is) -> {
            if (is != null) {
                dialogs.showError("The run could not start", is);
            }
        });
        shell.setBeforeClose(run::stop);
        document.fileProperty().addListener((obs, was, is) -> {
            if (!run.isActive()) {
                results.show(null);
            }
        });

        runView = new RunView(run);
        resultsView = new ResultsView(results);
        Map<Screen, Parent> screens = new EnumMap<>(Screen.class);
        screens.put(Screen.START, new StartView(start).root());
        screens.put(Screen.PARTICIPANTS, new ParticipantsView(participants).root());
        screens.put(Screen.TASK, new TaskView(task).root());
        screens.put(Screen.ALGORITHM, new AlgorithmView(algorithm).root());
        screens.put(Screen.RUN, runView.root());
        screens.put(Screen.RESULTS, resultsView.root());
        window = new MainWindow(shell, run, readiness, screens, quit);
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
    public ResultsView resultsView() { return resultsView; }
}
