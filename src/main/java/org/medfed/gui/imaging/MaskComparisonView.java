package org.medfed.gui.imaging;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/** On the Results screen after a segmentation run: true and predicted masks over a hospital's test images. */
public final class MaskComparisonView {

    /** Each model-sized image (48 or 64 px) is shown this much larger, pixels kept sharp. */
    static final double SHOWN_SIZE = 150;

    private final MaskComparisonViewModel vm;
    private final VBox root;
    private final TilePane pairs = new TilePane(18, 14);

    public MaskComparisonView(MaskComparisonViewModel vm) {
        this.vm = vm;
        Label title = new Label("Where is the lesion? True mask (green) and the federated model's mask (orange)");
        title.getStyleClass().add("section-title");
        ComboBox<String> hospital = new ComboBox<>(vm.hospitals());
        hospital.setId("masks-hospital");
        hospital.valueProperty().bindBidirectional(vm.hospitalProperty());
        Label status = new Label();
        status.setId("masks-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        HBox choose = new HBox(8, new Label("Test images of"), hospital);
        choose.setAlignment(Pos.CENTER_LEFT);
        pairs.setId("masks-pairs");
        pairs.setPrefColumns(3);
        vm.pairs().addListener((ListChangeListener<MaskComparisonViewModel.Pair>) c -> fill());
        root = new VBox(8, title, choose, status, pairs);
        root.setId("masks");
        root.setPadding(new Insets(8, 0, 8, 0));
        root.visibleProperty().bind(vm.availableProperty());
        root.managedProperty().bind(vm.availableProperty());
    }

    private void fill() {
        pairs.getChildren().clear();
        for (MaskComparisonViewModel.Pair p : vm.pairs()) {
            Label caption = new Label(p.caption());
            caption.getStyleClass().add("mask-caption");
            // an empty prediction is said in words: an image without orange could also look like a drawing fault
            HBox images = new HBox(6, labelled("True", p.truth()), labelled(p.nothingPredicted() ? "Predicted: nothing" : "Predicted", p.predicted()));
            VBox box = new VBox(4, caption, images);
            box.getStyleClass().add("mask-pair");
            pairs.getChildren().add(box);
        }
    }

    private static VBox labelled(String text, PixelPicture picture) {
        ImageView view = new ImageView(FxPictures.image(picture));
        view.setSmooth(false);
        view.setPreserveRatio(true);
        view.setFitWidth(SHOWN_SIZE);
        view.setFitHeight(SHOWN_SIZE);
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        VBox v = new VBox(2, view, l);
        v.setAlignment(Pos.CENTER);
        return v;
    }

    public Parent root() {
        return root;
    }
}
