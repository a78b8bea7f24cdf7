package org.medfed.gui.participants;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.collections.ObservableList;
import org.medfed.attack.AttackCatalog;
import org.medfed.project.ParticipantEntry;

/**
 * The hospitals table's rows in step with the study's hospitals: a row each, showing its name, files, weight,
 * whether it takes part and its simulated attack. A row's check box writes the study through {@code onEnabled};
 * copying the study into the rows does not write it back.
 */
final class ParticipantRows {

    private final ObservableList<ParticipantRow> rows;
    /** Row index and the check box's new value. */
    private final BiConsumer<Integer, Boolean> onEnabled;
    private boolean syncing;

    ParticipantRows(ObservableList<ParticipantRow> rows, BiConsumer<Integer, Boolean> onEnabled) {
        this.rows = rows;
        this.onEnabled = onEnabled;
    }

    /** Makes fresh rows when the number of hospitals changed; true when it did. */
    boolean resize(int hospitals) {
        if (rows.size() == hospitals) {
            return false;
        }
        List<ParticipantRow> fresh = new ArrayList<>();
        for (int i = 0; i < hospitals; i++) {
            fresh.add(newRow());
        }
        rows.setAll(fresh);
        return true;
    }

    /** Shows the hospitals {@code ps}, one per row, in the study's order. */
    void copy(List<ParticipantEntry> ps) {
        syncing = true;
        for (int i = 0; i < ps.size(); i++) {
            ParticipantEntry p = ps.get(i);
            ParticipantRow row = rows.get(i);
            row.nameProperty().set(p.name());
            row.filesProperty().set(p.isRemote() ? "node " + p.node() + ", dataset " + p.dataset()
                    : p.data().isEmpty() ? "(no file yet)" : String.join(", ", p.data()));
            row.weightProperty().set(p.weight());
            row.enabledProperty().set(p.enabled());
            row.attackProperty().set(AttackCatalog.isAttack(p.attack()) ? p.attack() : "none");
        }
        syncing = false;
    }

    private ParticipantRow newRow() {
        ParticipantRow row = new ParticipantRow();
        // the table's check box writes the row's property; the study follows, unless we are copying from it
        row.enabledProperty().addListener((obs, was, on) -> {
            if (!syncing) {
                onEnabled.accept(rows.indexOf(row), on);
            }
        });
        return row;
    }
}
