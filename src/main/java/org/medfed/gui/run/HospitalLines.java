package org.medfed.gui.run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.medfed.metrics.Quartiles;

/**
 * Which hospitals the Run screen's per-hospital charts draw a line for. Up to {@link #ALL_LINES_UP_TO} hospitals
 * each has its line and a check box to hide it; beyond that the charts draw the spread over all hospitals as a
 * band ({@link #band}) and a line only for the hospitals the user picks, at most {@link #MOST_PICKED} (a chart of
 * a thousand lines says nothing and takes minutes to build).
 */
public final class HospitalLines {

    /** As many as the results table has hospital columns (and the charts' palette colours). */
    public static final int ALL_LINES_UP_TO = org.medfed.study.ResultsTable.MOST_COLUMNS;
    public static final int MOST_PICKED = 12;

    private final ObservableList<String> names;
    private final Set<String> known = new HashSet<>();
    private final Set<String> shown = new LinkedHashSet<>();
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ObservableList<String> toggles = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper banded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");

    HospitalLines(ObservableList<String> names) {
        this.names = names;
        names.addListener((ListChangeListener<String>) c -> reset());
        reset();
    }

    /** The hospitals changed (another study, or hospitals added): few are all shown, many start with none picked. */
    private void reset() {
        known.clear();
        known.addAll(names);
        boolean wasBanded = banded.get();
        banded.set(names.size() > ALL_LINES_UP_TO);
        if (banded.get() && wasBanded) {
            shown.retainAll(known); // the picks that are still hospitals of the run
        } else if (banded.get()) {
            shown.clear();
        } else {
            shown.clear();
            shown.addAll(names);
        }
        note.set("");
        publish();
    }

    /** Draws or hides one hospital's line (a check box, or picking a hospital from the list when banded). */
    public void show(String name, boolean on) {
        if (!known.contains(name) || on == shown.contains(name)) {
            return;
        }
        if (on && banded.get() && shown.size() >= MOST_PICKED) {
            note.set("At most " + MOST_PICKED + " hospitals have a line of their own; take one away first.");
            return;
        }
        note.set("");
        if (on) {
            shown.add(name);
        } else {
            shown.remove(name);
        }
        publish();
    }

    private void publish() {
        List<String> drawn = new ArrayList<>();
        if (banded.get()) {
            drawn.addAll(shown); // in the order they were picked
        } else {
            names.stream().filter(shown::contains).forEach(drawn::add);
        }
        if (!drawn.equals(lines)) {
            lines.setAll(drawn);
        }
        List<String> boxes = banded.get() ? drawn : List.copyOf(names);
        if (!boxes.equals(toggles)) {
            toggles.setAll(boxes);
        }
    }

    /**
     * A hospital's colour in the palette: its place among all hospitals when each has a line, its place among
     * the picked ones when banded.
     */
    public int colour(String name) {
        return banded.get() ? lines.indexOf(name) : names.indexOf(name);
    }

    /**
     * The hospitals a table gives a column each (the robust rule's verdicts): all while few; beyond that the
     * picked ones and those in {@code always} (the simulated attackers), in the hospitals' order.
     */
    public List<String> columns(Set<String> always) {
        if (!banded.get()) {
            return List.copyOf(names);
        }
        return names.stream().filter(n -> always.contains(n) || shown.contains(n)).toList();
    }

    /** The spread over hospitals of one record's figure per hospital, or null when no hospital has one. */
    public static Quartiles band(Map<String, ? extends Number> perHospital) {
        return Quartiles.of(perHospital.values().stream().mapToDouble(Number::doubleValue).toArray());
    }

    /** Every hospital of the run, for the list to pick from. */
    public ObservableList<String> names() { return names; }
    /** The hospitals drawn as lines, in the order of their series. */
    public ObservableList<String> lines() { return lines; }
    /** The hospitals with a check box: all of them, or the picked ones when banded (unticking takes one away). */
    public ObservableList<String> toggles() { return toggles; }
    /** Whether the charts draw the band over hospitals (more than {@link #ALL_LINES_UP_TO}). */
    public ReadOnlyBooleanProperty bandedProperty() { return banded.getReadOnlyProperty(); }
    /** Why a pick was refused, or empty. */
    public ReadOnlyStringProperty noteProperty() { return note.getReadOnlyProperty(); }
}
