package org.medfed.gui.genotypes;

import java.awt.geom.Rectangle2D;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.medfed.report.ManhattanLayout;

/** Where a variant is drawn on the Manhattan plot on screen, for tests and tours that click it as a person would. */
public final class ManhattanClicks {

    private ManhattanClicks() {
    }

    /** The strongest point's position in the plot's canvas (call on the FX thread, after the plot was drawn). */
    public static Point2D strongestPoint(Node screen, AssociationResultsViewModel vm) {
        ManhattanLayout layout = vm.manhattanProperty().get();
        int top = 0;
        for (int i = 1; i < layout.size(); i++) {
            top = layout.y(i) > layout.y(top) ? i : top;
        }
        ChartViewer viewer = (ChartViewer) screen.lookup("#gwas-manhattan");
        Rectangle2D area = viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
        XYPlot plot = viewer.getChart().getXYPlot();
        return new Point2D(plot.getDomainAxis().valueToJava2D(layout.x(top), area, plot.getDomainAxisEdge()),
                plot.getRangeAxis().valueToJava2D(layout.y(top), area, plot.getRangeAxisEdge()));
    }

    /** Clicks the plot's canvas at a canvas position (for a tour without a robot). */
    public static void click(Node screen, Point2D at) {
        ChartViewer viewer = (ChartViewer) screen.lookup("#gwas-manhattan");
        // an event fired at a node takes its position from the scene coordinates it was made with
        Point2D inScene = viewer.getCanvas().localToScene(at);
        Point2D onScreen = viewer.getCanvas().localToScreen(at);
        viewer.getCanvas().fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, inScene.getX(), inScene.getY(), onScreen.getX(),
                onScreen.getY(), MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, true, false,
                true, null));
    }
}
