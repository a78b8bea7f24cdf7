package org.medfed.gui.node;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.medfed.project.DataKind;

/** The policy form: each setting beside what it refuses, in plain words; the catalogue's procedures to tick. */
final class PolicyView {

    private final ScrollPane root;
    private int row;

    PolicyView(PolicyViewModel vm) {
        Label summary = new Label();
        summary.setId("policy-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add("identity");
        summary.textProperty().bind(vm.summaryProperty());
        Label problem = new Label();
        problem.setId("policy-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add("problem-banner");
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        GridPane form = new GridPane();
        form.setHgap(16);
        form.setVgap(12);
        ColumnConstraints names = new ColumnConstraints(160);
        ColumnConstraints controls = new ColumnConstraints(340);
        ColumnConstraints words = new ColumnConstraints();
        words.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(names, controls, words);

        HBox kinds = new HBox(10);
        for (DataKind k : DataKind.values()) {
            CheckBox box = new CheckBox(k.id());
            box.setId("policy-kind-" + k.id());
            box.selectedProperty().bindBidirectional(vm.kindProperty(k));
            kinds.getChildren().add(box);
        }
        add(form, "Kinds of data", kinds, PolicyViewModel.DATA_KINDS);

        TextField minimum = field("policy-minimum", "10");
        minimum.textProperty().bindBidirectional(vm.minimumCountProperty());
        add(form, "Minimum count", minimum, PolicyViewModel.MINIMUM_COUNT);

        CheckBox dp = new CheckBox("Require differential privacy");
        dp.setId("policy-require-dp");
        dp.selectedProperty().bindBidirectional(vm.requireDpProperty());
        add(form, "Differential privacy", dp, PolicyViewModel.REQUIRE_DP);

        TextField epsilon = field("policy-epsilon", "no limit");
        epsilon.textProperty().bindBidirectional(vm.maxEpsilonProperty());
        add(form, "Largest epsilon", epsilon, PolicyViewModel.MAX_EPSILON);

        TextField rounds = field("policy-rounds", "no limit");
        rounds.textProperty().bindBidirectional(vm.maxRoundsProperty());
        add(form, "Last round", rounds, PolicyViewModel.MAX_ROUNDS);

        CheckBox every = new CheckBox("Every procedure the data kinds allow");
        every.setId("policy-every-procedure");
        every.selectedProperty().bindBidirectional(vm.everyProcedureProperty());
        add(form, "Procedures", every, PolicyViewModel.PROCEDURES);

        TableView<PolicyViewModel.ProcedureChoice> procedures = new TableView<>(vm.procedures());
        procedures.setId("policy-procedures");
        procedures.setEditable(true);
        procedures.disableProperty().bind(vm.everyProcedureProperty());
        TableColumn<PolicyViewModel.ProcedureChoice, Boolean> allowed = new TableColumn<>("Served");
        allowed.setCellValueFactory(c -> c.getValue().allowedProperty());
        allowed.setCellFactory(CheckBoxTableCell.forTableColumn(allowed));
        allowed.setEditable(true);
        allowed.setPrefWidth(65);
        TableColumn<PolicyViewModel.ProcedureChoice, String> id = new TableColumn<>("Procedure");
        id.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().id()));
        id.setPrefWidth(170);
        TableColumn<PolicyViewModel.ProcedureChoice, String> what = new TableColumn<>("What it does and sends");
        what.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().description()));
        what.setPrefWidth(700);
        procedures.getColumns().add(allowed);
        procedures.getColumns().add(id);
        procedures.getColumns().add(what);
        procedures.setPrefHeight(330);

        Label note = new Label("Changes are kept in node.json when you save (or start the node), and apply from the "
                + "next start. Each request is judged on its own; privacy spent across studies is not added up.");
        note.getStyleClass().add("muted");
        note.setWrapText(true);

        VBox content = new VBox(12, summary, problem, form, procedures, note);
        content.setPadding(new Insets(14));
        root = new ScrollPane(content);
        root.setFitToWidth(true);
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(8);
        return f;
    }

    private void add(GridPane form, String name, Node control, String explanation) {
        Label n = new Label(name);
        n.getStyleClass().add("setting-name");
        Label words = new Label(explanation);
        words.setWrapText(true);
        words.getStyleClass().add("explanation");
        form.addRow(row++, n, control, words);
    }

    Parent root() {
        return root;
    }
}
