package org.medfed.gui.run;

import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.medfed.gui.common.Charts;
import org.medfed.gui.common.OffThreadChartView;
import org.medfed.gui.common.WrappedTooltip;

/**
 * The Run screen's protection panes, each on its own tab under the charts: epsilon spent per round, what a
 * robust rule did with each hospital's update, and what aggregation cost next to plain aggregation. Thin: the
 * numbers come from the view-model's {@link ProtectionMonitor}.
 */
final class ProtectionPanes {

    private final ProtectionMonitor monitor;
    private final XYSeries epsilon = new XYSeries("Epsilon spent", false, true);
    private final XYSeriesCollection epsilonData = new XYSeriesCollection(epsilon);
    final JFreeChart epsilonChart;
    final OffThreadChartView epsilonViewer;
    final TableView<RoundVerdicts> verdictTable = new TableView<>();
    final TableView<RoundCost> costTable = new TableView<>();
    private ValueMarker target;

    ProtectionPanes(RunViewModel vm, Executor drawing) {
        this.monitor = vm.protections();
        epsilonChart = Charts.lineChart("Privacy spent (client-level differential privacy)", "Round", "Epsilon",
                epsilonData, true);
        ((org.jfree.chart.axis.NumberAxis) epsilonChart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(true);
        // drawn off the FX thread like the other live charts, once per batch of rounds
        epsilonChart.setNotify(false);
        epsilonViewer = new OffThreadChartView(epsilonChart, "chart-epsilon", drawing);
        monitor.epsilon().addListener((ListChangeListener<EpsilonPoint>) c -> {
            while (c.next()) {
                if (c.wasRemoved() && monitor.epsilon().isEmpty()) {
                    epsilon.clear();
                    setTarget(Double.NaN);
                }
                if (c.wasAdded()) {
                    for (EpsilonPoint p : c.getAddedSubList()) {
                        epsilon.add(p.round(), p.epsilon(), false);
                        setTarget(p.targetEpsilon());
                    }
                    epsilon.fireSeriesChanged();
                }
            }
            epsilonViewer.redraw();
        });
        buildVerdicts(vm);
        buildCosts();
    }

    /** The budget as a red line, so a teacher can show the run stopping before it. */
    private void setTarget(double value) {
        if (target != null && (Double.isNaN(value) || target.getValue() != value)) {
            epsilonChart.getXYPlot().removeRangeMarker(target);
            target = null;
        }
        if (target == null && !Double.isNaN(value)) {
            target = new ValueMarker(value, new java.awt.Color(176, 0, 32), new java.awt.BasicStroke(1.5f));
            target.setLabel("target epsilon " + RunWording.three(value));
            target.setLabelFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12));
            // under the line, so that it stays readable when epsilon reaches the target at the top of the plot
            target.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.LEFT);
            target.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
            target.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(4, 6, 4, 6));
            epsilonChart.getXYPlot().addRangeMarker(target);
        }
    }

    /** The epsilon line, for tests. */
    XYSeries epsilonSeries() {
        return epsilon;
    }

    Node epsilonPane() {
        return withPlaceholder(epsilonViewer, "Differential privacy is off for this study: nothing is spent. "
                + "Switch it on under Privacy and defences (Algorithm).", monitor.privacyAccountedProperty());
    }

    Node verdictPane() {
        Label help = new Label("Each round, what the robust rule did with each hospital's update: accepted, "
                + "down-weighted (the share that reached the model) or rejected. Hover a cell for the figures.");
        help.setWrapText(true);
        help.getStyleClass().add("muted");
        help.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(4, help, verdictTable);
        box.setPadding(new Insets(4, 0, 0, 0));
        VBox.setVgrow(verdictTable, Priority.ALWAYS);
        return box;
    }

    Node costPane() {
        Label summary = new Label();
        summary.setId("cost-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(Bindings.createStringBinding(monitor::summary, monitor.costs()));
        Label help = new Label("Aggregation time is measured on this computer; 'plain' is a simple mean of the same "
                + "updates. Upload: bytes the hospitals send (the protocol's count under secure or Paillier "
                + "aggregation), next to plain 32-bit numbers.");
        help.setWrapText(true);
        help.getStyleClass().add("muted");
        help.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(4, summary, costTable, help);
        box.setPadding(new Insets(4, 0, 0, 0));
        VBox.setVgrow(costTable, Priority.ALWAYS);
        return box;
    }

    private void buildVerdicts(RunViewModel vm) {
        verdictTable.setId("run-verdicts");
        verdictTable.setItems(monitor.verdicts());
        verdictTable.setPlaceholder(new Label("No robust rule in this study: every update is used as sent. "
                + "Choose one under Privacy and defences (Algorithm)."));
        verdictTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // a column per hospital the charts draw (every one while few; else the picked ones) and per simulated
        // attacker, set when the run starts or the picks change; the newest round is scrolled into view
        HospitalLines lines = vm.hospitalLines();
        Runnable reset = () -> columns(lines.columns(vm.simulatedAttackers()), vm.simulatedAttackers());
        lines.lines().addListener((ListChangeListener<String>) c -> reset.run());
        vm.hospitalNames().addListener((ListChangeListener<String>) c -> reset.run());
        vm.attackerWarningProperty().addListener((obs, was, is) -> reset.run());
        reset.run();
        monitor.verdicts().addListener((ListChangeListener<RoundVerdicts>) c -> {
            if (!monitor.verdicts().isEmpty()) {
                verdictTable.scrollTo(monitor.verdicts().size() - 1);
            }
        });
    }

    private void columns(List<String> hospitals, java.util.Set<String> attackers) {
        verdictTable.getColumns().clear();
        TableColumn<RoundVerdicts, String> round = new TableColumn<>("Round");
        round.setCellValueFactory(c -> new SimpleStringProperty(String.valueOf(c.getValue().round())));
        round.setMinWidth(60);
        round.setPrefWidth(60);
        round.setMaxWidth(70);
        round.setSortable(false);
        verdictTable.getColumns().add(round);
        for (String h : hospitals) {
            // the attacker's column says so: the grid is there to show what the defence did to it
            // in words and a sign, not by colour alone; wide enough that the words are not cut
            String header = attackers.contains(h) ? "⚠ " + h + " (simulated attacker)" : h + " (honest)";
            TableColumn<RoundVerdicts, HospitalVerdict> col = new TableColumn<>(header);
            col.setId("verdict-" + h);
            col.setSortable(false);
            col.setCellValueFactory(c -> new javafx.beans.property.SimpleObjectProperty<>(c.getValue().verdict(h)));
            col.setCellFactory(x -> new VerdictCell());
            col.setMinWidth(110);
            col.setPrefWidth(Math.max(170, 7.5 * header.length() + 24));
            verdictTable.getColumns().add(col);
        }
    }

    private void buildCosts() {
        costTable.setId("run-costs");
        costTable.setItems(monitor.costs());
        costTable.setPlaceholder(new Label("The cost of each round's aggregation appears here as the run goes."));
        costTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        costTable.getColumns().add(column("Round", c -> String.valueOf(c.round())));
        costTable.getColumns().add(column("Aggregation", c -> ProtectionMonitor.millis(c.aggregationNanos())));
        costTable.getColumns().add(column("Plain mean", c -> ProtectionMonitor.millis(c.plainNanos())));
        costTable.getColumns().add(column("Upload", c -> ProtectionMonitor.bytes(c.bytes())));
        costTable.getColumns().add(column("Plain upload", c -> ProtectionMonitor.bytes(c.plainBytes())));
        costTable.getColumns().add(column("Upload ×", c -> ProtectionMonitor.ratio(c.byteRatio())));
        monitor.costs().addListener((ListChangeListener<RoundCost>) c -> {
            if (!monitor.costs().isEmpty()) {
                costTable.scrollTo(monitor.costs().size() - 1);
            }
        });
    }

    private static TableColumn<RoundCost, String> column(String title, java.util.function.Function<RoundCost, String> text) {
        TableColumn<RoundCost, String> col = new TableColumn<>(title);
        col.setSortable(false);
        col.setCellValueFactory(c -> new SimpleStringProperty(text.apply(c.getValue())));
        return col;
    }

    /** A pane that shows a message instead of its content until the run has something for it. */
    private static Node withPlaceholder(Node content, String message, javafx.beans.value.ObservableBooleanValue show) {
        Label placeholder = new Label(message);
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("muted");
        placeholder.setPadding(new Insets(12));
        placeholder.visibleProperty().bind(Bindings.not(show));
        content.visibleProperty().bind(Bindings.createBooleanBinding(show::get, show));
        return new StackPane(content, placeholder);
    }

    /** Green accepted, amber down-weighted, red rejected; the figures in a tooltip. */
    private static final class VerdictCell extends TableCell<RoundVerdicts, HospitalVerdict> {
        private static final PseudoClass ACCEPTED = PseudoClass.getPseudoClass("accepted");
        private static final PseudoClass DOWN = PseudoClass.getPseudoClass("down-weighted");
        private static final PseudoClass REJECTED = PseudoClass.getPseudoClass("rejected");

        VerdictCell() {
            getStyleClass().add("verdict-cell");
        }

        @Override
        protected void updateItem(HospitalVerdict v, boolean empty) {
            super.updateItem(v, empty);
            boolean show = !empty && v != null;
            setText(!empty && v == null ? "not asked" : show ? v.cellText() : null);
            setTooltip(show ? new WrappedTooltip(v.detail()) : null);
            pseudoClassStateChanged(ACCEPTED, show && v.decision() == HospitalVerdict.Decision.ACCEPTED);
            pseudoClassStateChanged(DOWN, show && v.decision() == HospitalVerdict.Decision.DOWN_WEIGHTED);
            pseudoClassStateChanged(REJECTED, show && v.decision() == HospitalVerdict.Decision.REJECTED);
        }
    }
}
