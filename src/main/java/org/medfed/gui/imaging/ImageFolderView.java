package org.medfed.gui.imaging;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.medfed.gui.common.WrappedTooltip;

/**
 * The chosen hospital's images on the Participants screen: counts per class, reading progress with Cancel,
 * thumbnails (click one to open it in the viewer), and the files that could not be read.
 */
public final class ImageFolderView {

    private final ImageFolderViewModel vm;
    private final VBox root;
    private final VBox tiles = new VBox(6);
    private final ImageViewerWindow viewerWindow;
    /** Each thumbnail's tile, made once: thumbnails arrive in batches and the grid is laid out again each time. */
    private final java.util.Map<ImageFolderViewModel.Thumbnail, VBox> made = new java.util.IdentityHashMap<>();

    public ImageFolderView(ImageFolderViewModel vm) {
        this.vm = vm;
        Label title = new Label();
        title.setId("imaging-title");
        title.getStyleClass().add("section-title");
        title.textProperty().bind(vm.titleProperty());

        ProgressBar progress = new ProgressBar();
        progress.setId("imaging-progress");
        progress.setPrefWidth(220);
        progress.progressProperty().bind(vm.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("imaging-cancel");
        cancel.setOnAction(e -> vm.cancel());
        for (Node n : new Node[] {progress, cancel}) {
            n.visibleProperty().bind(vm.runningProperty());
            n.managedProperty().bind(vm.runningProperty());
        }
        Label status = new Label();
        status.setId("imaging-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        HBox statusRow = new HBox(10, progress, cancel, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);

        HBox counts = new HBox(8);
        counts.setId("imaging-counts");
        counts.setAlignment(Pos.CENTER_LEFT);
        vm.classes().addListener((ListChangeListener<ImageFolderViewModel.ClassCount>) c -> {
            counts.getChildren().clear();
            for (ImageFolderViewModel.ClassCount cc : vm.classes()) {
                Label chip = new Label(cc.name() + ": " + cc.count());
                chip.getStyleClass().add("class-count");
                chip.setStyle("-fx-background-color: #e8eef6; -fx-background-radius: 10; -fx-padding: 2 10 2 10;");
                counts.getChildren().add(chip);
            }
        });
        ComboBox<String> filter = new ComboBox<>(vm.classChoices());
        filter.setId("imaging-class-filter");
        filter.valueProperty().bindBidirectional(vm.shownClassProperty());
        Label showLabel = new Label("Show");
        HBox countsRow = new HBox(12, new Label("Images per class:"), counts, showLabel, filter);
        countsRow.setAlignment(Pos.CENTER_LEFT);
        countsRow.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.classes()));
        countsRow.managedProperty().bind(countsRow.visibleProperty());

        tiles.setId("imaging-thumbnails");
        tiles.setPadding(new Insets(4));
        vm.shownThumbnails().addListener((ListChangeListener<ImageFolderViewModel.Thumbnail>) c -> fillTiles());
        vm.thumbnails().addListener((ListChangeListener<ImageFolderViewModel.Thumbnail>) c -> {
            if (vm.thumbnails().isEmpty()) {
                made.clear();
            }
        });
        ScrollPane scroll = new ScrollPane(tiles);
        scroll.setFitToWidth(true);
        scroll.setPrefHeight(260);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        ListView<String> problems = new ListView<>(vm.problems());
        problems.setId("imaging-problems");
        problems.setPrefHeight(80);
        problems.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.problems()));
        problems.managedProperty().bind(problems.visibleProperty());

        Label hint = new Label("Click an image to look at it larger, with window/level and its DICOM tags.");
        hint.getStyleClass().add("muted");
        hint.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.thumbnails()));
        hint.managedProperty().bind(hint.visibleProperty());

        root = new VBox(6, title, statusRow, countsRow, hint, scroll, problems);
        root.setPadding(new Insets(6, 12, 12, 12));
        viewerWindow = new ImageViewerWindow(vm.viewer(), root);
    }

    /** The thumbnails under a heading per class (they arrive grouped by class); tiles are reused. */
    private void fillTiles() {
        tiles.getChildren().clear();
        TilePane group = null;
        String groupClass = null;
        for (ImageFolderViewModel.Thumbnail t : vm.shownThumbnails()) {
            if (group == null || !t.className().equals(groupClass)) {
                groupClass = t.className();
                Label heading = new Label(groupClass);
                heading.getStyleClass().add("class-heading");
                heading.setStyle("-fx-font-weight: bold;");
                group = new TilePane(8, 8);
                group.getStyleClass().add("class-thumbnails");
                tiles.getChildren().addAll(heading, group);
            }
            group.getChildren().add(made.computeIfAbsent(t, this::tile));
        }
    }

    private VBox tile(ImageFolderViewModel.Thumbnail t) {
        ImageView image = new ImageView(FxPictures.image(t.picture()));
        image.setFitWidth(Thumbnails.SIZE);
        image.setFitHeight(Thumbnails.SIZE);
        image.setPreserveRatio(true);
        String file = t.fileName();
        Label name = new Label(file.toLowerCase(java.util.Locale.ROOT).endsWith(".dcm")
                ? file.substring(0, file.length() - 4) : file);
        name.getStyleClass().add("muted");
        name.setMaxWidth(Thumbnails.SIZE + 16);
        name.setStyle("-fx-font-size: 10px;");
        VBox tile = new VBox(2, image, name);
        tile.setAlignment(Pos.CENTER);
        tile.getStyleClass().add("thumbnail");
        tile.setUserData(t);
        tile.setStyle("-fx-cursor: hand;");
        Tooltip.install(tile, new WrappedTooltip(t.className() + " · " + t.path()));
        tile.setOnMouseClicked(e -> {
            vm.view(t);
            viewerWindow.show();
        });
        return tile;
    }

    public Parent root() {
        return root;
    }
}
