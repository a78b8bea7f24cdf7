package org.medfed.gui.genotypes;

import static org.medfed.gui.common.FormRows.choice;
import static org.medfed.gui.common.FormRows.field;
import static org.medfed.gui.common.FormRows.grid;
import static org.medfed.gui.common.FormRows.place;
import static org.medfed.gui.common.FormRows.title;

import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.medfed.analytics.gwas.AssociationTest;
import org.medfed.gui.common.WrappedTooltip;

/** The Task screen of a genotype study: what to study, which sheet columns, which test, quality control, risk model. */
public final class GenotypeTaskView {

    private static final Map<String, String> TASK_NAMES = Map.of(
            GenotypeTaskViewModel.ASSOCIATION, "Association study (GWAS): test every variant",
            GenotypeTaskViewModel.RISK_MODEL, "Genetic risk model: train a classifier on chosen variants");

    private final ScrollPane root;

    public GenotypeTaskView(GenotypeTaskViewModel vm) {
        GridPane what = grid();
        int row = 0;
        row = choice(what, row, "gwas-task", "Task", vm.taskProperty(), GenotypeTaskViewModel.TASKS,
                TASK_NAMES::get, "an association study finds the variants linked to the phenotype; a risk model "
                        + "predicts it from variants you name (trained in rounds like a table study)");
        Label columnsStatus = new Label();
        columnsStatus.setId("gwas-columns-status");
        columnsStatus.getStyleClass().add("muted");
        columnsStatus.setWrapText(true);
        columnsStatus.setMaxWidth(420);
        columnsStatus.textProperty().bind(vm.columnsStatusProperty());
        what.add(new Label("Phenotype sheets"), 0, row);
        what.add(columnsStatus, 1, row++);
        row = columnChoice(what, row, "gwas-id-column", "Sample id column", vm.idColumnProperty(), vm,
                "the column holding each sample's id as written in the VCF header");
        row = columnChoice(what, row, "gwas-phenotype", "Phenotype column", vm.phenotypeColumnProperty(), vm,
                "the trait to analyse: 0/1 for a disease, or a measurement");
        row = choice(what, row, "gwas-kind", "Phenotype is", vm.kindProperty(), GenotypeTaskViewModel.KINDS,
                k -> k.equals("binary") ? "binary (0 = control, 1 = case)" : "quantitative (a measurement)",
                "binary phenotypes are tested for cases against controls; quantitative ones by linear regression");

        TableView<CovariateChoice> covariates = new TableView<>(vm.covariates());
        covariates.setId("gwas-covariates");
        covariates.setEditable(true);
        covariates.setPlaceholder(new Label("The sheet's other columns appear here once it has been read."));
        TableColumn<CovariateChoice, Boolean> use = new TableColumn<>("Adjust");
        use.setCellValueFactory(c -> c.getValue().useProperty());
        use.setCellFactory(CheckBoxTableCell.forTableColumn(use));
        use.setPrefWidth(60);
        TableColumn<CovariateChoice, String> column = new TableColumn<>("Covariate (sheet column)");
        column.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().column()));
        column.setPrefWidth(220);
        covariates.getColumns().add(use);
        covariates.getColumns().add(column);
        covariates.setPrefHeight(170);
        covariates.setMaxWidth(300);

        Label problem = new Label();
        problem.setId("gwas-problem");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.setMaxWidth(560);
        problem.textProperty().bind(vm.problemProperty());
        Button fix = new Button("Use logistic regression");
        fix.setId("gwas-use-logistic");
        fix.setOnAction(e -> vm.useLogisticRegression());
        fix.visibleProperty().bind(vm.problemProperty().isNotEmpty().and(Bindings.createBooleanBinding(
                () -> "allelic".equals(vm.testProperty().get()) || "trend".equals(vm.testProperty().get()),
                vm.testProperty())).and(vm.kindProperty().isEqualTo("binary")));
        fix.managedProperty().bind(fix.visibleProperty());
        HBox problemRow = new HBox(10, problem, fix);
        problemRow.setAlignment(Pos.CENTER_LEFT);
        problemRow.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problemRow.managedProperty().bind(problemRow.visibleProperty());

        VBox left = new VBox(8, title("What to study"), what,
                new Label("Covariates: what the regression adjusts for (age, sex, principal components…)"), covariates);

        GridPane test = grid();
        int t = choice(test, 0, "gwas-test", "Association test", vm.testProperty(), GenotypeTaskViewModel.TESTS,
                GenotypeTaskView::testName, "the count-based tests (allelic, trend) need a binary phenotype and no "
                        + "covariates; logistic and linear regression adjust for covariates");
        CheckBox adjust = new CheckBox("Adjust for hospital");
        adjust.setId("gwas-adjust-site");
        adjust.selectedProperty().bindBidirectional(vm.adjustForSiteProperty());
        adjust.setTooltip(new WrappedTooltip("one term per hospital, so that differences in case share between hospitals are "
                + "not read as genetic effects (regression only)"));
        test.add(adjust, 1, t++);
        t = field(test, t, vm.significance());
        GridPane qc = grid();
        int q = field(qc, 0, vm.minSampleCallRate());
        q = field(qc, q, vm.minVariantCallRate());
        q = field(qc, q, vm.minMaf());
        q = field(qc, q, vm.minHweP());
        CheckBox controlsOnly = new CheckBox("Hardy-Weinberg in controls only");
        controlsOnly.setId("gwas-hwe-controls");
        controlsOnly.selectedProperty().bindBidirectional(vm.hweControlsOnlyProperty());
        controlsOnly.setTooltip(new WrappedTooltip("a true association can push cases out of equilibrium"));
        qc.add(controlsOnly, 1, q);
        VBox association = new VBox(8, title("Association study"), test, title("Quality control (same at every hospital)"), qc);
        association.disableProperty().bind(vm.taskProperty().isNotEqualTo(GenotypeTaskViewModel.ASSOCIATION));

        GridPane risk = grid();
        int r = field(risk, 0, vm.riskVariants());
        risk.lookupAll("#field-risk-variants").forEach(n -> ((TextField) n).setMaxWidth(420));
        CheckBox riskCovariates = new CheckBox("Also use the covariates");
        riskCovariates.setId("risk-covariates");
        riskCovariates.selectedProperty().bindBidirectional(vm.riskCovariatesProperty());
        risk.add(riskCovariates, 1, r++);
        r = field(risk, r, vm.riskTrainFraction());
        field(risk, r, vm.riskSplitSeed());
        Label riskNote = new Label("The model, strategy and training plan are chosen on the Algorithm screen.");
        riskNote.getStyleClass().add("muted");
        VBox riskBox = new VBox(8, title("Risk model"), risk, riskNote);
        riskBox.disableProperty().bind(vm.taskProperty().isNotEqualTo(GenotypeTaskViewModel.RISK_MODEL));

        VBox right = new VBox(8, association, riskBox);
        HBox both = new HBox(28, left, right);
        HBox.setHgrow(right, Priority.ALWAYS);
        VBox page = new VBox(10, problemRow, both);
        page.setPadding(new Insets(16));
        root = new ScrollPane(page);
        root.setFitToWidth(true);
        root.getStyleClass().add("screen");
        root.setId("gwas-task-screen");
    }

    public Parent root() {
        return root;
    }

    private static String testName(String id) {
        String d = AssociationTest.valueOf(id.toUpperCase(Locale.ROOT)).description();
        return Character.toUpperCase(d.charAt(0)) + d.substring(1);
    }




    private static int columnChoice(GridPane grid, int row, String id, String text, ObjectProperty<String> value,
            GenotypeTaskViewModel vm, String help) {
        ComboBox<String> box = new ComboBox<>(vm.columnChoices());
        box.setId(id);
        box.setPromptText("choose a column");
        box.setPrefWidth(200);
        box.valueProperty().bindBidirectional(value);
        return place(grid, row, text, box, help);
    }


}
