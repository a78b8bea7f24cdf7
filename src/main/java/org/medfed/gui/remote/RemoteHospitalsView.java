package org.medfed.gui.remote;

import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The hospitals behind nodes on screen: the "Add remote hospital…" button and its dialog, the coordinator's
 * settings with whether it listens, and a table of the nodes (state, heartbeat, version, summary; on the Run screen
 * traffic and round trip). Refreshes the rows every second for the heartbeat's age.
 */
public final class RemoteHospitalsView {

    private final RemoteHospitalsViewModel vm;
    private final CoordinatorSettingsViewModel settings;

    public RemoteHospitalsView(RemoteHospitalsViewModel vm, CoordinatorSettingsViewModel settings) {
        this.vm = vm;
        this.settings = settings;
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.refresh()));
        tick.setCycleCount(Animation.INDEFINITE);
        tick.play();
    }

    /** "Add remote hospital…": a hospital whose data stays behind its own node. */
    public Button addButton() {
        Button b = new Button("Add remote hospital…");
        b.setId("participants-add-remote");
        b.setTooltip(new Tooltip("A hospital that keeps its data and runs a MedFed node: give its node's name and "
                + "the dataset id it registered"));
        b.setOnAction(e -> askForRemote());
        return b;
    }

    private void askForRemote() {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Add remote hospital");
        d.setHeaderText("A hospital that keeps its data behind its own MedFed node.\n"
                + "Its rows never come here: the node sends only what its policy allows.");
        TextField name = field("remote-name", "city-general");
        TextField node = field("remote-node", "same as the hospital's name");
        TextField dataset = field("remote-dataset", "heart");
        Label error = new Label();
        error.setId("remote-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(vm.messageProperty());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.addRow(0, new Label("Hospital name"), name);
        g.addRow(1, new Label("Node name (on its certificate)"), node);
        g.addRow(2, new Label("Dataset id (in its node.json)"), dataset);
        g.add(error, 0, 3, 2, 1);
        g.setPrefWidth(520);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Add");
        ok.setId("remote-add");
        // a refused entry keeps the dialog open with the reason under the fields
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (!vm.addRemote(name.getText(), node.getText(), dataset.getText())) {
                e.consume();
            }
        });
        vm.messageProperty().set("");
        name.requestFocus();
        Optional<ButtonType> answer = d.showAndWait();
        if (answer.isEmpty() || answer.get() != ButtonType.OK) {
            vm.messageProperty().set("");
        }
    }

    private static TextField field(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(22);
        return f;
    }

    /** The coordinator's settings and the nodes' table, for the Participants screen; shown once a hospital is remote. */
    public Node participantsPane() {
        TextField port = new TextField();
        port.setId("coordinator-port");
        port.setPrefColumnCount(6);
        port.setPromptText("7443");
        port.textProperty().bindBidirectional(settings.portProperty());
        port.setOnAction(e -> settings.apply());
        port.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                settings.apply();
            }
        });
        TextField bind = new TextField();
        bind.setId("coordinator-bind");
        bind.setPrefColumnCount(10);
        bind.setPromptText("every interface");
        bind.textProperty().bindBidirectional(settings.bindProperty());
        bind.setOnAction(e -> settings.apply());
        bind.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                settings.apply();
            }
        });
        TextField kit = new TextField();
        kit.setId("coordinator-kit");
        kit.setPrefColumnCount(24);
        kit.setPromptText("coordinator (beside the study file)");
        kit.textProperty().bindBidirectional(settings.kitProperty());
        kit.setOnAction(e -> settings.apply());
        Button chooseKit = new Button("Choose…");
        chooseKit.setId("coordinator-choose-kit");
        chooseKit.setOnAction(e -> settings.chooseKit());
        Button listen = new Button("Listen again");
        listen.setId("coordinator-listen");
        listen.setTooltip(new Tooltip("Start listening again with these settings (after fixing the kit, or when the port was busy)"));
        listen.setOnAction(e -> settings.listenAgain());
        HBox row = new HBox(8, new Label("Listen on port"), port, new Label("address"), bind,
                new Label("coordinator kit folder"), kit, chooseKit, listen);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(kit, Priority.ALWAYS);
        Label status = label("coordinator-status", settings.statusProperty());
        status.getStyleClass().add("muted");
        Label message = label("coordinator-message", settings.messageProperty());
        message.getStyleClass().add("error-text");
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        TableView<RemoteHospitalRow> table = table("remote-hospitals", false);
        table.setPrefHeight(110);
        VBox box = new VBox(6, row, message, status, table);
        box.setPadding(new Insets(6));
        TitledPane pane = new TitledPane("Hospitals behind their own nodes: where this workbench listens for them", box);
        pane.setId("remote-pane");
        pane.setCollapsible(false);
        pane.visibleProperty().bind(settings.shownProperty());
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }

    /** The nodes with their traffic and round trip, for a tab of the Run screen. */
    public Node runPane() {
        TableView<RemoteHospitalRow> table = table("run-nodes", true);
        Label status = label("run-nodes-status", settings.statusProperty());
        status.getStyleClass().add("muted");
        VBox box = new VBox(4, status, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private TableView<RemoteHospitalRow> table(String id, boolean traffic) {
        TableView<RemoteHospitalRow> t = new TableView<>(vm.rows());
        t.setId(id);
        t.setPlaceholder(new Label("No hospital behind a node. \"Add remote hospital…\" on the Participants screen adds one."));
        t.getColumns().add(column("Hospital", RemoteHospitalRow::nameProperty, 120));
        t.getColumns().add(column("Node", RemoteHospitalRow::nodeProperty, 110));
        t.getColumns().add(column("Connection", RemoteHospitalRow::stateTextProperty, 220));
        t.getColumns().add(column("Last heard", RemoteHospitalRow::heartbeatProperty, 80));
        if (traffic) {
            t.getColumns().add(column("Sent / received", RemoteHospitalRow::trafficProperty, 170));
            t.getColumns().add(column("Last call round trip", RemoteHospitalRow::roundTripProperty, 130));
        } else {
            t.getColumns().add(column("Dataset", RemoteHospitalRow::datasetProperty, 80));
            t.getColumns().add(column("Node version", RemoteHospitalRow::versionProperty, 90));
            t.getColumns().add(column("Rows", RemoteHospitalRow::rowsProperty, 60));
            t.getColumns().add(column("Label balance", RemoteHospitalRow::balanceProperty, 200));
            t.getColumns().add(column("Columns (as the node summarised them)", RemoteHospitalRow::columnsProperty, 300));
        }
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return t;
    }

    private static TableColumn<RemoteHospitalRow, String> column(String title,
            java.util.function.Function<RemoteHospitalRow, ObservableValue<String>> value, double width) {
        TableColumn<RemoteHospitalRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(x -> value.apply(x.getValue()));
        c.setPrefWidth(width);
        return c;
    }

    private static Label label(String id, ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(text);
        return l;
    }
}
