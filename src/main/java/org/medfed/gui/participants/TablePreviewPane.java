package org.medfed.gui.participants;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.medfed.gui.common.WrappedTooltip;

/**
 * The preview of a hospital's table: its columns with their inferred types and checks, the label balance, and
 * its first rows. Shown by the Participants screen for the chosen hospital, and by a hospital node's window for
 * a registered table (which reads it with the same view-model).
 */
public final class TablePreviewPane {

    private final ParticipantsViewModel vm;
    private final Parent root;
    private final TableView<String[]> grid = new TableView<>();
    private final BarChart<String, Number> balanceChart = new BarChart<>(new CategoryAxis(), new NumberAxis());

    public TablePreviewPane(ParticipantsViewModel vm) {
        this.vm = vm;
        Label title = new Label();
        title.setId("preview-title");
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        title.textProperty().bind(vm.previewTitleProperty());

        TableView<ColumnRow> columns = new TableView<>(vm.previewColumns());
        columns.setId("preview-columns");
        columns.setPlaceholder(new Label(""));
        columns.getColumns().add(col("Column", ColumnRow::column, 130));
        columns.getColumns().add(col("Type", ColumnRow::type, 110));
        columns.getColumns().add(col("Missing", r -> String.valueOf(r.missing()), 65));
        columns.getColumns().add(col("Distinct", ColumnRow::distinct, 65));
        columns.getColumns().add(col("Range", ColumnRow::range, 110));
        columns.getColumns().add(col("Role", ColumnRow::role, 75));
        TableColumn<ColumnRow, String> problem = col("Check", ColumnRow::problem, 260);
        problem.setCellFactory(c -> new ColumnCheckCell());
        columns.getColumns().add(problem);
        // the check's words take the rest of the width (they were cut at 260 pixels beside an empty filler column)
        double others = columns.getColumns().stream().filter(c -> c != problem).mapToDouble(TableColumn::getPrefWidth).sum();
        problem.prefWidthProperty().bind(javafx.beans.binding.Bindings.max(260.0,
                columns.widthProperty().subtract(others + 20)));

        balanceChart.setId("preview-balance");
        balanceChart.setTitle("Label balance");
        balanceChart.setLegendVisible(false);
        balanceChart.setAnimated(false);
        balanceChart.setPrefSize(260, 200);
        balanceChart.setMinWidth(220);
        vm.previewBalance().addListener((ListChangeListener<ParticipantsViewModel.LevelCount>) c -> fillBalance());
        // without a label (none chosen yet, or a node's table, whose label the study chooses) there is no balance
        balanceChart.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.previewBalance()));
        balanceChart.managedProperty().bind(balanceChart.visibleProperty());

        HBox top = new HBox(10, columns, balanceChart);
        HBox.setHgrow(columns, Priority.ALWAYS);

        grid.setId("preview-rows");
        grid.setPlaceholder(new Label(""));
        vm.previewProperty().addListener((obs, was, is) -> fillGrid());
        vm.previewColumns().addListener((ListChangeListener<ColumnRow>) c -> fillGrid());

        VBox box = new VBox(6, title, top, grid);
        VBox.setVgrow(top, Priority.ALWAYS);
        VBox.setVgrow(grid, Priority.ALWAYS);
        box.setPadding(new Insets(6, 12, 12, 12));
        box.getStylesheets().add(TablePreviewPane.class.getResource("participants.css").toExternalForm());
        root = box;
    }

    public Parent root() {
        return root;
    }

    private void fillBalance() {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (ParticipantsViewModel.LevelCount l : vm.previewBalance()) {
            series.getData().add(new XYChart.Data<>(l.level(), l.count()));
        }
        balanceChart.getData().setAll(List.of(series));
    }

    private void fillGrid() {
        RowsGrid.fill(grid, vm.previewColumnNames(), vm.previewRows());
    }

    private static <T> TableColumn<T, String> col(String title, java.util.function.Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(value.apply(r.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A column's check in the preview. */
    private static final class ColumnCheckCell extends TableCell<ColumnRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("problem-error", "problem-warning");
            setTooltip(null);
            if (empty || item == null || item.isEmpty()) {
                setText(null);
                return;
            }
            setText(item);
            getStyleClass().add(item.startsWith("✖") ? "problem-error" : "problem-warning");
            setTooltip(new WrappedTooltip(item));
        }
    }

}
