package org.medfed.gui.participants;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** A file's first rows in a grid, a column per column of the file and "(missing)" where a value is missing. */
public final class RowsGrid {

    private RowsGrid() {
    }

    public static void fill(TableView<String[]> grid, List<String> names, List<String[]> rows) {
        grid.getColumns().clear();
        for (int c = 0; c < names.size(); c++) {
            int index = c;
            TableColumn<String[], String> column = new TableColumn<>(names.get(c));
            column.setCellValueFactory(r -> new ReadOnlyStringWrapper(index < r.getValue().length
                    ? (r.getValue()[index] == null ? "(missing)" : r.getValue()[index]) : ""));
            column.setSortable(false);
            grid.getColumns().add(column);
        }
        grid.getItems().setAll(rows);
    }
}
