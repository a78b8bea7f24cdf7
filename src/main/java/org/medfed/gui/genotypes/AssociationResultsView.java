package org.medfed.gui.genotypes;

import java.awt.geom.Rectangle2D;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Cursor;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.medfed.analytics.gwas.GwasResult;
import org.medfed.gui.common.WrappedTooltip;
import org.medfed.report.ChartFiles;
import org.medfed.report.ManhattanLayout;
import org.medfed.report.ManhattanPlot;
import org.medfed.report.QqPlot;

/**
 * The Results screen of an association study: the Manhattan plot (click a point for its variant), the QQ plot with
 * lambda, the results table sortable by any column, and the exports.
 */
public final class AssociationResultsView {

    /** How far from a point, in pixels, a click still picks it. */
    private static final double PICK_PIXELS = 8;

    private final AssociationResultsViewModel vm;
    private final BorderPane root = new BorderPane();
    // a viewer cannot hold no chart: each is made with the first result and shown in its holder
    private final StackPane manhattanHolder = new StackPane(placeholder("The Manhattan plot appears once the study has run."));
    private final StackPane qqHolder = new StackPane(placeholder("The QQ plot appears here."));
    private ChartViewer manhattanViewer;
    private ChartViewer qqViewer;
    private final TableView<VariantRow> table = new TableView<>();
    private boolean syncing;

    public AssociationResultsView(AssociationResultsViewModel vm) {
        this.vm = vm;
        root.getStyleClass().add("screen");
        root.setId("gwas-results");

        Label summary = new Label();
        summary.setId("gwas-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        Button exportTable = button("gwas-export-table", "Export table (TSV)…",
                "Every variant with its frequency, effect, standard error and p-value, tab-separated");
        exportTable.setOnAction(e -> vm.exportTable());
        Button exportManhattan = button("gwas-export-manhattan", "Save Manhattan plot (PNG)…", "1600 x 600 pixels");
        // a fresh chart per file, built here and drawn in the background: the one on screen belongs to the FX thread
        exportManhattan.setOnAction(e -> {
            if (vm.resultProperty().get() != null) {
                JFreeChart chart = manhattanChart();
                vm.exportPlot("manhattan.png", file -> ChartFiles.writePng(chart, file, 1600, 600));
            }
        });
        Button exportQq = button("gwas-export-qq", "Save QQ plot (PNG)…", "700 x 700 pixels");
        exportQq.setOnAction(e -> {
            if (vm.resultProperty().get() != null) {
                JFreeChart chart = qqChart();
                vm.exportPlot("qq.png", file -> ChartFiles.writePng(chart, file, 700, 700));
            }
        });
        Button report = button("gwas-save-report", "Save report (HTML)…", "One page to read, file or print to PDF: "
                + "the study's summary, hits and smallest p-values, Manhattan and Q-Q plots");
        report.setOnAction(e -> vm.saveReport());
        report.disableProperty().bind(vm.folderProperty().isNull());
        Label message = new Label();
        message.setId("gwas-export-message");
        message.getStyleClass().add("muted");
        message.textProperty().bind(vm.messageProperty());
        for (Button b : java.util.List.of(exportTable, exportManhattan, exportQq)) {
            b.disableProperty().bind(vm.resultProperty().isNull());
        }
        FlowPane actions = new FlowPane(8, 6, report, exportTable, exportManhattan, exportQq, message);
        VBox top = new VBox(6, summary, actions);
        top.setPadding(new Insets(10, 12, 8, 12));
        root.setTop(top);

        manhattanHolder.setMinSize(300, 200);
        qqHolder.setMinSize(240, 200);
        qqHolder.setPrefWidth(380);

        Label details = new Label();
        details.setId("gwas-details");
        details.setWrapText(true);
        details.setMinHeight(64);
        details.textProperty().bind(vm.detailsProperty());
        buildTable();
        VBox right = new VBox(6, details, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox bottom = new HBox(10, qqHolder, right);
        HBox.setHgrow(right, Priority.ALWAYS);
        bottom.setPadding(new Insets(6, 12, 10, 12));
        SplitPane split = new SplitPane(manhattanHolder, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.48);
        root.setCenter(split);

        vm.resultProperty().addListener((obs, was, is) -> showCharts(is));
        vm.selectedProperty().addListener((obs, was, is) -> selectionChanged(is));
        showCharts(vm.resultProperty().get());
    }

    public Parent root() {
        return root;
    }

    private void showCharts(GwasResult r) {
        if (r == null) {
            manhattanHolder.getChildren().setAll(placeholder("The Manhattan plot appears once the study has run."));
            qqHolder.getChildren().setAll(placeholder("The QQ plot appears here."));
        } else {
            if (manhattanViewer == null) {
                manhattanViewer = new ChartViewer(manhattanChart());
                manhattanViewer.setId("gwas-manhattan");
                manhattanViewer.getCanvas().setCursor(Cursor.CROSSHAIR);
                manhattanViewer.getCanvas().addEventHandler(MouseEvent.MOUSE_CLICKED, this::clicked);
                qqViewer = new ChartViewer(qqChart());
                qqViewer.setId("gwas-qq");
            } else {
                manhattanViewer.setChart(manhattanChart());
                qqViewer.setChart(qqChart());
            }
            manhattanHolder.getChildren().setAll(manhattanViewer);
            qqHolder.getChildren().setAll(qqViewer);
        }
        table.getSortOrder().clear();
        if (r != null) {
            // most significant first: what a person looks for
            table.getSortOrder().add(table.getColumns().stream().filter(c -> "p".equals(c.getText())).findFirst()
                    .orElseThrow());
        }
    }

    private JFreeChart manhattanChart() {
        GwasResult r = vm.resultProperty().get();
        return ManhattanPlot.create(vm.manhattanProperty().get(), row -> r.results().get(row).variant().label(),
                r.settings().significance(), "Manhattan plot: " + r.settings().phenotype().phenotypeColumn() + ", "
                        + r.settings().test().description());
    }

    private JFreeChart qqChart() {
        GwasResult r = vm.resultProperty().get();
        return QqPlot.create(vm.qqProperty().get(), r.lambda(), "QQ plot");
    }

    /** A click on the plot picks the nearest point within a few pixels; a drag (zoom) does not. */
    private void clicked(MouseEvent e) {
        JFreeChart chart = manhattanViewer.getChart();
        ManhattanLayout layout = vm.manhattanProperty().get();
        if (vm.resultProperty().get() == null || layout == null || !e.isStillSincePress()) {
            return;
        }
        Rectangle2D area = manhattanViewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
        if (area.getWidth() <= 0 || !area.contains(e.getX(), e.getY())) {
            return;
        }
        XYPlot plot = chart.getXYPlot();
        double x = plot.getDomainAxis().java2DToValue(e.getX(), area, plot.getDomainAxisEdge());
        double y = plot.getRangeAxis().java2DToValue(e.getY(), area, plot.getRangeAxisEdge());
        double perPixelX = plot.getDomainAxis().getRange().getLength() / area.getWidth();
        double perPixelY = plot.getRangeAxis().getRange().getLength() / area.getHeight();
        vm.selectPoint(layout.nearest(x, y, perPixelX, perPixelY, PICK_PIXELS));
    }

    private void selectionChanged(VariantRow row) {
        if (manhattanViewer != null && vm.resultProperty().get() != null) {
            JFreeChart chart = manhattanViewer.getChart();
            GwasCharts.highlight(chart, vm.manhattanProperty().get(), vm.selectedPoint(), row == null ? "" : row.id());
        }
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            if (row == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != row) {
                table.getSelectionModel().select(row);
                table.scrollTo(row);
            }
        } finally {
            syncing = false;
        }
    }

    private void buildTable() {
        table.setId("gwas-table");
        table.setPlaceholder(new Label("Run the association study (Run tab, F5) to see every variant here."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        javafx.collections.transformation.SortedList<VariantRow> sorted =
                new javafx.collections.transformation.SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        TableColumn<VariantRow, VariantRow> location = new TableColumn<>("Chrom:position");
        location.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        // the result list is in genome order, so its index sorts by chromosome, then position
        location.setComparator(Comparator.comparingInt(VariantRow::index));
        location.setCellFactory(c -> text(v -> v.chromosome() + ":" + String.format(Locale.ROOT, "%,d", v.position())));
        location.setPrefWidth(130);
        TableColumn<VariantRow, String> id = new TableColumn<>("ID");
        id.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().id()));
        id.setPrefWidth(90);
        TableColumn<VariantRow, String> alleles = new TableColumn<>("Alleles");
        alleles.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().alleles()));
        alleles.setPrefWidth(60);
        table.getColumns().add(location);
        table.getColumns().add(id);
        table.getColumns().add(alleles);
        table.getColumns().add(number("Alt freq", VariantRow::frequency, v -> VariantRow.fixed(v, 3)));
        TableColumn<VariantRow, Double> effect = number("Effect", VariantRow::effect, v -> VariantRow.fixed(v, 3));
        vm.resultProperty().addListener((obs, was, is) -> effect.setText(is == null ? "Effect"
                : is.settings().test().effectName().equals("OR") ? "OR" : "Beta"));
        table.getColumns().add(effect);
        table.getColumns().add(number("SE", VariantRow::se, v -> VariantRow.fixed(v, 4)));
        table.getColumns().add(number("p", VariantRow::p, VariantRow::pValue));
        table.getColumns().add(number("-log10 p", VariantRow::negLog10P, v -> VariantRow.fixed(v, 2)));
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (!syncing && is != null) {
                syncing = true;
                try {
                    vm.selectedProperty().set(is);
                } finally {
                    syncing = false;
                }
            }
        });
    }

    /** A numeric column: sorts by value (a missing value, NaN, counts as the largest). */
    private static TableColumn<VariantRow, Double> number(String title, ToDoubleFunction<VariantRow> value,
            Function<Double, String> format) {
        TableColumn<VariantRow, Double> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(c.getValue())));
        column.setComparator(Double::compare);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : format.apply(v));
            }
        });
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
        column.setPrefWidth(80);
        return column;
    }

    private static TableCell<VariantRow, VariantRow> text(Function<VariantRow, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(VariantRow v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : format.apply(v));
            }
        };
    }

    private static Label placeholder(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("muted");
        return l;
    }

    private static Button button(String id, String text, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new WrappedTooltip(tip));
        return b;
    }
}
