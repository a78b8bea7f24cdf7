package org.medfed.gui.run;

import static org.medfed.gui.run.RunWording.duration;
import static org.medfed.gui.run.RunWording.protectionNote;
import static org.medfed.gui.run.RunWording.seconds;
import static org.medfed.gui.run.RunWording.stalenessNote;
import static org.medfed.gui.run.RunWording.three;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.engine.ParticipantFailure;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunControl;
import org.medfed.engine.RunEvent;
import org.medfed.engine.RunStatus;
import org.medfed.engine.checkpoint.Checkpoint;
import org.medfed.engine.checkpoint.Checkpointing;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.ErrorText;
import org.medfed.gui.common.EventBridge;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.StudyReadiness;
import org.medfed.gui.results.RunHistoryStore;
import org.medfed.project.Study;
import org.medfed.study.PreparedStudy;
import org.medfed.study.RunFolder;
import org.medfed.study.RunOptions;
import org.medfed.study.StudyResult;
import org.medfed.study.StudyRunner;

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
    private final IntegerProperty round = new SimpleIntegerProperty();
    private final IntegerProperty rounds = new SimpleIntegerProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty progressText = new SimpleStringProperty("Not started");
    private final StringProperty timeLeft = new SimpleStringProperty("");
    private final StringProperty statusText = new SimpleStringProperty("");
    private final BooleanProperty binary = new SimpleBooleanProperty();
    private final BooleanProperty compareWithBaselines = new SimpleBooleanProperty(true);
    private final ObservableList<RoundPoint> points = FXCollections.observableArrayList();
    private final ObservableList<String> hospitalNames = FXCollections.observableArrayList();
    private final HospitalLines hospitalLines = new HospitalLines(hospitalNames);
    private final ObservableList<HospitalStatus> hospitals = FXCollections.observableArrayList();
    private final ObjectProperty<StudyResult> result = new SimpleObjectProperty<>();
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> keptFolder = new SimpleObjectProperty<>();
    private final ProtectionMonitor protections = new ProtectionMonitor();
    private final StringProperty attackerWarning = new SimpleStringProperty("");
    private final StringProperty compareLabel = new SimpleStringProperty("");
    private final ObjectProperty<XAxis> xAxis = new SimpleObjectProperty<>(XAxis.ROUND);
    private final BooleanProperty simulatedClock = new SimpleBooleanProperty(true);
    private final BooleanProperty asynchronous = new SimpleBooleanProperty();
    /** How many merged updates were 0, 1, 2... versions behind, by staleness. */
    private final ObservableList<Integer> staleness = FXCollections.observableArrayList();
    private final ObservableList<RoundPoint> previousPoints = FXCollections.observableArrayList();
    private final StringProperty previousLabel = new SimpleStringProperty("");
    private final BooleanProperty showPrevious = new SimpleBooleanProperty(true);
    private final javafx.beans.binding.StringBinding xAxisLabel;
    private String runLabel = "";
    private final List<Integer> stalenessSoFar = new ArrayList<>();

    private final BooleanBinding canStart;
    private final BooleanBinding canPause;
    private final BooleanBinding canStep;
    private final BooleanBinding canStop;

    /** The hospitals by name, for the events of a run (several per round and hospital). */
    private final Map<String, HospitalStatus> hospitalByName = new java.util.HashMap<>();
    // Progress shown as of the end of the batch being applied: a batch holds some 25 rounds, and setting a bound
    // label's text 25 times re-lays it out 25 times for one picture
    private Integer pendingRound;
    private Double pendingProgress;
    private String pendingProgressText;
    private String pendingTimeLeft;

    private RunControl control;
    private RunHistoryStore history;
    private EventBridge bridge;
    private NodeRuns nodes;
    /** Whether the run under way reaches its hospitals through their nodes. */
    private boolean throughNodes;
    private long roundNanos;
    /** Rounds whose time {@link #roundNanos} adds up: a resumed run starts after its checkpoint's round. */
    private int roundsTimed;
    private int run;
    /** The last round the engine started and the last it finished, as the events of the current run said. */
    private int roundStarted;
    private int roundDone;
    /** Stop was pressed: the status says so until the run has ended. */
    private boolean stopping;
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
        canStart = Bindings.createBooleanBinding(() -> phase.get() == Phase.PAUSED
                || (!phase.get().active() && studyReady.get()), phase, studyReady);
        canPause = Bindings.createBooleanBinding(() -> phase.get() == Phase.RUNNING, phase);
        canStep = Bindings.createBooleanBinding(() -> phase.get() == Phase.PAUSED
                || (!phase.get().active() && studyReady.get()), phase, studyReady);
        canStop = Bindings.createBooleanBinding(() -> phase.get().active(), phase);
        xAxisLabel = Bindings.createStringBinding(() -> switch (xAxis.get()) {
            case ROUND -> asynchronous.get() ? "Merge" : "Round";
            case UPDATES -> "Hospital updates applied";
            case CLOCK -> simulatedClock.get() ? "Simulated time (s)" : "Measured time (s)";
        }, xAxis, asynchronous, simulatedClock);
        document.studyProperty().addListener((obs, was, is) -> {
            attackerWarning.set(RunWording.attackerWarning(is));
            listHospitals(is);
        });
        attackerWarning.set(RunWording.attackerWarning(document.study()));
        listHospitals(document.study());
        compareLabel.bind(Bindings.createStringBinding(() -> org.medfed.study.MultiSiteStudy.isMultiSite(document.study())
                ? "Also train each hospital alone at its node, for comparison (no pooled model: the rows stay home)"
                : "Also train each hospital alone and all data pooled, for comparison", document.studyProperty()));
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
        previousPoints.clear(); // the last study's run is no line to compare with
        previousLabel.set("");
        runLabel = "";
        rounds.set(0);
        progress.set(0);
        progressText.set("Not started");
        timeLeft.set("");
        binary.set(false);
        log.clear();
        setHospitals(hospitalNames.stream().map(HospitalStatus::ready).toList());
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
        if (!names.equals(hospitals.stream().map(HospitalStatus::name).sorted().toList())) {
            setHospitals(names.stream().map(HospitalStatus::ready).toList());
        }
        if (!names.equals(hospitalNames)) {
            hospitalNames.setAll(names);
        }
    }

    private void setHospitals(List<HospitalStatus> list) {
        hospitalByName.clear();
        list.forEach(h -> hospitalByName.put(h.name(), h));
        hospitals.setAll(list);
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
        if (canStart.get()) {
            launch(false);
        }
    }

    /** Holds the run within one training step; Start resumes it. */
    public void pause() {
        if (phase.get() == Phase.RUNNING) {
            control.pause();
            phase.set(Phase.PAUSED);
            progressText.set(pausedText());
            timeLeft.set("");
            hospitals.forEach(h -> h.hold(true));
            log.add("Paused: the hospitals stop after their current training step.");
        }
    }

    /** Runs one more round, then holds: for teaching. From a stopped state, starts a run that holds after round 1. */
    public void step() {
        if (phase.get() == Phase.PAUSED) {
            control.step();
            goOn();
            log.add("Step: one more round.");
        } else if (canStep.get()) {
            launch(true);
        }
    }

    /** Stops the run within one training step; the rounds done so far are kept. */
    public void stop() {
        if (phase.get().active() && control != null) {
            control.cancel();
            stopping = true;
            progressText.set("Stopping: the hospitals stop after their current training step");
            timeLeft.set("");
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
        RunFolder.Interrupted interrupted;
        try {
            interrupted = RunFolder.at(runFolder).interrupted();
        } catch (RuntimeException e) {
            run++;
            crashedBeforeStart(e);
            return;
        }
        launch(new Launch(interrupted.study(), interrupted.studyFile(), interrupted.seed(), interrupted.baselines(),
                false, runFolder, interrupted));
    }

    /** Keeps every run of a saved study in its history ({@code <study>.runs/}), with a checkpoint after each round. */
    public void keepRunsIn(RunHistoryStore store) {
        this.history = store;
    }

    /** Forgets the last run's rounds, result and wording, before a run starts or another study opens. */
    private void clearRun() {
        keptFolder.set(null);
        points.clear();
        protections.clear();
        result.set(null);
        failure.set(null);
        statusText.set("");
        round.set(0);
        roundStarted = 0;
        roundDone = 0;
        stopping = false;
        stalenessSoFar.clear();
        staleness.clear();
    }

    /** From a pause: the run goes on, and the status says what it does again. */
    private void goOn() {
        phase.set(Phase.RUNNING);
        hospitals.forEach(h -> h.hold(false));
        progressText.set(roundStarted > roundDone ? "Round " + roundStarted + " of " + rounds.get() + ": training"
                : "Round " + roundDone + " of " + rounds.get());
    }

    /** Where a paused run holds: in the middle of a round, or between two. */
    private String pausedText() {
        return roundStarted > roundDone ? "Paused during round " + roundStarted + " of " + rounds.get()
                : "Paused before round " + (roundDone + 1) + " of " + rounds.get();
    }

    private void launch(boolean stepMode) {
        Study study = document.study();
        Path file = document.file();
        // kept beside the study, unless it is unsaved or its folder is read-only (the Results screen says so)
        Path keep = history != null && file != null && Files.isWritable(file.toAbsolutePath().getParent())
                ? history.newFolder(file) : null;
        launch(new Launch(study, file != null ? file : document.base(), study.seed(), compareWithBaselines.get(),
                stepMode, keep, null));
    }

    /**
     * A run to start: a new one ({@code resumed} null) kept in {@code folder} when not null, or the interrupted run
     * of {@code folder}, {@code resumed}.
     */
    private record Launch(Study study, Path base, long seed, boolean baselines, boolean stepMode, Path folder,
                          RunFolder.Interrupted resumed) {

        /** The checkpoint a resumed run goes on from; null for a new run. */
        Checkpoint from() {
            return resumed == null ? null : resumed.checkpoint();
        }
    }

    /** What the run's thread hands back: the result, and the history folder that keeps it (null: not kept). */
    private record Ended(StudyResult result, Path folder) {
    }

    private void launch(Launch l) {
        Study study = l.study();
        Path base = l.base();
        boolean stepMode = l.stepMode();
        int thisRun = ++run;
        if (!points.isEmpty()) {
            // kept as a faint line, so that this run and the last (synchronous and asynchronous) share one axis
            previousPoints.setAll(points);
            previousLabel.set(runLabel);
        }
        boolean async = study.strategy().asynchronous();
        asynchronous.set(async);
        simulatedClock.set(!org.medfed.study.MultiSiteStudy.isMultiSite(study));
        runLabel = "run " + thisRun + ": " + org.medfed.engine.strategy.StrategyCatalog.find(study.strategy().id())
                .map(d -> d.name()).orElse(study.strategy().id());
        clearRun();
        // a resumed run compares as it was started, whatever the box said: the box says what this run does
        compareWithBaselines.set(l.baselines());
        if (l.from() != null) {
            showEarlierRounds(l.from().rounds());
        }
        round.set(l.from() == null ? 0 : l.from().round());
        roundStarted = round.get();
        roundDone = round.get();
        rounds.set(study.training().rounds());
        progress.set(0);
        roundNanos = 0;
        roundsTimed = 0;
        timeLeft.set("");
        progressText.set("Reading the hospitals' data");
        phase.set(Phase.PREPARING);
        control = RunControl.free();
        grantedAnnouncements = stepMode ? 1 : 0;
        if (stepMode) {
            control.pause();
            control.step();
        }
        RunControl thisControl = control;
        bridge = new EventBridge(tasks.ui(), batch -> {
            if (thisRun == run) {
                apply(batch);
            }
        });
        EventBridge thisBridge = bridge;
        log.add(l.from() != null
                ? "Resuming the interrupted run of \"" + study.name() + "\" (" + l.folder().getFileName() + ") after round "
                        + l.from().round() + " of " + l.from().roundsPlanned() + ": it ends as if it had never stopped."
                : "Run " + thisRun + " of \"" + study.name() + "\": " + study.strategy().id() + ", "
                        + study.training().rounds() + " rounds, seed " + l.seed() + ".");
        boolean baselines = l.baselines();
        NodeRuns through = org.medfed.study.MultiSiteStudy.isMultiSite(study) ? nodes : null;
        throughNodes = through != null;
        // a node keeps what it saved for a run (SCAFFOLD's control variate) under this name: a resumed run's is
        // its folder, as for medfed run
        String runId = l.folder() != null ? l.folder().toAbsolutePath().toString() : "workbench-"
                + java.time.LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + thisRun;
        tasks.run(() -> {
            RunFolder folder = null;
            try {
                if (l.from() != null) {
                    folder = RunFolder.reopen(l.folder()); // refuses a folder another run is writing
                }
                PreparedStudy prepared;
                if (through != null) {
                    thisBridge.log("Waiting for the hospitals' nodes and agreeing with them on the data.");
                    prepared = through.prepare(study, base, runId, thisBridge::log);
                } else {
                    prepared = PreparedStudy.prepare(study, base, tasks.workers());
                }
                thisBridge.log("Data ready: " + describe(prepared));
                prepared.data().warnings().forEach(w -> thisBridge.log("Warning: " + w));
                Checkpointing checkpoints = Checkpointing.NONE;
                if (l.from() != null) {
                    checkpoints = l.resumed().resuming();
                } else if (l.folder() != null) {
                    folder = RunFolder.create(l.folder(), false);
                    folder.begin(study, base, l.seed(), baselines);
                    checkpoints = Checkpointing.writingTo(folder.checkpoint());
                }
                StudyResult r = StudyRunner.run(tasks.workers(), prepared, new RunOptions(l.seed(), null, baselines).leavingACoreFree(),
                        thisBridge, thisControl, message -> thisBridge.log("Comparison: " + message + " ..."), checkpoints);
                if (folder != null) {
                    folder.finish(r);
                }
                return new Ended(r, folder == null ? null : folder.dir());
            } finally {
                if (folder != null) {
                    folder.close();
                }
                if (through != null) {
                    through.runEnded();
                }
            }
        }, r -> thisBridge.afterQueued(() -> {
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

    private static String describe(PreparedStudy prepared) {
        List<String> parts = new ArrayList<>();
        prepared.data().counts().forEach(s -> parts.add(s.name() + " " + s.trainSize() + " train / "
                + s.testSize() + " test" + (s.note().isEmpty() ? "" : " (" + s.note() + ")")));
        return String.join("; ", parts) + ".";
    }

    /** Applies a batch of engine events and log lines, in order. */
    void apply(List<Object> batch) {
        List<RoundPoint> newPoints = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        String stamp = log.stamp(); // one clock reading per batch
        for (Object o : batch) {
            if (o instanceof EventBridge.LogLine l) {
                lines.add(stamp + l.text());
            } else if (o instanceof RunEvent e) {
                protections.accept(e);
                String line = applyEvent(e, newPoints);
                if (line != null) {
                    lines.add(stamp + line);
                }
            }
        }
        hospitals.forEach(HospitalStatus::commit);
        protections.commit();
        if (!stalenessSoFar.equals(staleness)) {
            staleness.setAll(stalenessSoFar);
        }
        if (stopping) {
            pendingProgressText = null;
        } else if (phase.get() == Phase.PAUSED) { // events the engine sent before it held: the status stays "paused"
            pendingProgressText = pausedText();
            pendingTimeLeft = null;
        }
        showProgress();
        // one list change per batch keeps the charts and the log cheap however many rounds arrived
        if (!newPoints.isEmpty()) {
            points.addAll(newPoints);
        }
        log.addStamped(lines);
    }

    private String applyEvent(RunEvent event, List<RoundPoint> newPoints) {
        if (event instanceof RunEvent.RunStarted s) {
            rounds.set(s.rounds());
            if (!hospitalNames.equals(s.participants())) { // the same hospitals keep their lines and toggles
                hospitalNames.setAll(s.participants());
            }
            List<HospitalStatus> list = new ArrayList<>();
            s.participants().forEach(n -> list.add(new HospitalStatus(n)));
            setHospitals(list);
            if (phase.get() == Phase.PREPARING) {
                // in step mode the first round runs too; the RunPaused that follows it shows the pause
                phase.set(Phase.RUNNING);
            }
            pendingProgressText = "Round 0 of " + s.rounds();
            return "Federation started with " + s.participants().size() + " hospitals.";
        }
        if (event instanceof RunEvent.RoundStarted s) {
            roundStarted = s.round();
            if (roundNanos == 0) {
                // nothing measured yet: an image run's first round can take minutes, so say what goes on
                pendingProgressText = "Round " + s.round() + " of " + s.rounds()
                        + ": the hospitals are training (this first round also measures the speed)";
                pendingTimeLeft = "time left: known after this round";
            } else {
                pendingProgressText = "Round " + s.round() + " of " + s.rounds() + ": training";
            }
            for (HospitalStatus h : hospitals) {
                // an asynchronous run sends work before it announces the merge: the durations already shown stay
                h.set(s.selected().contains(h.name()) ? HospitalStatus.State.WAITING : HospitalStatus.State.SKIPPED,
                        asynchronous.get() ? null : "", null);
            }
            return null;
        }
        if (event instanceof RunEvent.ParticipantStarted s) {
            find(s.participant()).ifPresent(h -> h.set(s.phase() == ParticipantFailure.Phase.FIT
                    ? HospitalStatus.State.TRAINING : HospitalStatus.State.EVALUATING, null, null));
            return null;
        }
        if (event instanceof RunEvent.ParticipantFinished f) {
            find(f.participant()).ifPresent(h -> h.set(f.phase() == ParticipantFailure.Phase.FIT
                    ? HospitalStatus.State.EVALUATING : HospitalStatus.State.DONE,
                    f.phase() == ParticipantFailure.Phase.FIT ? seconds(f.took()) : null, null));
            return null;
        }
        if (event instanceof RunEvent.ParticipantFailed f) {
            ParticipantFailure pf = f.failure();
            find(pf.participant()).ifPresent(h -> h.set(HospitalStatus.State.FAILED, seconds(f.took()), pf.reason()));
            return "Round " + pf.round() + ": " + pf.participant() + " failed"
                    + (pf.phase() == ParticipantFailure.Phase.EVALUATE ? " to evaluate" : "") + ": " + pf.reason()
                    + ". The run goes on without it.";
        }
        if (event instanceof RunEvent.RoundAggregated a) {
            RoundRecord r = a.record();
            RoundPoint last = !newPoints.isEmpty() ? newPoints.get(newPoints.size() - 1)
                    : points.isEmpty() ? null : points.get(points.size() - 1);
            RoundPoint p = RoundPoint.of(r, last);
            newPoints.add(p);
            track(r.progress(), p);
            if (!Double.isNaN(p.auc())) {
                binary.set(true);
            }
            pendingRound = r.round();
            roundDone = r.round();
            pendingProgress = rounds.get() == 0 ? 0 : (double) r.round() / rounds.get();
            pendingProgressText = asynchronous.get() ? "Merge " + r.round() + " of " + rounds.get() + ": "
                    + r.progress().updatesApplied() + " updates applied" : "Round " + r.round() + " of " + rounds.get();
            roundNanos += r.duration().toNanos();
            roundsTimed++;
            int left = rounds.get() - r.round();
            pendingTimeLeft = left <= 0 ? "" : "about " + duration(Duration.ofNanos(roundNanos / roundsTimed * left)) + " left";
            // plain concatenation: a fast run logs hundreds of these lines a second on the UI thread
            return (asynchronous.get() ? "Merge " + r.round() + " (" + stalenessNote(r.progress()) + ")" : "Round " + r.round())
                    + ": accuracy " + three(p.accuracy()) + ", loss " + three(p.loss())
                    + (Double.isNaN(p.auc()) ? "" : ", AUC " + three(p.auc())) + protectionNote(r)
                    + " (" + seconds(r.duration()) + ")";
        }
        if (event instanceof RunEvent.RunPaused p) {
            if (grantedAnnouncements > 0) {
                grantedAnnouncements--;
                return "Step: round " + p.nextRound() + " only.";
            }
            if (phase.get() == Phase.RUNNING) {
                phase.set(Phase.PAUSED);
                hospitals.forEach(h -> h.hold(true));
            }
            pendingTimeLeft = "";
            pendingProgressText = "Paused before round " + p.nextRound() + " of " + rounds.get();
            return "Holding before round " + p.nextRound() + ": press Step for one more round, Start to go on.";
        }
        if (event instanceof RunEvent.RunFinished f) {
            pendingTimeLeft = "";
            if (compareWithBaselines.get()) {
                phase.set(Phase.COMPARING);
                pendingProgressText = "Round " + f.history().rounds().size() + " of " + rounds.get()
                        + (throughNodes ? ": training each hospital alone at its node, for comparison"
                        : ": training each hospital alone and pooled, for comparison");
            }
            return "Federation finished: " + f.history().rounds().size() + " " + records() + " in "
                    + duration(f.history().duration()) + clockNote(f.history()) + ".";
        }
        if (event instanceof RunEvent.RunCancelled c) {
            pendingTimeLeft = "";
            hospitals.forEach(HospitalStatus::runEnded);
            return "Stopped after " + c.history().rounds().size() + " rounds. The rounds done are kept.";
        }
        if (event instanceof RunEvent.RunFailed f) {
            pendingTimeLeft = "";
            hospitals.forEach(HospitalStatus::runEnded);
            return "The run stopped: " + f.message();
        }
        return null;
    }

    /**
     * A resumed run's charts start at round 1, as the uninterrupted run's would: the rounds before its checkpoint
     * come from the checkpoint's records, since the engine announces only the rounds it runs.
     */
    private void showEarlierRounds(List<RoundRecord> records) {
        List<RoundPoint> earlier = new ArrayList<>(records.size());
        RoundPoint last = null;
        for (RoundRecord r : records) {
            last = RoundPoint.of(r, last);
            earlier.add(last);
            countStaleness(r.progress());
            if (!Double.isNaN(last.auc())) {
                binary.set(true);
            }
        }
        points.setAll(earlier);
        staleness.setAll(stalenessSoFar);
    }

    /** Each hospital's model version, staleness and bytes, and the staleness histogram, as of record {@code r}. */
    private void track(RoundRecord.Progress r, RoundPoint p) {
        for (HospitalStatus h : hospitals) {
            String n = h.name();
            h.progress(r.modelVersion().get(n), r.staleness().get(n), p.bytesUpSoFar().get(n), p.bytesDownSoFar().get(n));
        }
        countStaleness(r);
    }

    private void countStaleness(RoundRecord.Progress r) {
        for (int behind : r.staleness().values()) {
            while (stalenessSoFar.size() <= behind) {
                stalenessSoFar.add(0);
            }
            stalenessSoFar.set(behind, stalenessSoFar.get(behind) + 1);
        }
    }

    /** What a record of the current run is: a round, or a merge of an asynchronous run. */
    private String records() {
        return asynchronous.get() ? "merges" : "rounds";
    }

    /** ", 21.0 s on the simulated clock" after a run's wall time, or empty when nothing was recorded. */
    private String clockNote(org.medfed.engine.RunHistory h) {
        if (h.rounds().isEmpty()) {
            return "";
        }
        double t = h.rounds().get(h.rounds().size() - 1).progress().clockSeconds();
        return ", " + (t < 10 ? three(t) : String.valueOf(Math.round(t * 10) / 10.0)) + " s on the "
                + (simulatedClock.get() ? "simulated" : "measured") + " clock";
    }

    private void showProgress() {
        if (pendingRound != null) {
            round.set(pendingRound);
            pendingRound = null;
        }
        if (pendingProgress != null) {
            progress.set(pendingProgress);
            pendingProgress = null;
        }
        if (pendingProgressText != null) {
            progressText.set(pendingProgressText);
            pendingProgressText = null;
        }
        if (pendingTimeLeft != null) {
            timeLeft.set(pendingTimeLeft);
            pendingTimeLeft = null;
        }
    }

    private void finished(StudyResult r) {
        bridge.flush(); // events still queued belong before the end of the run
        stopping = false;
        RunStatus status = r.history().status();
        result.set(r);
        timeLeft.set("");
        switch (status) {
            case FINISHED -> {
                phase.set(Phase.FINISHED);
                progress.set(1);
                progressText.set("Finished: " + r.history().rounds().size() + " " + records());
                org.medfed.engine.LearningCurve.stillImproving(r.history(), asynchronous.get())
                        .ifPresent(note -> log.add("Note: " + note));
                log.add(r.prepared().data() instanceof org.medfed.study.RemoteStudyData
                        ? "Done. The Results screen compares the federated model with each hospital alone (trained at "
                        + "its node); there is no pooled model in a multi-site study."
                        : "Done. The Results screen compares the federated model with each hospital alone and pooled.");
            }
            case CANCELLED -> {
                phase.set(Phase.STOPPED);
                hospitals.forEach(HospitalStatus::runEnded);
                progressText.set("Stopped after round " + r.history().rounds().size() + " of " + rounds.get());
            }
            case FAILED -> {
                phase.set(Phase.FAILED);
                hospitals.forEach(HospitalStatus::runEnded);
                statusText.set(r.history().message());
                progressText.set("Failed after round " + r.history().rounds().size() + " of " + rounds.get());
            }
        }
    }

    private void crashed(Throwable e) {
        bridge.flush();
        stopping = false;
        crashedBeforeStart(e);
    }

    private void crashedBeforeStart(Throwable e) {
        phase.set(Phase.FAILED);
        hospitals.forEach(HospitalStatus::runEnded);
        timeLeft.set("");
        progressText.set("Could not run");
        String plain = ErrorText.plain(e);
        statusText.set(plain);
        log.add("Could not run: " + plain);
        failure.set(e);
    }

    private java.util.Optional<HospitalStatus> find(String name) {
        return java.util.Optional.ofNullable(hospitalByName.get(name));
    }

    /** Per-hospital accuracy over the rounds so far, for tests and exports. */
    public Map<String, List<Double>> hospitalAccuracySeries() {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        hospitalNames.forEach(n -> out.put(n, new ArrayList<>()));
        for (RoundPoint p : points) {
            p.hospitalAccuracy().forEach((n, a) -> out.computeIfAbsent(n, k -> new ArrayList<>()).add(a));
        }
        return out;
    }

    public ObjectProperty<Phase> phaseProperty() { return phase; }
    /** What the charts draw along; switching it redraws every run shown. */
    public ObjectProperty<XAxis> xAxisProperty() { return xAxis; }
    /** The charts' horizontal axis in words ("Simulated time (s)"). */
    public javafx.beans.binding.StringBinding xAxisLabel() { return xAxisLabel; }
    /** Whether the current run merges updates as they arrive (a record is then one merge, not a round). */
    public BooleanProperty asynchronousProperty() { return asynchronous; }
    /** Whether the run's clock is simulated (hospitals in this workbench) or measured (real nodes). */
    public BooleanProperty simulatedClockProperty() { return simulatedClock; }
    /** Merged updates by how many versions of the global model they were behind: index 0 counts the fresh ones. */
    public ObservableList<Integer> staleness() { return staleness; }
    /** The previous run's records, drawn faintly beside this run's; empty before a second run. */
    public ObservableList<RoundPoint> previousPoints() { return previousPoints; }
    /** The previous run in words ("run 1: Weighted FedAvg"). */
    public StringProperty previousLabelProperty() { return previousLabel; }
    public BooleanProperty showPreviousProperty() { return showPrevious; }
    public IntegerProperty roundProperty() { return round; }
    public IntegerProperty roundsProperty() { return rounds; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty progressTextProperty() { return progressText; }
    public StringProperty timeLeftProperty() { return timeLeft; }
    public StringProperty statusTextProperty() { return statusText; }
    public BooleanProperty binaryProperty() { return binary; }
    public BooleanProperty compareWithBaselinesProperty() { return compareWithBaselines; }
    /** What the comparison models are, for the study open: a multi-site study has no pooled one. */
    public StringProperty compareLabelProperty() { return compareLabel; }
    public ObservableList<RoundPoint> points() { return points; }
    public ObservableList<String> hospitalNames() { return hospitalNames; }
    /** Which hospitals the per-hospital charts draw a line for, and whether they draw the band over hospitals. */
    public HospitalLines hospitalLines() { return hospitalLines; }
    public ObservableList<HospitalStatus> hospitals() { return hospitals; }
    public ObservableList<String> log() { return log.lines(); }
    public ObjectProperty<StudyResult> resultProperty() { return result; }
    public ObjectProperty<Throwable> failureProperty() { return failure; }
    /** The history folder that keeps the run shown (set just before its result), or null when it is not kept. */
    public ObjectProperty<Path> keptFolderProperty() { return keptFolder; }
    /** Epsilon, robust verdicts and aggregation cost per round of the current run. */
    public ProtectionMonitor protections() { return protections; }
    /** The hospitals of the current study that play a simulated attacker. */
    public java.util.Set<String> simulatedAttackers() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (var p : document.study().enabledParticipants()) {
            if (p.attack() != null && !p.attack().isBlank() && !p.attack().equalsIgnoreCase("none")) {
                out.add(p.name());
            }
        }
        return out;
    }

    /** Banner text when the study simulates attackers, else empty. */
    public StringProperty attackerWarningProperty() { return attackerWarning; }
    public BooleanBinding canStartProperty() { return canStart; }
    public BooleanBinding canPauseProperty() { return canPause; }
    public BooleanBinding canStepProperty() { return canStep; }
    public BooleanBinding canStopProperty() { return canStop; }
    public boolean isActive() { return phase.get().active(); }
    public ObservableBooleanValue studyReadyProperty() { return studyReady; }
    public ObservableList<String> readinessProblems() { return readinessProblems; }
}
