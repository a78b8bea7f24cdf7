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

    /** Shows the last state recorded: a burst of events costs one update of the table's cells. */
    void commit() {
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
