package org.medfed.gui.participants.mapping;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The 'Mapping' tab: the chosen hospital's columns (name in the study, unit factor), its outcome and category
 * values (the study's value for each), and the outcome's class names for every table and chart. Thin.
 */
public final class MappingView {

    private final HBox root;

    public MappingView(MappingViewModel vm) {
        Label title = new Label();
        title.setId("mapping-title");
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        title.textProperty().bind(vm.titleProperty());
        Label hint = new Label();
        hint.setId("mapping-hint");
        hint.getStyleClass().add("problem-error");
        hint.setWrapText(true);
        hint.textProperty().bind(vm.hintProperty());
        hint.managedProperty().bind(hint.textProperty().isNotEmpty());
        Label message = new Label();
        message.setId("mapping-message");
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());

        TableView<ValueMapRow> values = new TableView<>(vm.values());
        values.setId("mapping-values");
        values.setEditable(true);
        values.setPlaceholder(new Label("The outcome's and the categories' values appear here once the file is read."));
        values.getColumns().add(text("Column", ValueMapRow::column, 120));
        values.getColumns().add(text("Value here", ValueMapRow::value, 110));
        values.getColumns().add(text("Rows", r -> String.valueOf(r.rows()), 55));
        TableColumn<ValueMapRow, String> becomes = editable("Value in the study", ValueMapRow::becomes, 150);
        becomes.setId("mapping-becomes");
        becomes.setOnEditCommit(e -> vm.recode(e.getRowValue().column(), e.getRowValue().value(), e.getNewValue()));
        values.getColumns().add(becomes);

        TableView<ColumnMapRow> columns = new TableView<>(vm.columns());
        columns.setId("mapping-columns");
        columns.setEditable(true);
        columns.setPlaceholder(new Label(""));
        columns.getColumns().add(text("In the file", ColumnMapRow::fileColumn, 110));
        TableColumn<ColumnMapRow, String> name = editable("In the study", ColumnMapRow::studyName, 110);
        name.setOnEditCommit(e -> vm.rename(e.getRowValue().fileColumn(), e.getNewValue()));
        columns.getColumns().add(name);
        TableColumn<ColumnMapRow, String> factor = editable("Unit factor", ColumnMapRow::factor, 105);
        factor.setOnEditCommit(e -> {
            if (!vm.setFactor(e.getRowValue().studyName(), e.getNewValue())) {
                columns.refresh();
            }
        });
        columns.getColumns().add(factor);
        TableColumn<ColumnMapRow, String> notRecorded = editable("Not recorded", ColumnMapRow::notRecorded, 115);
        notRecorded.setOnEditCommit(e -> vm.setNotRecorded(e.getRowValue().studyName(), e.getNewValue()));
        columns.getColumns().add(notRecorded);

        TableView<ClassNameRow> classes = new TableView<>(vm.classes());
        classes.setId("mapping-classes");
        classes.setEditable(true);
        classes.setPlaceholder(new Label("The outcome's classes appear once the label is chosen and files are read."));
        classes.getColumns().add(text("Class", ClassNameRow::level, 90));
        TableColumn<ClassNameRow, String> shown = editable("Shown as", ClassNameRow::shownAs, 150);
        shown.setOnEditCommit(e -> vm.nameClass(e.getRowValue().level(), e.getNewValue()));
        classes.getColumns().add(shown);

        VBox valueBox = box("Values: what each of this hospital's codes is in the study (double-click to edit)", values);
        VBox columnBox = box("Columns (double-click to edit): names, units, 'not recorded'", columns);
        VBox classBox = box("Outcome classes (all hospitals): names for tables and charts", classes);
        classBox.setMinWidth(250);
        // the four columns whole (with the table's scroll bar): the values pane gives way instead
        columnBox.setMinWidth(470);
        columnBox.setPrefWidth(470);
        VBox left = new VBox(6, title, hint, message, valueBox);
        VBox.setVgrow(valueBox, Priority.ALWAYS);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(columnBox, Priority.SOMETIMES);
        root = new HBox(12, left, columnBox, classBox);
        root.setPadding(new Insets(8, 12, 12, 12));
    }

    public Parent root() {
        return root;
    }

    private static VBox box(String heading, TableView<?> table) {
        Label l = new Label(heading);
        l.setWrapText(true);
        VBox b = new VBox(4, l, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return b;
    }

    private static <T> TableColumn<T, String> text(String title, java.util.function.Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyStringWrapper(value.apply(r.getValue())));
        c.setEditable(false);
        c.setPrefWidth(width);
        return c;
    }

    private static <T> TableColumn<T, String> editable(String title, java.util.function.Function<T, String> value,
                                                       double width) {
        TableColumn<T, String> c = text(title, value, width);
        c.setEditable(true);
        c.setCellFactory(TextFieldTableCell.forTableColumn());
        return c;
    }
}
