package org.medfed.gui.node;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The node's state: Start and Stop, the connection in words, the study and round served, and the node's log. */
final class NodeStatusView {

    private final VBox root;

    NodeStatusView(NodeRunViewModel vm) {
        Button start = new Button("Start the node");
        start.setId("node-start");
        start.getStyleClass().add("primary");
        start.disableProperty().bind(vm.canStartProperty().not());
        start.setOnAction(e -> vm.start());
        Button stop = new Button("Stop");
        stop.setId("node-stop");
        stop.disableProperty().bind(vm.canStopProperty().not());
        stop.setOnAction(e -> vm.stop());

        Label state = new Label();
        state.setId("node-state");
        state.getStyleClass().add("state");
        vm.stateProperty().addListener((obs, was, is) -> style(state, is));
        style(state, vm.stateProperty().get());
        HBox controls = new HBox(12, start, stop, state);
        controls.setAlignment(Pos.CENTER_LEFT);

        Label detail = new Label();
        detail.setId("node-detail");
        detail.setWrapText(true);
        detail.textProperty().bind(vm.detailProperty());
        Label serving = new Label();
        serving.setId("node-serving");
        serving.setWrapText(true);
        serving.getStyleClass().add("identity");
        serving.textProperty().bind(vm.servingProperty());

        Label logTitle = new Label("What the node did");
        logTitle.getStyleClass().add("section-title");
        ListView<String> log = new ListView<>(vm.log());
        log.setId("node-log");
        log.setPlaceholder(new Label("The node's messages appear here once it is started."));
        vm.log().addListener((javafx.collections.ListChangeListener<String>) c -> log.scrollTo(vm.log().size() - 1));

        root = new VBox(10, controls, detail, serving, logTitle, log);
        VBox.setVgrow(log, Priority.ALWAYS);
        root.setPadding(new Insets(14));
    }

    private static void style(Label label, ConnectionState s) {
        label.getStyleClass().removeIf(c -> c.startsWith("state-"));
        label.getStyleClass().add("state-" + s.name().toLowerCase(Locale.ROOT));
        label.setText(s.text());
    }

    Parent root() {
        return root;
    }
}
