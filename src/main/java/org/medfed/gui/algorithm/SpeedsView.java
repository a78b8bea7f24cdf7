package org.medfed.gui.algorithm;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.medfed.gui.common.FindHospitalField;
import org.medfed.gui.common.FormField;
import org.medfed.gui.common.TooltipCell;
import org.medfed.gui.common.WrappedTooltip;

/**
 * The "Hospital speeds" section of the Algorithm screen: a table of every hospital's speed, the preset buttons, and
 * what is wrong in red under the grid. Thin: all state is in {@link SpeedsViewModel}.
 */
final class SpeedsView {

    private final SpeedsViewModel vm;
    private final VBox root = new VBox(8);
    private final TableView<SpeedsViewModel.SpeedRow> table;

    static final double CELL_HEIGHT = 32;
    private static final double HEADER_HEIGHT = 34;
    private static final int VISIBLE_ROWS = 12;

    SpeedsView(SpeedsViewModel vm) {
        this.vm = vm;
        this.table = new TableView<>(vm.rows());
        root.setId("speeds");
        Label title = new Label("Hospital speeds (simulated clock)");
        title.getStyleClass().add("subsection-title");
        Label intro = muted("Real hospitals differ tenfold in speed and bandwidth. In a simulated study each job of a "
                + "hospital (download the model, train, upload the update) lasts as long as these figures say, so "
                + "the run's clock, and any asynchronous run, is the same on every computer.");
        Button oneSlow = new Button("One slow hospital");
        oneSlow.setId("speeds-one-slow");
        oneSlow.setTooltip(new WrappedTooltip("For teaching: the last hospital by name ten times slower in training and "
                + "on its link"));
        oneSlow.setOnAction(e -> vm.oneSlowHospital());
        Button same = new Button("All at the same speed");
        same.setId("speeds-same");
        same.setTooltip(new WrappedTooltip("Every hospital at the speed of the first row; own figures are forgotten"));
        same.setOnAction(e -> vm.sameSpeed());
        HBox finding = FindHospitalField.of("speeds-find", this::findAndShow, vm.findStatusProperty(),
                vm.manyHospitalsProperty());
        HBox buttons = new HBox(8, oneSlow, same, finding);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label preset = muted("");
        preset.setId("speeds-preset");
        preset.textProperty().bind(vm.presetTextProperty());
        Label nodes = new Label();
        nodes.setId("speeds-nodes");
        nodes.setWrapText(true);
        nodes.getStyleClass().add("warning-text");
        nodes.textProperty().bind(vm.nodesNoteProperty());
        nodes.managedProperty().bind(nodes.textProperty().isNotEmpty());
        nodes.visibleProperty().bind(nodes.managedProperty());

        table.setId("speeds-grid");
        table.setEditable(false); // the figures are typed into text fields that are always there, as in a form
        table.setFixedCellSize(CELL_HEIGHT);
        // the note takes what the figures leave, so the table needs no sideways scrolling
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        TableColumn<SpeedsViewModel.SpeedRow, SpeedsViewModel.SpeedRow> name = new TableColumn<>("Hospital");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        name.setCellFactory(c -> new NameCell());
        name.setPrefWidth(150);
        table.getColumns().add(name);
        for (SpeedsViewModel.Figure f : SpeedsViewModel.Figure.values()) {
            TableColumn<SpeedsViewModel.SpeedRow, FormField> col = new TableColumn<>(f.label());
            col.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().field(f)));
            col.setCellFactory(c -> new FigureCell());
            // its header whole: the constrained policy would otherwise squeeze the figures before the note
            double width = f == SpeedsViewModel.Figure.SECONDS_PER_STEP ? 175 : 145;
            col.setPrefWidth(width);
            col.setMinWidth(width);
            col.setSortable(false);
            table.getColumns().add(col);
        }
        TableColumn<SpeedsViewModel.SpeedRow, String> note = new TableColumn<>("");
        note.setCellValueFactory(c -> c.getValue().noteProperty());
        note.setCellFactory(c -> new TooltipCell<>(OverrunStyle.ELLIPSIS)); // whole when cut
        note.setPrefWidth(120);
        note.setSortable(false);
        name.setSortable(false);
        table.getColumns().add(note);
        // inside the Algorithm screen's scroll pane: as tall as its rows up to a dozen, then it scrolls itself
        table.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> HEADER_HEIGHT + CELL_HEIGHT * Math.max(1, Math.min(VISIBLE_ROWS, vm.rows().size())) + 4, vm.rows()));
        table.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        table.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox errors = new VBox(2);
        errors.setId("speeds-errors");
        Runnable showErrors = () -> {
            errors.getChildren().clear();
            for (String line : vm.errors()) {
                errors.getChildren().add(error(line));
            }
            for (String line : vm.problems()) {
                errors.getChildren().add(error(line));
            }
        };
        vm.errors().addListener((ListChangeListener<String>) c -> showErrors.run());
        vm.problems().addListener((ListChangeListener<String>) c -> showErrors.run());
        showErrors.run();
        root.getChildren().addAll(title, intro, buttons, preset, nodes, table, errors);
    }

    Node root() {
        return root;
    }

    private void findAndShow(String text, boolean next) {
        int row = vm.find(text, next);
        if (row >= 0) {
            table.getSelectionModel().clearAndSelect(row);
            table.scrollTo(row);
        }
    }

    /** The hospital's name, the row of every hospital in bold. */
    private static final class NameCell extends TableCell<SpeedsViewModel.SpeedRow, SpeedsViewModel.SpeedRow> {
        @Override
        protected void updateItem(SpeedsViewModel.SpeedRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(empty || row == null ? null : row.label());
            getStyleClass().remove("strong");
            if (!empty && row != null && row.hospital() == null) {
                getStyleClass().add("strong");
            }
        }
    }

    /**
     * One figure as a text field bound to its {@link FormField} while the cell shows that row: the table makes
     * cells only for the rows in view, so a study of thousands of hospitals costs a screenful of fields.
     */
    private static final class FigureCell extends TableCell<SpeedsViewModel.SpeedRow, FormField> {
        private final TextField text = new TextField();
        private final WrappedTooltip tip = new WrappedTooltip("");
        private final ChangeListener<String> mark = (obs, was, is) -> mark();
        private FormField bound;

        FigureCell() {
            text.setPrefColumnCount(7);
            text.setTooltip(tip);
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(FormField field, boolean empty) {
            super.updateItem(field, empty);
            if (bound != null) {
                text.textProperty().unbindBidirectional(bound.textProperty());
                bound.errorProperty().removeListener(mark);
                bound = null;
            }
            if (empty || field == null) {
                setGraphic(null);
                text.setId(null);
                return;
            }
            bound = field;
            text.setId("speed-" + field.id());
            text.setAccessibleText(getTableRow() == null || getTableRow().getItem() == null ? field.label()
                    : getTableRow().getItem().label() + ": " + field.label());
            tip.setText(field.help());
            text.textProperty().bindBidirectional(field.textProperty());
            field.errorProperty().addListener(mark);
            mark();
            setGraphic(text);
        }

        private void mark() {
            text.getStyleClass().remove("invalid");
            if (bound != null && !bound.valid()) {
                text.getStyleClass().add("invalid");
            }
        }
    }

    private static Label error(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("error-text");
        return l;
    }

    static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("muted");
        l.setPadding(new Insets(0));
        return l;
    }
}
