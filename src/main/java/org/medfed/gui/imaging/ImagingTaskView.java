package org.medfed.gui.imaging;

import java.util.List;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.medfed.gui.common.FormField;

/** The Task and model screen of an image study: task, image preparation, split, network sizes, seed. */
public final class ImagingTaskView {

    private final ScrollPane root;

    public ImagingTaskView(ImagingTaskViewModel vm) {
        GridPane task = grid();
        int row = choice(task, 0, "imaging-task", "Task", vm.taskProperty(), ImagingTaskViewModel.TASKS,
                "classification: one class per image (a CNN); segmentation: outline the lesion pixel by pixel (a U-Net, "
                        + "needs a mask per image)");

        GridPane prep = grid();
        int p = choice(prep, 0, "imaging-window", "Window", vm.windowProperty(), ImagingTaskViewModel.WINDOWS,
                "file: each file's own window (else its range); none: the raw values; fixed: the centre and width below");
        BooleanExpression notFixedWindow = vm.windowProperty().isNotEqualTo("fixed");
        p = field(prep, p, vm.windowCenter(), notFixedWindow);
        p = field(prep, p, vm.windowWidth(), notFixedWindow);
        p = field(prep, p, vm.height(), null);
        p = field(prep, p, vm.width(), null);
        p = choice(prep, p, "imaging-normalisation", "Normalisation", vm.normalisationProperty(),
                ImagingTaskViewModel.NORMALISATIONS, "none; min-max or z-score per image; fixed: the mean and std below");
        BooleanExpression notFixedNorm = vm.normalisationProperty().isNotEqualTo("fixed");
        p = field(prep, p, vm.mean(), notFixedNorm);
        p = field(prep, p, vm.std(), notFixedNorm);
        CheckBox augment = new CheckBox("Augment the training images (seeded flips and small rotations)");
        augment.setId("imaging-augmentation");
        augment.selectedProperty().bindBidirectional(vm.augmentationProperty());
        prep.add(augment, 0, p++, 2, 1);
        p = field(prep, p, vm.trainFraction(), null);
        field(prep, p, vm.splitSeed(), null);

        GridPane model = grid();
        int m = field(model, 0, vm.filters(), null);
        m = field(model, m, vm.hidden(), vm.taskProperty().isEqualTo("segmentation"));
        field(model, m, vm.seed(), null);

        VBox left = new VBox(8, title("What to learn"), task, title("Model"), model);
        VBox right = new VBox(8, title("Preparing the images (identically at every hospital)"), prep);
        HBox both = new HBox(28, left, right);
        HBox.setHgrow(right, Priority.ALWAYS);
        both.setPadding(new Insets(16));
        root = new ScrollPane(both);
        root.setFitToWidth(true);
        root.getStyleClass().add("screen");
    }

    public Parent root() {
        return root;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(4);
        return g;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static int choice(GridPane grid, int row, String id, String text, ObjectProperty<String> value,
                              List<String> options, String help) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(options);
        box.setId(id);
        box.valueProperty().bindBidirectional(value);
        box.setTooltip(new Tooltip(help));
        Label label = new Label(text);
        label.setLabelFor(box);
        Label helpLabel = muted(help);
        grid.add(label, 0, row);
        grid.add(box, 1, row);
        grid.add(helpLabel, 1, row + 1);
        return row + 2;
    }

    private static int field(GridPane grid, int row, FormField f, BooleanExpression disabled) {
        TextField field = new TextField();
        field.setId("field-" + f.id());
        field.setPrefColumnCount(10);
        field.setMaxWidth(170);
        field.textProperty().bindBidirectional(f.textProperty());
        field.setTooltip(new Tooltip(f.help()));
        Label label = new Label(f.label());
        label.setLabelFor(field);
        label.setWrapText(true);
        label.setMaxWidth(230);
        Label help = muted(f.help());
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
            field.disableProperty().bind(disabled);
            label.disableProperty().bind(disabled);
        }
        grid.add(label, 0, row);
        grid.add(field, 1, row);
        grid.add(help, 1, row + 1);
        grid.add(error, 1, row + 2);
        return row + 3;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        l.setMaxWidth(420);
        return l;
    }
}
