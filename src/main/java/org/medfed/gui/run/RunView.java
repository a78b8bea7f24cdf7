package org.medfed.gui.run;

import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.medfed.gui.common.WrappedTooltip;

/** The Run screen: controls, progress, live charts, hospital status and the log. Thin: all state is in the view-model. */
public final class RunView {

    /** How often the log list catches up with the run's log. */
    static final javafx.util.Duration LOG_REFRESH = javafx.util.Duration.millis(200);

    private final RunViewModel vm;
    private final BorderPane root = new BorderPane();
    private final RunCharts charts;
    private final ProtectionPanes protections;
    private final javafx.scene.control.TabPane lowerTabs = new javafx.scene.control.TabPane();

    /** @param chartDrawing the thread the live charts are drawn on */
    public RunView(RunViewModel vm, Executor chartDrawing) {
        this.vm = vm;
        this.charts = new RunCharts(vm.series(), chartDrawing);
        this.protections = new ProtectionPanes(vm, chartDrawing);
        root.getStyleClass().add("screen");
        root.getStylesheets().add(RunView.class.getResource("run.css").toExternalForm());
        root.setTop(controls());
        root.setCenter(body());
    }

    public Parent root() {
        return root;
    }

    RunCharts charts() {
        return charts;
    }

    ProtectionPanes protections() {
        return protections;
    }

    /** Rounds drawn in the global chart: for the responsiveness benchmark. */
    public int roundsDrawnForBenchmark() {
        return charts.roundsDrawn();
    }

    private VBox controls() {
        Button start = new Button();
        start.setId("run-start");
        start.textProperty().bind(Bindings.when(vm.phaseProperty().isEqualTo(RunViewModel.Phase.PAUSED))
                .then("▶ Resume").otherwise("▶ Start"));
        start.disableProperty().bind(vm.canStartProperty().not());
        start.setOnAction(e -> vm.start());
        start.setDefaultButton(false);
        start.getStyleClass().add("primary");
        start.setTooltip(new WrappedTooltip("Start the federated run (F5)"));
        Button pause = button("run-pause", "Pause", "Hold the run after the current training step");
        pause.disableProperty().bind(vm.canPauseProperty().not());
        pause.setOnAction(e -> vm.pause());
        Button step = button("run-step", "Step one round", "Run exactly one more round, then hold: for teaching");
        step.disableProperty().bind(vm.canStepProperty().not());
        step.setOnAction(e -> vm.step());
        Button stop = button("run-stop", "Stop", "Stop after the current training step; rounds done are kept");
        stop.disableProperty().bind(vm.canStopProperty().not());
        stop.setOnAction(e -> vm.stop());
        CheckBox compare = new CheckBox();
        compare.textProperty().bind(vm.compareLabelProperty());
        compare.setId("run-compare");
        compare.selectedProperty().bindBidirectional(vm.compareWithBaselinesProperty());
        compare.disableProperty().bind(vm.canStopProperty());
        HBox buttons = new HBox(8, start, pause, step, stop, compare);
        buttons.setAlignment(Pos.CENTER_LEFT);

        ProgressBar bar = new ProgressBar();
        bar.setId("run-progress");
        bar.progressProperty().bind(Bindings.when(vm.phaseProperty().isEqualTo(RunViewModel.Phase.PREPARING)
                .or(vm.phaseProperty().isEqualTo(RunViewModel.Phase.COMPARING))).then(-1.0).otherwise(vm.progressProperty()));
        bar.setPrefWidth(320);
        Label progress = new Label();
        progress.setId("run-progress-text");
        progress.textProperty().bind(vm.progressTextProperty());
        Label left = new Label();
        left.setId("run-time-left");
        left.textProperty().bind(vm.timeLeftProperty());
        left.getStyleClass().add("muted");
        HBox progressRow = new HBox(12, bar, progress, left);
        progressRow.setAlignment(Pos.CENTER_LEFT);

        Label notReady = new Label();
        notReady.setId("run-not-ready");
        notReady.getStyleClass().add("warning-text");
        notReady.setWrapText(true);
        notReady.textProperty().bind(Bindings.createStringBinding(() -> vm.readinessProblems().isEmpty() ? ""
                : "Before you can run: " + String.join(" ", vm.readinessProblems()), vm.readinessProblems()));
        notReady.visibleProperty().bind(notReady.textProperty().isNotEmpty().and(vm.canStopProperty().not()));
        notReady.managedProperty().bind(notReady.visibleProperty());
        Label failed = new Label();
        failed.setId("run-status");
        failed.getStyleClass().add("error-text");
        failed.setWrapText(true);
        failed.textProperty().bind(vm.statusTextProperty());
        failed.visibleProperty().bind(failed.textProperty().isNotEmpty());
        failed.managedProperty().bind(failed.visibleProperty());

        Label attackers = new Label();
        attackers.setId("run-attacker-banner");
        attackers.getStyleClass().add("attacker-banner");
        attackers.setWrapText(true);
        attackers.setMaxWidth(Double.MAX_VALUE);
        attackers.textProperty().bind(vm.attackerWarningProperty());
        attackers.visibleProperty().bind(attackers.textProperty().isNotEmpty());
        attackers.managedProperty().bind(attackers.visibleProperty());

        VBox box = new VBox(8, buttons, progressRow, attackers, notReady, failed);
        box.setPadding(new Insets(12, 12, 8, 12));
        return box;
    }

    private SplitPane body() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.add(axisRow(), 0, 0, 2, 1);
        grid.add(charts.globalViewer, 0, 1);
        grid.add(charts.lossViewer, 1, 1);
        VBox hospitalsBox = new VBox(4, charts.hospitalViewer, charts.hospitalControls);
        VBox.setVgrow(charts.hospitalViewer, Priority.ALWAYS);
        // the protections share the lower half with the hospitals' chart, one tab each, so no chart shrinks
        lowerTabs.setId("run-lower-tabs");
        lowerTabs.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        lowerTabs.getTabs().add(tab("tab-hospitals", "Each hospital", hospitalsBox));
        lowerTabs.getTabs().add(tab("tab-epsilon", "Privacy spent (ε)", protections.epsilonPane()));
        lowerTabs.getTabs().add(tab("tab-verdicts", "Robust rule verdicts", protections.verdictPane()));
        lowerTabs.getTabs().add(tab("tab-costs", "Cost of protection", protections.costPane()));
        lowerTabs.getTabs().add(tab("tab-bytes", "Bytes", charts.bytesViewer));
        lowerTabs.getTabs().add(tab("tab-staleness", "Staleness", charts.stalenessViewer));
        grid.add(lowerTabs, 0, 2, 2, 1);
        for (var viewer : new javafx.scene.layout.Region[] {charts.globalViewer, charts.lossViewer, lowerTabs}) {
            GridPane.setHgrow(viewer, Priority.ALWAYS);
            GridPane.setVgrow(viewer, Priority.ALWAYS);
        }
        grid.setPadding(new Insets(0, 0, 0, 12));

        TableView<HospitalStatus> table = new TableView<>(vm.hospitals());
        table.setId("run-hospitals");
        table.setPlaceholder(new Label("The hospitals appear here when the run starts."));
        TableColumn<HospitalStatus, String> name = new TableColumn<>("Hospital");
        name.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().name()));
        TableColumn<HospitalStatus, String> state = new TableColumn<>("Status");
        state.setCellValueFactory(c -> c.getValue().stateProperty());
        state.setCellFactory(col -> new StatusCell());
        TableColumn<HospitalStatus, String> took = new TableColumn<>("Took");
        took.setCellValueFactory(c -> c.getValue().durationProperty());
        TableColumn<HospitalStatus, String> version = new TableColumn<>("Version");
        version.setCellValueFactory(c -> c.getValue().versionProperty());
        TableColumn<HospitalStatus, String> stale = new TableColumn<>("Behind");
        stale.setCellValueFactory(c -> c.getValue().stalenessProperty());
        version.setPrefWidth(70);
        version.setMinWidth(70);
        stale.setPrefWidth(64);
        stale.setMinWidth(64);
        TableColumn<HospitalStatus, String> why = new TableColumn<>("Problem");
        why.setCellValueFactory(c -> c.getValue().detailProperty());
        name.setPrefWidth(140);
        name.setMinWidth(130);
        state.setPrefWidth(90);
        state.setMinWidth(80);
        took.setPrefWidth(70);
        took.setMinWidth(60);
        why.setPrefWidth(200);
        took.setText("Took");
        took.setGraphic(null);
        javafx.scene.control.Tooltip.install(table, new javafx.scene.control.Tooltip(
                "Status of each hospital in the current round; Took: its last local training; Version: the version "
                        + "of the global model it trains from; Behind: how many versions its last merged update was "
                        + "behind (always 0 in a synchronous run)"));
        table.getColumns().add(name);
        table.getColumns().add(state);
        table.getColumns().add(took);
        table.getColumns().add(version);
        table.getColumns().add(stale);
        table.getColumns().add(why);
        table.setPrefHeight(170);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setMinHeight(120);

        // The list shows a copy of the log brought up to date at most every LOG_REFRESH: a fast run adds lines on
        // every batch, and each change re-indexes and restyles every visible cell (the largest FX cost left).
        javafx.collections.ObservableList<String> shown = javafx.collections.FXCollections.observableArrayList(vm.log());
        ListView<String> log = new ListView<>(shown);
        log.setId("run-log");
        log.getStyleClass().add("log");
        // one line per cell at a fixed height: the list then costs the same however long the run's log grows
        log.setFixedCellSize(20);
        // One tooltip for the whole list, showing the line under the mouse: a Tooltip is a window with its own
        // scene, and one per cell made the first lines of a run slow to appear
        Tooltip whole = new Tooltip();
        whole.setWrapText(true);
        whole.setMaxWidth(640);
        log.setCellFactory(l -> {
            javafx.scene.control.ListCell<String> cell = new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
            cell.setOnMouseEntered(e -> {
                String item = cell.getItem();
                boolean long_ = !cell.isEmpty() && item != null && item.length() >= 60;
                whole.setText(long_ ? item : "");
                log.setTooltip(long_ ? whole : null);
            });
            return cell;
        });
        log.setPlaceholder(new Label("What happens during the run is written here."));
        boolean[] restart = new boolean[1];
        javafx.animation.PauseTransition refresh = new javafx.animation.PauseTransition(LOG_REFRESH);
        refresh.setOnFinished(e -> {
            if (restart[0] || vm.log().size() < shown.size()) {
                shown.setAll(vm.log());
            } else if (vm.log().size() > shown.size()) {
                shown.addAll(vm.log().subList(shown.size(), vm.log().size()));
            }
            restart[0] = false;
            if (!shown.isEmpty()) {
                log.scrollTo(shown.size() - 1);
            }
        });
        vm.log().addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                restart[0] |= c.wasRemoved() || c.wasReplaced();
            }
            if (refresh.getStatus() != javafx.animation.Animation.Status.RUNNING) {
                refresh.playFromStart();
            }
        });
        Label statusTitle = new Label("Hospitals");
        statusTitle.getStyleClass().add("section-title");
        Label logTitle = new Label("Log");
        logTitle.getStyleClass().add("section-title");
        VBox side = new VBox(6, statusTitle, table, logTitle, log);
        VBox.setVgrow(log, Priority.ALWAYS);
        side.setPadding(new Insets(0, 12, 12, 0));
        side.setMinWidth(320);

        SplitPane split = new SplitPane(grid, side);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.6); // room for a log line with its time stamp
        return split;
    }

    /** The charts' horizontal axis as three toggles, and the previous run's faint line switched on or off. */
    private HBox axisRow() {
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        HBox row = new HBox(8);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setId("run-axis");
        row.getChildren().add(new Label("Draw against:"));
        for (XAxis axis : XAxis.values()) {
            javafx.scene.control.ToggleButton b = new javafx.scene.control.ToggleButton(axis.text());
            b.setId("axis-" + axis.name().toLowerCase(java.util.Locale.ROOT));
            b.setToggleGroup(group);
            b.setUserData(axis);
            b.setSelected(vm.xAxisProperty().get() == axis);
            row.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((obs, was, is) -> {
            if (is == null) {
                group.selectToggle(was); // one axis is always chosen
            } else {
                vm.xAxisProperty().set((XAxis) is.getUserData());
            }
        });
        vm.xAxisProperty().addListener((obs, was, is) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == is).findFirst().ifPresent(group::selectToggle));
        CheckBox previous = new CheckBox();
        previous.setId("run-show-previous");
        previous.selectedProperty().bindBidirectional(vm.showPreviousProperty());
        previous.textProperty().bind(Bindings.createStringBinding(() -> "Also show "
                + vm.previousLabelProperty().get() + ", in grey", vm.previousLabelProperty()));
        previous.visibleProperty().bind(Bindings.isNotEmpty(vm.previousPoints()));
        previous.managedProperty().bind(previous.visibleProperty());
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        gap.setMinWidth(16);
        row.getChildren().addAll(gap, previous);
        Tooltip.install(row, new WrappedTooltip("Time is the run's clock: simulated from the hospitals' speeds (Algorithm "
                + "screen), or measured over real nodes. Updates and time put a synchronous and an asynchronous run "
                + "of the same study side by side: run one, change the algorithm, run again."));
        return row;
    }

    private static javafx.scene.control.Tab tab(String id, String title, javafx.scene.Node content) {
        javafx.scene.control.Tab t = org.medfed.gui.common.SelectedTabContent.tab(title, content);
        t.setId(id);
        return t;
    }

    /** Adds a tab beside "Each hospital" (the hospitals' nodes in a study with hospitals behind nodes). */
    public void addLowerTab(String id, String title, javafx.scene.Node content) {
        lowerTabs.getTabs().add(1, tab(id, title, content));
    }

    /** Shows one of the lower tabs by id ("tab-epsilon"), for the tour and tests. */
    public void showLowerTab(String id) {
        lowerTabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> lowerTabs.getSelectionModel().select(t));
    }

    private static Button button(String id, String text, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new WrappedTooltip(tip));
        return b;
    }

    /** Colours the status word (failed red, done green) with pseudo-classes, which are cheap to switch per update. */
    private static final class StatusCell extends javafx.scene.control.TableCell<HospitalStatus, String> {
        private static final javafx.css.PseudoClass FAILED = javafx.css.PseudoClass.getPseudoClass("failed");
        private static final javafx.css.PseudoClass DONE = javafx.css.PseudoClass.getPseudoClass("done");
        private static final javafx.css.PseudoClass BUSY = javafx.css.PseudoClass.getPseudoClass("busy");

        StatusCell() {
            getStyleClass().add("status-cell");
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            boolean show = !empty && item != null;
            pseudoClassStateChanged(FAILED, show && item.equals(HospitalStatus.State.FAILED.text()));
            pseudoClassStateChanged(DONE, show && item.equals(HospitalStatus.State.DONE.text()));
            pseudoClassStateChanged(BUSY, show && (item.equals(HospitalStatus.State.TRAINING.text())
                    || item.equals(HospitalStatus.State.EVALUATING.text())));
        }
    }
}
