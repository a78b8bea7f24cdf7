package org.medfed.gui.common;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;

/**
 * A chart people can zoom (Ctrl + scroll, drag) with a "Reset view" button that brings back the view it was made with;
 * {@link #reset()} is also called by the screen whenever the chart's data change, so that a zoom made on one
 * hospital's or study's curve does not carry over to the next.
 */
public final class ResettableChart extends VBox {

    private final ChartViewer viewer;
    private final JFreeChart chart;
    private final Range homeX;
    private final Range homeY;

    /** @param id the viewer's id; the button's is {@code id + "-reset"} */
    public ResettableChart(JFreeChart chart, String id) {
        this.chart = chart;
        this.viewer = Charts.viewer(chart, id);
        XYPlot plot = chart.getXYPlot();
        // a fixed range (ROC: 0 to 1) is the home view; otherwise the axis fits the data
        homeX = plot.getDomainAxis().isAutoRange() ? null : plot.getDomainAxis().getRange();
        homeY = plot.getRangeAxis().isAutoRange() ? null : plot.getRangeAxis().getRange();
        Button reset = new Button("Reset view");
        reset.setId(id + "-reset");
        reset.setTooltip(new WrappedTooltip("Undo zooming: Ctrl + scroll (Cmd + scroll on a Mac) or a drag on the chart zooms in"));
        reset.setOnAction(e -> reset());
        HBox bar = new HBox(reset);
        bar.setAlignment(Pos.CENTER_RIGHT);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        getChildren().addAll(viewer, bar);
        setSpacing(2);
    }

    public void reset() {
        XYPlot plot = chart.getXYPlot();
        if (homeX == null) {
            plot.getDomainAxis().setAutoRange(true);
        } else {
            plot.getDomainAxis().setRange(homeX);
        }
        if (homeY == null) {
            plot.getRangeAxis().setAutoRange(true);
        } else {
            plot.getRangeAxis().setRange(homeY);
        }
    }

    public ChartViewer viewer() {
        return viewer;
    }

    public JFreeChart chart() {
        return chart;
    }
}
