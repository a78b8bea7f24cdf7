package org.medfed.gui.common;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

/**
 * The rows of the settings forms (Task and model for tables, images and genotypes): a label, the control, a
 * muted line of help under it and, for a typed field, its error message, so every form reads the same way.
 * Each method adds its row at {@code row} and returns the next free row.
 */
public final class FormRows {

    private FormRows() {
    }

    public static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(4);
        // a narrow form wraps its help lines instead of cutting its labels short ("Separ...")
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setMinWidth(0);
        g.getColumnConstraints().setAll(labels, controls);
        return g;
    }

    public static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    public static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        l.setMaxWidth(420);
        return l;
    }

    /** A choice among values shown as they are. */
    public static int choice(GridPane grid, int row, String id, String text, ObjectProperty<String> value,
                             List<String> options, String help) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(options);
        box.setId(id);
        box.valueProperty().bindBidirectional(value);
        return place(grid, row, text, box, help);
    }

    /** A choice among values shown by {@code names} (the study keeps the value, the person reads the name). */
    public static int choice(GridPane grid, int row, String id, String text, ObjectProperty<String> value,
                             List<String> options, Function<String, String> names, String help) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(options);
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String v) {
                return v == null ? "" : names.apply(v);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        box.valueProperty().bindBidirectional(value);
        return place(grid, row, text, box, help);
    }

    /** Any control with its label and help. */
    public static int place(GridPane grid, int row, String text, Node control, String help) {
        Label label = new Label(text);
        label.setLabelFor(control);
        if (control instanceof Control c) {
            c.setTooltip(new WrappedTooltip(help));
        }
        grid.add(label, 0, row);
        grid.add(control, 1, row);
        grid.add(muted(help), 1, row + 1);
        return row + 2;
    }

    public static int field(GridPane grid, int row, FormField f) {
        return field(grid, row, f, null);
    }

    /** A typed field; {@code disabled} (may be null) greys it out when it does not apply. */
    public static int field(GridPane grid, int row, FormField f, ObservableBooleanValue disabled) {
        TextField field = new TextField();
        field.setId("field-" + f.id());
        field.setPrefColumnCount(10);
        field.setMaxWidth(170);
        field.textProperty().bindBidirectional(f.textProperty());
        field.setTooltip(new WrappedTooltip(f.help()));
        Label label = new Label(f.label());
        label.setLabelFor(field);
        label.setWrapText(true);
        label.setMaxWidth(230);
        Label error = new Label();
        error.setId("error-" + f.id());
        error.getStyleClass().add("error-text");
        error.textProperty().bind(f.errorProperty());
        error.visibleProperty().bind(f.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        f.errorProperty().addListener((obs, was, is) -> {
            field.getStyleClass().remove("invalid");
            if (!is.isEmpty()) {
                field.getStyleClass().add("invalid");
            }
        });
        if (disabled != null) {
            field.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(disabled::get, disabled));
            label.disableProperty().bind(field.disableProperty());
        }
        grid.add(label, 0, row);
        grid.add(field, 1, row);
        grid.add(muted(f.help()), 1, row + 1);
        grid.add(error, 1, row + 2);
        return row + 3;
    }
}
