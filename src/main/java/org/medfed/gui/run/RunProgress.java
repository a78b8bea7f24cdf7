package org.medfed.gui.run;

import static org.medfed.gui.run.RunWording.duration;

import java.time.Duration;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.medfed.engine.RoundRecord;
import org.medfed.engine.RunEvent;

/**
 * How far the run is: the round, the progress bar, the line that says what goes on ("Round 12 of 40: training")
 * and the time left, estimated from the rounds timed so far. Events only note what to show; {@link #commit} shows
 * it at the end of a batch: a batch holds some 25 rounds, and setting a bound label's text 25 times re-lays it out
 * 25 times for one picture.
 */
final class RunProgress {

    private final IntegerProperty round = new SimpleIntegerProperty();
    private final IntegerProperty rounds = new SimpleIntegerProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty text = new SimpleStringProperty("Not started");
    private final StringProperty timeLeft = new SimpleStringProperty("");

    private Integer pendingRound;
    private Double pendingProgress;
    private String pendingText;
    private String pendingTimeLeft;

    private long roundNanos;
    /** Rounds whose time {@link #roundNanos} adds up: a resumed run starts after its checkpoint's round. */
    private int roundsTimed;
    /** The last round the engine started and the last it finished, as the events of the current run said. */
    private int roundStarted;
    private int roundDone;
    /** Stop was pressed: the text says so until the run has ended. */
    private boolean stopping;

    IntegerProperty round() { return round; }
    IntegerProperty rounds() { return rounds; }
    DoubleProperty progress() { return progress; }
    StringProperty text() { return text; }
    StringProperty timeLeft() { return timeLeft; }

    /** Another study was opened: no run to speak of. */
    void notStarted() {
        rounds.set(0);
        progress.set(0);
        text.set("Not started");
        timeLeft.set("");
    }

    /** Forgets the last run's rounds. */
    void clear() {
        round.set(0);
        roundStarted = 0;
        roundDone = 0;
        stopping = false;
    }

    /** A run of {@code planned} rounds begins after round {@code from} (0, or a resumed run's checkpoint). */
    void begin(int from, int planned) {
        round.set(from);
        roundStarted = from;
        roundDone = from;
        rounds.set(planned);
        progress.set(0);
        roundNanos = 0;
        roundsTimed = 0;
        timeLeft.set("");
        text.set("Reading the hospitals' data");
    }

    /** Pause was pressed. */
    void pause() {
        text.set(pausedText());
        timeLeft.set("");
    }

    /** From a pause: the run goes on, and the text says what it does again. */
    void goOn() {
        text.set(roundStarted > roundDone ? "Round " + roundStarted + " of " + rounds.get() + ": training"
                : "Round " + roundDone + " of " + rounds.get());
    }

    /** Stop was pressed: the text says so until the run ends, whatever the events still queued say. */
    void stop() {
        stopping = true;
        text.set("Stopping: the hospitals stop after their current training step");
        timeLeft.set("");
    }

    /** Where a paused run holds: in the middle of a round, or between two. */
    private String pausedText() {
        return roundStarted > roundDone ? "Paused during round " + roundStarted + " of " + rounds.get()
                : "Paused before round " + (roundDone + 1) + " of " + rounds.get();
    }

    // ---- the events of a batch

    void started(RunEvent.RunStarted s) {
        rounds.set(s.rounds());
        pendingText = "Round 0 of " + s.rounds();
    }

    void roundStarted(RunEvent.RoundStarted s) {
        roundStarted = s.round();
        if (roundNanos == 0) {
            // nothing measured yet: an image run's first round can take minutes, so say what goes on
            pendingText = "Round " + s.round() + " of " + s.rounds()
                    + ": the hospitals are training (this first round also measures the speed)";
            pendingTimeLeft = "time left: known after this round";
        } else {
            pendingText = "Round " + s.round() + " of " + s.rounds() + ": training";
        }
    }

    /** Round (or merge) {@code r} is done: the time left is the mean time of a round so far times the rounds left. */
    void aggregated(RoundRecord r, boolean asynchronous) {
        pendingRound = r.round();
        roundDone = r.round();
        pendingProgress = rounds.get() == 0 ? 0 : (double) r.round() / rounds.get();
        pendingText = asynchronous ? "Merge " + r.round() + " of " + rounds.get() + ": "
                + r.progress().updatesApplied() + " updates applied" : "Round " + r.round() + " of " + rounds.get();
        roundNanos += r.duration().toNanos();
        roundsTimed++;
        int left = rounds.get() - r.round();
        pendingTimeLeft = left <= 0 ? "" : "about " + duration(Duration.ofNanos(roundNanos / roundsTimed * left)) + " left";
    }

    void holdingBefore(int nextRound) {
        pendingTimeLeft = "";
        pendingText = "Paused before round " + nextRound + " of " + rounds.get();
    }

    /** The federation is done and the comparison models train: the slow part no estimate covers. */
    void comparing(int done, boolean throughNodes) {
        pendingText = "Round " + done + " of " + rounds.get()
                + (throughNodes ? ": training each hospital alone at its node, for comparison"
                : ": training each hospital alone and pooled, for comparison");
    }

    /** The engine has finished, stopped or failed: no time is left to estimate. */
    void ended() {
        pendingTimeLeft = "";
    }

    /** Shows what the batch noted; a paused run keeps saying so for the events the engine sent before it held. */
    void commit(boolean paused) {
        if (stopping) {
            pendingText = null;
        } else if (paused) {
            pendingText = pausedText();
            pendingTimeLeft = null;
        }
        if (pendingRound != null) {
            round.set(pendingRound);
            pendingRound = null;
        }
        if (pendingProgress != null) {
            progress.set(pendingProgress);
            pendingProgress = null;
        }
        if (pendingText != null) {
            text.set(pendingText);
            pendingText = null;
        }
        if (pendingTimeLeft != null) {
            timeLeft.set(pendingTimeLeft);
            pendingTimeLeft = null;
        }
    }

    // ---- the end of the run, once its last events are shown

    /** Called first when the run has ended, before its phase is set. */
    void runEnded() {
        stopping = false;
        timeLeft.set("");
    }

    void finished(int done, String records) {
        progress.set(1);
        text.set("Finished: " + done + " " + records);
    }

    void stoppedAfter(int done) {
        text.set("Stopped after round " + done + " of " + rounds.get());
    }

    void failedAfter(int done) {
        text.set("Failed after round " + done + " of " + rounds.get());
    }

    /** The run could not start, or its thread failed outside the engine. */
    void couldNotRun() {
        stopping = false;
        timeLeft.set("");
        text.set("Could not run");
    }
}
