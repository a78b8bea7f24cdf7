package org.medfed.gui.imaging;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.medfed.gui.common.NumberFields;

/** One DICOM image, larger, with window/level sliders and fields, a reset, and its tags. */
public final class ImageViewerView {

    /** Longest side of the image on screen. */
    static final double DISPLAY_SIZE = 512;

    private final ImageViewerViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ImageView image = new ImageView();
    private WritableImage shown;
    private double dragX;
    private double dragY;

    public ImageViewerView(ImageViewerViewModel vm) {
        this.vm = vm;
        Label title = new Label();
        title.setId("viewer-title");
        title.getStyleClass().add("section-title");
        title.textProperty().bind(vm.titleProperty());
        Label error = new Label();
        error.setId("viewer-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.managedProperty().bind(vm.errorProperty().isNotEmpty());
        Label loading = new Label("Decoding…");
        loading.visibleProperty().bind(vm.loadingProperty());
        loading.managedProperty().bind(vm.loadingProperty());

        image.setId("viewer-image");
        image.setPreserveRatio(true);
        image.setFitWidth(DISPLAY_SIZE);
        image.setFitHeight(DISPLAY_SIZE);
        vm.pictureProperty().addListener((obs, was, is) -> {
            shown = is == null ? null : FxPictures.update(shown, is);
            image.setImage(shown);
        });
        StackPane imageBox = new StackPane(image);
        imageBox.setStyle("-fx-background-color: black;");
        imageBox.setMinSize(DISPLAY_SIZE, DISPLAY_SIZE);
        imageBox.setPrefSize(DISPLAY_SIZE, DISPLAY_SIZE);
        imageBox.setCursor(Cursor.CROSSHAIR);
        // drag: right/left widens/narrows the window, down/up raises/lowers the centre
        imageBox.setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
        });
        imageBox.setOnMouseDragged(e -> {
            vm.drag(e.getX() - dragX, e.getY() - dragY);
            dragX = e.getX();
            dragY = e.getY();
        });

        Slider center = new Slider();
        center.setId("viewer-center-slider");
        center.minProperty().bind(vm.rangeMinProperty());
        center.maxProperty().bind(vm.rangeMaxProperty());
        center.valueProperty().bindBidirectional(vm.centerProperty());
        Slider width = new Slider();
        width.setId("viewer-width-slider");
        width.setMin(1);
        vm.rangeMaxProperty().addListener((obs, was, is) -> width.setMax(vm.maxWidth()));
        vm.rangeMinProperty().addListener((obs, was, is) -> width.setMax(vm.maxWidth()));
        width.setMax(vm.maxWidth());
        width.valueProperty().bindBidirectional(vm.widthProperty());
        TextField centerField = numberField("viewer-center", vm.centerProperty(), false);
        TextField widthField = numberField("viewer-width", vm.widthProperty(), true);
        Button reset = new Button("Reset to the file's window");
        reset.setId("viewer-reset");
        reset.setOnAction(e -> vm.reset());
        reset.disableProperty().bind(vm.pictureProperty().isNull());

        GridPane window = new GridPane();
        window.setHgap(8);
        window.setVgap(6);
        window.add(new Label("Centre (level)"), 0, 0);
        window.add(center, 1, 0);
        window.add(centerField, 2, 0);
        window.add(new Label("Width"), 0, 1);
        window.add(width, 1, 1);
        window.add(widthField, 2, 1);
        center.setPrefWidth(220);
        width.setPrefWidth(220);
        Label hint = new Label("Or drag on the image: sideways for the width, up and down for the centre.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        Label range = new Label();
        range.setId("viewer-range");
        range.textProperty().bind(vm.rangeProperty());

        TableView<ImageViewerViewModel.TagRow> tags = new TableView<>(vm.tags());
        tags.setId("viewer-tags");
        TableColumn<ImageViewerViewModel.TagRow, String> name = new TableColumn<>("Tag");
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(170);
        TableColumn<ImageViewerViewModel.TagRow, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        value.setPrefWidth(250);
        tags.getColumns().add(name);
        tags.getColumns().add(value);
        tags.setPrefHeight(330);
        tags.setPlaceholder(new Label(""));

        VBox side = new VBox(8, window, reset, hint, range, tags);
        side.setPrefWidth(460);
        VBox top = new VBox(4, title, loading, error);
        root.setTop(top);
        root.setCenter(imageBox);
        root.setRight(side);
        BorderPane.setMargin(side, new Insets(0, 0, 0, 12));
        BorderPane.setAlignment(imageBox, Pos.TOP_LEFT);
        root.setPadding(new Insets(12));
    }

    /** A field that shows a number and, on Enter or leaving it, sets it when it is a valid one. */
    private static TextField numberField(String id, DoubleProperty target, boolean atLeastOne) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(7);
        target.addListener((obs, was, is) -> {
            if (!f.isFocused()) {
                f.setText(NumberFields.format(Math.round(is.doubleValue() * 10) / 10.0));
            }
        });
        Runnable commit = () -> {
            double v = NumberFields.parseDouble(f.getText());
            if (Double.isFinite(v) && (!atLeastOne || v >= 1)) {
                target.set(v);
                f.getStyleClass().remove("invalid");
            } else if (!f.getStyleClass().contains("invalid")) {
                f.getStyleClass().add("invalid");
            }
        };
        f.setOnAction(e -> commit.run());
        f.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                commit.run();
                f.setText(NumberFields.format(Math.round(target.get() * 10) / 10.0));
            }
        });
        return f;
    }

    public Parent root() {
        return root;
    }
}
