package org.medfed.gui.run;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The Run screen's log: lines stamped with the time of day, the oldest dropped beyond {@link #MAX_LINES}. */
final class RunLog {

    static final int MAX_LINES = 5000;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final Supplier<LocalTime> clock;

    RunLog(Supplier<LocalTime> clock) {
        this.clock = clock;
    }

    ObservableList<String> lines() {
        return lines;
    }

    /** "14:02:11  ": what precedes a line logged now (read once for a batch of lines). */
    String stamp() {
        return clock.get().format(CLOCK) + "  ";
    }

    void add(String line) {
        addStamped(List.of(stamp() + line));
    }

    /** Lines already stamped, in one change of the list. */
    void addStamped(List<String> stamped) {
        if (stamped.isEmpty()) {
            return;
        }
        lines.addAll(stamped);
        if (lines.size() > MAX_LINES) {
            lines.remove(0, lines.size() - MAX_LINES);
        }
    }

    void clear() {
        lines.clear();
    }
}
