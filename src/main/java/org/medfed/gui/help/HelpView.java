package org.medfed.gui.help;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Help menu and the guided tour's band under the menu bar, shown while a tour runs. */
public final class HelpView {

    private final HelpViewModel vm;

    public HelpView(HelpViewModel vm) {
        this.vm = vm;
    }

    public Menu menu() {
        MenuItem screen = item("menu-help-screen", "Help on this screen", vm::helpForScreen);
        screen.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        return new Menu("Help", null, screen, item("menu-help-tour", "Guided tour (for teachers)", vm::startTour),
                new SeparatorMenuItem(), item("menu-help-about", "About MedFed Workbench", vm::about));
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    public HBox tourBand() {
        Label where = new Label();
        where.setId("tour-step");
        where.getStyleClass().add("tour-where");
        where.textProperty().bind(Bindings.createStringBinding(() -> vm.indexProperty().get() < 0 || vm.stepProperty().get() == null ? ""
                : "Guided tour, step " + (vm.indexProperty().get() + 1) + " of " + vm.steps().size() + ": "
                        + vm.stepProperty().get().title(), vm.indexProperty(), vm.stepProperty()));
        Label text = new Label();
        text.setId("tour-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.textProperty().bind(Bindings.createStringBinding(() -> vm.stepProperty().get() == null ? ""
                : vm.stepProperty().get().text(), vm.stepProperty()));
        VBox words = new VBox(2, where, text);
        HBox.setHgrow(words, Priority.ALWAYS);
        Button back = new Button("Back");
        back.setId("tour-back");
        back.disableProperty().bind(vm.indexProperty().lessThanOrEqualTo(0));
        back.setOnAction(e -> vm.back());
        Button next = new Button("Next");
        next.setId("tour-next");
        next.getStyleClass().add("primary");
        next.disableProperty().bind(vm.indexProperty().greaterThanOrEqualTo(vm.steps().size() - 1));
        next.setOnAction(e -> vm.next());
        Button end = new Button("End tour");
        end.setId("tour-end");
        end.setOnAction(e -> vm.endTour());
        HBox band = new HBox(10, words, back, next, end);
        band.setId("tour-band");
        band.getStyleClass().add("tour-band");
        band.setAlignment(Pos.CENTER_LEFT);
        band.setPadding(new Insets(8, 12, 8, 12));
        band.visibleProperty().bind(vm.stepProperty().isNotNull());
        band.managedProperty().bind(band.visibleProperty());
        for (Button b : new Button[] {back, next, end}) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        return band;
    }
}
