package org.medfed.gui.algorithm;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.medfed.gui.common.FormField;
import org.medfed.gui.common.WrappedTooltip;

/**
 * The "Hospital speeds" section of the Algorithm screen: a grid of every hospital's speed, the preset buttons, and
 * what is wrong in red under the grid. Thin: all state is in {@link SpeedsViewModel}.
 */
final class SpeedsView {

    private final SpeedsViewModel vm;
    private final VBox root = new VBox(8);
    private final GridPane grid = new GridPane();

    SpeedsView(SpeedsViewModel vm) {
        this.vm = vm;
        root.setId("speeds");
        Label title = new Label("Hospital speeds (simulated clock)");
        title.getStyleClass().add("subsection-title");
        Label intro = muted("Real hospitals differ tenfold in speed and bandwidth. In a simulated study each job of a "
                + "hospital (download the model, train, upload the update) lasts as long as these figures say, so "
                + "the run's clock, and any asynchronous run, is the same on every computer.");
        Button oneSlow = new Button("One slow hospital");
        oneSlow.setId("speeds-one-slow");
        oneSlow.setTooltip(new WrappedTooltip("For teaching: the last hospital by name ten times slower in training and "
                + "on its link"));
        oneSlow.setOnAction(e -> vm.oneSlowHospital());
        Button same = new Button("All at the same speed");
        same.setId("speeds-same");
        same.setTooltip(new WrappedTooltip("Every hospital at the speed of the first row; own figures are forgotten"));
        same.setOnAction(e -> vm.sameSpeed());
        HBox buttons = new HBox(8, oneSlow, same);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label preset = muted("");
        preset.setId("speeds-preset");
        preset.textProperty().bind(vm.presetTextProperty());
        Label nodes = new Label();
        nodes.setId("speeds-nodes");
        nodes.setWrapText(true);
        nodes.getStyleClass().add("warning-text");
        nodes.textProperty().bind(vm.nodesNoteProperty());
        nodes.managedProperty().bind(nodes.textProperty().isNotEmpty());
        nodes.visibleProperty().bind(nodes.managedProperty());

        grid.setId("speeds-grid");
        grid.setHgap(8);
        grid.setVgap(4);
        fill();
        vm.rows().addListener((ListChangeListener<SpeedsViewModel.SpeedRow>) c -> fill());
        VBox errors = new VBox(2);
        errors.setId("speeds-errors");
        Runnable showErrors = () -> {
            errors.getChildren().clear();
            for (String line : vm.errors()) {
                errors.getChildren().add(error(line));
            }
            for (String line : vm.problems()) {
                errors.getChildren().add(error(line));
            }
        };
        vm.errors().addListener((ListChangeListener<String>) c -> showErrors.run());
        vm.problems().addListener((ListChangeListener<String>) c -> showErrors.run());
        showErrors.run();
        root.getChildren().addAll(title, intro, buttons, preset, nodes, grid, errors);
    }

    Node root() {
        return root;
    }

    private void fill() {
        grid.getChildren().clear();
        grid.add(header("Hospital"), 0, 0);
        int col = 1;
        for (SpeedsViewModel.Figure f : SpeedsViewModel.Figure.values()) {
            grid.add(header(f.label()), col++, 0);
        }
        int row = 1;
        for (SpeedsViewModel.SpeedRow r : vm.rows()) {
            Label name = new Label(r.label());
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a hospital's name is never cut
            if (r.hospital() == null) {
                name.getStyleClass().add("strong");
            }
            grid.add(name, 0, row);
            col = 1;
            for (SpeedsViewModel.Figure f : SpeedsViewModel.Figure.values()) {
                grid.add(field(r.field(f), r.label() + ": " + f.label()), col++, row);
            }
            Label note = muted("");
            note.textProperty().bind(r.noteProperty());
            grid.add(note, col, row);
            row++;
        }
    }

    private static TextField field(FormField f, String accessible) {
        TextField t = new TextField();
        t.setId("speed-" + f.id());
        t.setPrefColumnCount(7);
        t.setMaxWidth(120);
        t.setAccessibleText(accessible);
        t.textProperty().bindBidirectional(f.textProperty());
        t.setTooltip(new WrappedTooltip(f.help()));
        Runnable mark = () -> {
            t.getStyleClass().remove("invalid");
            if (!f.valid()) {
                t.getStyleClass().add("invalid");
            }
        };
        f.errorProperty().addListener((obs, was, is) -> mark.run());
        mark.run();
        return t;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        l.setWrapText(true);
        l.setMaxWidth(130);
        return l;
    }

    private static Label error(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("error-text");
        return l;
    }

    static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("muted");
        l.setPadding(new Insets(0));
        return l;
    }
}
