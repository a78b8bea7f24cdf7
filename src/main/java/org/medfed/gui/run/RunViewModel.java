package org.medfed.gui.run;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.ErrorText;
import org.medfed.gui.common.EventBridge;
import org.medfed.gui.common.StudyDocument;
import org.medfed.gui.common.StudyReadiness;
import org.medfed.project.Study;
import org.medfed.study.PreparedStudy;
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

    static final int MAX_LOG_LINES = 5000;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final StudyDocument document;
    private final BackgroundTasks tasks;
    private final ObservableBooleanValue studyReady;
    private final ObservableList<String> readinessProblems;
    private final Supplier<LocalTime> clock;

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
    private final ObservableList<HospitalStatus> hospitals = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObjectProperty<StudyResult> result = new SimpleObjectProperty<>();
    private final ObjectProperty<Throwable> failure = new SimpleObjectProperty<>();
    private final ProtectionMonitor protections = new ProtectionMonitor();
    private final StringProperty attackerWarning = new SimpleStringProperty("");

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
    private EventBridge bridge;
    private NodeRuns nodes;
    private long roundNanos;
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
        this.clock = clock;
        canStart = Bindings.createBooleanBinding(() -> phase.get() == Phase.PAUSED
                || (!phase.get().active() && studyReady.get()), phase, studyReady);
        canPause = Bindings.createBooleanBinding(() -> phase.get() == Phase.RUNNING, phase);
        canStep = Bindings.createBooleanBinding(() -> phase.get() == Phase.PAUSED
                || (!phase.get().active() && studyReady.get()), phase, studyReady);
        canStop = Bindings.createBooleanBinding(() -> phase.get().active(), phase);
        document.studyProperty().addListener((obs, was, is) -> {
            attackerWarning.set(attackerWarning(is));
            listHospitals(is);
        });
        attackerWarning.set(attackerWarning(document.study()));
        listHospitals(document.study());
    }

    /**
     * The banner text when any hospital plays a simulated attacker, naming them, or empty: a model trained with
     * attackers is a demonstration and must never be mistaken for a real result.
     */
    static String attackerWarning(Study study) {
        List<String> parts = new ArrayList<>();
        for (var p : study.enabledParticipants()) {
            String a = p.attack();
            if (a == null || a.isBlank() || a.equalsIgnoreCase("none")) {
                continue;
            }
            String what;
            try {
                what = org.medfed.attack.AttackSpec.parse(a).describe().replaceFirst("^simulated attack: ", "");
            } catch (org.medfed.engine.BadInputException e) {
                what = a;
            }
            parts.add(p.name() + " " + what);
        }
        if (parts.isEmpty()) {
            return "";
        }
        return "SIMULATED ATTACK (teaching only): " + String.join("; ", parts)
                + ". This run shows an attack and its defence; do not use its model.";
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
            phase.set(Phase.RUNNING);
            append("Resumed.");
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
            append("Paused: the hospitals stop after their current training step.");
        }
    }

    /** Runs one more round, then holds: for teaching. From a stopped state, starts a run that holds after round 1. */
    public void step() {
        if (phase.get() == Phase.PAUSED) {
            control.step();
            phase.set(Phase.RUNNING);
            append("Step: one more round.");
        } else if (canStep.get()) {
            launch(true);
        }
    }

    /** Stops the run within one training step; the rounds done so far are kept. */
    public void stop() {
        if (phase.get().active() && control != null) {
            control.cancel();
            append("Stopping: the hospitals stop after their current training step.");
        }
    }

    private void launch(boolean stepMode) {
        Study study = document.study();
        var base = document.base();
        int thisRun = ++run;
        points.clear();
        protections.clear();
        result.set(null);
        failure.set(null);
        statusText.set("");
        round.set(0);
        rounds.set(study.training().rounds());
        progress.set(0);
        roundNanos = 0;
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
        append("Run " + thisRun + " of \"" + study.name() + "\": " + study.strategy().id() + ", "
                + study.training().rounds() + " rounds, seed " + study.seed() + ".");
        boolean baselines = compareWithBaselines.get();
        NodeRuns through = org.medfed.study.MultiSiteStudy.isMultiSite(study) ? nodes : null;
        String runId = "workbench-" + java.time.LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + thisRun;
        tasks.run(() -> {
            try {
                PreparedStudy prepared;
                if (through != null) {
                    thisBridge.log("Waiting for the hospitals' nodes and agreeing with them on the data.");
                    prepared = through.prepare(study, base, runId, thisBridge::log);
                } else {
                    prepared = PreparedStudy.prepare(study, base);
                }
                thisBridge.log("Data ready: " + describe(prepared));
                prepared.data().warnings().forEach(w -> thisBridge.log("Warning: " + w));
                return StudyRunner.run(prepared, new RunOptions(null, null, baselines).leavingACoreFree(), thisBridge,
                        thisControl, message -> thisBridge.log("Comparison: " + message + " ..."));
            } finally {
                if (through != null) {
                    through.runEnded();
                }
            }
        }, r -> thisBridge.afterQueued(() -> {
            if (thisRun == run) {
                finished(r);
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
        String stamp = clock.get().format(CLOCK) + "  "; // one clock reading per batch
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
        showProgress();
        // one list change per batch keeps the charts and the log cheap however many rounds arrived
        if (!newPoints.isEmpty()) {
            points.addAll(newPoints);
        }
        appendAll(lines);
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
            pendingProgressText = "Round " + s.round() + " of " + s.rounds() + ": training";
            for (HospitalStatus h : hospitals) {
                h.set(s.selected().contains(h.name()) ? HospitalStatus.State.WAITING : HospitalStatus.State.SKIPPED, "", null);
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
            RoundPoint p = RoundPoint.of(r);
            newPoints.add(p);
            if (!Double.isNaN(p.auc())) {
                binary.set(true);
            }
            pendingRound = r.round();
            pendingProgress = rounds.get() == 0 ? 0 : (double) r.round() / rounds.get();
            pendingProgressText = "Round " + r.round() + " of " + rounds.get();
            roundNanos += r.duration().toNanos();
            int left = rounds.get() - r.round();
            pendingTimeLeft = left <= 0 ? "" : "about " + duration(Duration.ofNanos(roundNanos / r.round() * left)) + " left";
            // plain concatenation: a fast run logs hundreds of these lines a second on the UI thread
            return "Round " + r.round() + ": accuracy " + three(p.accuracy()) + ", loss " + three(p.loss())
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
            }
            pendingProgressText = "Paused before round " + p.nextRound() + " of " + rounds.get();
            return "Holding before round " + p.nextRound() + ": press Step for one more round, Start to go on.";
        }
        if (event instanceof RunEvent.RunFinished f) {
            pendingTimeLeft = "";
            if (compareWithBaselines.get()) {
                phase.set(Phase.COMPARING);
                pendingProgressText = "Round " + f.history().rounds().size() + " of " + rounds.get()
                        + ": training each hospital alone and pooled, for comparison";
            }
            return "Federation finished: " + f.history().rounds().size() + " rounds in " + duration(f.history().duration()) + ".";
        }
        if (event instanceof RunEvent.RunCancelled c) {
            pendingTimeLeft = "";
            return "Stopped after " + c.history().rounds().size() + " rounds. The rounds done are kept.";
        }
        if (event instanceof RunEvent.RunFailed f) {
            pendingTimeLeft = "";
            return "The run stopped: " + f.message();
        }
        return null;
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

    /** Epsilon spent and updates rejected, for the round's log line; empty without protections. */
    private static String protectionNote(RoundRecord r) {
        Double eps = r.diagnostics().get(org.medfed.privacy.dp.DpFedAvg.EPSILON);
        String note = eps == null ? "" : ", epsilon spent " + three(eps);
        var verdicts = RoundVerdicts.of(r);
        if (verdicts.isPresent() && !verdicts.get().rejected().isEmpty()) {
            note += ", rejected: " + String.join(", ", verdicts.get().rejected());
        }
        return note;
    }

    private void finished(StudyResult r) {
        bridge.flush(); // events still queued belong before the end of the run
        RunStatus status = r.history().status();
        result.set(r);
        timeLeft.set("");
        switch (status) {
            case FINISHED -> {
                phase.set(Phase.FINISHED);
                progress.set(1);
                progressText.set("Finished: " + r.history().rounds().size() + " rounds");
                append("Done. The Results screen compares the federated model with each hospital alone and pooled.");
            }
            case CANCELLED -> {
                phase.set(Phase.STOPPED);
                progressText.set("Stopped after round " + r.history().rounds().size() + " of " + rounds.get());
            }
            case FAILED -> {
                phase.set(Phase.FAILED);
                statusText.set(r.history().message());
                progressText.set("Failed after round " + r.history().rounds().size() + " of " + rounds.get());
            }
        }
    }

    private void crashed(Throwable e) {
        bridge.flush();
        phase.set(Phase.FAILED);
        timeLeft.set("");
        progressText.set("Could not run");
        String plain = ErrorText.plain(e);
        statusText.set(plain);
        append("Could not run: " + plain);
        failure.set(e);
    }

    private java.util.Optional<HospitalStatus> find(String name) {
        return java.util.Optional.ofNullable(hospitalByName.get(name));
    }

    private void append(String line) {
        appendAll(List.of(stamp(line)));
    }

    private void appendAll(List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        log.addAll(lines);
        if (log.size() > MAX_LOG_LINES) {
            log.remove(0, log.size() - MAX_LOG_LINES);
        }
    }

    private String stamp(String line) {
        return clock.get().format(CLOCK) + "  " + line;
    }

    /** A metric with three decimals, without the cost of String.format. */
    static String three(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        long m = Math.round(Math.abs(v) * 1000);
        String frac = Long.toString(m % 1000);
        return (v < 0 && m != 0 ? "-" : "") + m / 1000 + "." + "000".substring(frac.length()) + frac;
    }

    /** A duration in milliseconds or seconds, without String.format: called for every hospital and round. */
    static String seconds(Duration d) {
        double ms = d.toNanos() / 1e6;
        if (ms < 1) {
            return "< 1 ms";
        }
        if (ms < 1000) {
            return Math.round(ms) + " ms";
        }
        long hundredths = Math.round(ms / 10);
        long frac = hundredths % 100;
        return hundredths / 100 + "." + (frac < 10 ? "0" : "") + frac + " s";
    }

    static String duration(Duration d) {
        double exact = d.toNanos() / 1e9;
        if (exact < 10) {
            return three(exact).substring(0, three(exact).length() - 2) + " s";
        }
        long s = Math.max(0, Math.round(exact));
        if (s < 60) {
            return s + " s";
        }
        return s / 60 + " min " + s % 60 + " s";
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
    public IntegerProperty roundProperty() { return round; }
    public IntegerProperty roundsProperty() { return rounds; }
    public DoubleProperty progressProperty() { return progress; }
    public StringProperty progressTextProperty() { return progressText; }
    public StringProperty timeLeftProperty() { return timeLeft; }
    public StringProperty statusTextProperty() { return statusText; }
    public BooleanProperty binaryProperty() { return binary; }
    public BooleanProperty compareWithBaselinesProperty() { return compareWithBaselines; }
    public ObservableList<RoundPoint> points() { return points; }
    public ObservableList<String> hospitalNames() { return hospitalNames; }
    public ObservableList<HospitalStatus> hospitals() { return hospitals; }
    public ObservableList<String> log() { return log; }
    public ObjectProperty<StudyResult> resultProperty() { return result; }
    public ObjectProperty<Throwable> failureProperty() { return failure; }
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
