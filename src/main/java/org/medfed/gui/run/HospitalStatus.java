package org.medfed.gui.run;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One hospital's line in the run's status list. */
public final class HospitalStatus {

    public enum State {
        READY("ready"),
        WAITING("waiting"),
        TRAINING("training"),
        EVALUATING("evaluating"),
        DONE("done"),
        FAILED("failed"),
        SKIPPED("not chosen this round"),
        /** The run ended (stopped, failed) while this hospital was still in its round. */
        STOPPED("stopped");

        private final String text;

        State(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final String name;
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(State.WAITING.text());
    private final ReadOnlyStringWrapper duration = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper version = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper staleness = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper traffic = new ReadOnlyStringWrapper("");
    private State current = State.WAITING;
    private int failures;
    private boolean held;

    public HospitalStatus(String name) {
        this.name = name;
    }

    /** A hospital of the study before any run: listed, with nothing done yet. */
    static HospitalStatus ready(String name) {
        HospitalStatus h = new HospitalStatus(name);
        h.current = State.READY;
        h.state.set(State.READY.text());
        return h;
    }

    public String name() {
        return name;
    }

    public State current() {
        return current;
    }

    public int failures() {
        return failures;
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty durationProperty() {
        return duration.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** The version of the global model the hospital trains from, as of the last record. */
    public ReadOnlyStringProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** How many versions behind its last merged update was (0 in a synchronous run). */
    public ReadOnlyStringProperty stalenessProperty() {
        return staleness.getReadOnlyProperty();
    }

    /** Bytes sent and received since the run began, as "12.3 KB up, 45.6 KB down". */
    public ReadOnlyStringProperty trafficProperty() {
        return traffic.getReadOnlyProperty();
    }

    private String pendingVersion;
    private String pendingStaleness;
    private String pendingTraffic;
    private String pendingDuration;
    private String pendingDetail = "";
    private boolean pending;

    /** Records a new state; the visible properties change only at {@link #commit}, once per batch of events. */
    void set(State s, String took, String why) {
        current = s;
        if (took != null) {
            pendingDuration = took;
        }
        pendingDetail = why == null ? "" : why;
        pending = true;
        if (s == State.FAILED) {
            failures++;
        }
    }

    /** Still in its round: waiting for its turn, training or evaluating. */
    boolean busy() {
        return current == State.WAITING || current == State.TRAINING || current == State.EVALUATING;
    }

    /**
     * While the run is paused, a hospital in the middle of its round reads "paused" (it holds after its current
     * training step); its own state shows again when the run goes on. Shown at once.
     */
    void hold(boolean paused) {
        held = paused;
        pending = true;
        commit();
    }

    /** The run ended while this hospital was in its round: it reads "stopped", not "training" forever. */
    void runEnded() {
        held = false;
        if (busy()) {
            current = State.STOPPED;
            pendingDetail = "";
            pending = true;
        }
        commit();
    }

    /**
     * Records where the hospital stood at a record of the run: the model version it trains from (null: unchanged),
     * its merged update's staleness (null: none merged) and its bytes so far; shown at {@link #commit}.
     */
    void progress(Integer modelVersion, Integer stale, Long up, Long down) {
        if (modelVersion != null) {
            pendingVersion = String.valueOf(modelVersion);
        }
        if (stale != null) {
            pendingStaleness = String.valueOf(stale);
        }
        if (up != null || down != null) {
            pendingTraffic = ProtectionMonitor.bytes(up == null ? 0 : up) + " up, "
                    + ProtectionMonitor.bytes(down == null ? 0 : down) + " down";
        }
    }

    /** Shows the last state recorded: a burst of events costs one update of the table's cells. */
    void commit() {
        if (pendingVersion != null) {
            version.set(pendingVersion);
            pendingVersion = null;
        }
        if (pendingStaleness != null) {
            staleness.set(pendingStaleness);
            pendingStaleness = null;
        }
        if (pendingTraffic != null) {
            traffic.set(pendingTraffic);
            pendingTraffic = null;
        }
        if (!pending) {
            return;
        }
        pending = false;
        state.set(held && busy() ? "paused" : current.text());
        if (pendingDuration != null) {
            duration.set(pendingDuration);
            pendingDuration = null;
        }
        detail.set(pendingDetail);
    }
}
