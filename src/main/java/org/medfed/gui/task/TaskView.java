package org.medfed.gui.task;

import static org.medfed.gui.common.FormRows.choice;
import static org.medfed.gui.common.FormRows.field;
import static org.medfed.gui.common.FormRows.grid;
import static org.medfed.gui.common.FormRows.title;

import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Task and model screen: what to predict from what, how to prepare the data, which model. */
public final class TaskView {

    private final TaskViewModel vm;
    private final ScrollPane root;

    public TaskView(TaskViewModel vm) {
        this.vm = vm;
        ComboBox<String> label = new ComboBox<>(vm.labelChoices());
        label.setId("task-label");
        label.setPromptText("choose the outcome column");
        label.valueProperty().bindBidirectional(vm.labelProperty());
        label.setPrefWidth(240);

        TableView<FeatureChoice> features = new TableView<>(vm.features());
        features.setId("task-features");
        features.setEditable(true);
        features.setPlaceholder(new Label("The columns appear once a hospital's data file has been read (Participants)."));
        TableColumn<FeatureChoice, Boolean> use = new TableColumn<>("Use");
        use.setCellValueFactory(c -> c.getValue().useProperty());
        use.setCellFactory(CheckBoxTableCell.forTableColumn(use));
        use.setPrefWidth(55);
        TableColumn<FeatureChoice, String> column = new TableColumn<>("Column");
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().column()));
        column.setEditable(false);
        column.setPrefWidth(170);
        TableColumn<FeatureChoice, String> type = new TableColumn<>("Type");
        type.setCellValueFactory(c -> c.getValue().typeProperty());
        type.setCellFactory(ComboBoxTableCell.forTableColumn(FeatureChoice.AS_READ, "numeric", "categorical"));
        type.setPrefWidth(130);
        features.getColumns().add(use);
        features.getColumns().add(column);
        TableColumn<FeatureChoice, String> note = new TableColumn<>("Note");
        note.setCellValueFactory(c -> c.getValue().noteProperty());
        note.setEditable(false);
        note.setPrefWidth(260);
        features.getColumns().add(type);
        features.getColumns().add(note);
        features.setPrefHeight(300);
        features.setMinWidth(380);

        GridPane prep = grid();
        int row = 0;
        row = choice(prep, row, "task-missing", "Missing values", vm.missingProperty(), TaskViewModel.MISSING,
                "drop-rows: leave out patients with a missing value; impute: fill with the mean over all hospitals");
        row = choice(prep, row, "task-normalization", "Standardise features", vm.normalizationProperty(),
                TaskViewModel.NORMALIZATION, "pooled: with statistics over all hospitals (from sums, never rows); "
                        + "local: each hospital its own; none");
        row = choice(prep, row, "task-label-rule", "Label values", vm.labelRuleProperty(), TaskViewModel.LABEL_RULES,
                "as-is: each value is a class; nonzero-positive: 0 is healthy, anything else disease");
        row = field(prep, row, vm.trainFraction());
        row = field(prep, row, vm.splitSeed());

        GridPane modelGrid = grid();
        int mrow = choice(modelGrid, 0, "task-model", "Model", vm.modelProperty(), TaskViewModel.MODELS,
                "logistic: one linear layer, easy to explain; mlp: hidden layers, can learn interactions");
        mrow = field(modelGrid, mrow, vm.hidden());
        modelGrid.getChildren().stream().filter(n -> "field-hidden".equals(n.getId()))
                .forEach(n -> n.disableProperty().bind(vm.modelProperty().isNotEqualTo("mlp")));
        field(modelGrid, mrow, vm.seed());

        javafx.scene.control.TextField name = new javafx.scene.control.TextField();
        name.setId("task-study-name");
        name.textProperty().bindBidirectional(vm.studyNameProperty());
        name.setPrefColumnCount(30);
        javafx.scene.control.TextArea description = new javafx.scene.control.TextArea();
        description.setId("task-study-description");
        description.setPromptText("what the study asks, whose data, for whom");
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        description.setPrefRowCount(2);
        description.setWrapText(true);
        description.setPrefWidth(380);
        Label labelHint = new Label();
        labelHint.setId("task-label-hint");
        labelHint.textProperty().bind(vm.labelHintProperty());
        labelHint.setWrapText(true);
        labelHint.getStyleClass().add("muted");
        labelHint.visibleProperty().bind(vm.labelHintProperty().isNotEmpty());
        labelHint.managedProperty().bind(labelHint.visibleProperty());
        VBox left = new VBox(8, title("Study"), row("Name", name), new Label("Description"), description,
                title("What to predict"), row("Label (outcome)", label), labelHint,
                new Label("Features: the columns the model learns from"), features);
        VBox right = new VBox(8, title("Preparing the data"), prep, title("Model"), modelGrid);
        VBox.setVgrow(features, Priority.ALWAYS);
        HBox both = new HBox(28, left, right);
        HBox.setHgrow(right, Priority.ALWAYS);
        both.setPadding(new Insets(16));
        root = new ScrollPane(both);
        root.setFitToWidth(true);
        root.setFitToHeight(true);
        root.getStyleClass().add("screen");
    }

    public Parent root() {
        return root;
    }



    private static HBox row(String text, javafx.scene.Node control) {
        Label l = new Label(text);
        HBox h = new HBox(10, l, control);
        h.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return h;
    }


}
