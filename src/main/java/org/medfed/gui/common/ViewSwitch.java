package org.medfed.gui.common;

import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;

/**
 * One place on a screen that shows a different view for each value of a key (the study's data kind, say), and a
 * fallback view for keys without one of their own. Each view is built once and kept, so its state survives a switch.
 */
public final class ViewSwitch<K> {

    private final StackPane root = new StackPane();
    private final Map<K, ? extends Node> views;
    private final Node fallback;

    public ViewSwitch(ObservableValue<K> key, Map<K, ? extends Node> views, Node fallback) {
        this.views = views;
        this.fallback = fallback;
        show(key.getValue());
        key.addListener((obs, was, is) -> show(is));
    }

    private void show(K key) {
        Node view = views.get(key);
        Node next = view == null ? fallback : view;
        if (root.getChildren().size() != 1 || root.getChildren().get(0) != next) {
            root.getChildren().setAll(next);
        }
    }

    public Parent root() {
        return root;
    }
}
