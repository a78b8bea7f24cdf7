package org.medfed.gui.algorithm;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The "Compressed updates" section of the Algorithm screen: the codec, the settings it takes (shown only when it
 * takes them), why error feedback is not offered, and the combinations that cannot run in red beside the choice.
 * Thin: all state is in {@link CompressionViewModel}.
 */
final class CompressionView {

    private final VBox root = new VBox(8);

    CompressionView(CompressionViewModel vm) {
        root.setId("compression");
        Label title = new Label("Compressed updates");
        title.getStyleClass().add("subsection-title");

        ComboBox<String> codec = new ComboBox<>(vm.codecs());
        codec.setId("field-codec");
        codec.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String id, boolean empty) {
                super.updateItem(id, empty);
                setText(empty || id == null ? null : CompressionViewModel.name(id));
            }
        });
        codec.setButtonCell(codec.getCellFactory().call(null));
        codec.valueProperty().bindBidirectional(vm.codecProperty());
        Label codecLabel = new Label("Codec");
        codecLabel.setLabelFor(codec);
        Label explanation = SpeedsView.muted("");
        explanation.setId("compression-explanation");
        explanation.textProperty().bind(vm.explanationProperty());

        ComboBox<Integer> bits = new ComboBox<>();
        bits.setId("field-bits");
        bits.getItems().setAll(vm.bitChoices());
        bits.valueProperty().bindBidirectional(vm.bitsProperty());
        Label bitsLabel = new Label("Bits per value");
        bitsLabel.setLabelFor(bits);
        GridPane bitsRow = ProtectionsView.grid();
        bitsRow.add(bitsLabel, 0, 0);
        bitsRow.add(bits, 1, 0);
        bitsRow.add(SpeedsView.muted("8 bits: about a quarter of the bytes; 2 bits: a sixteenth, with more noise"), 2, 0);
        ProtectionsView.shownIf(bitsRow, vm.takesBitsProperty());

        GridPane fractionRow = ProtectionsView.grid();
        AlgorithmView.addField(fractionRow, 0, vm.fraction());
        CheckBox feedback = new CheckBox("Error feedback: the hospital keeps what it left out and adds it to its next "
                + "update");
        feedback.setId("field-errorFeedback");
        feedback.selectedProperty().bindBidirectional(vm.errorFeedbackProperty());
        VBox topk = new VBox(4, fractionRow, feedback);
        ProtectionsView.shownIf(topk, vm.takesFractionProperty());
        Label refused = SpeedsView.muted("");
        refused.setId("compression-feedback-refused");
        refused.textProperty().bind(vm.errorFeedbackRefusedProperty());
        refused.managedProperty().bind(refused.textProperty().isNotEmpty());
        refused.visibleProperty().bind(refused.managedProperty());

        GridPane codecRow = ProtectionsView.grid();
        codecRow.add(codecLabel, 0, 0);
        codecRow.add(codec, 1, 0, 2, 1);
        VBox problems = new VBox(2);
        problems.setId("compression-problems");
        Runnable fill = () -> {
            problems.getChildren().clear();
            for (String p : vm.problems()) {
                Label l = new Label(p);
                l.setWrapText(true);
                l.getStyleClass().add("error-text");
                problems.getChildren().add(l);
            }
        };
        vm.problems().addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
        root.getChildren().addAll(title, codecRow, explanation, bitsRow, topk, refused, problems);
    }

    Node root() {
        return root;
    }
}
