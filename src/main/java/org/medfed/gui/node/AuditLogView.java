package org.medfed.gui.node;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.medfed.gui.common.WrappedTooltip;

/** The audit log: one row per request, refusals marked, updated live, exportable to CSV. */
final class AuditLogView {

    private final VBox root;

    AuditLogView(AuditLogViewModel vm) {
        Label summary = new Label();
        summary.setId("audit-summary");
        summary.getStyleClass().add("section-title");
        summary.textProperty().bind(vm.summaryProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button export = new Button("Export to CSV…");
        export.setId("audit-export");
        export.setTooltip(new WrappedTooltip("Save this table as a CSV file for the hospital's records"));
        export.setOnAction(e -> vm.exportFromDialog());
        HBox top = new HBox(10, summary, gap, export);
        top.setAlignment(Pos.CENTER_LEFT);

        TableView<AuditRow> table = new TableView<>(vm.rows());
        table.setId("audit-table");
        table.setPlaceholder(new Label("No request has reached this node yet."));
        table.getColumns().add(col("Time", AuditRow::time, 150));
        table.getColumns().add(col("Study", AuditRow::study, 110));
        table.getColumns().add(col("Dataset", AuditRow::dataset, 90));
        table.getColumns().add(col("Round", AuditRow::round, 55));
        table.getColumns().add(col("Procedure", AuditRow::procedure, 140));
        table.getColumns().add(col("Received", AuditRow::bytesIn, 80));
        table.getColumns().add(col("Sent", AuditRow::bytesOut, 80));
        TableColumn<AuditRow, String> outcome = col("Outcome", AuditRow::outcome, 360);
        outcome.setCellFactory(c -> new org.medfed.gui.common.TooltipCell<>(javafx.scene.control.OverrunStyle.ELLIPSIS));
        table.getColumns().add(outcome);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AuditRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("refused-row");
                if (!empty && row != null && row.refused()) {
                    getStyleClass().add("refused-row");
                }
            }
        });
        vm.rows().addListener((javafx.collections.ListChangeListener<AuditRow>) c -> table.scrollTo(vm.rows().size() - 1));

        Label note = new Label();
        note.setId("audit-note");
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        note.textProperty().bind(vm.noteProperty());
        Label meaning = new Label("Each line is one request from the coordinator and what this node did with it. "
                + "\"Sent\" is what left this computer in the reply: summaries, counts, sums, model updates or "
                + "metrics, never a patient's row. The same lines are in the node's audit log file.");
        meaning.getStyleClass().add("muted");
        meaning.setWrapText(true);

        root = new VBox(10, top, meaning, table, note);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.setPadding(new Insets(14));
    }

    private static TableColumn<AuditRow, String> col(String title, Function<AuditRow, String> value, double width) {
        TableColumn<AuditRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(value.apply(r.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    Parent root() {
        return root;
    }
}
