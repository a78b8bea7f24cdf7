package org.medfed.gui.common;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.layout.StackPane;

/**
 * Tabs whose content is in the scene only while the tab is selected. A JavaFX tab pane keeps every tab's content
 * in the scene and only hides the unselected ones, but CSS and layout passes still visit hidden nodes: during a
 * fast run, the hidden table of 300 rounds' aggregation costs took more of the FX thread than the live charts
 * (docs/workbench.md, Responsiveness). Detached, a hidden screen costs nothing; it is styled and laid out again
 * when its tab is chosen.
 */
public final class SelectedTabContent {

    private SelectedTabContent() {
    }

    /** A tab showing {@code content}, which is attached to the tab (and so to the scene) only while it is selected. */
    public static Tab tab(String title, Node content) {
        StackPane holder = new StackPane();
        holder.getStyleClass().add("tab-body");
        Tab tab = new Tab(title, holder);
        tab.selectedProperty().addListener((obs, was, is) -> show(holder, content, is));
        show(holder, content, tab.isSelected());
        return tab;
    }

    private static void show(StackPane holder, Node content, boolean selected) {
        if (selected) {
            holder.getChildren().setAll(content);
        } else {
            holder.getChildren().clear();
        }
    }
}
