package org.medfed.gui.run;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
import org.medfed.engine.FailureRepeats;
import org.medfed.engine.LearningCurve;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunEvent;
import org.medfed.engine.RunStatus;
import org.medfed.engine.strategy.StrategyCatalog;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.ErrorText;
import org.medfed.gui.common.EventBridge;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.StudyReadiness;
import org.medfed.gui.results.RunHistoryStore;
import org.medfed.project.Study;
import org.medfed.study.MultiSiteStudy;
import org.medfed.study.RemoteStudyData;
import org.medfed.study.StudyResult;

/**
 * The Run screen's state and commands: start, pause, step, stop; progress with time left; the rounds as the
 * charts draw them; each hospital's status; the log. Engine events arrive through an {@link EventBridge}, in
 * batches, on the UI thread.
 */
public final class RunViewModel {

    public enum Phase {
        IDLE, PREPARING, RUNNING, PAUSED, COMPARING, FINISHED, STOPPED, FAILED;

        boolean active() {
            return this == PREPARING || this == RUNNING || this == PAUSED || this == COMPARING;
        }
    }

    private final StudyDocument document;
    private final BackgroundTasks tasks;
    private final ObservableBooleanValue studyReady;
    private final ObservableList<String> readinessProblems;
    private final RunLog log;

    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.IDLE);
    private final RunProgress progress = new RunProgress();
    private final RunSeries series = new RunSeries();
    private final HospitalStatuses hospitals = new HospitalStatuses();
    private final ProtectionMonitor protections = new ProtectionMonitor();
    private final StringProperty statusText = new SimpleStringProperty("");
    private final BooleanProperty compareWithBaselines = new SimpleBooleanProperty(true);
    private final ObjectProperty<StudyResult> result = new SimpleObjectProperty<>();
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> keptFolder = new SimpleObjectProperty<>();
    private final StringProperty attackerWarning = new SimpleStringProperty("");
    private final StringProperty compareLabel = new SimpleStringProperty("");

    private final RunButtons buttons;

    private RunControl control;
    private RunHistoryStore history;
    private EventBridge bridge;
    private NodeRuns nodes;
    /** Whether the run under way reaches its hospitals through their nodes. */
    private boolean throughNodes;
    private int run;
    /** RunPaused events to come that do not hold the loop: the engine announces a pause before a granted round too. */
    private int grantedAnnouncements;

    public RunViewModel(StudyDocument document, BackgroundTasks tasks, StudyReadiness readiness) {
        this(document, tasks, readiness, LocalTime::now);
    }

    RunViewModel(StudyDocument document, BackgroundTasks tasks, StudyReadiness readiness, Supplier<LocalTime> clock) {
        this.document = document;
        this.tasks = tasks;
        this.studyReady = readiness.ready();
        this.readinessProblems = readiness.problems();
        this.log = new RunLog(clock);
        this.buttons = new RunButtons(phase, studyReady);
        document.studyProperty().addListener((obs, was, is) -> {
            attackerWarning.set(RunWording.attackerWarning(is));
            listHospitals(is);
        });
        attackerWarning.set(RunWording.attackerWarning(document.study()));
        listHospitals(document.study());
        compareLabel.bind(Bindings.createStringBinding(
                () -> RunWording.comparisonChoice(MultiSiteStudy.isMultiSite(document.study())), document.studyProperty()));
        document.openedProperty().addListener((obs, was, is) -> reset());
    }

    /**
     * Another study was opened or a new one begun: nothing of the last study's runs stays on the screen (its
     * "Stopped after round 149 of 400", its charts, log and run count). A run still going on keeps its screen.
     */
    private void reset() {
        if (phase.get().active()) {
            return;
        }
        run = 0;
        phase.set(Phase.IDLE);
        clearRun();
        series.forgetPrevious();
        progress.notStarted();
        log.clear();
        hospitals.allReady(series.hospitalNames());
    }

    /**
     * Before a run, the status list shows the study's hospitals as ready, so the researcher sees who takes part
     * before pressing Start (and the table has its rows before a run needs the FX thread for its charts). The
     * statuses of the last run stay until the study's hospitals change.
     */
    private void listHospitals(Study study) {
        if (phase.get().active()) {
            return;
        }
        // in the order a run lists them (the engine sorts them by name)
        List<String> names = study.enabledParticipants().stream().map(p -> p.name()).sorted().toList();
        hospitals.listReady(names);
        series.showHospitals(names);
    }

    /** Runs a study whose hospitals are behind nodes through {@code runs}. */
    public void runThroughNodes(NodeRuns runs) {
        this.nodes = runs;
    }

    /** Starts a run, or resumes a paused one. */
    public void start() {
        if (phase.get() == Phase.PAUSED) {
            control.resume();
            goOn();
            log.add("Resumed.");
            return;
        }
        if (buttons.canStart().get()) {
            launch(false);
        }
    }

    /** Holds the run within one training step; Start resumes it. */
    public void pause() {
        if (phase.get() == Phase.RUNNING) {
            control.pause();
            phase.set(Phase.PAUSED);
            progress.pause();
            hospitals.hold(true);
            log.add("Paused: the hospitals stop after their current training step.");
        }
    }

    /** Runs one more round, then holds: for teaching. From a stopped state, starts a run that holds after round 1. */
    public void step() {
        if (phase.get() == Phase.PAUSED) {
            control.step();
            goOn();
            log.add("Step: one more round.");
        } else if (buttons.canStep().get()) {
            launch(true);
        }
    }

    /** Stops the run within one training step; the rounds done so far are kept. */
    public void stop() {
        if (phase.get().active() && control != null) {
            control.cancel();
            progress.stop();
            log.add("Stopping: the hospitals stop after their current training step.");
        }
    }

    /**
     * Goes on with the interrupted run kept in {@code runFolder} (see {@link #keepRunsIn}), from its last checkpoint,
     * as it was started: its study copy, seed and comparison choice, its data where they were. It ends as if it had
     * never stopped. A folder that cannot be resumed is reported as the run's failure, in words.
     */
    public void resume(Path runFolder) {
        if (phase.get().active()) {
            return;
        }
        RunJob.Launch resuming;
        try {
            resuming = RunJob.Launch.resuming(runFolder);
        } catch (RuntimeException e) {
            run++;
            crashedBeforeStart(e);
            return;
        }
        launch(resuming);
    }

    /** Keeps every run of a saved study in its history ({@code <study>.runs/}), with a checkpoint after each round. */
    public void keepRunsIn(RunHistoryStore store) {
        this.history = store;
    }

    /** Forgets the last run's rounds, result and wording, before a run starts or another study opens. */
    private void clearRun() {
        keptFolder.set(null);
        series.clear();
        protections.clear();
        result.set(null);
        failure.set(null);
        statusText.set("");
        progress.clear();
    }

    /** From a pause: the run goes on, and the status says what it does again. */
    private void goOn() {
        phase.set(Phase.RUNNING);
        hospitals.hold(false);
        progress.goOn();
    }

    private void launch(boolean stepMode) {
        launch(RunJob.Launch.fresh(document, history, compareWithBaselines.get(), stepMode));
    }

    private void launch(RunJob.Launch l) {
        Study study = l.study();
        int thisRun = ++run;
        series.newRun("run " + thisRun + ": " + StrategyCatalog.find(study.strategy().id()).map(d -> d.name())
                .orElse(study.strategy().id()), study.strategy().asynchronous(), !MultiSiteStudy.isMultiSite(study));
        clearRun();
        // a resumed run compares as it was started, whatever the box said: the box says what this run does
        compareWithBaselines.set(l.baselines());
        if (l.from() != null) {
            series.showEarlierRounds(l.from().rounds());
        }
        progress.begin(l.from() == null ? 0 : l.from().round(), study.training().rounds());
        phase.set(Phase.PREPARING);
        control = RunControl.free();
        grantedAnnouncements = l.stepMode() ? 1 : 0;
        if (l.stepMode()) {
            control.pause();
            control.step();
        }
        bridge = new EventBridge(tasks.ui(), batch -> {
            if (thisRun == run) {
                apply(batch);
            }
        });
        EventBridge thisBridge = bridge;
        log.add(l.announce(thisRun));
        NodeRuns through = MultiSiteStudy.isMultiSite(study) ? nodes : null;
        throughNodes = through != null;
        tasks.run(new RunJob(l, thisRun, tasks::workers, thisBridge, control, through),
                r -> thisBridge.afterQueued(() -> {
                    if (thisRun == run) {
                        keptFolder.set(r.folder());
                        finished(r.result());
                    }
                }), e -> thisBridge.afterQueued(() -> {
                    if (thisRun == run) {
                        crashed(e);
                    }
                }));
    }

    private FailureRepeats repeats = new FailureRepeats();

    /** Applies a batch of engine events and log lines, in order. */
    void apply(List<Object> batch) {
        List<String> lines = new ArrayList<>();
        String stamp = log.stamp(); // one clock reading per batch
        for (Object o : batch) {
            if (o instanceof EventBridge.LogLine l) {
                lines.add(stamp + l.text());
            } else if (o instanceof RunEvent e) {
                protections.accept(e);
                hospitals.accept(e, series.asynchronous().get());
                if (e instanceof RunEvent.RunStarted) {
                    repeats = new FailureRepeats();
                } else if (e instanceof RunEvent.RoundAggregated a) {
                    repeats.backIn(a.record()).forEach(b -> lines.add(stamp + RunWording.backLine(b, a.record().round())));
                }
                // a hospital that fails the same way round after round is said once, and its return
                String line = e instanceof RunEvent.ParticipantFailed f && !repeats.isNews(f.failure()) ? null
                        : applyEvent(e);
                if (line != null) {
                    lines.add(stamp + line);
                }
            }
        }
        // one change of each list and label per batch keeps the charts and the log cheap however many rounds arrived
        hospitals.commit();
        protections.commit();
        progress.commit(phase.get() == Phase.PAUSED);
        series.commit();
        log.addStamped(lines);
    }

    /** The phase and progress an event of the run brings, and its line in the log (null: none). */
    private String applyEvent(RunEvent event) {
        boolean asynchronous = series.asynchronous().get();
        if (event instanceof RunEvent.RunStarted s) {
            progress.started(s);
            series.showHospitals(s.participants());
            if (phase.get() == Phase.PREPARING) {
                // in step mode the first round runs too; the RunPaused that follows it shows the pause
                phase.set(Phase.RUNNING);
            }
            return "Federation started with " + s.participants().size() + " hospitals.";
        }
        if (event instanceof RunEvent.RoundStarted s) {
            progress.roundStarted(s);
            return null;
        }
        if (event instanceof RunEvent.ParticipantFailed f) {
            return RunWording.failureLine(f.failure());
        }
        if (event instanceof RunEvent.RoundAggregated a) {
            RoundRecord r = a.record();
            RoundPoint p = series.add(r);
            hospitals.track(r.progress(), p);
            progress.aggregated(r, asynchronous);
            return RunWording.recordLine(r, p, asynchronous);
        }
        if (event instanceof RunEvent.RunPaused p) {
            if (grantedAnnouncements > 0) {
                grantedAnnouncements--;
                return "Step: round " + p.nextRound() + " only.";
            }
            if (phase.get() == Phase.RUNNING) {
                phase.set(Phase.PAUSED);
                hospitals.hold(true);
            }
            progress.holdingBefore(p.nextRound());
            return "Holding before round " + p.nextRound() + ": press Step for one more round, Start to go on.";
        }
        if (event instanceof RunEvent.RunFinished f) {
            progress.ended();
            if (compareWithBaselines.get()) {
                phase.set(Phase.COMPARING);
                progress.comparing(f.history().rounds().size(), throughNodes);
            }
            return RunWording.finishedLine(f.history(), asynchronous, series.simulatedClock().get());
        }
        if (event instanceof RunEvent.RunCancelled c) {
            progress.ended();
            return "Stopped after " + c.history().rounds().size() + " rounds. The rounds done are kept.";
        }
        if (event instanceof RunEvent.RunFailed f) {
            progress.ended();
            return "The run stopped: " + f.message();
        }
        return null;
    }

    private void finished(StudyResult r) {
        bridge.flush(); // events still queued belong before the end of the run
        RunStatus status = r.history().status();
        result.set(r);
        progress.runEnded();
        int done = r.history().rounds().size();
        switch (status) {
            case FINISHED -> {
                phase.set(Phase.FINISHED);
                progress.finished(done, RunWording.records(series.asynchronous().get()));
                LearningCurve.stillImproving(r.history(), series.asynchronous().get())
                        .ifPresent(note -> log.add("Note: " + note));
                log.add(RunWording.doneLine(r.prepared().data() instanceof RemoteStudyData));
            }
            case CANCELLED -> {
                phase.set(Phase.STOPPED);
                hospitals.runEnded();
                progress.stoppedAfter(done);
            }
            case FAILED -> {
                phase.set(Phase.FAILED);
                hospitals.runEnded();
                statusText.set(r.history().message());
                progress.failedAfter(done);
            }
        }
    }

    private void crashed(Throwable e) {
        bridge.flush();
        crashedBeforeStart(e);
    }

    private void crashedBeforeStart(Throwable e) {
        phase.set(Phase.FAILED);
        hospitals.runEnded();
        progress.couldNotRun();
        String plain = ErrorText.plain(e);
        statusText.set(plain);
        log.add("Could not run: " + plain);
        failure.set(e);
    }

    public ObjectProperty<Phase> phaseProperty() { return phase; }
    /** The run's records as the charts draw them, with the axis they draw along. */
    RunSeries series() { return series; }
    /** What the charts draw along; switching it redraws every run shown. */
    public ObjectProperty<XAxis> xAxisProperty() { return series.xAxis(); }
    /** The previous run's records, drawn faintly beside this run's; empty before a second run. */
    public ObservableList<RoundPoint> previousPoints() { return series.previousPoints(); }
    /** The previous run in words ("run 1: Weighted FedAvg"). */
    public StringProperty previousLabelProperty() { return series.previousLabel(); }
    public BooleanProperty showPreviousProperty() { return series.showPrevious(); }
    public DoubleProperty progressProperty() { return progress.progress(); }
    public StringProperty progressTextProperty() { return progress.text(); }
    public StringProperty timeLeftProperty() { return progress.timeLeft(); }
    public StringProperty statusTextProperty() { return statusText; }
    public BooleanProperty compareWithBaselinesProperty() { return compareWithBaselines; }
    /** What the comparison models are, for the study open: a multi-site study has no pooled one. */
    public StringProperty compareLabelProperty() { return compareLabel; }
    public ObservableList<RoundPoint> points() { return series.points(); }
    public ObservableList<String> hospitalNames() { return series.hospitalNames(); }
    /** Which hospitals the per-hospital charts draw a line for, and whether they draw the band over hospitals. */
    public HospitalLines hospitalLines() { return series.hospitalLines(); }
    public ObservableList<HospitalStatus> hospitals() { return hospitals.list(); }
    public ObservableList<String> log() { return log.lines(); }
    public ObjectProperty<StudyResult> resultProperty() { return result; }
    public ObjectProperty<Throwable> failureProperty() { return failure; }
    /** The history folder that keeps the run shown (set just before its result), or null when it is not kept. */
    public ObjectProperty<Path> keptFolderProperty() { return keptFolder; }
    /** Epsilon, robust verdicts and aggregation cost per round of the current run. */
    public ProtectionMonitor protections() { return protections; }
    /** The hospitals of the current study that play a simulated attacker. */
    public Set<String> simulatedAttackers() {
        Set<String> out = new TreeSet<>();
        for (var p : document.study().enabledParticipants()) {
            if (org.medfed.attack.AttackCatalog.isAttack(p.attack())) {
                out.add(p.name());
            }
        }
        return out;
    }

    /** Banner text when the study simulates attackers, else empty. */
    public StringProperty attackerWarningProperty() { return attackerWarning; }
    public BooleanBinding canStartProperty() { return buttons.canStart(); }
    public BooleanBinding canPauseProperty() { return buttons.canPause(); }
    public BooleanBinding canStepProperty() { return buttons.canStep(); }
    public BooleanBinding canStopProperty() { return buttons.canStop(); }
    public boolean isActive() { return phase.get().active(); }
    public ObservableBooleanValue studyReadyProperty() { return studyReady; }
    public ObservableList<String> readinessProblems() { return readinessProblems; }
}
