package org.medfed.gui.node;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.medfed.gui.common.BackgroundTasks;
import org.medfed.gui.common.FxUserDialogs;

/**
 * Puts a node window on a stage: the primary stage of {@code medfed node --gui}, or a window of its own opened
 * from the workbench's Start screen ("Run a hospital node"). Closing it asks about unsaved settings and stops the
 * node.
 */
public final class NodeWindowStage {

    private NodeWindowStage() {
    }

    public static NodeWindow show(Stage stage, BackgroundTasks tasks) {
        NodeWindow window = new NodeWindow(tasks, new FxUserDialogs(() -> stage));
        stage.setScene(new Scene(new NodeWindowView(window).root(), 1180, 820));
        stage.setTitle("MedFed hospital node");
        window.settings().configProperty().addListener((obs, was, is) -> stage.setTitle(is == null
                ? "MedFed hospital node" : "MedFed hospital node: " + is.node() + " (" + is.file() + ")"));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(e -> {
            if (!window.close()) {
                e.consume();
            }
        });
        stage.show();
        return window;
    }
}
