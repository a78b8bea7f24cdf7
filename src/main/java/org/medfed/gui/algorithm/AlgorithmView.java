package org.medfed.gui.algorithm;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.medfed.engine.strategy.StrategyDescriptor;
import org.medfed.gui.common.FormField;
import org.medfed.gui.common.WrappedTooltip;

/** The Algorithm screen: the strategies as a list, the chosen one explained, its parameters and the training plan. */
public final class AlgorithmView {

    private final AlgorithmViewModel vm;
    private final HBox root;
    private final GridPane parameters = new GridPane();

    public AlgorithmView(AlgorithmViewModel vm) {
        this.vm = vm;
        ListView<StrategyDescriptor> list = new ListView<>(vm.strategies());
        list.setId("algorithm-list");
        list.setPrefWidth(345); // the personalising strategies' names are long: "Ditto (own model pulled towards…)"
        list.setMinWidth(345); // the settings beside it scroll; the names do not shrink under them
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(StrategyDescriptor d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : d.name());
                setTooltip(empty || d == null ? null : new org.medfed.gui.common.WrappedTooltip(d.name()));
            }
        });
        list.getSelectionModel().select(vm.strategyProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (is != null && is != vm.strategyProperty().get()) {
                vm.strategyProperty().set(is);
            }
        });
        vm.strategyProperty().addListener((obs, was, is) -> list.getSelectionModel().select(is));

        Label name = new Label();
        name.getStyleClass().add("section-title");
        name.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.strategyProperty().get() == null ? "" : vm.strategyProperty().get().name(), vm.strategyProperty()));
        Label explanation = new Label();
        explanation.setId("algorithm-explanation");
        explanation.setWrapText(true);
        explanation.getStyleClass().add("explanation");
        explanation.textProperty().bind(vm.explanationProperty());

        Label paramsTitle = new Label("Parameters of the algorithm");
        paramsTitle.getStyleClass().add("subsection-title");
        parameters.setHgap(10);
        parameters.setVgap(4);
        parameters.setId("algorithm-parameters");
        fillParameters();
        vm.parameterFields().addListener((ListChangeListener<FormField>) c -> fillParameters());

        Label trainingTitle = new Label("Training plan");
        trainingTitle.getStyleClass().add("subsection-title");
        GridPane training = new GridPane();
        training.setHgap(10);
        training.setVgap(4);
        int row = 0;
        for (FormField f : vm.trainingFields()) {
            row = addField(training, row, f);
        }
        ComboBox<String> optimizer = new ComboBox<>();
        optimizer.getItems().addAll("sgd", "adam");
        optimizer.setId("field-optimizer");
        optimizer.valueProperty().bindBidirectional(vm.optimizerProperty());
        Label optLabel = new Label("Local optimiser");
        optLabel.setLabelFor(optimizer);
        training.add(optLabel, 0, row);
        training.add(optimizer, 1, row);
        Label optHelp = new Label("sgd: plain steps; adam: adaptive steps");
        optHelp.getStyleClass().add("muted");
        training.add(optHelp, 2, row);

        Label fit = new Label();
        fit.setId("algorithm-model-fit");
        fit.setWrapText(true);
        fit.getStyleClass().add("warning-text");
        fit.textProperty().bind(vm.modelFitProperty());
        fit.visibleProperty().bind(vm.modelFitProperty().isNotEmpty());
        fit.managedProperty().bind(fit.visibleProperty());
        VBox right = new VBox(10, name, explanation, fit, paramsTitle, parameters, trainingTitle, training,
                new javafx.scene.control.Separator(), new SpeedsView(vm.speeds()).root(),
                new javafx.scene.control.Separator(), new CompressionView(vm.compression()).root(),
                new javafx.scene.control.Separator(), new ProtectionsView(vm.protections()).root());
        right.setPadding(new Insets(16));
        right.setMaxWidth(900);
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        VBox left = new VBox(6, new Label("Algorithm"), list);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(16, 0, 16, 16));
        root = new HBox(8, left, scroll);
        root.getStyleClass().add("screen");
        root.getStylesheets().add(AlgorithmView.class.getResource("algorithm.css").toExternalForm());
    }

    public Parent root() {
        return root;
    }

    private void fillParameters() {
        parameters.getChildren().clear();
        List<FormField> fields = vm.parameterFields();
        if (fields.isEmpty()) {
            Label none = new Label("This algorithm has no parameters of its own.");
            none.getStyleClass().add("muted");
            parameters.add(none, 0, 0);
            return;
        }
        int row = 0;
        for (FormField f : fields) {
            row = addField(parameters, row, f);
        }
    }

    /** Label, field and help on one line; the error under the field, in red, only when there is one. */
    static int addField(GridPane grid, int row, FormField f) {
        Label label = new Label(f.label());
        TextField field = new TextField();
        field.setId("field-" + f.id());
        field.setPrefColumnCount(10);
        field.setMaxWidth(170);
        field.textProperty().bindBidirectional(f.textProperty());
        field.setTooltip(new WrappedTooltip(f.help()));
        label.setLabelFor(field);
        Label help = new Label(f.help());
        help.getStyleClass().add("muted");
        help.setWrapText(true);
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
        if (!f.valid()) {
            field.getStyleClass().add("invalid");
        }
        grid.add(label, 0, row);
        grid.add(field, 1, row);
        grid.add(help, 2, row);
        GridPane.setHgrow(help, Priority.ALWAYS);
        grid.add(error, 1, row + 1, 2, 1);
        GridPane.setValignment(label, javafx.geometry.VPos.CENTER);
        label.setAlignment(Pos.CENTER_LEFT);
        return row + 2;
    }
}
