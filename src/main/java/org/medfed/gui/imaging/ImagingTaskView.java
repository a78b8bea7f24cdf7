package org.medfed.gui.imaging;

import static org.medfed.gui.common.FormRows.choice;
import static org.medfed.gui.common.FormRows.field;
import static org.medfed.gui.common.FormRows.grid;
import static org.medfed.gui.common.FormRows.title;

import javafx.beans.binding.BooleanExpression;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

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
        CheckBox batchNorm = new CheckBox("Batch normalisation after each convolution (needed by FedBN)");
        batchNorm.setId("imaging-batch-norm");
        batchNorm.setTooltip(new javafx.scene.control.Tooltip(ImagingTaskViewModel.BATCH_NORM_HELP));
        batchNorm.selectedProperty().bindBidirectional(vm.batchNormProperty());
        model.add(batchNorm, 0, m++, 2, 1);
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





}
