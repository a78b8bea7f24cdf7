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
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.medfed.gui.common.WrappedTooltip;

/**
 * The hospitals behind nodes on screen: the "Add remote hospital…" button and its dialog, the coordinator's
 * settings with whether it listens, and a table of the nodes (state, heartbeat, version, summary; on the Run screen
 * traffic and round trip). Refreshes the rows every second for the heartbeat's age.
 */
public final class RemoteHospitalsView {

    private final RemoteHospitalsViewModel vm;
    private final CoordinatorSettingsViewModel settings;
    private final ProvisionViewModel provision;

    public RemoteHospitalsView(RemoteHospitalsViewModel vm, CoordinatorSettingsViewModel settings,
                               ProvisionViewModel provision) {
        this.vm = vm;
        this.settings = settings;
        this.provision = provision;
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.refresh()));
        tick.setCycleCount(Animation.INDEFINITE);
        tick.play();
    }

    /** "Add remote hospital…": a hospital whose data stays behind its own node. */
    public Button addButton() {
        Button b = new Button("Add remote hospital…");
        b.setId("participants-add-remote");
        b.setTooltip(new WrappedTooltip("A hospital that keeps its data and runs a MedFed node: give its node's name and "
                + "the dataset id it registered"));
        b.setOnAction(e -> askForRemote());
        return b;
    }

    /** "Provision hospitals…": the study's start-up kits, as medfed provision makes them. */
    public Button provisionButton() {
        Button b = new Button("Provision hospitals…");
        b.setId("participants-provision");
        b.setTooltip(new WrappedTooltip("Make the certificates and start-up kits of the hospitals behind nodes (as medfed "
                + "provision does), and see which folder to send to each hospital"));
        b.setOnAction(e -> askForKits());
        return b;
    }

    private void askForKits() {
        provision.prefill(CoordinatorHostGuess.ofThisComputer());
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Provision hospitals");
        d.setHeaderText("Start-up kits for the hospitals behind their own nodes.\n"
                + "Each hospital gets a certificate of this study; this workbench, as the coordinator, gets its own.");
        TextField study = bound("provision-study", provision.studyProperty(), "heart study");
        TextField where = bound("provision-coordinator", provision.coordinatorProperty(), "coordinator.example.org:7443");
        TextField hospitals = bound("provision-hospitals", provision.hospitalsProperty(), "city-general, rural-clinic");
        TextField days = bound("provision-days", provision.daysProperty(), "730");
        days.setPrefColumnCount(6);
        TextField folder = bound("provision-folder", provision.folderProperty(), "an empty folder");
        Button choose = new Button("Choose…");
        choose.setId("provision-choose-folder");
        choose.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        choose.setOnAction(e -> provision.chooseFolder());
        HBox folderRow = new HBox(6, folder, choose);
        HBox.setHgrow(folder, Priority.ALWAYS);
        Label whereHelp = muted("The name or address (and port) by which the hospitals' computers reach this one; it "
                + "goes on this workbench's certificate, and each node checks it.");
        Label hospitalsHelp = muted("The node names, as the study's remote hospitals give them (separated by commas).");
        Label problem = new Label();
        problem.setId("provision-problem");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.textProperty().bind(provision.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label("Study name"), study);
        g.addRow(1, new Label("Coordinator (HOST:PORT)"), where);
        g.add(whereHelp, 1, 2);
        g.addRow(3, new Label("Hospitals"), hospitals);
        g.add(hospitalsHelp, 1, 4);
        g.addRow(5, new Label("Certificates valid for (days)"), days);
        g.addRow(6, new Label("Kit folder"), folderRow);
        g.add(problem, 0, 7, 2, 1);
        javafx.scene.control.TextArea instructions = new javafx.scene.control.TextArea();
        instructions.setId("provision-instructions");
        instructions.setEditable(false);
        instructions.setWrapText(true);
        instructions.setPrefRowCount(17);
        provision.instructions().addListener((javafx.collections.ListChangeListener<String>) c ->
                instructions.setText(String.join("\n\n", provision.instructions()).replace("\n\n    ", "\n    ")));
        instructions.visibleProperty().bind(provision.doneProperty());
        instructions.managedProperty().bind(provision.doneProperty());
        g.visibleProperty().bind(provision.doneProperty().not());
        g.managedProperty().bind(g.visibleProperty());
        VBox content = new VBox(8, g, instructions);
        content.setPrefWidth(720);
        d.getDialogPane().setContent(content);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
        ok.setId("provision-make");
        ok.textProperty().bind(javafx.beans.binding.Bindings.when(provision.doneProperty()).then("Close")
                .otherwise("Make kits"));
        ok.disableProperty().bind(provision.busyProperty());
        Button cancel = (Button) d.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.visibleProperty().bind(provision.doneProperty().not());
        // Make kits keeps the dialog open: it then shows what to send where, and Close closes it
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (!provision.doneProperty().get()) {
                provision.make();
                e.consume();
            }
        });
        d.showAndWait();
    }

    private static TextField bound(String id, javafx.beans.property.StringProperty value, String prompt) {
        TextField f = field(id, prompt);
        f.textProperty().bindBidirectional(value);
        f.setPrefColumnCount(34);
        return f;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("muted");
        l.setMaxWidth(460);
        return l;
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
        listen.setTooltip(new WrappedTooltip("Start listening again with these settings (after fixing the kit, or when the port was busy)"));
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
        // as tall as its hospitals (up to eight): a fixed height hid the fourth, often the one waiting or refused
        table.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> 30.0 + 24.0 * Math.max(2, Math.min(8, table.getItems().size())), table.getItems()));
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
        t.getColumns().add(column("Hospital", RemoteHospitalRow::nameProperty, traffic ? 115 : 120));
        t.getColumns().add(column("Node", RemoteHospitalRow::nodeProperty, traffic ? 100 : 110));
        t.getColumns().add(column("Connection", RemoteHospitalRow::stateTextProperty, traffic ? 95 : 220));
        t.getColumns().add(column("Last heard", RemoteHospitalRow::heartbeatProperty, traffic ? 70 : 80));
        if (traffic) {
            t.getColumns().add(column("Sent / received", RemoteHospitalRow::trafficProperty, 175));
            t.getColumns().add(column("Round trip", RemoteHospitalRow::roundTripProperty, 75));
            t.getColumns().add(column("Drop-outs and rejoins (this run)", RemoteHospitalRow::timelineProperty, 200));
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
        // a reason or a timeline can be longer than its column: whole in the cell's tooltip
        c.setCellFactory(x -> new org.medfed.gui.common.TooltipCell<>(javafx.scene.control.OverrunStyle.ELLIPSIS));
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
