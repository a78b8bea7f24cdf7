package org.medfed.gui.algorithm;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.medfed.engine.strategy.robust.RobustRuleDescriptor;
import org.medfed.gui.common.FormField;

/**
 * The "Privacy and defences" section of the Algorithm screen: a check box per protection with one plain line
 * on what it does, its settings shown only while it is on, and the combinations that cannot run in red. Thin:
 * all state is in {@link ProtectionsViewModel}.
 */
final class ProtectionsView {

    private final ProtectionsViewModel vm;
    private final VBox root = new VBox(8);

    ProtectionsView(ProtectionsViewModel vm) {
        this.vm = vm;
        root.setId("protections");
        Label title = new Label("Privacy and defences");
        title.getStyleClass().add("subsection-title");

        CheckBox dp = toggle("protect-dp", "Differential privacy (client level, DP-FedAvg)", vm.dpProperty());
        ComboBox<ProtectionsViewModel.DpBudget> budget = new ComboBox<>();
        budget.setId("field-dpBudget");
        budget.getItems().setAll(ProtectionsViewModel.DpBudget.values());
        budget.valueProperty().bindBidirectional(vm.dpBudgetProperty());
        Label budgetLabel = new Label("Set the privacy by");
        budgetLabel.setLabelFor(budget);
        GridPane budgetRow = grid();
        budgetRow.add(budgetLabel, 0, 0);
        budgetRow.add(budget, 1, 0, 2, 1);
        var targetMode = vm.dpBudgetProperty().isEqualTo(ProtectionsViewModel.DpBudget.TARGET_EPSILON);
        CheckBox adaptive = toggle("protect-dp-adaptive", "Adaptive clipping: the bound follows the size of the "
                + "hospitals' updates (Andrew et al.)", vm.adaptiveClippingProperty());
        VBox dpBox = indented(budgetRow, shownIf(fields(vm.targetEpsilon()), targetMode),
                shownIf(fields(vm.noiseMultiplier()), targetMode.not()), fields(vm.delta(), vm.clipNorm()), adaptive);
        shownIf(dpBox, vm.dpProperty());

        CheckBox sgd = toggle("protect-dpsgd", "DP-SGD inside each hospital's training (patient level)",
                vm.dpSgdProperty());
        VBox sgdBox = indented(fields(vm.sgdEpsilon(), vm.sgdClipNorm(), vm.sgdDelta()));
        shownIf(sgdBox, vm.dpSgdProperty());

        CheckBox secagg = toggle("protect-secagg", "Secure aggregation", vm.secureAggregationProperty());
        CheckBox paillier = toggle("protect-paillier", "Homomorphic aggregation (Paillier encryption)",
                vm.paillierProperty());
        ComboBox<Integer> keySize = new ComboBox<>();
        keySize.setId("field-keySize");
        keySize.getItems().setAll(ProtectionsViewModel.KEY_SIZES);
        keySize.valueProperty().bindBidirectional(vm.keySizeProperty());
        Label keyLabel = new Label("Key size (bits)");
        keyLabel.setLabelFor(keySize);
        Label keyHelp = muted("2048 is the usual size; 1024 only for quick demonstrations");
        GridPane keyRow = grid();
        keyRow.add(keyLabel, 0, 0);
        keyRow.add(keySize, 1, 0);
        keyRow.add(keyHelp, 2, 0);
        VBox keyBox = indented(keyRow);
        shownIf(keyBox, vm.paillierProperty());

        CheckBox seeded = toggle("protect-seeded", "Reproducible noise and masks, for teaching: the same seed gives "
                + "the same run, and so NO real privacy", vm.reproducibleNoiseProperty());
        seeded.disableProperty().bind(vm.dpProperty().or(vm.dpSgdProperty()).or(vm.secureAggregationProperty())
                .or(vm.paillierProperty()).not());

        ComboBox<RobustRuleDescriptor> rule = new ComboBox<>();
        rule.setId("field-robustRule");
        rule.getItems().setAll(vm.rules());
        rule.valueProperty().bindBidirectional(vm.ruleProperty());
        Label ruleLabel = new Label("Robust rule");
        ruleLabel.setLabelFor(rule);
        Label ruleHelp = muted("");
        ruleHelp.setId("robust-explanation");
        ruleHelp.textProperty().bind(Bindings.createStringBinding(() -> vm.ruleProperty().get() == null ? ""
                : vm.ruleProperty().get().explanation(), vm.ruleProperty()));
        GridPane ruleRow = grid();
        // the rule sits at the section's edge, the fields under it are indented: widen its label to line up
        ruleRow.getColumnConstraints().get(0).setMinWidth(216);
        ruleRow.getColumnConstraints().get(0).setPrefWidth(216);
        ruleRow.add(ruleLabel, 0, 0);
        ruleRow.add(rule, 1, 0);
        ruleRow.add(ruleHelp, 2, 0);
        GridPane ruleParameters = grid();
        ruleParameters.setId("robust-parameters");
        fillRuleParameters(ruleParameters);
        vm.ruleFields().addListener((ListChangeListener<FormField>) c -> fillRuleParameters(ruleParameters));
        Label fit = new Label();
        fit.setId("robust-fit");
        fit.setWrapText(true);
        fit.getStyleClass().add("warning-text");
        fit.textProperty().bind(Bindings.createStringBinding(() -> vm.ruleFitProperty().get().isEmpty() ? ""
                : "⚠ " + vm.ruleFitProperty().get(), vm.ruleFitProperty()));
        fit.managedProperty().bind(fit.textProperty().isNotEmpty());
        fit.visibleProperty().bind(fit.managedProperty());
        CheckBox clipping = toggle("protect-normclip", "Norm clipping of each update", vm.normClippingProperty());
        VBox clipBox = indented(fields(vm.clipBound()));
        shownIf(clipBox, vm.normClippingProperty());

        VBox problems = new VBox(2);
        problems.setId("protection-problems");
        fillProblems(problems);
        vm.problems().addListener((ListChangeListener<String>) c -> fillProblems(problems));

        root.getChildren().addAll(title,
                dp, explanation(ProtectionsViewModel.DP_EXPLANATION), dpBox,
                sgd, explanation(ProtectionsViewModel.DP_SGD_EXPLANATION), sgdBox,
                secagg, explanation(ProtectionsViewModel.SECURE_AGGREGATION_EXPLANATION),
                paillier, explanation(ProtectionsViewModel.PAILLIER_EXPLANATION), keyBox,
                seeded, ruleRow, fit, indented(ruleParameters),
                clipping, explanation(ProtectionsViewModel.CLIPPING_EXPLANATION), clipBox,
                problems);
    }

    Node root() {
        return root;
    }

    private void fillRuleParameters(GridPane grid) {
        grid.getChildren().clear();
        int row = 0;
        for (FormField f : vm.ruleFields()) {
            row = AlgorithmView.addField(grid, row, f);
        }
    }

    private void fillProblems(VBox box) {
        box.getChildren().clear();
        for (String p : vm.problems()) {
            Label l = new Label(p);
            l.setWrapText(true);
            l.getStyleClass().add("error-text");
            box.getChildren().add(l);
        }
    }

    private static CheckBox toggle(String id, String text, javafx.beans.property.BooleanProperty value) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.getStyleClass().add("protection-toggle");
        box.selectedProperty().bindBidirectional(value);
        return box;
    }

    private static Label explanation(String text) {
        Label l = muted(text);
        l.setPadding(new Insets(0, 0, 0, 26));
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("muted");
        return l;
    }

    private static VBox indented(Node... children) {
        VBox box = new VBox(4, children);
        box.setPadding(new Insets(0, 0, 4, 26));
        return box;
    }

    private static <T extends Node> T shownIf(T node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(Bindings.createBooleanBinding(condition::get, condition));
        node.managedProperty().bind(node.visibleProperty());
        return node;
    }

    /** Label, field and help per row, the error under the field, as on the rest of the screen. */
    private static GridPane fields(FormField... fields) {
        GridPane grid = grid();
        int row = 0;
        for (FormField f : fields) {
            row = AlgorithmView.addField(grid, row, f);
        }
        return grid;
    }

    /** Columns of the same widths in every small grid, so that the fields line up down the section. */
    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        ColumnConstraints label = new ColumnConstraints(190);
        ColumnConstraints field = new ColumnConstraints(170);
        ColumnConstraints help = new ColumnConstraints();
        help.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(label, field, help);
        return grid;
    }
}
