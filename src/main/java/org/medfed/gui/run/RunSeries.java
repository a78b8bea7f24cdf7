package org.medfed.gui.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.medfed.engine.RoundRecord;

/**
 * The run's records as the charts draw them: this run's points, the previous run's as a faint line beside them,
 * the staleness histogram, the hospitals that have lines, and what the horizontal axis measures. The records of a
 * batch of events become points in one list change at {@link #commit}: the charts redraw once however many
 * rounds arrived.
 */
final class RunSeries {

    private final ObservableList<RoundPoint> points = FXCollections.observableArrayList();
    private final List<RoundPoint> newPoints = new ArrayList<>();
    private final ObservableList<RoundPoint> previousPoints = FXCollections.observableArrayList();
    private final StringProperty previousLabel = new SimpleStringProperty("");
    private final BooleanProperty showPrevious = new SimpleBooleanProperty(true);
    /** The run shown in words, which becomes {@link #previousLabel} when the next run starts. */
    private String runLabel = "";
    /** How many merged updates were 0, 1, 2... versions behind, by staleness. */
    private final ObservableList<Integer> staleness = FXCollections.observableArrayList();
    private final List<Integer> stalenessSoFar = new ArrayList<>();
    private final BooleanProperty binary = new SimpleBooleanProperty();
    private final ObservableList<String> hospitalNames = FXCollections.observableArrayList();
    private final HospitalLines hospitalLines = new HospitalLines(hospitalNames);
    private final ObjectProperty<XAxis> xAxis = new SimpleObjectProperty<>(XAxis.ROUND);
    private final BooleanProperty simulatedClock = new SimpleBooleanProperty(true);
    private final BooleanProperty asynchronous = new SimpleBooleanProperty();
    private final StringBinding xAxisLabel = Bindings.createStringBinding(() -> switch (xAxis.get()) {
        case ROUND -> asynchronous.get() ? "Merge" : "Round";
        case UPDATES -> "Hospital updates applied";
        case CLOCK -> simulatedClock.get() ? "Simulated time (s)" : "Measured time (s)";
    }, xAxis, asynchronous, simulatedClock);

    ObservableList<RoundPoint> points() { return points; }
    ObservableList<RoundPoint> previousPoints() { return previousPoints; }
    StringProperty previousLabel() { return previousLabel; }
    BooleanProperty showPrevious() { return showPrevious; }
    /** Merged updates by how many versions of the global model they were behind: index 0 counts the fresh ones. */
    ObservableList<Integer> staleness() { return staleness; }
    /** Whether the run has an AUC to draw (a task of two classes). */
    BooleanProperty binary() { return binary; }
    ObservableList<String> hospitalNames() { return hospitalNames; }
    HospitalLines hospitalLines() { return hospitalLines; }
    ObjectProperty<XAxis> xAxis() { return xAxis; }
    /** The charts' horizontal axis in words ("Simulated time (s)"). */
    StringBinding xAxisLabel() { return xAxisLabel; }
    BooleanProperty simulatedClock() { return simulatedClock; }
    /** Whether the current run merges updates as they arrive (a record is then one merge, not a round). */
    BooleanProperty asynchronous() { return asynchronous; }

    /**
     * A run begins: the one shown so far stays as the faint line, so that this run and the last (synchronous and
     * asynchronous) share one axis.
     */
    void newRun(String label, boolean async, boolean simulated) {
        if (!points.isEmpty()) {
            previousPoints.setAll(points);
            previousLabel.set(runLabel);
        }
        asynchronous.set(async);
        simulatedClock.set(simulated);
        runLabel = label;
    }

    /** Forgets this run's records. */
    void clear() {
        points.clear();
        newPoints.clear();
        stalenessSoFar.clear();
        staleness.clear();
    }

    /** Another study was opened: the last study's run is no line to compare with. */
    void forgetPrevious() {
        previousPoints.clear();
        previousLabel.set("");
        runLabel = "";
        binary.set(false);
    }

    /** The hospitals that have lines; the same hospitals keep their lines and toggles. */
    void showHospitals(List<String> names) {
        if (!names.equals(hospitalNames)) {
            hospitalNames.setAll(names);
        }
    }

    /**
     * A resumed run's charts start at round 1, as the uninterrupted run's would: the rounds before its checkpoint
     * come from the checkpoint's records, since the engine announces only the rounds it runs.
     */
    void showEarlierRounds(List<RoundRecord> records) {
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

    /** Record {@code r} as the point the charts draw at {@link #commit}, following the run's points so far. */
    RoundPoint add(RoundRecord r) {
        RoundPoint last = !newPoints.isEmpty() ? newPoints.get(newPoints.size() - 1)
                : points.isEmpty() ? null : points.get(points.size() - 1);
        RoundPoint p = RoundPoint.of(r, last);
        newPoints.add(p);
        countStaleness(r.progress());
        if (!Double.isNaN(p.auc())) {
            binary.set(true);
        }
        return p;
    }

    private void countStaleness(RoundRecord.Progress r) {
        for (int behind : r.staleness().values()) {
            while (stalenessSoFar.size() <= behind) {
                stalenessSoFar.add(0);
            }
            stalenessSoFar.set(behind, stalenessSoFar.get(behind) + 1);
        }
    }

    /** Shows the batch's records: one list change each, which keeps the charts cheap. */
    void commit() {
        if (!stalenessSoFar.equals(staleness)) {
            staleness.setAll(stalenessSoFar);
        }
        if (!newPoints.isEmpty()) {
            points.addAll(newPoints);
            newPoints.clear();
        }
    }

    /** Per-hospital accuracy over the rounds so far, every hospital of the run listed (for tests and exports). */
    Map<String, List<Double>> hospitalAccuracy() {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        hospitalNames.forEach(n -> out.put(n, new ArrayList<>()));
        for (RoundPoint p : points) {
            p.hospitalAccuracy().forEach((n, a) -> out.computeIfAbsent(n, k -> new ArrayList<>()).add(a));
        }
        return out;
    }
}
