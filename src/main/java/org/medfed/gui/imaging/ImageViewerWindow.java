package org.medfed.gui.imaging;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The viewer in a window of its own beside the workbench, made once and brought back to the front on each use. */
final class ImageViewerWindow {

    private final ImageViewerViewModel vm;
    private final Node owner;
    private Stage stage;

    ImageViewerWindow(ImageViewerViewModel vm, Node owner) {
        this.vm = vm;
        this.owner = owner;
    }

    void show() {
        if (stage == null) {
            stage = new Stage();
            if (owner.getScene() != null && owner.getScene().getWindow() != null) {
                stage.initOwner(owner.getScene().getWindow());
            }
            Scene scene = new Scene(new ImageViewerView(vm).root(), 1020, 640);
            if (owner.getScene() != null) {
                scene.getStylesheets().addAll(owner.getScene().getStylesheets());
            }
            stage.setScene(scene);
            stage.titleProperty().bind(vm.titleProperty().map(t -> "Image viewer: " + t));
        }
        stage.show();
        stage.toFront();
    }

    /** The viewer's window, once opened (for tests and the tour). */
    Stage stage() {
        return stage;
    }
}
